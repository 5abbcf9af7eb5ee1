"""A count meets its noun in the right number wherever a reader sees it: "1 event", never "1 events"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_any_article import every_lesson_chart

from crisis_reading import Annotation, annotation_widget, evidence, load_article
from crisis_reading.analysis.dates import date_reading
from crisis_reading.annotate.scaffold import scaffold
from crisis_reading.grading.reports import feedback_page
from crisis_reading.grading.scoring import Row

# "1 events", "1 quote rows", "1 of 1 statements": a one followed by a plural (one word between at most).
ONE_AND_A_PLURAL = re.compile(r"(?<![\d.,])\b1 (?:[a-z-]+ )?[a-z]+s\b")
SLUG = "test-2025-03-14-one"


@pytest.fixture(scope="module")
def one(tmp_path_factory) -> object:
    """An article with one quote, one speaker and one event (and two blocks)."""
    folder = tmp_path_factory.mktemp("one")
    text = folder / "one.txt"
    text.write_text("Talks end without a deal\n\nThe delegations met on Tuesday in Corvelle, Anna Holt said.\n")
    scaffold(text, SLUG, data=folder / "data", outlet="Test Wire")
    article = load_article(SLUG, folder / "data")
    assert (len(article.quotes), len(article.speakers), len(article.events)) == (1, 1, 1)
    return article


def chart_texts(chart) -> list[str]:
    """What a reader of a chart reads: the title, the description, and every word drawn on it."""
    legend = chart.ax.get_legend()
    drawn = [text.get_text() for text in chart.ax.texts]  # bar labels and annotations too
    drawn += [text.get_text() for text in legend.get_texts()] if legend else []
    return [chart.title, chart.description, *drawn]


def test_the_lessons_charts_count_one_in_the_singular(one) -> None:
    made = every_lesson_chart(one)
    for chart in made:
        for text in chart_texts(chart):
            assert not ONE_AND_A_PLURAL.search(text), text
    assert made[6].title.startswith("1 event, ")  # the timeline
    assert "Dot plot of the 1 quote row by block" in made[3].description
    assert "Bar chart of the 1 attribution verb by" in made[5].description


def test_the_tables_and_the_tool_count_one_in_the_singular(one, tmp_path: Path) -> None:
    shown = [repr(one), *evidence(one)["detail"].astype(str)]
    assert repr(one) == f"<Article '{SLUG}': 2 blocks, 1 speaker, 1 quote, 1 event>"
    assert "1 of 1 statement" in shown
    shown += [date_reading(words, "2025-03-14").rule for words in ("one day ago", "a week ago", "a month ago")]
    assert "1 day before publication, if counted exactly" in shown
    widget = annotation_widget(Annotation.from_folder(one.folder), tmp_path / "mine")
    shown.append(widget.progress.value)
    assert "<b>1 quote</b>" in widget.progress.value and "<b>1 event</b>" in widget.progress.value
    for text in shown:
        assert not ONE_AND_A_PLURAL.search(text), text


def test_a_one_question_feedback_page_counts_it_in_the_singular() -> None:
    page = feedback_page("ann", [Row("ann", "03-x.ipynb", "03.1", 1, "correct", "ok", "ran")])
    assert "1 of 1 question correct." in page and not ONE_AND_A_PLURAL.search(page.split("\n## ")[0])
