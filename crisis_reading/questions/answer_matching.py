"""Compare a student's answer with the expected one, forgivingly: any answer is read, and what differs is explained.

Students hand in whatever their cell produced: a pandas Series where a list was
asked for, a numpy number, a string with stray spaces, a list in another order.
This module turns those into plain Python values and compares them the way the
question says (an exact number, a number within a tolerance, a set, a list in
order, a word or phrase).
"""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Number
from typing import Any

import numpy as np
import pandas as pd

COMPARISONS = ("number", "set", "list", "text", "boolean")


@dataclass(frozen=True)
class Match:
    correct: bool
    problem: str = ""  # why it does not match, in words a student understands; empty when correct
    wrong_type: bool = False  # the answer is not even the right kind of thing (text for a number…)


def items(value: Any) -> Any:
    """The items a student means by a table or a column, for questions that want a list of names.

    A filtered table or a value_counts() result carries the names in its index and numbers in
    its values; a plain column of names carries them in its values.
    """
    if isinstance(value, pd.DataFrame):
        if not isinstance(value.index, pd.RangeIndex):
            return plain(value.index)
        return plain(value.iloc[:, 0]) if value.shape[1] == 1 else value
    if isinstance(value, pd.Series):
        numeric_values = pd.api.types.is_numeric_dtype(value.dtype) or pd.api.types.is_bool_dtype(value.dtype)
        if numeric_values and not isinstance(value.index, pd.RangeIndex):
            return plain(value.index)
        return plain(value)
    return plain(value)


def plain(value: Any) -> Any:
    """A plain Python value: lists for Series/Index/arrays/tuples/sets, int/float/bool for numpy numbers."""
    if isinstance(value, pd.DataFrame):
        if value.shape[1] == 1:
            return plain(value.iloc[:, 0])
        return value
    if isinstance(
        value, pd.Series | pd.Index | pd.api.extensions.ExtensionArray | np.ndarray | tuple | set | frozenset
    ):
        return [plain(v) for v in list(value)]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    return value


def normal_text(value: Any) -> str:
    """Text compared without case, outer spaces or curly/straight quote differences."""
    text = str(value).strip().casefold().removesuffix(" 00:00:00").rstrip(".").strip()
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.split())


def describe(value: Any) -> str:
    if isinstance(value, pd.Timedelta):
        return "a time span (Timedelta): add .days to it to get a number of days"
    if value is None:
        return "nothing (None: did the cell end with print(...)? Put the value itself after the =)"
    if isinstance(value, bool):
        return "True or False"
    if isinstance(value, Number):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, pd.DataFrame):
        return "a whole table"
    return f"a {type(value).__name__}"


def compare(answer: Any, expected: Any, how: str, tolerance: float = 0.0, near_miss: bool = True) -> Match:
    answer = items(answer) if how in ("set", "list") else plain(answer)
    expected = plain(expected)
    if how == "number":
        match = _compare_number(answer, expected, tolerance)
        if not near_miss and match.problem == "close, but not quite":
            return Match(False, "that number is not right")
        return match
    if how == "boolean":
        if not isinstance(answer, bool):
            return Match(False, f"the answer should be True or False, but yours is {describe(answer)}", True)
        return Match(answer == expected, "" if answer == expected else "it is the other way round")
    if how == "text":
        if not isinstance(answer, str):
            if isinstance(answer, list) and len(answer) == 1 and isinstance(answer[0], str):
                return compare(answer[0], expected, how)
            return Match(False, f"the answer should be text in quotation marks, but yours is {describe(answer)}", True)
        same = normal_text(answer) == normal_text(expected)
        return Match(same, "" if same else "that is not the word or phrase we are looking for")
    if how in ("set", "list"):
        return _compare_collection(answer, expected, ordered=how == "list")
    raise ValueError(f"unknown comparison {how!r}; use one of {COMPARISONS}")


def _compare_number(answer: Any, expected: Any, tolerance: float) -> Match:
    if isinstance(answer, str):
        try:
            float(answer)
        except ValueError:
            return Match(False, "the answer should be a number, but yours is text", True)
        return Match(False, "the answer should be a number, but yours is text: remove the quotation marks", True)
    if isinstance(answer, bool) or not isinstance(answer, Number):
        if isinstance(answer, list) and len(answer) == 1:
            return _compare_number(answer[0], expected, tolerance)
        return Match(False, f"the answer should be a single number, but yours is {describe(answer)}", True)
    if abs(answer - expected) <= tolerance + 1e-9:
        return Match(True)
    if abs(answer - expected) <= max(abs(expected) * 0.1, 1):
        return Match(False, "close, but not quite")
    return Match(False, "that number is not right")


def _compare_collection(answer: Any, expected: list[Any], ordered: bool) -> Match:
    if isinstance(answer, str):
        return Match(False, 'the answer should be a list, like ["a", "b"], but yours is a single piece of text', True)
    if isinstance(answer, pd.DataFrame):
        return Match(
            False, 'the answer should be a list, but yours is a whole table: pick one column, like table["name"]', True
        )
    if not isinstance(answer, list):
        return Match(False, f"the answer should be a list, but yours is {describe(answer)}", True)
    key = normal_text
    given = [key(a) for a in answer]
    wanted = [key(e) for e in expected]
    if ordered:
        if given == wanted:
            return Match(True)
        if sorted(given) == sorted(wanted):
            return Match(False, "the right items, but not in the right order")
    elif set(given) == set(wanted):
        return Match(True)
    missing = len(set(wanted) - set(given))
    extra = len(set(given) - set(wanted))
    parts = []
    if missing:
        parts.append(f"{missing} item(s) missing")
    if extra:
        parts.append(f"{extra} item(s) that do not belong")
    return Match(False, " and ".join(parts) or "not the expected list")
