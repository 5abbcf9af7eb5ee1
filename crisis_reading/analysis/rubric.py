"""Evidence from the data for scoring an article as war journalism or peace journalism (lesson 06).

The rubric's criteria follow Galtung's contrast of war and peace journalism and Lynch & McGoldrick's
cautions, as the course's fact sheet (data/reference/fact-sheet.md) describes them. The data cannot score an
article: that is the reader's judgement. It can put the same counted evidence beside each criterion,
for this article or any other folder in data/.
"""

from __future__ import annotations

import pandas as pd

from crisis_reading.analysis.framing import frame_summary, framed_quotes
from crisis_reading.analysis.sides import side_label
from crisis_reading.dataset.article import Article, article_or_course
from crisis_reading.dataset.vocabulary import UNATTRIBUTED, counted

CRITERIA = {
    1: "Whose voices?",
    2: "Two sides, or all parties?",
    3: "The people affected",
    4: "Parties defined by leaders' demands?",
    5: "Claims read as fact?",
    6: "Zero-sum, or a way out?",
}
"""The rubric's six criteria, numbered as in lesson 06's rubric table."""

ELITE_VOICES = ("official", "analyst", "legislator")
"""Voice types the rubric counts as elite voices: people who speak from an office or an institution."""

GROUP_VOICES = ("collective", "anonymous")
"""Voice types that are not one person: "Moscow", "the West", "some EU diplomats", unnamed judgements."""


def parties_of(article: Article | None = None) -> tuple[str, ...]:
    """The two parties whose own voices criteria 2 and 4 count: the article's "parties" (its datapackage's
    article object, data/README.md), or none when it names none."""
    return tuple(article_or_course(article).meta.get("parties") or ())


FRAME_CRITERIA = (2, 3, 4, 6)
"""Criteria with measures counted from the frames table (lesson 06)."""


def _names(frame: pd.DataFrame, column: str = "name") -> str:
    names = list(dict.fromkeys(frame[column].astype(str)))
    return "; ".join(names) if names else "none"


def _percent(part: float, whole: float) -> int:
    return round(100 * part / whole) if whole else 0


def _whose_voices(article: Article) -> list[tuple]:
    voices = article.voices()
    total = voices["words"].sum()
    elite = voices[voices["voice_type"].isin(ELITE_VOICES)]
    officials = voices[voices["voice_type"] == "official"]
    return [
        (
            "words from officials, analysts and legislators (% of attributed words)",
            _percent(elite["words"].sum(), total),
            f"{elite['words'].sum()} of {counted(total, 'word')}",
        ),
        (
            "words from officials alone (% of attributed words)",
            _percent(officials["words"].sum(), total),
            _names(officials.drop_duplicates("name")),
        ),
    ]


def _parties(article: Article) -> list[tuple]:
    voices = article.voices()
    named_sides = voices.loc[voices["side"] != "unclear", "side"].astype(str)
    frames = framed_quotes(article)
    frames = frames[frames["side"] != "unclear"]
    sides_per_frame = frames.groupby("label")["side"].nunique()
    shared = sides_per_frame[sides_per_frame > 1]
    rows = [
        (
            "sides that speak (not counting unclear or unnamed voices)",
            named_sides.nunique(),
            ", ".join(sorted(set(named_sides))),
        ),
        (
            "frames voiced by more than one side (not counting unclear or unnamed voices)",
            len(shared),
            f"of {counted(len(sides_per_frame), 'frame')} voiced by named sides: "
            + ("; ".join(shared.index) or "none"),
        ),
    ]
    speakers = article.speakers
    parties = parties_of(article)
    if not parties:
        rows.append(
            (
                "parties to the conflict named for this article",
                0,
                'none: add "parties": [side, side] to the article object of its datapackage.json to count them',
            )
        )
    for party in parties:
        own = speakers[speakers["side"] == party]
        officials = own[own["voice_type"] == "official"]
        outside = own[(own["organisation_type"] != "government") & ~own["voice_type"].isin(GROUP_VOICES)]
        groups = own[own["voice_type"].isin(GROUP_VOICES)]
        label = side_label(party, article)
        rows += [
            (f"{label}: named officials who speak", len(officials), _names(officials)),
            (f"{label}: named voices outside government", len(outside), _names(outside)),
            (
                f"{label}: collective voices (a state or capital, not a person)",
                len(groups),
                _names(groups, "names_as_written"),
            ),
        ]
    return rows


