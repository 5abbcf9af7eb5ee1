"""The course book as `make site` builds it: every lesson run in a fresh kernel, then rendered by Sphinx.

The checks themselves are in site_checks.py. The full build runs every lesson, which the browser test
does too; when the browser test runs, it builds the site from the lessons it ran and runs the same
checks there, and the tests marked runs_lessons here are deselected (tests/conftest.py), so `make test`
runs each lesson once. Without Chromium, or with -m "not browser", they run here. So is the one marked
book_from_lessons_run_elsewhere: the browser test's book is built that way, from every lesson, with the same checks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import REPO
from site_checks import HUB, REPOSITORY, SITE_CHECKS, Page, load_pages

from tools.site_builder import LessonFailed, LessonNotRun, build_site, prepare_output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "_site"
    result = subprocess.run(
        [sys.executable, "-m", "tools.site_builder", "--out", str(out), "--repository", REPOSITORY, "--hub", HUB],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, f"the site build failed:\n{result.stdout}\n{result.stderr[-5000:]}"
    return out


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Page]:
    return load_pages(site)


@pytest.mark.runs_lessons
@pytest.mark.parametrize("check", SITE_CHECKS, ids=lambda check: check.__name__)
def test_the_site_as_make_site_builds_it(site: Path, pages: dict[str, Page], check) -> None:
    check(site, pages)


def one_lesson_course(folder: Path, code: str) -> Path:
    course = folder / "course"
    course.mkdir()
    cells = [nbformat.v4.new_markdown_cell("# A lesson"), nbformat.v4.new_code_cell(code)]
    metadata = {"language_info": {"name": "python"}}  # what a kernel records, and the book's highlighting reads
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata=metadata), course / "01-lesson.ipynb")
    return course


def test_a_lesson_that_raises_fails_the_build_naming_it(tmp_path: Path) -> None:
    course = one_lesson_course(tmp_path, "1 / 0")
    with pytest.raises(LessonFailed, match=r"course/01-lesson\.ipynb failed(?s:.*)ZeroDivisionError"):
        build_site(tmp_path / "_site", course=course, cwd=tmp_path, log=lambda _: None)


@pytest.mark.book_from_lessons_run_elsewhere
def test_a_lesson_run_elsewhere_is_rendered_with_its_outputs(tmp_path: Path) -> None:
    course = one_lesson_course(tmp_path, "print('ran' + ' here')")
    notebook = nbformat.read(course / "01-lesson.ipynb", as_version=4)
    notebook.cells[1].execution_count = 1
    notebook.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="ran here\n")]
    nbformat.write(notebook, course / "01-lesson.ipynb")
    build_site(
        tmp_path / "_site",
        course=course,
        cwd=tmp_path,
        log=lambda _: None,
        run=False,
        repository="https://github.com/o/r",
    )
    page = (tmp_path / "_site" / "course" / "01-lesson.html").read_text(encoding="utf-8")
    assert "ran here" in page
    assert "/v2/gh/o/r/student?urlpath=lab/tree/course/01-lesson.ipynb" in page, "no Binder button"


def test_a_folder_that_is_not_a_book_is_never_emptied(tmp_path: Path) -> None:
    (tmp_path / "_site").mkdir()
    (tmp_path / "_site" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"not a book built by tools\.site_builder"):
        prepare_output(tmp_path / "_site")
    assert (tmp_path / "_site" / "notes.txt").is_file()


def test_a_lesson_that_never_ran_is_refused_when_not_run_here(tmp_path: Path) -> None:
    course = one_lesson_course(tmp_path, "print('never ran')")
    with pytest.raises(LessonNotRun, match=r"course/01-lesson\.ipynb: cell 2 has not run"):
        build_site(tmp_path / "_site", course=course, cwd=tmp_path, log=lambda _: None, run=False)
