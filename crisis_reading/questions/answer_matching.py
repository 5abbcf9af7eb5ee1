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
NEAR_MISS = "close, but not quite"
NOT_RIGHT = "that number is not right"


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
        if _labels_are_names(value.index):
            return plain(value.index)
        if value.shape[1] == 1:
            return plain(value.iloc[:, 0])
        return value  # rows picked out of a table by number: its row labels are not the names meant
    if isinstance(value, pd.Series):
        numeric_values = pd.api.types.is_numeric_dtype(value.dtype) or pd.api.types.is_bool_dtype(value.dtype)
        if numeric_values and _labels_are_names(value.index):
            return plain(value.index)
        return plain(value)
    return plain(value)


def _labels_are_names(index: pd.Index) -> bool:
    """Whether a table's row labels name its rows (a function, a side, a person) rather than number them.

    A table filtered from a bigger one keeps the bigger one's row numbers (7, 11, 14…): those are not the
    names a student means, so the answer is read as a whole table and the student is told to pick a column.
    """
    return not (isinstance(index, pd.RangeIndex) or pd.api.types.is_integer_dtype(index.dtype))


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
        if not near_miss and match.problem == NEAR_MISS:
            return Match(False, NOT_RIGHT)
        return match
    if how == "boolean":
        if isinstance(answer, str) and normal_text(answer) in ("true", "false"):
            return Match(
                False,
                f"the answer should be True or False, but yours is text: remove the quotation marks "
                f'(write {answer.strip().capitalize()}, not "{answer.strip()}")',
                True,
            )
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
        return Match(False, NEAR_MISS)
    return Match(False, NOT_RIGHT)


def _compare_collection(answer: Any, expected: list[Any], ordered: bool) -> Match:
    if isinstance(answer, str):
        return Match(False, 'the answer should be a list, like ["a", "b"], but yours is a single piece of text', True)
    if isinstance(answer, pd.DataFrame):
        column = _column_holding(answer, expected)
        problem = f'the answer should be a list, but yours is a whole table: pick one column, like table["{column}"]'
        return Match(False, problem, True)
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


def _column_holding(table: pd.DataFrame, expected: list[Any]) -> str:
    """The column of a table that holds most of the expected items ("name" when none does), to name in a hint."""
    wanted = {normal_text(e) for e in expected}
    best, best_count = "name", 0
    for column in table.columns:
        count = len(wanted & {normal_text(v) for v in table[column].dropna()})
        if count > best_count:
            best, best_count = str(column), count
    return best


def normal_items(values: Any) -> set[str]:
    """A list of answers as the checks compare them: without case, outer spaces or curly quotes."""
    return {normal_text(value) for value in values}


def short_names(given: Any, wanted: Any) -> set[str]:
    """The answers that are only the end of a wanted name ("Lavrov" for "Sergey Lavrov"), as the article writes a
    person after the first mention."""
    full = normal_items(wanted)
    return {name for name in normal_items(given) - full if any(w.endswith(" " + name) for w in full)}


def without_possessive(text: str) -> str:
    """Text without a final possessive ’s ("Wednesday’s" → "wednesday"), compared as the checks compare text."""
    return normal_text(text).removesuffix("'s")
