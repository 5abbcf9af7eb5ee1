"""The anatomy helpers of lesson 01: functions of blocks, the story, and cutting from the bottom."""

from __future__ import annotations

from html import escape

import pytest

from crisis_reading.analysis.anatomy import (
    STORY_FUNCTIONS,
    cut_from_bottom,
    function_summary,
    reading_progress,
    speakers_cut,
    story_blocks,
)
from crisis_reading.views.render import show_blocks


def test_function_summary_accounts_for_every_block_and_word(article) -> None:
    summary = function_summary(article)
    assert summary["blocks"].sum() == len(article.blocks)
    assert summary["words"].sum() == article.blocks["words"].sum()
    assert set(summary.index) == set(article.blocks["function"].astype(str))
    assert summary["word_share"].sum() == pytest.approx(100, abs=0.6)
    assert list(summary["first_block"]) == sorted(summary["first_block"])
    for function, row in summary.iterrows():
        numbers = article.blocks.loc[article.blocks["function"] == function, "block"]
        assert (row["first_block"], row["last_block"], row["blocks"]) == (numbers.min(), numbers.max(), len(numbers))


def test_story_runs_from_lede_to_kicker_without_graphics(article) -> None:
    story = story_blocks(article)
    assert story["function"].iloc[0] == "lede"
    assert story["function"].iloc[-1] == "kicker"
    assert set(story["function"]) <= set(STORY_FUNCTIONS)
    assert "graphic" not in set(story["function"])
    assert list(story["block"]) == sorted(story["block"])
    in_story = article.blocks["function"].isin(STORY_FUNCTIONS)
    assert len(story) == in_story.sum()


def test_reading_progress_adds_up_to_the_whole_story(article) -> None:
    progress = reading_progress(article)
    story_words = story_blocks(article)["words"].sum()
    assert progress["words_read"].iloc[-1] == story_words
    assert progress["share_read"].iloc[-1] == 100
    assert progress["words_read"].is_monotonic_increasing
    third = progress.iloc[2]
    assert third["words_read"] == progress["words"].iloc[:3].sum()


def test_cut_from_bottom_keeps_whole_blocks_up_to_the_line(article) -> None:
    story = story_blocks(article)
    total = story["words"].sum()
    for keep in (0, 10, 33.3, 50, 90, 100):
        cut = cut_from_bottom(article, keep)
        read, expected = 0, []
        for block in story.itertuples():
            read += block.words
            if 100 * read / total > keep:
                expected.append(block.block)
        assert list(cut["block"]) == expected, keep
    assert cut_from_bottom(article, 100).empty
    assert len(cut_from_bottom(article, 0)) == len(story)


def test_cut_from_bottom_rejects_a_share_that_is_not_a_percent(article) -> None:
    with pytest.raises(ValueError, match="percent"):
        cut_from_bottom(article, 150)


def test_speakers_cut_are_those_with_no_quote_left(article) -> None:
    assert speakers_cut(article, 100).empty
    everyone_in_story = speakers_cut(article, 0)
    outside_story = set(article.quotes.loc[~article.quotes["block"].isin(story_blocks(article)["block"]), "speaker_id"])
    names_outside = set(article.speakers.loc[article.speakers["speaker_id"].isin(outside_story), "name"])
    speaking = set(article.speakers.loc[article.speakers["speaker_id"].isin(article.quotes["speaker_id"]), "name"])
    assert set(everyone_in_story["name"]) == speaking - names_outside
    half = speakers_cut(article, 50)
    kept = set(article.blocks["block"]) - set(cut_from_bottom(article, 50)["block"])
    for name in half["name"]:
        speaker_id = article.speakers.loc[article.speakers["name"] == name, "speaker_id"].item()
        assert not article.quotes.loc[article.quotes["speaker_id"] == speaker_id, "block"].isin(kept).any()


def test_show_blocks_shows_the_full_text_in_the_order_asked(article) -> None:
    html = show_blocks(article, [5, 4]).data
    lede = article.blocks.loc[article.blocks["block"] == 4, "text"].item()
    nut = article.blocks.loc[article.blocks["block"] == 5, "text"].item()
    assert escape(lede) in html and escape(nut) in html
    assert html.index(escape(nut)) < html.index(escape(lede))
    assert "nut graf" in show_blocks(article, 5).data


def test_show_blocks_names_the_blocks_that_exist(article) -> None:
    with pytest.raises(ValueError, match="numbered 1 to"):
        show_blocks(article, [4, 999])
