"""How fast a class is graded: N copies of a realistic submission, against the floor of an empty notebook.

    python -m tools.grading_bench --copies 30

A measurement, not a test. The realistic submission is a solution notebook (a
student who answered everything). The floor is what no grader can go below: an
empty notebook run in a fresh kernel (plain nbclient, no limits, no answers
read), median of a few runs, one at a time. The sandbox floor is the same empty
notebook through this grader (limits, temporary copy, answers collected). The
aim is a time per submission per worker within 1.5 x the floor, all workers busy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from crisis_reading.grading.batch import Outcome, default_workers, grade_jobs
from crisis_reading.grading.layout import Job, answer_name, question_ids
from crisis_reading.grading.sandbox import Limits, run_submission

REPO = Path(__file__).resolve().parent.parent


def bare_floor_seconds() -> float:
    """An empty notebook in a fresh python3 kernel, nothing else."""
    started = time.perf_counter()
    NotebookClient(nbformat.v4.new_notebook(), kernel_name="python3").execute()
    return time.perf_counter() - started


def plain_run_seconds(path: Path) -> float:
    """The submission itself in a plain kernel (no limits, no answers read): what its own cells cost."""
    started = time.perf_counter()
    NotebookClient(
        nbformat.read(path, as_version=4), kernel_name="python3", resources={"metadata": {"path": str(REPO)}}
    ).execute()
    return time.perf_counter() - started


def sandbox_floor_seconds(folder: Path, limits: Limits) -> float:
    path = folder / "00-empty.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    started = time.perf_counter()
    run_submission(path, ["answer_03_1"], limits)
    return time.perf_counter() - started


def grade_copies(notebook: Path, options: argparse.Namespace, folder: Path, limits: Limits) -> Outcome:
    """Grade `options.copies` students who all handed in `notebook`, with `options.workers` workers."""
    jobs = []
    for number in range(options.copies):
        student = folder / "submissions" / f"student{number:03d}"
        student.mkdir(parents=True)
        shutil.copy(notebook, student / notebook.name)
        jobs.append(Job(student.name, options.exercise, (student / notebook.name,)))
    return grade_jobs(jobs, folder / "out", limits, options.workers, redo=True, say=lambda message: None)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=30)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--exercise", default="03", help="whose solution notebook is the submission")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each floor (median taken)")
    options = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    limits = Limits()
    solution = next((REPO / "solutions").glob(f"{options.exercise}-*.ipynb"))
    print(f"before: {load()}")
    with tempfile.TemporaryDirectory(prefix="grading-bench-") as temp:
        folder = Path(temp)
        bare = statistics.median(bare_floor_seconds() for _ in range(options.repeats))
        sandboxed = statistics.median(sandbox_floor_seconds(folder, limits) for _ in range(options.repeats))
        names = [answer_name(question_id) for question_id in question_ids(options.exercise)]
        plain = plain_run_seconds(solution)
        started = time.perf_counter()
        run_submission(solution, names, limits)
        one_alone = time.perf_counter() - started
        empty = folder / f"{options.exercise}-empty.ipynb"
        nbformat.write(nbformat.v4.new_notebook(), empty)
        floor_run = grade_copies(empty, options, folder / "floor", limits)
        outcome = grade_copies(solution, options, folder / "class", limits)
    correct = sum(row["verdict"] == "correct" for result in outcome.results for row in result["rows"])
    problems = Counter(
        row["run"] for result in outcome.results for row in result["rows"] if row["verdict"] != "correct"
    )
    per_worker = outcome.seconds * options.workers / options.copies
    print(f"after: {load()}")
    print(f"submission: solutions/{solution.name}; {correct} of {options.copies * len(names)} answers correct")
    for run, count in problems.items():
        print(f"  not correct: {count} answers where the run says: {run}")
    print(f"floor (empty notebook, fresh kernel, median of {options.repeats}): {bare:.2f} s")
    print(f"sandbox floor (empty notebook through the grader): {sandboxed:.2f} s")
    print(f"the submission alone in a plain kernel (its own cells' cost): {plain:.2f} s")
    print(f"the submission alone through the grader: {one_alone:.2f} s")
    print(f"{options.copies} submissions, {options.workers} workers: {outcome.seconds:.1f} s wall")
    print(f"submissions per minute: {60 * options.copies / outcome.seconds:.1f}")
    print(f"per submission per worker: {per_worker:.2f} s = {per_worker / bare:.2f} x the floor")
    floor_per_worker = floor_run.seconds * options.workers / options.copies
    print(
        f"the floor in the same conditions ({options.copies} empty notebooks, {options.workers} workers): "
        f"{floor_run.seconds:.1f} s wall, {floor_per_worker:.2f} s per submission per worker; "
        f"the class takes {per_worker / floor_per_worker:.2f} x that"
    )
    print(f"limits: {limits.describe()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
