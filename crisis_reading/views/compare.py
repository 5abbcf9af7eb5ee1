"""The same chart for several articles, side by side (lesson 08)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from IPython.display import HTML

from crisis_reading.dataset.article import Article
from crisis_reading.views.figures import Chart

NOTHING_YET = "Nothing to draw yet: this annotation has no save that loads (save one with at least one quote)."


def compare(
    draw: Callable[..., Chart], articles: Sequence[Article | None], labels: Sequence[str] | None = None
) -> HTML:
    """The same chart for each article, side by side, each under a label naming the article.

    An article given as None (an annotation with nothing saved yet) gets a sentence saying so, never
    another article's chart: a chart function given None would draw the course's article.
    """
    labels = list(labels) if labels is not None else [getattr(article, "slug", "unsaved") for article in articles]
    if len(labels) != len(articles):
        raise ValueError(f"compare got {len(articles)} articles but {len(labels)} labels: give one label each")
    cells = []
    for label, article in zip(labels, articles, strict=True):
        shown = f"<p><i>{escape(NOTHING_YET)}</i></p>" if article is None else draw(article)._repr_html_()
        cells.append(
            # Wide enough that a chart's labels stay readable: two side by side on a wide screen, stacked otherwise.
            "<div style='flex:1 1 34em;min-width:30em'>"
            f"<div style='font-weight:bold;border-bottom:2px solid #ccc;margin-bottom:.3em'>{escape(label)}</div>"
            f"{shown}</div>"
        )
    return HTML(f"<div style='display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start'>{''.join(cells)}</div>")
