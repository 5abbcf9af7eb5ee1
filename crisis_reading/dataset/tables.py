"""Read one CSV file against its Table Schema, strictly, with clear errors.

We check the raw text ourselves (encoding, header, every cell) instead of
handing the file to pandas, because pandas either guesses silently or fails
with a traceback that names neither the row nor the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crisis_reading.dataset.errors import DataError

_INTEGER = re.compile(r"-?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class Table:
    """The typed rows of one CSV file, with the line each row starts on."""

    name: str
    path: Path
    schema: dict[str, Any]
    rows: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def error(self, row_index: int, column: str | None, problem: str) -> DataError:
        """A DataError pointing at rows[row_index] (0-based) of this table."""
        return DataError(self.path, problem, row=row_index + 1, line=self.lines[row_index], column=column)

    def column(self, name: str) -> list[Any]:
        return [row[name] for row in self.rows]


def read_text(path: Path) -> str:
    """The file as text: must exist, be non-empty UTF-8 with no byte-order mark."""
    if not path.exists():
        raise DataError(path, "the file is missing")
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError(path, "the file is empty")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(path, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM", line=1)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        bad = raw[exc.start : exc.start + 1].hex()
        raise DataError(
            path,
            f"byte 0x{bad} is not valid UTF-8; save the file as UTF-8",
            line=line,
        ) from None


def read_table(path: Path, name: str, schema: dict[str, Any], allow_empty: bool = False) -> Table:
    """Read and check a CSV file: header, every cell's type and constraints, keys.

    A file with a header and no rows is an error unless `allow_empty` (for a table that may
    rightly be empty, such as the events of an article not yet annotated).
    """
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    table = Table(name=name, path=path, schema=schema)
    fields = schema["fields"]
    line = 1
    try:
        header = next(reader)
        header_ends = reader.line_num
        _check_header(path, header, fields)
        line = header_ends + 1
        for cells in reader:
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                raise DataError(path, "blank line; delete it (a table has no empty rows)", line=line)
            row_number = len(table.rows) + 1
            if len(cells) != len(header):
                raise DataError(
                    path,
                    f"this row has {len(cells)} values but the header has {len(header)} columns "
                    "(a stray comma, or a quotation mark not closed?)",
                    row=row_number,
                    line=line,
                )
            raw_row = dict(zip(header, cells, strict=True))
            typed = {
                spec["name"]: _convert_cell(path, row_number, line, spec, raw_row[spec["name"]], schema)
                for spec in fields
            }
            table.rows.append(typed)
            table.lines.append(line)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(
            path,
            f"the CSV cannot be read from this line on ({exc}); is a quotation mark opened here and never closed?",
            line=line,
        ) from None
    if not table.rows and not allow_empty:
        raise DataError(path, "the file has a header but no rows")
    _check_unique(table)
    return table


def _check_header(path: Path, header: list[str], fields: list[dict[str, Any]]) -> None:
    expected = [spec["name"] for spec in fields]
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise DataError(path, f"the header names column '{name}' twice", line=1, column=name)
        seen.add(name)
    missing = [name for name in expected if name not in header]
    if missing:
        raise DataError(
            path, f"the header lacks column(s) {', '.join(repr(m) for m in missing)}", line=1, column=missing[0]
        )
    extra = [name for name in header if name not in expected]
    if extra:
        raise DataError(
            path,
            f"unknown column '{extra[0]}'; the schema in datapackage.json allows only: {', '.join(expected)}",
            line=1,
            column=extra[0],
        )


def _convert_cell(path: Path, row: int, line: int, spec: dict[str, Any], cell: str, schema: dict[str, Any]) -> Any:
    name = spec["name"]
    constraints = spec.get("constraints", {})

    def fail(problem: str) -> DataError:
        return DataError(path, problem, row=row, line=line, column=name)

    if cell in schema.get("missingValues", [""]):
        if constraints.get("required"):
            raise fail("the cell is empty, but this column must have a value")
        return None
    if "\n" in cell or "\r" in cell:
        raise fail("the cell holds a line break; is a quotation mark opened on this line and closed only further down?")
    if cell != cell.strip():
        raise fail(f"the value {cell!r} has spaces at its start or end")
    kind = spec.get("type", "string")
    if kind == "integer":
        if not _INTEGER.fullmatch(cell):
            raise fail(f"{cell!r} is not a whole number")
        value: Any = int(cell)
    elif kind == "boolean":
        true_values = spec.get("trueValues", ["true"])
        false_values = spec.get("falseValues", ["false"])
        if cell not in true_values + false_values:
            raise fail(f"{cell!r} is not one of {', '.join(true_values + false_values)}")
        value = cell in true_values
    elif kind == "date":
        try:
            if not _DATE.fullmatch(cell):
                raise ValueError
            value = dt.date.fromisoformat(cell)
        except ValueError:
            raise fail(f"{cell!r} is not a date written YYYY-MM-DD") from None
    elif kind == "string":
        value = cell
    else:
        raise fail(f"the schema gives this column the type {kind!r}, which the course does not support")
    if "enum" in constraints and value not in constraints["enum"]:
        raise fail(f"{cell!r} is not an allowed value; use one of: {', '.join(constraints['enum'])}")
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], cell):
        raise fail(f"{cell!r} does not have the expected form ({constraints['pattern']})")
    if "minimum" in constraints and value < constraints["minimum"]:
        raise fail(f"{cell!r} is less than the smallest allowed value, {constraints['minimum']}")
    return value


def _check_unique(table: Table) -> None:
    keys = [[spec["name"]] for spec in table.schema["fields"] if spec.get("constraints", {}).get("unique")]
    primary = table.schema.get("primaryKey")
    if primary and primary not in keys:
        keys.append(list(primary))
    for columns in keys:
        first_seen: dict[tuple[Any, ...], int] = {}
        for index, row in enumerate(table.rows):
            key = tuple(row[c] for c in columns)
            if any(part is None for part in key):
                continue
            if key in first_seen:
                shown = ", ".join(str(part) for part in key)
                raise table.error(
                    index,
                    columns[0],
                    f"{shown!r} appears twice: rows {first_seen[key] + 1} and {index + 1}; each must be unique",
                )
            first_seen[key] = index


def check_foreign_keys(tables: dict[str, Table]) -> None:
    """Every reference from one table to another must resolve."""
    for table in tables.values():
        for fk in table.schema.get("foreignKeys", []):
            (column,) = fk["fields"]
            target = tables[fk["reference"]["resource"]]
            (target_column,) = fk["reference"]["fields"]
            allowed = set(target.column(target_column))
            for index, row in enumerate(table.rows):
                value = row[column]
                if value is not None and value not in allowed:
                    raise table.error(
                        index,
                        column,
                        f"{value!r} is not a {target_column} in {target.path.name}",
                    )
