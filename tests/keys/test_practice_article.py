"""The fictional practice article: it loads, says it is invented, and holds every convention its key must cover.

The article is the answer key the quote finder is scored against, so each test here checks that a convention of
news writing (issue 5) is really in the text AND annotated, not just that the tables load.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import DATA

from crisis_reading import DEFAULT_ARTICLE, PRACTICE_ARTICLE, list_articles, load_article
from crisis_reading.analysis.framing import ENTMAN_FUNCTIONS
from crisis_reading.views.render import article_html, show_blocks
from crisis_reading.views.style import article_side_colours

CURLY_OPEN, CURLY_CLOSE, STRAIGHT = "“", "”", '"'
PRONOUNS = {"he", "she", "He", "She", "they", "They"}


@pytest.fixture(scope="module")
def practice():
    return load_article(PRACTICE_ARTICLE)


@pytest.fixture(scope="module")
def texts(practice) -> pd.Series:
    return practice.blocks.set_index("block")["text"]


def rows_of(practice, **columns) -> pd.DataFrame:
    quotes = practice.quotes
    for column, value in columns.items():
        quotes = quotes[quotes[column] == value]
    return quotes


def test_it_is_a_second_article_folder_beside_the_course_article() -> None:
    assert PRACTICE_ARTICLE in list_articles(DATA)
    assert PRACTICE_ARTICLE != DEFAULT_ARTICLE


def test_it_is_marked_fictional_in_its_metadata_and_readme(practice) -> None:
    assert practice.meta["fictional"] is True
    notice = practice.meta["notice"]
    assert "invented" in notice and len(notice) > 80
    readme = (practice.folder / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# FICTIONAL")
    assert notice in readme
    assert "fictional" in practice.blocks["text"].iloc[-1]


def test_the_notice_is_the_first_thing_shown(practice) -> None:
    html = article_html(practice)
    banner = html.index("FICTIONAL ARTICLE")
    assert banner < html.index(practice.headline)
    assert "invented practice article" in html[banner : banner + 600]
    assert "FICTIONAL ARTICLE" in show_blocks(practice, [5]).data


def test_a_real_article_gets_no_banner() -> None:
    article = load_article()
    assert "notice" not in article.meta
    assert "role='note'" not in article_html(article)
    assert "role='note'" not in show_blocks(article, [5]).data


def test_every_quote_is_its_blocks_own_words(practice, texts) -> None:
    for quote in practice.quotes.itertuples():
        assert texts[quote.block][quote.start : quote.end] == quote.text, quote.quote_id


def test_wire_structure(practice) -> None:
    functions = practice.blocks["function"].tolist()
    assert functions[:4] == ["headline", "standfirst", "caption", "lede"]
    assert functions[-1] == "credit"
    assert 18 <= len(practice.blocks) <= 30
    assert 700 <= practice.blocks["words"].sum() <= 1000
    lede = practice.blocks.loc[practice.blocks["function"] == "lede", "text"].iloc[0]
    assert lede.startswith(practice.meta["dateline"] + " – ")
    caption = practice.blocks.loc[practice.blocks["function"] == "caption", "text"].iloc[0]
    assert caption.endswith(f"[{practice.meta['photo_credit']}]")
    assert practice.blocks["text"].iloc[-1].startswith(practice.meta["credit"])


def test_quote_paragraph_label_follows_the_documented_rule(practice) -> None:
    direct_words = practice.quotes[practice.quotes["kind"] == "direct"].groupby("block")["words"].sum()
    for block in practice.blocks.itertuples():
        if block.function not in ("body", "quote_paragraph"):
            continue
        mostly_quoted = direct_words.get(block.block, 0) * 2 > block.words
        opens_with_quote = block.text.startswith((CURLY_OPEN, STRAIGHT))
        expected = "quote_paragraph" if opens_with_quote or mostly_quoted else "body"
        assert block.function == expected, block.block


def test_two_sides_a_mediator_and_an_independent_analyst(practice) -> None:
    voices = practice.voices()
    governments = practice.speakers.loc[practice.speakers["organisation_type"] == "government", "side"]
    assert governments.nunique() >= 2
    mediator = practice.speakers[practice.speakers["organisation_type"] == "intergovernmental"]
    assert len(mediator) == 1 and not set(mediator["side"]) & set(governments)
    analysts = practice.speakers[practice.speakers["voice_type"] == "analyst"]
    assert set(analysts["side"]) == {"independent"}
    assert set(voices["side"]) <= set(article_side_colours(practice))


def test_a_quotation_runs_over_several_paragraphs(practice, texts) -> None:
    quotes = practice.quotes.set_index("quote_id")
    continued = quotes[quotes["continues_quote"].notna()]
    later = set(continued.index)
    last = [quote_id for quote_id in later if quote_id not in set(continued["continues_quote"])]
    longest: list[str] = []
    for quote_id in last:
        chain = [quote_id]
        while pd.notna(quotes.loc[chain[-1], "continues_quote"]):
            chain.append(quotes.loc[chain[-1], "continues_quote"])
        longest = max(longest, chain[::-1], key=len)
    assert len(longest) >= 3
    blocks = [quotes.loc[quote_id, "block"] for quote_id in longest]
    assert blocks == list(range(blocks[0], blocks[0] + len(blocks)))
    assert quotes.loc[longest, "speaker_id"].nunique() == 1
    # Each paragraph opens with a quotation mark; only the last one closes.
    for quote_id in longest[1:]:
        assert texts[quotes.loc[quote_id, "block"]].startswith(CURLY_OPEN)
        assert pd.isna(quotes.loc[quote_id, "speaker_as_written"])
        assert quotes.loc[quote_id, "attributed_in_block"] == blocks[0]
    for quote_id in longest[:-1]:
        assert CURLY_CLOSE not in texts[quotes.loc[quote_id, "block"]][quotes.loc[quote_id, "start"] :]
    assert texts[blocks[-1]].endswith(CURLY_CLOSE)


def test_a_paragraph_of_pure_quotation_is_attributed_in_the_block_before(practice, texts) -> None:
    pure = practice.quotes[
        practice.quotes["speaker_as_written"].isna()
        & practice.quotes["continues_quote"].isna()
        & (practice.quotes["attributed_in_block"] == practice.quotes["block"] - 1)
    ]
    assert len(pure) >= 1
    for quote in pure.itertuples():
        assert texts[quote.block] == CURLY_OPEN + quote.text + CURLY_CLOSE
        assert texts[quote.attributed_in_block].rstrip().endswith(":")


def verb_position(quote, practice, texts) -> int:
    """Where the attribution verb stands: its first whole-word use outside every quoted span of the block."""
    block = quote.attributed_in_block
    spans = rows_of(practice, block=block)
    for found in re.finditer(rf"(?<!\w){re.escape(quote.verb)}(?!\w)", texts[block]):
        if not ((spans["start"] <= found.start()) & (found.start() < spans["end"])).any():
            return found.start()
    raise AssertionError(f"{quote.quote_id}: {quote.verb!r} stands only inside quotes")


def test_attribution_before_after_and_in_the_middle(practice, texts) -> None:
    direct = rows_of(practice, kind="direct")
    same_block = direct[direct["attributed_in_block"] == direct["block"]]
    before = [q for q in same_block.itertuples() if verb_position(q, practice, texts) < q.start]
    after = [q for q in same_block.itertuples() if verb_position(q, practice, texts) > q.end]
    assert before and after
    middle = [
        (first.quote_id, second.quote_id)
        for first in after
        for second in before
        if first.block == second.block and first.speaker_id == second.speaker_id and first.end < second.start
    ]
    assert len(middle) >= 2


def test_attribution_verbs_go_beyond_said(practice) -> None:
    verbs = set(practice.quotes["verb"])
    assert {"said", "told", "added", "warned", "explained", "condemned", "insisted", "According to"} <= verbs


def test_speakers_are_named_in_full_then_by_surname_pronoun_role_and_collective(practice) -> None:
    quotes = practice.voices()
    named = quotes.dropna(subset=["speaker_as_written"])
    full_then_surname = [
        speaker
        for speaker, rows in named.groupby("speaker_id")
        if any(" " in written for written in rows["speaker_as_written"])
        and any(written in rows["name"].iloc[0].split() for written in rows["speaker_as_written"])
    ]
    assert len(full_then_surname) >= 2
    assert set(named["speaker_as_written"]) & PRONOUNS
    assert {"the minister", "The envoy"} <= set(named["speaker_as_written"])
    capitals = named[(named["voice_type"] == "collective") & ~named["speaker_as_written"].str.contains(" ")]
    assert {"Solvar", "Ostrel"} <= set(capitals["speaker_as_written"])
    assert "Carvessan officials" in set(named["speaker_as_written"])


def test_an_anonymous_source_with_its_reason(practice, texts) -> None:
    anonymous = practice.speakers[practice.speakers["voice_type"] == "anonymous"]
    diplomat = anonymous[anonymous["names_as_written"].str.contains("diplomat")]
    assert len(diplomat) == 1
    rows = rows_of(practice, speaker_id=diplomat["speaker_id"].iloc[0])
    assert {"indirect", "direct"} <= set(rows["kind"])
    assert any("on condition of anonymity" in texts[block] for block in rows["attributed_in_block"])


def test_straight_and_curly_quotation_marks_and_quotes_inside_quotes(practice, texts) -> None:
    article_text = "\n".join(texts)
    assert article_text.count(CURLY_OPEN) > article_text.count(STRAIGHT) > 0
    marked = practice.quotes[practice.quotes["kind"].isin(["direct", "partial"])]
    opened_by = {texts[q.block][q.start - 1] for q in marked.itertuples()}
    assert opened_by == {CURLY_OPEN, STRAIGHT}
    nested = marked[marked["text"].str.contains("‘[^’]+’", regex=True)]
    assert len(nested) >= 2


def test_partial_and_indirect_quotes(practice, texts) -> None:
    kinds = practice.quotes["kind"].value_counts()
    assert kinds["partial"] >= 5 and kinds["indirect"] >= 5 and kinds["direct"] >= 5
    for quote in rows_of(practice, kind="partial").itertuples():
        block = texts[quote.block]
        # Woven into the reporter's sentence: the reporter's words stand before the opening mark.
        assert quote.start > 1 and block[: quote.start - 1].strip()
    indirect = rows_of(practice, kind="indirect")
    assert not indirect["text"].str.contains('[“”"]', regex=True).any()
    assert any(texts[q.block][: q.start].endswith("that ") for q in indirect.itertuples())
    assert (indirect["verb"] == "saying").any()


def test_one_statement_by_two_speakers_is_one_row_each(practice) -> None:
    shared = practice.quotes.groupby(["block", "start", "end"])["speaker_id"].nunique()
    assert (shared >= 2).any()


def test_channels_include_the_outlets_own_interviews(practice) -> None:
    channels = set(practice.quotes["channel"])
    assert {"outlet_interview", "press_event", "other_outlet", "meeting", "not_stated"} <= channels
    interviewed = practice.speakers.loc[practice.speakers["interviewed_by_outlet"], "speaker_id"]
    own = rows_of(practice, channel="outlet_interview")
    assert set(own["speaker_id"]) == set(interviewed)
    assert set(own["channel_words"]) == {"told " + practice.meta["outlet"]}


RELATIVE = ["last Tuesday", "earlier this month", "next week", "two years ago"]


def test_relative_dates_are_resolved_against_the_publication_date(practice) -> None:
    events = practice.events
    assert set(RELATIVE) <= set(events["time_words"])
    assert set(events["certainty"]) == {"certain", "likely", "ambiguous", "vague"}
    published = practice.published
    weekdays = {"on Tuesday": 1, "on Wednesday": 2, "most of Wednesday": 2, "on Thursday": 3, "on Thursday evening": 3}
    assert len(events[events["time_words"].isin(weekdays)]) >= 5
    for event in events.itertuples():
        if event.time_words in weekdays:
            # A period ("three days of talks … on Thursday") is dated by its last day.
            day = event.date_end if event.event_type == "period" else event.date_start
            assert event.event_type == "period" or event.date_start == event.date_end, event.event_id
            assert day.weekday() == weekdays[event.time_words], event.event_id
            assert pd.Timedelta(days=1) <= published - day < pd.Timedelta(days=7), event.event_id
        if event.time_words == "next week":
            next_monday = published + pd.Timedelta(days=7 - published.weekday())
            assert next_monday <= event.date_start <= event.date_end <= next_monday + pd.Timedelta(days=6)
        if event.time_words == "earlier this month":
            assert event.date_start == published.replace(day=1) and event.date_end < published
        if event.time_words == "two years ago":
            middle = event.date_start + (event.date_end - event.date_start) / 2
            assert abs((published - pd.DateOffset(years=2)) - middle) < pd.Timedelta(days=2)


def test_last_tuesday_keeps_both_tuesdays(practice) -> None:
    event = practice.events[practice.events["time_words"] == "last Tuesday"].iloc[0]
    assert event["certainty"] == "ambiguous"
    candidates = [pd.Timestamp(day) for day in event["date_candidates"].split(" | ")]
    assert len(candidates) == 2 and all(day.weekday() == 1 for day in candidates)
    assert sorted(practice.published - day for day in candidates) == [pd.Timedelta(days=3), pd.Timedelta(days=10)]


def test_announced_monday_is_the_next_one(practice, texts) -> None:
    event = practice.events[practice.events["time_words"] == "on Monday"].iloc[0]
    assert re.search(r"would \w+ .*on Monday", texts[event["block"]])
    assert event["date_start"].weekday() == 0 and event["date_start"] > practice.published
    assert event["certainty"] == "likely"


def test_every_quote_has_a_frame_and_every_entman_function_is_used(practice) -> None:
    assert set(practice.frames["quote_id"]) == set(practice.quotes["quote_id"])
    assert set(practice.frames["frame"]) == set(practice.frame_vocabulary["frame"])
    assert set(practice.frame_vocabulary["entman_function"]) == set(ENTMAN_FUNCTIONS)
