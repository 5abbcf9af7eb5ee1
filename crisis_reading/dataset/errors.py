"""The one error a student sees when a data file is broken."""

from __future__ import annotations

import os
from pathlib import Path


class DataError(ValueError):
    """A data file is broken: says which file, row, column and what is wrong.

    The message is meant to be read by a student or instructor who edited a
    CSV by hand, so it names the line as a text editor or spreadsheet counts
    it, not pandas' zero-based index. In a notebook it is all they see: the
    loader's own frames would only hide it (`_render_traceback_`).
    """

    def __init__(
        self,
        file: str | Path,
        problem: str,
        *,
        row: int | None = None,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file = Path(file)
        self.problem = problem
        self.row = row
        self.line = line
        self.column = column
        super().__init__(self._message())

    def _message(self) -> str:
        where = [display_path(self.file)]
        if self.row is not None:
            where.append(f"row {self.row}" + (f" (line {self.line})" if self.line else ""))
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return ", ".join(where) + ": " + self.problem

    def _render_traceback_(self) -> list[str]:
        """What IPython shows in place of a traceback: the file to fix and what is wrong, on one line."""
        return [f"A data file needs fixing: {self}"]


def display_path(path: Path) -> str:
    """Show a path relative to the folder the student works in, when it can.

    The path is made absolute without following links: a link that leads back to itself (a symlink loop) makes
    resolve() raise, and the message that names it must still be written.
    """
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(Path.cwd()))))
    except (ValueError, OSError):
        return str(path)
