"""Source cards as HTML: what the article says about a source beside what a check finds (lesson 07)."""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from crisis_reading.analysis.choices import ChoiceError, quoted, suggestion
from crisis_reading.analysis.sides import side_label
from crisis_reading.analysis.sources import STATUS_LABELS, source_cards
from crisis_reading.dataset.article import Article, article_or_course
from crisis_reading.views.style import article_side_colours, side_colours, tint


def card_html(card: pd.Series, colours: dict[str, str] | None = None, article: Article | None = None) -> str:
    """One source card as HTML: what the article says, what a check finds, where from (sides named as `article`
    names them)."""
    side = card.get("side")
    colours = colours if colours is not None else side_colours([side] if isinstance(side, str) else [])
    colour = colours.get(side, "#999999") if isinstance(side, str) else "#999999"
    label = side_label(side, article) if isinstance(side, str) else "not a speaker"
    finds = card["check_finds"] if isinstance(card["check_finds"], str) else "—"
    source = card["check_source"] if isinstance(card["check_source"], str) else "—"
    return (
        f"<div style='border-left:6px solid {colour};background:{tint(colour, 0.15)};"
        f"padding:.6em 1em;margin:.4em 0;max-width:50em'>"
        f"<div style='font-size:1.15em;font-weight:bold'>{escape(card['subject'])}</div>"
        f"<div style='color:#444'>{escape(label)}</div>"
        f"<p><b>The article says:</b> “{escape(card['article_says'])}”</p>"
        f"<p><b>A check finds:</b> {escape(finds)}</p>"
        f"<p><b>Source of the check:</b> {escape(source)}<br>"
        f"<b>Verdict:</b> {escape(STATUS_LABELS[card['status']])}</p></div>"
    )


def show_card(article: Article | None = None, subject: str | None = None) -> HTML:
    """Display one source card, chosen by the name in the `subject` column."""
    article = article_or_course(article)
    cards = source_cards(article)
    if cards.empty:
        raise ValueError(f"No source of {article.slug!r} has been checked: its folder has no source_checks.csv rows.")
    if subject is None:
        raise ChoiceError(f"name the source to show: one of {quoted(cards['subject'])}.")
    chosen = cards[cards["subject"] == subject]
    if chosen.empty:
        raise ChoiceError(
            f"no source card for {subject!r}. The sources are: {quoted(cards['subject'])}."
            + suggestion(subject, list(cards["subject"]))
        )
    return HTML(card_html(chosen.iloc[0], article_side_colours(article), article))
