"""The grading fingerprint counts what grading reads: the package's code and data/, nothing hidden beside them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATA

from crisis_reading import DEFAULT_ARTICLE
from crisis_reading.grading.batch import code_and_data_digest, fingerprint
from crisis_reading.grading.sandbox import Limits


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> Path:
    """A copy of data/ that the grader reads, and a fresh digest before and after (it is computed once per run)."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv("CRISIS_READING_DATA", str(copy))
    code_and_data_digest.cache_clear()
    yield copy
    code_and_data_digest.cache_clear()


def digest() -> str:
    code_and_data_digest.cache_clear()
    return fingerprint(Limits())


def test_hidden_files_and_folders_in_data_leave_the_fingerprint_alone(data: Path) -> None:
    before = digest()
    # What the annotation tool keeps beside an article folder it saves, and what Jupyter and macOS leave.
    shutil.copytree(data / DEFAULT_ARTICLE, data / f".{DEFAULT_ARTICLE}.previous")
    (data / f".{DEFAULT_ARTICLE}.1a2b.saving").mkdir()
    (data / f".{DEFAULT_ARTICLE}.1a2b.saving" / "quotes.csv").write_text("half a save", encoding="utf-8")
    (data / ".DS_Store").write_bytes(b"\0\1")
    (data / DEFAULT_ARTICLE / ".ipynb_checkpoints").mkdir()
    (data / DEFAULT_ARTICLE / ".ipynb_checkpoints" / "notes-checkpoint.txt").write_text("x", encoding="utf-8")
    assert digest() == before  # resumed grading reuses every result
    # A change the grader does read still counts.
    quotes = data / DEFAULT_ARTICLE / "quotes.csv"
    quotes.write_text(quotes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert digest() != before
