"""Exercises: generated from solutions, every check accepts the solution and rejects blanks and wrong answers.

The solution notebooks are run here in plain Python (no kernel): their code cells
are executed in order in one namespace, and every `check("NN.k", name)` cell is
judged with the value `name` holds. This is where `make test` runs solutions/;
nbval runs the student copies in exercises/ in a kernel, whose cells are the
solutions' cells with the answers left blank, so the charts and tables the two
share are drawn there.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest
from conftest import REPO

from crisis_reading.questions.checks import QUESTION_KINDS, Verdict, all_questions, default_data, verdict
from crisis_reading.questions.generator import (
    BEGIN_ANSWER,
    MarkerError,
    exercise_from_solution,
    generate,
    render,
    strip_code,
    strip_markdown,
)

matplotlib.use("Agg")

SOLUTIONS = REPO / "solutions"
EXERCISES = REPO / "exercises"
CHECK_CALL = re.compile(r"""check\(\s*["'](\d\d\.\d+)["']\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)""")
SOLUTION_NOTEBOOKS = sorted(SOLUTIONS.glob("*.ipynb"))


def run_solution(path: Path) -> tuple[dict, list[tuple[str, str]]]:
    """Execute a solution notebook's code cells in order; return the namespace and its check calls."""
    notebook = nbformat.read(path, as_version=4)
    namespace: dict = {"__name__": "__solution__", "display": lambda *args, **kwargs: None}
    calls = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        exec(compile(cell.source, f"{path.name}", "exec"), namespace)
        calls += CHECK_CALL.findall(cell.source)
    return namespace, calls


def test_exercises_are_exactly_what_the_solutions_generate(tmp_path: Path) -> None:
    assert SOLUTION_NOTEBOOKS, "no solution notebooks"
    generated = tmp_path / "exercises"
    generated.mkdir()
    generate(SOLUTIONS, generated)
    for solution in SOLUTION_NOTEBOOKS:
        fresh = (generated / solution.name).read_bytes()
        committed = EXERCISES / solution.name
        assert committed.exists(), f"exercises/{solution.name} is missing: run `make exercises`"
        assert committed.read_bytes() == fresh, f"exercises/{solution.name} is out of date: run `make exercises`"
    orphans = {p.name for p in EXERCISES.glob("*.ipynb")} - {p.name for p in SOLUTION_NOTEBOOKS}
    assert not orphans, f"exercise notebooks without a solution: {orphans}"


def test_instructors_question_index_is_current() -> None:
    from crisis_reading.questions.index import render_index

    committed = REPO / "instructors" / "questions.md"
    assert committed.exists() and committed.read_text(encoding="utf-8") == render_index(), (
        "instructors/questions.md is out of date: run `make exercises`"
    )


def test_exercises_hold_no_answers() -> None:
    for exercise in EXERCISES.glob("*.ipynb"):
        text = exercise.read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and BEGIN_ANSWER not in text and "SOLUTIONS ONLY" not in text


@pytest.mark.parametrize("path", SOLUTION_NOTEBOOKS, ids=lambda p: p.name)
def test_every_solution_passes_its_checks(path: Path) -> None:
    namespace, calls = run_solution(path)
    assert len(calls) >= 4, f"{path.name} needs at least four checked questions"
    for question_id, name in calls:
        result = verdict(question_id, namespace[name])
        assert result.correct, f"{path.name}: the solution to {question_id} fails: {result.message}"


@pytest.mark.parametrize("path", SOLUTION_NOTEBOOKS, ids=lambda p: p.name)
def test_every_solution_has_a_reflection_question(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    assert any(BEGIN_ANSWER in cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def test_every_question_is_asked_in_exactly_one_solution() -> None:
    asked = [
        qid
        for path in SOLUTION_NOTEBOOKS
        for cell in nbformat.read(path, as_version=4).cells
        for qid, _ in CHECK_CALL.findall(cell.source)
        if cell.cell_type == "code"
    ]
    assert sorted(asked) == sorted(set(asked)), "a question is checked twice"
    assert set(asked) == set(all_questions()), "questions in the bank and in the solutions differ"


QUESTIONS = sorted(all_questions().values(), key=lambda q: q.id)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_the_blank_placeholder_is_not_accepted(question) -> None:
    result = verdict(question.id, ...)
    assert not result.correct and "replace the ..." in result.message


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_plausible_wrong_answers_are_rejected_with_a_hint(question) -> None:
    data = default_data()
    wrong_answers = question.wrong_answers(data)
    assert wrong_answers, f"{question.id} needs at least one plausible wrong answer to test"
    hints = [question.hint, *(hint.says for hint in question.hints)]
    for wrong in wrong_answers:
        result = verdict(question.id, wrong)
        assert not result.correct, f"{question.id} accepts the wrong answer {wrong!r}"
        # A wrong kind of answer (text for a number) is told what kind is wanted instead of a content hint.
        assert any(hint in result.message for hint in hints) or "the answer should be" in result.message, result.message


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_hints_do_not_give_the_answer_away(question) -> None:
    expected = question.expected(default_data())
    revealing = str(expected) if isinstance(expected, str) or (isinstance(expected, int) and expected >= 10) else None
    if revealing is None:
        return
    for wrong in question.wrong_answers(default_data()):
        assert revealing.casefold() not in verdict(question.id, wrong).message.casefold()


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_question_is_well_formed(question) -> None:
    assert re.fullmatch(r"\d\d\.\d+", question.id)
    assert question.kind in QUESTION_KINDS
    assert 1 <= question.outcome <= 8
    assert question.asks.endswith(("?", ".", ")"))


@pytest.mark.parametrize(
    "odd_answer", [None, object(), pd.DataFrame({"a": [1], "b": [2]}), lambda: 1, float("nan"), [], {"x": 1}]
)
def test_a_check_never_raises(odd_answer) -> None:
    for question in QUESTIONS:
        result = verdict(question.id, odd_answer)
        assert isinstance(result, Verdict) and not result.correct


def test_unknown_question_id() -> None:
    assert "no question" in verdict("99.9", 1).message


def test_generator_keeps_names_and_replaces_answers_with_ellipsis() -> None:
    source = "x = 1\n# BEGIN SOLUTION\nhelper = x + 1\nanswer = helper * 2\n# END SOLUTION\nanswer"
    assert strip_code(source, "t") == "x = 1\nhelper = ...\nanswer = ...\nanswer"
    assert strip_code("# BEGIN SOLUTION\nprint(1)\n# END SOLUTION", "t") == "..."
    assert strip_markdown("Q?\n<!-- BEGIN ANSWER -->\nyes\n<!-- END ANSWER -->", "t") == "Q?\n*Write your answer here.*"


@pytest.mark.parametrize(
    "source",
    ["# BEGIN SOLUTION\nx = 1", "# END SOLUTION", "# BEGIN SOLUTION\n# BEGIN SOLUTION\n# END SOLUTION"],
)
def test_generator_rejects_unpaired_markers(source: str) -> None:
    with pytest.raises(MarkerError):
        strip_code(source, "t")


def test_generated_exercise_has_no_outputs() -> None:
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("# BEGIN SOLUTION\na = 1\n# END SOLUTION")
    cell.outputs = [nbformat.v4.new_output("stream", text="1")]
    cell.execution_count = 3
    notebook.cells.append(cell)
    exercise = exercise_from_solution(notebook, "t")
    assert exercise.cells[0].outputs == [] and exercise.cells[0].execution_count is None
    assert "a = ..." in render(exercise)


def test_pandas_arrays_are_read_as_lists() -> None:
    from crisis_reading.questions.answer_matching import compare

    labels = pd.Series(["b", "a", "b"], dtype="string").unique()
    assert compare(labels, ["a", "b"], "set").correct
    assert compare(pd.array([3], dtype="Int64"), 3, "number").correct


def test_tables_and_counts_are_read_by_their_names() -> None:
    from crisis_reading.questions.answer_matching import compare

    counts = pd.Series([2, 1], index=pd.Index(["b", "a"], name="label"), name="count")
    assert compare(counts, ["a", "b"], "set").correct
    filtered = pd.DataFrame({"blocks": [1, 1]}, index=pd.Index(["headline", "credit"], name="function"))
    assert compare(filtered, ["credit", "headline"], "set").correct
    assert compare(pd.Series(["x", "x", "y"]), ["y", "x"], "set").correct  # duplicates do not matter
    assert not compare(pd.Series(["x", "z"]), ["y", "x"], "set").correct
    assert compare("Talks are deadlocked.", "talks are deadlocked", "text").correct
    assert compare("2022-01-12 00:00:00", "2022-01-12", "text").correct
    assert compare(["ukraine"], "ukraine", "text").correct
    assert compare(41, 40, "number", near_miss=False).problem == "that number is not right"
    assert "add .days" in compare(pd.Timedelta(days=41), 41, "number").problem


def test_lesson_08_hints_say_what_number_is_wanted() -> None:
    from crisis_reading.annotate.workspace import capstone_article
    from crisis_reading.questions.bank.lesson_08 import _fits_calendar, _misread_by_calendar, _missed, _not_placed

    key_quotes = len(capstone_article().quotes)
    assert key_quotes != _missed(None)
    missed = verdict("08.3", key_quotes).message
    assert "not the right one" not in missed and "how many quotes there are" in missed
    assert _fits_calendar() not in (_misread_by_calendar(None), _not_placed())
    agree = verdict("08.7", _fits_calendar()).message
    assert "not the right one" not in agree and "agree (fits_calendar True)" in agree
    hint = all_questions()["08.6"].hint
    assert "compare_profiles(articles" not in hint and "[course, haldor]" in hint


def test_every_per_cent_question_accepts_a_whole_per_cent_and_no_more() -> None:
    """Per-cent answers are read off tables rounded to one decimal or off chart labels in whole per cents:
    every lesson accepts the answer rounded to a whole per cent (within 0.5) and nothing further off."""
    per_cent = [q for q in all_questions().values() if "percentage" in q.asks or "per cent" in q.asks]
    assert len(per_cent) >= 5
    assert {q.tolerance for q in per_cent} == {0.5}, {q.id: q.tolerance for q in per_cent}
    expected = all_questions()["08.4"].expected(None)
    assert verdict("08.4", round(expected)) and not verdict("08.4", expected + 0.6)


# One process imports what every exercise's setup cell imports anyway (pandas, nbformat, the package's lazy front
# door, never a lesson's module or matplotlib), then forks a child per exercise, so each first check() still runs
# in a process that has seen only that exercise's setup cell, without paying for Python and pandas eight times.
FIRST_CHECKS = r"""
import json, os, sys
import nbformat, pandas, crisis_reading
assert not [name for name in sys.modules if name.startswith(("matplotlib", "crisis_reading.questions"))]
for path in sys.argv[1:]:
    child = os.fork()
    if child:
        os.waitpid(child, 0)
        continue
    try:
        os.chdir(os.path.dirname(path))
        notebook = nbformat.read(path, as_version=4)
        setup = next(cell.source for cell in notebook.cells if cell.cell_type == "code")
        namespace = {"__name__": "__main__", "display": lambda *args, **kwargs: None}
        exec(setup, namespace)  # the exercise's own first cell, as a student runs it
        before = set(sys.modules)
        result = namespace["check"](os.path.basename(path)[:2] + ".1", "not the answer")
        report = {"new": sorted(set(sys.modules) - before), "message": result.message,
                  "matplotlib": "matplotlib" in sys.modules}
    except BaseException as exc:
        report = {"error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps({"exercise": os.path.basename(path), **report}), flush=True)
    os._exit(0)
"""


@pytest.fixture(scope="module")
def first_checks() -> dict[str, dict]:
    import json
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", FIRST_CHECKS, *map(str, sorted(EXERCISES.glob("*.ipynb")))],
        capture_output=True,
        text=True,
        env={**os.environ, "MPLBACKEND": "Agg"},
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith('{"exercise"')]
    return {report.pop("exercise"): report for report in reports}


@pytest.mark.parametrize("exercise", sorted(EXERCISES.glob("*.ipynb")), ids=lambda p: p.name[:2])
def test_a_check_imports_only_its_own_lessons_questions(first_checks: dict[str, dict], exercise: Path) -> None:
    """The first check() of a notebook, in a fresh process after the exercise's setup cell: it imports only its own
    lesson's module of the bank (lesson 08's brings in the quote finder and the annotation model) and never
    matplotlib; lesson 03 draws no chart, so matplotlib is not loaded there at all."""
    lesson = exercise.name[:2]
    assert exercise.name in first_checks, f"{exercise.name}: the child process reported nothing"
    report = first_checks[exercise.name]
    assert "error" not in report, report.get("error")
    banks = [name for name in report["new"] if name.startswith("crisis_reading.questions.bank.")]
    assert banks == [f"crisis_reading.questions.bank.lesson_{lesson}"], banks
    assert not [name for name in report["new"] if name.split(".")[0] == "matplotlib"]
    assert "there is no question" not in report["message"] and "could not read" not in report["message"]
    if lesson == "03":
        assert not report["matplotlib"], "lesson 03 draws no chart, yet matplotlib was imported"


def test_lesson_08_tells_the_worked_example_from_the_students_article() -> None:
    from crisis_reading.annotate.workspace import capstone_proposal, practice_proposal

    meridia, haldor = len(practice_proposal().quotes), len(capstone_proposal().quotes)
    assert meridia != haldor
    assert "worked example, the Meridia article" in verdict("08.1", meridia).message
    assert verdict("08.1", haldor)
