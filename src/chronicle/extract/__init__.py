"""Turning processed Docs into :class:`~chronicle.records.ArticleRecord` values."""

from chronicle.extract.record import ExtractionFailure, build_record, extract, extract_many, extract_safely

__all__ = ["ExtractionFailure", "build_record", "extract", "extract_many", "extract_safely"]
