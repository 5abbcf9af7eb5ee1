"""Tests of crisis_reading.dataset.vocabulary: the conventions every layer shares, written once."""

from __future__ import annotations

import math

from crisis_reading.dataset.vocabulary import counted, join_list, makes_an_id, slug, split_list


def test_one_slug_for_every_id() -> None:
    assert slug("Lucía Ferrandel") == "lucia_ferrandel"
    assert slug("Sean O’Brien") == slug("Sean O'Brien") == "sean_obrien"  # one name, not two words
    assert slug("2nd Battalion") == "s_2nd_battalion"
    assert slug("“ ”") == "speaker"


def test_a_list_cell_splits_and_joins_by_one_rule() -> None:
    assert split_list("Stoltenberg | he | the secretary general") == ["Stoltenberg", "he", "the secretary general"]
    assert split_list("") == split_list(None) == split_list(math.nan) == []
    assert join_list(["a", "b"]) == "a | b" and split_list(join_list(["a", "b"])) == ["a", "b"]


def test_a_count_takes_its_noun_in_the_right_number() -> None:
    assert counted(1, "proposed event") == "1 proposed event"
    assert counted(0, "proposed event") == "0 proposed events" and counted(2, "speaker") == "2 speakers"
    assert counted(1, "entry", "entries") == "1 entry" and counted(3, "entry", "entries") == "3 entries"


def test_makes_an_id_says_whether_slug_has_letters_to_keep() -> None:
    assert makes_an_id("Côte d’Ivoire") and makes_an_id("US/NATO") and makes_an_id("1st Brigade")
    assert not makes_an_id("Россия") and not makes_an_id("!!") and slug("Россия") == slug("!!") == "speaker"
