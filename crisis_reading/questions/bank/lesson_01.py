"""Exercises for lesson 01, Anatomy of a crisis report."""

from __future__ import annotations

from crisis_reading.analysis.anatomy import function_summary, reading_progress, speakers_cut
from crisis_reading.analysis.voices import first_and_last_word
from crisis_reading.questions.answer_matching import normal_text
from crisis_reading.questions.checks import Data, Hint, Question

# Cutting a story "by a third" keeps about two thirds of its words (question 01.5).
KEEP_TWO_THIRDS = 67


def _first_block(data: Data, function: str) -> int:
    return int(function_summary(data.article).loc[function, "first_block"])


def _graphics(data: Data) -> int:
    return int((data.article.blocks["function"] == "graphic").sum())


def _graphic_words(data: Data) -> int:
    blocks = data.article.blocks
    return int(blocks.loc[blocks["function"] == "graphic", "words"].sum())


def _single_block_parts(data: Data) -> list[str]:
    summary = function_summary(data.article)
    return summary.index[summary["blocks"] == 1].tolist()


def _first_direct_block(data: Data) -> int:
    return int(first_and_last_word(data.article, kinds=["direct"])["block"].iloc[0])


def _share_before_first_direct(data: Data, through: bool = False) -> float:
    """Percent of the story's words read before (or, with through=True, up to and including) the first direct quote."""
    progress = reading_progress(data.article)
    first = _first_direct_block(data)
    read = progress[progress["block"] <= first] if through else progress[progress["block"] < first]
    return float(read["share_read"].iloc[-1])


def _article_share_before_first_direct(data: Data) -> float:
    """The same, wrongly counted over the whole page (headline, standfirst, caption included)."""
    blocks = data.article.blocks
    before = blocks.loc[blocks["block"] < _first_direct_block(data), "words"].sum()
    return round(100 * float(before) / float(blocks["words"].sum()), 1)


def _voices_lost(data: Data, keep: float) -> list[str]:
    return speakers_cut(data.article, keep=keep)["name"].tolist()


def _names_cut_short(data: Data) -> list[list[str]]:
    """The right voices with an unnamed group's "some" left out, if the answer has such a group."""
    names = _voices_lost(data, KEEP_TWO_THIRDS)
    shortened = [name.removeprefix("some ") for name in names]
    return [shortened] if shortened != names else []


def _cut_short(answer: list, expected: list) -> bool:
    """Whether a name in the answer is only part of an expected name ("EU diplomats" for "some EU diplomats")."""
    wanted = {normal_text(e) for e in expected}
    given = {normal_text(a) for a in answer} - wanted
    return any(part and part in name for part in given for name in wanted)


QUESTIONS = [
    Question(
        id="01.1",
        kind="fill_in",
        asks="Which block is the nut graf, the paragraph that says why the story matters now?",
        expected=lambda data: _first_block(data, "nut_graf"),
        compare="number",
        near_miss=False,
        hint="Look in the function column of article.blocks for the value nut_graf, and read its block number.",
        hints=(
            Hint(
                lambda answer, expected: answer < expected,
                "That block comes before the nut graf: the lede opens the story with the dateline, and the "
                "headline, standfirst and caption stand above it. Read on one paragraph at a time with show_blocks.",
            ),
            Hint(
                lambda answer, expected: answer > expected,
                "That block is already part of the body, the details and reactions. The nut graf comes "
                "straight after the lede: check the function column of article.blocks.",
            ),
        ),
        outcome=1,
        wrong_answers=lambda data: [_first_block(data, "lede"), _first_block(data, "body")],
    ),
    Question(
        id="01.2",
        kind="fill_in",
        asks="How many blocks are graphics that our text only names (only their titles survive)?",
        expected=_graphics,
        compare="number",
        hint="Keep the rows of article.blocks whose function is graphic, and count the rows.",
        hints=(
            Hint(
                lambda answer, expected, data: answer == _graphic_words(data),
                "Did you add up the words column? The question counts blocks (rows), not the words in them.",
                uses_data=True,
            ),
            Hint(
                lambda answer, expected: answer < expected,
                "Look all the way down the page: graphics can stand anywhere in the story, not only near the top.",
            ),
        ),
        outcome=1,
        wrong_answers=lambda data: [_graphic_words(data), _graphics(data) - 1],
    ),
    Question(
        id="01.3",
        kind="target_practice",
        asks="Which parts of a news report does this article have exactly once? List their function codes.",
        expected=_single_block_parts,
        compare="set",
        hint="function_summary(article) has one row per part; its blocks column says how many blocks each part has.",
        hints=(
            Hint(
                lambda answer, expected: any(" " in str(part) for part in answer),
                "Use the codes exactly as the function column writes them (with an underscore, like "
                "quote_paragraph), not the names in the lesson's table.",
            ),
            Hint(
                lambda answer, expected: len(set(answer) - set(expected)) > 0,
                "Some of your parts appear in more than one block: check the blocks column of "
                "function_summary(article) for each one.",
            ),
            Hint(
                lambda answer, expected: len(set(expected) - set(answer)) > 0,
                "You are missing a part: read function_summary(article) to its last row, the very end of the page.",
            ),
        ),
        outcome=1,
        wrong_answers=lambda data: [
            _single_block_parts(data)[:-1],
            [*_single_block_parts(data), "graphic"],
            [part.replace("_", " ") for part in _single_block_parts(data)],
        ],
    ),
    Question(
        id="01.4",
        kind="predict",
        asks=(
            "What percentage of the story's words (lede to kicker) does a reader get through before the first "
            "direct quote, a speaker's own full sentences in quotation marks?"
        ),
        expected=_share_before_first_direct,
        compare="number",
        tolerance=0.5,
        hint=(
            "reading_progress(article) gives share_read for every story block; read it for the last block "
            "before the block of the first direct quote."
        ),
        hints=(
            Hint(
                lambda answer, expected: 0 < answer < 1,
                "The share is in per cent: 25 means a quarter, not 0.25.",
            ),
            Hint(
                lambda answer, expected: answer > expected,
                "Too much: count only the story (reading_progress leaves out the headline, standfirst and caption), "
                "and stop *before* the block of the quote, not at the end of it.",
            ),
        ),
        outcome=1,
        wrong_answers=lambda data: [
            _share_before_first_direct(data, through=True),
            _article_share_before_first_direct(data),
            _share_before_first_direct(data) / 100,
        ],
    ),
    Question(
        id="01.5",
        kind="tweak",
        asks=(
            f"An editor cuts the story by a third, from the bottom (keep={KEEP_TWO_THIRDS}). "
            "Whose voices vanish from the article completely? List their names."
        ),
        expected=lambda data: _voices_lost(data, KEEP_TWO_THIRDS),
        compare="set",
        hint=f"Run speakers_cut(article, keep={KEEP_TWO_THIRDS}) and list the name column.",
        hints=(
            Hint(
                _cut_short,
                "Copy the names exactly as the name column writes them, every word included "
                "(for an unnamed group, with its “some”).",
            ),
            Hint(
                lambda answer, expected: len(answer) > len(expected),
                "Too many voices: did you leave keep=50? Cutting a third keeps about two thirds: "
                f"keep={KEEP_TWO_THIRDS}.",
            ),
            Hint(
                lambda answer, expected: len(answer) < len(expected),
                f"Too few voices: keep=75 cuts only a quarter. Cutting a third keeps about two thirds: "
                f"keep={KEEP_TWO_THIRDS}.",
            ),
        ),
        outcome=2,
        wrong_answers=lambda data: [_voices_lost(data, 50), _voices_lost(data, 75), *_names_cut_short(data)],
    ),
]
