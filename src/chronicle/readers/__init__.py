"""Readers: files and streams in, :class:`~chronicle.records.Article` values (as Items) out.

:mod:`~chronicle.readers.files` picks the reader for each file; the format
readers (text, HTML, JSONL, WARC) never import it back. The names below load on
first use (PEP 562): importing one reader module (``chronicle.readers.text`` for
a date, say) does not import them all.
"""

from chronicle.about import lazy_attributes
from chronicle.errors import ArticleError

_WHERE = {
    "files": ("count_inputs", "read_dates", "read_path", "read_paths", "walk"),
    "html": ("article_from_html", "read_html_file"),
    "item": ("Item",),
    "jsonl": ("article_from_json", "read_jsonl"),
    "text": ("article_from_text", "decode", "read_named", "read_text_file"),
    "warc": ("read_warc",),
    "web": ("FetchCache", "Fetcher", "parse_feed", "parse_sitemap", "read_source"),
}
_LAZY = {name: f"chronicle.readers.{module}" for module, names in _WHERE.items() for name in names}

__all__ = ["ArticleError", *sorted(_LAZY)]


__getattr__ = lazy_attributes(__name__, _LAZY)
