"""Exercises for lesson 02, Who speaks?"""

from __future__ import annotations

from crisis_reading.analysis.voices import first_and_last_word, side_summary
from crisis_reading.questions.answer_matching import short_names
from crisis_reading.questions.checks import Data, Hint, Question


def _people(data: Data) -> int:
    return int(data.article.speakers["voice_type"].isin(["official", "analyst", "legislator"]).sum())


def _interviewed(data: Data) -> list[str]:
    speakers = data.article.speakers
    return speakers.loc[speakers["interviewed_by_outlet"], "name"].tolist()


def _official_share(data: Data) -> float:
    return float(side_summary(data.article, by="voice_type").loc["official", "word_share"])


def _official_row_share(data: Data) -> float:
    summary = side_summary(data.article, by="voice_type")
    return round(100 * summary.loc["official", "quotes"] / summary["quotes"].sum(), 1)


QUESTIONS = [
    Question(
        id="02.1",
        kind="fill_in",
        asks="How many different voices (people and collective or anonymous voices) does the article quote?",
        expected=lambda data: len(data.article.speakers),
        compare="number",
        hint="Every row of article.speakers is one voice: count the rows.",
        hints=(
            # One hint for every count that is too low, so that none of them tells which row was left out.
            Hint(
                lambda answer, expected: answer < expected,
                "Too few. Did you count only named people? Voices like “Moscow” or “some EU diplomats” count "
                "too, and so does every other row of article.speakers, whatever its voice_type: count them all.",
            ),
        ),
        outcome=2,
        wrong_answers=lambda data: [_people(data), len(data.article.speakers) - 1, len(data.article.speakers) + 1],
    ),
    Question(
        id="02.2",
        kind="target_practice",
        asks="Which side gets the most attributed words? Answer with the side's code, e.g. 'us_nato'.",
        expected=lambda data: str(side_summary(data.article).index[0]),
        compare="text",
        hint="Read the `words` column of side_summary(article): the top row has the most.",
        hints=(
            Hint(
                lambda answer, expected: " " in str(answer) or "/" in str(answer),
                "Use the code from the side column (like 'us_nato'), not the label on the chart.",
            ),
        ),
        outcome=2,
        wrong_answers=lambda data: ["russia", "Independent analyst"],
    ),
    Question(
        id="02.3",
        kind="fill_in",
        asks="In which block does the article's last attributed statement stand?",
        expected=lambda data: int(first_and_last_word(data.article)["block"].iloc[1]),
        compare="number",
        near_miss=False,
        # the credit line is named only to an answer past the last quote (below): for 39 it would mislead
        hint="first_and_last_word(article) shows it: read the block of its second row.",
        hints=(
            Hint(
                lambda answer, expected: answer > expected,
                "That is past the last quote: the credit line (“Source: Al Jazeera”) is not anyone's statement.",
            ),
        ),
        outcome=2,
        wrong_answers=lambda data: [int(data.article.blocks["block"].max()), 39],
    ),
    Question(
        id="02.4",
        kind="interpret",
        asks="What percentage of all attributed words come from officials (voice_type 'official')?",
        expected=_official_share,
        compare="number",
        tolerance=0.5,
        hint='Use side_summary(article, by="voice_type") and read the word_share column.',
        hints=(
            Hint(
                lambda answer, expected: 0 < answer < 1,
                "The share is in per cent: 25 means a quarter, not 0.25.",
            ),
        ),
        outcome=2,
        wrong_answers=lambda data: [_official_row_share(data), _official_share(data) / 100],
    ),
    Question(
        id="02.5",
        kind="target_practice",
        asks="List the names of the voices the outlet interviewed itself (they “told Al Jazeera”).",
        expected=_interviewed,
        compare="set",
        hint="The speakers table has a True/False column for this: interviewed_by_outlet.",
        hints=(
            Hint(
                lambda answer, expected: bool(short_names(answer, expected)),
                "Write each name in full, as the name column of article.speakers has it: after the first mention "
                "the article often gives only a surname.",
            ),
        ),
        outcome=3,
        wrong_answers=lambda data: [
            _interviewed(data)[:-1],
            [*_interviewed(data), "Jens Stoltenberg"],
            [name.split()[-1] for name in _interviewed(data)],
        ],
    ),
]
