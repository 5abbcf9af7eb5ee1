"""Tests of crisis_reading.analysis.voices: who speaks, for which side, with how many words."""

from __future__ import annotations

import pytest

from crisis_reading import load_article
from crisis_reading.analysis.voices import (
    first_and_last_word,
    interviewed_sources,
    side_positions,
    side_summary,
    speaker_summary,
)


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


def test_summaries_add_up_to_the_quotes_table() -> None:
    article = load_article()
    by_side = side_summary(article)
    by_speaker = speaker_summary(article)
    assert by_side["quotes"].sum() == by_speaker["quotes"].sum() == len(article.quotes)
    assert by_side["words"].sum() == article.quotes["words"].sum()
    assert set(by_speaker["speaker_id"]) == set(article.speakers["speaker_id"])
