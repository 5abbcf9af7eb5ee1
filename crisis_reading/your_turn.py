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


def _matched(proposed, key_quotes: pd.DataFrame, key_speakers: pd.DataFrame | None) -> tuple[pd.DataFrame, list]:
    """The proposed quote rows and the scorer's one-to-one pairs (proposed index, key index) with the key."""
    # The scorer's own matching, so these tables agree with its "matched" counts.
    from .finder_score import matched_pairs, speaker_judge
    from .quote_finder import FinderResult

    speakers = proposed.speakers if isinstance(proposed, FinderResult) else None
    quotes = proposed.quotes if isinstance(proposed, FinderResult) else proposed
    return quotes, matched_pairs(quotes, key_quotes, speaker_judge(speakers, key_speakers))


def missed_quotes(proposed, key_quotes: pd.DataFrame, key_speakers: pd.DataFrame | None = None) -> pd.DataFrame:
    """The answer key's quotes that no proposal matches (the scorer's rule: same block, half the span covered,
    each proposal matched once). `proposed` is a FinderResult or a quotes table."""
    _, pairs = _matched(proposed, key_quotes, key_speakers)
    found = {k for _, k in pairs}
    missed = key_quotes[[index not in found for index in key_quotes.index]]
    return missed[["quote_id", "block", "speaker_id", "kind", "verb", "text"]].reset_index(drop=True)


def extra_quotes(proposed, key_quotes: pd.DataFrame, key_speakers: pd.DataFrame | None = None) -> pd.DataFrame:
    """The proposals that match no quote of the answer key: what the finder found that is not there."""
    quotes, pairs = _matched(proposed, key_quotes, key_speakers)
    used = {p for p, _ in pairs}
    extra = quotes[[index not in used for index in quotes.index]]
    return extra[["quote_id", "block", "speaker_as_written", "kind", "verb", "text"]].reset_index(drop=True)


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
