"""Review the quote finder's proposals and save the result as an article folder the loader accepts.

`Annotation` holds what a person has decided so far: which proposed quotes are accepted,
corrected, split or rejected, which quotes they added, and which speakers (with side and
affiliation). It is plain Python, so tests drive it without a browser; the notebook widget
(crisis_reading.annotate.widget) is only a view over it.

`save(folder)` writes the same files as any article folder (article.txt, blocks.csv,
speakers.csv, quotes.csv, events.csv, datapackage.json) into a temporary folder beside the
target, loads it with `load_article` (the same checks as every other article), and only then
puts it in place. A save that the loader refuses raises its DataError and leaves the target as
it was; a good save keeps the version it replaces in a hidden `.<name>.previous` folder beside it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from crisis_reading.analysis.dates import date_reading
from crisis_reading.dataset.article import Article, load_article
from crisis_reading.dataset.datapackage import allowed_values, field_names, read_descriptor
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.paths import DEFAULT_ARTICLE, data_dir
from crisis_reading.dataset.schema import columns, core_tables, file_name
from crisis_reading.dataset.vocabulary import (
    BLOCK_SEPARATOR,
    IN_REVIEW,
    KINDS,
    OVERLAP_MARKER,
    REVIEWED,
    UNREVIEWED,
    counted,
    join_list,
    makes_an_id,
    marked_overlaps,
    overlap_marker,
    says_unreviewed,
    side_not_judged,
    slug,
    split_list,
)
from crisis_reading.dataset.writer import clean_cell, same_files, write_csv, write_json_atomically
from crisis_reading.finder.events import PLACEHOLDER_END, find_events

T = TypeVar("T")
CORE_FILES = {table: file_name(table) for table in core_tables()}
PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
EDITABLE_QUOTE_FIELDS = (
    "speaker_id",
    "speaker_as_written",
    "kind",
    "verb",
    "attributed_in_block",
    "continues_quote",
    "channel",
    "channel_words",
    "channel_block",
)


DATE_COLUMNS = ("date_start", "date_end")
EDITABLE_EVENT_FIELDS = (
    "description",
    "event_type",
    "place_as_written",
    "block",
    "time_words",
    "mentioned_in_blocks",
    "date_start",
    "date_end",
    "date_candidates",
    "resolved_by",
    "resolution_source",
    "certainty",
    "note",
)


def _reviewed_note(note: Any, how: str = "reviewed by a person") -> str:
    """A proposal's note once a person has checked it: it no longer says "unreviewed"."""
    changed = str(note).replace(f"({UNREVIEWED})", f"({how})")
    return f"{how.capitalize()}." if says_unreviewed(changed) else changed


_PRONOUNS = {"he", "she", "they", "it", "his", "her", "their", "its", "him", "them"}


def _stands_in(name: str, text: str) -> int:
    """Where `name` stands in `text` as whole words (-1 if it does not)."""
    found = re.search(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text)
    return found.start() if found else -1


# Typed apostrophes and quotation marks, and the ones news text prints.
_TYPED_MARKS = str.maketrans({"'": "’", '"': "”", "‘": "’", "“": "”"})


def _as_in_block(text: str, block_text: str) -> str:
    """The words as the block writes them: typed straight marks match the block's curly ones ("don't" finds
    "don’t"), so a student who types a quote need not find the curly apostrophe on their keyboard."""
    if text in block_text:
        return text
    wanted = text.translate(_TYPED_MARKS)
    folded = block_text.translate(_TYPED_MARKS)
    at = folded.find(wanted)
    return block_text[at : at + len(text)] if at >= 0 else text


def _iso_date(value: Any) -> str | None:
    value = clean_cell(value)
    if value is None:
        return None
    try:
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    except (ValueError, TypeError):
        raise ValueError(f"{value!r} is not a date: write it YYYY-MM-DD, e.g. 2025-03-14") from None


def records_change(method: Callable[..., T]) -> Callable[..., T]:
    """A decision the person made: once it is made, write the draft (nothing a student did is lost)."""

    @functools.wraps(method)
    def changed(self: Annotation, *args: Any, **kwargs: Any) -> T:
        result = method(self, *args, **kwargs)
        if self.draft is not None:
            write_json_atomically(self.draft, self.to_state())
        return result

    return changed


@dataclass(frozen=True)
class SaveReport:
    """What a save wrote."""

    folder: Path
    quotes: int
    speakers: int
    still_to_review: int
    review_status: str
    previous: Path | None
    events: int = 0

    def __str__(self) -> str:
        kept = f"; the version before is kept in {self.previous}" if self.previous else ""
        return (
            f"Saved {counted(self.quotes, 'quote')}, {counted(self.speakers, 'speaker')} and "
            f"{counted(self.events, 'event')} to {self.folder} "
            f"({self.still_to_review} still to review, review_status {self.review_status!r}){kept}."
        )


