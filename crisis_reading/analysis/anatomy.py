"""The parts of an article: what each block does, and what comes first and what is left for the end.

The *story* is the text from the lede to the kicker. The blocks around it (headline, standfirst,
photo caption, credit) frame the story, and the graphic blocks are only the titles of pictures the
original page showed, so neither counts as story text here.
"""

from __future__ import annotations

import pandas as pd

from crisis_reading.analysis.choices import ChoiceError
from crisis_reading.analysis.voices import speaker_summary
from crisis_reading.dataset.article import Article, article_or_course

__all__ = [
    "cut_from_bottom",
    "function_summary",
    "reading_progress",
    "speakers_cut",
    "story_blocks",
]

STORY_FUNCTIONS = ("lede", "nut_graf", "body", "quote_paragraph", "kicker")


def function_summary(article: Article | None = None) -> pd.DataFrame:
    """One row per block function, in the order the functions first appear in the article.

    Columns: `blocks` (how many blocks have this function), `words`, `word_share` (percent of all the
    article's words), `first_block` and `last_block`.
    """
    article = article_or_course(article)
    blocks = article.blocks
    summary = blocks.groupby("function", observed=True, sort=False).agg(
        blocks=("block", "size"),
        words=("words", "sum"),
        first_block=("block", "min"),
        last_block=("block", "max"),
    )
    summary.insert(2, "word_share", (100 * summary["words"] / blocks["words"].sum()).round(1))
    summary.index = summary.index.astype(str)
    return summary.sort_values("first_block")


def story_blocks(article: Article | None = None) -> pd.DataFrame:
    """The story itself, lede to kicker, in reading order; without the graphics' titles."""
    article = article_or_course(article)
    blocks = article.blocks
    story = blocks[blocks["function"].isin(STORY_FUNCTIONS)]
    return story[["block", "function", "words", "text"]].reset_index(drop=True)


def reading_progress(article: Article | None = None) -> pd.DataFrame:
    """Each story block with how much of the story a reader has read by the end of it.

    Columns: `block`, `function`, `words`, `words_read` (story words up to and including this block)
    and `share_read` (the same as a percent of all the story's words, 0–100).
    """
    article = article_or_course(article)
    story = story_blocks(article).drop(columns="text")
    story["words_read"] = story["words"].cumsum()
    story["share_read"] = (100 * story["words_read"] / story["words"].sum()).round(1)
    return story


def cut_from_bottom(article: Article | None = None, keep: float = 50) -> pd.DataFrame:
    """The story blocks an editor would cut to keep only the first `keep` percent of the story's words.

    Whole blocks are kept while the reader has read at most `keep` percent; the block that crosses
    the line, and everything after it, is cut.
    """
    article = article_or_course(article)
    if isinstance(keep, bool) or not isinstance(keep, int | float) or not 0 <= keep <= 100:
        raise ChoiceError(f"keep is a percent of the story's words, a number from 0 to 100, not {keep!r}.")
    story = story_blocks(article)
    share_read = 100 * story["words"].cumsum() / story["words"].sum()
    return story[share_read > keep].reset_index(drop=True)


def speakers_cut(article: Article | None = None, keep: float = 50) -> pd.DataFrame:
    """The speakers who would vanish from the article if it were cut from the bottom to `keep` percent.

    A speaker vanishes when every one of their quote rows stands in a block that is cut.
    """
    article = article_or_course(article)
    cut = set(cut_from_bottom(article, keep)["block"])
    kept_blocks = set(article.blocks["block"]) - cut
    speaking = set(article.quotes.loc[article.quotes["block"].isin(kept_blocks), "speaker_id"])
    summary = speaker_summary(article)
    lost = summary[summary["quotes"].notna() & ~summary["speaker_id"].isin(speaking)]
    return lost[["name", "side", "voice_type", "first_block"]].reset_index(drop=True)
