"""Every lesson announces honest minutes (issue 15): its teaching and practice times are the reading estimate of
tests/lesson_minutes.py, rounded up to 5 minutes, in the lesson's header and in the instructor's guide alike."""

from __future__ import annotations

import re

import nbformat
import pytest
from conftest import REPO
from lesson_minutes import NO_PRACTICE, Count, count, estimates, lessons

ESTIMATES = estimates()


def header(path) -> str:
    return nbformat.read(path, as_version=4).cells[0].source


def announced(text: str, row: str) -> str | None:
    match = re.search(rf"\| \*\*{row}\*\* \| ([^|\n]+?) \|", text)
    return match.group(1) if match else None


@pytest.mark.parametrize(("number", "lesson", "exercise"), lessons(), ids=lambda value: getattr(value, "name", value))
def test_each_lesson_announces_its_estimate(number: str, lesson, exercise) -> None:
    teaching, practice = ESTIMATES[number]
    text = header(lesson)
    assert announced(text, "Teaching") == f"{teaching.announced} minutes", (
        f"lesson {number} is estimated at {teaching.minutes:.1f} minutes of teaching: announce "
        f"{teaching.announced} (python tests/lesson_minutes.py --write)"
    )
    expected = f"{practice.announced} minutes" if practice else NO_PRACTICE
    assert announced(text, "Practice") == expected
    assert announced(text, "Time") is None, "one Teaching and one Practice row, not a range"


def test_the_guide_gives_the_same_minutes() -> None:
    guide = (REPO / "instructors" / "guide.md").read_text(encoding="utf-8")
    for number, (teaching, practice) in ESTIMATES.items():
        row = next(line for line in guide.splitlines() if line.startswith(f"| {number} "))
        shown = f"{practice.announced} minutes" if practice else NO_PRACTICE
        assert row.endswith(f"| {teaching.announced} minutes | {shown} |"), row


def test_the_rule_counts_what_it_says(tmp_path) -> None:
    notebook = nbformat.v4.new_notebook()
    prose = " ".join(["word"] * 360)  # two minutes of reading
    notebook.cells = [
        nbformat.v4.new_markdown_cell(f"# 99 · A lesson\n\n{prose}"),
        nbformat.v4.new_code_cell("1 + 1"),
        nbformat.v4.new_markdown_cell("**Predict, then run.** Guess. Then change `1` to `2` and run it again."),
        nbformat.v4.new_markdown_cell("> **Instructor note.** " + " ".join(["teacher"] * 900)),
        nbformat.v4.new_markdown_cell("## 2. Think about it (no code)\n\n1. Why?\n2. Why not?"),
        nbformat.v4.new_markdown_cell("## Try this on your own\n\nChange `x` to `y`. " + prose),
    ]
    path = tmp_path / "99-lesson.ipynb"
    nbformat.write(notebook, path)
    found = count(path)
    # the instructor note and the optional extra are not the student's reading
    assert (found.code_cells, found.tweaks, found.reflections) == (1, 2, 2)
    assert found.minutes == pytest.approx(found.words / 180 + 0.4 + 2 + 5)
    assert 360 < found.words < 400
    assert Count(words=180 * 41).announced == 45 and Count(words=180 * 40).announced == 40


def test_more_to_read_raises_the_estimate() -> None:
    number = lessons()[1][0]
    teaching, _ = ESTIMATES[number]
    longer = Count(teaching.words + 180 * 6, teaching.code_cells, teaching.tweaks, teaching.reflections, teaching.timed)
    assert longer.announced > teaching.announced  # six more minutes of prose cannot hide under the same number
