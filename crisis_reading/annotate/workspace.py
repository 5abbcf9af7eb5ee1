"""The student's own work (lesson 08): where it is saved, saving it without stopping the notebook,
and the practice article with the finder's proposal for it."""

from __future__ import annotations

from pathlib import Path

from crisis_reading.annotate.model import Annotation
from crisis_reading.dataset.article import Article, load_article
from crisis_reading.dataset.cache import once_per_data_folder
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.paths import PRACTICE_ARTICLE, work_dir
from crisis_reading.finder.quotes import find_quotes

MY_FOLDER_NAME = "my-practice-annotation"


@once_per_data_folder
def practice_article(data: str) -> Article:
    """The fictional practice article with its hand-made answer key, loaded once per data folder."""
    return load_article(PRACTICE_ARTICLE, data)


def my_folder(name: str = MY_FOLDER_NAME) -> Path:
    """Where your own annotation of the practice article is saved: outside the course's files."""
    return work_dir() / name


def save_and_load(annotation: Annotation, folder: str | Path) -> Article:
    """Save your annotation and load it back, as every article is loaded.

    If the loader refuses the save, say why and go on with the last good save (nothing is lost),
    or, before any good save, with the finder's proposals: the notebook still runs to the end.
    """
    folder = Path(folder)
    try:
        print(annotation.save(folder))
    except DataError as error:
        print(f"Not saved ({annotation.where(error)}): {error.problem}.")
        if (folder / "datapackage.json").exists():
            print(f"The cells below use your last good save in {folder}; fix the problem and save again.")
        else:
            print(
                "You have no good save yet, so the cells below use the finder's proposals, all unreviewed; "
                "fix the problem and save again."
            )
            return annotation.finder_only().as_article(folder.name)
    return load_article(folder.name, folder.parent)


@once_per_data_folder
def practice_proposal(data: str):
    """The quote finder's proposal for the practice article (a FinderResult), made once per data folder."""
    return find_quotes(practice_article().blocks)
