"""Progress through a long run: a bar where a person watches a terminal, one plain line per item in a log.

tqdm draws the bar (a small, well-kept library that every Jupyter install can have); a CI log, or an
install without tqdm, gets lines such as "[3/9] lesson 03-how-they-are-quoted" instead of control codes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")


def progress(
    items: Iterable[Item], total: int | None = None, what: str = "", label: Callable[[Item], str] = str
) -> Iterator[Item]:
    """Yield the items, showing how far the run has got on standard error."""
    items = list(items) if total is None else items
    total = len(items) if total is None else total  # type: ignore[arg-type]
    if sys.stderr.isatty():
        try:
            from tqdm import tqdm
        except ImportError:
            pass
        else:
            yield from tqdm(items, total=total, desc=what, unit="", file=sys.stderr, leave=False)
            return
    for number, item in enumerate(items, start=1):
        print(f"[{number}/{total}] {what} {label(item)}".rstrip(), file=sys.stderr, flush=True)
        yield item
