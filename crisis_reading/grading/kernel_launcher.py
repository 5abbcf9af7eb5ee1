"""Start an IPython kernel under resource limits: run as a script, so the limits are set before the kernel exists.

    python kernel_launcher.py MEMORY_BYTES CPU_SECONDS FILE_BYTES -f CONNECTION_FILE

The limits are the process's own (setrlimit), inherited by anything the student's
code starts. Both the soft and the hard limit are set, so the student's code
cannot raise them again, unless the grader runs as root (root may raise a hard limit).
This file is run by path, not imported through the package, so the kernel pays
for no import it does not need.
"""

import resource
import sys


def main() -> None:
    memory, cpu_seconds, file_bytes, *kernel_arguments = sys.argv[1:]
    limits = {
        resource.RLIMIT_AS: int(memory),
        resource.RLIMIT_CPU: int(cpu_seconds),
        resource.RLIMIT_FSIZE: int(file_bytes),
        resource.RLIMIT_CORE: 0,
    }
    for which, value in limits.items():
        resource.setrlimit(which, (value, value))
    sys.argv = ["ipykernel_launcher", *kernel_arguments]
    from ipykernel.kernelapp import launch_new_instance

    launch_new_instance()


if __name__ == "__main__":
    main()
