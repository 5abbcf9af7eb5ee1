"""The tables of every article folder and their columns, read once from the list the package ships.

article_tables.json beside this module is the one place the column lists are written: the loader's
empty optional tables, the quote finder's proposals and the annotation tool's files all take theirs from
it, and a test checks that every article's datapackage.json agrees with it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def _tables() -> dict[str, Any]:
    return json.loads(files(__package__).joinpath("article_tables.json").read_text(encoding="utf-8"))


def core_tables() -> list[str]:
    """The tables every article has: blocks, speakers, quotes, events."""
    return list(_tables()["core"])


def optional_tables() -> list[str]:
    """The tables an article may have (frames, their vocabulary, source checks)."""
    return [name for name in _tables()["tables"] if name not in _tables()["core"]]


def columns(table: str) -> list[str]:
    """The columns of one article table, in the order its CSV file has them."""
    return list(_tables()["tables"][table]["columns"])


def file_name(table: str) -> str:
    """The CSV file that holds one article table: "quotes" → "quotes.csv"."""
    return _tables()["tables"][table]["file"]
