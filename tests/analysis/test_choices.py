"""Every helper a student calls with a wrong value answers in one friendly line naming what it accepts (issue 15)."""

from __future__ import annotations

import pytest

import crisis_reading as cr
from crisis_reading.analysis.choices import ChoiceError, rows_where


def _calls():
    article, reference = cr.load_article(), cr.load_reference()
    return [
        (lambda: cr.filter_quotes(article, side="Russia"), "'russia'"),
        (lambda: cr.filter_quotes(article, kind="Direct"), "'direct'"),
        (lambda: cr.kinds_by_side(article, measure="word"), "'words'"),
        (lambda: cr.side_summary(article, by="voicetype"), "'voice_type'"),
        (lambda: cr.first_and_last_word(article, kinds=["Direct"]), "'direct'"),
        (lambda: cr.members_on(reference, "nato", article.published), "'NATO'"),
        (lambda: cr.enlargement(reference, "Nato"), "'NATO'"),
        (lambda: cr.in_but_not(reference, "former soviet republic", "NATO", article.published), "former_soviet"),
        (lambda: cr.soviet_republics_in(reference, "eu", article.published), "'EU'"),
        (lambda: cr.membership_rows(reference, "Osce"), "'OSCE'"),
        (lambda: cr.cut_from_bottom(article, keep=150), "0 to 100"),
        (lambda: cr.weekday_on_or_before(article.published, "yesterday"), "Wednesday"),
        (lambda: cr.show_blocks(article, 999), "numbered"),
        (lambda: cr.show_card(article, "Lavrov"), "Sergey Lavrov"),
        (lambda: cr.widgets.enlargement_explorer(reference, "OSCE"), "'NATO'"),
        (lambda: cr.speaker_blocks(article, ["Lavrov"]), "'Sergey Lavrov'"),
        (lambda: rows_where(reference.memberships, country="UK"), "Did you mean 'United Kingdom'?"),
        (lambda: rows_where(cr.framed_quotes(article), label="talks are deadlocked"), "Did you mean 'Talks are"),
    ]


@pytest.mark.parametrize("number", range(len(_calls())))
def test_a_wrong_value_gets_one_friendly_line(number: int) -> None:
    call, names = _calls()[number]
    with pytest.raises(ChoiceError) as raised:
        call()
    shown = raised.value._render_traceback_()  # what IPython shows instead of a traceback
    assert len(shown) == 1 and "\n" not in shown[0] and names in shown[0], shown


def test_a_mistyped_side_is_told_the_one_it_means() -> None:
    with pytest.raises(ChoiceError, match="Did you mean 'russia'"):
        cr.filter_quotes(cr.load_article(), side="Russia")


def test_a_value_that_is_in_the_table_but_matches_nothing_else_is_still_an_empty_table() -> None:
    tagged = cr.framed_quotes(cr.load_article())
    assert len(rows_where(tagged, side="russia")) > 0
    assert isinstance(ChoiceError("x"), ValueError)  # code that catches a ValueError keeps working
