"""How tables, highlights, counts and charts look to a first-time reader (issue 15, "Colour and layout")."""

from __future__ import annotations

import re

import pandas as pd

from crisis_reading import load_article, load_reference
from crisis_reading.views.style import SIDE_COLOURS, tint
from crisis_reading.views.tables import NOT_ANSWERED, frame_html, use_in_notebooks


def _left_aligned(html: str) -> set[int]:
    return {int(n) for n in re.findall(r"td:nth-last-child\((\d+)\)[^{]*\{ text-align: left", html)}


def test_text_columns_are_left_aligned_and_numbers_are_not() -> None:
    article = load_article()
    table = article.speakers[["name", "interviewed_by_outlet", "side_basis"]].assign(words=1)
    html = frame_html(table)
    # counted from the right: words 1, side_basis 2, interviewed_by_outlet 3, name 4
    assert _left_aligned(html) == {2, 4}


def test_quote_text_and_rules_are_left_aligned_and_dates_stay_on_one_line() -> None:
    from crisis_reading import calendar_readings, filter_quotes

    assert 1 in _left_aligned(frame_html(filter_quotes(load_article(), side="russia")))  # text, the last column
    readings = calendar_readings(load_article())
    html = frame_html(readings)
    assert "white-space: nowrap" in html
    assert len(readings.columns) - list(readings.columns).index("rule") in _left_aligned(html)


def test_a_notebook_shows_tables_so_and_an_unanswered_dot_dot_dot_as_not_answered() -> None:
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    use_in_notebooks(shell)
    formats, _ = shell.display_formatter.format(pd.DataFrame({"text": ["a sentence"]}))
    assert "text-align: left" in formats["text/html"]
    formats, _ = shell.display_formatter.format(...)
    assert formats["text/plain"] == NOT_ANSWERED and "Ellipsis" not in formats["text/plain"]


def _saturation(hex_colour: str) -> int:
    channels = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return max(channels) - min(channels)


def test_only_unclear_voices_are_highlighted_in_grey() -> None:
    for side, colour in SIDE_COLOURS.items():
        if side != "unclear":
            assert _saturation(tint(colour)) > 20, (side, tint(colour))
    assert _saturation(tint(SIDE_COLOURS["unclear"])) < 5


def test_the_quote_browser_counts_in_the_singular_for_one() -> None:
    from crisis_reading.views.widgets import QuoteBrowser

    browser = QuoteBrowser(load_article())
    browser.side.value = "osce"
    assert re.search(r"\b1 quote row\b", browser.count.value) and "1 quote rows" not in browser.count.value


def test_gridlines_are_drawn_behind_the_markers() -> None:
    from crisis_reading import charts

    for chart in (charts.voice_positions_chart(load_article()), charts.source_checks_chart(load_article())):
        assert chart.ax.get_axisbelow() is True, chart.title


def test_the_enlargement_slider_ends_with_the_data_not_today() -> None:
    from crisis_reading import enlargement
    from crisis_reading.views.widgets import EnlargementExplorer

    reference = load_reference()
    last = enlargement(reference, "NATO")["date"].max()
    explorer = EnlargementExplorer(reference)
    assert explorer.year.max == last.year
    explorer.year.value = explorer.year.max
    assert "by the course's data" in explorer.summary.value
    from crisis_reading import charts

    description = charts.enlargement_chart(reference, last).description
    assert "today" not in description and " now" not in description
