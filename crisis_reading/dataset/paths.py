"""Where the course's data lives, wherever a notebook is opened from."""

from __future__ import annotations

import os
from pathlib import Path

# An instructor can point the whole course at another article folder by setting
# CRISIS_READING_ARTICLE before starting JupyterLab; every lesson and check follows.
DEFAULT_ARTICLE = os.environ.get("CRISIS_READING_ARTICLE", "aljazeera-2022-01-14-nato-russia-security-demands")
# A fictional article written for the course: lesson 08's worked example (the finder's rules were written with
# it in view).
PRACTICE_ARTICLE = "practice-2025-03-meridia-border-talks"
# The fictional article students annotate in lesson 08: written blind to the finder, which is never tuned on it.
CAPSTONE_ARTICLE = "practice-2025-11-haldor-dam-talks"
# The held-out answer key, kept out of data/ so no lesson lists it (tests/heldout/ in a clone of the course).
HELDOUT_ARTICLE = "heldout-2025-06-mirrow-shoal-trawler"
REFERENCE_FOLDER = "reference"
DATA_ENV_VAR = "CRISIS_READING_DATA"
WORK_ENV_VAR = "CRISIS_READING_WORK"


def data_dir() -> Path:
    """The data/ folder: from $CRISIS_READING_DATA, beside the package, or above the cwd."""
    override = os.environ.get(DATA_ENV_VAR)
    if override:
        return Path(override)
    candidates = [Path(__file__).resolve().parents[2] / "data"]  # beside the package, in a clone of the course
    here = Path.cwd().resolve()
    candidates += [folder / "data" for folder in (here, *here.parents)]
    for candidate in candidates:
        if (candidate / REFERENCE_FOLDER).is_dir():
            return candidate
    raise FileNotFoundError(
        "Cannot find the course's data/ folder. Open the notebook from inside the course "
        f"folder, or set {DATA_ENV_VAR} to the path of data/."
    )


def heldout_dir() -> Path:
    """tests/heldout/ beside data/: the held-out key's folder (missing from a copy of the course without tests)."""
    return data_dir().parent / "tests" / "heldout"


def list_articles(data: Path | None = None) -> list[str]:
    """The slugs of every article folder (each has a datapackage.json)."""
    data = data or data_dir()
    return sorted(
        folder.name
        for folder in data.iterdir()
        if folder.is_dir()
        and folder.name != REFERENCE_FOLDER
        and not folder.name.startswith(".")  # a save in progress, or the version a save replaced
        and (folder / "datapackage.json").exists()
    )


def work_dir() -> Path:
    """Where a student's own annotations are saved: $CRISIS_READING_WORK, or crisis-reading-work/ in the home folder.

    It lies outside the course's folder, so running a lesson never changes the course's own files.
    """
    override = os.environ.get(WORK_ENV_VAR)
    return Path(override) if override else Path.home() / "crisis-reading-work"
