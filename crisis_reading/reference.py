"""The reference tables beside the articles: memberships, countries, context timeline."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from .datapackage import read_package, to_frame
from .paths import REFERENCE_FOLDER, data_dir
from .tables import Table

REFERENCE_TABLES = ["memberships", "countries", "context_timeline"]
# The article whose before and after the context timeline tells; other articles have no context here.
CONTEXT_ARTICLE = "aljazeera-2022-01-14-nato-russia-security-demands"


@dataclass
class Reference:
    memberships: pd.DataFrame
    countries: pd.DataFrame
    context_timeline: pd.DataFrame


def load_reference(data: str | Path | None = None) -> Reference:
    """Load and check the reference tables (from data/reference/fact-sheet.md, every row sourced)."""
    folder = (Path(data) if data is not None else data_dir()) / REFERENCE_FOLDER
    _, tables = read_package(folder, REFERENCE_TABLES)
    _check_memberships(tables["memberships"])
    _check_date_ranges(tables["context_timeline"])
    return Reference(**{name: to_frame(tables[name]) for name in REFERENCE_TABLES})


def _check_memberships(memberships: Table) -> None:
    for index, row in enumerate(memberships.rows):
        if row["joined"] is None and row["organisation"] != "OSCE":
            raise memberships.error(index, "joined", "a NATO or EU membership needs the date the country joined")
        if row["left"] is not None and row["joined"] is not None and row["left"] < row["joined"]:
            raise memberships.error(index, "left", "the country cannot leave before it joined")


def _check_date_ranges(timeline: Table) -> None:
    for index, row in enumerate(timeline.rows):
        if row["date_end"] < row["date_start"]:
            raise timeline.error(index, "date_end", "the event ends before it starts")


def course_reference() -> Reference:
    """The reference tables, loaded once per data folder and shared by every helper."""
    return _load_once(str(data_dir().resolve()))


@cache
def _load_once(data: str) -> Reference:
    return load_reference(data)


def reference_or_course(reference: Reference | None) -> Reference:
    return course_reference() if reference is None else reference
