"""Readers: files and streams in, :class:`~chronicle.records.Article` values out."""

from chronicle.ingest.text import ArticleError, article_from_text, decode, read_text_file
from chronicle.ingest.files import Item, read_path, read_paths, walk  # noqa: E402
from chronicle.ingest.html import article_from_html, read_html_file  # noqa: E402
from chronicle.ingest.jsonl import article_from_json, read_jsonl  # noqa: E402
from chronicle.ingest.warc import read_warc  # noqa: E402

__all__ = ["ArticleError", "article_from_text", "decode", "read_text_file"]
__all__ += [
    "Item", "article_from_html", "article_from_json", "read_html_file", "read_jsonl", "read_path",
    "read_paths", "read_warc", "walk",
]
