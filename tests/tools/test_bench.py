"""make bench: each notebook's floor runs exactly that notebook's own imports; the nbgrader benchmark's assignment."""

from __future__ import annotations

import copy
import subprocess
import sys

import nbformat
import pytest

from crisis_reading.grading.layout import answer_name, question_ids
from crisis_reading.questions.checks import Verdict
from crisis_reading.questions.generator import ANSWER_PROMPT, SOLUTIONS_ONLY
from tools.bench import import_source
from tools.grading_bench import REPO, TreeSampler
from tools.nbgrader_assignment import AssignmentError, autograder_test_source, build_assignment, filled_in


def test_the_floor_keeps_every_top_level_import_and_nothing_else() -> None:
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("import this is prose"),
            nbformat.v4.new_code_cell("%matplotlib inline\nimport pandas as pd\nx = 1"),
            nbformat.v4.new_code_cell("from crisis_reading import charts\n\ndef f():\n    import json\n"),
            nbformat.v4.new_code_cell("answer = ...  # your answer here ("),  # a blank exercise can be invalid
            nbformat.v4.new_code_cell("from crisis_reading.analysis.voices import (\n    side_summary,\n)"),
        ]
    )
    assert import_source(notebook).splitlines() == [
        "import pandas as pd",
        "from crisis_reading import charts",
        "from crisis_reading.analysis.voices import side_summary",
    ]


# --- the nbgrader benchmark's assignment (tools/nbgrader_assignment.py): offline, nbformat only ----------------

SOLUTION = next((REPO / "solutions").glob("03-*.ipynb"))


def graded(notebook: nbformat.NotebookNode, key: str) -> list[nbformat.NotebookNode]:
    return [cell for cell in notebook.cells if cell.get("metadata", {}).get("nbgrader", {}).get(key)]


def test_each_answer_is_a_solution_cell_and_each_check_a_test_cell_worth_a_point() -> None:
    solution = nbformat.read(SOLUTION, as_version=4)
    source, work = build_assignment(solution, SOLUTION.name)
    names = [answer_name(question) for question in question_ids("03")]
    solutions = graded(source, "solution")
    assert [cell.metadata["nbgrader"]["grade_id"] for cell in solutions] == names
    for cell, name in zip(solutions, names, strict=True):
        lines = cell.source.splitlines()
        assert lines[0] == "### BEGIN SOLUTION" and "### END SOLUTION" in lines
        assert any(line.startswith(f"{name} = ") for line in lines)
        assert cell.metadata["nbgrader"]["grade"] is False
    tests = graded(source, "grade")
    assert [cell.metadata["nbgrader"]["grade_id"] for cell in tests] == [f"check_{n[len('answer_') :]}" for n in names]
    assert all(cell.metadata["nbgrader"]["points"] == 1 and cell.metadata["nbgrader"]["locked"] for cell in tests)
    assert all(f'check("{question}", ' in cell.source for cell, question in zip(tests, question_ids("03"), strict=True))
    # every other code cell is kept as it is: nbgrader's kernel runs the same code as ours
    kept = [cell.source for cell in solution.cells if cell.cell_type == "code" and "check(" not in cell.source]
    kept = [text for text in kept if "# BEGIN SOLUTION" not in text]
    assert kept == [
        cell.source for cell in source.cells if cell.cell_type == "code" and "nbgrader" not in cell.metadata
    ]
    assert len(work.cells) == len(source.cells) == len(solution.cells) - 1  # the instructor-only cell goes


def test_the_source_has_the_students_prompt_and_the_work_the_model_answer() -> None:
    source, work = build_assignment(nbformat.read(SOLUTION, as_version=4), SOLUTION.name)
    text = {
        name: "\n".join(cell.source for cell in notebook.cells)
        for name, notebook in (("source", source), ("work", work))
    }
    assert ANSWER_PROMPT in text["source"] and "A model answer" not in text["source"]
    assert "A model answer" in text["work"] and ANSWER_PROMPT not in text["work"]
    assert SOLUTIONS_ONLY not in text["source"] + text["work"]


def test_the_release_filled_in_is_the_work() -> None:
    source, work = build_assignment(nbformat.read(SOLUTION, as_version=4), SOLUTION.name)
    release = nbformat.reads(nbformat.writes(source), as_version=4)  # as read from release/
    for cell in graded(release, "solution"):
        cell.source = "# YOUR CODE HERE\nraise NotImplementedError()"  # as nbgrader generate_assignment leaves it
    release.cells[-1].source = ANSWER_PROMPT
    handed_in = filled_in(release, work)
    assert [cell.source for cell in handed_in.cells] == [cell.source for cell in work.cells]
    with pytest.raises(AssignmentError):
        filled_in(release, nbformat.v4.new_notebook(cells=work.cells[:-1]))


@pytest.mark.parametrize("change", ["drop a check", "answer twice", "two answers in one cell"])
def test_a_notebook_whose_answers_and_checks_do_not_match_is_refused(change: str) -> None:
    solution = nbformat.read(SOLUTION, as_version=4)
    checks = [index for index, cell in enumerate(solution.cells) if cell.source.startswith('check("03.')]
    answers = [index for index, cell in enumerate(solution.cells) if "# BEGIN SOLUTION" in cell.source]
    if change == "drop a check":
        del solution.cells[checks[2]]
    elif change == "answer twice":
        solution.cells.insert(answers[0] + 1, copy.deepcopy(solution.cells[answers[0]]))
    else:
        solution.cells[answers[0]].source = solution.cells[answers[0]].source.replace(
            "# END SOLUTION", "answer_03_2 = 1\n# END SOLUTION"
        )
    with pytest.raises(AssignmentError):
        build_assignment(solution, "changed")


@pytest.mark.parametrize("correct", [True, False])
def test_the_test_cell_fails_exactly_when_the_check_says_not_yet(correct: bool) -> None:
    shown, asked = [], []

    def check(question: str, answer: object) -> Verdict:
        asked.append((question, answer))
        return Verdict(question, correct, "well done." if correct else "that number is not right.")

    namespace = {"check": check, "display": shown.append, "answer_03_3": 17}
    cell = autograder_test_source("03.3", "answer_03_3")
    if correct:
        exec(cell, namespace)
    else:
        with pytest.raises(AssertionError, match="Not yet"):
            exec(cell, namespace)
    assert asked == [("03.3", 17)]
    assert [verdict.correct for verdict in shown] == [correct]  # shown as the student's check cell shows it


def test_the_tree_sampler_counts_a_grandchilds_cpu() -> None:
    burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.5: pass"
    spawn = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {burn!r}], check=True)"
    with TreeSampler() as sampler:
        subprocess.run([sys.executable, "-c", spawn], check=True)
    assert 0.4 <= sampler.seconds() < 5
