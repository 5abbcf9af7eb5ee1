"""Writing an article's tables as the course writes CSV, and telling whether a folder changed."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd


def blank(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def clean_cell(value: Any) -> Any:
    """None for an empty cell, plain Python for everything else."""
    if blank(value) or (isinstance(value, str) and not value.strip()):
        return None
    if hasattr(value, "item") and not isinstance(value, pd.Timestamp):  # numpy scalars
        return value.item()
    return value


def same_files(one: Path, other: Path) -> bool:
    """True when two folders hold the same files with the same bytes."""
    if not (one.is_dir() and other.is_dir()):
        return False
    names = sorted(path.name for path in one.iterdir())
    if names != sorted(path.name for path in other.iterdir()):
        return False
    return all((one / name).read_bytes() == (other / name).read_bytes() for name in names)


def write_csv(path: Path, table: pd.DataFrame, columns: list[str]) -> None:
    """One table as the course writes CSV: UTF-8, one header, true/false, empty cells for none."""

    def cell(value: Any) -> str:
        value = clean_cell(value)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, dt.date | pd.Timestamp):
            return value.strftime("%Y-%m-%d")
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for record in table.to_dict("records"):
            writer.writerow([cell(record.get(column)) for column in columns])


def write_json_atomically(path: Path, value: Any) -> None:
    """Write `value` as JSON so that `path` holds either the old file or the whole new one, never half of either.

    The new text goes to a temporary file in the same folder, is flushed to the disk, and then
    replaces the old file in one step (os.replace), so a kernel killed mid-write loses nothing.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".writing", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(value, file, ensure_ascii=False, indent=1)
            file.write("\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
