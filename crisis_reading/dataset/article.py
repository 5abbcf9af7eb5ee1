"""One article as typed pandas tables: load_article() is the course's front door."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from crisis_reading.dataset.article_checks import check_article, check_meta, tables_that_may_be_empty
from crisis_reading.dataset.cache import once_per_data_folder
from crisis_reading.dataset.datapackage import read_package, to_frame
from crisis_reading.dataset.paths import DEFAULT_ARTICLE, data_dir, list_articles
from crisis_reading.dataset.schema import columns, core_tables, optional_tables
from crisis_reading.dataset.vocabulary import REVIEWED, counted

# The facts about a speaker that stand beside each of its quote rows (Article.voices) and in summaries.
SPEAKER_FACTS = ("speaker_id", "name", "side", "voice_type", "interviewed_by_outlet")


@dataclass
class Article:
    """An article's blocks, speakers, quotes and events, checked against its text."""

    slug: str
    folder: Path
    meta: dict[str, Any]
    blocks: pd.DataFrame
    speakers: pd.DataFrame
    quotes: pd.DataFrame
    events: pd.DataFrame
    extra_tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def headline(self) -> str:
        return self.meta.get("headline", "")

    @property
    def review_status(self) -> str:
        """ "reviewed" unless the folder says a person has not finished checking it (a scaffolded article)."""
        return self.meta.get("review_status", REVIEWED)

    @property
    def published(self) -> pd.Timestamp:
        return pd.Timestamp(self.meta["published"])

    def table(self, name: str) -> pd.DataFrame:
        """An optional table (frames, frame_vocabulary, source_checks); empty when the folder lacks it."""
        if name in self.extra_tables:
            return self.extra_tables[name]
        if name not in optional_tables():
            raise KeyError(f"No table {name!r}; this article has: {', '.join(self.extra_tables) or 'none extra'}")
        return pd.DataFrame(columns=columns(name))

    @property
    def frames(self) -> pd.DataFrame:
        return self.table("frames")

    @property
    def frame_vocabulary(self) -> pd.DataFrame:
        return self.table("frame_vocabulary")

    @property
    def source_checks(self) -> pd.DataFrame:
        return self.table("source_checks")

    def voices(self) -> pd.DataFrame:
        """Every quote row with its speaker's name, side and voice type beside it."""
        who = self.speakers[list(SPEAKER_FACTS)]
        return self.quotes.merge(who, on="speaker_id", how="left", validate="many_to_one")

    def __repr__(self) -> str:
        return (
            f"<Article {self.slug!r}: {counted(len(self.blocks), 'block')}, {counted(len(self.speakers), 'speaker')}, "
            f"{counted(len(self.quotes), 'quote')}, {counted(len(self.events), 'event')}>"
        )


@once_per_data_folder
def course_article(data: str) -> Article:
    """The course's article (DEFAULT_ARTICLE), loaded once per data folder and shared by every helper."""
    return load_article(DEFAULT_ARTICLE, data)


def article_or_course(article: Article | None) -> Article:
    """The article a helper was given, or the course's article when it was given none."""
    return course_article() if article is None else article


def load_article(slug: str = DEFAULT_ARTICLE, data: str | Path | None = None) -> Article:
    """Load and check one article folder; a broken file raises DataError naming file, row and column."""
    data = Path(data) if data is not None else data_dir()
    folder = data / slug
    if not folder.is_dir():
        known = ", ".join(list_articles(data)) or "none"
        raise FileNotFoundError(f"No article folder {slug!r} in {data}. Articles here: {known}")

    def meta_first(descriptor: dict[str, Any]) -> tuple[str, ...]:
        # The article block says which tables may be empty, so it is checked before any table is read.
        check_meta(folder / "datapackage.json", descriptor.get("article"))
        return tables_that_may_be_empty(descriptor)

    descriptor, tables = read_package(folder, core_tables(), meta_first)
    meta = dict(descriptor["article"])
    check_article(folder, meta, tables)
    frames = {name: to_frame(table) for name, table in tables.items()}
    blocks = frames.pop("blocks")
    blocks["words"] = blocks["text"].str.split().str.len()
    quotes = frames.pop("quotes")
    quotes["words"] = quotes["text"].str.split().str.len()
    return Article(
        slug=slug,
        folder=folder,
        meta=meta,
        blocks=blocks,
        speakers=frames.pop("speakers"),
        quotes=quotes,
        events=frames.pop("events"),
        extra_tables=frames,
    )
