"""Read a folder's datapackage.json and every table it lists."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import pandas as pd

from crisis_reading.dataset.descriptor_checks import check_descriptor
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.tables import Table, check_foreign_keys, read_table


def read_descriptor(folder: Path) -> dict[str, Any]:
    path = folder / "datapackage.json"
    if not path.exists():
        raise DataError(path, "the file is missing; every data folder needs a datapackage.json")
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise DataError(path, f"not valid JSON ({exc.args[0].split(':')[0]})", line=line) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise DataError(path, "needs a 'resources' list describing each table")
    check_descriptor(path, descriptor)
    return descriptor


def read_package(
    folder: Path, required: list[str], may_be_empty: Callable[[dict[str, Any]], Collection[str]] | None = None
) -> tuple[dict[str, Any], dict[str, Table]]:
    """Read and check every table a datapackage lists; the required ones must be there.

    `may_be_empty(descriptor)` names the tables this package may leave with a header and no rows.
    """
    descriptor = read_descriptor(folder)
    empty_ok = set(may_be_empty(descriptor)) if may_be_empty else set()
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    for name in required:
        if name not in resources:
            raise DataError(folder / "datapackage.json", f"no resource named '{name}' is described")
    tables = {
        name: read_table(
            folder / resource["path"],
            name,
            resource["schema"],
            allow_empty=name in empty_ok,
            described_in=folder / "datapackage.json",
        )
        for name, resource in resources.items()
    }
    check_foreign_keys(tables)
    return descriptor, tables


def to_frame(table: Table) -> pd.DataFrame:
    """A pandas table with real types: categories for allowed values, dates, integers."""
    columns: dict[str, pd.Series] = {}
    for spec in table.schema["fields"]:
        name = spec["name"]
        values = table.column(name)
        has_missing = any(value is None for value in values)
        kind = spec.get("type", "string")
        enum = spec.get("constraints", {}).get("enum")
        if enum:
            series = pd.Series(pd.Categorical(values, categories=enum), name=name)
        elif kind == "integer":
            series = pd.Series(values, name=name, dtype="Int64" if has_missing else "int64")
        elif kind == "boolean":
            series = pd.Series(values, name=name, dtype="boolean" if has_missing else "bool")
        elif kind == "date":
            series = pd.Series(pd.to_datetime(values), name=name)
        else:
            series = pd.Series(values, name=name, dtype="str")
        columns[name] = series
    return pd.DataFrame(columns)


def field_names(descriptor: dict[str, Any], table: str) -> list[str]:
    """The columns of one table, in the order its schema gives them."""
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    return [field["name"] for field in resource["schema"]["fields"]]


def allowed_values(descriptor: dict[str, Any], table: str, column: str) -> list[str]:
    """The values a column's schema allows (its enum), or [] when any value goes."""
    resource = next(r for r in descriptor["resources"] if r["name"] == table)
    spec = next(f for f in resource["schema"]["fields"] if f["name"] == column)
    return list(spec.get("constraints", {}).get("enum", []))
