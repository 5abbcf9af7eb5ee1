"""Build the course as students get it: lessons, exercises, data, the package and a README for them, and nothing else.

    crisis-reading student --out student-copy        (or: make student)

The repository holds two audiences' files. Students get `course/`, `exercises/`, `data/`, the package they
import (`crisis_reading/`, with `pyproject.toml` to install it), the licence, `binder/` (what Binder and a
JupyterHub install for them) and a README written for them. They never get `solutions/` (the worked answers
the exercises are generated from), `tests/`, `tools/`, `instructors/`, or the developer's requirements and
CI files. The copy is written afresh each time; `.github/workflows/student.yml` publishes it to the
`student` branch on every push to main, and the Binder badge and the nbgitpuller link point there.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
# What students get, as it is in the repository.
STUDENT_PATHS = ("course", "exercises", "data", "crisis_reading", "binder", "pyproject.toml", "LICENSE")
# Never copied from inside those: caches, build leftovers, and anything hidden (a name starting with "."): notebook
# checkpoints, .DS_Store, and the backups and unfinished saves the annotation tool keeps beside an article folder
# (data/.<slug>.previous, data/.<slug>.<id>.saving). The repository tracks no hidden file inside these paths.
SKIPPED = ("__pycache__", "*.pyc", "*.egg-info", ".*")
STUDENT_README = "README.md"


def student_readme() -> str:
    """The README a student's copy opens with: what is here, how to start, where help is."""
    return """# Reading Crisis Reporting: the student's copy

An open course that teaches you to read crisis journalism critically, built around one real news article
(Al Jazeera, 14 January 2022, "Will NATO engage with Russia's security demands?"). You take the article
apart in notebooks: who speaks, for which side, how they are quoted, which voices are missing.

## Start here

Open `course/00-start-here.ipynb` and run it from the top (Shift+Enter runs a cell). It says what each
lesson does and how long it takes.

| folder | what is in it |
|---|---|
| `course/` | the lessons, 00 to 08, in order |
| `exercises/` | one exercise notebook per lesson; a check under each question says if you are right, or hints |
| `data/` | the article and the tables the lessons read, with `data/README.md` saying how each was made |
| `crisis_reading/` | the course's code, which the notebooks call; you do not need to read it |

Your own work (the annotation of the article you take apart in lesson 08) is saved in a folder of your
own, `crisis-reading-work/` in your home folder, never in these files.

## On your own computer

With Python 3.11 or newer:

```
python3 -m venv .venv
.venv/bin/pip install -r binder/requirements.txt
.venv/bin/pip install --no-deps .
.venv/bin/jupyter lab
```

then open `course/00-start-here.ipynb` in JupyterLab's file browser, on the left. (On Windows,
`.venv\\Scripts\\` instead of `.venv/bin/`.) `.venv/bin/python -m crisis_reading.setup_check` checks that
everything is installed, in plain words, as lesson 00's first cell does.

Text and annotations are under Creative Commons Attribution 4.0, the code under the MIT licence (`LICENSE`);
the article's text belongs to Al Jazeera and is reproduced for teaching with its credit and link
(`data/README.md`).
"""


def build_student_copy(out: Path, repo: Path = REPO) -> list[Path]:
    """Write the student's copy into `out` (replaced if it exists); returns its files, relative to it."""
    out = Path(out)
    inside = repo.resolve() in out.resolve().parents and out.name in STUDENT_PATHS
    if out.resolve() == repo.resolve() or inside:
        raise ValueError(f"{out} would overwrite the repository's own files: choose another folder")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in STUDENT_PATHS:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, out / name, ignore=shutil.ignore_patterns(*SKIPPED))
        else:
            shutil.copy2(source, out / name)
    (out / STUDENT_README).write_text(student_readme(), encoding="utf-8")
    (out / "exercises" / "README.md").write_text(EXERCISES_README, encoding="utf-8")
    for notebook in sorted((out / "course").glob("*.ipynb")):
        without_instructor_notes(notebook)
    return sorted(path.relative_to(out) for path in out.rglob("*") if path.is_file())


# The instructor's exercises/README.md says where the exercises are generated from (solutions/); students get this.
EXERCISES_README = """# Exercises

One exercise notebook per lesson, 01 to 08. Each question is followed by a one-line check: run it after your
answer and it says ✅, or gives a hint. The reflection questions are for you to answer in writing; your
instructor reads them.
"""
INSTRUCTOR_NOTE = "instructor-note"


def without_instructor_notes(path: Path) -> None:
    """Take out a lesson's instructor notes (cells whose id starts "instructor-note": how to run the class, what
    to skip when short of time), which are for the person teaching, not for the student reading."""
    notebook = nbformat.read(path, as_version=4)
    kept = [cell for cell in notebook.cells if not str(cell.get("id", "")).startswith(INSTRUCTOR_NOTE)]
    if len(kept) != len(notebook.cells):
        notebook.cells = kept
        nbformat.write(notebook, path)


def main(argv: list[str] | None = None, prog: str = "crisis-reading student") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("student-copy"), help="the folder to write (replaced)")
    options = parser.parse_args(argv)
    try:
        files = build_student_copy(options.out)
    except ValueError as error:
        parser.exit(2, f"error: {error}\n")
    size = sum((options.out / path).stat().st_size for path in files)
    print(f"Wrote the student's copy to {options.out}: {len(files)} files, {size / 1e6:.1f} MB, no solutions.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
