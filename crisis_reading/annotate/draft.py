"""Nothing a student did is lost: every change in the annotation tool is kept in a draft beside its folder.

The draft (`<folder>.draft.json`, written atomically after every decision) holds the whole state
of the tool, saved or not. `open_annotation` reopens it first, so re-running the notebook's cell,
restarting the kernel or coming back the next day carries on exactly where the student stopped,
and says so. A save the loader refuses changes neither the folder nor the draft. `start_over`
moves the folder and the draft into a dated backup before starting again, so even that loses nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from crisis_reading.annotate.model import Annotation
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.vocabulary import counted
from crisis_reading.dataset.writer import write_json_atomically

DRAFT_SUFFIX = ".draft.json"


def draft_path(folder: str | Path) -> Path:
    """Where the tool keeps every change for the annotation saved in `folder`."""
    folder = Path(folder)
    return folder.parent / f"{folder.name}{DRAFT_SUFFIX}"


def read_draft(path: Path) -> tuple[Annotation, str]:
    """The annotation a draft holds and when it was written; a ValueError saying why it cannot be read."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"it is not readable JSON ({type(error).__name__})") from None
    return Annotation.from_state(state), str(state.get("written", ""))


def open_annotation(
    folder: str | Path, start: Callable[[], Annotation], blocks: pd.DataFrame | None = None
) -> Annotation:
    """Reopen your work on an article: your draft if there is one, else your last save, else `start()`.

    A draft or save that no longer fits (damaged, or the article's text changed since) is moved
    aside with a date in its name, never deleted, and the message says where it went.
    """
    folder = Path(folder)
    draft = draft_path(folder)
    annotation = _from_draft(draft, blocks) or _from_save(folder, blocks)
    if annotation is None:
        annotation = start()
        print(
            f"Started from the finder's proposals: {counted(len(annotation.status), 'quote')} and "
            f"{counted(len(annotation.event_status), 'event')} wait for your review. Every change you make is kept "
            f"at once in {draft}."
        )
    annotation.draft = draft
    write_json_atomically(draft, annotation.to_state())
    return annotation


def start_over(annotation: Annotation, folder: str | Path, start: Callable[[], Annotation]) -> Path:
    """Keep the saved folder and the draft in a dated backup, and begin again with `start()`."""
    folder = Path(folder)
    backup = _keep_aside(folder, draft_path(folder))
    annotation.replace_with(start())
    annotation.draft = draft_path(folder)
    write_json_atomically(annotation.draft, annotation.to_state())
    return backup


def _from_draft(draft: Path, blocks: pd.DataFrame | None) -> Annotation | None:
    if not draft.exists():
        return None
    try:
        annotation, written = read_draft(draft)
    except ValueError as error:
        print(f"Your draft {draft} cannot be reopened: {error}. It is kept as {_move_aside(draft)}.")
        return None
    if not _same_text(annotation, blocks):
        print(f"The article's text has changed since your draft; the draft is kept as {_move_aside(draft)}.")
        return None
    print(f"Reopened your work from {_when(written)}: {_progress(annotation)} (kept in {draft}).")
    return annotation


def _from_save(folder: Path, blocks: pd.DataFrame | None) -> Annotation | None:
    if not (folder / "datapackage.json").exists():
        return None
    # A save that cannot go on is moved aside at once: left in place, it would stand in for the new work
    # wherever the last good save is used (the charts after a refused save).
    try:
        saved = Annotation.from_folder(folder)
    except DataError as error:
        print(f"Your saved annotation in {folder} no longer loads ({error}); it is kept as {_keep_aside(folder)}.")
        return None
    if not _same_text(saved, blocks):
        print(f"The article's text has changed since you saved {folder}; that save is kept as {_keep_aside(folder)}.")
        return None
    print(f"Reopened your last save in {folder}: {_progress(saved)}.")
    return saved


def _same_text(annotation: Annotation, blocks: pd.DataFrame | None) -> bool:
    return blocks is None or annotation.blocks["text"].astype(str).tolist() == blocks["text"].astype(str).tolist()


def _progress(annotation: Annotation) -> str:
    quotes, events = annotation.counts(), annotation.event_counts()
    speakers = len(annotation.saved_speaker_ids())
    return (
        f"{annotation.decided()} reviewed, {annotation.waiting()} waiting "
        f"({quotes['pending']} of {counted(len(annotation.status), 'quote')}, {events['pending']} of "
        f"{counted(len(annotation.event_status), 'event')} and {len(annotation.speakers_to_review())} of "
        f"{counted(speakers, 'speaker')} wait)"
    )


def _when(written: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(written)
    except ValueError:
        return "an earlier session"
    today = dt.datetime.now(moment.tzinfo).date()
    return f"{moment:%H:%M}" if moment.date() == today else f"{moment:%d %B %Y, %H:%M}"


def _aside(path: Path, suffix: str = "") -> Path:
    """`path` with the date and time added (and `suffix`), and a number if that name is taken (two in one second)."""
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    candidate, number = path.with_name(f"{path.name}-{stamp}{suffix}"), 2
    while candidate.exists():
        candidate, number = path.with_name(f"{path.name}-{stamp}-{number}{suffix}"), number + 1
    return candidate


def _keep_aside(folder: Path, *more: Path) -> Path:
    """Move the saved folder (and `more`, such as its draft) into a new dated backup folder beside it."""
    backup = _aside(folder.parent / f"{folder.name}.backup")
    backup.mkdir(parents=True)
    for path in (folder, *more):
        if path.exists():
            shutil.move(str(path), str(backup / path.name))
    return backup


def _move_aside(draft: Path) -> Path:
    target = _aside(draft.with_name(draft.name.removesuffix(DRAFT_SUFFIX) + ".unopened-draft"), ".json")
    draft.rename(target)
    return target
