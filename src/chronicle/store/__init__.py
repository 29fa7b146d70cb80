"""The corpus store: many articles' records in one embedded DuckDB file.

- :class:`Corpus` opens (or creates) a store: ingest, query, export.
- :func:`ingest` reads files and folders into a store in batches.
- :mod:`chronicle.store.schema` documents the tables.
- :mod:`chronicle.store.query` builds the read queries (``Corpus`` and the web view share it).
"""

from chronicle.store.corpus import (
    ActorRow,
    Corpus,
    CorpusError,
    CorpusLocked,
    EventRow,
    QuoteRow,
    TimelineRow,
)
from chronicle.store.ingest import IngestStats, ingest, ingest_items
from chronicle.store.query import Where
from chronicle.store.schema import STORE_SCHEMA_VERSION, TABLES

__all__ = [
    "ActorRow", "Corpus", "CorpusError", "CorpusLocked", "EventRow", "IngestStats", "QuoteRow",
    "STORE_SCHEMA_VERSION", "TABLES", "TimelineRow", "Where", "ingest", "ingest_items",
]
