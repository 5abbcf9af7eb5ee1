"""Tests of crisis_reading.cli: the one command line and what each subcommand says of itself."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO

from crisis_reading.cli import COMMANDS, main


def test_the_usage_names_every_command_with_what_it_does(capsys) -> None:
    assert main([]) == 2
    printed = capsys.readouterr().out
    for name, (_, _, purpose) in COMMANDS.items():
        assert f"  {name} " in printed and purpose in printed
        assert purpose.endswith(".") and len(purpose) < 80  # one sentence


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_its_own_help(command: str, capsys, monkeypatch) -> None:
    monkeypatch.chdir(REPO)  # site and bench are found from the repository's top folder
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: crisis-reading {command}")


def test_an_unknown_command_is_named(capsys) -> None:
    assert main(["grde"]) == 2
    assert "no command 'grde'" in capsys.readouterr().err


def test_a_developer_tool_outside_the_repository_says_where_to_run_it(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["site", "--out", str(tmp_path / "site")])
    assert "run it from a clone's top folder" in str(stopped.value)


def test_the_installed_script_and_python_m_are_the_same_command() -> None:
    script = REPO / ".venv" / "bin" / "crisis-reading"
    commands = [[sys.executable, "-m", "crisis_reading"]] + ([[str(script)]] if script.exists() else [])
    for command in commands:
        result = subprocess.run([*command, "--help"], capture_output=True, text=True, check=False)
        assert result.returncode == 0 and "scaffold" in result.stdout, result.stderr
