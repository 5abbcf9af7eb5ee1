"""The kernel template: a process that has already imported what every kernel needs, and forks one per submission.

    python kernel_template.py SOCKET_FD STAGE MODULE…

STAGE is an empty folder the sandbox provides, through which each kernel moves its mounts.

It runs inside a bubblewrap sandbox of its own (isolation.template_command), one per grading worker, with the
capabilities it needs to make namespaces and nothing of the grader's: a read-only view of the Python install,
the packages, the course's package and data, and the worker's jobs folder. It imports ipykernel, pandas and the
course's package once (MODULE…), then, for each request on the socket, forks a kernel that pays for none of that:

    template ── A: new mount, PID, network, IPC and UTS namespaces; its own /tmp, /dev/shm and job folder only
                └─ B: PID 1 of the new namespace (a fresh /proc), reaps orphans, ends when the kernel ends
                   └─ C: the job's user, no capabilities, no new privileges, no keyring calls, the limits;
                      then the kernel

A kernel sees no other job's folder, no /tmp or /dev/shm but its own, no process outside its namespace (not the
template: it has no process id there, and is not dumpable), no network, and / and /dev read-only. The
template never runs a student's code and holds nothing of the grader's (no key, no environment): it is started
by path, not forked from the grader. A dies with the template, B with A, C with B, and when B ends every
process in the namespace ends with it; asked to end (SIGTERM), A ends B and waits until the namespace is empty.
The grader gets a pidfd of A over the socket, to see the kernel end and to end it (forked_kernels.py).

Run by path inside the sandbox, never imported by the grader; kernel_launcher.py beside it sets the limits.
"""

from __future__ import annotations

import ctypes
import importlib
import json
import os
import re
import signal
import socket
import sys

import kernel_launcher  # beside this file: sys.path[0] when run by path

LIBC = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWPID, CLONE_NEWNET = (
    0x00020000,
    0x04000000,
    0x08000000,
    0x20000000,
    0x40000000,
)
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_MOVE, MS_REC, MS_PRIVATE = (
    1,
    2,
    4,
    8,
    32,
    4096,
    8192,
    16384,
    1 << 18,
)
MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 1024, 2048, 1 << 21
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 1, 4, 24, 38
LAST_CAPABILITY = 63


def _call(result: int, what: str) -> None:
    if result != 0:
        number = ctypes.get_errno()
        raise OSError(number, f"{what}: {os.strerror(number)}")


def _mount(source: str | None, target: str, kind: str | None, flags: int, options: str | None = None) -> None:
    encoded = [value.encode() if value is not None else None for value in (source, target, kind, options)]
    _call(LIBC.mount(encoded[0], encoded[1], encoded[2], ctypes.c_ulong(flags), encoded[3]), f"mount {target}")


def _mounts_under(folder: str) -> list[str]:
    """The outermost mount points below `folder` in this mount namespace (not `folder` itself)."""
    points = []
    with open("/proc/self/mountinfo", encoding="utf-8") as table:
        for line in table:
            # The table writes a space, tab, newline or backslash in a path as an octal escape (\040 for a space).
            point = re.sub(r"\\([0-7]{3})", lambda escape: chr(int(escape.group(1), 8)), line.split()[4])
            if point.startswith(folder.rstrip("/") + "/"):
                points.append(point)
    return [point for point in points if not any(point.startswith(other + "/") for other in points)]


