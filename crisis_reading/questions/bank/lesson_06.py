"""Exercises for lesson 06, Frames and missing voices."""

from __future__ import annotations

from crisis_reading.analysis.framing import ENTMAN_FUNCTIONS, frame_summary, framed_quotes, voice_matrix
from crisis_reading.analysis.voices import side_summary
from crisis_reading.questions.checks import Data, Hint, Question

CIVILIANS_FRAME = "civilians_unheard"
"""The frame code for statements about the people living with the conflict (see article.frame_vocabulary)."""


def _top_frame(data: Data) -> str:
    return str(frame_summary(data.article)["label"].iloc[0])


def _second_frame(data: Data) -> str:
    return str(frame_summary(data.article)["label"].iloc[1])


def _top_frame_code(data: Data) -> str:
    return str(frame_summary(data.article).index[0])


def _civilians_side(data: Data) -> str:
    return str(frame_summary(data.article).loc[CIVILIANS_FRAME, "sides"])


def _civilians_speaker(data: Data) -> str:
    tagged = framed_quotes(data.article)
    return str(tagged.loc[tagged["frame"] == CIVILIANS_FRAME, "name"].iloc[0])


def _no_official(data: Data) -> int:
    return int((voice_matrix(data.article)["official"] == 0).sum())


def _function_counts(data: Data):
    return frame_summary(data.article)["entman_function"].value_counts()


def _top_function(data: Data) -> str:
    return str(_function_counts(data).index[0])


def _runner_up_functions(data: Data) -> list[str]:
    """The second function by frames and by tags: what a student who miscounts is likely to give."""
    by_tags = framed_quotes(data.article)["entman_function"].value_counts()
    candidates = [by_tags.index[1], *_function_counts(data).index[1:], *ENTMAN_FUNCTIONS]
    top = _top_function(data)
    return [str(function) for function in dict.fromkeys(candidates) if function != top][:2]


def _top_voice_type_share(data: Data) -> float:
    return float(side_summary(data.article, by="voice_type")["word_share"].iloc[0])


def _top_voice_type_row_share(data: Data) -> float:
    summary = side_summary(data.article, by="voice_type")
    return round(100 * float(summary["quotes"].iloc[0]) / float(summary["quotes"].sum()), 1)


def _top_side_share(data: Data) -> float:
    return float(side_summary(data.article, by="side")["word_share"].iloc[0])


def _frames_of(data: Data, side: str) -> list[str]:
    tagged = framed_quotes(data.article)
    return list(dict.fromkeys(tagged.loc[tagged["side"] == side, "label"]))


def _frames_without_collectives(data: Data, side: str) -> list[str]:
    """The frames a side's voices argue if one forgets its collective voices ("Kyiv", "Moscow")."""
    speakers = data.article.speakers
    collectives = speakers.loc[speakers["voice_type"] == "collective", "name"]
    tagged = framed_quotes(data.article)
    chosen = tagged[(tagged["side"] == side) & ~tagged["name"].isin(collectives)]
    return list(dict.fromkeys(chosen["label"]))


def _frame_codes_of(data: Data, side: str) -> list[str]:
    tagged = framed_quotes(data.article)
    return list(dict.fromkeys(tagged.loc[tagged["side"] == side, "frame"]))


def _has_code_style(answer) -> bool:
    items = answer if isinstance(answer, list) else [answer]
    return any("_" in str(item) for item in items)