def _people_affected(article: Article) -> list[tuple]:
    speakers = article.speakers
    others = speakers[~speakers["voice_type"].isin(ELITE_VOICES + GROUP_VOICES)]
    frames = framed_quotes(article)
    about = frames[frames["frame"] == "civilians_unheard"]
    return [
        ("speakers who are not officials, analysts, legislators or groups", len(others), _names(others)),
        ("statements about people living with the conflict (frame civilians_unheard)", len(about), _names(about)),
    ]


def _party_frames(article: Article) -> list[tuple]:
    frames = framed_quotes(article)
    voices = article.voices()
    rows = []
    for party in parties_of(article):
        label = side_label(party, article)
        own_frames = frames[frames["side"] == party]
        own_voices = voices[voices["side"] == party]
        own_words = own_voices.loc[own_voices["kind"] != "indirect", "words"].sum()
        rows += [
            (f"{label}: different frames its voices argue", own_frames["label"].nunique(), _names(own_frames, "label")),
            (
                f"{label}: words in its own voice, in quotation marks (% of its words)",
                _percent(own_words, own_voices["words"].sum()),
                f"{own_words} of {counted(own_voices['words'].sum(), 'word')}",
            ),
        ]
    return rows


def _claims(article: Article) -> list[tuple]:
    voices = article.voices()
    unattributed = voices[voices["speaker_id"] == UNATTRIBUTED]
    unsourced = voices[voices["channel"] == "not_stated"]
    detail = "; ".join(f"block {row.block}: “{row.verb}” {row.text}" for row in unattributed.itertuples()) or "none"
    return [
        ("judgements with no speaker named", len(unattributed), detail),
        (
            "statements whose channel the article does not state (% of statements)",
            _percent(len(unsourced), len(voices)),
            f"{len(unsourced)} of {counted(len(voices), 'statement')}",
        ),
    ]


def _outcomes(article: Article) -> list[tuple]:
    summary = frame_summary(article)
    treatments = summary[summary["entman_function"] == "treatment_recommendation"]
    return [
        (f"statements recommending: {row.label}", row.quotes, f"sides: {row.sides}") for row in treatments.itertuples()
    ]


def evidence(article: Article | None = None) -> pd.DataFrame:
    """One row per measure: the criterion it bears on, what is measured, the value, and the detail behind it.

    Counts are computed from the article's tables each time, so they change when the data changes.
    `value` is a count, or a whole-number percentage where the measure says "%".
    """
    article = article_or_course(article)
    sections = {
        1: _whose_voices,
        2: _parties,
        3: _people_affected,
        4: _party_frames,
        5: _claims,
        6: _outcomes,
    }
    rows = [
        (number, CRITERIA[number], measure, value, detail)
        for number, measure_rows in sections.items()
        for measure, value, detail in measure_rows(article)
    ]
    if article.frames.empty:
        # Without frames those measures would all read 0: say they cannot be counted instead.
        rows = [row for row in rows if "frame" not in row[2] and not row[2].startswith("statements recommending")]
        rows += [
            (
                number,
                CRITERIA[number],
                "frames annotated (frames.csv)",
                0,
                "none for this article: the measures counted from frames are left out",
            )
            for number in FRAME_CRITERIA
        ]
        rows.sort(key=lambda row: row[0])
    table = pd.DataFrame(rows, columns=["criterion", "question", "measure", "value", "detail"])
    table["value"] = table["value"].astype(int)
    return table
