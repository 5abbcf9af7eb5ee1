"""Widgets for exploring: filter the quotes, step through NATO's enlargement, read source cards.

Each builder returns an ipywidgets box whose parts are attributes, so tests (and
curious students) can set a value and read what the widget shows.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets
import pandas as pd

from crisis_reading.analysis.choices import choose
from crisis_reading.analysis.institutions import ORGANISATIONS, enlargement, members_on
from crisis_reading.analysis.quoting import filter_quotes
from crisis_reading.analysis.sides import side_label
from crisis_reading.analysis.sources import source_cards
from crisis_reading.dataset.article import Article, article_or_course
from crisis_reading.dataset.reference import Reference, reference_or_course
from crisis_reading.dataset.vocabulary import counted
from crisis_reading.views.cards import card_html
from crisis_reading.views.charts import enlargement_chart
from crisis_reading.views.style import article_side_colours, tint

ANY = "(any)"


class QuoteBrowser(widgets.VBox):
    """Pick a side, a kind of quote and a verb; read the matching quotes."""

    def __init__(self, article: Article | None = None) -> None:
        self.article = article = article_or_course(article)
        self.colours = article_side_colours(article)
        voices = article.voices()
        self.side = widgets.Dropdown(
            options=[(ANY, ANY)] + [(side_label(s, article), s) for s in self.colours if s in set(voices["side"])],
            description="Side",
        )
        self.kind = widgets.Dropdown(options=[ANY, "direct", "partial", "indirect"], description="Kind")
        self.verb = widgets.Dropdown(options=[ANY, *sorted(set(voices["verb"]))], description="Verb")
        self.count = widgets.HTML()
        self.results = widgets.HTML()
        for control in (self.side, self.kind, self.verb):
            control.observe(self._update, names="value")
        super().__init__([widgets.HBox([self.side, self.kind, self.verb]), self.count, self.results])
        self._update()

    def selected(self) -> pd.DataFrame:
        def chosen(control: widgets.Dropdown) -> str | None:
            return None if control.value == ANY else control.value

        return filter_quotes(self.article, side=chosen(self.side), kind=chosen(self.kind), verb=chosen(self.verb))

    def _update(self, change: object = None) -> None:
        rows = self.selected()
        words = sum(len(text.split()) for text in rows["text"])
        self.count.value = f"<b>{counted(len(rows), 'quote row')}, {counted(words, 'word')}</b>"
        self.results.value = (
            "".join(_quote_html(row, self.colours, self.article) for row in rows.itertuples())
            or "<p><i>No quote matches.</i></p>"
        )


def _quote_html(row, colours: dict[str, str], article: Article) -> str:
    colour = colours[row.side]
    marks = ("“", "”") if row.kind in ("direct", "partial") else ("", "")
    return (
        f"<div style='border-left:5px solid {colour};background:{tint(colour, 0.15)};padding:.3em .7em;margin:.3em 0'>"
        f"<small>block {row.block} · {escape(row.name)} ({escape(side_label(row.side, article))}) · {row.kind} · "
        f"“{escape(row.verb)}” · {row.channel.replace('_', ' ')}</small><br>"
        f"{marks[0]}{escape(row.text)}{marks[1]}</div>"
    )


def quote_browser(article: Article | None = None) -> QuoteBrowser:
    return QuoteBrowser(article)


class EnlargementExplorer(widgets.VBox):
    """A year slider: the members of NATO (or the EU) at the end of that year, and the growth chart."""

    def __init__(self, reference: Reference | None = None, organisation: str = "NATO", year: int = 2022) -> None:
        reference = reference_or_course(reference)
        choose(organisation, ORGANISATIONS[:2], "organisation (dated for NATO and the EU only)")
        self.reference = reference
        self.organisation = organisation
        waves = enlargement(reference, organisation)
        first_year = int(waves["date"].min().year)
        # The slider ends with the data: the year of the last change it records, not today's year, which the
        # data knows nothing about (it carries no as-of date).
        self.last_change = waves["date"].max()
        last_year = int(self.last_change.year)
        self.year = widgets.IntSlider(
            value=min(max(year, first_year), last_year),
            min=first_year,
            max=last_year,
            description="Year",
            continuous_update=False,
        )
        # The slider's handle has no name a screen reader announces (ipywidgets does not label it): a box beside it,
        # labelled and linked both ways, gives the same choice by keyboard and by name.
        self.year_box = widgets.BoundedIntText(
            value=self.year.value, min=first_year, max=last_year, description="Type a year",
            style={"description_width": "initial"}, layout=widgets.Layout(width="12em"),
        )  # fmt: skip
        widgets.link((self.year, "value"), (self.year_box, "value"))
        self.summary = widgets.HTML()
        self.chart = widgets.Image(format="png")
        self.year.observe(self._update, names="value")
        super().__init__([widgets.HBox([self.year, self.year_box]), self.summary, self.chart])
        self._update()

    def day(self) -> pd.Timestamp:
        return pd.Timestamp(year=self.year.value, month=12, day=31)

    def members(self) -> list[str]:
        return members_on(self.reference, self.organisation, self.day())

    def _update(self, change: object = None) -> None:
        members = self.members()
        soviet = set(self.reference.countries.loc[self.reference.countries["former_soviet_republic"], "country"])
        names = ", ".join(f"<b>{escape(c)}</b>" if c in soviet else escape(c) for c in members)
        limit = (
            f" The data records changes up to {self.last_change:%d %B %Y} only: it cannot say what came after."
            if self.day() > self.last_change
            else ""
        )
        self.summary.value = (
            f"<p>At the end of {self.year.value}, by the course's data: <b>{counted(len(members), 'member')}</b> of "
            f"{self.organisation}.{limit} Former Soviet republics in bold.</p><p style='max-width:60em'>{names}</p>"
        )
        self.chart.value = enlargement_chart(self.reference, self.day(), self.organisation).png()


def enlargement_explorer(
    reference: Reference | None = None, organisation: str = "NATO", year: int = 2022
) -> EnlargementExplorer:
    return EnlargementExplorer(reference, organisation, year)


class SourceCards(widgets.VBox):
    """Choose a source; see what the article says about them beside what a check finds."""

    def __init__(self, article: Article | None = None) -> None:
        self.article = article = article_or_course(article)
        self.cards = source_cards(article)
        self.colours = article_side_colours(article)
        self.source = widgets.Dropdown(options=list(self.cards["subject"]), description="Source")
        self.card = widgets.HTML()
        self.source.observe(self._update, names="value")
        super().__init__([self.source, self.card])
        self._update()

    def _update(self, change: object = None) -> None:
        if self.cards.empty:
            self.card.value = (
                "<p><i>No source of this article has been checked yet (its source_checks.csv is empty).</i></p>"
            )
            return
        row = self.cards[self.cards["subject"] == self.source.value].iloc[0]
        self.card.value = card_html(row, self.colours, self.article)


def source_card_browser(article: Article | None = None) -> SourceCards:
    return SourceCards(article)
