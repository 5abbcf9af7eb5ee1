"""Settings for every test pytest collects from the repository's top (tests/ and exercises/, see pyproject.toml).

The exercises run under nbval, two or more xdist workers at a time. jupyter_client gives a new kernel free TCP ports
by opening and closing them, and a kernel started at the same moment in another worker can take the same ports
(jupyter/jupyter_client#487): the kernel dies before it replies, and a whole notebook errors (seen once here in about
ten runs of make test). So kernel starts take turns across workers (a file lock, for the second or so each takes),
and a start that fails is tried once more; a kernel that cannot start at all still fails its notebook.
"""

from __future__ import annotations

import fcntl
import functools
import tempfile
from pathlib import Path

try:
    from nbval import kernel as nbval_kernel
except ImportError:  # nbval is a test dependency; without it there are no notebooks to run
    nbval_kernel = None

START_LOCK = Path(tempfile.gettempdir()) / "crisis-reading-kernel-start.lock"


def _one_start_at_a_time(start):
    @functools.wraps(start)
    def start_in_turn(*args, **kwargs):
        with START_LOCK.open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                return start(*args, **kwargs)
            except RuntimeError:  # "Kernel died before replying to kernel_info": once more, ports chosen afresh
                return start(*args, **kwargs)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    return start_in_turn


if nbval_kernel is not None and not hasattr(nbval_kernel.start_new_kernel, "__wrapped__"):
    nbval_kernel.start_new_kernel = _one_start_at_a_time(nbval_kernel.start_new_kernel)
