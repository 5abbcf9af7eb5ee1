"""The student's own work (lesson 08): where it is saved, saving it without stopping the notebook,
the practice articles with the finder's proposals for them, and the finder's scores on three keys."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from crisis_reading.annotate.model import Annotation
from crisis_reading.dataset.article import Article, load_article
from crisis_reading.dataset.cache import once_per_data_folder
from crisis_reading.dataset.errors import DataError
from crisis_reading.dataset.paths import CAPSTONE_ARTICLE, HELDOUT_ARTICLE, PRACTICE_ARTICLE, heldout_dir, work_dir
from crisis_reading.finder.quotes import find_quotes
from crisis_reading.finder.scoring import score

MY_FOLDER_NAME = "my-haldor-dam-annotation"
# What each key's score can be trusted for, in one line (the three READMEs say it at length).
KEY_MEANINGS = {
    PRACTICE_ARTICLE: "worked example: the finder's rules were written with this article in view",
    HELDOUT_ARTICLE: "held-out key: written without seeing the finder and never used to write a rule, "
    "but scored each time the finder changed",
    CAPSTONE_ARTICLE: "your article: written without seeing the finder; no rule is ever written against it",
}


@once_per_data_folder
def practice_article(data: str) -> Article:
    """The fictional practice article with its hand-made answer key, loaded once per data folder."""
    return load_article(PRACTICE_ARTICLE, data)


@once_per_data_folder
def capstone_article(data: str) -> Article:
    """The fictional article you annotate in lesson 08, with its hand-made answer key."""
    return load_article(CAPSTONE_ARTICLE, data)


@once_per_data_folder
def capstone_proposal(data: str):
    """The quote finder's proposal for the article you annotate (a FinderResult), made once per data folder."""
    article = capstone_article()
    return find_quotes(article.blocks, outlet=article.meta.get("outlet"))


def finder_scorecard() -> pd.DataFrame:
    """The finder's score (every kind of quote together) on three answer keys, each with what its score means."""
    keys = [(PRACTICE_ARTICLE, None), (HELDOUT_ARTICLE, heldout_dir()), (CAPSTONE_ARTICLE, None)]
    rows = []
    for slug, folder in keys:
        row = {"key": slug, "what the score means": KEY_MEANINGS[slug]}
        if folder is not None and not (folder / slug).is_dir():
            row["what the score means"] = f"not in this copy of the course ({folder} is missing)"
            rows.append(row)
            continue
        article = load_article(slug, folder) if folder is not None else load_article(slug)
        proposed = find_quotes(article.blocks, outlet=article.meta.get("outlet"))
        overall = score(proposed, article.quotes, article.speakers).loc["all"]
        row.update({column: overall[column] for column in ("proposed", "annotated", "matched")})
        row.update({column: round(float(overall[column]), 3) for column in ("precision", "recall", "f1")})
        row["speaker_accuracy"] = round(float(overall["speaker_accuracy"]), 3)
        rows.append(row)
    table = pd.DataFrame(rows).set_index("key")
    for column in ("proposed", "annotated", "matched"):
        table[column] = table[column].astype("Int64")  # counts, even beside a key missing from this copy
    return table


def my_folder(name: str = MY_FOLDER_NAME) -> Path:
    """Where your own annotation is saved: outside the course's files."""
    return work_dir() / name


def save_and_load(annotation: Annotation, folder: str | Path) -> Article | None:
    """Save your annotation and load it back, as every article is loaded.

    If the loader refuses the save, say why and go on with the last good save (nothing is lost: the
    tool and its draft keep everything), or, before any good save, with the finder's proposals; and
    None, said in words, when there is nothing that loads at all (a text without quotes): the charts
    then say there is nothing to draw, and the notebook still runs to the end.
    """
    folder = Path(folder)
    try:
        print(annotation.save(folder))
    except DataError as error:
        print(f"Not saved ({annotation.where(error)}): {error.problem}.")
        if (folder / "datapackage.json").exists():
            print(f"The cells below use your last good save in {folder}; fix the problem and save again.")
        else:
            try:
                proposals = annotation.finder_only().as_article(folder.name)
            except DataError:
                print("There is nothing to chart yet: the cells below say so until your first good save.")
                return None
            print(
                "You have no good save yet, so the cells below use the finder's proposals, all unreviewed; "
                "fix the problem and save again."
            )
            return proposals
    return load_article(folder.name, folder.parent)


@once_per_data_folder
def practice_proposal(data: str):
    """The quote finder's proposal for the practice article (a FinderResult), made once per data folder."""
    return find_quotes(practice_article().blocks)
