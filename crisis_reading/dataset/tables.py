"""Read one CSV file against its Table Schema, strictly, with clear errors.

We check the raw text ourselves (encoding, header, every cell) instead of
handing the file to pandas, because pandas either guesses silently or fails
with a traceback that names neither the row nor the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import os
import re
import stat
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crisis_reading.dataset.errors import DataError, display_path
from crisis_reading.dataset.spelling import meant

_INTEGER = re.compile(r"-?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Limits far above anything an article needs (the course's largest table is 15 kB, its longest cell 550 characters),
# checked before a file is parsed, so a padded or pasted-in file is refused at once (data/README.md, size limits).
MAX_FILE_BYTES = 1_000_000
MAX_CELL_CHARS = 10_000
# Rows a table may have: eight times the course's largest table, and few enough that every lesson chart that gives
# each row a line of its own (source checks, speakers, events) still draws in seconds.
MAX_ROWS = 500


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
    """The file as text: a regular file, not too large, non-empty UTF-8 with no byte-order mark."""
    raw = read_bytes(path)
    if not raw.strip():
        raise DataError(path, "the file is empty")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(path, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM", line=1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        bad = raw[exc.start : exc.start + 1].hex()
        raise DataError(
            path,
            f"byte 0x{bad} is not valid UTF-8; save the file as UTF-8",
            line=line,
        ) from None
    return text


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, once it is known to be a regular file of at most `limit` bytes (checked before reading)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise DataError(path, f"the file is a link to {os.readlink(path)!r}, which does not exist") from None
        raise DataError(path, "the file is missing") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataError(
                path, "the file is a link that leads back to itself (a symlink loop); put the real file here"
            ) from None
        raise DataError(path, f"the file cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise DataError(path, "this is not a regular file (a folder, a device or a pipe?); put the real file here")
    if info.st_size > limit:
        raise DataError(
            path,
            f"the file is {info.st_size:,} bytes ({info.st_size / 1_000_000:.1f} MB), and an article's file may have "
            f"at most {limit:,} (data/README.md, size limits): is it the right file, or was it padded or pasted in "
            "twice?",
        )
    return path.read_bytes()


# UTF-8 read once as Windows-1252 and saved again: "í" (bytes C3 AD) becomes "Ã­", "’" (E2 80 99) becomes "â€™".
# A pattern is the first byte of a UTF-8 character of Latin, Cyrillic or punctuation, shown as its Windows-1252 letter,
# then the byte(s) that continue it, shown the same way; no word of a real article holds these pairs.
_CONTINUATION = (
    "[" + re.escape(bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore") + "\x81\x8d\x8f\x90\x9d") + "]"
)
_MOJIBAKE = re.compile(f"[ÂÃÄÅÆÇÐÑ]{_CONTINUATION}|â{_CONTINUATION}{{2}}")


_MOJIBAKE_LEADS = "ÂÃÄÅÆÇÐÑâ"


def may_be_mojibake(text: str) -> bool:
    """A quick test before the pattern (nine substring searches are far faster than one regular expression)."""
    return any(lead in text for lead in _MOJIBAKE_LEADS)


def mojibake(text: str) -> str | None:
    """What is wrong when `text` was UTF-8, read once as Windows-1252 and saved again ("LucÃ­a"); else None."""
    if not may_be_mojibake(text):
        return None
    for found in _MOJIBAKE.finditer(text):
        garbled = found.group()
        try:
            meant = bytes(ord(c) if ord(c) < 0x100 else c.encode("cp1252")[0] for c in garbled).decode("utf-8")
        except UnicodeError:
            continue
        if len(meant) != 1:
            continue
        around = text[max(0, found.start() - 15) : found.end() + 15]
        return (
            f"{around!r} holds {garbled!r}, which is {meant!r} garbled: the file was saved as UTF-8, opened once as "
            "Windows-1252 (Latin-1) and saved again. Take the version from before that edit (git diff shows it), "
            "or repair the text in Python with text.encode('cp1252').decode('utf-8')"
        )
    return None


def read_table(
    path: Path, name: str, schema: dict[str, Any], allow_empty: bool = False, described_in: Path | None = None
) -> Table:
    """Read and check a CSV file: header, every cell's type and constraints, keys.

    A file with a header and no rows is an error unless `allow_empty` (for a table that may
    rightly be empty, such as the events of an article not yet annotated). `described_in`: the
    datapackage.json whose resource `name` gives `schema` (by default the one beside the file),
    which a refused value's message names as the place its allowed values are listed.
    """
    described = DescribedIn(name, described_in or path.parent / "datapackage.json")
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    table = Table(name=name, path=path, schema=schema)
    fields = schema["fields"]
    missing = frozenset(schema.get("missingValues", [""]))
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
            if row_number > MAX_ROWS:
                raise DataError(
                    path,
                    f"the table has more than {MAX_ROWS} rows, the most an article's table may have "
                    "(data/README.md, size limits): was it padded, or rows pasted in twice?",
                    row=row_number,
                    line=line,
                )
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
                spec["name"]: _convert_cell(path, row_number, line, spec, raw_row[spec["name"]], missing, described)
                for spec in fields
            }
            table.rows.append(typed)
            table.lines.append(line)
            line = reader.line_num + 1
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise DataError(
                path,
                f"a cell is longer than {MAX_CELL_CHARS:,} characters, the most a cell may hold "
                "(data/README.md, size limits): was something pasted into it by mistake?",
                row=len(table.rows) + 1,
                line=line,
                column=_long_cell(text, line, header),
            ) from None
        raise DataError(
            path,
            f"the CSV cannot be read from this line on ({exc}); is a quotation mark opened here and never closed?",
            line=line,
        ) from None
    if not table.rows and not allow_empty:
        raise DataError(path, "the file has a header but no rows")
    if may_be_mojibake(text) and _MOJIBAKE.search(text):
        _check_mojibake(table)
    _check_unique(table)
    return table


def _long_cell(text: str, line: int, header: list[str]) -> str | None:
    """The column of the first cell longer than MAX_CELL_CHARS in the row that starts on `line` (an error's path)."""
    pos = 0
    for _ in range(line - 1):
        pos = text.index("\n", pos) + 1
    column, length, quoted = 0, 0, False
    while pos < len(text):
        char = text[pos]
        if quoted and char == '"':
            if text.startswith('""', pos):
                pos += 1
                length += 1
            else:
                quoted = False
        elif not quoted and char == '"':
            quoted = True
        elif not quoted and char == ",":
            column, length = column + 1, 0
        elif not quoted and char == "\n":
            return None
        else:
            length += 1
        if length > MAX_CELL_CHARS:
            return header[column] if column < len(header) else None
        pos += 1
    return None


def unicode_hint(piece: str, text: str) -> str:
    """When `piece` is in `text` once both are Unicode-normalised, a hint saying so (they look the same); else ""."""
    if piece.isascii() and text.isascii():
        return ""
    composed = unicodedata.normalize("NFC", piece)
    if composed not in unicodedata.normalize("NFC", text):
        return ""
    where = "this cell" if composed != piece else "the text it is compared with"
    return (
        f"; the two look identical and differ only in Unicode normalisation: {where} writes an accented letter as "
        "a plain letter followed by a combining accent (NFD) where the other has one character (NFC). "
        "Retype the accented letters, or convert the file with unicodedata.normalize('NFC', text)"
    )


def _check_mojibake(table: Table) -> None:
    for index, row in enumerate(table.rows):
        for column, value in row.items():
            problem = mojibake(value) if isinstance(value, str) else None
            if problem:
                raise table.error(index, column, problem)


def _check_header(path: Path, header: list[str], fields: list[dict[str, Any]]) -> None:
    expected = [spec["name"] for spec in fields]
    _check_delimiter(path, header, expected)
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise DataError(path, f"the header names column '{name}' twice", line=1, column=name)
        seen.add(name)
        if name != name.strip() and name.strip() in expected:
            raise DataError(
                path,
                f"the header writes the column {name!r} with a space at its start or end; delete the space",
                line=1,
                column=name.strip(),
            )
    missing = [name for name in expected if name not in header]
    if missing:
        near = {name.strip().lower(): name for name in header}
        typed = near.get(missing[0].lower())
        hint = f" (the header has {typed!r}: names are spelled exactly, in lower case)" if typed else ""
        raise DataError(
            path,
            f"the header lacks column(s) {', '.join(repr(m) for m in missing)}{hint}",
            line=1,
            column=missing[0],
        )
    extra = [name for name in header if name not in expected]
    if extra:
        raise DataError(
            path,
            f"unknown column '{extra[0]}'; the schema in datapackage.json allows only: {', '.join(expected)}",
            line=1,
            column=extra[0],
        )


SEPARATORS = {"\t": "tabs", ";": "semicolons", "|": "bars"}


def _check_delimiter(path: Path, header: list[str], expected: list[str]) -> None:
    """A file saved with tabs or semicolons between columns reads as one column: say so, not "lacks columns"."""
    if len(header) >= len(expected) or expected[0] in header:
        return
    for separator, called in SEPARATORS.items():
        if any(separator in name for name in header) and expected[0] in "".join(header).split(separator):
            raise DataError(
                path,
                f"the file is separated by {called}, not commas; save it again as comma-separated CSV "
                "(in a spreadsheet: Save as… → CSV, comma-separated, UTF-8)",
                line=1,
            )


@dataclass(frozen=True)
class DescribedIn:
    """Where a table's rules are written: its resource's name and the datapackage.json that describes it."""

    resource: str
    descriptor: Path


def _convert_cell(
    path: Path, row: int, line: int, spec: dict[str, Any], cell: str, missing: Collection[str], described: DescribedIn
) -> Any:
    name = spec["name"]
    constraints = spec.get("constraints", {})

    def fail(problem: str) -> DataError:
        return DataError(path, problem, row=row, line=line, column=name)

    if cell in missing:
        if constraints.get("required"):
            raise fail("the cell is empty, but this column must have a value")
        return None
    if len(cell) > MAX_CELL_CHARS:
        raise fail(
            f"the cell holds {len(cell):,} characters, more than the {MAX_CELL_CHARS:,} a cell may hold "
            "(data/README.md, size limits): was something pasted into it by mistake?"
        )
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
    if constraints:
        _check_constraints(constraints, value, cell, fail, name, described)
    return value


def _check_constraints(
    constraints: dict[str, Any], value: Any, cell: str, fail: Any, column: str, described: DescribedIn
) -> None:
    if "enum" in constraints and value not in constraints["enum"]:
        # Each article lists its own allowed values (its own sides, for one): say where, so a value the article
        # rightly needs (another conflict's sides, a civilian voice) is added there, not to the package's code.
        # A slip ("goverment", "Unclear") is told the value it stands for before it is told how to add a new one, so
        # the typo is corrected, not added to the list.
        guess = meant(cell, constraints["enum"])
        add = (
            f"Did you mean {guess!r}? If this article does need {cell!r}, add it"
            if guess is not None
            else f"if this article needs {cell!r}, add it"
        )
        raise fail(
            f"{cell!r} is not an allowed value; use one of: {', '.join(map(str, constraints['enum']))}. "
            f"These are listed in {display_path(described.descriptor)}, resource '{described.resource}', field "
            f'\'{column}\', under "constraints" → "enum"{". " if guess is not None else ": "}{add} to that list '
            '(data/README.md, "Allowed values")'
        )
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], cell):
        raise fail(f"{cell!r} does not have the expected form ({constraints['pattern']})")
    if "minimum" in constraints and value < constraints["minimum"]:
        raise fail(f"{cell!r} is less than the smallest allowed value, {constraints['minimum']}")
    if "maximum" in constraints and value > constraints["maximum"]:
        raise fail(f"{cell!r} is more than the largest allowed value, {constraints['maximum']}")
    if "minLength" in constraints and len(cell) < constraints["minLength"]:
        raise fail(f"{cell!r} is shorter than the {constraints['minLength']} characters this column needs")
    if "maxLength" in constraints and len(cell) > constraints["maxLength"]:
        raise fail(f"the value has {len(cell)} characters; this column allows at most {constraints['maxLength']}")


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
                    hint = unicode_hint(value, "\n".join(map(str, allowed))) if isinstance(value, str) else ""
                    raise table.error(index, column, f"{value!r} is not a {target_column} in {target.path.name}{hint}")
