"""Exercises for lesson 03, How they are quoted."""

from __future__ import annotations

from crisis_reading.analysis.quoting import kinds_by_side, verb_table
from crisis_reading.analysis.sides import side_label
from crisis_reading.questions.answer_matching import normal_items, normal_text, short_names
from crisis_reading.questions.checks import Data, Hint, Question

# Named people, as opposed to collective ("Moscow") and anonymous ("some EU diplomats") voices.
PERSON_TYPES = ("official", "analyst", "legislator")


def _most_indirect(data: Data, measure: str = "quotes") -> str:
    return str(kinds_by_side(data.article, measure=measure)["indirect"].idxmax())


def _judging_verbs(data: Data) -> list[str]:
    verbs = verb_table(data.article)
    return verbs.loc[verbs["tone"] == "judgement", "verb"].tolist()


def _cut_short(answer: list, expected: list) -> bool:
    """Whether a verb in the answer is only the start of a longer attribution word ("slammed" for "slammed as")."""
    wanted = {normal_text(e) for e in expected}
    given = {normal_text(a) for a in answer} - wanted
    return any(part and name.startswith(part + " ") for part in given for name in wanted)


def _verbs_cut_short(data: Data) -> list[list[str]]:
    """The judging verbs with each longer attribution word cut to its first word, if there is one."""
    verbs = _judging_verbs(data)
    shortened = [verb.split()[0] for verb in verbs]
    return [shortened] if shortened != verbs else []


def _not_neutral_verbs(data: Data) -> list[str]:
    """A typical mistake: every verb that is not plainly neutral, the 'other' ones included."""
    verbs = verb_table(data.article)
    return verbs.loc[verbs["tone"] != "neutral", "verb"].tolist()


def _interview_rows(data: Data) -> int:
    return int((data.article.quotes["channel"] == "outlet_interview").sum())


def _told_rows(data: Data) -> int:
    return int((data.article.quotes["verb"] == "told").sum())


def _interviewed_speakers(data: Data) -> int:
    return int(data.article.speakers["interviewed_by_outlet"].sum())


def _no_channel_rows(data: Data) -> int:
    return int((data.article.quotes["channel"] == "not_stated").sum())


def _no_channel_share(data: Data) -> float:
    return round(100 * _no_channel_rows(data) / len(data.article.quotes), 1)


def _only_indirect(data: Data) -> list[str]:
    voices = data.article.voices()
    people = voices[voices["voice_type"].isin(PERSON_TYPES)]
    in_quotation_marks = set(people.loc[people["kind"] != "indirect", "name"])
    return sorted(set(people["name"]) - in_quotation_marks)


def _only_indirect_with_collectives(data: Data) -> list[str]:
    voices = data.article.voices()
    return sorted(set(voices["name"]) - set(voices.loc[voices["kind"] != "indirect", "name"]))