class Annotation:
    """An article's quotes and speakers as a person reviews them."""

    def __init__(
        self,
        blocks: pd.DataFrame,
        meta: dict[str, Any],
        quotes: pd.DataFrame,
        speakers: pd.DataFrame,
        descriptor: dict[str, Any],
        events: pd.DataFrame | None = None,
        status: dict[str, str] | None = None,
        extra_resources: dict[str, Path] | None = None,
        event_status: dict[str, str] | None = None,
    ) -> None:
        self.descriptor = descriptor  # the template: every table's schema, from an existing article folder
        self.blocks = blocks[columns("blocks")].reset_index(drop=True)
        self.meta = dict(meta)
        self.quotes = self._rows(quotes, "quotes")
        self.speakers = self._rows(speakers, "speakers")
        self.events = self._rows(events if events is not None else pd.DataFrame(), "events")
        for column in DATE_COLUMNS:  # dates as the CSV writes them, so a draft and a save hold the same text
            self.events[column] = [_iso_date(value) for value in self.events[column]]
        self.status = {qid: (status or {}).get(qid, PENDING) for qid in self.quotes["quote_id"]}
        self.event_status = {
            eid: (event_status or {}).get(eid, PENDING if says_unreviewed(note) else ACCEPTED)
            for eid, note in zip(self.events["event_id"], self.events["note"], strict=True)
        }
        self.extra_resources = dict(extra_resources or {})  # name -> file, carried over unchanged
        self.added_speakers: set[str] = set()  # saved even before a quote is attributed to them
        self.position = 0
        self.proposal: Any = None  # the finder's result this annotation started from, if it did
        self.draft: Path | None = None  # where every change is written at once (crisis_reading.annotate.draft)

    # ----- starting points -------------------------------------------------------------------------------------
    @classmethod
    def from_finder(
        cls,
        blocks: pd.DataFrame,
        proposed: Any,
        meta: dict[str, Any],
        template: Article | None = None,
        events: pd.DataFrame | None = None,
    ) -> Annotation:
        """Start from the finder's proposal (a FinderResult); every proposed quote waits for review.

        `template` is the article whose datapackage.json gives the schema (its list of sides, for
        one); by default the course's article. `meta` is the new article's headline, outlet,
        published date and so on.
        """
        folder = template.folder if template is not None else data_dir() / DEFAULT_ARTICLE
        descriptor = read_descriptor(folder)
        # What the new article is to the finder is not the key's to say: an annotation is no answer key yet.
        meta = {**{key: value for key, value in meta.items() if key != "finder_key"}, "text_file": "article.txt"}
        quotes = proposed.quotes.copy()
        # Every proposal says it is unreviewed, so a saved folder shows which rows a person has checked.
        quotes["note"] = [
            note if says_unreviewed(note) else f"Proposed by the finder ({UNREVIEWED}). {note or ''}".strip()
            for note in quotes["note"]
        ]
        if events is None:
            events = proposed_events(blocks, meta.get("published"), descriptor)
        annotation = cls(blocks, meta, quotes, proposed.speakers, descriptor, events)
        annotation.proposal = proposed
        return annotation

    def finder_only(self) -> Annotation:
        """The finder's proposals for the same article, none of this annotation's decisions: all unreviewed."""
        proposed = self.proposal
        if proposed is None:
            from crisis_reading.finder.quotes import find_quotes

            proposed = find_quotes(self.blocks, outlet=self.meta.get("outlet"))
        quotes = proposed.quotes.copy()
        quotes["note"] = [f"Proposed by the finder ({UNREVIEWED}). {note or ''}".strip() for note in quotes["note"]]
        events = proposed_events(self.blocks, self.meta.get("published"), self.descriptor)
        fresh = Annotation(self.blocks, self.meta, quotes, proposed.speakers, self.descriptor, events)
        fresh.proposal = proposed
        return fresh

    def as_article(self, name: str = "unsaved") -> Article:
        """Load this annotation as an Article without saving it anywhere (checked by the loader all the same)."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="crisis-reading-") as folder:
            temporary = self._validated_copy(Path(folder) / name)
            article = load_article(temporary.name, temporary.parent)
        article.slug = name
        return article

    @classmethod
    def from_folder(cls, folder: str | Path) -> Annotation:
        """Go on with a saved folder: rows whose note says "unreviewed" still wait for review."""
        folder = Path(folder)
        article = load_article(folder.name, folder.parent)
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        extra = {r["name"]: folder / r["path"] for r in descriptor["resources"] if r["name"] not in CORE_FILES}
        status = {
            row.quote_id: PENDING if says_unreviewed(row.note) else ACCEPTED for row in article.quotes.itertuples()
        }
        return cls(
            article.blocks,
            article.meta,
            article.quotes,
            article.speakers,
            descriptor,
            article.events,
            status,
            extra,
        )

    # ----- the draft: everything decided so far, as plain JSON --------------------------------------------------
    STATE_VERSION = 1

    def to_state(self) -> dict[str, Any]:
        """Everything needed to reopen the tool exactly where the person is (crisis_reading.annotate.draft)."""

        def records(table: pd.DataFrame) -> list[dict[str, Any]]:
            return [{c: clean_cell(v) for c, v in row.items()} for row in table.to_dict("records")]

        return {
            "version": self.STATE_VERSION,
            "written": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "descriptor": self.descriptor,
            "meta": self.meta,
            "blocks": records(self.blocks),
            "quotes": records(self.quotes),
            "speakers": records(self.speakers),
            "events": records(self.events),
            "status": self.status,
            "event_status": self.event_status,
            "added_speakers": sorted(self.added_speakers),
            "extra_resources": {name: str(path) for name, path in self.extra_resources.items()},
            "position": self.position,
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Annotation:
        """The annotation a draft holds; a ValueError if it is not one this version of the tool wrote."""
        if not isinstance(state, dict) or state.get("version") != cls.STATE_VERSION:
            raise ValueError("it was not written by this version of the annotation tool")
        try:
            annotation = cls(
                pd.DataFrame(state["blocks"]),
                state["meta"],
                pd.DataFrame(state["quotes"], columns=field_names(state["descriptor"], "quotes")),
                pd.DataFrame(state["speakers"], columns=field_names(state["descriptor"], "speakers")),
                state["descriptor"],
                pd.DataFrame(state["events"], columns=field_names(state["descriptor"], "events")),
                state["status"],
                {name: Path(path) for name, path in state["extra_resources"].items()},
                state["event_status"],
            )
            annotation.added_speakers = set(state["added_speakers"])
            annotation.position = int(state["position"])
            problem = annotation._inconsistency(state)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ValueError(f"it is incomplete or damaged ({type(error).__name__}: {error})") from None
        if problem:
            raise ValueError(f"it is damaged: {problem}")
        return annotation

    def _inconsistency(self, state: dict[str, Any]) -> str | None:
        """What in a reopened draft does not hold together, or None: checked before the tool shows any of it."""
        states = {PENDING, ACCEPTED, REJECTED}
        if set(state["status"]) != set(self.quotes["quote_id"]) or not set(state["status"].values()) <= states:
            return "its decisions do not match its quotes"
        if set(state["event_status"]) != set(self.events["event_id"]) or not set(self.event_status.values()) <= states:
            return "its decisions do not match its events"
        blocks = set(self.blocks["block"].astype(int))
        speakers = set(self.speakers["speaker_id"])
        for row in self.quotes.to_dict("records"):
            if int(row["block"]) not in blocks or row["speaker_id"] not in speakers:
                return f"quote {row['quote_id']} points to a block or speaker it does not hold"
            if not 0 <= int(row["start"]) <= int(row["end"]) <= len(self.block_text(row["block"])):
                return f"quote {row['quote_id']} lies outside its block"
        if not self.added_speakers <= speakers:
            return "it lists an added speaker it does not hold"
        return None

    def replace_with(self, other: Annotation) -> None:
        """Become `other` (Start over), keeping this object, which the notebook's cells hold, and its draft."""
        draft = self.draft
        self.__dict__.update(other.__dict__)
        self.draft = draft

    # ----- reading ---------------------------------------------------------------------------------------------
    def _rows(self, table: pd.DataFrame, name: str) -> pd.DataFrame:
        columns = field_names(self.descriptor, name)
        records = [{c: clean_cell(row.get(c)) for c in columns} for row in table.to_dict("records")]
        return pd.DataFrame(records, columns=columns, dtype=object)

    def block_text(self, block: int) -> str:
        return str(self.blocks.loc[self.blocks["block"] == int(block), "text"].item())

    def quote(self, quote_id: str) -> dict[str, Any]:
        rows = self.quotes[self.quotes["quote_id"] == quote_id]
        if rows.empty:
            raise KeyError(f"No quote {quote_id!r}; the quotes are {', '.join(self.quotes['quote_id'])}")
        return rows.iloc[0].to_dict()

    def proposals(self) -> list[str]:
        """Every quote id in reading order (block, then position in the block)."""
        ordered = self.quotes.assign(_b=self.quotes["block"].astype(int), _s=self.quotes["start"].astype(int))
        return ordered.sort_values(["_b", "_s"], kind="stable")["quote_id"].tolist()

    def counts(self) -> dict[str, int]:
        values = list(self.status.values())
        return {state: values.count(state) for state in (PENDING, ACCEPTED, REJECTED)}

    def sides(self) -> list[str]:
        return allowed_values(self.descriptor, "speakers", "side")

    def speaker_ids(self) -> list[str]:
        return self.speakers["speaker_id"].tolist()

    # ----- deciding --------------------------------------------------------------------------------------------
    @records_change
    def move(self, step: int) -> None:
        """Step to another proposal (kept in the draft, so the tool reopens where the person was)."""
        self.position = min(max(self.position + step, 0), max(len(self.quotes) - 1, 0))

    @records_change
    def accept(self, quote_id: str) -> None:
        self.quote(quote_id)
        index = self.quotes.index[self.quotes["quote_id"] == quote_id][0]
        if says_unreviewed(self.quotes.at[index, "note"]):  # the tool shows at once that a person has checked it
            self.quotes.at[index, "note"] = _reviewed_note(self.quotes.at[index, "note"], "accepted by a person")
        self.status[quote_id] = ACCEPTED

    @records_change
    def reject(self, quote_id: str) -> None:
        self.quote(quote_id)
        self.status[quote_id] = REJECTED

    @records_change
    def fix(self, quote_id: str, **changes: Any) -> None:
        """Correct a quote's speaker, kind, verb (or channel, attribution block…) and accept it."""
        self.quote(quote_id)
        unknown = set(changes) - set(EDITABLE_QUOTE_FIELDS)
        if unknown:
            raise ValueError(
                f"cannot change {', '.join(sorted(unknown))}; change one of: {', '.join(EDITABLE_QUOTE_FIELDS)}"
            )
        if "speaker_id" in changes and changes["speaker_id"] not in self.speaker_ids():
            raise ValueError(f"No speaker {changes['speaker_id']!r}: add the speaker first")
        if "kind" in changes and changes["kind"] not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        index = self.quotes.index[self.quotes["quote_id"] == quote_id][0]
        changed = [c for c, v in changes.items() if clean_cell(v) != self.quotes.at[index, c]]
        new_speaker = "speaker_id" in changed and "speaker_as_written" not in changes
        for column, value in changes.items():
            self.quotes.at[index, column] = clean_cell(value)
        if new_speaker:
            self._name_as_written(index)
        if changed:
            self.quotes.at[index, "note"] = f"Reviewed: corrected {', '.join(changed)}."
        self.status[quote_id] = ACCEPTED

    def _name_as_written(self, index: Any) -> None:
        """After a change of speaker, how the attribution names them: one of their names standing in the block;
        else the words the attribution had (a capital for its government: "Cairnwick" for Dunmarre), which
        then join the speaker's names as written, as data/README.md asks; a pronoun stays as it is."""
        row = self.quotes.loc[index]
        written = row["speaker_as_written"]
        if written is not None and str(written).lower() in _PRONOUNS:
            return
        text = self.block_text(row["attributed_in_block"])
        speaker = self.speakers.index[self.speakers["speaker_id"] == row["speaker_id"]][0]
        names = [*split_list(self.speakers.at[speaker, "names_as_written"]), str(self.speakers.at[speaker, "name"])]
        if written in names:
            return
        standing = [(_stands_in(name, text), name) for name in names if _stands_in(name, text) >= 0]
        if standing:
            # Also when the row named nobody yet (a quote a person added for a speaker not named there).
            quote_at = int(row["start"]) if int(row["attributed_in_block"]) == int(row["block"]) else len(text)
            self.quotes.at[index, "speaker_as_written"] = min(standing, key=lambda s: abs(s[0] - quote_at))[1]
        elif written is not None:
            self.speakers.at[speaker, "names_as_written"] = join_list([*split_list(
                self.speakers.at[speaker, "names_as_written"]), written])  # fmt: skip

    @records_change
    def split(self, quote_id: str, between: str) -> str:
        """Cut a quote in two where `between` stands in it (those words go to neither part).

        Returns the id of the second part, which waits for review with the speaker and kind of the
        first: a quotation the finder ran together with the next one ("…,” he said. “…") is split
        with between=',” he said. “'.
        """
        row = self.quote(quote_id)
        at = row["text"].find(between) if between else -1
        if at <= 0 or at + len(between) >= len(row["text"]):
            raise ValueError(f"{between!r} does not stand inside the quote (not at its very start or end)")
        first_text = row["text"][:at].rstrip()
        rest = row["text"][at + len(between) :]
        second_start = row["start"] + at + len(between) + (len(rest) - len(rest.lstrip()))
        index = self.quotes.index[self.quotes["quote_id"] == quote_id][0]
        self.quotes.at[index, "end"] = row["start"] + len(first_text)
        self.quotes.at[index, "text"] = first_text
        new_id = self._new_id()
        second = {**row, "quote_id": new_id, "start": second_start, "text": rest.strip()}
        second["end"] = second_start + len(second["text"])
        second["note"] = f"Split from {quote_id} by a person; {UNREVIEWED}: check its speaker and kind."
        self.quotes = pd.concat([self.quotes, pd.DataFrame([second], dtype=object)], ignore_index=True)
        self.status[new_id] = PENDING
        return new_id

    @records_change
    def add_quote(
        self,
        block: int,
        text: str,
        speaker_id: str,
        kind: str,
        verb: str,
        attributed_in_block: int | None = None,
        speaker_as_written: str | None = None,
        occurrence: int = 1,
        **more: Any,
    ) -> str:
        """Add a quote the finder missed: the exact words `text` as they stand in `block`."""
        block_text = self.block_text(block)
        text = _as_in_block(text.strip(), block_text)
        start = -1
        for _ in range(occurrence):
            start = block_text.find(text, start + 1)
            if start < 0:
                raise ValueError(f"{text!r} does not stand in block {block} (copy the words exactly)")
        if speaker_id not in self.speaker_ids():
            raise ValueError(f"No speaker {speaker_id!r}: add the speaker first")
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        new_id = self._new_id()
        row = dict.fromkeys(self.quotes.columns)
        row.update(
            quote_id=new_id,
            block=int(block),
            speaker_id=speaker_id,
            speaker_as_written=clean_cell(speaker_as_written),
            kind=kind,
            verb=verb,
            attributed_in_block=int(attributed_in_block or block),
            channel="not_stated",
            start=start,
            end=start + len(text),
            text=text,
            note="Added by a person: the finder missed it.",
        )
        row.update({key: clean_cell(value) for key, value in more.items() if key in EDITABLE_QUOTE_FIELDS})
        if row["speaker_as_written"] is None:  # how the attribution names them, if one of their names stands there
            speaker = self.speakers[self.speakers["speaker_id"] == speaker_id].iloc[0]
            attribution = self.block_text(row["attributed_in_block"])
            names = [*split_list(speaker["names_as_written"]), str(speaker["name"])]
            row["speaker_as_written"] = next((name for name in names if _stands_in(name, attribution) >= 0), None)
        self.quotes = pd.concat([self.quotes, pd.DataFrame([row], dtype=object)], ignore_index=True)
        self.status[new_id] = ACCEPTED
        return new_id

    @records_change
    def add_speaker(
        self,
        name: str,
        side: str,
        organisation: str | None = None,
        voice_type: str = "official",
        organisation_type: str = "government",
        names_as_written: str | None = None,
        role: str | None = None,
        country: str | None = None,
        side_basis: str | None = None,
    ) -> str:
        """Add a speaker with a side and an affiliation (organisation); returns the new speaker id."""
        if not name.strip():
            raise ValueError("a speaker needs a name")
        self._check_allowed("side", side)
        self._check_allowed("voice_type", voice_type)
        self._check_allowed("organisation_type", organisation_type)
        ident, number = slug(name), 2
        while ident in self.speaker_ids():
            ident, number = f"{slug(name)}_{number}", number + 1
        row = dict.fromkeys(self.speakers.columns)
        row.update(
            speaker_id=ident,
            name=name.strip(),
            names_as_written=clean_cell(names_as_written) or name.strip(),
            role=clean_cell(role),
            organisation=clean_cell(organisation),
            organisation_type=organisation_type,
            country=clean_cell(country),
            side=side,
            voice_type=voice_type,
            interviewed_by_outlet=False,
            side_basis=clean_cell(side_basis) or f"Set by a person reviewing the article: {side}.",
            note="Added by a person.",
        )
        self.speakers = pd.concat([self.speakers, pd.DataFrame([row], dtype=object)], ignore_index=True)
        self.added_speakers.add(ident)
        return ident

    @records_change
    def edit_speaker(self, speaker_id: str, **changes: Any) -> None:
        """Change a speaker's side, organisation, voice type…; the finder leaves every side "unclear"."""
        if speaker_id not in self.speaker_ids():
            raise KeyError(f"No speaker {speaker_id!r}")
        for column in ("side", "voice_type", "organisation_type"):
            if column in changes:
                self._check_allowed(column, changes[column])
        unknown = set(changes) - set(self.speakers.columns) | ({"speaker_id"} & set(changes))
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
        index = self.speakers.index[self.speakers["speaker_id"] == speaker_id][0]
        for column, value in changes.items():
            self.speakers.at[index, column] = clean_cell(value)
        if "side" in changes and "side_basis" not in changes:
            self.speakers.at[index, "side_basis"] = f"Set by a person reviewing the article: {changes['side']}."
        self.speakers.at[index, "note"] = "Reviewed by a person."

    # ----- events ----------------------------------------------------------------------------------------------
    def event(self, event_id: str) -> dict[str, Any]:
        rows = self.events[self.events["event_id"] == event_id]
        if rows.empty:
            known = ", ".join(self.events["event_id"]) or "none yet"
            raise KeyError(f"No event {event_id!r}; the events are: {known}")
        return rows.iloc[0].to_dict()

    def event_ids(self) -> list[str]:
        """Every event id in reading order (the block whose words date it)."""
        ordered = self.events.assign(_b=self.events["block"].astype(int))
        return ordered.sort_values("_b", kind="stable")["event_id"].tolist()

    def event_counts(self) -> dict[str, int]:
        values = list(self.event_status.values())
        return {state: values.count(state) for state in (PENDING, ACCEPTED, REJECTED)}

    def propose_dates(self, time_words: str) -> dict[str, Any] | None:
        """The dates, certainty and source the calendar proposes for `time_words` (lesson 04's rules), or None."""
        return calendar_fields(time_words, self.meta["published"])

    @records_change
    def add_event(
        self, block: int, event_type: str, description: str, time_words: str | None = None, **more: Any
    ) -> str:
        """Add an event; with `time_words` and no dates, the dates are the calendar's proposal. Returns its id."""
        row = dict.fromkeys(self.events.columns)
        row.update(block=int(block), mentioned_in_blocks=str(int(block)), note="Added by a person.")
        changes = {"event_type": event_type, "description": description, "time_words": time_words, **more}
        if time_words and not more.get("date_start"):
            changes.update(self._dates_from(time_words))
        checked = self._checked_event({**row, **{k: clean_cell(v) for k, v in changes.items()}})
        if says_unreviewed(checked["note"]):  # the form still held a proposal's note
            checked["note"] = _reviewed_note(checked["note"])
        checked["event_id"] = self._new_event_id(description)
        self.events = pd.concat([self.events, pd.DataFrame([checked], dtype=object)], ignore_index=True)
        self.event_status[checked["event_id"]] = ACCEPTED
        return checked["event_id"]

    @records_change
    def edit_event(self, event_id: str, **changes: Any) -> None:
        """Correct an event's words, type or dates and mark it reviewed."""
        row = self.event(event_id)
        unknown = set(changes) - set(EDITABLE_EVENT_FIELDS)
        if unknown:
            raise ValueError(
                f"cannot change {', '.join(sorted(unknown))}; change one of: {', '.join(EDITABLE_EVENT_FIELDS)}"
            )
        updated = {**row, **{column: clean_cell(value) for column, value in changes.items()}}
        if says_unreviewed(updated["note"]):
            updated["note"] = _reviewed_note(updated["note"])
        checked = self._checked_event(updated)
        index = self.events.index[self.events["event_id"] == event_id][0]
        for column, value in checked.items():
            self.events.at[index, column] = value
        self.event_status[event_id] = ACCEPTED

    def accept_event(self, event_id: str) -> None:
        self.edit_event(event_id)

    @records_change
    def delete_event(self, event_id: str) -> None:
        """Take an event out: a proposal that is no event, or one added by mistake."""
        self.event(event_id)
        self.events = self.events[self.events["event_id"] != event_id].reset_index(drop=True)
        del self.event_status[event_id]

    def _dates_from(self, time_words: str) -> dict[str, Any]:
        fields = calendar_fields(time_words, self.meta["published"])
        if fields is None:
            raise ValueError(
                f"The calendar cannot place {time_words!r}: type the first and last day it may fall on "
                "(YYYY-MM-DD), say how you know (resolved by, source) and how sure you are (certainty)"
            )
        return fields

    def _checked_event(self, row: dict[str, Any]) -> dict[str, Any]:
        """The event row as it will be saved, or a ValueError saying what to fix, in the tool's words."""
        block = int(row["block"])
        if block not in set(self.blocks["block"].astype(int)):
            raise ValueError(f"There is no block {block}")
        if not row.get("description") or str(row["description"]).endswith(PLACEHOLDER_END):
            raise ValueError("Describe the event in your own words: what happened? (replace the finder's placeholder)")
        for column in ("event_type", "resolved_by", "certainty"):
            allowed = allowed_values(self.descriptor, "events", column)
            if row.get(column) is None:
                raise ValueError(f"Choose the {column.replace('_', ' ')}: one of {', '.join(allowed)}")
            if allowed and row[column] not in allowed:
                raise ValueError(f"{column} {row[column]!r} is not allowed; use one of: {', '.join(allowed)}")
        if row.get("time_words") and row["time_words"] not in self.block_text(block):
            raise ValueError(f"{row['time_words']!r} does not stand in block {block}: copy the words exactly")
        for column in DATE_COLUMNS:
            row[column] = _iso_date(row.get(column))
            if row[column] is None:
                raise ValueError(f"Give the {column.replace('_', ' ')} (YYYY-MM-DD), or propose it from the time words")
        if row["date_end"] < row["date_start"]:
            raise ValueError(f"The event ends ({row['date_end']}) before it starts ({row['date_start']})")
        candidates = [_iso_date(day) for day in split_list(row.get("date_candidates"))]
        row["date_candidates"] = join_list(candidates) or None
        if (row["certainty"] == "ambiguous") != (len(candidates) >= 2):
            raise ValueError(
                "An ambiguous date keeps two or more candidate dates (separated by |); any other certainty keeps none"
            )
        if not row.get("resolution_source"):
            raise ValueError("Say how you know the date (resolution source): the rule, or the source you checked")
        row["mentioned_in_blocks"] = row.get("mentioned_in_blocks") or str(block)
        return row

    def _new_event_id(self, description: str) -> str:
        base = slug(" ".join(str(description).split()[:4])) or "event"
        ident, number = base, 2
        while ident in set(self.events["event_id"]):
            ident, number = f"{base}_{number}", number + 1
        return ident

    @records_change
    def delete_speaker(self, speaker_id: str) -> None:
        """Take out a speaker no quote is attributed to (one added by mistake)."""
        if speaker_id not in self.speaker_ids():
            raise KeyError(f"No speaker {speaker_id!r}")
        kept = [
            q
            for q in self.quotes.loc[self.quotes["speaker_id"] == speaker_id, "quote_id"]
            if self.status[q] != REJECTED
        ]
        if kept:
            raise ValueError(f"{speaker_id} still speaks in {', '.join(kept)}: give those quotes another speaker first")
        self.speakers = self.speakers[self.speakers["speaker_id"] != speaker_id].reset_index(drop=True)
        self.added_speakers.discard(speaker_id)

    def _check_allowed(self, column: str, value: str) -> None:
        allowed = allowed_values(self.descriptor, "speakers", column)
        if allowed and value not in allowed:
            raise ValueError(f"{column} {value!r} is not allowed; use one of: {', '.join(allowed)}")

    def _new_id(self) -> str:
        used = set(self.quotes["quote_id"])
        number = len(used) + 1
        while f"n{number:02d}" in used:
            number += 1
        return f"n{number:02d}"

    # ----- saving ----------------------------------------------------------------------------------------------
    def saved_speaker_ids(self) -> set[str]:
        """The speakers a save writes: those of the quotes not rejected, and those a person added."""
        return {
            speaker for quote, speaker in zip(self.quotes["quote_id"], self.quotes["speaker_id"], strict=True)
            if self.status[quote] != REJECTED
        } | self.added_speakers  # fmt: skip

    def speakers_to_review(self) -> list[str]:
        """The saved speakers a person has not checked yet: the note still says unreviewed, or nobody has judged the
        side (the finder's "Not judged yet"). A reviewed article has none (the loader refuses it otherwise)."""
        saved = self.saved_speaker_ids()
        return [
            row.speaker_id
            for row in self.speakers.itertuples()
            if row.speaker_id in saved and (says_unreviewed(row.note) or side_not_judged(row.side_basis))
        ]

    def waiting(self) -> int:
        """Quotes, events and speakers still waiting for review."""
        return self.counts()[PENDING] + self.event_counts()[PENDING] + len(self.speakers_to_review())

    def decided(self) -> int:
        """Quotes and events a person has accepted, corrected or rejected, and speakers they have checked."""
        quotes_and_events = len(self.status) + len(self.event_status) - self.counts()[PENDING]
        checked_speakers = len(self.saved_speaker_ids()) - len(self.speakers_to_review())
        return quotes_and_events - self.event_counts()[PENDING] + checked_speakers

    def review_status(self) -> str:
        if self.waiting() == 0:
            return REVIEWED
        return IN_REVIEW if self.decided() else UNREVIEWED

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables a save writes: kept quotes numbered q01… in reading order, their speakers."""
        kept = self.quotes.loc[[self.status[q] != REJECTED for q in self.quotes["quote_id"]]].copy()
        kept = kept.assign(_b=kept["block"].astype(int), _s=kept["start"].astype(int))
        kept = kept.sort_values(["_b", "_s"], kind="stable").drop(columns=["_b", "_s"])
        new_ids = self._final_ids(kept["quote_id"].tolist())
        kept["continues_quote"] = [new_ids.get(q, q) if q else None for q in kept["continues_quote"]]
        kept["quote_id"] = [new_ids[q] for q in kept["quote_id"]]
        _mark_deliberate_overlaps(kept)
        for index in kept.index:
            original = self.quotes.at[index, "quote_id"]
            note = kept.at[index, "note"]
            if self.status[original] == ACCEPTED and says_unreviewed(note):
                kept.at[index, "note"] = (
                    str(note).replace(f"({UNREVIEWED})", "(accepted by a person)")
                    if f"({UNREVIEWED})" in str(note)
                    else "Accepted by a person."
                )
        # A proposed speaker left without quotes was only a guess and goes; one a person added stays
        # (and the loader then asks for a quote of theirs).
        speakers = self.speakers[self.speakers["speaker_id"].isin(self.saved_speaker_ids())].copy()
        interviewed = set(kept.loc[kept["channel"] == "outlet_interview", "speaker_id"])
        speakers["interviewed_by_outlet"] = speakers["speaker_id"].isin(interviewed)
        events = self.events[[self.event_status[e] != REJECTED for e in self.events["event_id"]]].copy()
        for index in events.index:  # an accepted event must not load again as waiting for review
            note = events.at[index, "note"]
            if self.event_status[events.at[index, "event_id"]] == ACCEPTED and says_unreviewed(note):
                events.at[index, "note"] = _reviewed_note(note)
        return {"blocks": self.blocks, "speakers": speakers, "quotes": kept, "events": events}

    def _explained(self, error: DataError) -> str:
        """The loader's problem, with what it means for a person using this tool when the loader cannot know."""
        name = error.file.name
        if name in (CORE_FILES["quotes"], CORE_FILES["speakers"]) and self.tables()["quotes"].empty:
            return (
                f"{error.problem}: there are no quotes yet. Add one the finder missed ('Add a missed quote', with its "
                "speaker from the Speakers tab); a text with no quotes at all has no voices to save or chart"
            )
        if name == CORE_FILES["events"] and self.tables()["events"].empty and self.review_status() == REVIEWED:
            return (
                f"{error.problem}. Everything is reviewed, so the article would be saved as reviewed, and a reviewed "
                "article needs its events (lesson 04): add at least one in the Events tab (the meetings, calls and "
                "statements the article dates), or leave one proposal waiting for review to save it as in review"
            )
        speaker = self.speaker_at_saved_row(error)
        if speaker is not None and error.column == "speaker_id" and speaker in self.added_speakers:
            written = self.speakers.loc[self.speakers["speaker_id"] == speaker, "name"].item()
            return (
                f"{error.problem}: you added {written} but gave them no quote yet. Choose them as the "
                "speaker of a quote (Review proposals) or add their quote (Add a missed quote), then save again"
            )
        return error.problem

    def speaker_at_saved_row(self, error: DataError) -> str | None:
        """The speaker id a loader error about speakers.csv points at, or None for any other error."""
        if error.file.name != CORE_FILES["speakers"] or error.row is None:
            return None
        saved = self.tables()["speakers"]
        if not 1 <= error.row <= len(saved):
            return None
        return str(saved["speaker_id"].iloc[error.row - 1])

    def where(self, error: DataError) -> str:
        """Where a save error points, in this tool's words (a quote id, a speaker) rather than a CSV row."""
        quote_id = self.quote_at_saved_row(error)
        column = f", column '{error.column}'" if error.column else ""
        if quote_id is not None:
            return f"quote {quote_id}{column}"
        speaker = self.speaker_at_saved_row(error)
        if speaker is not None:
            return f"speaker {speaker}{column}"
        if error.file.name == CORE_FILES["events"] and error.row is not None:
            saved = self.tables()["events"]
            if 1 <= error.row <= len(saved):
                return f"event {saved['event_id'].iloc[error.row - 1]}{column}"
        return error.file.name

    def quote_at_saved_row(self, error: DataError) -> str | None:
        """The quote a loader error about quotes.csv points at (its id here), or None for any other error."""
        if error.file.name != CORE_FILES["quotes"] or error.row is None:
            return None
        saved = self.tables()["quotes"]
        if not 1 <= error.row <= len(saved):
            return None
        return str(self.quotes.at[saved.index[error.row - 1], "quote_id"])

    def _final_ids(self, ordered: list[str]) -> dict[str, str]:
        """Quote ids of the saved file: a q-id already saved keeps it (other tables may point to it)."""
        kept = {q for q in ordered if re.fullmatch(r"q[0-9]+", q)}
        numbers = (f"q{n:02d}" for n in range(1, 10_000) if f"q{n:02d}" not in kept)
        return {q: q if q in kept else next(numbers) for q in ordered}

    def descriptor_for(self, name: str) -> dict[str, Any]:
        descriptor = json.loads(json.dumps(self.descriptor))  # a deep copy
        keep = set(CORE_FILES) | set(self.extra_resources)
        descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] in keep]
        for resource in descriptor["resources"]:
            if resource["name"] in CORE_FILES:
                resource["path"] = CORE_FILES[resource["name"]]
        descriptor["name"] = name
        descriptor["title"] = f"{self.meta.get('headline', name)} ({self.meta.get('outlet', 'unknown outlet')})"
        descriptor["article"] = {**self.meta, "review_status": self.review_status()}
        descriptor.pop("sources", None)
        return descriptor

    def write(self, folder: Path, name: str) -> None:
        """Write every file of the article folder `name` into `folder` (which must not exist yet)."""
        folder.mkdir(parents=True)
        self.meta["text_file"] = "article.txt"
        text = BLOCK_SEPARATOR.join(self.blocks["text"].astype(str)) + "\n"
        (folder / "article.txt").write_text(text, encoding="utf-8")
        descriptor = self.descriptor_for(name)
        for name, table in self.tables().items():
            write_csv(folder / CORE_FILES[name], table, field_names(descriptor, name))
        for name, source in self.extra_resources.items():
            resource = next(r for r in descriptor["resources"] if r["name"] == name)
            shutil.copyfile(source, folder / resource["path"])
        (folder / "datapackage.json").write_text(
            json.dumps(descriptor, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )

    def check(self, folder: str | Path) -> None:
        """Write and load in a temporary folder only: raises the loader's DataError, or returns None."""
        target = Path(folder)
        temporary = self._validated_copy(target)
        shutil.rmtree(temporary)

    def save(self, folder: str | Path) -> SaveReport:
        """Write the article folder atomically: nothing changes on disk unless the loader accepts it."""
        target = Path(folder)
        temporary = self._validated_copy(target)
        previous = target.parent / f".{target.name}.previous"
        kept = None
        if same_files(temporary, target):  # nothing new: keep the folder, and the version before it, as they are
            shutil.rmtree(temporary)
            return self._report(target, previous if previous.exists() else None)
        if target.exists():
            if previous.exists():
                shutil.rmtree(previous)
            target.rename(previous)
            kept = previous
        try:
            temporary.rename(target)
        except OSError:
            # Another save of the same content got there first (the same notebook run twice at once).
            if same_files(temporary, target):
                shutil.rmtree(temporary, ignore_errors=True)
                return self._report(target, kept)
            if kept is not None and not target.exists():
                previous.rename(target)
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        return self._report(target, kept)

    def _report(self, target: Path, previous: Path | None) -> SaveReport:
        tables = self.tables()
        return SaveReport(
            target,
            len(tables["quotes"]),
            len(tables["speakers"]),
            self.waiting(),
            self.review_status(),
            previous,
            len(tables["events"]),
        )

    def _validated_copy(self, target: Path) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}.saving"
        try:
            self.write(temporary, target.name)
            load_article(temporary.name, temporary.parent)
        except DataError as error:
            shutil.rmtree(temporary, ignore_errors=True)
            # Name the file the person is saving, not the temporary copy that was checked.
            raise DataError(
                target / error.file.name,
                self._explained(error),
                row=error.row,
                line=error.line,
                column=error.column,
            ) from None
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        return temporary


