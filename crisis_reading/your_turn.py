"""Lesson 08, "Your turn": the course's tools on an article the course has not taken apart for you.

Helpers to see what the quote finder missed or added against an answer key, to save a student's
corrections without ever stopping the notebook, and to put the same chart for two articles side
by side.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from html import escape
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from .annotator import Annotation
from .article import Article, load_article
from .errors import DataError
from .figures import Chart
from .paths import PRACTICE_ARTICLE, data_dir, work_dir
from .quoting import verb_tone
from .timeline import relative_time_words
from .voices import side_summary

MY_FOLDER_NAME = "my-practice-annotation"


def practice_article() -> Article:
    """The fictional practice article with its hand-made answer key, loaded once per data folder."""
    return _practice(str(data_dir().resolve()))


@cache
def _practice(data: str) -> Article:
    return load_article(PRACTICE_ARTICLE, data)


def my_folder(name: str = MY_FOLDER_NAME) -> Path:
    """Where your own annotation of the practice article is saved: outside the course's files."""
    return work_dir() / name


def _overlaps_half(row: pd.Series, others: pd.DataFrame) -> bool:
    """Does any row of `others` in the same block cover at least half of `row`'s span?"""
    same_block = others[others["block"].astype(int) == int(row["block"])]
    length = int(row["end"]) - int(row["start"])
    overlap = same_block["end"].astype(int).clip(upper=int(row["end"])) - same_block["start"].astype(int).clip(
        lower=int(row["start"])
    )
    return bool(((overlap > 0) & (overlap * 2 >= length)).any())


def missed_quotes(proposed: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """The answer key's quotes that no proposed quote covers by half or more: what the finder missed."""
    missed = [not _overlaps_half(row, proposed) for _, row in key.iterrows()]
    return key.loc[missed, ["quote_id", "block", "speaker_id", "kind", "verb", "text"]].reset_index(drop=True)


def extra_quotes(proposed: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    """The proposed quotes that cover no quote of the answer key by half: what the finder found wrongly."""
    extra = []
    for _, row in proposed.iterrows():
        same_block = key[key["block"].astype(int) == int(row["block"])]
        extra.append(not any(_overlaps_half(k, pd.DataFrame([row])) for _, k in same_block.iterrows()))
    return proposed.loc[extra, ["quote_id", "block", "speaker_as_written", "kind", "verb", "text"]].reset_index(
        drop=True
    )


def save_and_load(annotation: Annotation, folder: str | Path) -> Article:
    """Save your annotation and load it back, as every article is loaded.

    If the loader refuses the save, say why and go on with the last good save (nothing is lost),
    so the notebook still runs to the end.
    """
    folder = Path(folder)
    try:
        print(annotation.save(folder))
    except DataError as error:
        if not (folder / "datapackage.json").exists():
            raise
        print(
            f"Not saved: {error}\nThe cells below use your last good save in {folder}; fix the problem and save again."
        )
    return load_article(folder.name, folder.parent)


def compare(draw: Callable[..., Chart], articles: Sequence[Article], labels: Sequence[str] | None = None) -> HTML:
    """The same chart for each article, side by side, each under a label naming the article."""
    labels = list(labels) if labels is not None else [article.slug for article in articles]
    cells = []
    for label, article in zip(labels, articles, strict=True):
        chart = draw(article)
        cells.append(
            "<div style='flex:1 1 26em;min-width:22em'>"
            f"<div style='font-weight:bold;border-bottom:2px solid #ccc;margin-bottom:.3em'>{escape(label)}</div>"
            f"{chart._repr_html_()}</div>"
        )
    return HTML(f"<div style='display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start'>{''.join(cells)}</div>")


def article_profile(article: Article) -> dict[str, object]:
    """The numbers lessons 01–04 read off an article, in one row."""
    voices = article.voices()
    kinds = voices["kind"].value_counts(normalize=True)
    sides = side_summary(article)
    judging = voices["verb"].map(verb_tone) == "judgement"
    return {
        "blocks": len(article.blocks),
        "speakers": len(article.speakers),
        "quote rows": len(voices),
        "direct %": round(100 * kinds.get("direct", 0), 1),
        "partial %": round(100 * kinds.get("partial", 0), 1),
        "indirect %": round(100 * kinds.get("indirect", 0), 1),
        "side with most words": str(sides.index[0]),
        "its share of words %": float(sides["word_share"].iloc[0]),
        "rows with a judging verb": int(judging.sum()),
        "interviewed by the outlet": int(article.speakers["interviewed_by_outlet"].sum()),
        "events dated by relative words": len(relative_time_words(article)),
    }


def compare_profiles(articles: Sequence[Article], labels: Sequence[str] | None = None) -> pd.DataFrame:
    """One column per article: the numbers of article_profile, side by side."""
    labels = list(labels) if labels is not None else [article.slug for article in articles]
    return pd.DataFrame({label: article_profile(article) for label, article in zip(labels, articles, strict=True)})


def practice_proposal():
    """The quote finder's proposal for the practice article (a FinderResult), made once per data folder."""
    return _proposal(str(data_dir().resolve()))


@cache
def _proposal(data: str):
    from .quote_finder import find_quotes

    return find_quotes(_practice(data).blocks)
