"""chronicle: English news articles in, a record of who said and did what to whom, where and when, out.

>>> import chronicle
>>> record = chronicle.extract(text, published="2024-08-13")
>>> corpus = chronicle.Corpus("news.duckdb")
>>> corpus.ingest(["news/"])
"""

from chronicle.about import __version__
from chronicle.corpus import Corpus
from chronicle.errors import ChronicleError
from chronicle.extraction import extract, extract_many
from chronicle.records import (
    Actor,
    Article,
    ArticleRecord,
    Event,
    Mention,
    Quote,
    TimeExpression,
)

__all__ = [
    "Actor", "Article", "ArticleRecord", "ChronicleError", "Corpus", "Event", "Mention", "Quote",
    "TimeExpression", "extract", "extract_many", "__version__",
]
