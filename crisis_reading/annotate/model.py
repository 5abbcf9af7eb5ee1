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

import json
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from crisis_reading.dataset.article import Article, load_article
from crisis_reading.dataset.datapackage import allowed_values, field_names, read_descriptor
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.paths import DEFAULT_ARTICLE, data_dir
from crisis_reading.dataset.schema import columns, core_tables, file_name
from crisis_reading.dataset.vocabulary import BLOCK_SEPARATOR, IN_REVIEW, KINDS, REVIEWED, UNREVIEWED, slug
from crisis_reading.dataset.writer import clean_cell, same_files, write_csv

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


@dataclass(frozen=True)
class SaveReport:
    """What a save wrote."""

    folder: Path
    quotes: int
    speakers: int
    still_to_review: int
    review_status: str
    previous: Path | None

    def __str__(self) -> str:
        kept = f"; the version before is kept in {self.previous}" if self.previous else ""
        return (
            f"Saved {self.quotes} quotes and {self.speakers} speakers to {self.folder} "
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
    ) -> None:
        self.descriptor = descriptor  # the template: every table's schema, from an existing article folder
        self.blocks = blocks[columns("blocks")].reset_index(drop=True)
        self.meta = dict(meta)
        self.quotes = self._rows(quotes, "quotes")
        self.speakers = self._rows(speakers, "speakers")
        self.events = self._rows(events if events is not None else pd.DataFrame(), "events")
        self.status = {qid: (status or {}).get(qid, PENDING) for qid in self.quotes["quote_id"]}
        self.extra_resources = dict(extra_resources or {})  # name -> file, carried over unchanged
        self.added_speakers: set[str] = set()  # saved even before a quote is attributed to them
        self.position = 0
        self.proposal: Any = None  # the finder's result this annotation started from, if it did

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
        meta = {**meta, "text_file": "article.txt"}
        quotes = proposed.quotes.copy()
        # Every proposal says it is unreviewed, so a saved folder shows which rows a person has checked.
        quotes["note"] = [
            note
            if UNREVIEWED in str(note or "").lower()
            else f"Proposed by the finder ({UNREVIEWED}). {note or ''}".strip()
            for note in quotes["note"]
        ]
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
        fresh = Annotation(self.blocks, self.meta, quotes, proposed.speakers, self.descriptor, self.events)
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
            row.quote_id: PENDING if UNREVIEWED in str(row.note or "").lower() else ACCEPTED
            for row in article.quotes.itertuples()
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
    def accept(self, quote_id: str) -> None:
        self.quote(quote_id)
        self.status[quote_id] = ACCEPTED

    def reject(self, quote_id: str) -> None:
        self.quote(quote_id)
        self.status[quote_id] = REJECTED

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
        for column, value in changes.items():
            self.quotes.at[index, column] = clean_cell(value)
        if changed:
            self.quotes.at[index, "note"] = f"Reviewed: corrected {', '.join(changed)}."
        self.status[quote_id] = ACCEPTED

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
        self.quotes = pd.concat([self.quotes, pd.DataFrame([row], dtype=object)], ignore_index=True)
        self.status[new_id] = ACCEPTED
        return new_id

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
    def review_status(self) -> str:
        counts = self.counts()
        if counts[PENDING] == 0:
            return REVIEWED
        return IN_REVIEW if counts[ACCEPTED] + counts[REJECTED] else UNREVIEWED

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables a save writes: kept quotes numbered q01… in reading order, their speakers."""
        kept = self.quotes.loc[[self.status[q] != REJECTED for q in self.quotes["quote_id"]]].copy()
        kept = kept.assign(_b=kept["block"].astype(int), _s=kept["start"].astype(int))
        kept = kept.sort_values(["_b", "_s"], kind="stable").drop(columns=["_b", "_s"])
        new_ids = self._final_ids(kept["quote_id"].tolist())
        kept["continues_quote"] = [new_ids.get(q, q) if q else None for q in kept["continues_quote"]]
        kept["quote_id"] = [new_ids[q] for q in kept["quote_id"]]
        for index in kept.index:
            original = self.quotes.at[index, "quote_id"]
            note = kept.at[index, "note"]
            if self.status[original] == ACCEPTED and UNREVIEWED in str(note or "").lower():
                kept.at[index, "note"] = (
                    str(note).replace(f"({UNREVIEWED})", "(accepted by a person)")
                    if f"({UNREVIEWED})" in str(note)
                    else "Accepted by a person."
                )
        # A proposed speaker left without quotes was only a guess and goes; one a person added stays
        # (and the loader then asks for a quote of theirs).
        used = set(kept["speaker_id"]) | self.added_speakers
        speakers = self.speakers[self.speakers["speaker_id"].isin(used)].copy()
        interviewed = set(kept.loc[kept["channel"] == "outlet_interview", "speaker_id"])
        speakers["interviewed_by_outlet"] = speakers["speaker_id"].isin(interviewed)
        return {"blocks": self.blocks, "speakers": speakers, "quotes": kept, "events": self.events}

    def _explained(self, error: DataError) -> str:
        """The loader's problem, with what it means for a person using this tool when the loader cannot know."""
        name = error.file.name
        if name == CORE_FILES["events"] and self.events.empty and self.review_status() == REVIEWED:
            return (
                f"{error.problem}. Every quote is reviewed, so the article would be saved as reviewed, and a reviewed "
                "article needs its events (lesson 04): add rows to events.csv (data/README.md says how), or leave "
                "one proposal waiting for review to save it as in review"
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
            self.counts()[PENDING],
            self.review_status(),
            previous,
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


def open_annotation(folder: str | Path, start: Any, blocks: pd.DataFrame | None = None) -> Annotation:
    """Go on with the saved folder if there is one, else start afresh with `start()`.

    Running a notebook again then never throws away corrections saved before. A saved folder
    that no longer loads, or whose text differs from `blocks` (the article was edited since),
    is left where it is, and work starts afresh: the next save keeps it as `.<name>.previous`.
    """
    folder = Path(folder)
    if not (folder / "datapackage.json").exists():
        return start()
    try:
        saved = Annotation.from_folder(folder)
    except DataError as error:
        print(f"Your saved annotation in {folder} no longer loads ({error}).")
    else:
        if blocks is None or saved.blocks["text"].tolist() == blocks["text"].astype(str).tolist():
            return saved
        print(f"The article's text has changed since you saved {folder}.")
    print("Starting again from the finder's proposals; your next save keeps the old folder beside it as a backup.")
    return start()
