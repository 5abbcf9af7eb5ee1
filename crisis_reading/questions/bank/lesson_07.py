"""Exercises for lesson 07, Checking the sources."""

from __future__ import annotations

import re

import pandas as pd

from crisis_reading.analysis.sources import source_cards
from crisis_reading.questions.checks import Data, Hint, Question

PRESIDENT = "President of Ukraine"
"""The words in a check's finding that the question about the state-affiliated institute looks for."""

NOT_CONFIRMED = ["unverified", "not_checked"]
"""The verdicts that say where a check stops (see STATUS_LABELS)."""

DOZHD = "Dozhd"
LABEL_WORDS = "foreign agent"


def _cards(data: Data) -> pd.DataFrame:
    return source_cards(data.article)


def _count(data: Data, *statuses: str) -> int:
    return int(_cards(data)["status"].isin(statuses).sum())


def _adds_context_speakers(data: Data) -> int:
    cards = _cards(data)
    return int(((cards["status"] == "adds_context") & cards["speaker_id"].notna()).sum())


def _president_card(data: Data) -> pd.Series:
    cards = _cards(data)
    return cards[cards["check_finds"].str.contains(PRESIDENT, na=False)].iloc[0]


def _other_think_tank_analyst(data: Data) -> str:
    cards = _cards(data)
    others = cards[(cards["voice_type"] == "analyst") & (cards["subject"] != _president_card(data)["subject"])]
    return str(others["subject"].iloc[-1])


def _institute(data: Data) -> str:
    speakers = data.article.speakers
    return str(speakers.loc[speakers["speaker_id"] == _president_card(data)["speaker_id"], "organisation"].iloc[0])


def _institute_type(data: Data) -> str:
    speakers = data.article.speakers
    row = speakers["speaker_id"] == _president_card(data)["speaker_id"]
    return str(speakers.loc[row, "organisation_type"].iloc[0])


def _code_with_hyphens(data: Data) -> list[str]:
    """The institute's type written with hyphens instead of underscores ("think-tank"), if it has any."""
    code = _institute_type(data)
    return [code.replace("_", "-")] if "_" in code else []


def _subjects(data: Data, statuses: list[str], column: str = "subject") -> list[str]:
    cards = _cards(data)
    return cards.loc[cards["status"].isin(statuses), column].astype(str).tolist()


def _labelled_before_publication(data: Data) -> bool:
    """Whether the month the Dozhd card gives for the "foreign agent" label ended before the article appeared."""
    cards = _cards(data)
    finds = cards.loc[cards["subject"].str.contains(DOZHD), "check_finds"].iloc[0]
    month = re.search(LABEL_WORDS + r"\W+ by \w+ in (\w+ \d{4})", finds).group(1)
    return bool(pd.Period(pd.Timestamp(month), freq="M").end_time < data.article.published)


QUESTIONS = [
    Question(
        id="07.1",
        kind="predict",
        asks="For how many sources does a check add something the article does not say?",
        expected=lambda data: _count(data, "adds_context"),
        compare="number",
        hint="Count the rows of source_cards(article) whose status is adds_context (the chart's middle column helps).",
        hints=(
            Hint(
                lambda answer, expected: answer == expected - 1,
                "Did you leave out Dozhd? The TV channel is a source too, though it is not a speaker.",
            ),
            Hint(
                lambda answer, expected: answer > expected,
                "Count only the verdict adds_context: confirmed means the check agrees with the article and adds "
                "nothing, and the other verdicts mean nothing was found or checked.",
            ),
        ),
        outcome=7,
        wrong_answers=lambda data: [
            _adds_context_speakers(data),
            _count(data, "adds_context", "confirmed"),
            len(_cards(data)),
        ],
    ),
    Question(
        id="07.2",
        kind="target_practice",
        asks="Whose institute sits under the President of Ukraine? Give the person's name.",
        expected=lambda data: str(_president_card(data)["subject"]),
        compare="text",
        hint="Read the check_finds column of source_cards(article), or browse the cards: which check mentions "
        "the President of Ukraine?",
        hints=(
            Hint(
                lambda answer, expected: "institut" in str(answer).casefold(),
                "That is an institute: the question asks whose institute it is. Give the person's name, "
                "as in the subject column.",
            ),
        ),
        outcome=7,
        wrong_answers=lambda data: [_other_think_tank_analyst(data), _institute(data)],
    ),
    Question(
        id="07.3",
        kind="fill_in",
        asks="Which sources could not be verified, or were not checked? List their names as in the subject column.",
        expected=lambda data: _subjects(data, NOT_CONFIRMED),
        compare="set",
        hint="Keep the rows of source_cards(article) whose status is unverified or not_checked, "
        "and list their subject column.",
        hints=(
            Hint(
                lambda answer, expected: (
                    bool(answer) and all("_" in str(a) or str(a) == str(a).lower() for a in answer)
                ),
                "Those look like speaker_id codes: give the names from the subject column.",
            ),
            Hint(
                lambda answer, expected: len(answer) < len(expected),
                "There are two verdicts to look for, unverified and not_checked: did you keep both?",
            ),
        ),
        outcome=7,
        wrong_answers=lambda data: [
            _subjects(data, ["not_checked"]),
            _subjects(data, ["unverified"]),
            _subjects(data, NOT_CONFIRMED, column="speaker_id"),
        ],
    ),
    Question(
        id="07.4",
        kind="interpret",
        asks="What organisation_type does the course's data give the institute that sits under the President "
        "of Ukraine? Answer with the code.",
        expected=_institute_type,
        compare="text",
        hint="Find the analyst's row in article.speakers and read the organisation_type column "
        "(lesson 07, section 3, shows it).",
        hints=(
            Hint(
                lambda answer, expected: str(answer).strip().casefold() == "government",
                "That is what the check suggests the institute is close to. The question asks what the course's "
                "data says: read the organisation_type column of article.speakers.",
            ),
            Hint(
                lambda answer, expected: " " in str(answer).strip() or "-" in str(answer),
                "Write the code exactly as the organisation_type column does, with an underscore between words "
                "(not a space or a hyphen).",
            ),
        ),
        outcome=7,
        wrong_answers=lambda data: [
            *[t for t in ("government", "ngo", "think_tank") if t != _institute_type(data)][:2],
            *_code_with_hyphens(data),
        ],
    ),
    Question(
        id="07.5",
        kind="tweak",
        asks="Change the card to Dozhd's. Had Russia already labelled the channel a “foreign agent” "
        "when the article was published? (True or False)",
        expected=_labelled_before_publication,
        compare="boolean",
        hint="Compare the month and year on Dozhd's card with the publication date, article.published.",
        hints=(
            Hint(
                lambda answer, expected: isinstance(answer, str),
                "Write True or False as Python does, with a capital letter and no quotation marks.",
            ),
        ),
        outcome=7,
        wrong_answers=lambda data: [not _labelled_before_publication(data), "yes"],
    ),
]
