"""Lateral reading: what the article says about each source, and what a check finds."""

from __future__ import annotations

import pandas as pd

from crisis_reading.dataset.article import Article, article_or_course

STATUS_LABELS = {
    "confirmed": "the check confirms the article's description",
    "adds_context": "the check adds something the article does not say",
    "unverified": "could not be verified beyond the article",
    "not_checked": "not checked for this course",
}


def source_cards(article: Article | None = None) -> pd.DataFrame:
    """One row per checked source: the article's description beside the check's findings."""
    article = article_or_course(article)
    checks = article.source_checks
    sides = article.speakers[["speaker_id", "side", "voice_type"]]
    return checks.merge(sides, on="speaker_id", how="left", validate="many_to_one")
