"""Where sentences start and end in a block whose quotations are known."""

from __future__ import annotations

import re

from crisis_reading.finder.lexicon import ABBREVIATIONS
from crisis_reading.finder.quote_marks import QuoteSpan

LAST_WORD = re.compile(r"([\w.]+)$")
MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
SENTENCE_BOUNDARY = re.compile(r"[.?!]+([”\"’)]*)(?=\s+[“\"‘(A-Z0-9]|\s*$)")


def sentence_bounds(text: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Rule "sentences": a sentence ends at . ? ! (and a closing mark after it) before a capital or the block's end;
    a full stop inside a quotation ends the sentence only where the quotation closes, and abbreviations
    (Mr., Dr., U.S.) and initials do not end one."""
    inside = _interior_index(text, spans)
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_BOUNDARY.finditer(text):
        stop = match.start()
        if inside[stop] and not match.group(1):
            continue
        word = LAST_WORD.search(text, max(start, stop - 24), stop)
        if word and (word.group(1).lower() in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.group(1))):
            continue
        if word and word.group(1).lower() in MONTHS and re.match(r"\s+\d", text[match.end() :]):
            continue  # "set for Dec. 7": a month before its day (a month ending a sentence still ends it: "late Oct.")
        bounds.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


class _Interior:
    """position in inside: True when the position is within a quotation's words."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = spans

    def __getitem__(self, position: int) -> bool:
        return any(span.start <= position < span.end for span in self.spans)


def _interior_index(text: str, spans: list[QuoteSpan]) -> _Interior:
    return _Interior(spans)


def sentence_of(bounds: list[tuple[int, int]], position: int) -> int:
    for index, (start, end) in enumerate(bounds):
        if start <= position < end:
            return index
    return len(bounds) - 1
