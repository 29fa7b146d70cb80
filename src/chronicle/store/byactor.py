"""The per-actor index of quotes and events (version 9), and the sort order of the indexes.

``actor_records`` holds one row per actor and record they are in: a quote's speaker
(``role`` 'speaker'), an event's source or target ('source', 'target'), with the record's day and
last day (an event's interval; a quote's publication day twice), an event's type and status, and
who was on the event's other side (``others``: its targets for a source, its sources for a
target). So one actor's quotes and events are found, counted, sorted and cut to a page, and the
actors they deal with counted, without reading every quote's and event's list of actors; only the
page's own rows are read from ``quotes`` and ``events`` after (:mod:`chronicle.store.query`).

The writer and the Parquet loader index a batch's rows in the transaction that stores them
(:func:`batch_rows`) and drop them with their articles (:func:`drop`); a merge or split indexes
the articles whose rows it changed again (:func:`reindex`). A store of an older schema is indexed
once (:func:`fill`).

**Sort order.** DuckDB keeps each column's minimum and maximum per row group (a zonemap), and a
scan skips the row groups whose range cannot match. Rows appended batch by batch mix every actor
and every word, so :func:`compact` rewrites ``actor_records`` sorted by actor and day, and
``article_words`` by word, once the rows appended since the last rewrite are over
:data:`TAIL_SHARE` of the table (and :data:`TAIL_MIN` rows): a lookup then reads the few row
groups of its actor or word, and the unsorted tail. ``meta`` keeps how many rows were sorted
(``sorted:TABLE``). A rewrite whenever the tail passes a fixed share of the table rewrites each
row a bounded number of times on average (a geometric series), so its cost per article stays flat
as the store grows.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

ROLES = ("speaker", "source", "target")
# Table -> the order it is rewritten in (its zonemaps then prune lookups by that key).
SORTED = {"actor_records": "actor_id, day, article_id, record_id, role", "article_words": "word, article_id"}
TAIL_SHARE = 0.25
TAIL_MIN = 50_000

# Row layouts of chronicle.store.writer.record_rows (positions used here).
_Q_ARTICLE, _Q_ID, _Q_SPEAKERS, _Q_DAY = 0, 1, 9, 17
_E_ARTICLE, _E_ID, _E_TYPE, _E_SOURCES, _E_TARGETS, _E_STATUS, _E_DAY, _E_LAST_DAY = 0, 1, 2, 8, 9, 21, 38, 39


def batch_rows(tables: dict[str, list[tuple]]) -> list[tuple]:
    """The ``actor_records`` rows of a batch's quote and event rows (as the writer inserts them,
    events with their days set)."""
    rows: list[tuple] = []
    for q in tables.get("quotes", ()):
        for actor in dict.fromkeys(q[_Q_SPEAKERS] or ()):
            rows.append((actor, "speaker", q[_Q_DAY], q[_Q_DAY], q[_Q_ARTICLE], q[_Q_ID], None, None, None))
    for e in tables.get("events", ()):
        sources, targets = list(e[_E_SOURCES] or ()), list(e[_E_TARGETS] or ())
        for role, mine, others in (("source", sources, targets), ("target", targets, sources)):
            for actor in dict.fromkeys(mine):
                rows.append((actor, role, e[_E_DAY], e[_E_LAST_DAY], e[_E_ARTICLE], e[_E_ID], e[_E_TYPE],
                             e[_E_STATUS], others))
    return rows


def _select(where: str) -> str:
    """SQL: the index rows of the quotes and events of the articles ``where`` (a condition on
    ``article_id``) keeps."""
    return f"""
        SELECT actor_id, 'speaker', day, day, article_id, id, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR[]
        FROM (SELECT unnest(list_distinct(speaker_ids)) AS actor_id, day, article_id, id FROM quotes WHERE {where})
        UNION ALL
        SELECT actor_id, 'source', day, last_day, article_id, id, type, status, target_ids
        FROM (SELECT unnest(list_distinct(source_ids)) AS actor_id, * FROM events WHERE {where})
        UNION ALL
        SELECT actor_id, 'target', day, last_day, article_id, id, type, status, source_ids
        FROM (SELECT unnest(list_distinct(target_ids)) AS actor_id, * FROM events WHERE {where})"""


def fill(con: duckdb.DuckDBPyConnection) -> None:
    """Index every stored quote and event again, then sort the indexes (an upgrade to version 9)."""
    con.execute("DELETE FROM actor_records")
    con.execute(f"INSERT INTO actor_records {_select('TRUE')}")
    compact(con, force=True)


def reindex(con: duckdb.DuckDBPyConnection, where: str, params: Sequence | dict = ()) -> None:
    """Index the quotes and events of the articles ``where`` (a condition on ``article_id``) keeps
    again: a merge or split changed their actor ids."""
    con.execute("CREATE OR REPLACE TEMP TABLE reindexed AS SELECT DISTINCT article_id AS id FROM actor_records "
                f"WHERE {where}", params)
    con.execute("DELETE FROM actor_records WHERE article_id IN (SELECT id FROM reindexed)")
    con.execute(f"INSERT INTO actor_records {_select('article_id IN (SELECT id FROM reindexed)')}")
    con.execute("DROP TABLE reindexed")


def drop(con: duckdb.DuckDBPyConnection, where: str, params: Sequence | dict = ()) -> None:
    """Forget the index rows of the articles ``where`` (a condition on ``article_id``) keeps."""
    con.execute(f"DELETE FROM actor_records WHERE {where}", params)


def _sorted_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [f"sorted:{table}"]).fetchone()
    return int(row[0]) if row else 0


def compact(con: duckdb.DuckDBPyConnection, *, force: bool = False) -> list[str]:
    """Rewrite each table of :data:`SORTED` in its order when its unsorted tail has grown past
    :data:`TAIL_SHARE` of it and :data:`TAIL_MIN` rows (``force``: always); returns the tables
    rewritten. Run it inside the caller's transaction."""
    from chronicle.store.schema import INDEX_COLUMNS

    done = []
    for table, order in SORTED.items():
        total = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        tail = total - min(_sorted_rows(con, table), total)
        if not force and (tail < TAIL_MIN or tail < TAIL_SHARE * total):
            continue
        con.execute(f"DROP TABLE IF EXISTS {table}__sorted")
        con.execute(f"CREATE TABLE {table}__sorted ({INDEX_COLUMNS[table]})")
        con.execute(f"INSERT INTO {table}__sorted SELECT * FROM {table} ORDER BY {order}")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE {table}__sorted RENAME TO {table}")
        con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [f"sorted:{table}", str(total)])
        done.append(table)
    return done
