"""Pin an article's relative time words ("Wednesday’s", "last month’s") to the calendar.

A news report is written on one day and read against that day: "Wednesday’s meeting"
in a Friday article means the Wednesday two days before. These helpers count from the
publication day with pandas, so a lesson can show the arithmetic and then check the
dates the data records.

The calendar alone gives a *span* of days; words such as "early" or "the end of" narrow
it, but by how much is a reading, not a rule, so the span is left as wide as the
calendar allows and the rule says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from crisis_reading.analysis.choices import ChoiceError
from crisis_reading.analysis.timeline import relative_time_words
from crisis_reading.dataset.article import Article, article_or_course
from crisis_reading.dataset.vocabulary import MONTHS, WEEKDAYS, counted

_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
# Month names only with a capital: "may" is also a verb.
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_QUALIFIER = re.compile(r"\b(early|late|mid|end of|beginning of|start of)\b", re.IGNORECASE)
NO_RULE = "not a calendar phrase: the date needs the article’s context or another source"


def week_up_to(day: str | pd.Timestamp, days: int = 7) -> pd.DataFrame:
    """The `days` days ending on `day`, newest first, with each weekday and how many days back it is."""
    day = pd.Timestamp(day).normalize()
    dates = pd.date_range(end=day, periods=days)[::-1]
    return pd.DataFrame({"date": dates, "weekday": dates.day_name(), "days_back": (day - dates).days})


def weekday_on_or_before(day: str | pd.Timestamp, words: str) -> pd.Timestamp:
    """The latest date on or before `day` that falls on the weekday named in `words`.

    `words` may be the article's own: "Wednesday’s", "on Monday", "On Friday". "On or before"
    is a choice: in a Friday article "On Friday" is read as that same Friday, not a week earlier.
    """
    match = _WEEKDAY.search(words)
    if match is None:
        raise ChoiceError(f"No weekday in {words!r}. Name one of: {', '.join(WEEKDAYS)}.")
    day = pd.Timestamp(day).normalize()
    wanted = WEEKDAYS.index(match.group(1).capitalize())
    return day - pd.Timedelta(days=(day.day_of_week - wanted) % 7)


def calendar_span(words: str, published: str | pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """The first and last day the calendar allows for `words`, counted from `published`, and the rule used.

    Understood: a weekday ("Wednesday’s"), "today", "yesterday", "this (past) week", "last week",
    "last month", "last year", and a month name ("in early January", the latest such month).
    Spans stop at the publication day, because the article reports them as past.
    Anything else gives NaT for both days and says the calendar cannot place it.
    """
    day = pd.Timestamp(published).normalize()
    lowered = words.lower()
    if _WEEKDAY.search(words):
        date = weekday_on_or_before(day, words)
        back = (day - date).days
        when = "the publication day itself" if back == 0 else f"{counted(back, 'day')} back"
        start, end, rule = date, date, f"the {date.day_name()} on or before the publication day: {when}"
    elif re.search(r"\btoday\b", lowered):
        start, end, rule = day, day, "the publication day"
    elif re.search(r"\byesterday\b", lowered):
        start = end = day - pd.Timedelta(days=1)
        rule = "the day before publication"
    elif re.search(r"\bthis (past )?week\b", lowered):
        start, end = day - pd.Timedelta(days=day.day_of_week), day
        rule = "from the Monday of the publication week to the publication day"
    elif re.search(r"\blast week\b", lowered):
        monday = day - pd.Timedelta(days=day.day_of_week + 7)
        start, end = monday, monday + pd.Timedelta(days=6)
        rule = "the Monday to Sunday before the publication week"
    elif re.search(r"\blast month\b", lowered):
        month = day.to_period("M") - 1
        start, end = month.start_time, month.end_time.normalize()
        rule = f"the calendar month before publication: {month.strftime('%B %Y')}"
    elif re.search(r"\blast year\b", lowered):
        year = day.to_period("Y") - 1
        start, end = year.start_time, year.end_time.normalize()
        rule = f"the calendar year before publication: {year.year}"
    elif match := _MONTH.search(words):
        number = MONTHS.index(match.group(1)) + 1
        year = day.year if number <= day.month else day.year - 1
        month = pd.Period(year=year, month=number, freq="M")
        start, end = month.start_time, min(month.end_time.normalize(), day)
        rule = f"the latest {match.group(1)} on or before the publication day"
        if end == day:
            rule += ", up to that day"
    else:
        return pd.NaT, pd.NaT, NO_RULE
    qualifier = _QUALIFIER.search(words)
    if qualifier and start != end:
        rule += f"; “{qualifier.group(1)}” narrows it, but by how much is a reading, not a calendar rule"
    return start, end, rule


@dataclass(frozen=True)
class DateReading:
    """What the calendar proposes for an event's time words: a span, candidate days, a certainty, the rule."""

    start: pd.Timestamp
    end: pd.Timestamp
    candidates: tuple[pd.Timestamp, ...]
    certainty: str | None
    rule: str

    @property
    def placed(self) -> bool:
        return not pd.isna(self.start)


