"""Tests of crisis_reading.analysis.quoting: kinds of quote, attribution verbs and channels."""

from __future__ import annotations

import pytest

from crisis_reading.analysis.quoting import (
    channels_by_side,
    filter_quotes,
    kinds_by_side,
    tone_by_side,
    verb_table,
    verb_tone,
)


def test_verb_tone_follows_the_fact_sheet() -> None:
    assert verb_tone("said") == "neutral"
    assert verb_tone("bemoaned") == verb_tone("condemned") == verb_tone("slammed as") == "judgement"
    assert verb_tone("explained") == "other"


def test_quote_tables_count_every_row(article) -> None:
    assert kinds_by_side(article).to_numpy().sum() == len(article.quotes)
    assert kinds_by_side(article, "words").to_numpy().sum() == article.quotes["words"].sum()
    assert tone_by_side(article).to_numpy().sum() == len(article.quotes)
    assert channels_by_side(article).to_numpy().sum() == len(article.quotes)
    verbs = verb_table(article)
    assert verbs["uses"].sum() == len(article.quotes)
    assert verbs.set_index("verb").loc["bemoaned", "tone"] == "judgement"
    with pytest.raises(ValueError, match="measure"):
        kinds_by_side(article, "letters")


def test_filter_quotes_and_its_helpful_error(article) -> None:
    assert set(filter_quotes(article, side="eu")["name"]) >= {"Josep Borrell"}
    assert len(filter_quotes(article)) == len(article.quotes)
    with pytest.raises(ValueError, match="us_nato"):
        filter_quotes(article, side="nato")
