"""Who belonged to NATO, the EU and the OSCE, and when."""

from __future__ import annotations

import pandas as pd

from .reference import Reference

ORGANISATIONS = ["NATO", "EU", "OSCE"]


def members_on(reference: Reference, organisation: str, day: str | pd.Timestamp) -> list[str]:
    """The members of an organisation on a given day, alphabetically.

    The OSCE rows have no dates (the fact sheet lists the participating states of January 2022 only),
    so for the OSCE every day gives that January 2022 list.
    """
    if organisation not in ORGANISATIONS:
        raise ValueError(f"organisation must be one of {ORGANISATIONS}, not {organisation!r}")
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
        raise ValueError(f"organisation must be one of {ORGANISATIONS}, not {organisation!r}")
    matrix = membership_matrix(reference, day)
    return sorted(matrix.index[matrix["former_soviet_republic"] & matrix[organisation]])
