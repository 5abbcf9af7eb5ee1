"""Tests of crisis_reading.analysis.timeline: the article's events and the wider context."""

from __future__ import annotations

import pandas as pd

from crisis_reading.analysis.timeline import context_after, dated_events, relative_time_words, uncertain_dates


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
