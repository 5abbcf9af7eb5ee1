"""The grading command: `grade` a folder of submissions, `merge` the outputs of shards."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from crisis_reading.dataset.vocabulary import counted
from crisis_reading.grading.batch import default_workers, fingerprint, grade_jobs, rows_of
from crisis_reading.grading.isolation import sandbox_problem
from crisis_reading.grading.layout import LayoutError, discover, in_shard, parse_shard, passed_over
from crisis_reading.grading.reports import write_reports
from crisis_reading.grading.sandbox import Limits
from crisis_reading.grading.shards import MergeError, class_identity, merge, write_manifest

DEFAULTS = Limits()


def _parser(prog: str = "crisis-reading") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    grade = commands.add_parser(
        "grade",
        help="grade a folder of submissions (see the README, 'Grading a class')",
        description="Grade every student's exercise notebooks, each in a fresh kernel in its own sandbox; write "
        "the gradebook, feedback and a summary to --out. A second run on the same folder resumes.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    grade.add_argument("submissions", type=Path, help="a folder per student, or one notebook per student")
    grade.add_argument("--out", type=Path, required=True, help="where the gradebook, feedback and summary go")
    grade.add_argument(
        "--exercise", action="append", metavar="NN", help="grade exercise NN only (repeatable; default: all handed in)"
    )
    grade.add_argument("--workers", type=int, default=default_workers(), help="parallel kernels (default: cores)")
    grade.add_argument("--cell-timeout", type=float, default=DEFAULTS.cell_seconds, help="seconds a cell may run")
    grade.add_argument(
        "--notebook-timeout", type=float, default=DEFAULTS.notebook_seconds, help="seconds a notebook may run"
    )
    grade.add_argument("--memory-mb", type=int, default=DEFAULTS.memory_mb, help="address space a kernel may use")
    grade.add_argument("--shard", help="grade only shard i of n (e.g. 2/4): students are split by a hash of the name")
    grade.add_argument("--redo", action="store_true", help="grade everything again instead of resuming")
    grade.add_argument(
        "--no-sandbox",
        action="store_true",
        help="run kernels without bubblewrap, as your own user (only where bwrap cannot run; not for marks)",
    )
    combine = commands.add_parser(
        "merge",
        help="merge the --out folders of every shard into one set of reports",
        description="Merge the output folders of grading shards (grade --shard i/n) into one gradebook, feedback "
        "and summary; refuses a set with a shard missing or twice, or graded with other code, data or limits.",
    )
    combine.add_argument("shards", type=Path, nargs="+", help="the --out folder of every shard")
    combine.add_argument("--out", type=Path, required=True, help="where the merged gradebook, feedback and summary go")
    return parser


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_grade(options: argparse.Namespace) -> int:
    limits = Limits(
        cell_seconds=options.cell_timeout,
        notebook_seconds=options.notebook_timeout,
        memory_mb=options.memory_mb,
        sandbox=not options.no_sandbox,
    )
    problem = sandbox_problem() if limits.sandbox else None
    if problem:
        _say(f"error: kernels cannot be sandboxed here: {problem}. To grade anyway, unsandboxed: --no-sandbox")
        return 2
    shard = parse_shard(options.shard) if options.shard else None
    exercises = [exercise.zfill(2) for exercise in options.exercise] if options.exercise else None
    every_job = discover(options.submissions, exercises)
    for line in passed_over(options.submissions):
        _say(line)
    jobs = [job for job in every_job if in_shard(job.student, shard)]
    where = f" (shard {shard[0]}/{shard[1]})" if shard else ""
    students = len({job.student for job in jobs})
    _say(
        f"{counted(students, 'student')}, {counted(len(jobs), 'notebook')} to grade{where}; "
        f"{counted(options.workers, 'worker')}"
    )
    _say(f"limits: {limits.describe()}")
    if not limits.sandbox:
        _say(
            "warning: --no-sandbox: students' code runs as your user, with your files and your network; "
            "do not use these marks where they count"
        )
    options.out.mkdir(parents=True, exist_ok=True)
    outcome = grade_jobs(jobs, options.out, limits, options.workers, redo=options.redo, say=_say, show_progress=True)
    write_reports(rows_of(outcome.results), options.out)
    write_manifest(options.out, shard, fingerprint(limits), [job.key for job in jobs], class_identity(every_job))
    how = "redone" if options.redo else ("resumed" if outcome.resumed else "graded")
    _say(
        f"{how}: {outcome.graded} graded now, {outcome.resumed} reused, in {outcome.seconds:.1f} s; "
        f"wrote {options.out / 'gradebook.csv'}, feedback/, summary.csv, summary.md, summary.png"
    )
    return 0


def run_merge(options: argparse.Namespace) -> int:
    results = merge(options.shards)
    write_reports(rows_of(results), options.out)
    _say(f"merged {counted(len(options.shards), 'shard')}, {counted(len(results), 'notebook')}, into {options.out}")
    return 0


def main(argv: list[str] | None = None, prog: str = "crisis-reading") -> int:
    options = _parser(prog).parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    try:
        return run_grade(options) if options.command == "grade" else run_merge(options)
    except (LayoutError, MergeError) as exc:
        _say(f"error: {exc}")
        return 2
