"""Tests of crisis_reading.analysis.framing: frames and whose voice carries them."""

from __future__ import annotations

from crisis_reading.analysis.framing import frame_summary, framed_quotes, speakers_by_frame, voice_matrix


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
