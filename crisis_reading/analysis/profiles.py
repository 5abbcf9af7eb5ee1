"""An article's profile: the numbers lessons 01–04 read off it, in one row, to compare articles (lesson 08)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from crisis_reading.analysis.quoting import verb_tone
from crisis_reading.analysis.timeline import relative_time_words
from crisis_reading.analysis.voices import side_summary
from crisis_reading.dataset.article import Article


def article_profile(article: Article) -> dict[str, object]:
    """The numbers lessons 01–04 read off an article, in one row."""
    voices = article.voices()
    kinds = voices["kind"].value_counts(normalize=True)
    sides = side_summary(article)
    judging = voices["verb"].map(verb_tone) == "judgement"
    return {
        "blocks": len(article.blocks),
        "speakers": len(article.speakers),
        "quote rows": len(voices),
        "direct %": round(100 * kinds.get("direct", 0), 1),
        "partial %": round(100 * kinds.get("partial", 0), 1),
        "indirect %": round(100 * kinds.get("indirect", 0), 1),
        "side with most words": str(sides.index[0]),
        "its share of words %": float(sides["word_share"].iloc[0]),
        "rows with a judging verb": int(judging.sum()),
        "interviewed by the outlet": int(article.speakers["interviewed_by_outlet"].sum()),
        "events dated by relative words": len(relative_time_words(article)),
    }


def compare_profiles(articles: Sequence[Article], labels: Sequence[str] | None = None) -> pd.DataFrame:
    """One column per article: the numbers of article_profile, side by side."""
    labels = list(labels) if labels is not None else [article.slug for article in articles]
    return pd.DataFrame({label: article_profile(article) for label, article in zip(labels, articles, strict=True)})