QUESTIONS = [
    Question(
        id="06.1",
        kind="predict",
        asks="Which frame is voiced by the most quote rows? Answer with its label, as on the chart.",
        expected=_top_frame,
        compare="text",
        hint="frame_summary(article) sorts the frames by its quotes column: read the label of the top row.",
        hints=(
            Hint(
                lambda answer, expected: "_" in str(answer),
                "That looks like the short code from the frame column: give the label, the name the chart shows.",
            ),
        ),
        outcome=6,
        wrong_answers=lambda data: [
            _second_frame(data),
            _top_frame_code(data),
            str(data.article.frame_vocabulary["label"].iloc[0]),
        ],
    ),
    Question(
        id="06.2",
        kind="target_practice",
        asks="Which side voices the frame 'Civilians have no voice'? Answer with the side's code, e.g. 'us_nato'.",
        expected=_civilians_side,
        compare="text",
        hint="Find the row of “Civilians have no voice” in frame_summary(article) and read its sides column.",
        hints=(
            Hint(
                lambda answer, expected: str(answer).strip().casefold() == "ukraine",
                "The people along the border are spoken about, not heard: look at who speaks the statements "
                'with this frame (tagged[tagged["frame"] == "civilians_unheard"]) and at their side.',
            ),
            Hint(
                lambda answer, expected: " " in str(answer).strip(),
                "Give the side's code as it stands in the side column (like 'us_nato'), "
                "not a speaker's name or the label on the chart.",
            ),
        ),
        outcome=6,
        wrong_answers=lambda data: ["ukraine", _civilians_speaker(data), "Independent analyst"],
    ),
    Question(
        id="06.3",
        kind="interpret",
        asks="In voice_matrix(article), how many sides have no named official (a 0 in the official column)?",
        expected=_no_official,
        compare="number",
        hint="Read the official column of matrix = voice_matrix(article) and count the rows that hold a 0.",
        hints=(
            Hint(
                lambda answer, expected: answer > expected,
                "That is more than the rows with a 0: did you count the sides that do have an official?",
            ),
            Hint(
                lambda answer, expected: 0 < answer < expected,
                "Read every row of the table, including the voices that are not parties to the conflict.",
            ),
        ),
        outcome=6,
        wrong_answers=lambda data: [1, _no_official(data) - 1, len(voice_matrix(data.article)) - _no_official(data)],
    ),
    Question(
        id="06.4",
        kind="fill_in",
        asks="Which of Entman's four functions do most frames serve? Answer with its code (entman_function column).",
        expected=_top_function,
        compare="text",
        hint="Count the frames (rows of frame_summary(article)) by their entman_function column: "
        "value_counts() does the counting.",
        hints=(
            Hint(
                lambda answer, expected: " " in str(answer).strip(),
                "Write the function exactly as the entman_function column does, with underscores between the words.",
            ),
            Hint(
                lambda answer, expected: "?" in str(answer),
                "That is the question a function answers: give the function's code from the entman_function column.",
            ),
        ),
        outcome=6,
        wrong_answers=lambda data: _runner_up_functions(data),
    ),
    Question(
        id="06.5",
        kind="tweak",
        asks='Change the chart to by="voice_type". What percentage of attributed words goes to the top voice type?',
        expected=_top_voice_type_share,
        compare="number",
        tolerance=0.5,
        hint='Change by="side" to by="voice_type", run the cell again, and read the per cent in the top bar\'s label.',
        hints=(
            Hint(
                lambda answer, expected: 0 < answer < 1,
                "The share is in per cent: 25 means a quarter, not 0.25.",
            ),
            Hint(
                lambda answer, expected: 1 <= answer < expected,
                'Is that still the chart by side, or the share of quote rows? Change by="side" to '
                'by="voice_type", run the cell, and read the words share in the top bar\'s label.',
            ),
        ),
        outcome=2,
        wrong_answers=lambda data: [
            _top_side_share(data),
            _top_voice_type_row_share(data),
            _top_voice_type_share(data) / 100,
        ],
    ),
    Question(
        id="06.6",
        kind="tweak",
        asks='Change side = "russia" to side = "ukraine". Which frames do Ukraine\'s voices argue? List their labels.',
        expected=lambda data: _frames_of(data, "ukraine"),
        compare="set",
        hint='Set side = "ukraine" in the cell, run it, and list every label it shows.',
        hints=(
            Hint(
                lambda answer, expected: _has_code_style(answer),
                "Those look like the short codes from the frame column: give the labels, the names the chart shows.",
            ),
            Hint(
                lambda answer, expected: (
                    not {str(a).casefold() for a in answer} & {str(e).casefold() for e in expected}
                ),
                'None of these is argued by Ukraine\'s voices: did you change "russia" to "ukraine" and run the '
                "cell again?",
            ),
            Hint(
                lambda answer, expected: len(answer) < len(expected),
                "Did you leave out a collective voice? “Kyiv” speaks for Ukraine's side too, not only the analyst.",
            ),
        ),
        outcome=6,
        wrong_answers=lambda data: [
            _frames_of(data, "russia"),
            _frames_without_collectives(data, "ukraine"),
            _frame_codes_of(data, "ukraine"),
        ],
    ),
]
