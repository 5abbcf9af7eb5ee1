"""Batch grading: a synthetic class, broken and hostile submissions included, graded and checked row by row.

The class is graded once (module fixture), in two runs: the realistic submissions (the real
exercise notebook, which imports the course's libraries) on realistic limits, and the hostile
ones as tiny notebooks that import nothing heavy, on short limits that prove the same stops in
seconds. The other tests read that output or grade tiny classes that need no kernel.
"""

from __future__ import annotations

import csv
import json
import os
import re
import resource
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from conftest import REPO

from crisis_reading.grading import answers as answer_values
from crisis_reading.grading.batch import grade_jobs
from crisis_reading.grading.cli import main
from crisis_reading.grading.layout import Job, LayoutError, discover, in_shard, parse_shard
from crisis_reading.grading.reports import summary_chart
from crisis_reading.grading.sandbox import Limits, RunResult, kernel_environment, run_submission
from crisis_reading.grading.scoring import Row, score
from crisis_reading.grading.shards import MergeError, merge
from crisis_reading.questions.answer_matching import plain
from crisis_reading.questions.checks import Data, Hint, Question, all_questions, default_data, judge

EXERCISE = "03"
EXERCISE_FILE = "03-how-they-are-quoted.ipynb"
QUESTIONS = ["03.1", "03.2", "03.3", "03.4", "03.5", "03.6"]
# A cell of the real exercise notebook can take several seconds on a busy machine: 20 s leaves room for that.
REALISTIC_LIMITS = ["--cell-timeout", "20", "--notebook-timeout", "60", "--memory-mb", "1024", "--workers", "2"]
# The hostile notebooks run only one-line cells before their hostile cell, so 3 s a cell is ample for those;
# the notebook limit of 6 s stops the slow cells (2 s each) in their third one, cell 4.
HOSTILE_LIMITS = ["--cell-timeout", "3", "--notebook-timeout", "6", "--memory-mb", "1024", "--workers", "2"]


def expected_literal(question_id: str) -> str:
    return repr(plain(all_questions()[question_id].expected(default_data())))


def answer_cell(question_id: str, value: str | None = None) -> str:
    name = "answer_" + question_id.replace(".", "_")
    return f"{name} = {value if value is not None else expected_literal(question_id)}"


def notebook(*sources: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])


def filled_exercise(answers: dict[str, str], drop: tuple[str, ...] = ()) -> nbformat.NotebookNode:
    """The real exercise notebook with some answer cells filled in and some questions' cells removed."""
    exercise = nbformat.read(REPO / "exercises" / EXERCISE_FILE, as_version=4)
    cells = []
    for cell in exercise.cells:
        names = [qid for qid in QUESTIONS if f"answer_{qid.replace('.', '_')}" in cell.source]
        if names and names[0] in drop:
            continue
        if names and names[0] in answers and cell.source.startswith("answer_"):
            cell.source = answer_cell(names[0], answers[names[0]])
        cells.append(cell)
    exercise.cells = cells
    return exercise


ALL_CORRECT = {qid: expected_literal(qid) for qid in QUESTIONS}
CORRECT_CELLS = [answer_cell(qid) for qid in QUESTIONS]

CHEAT_CHECK = """
import crisis_reading.questions.checks as checks

class Verdictish:
    correct = True
    def __bool__(self):
        return True
    def __repr__(self):
        return "✅ Correct: well done."

def check(question_id, answer):
    return Verdictish()

checks.verdict = lambda *args, **kwargs: Verdictish()
checks.judge = lambda *args, **kwargs: Verdictish()
checks.check = check
print("All tests passed")

class AlwaysEqual:
    def __eq__(self, other):
        return True

answer_03_1 = AlwaysEqual()
answer_03_2 = ["anything"]
answer_03_3 = -1
"""

SEARCH_NEARBY = """
import glob, os
near = [os.getcwd(), os.path.dirname(os.getcwd()), os.path.expanduser("~")]
found = [p for folder in near for p in glob.glob(os.path.join(folder, "**", "*.ipynb"), recursive=True)]
found = {os.path.realpath(p) for p in found if "solution" in p.lower() or "03" in os.path.basename(p)}
mine = os.path.realpath("03-how.ipynb")
answer_03_1 = ... if found == {mine} else "found: " + repr(found)
answer_03_4 = ... if "GRADER_TEST_SECRET" not in os.environ else "the grader's environment leaked"
"""

