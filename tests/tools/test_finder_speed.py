"""tools/finder_speed.py: the finder's speed is reported against a floor timed in the same run."""

from __future__ import annotations

import re

from tools.finder_speed import main


def test_the_speed_is_reported_against_a_floor_of_the_same_run(capsys) -> None:
    assert main(["--repeat", "1"]) == 0
    printed = capsys.readouterr().out
    ratio = re.search(r"the finder takes ([\d.]+) x the floor", printed)
    assert ratio is not None, printed
    assert float(ratio.group(1)) > 1, "the floor, a part of the finder's own work, cannot be slower than the finder"
    assert re.search(r"scaled to 800 words an article: [\d.]+ articles per second", printed), printed
