"""The standard's own validator as a second opinion: Frictionless must accept every data package the course ships or
writes, and must never reject what the course's loader accepts.

The course keeps its own reader, whose messages are written for students; Frictionless checks the same descriptors
and tables by the letter of the Data Package standard. On the damage suite the two are run side by side: the course
refuses every damaged copy (that is the suite), Frictionless refuses those a schema can describe and accepts the ones
only the course's meaning checks catch (a quote's offsets, the same statement twice). The table of both verdicts is
printed (pytest -s, or -rP); a case the course accepts and Frictionless rejects fails the test.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA, REPO
from test_article_checks import DAMAGE

from crisis_reading import DEFAULT_ARTICLE, PRACTICE_ARTICLE, DataError, find_quotes, load_article
from crisis_reading.annotate import scaffold
from crisis_reading.annotate.model import Annotation

frictionless = pytest.importorskip("frictionless")

PACKAGES = sorted(
    path.relative_to(REPO)
    for path in [*REPO.glob("data/*/datapackage.json"), *REPO.glob("tests/**/datapackage.json")]
    if ".pytest_cache" not in path.parts
)
# Damage Frictionless is not asked about: files so large that reading them is the damage (the course refuses them by
# their size, before reading), and a link that leads back to itself.
NOT_ASKED = {
    "a single 50 MB cell",
    "a table padded far past any article's size",
    "a table padded to 3,900 valid rows (0.9 MB)",
    "a symlink loop where a table should be",
}


def frictionless_errors(descriptor: Path) -> list[str]:
    """Frictionless's verdict on one datapackage.json: its errors, as "type: message" ([] when valid)."""
    try:
        report = frictionless.validate(str(descriptor))
    except Exception as exc:  # a validator that cannot even read the package has rejected it
        return [f"{type(exc).__name__}: {exc}"]
    return [f"{kind}: {message}" for kind, message in report.flatten(["type", "message"])] + [
        f"{error.type}: {error.message}" for error in report.errors
    ]


@pytest.mark.parametrize("descriptor", PACKAGES, ids=[str(p.parent) for p in PACKAGES])
def test_frictionless_accepts_every_package_in_the_repository(descriptor: Path) -> None:
    assert frictionless_errors(REPO / descriptor) == []


def test_frictionless_accepts_what_the_scaffold_and_the_annotation_tool_write(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    scaffold.scaffold(DATA / DEFAULT_ARTICLE / "article.txt", "outlet-2022-01-14-scaffolded", data=data)
    practice = load_article(PRACTICE_ARTICLE, data)
    blocks = practice.blocks[["block", "function", "text"]]
    meta = {key: practice.meta[key] for key in ("headline", "outlet", "published", "dateline", "credit")}
    annotation = Annotation.from_finder(blocks, find_quotes(blocks), meta, template=practice)
    annotation.save(data / "student-unreviewed")
    written = [data / "outlet-2022-01-14-scaffolded", data / "student-unreviewed"]
    for folder in written:
        load_article(folder.name, data)  # the course accepts them
        assert frictionless_errors(folder / "datapackage.json") == [], folder.name


def verdicts(damage: Callable[[Path], None], folder: Path, ask_frictionless: bool) -> tuple[str, str]:
    damage(folder)
    try:
        load_article(folder.name, data=folder.parent)
        course = "accepts"
    except DataError:
        course = "rejects"
    if not ask_frictionless:
        return course, "not asked"
    errors = frictionless_errors(folder / "datapackage.json")
    return course, ("rejects (" + errors[0].split(":")[0] + ")") if errors else "accepts"


def test_the_course_and_frictionless_agree_on_the_damage_suite(tmp_path: Path) -> None:
    rows = []
    cases = [("undamaged", lambda folder: None), *[(name, damage) for name, damage, _ in DAMAGE]]
    for number, (name, damage) in enumerate(cases):
        copy = tmp_path / str(number) / "data"
        shutil.copytree(DATA, copy)
        course, standard = verdicts(damage, copy / DEFAULT_ARTICLE, name not in NOT_ASKED)
        rows.append((name, course, standard))
        shutil.rmtree(copy)
    width = max(len(name) for name, _, _ in rows)
    print(f"\n{'damage':<{width}}  course    Frictionless")
    for name, course, standard in rows:
        print(f"{name:<{width}}  {course:<8}  {standard}")
    only_frictionless = [name for name, course, standard in rows if course == "accepts" and standard != "accepts"]
    assert not only_frictionless, f"Frictionless rejects what the course accepts: {only_frictionless}"
    assert rows[0][1:] == ("accepts", "accepts")
    assert all(course == "rejects" for _, course, _ in rows[1:])
