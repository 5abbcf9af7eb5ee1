"""Grade every job of a class in parallel worker processes; keep each result on disk so a re-run can resume.

Each finished job is written at once to OUT/results/<key>.json. A later run on the
same folder reuses a result only when the submission's bytes, the grader's code,
the course data and the limits are all unchanged (a fingerprint of them is stored
with it), and says how many it reused; --redo grades everything again.

A worker process that dies (the out-of-memory killer, a signal) breaks the whole pool, and every job in it
with it. Each job leaves a claim while it runs (its worker's process id), so the grader knows which job the
dead worker held: that one is marked "not graded", saying so, and every other unfinished job is graded again
in a fresh pool. When the dead worker cannot be told apart (several died, or none by a cause of its own), each
job that was running is graded again alone, and only one that kills its worker there too is marked.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from crisis_reading.dataset.paths import data_dir
from crisis_reading.dataset.vocabulary import counted
from crisis_reading.grading.integrity import signed, verified
from crisis_reading.grading.isolation import JOB_FOLDER_PREFIX, remove_tree
from crisis_reading.grading.layout import Job, answer_name, question_ids
from crisis_reading.grading.sandbox import (
    MAX_NOTEBOOK_BYTES,
    Limits,
    read_notebook,
    read_regular_file,
    run_submission,
)
from crisis_reading.grading.scoring import CORRECT, NOT_GRADED, Row, job_without_a_run, rows_without_a_run, score
from crisis_reading.progress import Progress
from crisis_reading.questions.checks import default_data

PACKAGE = Path(__file__).resolve().parent.parent
RESULT_VERSION = 1
MAX_RESULT_BYTES = 16 * 1024 * 1024
IDLE_BREAKS = 3  # pools that break while no job is running in them before the jobs left are failed
NOTHING_GRADED = "nothing of it was graded; it is graded again on the next run"


@dataclass
class Outcome:
    """What a grading run did, for the command's last lines."""

    graded: int
    resumed: int
    results: list[dict[str, Any]]
    seconds: float


def _digest_files(paths: list[Path], digest: Any, root: Path) -> None:
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode("utf-8"))
        digest.update(path.read_bytes())


def _files_grading_reads(root: Path, pattern: str) -> list[Path]:
    """The files under `root` matching `pattern`, except hidden ones and those in hidden folders (a name starting
    with "."): no lesson or check reads them, and the annotation tool writes some beside an article as an instructor
    works (data/.<slug>.previous, the version a save replaced; .<slug>.<id>.saving), as Jupyter and macOS do
    (.ipynb_checkpoints, .DS_Store). Counting them made a kept backup regrade a whole class."""
    return [
        path
        for path in root.rglob(pattern)
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]


@cache
def code_and_data_digest() -> str:
    """A hash of the package's code and the course data: the expectations grading depends on."""
    digest = hashlib.sha256()
    _digest_files(_files_grading_reads(PACKAGE, "*.py"), digest, PACKAGE)
    data = data_dir()
    _digest_files(_files_grading_reads(data, "*"), digest, data)
    return digest.hexdigest()


def fingerprint(limits: Limits) -> str:
    settings = json.dumps(asdict(limits), sort_keys=True)
    return hashlib.sha256(f"{RESULT_VERSION}|{code_and_data_digest()}|{settings}".encode()).hexdigest()[:16]


def submission_digest(job: Job) -> str:
    digest = hashlib.sha256()
    for path in job.paths:
        digest.update(path.name.encode("utf-8") + b"\0")
        try:  # never through a link, never more than a notebook may hold: a link to /dev/zero filled the memory
            digest.update(read_regular_file(path, MAX_NOTEBOOK_BYTES))
        except ValueError as exc:
            digest.update(f"unreadable {exc}".encode())
    return digest.hexdigest()


def grade_job(job: Job, limits: Limits, temp_root: str | None) -> dict[str, Any]:
    """Run and score one job (in a worker process); the result as plain data."""
    started = time.monotonic()
    rows = job_without_a_run(job)
    if rows is None:
        names = [answer_name(question_id) for question_id in question_ids(job.exercise)]
        run = run_submission(job.paths[0], names, limits, Path(temp_root) if temp_root else None)
        rows = score(job, run, default_data())
    return {"rows": [row.as_dict() for row in rows], "seconds": round(time.monotonic() - started, 2)}


