"""The corpus store: many articles' records in one embedded DuckDB file.

It depends on the records and DuckDB only: reading inputs and running the
pipeline into a store is :mod:`chronicle.ingest` and :class:`chronicle.Corpus`.

- :class:`Store` opens (or creates) a store: write records, query, export, SQL.
- :mod:`chronicle.store.schema` documents the tables.
- :mod:`chronicle.store.query` builds the read queries (``Store`` and the web view share it).
- :mod:`chronicle.store.writer` writes batches of records, one transaction each.
"""

from chronicle.errors import CorpusError, CorpusLocked, QueryError, SchemaError
from chronicle.store.corpus import ActorRow, EventRow, MediationRow, PositionRow, QuoteRow, Store, TimelineRow
from chronicle.store.query import Where
from chronicle.store.schema import STORE_SCHEMA_VERSION, TABLES

__all__ = [
    "ActorRow", "CorpusError", "CorpusLocked", "EventRow", "MediationRow", "PositionRow", "QueryError", "QuoteRow", "STORE_SCHEMA_VERSION",
    "SchemaError", "Store", "TABLES", "TimelineRow", "Where",
]
