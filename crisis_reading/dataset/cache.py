"""Load once per data folder: every helper, lesson and check shares one loaded copy of an article.

The data folder is part of the key, read afresh on every call, so pointing CRISIS_READING_DATA at
another folder (as the tests and an instructor's next article do) loads that folder's data.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, wraps
from typing import TypeVar

from crisis_reading.dataset.paths import data_dir

Value = TypeVar("Value")


def once_per_data_folder(load: Callable[..., Value]) -> Callable[..., Value]:
    """Wrap `load(data_folder, *args)` into `loaded(*args)`, which runs it once per data folder and arguments."""
    cached = cache(load)

    @wraps(load)
    def loaded(*args):
        return cached(str(data_dir().resolve()), *args)

    loaded.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return loaded
