"""The finder's event proposals: a time phrase in a sentence that names a meeting, a call, a visit or a statement."""

from __future__ import annotations

import pandas as pd

from crisis_reading.finder.events import find_events


def blocks(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"block": range(1, len(texts) + 1), "text": texts})


def test_a_time_phrase_near_an_event_word_is_proposed_with_a_guessed_type() -> None:
    found = find_events(
        blocks(
            "Talks end without a deal",
            "The ministers met on Tuesday in Corvelle. Wednesday’s meeting was shorter.",
            "She spoke by phone with her counterpart last week, and the envoy told reporters on Friday evening "
            "that the talks would resume next month.",
            "Shelling resumed on Sunday near the border.",
        )
    )
    pairs = list(zip(found["time_words"], found["event_type"], strict=True))
    assert ("on Tuesday", "meeting") in pairs and ("Wednesday’s", "meeting") in pairs
    assert ("on Sunday", "military") in pairs
    assert {"last week", "on Friday evening", "next month"} <= set(found["time_words"])
    assert found.loc[found["time_words"] == "last week", "event_type"].item() == "press_conference"
    assert (found["block"] > 1).all()  # the headline dates nothing
    assert found["event_id"].is_unique


def test_no_event_word_or_no_time_phrase_means_no_proposal() -> None:
    found = find_events(
        blocks("Headline", "The river rose on Tuesday.", "The minister said the dam was safe.", "KESTRAVEN, 3 March – ")
    )
    assert found.empty  # a weekday with no happening named, a statement with no time, a dateline's date
