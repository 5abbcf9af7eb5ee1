"""Regenerate the student copies in exercises/ and the question index from solutions/ (the exercises command).

Run it from the course's top folder (the folders are relative to it) after editing a notebook in solutions/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crisis_reading.questions.generator import MarkerError, generate
from crisis_reading.questions.index import render_index


def main(argv: list[str] | None = None, prog: str = "crisis-reading exercises") -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("--solutions", type=Path, default=Path("solutions"))
    parser.add_argument("--exercises", type=Path, default=Path("exercises"))
    parser.add_argument("--index", type=Path, default=Path("instructors") / "questions.md")
    parser.add_argument("--check", action="store_true", help="only report whether exercises/ is up to date")
    options = parser.parse_args(argv)
    if not any(options.solutions.glob("[0-9][0-9]-*.ipynb")):
        print(
            f"error: no solution notebooks in {options.solutions.resolve()}: run this from the course's top folder "
            "(or give --solutions)",
            file=sys.stderr,
        )
        return 2
    try:
        changed = generate(options.solutions, options.exercises, write=not options.check)
    except MarkerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    index = render_index()
    if not options.index.exists() or options.index.read_text(encoding="utf-8") != index:
        changed.append(options.index)
        if not options.check:
            options.index.parent.mkdir(parents=True, exist_ok=True)
            options.index.write_text(index, encoding="utf-8")
    for path in changed:
        print(("out of date: " if options.check else "wrote: ") + str(path))
    if options.check and changed:
        print("run `make exercises` to regenerate them from solutions/", file=sys.stderr)
        return 1
    return 0
