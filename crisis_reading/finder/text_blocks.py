"""From a plain-text article to the blocks table: split it, and guess what each block does, for a person to correct.

The guesses follow the conventions of a news page, one rule each (the vocabulary is data/README.md's):

- headline: the first block;
- caption: a block ending with a photo credit in brackets ("… [Olivier Hoslet/Pool via Reuters]");
- credit: a source or byline line at the end ("Source: Al Jazeera", "Reporting by …"), or a byline under the
  headline ("By Ana Ruiz and Tom Hale");
- lede: the first block that opens with a dateline ("Brussels, Belgium – …", "KYIV (Reuters) -");
  without a dateline, the first story paragraph;
- standfirst: a sentence between the headline and the lede that is not a caption;
- graphic: a short line without sentence punctuation inside the story (the title of a map or chart);
- nut_graf: the story paragraph right after the lede (where wire style says why the story matters);
- quote_paragraph: a paragraph that opens with a quotation mark, or whose words are mostly quotation;
- kicker: the last story paragraph;
- body: any other paragraph.
"""

from __future__ import annotations

import re

import pandas as pd

from crisis_reading.dataset.schema import columns
from crisis_reading.finder.quote_marks import opens_with_quotation, quote_spans

BLOCK_COLUMNS = columns("blocks")
CAPTION = re.compile(r"\[[^\[\]]{3,120}\]\s*$|\((?:Photo|Picture|Image)[^()]*\)\s*$", re.IGNORECASE)
CREDIT = re.compile(
    r"^\s*(?:Source|Sources|Reporting by|Additional reporting|Editing by|Written by|By|With reporting by)\b[:\s]",
    re.IGNORECASE,
)
DATELINE = re.compile(
    r"^\s*[A-Z][\w’'.-]*(?:[ ,]+[A-Z][\w’'.-]*){0,3}\s*(?:\([^()]{1,30}\)\s*)?[–—-]\s+\S"
    r"|^\s*[A-Z]{3,}(?:[ ,]+[A-Z][\w’'.-]*)*\s*[,:]\s"
)
BYLINE = re.compile(
    r"\s*By\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:\s*(?:and|,)\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})*\s*$"
)
ENDS_LIKE_A_SENTENCE = re.compile(r"[.?!…][”’\"')\]]*\s*$")


def split_blocks(text: str) -> list[str]:
    """Blocks at blank lines; a text with no blank line is split one block per non-empty line."""
    text = text.replace("\r\n", "\n").strip("\n")
    if re.search(r"\n\s*\n", text):
        parts = re.split(r"\n\s*\n", text)
    else:
        parts = text.split("\n")
    return [part.strip() for part in parts if part.strip()]


def quoted_share(text: str) -> float:
    """The share of a block's words that stand inside quotation marks."""
    words = len(text.split())
    quoted = sum(len(text[span.start : span.end].split()) for span in quote_spans(text))
    return quoted / words if words else 0.0


def is_quote_paragraph(text: str) -> bool:
    """Rule "quote paragraph": opens with a quotation mark, or more than half its words are quotation."""
    return opens_with_quotation(text) or quoted_share(text) > 0.5


def is_graphic(text: str) -> bool:
    """Rule "graphic": a short title line (at most eight words) with no sentence punctuation at its end."""
    return len(text.split()) <= 8 and not ENDS_LIKE_A_SENTENCE.search(text) and not CAPTION.search(text)


# "Source: Al Jazeera", up to the first full stop: a credit line may carry a notice after it.
OUTLET_CREDIT = re.compile(r"^\s*Sources?:\s*(.+?)\s*(?:\.\s|\.?$)")
# "By Tom Hale, Vale Courier", "By Ana Ruiz for the Harbour Times": a byline that names the outlet after the names
BYLINE_OUTLET = re.compile(
    r"^\s*By\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:\s+and\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})?"
    r"\s*(?:,|\bfor|\bof|[–—|])\s*(?:the\s+)?((?:The\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4})\s*\.?\s*$"
)


def outlet_from_credit(texts) -> str | None:
    """Rule "outlet from the credit": the outlet a "Source: …" line names, in the last blocks of an article, else
    the one a byline names after the reporters' names ("By Tom Hale, Vale Courier"), at its end or under the
    headline."""
    texts = [str(text) for text in texts]
    for text in reversed(texts[-3:]):
        found = OUTLET_CREDIT.match(text)
        if found:
            return found.group(1)
    for text in [*reversed(texts[-3:]), *texts[1:3]]:
        found = BYLINE_OUTLET.match(text)
        if found and len(text.split()) <= 14:
            return found.group(1)
    return None


def is_credit(text: str) -> bool:
    """Rule "credit": a "Source: …" line (which may carry a notice after it), or a short byline line."""
    return bool(re.match(r"\s*Sources?:", text)) or (bool(CREDIT.match(text)) and len(text.split()) <= 12)


def guess_functions(blocks: list[str]) -> list[str]:
    """One function per block, by the rules in the module docstring."""
    functions = ["body"] * len(blocks)
    if not blocks:
        return functions
    functions[0] = "headline"
    last_story = len(blocks) - 1
    while last_story > 0 and is_credit(blocks[last_story]):
        functions[last_story] = "credit"
        last_story -= 1
    for index in range(1, last_story + 1):
        if CAPTION.search(blocks[index]):
            functions[index] = "caption"
        elif index <= 3 and BYLINE.match(blocks[index]):
            functions[index] = "credit"
    lede = next((i for i in range(1, last_story + 1) if DATELINE.match(blocks[i]) and functions[i] == "body"), None)
    if lede is not None:
        for index in range(1, lede):
            if functions[index] == "body":
                functions[index] = "standfirst" if "standfirst" not in functions else "body"
    else:
        lede = next((i for i in range(1, last_story + 1) if functions[i] == "body"), None)
    if lede is None:
        return functions
    functions[lede] = "lede"
    for index in range(lede + 1, last_story + 1):
        if functions[index] != "body":
            continue
        if is_graphic(blocks[index]):
            functions[index] = "graphic"
        elif is_quote_paragraph(blocks[index]):
            functions[index] = "quote_paragraph"
    story = [i for i in range(lede + 1, last_story + 1) if functions[i] in ("body", "quote_paragraph")]
    if story and functions[story[0]] == "body" and story[0] == lede + 1:
        functions[story[0]] = "nut_graf"
    if story and story[-1] != lede + 1:
        functions[story[-1]] = "kicker"
    return functions


def blocks_from_text(text: str) -> pd.DataFrame:
    """The blocks table (block, function, text) of a plain-text article, headline first; functions are guesses."""
    blocks = split_blocks(text)
    return pd.DataFrame(
        {
            "block": list(range(1, len(blocks) + 1)),
            "function": guess_functions(blocks),
            "text": blocks,
        },
        columns=BLOCK_COLUMNS,
    )


def function_agreement(guessed: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """Guessed against hand-made functions, block by block, with a column agree (True/False)."""
    both = guessed[["block", "function"]].merge(
        key[["block", "function"]], on="block", how="outer", suffixes=("_guessed", "_key")
    )
    both["agree"] = both["function_guessed"] == both["function_key"]
    return both
