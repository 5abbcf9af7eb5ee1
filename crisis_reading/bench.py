"""How long the course takes to test: each notebook, the floor, and the whole test command.

`make bench` prints a report; it is a measurement, not a test. The floor is a
notebook that only imports what the lessons import, run in a fresh kernel: no
notebook can be faster than that, so it is the yardstick for the others. The
target for the whole test command (after install) is 1.5 x the floor summed
over all notebooks, divided by the cores, plus the browser test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .paths import WORK_ENV_VAR

REPO = Path(__file__).resolve().parent.parent
FOLDERS = ("course", "exercises", "solutions")
FLOOR_SOURCE = "import pandas, matplotlib, ipywidgets\nimport crisis_reading\nfrom crisis_reading import load_article"


def run_notebook(notebook: nbformat.NotebookNode) -> tuple[float, float]:
    """Run a notebook in a fresh kernel; return (kernel start seconds, cells seconds)."""
    client = NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(REPO)}})
    started = time.perf_counter()
    with client.setup_kernel():
        ready = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        done = time.perf_counter()
    return ready - started, done - ready


def floor_seconds(repeats: int) -> float:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    times = [sum(run_notebook(notebook)) for _ in range(repeats)]
    return statistics.median(times)


def timed_command(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs of the floor notebook (median taken)")
    parser.add_argument("--skip-suite", action="store_true", help="only time the notebooks")
    options = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    # Lesson 08 saves a student's annotation; measuring must not leave one in the home folder.
    work = tempfile.TemporaryDirectory(prefix="crisis-reading-bench-")
    os.environ[WORK_ENV_VAR] = work.name
    cores = os.cpu_count() or 1
    floor = floor_seconds(options.repeats)
    rows = []
    for folder in FOLDERS:
        for path in sorted((REPO / folder).glob("*.ipynb")):
            start, cells = run_notebook(nbformat.read(path, as_version=4))
            rows.append((f"{folder}/{path.name}", start, cells))
    print("| notebook | kernel start (s) | cells (s) | total (s) | × floor |")
    print("|---|---|---|---|---|")
    for name, start, cells in rows:
        print(f"| {name} | {start:.2f} | {cells:.2f} | {start + cells:.2f} | {(start + cells) / floor:.1f} |")
    total = sum(start + cells for _, start, cells in rows)
    floor_sum = floor * len(rows)
    print(f"\nfloor (imports only, fresh kernel, median of {options.repeats}): {floor:.2f} s")
    print(f"{len(rows)} notebooks: {total:.1f} s in sequence; floor sum {floor_sum:.1f} s; cores {cores}")
    if options.skip_suite:
        return 0
    pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    startup = timed_command([*pytest, "--collect-only", "-n", "0"])
    browser = timed_command([*pytest, "-n", "0", "-m", "browser"])
    without_browser = timed_command([*pytest, "-m", "not browser"])
    full = timed_command(pytest)
    target = 1.5 * floor_sum / cores + browser
    print(f"pytest start-up and collection: {startup:.1f} s")
    print(f"browser test alone: {browser:.1f} s")
    print(f"test command without the browser test: {without_browser:.1f} s")
    print(f"full test command (after install): {full:.1f} s; target 1.5 × floor sum / cores + browser = {target:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
