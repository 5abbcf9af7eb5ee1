"""The finder's corpus of real-world conventions: every passage loads, its traps are exact, and the held-out part
is large enough and says it is held out. (These tests read only what the loader checks, never to tune a rule.)"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import REPO

from crisis_reading import list_articles, load_article

CORPUS = REPO / "tests" / "finder_corpus"
PARTS = {part: CORPUS / part for part in ("development", "heldout")}
PASSAGES = [(folder, slug) for folder in PARTS.values() for slug in list_articles(folder)]
TRAP_KINDS = {"scare_quote", "term", "name", "title", "slogan", "draft_wording", "question"}


@pytest.mark.parametrize(("folder", "slug"), PASSAGES, ids=[slug for _, slug in PASSAGES])
def test_every_passage_loads_marked_fictional_with_exact_traps(folder: Path, slug: str) -> None:
    article = load_article(slug, folder)
    assert article.meta.get("fictional") is True and article.meta.get("notice")
    texts = dict(zip(article.blocks["block"], article.blocks["text"], strict=True))
    with (article.folder / "traps.csv").open(encoding="utf-8", newline="") as handle:
        traps = list(csv.DictReader(handle))
    assert traps, f"{slug}: list its traps in traps.csv"
    for number, trap in enumerate(traps, start=1):
        block_text = texts[int(trap["block"])]
        assert block_text[int(trap["start"]) : int(trap["end"])] == trap["text"], f"{slug}/traps.csv row {number}"
        assert trap["trap"] in TRAP_KINDS, f"{slug}/traps.csv row {number}: {trap['trap']!r}"
    readme = (article.folder / "README.md").read_text(encoding="utf-8")
    if folder == PARTS["heldout"]:
        assert "HELD-OUT KEY" in readme


def test_the_corpus_is_large_and_a_third_of_it_held_out() -> None:
    statements = {part: 0 for part in PARTS}
    passages = {part: 0 for part in PARTS}
    for part, folder in PARTS.items():
        for slug in list_articles(folder):
            passages[part] += 1
            statements[part] += len(load_article(slug, folder).quotes)
    assert sum(passages.values()) >= 12 and sum(statements.values()) >= 300
    assert passages["heldout"] * 3 >= sum(passages.values())


def test_the_readme_counts_what_is_there() -> None:
    # the table in tests/finder_corpus/README.md went stale once ("Fifty-nine passages" when there were 68)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for part, folder in PARTS.items():
        slugs = list_articles(folder)
        statements = sum(len(load_article(slug, folder).quotes) for slug in slugs)
        assert f"| `{part}/` | {len(slugs)} (" in readme and f") | {statements} |" in readme, part
