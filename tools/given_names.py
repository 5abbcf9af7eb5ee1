"""Write crisis_reading/finder/given_names.csv, the given names the quote finder reads a likely "he" or "she" from.

Source: the U.S. Census Bureau's lists of first names from the 1990 census ("Frequently Occurring First Names
and Surnames From the 1990 Census": dist.female.first and dist.male.first, each name with its share of the
women or of the men counted), a work of the U.S. government and so in the public domain. The two files are
inside the sdist of the `names` package on PyPI (names==0.3.0, MIT), which is where this project took them:

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python -m tools.given_names /tmp/names/names-0.3.0/names

A name is kept only when at least 95 % of the people counted with it were of one sex (women and men are about
equally many in the census, so the two shares compare directly): "Martin" (0.2 % of men, 0.002 % of women) is
kept as "he"; "Dana", "Leslie", "Jean" and "Robin" are left out, and so is any name that fewer than 0.01 % of
the women or of the men carried ("Li", "Moon", "Ilse"). The lists are American and of 1990: many names
of other countries are missing, and the finder then decides by the text alone, as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "crisis_reading" / "finder" / "given_names.csv"
CLEAR_SHARE = 0.95
# Only names at least this common (per cent of the women or the men counted): rarer entries are mostly other
# countries' surnames that Americans carried as given names ("Li", "Yang", "Moon"), which would mislead on names
# written surname first
COMMON = 0.01


def _shares(path: Path) -> dict[str, float]:
    return {line.split()[0]: float(line.split()[1]) for line in path.read_text(encoding="ascii").splitlines() if line}


def given_names(census_folder: Path) -> list[tuple[str, str]]:
    women, men = _shares(census_folder / "dist.female.first"), _shares(census_folder / "dist.male.first")
    rows = []
    for name in sorted(set(women) | set(men)):
        if max(women.get(name, 0.0), men.get(name, 0.0)) < COMMON:
            continue
        female_share = women.get(name, 0.0) / (women.get(name, 0.0) + men.get(name, 0.0))
        if female_share >= CLEAR_SHARE:
            rows.append((name.title(), "she"))
        elif female_share <= 1 - CLEAR_SHARE:
            rows.append((name.title(), "he"))
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    rows = given_names(Path(argv[0]))
    TARGET.write_text("name,pronoun\n" + "".join(f"{name},{pronoun}\n" for name, pronoun in rows), encoding="utf-8")
    print(f"{TARGET}: {len(rows)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
