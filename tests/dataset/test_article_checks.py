"""Every kind of damage a hand edit can do gives one clear error: file, row, column, problem."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import get_cell, read_rows, set_cell, write_rows

from crisis_reading import DataError, load_article, load_reference


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
        "continuation that skips a paragraph",
        cell("quotes.csv", 32, "continues_quote", "q30"),
        ["quotes.csv", "row 32", "column 'continues_quote'", "q30 stands in block 30", "block 31"],
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
