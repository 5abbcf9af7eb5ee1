"""Lesson 05's membership questions, on the course's reference data and on a small made-up one."""

from __future__ import annotations

import pandas as pd
import pytest

from crisis_reading.analysis.institutions import (
    dates_on_file,
    enlargement,
    in_but_not,
    members_on,
    membership_rows,
    soviet_republics_in,
    soviet_republics_table,
    venn_regions,
)
from crisis_reading.dataset.reference import Reference

PUBLISHED = "2022-01-14"


@pytest.fixture
def small() -> Reference:
    """A in NATO and the EU; B in the EU only, then leaves; C a former Soviet republic that joins NATO."""
    memberships = pd.DataFrame(
        {
            "country": ["A", "A", "B", "C", "A", "B", "C"],
            "organisation": ["NATO", "EU", "EU", "NATO", "OSCE", "OSCE", "OSCE"],
            "joined": pd.to_datetime(["2000-01-01", "2000-01-01", "2001-01-01", "2010-06-01", None, None, None]),
            "left": pd.to_datetime([None, None, "2005-01-01", None, None, None, None]),
            "note": [None] * 7,
            "source": ["test"] * 7,
        }
    )
    countries = pd.DataFrame({"country": ["A", "B", "C"], "former_soviet_republic": [False, False, True]})
    return Reference(memberships=memberships, countries=countries, context_timeline=pd.DataFrame())


def test_in_but_not_on_the_publication_day(reference: Reference) -> None:
    assert in_but_not(reference, "NATO", "EU", PUBLISHED) == [
        "Albania",
        "Canada",
        "Iceland",
        "Montenegro",
        "North Macedonia",
        "Norway",
        "Turkey",
        "United Kingdom",
        "United States",
    ]
    assert in_but_not(reference, "EU", "NATO", PUBLISHED) == [
        "Austria",
        "Cyprus",
        "Finland",
        "Ireland",
        "Malta",
        "Sweden",
    ]


def test_in_but_not_follows_the_day(reference: Reference) -> None:
    later = in_but_not(reference, "EU", "NATO", "2024-12-31")
    assert "Finland" not in later and "Sweden" not in later
    assert "United Kingdom" not in in_but_not(reference, "NATO", "EU", "2019-12-31")
    assert "United Kingdom" in in_but_not(reference, "NATO", "EU", "2020-02-01")


def test_in_but_not_and_the_soviet_republics(reference: Reference) -> None:
    outside = in_but_not(reference, "former_soviet_republic", "NATO", PUBLISHED)
    assert len(outside) == 12
    assert {"Russia", "Ukraine", "Georgia"} <= set(outside)
    assert not {"Estonia", "Latvia", "Lithuania"} & set(outside)


def test_in_but_not_on_made_up_data(small: Reference) -> None:
    assert in_but_not(small, "EU", "NATO", "2002-01-01") == ["B"]
    assert in_but_not(small, "EU", "NATO", "2006-01-01") == []  # B has left
    assert in_but_not(small, "former_soviet_republic", "NATO", "2009-01-01") == ["C"]
    assert in_but_not(small, "former_soviet_republic", "NATO", "2011-01-01") == []


def test_in_but_not_names_the_groups_it_knows(reference: Reference) -> None:
    with pytest.raises(ValueError, match="former_soviet_republic"):
        in_but_not(reference, "Nato", "EU", PUBLISHED)
    with pytest.raises(ValueError, match="'UN'"):
        in_but_not(reference, "NATO", "UN", PUBLISHED)


def test_soviet_republics_table(reference: Reference) -> None:
    table = soviet_republics_table(reference, PUBLISHED)
    assert len(table) == 15
    assert list(table.columns) == ["country", "NATO", "EU", "OSCE", "NATO_joined", "EU_joined"]
    assert list(table["country"][:3]) == ["Estonia", "Latvia", "Lithuania"]
    assert table["NATO"].sum() == 3 and table["EU"].sum() == 3 and table["OSCE"].all()
    baltic = table.set_index("country").loc["Latvia"]
    assert baltic["NATO_joined"] == pd.Timestamp("2004-03-29")
    assert baltic["EU_joined"] == pd.Timestamp("2004-05-01")
    assert table.set_index("country").loc[["Russia", "Ukraine"], "NATO_joined"].isna().all()


def test_soviet_republics_table_before_they_joined(reference: Reference) -> None:
    table = soviet_republics_table(reference, "2004-04-15").set_index("country")
    assert table.loc["Estonia", "NATO"] and not table.loc["Estonia", "EU"]
    assert pd.isna(table.loc["Estonia", "EU_joined"])
    assert not soviet_republics_table(reference, "2000-01-01")["NATO"].any()


def test_soviet_republics_table_on_made_up_data(small: Reference) -> None:
    assert soviet_republics_table(small, "2009-01-01")["NATO_joined"].isna().all()
    assert soviet_republics_table(small, "2011-01-01")["NATO_joined"].iloc[0] == pd.Timestamp("2010-06-01")


def test_dates_on_file(reference: Reference) -> None:
    table = dates_on_file(reference)
    assert list(table.index) == ["NATO", "EU", "OSCE"]
    assert table.loc["OSCE", "with_joining_date"] == 0 and table.loc["OSCE", "countries"] == 57
    assert pd.isna(table.loc["OSCE", "first_joined"])
    assert table.loc["NATO", "with_joining_date"] == table.loc["NATO", "countries"]
    assert table.loc["NATO", "first_joined"] == pd.Timestamp("1949-08-24")
    assert table.loc["EU", "have_left"] == 1 and table.loc["NATO", "have_left"] == 0
    # every listed NATO member has a date, so the latest is the newest member's
    assert len(members_on(reference, "NATO", table.loc["NATO", "last_joined"])) == table.loc["NATO", "countries"]


def test_membership_rows(reference: Reference) -> None:
    eu = membership_rows(reference, "EU")
    assert list(eu.columns) == ["country", "joined", "left", "note"]
    assert eu["joined"].is_monotonic_increasing
    assert eu.iloc[0]["country"] == "Belgium"
    assert eu.set_index("country").loc["United Kingdom", "left"] == pd.Timestamp("2020-01-31")
    with pytest.raises(ValueError):
        membership_rows(reference, "eu")


def test_membership_helpers(reference) -> None:
    assert len(members_on(reference, "NATO", "1949-08-24")) == 12
    assert "Sweden" not in members_on(reference, "NATO", "2024-03-06")
    assert "Sweden" in members_on(reference, "NATO", "2024-03-07")
    regions = venn_regions(reference, "2022-01-14")
    assert regions["countries"].sum() == 57
    assert regions.loc[regions["NATO"] & ~regions["OSCE"], "countries"].sum() == 0
    waves = enlargement(reference)
    assert waves["members_after"].iloc[-1] == len(members_on(reference, "NATO", "2030-01-01"))
    eu = enlargement(reference, "EU").set_index("date")
    assert eu.loc[pd.Timestamp("2020-01-31"), "left_countries"] == "United Kingdom"
    assert eu.loc[pd.Timestamp("2020-01-31"), "members_after"] == 27
    assert soviet_republics_in(reference, "EU", "2022-01-14") == ["Estonia", "Latvia", "Lithuania"]
    with pytest.raises(ValueError):
        members_on(reference, "UN", "2022-01-14")
