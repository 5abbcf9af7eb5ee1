"""Who speaks in an article: small summaries the lessons start from."""

from __future__ import annotations

import pandas as pd

from .article import Article


def speaker_summary(article: Article) -> pd.DataFrame:
    """One row per speaker: side, how many quote rows, how many quoted words, first and last block."""
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
    who = article.speakers[["speaker_id", "name", "side", "voice_type", "interviewed_by_outlet"]]
    summary = who.merge(summary, on="speaker_id", how="left", validate="one_to_one")
    return summary.sort_values(["first_block", "speaker_id"], ignore_index=True)


def side_summary(article: Article) -> pd.DataFrame:
    """One row per side: speakers, quote rows and quoted words."""
    voices = article.voices()
    return (
        voices.groupby("side", observed=True)
        .agg(speakers=("speaker_id", "nunique"), quotes=("quote_id", "size"), words=("words", "sum"))
        .sort_values("words", ascending=False)
    )
