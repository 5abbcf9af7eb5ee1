"""Start an IPython kernel under resource limits: run as a script, so the limits are set before the kernel exists.

    python kernel_launcher.py MEMORY_BYTES CPU_SECONDS FILE_BYTES PROCESSES -f CONNECTION_FILE

The limits are the process's own (setrlimit), inherited by anything the student's
code starts. Both the soft and the hard limit are set, so the student's code
cannot raise them again. PROCESSES (0: no limit) caps the processes and threads of the kernel's user,
which is a user of its own per job when the grader runs as root (isolation.py).
This file is run by path, not imported through the package, so the kernel pays
for no import it does not need; nor does it import debugpy (ipykernel's debugger, two thirds of a kernel's start,
which grading never uses): `without_debugger()` makes ipykernel find it missing, then lets a student import it.
"""

import ctypes
import platform
import resource
import struct
import sys


def without_debugger() -> None:
    """Import ipykernel's debugger module while debugpy cannot be imported, so the kernel starts without it."""
    blocked = "debugpy" not in sys.modules
    if blocked:
        sys.modules["debugpy"] = None  # type: ignore[assignment]
    try:
        import ipykernel.debugger  # noqa: F401
    finally:
        if blocked:
            del sys.modules["debugpy"]


def apply_limits(memory: str, cpu_seconds: str, file_bytes: str, processes: str) -> None:
    """Set this process's limits, soft and hard, so that nothing it runs can raise them again."""
    limits = {
        resource.RLIMIT_AS: int(memory),
        resource.RLIMIT_CPU: int(cpu_seconds),
        resource.RLIMIT_FSIZE: int(file_bytes),
        resource.RLIMIT_CORE: 0,
    }
    if int(processes):
        limits[resource.RLIMIT_NPROC] = int(processes)
    for which, value in limits.items():
        resource.setrlimit(which, (value, value))


# The kernel's keyrings are the one store the namespaces do not separate: a key a kernel adds to its user's
# keyring is there for the next kernel of that uid (in a later run too), and a grader started from a login session
# hands its session keyring down. So the kernel gets a session keyring of its own, then a seccomp filter refuses
# add_key, request_key and keyctl (and every call of another architecture's numbering, x32 and i386 included).
KEYRING_CALLS = {"x86_64": (0xC000003E, (248, 249, 250)), "aarch64": (0xC00000B7, (217, 218, 219))}
X32_BIT = 0x40000000


def forbid_keyrings() -> bool:
    """Give this process a session keyring of its own, then refuse it (and its children) every keyring call.

    False on an architecture this does not know, where nothing is refused."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    known = KEYRING_CALLS.get(platform.machine())
    if known is None:
        return False
    arch, calls = known
    keyctl, join_session_keyring = calls[2], 1
    libc.syscall(ctypes.c_long(keyctl), ctypes.c_long(join_session_keyring), None)  # a new, empty session keyring
    load, jump_eq, jump_ge, ret = 0x20, 0x15, 0x35, 0x06
    allow, refuse = 0x7FFF0000, 0x00050000 | 1  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EPERM
    checks = [(jump_ge, X32_BIT)] if platform.machine() == "x86_64" else []
    checks += [(jump_eq, number) for number in calls]
    deny_at = 3 + len(checks) + 1  # the index of the last instruction
    program = [(load, 0, 0, 4), (jump_eq, 0, deny_at - 2, arch), (load, 0, 0, 0)]
    for index, (code, value) in enumerate(checks, start=3):
        program.append((code, deny_at - index - 1, 0, value))
    program += [(ret, 0, 0, allow), (ret, 0, 0, refuse)]
    code = b"".join(struct.pack("HBBI", *instruction) for instruction in program)
    buffer = ctypes.create_string_buffer(code)

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    filter_program = Program(len(program), ctypes.addressof(buffer))
    set_no_new_privs, set_seccomp, mode_filter = 38, 22, 2
    if libc.prctl(set_no_new_privs, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl NO_NEW_PRIVS")
    if libc.prctl(set_seccomp, mode_filter, ctypes.byref(filter_program), 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl SECCOMP")
    return True


def launch(kernel_arguments: list[str]) -> None:
    """Become the kernel (ipykernel without its debugger), with these command-line arguments."""
    sys.argv = ["ipykernel_launcher", *kernel_arguments]
    without_debugger()
    from ipykernel.kernelapp import launch_new_instance

    launch_new_instance()


def main() -> None:
    memory, cpu_seconds, file_bytes, processes, *kernel_arguments = sys.argv[1:]
    apply_limits(memory, cpu_seconds, file_bytes, processes)
    forbid_keyrings()
    launch(kernel_arguments)


if __name__ == "__main__":
    main()