_NEXT_WEEKDAY = re.compile(r"\b(?:next|this coming|coming)\s+(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_LAST_WEEKDAY = re.compile(r"\blast\s+(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_DEADLINE_WEEKDAY = re.compile(r"\b(?:by|until|before)\s+(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_AGO = re.compile(
    r"(?<![\d,.])\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBERS.update({"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10})
_NOT_PLACED = DateReading(pd.NaT, pd.NaT, (), None, NO_RULE)


def date_reading(words: str, published: str | pd.Timestamp) -> DateReading:
    """The date the calendar proposes for `words`, with how sure it can be, counted from `published`.

    It adds to `calendar_span` the readings a person reviewing an article needs: the future ("next
    week", "tomorrow", "by Friday", "later this month"), "earlier this month", "N days/years ago",
    "since …", and the weekdays English uses two ways: "last Tuesday" (this week's, or the one
    before) and "next Thursday" (the coming one, or the one after), both kept as candidates. One day is
    `certain`; a span is `vague` (the words give no day); a future weekday is `likely`. Words that
    name no day the calendar can count to (or an empty span: "earlier this month" on the 1st) are not
    placed. A person still checks every reading: the calendar cannot know that "on Monday" in "will
    reopen on Monday" is the Monday to come.
    """
    day = pd.Timestamp(published).normalize()
    reading = _reading(words, day)
    if reading.placed and reading.end < reading.start:
        return _NOT_PLACED  # "earlier this month" on the 1st: the span is empty
    return reading


def _reading(words: str, day: pd.Timestamp) -> DateReading:
    one_day = pd.Timedelta(days=1)
    lowered = words.lower()
    if re.search(r"\bsince\b", lowered):
        rest = _reading(re.sub(r"\bsince\b", "", words, flags=re.IGNORECASE), day)
        if not rest.placed:
            return _NOT_PLACED
        return _span(rest.start, day, f"{rest.rule}; “since” runs on to the publication day")
    if match := _LAST_WEEKDAY.search(words):
        latest = weekday_on_or_before(day - one_day, match.group(1))
        earlier = latest - pd.Timedelta(days=7)
        name = match.group(1).capitalize()
        rule = (
            f"“last {name}” is read both as the latest one before the publication day ({latest:%d %B}) "
            f"and as the one a week before ({earlier:%d %B}); both are kept"
        )
        return DateReading(earlier, latest, (earlier, latest), "ambiguous", rule)
    if match := _NEXT_WEEKDAY.search(words):
        first = _weekday_after(day, match.group(1))
        later = first + pd.Timedelta(days=7)
        name = match.group(1).capitalize()
        rule = (
            f"“next {name}” is read both as the first one after the publication day ({first:%d %B}) "
            f"and as the one a week later ({later:%d %B}); both are kept"
        )
        return DateReading(first, later, (first, later), "ambiguous", rule)
    if match := _DEADLINE_WEEKDAY.search(words):
        date = _weekday_after(day - one_day, match.group(1))  # on or after the publication day
        return DateReading(
            date, date, (), "likely", f"a deadline: the first {date.day_name()} from the publication day"
        )
    if re.search(r"\btomorrow\b", lowered):
        return DateReading(day + one_day, day + one_day, (), "certain", "the day after publication")
    if re.search(r"\bnext week\b", lowered):
        monday = day + pd.Timedelta(days=7 - day.day_of_week)
        return _span(monday, monday + pd.Timedelta(days=6), "the Monday to Sunday after the publication week")
    if re.search(r"\blater this week\b", lowered):
        sunday = day + pd.Timedelta(days=6 - day.day_of_week)
        return _span(day + one_day, sunday, "from the day after publication to the Sunday of its week")
    if re.search(r"\bnext month\b", lowered):
        month = day.to_period("M") + 1
        return _span(month.start_time, month.end_time.normalize(), f"the month after publication: {month:%B %Y}")
    if re.search(r"\bearlier this month\b", lowered):
        return _span(day.replace(day=1), day - one_day, "from the first of the month to the day before publication")
    if re.search(r"\blater this month\b", lowered):
        month_end = day.to_period("M").end_time.normalize()
        return _span(day + one_day, month_end, "from the day after publication to the end of the month")
    if re.search(r"\bthis month\b", lowered):
        return _span(day.replace(day=1), day.to_period("M").end_time.normalize(), "the month of publication")
    if match := _AGO.search(words):
        count = int(match.group(1)) if match.group(1).isdigit() else _NUMBERS[match.group(1).lower()]
        return _ago(day, count, match.group(2).lower())
    start, end, rule = calendar_span(words, day)
    if pd.isna(start):
        return _NOT_PLACED
    return DateReading(start, end, (), "certain" if start == end else "vague", rule)


def _weekday_after(day: pd.Timestamp, name: str) -> pd.Timestamp:
    """The first date after `day` that falls on the weekday `name`."""
    wanted = WEEKDAYS.index(name.capitalize())
    return day + pd.Timedelta(days=(wanted - day.day_of_week - 1) % 7 + 1)


def _ago(day: pd.Timestamp, count: int, unit: str) -> DateReading:
    if unit == "day":
        date = day - pd.Timedelta(days=count)
        return DateReading(date, date, (), "likely", f"{counted(count, 'day')} before publication, if counted exactly")
    back = {"week": pd.DateOffset(weeks=count), "month": pd.DateOffset(months=count)}.get(
        unit, pd.DateOffset(years=count)
    )
    half = {"week": pd.DateOffset(days=3), "month": pd.DateOffset(days=15)}.get(unit, pd.DateOffset(months=6))
    centre = day - back
    return _span(
        centre - half, centre + half, f"about {counted(count, unit)} before publication, give or take half a {unit}"
    )


def _span(start: pd.Timestamp, end: pd.Timestamp, rule: str) -> DateReading:
    return DateReading(start, end, (), "vague", rule)


def calendar_readings(article: Article | None = None) -> pd.DataFrame:
    """Each event the article dates with its own words: what the calendar alone allows, beside the data's date.

    `fits_calendar` is True when the data's dates lie inside the calendar's span, False when
    they do not (a mistake in the data, or words the calendar misreads), and empty when the
    calendar cannot place the words at all.
    """
    article = article_or_course(article)
    events = relative_time_words(article)
    readings = [date_reading(words, article.published) for words in events["time_words"]]
    table = events[["description", "time_words"]].copy()
    unit = events["date_start"].dtype
    table["calendar_start"] = pd.to_datetime([reading.start for reading in readings]).astype(unit)
    table["calendar_end"] = pd.to_datetime([reading.end for reading in readings]).astype(unit)
    table["rule"] = [reading.rule for reading in readings]
    table["date_start"] = events["date_start"]
    table["date_end"] = events["date_end"]
    table["certainty"] = events["certainty"]
    placed = table["calendar_start"].notna()
    fits = (table["calendar_start"] <= table["date_start"]) & (table["date_end"] <= table["calendar_end"])
    table["fits_calendar"] = pd.array(fits.where(placed, None), dtype="boolean")
    return table