READ_SOLUTION_THROUGH_PACKAGE = """
import json, pathlib, crisis_reading
solution = pathlib.Path(crisis_reading.__file__).parent.parent / "solutions" / "03-how-they-are-quoted.ipynb"
namespace = {"display": lambda *a, **k: None}
for cell in json.loads(solution.read_text())["cells"]:
    if cell["cell_type"] == "code" and "answer_03_2" not in namespace:
        exec("".join(cell["source"]), namespace)
answer_03_2 = namespace["answer_03_2"]
"""

DELETE_FILES = """
import os, shutil
for name in os.listdir("."):
    os.remove(name)
shutil.rmtree(os.path.expanduser("~"), ignore_errors=True)
os.chdir("..")
shutil.rmtree("work", ignore_errors=True)
"""


def put(folder: Path, student: str, content: nbformat.NotebookNode | str | bytes, name: str = "03-how.ipynb") -> None:
    (folder / student).mkdir(parents=True)
    path = folder / student / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        nbformat.write(content, path)


def realistic_class(folder: Path) -> None:
    """Submissions graded on realistic limits: the real exercise notebook, mistakes, cheating, snooping."""
    put(folder, "correct", filled_exercise(ALL_CORRECT), EXERCISE_FILE)
    put(folder, "untouched", filled_exercise({}), EXERCISE_FILE)
    put(
        folder,
        "partly",
        notebook(answer_cell("03.1"), "answer_03_2 = ...", answer_cell("03.3", "1000"), *CORRECT_CELLS[3:]),
    )
    put(folder, "no_cells", notebook())
    put(folder, "invalid_json", "{ this is not json")
    put(folder, "empty_file", b"")
    put(folder, "raises", notebook(CORRECT_CELLS[0], "answer_03_2 = undefined_name", *CORRECT_CELLS[2:]))
    put(folder, "deletes", notebook(CORRECT_CELLS[0], DELETE_FILES, *CORRECT_CELLS[1:]))
    put(folder, "missing_question", notebook(*CORRECT_CELLS[:3], *CORRECT_CELLS[4:]))
    put(folder, "cheats_check", notebook(CHEAT_CHECK, 'check("03.1", answer_03_1)'))
    put(folder, "reads_solutions", notebook(SEARCH_NEARBY, READ_SOLUTION_THROUGH_PACKAGE))
    # A memory bomb and an output flood take seconds of real work before the cells after them run, so they get the
    # realistic time limits: only the memory limit may stop the bomb, and nothing may stop the flood.
    put(
        folder,
        "memory_bomb",
        notebook(
            CORRECT_CELLS[0], "chunks = []\nwhile True:\n    chunks.append(bytearray(50 * 2**20))", *CORRECT_CELLS[1:]
        ),
    )
    put(folder, "floods", notebook("for i in range(10_000):\n    print('spam ' * 200)", *CORRECT_CELLS))
    (folder / "forgot").mkdir()
    (folder / "forgot" / "notes.txt").write_text("no notebook here", encoding="utf-8")


def hostile_class(folder: Path) -> None:
    """Submissions that only a limit stops; named so the two longest runs start first, one on each worker."""
    # A busy loop, as a student writes it: the cell limit, not the loop, must end it.
    put(folder, "a_loops", notebook(CORRECT_CELLS[0], "while True:\n    pass", *CORRECT_CELLS[1:]))
    # Cells that each fit the cell limit but together pass the notebook's; sleeping proves that without a busy core.
    put(folder, "a_slow_cells", notebook(CORRECT_CELLS[0], *["import time\ntime.sleep(2)"] * 4, *CORRECT_CELLS[1:]))
    put(folder, "exits", notebook(CORRECT_CELLS[0], "import os\nos._exit(0)", *CORRECT_CELLS[1:]))


REALISTIC_STUDENTS = {
    "correct", "untouched", "partly", "no_cells", "invalid_json", "empty_file", "raises", "deletes",
    "missing_question", "cheats_check", "reads_solutions", "forgot", "memory_bomb", "floods",
}  # fmt: skip
HOSTILE_STUDENTS = {"a_loops", "a_slow_cells", "exits"}


