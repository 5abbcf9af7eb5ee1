"""Tests of crisis_reading.dataset.schema: one list of every article table's columns, and every article agrees."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, REPO

from crisis_reading import list_articles
from crisis_reading.dataset.datapackage import field_names, read_descriptor
from crisis_reading.dataset.schema import columns, core_tables, file_name, optional_tables

HELDOUT = REPO / "tests" / "heldout"
ARTICLES = [(data, slug) for data in (DATA, HELDOUT) for slug in list_articles(data)]


@pytest.mark.parametrize(("data", "slug"), ARTICLES, ids=[slug for _, slug in ARTICLES])
def test_every_article_has_the_columns_the_package_lists(data: Path, slug: str) -> None:
    descriptor = read_descriptor(data / slug)
    described = {resource["name"]: resource for resource in descriptor["resources"]}
    assert set(core_tables()) <= set(described)
    for name, resource in described.items():
        assert name in core_tables() + optional_tables(), f"{slug}: table {name!r} is not an article table"
        assert field_names(descriptor, name) == columns(name), f"{slug}/{resource['path']}"
        assert resource["path"] == file_name(name)


def test_the_lists_name_the_tables_the_lessons_use() -> None:
    assert core_tables() == ["blocks", "speakers", "quotes", "events"]
    assert set(optional_tables()) == {"frames", "frame_vocabulary", "source_checks"}
    assert columns("quotes")[:3] == ["quote_id", "block", "speaker_id"] and file_name("events") == "events.csv"
