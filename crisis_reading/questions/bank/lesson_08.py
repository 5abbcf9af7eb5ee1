"""Exercises for lesson 08, Your turn: the article the student annotates, the quote finder and its answer key.

The article here is the one students annotate in lesson 08 (CAPSTONE_ARTICLE, the Haldor dam talks,
`haldor` in the notebooks), not the Meridia worked example the lesson walks through first.

Every expected answer is computed from that article's answer key and from the finder's
proposal for it, so they follow any correction of the key or improvement of the finder.
"""

from __future__ import annotations

from crisis_reading.analysis.dates import calendar_readings
from crisis_reading.analysis.voices import side_summary
from crisis_reading.annotate.workspace import capstone_article, capstone_proposal, practice_proposal
from crisis_reading.finder.scoring import missed_quotes, score
from crisis_reading.questions.checks import Data, Hint, Question


def _proposed_count(data: Data) -> int:
    return len(capstone_proposal().quotes)


def _scores():
    practice = capstone_article()
    return score(capstone_proposal(), practice.quotes, practice.speakers)


def _percent(kind: str, column: str) -> float:
    return round(100 * float(_scores().loc[kind, column]), 1)


def _missed(data: Data) -> int:
    practice = capstone_article()
    return len(missed_quotes(capstone_proposal(), practice.quotes, practice.speakers))


def _count_difference(data: Data | None = None) -> int:
    return len(capstone_article().quotes) - len(capstone_proposal().quotes)


def _top_share(data: Data) -> float:
    return float(side_summary(capstone_article())["word_share"].iloc[0])


def _top_row_share(data: Data | None = None) -> float:
    summary = side_summary(capstone_article())
    return round(100 * summary["quotes"].iloc[0] / summary["quotes"].sum(), 1)


def _indirect_share(article) -> float:
    return round(100 * float((article.quotes["kind"] == "indirect").mean()), 1)


def _partial_share(article) -> float:
    return float((article.quotes["kind"] == "partial").mean())


def _misread_by_calendar(data: Data) -> int:
    return int((calendar_readings(capstone_article())["fits_calendar"] == False).sum())  # noqa: E712 (a boolean array with NA)


def _fits_calendar() -> int:
    return int((calendar_readings(capstone_article())["fits_calendar"] == True).sum())  # noqa: E712 (with NA)


def _not_placed(data: Data | None = None) -> int:
    return int(calendar_readings(capstone_article())["fits_calendar"].isna().sum())


def _others(expected, candidates: list) -> list:
    """Plausible wrong answers, leaving out any that happens to equal the right one for this data."""
    return [candidate for candidate in candidates if candidate != expected]


