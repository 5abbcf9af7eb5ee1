"""One look for the whole course: a colour per side, the same in every chart (the sides' names: analysis.sides).

The colours are the Okabe–Ito palette, chosen to stay distinguishable for
readers with the common forms of colour blindness.
"""

from __future__ import annotations

from crisis_reading.analysis.sides import declared_sides

SIDE_COLOURS = {
    "russia": "#D55E00",  # vermillion
    "us_nato": "#0072B2",  # blue
    "ukraine": "#F0E442",  # yellow
    "eu": "#CC79A7",  # reddish purple
    # orange: one speaker, the chair of the forum. Not black: a highlight is a light tint of its side's
    # colour, and black's tint is the grey that marks "unclear" (lesson 00 tells readers so).
    "osce": "#E69F00",
    "independent": "#009E73",  # bluish green
    "unclear": "#999999",  # grey
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


def side_colours(sides, declared: dict[str, str] | None = None) -> dict[str, str]:
    """A colour per side: the article's own colour for a side (`declared`), else the course's colour for a side
    it knows, else the next extra colour.

    Pass every side of an article in the same order (its schema's list of sides, as
    `article.speakers["side"].cat.categories` holds it) so each side keeps one colour in every chart.
    """
    declared = declared or {}
    extra = iter(colour for colour in EXTRA_SIDE_COLOURS if colour not in declared.values())
    colours: dict[str, str] = {}
    for side in map(str, sides):
        if side not in colours:
            colours[side] = declared.get(side) or SIDE_COLOURS.get(side) or next(extra, OTHER_SIDE_COLOUR)
    return colours


def declared_colours(article) -> dict[str, str]:
    """The colours an article's datapackage.json gives its own sides (an Article, or its article block)."""
    return {side: named["colour"] for side, named in declared_sides(article).items() if "colour" in named}


def article_side_colours(article) -> dict[str, str]:
    """Each side of an article with its colour, in the order of the article's list of sides; the colours its
    datapackage.json gives its sides come first."""
    sides = article.speakers["side"]
    return side_colours(sides.cat.categories if hasattr(sides, "cat") else sides.unique(), declared_colours(article))