def _mark_deliberate_overlaps(kept: pd.DataFrame) -> None:
    """Rows a person kept that share one span (one statement given to two speakers: "both ministers said …") or hold
    one inside the other (a quotation within a longer statement) carry the marker data/README.md asks for, naming
    the saved ids; any other overlap is left for the loader to refuse, with its message."""
    rows = list(kept.index)
    for position, first in enumerate(rows):
        for second in rows[position + 1 :]:
            one, two = kept.loc[first], kept.loc[second]
            if int(one["block"]) != int(two["block"]) or says_unreviewed(one["note"]) or says_unreviewed(two["note"]):
                continue
            a, b = (int(one["start"]), int(one["end"])), (int(two["start"]), int(two["end"]))
            nested = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
            if not nested or two["quote_id"] in marked_overlaps(one["note"]):
                continue
            named = marked_overlaps(two["note"])
            if one["quote_id"] not in named:
                note = OVERLAP_MARKER.sub("", str(two["note"] or "")).strip()
                kept.at[second, "note"] = f"{note} {overlap_marker([*named, one['quote_id']])}".strip()


# Every article can have voices of no side, and voices nobody can place, whatever its own sides.
ALWAYS_SIDES = ("independent", "unclear")


def with_sides(descriptor: dict[str, Any], sides: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """A copy of `descriptor` whose speakers may take `sides` (as ids: "North Valdia" → "north_valdia") and the
    sides every article has, in place of the template's: an article about another crisis has other sides."""
    if isinstance(sides, str) or not all(isinstance(side, str) and side.strip() for side in sides):
        raise ValueError("sides should be a list of names in quotation marks, e.g. sides=['government', 'rebels']")
    for side in sides:
        # slug() would make every such name the same stand-in id, "speaker": two sides would become one.
        if not makes_an_id(side):
            raise ValueError(
                f"the side {side!r} has no Latin letter or digit to make its id from (a side is written in "
                "speakers.csv as lowercase Latin letters, digits and _): name it in Latin letters, e.g. 'russia'"
            )
    own = list(dict.fromkeys([slug(side) for side in sides] + list(ALWAYS_SIDES)))
    copy = json.loads(json.dumps(descriptor))
    for resource in copy["resources"]:
        if resource["name"] == "speakers":
            for field in resource["schema"]["fields"]:
                if field["name"] == "side":
                    field.setdefault("constraints", {})["enum"] = own
    return copy


def parties_among(descriptor: dict[str, Any]) -> list[str] | None:
    """The two sides in conflict (lesson 06's rubric) when the speakers' side list starts with two of its own."""
    parties = [side for side in allowed_values(descriptor, "speakers", "side") if side not in ALWAYS_SIDES][:2]
    return parties if len(parties) == 2 else None


def calendar_fields(time_words: str, published: Any) -> dict[str, Any] | None:
    """The event columns lesson 04's calendar fills in for `time_words`, counted from `published`; None when it
    cannot place them. The one place a date reading becomes an event's dates (the tool, the finder's proposals)."""
    reading = date_reading(time_words, published)
    if not reading.placed:
        return None
    return {
        "date_start": f"{reading.start:%Y-%m-%d}",
        "date_end": f"{reading.end:%Y-%m-%d}",
        "date_candidates": join_list([f"{day:%Y-%m-%d}" for day in reading.candidates]) or None,
        "certainty": reading.certainty,
        "resolved_by": "publication_date",
        "resolution_source": f"published {pd.Timestamp(published):%A %d %B %Y}: {reading.rule}",
    }


def proposed_events(blocks: pd.DataFrame, published: Any, descriptor: dict[str, Any]) -> pd.DataFrame:
    """The finder's proposed events, dated by the calendar from `published`: all unreviewed.

    A proposal the calendar cannot date, or whose type this article's schema does not allow, is left
    out: an event row needs its dates, and the person adds it in the Events tab with dates they give.
    """
    found = find_events(blocks)
    if published is None or found.empty:
        return found.iloc[0:0]
    allowed = set(allowed_values(descriptor, "events", "event_type"))
    rows = []
    for row in found.to_dict("records"):
        fields = calendar_fields(row["time_words"], published)
        if fields is None or (allowed and row["event_type"] not in allowed):
            continue
        rows.append({**row, **fields, "note": f"Proposed by the finder ({UNREVIEWED}). {row['note']}"})
    return pd.DataFrame(rows)