QUESTIONS = [
    Question(
        id="08.1",
        kind="predict",
        asks="Predict, then run: how many quotes does the quote finder propose for the Haldor article?",
        expected=_proposed_count,
        compare="number",
        hint="Count the rows of proposed.quotes: len(proposed.quotes).",
        hints=(
            Hint(
                lambda answer, expected: answer == len(capstone_article().quotes),
                "That is the number of quotes in the answer key (haldor.quotes), annotated by hand. "
                "The question asks what the finder proposes: proposed.quotes.",
            ),
            Hint(
                lambda answer, expected: answer == len(practice_proposal().quotes) != expected,
                "That is what the finder proposes for the lesson's worked example, the Meridia article. This "
                "question is about the Haldor article you annotated: count proposed.quotes here.",
            ),
        ),
        outcome=8,
        wrong_answers=lambda data: _others(
            _proposed_count(data), [len(capstone_article().quotes), len(capstone_proposal().speakers)]
        ),
    ),
    Question(
        id="08.2",
        kind="target_practice",
        asks="What share of the answer key's indirect quotes does the finder find (its recall for indirect quotes), "
        "in per cent?",
        expected=lambda data: _percent("indirect", "recall"),
        compare="number",
        tolerance=0.5,
        hint="Read the recall column of scores in the row indirect, and give it in per cent (times 100).",
        hints=(
            Hint(lambda answer, expected: 0 < answer <= 1, "The share is in per cent: 50 means a half, not 0.5."),
            Hint(
                lambda answer, expected: abs(answer - _percent("all", "recall")) <= 0.5,
                "That is the recall for every kind together (the row all). The question asks about indirect quotes.",
            ),
            Hint(
                lambda answer, expected: abs(answer - _percent("indirect", "precision")) <= 0.5,
                "That is the precision: the share of its indirect proposals that are right. Recall is the share of "
                "the key's indirect quotes that it found.",
            ),
        ),
        outcome=8,
        wrong_answers=lambda data: _others(
            _percent("indirect", "recall"),
            [_percent("all", "recall"), _percent("indirect", "precision"), _percent("indirect", "recall") / 100],
        ),
    ),
    Question(
        id="08.3",
        kind="fill_in",
        asks="How many quotes of the answer key does the finder miss (no proposal of its own covers half of them)?",
        expected=_missed,
        compare="number",
        near_miss=False,
        hint="missed_quotes(proposed, haldor.quotes, haldor.speakers) lists them: count its rows.",
        hints=(
            Hint(
                lambda answer, expected: answer == _count_difference(),
                "Subtracting the two counts is not the same thing: a proposal can be a quote the key does not have, "
                "or one proposal may cover two quotes of the key. Count the rows of missed.",
            ),
            Hint(
                lambda answer, expected: answer in (len(capstone_article().quotes), _proposed_count(None)),
                "That is how many quotes there are, not how many the finder missed. The answer is a count of the "
                "key's quotes that no proposal covers: the rows of missed.",
            ),
        ),
        outcome=8,
        wrong_answers=lambda data: _others(_missed(data), [_count_difference(data), _missed(data) + 1]),
    ),
    Question(
        id="08.4",
        kind="interpret",
        asks="In the answer key, what percentage of the Haldor article's attributed words go to the side with the "
        "most words?",
        expected=_top_share,
        compare="number",
        tolerance=0.5,
        hint="Use side_summary(haldor) and read the word_share of the top row.",
        hints=(
            Hint(lambda answer, expected: 0 < answer < 1, "The share is in per cent: 25 means a quarter, not 0.25."),
            Hint(
                lambda answer, expected: abs(answer - _top_row_share()) <= 0.5,
                "That is the side's share of quote rows. The question asks for words: the word_share column.",
            ),
        ),
        outcome=8,
        wrong_answers=lambda data: _others(_top_share(data), [_top_row_share(data), _top_share(data) / 100]),
    ),
    Question(
        id="08.5",
        kind="tweak",
        asks="Change course to haldor in the cell that computes the share of indirect quote rows, and run it again. "
        "What percentage of the Haldor article's quote rows are indirect?",
        expected=lambda data: _indirect_share(capstone_article()),
        compare="number",
        tolerance=0.5,
        hint="Run the cell with haldor instead of course: it gives the percentage of rows whose kind is indirect.",
        hints=(
            Hint(
                lambda answer, expected: abs(answer - _indirect_share(_course())) <= 0.5,
                "That is the course's article. Did you change course to haldor and run the cell again?",
            ),
        ),
        outcome=8,
        wrong_answers=lambda data: _others(
            _indirect_share(capstone_article()),
            [_indirect_share(data.article), int((capstone_article().quotes["kind"] == "indirect").sum())],
        ),
    ),
    Question(
        id="08.6",
        kind="interpret",
        asks="True or False: a larger share of the Haldor article's quote rows are partial quotes than of the "
        "course's article's.",
        expected=lambda data: _partial_share(capstone_article()) > _partial_share(data.article),
        compare="boolean",
        hint="In the table of compare_profiles([course, haldor], ...) above, compare the two numbers in the row "
        "partial %: which article's is larger?",
        outcome=8,
        wrong_answers=lambda data: [not (_partial_share(capstone_article()) > _partial_share(data.article))],
    ),
    Question(
        id="08.7",
        kind="fill_in",
        asks="For how many of the Haldor article's time words does the calendar rule give other dates than the "
        "answer key (fits_calendar is False)?",
        expected=_misread_by_calendar,
        compare="number",
        near_miss=False,
        hint="In calendar_readings(haldor), count the rows where fits_calendar is False (not the empty ones).",
        hints=(
            Hint(
                lambda answer, expected: answer == _not_placed(),
                "Those are the rows the calendar cannot place at all (fits_calendar empty). Count the rows where "
                "it is False: the calendar places them, but elsewhere than the key.",
            ),
            Hint(
                lambda answer, expected: answer == _fits_calendar(),
                "Those are the rows where the calendar and the key agree (fits_calendar True). Count the rows "
                "where it is False.",
            ),
        ),
        outcome=8,
        wrong_answers=lambda data: _others(
            _misread_by_calendar(data), [_not_placed(data), _misread_by_calendar(data) + 1]
        ),
    ),
]


def _course():
    from crisis_reading.dataset.article import course_article

    return course_article()
