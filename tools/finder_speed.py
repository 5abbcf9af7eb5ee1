"""How fast the quote finder reads an article, against a floor measured in the same run (a report, not a test).

python -m tools.finder_speed [SLUG] [--data DIR] [--repeat N]

Articles per second by the clock and by CPU time, best of three timings; and, timed the same way in the same
run, the floor: the finder's first pass alone (finding the quotation marks, masking them and cutting the text
into sentences), which any reading of the article must do. The ratio of the two says what the rules cost, and
does not move with the machine's load as the articles per second do. The issue's aim is stated for an
800-word article, so the speed is also given scaled to that length.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from crisis_reading.dataset.article import load_article
from crisis_reading.dataset.paths import DEFAULT_ARTICLE
from crisis_reading.finder.quote_marks import mask_quotations, quote_spans
from crisis_reading.finder.quotes import find_quotes
from crisis_reading.finder.sentences import sentence_bounds

AIM_WORDS = 800


def _per_second(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    """`work` per second, best of three timings of `repeat` runs: (by the wall clock, by the process's CPU time).
    The two differ when other programs share the machine's cores."""
    best_wall = best_cpu = math.inf
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            work()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return repeat / best_wall, repeat / max(best_cpu, 1e-9)


def articles_per_second(blocks: pd.DataFrame, outlet: str | None, repeat: int = 20) -> tuple[float, float]:
    """Speed of find_quotes on one article: (by the wall clock, by CPU time)."""
    return _per_second(lambda: find_quotes(blocks, outlet=outlet), repeat)


def floor_per_second(blocks: pd.DataFrame, repeat: int = 20) -> tuple[float, float]:
    """Speed of the finder's first pass alone on the same article: quotation marks, masking, sentences."""
    texts = [str(text) for text in blocks["text"]]

    def first_pass() -> None:
        for text in texts:
            spans = quote_spans(text)
            mask_quotations(text, spans)
            sentence_bounds(text, spans)

    return _per_second(first_pass, repeat)


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("slug", nargs="?", default=DEFAULT_ARTICLE, help="the article folder's name")
    parser.add_argument("--data", type=Path, default=None, help="the data/ folder (default: the course's)")
    parser.add_argument("--repeat", type=int, default=20, help="runs per timing")
    options = parser.parse_args(argv)
    article = load_article(options.slug, options.data)
    words = sum(len(str(text).split()) for text in article.blocks["text"])
    wall, cpu = articles_per_second(article.blocks, article.meta.get("outlet"), options.repeat)
    _, floor_cpu = floor_per_second(article.blocks, options.repeat)
    print(
        f"{article.slug}: {wall:.1f} articles per second by the clock, {cpu:.1f} by CPU time "
        f"({len(article.blocks)} blocks, {words} words; best of 3 x {options.repeat} runs)"
    )
    print(
        f"floor, the same run (quotation marks and sentences only): {floor_cpu:.1f} articles per second by CPU time; "
        f"the finder takes {floor_cpu / cpu:.1f} x the floor"
    )
    print(f"scaled to {AIM_WORDS} words an article: {cpu * words / AIM_WORDS:.1f} articles per second by CPU time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
