"""Tests of crisis_reading.views.render and style: the article shown block by block, quotes in their side's colour."""

from __future__ import annotations

from html import escape

from crisis_reading import load_article
from crisis_reading.views.render import article_html
from crisis_reading.views.style import SIDE_COLOURS, tint


def test_every_block_and_every_quote_is_shown() -> None:
    article = load_article()
    html = article_html(article)
    for block in article.blocks.itertuples():
        assert f">{block.block}</td>" in html
    for quote in article.quotes.itertuples():
        assert escape(quote.text).split()[0] in html


def test_quotes_are_marked_in_their_sides_colour() -> None:
    article = load_article()
    html = article_html(article)
    assert html.count("<mark") >= len(article.quotes) - 2  # identical spans share one mark
    assert f"background:{tint(SIDE_COLOURS['russia'])}" in html


def test_tint_lightens() -> None:
    assert tint("#000000", 0.0) == "#FFFFFF"
    assert tint("#D55E00", 1.0) == "#D55E00"