Work = Callable[[Job, Limits, str | None], dict[str, Any]]


def grade_claimed(work: Work, job: Job, limits: Limits, temp_root: str | None, claims: str) -> dict[str, Any]:
    """`work` (grade_job) for one job in a pool worker, with a claim left while it runs (this worker's process id),
    so that if the worker dies the grader knows which job it held."""
    claim = Path(claims) / job.key
    claim.write_text(str(os.getpid()), encoding="utf-8")
    try:
        return work(job, limits, temp_root)
    finally:
        claim.unlink(missing_ok=True)


@dataclass
class Broken:
    """What a broken pool left: the jobs it did not finish, the ones among them that were running (job key ->
    its worker's process id), and how each worker ended (process id -> exit code, negative for a signal; None
    when the executor does not say)."""

    unfinished: list[tuple[Job, dict[str, str]]] = field(default_factory=list)
    running: dict[str, int] = field(default_factory=dict)
    exits: dict[int, int | None] | None = None

    def culprit(self) -> tuple[str, int] | None:
        """The job whose worker died of a cause of its own, and its exit code, when exactly one did: the pool ends
        every other worker with SIGTERM once one has died."""
        if self.exits is None:
            return None
        died = [(pid, code) for pid, code in self.exits.items() if code != -signal.SIGTERM]
        if len(died) != 1 or died[0][1] is None:
            return None
        held = [key for key, pid in self.running.items() if pid == died[0][0]]
        return (held[0], died[0][1]) if len(held) == 1 else None


