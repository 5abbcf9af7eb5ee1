"""Write crisis_reading/finder/given_names.csv, the given names the quote finder reads a likely "he" or "she" from.

Two sources, merged:

1. The U.S. Census Bureau's lists of first names from the 1990 census ("Frequently Occurring First Names and
   Surnames From the 1990 Census": dist.female.first and dist.male.first, each name with its share of the women
   or of the men counted), a work of the U.S. government and so in the public domain. The two files are inside
   the sdist of the `names` package on PyPI (names==0.3.0, MIT).
2. The name table of `nomquamgender` (nomquamgender==0.1.4 on PyPI, MIT licence, copyright (c) 2022 Ian Van
   Buskirk): for each given name, how many of the published name lists it compiles hold the name, how many people
   they counted with it, and the share of them who were women (p(gf)). It covers the names of many countries the
   census lacks ("Sunita", "Mirela", "Oskar", "Olena", "Volodymyr").

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    pip download nomquamgender==0.1.4 --no-deps -d /tmp/nqg && unzip -o /tmp/nqg/*.whl -d /tmp/nqg
    python -m tools.given_names /tmp/names/names-0.3.0/names /tmp/nqg/nomquamgender/name_data.json

From the census a name is kept when at least 95 % of the people counted with it were of one sex (women and men
are about equally many in the census, so the two shares compare directly): "Martin" (0.2 % of men, 0.002 % of
women) is kept as "he"; "Dana", "Leslie", "Jean" and "Robin" are left out, and so is any name that fewer than
0.01 % of the women or of the men carried ("Li", "Moon"). From the second table a name is kept when at least 10
lists hold it, at least 1,000 people were counted with it, and p(gf) is at least 0.95 or at most 0.05. A name
the two sources judge differently is left out. It stays a guess about a name, never a fact about a person: what
the text says of someone (a title, a pronoun) always wins over it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "crisis_reading" / "finder" / "given_names.csv"
CLEAR_SHARE = 0.95
# Only names at least this common (per cent of the women or the men counted): rarer entries are mostly other
# countries' surnames that Americans carried as given names ("Li", "Yang", "Moon"), which would mislead on names
# written surname first
COMMON = 0.01
# The second table: a name held by this many lists, with this many people counted (rarer names are as often
# surnames or misspellings)
LISTS, PEOPLE = 10, 1000
# Plain letters only, as the finder looks a name up (accents folded: "András" is looked up as "Andras")
PLAIN_NAME = re.compile(r"[a-z]{2,}")


def _shares(path: Path) -> dict[str, float]:
    return {line.split()[0]: float(line.split()[1]) for line in path.read_text(encoding="ascii").splitlines() if line}


def census_names(census_folder: Path) -> dict[str, str]:
    women, men = _shares(census_folder / "dist.female.first"), _shares(census_folder / "dist.male.first")
    names = {}
    for name in sorted(set(women) | set(men)):
        if max(women.get(name, 0.0), men.get(name, 0.0)) < COMMON:
            continue
        female_share = women.get(name, 0.0) / (women.get(name, 0.0) + men.get(name, 0.0))
        if female_share >= CLEAR_SHARE:
            names[name.title()] = "she"
        elif female_share <= 1 - CLEAR_SHARE:
            names[name.title()] = "he"
    return names


def table_names(name_data: Path) -> dict[str, str]:
    names = {}
    for name, (lists, people, female_share, *_) in json.loads(name_data.read_text(encoding="utf-8")).items():
        if not PLAIN_NAME.fullmatch(name) or lists < LISTS or people < PEOPLE:
            continue
        if female_share >= CLEAR_SHARE:
            names[name.title()] = "she"
        elif female_share <= 1 - CLEAR_SHARE:
            names[name.title()] = "he"
    return names


def given_names(census_folder: Path, name_data: Path) -> list[tuple[str, str]]:
    census, table = census_names(census_folder), table_names(name_data)
    merged = {**census, **table}
    disputed = {name for name in census.keys() & table.keys() if census[name] != table[name]}
    return sorted((name, pronoun) for name, pronoun in merged.items() if name not in disputed)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    rows = given_names(Path(argv[0]), Path(argv[1]))
    TARGET.write_text("name,pronoun\n" + "".join(f"{name},{pronoun}\n" for name, pronoun in rows), encoding="utf-8")
    print(f"{TARGET}: {len(rows)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
