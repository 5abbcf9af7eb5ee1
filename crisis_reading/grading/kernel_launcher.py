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

import resource
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


def launch(kernel_arguments: list[str]) -> None:
    """Become the kernel (ipykernel without its debugger), with these command-line arguments."""
    sys.argv = ["ipykernel_launcher", *kernel_arguments]
    without_debugger()
    from ipykernel.kernelapp import launch_new_instance

    launch_new_instance()


def main() -> None:
    memory, cpu_seconds, file_bytes, processes, *kernel_arguments = sys.argv[1:]
    apply_limits(memory, cpu_seconds, file_bytes, processes)
    launch(kernel_arguments)


if __name__ == "__main__":
    main()
