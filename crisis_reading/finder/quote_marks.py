"""Where quotations stand in one paragraph: quotation marks paired the way news style uses them.

Three conventions of news writing decide the pairing, each a function below:

- curly and straight marks: “ opens and ” closes; a straight " opens after a space and closes after a word;
- quotes inside quotes: while a “…” quotation is open, single marks (‘…’, and apostrophes ’) belong to it;
- a quotation that runs on over several paragraphs opens each paragraph with a mark and closes only in the
  last one, so marks are paired within a paragraph, never across paragraphs; a quotation still open at the
  end of a paragraph is reported as not closed, and the next paragraph's opening mark continues it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crisis_reading.dataset.vocabulary import (
    ALL_MARKS,
    DOUBLE_CLOSING,
    DOUBLE_MARKS,
    DOUBLE_OPENING,
    DOUBLED_CLOSINGS,
    SINGLE_CLOSING,
    SINGLE_OPENING,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
)

MARKS = re.compile(f"[{re.escape(ALL_MARKS)}]")
# Masked text stands a filler character in for each quoted character, so patterns over the reporter's
# own words never reach into a quotation: a pattern's {quoted} stands for the filler and the double marks.
MASK = "\x00"
QUOTED = MASK + DOUBLE_MARKS


def with_quoted(pattern: str) -> str:
    """A regular expression with {quoted} replaced by the characters of quotations, for use inside [...]."""
    return pattern.replace("{quoted}", re.escape(QUOTED))


OPENING_CONTEXT = " \t\n([{—–-/"


@dataclass(frozen=True)
class QuoteSpan:
    """The words of one quotation: text[start:end] is exactly what stands between the marks."""

    start: int
    end: int
    closed: bool  # False when the paragraph ends before a closing mark (the quotation runs on)


def straight_mark_opens(text: str, index: int) -> bool:
    """Rule "straight marks": a straight quotation mark opens at the start or after a space or bracket."""
    return index == 0 or text[index - 1] in OPENING_CONTEXT


def is_apostrophe(text: str, index: int) -> bool:
    """Rule "apostrophes": ’ or ' between two letters (don’t, Russia’s) is an apostrophe, not a closing mark."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _double_mark(text: str, index: int) -> str | None:
    """ "open", "close" or None for the character at index, for the double marks that carry quotations."""
    char = text[index]
    if char == DOUBLE_OPENING:
        return "open"
    if char == DOUBLE_CLOSING:
        return "close"
    if char == STRAIGHT_DOUBLE:
        return "open" if straight_mark_opens(text, index) else "close"
    if text.startswith(DOUBLED_CLOSINGS, index):
        return "close"  # Rule "doubled apostrophes": “temporary’’ — a closing mark typed as two apostrophes
    return None


def _single_mark(text: str, index: int) -> str | None:
    """Single marks carry a quotation only in texts that use no double marks (British headline style)."""
    char = text[index]
    if char not in (SINGLE_OPENING, SINGLE_CLOSING, STRAIGHT_SINGLE) or is_apostrophe(text, index):
        return None
    if char == SINGLE_OPENING:
        return "open"
    if char == SINGLE_CLOSING:
        return "close"
    return "open" if straight_mark_opens(text, index) else "close"


def uses_double_marks(text: str) -> bool:
    return any(mark in text for mark in (DOUBLE_OPENING, DOUBLE_CLOSING, STRAIGHT_DOUBLE))


def quote_spans(text: str, marks: str = "auto") -> list[QuoteSpan]:
    """Every top-level quotation in one paragraph, in order.

    marks="double" pairs “…” and "…" (single marks inside are quotes in quotes or apostrophes);
    marks="single" pairs ‘…’ and '…' (apostrophes skipped); "auto" uses double marks when the paragraph has any.
    """
    if marks == "auto":
        marks = "double" if uses_double_marks(text) or SINGLE_OPENING not in text else "single"
    classify = _double_mark if marks == "double" else _single_mark
    spans: list[QuoteSpan] = []
    opened_at: int | None = None
    for found in MARKS.finditer(text):
        index = found.start()
        mark = classify(text, index)
        if mark is None:
            continue
        if mark == "open":
            if opened_at is not None:
                # A second opening mark before any closing one: the first quotation was left open.
                spans.append(_unclosed(text, opened_at, index))
            opened_at = index + 1
        elif opened_at is not None:
            spans.append(QuoteSpan(opened_at, index, closed=True))
            opened_at = None
        # A closing mark with nothing open is a stray mark (or an apostrophe at a word's end): ignored.
    if opened_at is not None:
        spans.append(_unclosed(text, opened_at, len(text)))
    return [span for span in spans if span.end > span.start]


def _unclosed(text: str, start: int, limit: int) -> QuoteSpan:
    end = limit
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, closed=False)


def opens_with_quotation(text: str) -> bool:
    """Rule "running quotation": a paragraph that opens with a quotation mark (after spaces)."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in (DOUBLE_OPENING, STRAIGHT_DOUBLE, SINGLE_OPENING)


def mask_quotations(text: str, spans: list[QuoteSpan], filler: str = MASK) -> str:
    """The text with every quotation's words blanked out (same length), so the reporter's words can be searched."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = filler * (span.end - span.start)
    return "".join(chars)
