"""Score a submission's answers in the grader's own process, with the question bank's expectations.

Nothing the student's kernel says about correctness is used: it only handed back
values (answers.py). Each value is judged by questions.checks.judge, the same code
and the same expected values the notebook's own check() cells use, computed from
the data this process loaded. Every question of the exercise gets exactly one row,
whatever happened to the notebook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from crisis_reading.grading.answers import Missing, describe_unusable
from crisis_reading.grading.layout import Job, answer_name, question_ids
from crisis_reading.grading.sandbox import RunResult
from crisis_reading.questions.checks import Data, all_questions, judge

CORRECT, NOT_YET, UNANSWERED, MISSING, NOT_RUN, NOT_GRADED, NOT_SUBMITTED = (
    "correct",
    "not yet",
    "unanswered",
    "missing",
    "not run",
    "not graded",
    "not submitted",
)
VERDICTS = (CORRECT, NOT_YET, UNANSWERED, MISSING, NOT_RUN, NOT_GRADED, NOT_SUBMITTED)
RAN_TO_THE_END = "ran to the end"


@dataclass(frozen=True)
class Row:
    student: str
    notebook: str
    question: str
    points: int
    verdict: str
    message: str
    run: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def rows_without_a_run(job: Job, verdict: str, reason: str) -> list[Row]:
    notebook = ", ".join(path.name for path in job.paths) or "-"
    return [Row(job.student, notebook, qid, 0, verdict, reason, reason) for qid in question_ids(job.exercise)]


def job_without_a_run(job: Job) -> list[Row] | None:
    """The rows for a job that needs no kernel: nothing handed in, or more than one notebook for it."""
    if not job.paths:
        return rows_without_a_run(job, NOT_SUBMITTED, f"no notebook for exercise {job.exercise} was handed in")
    if len(job.paths) > 1:
        names = ", ".join(path.name for path in job.paths)
        return rows_without_a_run(
            job, NOT_GRADED, f"more than one notebook for exercise {job.exercise} ({names}): keep only one"
        )
    return None


def run_status(run: RunResult) -> str:
    """How the notebook's run went, in one line: how it ended and which cells raised."""
    status = run.problem or RAN_TO_THE_END
    if run.cell_errors:
        raised = "; ".join(f"cell {cell} raised {error}" for cell, error in sorted(run.cell_errors.items())[:3])
        more = len(run.cell_errors) - 3
        status += f" ({raised}{f'; {more} more' if more > 0 else ''})"
    return status


def score(job: Job, run: RunResult, data: Data) -> list[Row]:
    """One row per question of the job's exercise, judged from the run's answers."""
    notebook = job.paths[0].name
    status = run_status(run)
    if not run.readable:
        return [
            Row(job.student, notebook, question_id, 0, NOT_GRADED, run.problem, status)
            for question_id in question_ids(job.exercise)
        ]
    questions = all_questions()
    rows = []
    for question_id in question_ids(job.exercise):
        name = answer_name(question_id)
        verdict, message = _judge_one(questions[question_id], name, run, data)
        rows.append(Row(job.student, notebook, question_id, int(verdict == CORRECT), verdict, message, status))
    return rows


def _judge_one(question, name: str, run: RunResult, data: Data) -> tuple[str, str]:
    if name not in run.answers:
        return (NOT_RUN, run.problem) if run.problem else (NOT_GRADED, "the answers could not be read")
    answer = run.answers[name]
    unusable = describe_unusable(answer)
    if unusable:
        return NOT_GRADED, unusable
    if isinstance(answer, Missing):
        return _why_missing(name, run)
    result = judge(question, answer, data)
    if result.correct:
        return CORRECT, result.message
    if answer is Ellipsis:
        return UNANSWERED, result.message
    return NOT_YET, result.message


def _why_missing(name: str, run: RunResult) -> tuple[str, str]:
    cell = run.assigned_in.get(name)
    if cell is None:
        return MISSING, f"no cell assigns {name}: the question's cell was deleted or the name changed"
    if run.stopped_at is not None and cell >= run.stopped_at:
        which = "did not finish" if cell == run.stopped_at else "did not run"
        return NOT_RUN, f"{run.problem}; {name} is set in cell {cell}, which {which}"
    if cell in run.cell_errors:
        return NOT_YET, f"cell {cell}, which sets {name}, raised {run.cell_errors[cell]}"
    return MISSING, f"{name} was not defined when the notebook ended (cell {cell} did not set it)"
