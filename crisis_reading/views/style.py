"""One look for the whole course: a colour per side, the same in every chart (the sides' names: analysis.sides).

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

# Direct, partial and indirect quotes are told apart by line style as well as
# words, so the difference survives printing in grey.
KIND_LINES = {"direct": "solid", "partial": "dashed", "indirect": "dotted"}


def tint(hex_colour: str, strength: float = 0.35) -> str:
    """A light version of a colour, for highlighting text behind dark letters."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * strength) for c in (red, green, blue)]
    return "#" + "".join(f"{c:02X}" for c in mix)


# Colours for sides beyond the course's own (another article's parties): Paul Tol's "muted"
# scheme, also chosen to stay distinguishable with colour blindness.
EXTRA_SIDE_COLOURS = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#882255", "#AA4499", "#DDCC77"]
OTHER_SIDE_COLOUR = "#777777"


def side_colours(sides) -> dict[str, str]:
    """A colour per side: the course's colour for a side it knows, the next extra colour for any other.

    Pass every side of an article in the same order (its schema's list of sides, as
    `article.speakers["side"].cat.categories` holds it) so each side keeps one colour in every chart.
    """
    extra = iter(EXTRA_SIDE_COLOURS)
    colours: dict[str, str] = {}
    for side in map(str, sides):
        if side not in colours:
            colours[side] = SIDE_COLOURS.get(side) or next(extra, OTHER_SIDE_COLOUR)
    return colours


def article_side_colours(article) -> dict[str, str]:
    """Each side of an article with its colour, in the order of the article's list of sides."""
    sides = article.speakers["side"]
    return side_colours(sides.cat.categories if hasattr(sides, "cat") else sides.unique())
