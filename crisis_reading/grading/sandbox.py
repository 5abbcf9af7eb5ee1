"""Run one submitted notebook in a limited kernel of its own and bring back only its answer values.

The kernel starts under a memory, CPU-time and file-size limit (kernel_launcher.py),
in a temporary folder that holds a copy of the submission and nothing else; its
HOME, IPython and matplotlib folders are there too, so nothing of the grader's
user setup runs, and it inherits only a few environment variables (PATH, locale),
none of the grader's secrets. Every cell gets a time limit, and the notebook as a
whole gets one. Cells run in order, and a cell that raises does not stop the ones
after it (as when a teacher runs a student's notebook to the end); a cell that
runs out of time, or a kernel that dies, stops the run. A collecting cell writes
the answer values as tagged JSON (answers.py) to a file outside the working
folder, after every cell that sets an answer (so a later crash keeps them) and
once at the end; then the kernel, with every process it started, is killed.

Everything the student's cells print is thrown away as it arrives, so a cell
that floods its output costs the grader no memory.

The kernel is forked from the worker's kernel template, which has already imported what every kernel
imports (forked_kernels.py, kernel_template.py), or, where no template can be made, started from scratch;
either way it runs inside a bubblewrap sandbox of its own (isolation.py): its own namespaces, its own user
when the grader is root, a read-only view of only the Python install, the packages, the course's package
and data, and its job folder as the only place it may write. With sandbox=False (the CLI's --no-sandbox,
for a machine without bubblewrap) it runs as the grader's own user and can reach whatever that user can.

The grader trusts no file it is handed: a submission is read only when it is a regular file (never through
a link), its size is checked before a byte is read, and the answers file the kernel leaves is read the same way.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import os
import re
import secrets
import signal
import stat
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from typing import Any

import nbformat
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from crisis_reading.dataset.paths import data_dir
from crisis_reading.grading.answers import MAX_FILE_BYTES, AnswerFormatError, collector_cell, read_answers
from crisis_reading.grading.forked_kernels import ForkedKernel, KernelTemplate, template_for
from crisis_reading.grading.isolation import (
    JOB_FOLDER_PREFIX,
    MAX_PROCESSES,
    bwrap_command,
    give_to,
    job_user,
    remove_tree,
)

MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024
KERNEL_LAUNCHER = Path(__file__).with_name("kernel_launcher.py")
# The kernel keeps its input history in memory: no SQLite file to make and write in every job folder.
KERNEL_OPTIONS = ("--HistoryManager.enabled=False",)
NOT_STARTED = "the kernel could not be started"
TEMPLATE_ENDED = "the grader's kernel template ended while this notebook ran"
START_ATTEMPTS = 2
COLLECT_SECONDS = 15  # the collecting cell's own time limit, on top of the notebook's


@dataclass(frozen=True)
class Limits:
    """Time and memory limits for one submission; the defaults are the CLI's."""

    cell_seconds: float = 60
    notebook_seconds: float = 300
    memory_mb: int = 2048
    startup_seconds: float = 60
    file_mb: int = 100
    sandbox: bool = True  # each kernel in its own bubblewrap sandbox (isolation.py)

    @property
    def file_bytes(self) -> int:
        """The largest file a kernel may write, in bytes; its /tmp and /dev/shm hold as much each."""
        return self.file_mb * 1024 * 1024

    def describe(self) -> str:
        return (
            f"{self.cell_seconds:g} s a cell, {self.notebook_seconds:g} s a notebook, "
            f"{self.memory_mb} MB of memory, kernel start {self.startup_seconds:g} s, files up to {self.file_mb} MB"
        )


@dataclass
class RunResult:
    """How a submission's run went, and the answers read from it."""

    readable: bool = True
    problem: str = ""  # why the run stopped early or never started; empty when it ran to the end
    stopped_at: int | None = None  # the cell (1-based, counting every cell) where it stopped
    cell_errors: dict[int, str] = field(default_factory=dict)  # cell number -> "ZeroDivisionError: …"
    answers: dict[str, Any] = field(default_factory=dict)
    assigned_in: dict[str, int] = field(default_factory=dict)  # answer name -> the first cell that assigns it
    seconds: float = 0.0


