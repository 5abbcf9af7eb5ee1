"""Propose the events an article dates with its own words: a time phrase in a sentence that names a happening.

A report dates its events relative to the day it is published ("Wednesday’s meeting", "talks
next week", "shelling on Tuesday"). The finder proposes one event for each time phrase that
stands in a sentence with a word for a meeting, a call, a visit, a statement or an attack, and
guesses its type from that word. It reads no dates: pinning the words to the calendar is the
dates lesson's job (crisis_reading.analysis.dates), and the annotation tool does it. Every
proposal is a guess for a person to review, like the finder's quotes.
"""

from __future__ import annotations

import re

import pandas as pd

from crisis_reading.dataset.vocabulary import MONTHS, WEEKDAYS
from crisis_reading.finder.quote_marks import quote_spans
from crisis_reading.finder.sentences import sentence_bounds

_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(MONTHS)
_POSSESSIVE = r"(?:[’']s)?"
# The article's own words for a time, longest forms first so "last Tuesday’s" wins over "Tuesday".
TIME_PHRASE = re.compile(
    "|".join(
        [
            rf"\b(?:[Oo]n |[Ll]ast |[Nn]ext |[Tt]his coming |[Ss]ince |[Bb]y |[Uu]ntil )?(?:{_WEEKDAY}){_POSSESSIVE}"
            r"(?: (?:morning|afternoon|evening|night))?",
            rf"\b(?:[Aa]t |[Bb]y )?[Tt]he (?:end|start|beginning|middle) of (?:last|this|next) "
            rf"(?:week|month|year){_POSSESSIVE}",
            rf"\b(?:[Ee]arlier |[Ll]ater )?(?:[Tt]his past|[Ll]ast|[Nn]ext|[Tt]his) (?:week|month|year){_POSSESSIVE}",
            rf"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow){_POSSESSIVE}",
            rf"(?<!\d )\b(?:[Ii]n |[Ss]ince )?(?:early |late |mid-)?(?:{_MONTH})\b(?! \d)",  # not a dateline's date
            r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:day|week|month|year)s? ago\b",
        ]
    )
)

# The word that names the happening decides the type the finder guesses (data/README.md's event types).
EVENT_WORDS = [
    ("press_conference", r"press conference|news conference|briefing|told reporters|told journalists"),
    ("interview", r"interview"),
    ("call", r"phone call|call with|phoned|spoke by phone|video call|telephone"),
    ("visit", r"visit(?:s|ed|ing)?|trip|toured"),
    ("military", r"shell(?:ing|ed)|strikes?|attack(?:s|ed)?|fired|clash(?:es|ed)?|drills?|offensive"),
    ("meeting", r"meet(?:s|ing|ings)?|met|talks|summit|session|negotiations|vote[sd]?|council|agreed|signed|deal"),
    ("statement", r"statement|announce(?:d|ment)|declared|said|says|told|warned|insisted"),
]
_EVENT_WORD = re.compile(
    r"\b(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in EVENT_WORDS) + r")\b", re.IGNORECASE
)

# A proposal's description says it is a placeholder: a person describes the event before keeping it.
PLACEHOLDER_END = ": say what happened"
EVENT_COLUMNS = ["event_id", "description", "event_type", "block", "time_words", "mentioned_in_blocks", "note"]
_LABELS = {
    "press_conference": "A press conference",
    "interview": "An interview",
    "call": "A call",
    "visit": "A visit",
    "military": "A military event",
    "meeting": "A meeting",
    "statement": "A statement",
}


def find_events(blocks: pd.DataFrame) -> pd.DataFrame:
    """One proposed event per time phrase that shares a sentence with an event word, in reading order."""
    rows = []
    for block, text in zip(blocks["block"].astype(int), blocks["text"].astype(str), strict=True):
        if _is_headline_or_credit(blocks, block):
            continue
        for start, end in sentence_bounds(text, quote_spans(text)):
            sentence = text[start:end]
            kinds = [match.lastgroup for match in _EVENT_WORD.finditer(sentence)]
            if not kinds:
                continue
            kind = min(kinds, key=[name for name, _ in EVENT_WORDS].index)  # the most specific word wins
            for time in TIME_PHRASE.finditer(sentence):
                words = time.group(0)
                rows.append(
                    {
                        "event_id": f"event_{len(rows) + 1:02d}",
                        "description": f"{_LABELS[kind]} dated “{words}” in block {block}{PLACEHOLDER_END}",
                        "event_type": kind,
                        "block": block,
                        "time_words": words,
                        "mentioned_in_blocks": str(block),
                        "note": f"Read off the words “{words}” and “{_word_for(sentence, kind)}”.",
                    }
                )
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def _word_for(sentence: str, kind: str) -> str:
    return next(match.group(0) for match in _EVENT_WORD.finditer(sentence) if match.lastgroup == kind)


def _is_headline_or_credit(blocks: pd.DataFrame, block: int) -> bool:
    """Headlines, captions and credit lines date nothing the body does not date again."""
    if "function" not in blocks.columns:
        return block == int(blocks["block"].min())
    function = blocks.loc[blocks["block"].astype(int) == block, "function"].iloc[0]
    return str(function) in {"headline", "caption", "credit", "graphic"}
