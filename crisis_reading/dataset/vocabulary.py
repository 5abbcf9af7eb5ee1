"""The words and characters the data conventions fix, written once for every layer (data/README.md).

The loader checks against them, the quote finder builds its patterns from them and the annotation
tool writes with them, so a convention changed here changes everywhere at once.
"""

from __future__ import annotations

import re
import unicodedata

# How a statement is reported: in the speaker's words, a phrase of them inside the reporter's sentence,
# or in the reporter's words only.
KINDS = ("direct", "partial", "indirect")

# How far a person has checked an article's tables: a folder made by the scaffold starts "unreviewed".
REVIEWED, IN_REVIEW, UNREVIEWED = "reviewed", "in_review", "unreviewed"
REVIEW_STATUSES = (UNREVIEWED, IN_REVIEW, REVIEWED)
# How a proposed speaker's side_basis begins until a person gives the side (the finder leaves every side "unclear":
# the article may not let anyone tell, but that is a person's judgement, written in side_basis, not the finder's).
SIDE_NOT_JUDGED = "Not judged yet"


def says_unreviewed(note) -> bool:
    """A row's note says no person has checked it yet ("Proposed by the finder (unreviewed)"), as data/README.md
    asks of every row the finder proposed."""
    return UNREVIEWED in str(note or "").lower()


def side_not_judged(side_basis) -> bool:
    """A speaker's side_basis is still the finder's placeholder: nobody has judged the side."""
    return str(side_basis or "").startswith(SIDE_NOT_JUDGED)


# What an answer key is to the quote finder: one whose text its rules may be written against (development), or
# one it is only ever scored on (held_out), in a datapackage's article block as "finder_key".
DEVELOPMENT_KEY, HELD_OUT_KEY = "development", "held_out"
FINDER_KEY_USES = (DEVELOPMENT_KEY, HELD_OUT_KEY)

# The speaker id of a statement the article attributes to no one it names.
UNATTRIBUTED = "unattributed"

# Quotation marks as news text uses them: curly double marks, the straight mark typed for both, and
# single marks for a quotation inside a quotation (’ is also the apostrophe).
DOUBLE_OPENING, DOUBLE_CLOSING = "“", "”"
SINGLE_OPENING, SINGLE_CLOSING = "‘", "’"
STRAIGHT_DOUBLE, STRAIGHT_SINGLE = '"', "'"
# A closing double mark typed as two apostrophes (’’ or ''), as copy from some systems has it.
DOUBLED_CLOSINGS = (SINGLE_CLOSING * 2, STRAIGHT_SINGLE * 2)
OPENING_MARKS = (DOUBLE_OPENING, STRAIGHT_DOUBLE)
CLOSING_MARKS = (DOUBLE_CLOSING, STRAIGHT_DOUBLE)
DOUBLE_MARKS = DOUBLE_OPENING + DOUBLE_CLOSING + STRAIGHT_DOUBLE
ALL_MARKS = DOUBLE_MARKS + SINGLE_OPENING + SINGLE_CLOSING + STRAIGHT_SINGLE

# The calendar's words, as news text writes them (the dates lesson counts from them, the finder looks for them).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# A cell that holds several items joins them with " | " (names_as_written, date_candidates, …).
LIST_SEPARATOR = " | "
# Blocks are separated by one blank line in article.txt.
BLOCK_SEPARATOR = "\n\n"


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun, singular for one and plural otherwise: (1, "proposed event") → "1 proposed event",
    (0, "quote") → "0 quotes". `plural` for a noun that does not just add an s: (2, "entry", "entries")."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def split_list(value: str | None) -> list[str]:
    """The items of a list cell: "Stoltenberg | he" → ["Stoltenberg", "he"]; an empty cell (None, or pandas'
    NaN) → []."""
    if not isinstance(value, str):
        return []
    return [item for item in value.split(LIST_SEPARATOR) if item]


def join_list(items) -> str:
    """The list cell for some items, in order."""
    return LIST_SEPARATOR.join(str(item) for item in items)


def slug(name: str) -> str:
    """An id from a name: lower-case ASCII letters, digits and underscores, starting with a letter.

    "Lucía Ferrandel" → "lucia_ferrandel"; an apostrophe inside a name joins it ("Sean O’Brien" →
    "sean_obrien"), since it is one name, not two words.
    """
    ident = _id_letters(name)
    if not ident:
        return "speaker"
    return ident if ident[0].isalpha() else f"s_{ident}"


def makes_an_id(name: str) -> bool:
    """Whether `name` holds a Latin letter or digit for slug() to keep ("Côte d’Ivoire" does; "Россия" and "!!" do
    not, and slug() would give each the stand-in "speaker")."""
    return bool(_id_letters(name))


def _id_letters(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    plain = plain.replace("'", "")  # NFKD keeps ' and drops ’; both join a name
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


# A quote row whose words deliberately share characters with another row of the same block (one statement attributed
# jointly to two speakers, or a quotation inside a longer statement) says so in its note: "[overlaps q07]", several
# ids " | "-separated. Any other overlap is an error (data/README.md, quotes.csv).
OVERLAP_MARKER = re.compile(r"\[overlaps ([^\]]*)\]")


def overlap_marker(quote_ids) -> str:
    """The marker a note carries for the rows it deliberately overlaps: ["q07"] → "[overlaps q07]"."""
    return f"[overlaps {join_list(quote_ids)}]"


def marked_overlaps(note: str | None) -> list[str]:
    """The quote ids a note's "[overlaps …]" marker names; [] when it has none."""
    if not isinstance(note, str) or "[overlaps" not in note:
        return []
    return [quote_id.strip() for found in OVERLAP_MARKER.finditer(note) for quote_id in split_list(found.group(1))]
