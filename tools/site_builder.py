"""Build the course book: every lesson with its outputs, a sidebar, search, launch and download buttons.

    python -m tools.site_builder --out _site [--hub https://hub.example.edu] [--repository https://github.com/o/r]

The book is made by Sphinx with MyST-NB and sphinx-book-theme (the stack Jupyter Book 1 is built on), from the
configuration in book/. This module only lays the sources out and hands them to Sphinx: the lessons (run here
in fresh kernels, or handed over already run, as the browser test does), the instructor's guide and its
question bank, and the licence. Sphinx renders the saved outputs (it executes nothing) and fetches nothing, so
the book builds with no network.

Each lesson page gets a launch button for Binder and, given a hub address, one for a JupyterHub through
nbgitpuller, both pointing at the students' copy (the `student` branch of the repository, see
tools/student_copy.py), and a download button for the notebook. Widgets cannot run without a kernel: a note
under each one says to launch the lesson to use it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from html import escape
from pathlib import Path

import nbformat
from nbclient.exceptions import CellExecutionError
from nbconvert.preprocessors import ExecutePreprocessor

from crisis_reading.dataset.paths import WORK_ENV_VAR
from crisis_reading.progress import Progress

REPO = Path(__file__).resolve().parent.parent
COURSE = REPO / "course"
BOOK = REPO / "book"  # conf.py, the front page, the licence page, the style
INSTRUCTORS = ("instructors/guide.md", "instructors/syllabus.md", "instructors/questions.md")
STUDENT_PAGES = ("course/self-assessment.md",)  # pages beside the lessons that a student fills in
MARKER = ".crisis-reading-book"  # written into every book, so a rebuild only ever empties a book
CELL_TIMEOUT = 120
KERNEL = "python3"
STUDENT_BRANCH = "student"
BINDER = "https://mybinder.org"
PLACEHOLDER_REPOSITORY = "https://github.com/owner/repository"

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "Interactive widget: launch the lesson (the rocket button at the top) to use it."


def lesson_notebooks(course: Path = COURSE) -> list[Path]:
    """The lesson notebooks, in their numbered order (00-…, 01-…)."""
    return sorted(course.glob("[0-9][0-9]-*.ipynb"))


def first_heading(notebook: nbformat.NotebookNode) -> str:
    """The text of the notebook's first Markdown heading."""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            match = re.match(r"\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", line)
            if match:
                return match.group(1)
    raise ValueError("the notebook has no Markdown heading to use as its title")


def execute(notebook: nbformat.NotebookNode, cwd: Path = REPO, timeout: int = CELL_TIMEOUT) -> None:
    """Run every cell in a fresh kernel; an error in any cell stops the build (CellExecutionError)."""
    runner = ExecutePreprocessor(timeout=timeout, kernel_name=KERNEL, store_widget_state=True)
    runner.preprocess(notebook, {"metadata": {"path": str(cwd)}})


class LessonFailed(RuntimeError):
    """A lesson raised while the book was built: names the notebook, then nbclient's report of the cell."""


class LessonNotRun(ValueError):
    """A lesson given as already run has a code cell that never ran."""


class BookFailed(RuntimeError):
    """Sphinx stopped, or warned (every warning fails the build: a broken link, a missing page)."""


def execute_lesson(path: Path, notebook: nbformat.NotebookNode, cwd: Path) -> None:
    try:
        execute(notebook, cwd=cwd)
    except CellExecutionError as error:
        raise LessonFailed(f"{path.parent.name}/{path.name} failed while building the book:\n{error}") from error


def require_outputs(path: Path, notebook: nbformat.NotebookNode) -> None:
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "code" and cell.source.strip() and cell.get("execution_count") is None:
            raise LessonNotRun(f"{path.parent.name}/{path.name}: cell {number} has not run, so its page would be empty")


def note_widgets(notebook: nbformat.NotebookNode) -> int:
    """Put a note under each widget output (a static page cannot run it); returns how many."""
    count = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.get("outputs", []):
            outputs.append(output)
            if WIDGET_MIME in output.get("data", {}):
                count += 1
                outputs.append(
                    nbformat.v4.new_output(
                        "display_data",
                        data={
                            "text/html": f'<p class="book-widget-note">{escape(WIDGET_NOTE)}</p>',
                            "text/plain": WIDGET_NOTE,
                        },
                    )
                )
        cell.outputs = outputs
    return count


