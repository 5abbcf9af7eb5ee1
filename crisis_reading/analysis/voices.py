"""Who speaks in an article, for which side, how much and where."""

from __future__ import annotations

import pandas as pd

from crisis_reading.analysis.choices import choose
from crisis_reading.dataset.article import SPEAKER_FACTS, Article, article_or_course

# What side_summary can count by, and the kinds of quote.
GROUPINGS = ["side", "voice_type", "kind", "channel", "name"]
KINDS = ["direct", "partial", "indirect"]


def speaker_summary(article: Article | None = None) -> pd.DataFrame:
    """One row per speaker: side, how many quote rows, how many quoted words, first and last block."""
    article = article_or_course(article)
    voices = article.voices()
    summary = (
        voices.groupby("speaker_id", observed=True, sort=False)
        .agg(
            quotes=("quote_id", "size"),
            words=("words", "sum"),
            first_block=("block", "min"),
            last_block=("block", "max"),
        )
        .reset_index()
    )
    who = article.speakers[list(SPEAKER_FACTS)]
    summary = who.merge(summary, on="speaker_id", how="left", validate="one_to_one")
    return summary.sort_values(["first_block", "speaker_id"], ignore_index=True)


def side_summary(article: Article | None = None, by: str = "side") -> pd.DataFrame:
    """One row per side (or per voice_type, with by="voice_type"): speakers, quote rows and words.

    `words` counts every attributed word; `own_words` only those inside quotation marks (direct and
    partial quotes), `reported_words` the reporter's paraphrase (indirect). Words attributed jointly to
    two speakers ("allegations from Kyiv and Western powers") count for each of them.
    """
    article = article_or_course(article)
    voices = article.voices()
    choose(by, GROUPINGS, "by")
    voices["own_words"] = voices["words"].where(voices["kind"] != "indirect", 0)
    voices["reported_words"] = voices["words"].where(voices["kind"] == "indirect", 0)
    summary = voices.groupby(by, observed=True).agg(
        speakers=("speaker_id", "nunique"),
        quotes=("quote_id", "size"),
        words=("words", "sum"),
        own_words=("own_words", "sum"),
        reported_words=("reported_words", "sum"),
    )
    summary["word_share"] = (100 * summary["words"] / summary["words"].sum()).round(1)
    return summary.sort_values("words", ascending=False)


def first_and_last_word(article: Article | None = None, kinds: list[str] | None = None) -> pd.DataFrame:
    """The first and the last attributed statement in the article, and who made them.

    kinds=["direct"] (or ["direct", "partial"]) looks only at quotations in the speakers' own words.
    """
    article = article_or_course(article)
    voices = article.voices().sort_values(["block", "start"])
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        for kind in kinds:
            choose(kind, KINDS, "kind")
        voices = voices[voices["kind"].isin(kinds)]
    ends = pd.concat([voices.head(1), voices.tail(1)])
    ends.insert(0, "position", ["first word", "last word"])
    return ends[["position", "block", "name", "side", "kind", "text"]].reset_index(drop=True)


def side_positions(article: Article | None = None) -> pd.DataFrame:
    """For each side: the first and last block it speaks in, and its median block."""
    article = article_or_course(article)
    voices = article.voices()
    return (
        voices.groupby("side", observed=True)["block"]
        .agg(first_block="min", median_block="median", last_block="max")
        .sort_values("first_block")
    )


def interviewed_sources(article: Article | None = None) -> pd.DataFrame:
    """The speakers the outlet interviewed itself (they "told Al Jazeera")."""
    article = article_or_course(article)
    speakers = article.speakers
    return speakers.loc[speakers["interviewed_by_outlet"], ["name", "role", "side", "voice_type"]].reset_index(
        drop=True
    )


def speaker_blocks(article: Article | None = None, names=None) -> list[int]:
    """The blocks in which the named speakers are quoted, in order: speaker_blocks(article, ["Sergey Lavrov"]).

    Until a list of names is given (an exercise's answer still `...`), it says so and gives no blocks.
    """
    article = article_or_course(article)
    if names is None or names is Ellipsis:
        print("No names yet: answer the question first, then run this cell again.")
        return []
    names = [names] if isinstance(names, str) else list(names)
    voices = article.voices()
    known = sorted(set(voices["name"]))
    for name in names:
        choose(name, known, "name")
    return sorted(set(voices.loc[voices["name"].isin(names), "block"]))