@dataclass
class GradedClass:
    submissions: Path
    out: Path
    limits: list[str]
    gradebook: str
    by_key: dict[tuple[str, str], dict[str, str]]


def grade_class(root: Path, build, limits: list[str]) -> GradedClass:
    submissions, out = root / "submissions", root / "out"
    build(submissions)
    before = {path: path.read_bytes() for path in submissions.rglob("*") if path.is_file()}
    status = main(["grade", str(submissions), "--out", str(out), "--exercise", EXERCISE, *limits])
    assert status == 0
    after = {path: path.read_bytes() for path in submissions.rglob("*") if path.is_file()}
    assert after == before, "grading changed the submissions folder"
    with (out / "gradebook.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_key = {(row["student"], row["question"]): row for row in rows}
    assert len(by_key) == len(rows)
    return GradedClass(submissions, out, limits, (out / "gradebook.csv").read_text(encoding="utf-8"), by_key)


@pytest.fixture(scope="module")
def classes(tmp_path_factory) -> dict[str, GradedClass]:
    os.environ["GRADER_TEST_SECRET"] = "a token the students' code must not see"
    # Both runs at once: the hostile kernels mostly wait (sleeping cells, limits), so the realistic ones use that time.
    try:
        with ThreadPoolExecutor(max_workers=2) as runs:
            hostile = runs.submit(grade_class, tmp_path_factory.mktemp("hostile"), hostile_class, HOSTILE_LIMITS)
            realistic_root = tmp_path_factory.mktemp("realistic")
            realistic = runs.submit(grade_class, realistic_root, realistic_class, REALISTIC_LIMITS)
            return {"hostile": hostile.result(), "realistic": realistic.result()}
    finally:
        del os.environ["GRADER_TEST_SECRET"]


@pytest.fixture(scope="module")
def graded(classes) -> tuple[Path, Path, dict[tuple[str, str], dict[str, str]], str]:
    """Both runs' rows, by (student, question); each run's folders are in `classes`."""
    realistic, hostile = classes["realistic"], classes["hostile"]
    assert not set(realistic.by_key) & set(hostile.by_key)
    return realistic.submissions, realistic.out, {**realistic.by_key, **hostile.by_key}, realistic.gradebook


def verdicts(by_key, student: str) -> list[str]:
    return [by_key[(student, qid)]["verdict"] for qid in QUESTIONS]


def test_every_student_has_a_row_per_question(classes) -> None:
    assert {student for student, _ in classes["realistic"].by_key} == REALISTIC_STUDENTS
    assert {student for student, _ in classes["hostile"].by_key} == HOSTILE_STUDENTS
    by_key = {**classes["realistic"].by_key, **classes["hostile"].by_key}
    for student in REALISTIC_STUDENTS | HOSTILE_STUDENTS:
        assert [qid for s, qid in by_key if s == student] == QUESTIONS
    for row in by_key.values():
        assert row["points"] == ("1" if row["verdict"] == "correct" else "0")
        assert row["message"], row


def test_correct_partly_and_untouched(graded) -> None:
    _, _, by_key, _ = graded
    assert verdicts(by_key, "correct") == ["correct"] * 6
    assert verdicts(by_key, "untouched") == ["unanswered"] * 6
    assert verdicts(by_key, "partly") == ["correct", "unanswered", "not yet", "correct", "correct", "correct"]
    assert "that number is not right" in by_key[("partly", "03.3")]["message"]
    assert by_key[("correct", "03.1")]["run"] == "ran to the end"


def test_unreadable_and_empty_notebooks(graded) -> None:
    _, _, by_key, _ = graded
    assert verdicts(by_key, "invalid_json") == ["not graded"] * 6
    assert "not valid JSON" in by_key[("invalid_json", "03.1")]["message"]
    assert verdicts(by_key, "empty_file") == ["not graded"] * 6
    assert "the file is empty" in by_key[("empty_file", "03.4")]["message"]
    assert verdicts(by_key, "no_cells") == ["missing"] * 6
    assert verdicts(by_key, "forgot") == ["not submitted"] * 6


def test_a_raising_cell_costs_only_its_question(graded) -> None:
    _, _, by_key, _ = graded
    assert verdicts(by_key, "raises") == ["correct", "not yet", *["correct"] * 4]
    assert "cell 2, which sets answer_03_2, raised NameError" in by_key[("raises", "03.2")]["message"]
    assert "cell 2 raised NameError" in by_key[("raises", "03.1")]["run"]


def test_an_infinite_loop_times_out_and_keeps_earlier_answers(graded) -> None:
    _, _, by_key, _ = graded
    assert verdicts(by_key, "a_loops") == ["correct", *["not run"] * 5]
    assert by_key[("a_loops", "03.4")]["run"] == "timed out in cell 2 (limit 3 s a cell)"
    assert "answer_03_4 is set in cell 5, which did not run" in by_key[("a_loops", "03.4")]["message"]


def test_the_memory_limit_stops_a_memory_bomb(graded) -> None:
    _, _, by_key, _ = graded
    # MemoryError (not a time-out) shows that the address-space limit, not the clock, stopped the bomb.
    assert verdicts(by_key, "memory_bomb") == ["correct"] * 6
    assert "cell 2 raised MemoryError: ran out of memory (limit 1024 MB)" in by_key[("memory_bomb", "03.1")]["run"]


def test_a_dying_kernel_is_reported(graded) -> None:
    _, _, by_key, _ = graded
    # Answers are saved after each cell that sets one, so the answer given before the crash still counts.
    assert verdicts(by_key, "exits") == ["correct", *["not run"] * 5]
    assert by_key[("exits", "03.2")]["message"].startswith("kernel died in cell 2")


def test_deleting_files_and_flooding_output_harm_nothing(classes, graded) -> None:
    _, _, by_key, _ = graded
    assert verdicts(by_key, "deletes") == ["correct"] * 6
    assert (classes["realistic"].submissions / "deletes" / "03-how.ipynb").is_file()
    assert verdicts(by_key, "floods") == ["correct"] * 6
    assert by_key[("floods", "03.1")]["run"] == "ran to the end"


def test_a_missing_question_is_named(graded) -> None:
    _, _, by_key, _ = graded
    assert verdicts(by_key, "missing_question") == ["correct"] * 3 + ["missing"] + ["correct"] * 2
    assert "no cell assigns answer_03_4" in by_key[("missing_question", "03.4")]["message"]


def test_redefining_check_earns_nothing(graded) -> None:
    _, _, by_key, _ = graded
    assert verdicts(by_key, "cheats_check") == ["not yet"] * 3 + ["missing"] * 3
    assert "yours is a AlwaysEqual" in by_key[("cheats_check", "03.1")]["message"]


def test_what_reading_the_solutions_can_and_cannot_do(graded) -> None:
    _, _, by_key, _ = graded
    # Nothing near the sandbox (its folder, the folder above, its HOME) holds a solution: 03.1 stays unanswered.
    assert by_key[("reads_solutions", "03.1")]["verdict"] == "unanswered"
    # The kernel gets a small environment: a secret in the grader's environment does not reach it.
    assert by_key[("reads_solutions", "03.4")]["verdict"] == "unanswered"
    # The course's solutions/ beside the package are not in the sandbox: reading them by the package's path fails.
    row = by_key[("reads_solutions", "03.2")]
    assert row["verdict"] == "not run" or "FileNotFoundError" in row["run"], row
    assert row["verdict"] != "correct"


@pytest.mark.parametrize("name", ["realistic", "hostile"])
def test_feedback_and_summary(classes, name) -> None:
    out, by_key = classes[name].out, classes[name].by_key
    students = {student for student, _ in by_key}
    pages = sorted((out / "feedback").glob("*.md"))
    assert len(pages) == len(students)
    if name == "realistic":
        partly = next(page for page in pages if page.name.startswith("partly-")).read_text(encoding="utf-8")
        assert "5 of 6 questions correct" not in partly and "4 of 6 questions correct" in partly
        assert "that number is not right" in partly and all_questions()["03.3"].asks in partly
    with (out / "summary.csv").open(encoding="utf-8", newline="") as handle:
        summary = {row["question"]: row for row in csv.DictReader(handle)}
    for qid in QUESTIONS:
        correct = sum(1 for (student, q), row in by_key.items() if q == qid and row["verdict"] == "correct")
        assert int(summary[qid]["correct"]) == correct
        handed_in = sum(1 for (student, q), row in by_key.items() if q == qid and row["verdict"] != "not submitted")
        assert int(summary[qid]["handed_in"]) == handed_in
        if name == "realistic":
            assert handed_in == len(students) - 1  # "forgot" handed nothing in: not counted in the rate
        assert float(summary[qid]["success_rate"]) == round(100 * correct / handed_in, 1)
    assert (out / "summary.png").read_bytes().startswith(b"\x89PNG")
    rates = {qid: float(summary[qid]["success_rate"]) for qid in QUESTIONS}
    hardest = [qid for qid in QUESTIONS if rates[qid] == min(rates.values())]
    named = f"Question {hardest[0]} was" if len(hardest) == 1 else f"Questions {', '.join(hardest)} were"
    assert f"{named} the hardest" in (out / "summary.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["realistic", "hostile"])
def test_a_second_run_resumes_and_gives_the_same_gradebook(classes, name, capsys) -> None:
    graded_class = classes[name]
    submissions, out, limits = graded_class.submissions, graded_class.out, graded_class.limits
    count = len({student for student, _ in graded_class.by_key})
    capsys.readouterr()
    assert main(["grade", str(submissions), "--out", str(out), "--exercise", EXERCISE, *limits]) == 0
    said = capsys.readouterr().err
    assert f"resuming: {count} of {count} jobs were already graded" in said and "grading the other 0" in said
    assert (out / "gradebook.csv").read_text(encoding="utf-8") == graded_class.gradebook


def test_the_notebook_limit_stops_many_slow_cells(graded) -> None:
    _, _, by_key, _ = graded
    # Cells 2 and 3 sleep 2 s each within the 3 s cell limit; cell 4 meets the 6 s limit of the whole notebook.
    assert by_key[("a_slow_cells", "03.1")]["run"] in (
        "timed out in cell 4 (the notebook's limit of 6 s)",
        "timed out before cell 5 (notebook limit 6 s)",
    )
    assert verdicts(by_key, "a_slow_cells") == ["correct", *["not run"] * 5]


# Tiny classes below need no kernel: nothing handed in, or notebooks that cannot be read.


def no_kernel_class(folder: Path, students: int) -> None:
    for number in range(students):
        (folder / f"student{number:02d}").mkdir(parents=True)
        if number % 2:
            (folder / f"student{number:02d}" / "03-x.ipynb").write_text("not json", encoding="utf-8")


def test_shards_cover_the_class_once_and_merge_into_the_whole(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    no_kernel_class(submissions, 12)
    common = ["--exercise", EXERCISE, "--workers", "1"]
    assert main(["grade", str(submissions), "--out", str(tmp_path / "whole"), *common]) == 0
    for index in (1, 2, 3):
        assert (
            main(["grade", str(submissions), "--out", str(tmp_path / f"s{index}"), "--shard", f"{index}/3", *common])
            == 0
        )
    shard_students = [
        {row["student"] for row in csv.DictReader(open(tmp_path / f"s{i}" / "gradebook.csv"))} for i in (1, 2, 3)
    ]
    assert sum(len(students) for students in shard_students) == 12
    assert set.union(*shard_students) == {f"student{n:02d}" for n in range(12)}
    assert main(["merge", *(str(tmp_path / f"s{i}") for i in (1, 2, 3)), "--out", str(tmp_path / "merged")]) == 0
    whole = (tmp_path / "whole" / "gradebook.csv").read_text(encoding="utf-8")
    assert (tmp_path / "merged" / "gradebook.csv").read_text(encoding="utf-8") == whole
    with pytest.raises(MergeError, match=r"shard\(s\) 2/3 missing"):
        merge([tmp_path / "s1", tmp_path / "s3"])
    with pytest.raises(MergeError, match="not a shard"):
        merge([tmp_path / "whole"])


def test_the_chart_title_states_the_finding_even_for_ties() -> None:
    def table(*rates: float) -> list[dict[str, object]]:
        return [{"question": f"03.{i + 1}", "students": 4, "success_rate": rate} for i, rate in enumerate(rates)]

    assert summary_chart(table(50, 25, 75)).title == "Question 03.2 was the hardest: 25% answered it correctly"
    assert summary_chart(table(25, 25, 75)).title.startswith("Questions 03.1, 03.2 were the hardest")
    assert summary_chart(table(50, 50)).title.startswith("Every question alike: 50%")


def test_shard_assignment_is_stable_and_parsed_strictly() -> None:
    names = [f"s{n}" for n in range(50)]
    for count in (1, 2, 5):
        assert all(sum(in_shard(name, (i, count)) for i in range(1, count + 1)) == 1 for name in names)
    assert parse_shard("2/4") == (2, 4)
    for wrong in ("0/3", "4/3", "2", "a/b"):
        with pytest.raises(LayoutError):
            parse_shard(wrong)


def test_redo_grades_again_and_a_changed_submission_is_regraded(tmp_path: Path, capsys) -> None:
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    no_kernel_class(submissions, 3)
    arguments = ["grade", str(submissions), "--out", str(out), "--exercise", EXERCISE, "--workers", "1"]
    main(arguments)
    (submissions / "student01" / "03-x.ipynb").write_text("still not json!", encoding="utf-8")
    capsys.readouterr()
    main(arguments)
    assert "resuming: 2 of 3 jobs" in capsys.readouterr().err
    main([*arguments, "--redo"])
    assert "redoing all 3 jobs" in capsys.readouterr().err


def test_layout_flat_files_ambiguity_and_hidden_folders(tmp_path: Path) -> None:
    (tmp_path / "ana").mkdir()
    for name in ("03-a.ipynb", "03-b.ipynb", "05-x.ipynb"):
        (tmp_path / "ana" / name).write_text("{}", encoding="utf-8")
    (tmp_path / "ana" / ".ipynb_checkpoints").mkdir()
    (tmp_path / "ana" / ".ipynb_checkpoints" / "03-a-checkpoint.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "ben.ipynb").write_text("{}", encoding="utf-8")
    with pytest.raises(LayoutError, match="exactly one --exercise"):
        discover(tmp_path)
    jobs = discover(tmp_path, ["03"])
    assert [(job.student, job.exercise, len(job.paths)) for job in jobs] == [("ana", "03", 2), ("ben", "03", 1)]
    (tmp_path / "ben.ipynb").unlink()
    assert [(job.student, job.exercise) for job in discover(tmp_path)] == [("ana", "03"), ("ana", "05")]
    out = tmp_path.parent / f"{tmp_path.name}-out"
    result = grade_jobs(discover(tmp_path, ["03"]), out, Limits(), workers=1, say=lambda message: None)
    assert {row["verdict"] for row in result.results[0]["rows"]} == {"not graded"}
    assert "more than one notebook for exercise 03" in result.results[0]["rows"][0]["message"]


def collect_in_process(namespace: dict, tmp_path: Path, names: list[str]) -> dict:
    """Run the kernel-side collector here (it is plain Python) and read its file back as the grader does."""
    path = tmp_path / "answers.json"
    exec(answer_values.collector_cell(names, path), namespace)
    return answer_values.read_answers(path, names)


def test_answer_values_survive_the_round_trip(tmp_path: Path) -> None:
    import numpy as np
    import pandas as pd

    counts = pd.Series([2, 1], index=pd.Index(["b", "a"], name="label"), name="count")
    values = {
        "a_int": np.int64(7),
        "a_float": float("nan"),
        "a_text": "us_nato",
        "a_list": [1, "x", None, True],
        "a_set": {"b", "a"},
        "a_tuple": (1, 2),
        "a_dict": {"k": [1.5]},
        "a_series": counts,
        "a_strings": pd.Series(["x", "y"], dtype="string"),
        "a_frame": pd.DataFrame({"blocks": [1, 1]}, index=pd.Index(["headline", "credit"], name="function")),
        "a_array": np.array([3, 4]),
        "a_time": pd.Timestamp("2022-01-14"),
        "a_span": pd.Timedelta(days=41),
        "a_blank": ...,
        "a_function": len,
        "a_huge": list(range(answer_values.MAX_NODES + 10)),
    }
    got = collect_in_process(dict(values), tmp_path, [*values, "a_missing"])
    assert got["a_int"] == 7 and isinstance(got["a_int"], int)
    assert got["a_float"] != got["a_float"]
    assert got["a_text"] == "us_nato" and got["a_list"] == [1, "x", None, True]
    assert got["a_set"] == {"a", "b"} and got["a_tuple"] == (1, 2) and got["a_dict"] == {"k": [1.5]}
    pd.testing.assert_series_equal(got["a_series"], counts)
    pd.testing.assert_series_equal(got["a_strings"], values["a_strings"])
    pd.testing.assert_frame_equal(got["a_frame"], values["a_frame"])
    assert plain(got["a_array"]) == [3, 4]
    assert got["a_time"] == pd.Timestamp("2022-01-14") and got["a_span"] == pd.Timedelta(days=41)
    assert got["a_blank"] is Ellipsis
    assert type(got["a_function"]).__name__ == "builtin_function_or_method"
    assert isinstance(got["a_huge"], answer_values.TooBig)
    assert isinstance(got["a_missing"], answer_values.Missing)


@pytest.mark.parametrize(
    "forged",
    [
        {"t": "pickle", "v": "gASV"},
        {"t": "int", "v": "9" * 5000},
        {"t": "list", "v": [{"t": "int"}]},
        {"no": "tag"},
        {"t": "series", "v": [], "index": {"t": "range_index", "start": 0, "stop": "x", "step": 1}},
    ],
)
def test_forged_answer_files_are_refused_value_by_value(tmp_path: Path, forged) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answer_03_1": forged, "answer_03_2": {"t": "int", "v": "4"}}), encoding="utf-8")
    got = answer_values.read_answers(path, ["answer_03_1", "answer_03_2"])
    assert isinstance(got["answer_03_1"], answer_values.Unreadable)
    assert got["answer_03_2"] == 4


def test_a_deeply_nested_or_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(answer_values.AnswerFormatError):
        answer_values.read_answers(path, ["answer_03_1"])
    with path.open("wb") as handle:
        handle.truncate(answer_values.MAX_FILE_BYTES + 1)
    with pytest.raises(answer_values.AnswerFormatError, match="larger"):
        answer_values.read_answers(path, ["answer_03_1"])


@contextmanager
def address_space_to_spare(megabytes: int):
    """At most `megabytes` more address space for this process while the block runs: code that builds a huge value
    gets a MemoryError instead of taking the machine's memory (the soft limit only, so it is raised again after)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    in_use = int(re.search(r"VmSize:\s+(\d+) kB", Path("/proc/self/status").read_text()).group(1)) * 1024
    resource.setrlimit(resource.RLIMIT_AS, (in_use + megabytes * 2**20, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def graded_rows(answers: dict) -> dict[str, Row]:
    """Score answers as the grader does, for a student who handed in exercise 03, within 300 MB and 200 MB of
    Python allocations: a rebuilt answer of 10**8 items (4 GB as a list) would stop it."""
    job = Job("big", EXERCISE, (Path("03-how.ipynb"),))
    tracemalloc.start()
    try:
        with address_space_to_spare(300):
            rows = score(job, RunResult(answers=answers), default_data())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 200 * 2**20, f"scoring took {peak / 2**20:.0f} MB"
    return {row.question: row for row in rows}


TOO_LARGE = "items; answers this large are not graded — check that you kept only what the question asks for"


def test_an_answer_too_large_to_rebuild_is_refused_before_it_is_built(tmp_path: Path) -> None:
    import numpy as np
    import pandas as pd

    namespace = {
        "answer_03_1": pd.RangeIndex(10**8),  # 20 bytes of JSON, 10**8 values once the check lists them
        "answer_03_2": eval(expected_literal("03.2")),
        "answer_03_3": pd.DataFrame(index=pd.RangeIndex(10**8)),  # a table of no columns and 10**8 rows
        "answer_03_4": pd.Series(np.zeros(10**7, dtype=np.int8)),  # refused in the kernel, before .tolist()
        "answer_03_5": list(range(answer_values.MAX_NODES + 1)),
        "answer_03_6": eval(expected_literal("03.6")),
    }
    got = collect_in_process(namespace, tmp_path, list(namespace))
    rows = graded_rows(got)
    for question, count in (("03.1", "100,000,000"), ("03.3", "100,000,000"), ("03.4", "10,000,000")):
        assert rows[question].verdict == "not graded"
        assert rows[question].message == f"your answer has {count} {TOO_LARGE}"
    assert rows["03.5"].message == f"your answer has 50,001 {TOO_LARGE}"
    assert rows["03.2"].verdict == rows["03.6"].verdict == "correct"  # the student's other answers are graded


@pytest.mark.parametrize(
    "forged",
    [
        {"t": "range_index", "start": 0, "stop": 10**12, "step": 1, "name": {"t": "none"}},
        {"t": "range_index", "start": 10**9, "stop": 0, "step": -3, "name": {"t": "none"}},
        {"t": "series", "v": [], "index": {"t": "range_index", "start": 0, "stop": 10**9, "step": 1}},
        {"t": "tuple", "v": [{"t": "range_index", "start": 0, "stop": 10**9, "step": 1, "name": {"t": "none"}}]},
        # a fixed width per value, whatever the JSON holds: 400 MB for one letter, 2 GB for twenty
        {"t": "array", "v": [{"t": "str", "v": "a"}], "dtype": "<U100000000"},
        {"t": "index", "v": [{"t": "str", "v": "a"}] * 20, "dtype": "S100000000", "name": {"t": "none"}},
        {"t": "array", "v": [{"t": "int", "v": "1"}] * 20, "dtype": "(10000000,)i8"},
    ],
)
def test_a_forged_answer_cannot_make_the_grader_build_a_huge_value(tmp_path: Path, forged) -> None:
    path = tmp_path / "answers.json"
    correct = {"t": "str", "v": expected_literal("03.1").strip("'\"")}
    path.write_text(json.dumps({"answer_03_1": correct, "answer_03_2": forged}), encoding="utf-8")
    tracemalloc.start()
    try:
        with address_space_to_spare(300):
            got = answer_values.read_answers(path, ["answer_03_1", "answer_03_2"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 2**20, f"rebuilding took {peak / 2**20:.0f} MB"
    rows = graded_rows(got)
    assert rows["03.1"].verdict == "correct"
    if forged.get("t") in ("range_index", "series", "tuple"):
        assert rows["03.2"].verdict == "not graded" and rows["03.2"].message.endswith(TOO_LARGE)


def test_a_huge_range_index_in_a_submission_costs_only_its_own_question(tmp_path: Path) -> None:
    path = tmp_path / "03-how.ipynb"
    nbformat.write(notebook("import pandas as pd\nanswer_03_1 = pd.RangeIndex(10**8)", *CORRECT_CELLS[1:]), path)
    names = [f"answer_{qid.replace('.', '_')}" for qid in QUESTIONS]
    run = run_submission(path, names, Limits(cell_seconds=20, notebook_seconds=60, memory_mb=1024))
    assert not run.problem and not run.cell_errors
    rows = graded_rows(run.answers)
    assert rows["03.1"].verdict == "not graded" and rows["03.1"].message == f"your answer has 100,000,000 {TOO_LARGE}"
    assert [rows[qid].verdict for qid in QUESTIONS[1:]] == ["correct"] * 5


def test_hints_that_use_data_get_the_graders_data() -> None:
    seen: list[Data] = []
    question = Question(
        id="99.1",
        kind="fill_in",
        asks="How many?",
        expected=lambda data: 10,
        compare="number",
        hint="Count again.",
        outcome=1,
        hints=(
            Hint(lambda answer, expected, data: seen.append(data) or answer == 3, "Three is the other count.", True),
        ),
    )
    data = Data(article=default_data().article, reference=default_data().reference)
    assert data is not default_data()
    result = judge(question, 3, data)
    assert "Three is the other count." in result.message
    assert len(seen) == 1 and seen[0] is data


def test_the_command_is_a_make_target() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "grade:" in makefile and "crisis-reading grade" in makefile
    assert os.access(REPO / "crisis_reading" / "grading" / "kernel_launcher.py", os.R_OK)


def test_the_kernel_environment_keeps_out_the_graders_secrets(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GRADER_TEST_SECRET", "token")
    monkeypatch.setenv("CRISIS_READING_ARTICLE", "an-article")
    environment = kernel_environment(tmp_path)
    assert "GRADER_TEST_SECRET" not in environment and environment["CRISIS_READING_ARTICLE"] == "an-article"
    assert environment["HOME"] == str(tmp_path) and environment["PATH"] == os.environ["PATH"]