def github_repository(cwd: Path = REPO) -> str:
    """The repository the book's launch buttons point at: GitHub Actions says it; else the clone's origin."""
    if os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        return f"{server}/{os.environ['GITHUB_REPOSITORY']}"
    try:
        origin = subprocess.run(
            ["git", "remote", "get-url", "origin"], cwd=cwd, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        origin = ""
    match = re.match(r"(?:https://github\.com/|git@github\.com:)([\w.-]+/[\w.-]+?)(?:\.git)?/?$", origin)
    return f"https://github.com/{match.group(1)}" if match else PLACEHOLDER_REPOSITORY


def prepare_output(out: Path) -> None:
    """Empty `out` for a fresh build; refuse to empty a folder this builder did not make."""
    if out.exists():
        made_here = (out / MARKER).is_file() or "tools.site_builder" in _read(out / "index.html")
        if any(out.iterdir()) and not made_here:
            raise SystemExit(f"{out} is not empty and is not a book built by tools.site_builder; choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def lay_out_sources(source: Path, paths: list[Path], notebooks: list[nbformat.NotebookNode], settings: dict) -> int:
    """The book's sources in `source`: book/, the lessons in course/, the instructors' pages, the licence."""
    shutil.copytree(BOOK, source, ignore=shutil.ignore_patterns("__pycache__", "_build"))
    (source / "course").mkdir()
    widgets = 0
    for path, notebook in zip(paths, notebooks, strict=True):
        widgets += note_widgets(notebook)
        nbformat.write(notebook, source / "course" / path.name)
    for page in (*INSTRUCTORS, *STUDENT_PAGES):
        (source / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / page, source / page)
    shutil.copy2(REPO / "LICENSE", source / "LICENSE")
    (source / "settings.json").write_text(json.dumps(settings, indent=1), encoding="utf-8")
    return widgets


def run_sphinx(source: Path, out: Path, doctrees: Path) -> None:
    """Sphinx's HTML build, quiet, every warning an error; its messages go into BookFailed."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going", "-d", str(doctrees)]
    result = subprocess.run([*command, str(source), str(out)], capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise BookFailed(f"Sphinx could not build the book:\n{result.stdout}{result.stderr}")


def build_site(
    out: Path,
    course: Path = COURSE,
    cwd: Path = REPO,
    log=print,
    run: bool = True,
    repository: str | None = None,
    hub: str = "",
    binder: str = BINDER,
    branch: str = STUDENT_BRANCH,
) -> list[Path]:
    """Run every lesson (unless run=False) and make the book in `out`; returns the lessons in order.

    With run=False the notebooks in `course` must already have run (every code cell has an execution count), and
    are rendered as they are: the browser test hands over the lessons it ran in JupyterLab this way.
    """
    paths = lesson_notebooks(course)
    if not paths:
        raise SystemExit(f"no lesson notebooks (NN-*.ipynb) in {course}")
    notebooks = [nbformat.read(path, as_version=4) for path in paths]
    for notebook in notebooks:
        first_heading(notebook)  # every lesson needs a title for the sidebar
    if not run:
        for path, notebook in zip(paths, notebooks, strict=True):
            require_outputs(path, notebook)
    prepare_output(out)
    if run:
        started = time.perf_counter()
        # Each lesson runs in its own kernel process, so running them side by side uses every core.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool, Progress(len(paths), "running") as counter:
            runs = {
                pool.submit(execute_lesson, path, notebook, cwd): path
                for path, notebook in zip(paths, notebooks, strict=True)
            }
            for run_done in as_completed(runs):
                run_done.result()  # a lesson that failed stops the build, naming itself
                counter.step(f"{runs[run_done].name}: ran")
        log(f"ran {len(notebooks)} lessons: {time.perf_counter() - started:.1f} s")
    settings = {
        "repository": (repository or github_repository(cwd)).rstrip("/"),
        "branch": branch,
        "binder": binder.rstrip("/"),
        "hub": hub.rstrip("/"),
    }
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="crisis-reading-book-") as work:
        source = Path(work) / "book"
        widgets = lay_out_sources(source, paths, notebooks, settings)
        # Built inside the work folder, then moved: MyST-NB writes a jupyter_execute/ folder beside the output.
        built = Path(work) / "html"
        run_sphinx(source, built, Path(work) / "doctrees")
        for item in built.iterdir():
            shutil.move(item, out / item.name)
    (out / MARKER).write_text("built by tools.site_builder\n", encoding="utf-8")
    (out / ".nojekyll").write_text("", encoding="utf-8")  # GitHub Pages: serve _static/ and _sources/ as they are
    log(f"rendered {len(paths)} lessons ({widgets} widget(s)) with Sphinx: {time.perf_counter() - started:.1f} s")
    return paths


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Build the course book (runs every lesson).")
    parser.add_argument("--out", type=Path, default=Path("_site"), help="output folder (default: _site)")
    parser.add_argument(
        "--repository",
        help="GitHub repository whose student branch the launch buttons open "
        "(default: $GITHUB_REPOSITORY under GitHub Actions, else the clone's origin)",
    )
    parser.add_argument("--hub", default="", help="JupyterHub address for the nbgitpuller button (default: none)")
    parser.add_argument("--binder", default=BINDER, help=f"BinderHub address (default: {BINDER})")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    # Lesson 08 resumes from a saved annotation: the book shows the lesson as a new student sees it, never the
    # builder's own saved work, and leaves nothing in the home folder.
    work = tempfile.TemporaryDirectory(prefix="crisis-reading-site-")
    os.environ[WORK_ENV_VAR] = work.name
    try:
        lessons = build_site(args.out, repository=args.repository, hub=args.hub, binder=args.binder)
    except (LessonFailed, BookFailed) as failure:
        print(failure, file=sys.stderr)
        return 1
    if (args.repository or github_repository()) == PLACEHOLDER_REPOSITORY:
        print(f"note: no GitHub repository found; the launch buttons point at {PLACEHOLDER_REPOSITORY}")
    print(f"the book, {len(lessons)} lessons, in {args.out}/ (open index.html; {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
