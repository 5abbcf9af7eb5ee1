"""From plain text to blocks: the split, and each rule that guesses a block's function."""

from __future__ import annotations

from crisis_reading.finder.text_blocks import (
    BLOCK_COLUMNS,
    blocks_from_text,
    function_agreement,
    guess_functions,
    outlet_from_credit,
    split_blocks,
)

STORY = """Ferry strike strands thousands

Port workers walked out over unpaid wages, leaving islanders without supplies.

Crowds wait at the quay in Port Aster [Jo Lane/Courier]

PORT ASTER, Meridia – Thousands of travellers were stranded on Tuesday as port workers went on strike.

The walkout is the third this year and comes as the government negotiates a new budget.

“We have not been paid since March,” said Ines Barros, a dock worker.

Map of the ferry routes

The union said talks would resume on Friday.

Whether the ferries sail by the weekend is anyone’s guess.

Source: The Courier"""


def test_blocks_split_at_blank_lines_or_else_at_lines():
    assert split_blocks("Title\n\nFirst para.\n\n\nSecond para.\n") == ["Title", "First para.", "Second para."]
    assert split_blocks("Title\nFirst para.\nSecond para.") == ["Title", "First para.", "Second para."]


def test_every_function_rule_on_a_small_story():
    table = blocks_from_text(STORY)
    assert list(table.columns) == BLOCK_COLUMNS
    assert list(table["block"]) == list(range(1, 11))
    assert list(table["function"]) == [
        "headline",
        "standfirst",
        "caption",
        "lede",
        "nut_graf",
        "quote_paragraph",
        "graphic",
        "body",
        "kicker",
        "credit",
    ]


def test_a_source_line_with_a_notice_is_still_the_credit():
    functions = guess_functions(
        [
            "A title",
            "ROME – Talks failed.",
            "Nobody expected more.",
            "The end.",
            "Source: The Courier. " + "Notice. " * 20,
        ]
    )
    assert functions[-1] == "credit" and functions[-2] == "kicker"


def test_a_byline_under_the_headline_is_a_credit():
    functions = guess_functions(["A title", "By Ana Ruiz and Tom Hale", "ROME – Talks failed.", "More.", "The end."])
    assert functions[:3] == ["headline", "credit", "lede"]
    assert guess_functions(["A title", "By Tuesday the talks had failed.", "More.", "End."])[1] == "lede"


def test_without_a_dateline_the_first_story_paragraph_is_the_lede():
    assert guess_functions(["A title", "Talks failed on Monday.", "Both sides blamed each other.", "Then rain."]) == [
        "headline",
        "lede",
        "nut_graf",
        "kicker",
    ]


def test_a_paragraph_mostly_in_quotation_marks_is_a_quote_paragraph():
    functions = guess_functions(
        [
            "A title",
            "ROME – Talks failed.",
            "Nobody expected more.",
            "She said: “We tried everything we could, and we will try again next week.”",
            "The end.",
        ]
    )
    assert functions[3] == "quote_paragraph"


def test_the_course_article_text_gives_back_its_blocks(article):
    text = (article.folder / "article.txt").read_text(encoding="utf-8")
    guessed = blocks_from_text(text)
    assert list(guessed["text"]) == list(article.blocks["text"])
    agreement = function_agreement(guessed, article.blocks)
    assert len(agreement) == len(article.blocks)
    # The rules were written with this article in view, so it is a check that they still read it, not a measure.
    assert agreement["agree"].mean() >= 0.9


def test_the_outlet_is_read_from_a_source_line_or_a_byline():
    assert outlet_from_credit(["Headline", "Story.", "Source: Al Jazeera"]) == "Al Jazeera"
    assert outlet_from_credit(["Headline", "Story.", "By Tom Hale, Vale Courier"]) == "Vale Courier"
    assert outlet_from_credit(["Headline", "By Ana Ruiz for the Harbour Times", "Story.", "More."]) == "Harbour Times"
    assert outlet_from_credit(["Headline", "Story.", "By Ana Ruiz and Tom Hale"]) is None  # names, no outlet
