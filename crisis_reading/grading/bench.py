"""How fast a class is graded: N copies of a realistic submission, against the floor of an empty notebook.

    python -m crisis_reading.grading.bench --copies 30

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
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .batch import default_workers, grade_jobs
from .layout import Job, answer_name, question_ids
from .sandbox import Limits, run_submission

REPO = Path(__file__).resolve().parent.parent.parent


def bare_floor_seconds() -> float:
    """An empty notebook in a fresh python3 kernel, nothing else."""
    started = time.perf_counter()
    NotebookClient(nbformat.v4.new_notebook(), kernel_name="python3").execute()
    return time.perf_counter() - started


def sandbox_floor_seconds(folder: Path, limits: Limits) -> float:
    path = folder / "00-empty.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), path)
    started = time.perf_counter()
    run_submission(path, ["answer_03_1"], limits)
    return time.perf_counter() - started


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
        started = time.perf_counter()
        run_submission(solution, names, limits)
        one_alone = time.perf_counter() - started
        jobs = []
        for number in range(options.copies):
            student = folder / "submissions" / f"student{number:03d}"
            student.mkdir(parents=True)
            shutil.copy(solution, student / solution.name)
            jobs.append(Job(student.name, options.exercise, (student / solution.name,)))
        outcome = grade_jobs(jobs, folder / "out", limits, options.workers, redo=True, say=lambda message: None)
    correct = sum(row["verdict"] == "correct" for result in outcome.results for row in result["rows"])
    per_worker = outcome.seconds * options.workers / options.copies
    print(f"after: {load()}")
    print(f"submission: solutions/{solution.name}; {correct} of {options.copies * len(names)} answers correct")
    print(f"floor (empty notebook, fresh kernel, median of {options.repeats}): {bare:.2f} s")
    print(f"sandbox floor (empty notebook through the grader): {sandboxed:.2f} s")
    print(f"one submission alone through the grader: {one_alone:.2f} s")
    print(f"{options.copies} submissions, {options.workers} workers: {outcome.seconds:.1f} s wall")
    print(f"submissions per minute: {60 * options.copies / outcome.seconds:.1f}")
    print(f"per submission per worker: {per_worker:.2f} s = {per_worker / bare:.2f} x the floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
