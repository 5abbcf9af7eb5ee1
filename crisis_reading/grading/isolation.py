"""Each student's kernel in a sandbox of its own: bubblewrap namespaces, its own user, nothing else to see.

A kernel runs as

    bwrap --unshare-pid --unshare-net --unshare-ipc --unshare-uts --die-with-parent --new-session \
        --ro-bind <python, packages, the course package, data> --bind <its job folder> … \
        -- setpriv --reuid U --regid U --clear-groups --no-new-privs -- kernel

(bwrap makes the view as root, then setpriv drops to the job's own user, with no capabilities left; a grader
that is not root runs bwrap in a user namespace of its own, with --unshare-all --cap-drop ALL, and no setpriv)

- its own PID, network, IPC, UTS, cgroup and user namespaces: it sees no other process (no classmate's kernel,
  not the grader's command line or environment), and has no network at all (not even loopback to the host);
- a read-only view of only what a kernel needs: the Python install, the environment's packages, the course's
  package and data. Solutions, other submissions, the grader's output and runtime folders, the rest of the
  home folder are not there; the environment's site-packages cannot be written (no planted .pth file);
- a private /tmp, and its job folder (its copy of the notebook, its HOME, the ZeroMQ sockets and the answers
  file) as the only place it can write;
- ZeroMQ over `ipc` sockets in the job folder, so the grader talks to it without a network; interrupts go as
  messages (interrupt_request), never as signals to a process group;
- when the grader runs as root, its own unprivileged uid per concurrent job, and a limit on the processes that
  uid may have (RLIMIT_NPROC); --die-with-parent and the PID namespace end every process it started when the
  kernel ends, so nothing outlives the run.

A kernel forked from a template (kernel_template.py) gets the same view and namespaces, made by the fork itself
inside a sandbox started by `template_command`, plus a /tmp and /dev/shm of its own (each as large as one file
may be) and a read-only root and /dev. Either way the kernel gets a session keyring of its own and a seccomp filter
that refuses every keyring call (kernel_launcher.forbid_keyrings): keyrings are the one store namespaces do not part.

Where bubblewrap is missing or user namespaces are off, `sandbox_problem()` says why in one line, and the
grader refuses to grade unless told --no-sandbox.
"""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
import stat
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BWRAP = "bwrap"
SETPRIV = "setpriv"
FIRST_UID = 61000  # the job users: uids no account on a normal machine has
UID_SLOTS = 256
MAX_PROCESSES = 256  # threads count too: an idle ipykernel has about a dozen
# System folders a Python process needs, read-only; each is bound only where it exists.
SYSTEM_PATHS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc/ld.so.cache", "/etc/localtime")
SLOT_FOLDER = Path(tempfile.gettempdir()) / "crisis-reading-grading-uids"
# A job's folder (and a kernel template's jobs folder) is JOB_FOLDER_PREFIX + the grading process's id: if that
# process dies, its folders can be found.
JOB_FOLDER_PREFIX = "crisis-grade-"


def _readable_roots() -> list[Path]:
    """What a kernel must read: the Python install, the environment's packages, the course's package."""
    import crisis_reading

    roots = {
        Path(sys.base_prefix),
        Path(sys.prefix),
        Path(sysconfig.get_paths()["purelib"]),
        Path(sysconfig.get_paths()["platlib"]),
        Path(crisis_reading.__file__).resolve().parent,
        Path(os.path.realpath(sys.executable)).parent.parent,
    }
    # Keep the outermost of nested roots: binding /a and then /a/b read-only is the same view twice.
    kept: list[Path] = []
    for root in sorted(map(Path.resolve, roots), key=lambda path: len(path.parts)):
        if not any(root.is_relative_to(outer) for outer in kept):
            kept.append(root)
    return kept


NAMESPACES_AS_ROOT = ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
NAMESPACES_AS_USER = ["--unshare-all", "--cap-drop", "ALL"]  # a user namespace too: how a user may make the rest


