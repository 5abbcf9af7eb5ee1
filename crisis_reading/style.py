"""One look for the whole course: a colour per side, the same in every chart.

The colours are the Okabe–Ito palette, chosen to stay distinguishable for
readers with the common forms of colour blindness.
"""

from __future__ import annotations

SIDE_COLOURS = {
    "russia": "#D55E00",  # vermillion
    "us_nato": "#0072B2",  # blue
    "ukraine": "#F0E442",  # yellow
    "eu": "#CC79A7",  # reddish purple
    "osce": "#000000",  # black: one speaker, the chair of the forum
    "independent": "#009E73",  # bluish green
    "unclear": "#999999",  # grey
    # The fictional practice article's sides (data/practice-2025-03-meridia-border-talks).
    "meridia": "#E69F00",  # orange
    "carvessa": "#56B4E9",  # sky blue
    "rcsd": "#000000",  # black, like the OSCE chair: the mediator
    # The held-out test article's sides (tests/heldout/); it never shares a chart with the practice article.
    "quessany": "#E69F00",  # orange
    "savrelia": "#56B4E9",  # sky blue
}

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

# Direct, partial and indirect quotes are told apart by line style as well as
# words, so the difference survives printing in grey.
KIND_LINES = {"direct": "solid", "partial": "dashed", "indirect": "dotted"}


def tint(hex_colour: str, strength: float = 0.35) -> str:
    """A light version of a colour, for highlighting text behind dark letters."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * strength) for c in (red, green, blue)]
    return "#" + "".join(f"{c:02X}" for c in mix)
