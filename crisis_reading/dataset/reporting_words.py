"""The words news writing attributes with, as a table: reporting_words.csv beside this module.

One row per word: its forms as written, its part of speech, the frames it takes, and its tone. The
quote finder builds its patterns from it (crisis_reading.finder.lexicon) and lesson 03 reads the tone
of each attribution verb from it (crisis_reading.analysis.quoting), so a verb added to the table is
found by the finder and weighed by the lesson alike, without editing code. An instructor can also
keep words of their own in a file of the same columns and name it in $CRISIS_READING_REPORTING_WORDS.
data/README.md documents the columns; a row the reader cannot use stops with one message naming its line
and what to change.

Frames (how the word carries what was said):
  that_clause    said that the talks were over; without "that", only words that read as a clause (added
                 the talks had failed, but not added two brigades)
  bare_clause    said the talks were over: what follows is reported even when it does not show a verb
  listener       told reporters (that) …: a listener comes first
  object         condemned the decision, wants NATO to …: a position held about something
  to_infinitive  urged the ministers to decide: reports only what has "to"
  infinitive     vowed to fight the closure: "to" and a verb right after the word is what was said
  passive_as     was slammed as “a non-starter”: a judgement with no speaker named
  passive_of     is accused of hiding the report
  clause_before  the talks were over, according to officials
  from_speaker   allegations from Kyiv that …: the voices follow the noun
  possessive_that  the envoy’s claim that …: the possessor said it
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.vocabulary import split_list

FILE_NAME = "reporting_words.csv"
COLUMNS = ("word", "part_of_speech", "forms", "frames", "tone")
PARTS_OF_SPEECH = ("verb", "phrase", "noun", "preposition")
FRAMES = (
    "that_clause",
    "bare_clause",
    "listener",
    "object",
    "to_infinitive",
    "infinitive",
    "gerund",
    "that_only",
    "passive_to",
    "unattributed_that",
    "introduces",
    "passive_as",
    "passive_of",
    "clause_before",
    "from_speaker",
    "possessive_that",
    "whether_clause",
)
TONES = ("neutral", "judgement")  # empty: neither; lesson 03 leaves it to the student to weigh


@dataclass(frozen=True)
class ReportingWord:
    word: str
    part_of_speech: str
    forms: tuple[str, ...]
    frames: tuple[str, ...]
    tone: str | None


# An instructor's own words, in a table of the same columns, added to the package's (read once per process).
EXTRA_ENV_VAR = "CRISIS_READING_REPORTING_WORDS"


@cache
def reporting_words() -> tuple[ReportingWord, ...]:
    """Every row of the package's reporting_words.csv, then of the file $CRISIS_READING_REPORTING_WORDS names."""
    text = files(__package__).joinpath(FILE_NAME).read_text(encoding="utf-8")
    words = read_reporting_words(text, Path("crisis_reading/dataset") / FILE_NAME)  # named as the README names it
    extra = os.environ.get(EXTRA_ENV_VAR)
    if extra:
        path = Path(extra)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problem = f"cannot be read as a UTF-8 table ({type(error).__name__}); check {EXTRA_ENV_VAR}"
            raise DataError(path, problem) from None
        words += read_reporting_words(text, path)
    return words


def read_reporting_words(text: str, path: Path) -> tuple[ReportingWord, ...]:
    """The rows of a reporting-words table, or a DataError naming the line and the value to change."""
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise DataError(path, f"the header should be {','.join(COLUMNS)}", line=1)
    words = []
    for row_number, row in enumerate(reader, start=1):

        def refuse(column: str, problem: str, row_number: int = row_number) -> DataError:
            return DataError(path, problem, row=row_number, line=row_number + 1, column=column)

        if not (row["word"] or "").strip():
            raise refuse("word", "every row needs its word")
        if row["part_of_speech"] not in PARTS_OF_SPEECH:
            raise refuse("part_of_speech", f"{row['part_of_speech']!r}: use one of {', '.join(PARTS_OF_SPEECH)}")
        forms = tuple(split_list(row["forms"]))
        if not forms or any(not piece.strip() for piece in (row["forms"] or "").split("|")):
            raise refuse("forms", "list every form as written, separated by ' | ' (say | says | said | saying)")
        frames = tuple(split_list(row["frames"]))
        unknown = [frame for frame in frames if frame not in FRAMES]
        if not frames or unknown:
            raise refuse("frames", f"{', '.join(unknown) or 'none'}: frames are {', '.join(FRAMES)}")
        tone = (row["tone"] or "").strip() or None
        if tone is not None and tone not in TONES:
            raise refuse("tone", f"{tone!r}: use {' or '.join(TONES)}, or leave it empty")
        words.append(ReportingWord(row["word"].strip(), row["part_of_speech"], forms, frames, tone))
    return tuple(words)


def forms_with(frame: str, part_of_speech: str | None = None) -> list[str]:
    """Every form, as written, of the words that take `frame` (and are of `part_of_speech`, if given)."""
    if frame not in FRAMES:
        raise ValueError(f"no frame {frame!r}; the frames are {', '.join(FRAMES)}")
    return [
        form
        for word in reporting_words()
        if frame in word.frames and part_of_speech in (None, word.part_of_speech)
        for form in word.forms
    ]


def forms_of_tone(tone: str) -> set[str]:
    """Every form of the verbs of this tone; a judging verb used in the passive ("slammed as") counts too."""
    forms = set()
    for word in reporting_words():
        if word.tone == tone:
            forms |= set(word.forms)
            if "passive_as" in word.frames:
                forms |= {f"{form} as" for form in word.forms}
    return forms
