"""A broken data file, as a student or instructor meets it in a notebook: one line, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import set_cell
from IPython.core.interactiveshell import InteractiveShell

from crisis_reading import DEFAULT_ARTICLE

ESCAPES = re.compile(r"\x1b\[[0-9;]*m")  # IPython's colours


def test_a_broken_file_shows_in_a_notebook_as_its_message_alone(article_folder: Path, capsys) -> None:
    set_cell(article_folder / "speakers.csv", 2, "side", "goverment")  # a hand edit's slip
    shell = InteractiveShell.instance()
    shell.run_cell(
        f"from crisis_reading import load_article\nload_article({DEFAULT_ARTICLE!r}, {str(article_folder.parent)!r})"
    )
    shown = [line for line in ESCAPES.sub("", capsys.readouterr().out).splitlines() if line.strip()]
    assert len(shown) == 1, shown
    assert (
        shown[0].startswith("A data file needs fixing: ") and "speakers.csv, row 2 (line 3), column 'side'" in shown[0]
    )
    assert "'goverment' is not an allowed value" in shown[0]
    assert "Traceback" not in shown[0] and "File " not in shown[0]


@pytest.fixture(autouse=True)
def _no_shell_left_behind():
    yield
    InteractiveShell.clear_instance()  # the next test that wants a shell starts a clean one
