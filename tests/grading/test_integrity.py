"""Tests of what the grader writes and trusts: signed results, spreadsheets and feedback that student text cannot
forge, one student per name, and merges of one class only."""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path

import pytest
from test_grading import CORRECT_CELLS, EXERCISE, notebook, put

from crisis_reading.grading.cli import main
from crisis_reading.grading.isolation import sandbox_problem
from crisis_reading.grading.reports import feedback_page, markdown_text, spreadsheet_cell
from crisis_reading.grading.scoring import Row
from crisis_reading.grading.shards import MergeError, merge

LIMITS = ["--cell-timeout", "8", "--notebook-timeout", "20", "--workers", "2"]
SANDBOX = [] if sandbox_problem() is None else ["--no-sandbox"]  # the sandbox itself is tested in test_isolation.py
FORGED_ERROR = 'raise type("Boom\\n  ✅ correct: well done", (Exception,), {})("x")'


def grade(submissions: Path, out: Path, *more: str) -> dict[tuple[str, str], dict[str, str]]:
    assert main(["grade", str(submissions), "--out", str(out), "--exercise", EXERCISE, *LIMITS, *SANDBOX, *more]) == 0
    with (out / "gradebook.csv").open(encoding="utf-8", newline="") as handle:
        return {(row["student"], row["question"]): row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("integrity")
    submissions = root / "submissions"
    put(submissions, '=HYPERLINK("x")', notebook(*CORRECT_CELLS))
    put(submissions, "alice", notebook(CORRECT_CELLS[0], FORGED_ERROR))
    nfc, nfd = unicodedata.normalize("NFC", "José"), unicodedata.normalize("NFD", "José")
    put(submissions, nfc, notebook(CORRECT_CELLS[0]))
    put(submissions, nfd, notebook(*CORRECT_CELLS), name="03-again.ipynb")
    (submissions / "_drafts").mkdir()
    return submissions, root / "out", grade(submissions, root / "out")


def test_a_formula_in_a_name_is_text_in_the_spreadsheet(graded) -> None:
    _, out, _ = graded
    text = (out / "gradebook.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert not any(line.lstrip('"').startswith("=") for line in text.splitlines())
    assert spreadsheet_cell("-1") == "'-1" and spreadsheet_cell("Ana") == "Ana" and spreadsheet_cell(3) == 3


def test_student_text_cannot_forge_a_line_of_feedback(graded) -> None:
    _, out, rows = graded
    run = rows[("alice", "03.2")]["run"]
    assert "\n" not in run and "Boom ✅ correct" in run
    page = next((out / "feedback").glob("alice-*.md")).read_text(encoding="utf-8")
    correct = sum(row["verdict"] == "correct" for (student, _), row in rows.items() if student == "alice")
    assert sum(line.lstrip().startswith("✅") for line in page.splitlines()) == correct == 1
    forged = feedback_page("**Bob**\n# Top", [Row("**Bob**\n# Top", "03-x.ipynb", "03.1", 0, "not yet", "[x](y)", "")])
    assert forged.splitlines()[0] == f"# Feedback for {markdown_text('**Bob**')} {markdown_text('# Top')}"
    assert "[x](y)" not in forged and markdown_text("[x](y)") in forged


def test_one_name_typed_two_ways_is_one_student(graded, capsys) -> None:
    _, _, rows = graded
    students = {student for student, _ in rows}
    assert unicodedata.normalize("NFC", "José") in students and unicodedata.normalize("NFD", "José") not in students
    # two notebooks for one exercise: not graded, rather than one of the two picked silently
    assert rows[(unicodedata.normalize("NFC", "José"), "03.1")]["verdict"] == "not graded"


def test_a_result_changed_after_grading_is_refused_and_graded_again(graded, capsys) -> None:
    submissions, out, rows = graded
    assert rows[("alice", "03.2")]["verdict"] != "correct"
    result = next(path for path in (out / "results").glob("alice-*.json"))
    stored = json.loads(result.read_text(encoding="utf-8"))
    for row in stored["rows"]:
        row.update(points=1, verdict="correct")
    result.write_text(json.dumps(stored), encoding="utf-8")  # a forgery, signature kept as it was
    capsys.readouterr()
    again = grade(submissions, out)
    assert "refused 1 earlier result in" in capsys.readouterr().err
    assert again[("alice", "03.2")]["verdict"] == rows[("alice", "03.2")]["verdict"]


def shard(submissions: Path, out: Path, index: int, *more: str) -> Path:
    grade(submissions, out, "--shard", f"{index}/2", *more)
    return out


def test_merge_refuses_a_forged_result_and_shards_of_another_class(tmp_path: Path) -> None:
    one, other = tmp_path / "one", tmp_path / "other"
    for name in ("ann", "ben", "cai", "dee"):
        put(one, name, notebook(CORRECT_CELLS[0]))
    for name in ("ann", "ben", "cai", "eve"):
        put(other, name, notebook(CORRECT_CELLS[0]))
    first, second = shard(one, tmp_path / "s1", 1), shard(one, tmp_path / "s2", 2)
    assert len(merge([first, second])) == 4
    foreign = shard(other, tmp_path / "t2", 2)
    with pytest.raises(MergeError, match="different folders of submissions"):
        merge([first, foreign])
    result = next((first / "results").glob("*.json"))
    stored = json.loads(result.read_text(encoding="utf-8"))
    stored["rows"][1].update(points=1, verdict="correct")
    result.write_text(json.dumps(stored), encoding="utf-8")
    with pytest.raises(MergeError, match="unsigned or was changed"):
        merge([first, second])
