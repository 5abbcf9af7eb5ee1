"""The names of the sides an article's speakers stand for, in a chart's legend and inside a sentence.

The course's article's sides are named here (the course's own configuration); any other article names its
sides in its datapackage.json ("sides" in its article block, data/README.md), and a side named nowhere is
written from its id ("north_valdia" → "North Valdia").
"""

from __future__ import annotations

SIDE_LABELS = {
    "russia": "Russia",
    "us_nato": "US / NATO",
    "ukraine": "Ukraine",
    "eu": "EU",
    "osce": "OSCE chair",
    "independent": "Independent analyst",
    "unclear": "Unclear / unnamed",
}

# The same sides inside a sentence ("Most words go to independent analysts").
SIDE_PHRASES = {
    "russia": "Russia’s voices",
    "us_nato": "US and NATO voices",
    "ukraine": "Ukraine’s voices",
    "eu": "EU voices",
    "osce": "the OSCE chair",
    "independent": "independent analysts",
    "unclear": "unclear or unnamed voices",
}


def declared_sides(article) -> dict[str, dict[str, str]]:
    """What an article's datapackage.json says of its own sides: {side: {"label", "phrase", "colour"}}.

    `article` is an Article, or the article block of a datapackage.json (as the annotation tool holds it).
    """
    meta = getattr(article, "meta", article)
    return dict(meta.get("sides") or {}) if isinstance(meta, dict) else {}


def side_label(side: str, article=None) -> str:
    """The side's name for a chart or a legend: "US / NATO" for us_nato, "North Valdia" for north_valdia."""
    declared = declared_sides(article).get(side, {}).get("label")
    return declared or SIDE_LABELS.get(side) or str(side).replace("_", " ").title()


def side_phrase(side: str, article=None) -> str:
    """The side inside a sentence: "Most words go to independent analysts"."""
    declared = declared_sides(article).get(side, {}).get("phrase")
    return declared or SIDE_PHRASES.get(side) or f"{side_label(side, article)}’s voices"
