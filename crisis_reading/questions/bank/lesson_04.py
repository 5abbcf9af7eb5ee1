"""Exercises for lesson 04, Meetings and time."""

from __future__ import annotations

import re

import pandas as pd

from crisis_reading.analysis.dates import WEEKDAYS, weekday_on_or_before
from crisis_reading.analysis.timeline import context_after, dated_events, relative_time_words, timeline_window
from crisis_reading.dataset.vocabulary import split_list
from crisis_reading.questions.answer_matching import normal_items, normal_text, without_possessive
from crisis_reading.questions.checks import Data, Hint, Question

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _wednesday(data: Data) -> str:
    return weekday_on_or_before(data.article.published, "Wednesday’s").date().isoformat()


def _days_from(expected: str, answer: str) -> int:
    """How many days the answer lies after the expected date (negative: before)."""
    return (pd.Timestamp(answer) - pd.Timestamp(expected)).days


def _counted_back(data: Data) -> list[str]:
    words = relative_time_words(data.article)
    return words.loc[words["resolved_by"] == "publication_date", "time_words"].tolist()


def _weekday_words(data: Data) -> list[str]:
    return [words for words in _counted_back(data) if any(day.lower() in words.lower() for day in WEEKDAYS)]


def _two_candidates(data: Data) -> str:
    events = data.article.events
    return str(events.loc[events["date_candidates"].notna(), "time_words"].iloc[0])


def _other_time_words(data: Data) -> list[str]:
    words = relative_time_words(data.article)
    return words.loc[words["certainty"] != "ambiguous", "time_words"].tolist()


def _vague_time_words(data: Data) -> list[str]:
    words = relative_time_words(data.article)
    return words.loc[words["certainty"] == "vague", "time_words"].tolist()


def _ambiguous_names(data: Data) -> set[str]:
    events = data.article.events
    row = events[events["date_candidates"].notna()].iloc[0]
    return {normal_text(row["event_id"]), normal_text(row["description"])}


def _block_16_places(data: Data) -> list[str]:
    """The meetings block 16 names, in calendar order, by the city the article gives."""
    events = data.article.events
    in_block = events["mentioned_in_blocks"].map(lambda cell: "16" in split_list(cell))
    meetings = events[in_block & (events["event_type"] == "meeting")].sort_values("date_start")
    return [split_list(cell)[0] for cell in meetings["place_as_written"]]


def _block_16_order_of_telling(data: Data) -> list[str]:
    """The same cities in the order block 16 names them."""
    text = data.article.blocks.loc[data.article.blocks["block"] == 16, "text"].iloc[0]
    return sorted(_block_16_places(data), key=text.find)


def _shown_in_month(data: Data) -> pd.DataFrame:
    """The events the timeline shows when zoomed to the publication month (start= first day, end= last day)."""
    month = data.article.published.to_period("M")
    start, end = month.start_time, month.end_time.normalize()
    events = dated_events(data.article)
    return events[(events["date_end"] >= start) & (events["date_start"] <= end)]


def _uncertain_in_month(data: Data) -> int:
    return int((_shown_in_month(data)["certainty"] != "certain").sum())


def _uncertain_on_full_chart(data: Data) -> int:
    """The same count on the chart as the lesson first draws it, with its default start and end."""
    start, end = timeline_window(data.article, with_context=True)
    events = dated_events(data.article)
    shown = events[(events["date_end"] >= start) & (events["date_start"] <= end)]
    return int((shown["certainty"] != "certain").sum())


def _days_after(data: Data, word: str) -> int:
    after = context_after(data.reference, data.article.published)
    row = after[after["event"].str.contains(word)].iloc[0]
    return int((row["date_start"] - data.article.published).days)


