"""tools/given_names.py: the two sources merged, each with its thresholds, a disputed name left out."""

from __future__ import annotations

import json
from pathlib import Path

from tools.given_names import given_names


def test_the_two_sources_merge_and_a_name_they_judge_differently_is_left_out(tmp_path: Path) -> None:
    census = tmp_path / "census"
    census.mkdir()
    # name, per cent of the women (or men) counted, cumulative, rank
    (census / "dist.female.first").write_text("TERESA 0.500 1 1\nDANA 0.100 2 2\nALEX 0.050 3 3\nLI 0.001 4 4\n")
    (census / "dist.male.first").write_text("MARTIN 0.400 1 1\nDANA 0.080 2 2\nALEX 0.001 3 3\n")
    table = tmp_path / "name_data.json"
    table.write_text(json.dumps({
        "sunita": [23, 1383, 1.0, 3],       # kept: many lists, many people, clear
        "oskar": [27, 42405, 0.0, 3],
        "rarename": [3, 50, 1.0, 3],         # too few lists and people
        "jean": [31, 2525377, 0.477, 3],     # not clear
        "alex": [30, 500000, 0.02, 3],       # the census says "she", this table "he": disputed
        "andr\u00e1s": [24, 13010, 0.001, 3],  # not plain letters
    }))  # fmt: skip
    rows = dict(given_names(census, table))
    assert rows == {"Teresa": "she", "Martin": "he", "Sunita": "she", "Oskar": "he"}
