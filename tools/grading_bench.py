"""How fast a class is graded: N copies of a realistic submission, against the floor of an empty notebook.

    python -m tools.grading_bench --copies 30

A measurement, not a test. The realistic submission is a solution notebook (a
student who answered everything). The floor is what no grader can go below: an
empty notebook run in a fresh kernel (plain nbclient, no limits, no answers
read), median of a few runs, one at a time. The sandbox floor is the same empty
notebook through this grader (limits, temporary copy, answers collected). The
aim is a time per submission per worker within 1.5 x the floor, all workers busy.

    python -m tools.grading_bench --leak 120

grades 120 submissions in one worker process under an open-file limit of 256 (as `ulimit -n 256`) and prints,
after each, that worker's open files and threads: they must stay flat (a grader that left its kernel connections
open went from 53 to 1,847 files over 100, and died after 26 at a limit of 512). `--tiny` grades a one-answer
notebook instead of the solution (tests/grading/test_isolation.py runs that, shorter); `--json` prints the counts
as JSON.

    python -m tools.grading_bench --compare /path/to/older/tree --rounds 3

grades the class and the floor (empty notebooks) with this tree's grader and with the one in an older tree (a
folder holding a `crisis_reading` package, e.g. the grading/ files of the last commit over a copy of the rest),
in turns, each in a process of its own, and prints submissions per minute for both, with medians.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from crisis_reading.grading.batch import Outcome, default_workers, grade_job, grade_jobs
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


LEAK_FILE_LIMIT = 256
LEAK_WARM_UP = 3  # jobs that open what stays open for good (pandas' import, a logger) before counting starts


def open_files_and_threads() -> tuple[int, int]:
    """This process's open files and threads."""
    status = Path("/proc/self/status").read_text().splitlines()
    threads = next(line for line in status if line.startswith("Threads:"))
    return len(os.listdir("/proc/self/fd")), int(threads.split()[1])


def grade_and_count(job: Job, limits: Limits, temp_root: str | None) -> dict:
    """grade_job, then the worker's open files and threads after it (the pool's work for --leak)."""
    outcome = grade_job(job, limits, temp_root)
    files, threads = open_files_and_threads()
    outcome["probe"] = {"pid": os.getpid(), "files": files, "threads": threads}
    return outcome


def leak_run(count: int, notebook: Path, exercise: str, file_limit: int = LEAK_FILE_LIMIT) -> dict:
    """Grade `count` copies of `notebook` in one worker under an open-file limit; what each job left open.

    Run it in a process of its own: the limit is set for this process, and the pool's workers inherit it.
    """
    resource.setrlimit(resource.RLIMIT_NOFILE, (file_limit, file_limit))
    limits = Limits(cell_seconds=30, notebook_seconds=60, memory_mb=1024)
    with tempfile.TemporaryDirectory(prefix="grading-leak-") as temp:
        folder, jobs = Path(temp), []
        for number in range(count):
            student = folder / "submissions" / f"student{number:03d}"
            student.mkdir(parents=True)
            shutil.copy(notebook, student / notebook.name)
            jobs.append(Job(student.name, exercise, (student / notebook.name,)))
        started = time.perf_counter()
        outcome = grade_jobs(jobs, folder / "out", limits, 1, redo=True, say=lambda message: None, work=grade_and_count)
        seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 1),
        "file_limit": file_limit,
        "probes": [result.get("probe") for result in outcome.results],
        "runs": sorted({row["run"] for result in outcome.results for row in result["rows"]}),
    }


