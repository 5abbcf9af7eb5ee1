"""Who belonged to NATO, the EU and the OSCE, and when: the membership table and plain questions about it (lesson 05).

Every function takes the day to ask about, so a lesson can ask about the day
an article was published rather than about today.

One limit runs through all of them: the OSCE rows have no joining dates (the
course's fact sheet lists the participating states of January 2022 without
dates), so for any day the OSCE answer is that January 2022 list.
`dates_on_file` shows this limit as a table.
"""

from __future__ import annotations

import pandas as pd

from crisis_reading.analysis.choices import choose
from crisis_reading.dataset.reference import Reference

ORGANISATIONS = ["NATO", "EU", "OSCE"]


def members_on(reference: Reference, organisation: str, day: str | pd.Timestamp) -> list[str]:
    """The members of an organisation on a given day, alphabetically.

    The OSCE rows have no dates (the fact sheet lists the participating states of January 2022 only),
    so for the OSCE every day gives that January 2022 list.
    """
    if organisation not in ORGANISATIONS:
        choose(organisation, ORGANISATIONS, "organisation")
    day = pd.Timestamp(day)
    table = reference.memberships[reference.memberships["organisation"] == organisation]
    joined = table["joined"].isna() | (table["joined"] <= day)
    still_in = table["left"].isna() | (table["left"] > day)
    return sorted(table.loc[joined & still_in, "country"])


def membership_matrix(reference: Reference, day: str | pd.Timestamp) -> pd.DataFrame:
    """One row per country: True/False for NATO, EU and OSCE on that day, and former Soviet republic."""
    countries = reference.countries.set_index("country")
    matrix = pd.DataFrame(index=countries.index)
    for organisation in ORGANISATIONS:
        matrix[organisation] = matrix.index.isin(members_on(reference, organisation, day))
    matrix["former_soviet_republic"] = countries["former_soviet_republic"]
    return matrix


def venn_regions(reference: Reference, day: str | pd.Timestamp) -> pd.DataFrame:
    """The countries in each region of the NATO–EU–OSCE diagram on that day (empty regions included)."""
    matrix = membership_matrix(reference, day)
    rows = []
    for nato in (True, False):
        for eu in (True, False):
            for osce in (True, False):
                if not (nato or eu or osce):
                    continue
                inside = matrix[(matrix["NATO"] == nato) & (matrix["EU"] == eu) & (matrix["OSCE"] == osce)]
                rows.append(
                    {
                        "NATO": nato,
                        "EU": eu,
                        "OSCE": osce,
                        "countries": len(inside),
                        "names": ", ".join(inside.index),
                    }
                )
    return pd.DataFrame(rows)


def enlargement(reference: Reference, organisation: str = "NATO") -> pd.DataFrame:
    """Each day membership changed: who joined, who left, and how many members there were after it."""
    choose(organisation, ORGANISATIONS[:2], "organisation (dated for NATO and the EU only)")
    table = reference.memberships
    table = table[(table["organisation"] == organisation) & table["joined"].notna()]
    days = sorted(set(table["joined"]) | set(table["left"].dropna()))
    rows = []
    for day in days:
        joined = sorted(table.loc[table["joined"] == day, "country"])
        left = sorted(table.loc[table["left"] == day, "country"])
        rows.append(
            {
                "date": day,
                "joined_countries": ", ".join(joined),
                "left_countries": ", ".join(left),
                "new_members": len(joined) - len(left),
                "members_after": len(members_on(reference, organisation, day)),
            }
        )
    return pd.DataFrame(rows)


def soviet_republics_in(reference: Reference, organisation: str, day: str | pd.Timestamp) -> list[str]:
    """The former Soviet republics that were members of an organisation on that day."""
    if organisation not in ORGANISATIONS:
        choose(organisation, ORGANISATIONS, "organisation")
    matrix = membership_matrix(reference, day)
    return sorted(matrix.index[matrix["former_soviet_republic"] & matrix[organisation]])


GROUPS = [*ORGANISATIONS, "former_soviet_republic"]


def _check_group(name: str) -> None:
    choose(name, GROUPS, "group")


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
        choose(organisation, ORGANISATIONS, "organisation")
    table = reference.memberships[reference.memberships["organisation"] == organisation]
    table = table.sort_values(["joined", "country"], ignore_index=True)
    return table[["country", "joined", "left", "note"]]
