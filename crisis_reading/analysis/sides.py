"""The names of the sides an article's speakers stand for, in a chart's legend and inside a sentence."""

from __future__ import annotations

SIDE_LABELS = {
    "russia": "Russia",
    "us_nato": "US / NATO",
    "ukraine": "Ukraine",
    "eu": "EU",
    "osce": "OSCE chair",
    "independent": "Independent analyst",
    "unclear": "Unclear / unnamed",
    "meridia": "Meridia",
    "carvessa": "Carvessa",
    "rcsd": "RCSD envoy",
    "quessany": "Quessany",
    "savrelia": "Savrelia",
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
    "meridia": "Meridia’s voices",
    "carvessa": "Carvessa’s voices",
    "rcsd": "the RCSD envoy",
    "quessany": "Quessany’s voices",
    "savrelia": "Savrelia’s voices",
}


def side_label(side: str) -> str:
    """The side's name for a chart or a legend: "US / NATO" for us_nato, "North Valdia" for north_valdia."""
    return SIDE_LABELS.get(side, str(side).replace("_", " ").title())


def side_phrase(side: str) -> str:
    """The side inside a sentence: "Most words go to independent analysts"."""
    return SIDE_PHRASES.get(side, f"{side_label(side)}’s voices")
