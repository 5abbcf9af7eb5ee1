"""Kernels forked from a template that has already imported ipykernel, pandas and the course's package.

A kernel started afresh spends most of its CPU importing the same modules for every submission (its start
about 0.45 s, the setup cell's pandas about 0.3 s); on a machine the grader keeps busy, that CPU is what
limits a class. So each grading worker starts one template (kernel_template.py, in a bubblewrap sandbox of
its own) and asks it for a kernel per submission: the template forks, the fork makes namespaces of its own,
drops to the job's user with no capabilities, and becomes the kernel. How a kernel is isolated is the same as
for a kernel started in bwrap (isolation.py); kernel_template.py says how.

The worker sees the kernel through a pidfd: it can tell when it has ended and kill it (which ends every process
of the kernel's namespace), though it is not the kernel's parent. Where no template can be started (bubblewrap
refusing to keep the capabilities it needs, say), `template_for` returns None and the grader starts each kernel
in bwrap as before.
"""

from __future__ import annotations

import atexit
import json
import multiprocessing.util
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from crisis_reading.grading.isolation import JOB_FOLDER_PREFIX, TEMPLATE_STAGE, remove_tree, template_command

TEMPLATE_SCRIPT = Path(__file__).with_name("kernel_template.py")
# What every submission's kernel imports: its setup cell's pandas and the course's front door.
PRELOADED = ("pandas", "crisis_reading")
READY_SECONDS = 60
# One thread each for the maths libraries: threads a template started would not survive its forks.
SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class TemplateError(RuntimeError):
    """The template could not be started, or could not fork a kernel."""


class ForkedKernel:
    """A kernel forked by the template, seen through a pidfd: as much of subprocess.Popen as jupyter_client uses.

    Killing it asks its first process (A) to end the kernel's namespace and to wait until it is empty, so that once
    the handle says it has ended, no process of the kernel's is left (SIGKILL to A only if that takes too long).
    """

    pid = None  # the kernel has no process id the grader could use
    stdin = stdout = stderr = None
    END_SECONDS = 5

    def __init__(self, handle: int) -> None:
        os.set_inheritable(handle, False)
        self.handle = handle
        self.returncode: int | None = None

    def _has_ended(self, timeout: float | None) -> bool:
        watch = select.poll()  # not select(): the handle's number may be above 1023
        watch.register(self.handle, select.POLLIN)
        return bool(watch.poll(None if timeout is None else int(timeout * 1000)))

    def poll(self) -> int | None:
        if self.returncode is None and self._has_ended(0):
            self._ended()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            if not self._has_ended(timeout):
                raise subprocess.TimeoutExpired("kernel", timeout or 0)
            self._ended()
        return self.returncode  # type: ignore[return-value]

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            try:
                signal.pidfd_send_signal(self.handle, signum)
            except ProcessLookupError:
                self._ended()

    def kill(self) -> None:
        """End the kernel and every process of its namespace, and wait for them (module docstring)."""
        self.send_signal(signal.SIGTERM)
        try:
            self.wait(self.END_SECONDS)
        except subprocess.TimeoutExpired:
            self.send_signal(signal.SIGKILL)
            try:
                self.wait(self.END_SECONDS)
            except subprocess.TimeoutExpired:
                pass

    def terminate(self) -> None:
        self.kill()

    def _ended(self) -> None:
        self.returncode = -signal.SIGKILL  # its exit status is its parent's (the template's) to read
        os.close(self.handle)


class KernelTemplate:
    """One worker's template process, and its jobs folder (each job's folder is made inside it)."""

    def __init__(self, data: Path, temp_root: Path | None, environment: dict[str, str]) -> None:
        prefix = f"{JOB_FOLDER_PREFIX}{os.getpid()}-template-"  # found and removed as a job folder if the worker dies
        self.jobs_root = Path(tempfile.mkdtemp(prefix=prefix, dir=temp_root))
        os.chmod(self.jobs_root, 0o755)  # each job's user must reach its own folder
        ours, theirs = socket.socketpair()
        command = template_command(self.jobs_root, data, {**environment, **SINGLE_THREADED})
        command += [sys.executable, str(TEMPLATE_SCRIPT), str(theirs.fileno()), str(TEMPLATE_STAGE), *PRELOADED]
        quiet = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.process = subprocess.Popen(command, pass_fds=[theirs.fileno()], **quiet)
        theirs.close()
        self.channel = ours
        self.channel.settimeout(READY_SECONDS)
        try:
            ready = self.channel.recv(16)
        except OSError:
            ready = b""
        if ready != b"ready\n":
            self.close()
            raise TemplateError("the kernel template did not start")

    def fork(self, request: dict) -> ForkedKernel:
        """A kernel for one job: `request` names its folder, user, limits, environment and kernel arguments."""
        try:
            self.channel.sendall(json.dumps({**request, "jobs_root": str(self.jobs_root)}).encode() + b"\n")
            message, handles, _flags, _address = socket.recv_fds(self.channel, 1024, 1)
        except OSError as exc:
            self.close()  # a late answer would be taken for the next request's: this template is done
            raise TemplateError(f"the kernel template did not answer ({exc})") from None
        if message != b"ok\n" or len(handles) != 1:
            for handle in handles:
                os.close(handle)
            self.close()
            raise TemplateError(f"the kernel template could not fork a kernel ({message.decode(errors='replace')})")
        return ForkedKernel(handles[0])

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        if self.channel.fileno() < 0:
            return  # closed already
        self.channel.close()
        if self.process.poll() is None:
            self.process.kill()  # bwrap's --die-with-parent is for the grader; the template ends with bwrap
            self.process.wait()
        remove_tree(self.jobs_root)


_templates: dict[tuple, KernelTemplate | None] = {}


def template_for(data: Path, temp_root: Path | None, environment: dict[str, str]) -> KernelTemplate | None:
    """This process's template for these settings, started on first use; None where none can be started."""
    key = (str(data), str(temp_root), json.dumps(environment, sort_keys=True))
    template = _templates.get(key)
    if template is not None and not template.alive():
        template.close()
        template = None
        _templates.pop(key)
    if key not in _templates:
        if not _templates:
            # Closed at the end of the grader's process, or of a pool worker's (which runs no atexit handler, and
            # drops the finalizers of the process it was forked from: so registered here, in the worker).
            atexit.register(_close_templates)
            multiprocessing.util.Finalize(None, _close_templates, exitpriority=10)
        try:
            template = KernelTemplate(data, temp_root, environment)
        except (OSError, TemplateError):
            template = None
        _templates[key] = template
    return _templates[key]


def _close_templates() -> None:
    for template in _templates.values():
        if template is not None:
            try:
                template.close()
            except Exception:  # one template's folder that cannot be removed must not keep the others running
                continue
    _templates.clear()