def _own_view(job: str, jobs_root: str, stage: str, tmp_bytes: int) -> None:
    """In a new mount namespace: a fresh /tmp and /dev/shm of bounded size, the job's folder alone in the jobs
    folder, / and /dev read-only (so nothing a kernel leaves there reaches the next one)."""
    _mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing done here reaches the template's view
    _mount("tmpfs", stage, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0700")
    aside = os.path.join(stage, "job")
    os.mkdir(aside)
    _mount(job, aside, None, MS_BIND | MS_REC)
    bounded = f"size={tmp_bytes},nr_inodes={TMP_FILES}"
    for folder in ("/tmp", "/dev/shm"):
        _fresh(folder, stage, f"mode=1777,{bounded}")
    _mount("tmpfs", jobs_root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755,size=64k,nr_inodes=16")  # hides the others
    os.mkdir(job, 0o755)
    _mount(aside, job, None, MS_MOVE)
    _call(LIBC.umount2(stage.encode(), MNT_DETACH), "umount stage")
    for folder in ("/", "/dev"):
        _read_only(folder)


TMP_FILES = 10_000  # files a kernel may keep in its /tmp or /dev/shm


def _fresh(folder: str, stage: str, options: str) -> None:
    """A fresh tmpfs on `folder`, with what the sandbox binds below it (the jobs folder, a course cloned under
    /tmp) bound aside first and then again where it was, so it stays where the grader sees it. Bound, not moved:
    the sandbox's own mounts cannot be moved when the grader is not root (they are locked)."""
    below = [point for point in _mounts_under(folder) if not point.startswith(stage + "/")]
    aside = []
    for point in below:
        place = os.path.join(stage, f"{len(os.listdir(stage))}")
        os.mkdir(place)
        _mount(point, place, None, MS_BIND | MS_REC)
        aside.append((place, point))
    _mount("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, options)
    for place, point in aside:
        os.makedirs(point, mode=0o755, exist_ok=True)
        _mount(place, point, None, MS_BIND | MS_REC)


# What os.statvfs reports of a mount, and the mount flag each stands for (the same bits but for relatime)
KEPT_FLAGS = {
    os.ST_NOSUID: MS_NOSUID, os.ST_NODEV: MS_NODEV, os.ST_NOEXEC: MS_NOEXEC,
    os.ST_NOATIME: MS_NOATIME, os.ST_NODIRATIME: MS_NODIRATIME, os.ST_RELATIME: MS_RELATIME,
}  # fmt: skip


def _read_only(folder: str) -> None:
    """Remount `folder` read-only, its other flags kept: where they are locked (not root), dropping one is refused."""
    flags = os.statvfs(folder).f_flag
    kept = sum(mount_flag for reported, mount_flag in KEPT_FLAGS.items() if flags & reported)
    _mount(None, folder, None, MS_REMOUNT | MS_BIND | MS_RDONLY | kept)


def _drop_privileges(uid: int | None) -> None:
    """No capability left, none to gain again; the job's own user when there is one."""
    for capability in range(LAST_CAPABILITY + 1):
        if LIBC.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0 and ctypes.get_errno() != 22:  # EINVAL: none
            _call(-1, "prctl CAPBSET_DROP")
    if uid is not None:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # from root to another user: the capabilities go with it
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    nothing = (ctypes.c_uint32 * 6)()
    _call(LIBC.capset(header, nothing), "capset")
    _call(LIBC.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl NO_NEW_PRIVS")
    _call(LIBC.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), "prctl DUMPABLE")  # its own /proc entries are its own again


def _reap_until(child: int) -> int:
    """As PID 1: reap every orphan; return when `child` has ended."""
    while True:
        try:
            pid, status = os.waitpid(-1, 0)
        except ChildProcessError:
            return 1
        if pid == child:
            return os.waitstatus_to_exitcode(status)


def _kernel(request: dict, parent: int) -> None:
    """A, then B, then C (see the module's docstring); never returns. `parent` is the process that forked A."""
    _die_with(parent)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    null = os.open(os.devnull, os.O_RDWR)
    for descriptor in (0, 1, 2):
        os.dup2(null, descriptor)
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # the socket to the grader above all
    _call(LIBC.unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS), "unshare")
    _own_view(request["job"], request["jobs_root"], request["stage"], int(request["tmp_bytes"]))
    first = os.fork()
    if first:
        # Asked to end (SIGTERM, from the grader), A ends the namespace and waits until it is empty, so that when
        # the grader sees A gone, no process of the kernel's is left to write in its folder or hold its uid.
        signal.signal(signal.SIGTERM, lambda *_: os.kill(first, signal.SIGKILL))
        os._exit(_reap_until(first) & 0xFF)
    _die_with(0)  # B: its parent, A, is outside its namespace, where getppid() says 0
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    kernel = os.fork()
    if kernel:
        os._exit(_reap_until(kernel) & 0xFF)
    _die_with(1)  # C: its parent is B, PID 1 of the namespace
    os.setsid()
    _drop_privileges(request["uid"])
    if request.get("probe"):  # the kernel would see its folder, and could write its /tmp
        os._exit(0 if os.path.isdir(request["job"]) and os.access("/tmp", os.W_OK) else 3)
    kernel_launcher.apply_limits(*request["limits"])
    kernel_launcher.forbid_keyrings()
    os.environ.clear()
    os.environ.update(request["environment"])
    os.chdir(request["cwd"])
    _fresh_random_state()
    kernel_launcher.launch(request["kernel_arguments"])
    os._exit(0)


def _die_with(parent: int) -> None:
    """End with the parent (SIGKILL when it ends), and end now if it has already ended."""
    _call(LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl PDEATHSIG")
    if os.getppid() != parent:
        os._exit(1)


def _fresh_random_state() -> None:
    """Each kernel its own random numbers: forked, they would all draw the template's."""
    import random

    random.seed()
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()


def _fork_kernel(request: dict) -> int:
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        try:
            _kernel(request, parent)
        finally:
            os._exit(1)
    return pid


def works_here(stage: str) -> bool:
    """Whether a kernel's namespaces, mounts and dropped privileges can be made here: one fork tried to the end."""
    jobs_root = os.getcwd()  # the sandbox starts the template in the worker's jobs folder
    job = os.path.join(jobs_root, ".probe")
    os.mkdir(job)
    try:
        probe = {"probe": True, "job": job, "jobs_root": jobs_root, "stage": stage, "uid": None, "tmp_bytes": 2**20}
        pid = _fork_kernel(probe)
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
    finally:
        os.rmdir(job)


def serve(channel: socket.socket, stage: str) -> None:
    """Fork a kernel for each request; send back a pidfd of it (A), or a line saying why not."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # ended kernels are reaped by the system
    reader = channel.makefile("rb")
    for line in reader:
        try:
            pid = _fork_kernel({**json.loads(line), "stage": stage})
        except (ValueError, OSError) as exc:
            channel.sendall(f"no {exc}\n".encode())
            continue
        handle = os.pidfd_open(pid)
        try:
            socket.send_fds(channel, [b"ok\n"], [handle])
        finally:
            os.close(handle)


def main() -> None:
    descriptor, stage, *modules = sys.argv[1:]
    channel = socket.socket(fileno=int(descriptor))
    kernel_launcher.without_debugger()
    import ipykernel.kernelapp  # noqa: F401

    for module in modules:
        importlib.import_module(module)
    _call(LIBC.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "prctl DUMPABLE")  # no kernel may read or trace it
    if not works_here(stage):
        channel.sendall(b"cannot make a kernel's namespaces here\n")
        return
    channel.sendall(b"ready\n")
    serve(channel, stage)


if __name__ == "__main__":
    main()