class LimitedKernelManager(AsyncKernelManager):
    """A kernel manager that starts ipykernel through kernel_launcher.py, under resource limits, in its sandbox."""

    limits: Limits = Limits()
    sandbox_prefix: tuple[str, ...] = ()  # the bwrap command, when the kernel is sandboxed
    processes: int = 0
    job_uid: int | None = None  # the job's own user, who must read the connection file
    template: KernelTemplate | None = None  # forks the kernel, when the worker has one (forked_kernels.py)

    def write_connection_file(self, **kwargs: Any) -> None:
        super().write_connection_file(**kwargs)
        if self.job_uid is not None:  # written 0600 for the grader: the kernel's user must read it too
            os.chown(self.connection_file, self.job_uid, self.job_uid)

    def launcher_arguments(self) -> list[str]:
        """The limits, as kernel_launcher.py takes them."""
        limits = self.limits
        return [
            str(limits.memory_mb * 1024 * 1024),
            # CPU time is only a backstop behind the wall-clock limits, which stop a run first.
            str(int(limits.notebook_seconds + limits.startup_seconds + COLLECT_SECONDS)),
            str(limits.file_bytes),
            str(self.processes),
        ]

    def kernel_arguments(self, extra_arguments: list[str] | None = None) -> list[str]:
        return ["-f", os.path.realpath(self.connection_file), *KERNEL_OPTIONS, *(extra_arguments or [])]

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        launcher = [sys.executable, str(KERNEL_LAUNCHER), *self.launcher_arguments()]
        return [*self.sandbox_prefix, *launcher, *self.kernel_arguments(extra_arguments)]

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        if self.template is None:
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        provisioner = self.provisioner
        provisioner.process = self.template.fork(  # type: ignore[union-attr]
            {
                "job": str(Path(self.connection_file).parent.parent),
                "uid": self.job_uid,
                "limits": self.launcher_arguments(),
                "tmp_bytes": self.limits.file_bytes,  # its /tmp and /dev/shm: as large as one file, as in bwrap
                "environment": kw["env"],
                "cwd": kw["cwd"],
                "kernel_arguments": self.kernel_arguments(kw.get("extra_arguments")),
            }
        )
        provisioner.pid = provisioner.pgid = None  # type: ignore[union-attr]
        self._reconcile_connection_info(provisioner.connection_info)  # type: ignore[union-attr]
        return None


class PromptClient(AsyncKernelClient):
    """A kernel client that is ready as soon as the kernel has answered and its IOPub channel is connected.

    jupyter_client's own waits another 0.2 s for silence on IOPub before it says ready, to drop messages no
    request asked for; nbclient matches every message to its request, so nothing needs dropping, and the wait
    was half of a forked kernel's whole start.
    """

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:  # the kernel's status for that request shows that IOPub is connected; else ask again
                    await self.iopub_channel.get_msg(timeout=0.2)
                    self._handle_kernel_info_reply(reply)
                    return
                except Empty:
                    pass
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} s")

    wait_for_ready = _async_wait_for_ready  # type: ignore[assignment]


class QuietClient(NotebookClient):
    """A notebook client that keeps no output: a flooding cell costs the grader nothing."""

    def output(self, outs, msg, display_id, cell_index):  # type: ignore[override]
        return None

    def handle_comm_msg(self, outs, msg, cell_index):  # type: ignore[override]
        return None

    output_task: asyncio.Task | None = None

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):  # type: ignore[override]
        self.output_task = asyncio.current_task()
        return await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)

    def stop_output_polling(self) -> None:
        """Stop a timed-out cell's output poller, which nbclient leaves running.

        Left running, it reads (and drops) the next cell's messages, so that cell's end is
        never seen and every timed-out notebook waited the whole iopub_timeout in its collection.
        """
        if self.output_task is not None:
            self.output_task.cancel()
            self.output_task = None


