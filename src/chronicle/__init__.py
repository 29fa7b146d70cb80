"""chronicle: English news articles in, a record of who said and did what to whom, where and when, out.

>>> import chronicle
>>> record = chronicle.extract(text, published="2024-08-13")
>>> corpus = chronicle.Corpus("news.duckdb")
>>> corpus.ingest(["news/"])
"""

from chronicle.about import __version__, lazy_attributes
from chronicle.errors import ChronicleError

# Loaded on first use (PEP 562), so ``chronicle sql`` and the queries start without the readers,
# the records or the pipeline: name -> module.
_LAZY = {
    "Corpus": "chronicle.corpus", "extract": "chronicle.extraction", "extract_many": "chronicle.extraction",
    **{name: "chronicle.records" for name in ("Actor", "Article", "ArticleRecord", "Event", "Mention", "Quote",
                                             "TimeExpression")},
}


__getattr__ = lazy_attributes(__name__, _LAZY)


__all__ = [
    "Actor", "Article", "ArticleRecord", "ChronicleError", "Corpus", "Event", "Mention", "Quote",
    "TimeExpression", "extract", "extract_many", "__version__",
]
