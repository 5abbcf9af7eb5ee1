"""Every kind of damage a hand edit can do gives one clear error: file, row, column, problem."""

from __future__ import annotations

import csv
import json
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, get_cell, read_rows, set_cell, write_rows

from crisis_reading import PRACTICE_ARTICLE, DataError, load_article, load_reference


def delete_file(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


def empty_file(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_text("", encoding="utf-8")


def drop_column(name: str, column: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        rows = read_rows(folder / name)
        index = rows[0].index(column)
        write_rows(folder / name, [row[:index] + row[index + 1 :] for row in rows])

    return damage


def add_column(name: str, column: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        rows = read_rows(folder / name)
        write_rows(folder / name, [[*rows[0], column]] + [[*row, "x"] for row in rows[1:]])

    return damage


def cell(name: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    return lambda folder: set_cell(folder / name, row, column, value)


def shift_offsets(row: int, by: int) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        path = folder / "quotes.csv"
        for column in ("start", "end"):
            set_cell(path, row, column, str(int(get_cell(path, row, column)) + by))

    return damage


def edit_quote_text(row: int, old: str, new: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        path = folder / "quotes.csv"
        set_cell(path, row, "text", get_cell(path, row, "text").replace(old, new))

    return damage


def prepend_bytes(name: str, prefix: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(prefix + (folder / name).read_bytes())


def save_as_windows_1252(name: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        path = folder / name
        path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))

    return damage


def insert_line(name: str, after_line: int, text: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        path = folder / name
        lines = path.read_text(encoding="utf-8").split("\n")
        lines.insert(after_line, text)
        path.write_text("\n".join(lines), encoding="utf-8")

    return damage


def break_json(folder: Path) -> None:
    path = folder / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"resources"', "resources", 1), encoding="utf-8")


def swap_block_rows(folder: Path) -> None:
    rows = read_rows(folder / "blocks.csv")
    rows[3], rows[4] = rows[4], rows[3]
    write_rows(folder / "blocks.csv", rows)


def edit_descriptor(change: Callable[[dict], None]) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        path = folder / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        change(descriptor)
        path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")

    return damage


def resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def field(descriptor: dict, resource_name: str, field_name: str) -> dict:
    return next(f for f in resource(descriptor, resource_name)["schema"]["fields"] if f["name"] == field_name)


def copy_row(name: str, row: int, new_id: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        rows = read_rows(folder / name)
        rows.insert(row + 1, [new_id, *rows[row][1:]])
        write_rows(folder / name, rows)

    return damage


def open_quote_never_closed(folder: Path) -> None:
    lines = (folder / "events.csv").read_text(encoding="utf-8").split("\n")
    lines[6] = lines[6].replace(",meeting,", ',"meeting,', 1)
    (folder / "events.csv").write_text("\n".join(lines), encoding="utf-8")


def copy_quote_as(row: int, new_id: str, **changes: str) -> Callable[[Path], None]:
    """The same statement twice: quote row `row` copied under a new id, with some cells changed."""

    def damage(folder: Path) -> None:
        path = folder / "quotes.csv"
        rows = read_rows(path)
        copy = [new_id, *rows[row][1:]]
        for column, value in changes.items():
            copy[rows[0].index(column)] = value
        rows.insert(row + 1, copy)
        write_rows(path, rows)
        frames = read_rows(folder / "frames.csv")  # tagged as the original is, so nothing else gives it away
        write_rows(folder / "frames.csv", frames + [[new_id, *f[1:]] for f in frames if f[0] == rows[row][0]])

    return damage


def add_overlapping_indirect_row(folder: Path) -> None:
    """A row marked as overlapping q07 ("it is planning an invasion", block 8) whose span crosses it."""
    path = folder / "quotes.csv"
    rows = read_rows(path)
    block = read_rows(folder / "blocks.csv")[8][2]
    start, end = 120, 150
    header = rows[0]
    new = dict(zip(header, rows[7], strict=True))
    new.update(quote_id="q99", start=str(start), end=str(end), text=block[start:end], note="[overlaps q07]")
    rows.insert(9, [new[column] for column in header])
    write_rows(path, rows)


def add_field(resource_name: str, field_name: str, **changes: object) -> Callable[[Path], None]:
    """A schema that lists a field twice: a copy of the field, with some keys changed, at the end of its fields."""

    def change(descriptor: dict) -> None:
        copy = dict(field(descriptor, resource_name, field_name), **changes)
        resource(descriptor, resource_name)["schema"]["fields"].append(copy)

    return edit_descriptor(change)


def resave_as_mojibake(name: str) -> Callable[[Path], None]:
    """UTF-8 opened once as Windows-1252 and saved again as UTF-8: ’ becomes â€™."""

    def damage(folder: Path) -> None:
        path = folder / name
        path.write_text(path.read_bytes().decode("cp1252", errors="replace"), encoding="utf-8")

    return damage


def loop_link(name: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).symlink_to(name)

    return damage


def resave_with(name: str, delimiter: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        rows = read_rows(folder / name)
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=delimiter, lineterminator="\n").writerows(rows)

    return damage


def rename_column(name: str, old: str, new: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        rows = read_rows(folder / name)
        rows[0][rows[0].index(old)] = new
        write_rows(folder / name, rows)

    return damage


def pad_rows(name: str, megabytes: float) -> Callable[[Path], None]:
    """A table padded with copies of its rows until it is `megabytes` large."""

    def damage(folder: Path) -> None:
        rows = read_rows(folder / name)
        body = rows[1:]
        size = sum(len(",".join(row)) + 1 for row in body)
        write_rows(folder / name, rows[:1] + body * int(megabytes * 1_000_000 / size + 1))

    return damage


def pad_unique_rows(name: str, key: str, count: int) -> Callable[[Path], None]:
    """A table padded to `count` rows that are each valid (copies of its rows, each `key` made unique)."""

    def damage(folder: Path) -> None:
        rows = read_rows(folder / name)
        at = rows[0].index(key)
        body = [[*row[:at], f"{row[at]} {n}", *row[at + 1 :]] for n in range(count) for row in rows[1:]]
        write_rows(folder / name, rows[:1] + body[:count])

    return damage


def move_up_and_point(resource_name: str, relative: str) -> Callable[[Path], None]:
    """A resource path outside the folder: the file moved there, so it could be read."""

    def damage(folder: Path) -> None:
        path = folder / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        target = (folder / relative) if not Path(relative).is_absolute() else Path(relative)
        shutil.copyfile(folder / resource(descriptor, resource_name)["path"], target)
        resource(descriptor, resource_name)["path"] = relative
        path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")

    return damage


# (id, damage, the words the error must contain: file, place, column, problem)
DAMAGE = [
    ("missing file", delete_file("quotes.csv"), ["quotes.csv", "the file is missing"]),
    ("empty file", empty_file("speakers.csv"), ["speakers.csv", "the file is empty"]),
    (
        "header only",
        lambda f: write_rows(f / "events.csv", read_rows(f / "events.csv")[:1]),
        ["events.csv", "has a header but no rows"],
    ),
    ("missing column", drop_column("quotes.csv", "verb"), ["quotes.csv", "line 1", "column 'verb'", "lacks"]),
    ("unknown extra column", add_column("events.csv", "comment"), ["events.csv", "column 'comment'", "unknown column"]),
    (
        "wrong type",
        cell("quotes.csv", 3, "start", "abc"),
        ["quotes.csv", "row 3 (line 4)", "column 'start'", "not a whole number"],
    ),
    (
        "bad date",
        cell("events.csv", 2, "date_start", "2021-13-07"),
        ["events.csv", "row 2 (line 3)", "column 'date_start'", "not a date"],
    ),
    (
        "date in another format",
        cell("events.csv", 2, "date_end", "30/12/2021"),
        ["events.csv", "row 2", "column 'date_end'", "YYYY-MM-DD"],
    ),
    (
        "duplicate id",
        cell("quotes.csv", 5, "quote_id", "q04"),
        ["quotes.csv", "row 5 (line 6)", "column 'quote_id'", "appears twice"],
    ),
    (
        "dangling speaker",
        cell("quotes.csv", 1, "speaker_id", "putin"),
        ["quotes.csv", "row 1 (line 2)", "column 'speaker_id'", "'putin' is not a speaker_id in speakers.csv"],
    ),
    (
        "block out of range",
        cell("quotes.csv", 1, "block", "99"),
        ["quotes.csv", "row 1", "column 'block'", "99 is not a block in blocks.csv"],
    ),
    (
        "quote text edited",
        edit_quote_text(5, "significant", "big"),
        ["quotes.csv", "row 5 (line 6)", "column 'text'", "does not match block 7", "not in the block at all"],
    ),
    ("offsets shifted", shift_offsets(4, -2), ["quotes.csv", "row 4", "column 'text'", "offsets are shifted"]),
    (
        "offset past the block",
        cell("quotes.csv", 5, "end", "999"),
        ["quotes.csv", "row 5", "column 'end'", "past the end of block 7"],
    ),
    (
        "end before start",
        cell("quotes.csv", 4, "end", "3"),
        ["quotes.csv", "row 4", "column 'end'", "must be greater than start"],
    ),
    (
        "unknown side",
        cell("speakers.csv", 7, "side", "nato"),
        ["speakers.csv", "row 7 (line 8)", "column 'side'", "not an allowed value", "us_nato"],
    ),
    (
        "unknown kind",
        cell("quotes.csv", 2, "kind", "quoted"),
        ["quotes.csv", "row 2", "column 'kind'", "not an allowed value"],
    ),
    ("byte-order mark", prepend_bytes("blocks.csv", b"\xef\xbb\xbf"), ["blocks.csv", "line 1", "byte-order mark"]),
    (
        "non-UTF-8 bytes",
        save_as_windows_1252("speakers.csv"),
        ["speakers.csv", "line 4", "byte 0x92", "not valid UTF-8"],
    ),
    ("blank line", insert_line("events.csv", 4, ""), ["events.csv", "line 5", "blank line"]),
    (
        "quote with no text",
        cell("quotes.csv", 6, "text", ""),
        ["quotes.csv", "row 6 (line 7)", "column 'text'", "empty"],
    ),
    (
        "stray comma",
        insert_line("quotes.csv", 3, "q99,7,stoltenberg,he,direct,said,7,,not_stated,,,1,5,here,,"),
        ["quotes.csv", "row 3 (line 4)", "16 values", "15 columns"],
    ),
    (
        "spaces around a value",
        cell("speakers.csv", 9, "side", " us_nato"),
        ["speakers.csv", "row 9", "column 'side'", "spaces"],
    ),
    (
        "bad boolean",
        cell("speakers.csv", 8, "interviewed_by_outlet", "yes"),
        ["speakers.csv", "row 8", "column 'interviewed_by_outlet'", "not one of true, false"],
    ),
    (
        "block text edited",
        cell("blocks.csv", 5, "text", "Dubbed as crucial for geopolitics."),
        ["blocks.csv", "row 5 (line 6)", "column 'text'", "differs from article.txt"],
    ),
    ("blocks out of order", swap_block_rows, ["blocks.csv", "row 3", "column 'block'", "expected block 3"]),
    (
        "verb not in the block",
        cell("quotes.csv", 16, "verb", "claimed"),
        ["quotes.csv", "row 16", "column 'verb'", "'claimed' does not appear in block 17"],
    ),
    (
        "interview flag contradicts quotes",
        cell("speakers.csv", 7, "interviewed_by_outlet", "true"),
        ["speakers.csv", "row 7", "column 'interviewed_by_outlet'", "none of this speaker's quotes"],
    ),
    (
        "continuation by another speaker",
        cell("quotes.csv", 15, "continues_quote", "q05"),
        ["quotes.csv", "row 15", "column 'continues_quote'", "q05 is by stoltenberg"],
    ),
    (
        "attribution in a later block with no quotation running on to it",
        cell("quotes.csv", 16, "attributed_in_block", "18"),
        ["quotes.csv", "row 16", "column 'attributed_in_block'", "block 18 comes after the quote's own block"],
    ),
    (
        "continuation that skips a paragraph",
        cell("quotes.csv", 33, "continues_quote", "q31"),
        ["quotes.csv", "row 33", "column 'continues_quote'", "q31 stands in block 30", "block 31"],
    ),
    (
        "ambiguous date without candidates",
        cell("events.csv", 2, "date_candidates", ""),
        ["events.csv", "row 2", "column 'certainty'", "ambiguous"],
    ),
    (
        "time words not in the block",
        cell("events.csv", 6, "time_words", "on Tuesday"),
        ["events.csv", "row 6", "column 'time_words'", "'on Tuesday' does not appear in block 16"],
    ),
    ("datapackage.json not JSON", break_json, ["datapackage.json", "not valid JSON"]),
    ("copied quote row", copy_row("quotes.csv", 5, "q99"), ["quotes.csv", "row 6", "already row 5"]),
    (
        "direct quote relabelled indirect",
        cell("quotes.csv", 5, "kind", "indirect"),
        ["quotes.csv", "row 5", "column 'kind'", "indirect speech stands inside quotation marks"],
    ),
    (
        "indirect speech relabelled direct",
        cell("quotes.csv", 1, "kind", "direct"),
        ["quotes.csv", "row 1", "column 'kind'", "must stand inside quotation marks"],
    ),
    ("verb as part of a word", cell("quotes.csv", 5, "verb", "sa"), ["quotes.csv", "row 5", "column 'verb'", "'sa'"]),
    (
        "line break inside a cell",
        cell("speakers.csv", 7, "name", "Jens\nStoltenberg"),
        ["speakers.csv", "row 7 (line 8)", "column 'name'", "line break"],
    ),
    ("quotation mark never closed", open_quote_never_closed, ["events.csv", "line 7", "quotation mark"]),
    (
        "reference to a resource not described",
        edit_descriptor(
            lambda d: resource(d, "quotes")["schema"]["foreignKeys"][1]["reference"].update(resource="speaker")
        ),
        ["datapackage.json", "resource 'speaker' that is not described"],
    ),
    (
        "reference to a column not there",
        edit_descriptor(lambda d: resource(d, "quotes")["schema"]["foreignKeys"][1]["reference"].update(fields=["id"])),
        ["datapackage.json", "column 'id' that resource 'speakers' does not have"],
    ),
    (
        "resource without a schema",
        edit_descriptor(lambda d: resource(d, "events").pop("schema")),
        ["datapackage.json", "resource 'events' needs a 'schema'"],
    ),
    (
        "resource without a path",
        edit_descriptor(lambda d: resource(d, "events").pop("path")),
        ["datapackage.json", "resource 'events' needs a 'path'"],
    ),
    (
        "pattern that is not a regular expression",
        edit_descriptor(lambda d: field(d, "quotes", "quote_id")["constraints"].update(pattern="q[0-9")),
        ["datapackage.json", "field 'quote_id'", "not a regular expression"],
    ),
    (
        "minimum on a text field",
        edit_descriptor(lambda d: field(d, "quotes", "text")["constraints"].update(minimum=1)),
        ["datapackage.json", "field 'text'", "'minimum'"],
    ),
    (
        "unsupported field type",
        edit_descriptor(lambda d: field(d, "events", "note").update(type="number")),
        ["datapackage.json", "field 'note'", "type 'number'"],
    ),
    (
        "article metadata missing",
        edit_descriptor(lambda d: d.pop("article")),
        ["datapackage.json", "needs an 'article' object"],
    ),
    (
        "publication date not a date",
        edit_descriptor(lambda d: d["article"].update(published="14/01/2022")),
        ["datapackage.json", "'published'", "YYYY-MM-DD"],
    ),
    (
        "a side's colour not written #RRGGBB",
        edit_descriptor(lambda d: d["article"].update(sides={"russia": {"label": "Russia", "colour": "red"}})),
        ["datapackage.json", "side 'russia'", "'red'", "#RRGGBB"],
    ),
    (
        "a side named with a key the course does not read",
        edit_descriptor(lambda d: d["article"].update(sides={"russia": {"name": "Russia"}})),
        ["datapackage.json", "side 'russia'", "'label'", "'phrase'", "'colour'"],
    ),
    (
        "sides not a mapping",
        edit_descriptor(lambda d: d["article"].update(sides=["russia"])),
        ["datapackage.json", "'sides'", "label, phrase and colour"],
    ),
    (
        "a side named that no speaker may take",
        edit_descriptor(lambda d: d["article"].update(sides={"rusia": {"label": "Russia"}})),
        ["datapackage.json", "'rusia'", "side list does not have", "russia"],
    ),
    (
        "a finder_key mistyped",
        edit_descriptor(lambda d: d["article"].update(finder_key="heldout")),
        ["datapackage.json", "'finder_key' is 'heldout'", "development, held_out"],
    ),
    (
        "parties not two sides",
        edit_descriptor(lambda d: d["article"].update(parties=["russia"])),
        ["datapackage.json", "'parties'", "two sides in conflict"],
    ),
    (
        "a party no speaker may take",
        edit_descriptor(lambda d: d["article"].update(parties=["russia", "ukrane"])),
        ["datapackage.json", "'parties' names 'ukrane'", "side list does not have"],
    ),
    # Issue 16: damage that used to load silently, or give the wrong message.
    (
        "the same statement twice, another speaker",
        copy_quote_as(5, "q99", speaker_id="nrc_officials"),
        ["quotes.csv", "row 6 (line 7)", "column 'start'", "q05 and q99", "characters 97–222", "counted twice"],
    ),
    (
        "a copy of a row marked as a joint attribution",
        copy_quote_as(8, "q99", speaker_id="russia_gov"),
        ["quotes.csv", "row 9 (line 10)", "q08 and q99", "counted twice", "[overlaps q08]"],
    ),
    (
        "the joint attribution left unmarked",
        cell("quotes.csv", 8, "note", "One row for each."),
        ["quotes.csv", "row 8 (line 9)", "q07 and q08", "jointly", "write [overlaps q07] in this row's note"],
    ),
    (
        "an overlap marker naming no row",
        cell("quotes.csv", 3, "note", "[overlaps q98]"),
        ["quotes.csv", "row 3 (line 4)", "column 'note'", "[overlaps q98] names no row"],
    ),
    (
        "an overlap marker for rows that do not overlap",
        cell("quotes.csv", 3, "note", "[overlaps q05]"),
        ["quotes.csv", "row 3 (line 4)", "column 'note'", "q05 shares no words with this row", "block 7 at 97–222"],
    ),
    (
        "marked rows whose spans cross",
        add_overlapping_indirect_row,
        ["quotes.csv", "row 9 (line 10)", "q07 and q99", "neither holds the other"],
    ),
    (
        "a field listed twice",
        add_field("quotes", "text"),
        ["datapackage.json", "resource 'quotes'", "lists the field 'text' twice (fields 14 and 16)"],
    ),
    (
        "a field listed twice with another type",
        add_field("events", "block", type="string"),
        ["datapackage.json", "resource 'events'", "lists the field 'block' twice"],
    ),
    (
        "a constraint the loader does not check",
        edit_descriptor(lambda d: field(d, "quotes", "text")["constraints"].update(exclusiveMaximum=3)),
        ["datapackage.json", "field 'text'", "does not check the constraint 'exclusiveMaximum'"],
    ),
    (
        "maxLength now checked",
        edit_descriptor(lambda d: field(d, "speakers", "name")["constraints"].update(maxLength=10)),
        ["speakers.csv", "row 1 (line 2)", "column 'name'", "at most 10"],
    ),
    (
        "enum on a number written as text",
        edit_descriptor(lambda d: field(d, "quotes", "block")["constraints"].update(enum=["7", "8"])),
        ["datapackage.json", "field 'block'", "'enum' holds '7'", "whole numbers"],
    ),
    (
        "enum on a number now checked",
        edit_descriptor(lambda d: field(d, "quotes", "block")["constraints"].update(enum=[7, 8])),
        ["quotes.csv", "row 1 (line 2)", "column 'block'", "'2' is not an allowed value; use one of: 7, 8"],
    ),
    (
        "a date format the loader does not read",
        edit_descriptor(lambda d: field(d, "events", "date_start").update(format="%d/%m/%Y")),
        ["datapackage.json", "field 'date_start'", "does not read the format '%d/%m/%Y'"],
    ),
    (
        "a resource path outside the folder",
        move_up_and_point("quotes", "../quotes.csv"),
        ["datapackage.json", "resource 'quotes'", "'../quotes.csv' leads outside", "path is not safe"],
    ),
    (
        "an absolute resource path",
        edit_descriptor(lambda d: resource(d, "events").update(path="/etc/passwd")),
        ["datapackage.json", "resource 'events'", "'/etc/passwd' leads outside"],
    ),
    (
        "an article text outside the folder",
        edit_descriptor(lambda d: d["article"].update(text_file="../../article.txt")),
        ["datapackage.json", "'text_file'", "leads outside"],
    ),
    (
        "a dialect with another delimiter",
        edit_descriptor(lambda d: resource(d, "quotes")["dialect"].update(delimiter=";")),
        ["datapackage.json", "resource 'quotes'", "'delimiter' as ';'", "','"],
    ),
    (
        "an encoding the loader does not read",
        edit_descriptor(lambda d: resource(d, "quotes").update(encoding="latin-1")),
        ["datapackage.json", "resource 'quotes'", "'encoding' is 'latin-1'", "UTF-8"],
    ),
    (
        "mojibake: UTF-8 read as Windows-1252 and saved again",
        resave_as_mojibake("speakers.csv"),
        ["speakers.csv", "row 3 (line 4)", "column 'side_basis'", "'â€™'", "'’' garbled", "Windows-1252"],
    ),
    (
        "mojibake in the article's text",
        resave_as_mojibake("article.txt"),
        ["article.txt", "line 1", "'’' garbled", "Windows-1252"],
    ),
    (
        "a symlink loop where a table should be",
        loop_link("quotes.csv"),
        ["quotes.csv", "a link that leads back to itself"],
    ),
    (
        "a link to a file that is not there",
        lambda f: ((f / "events.csv").unlink(), (f / "events.csv").symlink_to("gone.csv")),
        ["events.csv", "a link to 'gone.csv', which does not exist"],
    ),
    (
        "a folder where a table should be",
        lambda f: ((f / "events.csv").unlink(), (f / "events.csv").mkdir()),
        ["events.csv", "not a regular file"],
    ),
    ("tab-separated", resave_with("speakers.csv", "\t"), ["speakers.csv", "line 1", "separated by tabs, not commas"]),
    (
        "semicolon-separated",
        resave_with("events.csv", ";"),
        ["events.csv", "line 1", "separated by semicolons, not commas"],
    ),
    (
        "a header with a trailing space",
        rename_column("quotes.csv", "quote_id", "quote_id "),
        ["quotes.csv", "line 1", "column 'quote_id'", "'quote_id '", "a space at its start or end"],
    ),
    (
        "a header in capitals",
        rename_column("quotes.csv", "verb", "Verb"),
        ["quotes.csv", "line 1", "column 'verb'", "the header has 'Verb'"],
    ),
    (
        "a cell of 20,000 characters",
        cell("source_checks.csv", 2, "check_finds", "x" * 20_000),
        ["source_checks.csv", "row 2 (line 3)", "column 'check_finds'", "20,000 characters", "10,000", "size limits"],
    ),
    (
        "a cell of 200,000 characters",
        cell("source_checks.csv", 2, "check_finds", "x" * 200_000),
        ["source_checks.csv", "row 2 (line 3)", "column 'check_finds'", "longer than 10,000", "size limits"],
    ),
    (
        "a single 50 MB cell",
        cell("quotes.csv", 4, "note", "x" * 50_000_000),
        ["quotes.csv", "(50.0 MB)", "at most 1,000,000", "size limits"],
    ),
    (
        "a table padded to 3,900 valid rows (0.9 MB)",
        pad_unique_rows("source_checks.csv", "subject", 3_900),
        ["source_checks.csv", "row 501 (line 502)", "more than 500 rows", "size limits"],
    ),
    (
        "a table padded far past any article's size",
        pad_rows("source_checks.csv", 2),
        ["source_checks.csv", "(2.0 MB)", "at most 1,000,000", "size limits"],
    ),
]


@pytest.mark.parametrize(("damage", "expected"), [(d, e) for _, d, e in DAMAGE], ids=[i for i, _, _ in DAMAGE])
def test_damage_gives_one_clear_error(
    article_folder: Path, damage: Callable[[Path], None], expected: list[str]
) -> None:
    damage(article_folder)
    with pytest.raises(DataError) as caught:
        load_article(article_folder.name, data=article_folder.parent)
    message = str(caught.value)
    for words in expected:
        assert words in message, f"{words!r} missing from: {message}"


def test_the_undamaged_copy_loads(article_folder: Path) -> None:
    article = load_article(article_folder.name, data=article_folder.parent)
    assert len(article.quotes) > 0


def test_an_unknown_article_lists_the_ones_there_are(data_copy: Path) -> None:
    with pytest.raises(FileNotFoundError, match="aljazeera-2022-01-14"):
        load_article("no-such-article", data=data_copy)


def test_reference_damage_names_file_row_and_column(data_copy: Path) -> None:
    memberships = data_copy / "reference" / "memberships.csv"
    rows = read_rows(memberships)
    nato_row = next(i for i, row in enumerate(rows) if row[1] == "NATO")
    set_cell(memberships, nato_row, "joined", "")
    with pytest.raises(DataError, match=rf"memberships.csv, row {nato_row} \(line {nato_row + 1}\), column 'joined'"):
        load_reference(data_copy)


def test_reference_dangling_country(data_copy: Path) -> None:
    set_cell(data_copy / "reference" / "memberships.csv", 1, "country", "Atlantis")
    with pytest.raises(DataError, match=r"'Atlantis' is not a country in countries\.csv"):
        load_reference(data_copy)


def test_error_is_a_value_error_with_parts(article_folder: Path) -> None:
    set_cell(article_folder / "quotes.csv", 3, "start", "x")
    with pytest.raises(ValueError) as caught:
        load_article(article_folder.name, data=article_folder.parent)
    error = caught.value
    assert isinstance(error, DataError)
    assert (error.file.name, error.row, error.line, error.column) == ("quotes.csv", 3, 4, "start")


def test_descriptor_without_resources(article_folder: Path) -> None:
    (article_folder / "datapackage.json").write_text(json.dumps({"name": "x"}), encoding="utf-8")
    with pytest.raises(DataError, match="resources"):
        load_article(article_folder.name, data=article_folder.parent)


def test_keys_written_as_strings_still_load(article_folder: Path) -> None:
    """Frictionless allows a one-column key as a plain string; the loader accepts it."""
    path = article_folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resource(descriptor, "quotes")["schema"]["primaryKey"] = "quote_id"
    resource(descriptor, "quotes")["schema"]["foreignKeys"][0]["fields"] = "block"
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    assert len(load_article(article_folder.name, data=article_folder.parent).quotes) > 0


def test_a_name_in_decomposed_unicode_says_so(data_copy: Path) -> None:
    """ "Lucía" typed as "Luci" + a combining accent looks the same as the article's "Lucía": the message says why."""
    folder = data_copy / PRACTICE_ARTICLE
    row = next(i for i, r in enumerate(read_rows(folder / "speakers.csv")) if r[0] == "ferrandel")
    written = get_cell(folder / "speakers.csv", row, "names_as_written")
    set_cell(folder / "speakers.csv", row, "names_as_written", unicodedata.normalize("NFD", written))
    with pytest.raises(DataError) as caught:
        load_article(PRACTICE_ARTICLE, data=data_copy)
    message = str(caught.value)
    for words in (f"speakers.csv, row {row}", "column 'names_as_written'", "Unicode normalisation", "NFD", "NFC"):
        assert words in message, f"{words!r} missing from: {message}"


def test_every_resource_declares_the_dialect_the_loader_reads() -> None:
    """So that Frictionless, reading with the declared dialect, checks the delimiter as the loader does."""
    for path in [*REPO.glob("data/*/datapackage.json"), *REPO.glob("tests/**/datapackage.json")]:
        for described in json.loads(path.read_text(encoding="utf-8"))["resources"]:
            assert described.get("dialect") == {"delimiter": ",", "header": True}, f"{path}: {described['name']}"


def test_a_quote_closed_by_two_apostrophes_loads(tmp_path) -> None:
    """The loader stores what the finder reads: “…’’ (a closing mark typed as two apostrophes) closes a quote."""
    import shutil

    from crisis_reading import PRACTICE_ARTICLE, load_article
    from crisis_reading.dataset.paths import data_dir

    folder = tmp_path / PRACTICE_ARTICLE
    shutil.copytree(data_dir() / PRACTICE_ARTICLE, folder)
    quotes = (folder / "quotes.csv").read_text(encoding="utf-8")
    article = load_article(PRACTICE_ARTICLE)
    row = article.quotes[article.quotes["kind"] == "direct"].iloc[0]
    text = article.blocks.set_index("block").loc[row["block"], "text"]
    closing = text[row["end"]]
    assert closing == "”"
    edited = text[: row["end"]] + "’’" + text[row["end"] + 1 :]
    for name in ("article.txt", "blocks.csv"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").replace(text, edited), encoding="utf-8")
    (folder / "quotes.csv").write_text(quotes, encoding="utf-8")
    reloaded = load_article(PRACTICE_ARTICLE, tmp_path)
    assert reloaded.blocks.set_index("block").loc[row["block"], "text"] == edited
