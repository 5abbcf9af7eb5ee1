"""Shared fixtures: a private copy of data/ that a test may damage."""

from __future__ import annotations

import atexit
import csv
import fcntl
import functools
import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from crisis_reading import DEFAULT_ARTICLE, load_article, load_reference

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))

# Lesson 08 saves a student's annotation in their home folder. Under test (notebooks, the site build, the browser:
# their kernels inherit this environment) it goes to a fresh folder that is removed afterwards, so a test run leaves
# nothing behind and never resumes from an earlier run's save.
_WORK = tempfile.mkdtemp(prefix="crisis-reading-work-")
os.environ["CRISIS_READING_WORK"] = _WORK
atexit.register(shutil.rmtree, _WORK, ignore_errors=True)
# The grader signs its results with a key in the home folder: under test, one in the same temporary folder.
os.environ["CRISIS_READING_GRADER_KEY_FILE"] = os.path.join(_WORK, "grader.key")

# The exercises run under nbval, two or more xdist workers at a time (this file is imported by every worker, which
# collects tests/ and exercises/ together, as the settings above reach the exercises' kernels). jupyter_client gives
# a new kernel free TCP ports by opening and closing them, and a kernel started at the same moment in another worker
# can take the same ports (jupyter/jupyter_client#487): the kernel dies before it replies and a whole notebook errors
# (seen once here in about ten runs of make test). So kernel starts take turns across workers (a file lock, for the
# second or so each takes), and a start that fails is tried once more; a kernel that cannot start still fails.
_KERNEL_START_LOCK = Path(tempfile.gettempdir()) / "crisis-reading-kernel-start.lock"


def _one_start_at_a_time(start):
    @functools.wraps(start)
    def start_in_turn(*args, **kwargs):
        with _KERNEL_START_LOCK.open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                return start(*args, **kwargs)
            except RuntimeError:  # "Kernel died before replying to kernel_info": once more, ports chosen afresh
                return start(*args, **kwargs)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    return start_in_turn


try:
    from nbval import kernel as _nbval_kernel
except ImportError:  # nbval is a test dependency; without it no notebook runs
    _nbval_kernel = None
if _nbval_kernel is not None and not hasattr(_nbval_kernel.start_new_kernel, "__wrapped__"):
    _nbval_kernel.start_new_kernel = _one_start_at_a_time(_nbval_kernel.start_new_kernel)


@pytest.fixture(scope="session")
def article():
    """The course's article, loaded once: tests only read it."""
    return load_article()


@pytest.fixture(scope="session")
def reference():
    return load_reference()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary folder; returns the copy's data/ path."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def article_folder(data_copy: Path) -> Path:
    return data_copy / DEFAULT_ARTICLE


def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Change one cell; row counts data rows from 1, as the error messages do."""
    rows = read_rows(path)
    rows[row][rows[0].index(column)] = value
    write_rows(path, rows)


def get_cell(path: Path, row: int, column: str) -> str:
    rows = read_rows(path)
    return rows[row][rows[0].index(column)]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Let fixtures see whether their test failed (the browser tests then save a screenshot)."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        item.failed = True


# The order modules are handed out in (--dist loadscope --no-loadscope-reorder: whole modules, in this order, to
# whichever worker is free; xdist's own reordering would put the ten browser tests last, where one worker ran them
# alone for 75 s). The browser module, the longest, starts at once; so does the site module, long only when the browser
# test does not run. Each worker is also given a second module at the start, queued behind its first: a short one, so
# nothing long waits behind the browser.
FIRST = [
    "test_browser.py", "test_site_builder.py", "test_dates.py", "test_article.py", "test_grading.py", "test_checks.py"
]  # fmt: skip


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected what they will
def pytest_collection_modifyitems(config, items):
    # The browser test runs every lesson and builds the site from them; where it does all of that in this run,
    # test_site_builder.py does not run the lessons a second time for the same checks.
    names = [item.originalname for item in items if item.get_closest_marker("browser")]
    from tools.site_builder import lesson_notebooks  # here: the controller need not import nbconvert

    lessons = len(lesson_notebooks())
    browser_checks_site = names.count("test_lesson_runs_in_the_browser") == lessons and (
        "test_the_site_built_from_the_lessons_run_here" in names
    )
    if CHROMIUM.exists() and browser_checks_site:
        covered = ("runs_lessons", "book_from_lessons_run_elsewhere")
        again = [item for item in items if any(item.get_closest_marker(marker) for marker in covered)]
        if again:
            config.hook.pytest_deselected(items=again)
            deselected = set(again)
            items[:] = [item for item in items if item not in deselected]

    def rank(item) -> int:
        if item.path.name in FIRST:
            return FIRST.index(item.path.name)
        return len(FIRST) + (0 if item.path.suffix == ".ipynb" else 1)

    items.sort(key=rank)  # stable: each module's tests keep their order and stay together
