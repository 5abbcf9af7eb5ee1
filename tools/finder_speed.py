"""How fast the quote finder reads an article: articles per second, by the clock and by CPU time (a report).

python -m tools.finder_speed [SLUG] [--data DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import pandas as pd

from crisis_reading.dataset.article import load_article
from crisis_reading.dataset.paths import DEFAULT_ARTICLE
from crisis_reading.finder.quotes import find_quotes


def articles_per_second(blocks: pd.DataFrame, outlet: str | None, repeat: int = 20) -> tuple[float, float]:
    """Speed of find_quotes on one article, best of three timings of `repeat` runs: (by the wall clock,
    by the process's CPU time). The two differ when other programs share the machine's cores."""
    best_wall = best_cpu = math.inf
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            find_quotes(blocks, outlet=outlet)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return repeat / best_wall, repeat / max(best_cpu, 1e-9)


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    parser.add_argument("slug", nargs="?", default=DEFAULT_ARTICLE, help="the article folder's name")
    parser.add_argument("--data", type=Path, default=None, help="the data/ folder (default: the course's)")
    parser.add_argument("--repeat", type=int, default=20, help="runs per timing")
    options = parser.parse_args(argv)
    article = load_article(options.slug, options.data)
    words = sum(len(str(text).split()) for text in article.blocks["text"])
    wall, cpu = articles_per_second(article.blocks, article.meta.get("outlet"), options.repeat)
    print(
        f"{article.slug}: {wall:.1f} articles per second by the clock, {cpu:.1f} by CPU time "
        f"({len(article.blocks)} blocks, {words} words; best of 3 x {options.repeat} runs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