def drop_to(uid: int) -> list[str]:
    """Become the job's user, with no capabilities and no way to gain any."""
    return [SETPRIV, f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--no-new-privs", "--"]


def bwrap_command(
    job_folder: Path, data: Path, environment: dict[str, str], uid: int | None, tmp_bytes: int | None = None
) -> list[str]:
    """The command prefix that starts a kernel inside its sandbox (the kernel's own command follows); its /tmp and
    /dev/shm hold at most tmp_bytes each, when given."""
    namespaces = NAMESPACES_AS_ROOT if uid is not None else NAMESPACES_AS_USER
    command = _sandbox(namespaces, job_folder, job_folder / "work", data, environment, tmp_bytes)
    return [*command, "--", *(drop_to(uid) if uid is not None else [])]


# An empty folder in the template's sandbox, through which each forked kernel moves its mounts (kernel_template.py).
TEMPLATE_STAGE = Path("/run/crisis-stage")


def template_command(jobs_root: Path, data: Path, environment: dict[str, str]) -> list[str]:
    """The command prefix that starts a kernel template (kernel_template.py) in the same view as a kernel's.

    The template keeps the capabilities it needs to make each kernel's namespaces and mounts (in a user namespace
    of its own when the grader is not root); every kernel it forks drops them all before any student code runs.
    Its writable folder is the worker's jobs folder, of which each kernel sees only its own job.
    """
    namespaces = (NAMESPACES_AS_ROOT if os.geteuid() == 0 else ["--unshare-all"]) + ["--cap-add", "ALL"]
    command = _sandbox(namespaces, jobs_root, jobs_root, data, environment)
    return [*command, "--dir", str(TEMPLATE_STAGE.parent), "--dir", str(TEMPLATE_STAGE), "--"]


def _sandbox(
    namespaces: list[str],
    writable: Path,
    start_in: Path,
    data: Path,
    environment: dict[str, str],
    tmp_bytes: int | None = None,
) -> list[str]:
    command = [BWRAP, *namespaces, "--die-with-parent", "--new-session"]
    size = ["--size", str(tmp_bytes)] if tmp_bytes else []
    readable = [Path(path) for path in SYSTEM_PATHS if os.path.lexists(path)] + _readable_roots() + [data]
    # bwrap makes the folders above a bound path itself, private (0700) when it runs as root: made here instead,
    # open to the job's user, or it could not reach the Python install under /root or the course's folder.
    # The private /tmp first: a course cloned under /tmp (as a CI run may be) is then bound into it, not hidden.
    command += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", *size, "--tmpfs", "/tmp"]
    command += ["--perms", "1777", *size, "--tmpfs", "/dev/shm"] if size else []
    above = {parent for path in [*readable, writable] for parent in path.parents if parent != Path("/")}
    for folder in sorted(above - {Path("/tmp")}, key=lambda path: len(path.parts)):
        command += ["--perms", "0755", "--dir", str(folder)]
    for path in readable:
        command += ["--ro-bind", str(path), str(path)]
    command += ["--bind", str(writable), str(writable), "--chdir", str(start_in)]
    command += ["--clearenv"]
    for key, value in environment.items():
        command += ["--setenv", key, value]
    return command


@functools.cache
def sandbox_problem() -> str | None:
    """None when kernels can be sandboxed here, else one line saying why not and what to do."""
    if shutil.which(BWRAP) is None:
        return "bubblewrap (bwrap) is not installed: install it (Debian: apt-get install bubblewrap)"
    root = os.geteuid() == 0
    if root and shutil.which(SETPRIV) is None:
        return "setpriv is not installed (Debian: util-linux), so kernels cannot run as a user of their own"
    probe = [BWRAP, *(NAMESPACES_AS_ROOT if root else NAMESPACES_AS_USER), "--die-with-parent"]
    probe += ["--ro-bind", "/", "/", "--proc", "/proc", "--", *(drop_to(FIRST_UID) if root else []), "true"]
    try:
        result = subprocess.run(probe, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not be started ({exc})"
    if result.returncode != 0:
        why = " ".join(result.stderr.split())[:160] or f"exit status {result.returncode}"
        return f"bubblewrap cannot make a sandbox here ({why}): are user namespaces turned off?"
    return None


@contextmanager
def job_user() -> Iterator[int | None]:
    """A uid of its own for one running kernel (held with a file lock), or None when the grader is not root.

    Only root can run a process as another user; a grader run as an ordinary user runs its kernels as itself,
    still inside the namespaces.
    """
    if os.geteuid() != 0:
        yield None
        return
    SLOT_FOLDER.mkdir(mode=0o700, exist_ok=True)
    for slot in range(UID_SLOTS):
        handle = open(SLOT_FOLDER / f"slot-{slot}", "a+")  # held open: the lock lasts while the job runs
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        try:
            yield FIRST_UID + slot
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()
        return
    raise RuntimeError(f"all {UID_SLOTS} job users are busy")


def give_to(folder: Path, uid: int | None) -> None:
    """Make the job folder the job user's, so its kernel can write there and nowhere else."""
    if uid is None:
        return
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, uid, uid, follow_symlinks=False)


def remove_tree(folder: Path) -> None:
    """Remove a temporary folder even if the student's code made parts of it unreadable or read-only.

    Never through a link a student left there (a link to a folder of the grader's must not have its mode changed),
    and never with an error the grader would report as its own: what cannot be removed is left.
    """

    def open_up(folder_path: str) -> None:
        try:  # O_PATH | O_NOFOLLOW: the folder itself (even one with no permission at all), never a link's target
            descriptor = os.open(folder_path, os.O_PATH | os.O_NOFOLLOW)
        except OSError:
            return
        try:
            if stat.S_ISDIR(os.fstat(descriptor).st_mode):
                os.chmod(f"/proc/self/fd/{descriptor}", 0o700)  # what the descriptor holds, not a path looked up again
        except OSError:
            pass
        finally:
            os.close(descriptor)

    def make_writable_and_retry(function, failed_path, _exc_info) -> None:
        try:
            open_up(os.path.dirname(failed_path))
            open_up(failed_path)
            if function in (os.rmdir, os.unlink, os.remove):
                function(failed_path)
        except Exception:  # left for the second pass, or left behind
            pass

    for _ in range(2):  # a folder opened up in the first pass is walked in the second
        if not os.path.lexists(folder):
            return
        shutil.rmtree(folder, onerror=make_writable_and_retry)
