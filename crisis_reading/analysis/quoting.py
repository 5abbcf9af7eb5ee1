"""How an article quotes its speakers: kinds of quote, attribution verbs, channels."""

from __future__ import annotations

import pandas as pd

from crisis_reading.analysis.choices import choose
from crisis_reading.dataset.article import Article, article_or_course
from crisis_reading.dataset.reporting_words import forms_of_tone

# The fact sheet's guidance: "said" is neutral and almost always right; verbs such as
# "slammed", "bemoaned", "condemned" carry a judgement. "told" and "added" are forms
# of plain attribution. Everything else is left for the student to weigh. The tones are the
# "tone" column of the package's table of reporting words, which the quote finder reads too.
NEUTRAL_VERBS = forms_of_tone("neutral")
JUDGEMENT_VERBS = forms_of_tone("judgement")
TONES = ["neutral", "judgement", "other"]


def verb_tone(verb: str) -> str:
    """neutral ("said", "told"), judgement ("bemoaned", "condemned", "slammed as") or other."""
    verb = verb.lower()
    if verb in NEUTRAL_VERBS:
        return "neutral"
    if verb in JUDGEMENT_VERBS:
        return "judgement"
    return "other"


def kinds_by_side(article: Article | None = None, measure: str = "quotes") -> pd.DataFrame:
    """A side × kind table: number of quote rows (measure="quotes") or quoted words (measure="words")."""
    article = article_or_course(article)
    voices = article.voices()
    choose(measure, ["quotes", "words"], "measure")
    values = None if measure == "quotes" else voices["words"]
    table = pd.crosstab(
        voices["side"], voices["kind"], values=values, aggfunc=None if values is None else "sum", dropna=False
    )
    return table.fillna(0).astype(int).loc[lambda t: t.sum(axis=1) > 0]


def verb_table(article: Article | None = None) -> pd.DataFrame:
    """Each attribution verb: its tone, how often it is used, and for which sides."""
    article = article_or_course(article)
    voices = article.voices()
    voices["tone"] = voices["verb"].map(verb_tone)
    table = (
        voices.groupby("verb")
        .agg(
            tone=("tone", "first"),
            uses=("quote_id", "size"),
            sides=("side", lambda s: ", ".join(sorted(set(map(str, s))))),
        )
        .sort_values(["uses", "verb"], ascending=[False, True])
        .reset_index()
    )
    table["tone"] = pd.Categorical(table["tone"], categories=TONES)
    return table


def tone_by_side(article: Article | None = None) -> pd.DataFrame:
    """A side × tone table of how many quote rows are attributed with neutral, judging or other verbs."""
    article = article_or_course(article)
    voices = article.voices()
    tone = pd.Categorical(voices["verb"].map(verb_tone), categories=TONES)
    return pd.crosstab(voices["side"], tone, colnames=["tone"], dropna=False).loc[lambda t: t.sum(axis=1) > 0]


def channels_by_side(article: Article | None = None) -> pd.DataFrame:
    """A side × channel table: how the quoted words reached the article."""
    article = article_or_course(article)
    voices = article.voices()
    return pd.crosstab(voices["side"], voices["channel"], dropna=False).loc[lambda t: t.sum(axis=1) > 0]


def filter_quotes(
    article: Article | None = None, side: str | None = None, kind: str | None = None, verb: str | None = None
) -> pd.DataFrame:
    """The quote rows for one side, kind and/or verb (None means any)."""
    article = article_or_course(article)
    voices = article.voices()
    keep = pd.Series(True, index=voices.index)
    for column, wanted in (("side", side), ("kind", kind), ("verb", verb)):
        if wanted is None:
            continue
        choose(wanted, sorted(set(map(str, voices[column]))), column)
        keep &= voices[column] == wanted
    return voices.loc[keep, ["quote_id", "block", "name", "side", "kind", "verb", "channel", "text"]]
