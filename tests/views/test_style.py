"""The one accessible style: one colour per side, everywhere."""

from __future__ import annotations


def test_every_article_in_the_data_gives_each_of_its_sides_a_colour_of_its_own() -> None:
    from crisis_reading.dataset.article import load_article
    from crisis_reading.dataset.paths import list_articles
    from crisis_reading.views.style import article_side_colours

    for slug in list_articles():
        colours = article_side_colours(load_article(slug))
        assert len(set(colours.values())) == len(colours), (slug, colours)
