"""What a mistyped value most likely stands for: other capitals, initials, a typo.

Written once for every layer that answers a wrong value: the loader, for a cell its list of allowed values lacks
("goverment" in a speaker's side), and the lessons' helpers, for a value a student types (analysis/choices.py).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def initials(text: str) -> str:
    """ "United Kingdom" → "uk": how a name is often shortened."""
    words = [word for word in str(text).replace("-", " ").split() if word[:1].isalpha()]
    return "".join(word[0] for word in words).casefold() if len(words) > 1 else ""


def meant(value: Any, allowed: Iterable[Any]) -> Any | None:
    """The allowed value a mistyped one most likely stands for (other capitals, initials, a typo), or None."""
    options = list(allowed)
    text = str(value).strip().casefold()
    for option in options:
        if str(option).casefold() == text:
            return option
    for option in options:
        if text and initials(option) == text.replace(".", ""):
            return option
    close = difflib.get_close_matches(text, [str(option).casefold() for option in options], n=1, cutoff=0.8)
    return next((option for option in options if str(option).casefold() == close[0]), None) if close else None
