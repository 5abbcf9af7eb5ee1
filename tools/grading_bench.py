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

    python -m tools.grading_bench --nbgrader --copies 30 --rounds 4

grades the same class with nbgrader 0.9.6 as well (issue 18). nbgrader gets a virtual environment of its own
(~/.cache/crisis-reading/nbgrader-venv, made on first use with the course's pinned pandas and kernel), and the
exercise as an nbgrader assignment (tools/nbgrader_assignment.py: answer cells as solution cells, each check as
a test cell worth a point), released and handed in by N students, once. Then, in rounds whose order turns round
each time: this grader on the class with --workers workers, in a process of its own; `nbgrader autograde` on a
fresh copy of the course (nothing graded yet, so every round does all the work), as nbgrader runs it, one
submission after another; and the floor, N empty notebooks through this grader. Every round must find every
answer correct and give every student full marks in nbgrader's gradebook, or the bench stops and says why. Each
run's wall time and the CPU of its whole process tree are taken around the command: RUSAGE_CHILDREN (this
process becomes the subreaper of orphans, so they are counted) and, since a kernel killed in bwrap's PID
namespace is counted by nobody, also the tree's CPU read from /proc every 0.1 s; the machine's CPU over the
same time is the check on both. It prints medians, submissions a minute, CPU a submission, nbgrader's wall over
ours paired by round, and ours per submission per worker against the bare floor.
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
    rows = [row for result in outcome.results for row in result["rows"]]
    correct = sum(row["verdict"] == "correct" for row in rows)
    problems = Counter(row["run"] for row in rows if row["verdict"] != "correct")
    import crisis_reading

    print(
        json.dumps(
            {
                "seconds": outcome.seconds,
                "correct": correct,
                "answers": len(rows),
                "problems": dict(problems),
                "package": crisis_reading.__file__,
            }
        )
    )
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


PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h
SAMPLE_SECONDS = 0.1  # how often the process tree's CPU is read from /proc during a timed run


def become_subreaper() -> bool:
    """Make this process the reaper of its orphaned descendants (Linux): they stay in its tree, and in its rusage.

    getrusage(RUSAGE_CHILDREN) adds up every descendant that was waited for: a child, and through it every
    process it waited for in turn (nbgrader's kernels, shut down and reaped; the grader's workers, reaped by
    the forkserver). A process orphaned on the way would go to init, its CPU with it: bwrap leaves the sandbox's
    init process to be reaped by whoever adopts it, and multiprocessing's forkserver outlives the grader's
    process. As a subreaper this process adopts them, and reap_orphans() waits for them.

    What RUSAGE_CHILDREN cannot count, subreaper or not: a process killed inside bwrap's PID namespace (our
    grader SIGKILLs each kernel's group, bwrap's init then dies, and the kernel with it) is charged to nobody.
    So our grader's kernels are missing from it, and TreeSampler counts the tree's CPU as well.
    """
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def reap_orphans(patience: float = 5.0) -> tuple[int, int]:
    """After a run, when this process has no child of its own left: orphans reaped, and orphans still running.

    An orphan may take a moment to end (multiprocessing's forkserver sees its grader gone, then exits): it is
    waited for up to `patience` seconds, so that it is counted in this run and not in the next.
    """
    reaped, deadline = 0, time.monotonic() + patience
    while True:
        try:
            while os.waitpid(-1, os.WNOHANG)[0]:
                reaped += 1
        except ChildProcessError:
            pass
        running = sum(parent == os.getpid() for parent, _, _ in processes().values())
        if not running or time.monotonic() > deadline:
            return reaped, running
        time.sleep(0.05)


