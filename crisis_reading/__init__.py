"""Shared code for the course Reading Crisis Reporting.

Students mostly need one call::

    from crisis_reading import load_article
    article = load_article()
"""

from .article import Article, load_article
from .errors import DataError
from .paths import DEFAULT_ARTICLE, PRACTICE_ARTICLE, list_articles
from .reference import Reference, load_reference

__all__ = [
    "DEFAULT_ARTICLE",
    "PRACTICE_ARTICLE",
    "Article",
    "DataError",
    "Reference",
    "list_articles",
    "load_article",
    "load_reference",
]
