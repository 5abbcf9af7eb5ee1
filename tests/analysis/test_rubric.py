"""The war/peace journalism evidence table (lesson 06) counts what the data holds, and follows it when it changes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crisis_reading.analysis.rubric import CRITERIA, evidence
from crisis_reading.analysis.voices import side_summary


def value(table, measure_start: str) -> int:
    rows = table[table["measure"].str.startswith(measure_start)]
    assert len(rows) == 1, f"expected one measure starting {measure_start!r}, found {len(rows)}"
    return int(rows["value"].iloc[0])


def detail(table, measure_start: str) -> str:
    return table.loc[table["measure"].str.startswith(measure_start), "detail"].iloc[0]


@pytest.fixture(scope="module")
def table(article):
    return evidence(article)


def test_every_criterion_has_evidence(table) -> None:
    assert sorted(set(table["criterion"])) == sorted(CRITERIA)
    assert (table["question"] == table["criterion"].map(CRITERIA)).all()
    assert table["value"].dtype.kind == "i"


def test_elite_share_agrees_with_the_voice_type_summary(article, table) -> None:
    by_type = side_summary(article, by="voice_type")
    elite = by_type.loc[["official", "analyst", "legislator"], "words"].sum()
    assert value(table, "words from officials, analysts") == round(100 * elite / by_type["words"].sum())
    assert value(table, "words from officials alone") == round(
        100 * by_type.loc["official", "words"] / by_type["words"].sum()
    )


def test_the_absent_voices_of_the_course_article(table) -> None:
    assert value(table, "Ukraine: named officials") == 0
    assert detail(table, "Ukraine: collective voices") == "Kyiv"
    assert value(table, "Russia: named voices outside government") == 0
    assert value(table, "Russia: named officials") == 2
    assert value(table, "speakers who are not officials") == 0
    assert detail(table, "statements about people living") == "Oleg Ignatov"


def test_a_ukrainian_official_would_be_counted(article) -> None:
    speakers = article.speakers.copy()
    speakers.loc[speakers["speaker_id"] == "bielieskov", "voice_type"] = "official"
    changed = evidence(replace(article, speakers=speakers))
    assert value(changed, "Ukraine: named officials") == 1
    assert detail(changed, "Ukraine: named officials") == "Mykola Bielieskov"
    assert value(changed, "Ukraine: named voices outside government") == 1  # still a think tank, not government


def test_unattributed_judgements_follow_the_quotes_table(article, table) -> None:
    quotes = article.quotes
    unattributed = quotes[quotes["speaker_id"] == "unattributed"]
    assert value(table, "judgements with no speaker named") == len(unattributed)
    for row in unattributed.itertuples():
        assert f"block {row.block}: “{row.verb}” {row.text}" in detail(table, "judgements with no speaker named")
    without = evidence(replace(article, quotes=quotes[quotes["speaker_id"] != "unattributed"]))
    assert value(without, "judgements with no speaker named") == 0
    assert detail(without, "judgements with no speaker named") == "none"


def test_own_words_share_per_party(article, table) -> None:
    voices = article.voices()
    russia = voices[voices["side"] == "russia"]
    own = russia.loc[russia["kind"] != "indirect", "words"].sum()
    assert value(table, "Russia: words in its own voice") == round(100 * own / russia["words"].sum())
    tagged = article.frames.merge(article.frame_vocabulary, on="frame").merge(russia[["quote_id"]], on="quote_id")
    assert set(detail(table, "Russia: different frames").split("; ")) == set(tagged["label"])


def test_one_outcome_row_per_treatment_frame(article, table) -> None:
    vocabulary = article.frame_vocabulary
    treatments = vocabulary.loc[vocabulary["entman_function"] == "treatment_recommendation", "label"]
    outcome_rows = table[table["criterion"] == 6]
    assert sorted(outcome_rows["measure"]) == sorted(f"statements recommending: {label}" for label in treatments)
    tagged = article.frames.merge(vocabulary, on="frame")
    for label in treatments:
        assert value(table, f"statements recommending: {label}") == (tagged["label"] == label).sum()
