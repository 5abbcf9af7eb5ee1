"""What the course's own article data must say, beyond loading cleanly."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA, REPO

from crisis_reading import DEFAULT_ARTICLE, PRACTICE_ARTICLE, load_article
from crisis_reading.analysis.sides import SIDE_LABELS, declared_sides, side_label
from crisis_reading.dataset.datapackage import read_descriptor
from crisis_reading.views.style import SIDE_COLOURS, article_side_colours

HELDOUT = REPO / "tests" / "heldout"

SHARED_ARTICLE = REPO.parent / "shared" / "article-al-jazeera-2022-01-14.txt"
SHARED_FACTS = REPO.parent / "shared" / "facts.md"
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


@pytest.mark.skipif(not SHARED_ARTICLE.exists(), reason="the course's shared/ folder is not beside this clone")
def test_text_is_the_published_text_byte_for_byte() -> None:
    assert (DATA / DEFAULT_ARTICLE / "article.txt").read_bytes() == SHARED_ARTICLE.read_bytes()


@pytest.mark.skipif(not SHARED_FACTS.exists(), reason="the course's shared/ folder is not beside this clone")
def test_the_fact_sheet_copy_is_current() -> None:
    assert (DATA / "reference" / "fact-sheet.md").read_bytes() == SHARED_FACTS.read_bytes()


def test_every_quote_is_its_blocks_own_words(article) -> None:
    texts = article.blocks.set_index("block")["text"]
    for quote in article.quotes.itertuples():
        assert texts[quote.block][quote.start : quote.end] == quote.text, quote.quote_id


def test_direct_and_partial_quotes_sit_inside_quotation_marks(article) -> None:
    texts = article.blocks.set_index("block")["text"]
    marked = article.quotes[article.quotes["kind"].isin(["direct", "partial"])]
    assert len(marked) > 0
    for quote in marked.itertuples():
        text = texts[quote.block]
        assert text[quote.start - 1] == OPEN_QUOTE, quote.quote_id
        assert text[quote.end] == CLOSE_QUOTE, quote.quote_id


def test_indirect_quotes_hold_no_quotation_marks(article) -> None:
    indirect = article.quotes[article.quotes["kind"] == "indirect"]
    assert len(indirect) > 0
    for quote in indirect.itertuples():
        assert OPEN_QUOTE not in quote.text and CLOSE_QUOTE not in quote.text, quote.quote_id


def test_quote_paragraph_label_follows_its_documented_rule(article) -> None:
    """A body block is a quote paragraph when it opens with a quotation mark or is mostly direct quotation."""
    direct_words = article.quotes[article.quotes["kind"] == "direct"].groupby("block")["words"].sum()
    for block in article.blocks.itertuples():
        if block.function not in ("body", "quote_paragraph"):
            continue
        mostly_quoted = direct_words.get(block.block, 0) * 2 > block.words
        expected = "quote_paragraph" if block.text.startswith(OPEN_QUOTE) or mostly_quoted else "body"
        assert block.function == expected, block.block


def test_article_structure(article) -> None:
    functions = article.blocks["function"].tolist()
    assert functions[0] == "headline" and functions[1] == "standfirst" and functions[-1] == "credit"
    assert article.blocks["text"].iloc[-1] == "Source: Al Jazeera"
    assert article.blocks.loc[article.blocks["function"] == "lede", "text"].iloc[0].startswith(article.meta["dateline"])


def test_multi_paragraph_quotes_are_linked_to_one_speaker(article) -> None:
    quotes = article.quotes.set_index("quote_id")
    continued = quotes[quotes["continues_quote"].notna()]
    assert len(continued) >= 2
    for quote_id, row in continued.iterrows():
        earlier = quotes.loc[row["continues_quote"]]
        assert earlier["speaker_id"] == row["speaker_id"]
        assert row["attributed_in_block"] == earlier["block"] == row["block"] - 1, quote_id


def test_the_ambiguous_biden_putin_talks_keep_both_dates(article) -> None:
    talks = article.events.set_index("event_id").loc["biden_putin_talks"]
    assert talks["certainty"] == "ambiguous"
    assert talks["date_candidates"] == "2021-12-07 | 2021-12-30"
    assert talks["time_words"] == "last month’s"


def test_relative_days_resolve_from_the_publication_date(article) -> None:
    weekday = {"on Monday": 0, "Wednesday’s": 2, "Thursday’s": 3, "On Friday": 4}
    events = article.events[article.events["time_words"].isin(weekday)]
    assert len(events) == len(weekday)
    for event in events.itertuples():
        assert event.date_start == event.date_end
        assert event.date_start.weekday() == weekday[event.time_words]
        assert pd.Timedelta(0) <= article.published - event.date_start < pd.Timedelta(days=7)


def side_vocabulary(slug: str, data: Path = DATA) -> list[str]:
    descriptor = read_descriptor(data / slug)
    speakers = next(r for r in descriptor["resources"] if r["name"] == "speakers")
    side = next(f for f in speakers["schema"]["fields"] if f["name"] == "side")
    return side["constraints"]["enum"]


def test_the_course_article_s_sides_have_the_course_s_colours_and_names() -> None:
    # The course's own palette is for its article; every other article names and colours its sides itself.
    assert set(side_vocabulary(DEFAULT_ARTICLE)) == set(SIDE_COLOURS) == set(SIDE_LABELS)


@pytest.mark.parametrize(
    ("slug", "data"), [(PRACTICE_ARTICLE, DATA), ("heldout-2025-06-mirrow-shoal-trawler", HELDOUT)]
)
def test_another_article_names_and_colours_its_own_sides(slug: str, data: Path) -> None:
    other = load_article(slug, data)
    own = set(side_vocabulary(slug, data)) - set(SIDE_COLOURS)
    assert own and own == set(declared_sides(other)), "name every side of its own in the article block's sides"
    colours = article_side_colours(other)
    assert len(set(colours.values())) == len(colours), "two sides of one article share a colour"
    assert all(side_label(side, other) == declared_sides(other)[side]["label"] for side in own)


def members_on(reference, organisation: str, day: str) -> set[str]:
    table = reference.memberships
    table = table[table["organisation"] == organisation]
    day = pd.Timestamp(day)
    joined = table["joined"].isna() | (table["joined"] <= day)
    still = table["left"].isna() | (table["left"] > day)
    return set(table.loc[joined & still, "country"])


def test_memberships_in_january_2022_match_the_fact_sheet(reference) -> None:
    assert len(members_on(reference, "NATO", "2022-01-14")) == 30
    assert len(members_on(reference, "EU", "2022-01-14")) == 27
    assert len(members_on(reference, "OSCE", "2022-01-14")) == 57
    assert "United Kingdom" not in members_on(reference, "EU", "2022-01-14")
    assert {"Finland", "Sweden"} <= members_on(reference, "NATO", "2024-03-07")


def test_former_soviet_republics_in_nato(reference) -> None:
    soviet = set(reference.countries.loc[reference.countries["former_soviet_republic"], "country"])
    assert len(soviet) == 15
    assert soviet & members_on(reference, "NATO", "2022-01-14") == {"Estonia", "Latvia", "Lithuania"}


def test_every_timeline_row_has_a_source(reference) -> None:
    assert reference.context_timeline["source"].str.len().min() > 0
    assert set(reference.context_timeline["phase"]) == {"before", "during", "after"}


def test_counts_in_the_repr_come_from_the_tables(article) -> None:
    assert f"{len(article.quotes)} quotes" in repr(article)


def test_loads_from_another_working_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert len(load_article().blocks) > 0
