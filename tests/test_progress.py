"""Tests of crisis_reading.progress: plain numbered lines in a log, a bar on a terminal."""

from __future__ import annotations

import io
import sys

from crisis_reading.progress import Progress, progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_one_numbered_line_per_step() -> None:
    log = io.StringIO()
    with Progress(2, "grading", stream=log) as counter:
        counter.step("alice 03: 6/6")
        counter.step()
    assert log.getvalue() == "[1/2] alice 03: 6/6\n[2/2]\n"


def test_a_terminal_gets_a_bar_and_the_lines() -> None:
    screen = Terminal()
    with Progress(3, "rendering", stream=screen) as counter:
        counter.step("01-anatomy.html: rendered")
    shown = screen.getvalue()
    assert "01-anatomy.html: rendered" in shown and "rendering" in shown and "\r" in shown
    assert "[1/3]" not in shown


def test_progress_yields_every_item(capsys) -> None:
    assert list(progress(["a", "b"], what="scoring")) == ["a", "b"]
    assert capsys.readouterr().err == "[1/2] a\n[2/2] b\n"


def test_a_terminal_without_tqdm_gets_the_plain_lines(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now fails
    screen = Terminal()
    with Progress(1, "grading", stream=screen) as counter:
        counter.step("bob 03: 0/6")
    assert screen.getvalue() == "[1/1] bob 03: 0/6\n"
