"""Show an article block by block, with each quote highlighted in its side's colour."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from html import escape

import pandas as pd
from IPython.display import HTML

from crisis_reading.analysis.choices import ChoiceError
from crisis_reading.analysis.sides import side_label
from crisis_reading.dataset.article import Article, article_or_course
from crisis_reading.views.style import KIND_LINES, article_side_colours, tint

FUNCTION_LABELS = {
    "headline": "headline",
    "standfirst": "standfirst",
    "caption": "photo caption",
    "graphic": "graphic (not in our text)",
    "lede": "lede",
    "nut_graf": "nut graf",
    "body": "body",
    "quote_paragraph": "quote paragraph",
    "kicker": "kicker",
    "credit": "credit",
}


def article_html(article: Article | None = None) -> str:
    """The article as HTML: numbered blocks, quotes marked by side and kind."""
    article = article_or_course(article)
    voices = article.voices()
    colours = article_side_colours(article)
    rows = [*_notice_row(article), _legend(voices, colours, article)]
    for block in article.blocks.itertuples():
        spans = voices[voices["block"] == block.block]
        body = _highlight(block.text, spans, colours, article)
        if block.function == "headline":
            body = f"<strong style='font-size:1.3em'>{body}</strong>"
        elif block.function in ("graphic", "caption", "credit"):
            body = f"<em>{body}</em>"
        rows.append(_block_row(block.block, block.function, body))
    return _block_table(rows)


def show_article(article: Article | None = None) -> HTML:
    """Display the article in a notebook."""
    article = article_or_course(article)
    return HTML(article_html(article))


def _highlight(text: str, spans: pd.DataFrame, colours: dict[str, str], article: Article) -> str:
    """Wrap each quoted stretch of text in a coloured mark; overlaps share one mark."""
    cuts = sorted({0, len(text), *spans["start"], *spans["end"]})
    pieces = []
    for start, end in itertools.pairwise(cuts):
        covering = spans[(spans["start"] <= start) & (spans["end"] >= end)]
        piece = escape(text[start:end])
        if covering.empty:
            pieces.append(piece)
            continue
        # The innermost span wins the colour: it is the more specific attribution. Words that two
        # sides share (one statement attributed to both) are striped in both colours.
        covering = covering.assign(length=covering["end"] - covering["start"]).sort_values("length", kind="stable")
        first = covering.iloc[0]
        colour = colours[first["side"]]
        innermost = covering[covering["length"] == first["length"]]
        sides = list(dict.fromkeys(innermost["side"]))
        background = tint(colour)
        if len(sides) > 1:
            stripes = ", ".join(f"{tint(colours[s])} {i * 8}px {(i + 1) * 8}px" for i, s in enumerate(sides))
            background = f"repeating-linear-gradient(135deg, {stripes})"
        who = "; ".join(
            f"{r.name} ({side_label(r.side, article)}, {r.kind}, “{r.verb}”)" for r in covering.itertuples()
        )
        pieces.append(
            f"<mark title='{escape(who, quote=True)}' style='background:{background};color:inherit;"
            f"border-bottom:3px {KIND_LINES[first['kind']]} {colour};padding:0 1px'>{piece}</mark>"
        )
    return "".join(pieces)


def _legend(voices: pd.DataFrame, colours: dict[str, str], article: Article) -> str:
    present = [side for side in colours if side in set(voices["side"])]
    swatches = " ".join(
        f"<span style='background:{tint(colours[s])};border-bottom:3px solid {colours[s]};"
        f"padding:0 .3em;margin-right:.4em'>{escape(side_label(s, article))}</span>"
        for s in present
    )
    lines = " ".join(
        f"<span style='border-bottom:3px {style} #333;margin-right:.6em'>{kind}</span>"
        for kind, style in KIND_LINES.items()
    )
    return (
        "<tr><td colspan='3' style='text-align:left;padding-bottom:1em'>"
        f"<b>Sides:</b> {swatches}<br><b>Quote kinds (underline):</b> {lines}"
        "<br><small>Hover over a highlight to see who speaks and the attribution verb. "
        "Stripes mark words the article attributes to two sides at once.</small></td></tr>"
    )


def show_blocks(article: Article | None = None, blocks: int | Iterable[int] | None = None) -> HTML:
    """Show some blocks in full, with their numbers and what they do: show_blocks(article, [4, 5]).

    Without `blocks`, every block of the article is shown.
    """
    article = article_or_course(article)
    if blocks is None:
        blocks = article.blocks["block"].tolist()
    wanted = [blocks] if isinstance(blocks, int) else list(blocks)
    known = set(article.blocks["block"])
    missing = [number for number in wanted if number not in known]
    if missing:
        raise ChoiceError(
            f"no block {', '.join(map(str, missing))} in this article: "
            f"its blocks are numbered {min(known)} to {max(known)}."
        )
    rows = article.blocks.set_index("block").loc[wanted]
    cells = _notice_row(article) + [
        _block_row(number, row.function, escape(row.text))
        for number, row in zip(wanted, rows.itertuples(), strict=True)
    ]
    return HTML(_block_table(cells))


def _notice_row(article: Article) -> list[str]:
    """A banner above the text when the article's metadata carries a notice, so an invented article is never
    mistaken for a real one, however few of its blocks are shown."""
    notice = article.meta.get("notice")
    if not notice:
        return []
    heading = "FICTIONAL ARTICLE" if article.meta.get("fictional") else "Notice"
    return [
        "<tr><td colspan='3' role='note' style='text-align:left;background:#FFF4CC;border:2px solid #B8860B;"
        f"padding:.5em .8em'><strong>{heading}.</strong> {escape(notice)}</td></tr>"
    ]


def _block_row(number: int, function: str, body_html: str) -> str:
    """One block as a table row: its number, what it does, and its (already escaped) text."""
    label = escape(FUNCTION_LABELS.get(function, str(function)))
    return (
        "<tr>"
        f"<td style='vertical-align:top;text-align:right;color:#555;padding-right:.6em'>{number}</td>"
        f"<td style='vertical-align:top;color:#555;font-size:.85em;padding-right:.8em;white-space:nowrap'>"
        f"{label}</td>"
        f"<td style='vertical-align:top;padding-bottom:.5em;line-height:1.6;text-align:left'>{body_html}</td>"
        "</tr>"
    )


def _block_table(rows: list[str]) -> str:
    return "<table style='border-collapse:collapse;max-width:60em'>" + "".join(rows) + "</table>"
