"""Tests of crisis_reading.analysis.sources and crisis_reading.views.cards: the source cards of lesson 07."""

from __future__ import annotations

import pandas as pd
import pytest

from crisis_reading.analysis.sources import source_cards
from crisis_reading.views.cards import card_html, show_card


def test_source_cards(article) -> None:
    cards = source_cards(article)
    assert len(cards) == len(article.source_checks)
    dozhd = cards[cards["subject"].str.startswith("Dozhd")].iloc[0]
    assert pd.isna(dozhd["side"])
    html = card_html(dozhd)
    assert "foreign agent" in html and "not a speaker" in html

    assert "President of Ukraine" in show_card(article, "Mykola Bielieskov").data
    with pytest.raises(ValueError, match="Oleg Ignatov"):
        show_card(article, "Nobody")