def leak_in_a_process(count: int, tiny: bool, exercise: str = "03", timeout: float = 900) -> dict:
    """leak_run in a fresh process (its own open-file limit), as `python -m tools.grading_bench --leak N --json`."""
    command = [sys.executable, "-m", "tools.grading_bench", "--leak", str(count), "--exercise", exercise, "--json"]
    done = subprocess.run(
        command + (["--tiny"] if tiny else []),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def tiny_notebook(folder: Path, exercise: str) -> Path:
    """A notebook that sets one answer and imports nothing: a job is then mostly the kernel and its connections."""
    names = [answer_name(question_id) for question_id in question_ids(exercise)]
    path = folder / f"{exercise}-tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"{names[0]} = 1")]), path)
    return path


def leak_report(count: int, tiny: bool, exercise: str, as_json: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="grading-leak-nb-") as temp:
        if tiny:
            notebook = tiny_notebook(Path(temp), exercise)
        else:
            notebook = next((REPO / "solutions").glob(f"{exercise}-*.ipynb"))
        report = leak_run(count, notebook, exercise)
    if as_json:
        print(json.dumps(report))
        return 0
    probes = report["probes"]
    print(f"{count} submissions ({notebook.name}) in one worker, open files limited to {report['file_limit']}:")
    print(f"{report['seconds']} s; worker processes: {len({probe['pid'] for probe in probes if probe})}")
    for number, probe in enumerate(probes, 1):
        if probe and (number <= LEAK_WARM_UP + 1 or number % 10 == 0 or number == count):
            print(f"  after {number:3d}: {probe['files']} open files, {probe['threads']} threads")
    print(f"runs: {'; '.join(report['runs'])}")
    return 0


def grade_only(options: argparse.Namespace) -> int:
    """One timed grading of the class (or of empty notebooks, with --floor-only), as JSON: for --compare."""
    solution = next((REPO / "solutions").glob(f"{options.exercise}-*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="grading-bench-") as temp:
        folder = Path(temp)
        notebook = solution
        if options.floor_only:
            notebook = folder / f"{options.exercise}-empty.ipynb"
            nbformat.write(nbformat.v4.new_notebook(), notebook)
        outcome = grade_copies(notebook, options, folder / "class", Limits())
    correct = sum(row["verdict"] == "correct" for result in outcome.results for row in result["rows"])
    import crisis_reading

    print(json.dumps({"seconds": outcome.seconds, "correct": correct, "package": crisis_reading.__file__}))
    return 0


def compare(options: argparse.Namespace) -> int:
    """This tree's grader against an older one, in turns (module docstring)."""
    older = Path(options.compare).resolve()
    if not (older / "crisis_reading" / "grading").is_dir():
        raise SystemExit(f"{older} holds no crisis_reading/grading")
    arguments = ["--grade-only", "--copies", str(options.copies), "--workers", str(options.workers)]
    arguments += ["--exercise", options.exercise]
    # The older tree first on sys.path, before this folder (the first entry with -m): its package is the one
    # imported, by the workers too (they get this sys.path), and by the kernels through PYTHONPATH.
    run = "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); "
    run += "runpy.run_module('tools.grading_bench', run_name='__main__')"
    environment = {**os.environ, "CRISIS_READING_DATA": str(REPO / "data"), "MPLBACKEND": "Agg"}
    environment.pop("PYTHONPATH", None)
    trees = {"before": {**environment, "PYTHONPATH": str(older)}, "after": environment}
    paths = {"before": str(older), "after": str(REPO)}
    print(f"before: {load()}")
    bare = statistics.median(bare_floor_seconds() for _ in range(options.repeats))
    seconds: dict[tuple[str, str], list[float]] = {}
    for turn in range(options.rounds):
        order = list(trees) if turn % 2 == 0 else list(reversed(trees))
        for tree in order:
            for what in ("class", "floor"):
                command = [sys.executable, "-c", run, paths[tree], *arguments]
                command += ["--floor-only"] if what == "floor" else []
                done = subprocess.run(command, cwd=REPO, env=trees[tree], capture_output=True, text=True, check=True)
                result = json.loads(done.stdout.strip().splitlines()[-1])
                seconds.setdefault((tree, what), []).append(result["seconds"])
                print(
                    f"  round {turn + 1}, {tree}, {what}: {result['seconds']:.1f} s, {result['correct']} correct "
                    f"({Path(result['package']).parent.parent})"
                )
    print(f"after: {load()}")
    print(f"floor (empty notebook, fresh kernel, no sandbox, median of {options.repeats}): {bare:.2f} s")
    for tree in trees:
        whole, floor = (statistics.median(seconds[(tree, what)]) for what in ("class", "floor"))
        per_worker = whole * options.workers / options.copies
        print(
            f"{tree}: {options.copies} submissions, {options.workers} workers: {whole:.1f} s "
            f"({60 * options.copies / whole:.1f} a minute; {per_worker:.2f} s per submission per worker, "
            f"{per_worker / bare:.2f} x the floor); empty notebooks through the same grader: {floor:.1f} s "
            f"({60 * options.copies / floor:.1f} a minute); the class takes {whole / floor:.2f} x that"
        )
    before, after = (statistics.median(seconds[(tree, "class")]) for tree in trees)
    print(f"speed-up: {before / after:.2f} x (medians of {options.rounds} rounds, in turns)")
    return 0


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=30)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--exercise", default="03", help="whose solution notebook is the submission")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each floor (median taken)")
    parser.add_argument("--leak", type=int, metavar="N", help="grade N submissions in one worker, files limited")
    parser.add_argument("--tiny", action="store_true", help="with --leak: a one-answer notebook, not the solution")
    parser.add_argument("--json", action="store_true", help="with --leak: the counts as JSON")
    parser.add_argument("--compare", metavar="TREE", help="also grade with the crisis_reading in TREE, in turns")
    parser.add_argument("--rounds", type=int, default=3, help="with --compare: turns of each grader")
    parser.add_argument("--grade-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--floor-only", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    if options.grade_only:
        return grade_only(options)
    if options.compare:
        return compare(options)
    if options.leak:
        return leak_report(options.leak, options.tiny, options.exercise, options.json)
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
