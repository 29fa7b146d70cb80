"""chronicle: English news articles in, a record of who said and did what to whom, where and when, out.

>>> import chronicle
>>> record = chronicle.extract(text, published="2024-08-13")
"""

__version__ = "0.1.0"

from chronicle.extract import extract, extract_many  # noqa: E402
from chronicle.store.corpus import Corpus  # noqa: E402
from chronicle.records import (  # noqa: E402
    Actor,
    Article,
    ArticleRecord,
    Event,
    Mention,
    Quote,
    TimeExpression,
)

__all__ = [
    "Actor", "Article", "ArticleRecord", "Event", "Mention", "Quote", "TimeExpression",
    "extract", "extract_many", "__version__",
]
__all__ += ["Corpus"]
