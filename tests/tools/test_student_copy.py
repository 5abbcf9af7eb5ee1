"""The students' copy: everything a student needs, no solution anywhere, and a Binder configuration that fits
repo2docker's base environment without the network (tools/binder_check.py installs it for real)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools.binder_check import BASE_PINS
from tools.student_copy import STUDENT_PATHS, build_student_copy

REPO = Path(__file__).resolve().parents[2]
NEVER = ("solutions", "tests", "tools", "instructors", ".ci", ".github", "requirements.txt", "constraints.txt")


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("student") / "copy"
    build_student_copy(out)
    return out


def marked_answers() -> list[str]:
    """Every solution line and model-answer sentence the solutions mark (BEGIN SOLUTION / BEGIN ANSWER)."""
    found = []
    for path in sorted((REPO / "solutions").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"])
            for block in re.findall(r"# BEGIN SOLUTION\n(.*?)# END SOLUTION", text, re.S):
                found += [line.strip() for line in block.splitlines() if len(line.strip()) >= 12]
            for block in re.findall(r"<!-- BEGIN ANSWER -->(.*?)<!-- END ANSWER -->", text, re.S):
                found += [s.strip() for s in re.split(r"(?<=[.!?])\s+", block) if len(s.strip()) >= 40]
    return found


def test_the_copy_holds_what_students_need_and_nothing_of_the_instructors(copy: Path) -> None:
    top = {path.name for path in copy.iterdir()}
    assert top == {*STUDENT_PATHS, "README.md"}
    assert not top & set(NEVER)
    assert not list(copy.rglob("__pycache__")) and not list(copy.rglob("*.egg-info"))
    names = {path.name for path in (copy / "course").glob("*.ipynb")}
    assert names == {path.name for path in (REPO / "course").glob("*.ipynb")}
    assert "solutions" not in (copy / "README.md").read_text(encoding="utf-8")


def test_hidden_files_never_reach_the_copy(tmp_path: Path) -> None:
    """The annotation tool's backups (data/.<slug>.previous), a save in progress, notebook checkpoints: never copied."""
    repo = tmp_path / "repo"
    for name in STUDENT_PATHS:  # the same shape as the repository, files and folders
        if (REPO / name).is_dir():
            (repo / name).mkdir(parents=True)
        else:
            (repo / name).write_text("", encoding="utf-8")
    article = repo / "data" / "some-2025-01-01-article"
    hidden = [
        repo / "data" / ".some-2025-01-01-article.previous" / "datapackage.json",
        repo / "data" / ".some-2025-01-01-article.1a2b3c4d.saving" / "quotes.csv",
        repo / "course" / ".ipynb_checkpoints" / "00-start-here-checkpoint.ipynb",
        repo / "crisis_reading" / ".DS_Store",
    ]
    for path in [article / "datapackage.json", *hidden]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}", encoding="utf-8")
    files = build_student_copy(tmp_path / "copy", repo=repo)
    assert Path("data/some-2025-01-01-article/datapackage.json") in files
    assert not [path for path in files if any(part.startswith(".") for part in path.parts)], files


def test_the_annotation_tools_leftovers_are_ignored_by_git() -> None:
    leftovers = ["data/.some-2025-01-01-article.previous/quotes.csv", "data/.some-2025-01-01-article.1a2b.saving/x"]
    run = subprocess.run(["git", "check-ignore", *leftovers], cwd=REPO, capture_output=True, text=True, check=False)
    if run.returncode == 128:
        pytest.skip(f"not a git checkout: {run.stderr.strip()}")
    assert run.stdout.split() == leftovers


def test_no_solution_text_is_anywhere_in_the_copy(copy: Path) -> None:
    answers = marked_answers()
    assert len(answers) >= 40  # the search has something to find
    public = "".join(path.read_text(encoding="utf-8") for path in (REPO / "course").glob("*.ipynb"))
    secret = [answer for answer in answers if json.dumps(answer)[1:-1] not in public and answer not in public]
    texts = {
        path: path.read_text(encoding="utf-8", errors="replace")
        for path in copy.rglob("*")
        if path.is_file() and path.suffix in (".ipynb", ".md", ".py", ".txt", ".csv", ".json", ".toml", "")
    }
    leaks = [
        (answer, path.relative_to(copy))
        for answer in secret
        for path, text in texts.items()
        if answer in text or json.dumps(answer)[1:-1] in text
    ]
    assert not leaks, leaks[:5]


def test_the_copy_runs_on_its_own(copy: Path) -> None:
    """An exercise runs top to bottom from the copy, with the copy's package and data (not the repository's)."""
    notebook = copy / "exercises" / "01-anatomy.ipynb"
    script = (
        "import sys, nbformat, nbclient, crisis_reading, crisis_reading.dataset.paths as p\n"
        f"assert crisis_reading.__file__.startswith({str(copy)!r}), crisis_reading.__file__\n"
        f"assert str(p.data_dir()).startswith({str(copy)!r}), p.data_dir()\n"
        f"nb = nbformat.read({str(notebook)!r}, 4)\n"
        f"resources = {{'metadata': {{'path': {str(notebook.parent)!r}}}}}\n"
        "nbclient.NotebookClient(nb, timeout=120, resources=resources).execute()\n"
        "print('ran', len(nb.cells))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(copy), "MPLBACKEND": "Agg"}
    env.pop("CRISIS_READING_DATA", None)
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=copy)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith("ran ")
    # The notebooks in the copy are the ones the suite runs (in the browser test and under nbval), less the lessons'
    # instructor notes: every other cell as it is in the repository, in the same order.
    notes = 0
    for folder in ("course", "exercises"):
        for path in (copy / folder).glob("*.ipynb"):
            ours = json.loads((REPO / folder / path.name).read_text(encoding="utf-8"))["cells"]
            theirs = json.loads(path.read_text(encoding="utf-8"))["cells"]
            kept = [cell for cell in ours if not cell.get("id", "").startswith("instructor-note")]
            notes += len(ours) - len(kept)
            assert theirs == kept, path
    assert notes >= 9  # every lesson has one: the comparison above had something to take out


def test_nothing_in_the_copy_speaks_to_the_instructor_or_points_at_solutions(copy: Path) -> None:
    for path in [*copy.glob("*.md"), *(copy / "exercises").glob("*.md"), *(copy / "course").glob("*.ipynb")]:
        text = path.read_text(encoding="utf-8")
        assert "solutions/" not in text, path
        assert "Instructor note" not in text and "make check" not in text, path


def test_binder_asks_only_for_what_students_need_pinned_to_repo2dockers_base() -> None:
    lines = [
        line.strip()
        for line in (REPO / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][\w.]*", line) for line in lines), lines  # no -c, -e, paths
    pins = dict(line.split("==") for line in lines)
    for name in ("pytest", "playwright", "ruff", "nbval", "import-linter", "frictionless"):
        assert name not in pins  # developer tools never reach a student
    for name, version in pins.items():
        if name in BASE_PINS:
            assert version == BASE_PINS[name], f"{name} {version}: repo2docker's base has {BASE_PINS[name]}"
    constraints = dict(
        line.split("==") for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines() if "==" in line
    )
    for name in ("pandas", "numpy", "matplotlib"):
        assert pins[name] == constraints[name], name  # students run what the tests ran
    assert (REPO / "binder" / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.11"
    post_build = (REPO / "binder" / "postBuild").read_text(encoding="utf-8")
    assert "pip install --no-deps" in post_build and os.access(REPO / "binder" / "postBuild", os.X_OK)
