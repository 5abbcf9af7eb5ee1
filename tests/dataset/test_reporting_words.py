"""The table of reporting words: checked when read, and the one source of the finder's verbs and lesson 03's tones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crisis_reading.analysis.quoting import verb_tone
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.reporting_words import COLUMNS, forms_with, read_reporting_words, reporting_words
from crisis_reading.finder import lexicon

REPO = Path(__file__).resolve().parents[2]
HEADER = ",".join(COLUMNS)


def test_the_finder_and_lesson_03_read_the_same_table() -> None:
    words = {word.word: word for word in reporting_words()}
    assert {"say", "tell", "condemn", "according to", "claim"} <= set(words)
    assert set(words["say"].forms) <= set(lexicon.CLAUSE_VERBS) and "told" in lexicon.TELL_VERBS
    assert "slammed" in lexicon.PASSIVE_JUDGEMENTS and "called on" in lexicon.PHRASE_VERBS
    assert (verb_tone("said"), verb_tone("slammed as"), verb_tone("warned")) == ("neutral", "judgement", "other")
    assert set(forms_with("to_infinitive")) == lexicon.NEEDS_TO


@pytest.mark.parametrize(
    ("row", "column", "says"),
    [
        ("grumble,verb,grumbled,that_clause,sour", "tone", "'sour': use neutral or judgement"),
        ("grumble,verb,grumbled,whinge_clause,", "frames", "whinge_clause: frames are"),
        ("grumble,adverb,grumbled,that_clause,", "part_of_speech", "use one of verb, phrase"),
        ("grumble,verb,grumbled |  | grumbles,that_clause,", "forms", "separated by ' | '"),
        (",verb,grumbled,that_clause,", "word", "needs its word"),
    ],
)
def test_a_row_the_reader_cannot_use_names_its_line_and_column(row: str, column: str, says: str) -> None:
    with pytest.raises(DataError) as refused:
        read_reporting_words(f"{HEADER}\nsay,verb,said,that_clause,neutral\n{row}\n", Path("mine.csv"))
    assert refused.value.line == 3 and refused.value.column == column and says in refused.value.problem


def test_an_instructors_own_verb_is_found_by_the_finder_and_weighed_by_the_lesson(tmp_path: Path) -> None:
    extra = tmp_path / "my-words.csv"
    extra.write_text(f"{HEADER}\ngrumble,verb,grumble | grumbles | grumbled,that_clause,judgement\n", "utf-8")
    script = (
        "import pandas as pd\n"
        "from crisis_reading import find_quotes\n"
        "from crisis_reading.analysis.quoting import verb_tone\n"
        "blocks = pd.DataFrame({'block': [1], 'text': ['The mayor grumbled that the bridge was late.']})\n"
        "row = find_quotes(blocks).quotes.iloc[0]\n"
        "print(row['verb'], '|', row['text'], '|', verb_tone('grumbled'))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        env={"CRISIS_READING_REPORTING_WORDS": str(extra), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, cwd=REPO, check=True,
    )  # fmt: skip
    assert run.stdout.strip() == "grumbled | the bridge was late | judgement"
    without = subprocess.run(
        [sys.executable, "-c", script.replace("row = ", "print(len(find_quotes(blocks).quotes)); row = ")],
        capture_output=True, text=True, cwd=REPO,
    )  # fmt: skip
    assert without.stdout.startswith("0")  # without the instructor's table the verb is unknown
