"""The hints a student meets for the answers a first reading of the course gave (issue 15): each says what is
really wrong, and none gives away its own answer or another question's."""

from __future__ import annotations

import pandas as pd
import pytest

from crisis_reading import load_article, verb_table
from crisis_reading.questions.answer_matching import compare
from crisis_reading.questions.checks import Hint, Question, default_data, judge, verdict


def test_04_1_a_day_after_the_wednesday_but_before_publication_is_not_called_after_publication() -> None:
    article = load_article()
    wednesday = pd.Timestamp(all_expected("04.1"))
    thursday = (wednesday + pd.Timedelta(days=1)).date().isoformat()
    assert pd.Timestamp(thursday) < article.published
    message = verdict("04.1", thursday).message
    assert "after the article was published" not in message and "not a Wednesday" in message
    after = (article.published + pd.Timedelta(days=1)).date().isoformat()
    assert "after the article was published" in verdict("04.1", after).message


def test_03_2_capitals_are_ignored_by_the_hints_as_by_the_check() -> None:
    message = verdict("03.2", ["Bemoaned", "Condemned"]).message
    assert "not judging ones" not in message and "missing a verb" in message


@pytest.mark.parametrize(("question", "column"), [("02.5", "name"), ("03.2", "verb")])
def test_a_filtered_table_is_told_to_pick_a_column(question: str, column: str) -> None:
    article = load_article()
    table = (
        article.speakers[article.speakers["interviewed_by_outlet"]]
        if question == "02.5"
        else verb_table(article)[lambda t: t["tone"] == "judgement"]
    )
    message = verdict(question, table).message
    assert "item(s)" not in message and f'pick one column, like table["{column}"]' in message
    assert verdict(question, table[column])  # the column itself is right


@pytest.mark.parametrize("question", ["02.5", "03.6"])
def test_surnames_as_the_article_writes_them_are_asked_for_in_full(question: str) -> None:
    surnames = [name.split()[-1] for name in all_expected(question)]
    message = verdict(question, surnames).message
    assert "in full" in message and "countries" not in message


def test_04_2_a_time_word_without_its_possessive_is_told_so() -> None:
    words = [w.removesuffix("’s") for w in all_expected("04.2")]
    assert words != all_expected("04.2")
    message = verdict("04.2", words).message
    assert "’s" in message and "another value in the resolved_by column" not in message


def test_03_1_and_03_4_do_not_reveal_each_others_answer() -> None:
    rows, words = all_expected("03.1"), all_expected("03.4")
    assert rows != words
    other_sides = [s for s in ("russia", "us_nato", "ukraine", "eu", "osce", "independent") if s not in (rows, words)]
    # the other question's answer gets the same message as any other wrong side
    assert verdict("03.1", words).message == verdict("03.1", other_sides[0]).message
    assert verdict("03.4", rows).message == verdict("03.4", other_sides[0]).message


def test_02_1_one_short_does_not_name_the_missing_row() -> None:
    expected = all_expected("02.1")
    message = verdict("02.1", expected - 1).message
    assert "no speaker named" not in message
    assert message == verdict("02.1", expected - 3).message


def test_reflection_03_7_does_not_name_the_blocks_of_03_6() -> None:
    import nbformat
    from conftest import REPO

    notebook = nbformat.read(REPO / "exercises" / "03-how-they-are-quoted.ipynb", as_version=4)
    cells = [cell.source for cell in notebook.cells if "03.7" in cell.source or "answer_03_6)" in cell.source]
    reflection = "\n".join(cells)
    article = load_article()
    voices = article.voices()
    blocks = sorted(set(voices.loc[voices["name"].isin(all_expected("03.6")), "block"]))
    assert blocks and not any(f"[{b}" in reflection or f" {b}," in reflection or f" {b} " in reflection for b in blocks)


def test_a_recognised_wrong_figure_is_never_called_close() -> None:
    question = Question(
        id="99.1",
        kind="fill_in",
        asks="?",
        expected=lambda data: 91.0,
        compare="number",
        hint="generic",
        outcome=1,
        hints=(Hint(lambda answer, expected: answer == 100, "That is the precision."),),
    )
    message = judge(question, 100, default_data()).message
    assert "close" not in message and "That is the precision." in message


def test_true_in_quotation_marks_is_told_to_drop_them() -> None:
    assert "remove the quotation marks" in compare("True", True, "boolean").problem
    assert "remove the quotation marks" in compare(" false", True, "boolean").problem


def test_a_verdict_is_readable_without_an_emoji_font() -> None:
    for correct in (verdict("02.1", all_expected("02.1")), verdict("02.1", 0)):
        html = correct._repr_html_()
        assert ("Correct" if correct else "Not yet") in html
        assert not [c for c in html if 0x2600 <= ord(c) <= 0x27BF or ord(c) >= 0x1F000], html


def all_expected(question_id: str):
    from crisis_reading.questions.checks import all_questions, expected_value

    return expected_value(all_questions()[question_id], default_data())