def processes() -> dict[int, tuple[int, int, int]]:
    """Every process now: pid -> (parent's pid, start time, CPU so far), the times in clock ticks (/proc/PID/stat)."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                raw = stat.read()
        except OSError:  # gone since the folder was listed
            continue
        fields = raw[raw.rfind(b")") + 2 :].split()  # after "pid (command)", which may hold spaces
        # state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ... starttime
        found[int(entry.name)] = (int(fields[1]), int(fields[19]), int(fields[11]) + int(fields[12]))
    return found


class TreeSampler:
    """The CPU of this process's descendants over a run, read from /proc every SAMPLE_SECONDS.

    Each process (pid and start time) counts with the CPU it was last seen to have used: it misses what a
    process used in its last interval, and processes that lived less than one. That is little here (each
    kernel waits idle before it is killed), and it counts what RUSAGE_CHILDREN cannot (become_subreaper).
    Reading /proc costs this process about 1.5 ms a sample (75 processes), 1-2% of a core at 10 a second.
    """

    def __init__(self) -> None:
        import threading

        self.seen: dict[tuple[int, int], int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.samples = 0

    def sample(self) -> None:
        now = processes()
        children: dict[int, list[int]] = {}
        for pid, (parent, _, _) in now.items():
            children.setdefault(parent, []).append(pid)
        # the descendants now, and any process seen in the tree before, even if something else adopted it since
        inside, waiting = set(), list(children.get(os.getpid(), []))
        while waiting:
            pid = waiting.pop()
            inside.add(pid)
            waiting += children.get(pid, [])
        for pid, (_, started, cpu) in now.items():
            if pid in inside or (pid, started) in self.seen:
                self.seen[(pid, started)] = max(cpu, self.seen.get((pid, started), 0))
        self.samples += 1

    def run(self) -> None:
        while not self.stop.wait(SAMPLE_SECONDS):
            self.sample()

    def __enter__(self) -> TreeSampler:
        self.sample()
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop.set()
        self.thread.join()

    def seconds(self) -> float:
        return sum(self.seen.values()) / os.sysconf("SC_CLK_TCK")


def machine_cpu_seconds() -> float:
    """The CPU every process on this machine has used since boot (/proc/stat: user, nice, system, irq, softirq)."""
    fields = [int(field) for field in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]]
    user, nice, system, _idle, _iowait, irq, softirq = fields
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def timed_run(command: list[str], cwd: Path, env: dict[str, str]) -> dict:
    """Run `command` to its end: wall seconds, and the CPU of its whole process tree counted two ways.

    "rusage" is the RUSAGE_CHILDREN delta around the run: every descendant that was waited for (see
    become_subreaper for what it misses); "sampled" is TreeSampler's; "machine" is every process on the
    machine over the same time (/proc/stat), the check on both: on a quiet machine it is a little above the
    tree's CPU, and none is above wall x cores. "cpu", the tree's CPU, is the larger of rusage and sampled.
    Call it when this process has no other child running (its orphans are reaped here)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    machine = machine_cpu_seconds()
    started = time.perf_counter()
    with TreeSampler() as sampler:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
    machine = machine_cpu_seconds() - machine
    orphans = reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    rusage = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    # Both are lower bounds of the tree's CPU, each missing something else: the larger is the better one.
    cpu = {"rusage": rusage, "sampled": sampler.seconds(), "machine": machine}
    return {"done": done, "wall": wall, "cpu": max(rusage, cpu["sampled"]), **cpu, "orphans": orphans}


def fail(what: str, done: subprocess.CompletedProcess, why: str) -> SystemExit:
    tail = (done.stderr or "")[-3000:]
    return SystemExit(f"{what}: {why} (exit status {done.returncode}); an unequal comparison is worthless\n{tail}")


def nbgrader_round(nbgrader, python: Path, pristine: Path, course: Path, exercise: str, students: list[str]) -> dict:
    """`nbgrader autograde` on a fresh copy of the course, timed; every student must get full marks."""
    # A fresh copy each round (no autograded/, no submission in the gradebook): every round grades every student.
    shutil.copytree(pristine, course)
    environment = {**nbgrader.nbgrader_environment(python), "CRISIS_READING_DATA": str(REPO / "data")}
    environment.pop("PYTHONPATH", None)
    command = nbgrader.nbgrader_command(python, "autograde", nbgrader.assignment_name(exercise))
    run = timed_run(command, course, environment)
    if run["done"].returncode != 0:
        raise fail("nbgrader autograde", run["done"], "it failed")
    full = nbgrader.POINTS * len(question_ids(exercise))
    marks = nbgrader.scores(python, course, exercise)
    short = [student for student in students if tuple(marks.get(student, (0, 0))) != (full, full)]
    for student in short[:3]:
        print(f"  {student}: {marks.get(student)} points; {nbgrader.failures(course, exercise, student)}")
    if short or len(marks) != len(students):
        raise fail("nbgrader", run["done"], f"{len(short)} of {len(students)} students lack full marks ({full})")
    shutil.rmtree(course)
    run["said"] = f"{len(marks)} students with {full} of {full} points"
    return run


def ours_round(options: argparse.Namespace, floor: bool) -> dict:
    """This tree's grader on the class (or on empty notebooks) in a process of its own, as --grade-only, timed."""
    command = [sys.executable, "-m", "tools.grading_bench", "--grade-only", "--copies", str(options.copies)]
    command += ["--workers", str(options.workers), "--exercise", options.exercise]
    command += ["--floor-only"] if floor else []
    environment = {**os.environ, "CRISIS_READING_DATA": str(REPO / "data"), "MPLBACKEND": "Agg"}
    environment.pop("PYTHONPATH", None)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # as nbgrader's: both read (and keep) compiled bytecode
    what = "our grader" + (" (floor)" if floor else "")
    run = timed_run(command, REPO, environment)
    if run["done"].returncode != 0:
        raise fail(what, run["done"], "it failed")
    result = json.loads(run["done"].stdout.strip().splitlines()[-1])
    expected = options.copies * len(question_ids(options.exercise))
    if result["answers"] != expected:
        raise fail(what, run["done"], f"{result['answers']} answers graded, not {expected}")
    if not floor and result["correct"] != expected:
        raise fail(what, run["done"], f"{result['correct']} of {expected} answers correct: {result['problems']}")
    run["inner"] = result["seconds"]
    run["said"] = f"{result['correct']} of {expected} answers correct; grading alone {result['seconds']:.1f} s"
    return run


