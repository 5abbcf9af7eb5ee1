"""Lateral reading: what the article says about each source, and what a check finds."""

from __future__ import annotations

from html import escape

import pandas as pd
from IPython.display import HTML

from .article import Article, article_or_course
from .style import article_side_colours, side_colours, side_label, tint

STATUS_LABELS = {
    "confirmed": "the check confirms the article's description",
    "adds_context": "the check adds something the article does not say",
    "unverified": "could not be verified beyond the article",
    "not_checked": "not checked for this course",
}


def source_cards(article: Article | None = None) -> pd.DataFrame:
    """One row per checked source: the article's description beside the check's findings."""
    article = article_or_course(article)
    checks = article.source_checks
    sides = article.speakers[["speaker_id", "side", "voice_type"]]
    return checks.merge(sides, on="speaker_id", how="left", validate="many_to_one")


def card_html(card: pd.Series, colours: dict[str, str] | None = None) -> str:
    """One source card as HTML: what the article says, what a check finds, where from."""
    side = card.get("side")
    colours = colours if colours is not None else side_colours([side] if isinstance(side, str) else [])
    colour = colours.get(side, "#999999") if isinstance(side, str) else "#999999"
    label = side_label(side) if isinstance(side, str) else "not a speaker"
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
        raise ValueError(f"Name the source to show: one of {', '.join(cards['subject'])}")
    chosen = cards[cards["subject"] == subject]
    if chosen.empty:
        raise ValueError(f"No source card for {subject!r}. The sources are: {', '.join(cards['subject'])}")
    return HTML(card_html(chosen.iloc[0], article_side_colours(article)))
