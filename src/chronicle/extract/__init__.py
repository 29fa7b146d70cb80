"""Turning processed Docs into :class:`~chronicle.records.ArticleRecord` values."""

from chronicle.extract.record import build_record, extract, extract_many

__all__ = ["build_record", "extract", "extract_many"]
