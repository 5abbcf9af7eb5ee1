"""Build the course as a static website: every lesson run top to bottom, with its outputs.

    python -m tools.site_builder --out _site

Each notebook in course/ (00, 01, … in order) runs in a fresh python3 kernel from the
repository's top folder, then becomes one self-contained HTML page (nbconvert's lab
template; charts are already embedded as data: PNG images). Every page gets a small
navigation bar at its top and bottom, and index.html lists the lessons. Open
index.html from disk: nothing needs installing to read the site.

Widgets cannot run without a kernel. Their state is embedded (nbconvert draws a
static copy when the page can reach its widget scripts online), and a note under
each one says to open the notebook in JupyterLab to use it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from html import escape
from pathlib import Path

import nbformat
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter
from nbconvert.preprocessors import ExecutePreprocessor

from crisis_reading.dataset.paths import WORK_ENV_VAR
from crisis_reading.progress import Progress

REPO = Path(__file__).resolve().parent.parent
COURSE = REPO / "course"
COURSE_TITLE = "Reading Crisis Reporting"
GENERATOR = "tools.site_builder"
CELL_TIMEOUT = 120
KERNEL = "python3"

ARTICLE_TITLE = "Will NATO engage with Russia’s security demands?"
ARTICLE_URL = "https://www.aljazeera.com/news/2022/1/14/will-nato-engage-with-russias-security-demands"

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "Interactive widget: open the notebook in JupyterLab to use it."

DESCRIPTION = (
    "An open course, in Jupyter notebooks, that teaches students to read crisis journalism critically. "
    f"It takes one real news article apart, Al Jazeera’s “{ARTICLE_TITLE}” (14 January 2022), and uses a "
    "checked, structured dataset of its text, speakers, quotes and meetings to ask: who speaks, for which "
    "side, in whose words, when, and whose voice is missing? The last lesson turns the same tools on a "
    "fictional practice article, which the student annotates with the course's quote finder and annotation widget. "
    "These pages show each lesson as it runs, "
    "outputs included; to run the cells yourself and use the widgets, open the notebooks in JupyterLab "
    "(see the course’s README)."
)

STYLE = """
<style>
.site-nav { display: flex; justify-content: space-between; gap: 1em; max-width: 1100px;
  margin: 0 auto; padding: .6em 1em; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  background: #f3f5f7; border-bottom: 1px solid #d0d7de; }
.site-nav.site-nav-bottom { border-top: 1px solid #d0d7de; border-bottom: none; margin-top: 2em; }
.site-nav a { color: #0b5cad; text-decoration: none; }
.site-nav a:hover, .site-nav a:focus { text-decoration: underline; }
.site-nav .site-nav-off { color: #8a939c; }
.site-nav > * { flex: 1; }
.site-nav .site-nav-index { text-align: center; }
.site-nav .site-nav-next { text-align: right; }
.site-widget-note { margin: .3em 0; padding: .4em .7em; border-left: 4px solid #8a939c;
  background: #f3f5f7; font-style: italic; }
</style>
"""


@dataclass(frozen=True)
class Lesson:
    notebook: Path
    title: str

    @property
    def page(self) -> str:
        return self.notebook.with_suffix(".html").name


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
    """A lesson raised while the site was built: names the notebook, then nbclient's report of the cell."""


def execute_lesson(path: Path, notebook: nbformat.NotebookNode, cwd: Path) -> None:
    try:
        execute(notebook, cwd=cwd)
    except CellExecutionError as error:
        raise LessonFailed(f"{path.parent.name}/{path.name} failed while building the site:\n{error}") from error


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
                            "text/html": f'<p class="site-widget-note">{escape(WIDGET_NOTE)}</p>',
                            "text/plain": WIDGET_NOTE,
                        },
                    )
                )
        cell.outputs = outputs
    return count


def nav_bar(lessons: list[Lesson], index: int, where: str) -> str:
    """The previous / index / next links for lesson number `index`."""

    def link(target: int, rel: str, arrow_text: str) -> str:
        if 0 <= target < len(lessons):
            lesson = lessons[target]
            return (
                f'<a class="site-nav-{rel}" rel="{rel}" href="{escape(lesson.page)}" '
                f'title="{escape(lesson.title)}">{arrow_text}</a>'
            )
        return f'<span class="site-nav-{rel} site-nav-off">{arrow_text}</span>'

    return (
        f'<nav class="site-nav site-nav-{where}" aria-label="lessons">'
        f"{link(index - 1, 'prev', '← previous')}"
        '<a class="site-nav-index" href="index.html">index</a>'
        f"{link(index + 1, 'next', 'next →')}"
        "</nav>"
    )


def add_navigation(page: str, top: str, bottom: str) -> str:
    """Insert the style before </head>, the top bar after <body …> and the bottom bar before </body>."""
    head_end = page.find("</head>")
    body = re.search(r"<body\b[^>]*>", page)
    body_end = page.rfind("</body>")
    if head_end < 0 or body is None or body_end < 0 or not head_end < body.start() < body_end:
        raise ValueError("the exported page has no <head>…</head><body>…</body> to add navigation to")
    return (
        page[:head_end]
        + STYLE
        + page[head_end : body.end()]
        + "\n"
        + top
        + page[body.end() : body_end]
        + bottom
        + "\n"
        + page[body_end:]
    )


def link_lessons(page: str, lessons: list[Lesson]) -> str:
    """Links to a lesson's .ipynb (in a Markdown cell) point to its page instead."""
    for lesson in lessons:
        page = re.sub(
            rf'href="(?:\./)?{re.escape(lesson.notebook.name)}(#[^"]*)?"',
            lambda match, lesson=lesson: f'href="{lesson.page}{match.group(1) or ""}"',
            page,
        )
    return page


def render_lesson(
    notebook: nbformat.NotebookNode, lessons: list[Lesson], index: int, exporter: HTMLExporter | None = None
) -> str:
    """One lesson's page; pass one `exporter` for every lesson (loading its templates takes a while)."""
    exporter = exporter or HTMLExporter(template_name="lab")
    title = f"{lessons[index].title} · {COURSE_TITLE}"
    page, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    page = link_lessons(page, lessons)
    return add_navigation(page, nav_bar(lessons, index, "top"), nav_bar(lessons, index, "bottom"))


def index_page(lessons: list[Lesson]) -> str:
    items = "\n".join(f'    <li><a href="{escape(lesson.page)}">{escape(lesson.title)}</a></li>' for lesson in lessons)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{GENERATOR}">
<title>{escape(COURSE_TITLE)}</title>
<style>
body {{ max-width: 46em; margin: 2em auto; padding: 0 1em; color: #1f2328;
  font: 17px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }}
h1 {{ font-size: 2em; margin-bottom: .3em; }}
a {{ color: #0b5cad; }}
ol.lessons {{ list-style: none; padding: 0; }}
ol.lessons li {{ margin: .35em 0; font-size: 1.1em; }}
footer {{ margin-top: 2.5em; padding-top: 1em; border-top: 1px solid #d0d7de; font-size: .9em; color: #424a53; }}
</style>
</head>
<body>
<main>
  <h1>{escape(COURSE_TITLE)}</h1>
  <p>{escape(DESCRIPTION)}</p>
  <h2>Lessons</h2>
  <ol class="lessons">
{items}
  </ol>
</main>
<footer>
  <p>The article is Al Jazeera’s: “<a href="{ARTICLE_URL}">{escape(ARTICLE_TITLE)}</a>”, Al Jazeera,
  14 January 2022. The course reproduces it for teaching and analysis, with credit and a link to the original;
  it is not covered by the licences below.</p>
  <p>Code: MIT licence. Course text and annotations: Creative Commons Attribution 4.0
  (<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>).</p>
</footer>
</body>
</html>
"""


def prepare_output(out: Path) -> None:
    """Empty `out` for a fresh build; refuse to empty a folder this builder did not make."""
    if out.exists():
        index = out / "index.html"
        made_here = index.is_file() and GENERATOR in index.read_text(encoding="utf-8", errors="replace")
        if any(out.iterdir()) and not made_here:
            raise SystemExit(f"{out} is not empty and is not a site built by {GENERATOR}; choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True)


class LessonNotRun(ValueError):
    """A lesson given as already run has a code cell that never ran."""


def require_outputs(path: Path, notebook: nbformat.NotebookNode) -> None:
    for number, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "code" and cell.source.strip() and cell.get("execution_count") is None:
            raise LessonNotRun(f"{path.parent.name}/{path.name}: cell {number} has not run, so its page would be empty")


def build_site(out: Path, course: Path = COURSE, cwd: Path = REPO, log=print, run: bool = True) -> list[Lesson]:
    """Run and render every lesson into `out`; returns the lessons in order.

    With run=False the notebooks in `course` must already have run (every code cell has an execution count),
    and are rendered as they are: the browser test hands over the lessons it ran in JupyterLab this way.
    """
    paths = lesson_notebooks(course)
    if not paths:
        raise SystemExit(f"no lesson notebooks (NN-*.ipynb) in {course}")
    notebooks = [nbformat.read(path, as_version=4) for path in paths]
    lessons = [Lesson(path, first_heading(nb)) for path, nb in zip(paths, notebooks, strict=True)]
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
    exporter = HTMLExporter(template_name="lab")
    with Progress(len(lessons), "rendering") as counter:
        for number, (lesson, notebook) in enumerate(zip(lessons, notebooks, strict=True)):
            started = time.perf_counter()
            widgets = note_widgets(notebook)
            (out / lesson.page).write_text(render_lesson(notebook, lessons, number, exporter), encoding="utf-8")
            extra = f", {widgets} widget(s)" if widgets else ""
            counter.step(f"{lesson.page}: rendered in {time.perf_counter() - started:.1f} s{extra}")
    (out / "index.html").write_text(index_page(lessons), encoding="utf-8")
    return lessons


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Build the course's static website (runs every lesson).")
    parser.add_argument("--out", type=Path, default=Path("_site"), help="output folder (default: _site)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    # Lesson 08 resumes from a saved annotation: the site shows the lesson as a new student sees it, never the
    # builder's own saved work, and leaves nothing in the home folder.
    work = tempfile.TemporaryDirectory(prefix="crisis-reading-site-")
    os.environ[WORK_ENV_VAR] = work.name
    try:
        lessons = build_site(args.out)
    except LessonFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    print(f"{len(lessons)} lessons and index.html in {args.out}/ ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
