"""Relative time words pinned to the calendar, counted from the publication day."""

from __future__ import annotations

import pandas as pd
import pytest

from crisis_reading import load_article
from crisis_reading.analysis.dates import (
    NO_RULE,
    calendar_readings,
    calendar_span,
    date_reading,
    week_up_to,
    weekday_on_or_before,
)

FRIDAY = pd.Timestamp("2022-01-14")  # a Friday


def test_week_up_to_counts_back_from_the_day() -> None:
    week = week_up_to(FRIDAY)
    assert len(week) == 7
    assert list(week["days_back"]) == list(range(7))
    assert week.iloc[0]["weekday"] == "Friday" and week.iloc[0]["date"] == FRIDAY
    assert week.iloc[-1]["weekday"] == "Saturday"
    assert week.loc[week["weekday"] == "Wednesday", "date"].item() == pd.Timestamp("2022-01-12")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Wednesday’s", "2022-01-12"),
        ("Thursday’s", "2022-01-13"),
        ("on Monday", "2022-01-10"),
        ("On Friday", "2022-01-14"),  # the publication day itself, not a week earlier
        ("Saturday", "2022-01-08"),  # the day after publication would be in the future: go back
        ("SUNDAY", "2022-01-09"),
    ],
)
def test_weekday_on_or_before(words: str, expected: str) -> None:
    assert weekday_on_or_before(FRIDAY, words) == pd.Timestamp(expected)


def test_weekday_without_a_weekday_says_what_to_give() -> None:
    with pytest.raises(ValueError, match="No weekday in 'last month’s'"):
        weekday_on_or_before(FRIDAY, "last month’s")


@pytest.mark.parametrize(
    ("words", "start", "end"),
    [
        ("Wednesday’s", "2022-01-12", "2022-01-12"),
        ("today", "2022-01-14", "2022-01-14"),
        ("yesterday", "2022-01-13", "2022-01-13"),
        ("this past week", "2022-01-10", "2022-01-14"),
        ("this week", "2022-01-10", "2022-01-14"),
        ("last week", "2022-01-03", "2022-01-09"),
        ("last month’s", "2021-12-01", "2021-12-31"),  # January article: last month is in the year before
        ("at the end of last year", "2021-01-01", "2021-12-31"),
        ("in early January", "2022-01-01", "2022-01-14"),  # stops at the publication day
        ("in May", "2021-05-01", "2021-05-31"),  # the latest May, which is in the year before
    ],
)
def test_calendar_span(words: str, start: str, end: str) -> None:
    first, last, rule = calendar_span(words, FRIDAY)
    assert (first, last) == (pd.Timestamp(start), pd.Timestamp(end))
    assert rule and rule != NO_RULE


def test_calendar_span_says_when_a_qualifier_is_a_reading() -> None:
    assert "“end of” narrows it" in calendar_span("at the end of last year", FRIDAY)[2]
    assert "“early” narrows it" in calendar_span("in early January", FRIDAY)[2]
    assert "narrows" not in calendar_span("last month’s", FRIDAY)[2]


def test_calendar_span_does_not_guess() -> None:
    for words in ("after more than two years", "After the NATO-Russia Council meeting", "it may rain"):
        first, last, rule = calendar_span(words, FRIDAY)
        assert pd.isna(first) and pd.isna(last) and rule == NO_RULE


def test_the_datas_dates_fit_what_the_calendar_allows(article) -> None:
    readings = calendar_readings(article)
    assert len(readings) == article.events["time_words"].notna().sum()
    placed = readings[readings["calendar_start"].notna()]
    assert len(placed) >= 5
    assert placed["fits_calendar"].all(), placed.loc[~placed["fits_calendar"], ["time_words", "date_start"]]
    assert readings.loc[readings["calendar_start"].isna(), "fits_calendar"].isna().all()
    # A weekday names one day: the data must hold exactly that day.
    weekdays = readings[readings["rule"].str.contains("on or before the publication day:")]
    assert len(weekdays) >= 3
    assert (weekdays["date_start"] == weekdays["calendar_start"]).all()
    assert (weekdays["date_end"] == weekdays["calendar_end"]).all()


def test_a_date_outside_the_calendar_span_is_flagged() -> None:
    article = load_article()  # a private copy: this test changes it
    wednesday = article.events["time_words"] == "Wednesday’s"
    article.events.loc[wednesday, ["date_start", "date_end"]] = pd.Timestamp("2022-01-19")
    readings = calendar_readings(article)
    assert not readings.loc[readings["time_words"] == "Wednesday’s", "fits_calendar"].item()


@pytest.mark.parametrize(
    ("words", "start", "end", "candidates", "certainty"),
    [
        ("on Tuesday", "2025-03-11", "2025-03-11", [], "certain"),  # a Friday article: that week's Tuesday
        ("last Tuesday", "2025-03-04", "2025-03-11", ["2025-03-04", "2025-03-11"], "ambiguous"),
        ("next Thursday", "2025-03-20", "2025-03-27", ["2025-03-20", "2025-03-27"], "ambiguous"),
        ("by Friday", "2025-03-14", "2025-03-14", [], "likely"),  # a deadline: on or after the publication day
        ("later this week", "2025-03-15", "2025-03-16", [], "vague"),
        ("two years ago", "2022-09-14", "2023-09-14", [], "vague"),
        ("next week", "2025-03-17", "2025-03-23", [], "vague"),
        ("tomorrow", "2025-03-15", "2025-03-15", [], "certain"),
        ("earlier this month", "2025-03-01", "2025-03-13", [], "vague"),
        ("since January", "2025-01-01", "2025-03-14", [], "vague"),
        ("three days ago", "2025-03-11", "2025-03-11", [], "likely"),
        ("at the end of last year", "2024-01-01", "2024-12-31", [], "vague"),
    ],
)
def test_date_reading_proposes_what_a_reviewer_needs(words, start, end, candidates, certainty) -> None:
    reading = date_reading(words, "2025-03-14")
    assert (reading.start, reading.end) == (pd.Timestamp(start), pd.Timestamp(end))
    assert [f"{day:%Y-%m-%d}" for day in reading.candidates] == candidates
    assert reading.certainty == certainty and reading.rule


def test_date_reading_does_not_guess() -> None:
    reading = date_reading("within days", "2025-03-14")
    assert not reading.placed and reading.certainty is None and reading.rule == NO_RULE


@pytest.mark.parametrize(
    ("words", "published"),
    [
        ("earlier this month", "2025-11-01"),  # nothing of the month lies before the 1st
        ("later this month", "2025-11-30"),
        ("later this week", "2025-11-16"),  # a Sunday
        ("3000 years ago", "2025-11-12"),
        ("3,000 years ago", "2025-11-12"),
    ],
)
def test_date_reading_places_no_empty_or_absurd_span(words: str, published: str) -> None:
    assert not date_reading(words, published).placed


def test_date_reading_across_month_and_year_ends() -> None:
    last = date_reading("last Tuesday", "2026-01-01")  # a Thursday
    assert [f"{d:%Y-%m-%d}" for d in last.candidates] == ["2025-12-23", "2025-12-30"]
    assert (date_reading("next week", "2025-12-28").start, date_reading("next week", "2025-12-28").end) == (
        pd.Timestamp("2025-12-29"),
        pd.Timestamp("2026-01-04"),
    )
    assert date_reading("next month", "2025-12-31").start == pd.Timestamp("2026-01-01")
    same_day = date_reading("last Tuesday", "2025-11-11")  # published on a Tuesday: not that day itself
    assert same_day.end == pd.Timestamp("2025-11-04")
