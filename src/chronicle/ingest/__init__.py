"""Readers: files and streams in, :class:`~chronicle.records.Article` values out."""

from chronicle.ingest.text import ArticleError, article_from_text, decode, read_text_file

__all__ = ["ArticleError", "article_from_text", "decode", "read_text_file"]
