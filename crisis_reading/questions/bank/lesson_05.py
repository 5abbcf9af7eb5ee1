"""Exercises for lesson 05, The institutions."""

from __future__ import annotations

import pandas as pd

from crisis_reading.analysis.institutions import enlargement, in_but_not, members_on, soviet_republics_in
from crisis_reading.questions.answer_matching import normal_text
from crisis_reading.questions.checks import Data, Hint, Question


def _names(values) -> set[str]:
    return {normal_text(value) for value in values}


def _unknown_names(answer: list, expected: list, data: Data) -> bool:
    """Whether the answer names a country that the course's country table does not write that way."""
    return bool(_names(answer) - _names(data.reference.countries["country"]))


def _with_other_names(data: Data) -> list[list[str]]:
    """The right countries with the last two-word name shortened to its initials ("US"), a typical slip."""
    countries = _nato_not_eu(data)
    long_names = [i for i, country in enumerate(countries) if " " in country]
    if not long_names:
        return []
    shortened = list(countries)
    shortened[long_names[-1]] = "".join(word[0] for word in countries[long_names[-1]].split())
    return [shortened]


def _latest_change(data: Data) -> pd.Timestamp:
    """The last day NATO's membership changed in the data: "today" as far as the table knows."""
    return enlargement(data.reference, "NATO")["date"].max()


def _nato_not_eu(data: Data) -> list[str]:
    return in_but_not(data.reference, "NATO", "EU", data.article.published)


def _eu_not_nato(data: Data, day: pd.Timestamp | None = None) -> list[str]:
    return in_but_not(data.reference, "EU", "NATO", data.article.published if day is None else day)


def _left_eu_before(data: Data) -> list[str]:
    """Countries whose EU membership had ended by the publication day."""
    table = data.reference.memberships
    eu = table[table["organisation"] == "EU"]
    return sorted(eu.loc[eu["left"].notna() & (eu["left"] <= data.article.published), "country"])


def _in_both(data: Data, day: pd.Timestamp | None = None) -> int:
    day = data.article.published if day is None else day
    return len(set(members_on(data.reference, "NATO", day)) & set(members_on(data.reference, "EU", day)))


def _soviet_in_nato(data: Data) -> list[str]:
    return soviet_republics_in(data.reference, "NATO", data.article.published)


def _end_of_2004(data: Data, year: int = 2004) -> int:
    return len(members_on(data.reference, "NATO", pd.Timestamp(year=year, month=12, day=31)))


def _eu_outsiders_who_joined(data: Data) -> list[str]:
    """EU members outside NATO on the publication day that NATO's table shows joining later."""
    then = set(_eu_not_nato(data))
    now = set(_eu_not_nato(data, _latest_change(data)))
    return sorted(then - now)


def _soviet_outside_nato(data: Data) -> list[str]:
    return in_but_not(data.reference, "former_soviet_republic", "NATO", data.article.published)


