"""How well the quote finder agrees with hand-annotated articles (the score command).

One article in full (precision, recall and F1 by kind, exact spans, speaker accuracy, kind and channel on
matched quotes, the guessed block functions), or with --all one line per article of every data folder given,
the held-out keys (in a folder whose name holds "heldout", or marked "finder_key": "held_out") apart, then
each part's keys pooled by kind.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from crisis_reading.dataset.article import Article, load_article
from crisis_reading.dataset.paths import DEFAULT_ARTICLE, data_dir, list_articles
from crisis_reading.dataset.vocabulary import HELD_OUT_KEY, counted
from crisis_reading.finder.quotes import find_quotes
from crisis_reading.finder.scoring import agreement_on_matches, pooled, score, traps_proposed
from crisis_reading.finder.text_blocks import blocks_from_text, function_agreement
from crisis_reading.progress import progress

HELD_OUT = "heldout"  # a folder or article whose name holds this word is a held-out key: never tuned on


def is_held_out(article: Article, folder: Path) -> bool:
    """A key the finder is only scored on: in a held-out folder, or marked "finder_key": "held_out" (data/README.md)."""
    return HELD_OUT in folder.name or HELD_OUT in article.slug or article.meta.get("finder_key") == HELD_OUT_KEY


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("slug", nargs="?", help=f"the article folder's name, e.g. {DEFAULT_ARTICLE}")
    parser.add_argument(
        "--data", type=Path, action="append", help="a data folder (default: the course's); with --all, repeatable"
    )
    parser.add_argument("--all", action="store_true", help="score every article of every --data folder, one line each")
    return parser


def report_one(article: Article) -> None:
    """Print the full score of one article."""
    result = find_quotes(article.blocks, outlet=article.meta.get("outlet"))
    table = score(result, article.quotes, article.speakers)
    print(f"Quote finder against the hand annotation of {article.slug}")
    print("(match: same block, overlap at least half of the annotated span; exact: same start and end)")
    with pd.option_context("display.width", 160, "display.float_format", "{:.3f}".format):
        print(table.to_string())
    agreement = agreement_on_matches(result, article.quotes, article.speakers)
    print(f"On matched quotes: kind agrees {agreement['kind']:.3f}, channel agrees {agreement['channel']:.3f}")
    text_file = article.folder / article.meta.get("text_file", "article.txt")
    if text_file.exists():
        agreement = function_agreement(blocks_from_text(text_file.read_text(encoding="utf-8")), article.blocks)
        print(
            f"Guessed block functions agree with blocks.csv on {int(agreement['agree'].sum())} "
            f"of {counted(len(agreement), 'block')}"
        )
        for row in agreement[~agreement["agree"]].itertuples():
            print(f"  block {row.block}: guessed {row.function_guessed}, key {row.function_key}")


def score_all(folders: list[Path]) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """One row per article of every folder (proposed, annotated, all-kind P/R/F1, exact F1, speaker accuracy,
    traps proposed), and per part (development, held out) the score table of all its keys pooled."""
    keys = [(folder, slug) for folder in folders for slug in list_articles(folder)]
    rows, tables = [], {}
    for folder, slug in progress(keys, what="scoring", label=lambda key: key[1]):
        article = load_article(slug, folder)
        result = find_quotes(article.blocks, outlet=article.meta.get("outlet"))
        table = score(result, article.quotes, article.speakers)
        overall = table.loc["all"]
        part = "held out" if is_held_out(article, folder) else "development"
        tables.setdefault(part, []).append(table)
        traps_file = article.folder / "traps.csv"
        traps = pd.read_csv(traps_file) if traps_file.exists() else None
        rows.append(
            {
                "key": slug,
                "part": part,
                "proposed": int(overall["proposed"]),
                "annotated": int(overall["annotated"]),
                **{column: overall[column] for column in ("precision", "recall", "f1", "exact_f1")},
                "speaker_accuracy": overall["speaker_accuracy"],
                "traps": f"{traps_proposed(result.quotes, traps)}/{len(traps)}" if traps is not None else "",
            }
        )
    table = pd.DataFrame(rows)
    if rows:
        table = table.sort_values(["part", "key"], ascending=[True, True], ignore_index=True)
    return table, {part: pooled(part_tables) for part, part_tables in tables.items()}


def main(argv: list[str] | None = None, prog: str = "crisis-reading score") -> int:
    parser = _parser(prog)
    options = parser.parse_args(argv)
    if options.all and options.slug:
        parser.error("give one article or --all, not both")
    if not options.all and not options.slug:
        parser.error("name one article, or give --all")
    folders = options.data or [data_dir()]
    try:
        if options.all:
            table, parts = score_all(folders)
            if table.empty:
                parser.exit(2, f"error: no answer keys (article folders) in {', '.join(map(str, folders))}\n")
            with pd.option_context("display.width", 200, "display.float_format", "{:.3f}".format):
                print(table.to_string(index=False))
                for part, pooled_table in parts.items():
                    keys = int((table["part"] == part).sum())
                    traps = [cell for cell in table.loc[table["part"] == part, "traps"] if cell]
                    caught = sum(int(cell.split("/")[0]) for cell in traps)
                    offered = sum(int(cell.split("/")[1]) for cell in traps)
                    trap_line = f"; traps proposed as quotes: {caught} of {offered}" if traps else ""
                    print(f"\n{part}: {counted(keys, 'key')} pooled (each quote counts once){trap_line}")
                    print(pooled_table.to_string())
            return 0
        if len(folders) > 1:
            parser.error("one --data folder for one article")
        report_one(load_article(options.slug, folders[0]))
    except (OSError, ValueError) as error:  # a DataError is a ValueError; OSError: a --data that is no folder
        parser.exit(2, f"error: {error}\n")
    return 0
