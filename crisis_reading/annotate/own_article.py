"""Your own article (lesson 08's last section): any plain text, taken apart with the course's tools.

`start_my_article(text)` splits the text into blocks, runs the quote finder and the event finder on
it, and opens an annotation of it in the student's work folder (never in the course's files), with a
draft that keeps every change, exactly like the practice article. The sides are the student's to
name: an article about another crisis has other sides than the course's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import HTML

from crisis_reading.annotate.draft import open_annotation, start_over
from crisis_reading.annotate.model import Annotation, parties_among, with_sides
from crisis_reading.annotate.widget import annotation_widget
from crisis_reading.annotate.workspace import save_and_load
from crisis_reading.dataset.article import Article, course_article
from crisis_reading.dataset.datapackage import read_descriptor
from crisis_reading.dataset.paths import work_dir
from crisis_reading.dataset.vocabulary import UNREVIEWED, counted, slug
from crisis_reading.finder.quotes import FinderResult, find_quotes
from crisis_reading.finder.text_blocks import blocks_from_text, outlet_from_credit

MY_ARTICLE_FOLDER = "my-own-article"
LONGEST_TEXT = 200_000  # characters: a long feature is 30,000; anything larger is not one article


@dataclass
class MyArticle:
    """Your article: its blocks, the finder's proposal, your annotation of it and the folder it is saved in.

    When the text could not be used, `problem` says why and the other parts are empty; `tool()` and
    `save()` then repeat the message instead of failing, so every cell below still runs.
    """

    blocks: pd.DataFrame
    proposal: FinderResult | None
    annotation: Annotation | None
    folder: Path
    problem: str | None = None

    def tool(self):
        """The annotation tool for your article (the same as for the practice article)."""
        if self.annotation is None:
            return HTML(f"<p><b>No article to annotate yet:</b> {escape(str(self.problem))}.</p>")
        return annotation_widget(self.annotation, self.folder)

    def save(self) -> Article | None:
        """Save your annotation and load it back as an article, for the charts (None while nothing loads)."""
        if self.annotation is None:
            print(f"Nothing to save yet: {self.problem}.")
            return None
        return save_and_load(self.annotation, self.folder)

    def __repr__(self) -> str:
        if self.annotation is None:
            return f"<your article: not started ({self.problem})>"
        return (
            f"<your article: {counted(len(self.blocks), 'block')}, "
            f"{counted(len(self.proposal.quotes), 'proposed quote')}, "
            f"{counted(len(self.annotation.events), 'proposed event')}; saved in {self.folder}>"
        )


def read_text(text: str | Path) -> str:
    """The article's text: `text` itself, or the file it names (a path ending in .txt or .md)."""
    if isinstance(text, Path) or (isinstance(text, str) and "\n" not in text and text.endswith((".txt", ".md"))):
        path = Path(text)
        if not path.is_file():
            raise ValueError(f"There is no file {path}: check the name, or paste the text itself between triple quotes")
        if path.stat().st_size > 4 * LONGEST_TEXT:
            raise ValueError(f"{path} is {path.stat().st_size:,} bytes: far longer than one article")
        return path.read_text(encoding="utf-8", errors="replace")
    return str(text)


def start_my_article(
    text: str | Path,
    sides: tuple[str, ...] | list[str] = ("side_a", "side_b"),
    published: str | None = None,
    outlet: str | None = None,
    name: str = MY_ARTICLE_FOLDER,
) -> MyArticle:
    """Take apart any plain text: paste it between triple quotes, or give the name of a .txt file.

    `sides`: the sides of the crisis, in lowercase words ("government", "rebels"); "independent" and
    "unclear" are always there. `published`: the publication date, YYYY-MM-DD, which the calendar
    counts from (today, if you give none). Prints what it did, or one message saying what to fix
    when the text cannot be used.
    """
    try:
        return _start(text, sides, published, outlet, name)
    except ValueError as error:
        print(f"Not started: {error}.")
        return MyArticle(pd.DataFrame(), None, None, work_dir() / name, str(error))


def _start(text, sides, published, outlet, name) -> MyArticle:
    words = read_text(text)
    if len(words) > LONGEST_TEXT:
        raise ValueError(f"the text has {len(words):,} characters, far more than one article: paste one article")
    blocks = blocks_from_text(words)
    if blocks.empty:
        raise ValueError("the text is empty: paste the article between the triple quotes")
    descriptor = own_descriptor(sides, slug(name) or "my_article")
    published = _publication_day(published)
    proposal = find_quotes(blocks, outlet=outlet)
    meta = {
        "headline": str(blocks["text"].iloc[0]),
        "outlet": outlet or outlet_from_credit(blocks["text"]) or "not given",
        "published": published,
        "review_status": UNREVIEWED,
    }
    parties = parties_among(descriptor)
    if parties:
        meta["parties"] = parties  # lesson 06's rubric counts the two sides in conflict
    folder = work_dir() / name

    def start() -> Annotation:
        annotation = Annotation.from_finder(blocks, proposal, meta, template=course_article())
        annotation.descriptor = descriptor  # this article's own sides, not the course's
        return annotation

    annotation = open_annotation(folder, start=start, blocks=blocks)
    if _settings(annotation) != _settings(start()):
        # Reopened work made with another date, outlet or sides: its events and side list would be wrong.
        backup = start_over(annotation, folder, start)
        print(
            "You changed the publication date, the outlet or the sides since your earlier work on this text: "
            f"that work is kept in {backup}, and the tool starts again with the new settings."
        )
    found = len(proposal.quotes)
    if found == 0:
        print(
            "The finder found no quotes in this text. If it has none, it has no voices to chart: the charts will "
            "say so. If it has some, add them in the annotation tool's 'Add a missed quote' tab."
        )
    print(
        f"{counted(len(blocks), 'block')}; the finder proposes {counted(found, 'quote')}. "
        f"Your work is kept in {folder}."
    )
    return MyArticle(blocks, proposal, annotation, folder)


def _settings(annotation: Annotation) -> tuple:
    return (annotation.meta.get("published"), annotation.meta.get("outlet"), tuple(annotation.sides()))


def _publication_day(published: str | None) -> str:
    if published is None:
        today = dt.date.today().isoformat()
        print(f"No publication date given: the calendar counts from today, {today}. Give published='YYYY-MM-DD'.")
        return today
    try:
        return dt.date.fromisoformat(str(published)).isoformat()
    except ValueError:
        raise ValueError(f"published={published!r} is not a date written YYYY-MM-DD, e.g. '2025-03-14'") from None


def own_descriptor(sides: tuple[str, ...] | list[str], name: str) -> dict[str, Any]:
    """The course's schema with the student's sides in place of the course's."""
    descriptor = with_sides(read_descriptor(course_article().folder), sides)
    descriptor["name"] = name
    return descriptor