QUESTIONS = [
    Question(
        id="05.1",
        kind="target_practice",
        asks="Which NATO members were not members of the EU on the day the article was published?",
        expected=_nato_not_eu,
        compare="set",
        hint='in_but_not(reference, "NATO", "EU", article.published) lists them; the group comes first, '
        "the organisation they are not in second.",
        hints=(
            Hint(
                _unknown_names,
                "Some of your names are not in the course's country table: use the country names exactly as "
                "the table writes them (the country column of reference.countries).",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected, data: _names(answer) == _names(_eu_not_nato(data)),
                "That is the other way round: EU members outside NATO. Swap the two organisations.",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected, data: bool(
                    _names(_left_eu_before(data)) & (_names(expected) - _names(answer))
                ),
                "One NATO member had already left the EU before the article was published: look at the "
                "`left` column of its EU row, and ask about article.published, not an older day.",
                uses_data=True,
            ),
        ),
        outcome=5,
        wrong_answers=lambda data: [
            _eu_not_nato(data),
            [country for country in _nato_not_eu(data) if country not in _left_eu_before(data)],
            *_with_other_names(data),
        ],
    ),
    Question(
        id="05.2",
        kind="fill_in",
        asks="How many countries were members of both NATO and the EU on the day the article was published?",
        expected=_in_both,
        compare="number",
        hint="In venn_regions(reference, article.published), add up the countries of the rows where NATO and EU "
        "are both True.",
        hints=(
            Hint(
                lambda answer, expected, data: (
                    answer in {len(members_on(data.reference, org, data.article.published)) for org in ("NATO", "EU")}
                ),
                "That counts one organisation only. The question asks for the overlap of the NATO and EU "
                "circles: countries in both.",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected, data: answer == _in_both(data, _latest_change(data)),
                "That is the count for a later day. Ask about the day the article was published: "
                "use article.published.",
                uses_data=True,
            ),
        ),
        outcome=5,
        wrong_answers=lambda data: [
            len(members_on(data.reference, "NATO", data.article.published)),
            _in_both(data, _latest_change(data)),
        ],
    ),
    Question(
        id="05.3",
        kind="predict",
        asks="Which former Soviet republics were already NATO members when the article was published?",
        expected=_soviet_in_nato,
        compare="set",
        hint="soviet_republics_table(reference, article.published) shows every former Soviet republic: keep "
        "the rows whose NATO column is True.",
        hints=(
            Hint(
                lambda answer, expected: bool(_names(answer) - _names(expected)),
                "Some of your countries were not NATO members on that day: wanting to join, or being named in "
                "the article, is not membership. Check the NATO column.",
            ),
            Hint(
                lambda answer, expected: _names(answer) < _names(expected),
                "You are missing one or more: read the NATO column of every row of soviet_republics_table.",
            ),
        ),
        outcome=5,
        wrong_answers=lambda data: [
            [*_soviet_in_nato(data), "Ukraine"],
            _soviet_in_nato(data)[:-1],
        ],
    ),
    Question(
        id="05.4",
        kind="tweak",
        asks="Move the enlargement slider (or change year=) to 2004. How many members did NATO have at the end "
        "of 2004?",
        expected=_end_of_2004,
        compare="number",
        hint="Set the slider to 2004 and read the bold count in the line under it; the slider shows the members "
        "on the last day of the year.",
        hints=(
            Hint(
                lambda answer, expected, data: answer == _end_of_2004(data, 2003),
                "That is NATO before that year's new members joined. The slider counts at the end of the "
                "year: read the count once it shows 2004.",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected, data: (
                    answer == len(members_on(data.reference, "NATO", data.article.published))
                ),
                "That is the count on the day the article was published. Move the slider back to 2004.",
                uses_data=True,
            ),
        ),
        outcome=5,
        wrong_answers=lambda data: [
            _end_of_2004(data, 2003),
            len(members_on(data.reference, "NATO", data.article.published)),
        ],
    ),
    Question(
        id="05.5",
        kind="interpret",
        asks="Which countries were in the EU but not in NATO on the publication day, and joined NATO after the "
        "article was published?",
        expected=_eu_outsiders_who_joined,
        compare="set",
        hint='Compare two lists: in_but_not(reference, "EU", "NATO", article.published) and the rows of '
        'enlargement(reference, "NATO") dated after article.published.',
        hints=(
            Hint(
                lambda answer, expected: _names(expected) < _names(answer),
                "Some of these are still outside NATO. Keep only the countries that appear in the enlargement "
                "table after the publication day.",
            ),
            Hint(
                lambda answer, expected: _names(answer) < _names(expected),
                "NATO grew more than once after the article: read every row of the enlargement table dated "
                "after article.published.",
            ),
        ),
        outcome=5,
        wrong_answers=lambda data: [_eu_not_nato(data), _eu_outsiders_who_joined(data)[:1]],
    ),
    Question(
        id="05.6",
        kind="fill_in",
        asks="In the standfirst, Russia wants NATO to ban “former Soviet nations” from joining. Reading that phrase "
        "as the former Soviet republics, how many of them were outside NATO on the publication day?",
        expected=lambda data: len(_soviet_outside_nato(data)),
        compare="number",
        hint='in_but_not(reference, "former_soviet_republic", "NATO", article.published) lists them: count '
        "the list with len(...).",
        hints=(
            Hint(
                lambda answer, expected, data: answer == len(_soviet_in_nato(data)),
                "That is how many were already inside NATO. The question asks about those outside it.",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected: answer in (expected - 1, expected - 2),
                "Did you leave out Ukraine, or Russia? Both are former Soviet republics, even if the standfirst "
                "names Ukraine separately and Russia is the one making the demand.",
            ),
        ),
        outcome=5,
        wrong_answers=lambda data: [
            len(_soviet_in_nato(data)),
            len(_soviet_outside_nato(data)) - 1,
        ],
    ),
]
