"""Checks that an article's tables agree with its text and with each other.

The table reader has already checked each cell on its own; these checks are
about meaning: a quote must be the block's own words at its offsets, a verb
must stand where the attribution is, an interviewed speaker must have a quote
that says "told Al Jazeera".
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from crisis_reading.dataset.descriptor_checks import check_path_in_folder
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.tables import Table, mojibake, read_text, unicode_hint
from crisis_reading.dataset.vocabulary import (
    BLOCK_SEPARATOR,
    CLOSING_MARKS,
    DEVELOPMENT_KEY,
    DOUBLE_MARKS,
    DOUBLED_CLOSINGS,
    FINDER_KEY_USES,
    IN_REVIEW,
    OPENING_MARKS,
    REVIEW_STATUSES,
    REVIEWED,
    SIDE_NOT_JUDGED,
    UNREVIEWED,
    counted,
    marked_overlaps,
    overlap_marker,
    says_unreviewed,
    side_not_judged,
    split_list,
)

REQUIRED_META = ("headline", "outlet", "published", "text_file")
# Tables an article may leave with a header and no rows while it is not yet reviewed.
EMPTY_UNTIL_REVIEWED = ("events",)


def check_meta(path: Path, meta: Any) -> None:
    """The descriptor's 'article' block: what the lessons print and where the text is."""
    if not isinstance(meta, dict):
        raise DataError(path, "needs an 'article' object with " + ", ".join(REQUIRED_META))
    for key in REQUIRED_META:
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise DataError(path, f"the 'article' object needs '{key}' (a non-empty string)")
    check_path_in_folder(path, "the 'article' object's 'text_file'", meta["text_file"], "article.txt")
    status = meta.get("review_status", REVIEWED)
    if status not in REVIEW_STATUSES:
        raise DataError(path, f"'review_status' is {status!r}; use one of: {', '.join(REVIEW_STATUSES)}")
    try:
        dt.date.fromisoformat(meta["published"])
    except ValueError:
        raise DataError(path, f"'published' is {meta['published']!r}, not a date written YYYY-MM-DD") from None
    _check_declared_sides(path, meta.get("sides"))
    use = meta.get("finder_key", DEVELOPMENT_KEY)
    if use not in FINDER_KEY_USES:
        raise DataError(path, f"'finder_key' is {use!r}; use one of: {', '.join(FINDER_KEY_USES)}")
    parties = meta.get("parties")
    if parties is not None and (
        not isinstance(parties, list) or len(parties) != 2 or not all(isinstance(side, str) for side in parties)
    ):
        raise DataError(path, f'\'parties\' is {parties!r}; give the two sides in conflict, e.g. ["russia", "ukraine"]')


SIDE_NAMING = {"label": "a chart's name for it", "phrase": "its name inside a sentence", "colour": "#RRGGBB"}
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def _check_sides_are_listed(folder: Path, sides: dict[str, Any], speakers: Table, key: str = "sides") -> None:
    """A side the article block names must be one its speakers may take (a mistyped id names nothing)."""
    field_spec = next(f for f in speakers.schema["fields"] if f["name"] == "side")
    listed = field_spec.get("constraints", {}).get("enum", [])
    unknown = [side for side in sides if side not in listed]
    if unknown:
        raise DataError(
            folder / "datapackage.json",
            f"'{key}' names {', '.join(map(repr, unknown))}, which the speakers' side list does not have "
            f"({', '.join(listed)}): correct the id or add it to the list",
        )


def _check_declared_sides(path: Path, sides: Any) -> None:
    """The article block's optional "sides": how the article's own sides are named and coloured."""
    if sides is None:
        return
    if not isinstance(sides, dict):
        raise DataError(path, "'sides' in the 'article' object must map each side to its label, phrase and colour")
    for side, naming in sides.items():
        if not isinstance(naming, dict) or not set(naming) <= set(SIDE_NAMING):
            allowed = ", ".join(f"'{key}' ({meaning})" for key, meaning in SIDE_NAMING.items())
            raise DataError(path, f"side {side!r} in 'sides' may give only {allowed}")
        for key, value in naming.items():
            if not isinstance(value, str) or not value.strip():
                raise DataError(path, f"side {side!r} in 'sides': '{key}' must be a non-empty string")
        if "colour" in naming and not COLOUR.fullmatch(naming["colour"]):
            raise DataError(path, f"side {side!r} in 'sides': colour {naming['colour']!r} is not written #RRGGBB")


