"""Tests of crisis_reading.cli: the one command line and what each subcommand says of itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from crisis_reading.cli import COMMANDS, main


def test_the_usage_names_every_command_with_what_it_does(capsys) -> None:
    assert main([]) == 2
    printed = capsys.readouterr().err  # no command: the usage, as an error
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


def test_a_developer_tool_outside_the_repository_says_where_to_run_it(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tools").mkdir()  # a folder of its own named tools/ is not the course's
    (tmp_path / "tools" / "__init__.py").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["site", "--out", str(tmp_path / "site")])
    assert stopped.value.code == 2
    assert "run it from a clone's top folder (no tools/site_builder.py" in capsys.readouterr().err


def test_a_command_without_its_extra_says_what_to_install(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "crisis_reading.grading.cli", None)  # as if nbclient & co. were missing
    with pytest.raises(SystemExit) as stopped:
        main(["grade", "--help"])
    assert stopped.value.code == 2
    assert "pip install 'crisis-reading[grading]'" in capsys.readouterr().err


def test_exercises_outside_the_course_writes_nothing(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["exercises"]) == 2
    assert "no solution notebooks" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_installed_script_and_python_m_are_the_same_command() -> None:
    script = Path(sys.executable).with_name("crisis-reading")
    assert script.exists(), "the console script is not installed: pip install -e ."
    outputs = [
        subprocess.run([*command, "--help"], capture_output=True, text=True, check=True).stdout
        for command in ([sys.executable, "-m", "crisis_reading"], [str(script)])
    ]
    assert outputs[0] == outputs[1] and "scaffold" in outputs[0]
