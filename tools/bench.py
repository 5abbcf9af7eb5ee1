"""How long the course takes to test: each notebook, the floor, and the whole test command.

`make bench` prints a report; it is a measurement, not a test. A notebook's
floor is a notebook with only that notebook's own import statements, run in a
fresh kernel: the notebook cannot be faster than that, so it is the yardstick
for the rest of its cells. The target for the whole test command (after
install) is 1.5 x the sum of the floors, divided by the cores, plus the browser
test. For comparison the report also gives the older, common floor (pandas,
matplotlib, ipywidgets and crisis_reading only), which leaves out the course
modules a lesson imports (charts, widgets, checks).
"""

from __future__ import annotations

import argparse
import ast
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from crisis_reading.dataset.paths import WORK_ENV_VAR

REPO = Path(__file__).resolve().parent.parent
FOLDERS = ("course", "exercises", "solutions")
# The test command runs these in a kernel (course/ in the browser test, exercises/ under nbval); solutions/ run in
# plain Python in tests/questions/test_checks.py. The report gives the target counted both ways.
KERNEL_FOLDERS = ("course", "exercises")
COMMON_FLOOR_SOURCE = "\n".join(
    ["import pandas, matplotlib, ipywidgets", "import crisis_reading", "from crisis_reading import load_article"]
)


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


def import_source(notebook: nbformat.NotebookNode) -> str:
    """The notebook's top-level import statements, in order (IPython magics and shell lines are skipped)."""
    statements = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        lines = [line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!"))]
        try:
            tree = ast.parse("\n".join(lines))
        except SyntaxError:
            continue  # a student's blank answer can be invalid Python; its imports would not run either
        statements += [ast.unparse(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    return "\n".join(statements)


def floor_seconds(source: str, repeats: int) -> float:
    """Median time of a fresh kernel that runs only `source`."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    return statistics.median(sum(run_notebook(notebook)) for _ in range(repeats))


def timed_command(command: list[str]) -> float:
    """Wall seconds of `command`; a timing of a failing run means nothing, so a failure stops the report."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join(result.stdout.splitlines()[-15:])
        raise SystemExit(f"{' '.join(command[2:])} failed (exit {result.returncode}); not timed:\n{tail}")
    return time.perf_counter() - started


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs of each floor notebook (median taken)")
    parser.add_argument("--skip-suite", action="store_true", help="only time the notebooks")
    options = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    # Lesson 08 saves a student's annotation; measuring must not leave one in the home folder.
    work = tempfile.TemporaryDirectory(prefix="crisis-reading-bench-")
    os.environ[WORK_ENV_VAR] = work.name
    cores = os.cpu_count() or 1
    common_floor = floor_seconds(COMMON_FLOOR_SOURCE, options.repeats)
    rows = []
    for folder in FOLDERS:
        for path in sorted((REPO / folder).glob("*.ipynb")):
            notebook = nbformat.read(path, as_version=4)
            floor = floor_seconds(import_source(notebook), options.repeats)
            start, cells = run_notebook(notebook)
            rows.append((f"{folder}/{path.name}", start, cells, floor))
    print("| notebook | kernel start (s) | cells (s) | total (s) | its floor (s) | × its floor |")
    print("|---|---|---|---|---|---|")
    for name, start, cells, floor in rows:
        total = start + cells
        print(f"| {name} | {start:.2f} | {cells:.2f} | {total:.2f} | {floor:.2f} | {total / floor:.1f} |")
    total = sum(start + cells for _, start, cells, _ in rows)
    floor_sum = sum(floor for *_, floor in rows)
    print(f"\n{len(rows)} notebooks: {total:.1f} s in sequence; cores {cores}")
    print(f"floor sum (each notebook's own imports, fresh kernel, median of {options.repeats}): {floor_sum:.1f} s")
    print(
        f"common floor (pandas, matplotlib, ipywidgets, crisis_reading): {common_floor:.2f} s, "
        f"× {len(rows)} notebooks = {common_floor * len(rows):.1f} s"
    )
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
    common_target = 1.5 * common_floor * len(rows) / cores + browser
    print(f"(with the common floor instead, the target would be {common_target:.1f} s)")
    kernel_floor_sum = sum(floor for name, *_, floor in rows if name.split("/")[0] in KERNEL_FOLDERS)
    kernel_target = 1.5 * kernel_floor_sum / cores + browser
    print(
        f"(counting only the notebooks the test command runs in a kernel, {', '.join(KERNEL_FOLDERS)}: "
        f"floor sum {kernel_floor_sum:.1f} s, target {kernel_target:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
