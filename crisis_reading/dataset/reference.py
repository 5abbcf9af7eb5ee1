"""The reference tables beside the articles: memberships, countries, context timeline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from crisis_reading.dataset.cache import once_per_data_folder
from crisis_reading.dataset.datapackage import read_package, to_frame
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.paths import REFERENCE_FOLDER, data_dir
from crisis_reading.dataset.tables import Table

REFERENCE_TABLES = ["memberships", "countries", "context_timeline"]


@dataclass
class Reference:
    memberships: pd.DataFrame
    countries: pd.DataFrame
    context_timeline: pd.DataFrame
    # The article whose before and after the context timeline tells (the descriptor's "context_article");
    # other articles have no context here.
    context_article: str | None = None


def load_reference(data: str | Path | None = None) -> Reference:
    """Load and check the reference tables (from data/reference/fact-sheet.md, every row sourced)."""
    folder = (Path(data) if data is not None else data_dir()) / REFERENCE_FOLDER
    descriptor, tables = read_package(folder, REFERENCE_TABLES)
    _check_memberships(tables["memberships"])
    _check_date_ranges(tables["context_timeline"])
    context_article = descriptor.get("context_article")
    if context_article is not None and not isinstance(context_article, str):
        raise DataError(
            folder / "datapackage.json", f"'context_article' is {context_article!r}; give an article folder's name"
        )
    frames = {name: to_frame(tables[name]) for name in REFERENCE_TABLES}
    return Reference(**frames, context_article=context_article)


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


@once_per_data_folder
def course_reference(data: str) -> Reference:
    """The reference tables, loaded once per data folder and shared by every helper."""
    return load_reference(data)


def reference_or_course(reference: Reference | None) -> Reference:
    return course_reference() if reference is None else reference
