"""Plain questions about the membership tables, answered in one call (lesson 05).

Every function takes the day to ask about, so a lesson can ask about the day
an article was published rather than about today.

One limit runs through all of them: the OSCE rows have no joining dates (the
course's fact sheet lists the participating states of January 2022 without
dates), so for any day the OSCE answer is that January 2022 list.
`dates_on_file` shows this limit as a table.
"""

from __future__ import annotations

import pandas as pd

from .institutions import ORGANISATIONS, membership_matrix
from .reference import Reference

GROUPS = [*ORGANISATIONS, "former_soviet_republic"]


def _check_group(name: str) -> None:
    if name not in GROUPS:
        raise ValueError(f"{name!r} is not a group the membership data knows; use one of: {', '.join(GROUPS)}")


def in_but_not(reference: Reference, group: str, other: str, day: str | pd.Timestamp) -> list[str]:
    """The countries in `group` but not in `other` on `day`, alphabetically.

    `group` and `other` are "NATO", "EU", "OSCE" or "former_soviet_republic":
    in_but_not(reference, "NATO", "EU", day) lists NATO members outside the EU.
    """
    _check_group(group)
    _check_group(other)
    matrix = membership_matrix(reference, day)
    return sorted(matrix.index[matrix[group] & ~matrix[other]])


def _joined_while_member(reference: Reference, organisation: str, day: pd.Timestamp) -> pd.Series:
    """For each country that was a member on `day`: the day it joined."""
    table = reference.memberships[reference.memberships["organisation"] == organisation]
    member = (table["joined"] <= day) & (table["left"].isna() | (table["left"] > day))
    return table[member].set_index("country")["joined"]


def soviet_republics_table(reference: Reference, day: str | pd.Timestamp) -> pd.DataFrame:
    """One row per former Soviet republic: in NATO, the EU and the OSCE on `day`, and since when.

    Columns: country, NATO, EU, OSCE (True/False on that day), NATO_joined and
    EU_joined (the day it joined; empty when it was not a member on that day).
    NATO members come first, then the others, each alphabetically.
    """
    day = pd.Timestamp(day)
    matrix = membership_matrix(reference, day)
    table = matrix[matrix["former_soviet_republic"]][ORGANISATIONS].copy()
    for organisation in ("NATO", "EU"):
        table[f"{organisation}_joined"] = _joined_while_member(reference, organisation, day).reindex(table.index)
    table = table.rename_axis("country").reset_index()
    return table.sort_values(["NATO", "country"], ascending=[False, True], ignore_index=True)


def dates_on_file(reference: Reference) -> pd.DataFrame:
    """For each organisation: how many countries the table lists, how many with a joining date, and the date range.

    Columns: countries, with_joining_date, first_joined, last_joined, have_left.
    A row with no joining dates (the OSCE) can answer "who is a member" only
    for the day its list was made, not "since when".
    """
    rows = []
    for organisation in ORGANISATIONS:
        table = reference.memberships[reference.memberships["organisation"] == organisation]
        rows.append(
            {
                "organisation": organisation,
                "countries": table["country"].nunique(),
                "with_joining_date": int(table["joined"].notna().sum()),
                "first_joined": table["joined"].min(),
                "last_joined": table["joined"].max(),
                "have_left": int(table["left"].notna().sum()),
            }
        )
    return pd.DataFrame(rows).set_index("organisation")


def membership_rows(reference: Reference, organisation: str) -> pd.DataFrame:
    """One organisation's rows, oldest first: country, joined, left, note."""
    if organisation not in ORGANISATIONS:
        raise ValueError(f"organisation must be one of {ORGANISATIONS}, not {organisation!r}")
    table = reference.memberships[reference.memberships["organisation"] == organisation]
    table = table.sort_values(["joined", "country"], ignore_index=True)
    return table[["country", "joined", "left", "note"]]
