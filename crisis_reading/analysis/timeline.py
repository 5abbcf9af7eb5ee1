"""When things happened: the article's events with their dates, and the wider context."""

from __future__ import annotations

import pandas as pd

from crisis_reading.dataset.article import Article, article_or_course
from crisis_reading.dataset.reference import Reference, course_reference


def dated_events(article: Article | None = None) -> pd.DataFrame:
    """The article's events in date order, with how many days before publication each began."""
    article = article_or_course(article)
    events = article.events.sort_values(["date_start", "date_end"]).reset_index(drop=True)
    events["days_before_publication"] = (article.published - events["date_start"]).dt.days
    events["span_days"] = (events["date_end"] - events["date_start"]).dt.days + 1
    return events[
        [
            "event_id",
            "description",
            "time_words",
            "date_start",
            "date_end",
            "span_days",
            "days_before_publication",
            "certainty",
            "resolved_by",
        ]
    ]


def relative_time_words(article: Article | None = None) -> pd.DataFrame:
    """Only the events the article dates with its own words ("Wednesday’s", "last month’s")."""
    article = article_or_course(article)
    events = dated_events(article)
    return events[events["time_words"].notna()].reset_index(drop=True)


def uncertain_dates(article: Article | None = None) -> pd.DataFrame:
    """Events whose date is not certain: ambiguous, vague or only likely."""
    article = article_or_course(article)
    events = dated_events(article)
    return events[events["certainty"] != "certain"].reset_index(drop=True)


def context_after(reference: Reference, published: pd.Timestamp) -> pd.DataFrame:
    """What happened after the article was published: what its reader could not know."""
    timeline = reference.context_timeline
    after = timeline[timeline["date_start"] > published].reset_index(drop=True)
    after["days_after_publication"] = (after["date_start"] - published).dt.days
    return after


def timeline_window(
    article: Article | None = None, with_context: bool | None = None
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The days a timeline shows by default: from the month of the first event of the year before
    publication (older background stays off the axis, and the chart says so) to a week after
    publication, or eight weeks after when there is context to show what came next, and at least
    to the last event the article expects. By default there is context for the course's article only."""
    article = article_or_course(article)
    if with_context is None:
        with_context = article.slug == course_reference().context_article
    published = article.published
    recent = article.events[article.events["date_start"] >= published - pd.DateOffset(years=1)]
    first = recent["date_start"].min() if len(recent) else published
    start = first.to_period("M").start_time
    # Events the article expects ("next week's talks") stay on the axis, with a few days to spare.
    latest = article.events["date_end"].max() + pd.Timedelta(days=3) if len(article.events) else published
    return start, max(published + pd.Timedelta(weeks=8 if with_context else 1), latest)
