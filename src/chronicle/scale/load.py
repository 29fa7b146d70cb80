"""Merge a Parquet run directory into a DuckDB store, in one transaction.

Idempotent: articles already in the store (same id) are replaced with
everything extracted from them, so loading a run twice, or a re-run of the
same inputs, never duplicates a row. Within a run an article found twice
(the same text in two files) is kept once, from its first origin.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from chronicle.scale.parquet import read_manifest
from chronicle.scale.rows import table_columns
from chronicle.store.schema import TABLES
from chronicle.store import identity
from chronicle.store.writer import CHILD_TABLES, drop_unused_actors, insert

if TYPE_CHECKING:
    from chronicle.store import Store

_KEYS = {
    "articles": "id",
    "actors": "id",
    "article_actors": "article_id, local_id",
    "mentions": "article_id, local_id, n",
    "quotes": "article_id, id",
    "events": "article_id, id",
    "dates": "article_id, id",
    "errors": "origin",
}


@dataclass
class LoadStats:
    articles: int = 0
    replaced: int = 0
    errors: int = 0
    rows: dict[str, int] | None = None

    def summary(self) -> str:
        return f"{self.articles} articles loaded ({self.replaced} replaced), {self.errors} errors"


def _insert_resolved(con, chunk: int = 500) -> None:
    """The staged child rows, a chunk of articles at a time, with their actors resolved across the corpus.

    The workers gave each actor its name's id; :class:`~chronicle.store.identity.ActorResolver`
    joins it to the corpus's actors exactly as a local ingest does.
    """
    columns = {t: ", ".join(f'"{c}"' for c, _ in table_columns()[t]) for t in ("actors", *CHILD_TABLES)}
    ids = [r[0] for r in con.execute("SELECT id FROM staged_articles ORDER BY origin, id").fetchall()]
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        tables = {
            t: con.execute(f"SELECT {columns[t]} FROM staged_{t} WHERE list_contains(?, article_id) ORDER BY ALL", [part]).fetchall()
            for t in CHILD_TABLES
        }
        # In the order a local ingest stores them: article by article, a1, a2, ... a10.
        order = {a: i for i, a in enumerate(part)}
        tables["article_actors"].sort(key=lambda r: (order[r[0]], _local_number(r[1])))
        tables["actors"] = con.execute(
            f"SELECT {columns['actors']} FROM staged_actors WHERE id IN "
            "(SELECT actor_id FROM staged_article_actors WHERE list_contains(?, article_id))", [part],
        ).fetchall()
        identity.ActorResolver(con).resolve(tables)
        insert(con, "actors", tables["actors"], "ON CONFLICT DO NOTHING")
        for table in CHILD_TABLES:
            insert(con, table, tables[table])


def _local_number(local_id: str) -> tuple[int, str]:
    digits = local_id.lstrip("a")
    return (int(digits), "") if digits.isdigit() else (0, local_id)


def _glob(run: Path, table: str) -> str:
    return str(run / table / "*.parquet").replace("'", "''")


def load_parquet(run: str | Path, store: "Store") -> LoadStats:
    """Load ``run`` (a folder written by the ray engine) into ``store``."""
    run = Path(run)
    read_manifest(run)
    con = store.connection
    stats = LoadStats(rows={})
    con.execute("BEGIN TRANSACTION")
    try:
        for table in TABLES:
            columns = ", ".join(f'"{c}"' for c, _ in table_columns()[table])
            order = "origin" if table in ("articles", "errors") else "1"
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE staged_{table} AS "
                f"SELECT {columns} FROM read_parquet('{_glob(run, table)}', union_by_name = true) "
                f"QUALIFY row_number() OVER (PARTITION BY {_KEYS[table]} ORDER BY {order}) = 1"
            )
        # Child rows of an article found twice in the run come from the copy kept in articles.
        stats.replaced = con.execute(
            "SELECT count(*) FROM articles WHERE id IN (SELECT id FROM staged_articles)"
        ).fetchone()[0]
        if stats.replaced:  # their actors' kind votes go with them, as a local re-extraction does
            identity.forget(con, [r[0] for r in con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT id FROM staged_articles)").fetchall()])
        for table in CHILD_TABLES:
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM staged_articles)")
        con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM staged_articles)")
        con.execute("INSERT INTO articles BY NAME SELECT * FROM staged_articles")
        _insert_resolved(con)
        if stats.replaced:
            drop_unused_actors(con)
        # An input that now succeeds is no longer an error; the run's errors replace older ones.
        con.execute(
            "DELETE FROM errors WHERE origin IN (SELECT origin FROM staged_articles WHERE origin IS NOT NULL) "
            "OR article_id IN (SELECT id FROM staged_articles) OR origin IN (SELECT origin FROM staged_errors)"
        )
        con.execute("INSERT INTO errors BY NAME SELECT * FROM staged_errors")
        for table in TABLES:
            stats.rows[table] = con.execute(f"SELECT count(*) FROM staged_{table}").fetchone()[0]
            con.execute(f"DROP TABLE staged_{table}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    stats.articles = stats.rows["articles"]
    stats.errors = stats.rows["errors"]
    return stats
