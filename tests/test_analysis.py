"""The small analysis helpers the lessons call, checked against the tables by hand-countable facts."""

from __future__ import annotations

import pandas as pd
import pytest

from crisis_reading.analysis.framing import frame_summary, framed_quotes, speakers_by_frame, voice_matrix
from crisis_reading.analysis.institutions import enlargement, members_on, soviet_republics_in, venn_regions
from crisis_reading.analysis.quoting import (
    channels_by_side,
    filter_quotes,
    kinds_by_side,
    tone_by_side,
    verb_table,
    verb_tone,
)
from crisis_reading.analysis.sources import source_cards
from crisis_reading.analysis.timeline import context_after, dated_events, relative_time_words, uncertain_dates
from crisis_reading.analysis.voices import first_and_last_word, interviewed_sources, side_positions, side_summary
from crisis_reading.views.cards import card_html, show_card


def test_own_and_reported_words_add_up(article) -> None:
    summary = side_summary(article)
    assert (summary["own_words"] + summary["reported_words"] == summary["words"]).all()
    assert summary["word_share"].sum() == pytest.approx(100, abs=0.5)
    russia = article.voices().query("side == 'russia'")
    assert summary.loc["russia", "reported_words"] == russia.loc[russia["kind"] == "indirect", "words"].sum()


def test_first_and_last_word(article) -> None:
    ends = first_and_last_word(article)
    assert ends["block"].tolist() == [article.quotes["block"].min(), article.quotes["block"].max()]
    assert ends.loc[1, "name"] == "Ivana Stradner"
    direct = first_and_last_word(article, kinds=["direct"])
    assert direct.loc[0, "name"] == "Jens Stoltenberg" and set(direct["kind"]) == {"direct"}


def test_side_positions_and_interviewed(article) -> None:
    positions = side_positions(article)
    assert positions.loc["eu", "first_block"] == article.voices().query("side == 'eu'")["block"].min()
    interviewed = interviewed_sources(article)
    assert set(interviewed["name"]) == set(article.speakers.loc[article.speakers["interviewed_by_outlet"], "name"])
    assert "Jens Stoltenberg" not in set(interviewed["name"])


def test_verb_tone_follows_the_fact_sheet() -> None:
    assert verb_tone("said") == "neutral"
    assert verb_tone("bemoaned") == verb_tone("condemned") == verb_tone("slammed as") == "judgement"
    assert verb_tone("explained") == "other"


def test_quote_tables_count_every_row(article) -> None:
    assert kinds_by_side(article).to_numpy().sum() == len(article.quotes)
    assert kinds_by_side(article, "words").to_numpy().sum() == article.quotes["words"].sum()
    assert tone_by_side(article).to_numpy().sum() == len(article.quotes)
    assert channels_by_side(article).to_numpy().sum() == len(article.quotes)
    verbs = verb_table(article)
    assert verbs["uses"].sum() == len(article.quotes)
    assert verbs.set_index("verb").loc["bemoaned", "tone"] == "judgement"
    with pytest.raises(ValueError, match="measure"):
        kinds_by_side(article, "letters")


def test_filter_quotes_and_its_helpful_error(article) -> None:
    assert set(filter_quotes(article, side="eu")["name"]) >= {"Josep Borrell"}
    assert len(filter_quotes(article)) == len(article.quotes)
    with pytest.raises(ValueError, match="us_nato"):
        filter_quotes(article, side="nato")


def test_timeline_helpers(article, reference) -> None:
    events = dated_events(article)
    assert events["date_start"].is_monotonic_increasing
    lavrov = events.set_index("event_id").loc["lavrov_remarks"]
    assert lavrov["days_before_publication"] == 0
    assert relative_time_words(article)["time_words"].notna().all()
    assert "biden_putin_talks" in set(uncertain_dates(article)["event_id"])
    after = context_after(reference, article.published)
    assert (after["date_start"] > article.published).all()
    assert after["date_start"].min() == pd.Timestamp("2022-01-26")


def test_membership_helpers(reference) -> None:
    assert len(members_on(reference, "NATO", "1949-08-24")) == 12
    assert "Sweden" not in members_on(reference, "NATO", "2024-03-06")
    assert "Sweden" in members_on(reference, "NATO", "2024-03-07")
    regions = venn_regions(reference, "2022-01-14")
    assert regions["countries"].sum() == 57
    assert regions.loc[regions["NATO"] & ~regions["OSCE"], "countries"].sum() == 0
    waves = enlargement(reference)
    assert waves["members_after"].iloc[-1] == len(members_on(reference, "NATO", "2030-01-01"))
    eu = enlargement(reference, "EU").set_index("date")
    assert eu.loc[pd.Timestamp("2020-01-31"), "left_countries"] == "United Kingdom"
    assert eu.loc[pd.Timestamp("2020-01-31"), "members_after"] == 27
    assert soviet_republics_in(reference, "EU", "2022-01-14") == ["Estonia", "Latvia", "Lithuania"]
    with pytest.raises(ValueError):
        members_on(reference, "UN", "2022-01-14")


def test_framing_helpers(article) -> None:
    tagged = framed_quotes(article)
    assert set(tagged["quote_id"]) == set(article.quotes["quote_id"])
    summary = frame_summary(article)
    assert summary["quotes"].sum() == article.frames.drop_duplicates(["quote_id", "frame"]).shape[0]
    assert summary.loc["civilians_unheard", "sides"] == "independent"
    matrix = speakers_by_frame(article)
    assert matrix.to_numpy().sum() == len(article.frames)
    voices = voice_matrix(article)
    assert voices.loc["ukraine", "official"] == 0
    assert voices.to_numpy().sum() == len(article.speakers)


def test_source_cards(article) -> None:
    cards = source_cards(article)
    assert len(cards) == len(article.source_checks)
    dozhd = cards[cards["subject"].str.startswith("Dozhd")].iloc[0]
    assert pd.isna(dozhd["side"])
    html = card_html(dozhd)
    assert "foreign agent" in html and "not a speaker" in html

    assert "President of Ukraine" in show_card(article, "Mykola Bielieskov").data
    with pytest.raises(ValueError, match="Oleg Ignatov"):
        show_card(article, "Nobody")
