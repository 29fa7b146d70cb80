"""Store rows as Arrow tables: the same columns and types as the DuckDB tables.

The rows themselves come from :func:`chronicle.store.writer.record_rows` (the
store's own row builder and id scheme); the columns are read from the store's
DDL, so a Parquet part file and a DuckDB table never disagree.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

import pyarrow as pa

from chronicle.records import ArticleRecord
from chronicle.store.schema import TABLES
from chronicle.store.writer import Failure, record_rows, text_hash

_ARROW = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "BOOLEAN": pa.bool_(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


@functools.lru_cache(maxsize=1)
def table_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """``{table: ((column, duckdb_type), ...)}`` in table order, read from the store's DDL."""
    import duckdb

    from chronicle.store.schema import create_schema

    con = duckdb.connect(":memory:")
    try:
        create_schema(con)
        out = {}
        for table in TABLES:
            described = con.execute(f"DESCRIBE {table}").fetchall()
            out[table] = tuple((row[0], row[1]) for row in described)
        return out
    finally:
        con.close()


# Columns a Parquet run has beyond the store's: an article row's place in the input order
# (files as walked, then records within a file) and, on every child row, the text hash of the
# article it was extracted from, so the loader never mixes two texts that share an id, and the
# place of that article's record (``_order``), so it never mixes two records of one text either
# (the same id and text again with another date: its rows differ where the date is used).
RUN_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (("_order", "BIGINT"),),
    **{t: (("_text_hash", "VARCHAR"), ("_order", "BIGINT"))
       for t in ("article_actors", "mentions", "quotes", "events", "dates", "positions", "mediations")},
}


def run_columns(table: str) -> tuple[tuple[str, str], ...]:
    """A table's columns in a Parquet run: the store's, then the run's own."""
    return table_columns()[table] + RUN_COLUMNS.get(table, ())


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(name, _ARROW[kind]) for name, kind in run_columns(table)])


def to_arrow(table: str, rows: Sequence[tuple]) -> pa.Table:
    """Rows (tuples in column order) → an Arrow table with the store's columns."""
    schema = arrow_schema(table)
    columns = list(zip(*rows)) if rows else [[] for _ in schema]
    return pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in zip(columns, schema)], schema=schema)


def batch_rows(
    records: Iterable[tuple[ArticleRecord, str | None]], failures: Iterable[Failure] = (), now: datetime | None = None,
    order: dict[str, int] | None = None,
) -> dict[str, list[tuple]]:
    """Every table's rows for a batch of ``(record, origin)`` pairs and failures, with the run columns.

    Actors are de-duplicated within the batch (as the store's writer does);
    across batches the loader de-duplicates them by id. ``order`` maps an origin
    to its place in the input order (``_order``).
    """
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    order = order or {}
    tables: dict[str, list[tuple]] = {t: [] for t in TABLES}
    actors: set[str] = set()
    for record, origin in records:
        h = text_hash(record.article.text)
        for table, rows in record_rows(record, origin, now).items():
            if table == "actors":
                rows = [r for r in rows if r[0] not in actors]
                actors.update(r[0] for r in rows)
            elif table == "articles":
                rows = [(*r, order.get(origin or "", 0)) for r in rows]
            else:
                rows = [(*r, h, order.get(origin or "", 0)) for r in rows]
            tables[table].extend(rows)
    last = {f.origin: f for f in failures}
    tables["errors"] = [(f.origin, f.article_id, f.stage, f.reason, now) for f in last.values()]
    return tables