def read_regular_file(path: Path, most_bytes: int, what: str = "notebook") -> bytes:
    """The bytes of a regular file, read without following a link and only after its size is checked.

    A link (to /dev/zero, or to the course's solutions), a FIFO or a device is refused before anything is
    read from it, so no file can hang the grader, fill its memory or lend a student someone else's work.
    Raises ValueError with a reason a teacher can act on.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if os.path.islink(path):
            raise ValueError(f"{what} could not be read: not a {what} file but a link") from None
        raise ValueError(f"{what} could not be read ({exc.strerror})") from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(status.st_mode) else "a device" if stat.S_ISCHR(status.st_mode) else ""
            raise ValueError(f"{what} could not be read: not a {what} file" + (f" but {kind}" if kind else ""))
        if status.st_size > most_bytes:
            raise ValueError(f"{what} could not be read: the file is larger than {most_bytes // 2**20} MB")
        chunks, left = [], most_bytes + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        content = b"".join(chunks)
        if len(content) > most_bytes:  # it grew while being read
            raise ValueError(f"{what} could not be read: the file is larger than {most_bytes // 2**20} MB")
        return content
    finally:
        os.close(descriptor)


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """The submission as a notebook; raises ValueError with a reason a teacher can act on."""
    raw = read_regular_file(path, MAX_NOTEBOOK_BYTES)
    if not raw:
        raise ValueError("notebook could not be read: the file is empty")
    try:
        text = raw.decode("utf-8")
        json.loads(text)
    except UnicodeDecodeError:
        raise ValueError("notebook could not be read: the file is not text (UTF-8)") from None
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"notebook could not be read: not valid JSON ({str(exc)[:120]})") from None
    try:
        notebook = nbformat.reads(text, as_version=4)
        cells = notebook.cells
        if not isinstance(cells, list):
            raise TypeError("no list of cells")
        for cell in cells:
            if cell.cell_type == "code" and not isinstance(cell.source, str):
                raise TypeError("a code cell without source text")
    except Exception as exc:
        raise ValueError(f"notebook could not be read: not a Jupyter notebook ({str(exc)[:120]})") from None
    return notebook


def assigning_cells(notebook: nbformat.NotebookNode, answer_names: list[str]) -> dict[str, int]:
    """For each answer name, the number (1-based) of the first code cell that assigns it, if any."""
    found: dict[str, int] = {}
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        for name in answer_names:
            # [ \t]*, not \s*: a \s* at a line's start also eats the blank lines after it, which made this
            # quadratic in the blank lines of a cell (60 KB of them took 50 s).
            pattern = rf"^[ \t]*{name}[ \t]*(?::[^=\n]*)?=(?!=)"
            if name not in found and re.search(pattern, cell.source, re.MULTILINE):
                found[name] = index + 1
    return found


# The only variables the kernel inherits: nothing else of the grader's environment (tokens, keys) reaches it.
PASSED_TO_KERNEL = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "VIRTUAL_ENV", "PYTHONPATH", "TMPDIR")
COURSE_VARIABLES = ("CRISIS_READING_DATA", "CRISIS_READING_ARTICLE")


def shared_environment() -> dict[str, str]:
    """What every kernel's environment holds, whatever its job (and so the kernel template's too)."""
    environment = {key: os.environ[key] for key in (*PASSED_TO_KERNEL, *COURSE_VARIABLES) if key in os.environ}
    environment.update(
        MPLBACKEND="Agg",
        PYTHONDONTWRITEBYTECODE="1",
        MALLOC_ARENA_MAX="2",  # fewer malloc arenas: less address space counted against the memory limit
    )
    return environment


def kernel_environment(home: Path) -> dict[str, str]:
    """A small environment for the kernel, with its HOME, IPython and matplotlib folders in the sandbox."""
    return {
        **shared_environment(),
        "HOME": str(home),
        "IPYTHONDIR": str(home / ".ipython"),
        "MPLCONFIGDIR": str(home / ".matplotlib"),
    }


def error_text(reply: dict[str, Any], limits: Limits) -> str:
    content = reply.get("content", {})
    # A student's own exception may carry line breaks in its name, to forge lines in the feedback: one line each.
    name, value = " ".join(str(content.get("ename", "Error")).split())[:80], str(content.get("evalue", ""))
    value = " ".join(value.split())
    if name == "MemoryError":
        return f"MemoryError: ran out of memory (limit {limits.memory_mb} MB)"
    return f"{name}: {value[:150]}" if value else name


def run_submission(path: Path, answer_names: list[str], limits: Limits, temp_root: Path | None = None) -> RunResult:
    """Run the notebook at `path` in a sandboxed kernel; never raises for anything the notebook does."""
    started = time.monotonic()
    # nbclient leaves an output-polling task behind when a cell times out; asyncio would print it as an error.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    try:
        notebook = read_notebook(path)
    except ValueError as exc:
        return RunResult(readable=False, problem=str(exc), seconds=time.monotonic() - started)
    assigned_in = assigning_cells(notebook, answer_names)
    for attempt in range(1, START_ATTEMPTS + 1):
        template = template_for(data_dir().resolve(), temp_root, shared_environment()) if limits.sandbox else None
        within = template.jobs_root if template is not None else temp_root
        folder = Path(tempfile.mkdtemp(prefix=f"{JOB_FOLDER_PREFIX}{os.getpid()}-", dir=within))
        try:
            with job_user() if limits.sandbox else nullcontext(None) as uid:
                cells = set(assigned_in.values())
                result = _run_in(folder, path, copy.deepcopy(notebook), answer_names, limits, cells, uid, template)
        finally:
            remove_tree(folder)
        # The kernel's end was not the notebook's doing when its template ended too (the machine's out-of-memory
        # killer, say: no kernel can reach it): say so, and try once more with a fresh template.
        if template is not None and not template.alive() and result.problem:
            result.problem = f"{TEMPLATE_ENDED} ({result.problem})"
        # A kernel can fail to start when parallel kernels race for the same free port: try once more.
        if not result.problem.startswith((NOT_STARTED, TEMPLATE_ENDED)) or attempt == START_ATTEMPTS:
            break
    result.assigned_in = assigned_in
    result.seconds = time.monotonic() - started
    return result


def _run_in(
    folder: Path,
    submission: Path,
    notebook: nbformat.NotebookNode,
    answer_names: list[str],
    limits: Limits,
    answer_cells: set[int],
    uid: int | None = None,
    template: KernelTemplate | None = None,
) -> RunResult:
    work, home, channel = folder / "work", folder / "home", folder / "channel"
    for sub in (work, home, channel):
        sub.mkdir()
    # The bytes read and checked, not the path again: a file swapped for a link since then is never followed.
    (work / submission.name).write_bytes(read_regular_file(submission, MAX_NOTEBOOK_BYTES))
    answers_file = channel / f"answers-{secrets.token_hex(8)}.json"
    result = RunResult()
    notebook.cells.append(nbformat.v4.new_code_cell(collector_cell(answer_names, answers_file)))

    manager = LimitedKernelManager(kernel_name="python3")
    manager.client_factory = PromptClient
    manager.limits = limits
    environment = kernel_environment(home)
    if limits.sandbox:
        # ZeroMQ over sockets in the job folder: the kernel has no network, and no other job sees them.
        manager.transport, manager.ip = "ipc", str(channel / "kernel")
        manager.connection_file = str(channel / "connection.json")
        # its /tmp and /dev/shm: as large as one file may be
        manager.sandbox_prefix = tuple(bwrap_command(folder, data_dir().resolve(), environment, uid, limits.file_bytes))
        manager.processes = MAX_PROCESSES if uid is not None else 0
        manager.job_uid = uid
        manager.template = template
        manager.kernel_spec.interrupt_mode = "message"  # a signal would reach bwrap, not the kernel
        give_to(folder, uid)
    client = QuietClient(
        notebook,
        km=manager,
        timeout=limits.cell_seconds,
        startup_timeout=limits.startup_seconds,
        allow_errors=True,
        interrupt_on_timeout=False,
        record_timing=False,
        shutdown_kernel="immediate",
        iopub_timeout=4,
    )

    def remember_error(cell, cell_index, execute_reply) -> None:
        if execute_reply and execute_reply.get("content", {}).get("status") == "error":
            result.cell_errors[cell_index + 1] = error_text(execute_reply, limits)

    client.on_cell_executed = remember_error
    kernel_ready = False
    try:
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        with client.setup_kernel(cwd=str(work), env=environment, **quiet):
            kernel_ready = True
            kernel = getattr(manager.provisioner, "process", None)
            kernel_group = None if isinstance(kernel, ForkedKernel) else _process_group(kernel)
            deadline = time.monotonic() + limits.notebook_seconds  # counted from a ready kernel
            try:
                _run_cells(client, notebook, limits, deadline, answer_cells, result)
                if result.problem.startswith("timed out"):
                    run_sync(manager.interrupt_kernel)()  # try to stop the loop, then still collect what was answered
                if not result.problem.startswith("kernel died"):
                    _collect(client, notebook, result, final=True)
            finally:
                if isinstance(kernel, ForkedKernel):
                    _end_forked(kernel)
                elif kernel_group:
                    _kill_group(kernel_group, kernel)
    except (DeadKernelError, RuntimeError, TimeoutError) as exc:
        if not result.problem:
            what = "the kernel could not be stopped" if kernel_ready else NOT_STARTED
            result.problem = f"{what} ({type(exc).__name__}: {str(exc)[:120]})"
    finally:
        _close(client, manager)
    if os.path.lexists(answers_file):  # the last answers written: at the end, or after the last answer cell that ran
        _read(answers_file, answer_names, result)
    return result


def _close(client: NotebookClient, manager: LimitedKernelManager) -> None:
    """Close every socket and the ZeroMQ context of one job: left open, each job kept its threads and files
    (one worker went from 11 to 501 threads and 53 to 1,847 open files over 100 submissions)."""
    kernel_client = getattr(client, "kc", None)
    if kernel_client is not None:
        kernel_client.stop_channels()
    socket = getattr(manager, "_control_socket", None)
    if socket is not None and not socket.closed:
        socket.close(linger=0)
    if not manager.context.closed:
        manager.context.destroy(linger=0)


def _run_cells(
    client: NotebookClient,
    notebook: nbformat.NotebookNode,
    limits: Limits,
    deadline: float,
    answer_cells: set[int],
    result: RunResult,
) -> None:
    """Run the student's cells; after each cell that sets an answer, save the answers (a later crash keeps them)."""
    for index, cell in enumerate(notebook.cells[:-1]):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        left = deadline - time.monotonic()
        if left <= 0:
            result.stopped_at = index + 1
            result.problem = f"timed out before cell {index + 1} (notebook limit {limits.notebook_seconds:g} s)"
            return
        notebook_limit = left < limits.cell_seconds
        client.timeout = max(1, int(min(left, limits.cell_seconds)))
        try:
            client.execute_cell(cell, index)
        except CellTimeoutError:
            client.stop_output_polling()
            result.stopped_at = index + 1
            result.problem = (
                f"timed out in cell {index + 1} (the notebook's limit of {limits.notebook_seconds:g} s)"
                if notebook_limit
                else f"timed out in cell {index + 1} (limit {limits.cell_seconds:g} s a cell)"
            )
            return
        except DeadKernelError:
            result.stopped_at = index + 1
            result.problem = f"kernel died in cell {index + 1} (the process ended: os._exit, a crash or a limit)"
            return
        if index + 1 in answer_cells and not _collect(client, notebook, result, final=False):
            result.stopped_at = index + 2
            return


