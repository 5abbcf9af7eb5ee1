"""Tests of crisis_reading.cli.score: `crisis-reading score`, one article in full or every key with --all."""

from __future__ import annotations

import pytest
from conftest import DATA, REPO

from crisis_reading import CAPSTONE_ARTICLE, DEFAULT_ARTICLE, PRACTICE_ARTICLE, find_quotes, load_article
from crisis_reading.cli.score import main


def test_the_command_prints_the_table(capsys):
    assert main(["aljazeera-2022-01-14-nato-russia-security-demands"]) == 0
    printed = capsys.readouterr().out
    assert "speaker_accuracy" in printed and "indirect" in printed
    assert "Guessed block functions" in printed and "kind agrees" in printed


def test_the_command_scores_every_key_with_the_held_out_ones_on_their_own_lines(capsys):
    heldout = REPO / "tests" / "heldout"
    corpus = REPO / "tests" / "finder_corpus" / "development"
    assert main(["--all", "--data", str(DATA), "--data", str(heldout), "--data", str(corpus)]) == 0
    printed = capsys.readouterr().out
    table, pooled = printed.split("\n\n", 1)
    lines = table.splitlines()
    assert lines[0].split() == [
        "key", "part", "proposed", "annotated", "precision", "recall", "f1", "exact_f1", "speaker_accuracy", "traps"
    ]  # fmt: skip
    rows = {line.split()[0]: line for line in lines[1:]}
    assert {DEFAULT_ARTICLE, PRACTICE_ARTICLE, "heldout-2025-06-mirrow-shoal-trawler"} <= set(rows)
    assert "held out" in rows["heldout-2025-06-mirrow-shoal-trawler"]
    assert "development" in rows[DEFAULT_ARTICLE] and "development" in rows[PRACTICE_ARTICLE]
    parts = ["held out" in line for line in lines[1:]]
    assert parts == sorted(parts), "the development keys come first, the held-out ones on lines of their own"
    article = load_article(DEFAULT_ARTICLE, DATA)
    proposed = find_quotes(article.blocks, outlet=article.meta.get("outlet")).quotes
    # proposed and annotated, as counts
    assert rows[DEFAULT_ARTICLE].split()[2:4] == [str(len(proposed)), str(len(article.quotes))]
    assert rows["corpus-a01-uswire-transit-strike"].split()[-1].count("/") == 1  # traps proposed / listed
    assert "held out" in rows[CAPSTONE_ARTICLE]  # marked "finder_key": "held_out" in its datapackage
    assert "development: " in pooled and "held out: 2 keys pooled" in pooled and "traps proposed as quotes" in pooled


def test_the_command_asks_for_one_article_or_all(capsys):
    with pytest.raises(SystemExit) as stopped:
        main([])
    assert stopped.value.code == 2 and "name one article, or give --all" in capsys.readouterr().err


def test_the_command_gives_a_one_line_error_for_an_unknown_article(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["no-such-article"])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and err.startswith("error: No article folder 'no-such-article'")
    assert "Traceback" not in err and err.count("\n") == 1
    with pytest.raises(SystemExit):
        main(["--help"])
    assert capsys.readouterr().out.startswith("usage: crisis-reading score ")