def tables_that_may_be_empty(descriptor: dict[str, Any]) -> tuple[str, ...]:
    """A reviewed article (the default) has rows in every table; one still under review may lack events."""
    meta = descriptor.get("article")
    status = meta.get("review_status", REVIEWED) if isinstance(meta, dict) else REVIEWED
    return EMPTY_UNTIL_REVIEWED if status in (UNREVIEWED, IN_REVIEW) else ()


def appears_as_words(words: str, text: str) -> bool:
    """True when `words` stand in `text` as whole words ("said" in "he said", not "sa" in "said")."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def check_article(folder: Path, meta: dict[str, Any], tables: dict[str, Table]) -> None:
    blocks = tables["blocks"]
    texts = {row["block"]: row["text"] for row in blocks.rows}
    _check_block_numbers(blocks)
    _check_text_file(folder, meta, blocks)
    _check_quotes(tables["quotes"], texts)
    _check_overlaps(tables["quotes"], texts)
    _check_speakers(tables["speakers"], tables["quotes"], BLOCK_SEPARATOR.join(texts.values()))
    _check_sides_are_listed(folder, meta.get("sides") or {}, tables["speakers"])
    _check_sides_are_listed(folder, dict.fromkeys(meta.get("parties") or ()), tables["speakers"], "parties")
    _check_events(tables["events"], texts)
    if "frames" in tables:
        _check_every_quote_framed(tables["frames"], tables["quotes"])
    if "source_checks" in tables:
        _check_source_descriptions(tables["source_checks"], BLOCK_SEPARATOR.join(texts.values()))
    _check_reviewed_means_checked(folder, meta, tables)


# The rows a person checks before an article is reviewed, and the column that names each row.
CHECKED_ROWS = {"speakers": "speaker_id", "quotes": "quote_id", "events": "event_id"}
MOST_NAMED = 8  # rows named in the message per table; the rest are counted


def _check_reviewed_means_checked(folder: Path, meta: dict[str, Any], tables: dict[str, Table]) -> None:
    """An article that says it is reviewed has no row a person has not checked: no note that still says
    "unreviewed", no speaker whose side nobody has judged (side_basis still the finder's "Not judged yet").

    Only a stated "review_status" is held to this. Every folder the scaffold and the annotation tool write states
    it; one that states none is a hand annotation (the course's article), whose notes are its author's, and the
    finder's own tests load its proposals into such a folder to check them against the same rules."""
    if meta.get("review_status") != REVIEWED:
        return
    waiting, count = [], 0
    for name, ident in CHECKED_ROWS.items():
        # Rows grouped by the cells that still say nobody checked them, so each group names its column and value:
        # a speaker whose note was rewritten by hand may still have the finder's side_basis.
        groups: dict[tuple[str, ...], list[str]] = {}
        for index, row in enumerate(tables[name].rows):
            unchecked = tuple(
                column
                for column, says in (
                    ("note", says_unreviewed(row["note"])),
                    ("side_basis", name == "speakers" and side_not_judged(row["side_basis"])),
                )
                if says
            )
            if unchecked:
                groups.setdefault(unchecked, []).append(f"{index + 1} ({row[ident]})")
        for unchecked, rows in groups.items():
            count += len(rows)
            more = f" and {len(rows) - MOST_NAMED} more" if len(rows) > MOST_NAMED else ""
            says = " and ".join(UNCHECKED_SAYS[column] for column in unchecked)
            waiting.append(
                f"{tables[name].path.name} {'rows' if len(rows) > 1 else 'row'} {', '.join(rows[:MOST_NAMED])}{more}, "
                f"whose {says}"
            )
    if waiting:
        raise DataError(
            folder / "datapackage.json",
            f"'review_status' is {REVIEWED!r}, but a person has not checked {counted(count, 'row')} yet: "
            f"{'; '.join(waiting)}. Check each one (in the annotation tool: accept or correct each quote and event, "
            "and update each speaker with a side, an organisation and its types), or set 'review_status' in this "
            f'file\'s "article" to {IN_REVIEW!r} until they are checked',
        )


# What a row's cell says while nobody has checked it, as the refusal above words it.
UNCHECKED_SAYS = {"note": f"'note' says {UNREVIEWED!r}", "side_basis": f"'side_basis' still says {SIDE_NOT_JUDGED!r}"}


def _check_block_numbers(blocks: Table) -> None:
    for index, row in enumerate(blocks.rows):
        if row["block"] != index + 1:
            raise blocks.error(
                index, "block", f"expected block {index + 1}: blocks are numbered 1, 2, 3 … in reading order"
            )


def _check_text_file(folder: Path, meta: dict[str, Any], blocks: Table) -> None:
    """The blocks, joined by blank lines, must give back the published text exactly."""
    text_file = meta["text_file"]
    raw = read_text(folder / text_file)
    problem = mojibake(raw)
    if problem:
        first = next(m for m in re.finditer(r"[^\n]*", raw) if mojibake(m.group()))
        raise DataError(folder / text_file, problem, line=raw.count("\n", 0, first.start()) + 1)
    published = raw.replace("\r\n", "\n").rstrip("\n")
    published_blocks = published.split(BLOCK_SEPARATOR)
    for index, row in enumerate(blocks.rows):
        original = published_blocks[index] if index < len(published_blocks) else None
        if row["text"] != original:
            if original is None:
                problem = f"there is no block {index + 1} in {text_file}"
            else:
                at = next(
                    (i for i, (a, b) in enumerate(zip(row["text"], original, strict=False)) if a != b),
                    min(len(row["text"]), len(original)),
                )
                problem = (
                    f"the text differs from {text_file} at character {at}: "
                    f"the table has {row['text'][at : at + 30]!r}, the article has {original[at : at + 30]!r}"
                )
            raise blocks.error(index, "text", problem)
    if len(published_blocks) > len(blocks.rows):
        raise DataError(
            blocks.path,
            f"{text_file} has {len(published_blocks)} blocks but the table has only {len(blocks.rows)}",
        )


def _check_quotes(quotes: Table, texts: dict[int, str]) -> None:
    by_id = {row["quote_id"]: row for row in quotes.rows}
    continued_by = {row["continues_quote"]: row for row in quotes.rows if row["continues_quote"] is not None}
    seen: dict[tuple[Any, ...], int] = {}
    for index, row in enumerate(quotes.rows):
        block_text = texts[row["block"]]

        def fail(column: str, problem: str, index: int = index) -> DataError:
            return quotes.error(index, column, problem)

        start, end = row["start"], row["end"]
        if end <= start:
            raise fail("end", f"end ({end}) must be greater than start ({start})")
        if end > len(block_text):
            raise fail("end", f"{end} is past the end of block {row['block']}, which has {len(block_text)} characters")
        found = block_text[start:end]
        if found != row["text"]:
            elsewhere = block_text.find(row["text"])
            hint = (
                f"; the text stands at {elsewhere}–{elsewhere + len(row['text'])}, so the offsets are shifted"
                if elsewhere >= 0
                else unicode_hint(row["text"], block_text)
                or "; the text is not in the block at all: was it edited or paraphrased?"
            )
            raise fail("text", f"does not match block {row['block']} at {start}–{end}, which reads {found!r}{hint}")
        _check_quotation_marks(row, block_text, fail)
        statement = (row["block"], start, end, row["speaker_id"])
        if statement in seen:
            raise fail("quote_id", f"the same words and speaker are already row {seen[statement] + 1}")
        seen[statement] = index
        if row["attributed_in_block"] > row["block"] and not _runs_on_to(row, continued_by):
            raise fail(
                "attributed_in_block",
                f"block {row['attributed_in_block']} comes after the quote's own block; an attribution may only "
                "come later when the quotation runs on to it (rows in the following blocks with continues_quote "
                f"pointing back, paragraph by paragraph, up to block {row['attributed_in_block']})",
            )
        attribution_text = texts[row["attributed_in_block"]]
        if not appears_as_words(row["verb"], attribution_text):
            raise fail(
                "verb",
                f"{row['verb']!r} does not appear in block {row['attributed_in_block']}"
                + unicode_hint(row["verb"], attribution_text),
            )
        if row["speaker_as_written"] and not appears_as_words(row["speaker_as_written"], attribution_text):
            raise fail(
                "speaker_as_written",
                f"{row['speaker_as_written']!r} does not appear in block {row['attributed_in_block']}"
                + unicode_hint(row["speaker_as_written"], attribution_text),
            )
        _check_channel(row, texts, fail)
        continued = row["continues_quote"]
        if continued is not None:
            earlier = by_id[continued]
            if earlier["speaker_id"] != row["speaker_id"]:
                raise fail("continues_quote", f"{continued} is by {earlier['speaker_id']}, not {row['speaker_id']}")
            if earlier["block"] != row["block"] - 1:
                raise fail(
                    "continues_quote",
                    f"{continued} stands in block {earlier['block']}, but a quotation runs on from the paragraph "
                    f"just before, block {row['block'] - 1}",
                )


def _runs_on_to(row: dict, continued_by: dict) -> bool:
    """A quotation of several paragraphs attributed only in its last ("“…" / "“…" / "“…,” he said."): each
    paragraph's row is continued by the next block's row, by the same speaker, up to the block that attributes."""
    current = row
    while current["block"] < row["attributed_in_block"]:
        following = continued_by.get(current["quote_id"])
        if following is None or following["block"] != current["block"] + 1:
            return False
        if following["speaker_id"] != row["speaker_id"]:
            return False
        current = following
    return current["block"] == row["attributed_in_block"]


def _check_overlaps(quotes: Table, texts: dict[int, str]) -> None:
    """Two rows that share characters of one block count one statement twice, unless a note marks it as meant.

    Meant: one statement attributed jointly to two speakers (the same span), or a quotation inside a longer statement
    (one span holds the other), with "[overlaps qNN]" in the note of one of the two rows. A row the quote finder
    proposed and no person has checked yet (its note says "unreviewed") is not held to this until it is checked.
    """
    rows = quotes.rows
    index_of = {row["quote_id"]: index for index, row in enumerate(rows)}
    marks = {index: marked_overlaps(row["note"]) for index, row in enumerate(rows) if row["note"]}
    for index, named in marks.items():
        for quote_id in named:
            if quote_id not in index_of:
                raise quotes.error(index, "note", f"{overlap_marker([quote_id])} names no row of {quotes.path.name}")
    by_block: dict[int, list[int]] = {}
    for index, row in enumerate(rows):
        by_block.setdefault(row["block"], []).append(index)
    overlapping: set[tuple[int, int]] = set()
    for indexes in by_block.values():
        indexes.sort(key=lambda i: rows[i]["start"])
        for position, first in enumerate(indexes):
            for second in indexes[position + 1 :]:
                if rows[second]["start"] >= rows[first]["end"]:
                    break
                earlier, later = sorted((first, second))
                overlapping.add((earlier, later))
                _check_one_overlap(quotes, texts, earlier, later, marks)
    for index, named in marks.items():
        for quote_id in named:
            other = index_of[quote_id]
            if tuple(sorted((index, other))) not in overlapping:
                raise quotes.error(
                    index,
                    "note",
                    f"the note says {overlap_marker([quote_id])}, but {quote_id} shares no words with this row "
                    f"(it stands in block {rows[other]['block']} at {rows[other]['start']}–{rows[other]['end']}); "
                    "delete the marker, or correct the offsets",
                )


def _check_one_overlap(quotes: Table, texts: dict[int, str], earlier: int, later: int, marks: dict) -> None:
    one, two = quotes.rows[earlier], quotes.rows[later]
    if says_unreviewed(one["note"]) or says_unreviewed(two["note"]):
        return
    marked = one["quote_id"] in marks.get(later, ()) or two["quote_id"] in marks.get(earlier, ())
    start, end = max(one["start"], two["start"]), min(one["end"], two["end"])
    shared = texts[one["block"]][start:end]
    nested = (one["start"] <= two["start"] and two["end"] <= one["end"]) or (
        two["start"] <= one["start"] and one["end"] <= two["end"]
    )
    where = (
        f"rows {earlier + 1} and {later + 1} ({one['quote_id']} and {two['quote_id']}) both hold block "
        f"{one['block']}'s characters {start}–{end} ({_shorten(shared)!r})"
    )
    if not marked:
        raise quotes.error(
            later,
            "start",
            f"{where}, so one statement would be counted twice: if this row is a copy, delete it; if both are right "
            f"(one statement attributed jointly to two speakers, or a quotation inside a longer one), write "
            f"{overlap_marker([one['quote_id']])} in this row's note (data/README.md, quotes.csv)",
        )
    if not nested:
        raise quotes.error(
            later,
            "start",
            f"{where}, but neither holds the other: rows marked as overlapping share the same words or one holds "
            "the other; correct the offsets",
        )


def _shorten(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _check_quotation_marks(row: dict[str, Any], block_text: str, fail: Any) -> None:
    """Direct and partial quotes stand inside quotation marks; indirect speech has none."""
    start, end = row["start"], row["end"]
    opens = start > 0 and block_text[start - 1] in OPENING_MARKS
    closes = end < len(block_text) and (
        block_text[end] in CLOSING_MARKS or block_text.startswith(DOUBLED_CLOSINGS, end)
    )
    if row["kind"] in ("direct", "partial"):
        ends_block = end == len(block_text)
        if not opens or not (closes or ends_block):
            raise fail(
                "kind",
                f"a {row['kind']} quote must stand inside quotation marks, but block {row['block']} has "
                f"{block_text[max(start - 1, 0) : start]!r} before it and {block_text[end : end + 1]!r} after it; "
                "is it indirect, or are the offsets off?",
            )
    elif opens and closes:
        raise fail("kind", "indirect speech stands inside quotation marks: is it a direct or partial quote?")
    elif any(mark in row["text"] for mark in DOUBLE_MARKS):
        raise fail("kind", "indirect speech holds a quotation mark: is it a direct or partial quote?")


def _check_channel(row: dict[str, Any], texts: dict[int, str], fail: Any) -> None:
    words, block = row["channel_words"], row["channel_block"]
    if (words is None) != (block is None):
        raise fail("channel_block", "channel_words and channel_block go together: fill both or neither")
    if (row["channel"] == "not_stated") != (words is None):
        raise fail("channel", "use not_stated exactly when channel_words is empty")
    if words is not None and words not in texts[block]:
        raise fail("channel_words", f"{words!r} does not appear in block {block}" + unicode_hint(words, texts[block]))


def _check_speakers(speakers: Table, quotes: Table, article_text: str) -> None:
    interviewed = {row["speaker_id"] for row in quotes.rows if row["channel"] == "outlet_interview"}
    quoted = {row["speaker_id"] for row in quotes.rows}
    for index, row in enumerate(speakers.rows):
        for column in ("names_as_written", "role"):
            for piece in split_list(row[column]):
                if piece not in article_text:
                    raise speakers.error(
                        index,
                        column,
                        f"{piece!r} does not appear in the article's text" + unicode_hint(piece, article_text),
                    )
        if row["speaker_id"] not in quoted:
            raise speakers.error(index, "speaker_id", "no quotes row is attributed to this speaker")
        says_interviewed = row["interviewed_by_outlet"]
        if says_interviewed != (row["speaker_id"] in interviewed):
            problem = (
                "is true, but none of this speaker's quotes has channel outlet_interview"
                if says_interviewed
                else "is false, but a quote of this speaker has channel outlet_interview"
            )
            raise speakers.error(index, "interviewed_by_outlet", problem)


def _check_events(events: Table, texts: dict[int, str]) -> None:
    article_text = BLOCK_SEPARATOR.join(texts.values())
    for index, row in enumerate(events.rows):
        if row["time_words"] and row["time_words"] not in texts[row["block"]]:
            raise events.error(
                index,
                "time_words",
                f"{row['time_words']!r} does not appear in block {row['block']}"
                + unicode_hint(row["time_words"], texts[row["block"]]),
            )
        for piece in split_list(row["place_as_written"]):
            if piece not in article_text:
                raise events.error(
                    index,
                    "place_as_written",
                    f"{piece!r} does not appear in the article's text" + unicode_hint(piece, article_text),
                )
        for piece in split_list(row["mentioned_in_blocks"]):
            if not piece.isdigit() or int(piece) not in texts:
                raise events.error(index, "mentioned_in_blocks", f"{piece!r} is not a block number of this article")
        if row["date_end"] < row["date_start"]:
            raise events.error(index, "date_end", "the event ends before it starts")
        candidates = split_list(row["date_candidates"])
        for piece in candidates:
            try:
                candidate = dt.date.fromisoformat(piece) if len(piece) == 10 else None
            except ValueError:
                candidate = None
            if candidate is None or not row["date_start"] <= candidate <= row["date_end"]:
                raise events.error(
                    index, "date_candidates", f"{piece!r} is not a YYYY-MM-DD date between date_start and date_end"
                )
        if (row["certainty"] == "ambiguous") != (len(candidates) >= 2):
            raise events.error(
                index, "certainty", "an ambiguous date lists two or more date_candidates; any other date lists none"
            )


def _check_every_quote_framed(frames: Table, quotes: Table) -> None:
    framed = set(frames.column("quote_id"))
    for index, row in enumerate(quotes.rows):
        if row["quote_id"] not in framed:
            raise quotes.error(index, "quote_id", f"{frames.path.name} gives this quote no frame; tag every quote")


def _check_source_descriptions(checks: Table, article_text: str) -> None:
    for index, row in enumerate(checks.rows):
        if row["article_says"] not in article_text:
            raise checks.error(
                index,
                "article_says",
                f"{row['article_says']!r} does not appear in the article's text"
                + unicode_hint(row["article_says"], article_text),
            )
        if row["status"] != "not_checked" and row["check_finds"] is None:
            raise checks.error(index, "check_finds", "a checked source needs what the check found")