QUESTIONS = [
    Question(
        id="04.1",
        kind="fill_in",
        asks="Block 6 speaks of “Wednesday’s NATO -Russia Council meeting”. What date is that Wednesday?",
        expected=_wednesday,
        compare="text",
        hint="Count back from article.published, as in section 2 of the lesson: week_up_to(article.published) "
        "lists the days before it, or use weekday_on_or_before.",
        hints=(
            Hint(
                lambda answer, expected: not ISO_DATE.fullmatch(str(answer).strip()),
                "Write the date as text in the form year-month-day, in quotation marks, like the dates in "
                "the lesson's tables (or give the line of code that computes it).",
            ),
            Hint(
                lambda answer, expected, data: pd.Timestamp(answer) > data.article.published,
                "That date is after the article was published. The article reports the meeting as past: "
                "count back from the publication day, not forward.",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected: pd.Timestamp(answer).day_name() != pd.Timestamp(expected).day_name(),
                "That day is not a Wednesday. week_up_to(article.published) lists the days before publication with "
                "the weekday of each: find the Wednesday in it.",
            ),
            Hint(
                lambda answer, expected: _days_from(expected, answer) <= -7,
                "That is a week too early. The article speaks of “this past week”: take the Wednesday "
                "closest before the publication day.",
            ),
        ),
        outcome=4,
        wrong_answers=lambda data: [
            (pd.Timestamp(_wednesday(data)) + pd.Timedelta(days=1)).date().isoformat(),
            (pd.Timestamp(_wednesday(data)) - pd.Timedelta(days=7)).date().isoformat(),
            (pd.Timestamp(_wednesday(data)) + pd.Timedelta(days=7)).date().isoformat(),
            int((data.article.published - pd.Timestamp(_wednesday(data))).days),
        ],
    ),
    Question(
        id="04.2",
        kind="target_practice",
        asks="Which of the article's time words does the data mark as resolved by the publication day "
        "(resolved_by is 'publication_date')? Give the article's own words, as in the time_words column.",
        expected=_counted_back,
        compare="set",
        hint="In relative_time_words(article), keep the rows whose resolved_by column is 'publication_date' "
        "and read their time_words.",
        hints=(
            Hint(
                lambda answer, expected: bool(
                    {without_possessive(a) for a in normal_items(answer) - normal_items(expected)}
                    & {without_possessive(e) for e in expected}
                ),
                "Copy each time word exactly as the time_words column writes it, with its ’s where it has one: "
                "“Monday” and “Monday’s” are different words to the check.",
            ),
            Hint(
                lambda answer, expected: bool({normal_text(a) for a in answer} - {normal_text(e) for e in expected}),
                "Some of your time words have another value in the resolved_by column (facts_sheet or "
                "context): check the resolved_by column of each.",
            ),
            Hint(
                lambda answer, expected: {normal_text(a) for a in answer} < {normal_text(e) for e in expected},
                "Not only weekdays: words that name a week or a year are counted from the publication day "
                "too. Read every row whose resolved_by is 'publication_date'.",
            ),
        ),
        outcome=4,
        wrong_answers=lambda data: [
            _weekday_words(data),
            [*_counted_back(data), _two_candidates(data)],
            [without_possessive(words) if words.endswith("’s") else words for words in _counted_back(data)],
        ],
    ),
    Question(
        id="04.3",
        kind="predict",
        asks="Block 16 tells the week's three meetings in one sentence. In which order did they happen on the "
        "calendar? Give the cities as a list, earliest first.",
        expected=_block_16_places,
        compare="list",
        hint="Look at the date_start column of the meetings in article.events and sort them by it.",
        hints=(
            Hint(
                lambda answer, expected, data: (
                    [normal_text(a) for a in answer] == [normal_text(e) for e in _block_16_order_of_telling(data)]
                ),
                "That is the order in which block 16 tells them, not the order of the calendar. "
                "Compare the date_start of each meeting.",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected: (
                    sorted(normal_text(a) for a in answer) == sorted(normal_text(e) for e in expected)
                ),
                "The right cities, but earliest first: sort the meetings by date_start.",
            ),
            Hint(
                lambda answer, expected: any("|" in str(a) or "austria" in normal_text(a) for a in answer),
                "Give just the city for each meeting, as block 16 names it.",
            ),
        ),
        outcome=4,
        wrong_answers=lambda data: [
            _block_16_order_of_telling(data),
            _block_16_places(data)[::-1],
        ],
    ),
    Question(
        id="04.4",
        kind="interpret",
        asks="One event in the data has two candidate dates, because the article's words allow both. "
        "Which time words date it? Give them as the time_words column writes them.",
        expected=_two_candidates,
        compare="text",
        hint="Look for the row whose certainty is 'ambiguous': its date_candidates column lists more than one date.",
        hints=(
            Hint(
                lambda answer, expected, data: normal_text(answer) in _ambiguous_names(data),
                "That is the right event, but the question asks for the article's own time words: "
                "read its time_words column.",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected, data: normal_text(answer) in {normal_text(w) for w in _other_time_words(data)},
                "Those words give a date or a range of days, not two separate candidates. A range is 'vague'; "
                "two candidates are 'ambiguous': check the certainty column.",
                uses_data=True,
            ),
        ),
        outcome=4,
        wrong_answers=lambda data: _vague_time_words(data)[:2],
    ),
    Question(
        id="04.5",
        kind="fill_in",
        asks="How many days after the article was published did Russia's full-scale invasion of Ukraine begin?",
        expected=lambda data: _days_after(data, "invasion"),
        compare="number",
        hint="Use context_after(reference, article.published): subtract article.published from the invasion "
        "row's date_start, as in section 7 of the lesson.",
        hints=(
            Hint(
                lambda answer, expected: answer == expected + 1,
                "Count as the lesson does: the date minus the publication day. The publication day itself "
                "is day 0, so do not count it.",
            ),
            Hint(
                lambda answer, expected, data: answer == _days_after(data, "written replies"),
                "That is the day the written replies came. Find the row about the invasion.",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected: answer < 10,
                "The question asks for days, not weeks or months.",
            ),
        ),
        outcome=4,
        wrong_answers=lambda data: [_days_after(data, "invasion") + 1, _days_after(data, "written replies")],
    ),
    Question(
        id="04.6",
        kind="tweak",
        asks="Zoom the timeline chart to the month of publication (start='2022-01-01', end='2022-01-31'). "
        "How many of the events it shows have an inferred or uncertain date?",
        expected=_uncertain_in_month,
        compare="number",
        hint="Add start= and end= to timeline_chart, run it, and read the chart's title: it counts the "
        "events with an inferred or uncertain date.",
        hints=(
            Hint(
                lambda answer, expected, data: answer == _uncertain_on_full_chart(data),
                "That is the count on the full chart, or every row of uncertain_dates(article). Zoom in first: "
                "add start= and end= for January inside the brackets and read the new title, or keep only the "
                "rows that overlap January.",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected, data: answer == len(_shown_in_month(data)),
                "That counts every event the zoomed chart shows. The question asks only for those whose date "
                "is not certain: the title's second number.",
                uses_data=True,
            ),
        ),
        outcome=4,
        wrong_answers=lambda data: [_uncertain_on_full_chart(data), len(_shown_in_month(data))],
    ),
]
