"""What the article's statements argue (frames), and whose voices it lacks."""

from __future__ import annotations

import pandas as pd

from crisis_reading.dataset.article import Article, article_or_course

ENTMAN_FUNCTIONS = ["problem_definition", "causal_interpretation", "moral_evaluation", "treatment_recommendation"]


def framed_quotes(article: Article | None = None) -> pd.DataFrame:
    """Every (quote, frame) pair with the quote's speaker, side and words, and the frame's label."""
    article = article_or_course(article)
    voices = article.voices()[["quote_id", "block", "name", "side", "kind", "words", "text"]]
    tagged = article.frames.merge(voices, on="quote_id", how="left", validate="many_to_one")
    return tagged.merge(article.frame_vocabulary, on="frame", how="left", validate="many_to_one")


def frame_summary(article: Article | None = None) -> pd.DataFrame:
    """One row per frame: what it argues, its Entman function, how many quote rows and which sides use it."""
    article = article_or_course(article)
    tagged = framed_quotes(article)
    counts = tagged.groupby("frame").agg(
        quotes=("quote_id", "nunique"),
        sides=("side", lambda s: ", ".join(sorted(set(map(str, s))))),
    )
    summary = article.frame_vocabulary.set_index("frame").join(counts)
    summary["quotes"] = summary["quotes"].fillna(0).astype(int)
    return summary.sort_values("quotes", ascending=False)


def speakers_by_frame(article: Article | None = None) -> pd.DataFrame:
    """A speaker × frame table of how many quote rows each speaker gives each frame."""
    article = article_or_course(article)
    tagged = framed_quotes(article)
    table = pd.crosstab(tagged["name"], tagged["label"])
    order = article.speakers.set_index("name").loc[table.index, "side"].astype(str)
    side_rank = {side: rank for rank, side in enumerate(article.speakers["side"].cat.categories)}
    return table.loc[sorted(table.index, key=lambda name: (side_rank[order[name]], name))]


def voice_matrix(article: Article | None = None) -> pd.DataFrame:
    """A side × voice-type table of speakers: empty cells are voices the article does not have."""
    article = article_or_course(article)
    speakers = article.speakers
    return pd.crosstab(speakers["side"], speakers["voice_type"], dropna=False)