QUESTIONS = [
    Question(
        id="03.1",
        kind="fill_in",
        asks="Which side has the most indirect quote rows? Answer with the side's code, e.g. 'us_nato'.",
        expected=_most_indirect,
        compare="text",
        # No hint may single out the answer of 03.4 (the most indirect words): every wrong side gets this one.
        hint='Read the indirect column of kinds_by_side(article) as written, without measure="words": it counts '
        "quote rows, and the question asks for the side with the most.",
        hints=(
            Hint(
                lambda answer, expected: " " in str(answer) or "/" in str(answer),
                "Use the code from the side column (like 'us_nato'), not a speaker's name or a chart label.",
            ),
        ),
        outcome=3,
        wrong_answers=lambda data: [_most_indirect(data, "words"), "Russian government"],
    ),
    Question(
        id="03.2",
        kind="target_practice",
        asks="List the attribution verbs in the article that carry a judgement, exactly as the article writes them.",
        expected=_judging_verbs,
        compare="set",
        hint="verb_table(article) gives every verb with its tone: keep the rows whose tone is judgement.",
        hints=(
            Hint(
                _cut_short,
                "One of your verbs is cut short: some attribution words are more than one word (a verb and the "
                "word after it). Copy each verb exactly as the verb column of verb_table(article) writes it.",
            ),
            Hint(
                lambda answer, expected: bool(normal_items(answer) - normal_items(expected)),
                "Some of your verbs are not judging ones: verbs the package leaves for you to weigh have the tone "
                "other, not judgement. Check the tone column of verb_table(article).",
            ),
            Hint(
                lambda answer, expected: bool(normal_items(expected) - normal_items(answer)),
                "You are missing a verb. Remember that some attribution words are more than one word: copy each "
                "exactly as the verb column writes it.",
            ),
        ),
        outcome=3,
        wrong_answers=lambda data: [
            _judging_verbs(data)[:-1],
            _not_neutral_verbs(data),
            *_verbs_cut_short(data),
            [verb.capitalize() for verb in _judging_verbs(data) if " " not in verb],
        ],
    ),
    Question(
        id="03.3",
        kind="fill_in",
        asks=(
            "How many quote rows reached the article through the outlet's own interviews (channel 'outlet_interview')?"
        ),
        expected=_interview_rows,
        compare="number",
        hint="Count the rows of article.quotes whose channel column is outlet_interview.",
        hints=(
            Hint(
                lambda answer, expected: answer < expected,
                "Too few. Did you count the speakers the outlet interviewed, or the rows with the verb “told”? "
                "One speaker can give several rows, an interview row can come with another verb, and “told” can "
                "mean told to someone else. Count the channel column instead.",
            ),
        ),
        outcome=3,
        wrong_answers=lambda data: [_told_rows(data), _interviewed_speakers(data)],
    ),
    Question(
        id="03.4",
        kind="tweak",
        asks=(
            'Change kinds_by_side(article) to kinds_by_side(article, measure="words"). Which side now has the most '
            "indirect words? Answer with the side's code."
        ),
        expected=lambda data: _most_indirect(data, "words"),
        compare="text",
        # No hint may single out the answer of 03.1 (the most indirect rows): every wrong side gets this one.
        hint='Did you change the cell to measure="words" and run it again? Then read its indirect column: each '
        "number now counts words, and the question asks for the side with the most.",
        hints=(
            Hint(
                lambda answer, expected: " " in str(answer) or "/" in str(answer),
                "Use the code from the side column (like 'us_nato'), not the label on a chart.",
            ),
        ),
        outcome=3,
        wrong_answers=lambda data: [
            _most_indirect(data, "quotes"),
            side_label(_most_indirect(data, "words"), data.article),
        ],
    ),
    Question(
        id="03.5",
        kind="predict",
        asks="What percentage of all quote rows have no stated channel (channel 'not_stated')?",
        expected=_no_channel_share,
        compare="number",
        tolerance=0.5,
        hint="Count the quote rows whose channel is not_stated, divide by the number of all quote rows, times 100.",
        hints=(
            Hint(
                lambda answer, expected: 0 < answer < 1,
                "The share is in per cent: 25 means a quarter, not 0.25.",
            ),
            Hint(
                lambda answer, expected: abs(answer + expected - 100) < 1,
                "That is the share of rows whose channel the article *does* state: turn it round.",
            ),
            Hint(
                lambda answer, expected, data: answer == _no_channel_rows(data),
                "Is that a count of rows? The question asks for a percentage of all quote rows.",
                uses_data=True,
            ),
        ),
        outcome=3,
        wrong_answers=lambda data: [
            round(100 - _no_channel_share(data), 1),
            _no_channel_share(data) / 100,
            _no_channel_rows(data),
        ],
    ),
    Question(
        id="03.6",
        kind="interpret",
        asks=(
            "Which named people (officials, analysts, legislators) does the article quote only indirectly, "
            "never giving a word of theirs in quotation marks? List their names."
        ),
        expected=_only_indirect,
        compare="set",
        hint=(
            "Keep the quote rows of named people (voice_type official, analyst or legislator); a person counts "
            "when every one of their rows is indirect."
        ),
        hints=(
            Hint(
                lambda answer, expected: bool(short_names(answer, expected)),
                "Write each name in full, as the name column writes it: after the first mention the article often "
                "gives only a surname.",
            ),
            Hint(
                lambda answer, expected: bool(normal_items(answer) - normal_items(expected)),
                "Only named people: leave out countries, capitals and blocs (voice_type collective) and unnamed "
                "voices (anonymous), and anyone who is given a direct or partial quote even once.",
            ),
            Hint(
                lambda answer, expected: bool(normal_items(expected) - normal_items(answer)),
                "You are missing someone. Look at every side, the smaller ones too: read all the rows of named people.",
            ),
        ),
        outcome=3,
        wrong_answers=lambda data: [
            _only_indirect(data)[:1],
            _only_indirect_with_collectives(data),
            [name.split()[-1] for name in _only_indirect(data)],
        ],
    ),
]
