"""The same chart for several articles, side by side (lesson 08)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from IPython.display import HTML

from crisis_reading.dataset.article import Article
from crisis_reading.views.figures import Chart


def compare(draw: Callable[..., Chart], articles: Sequence[Article], labels: Sequence[str] | None = None) -> HTML:
    """The same chart for each article, side by side, each under a label naming the article."""
    labels = list(labels) if labels is not None else [article.slug for article in articles]
    cells = []
    for label, article in zip(labels, articles, strict=True):
        chart = draw(article)
        cells.append(
            "<div style='flex:1 1 26em;min-width:22em'>"
            f"<div style='font-weight:bold;border-bottom:2px solid #ccc;margin-bottom:.3em'>{escape(label)}</div>"
            f"{chart._repr_html_()}</div>"
        )
    return HTML(f"<div style='display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start'>{''.join(cells)}</div>")
