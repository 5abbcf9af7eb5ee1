"""A grader worker process that dies fails only the submission it was grading; every other one is graded.

The kill happens in the grader's own worker process, where no student's code runs (kernels are sandboxed
away from it): `work`, the function a worker runs for each job, is replaced by one that kills its own
process when it is handed the culprit's job. It is defined here, at module level, so the worker imports
it by name. SIGKILL is what the out-of-memory killer sends: the dead worker is told apart from the ones
the pool stops. SIGTERM is what the pool sends to the others, so that death cannot be told apart, and
each notebook then running is graded again alone.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

from crisis_reading.grading.batch import grade_job, grade_jobs
from crisis_reading.grading.layout import answer_name, discover, question_ids
from crisis_reading.grading.sandbox import Limits
from crisis_reading.questions.answer_matching import plain
from crisis_reading.questions.checks import all_questions, default_data

CULPRIT = "a_culprit"  # first in the class, so it dies while a classmate's kernel runs in the other worker
CLASSMATES = ["b_ana", "c_ben", "d_cleo", "e_dev"]
LIMITS = Limits(cell_seconds=10, notebook_seconds=30, memory_mb=1024)


def _dies_grading_the_culprit(job, limits, temp_root, how: signal.Signals):
    if job.student == CULPRIT:
        time.sleep(1)  # the classmate in the other worker is mid-run by now
        os.kill(os.getpid(), how)
    return grade_job(job, limits, temp_root)


def killed_grading_the_culprit(job, limits, temp_root):
    return _dies_grading_the_culprit(job, limits, temp_root, signal.SIGKILL)


def terminated_grading_the_culprit(job, limits, temp_root):
    return _dies_grading_the_culprit(job, limits, temp_root, signal.SIGTERM)


def correct_notebook() -> nbformat.NotebookNode:
    cells = [
        f"{answer_name(qid)} = {plain(all_questions()[qid].expected(default_data()))!r}" for qid in question_ids("03")
    ]
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in cells])


@pytest.mark.parametrize(
    ("work", "reason"),
    [
        (killed_grading_the_culprit, "the grader's worker for this submission died (signal 9, SIGKILL); "),
        (
            terminated_grading_the_culprit,
            "the grader's worker for this submission died (signal 15, SIGTERM), again when graded alone; ",
        ),
    ],
    ids=["told-apart", "graded-alone"],
)
def test_a_dying_worker_fails_only_its_own_submission(tmp_path: Path, monkeypatch, request, work, reason) -> None:
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    for student in [CULPRIT, *CLASSMATES]:
        (submissions / student).mkdir(parents=True)
        nbformat.write(correct_notebook(), submissions / student / "03-how.ipynb")
    # The job folders' own place, to see that none is left behind; short, for the kernels' socket paths.
    job_folders = Path(tempfile.mkdtemp(prefix="jobs-"))
    request.addfinalizer(lambda: shutil.rmtree(job_folders, ignore_errors=True))
    monkeypatch.setenv("CRISIS_READING_GRADING_TMP", str(job_folders))
    said: list[str] = []
    outcome = grade_jobs(discover(submissions, ["03"]), out, LIMITS, workers=2, say=said.append, work=work)

    rows = {result["student"]: result["rows"] for result in outcome.results}
    for student in CLASSMATES:  # the classmate whose kernel the broken pool stopped too is graded again, in full
        assert [row["verdict"] for row in rows[student]] == ["correct"] * 6, (student, rows[student][0]["run"], said)
    for row in rows[CULPRIT]:
        assert row["verdict"] == "not graded" and row["points"] == 0
        assert row["message"] == row["run"] == reason + "nothing of it was graded; it is graded again on the next run"
    assert len(list((out / "results").iterdir())) == len(CLASSMATES)  # the culprit's failure is not kept
    assert not list(job_folders.iterdir()), "a dead worker's job folder was left behind"
    assert any(CULPRIT in line for line in said), said
