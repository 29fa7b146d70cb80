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
from chronicle.store.writer import CHILD_TABLES

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
        for table in CHILD_TABLES:
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM staged_articles)")
        con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM staged_articles)")
        con.execute("INSERT INTO actors BY NAME SELECT * FROM staged_actors ON CONFLICT DO NOTHING")
        con.execute("INSERT INTO articles BY NAME SELECT * FROM staged_articles")
        for table in CHILD_TABLES:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM staged_{table}")
        if stats.replaced:
            con.execute("DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM article_actors)")
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