def say_round(turn: int, grader: str, run: dict) -> None:
    reaped, running = run["orphans"]
    orphans = f"; orphans reaped {reaped}, still running {running}" if reaped or running else ""
    print(
        f"  round {turn}, {grader}: {run['wall']:.1f} s wall, {run['cpu']:.1f} s CPU of the process tree "
        f"({run['cpu'] / run['wall']:.2f} cores busy; sampled {run['sampled']:.1f} s, by rusage {run['rusage']:.1f} s; "
        f"the whole machine {run['machine']:.1f} s); {run['said']}{orphans}"
    )


def nbgrader_bench(options: argparse.Namespace) -> int:
    """This tree's grader against `nbgrader autograde` on the same class, and the floor, in turns (module docstring)."""
    from tools import nbgrader_assignment as nbgrader

    python = nbgrader.ensure_venv()
    setup = nbgrader.describe_venv(python)
    print(
        f"nbgrader {setup['nbgrader']} in {python.parent.parent} (pandas {setup['pandas']}, kernel "
        f"{setup['kernel']}, course package {Path(setup['package']).parent})"
    )
    print(f"subreaper: {'yes' if become_subreaper() else 'no: orphaned processes are not counted'}")
    solution = next((REPO / "solutions").glob(f"{options.exercise}-*.ipynb"))
    runs: dict[str, list[dict]] = {"ours": [], "nbgrader": [], "floor": []}
    with tempfile.TemporaryDirectory(prefix="grading-bench-nbgrader-") as temp:
        pristine = Path(temp) / "course"
        pristine.mkdir()
        work = nbgrader.make_course(pristine, solution, options.exercise, python, Limits().cell_seconds)
        students = [f"student{number:03d}" for number in range(options.copies)]
        nbgrader.hand_in(pristine, options.exercise, work, solution.name, students)
        print(f"course: {options.copies} students handed in {nbgrader.assignment_name(options.exercise)}")
        print(f"before: {load()}")
        bare = statistics.median(bare_floor_seconds() for _ in range(options.repeats))
        for turn in range(options.rounds):
            for grader in list(runs) if turn % 2 == 0 else list(reversed(runs)):
                if grader == "nbgrader":
                    course = Path(temp) / f"round{turn + 1}"
                    run = nbgrader_round(nbgrader, python, pristine, course, options.exercise, students)
                else:
                    run = ours_round(options, floor=grader == "floor")
                runs[grader].append(run)
                say_round(turn + 1, grader, run)
        print(f"after: {load()}")
    print(f"floor (empty notebook, fresh kernel, no sandbox, median of {options.repeats}): {bare:.2f} s")
    walls = {grader: statistics.median(run["wall"] for run in taken) for grader, taken in runs.items()}
    cpus = {grader: statistics.median(run["cpu"] for run in taken) for grader, taken in runs.items()}
    rusages = {grader: statistics.median(run["rusage"] for run in taken) for grader, taken in runs.items()}
    names = {
        "ours": f"ours ({options.workers} workers)",
        "nbgrader": "nbgrader autograde (one process, one submission after another)",
        "floor": f"floor ({options.copies} empty notebooks through our grader, {options.workers} workers)",
    }
    for grader, name in names.items():
        print(
            f"{name}: {walls[grader]:.1f} s wall (median of {options.rounds}), "
            f"{60 * options.copies / walls[grader]:.1f} submissions a minute, "
            f"{cpus[grader] / options.copies:.2f} s CPU a submission (by rusage alone "
            f"{rusages[grader] / options.copies:.2f} s)"
        )
    ratios = [theirs["wall"] / mine["wall"] for theirs, mine in zip(runs["nbgrader"], runs["ours"], strict=True)]
    print(
        f"nbgrader wall / ours, paired by round: median {statistics.median(ratios):.2f} x "
        f"(from {min(ratios):.2f} to {max(ratios):.2f}: {', '.join(f'{ratio:.2f}' for ratio in ratios)})"
    )
    print(f"CPU a submission, nbgrader / ours: {cpus['nbgrader'] / cpus['ours']:.2f} x (medians)")
    # Per submission per worker, as the plain bench counts it (the grading alone, without the process's start)
    # and for the whole command, as nbgrader's is timed.
    for what, seconds in (("grading alone", "inner"), ("the whole command", "wall")):
        ours, floor = (statistics.median(run[seconds] for run in runs[grader]) for grader in ("ours", "floor"))
        ours, floor = (value * options.workers / options.copies for value in (ours, floor))
        print(
            f"ours per submission per worker, {what}: {ours:.2f} s = {ours / bare:.2f} x the bare floor "
            f"({bare:.2f} s); the empty notebooks through our grader: {floor:.2f} s ({floor / bare:.2f} x)"
        )
    print(f"{os.cpu_count()} cores; the aims: ours >= 3 x nbgrader's throughput, <= 1.5 x the floor a submission")
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
    parser.add_argument("--nbgrader", action="store_true", help="grade the class with nbgrader too, in turns")
    parser.add_argument("--rounds", type=int, default=3, help="with --compare or --nbgrader: turns of each grader")
    parser.add_argument("--grade-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--floor-only", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    if options.grade_only:
        return grade_only(options)
    if options.compare:
        return compare(options)
    if options.nbgrader:
        return nbgrader_bench(options)
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
