"""Friendly answers to a mistyped value: one line that names the allowed values, and the one meant if it is clear.

A student who types `side="Russia"` for `"russia"`, or `"UK"` for `"United Kingdom"`, should read one plain
line, not a traceback through the package's source. `ChoiceError` is a ValueError (code that catches one keeps
working) that IPython shows as its message alone (`_render_traceback_`); `choose` raises it, and
`rows_where` filters a table the way a lesson's cell does, saying so when a value is in no row at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from crisis_reading.dataset.spelling import meant

SHOWN = 15  # more allowed values than this are counted, not listed, to keep the message to one line


class ChoiceError(ValueError):
    """A value a helper does not know. In a notebook only the message shows, on one line, without a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [f"Not a value this cell knows: {self}"]


def quoted(values: Iterable[Any]) -> str:
    """Values as a student would type them: 'russia', 'us_nato', 3."""
    return ", ".join(repr(value) if isinstance(value, str) else str(value) for value in values)


def suggestion(value: Any, allowed: Iterable[Any]) -> str:
    guess = meant(value, allowed)
    return f" Did you mean {guess!r}?" if guess is not None else ""


def choose(value: Any, allowed: Iterable[Any], what: str) -> Any:
    """`value` if it is one of `allowed`; otherwise a ChoiceError naming the allowed values and the likely one."""
    options = list(allowed)
    if value in options:
        return value
    raise ChoiceError(f"{what} {value!r} is not one of {quoted(options)}.{suggestion(value, options)}")


def rows_where(table: pd.DataFrame, **conditions: Any) -> pd.DataFrame:
    """The rows of `table` whose columns hold the given values: rows_where(tagged, label="Talks are deadlocked").

    The same as table[table["label"] == "Talks are deadlocked"], except that a value no row holds at all (another
    spelling, other capitals) is said in one line, with the values the column does hold, instead of an empty table.
    """
    keep = pd.Series(True, index=table.index)
    for column, wanted in conditions.items():
        choose(column, list(map(str, table.columns)), "column")
        values = table[column].dropna()
        if not (values == wanted).any():
            held = sorted(set(values), key=str)
            shown = (
                f"holds: {quoted(held)}"
                if len(held) <= SHOWN
                else f'holds {len(held)} different values (table["{column}"].unique() lists them)'
            )
            raise ChoiceError(
                f"no row has {column} {wanted!r}, so nothing matched (the match is exact, capitals too). "
                f"The {column} column {shown}.{suggestion(wanted, held)}"
            )
        keep &= table[column] == wanted
    return table[keep]