def _collect(client: NotebookClient, notebook: nbformat.NotebookNode, result: RunResult, final: bool) -> bool:
    """Run the collecting cell (the notebook's last); False when the kernel timed out or died in it.

    Only the final collection reports an error inside the cell: an earlier one is simply replaced by the next.
    """
    index = len(notebook.cells) - 1
    client.timeout = COLLECT_SECONDS
    problem = ""
    try:
        client.execute_cell(notebook.cells[index], index, store_history=False)
    except CellTimeoutError:
        problem = (
            "the kernel did not stop when interrupted" if result.problem else "timed out while its answers were read"
        )
    except DeadKernelError:
        problem = "kernel died while its answers were read"
    collector_error = result.cell_errors.pop(index + 1, None)
    if collector_error and final and not problem:
        problem = f"the answers could not be read ({collector_error})"
    if problem:
        result.problem = f"{result.problem}; {problem}" if result.problem else problem
    return not problem


def _read(answers_file: Path, answer_names: list[str], result: RunResult) -> None:
    try:
        raw = read_regular_file(answers_file, MAX_FILE_BYTES, what="answers")
        result.answers = read_answers(raw, answer_names)
    except (AnswerFormatError, ValueError) as exc:
        result.problem = (result.problem + "; " if result.problem else "") + f"the answers could not be read ({exc})"


def _process_group(process: subprocess.Popen | None) -> int | None:
    try:
        return os.getpgid(process.pid) if process is not None else None
    except OSError:
        return None


def _kill_group(group: int, kernel: subprocess.Popen) -> None:
    """Kill the kernel and every process it started in its session (a student's subprocess too)."""
    try:
        os.killpg(group, signal.SIGKILL)
        kernel.wait(timeout=5)  # reap it, so a long run leaves no zombie processes behind
    except (OSError, subprocess.TimeoutExpired):
        pass


def _end_forked(kernel: ForkedKernel) -> None:
    """End a forked kernel and every process of its namespace (a student's subprocess too), and wait for them."""
    kernel.kill()
