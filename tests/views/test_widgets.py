"""Widgets respond: set a control's value and what they show changes, as a student would see."""

from __future__ import annotations

from crisis_reading import load_reference
from crisis_reading.analysis.institutions import members_on
from crisis_reading.views.widgets import enlargement_explorer, quote_browser, source_card_browser


def test_quote_browser_filters_by_side_kind_and_verb(article) -> None:
    browser = quote_browser(article)
    assert f"{len(article.quotes)} quote rows" in browser.count.value
    browser.side.value = "eu"
    voices = article.voices()
    eu_rows = voices[voices["side"] == "eu"]
    assert f"{len(eu_rows)} quote rows" in browser.count.value
    assert all(text.split()[0] in browser.results.value for text in eu_rows["text"])
    browser.kind.value = "direct"
    eu_direct = eu_rows[eu_rows["kind"] == "direct"]
    assert f"{len(eu_direct)} quote rows" in browser.count.value
    browser.verb.value = "bemoaned"
    assert "No quote matches" in browser.results.value
    browser.side.value = "(any)"
    browser.kind.value = "(any)"
    assert "1 quote row," in browser.count.value and "de-escalation" in browser.results.value


def test_enlargement_slider_changes_members_and_chart() -> None:
    reference = load_reference()
    explorer = enlargement_explorer(reference, year=2003)
    before_html, before_png = explorer.summary.value, explorer.chart.value
    assert f"{len(members_on(reference, 'NATO', '2003-12-31'))} members" in before_html
    explorer.year.value = 2004
    assert f"{len(members_on(reference, 'NATO', '2004-12-31'))} members" in explorer.summary.value
    assert "<b>Estonia</b>" in explorer.summary.value  # former Soviet republics in bold
    assert explorer.chart.value != before_png
    assert explorer.year.max >= 2024


def test_source_cards_show_the_chosen_source(article) -> None:
    cards = source_card_browser(article)
    cards.source.value = "Mykola Bielieskov"
    assert "President of Ukraine" in cards.card.value
    assert "National Institute for Strategic Studies" in cards.card.value
    cards.source.value = "Oleg Ignatov"
    assert "could not be verified" in cards.card.value