def how_it_ended(code: int | None) -> str:
    if code is None:
        return "how is not known"
    if code < 0:
        try:
            return f"signal {-code}, {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def run_pool(
    batch: list[tuple[Job, dict[str, str]]],
    workers: int,
    work: Work,
    limits: Limits,
    temp_root: str | None,
    record: Callable[[Job, dict[str, str], dict[str, Any], bool], None],
) -> Broken | None:
    """Grade `batch` in one pool of `workers` processes, recording each result; None when the pool held, else
    what its break left (every claim read, every dead worker's job folder removed)."""
    claims = Path(tempfile.mkdtemp(prefix="crisis-grade-claims-"))
    broken = Broken()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=worker_context()) as pool:
            # The executor's own table of its processes (process id -> Process), kept to read their exit codes.
            processes = getattr(pool, "_processes", None)
            futures = {}
            for job, identity in batch:
                try:
                    futures[pool.submit(grade_claimed, work, job, limits, temp_root, str(claims))] = (job, identity)
                except BrokenProcessPool:
                    broken.unfinished.append((job, identity))
            remaining = set(futures)
            while remaining:
                done, remaining = wait(remaining, return_when=FIRST_COMPLETED)
                for future in done:
                    job, identity = futures[future]
                    try:
                        record(job, identity, future.result(), True)
                    except BrokenProcessPool:
                        broken.unfinished.append((job, identity))
                    except Exception as exc:  # a bug in the grader fails this job only
                        reason = f"the grader failed on this notebook ({type(exc).__name__}: {str(exc)[:150]})"
                        rows = [row.as_dict() for row in rows_without_a_run(job, NOT_GRADED, reason)]
                        record(job, identity, {"rows": rows, "seconds": 0.0}, False)
        if isinstance(processes, dict):
            broken.exits = {pid: process.exitcode for pid, process in processes.items()}
        for claim in claims.iterdir():  # left by the jobs whose worker died under them
            try:
                broken.running[claim.name] = int(claim.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
    finally:
        shutil.rmtree(claims, ignore_errors=True)
    if not broken.unfinished:
        return None
    remove_job_folders(broken.exits or {}, temp_root)
    unfinished = {job.key for job, _ in broken.unfinished}
    broken.running = {key: pid for key, pid in broken.running.items() if key in unfinished}
    return broken


def remove_job_folders(workers: Iterable[int], temp_root: str | None) -> None:
    """Remove the job folders (and kernel templates' folders) of these worker processes, which have died."""
    for pid in workers:
        for folder in Path(temp_root or tempfile.gettempdir()).glob(f"{JOB_FOLDER_PREFIX}{pid}-*"):
            remove_tree(folder)


def grade_in_pools(
    jobs: list[tuple[Job, dict[str, str]]],
    workers: int,
    work: Work,
    limits: Limits,
    temp_root: str | None,
    record: Callable[[Job, dict[str, str], dict[str, Any], bool], None],
    say: Callable[[str], None],
) -> None:
    """Grade every job in pools of workers, starting a fresh pool whenever a worker dies (module docstring)."""

    def fail(job: Job, identity: dict[str, str], what: str) -> None:
        reason = f"{what}; {NOTHING_GRADED}"
        rows = [row.as_dict() for row in rows_without_a_run(job, NOT_GRADED, reason)]
        record(job, identity, {"rows": rows, "seconds": 0.0}, False)

    queue, alone, idle_breaks = list(jobs), [], 0
    died: set[int] = set()  # the workers that died, whose job folders are removed once more at the end
    while queue or alone:
        if not queue:  # a suspect, graded alone: if its worker dies now, it was this job
            job, identity = alone.pop(0)
            broken = run_pool([(job, identity)], 1, work, limits, temp_root, record)
            if broken is not None:
                died |= set(broken.exits or {})
                how = how_it_ended(next(iter(broken.exits.values()), None) if broken.exits else None)
                fail(job, identity, f"the grader's worker for this submission died ({how}), again when graded alone")
                say(f"a grader worker died again ({how}) grading {job.student} {job.exercise} alone")
            continue
        broken = run_pool(queue, max(1, min(workers, len(queue))), work, limits, temp_root, record)
        queue = []
        if broken is None:
            continue
        died |= set(broken.exits or {})
        found = broken.culprit()
        if found is not None:
            key, code = found
            for job, identity in broken.unfinished:
                if job.key == key:
                    fail(job, identity, f"the grader's worker for this submission died ({how_it_ended(code)})")
                    say(f"a grader worker died ({how_it_ended(code)}) grading {job.student} {job.exercise}")
                else:
                    queue.append((job, identity))
        elif broken.running:
            suspects = [(job, identity) for job, identity in broken.unfinished if job.key in broken.running]
            alone += suspects
            queue = [(job, identity) for job, identity in broken.unfinished if job.key not in broken.running]
            say(
                f"a grader worker died, and which of the {counted(len(suspects), 'notebook')} then running it held "
                "cannot be "
                "told: each is graded again alone"
            )
        else:
            idle_breaks += 1
            if idle_breaks > IDLE_BREAKS:
                for job, identity in broken.unfinished:
                    fail(job, identity, "the grader's workers kept dying before this submission started")
                continue
            queue = broken.unfinished
        if queue:
            say(f"grading the other {len(queue)} unfinished notebooks again in a fresh pool of workers")
    # A dead worker's kernel may still have been ending, and writing, when its pool broke: once more at the end.
    remove_job_folders(died, temp_root)


def needs_a_kernel(job: Job) -> bool:
    """False for a job decided without running anything: nothing handed in, two notebooks, an unreadable file."""
    if job_without_a_run(job) is not None:
        return False
    try:
        read_notebook(job.paths[0])
    except (OSError, ValueError):
        return False
    return True


def worker_context() -> multiprocessing.context.BaseContext:
    """Workers forked from a fresh server process that has already imported the grader.

    Not plain fork: a fork of a process that has talked to a kernel inherits a ZeroMQ context that no
    longer works, and its kernels hang. Not spawn either: each worker would import pandas again.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["crisis_reading.grading.batch"])
    return context


def _result_path(results: Path, job: Job) -> Path:
    return results / f"{job.key}.json"


class Forged(Exception):
    """A stored result that is unsigned, or was changed since the grader signed it."""


def _reusable(path: Path, expected: dict[str, str]) -> dict[str, Any] | None:
    try:
        stored = json.loads(read_regular_file(path, MAX_RESULT_BYTES, what="result").decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not verified(stored):
        raise Forged(path.name)
    if not isinstance(stored, dict) or any(stored.get(key) != value for key, value in expected.items()):
        return None
    return stored if isinstance(stored.get("rows"), list) else None


def _write_json(path: Path, content: Any) -> None:
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(part, path)


def _summary_line(rows: list[dict[str, Any]]) -> str:
    correct = sum(row["verdict"] == CORRECT for row in rows)
    return f"{correct}/{len(rows)} correct ({rows[0]['run'] if rows else 'no questions'})"


def grade_jobs(
    jobs: list[Job],
    out: Path,
    limits: Limits,
    workers: int,
    redo: bool = False,
    say: Callable[[str], None] = print,
    show_progress: bool = False,
    work: Work = grade_job,
) -> Outcome:
    """Grade every job not already graded with the same files, code, data and limits; `say` tells what happens,
    and each finished job is one line (with show_progress, a bar on a terminal: crisis_reading.progress).
    `work` grades one job in a worker process (a module-level function: it is sent there by name)."""
    started = time.monotonic()
    results_dir = out / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    grader = fingerprint(limits)
    finished: dict[str, dict[str, Any]] = {}
    pending: list[tuple[Job, dict[str, str]]] = []
    refused = []
    for job in jobs:
        identity = {"key": job.key, "fingerprint": grader, "submission": submission_digest(job)}
        path = _result_path(results_dir, job)
        try:
            stored = None if redo or not os.path.lexists(path) else _reusable(path, identity)
        except Forged:
            stored = None
            refused.append(job)
        if stored is not None:
            finished[job.key] = stored
        else:
            pending.append((job, identity))
    if refused:
        say(
            f"refused {counted(len(refused), 'earlier result')} in {results_dir} "
            f"{'that is unsigned or was' if len(refused) == 1 else 'that are unsigned or were'} changed after "
            f"grading (e.g. {refused[0].student} {refused[0].exercise}): graded again"
        )
    if redo:
        say(f"redoing all {counted(len(jobs), 'job')} (--redo): earlier results in {results_dir} are replaced")
    elif finished:
        say(
            f"resuming: {len(finished)} of {counted(len(jobs), 'job')} {'was' if len(finished) == 1 else 'were'} "
            f"already graded in {results_dir} with the same "
            f"files, code, data and limits; grading the other {len(pending)}"
        )
    else:
        say(f"grading {counted(len(jobs), 'job')} (no earlier results to resume in {results_dir})")
    counter = Progress(len(jobs), "grading") if show_progress else None
    if counter is not None:
        counter.done = len(finished)

    def record(job: Job, identity: dict[str, str], outcome: dict[str, Any], keep: bool) -> None:
        stored = {
            **identity,
            "student": job.student,
            "exercise": job.exercise,
            "files": [path.name for path in job.paths],
            **outcome,
        }
        finished[job.key] = stored
        if keep:  # a grader failure is not kept, so the next run tries that job again
            _write_json(_result_path(results_dir, job), signed(stored))
        line = _summary_line(stored["rows"])
        done = f"{job.student} {job.exercise}: {line} {outcome['seconds']} s"
        if counter is not None:
            counter.step(done)
        else:
            say(f"[{len(finished)}/{len(jobs)}] {done}")

    temp_root = os.environ.get("CRISIS_READING_GRADING_TMP")
    in_kernels: list[tuple[Job, dict[str, str]]] = []
    if pending:
        in_kernels = [(job, identity) for job, identity in pending if needs_a_kernel(job)]
        for job, identity in pending:
            if (job, identity) not in in_kernels:
                record(job, identity, grade_job(job, limits, temp_root), keep=True)
    if in_kernels:
        grade_in_pools(in_kernels, workers, work, limits, temp_root, record, say)
    if counter is not None:
        counter.close()
    results = [finished[job.key] for job in jobs]
    return Outcome(len(pending), len(jobs) - len(pending), results, time.monotonic() - started)


def rows_of(results: list[dict[str, Any]]) -> list[Row]:
    return [Row(**row) for result in results for row in result["rows"]]


def default_workers() -> int:
    return os.cpu_count() or 1
