"""Readers: files and streams in, :class:`~chronicle.records.Article` values (as Items) out.

:mod:`~chronicle.readers.files` picks the reader for each file; the format
readers (text, HTML, JSONL, WARC) never import it back.
"""

from chronicle.errors import ArticleError
from chronicle.readers.files import count_inputs, read_dates, read_path, read_paths, walk
from chronicle.readers.html import article_from_html, read_html_file
from chronicle.readers.item import Item
from chronicle.readers.jsonl import article_from_json, read_jsonl
from chronicle.readers.text import article_from_text, decode, read_named, read_text_file
from chronicle.readers.warc import read_warc
from chronicle.readers.web import FetchCache, Fetcher, parse_feed, parse_sitemap, read_source

__all__ = [
    "ArticleError", "FetchCache", "Fetcher", "Item", "article_from_html", "article_from_json", "article_from_text", "count_inputs",
    "decode", "parse_feed", "parse_sitemap", "read_dates", "read_html_file", "read_jsonl", "read_named", "read_path", "read_paths",
    "read_source", "read_text_file", "read_warc", "walk",
]
