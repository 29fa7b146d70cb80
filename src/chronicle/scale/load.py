"""Merge a Parquet run directory into a DuckDB store, in bounded chunks.

The run's article ids, text hashes and origins (never the texts) are read
first, to plan which text of each id becomes the article; then the articles
are loaded ``chunk`` at a time, in input order, each chunk (its texts and
every row extracted from them) in one transaction, and the run's errors last.
So memory is bounded by the chunk, not the run (a 92k-article run took 4 GiB
in one transaction). A load stopped half-way leaves whole chunks; loading the
run again finishes it, as loading is idempotent.

Idempotent: articles already in the store (same id, same text) are replaced
with everything extracted from them, so loading a run twice, or a re-run of
the same inputs, never duplicates a row. Within a run an article found twice
(the same text in two files) is kept once, from its first origin.

Story versions, as a local ingest stores them: one id with several texts (in
the run, or a stored text and the run's) is applied in input order; the last
new text is the article, its records are the ones extracted from that text
(child rows carry their text's hash), and the texts it replaced go to
``article_versions``. A text the store already had for an id changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from chronicle.scale.parquet import read_manifest
from chronicle.scale.rows import run_columns, table_columns
from chronicle.store.schema import TABLES
from chronicle.store import actorwords, byactor, derived, identity, stats as actor_stats, words
from chronicle.store.writer import ARCHIVE_STORED, CHILD_TABLES, Writer, drop_unused_actors, insert, stored_state

if TYPE_CHECKING:
    from collections.abc import Callable

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
    "positions": "article_id, id",
    "mediations": "article_id, id",
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
    identity.rekey_names(con)  # a store keyed under older name rules: its names keyed as now too
    days = dict(con.execute("SELECT id, published FROM staged_articles ORDER BY origin, id").fetchall())
    ids = list(days)
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
        identity.ActorResolver(con).resolve(tables, days)
        insert(con, "actors", tables["actors"], "ON CONFLICT DO NOTHING")
        for table in CHILD_TABLES:
            insert(con, table, tables[table])
        actor_stats.add(con, actor_stats.batch_counts(tables), actor_stats.batch_days(tables, days))
        byactor.add(con, byactor.batch_rows(tables, days), part)  # and their tallies


def _local_number(local_id: str) -> tuple[int, str]:
    digits = local_id.lstrip("a")
    return (int(digits), "") if digits.isdigit() else (0, local_id)


def _glob(run: Path, table: str) -> str:
    return str(run / table / "*.parquet").replace("'", "''")


def _select(con, run: Path, table: str) -> str:
    """The run's columns of ``table``, those an older run lacks filled in (a table it lacks is empty)."""
    glob = _glob(run, table)
    if not any((run / table).glob("*.parquet")):  # a run written before the table existed
        empty = ", ".join(f'NULL::{kind} AS "{column}"' for column, kind in run_columns(table))
        return f"SELECT {empty} WHERE false"
    have = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{glob}', union_by_name = true)").fetchall()}
    columns = []
    for column, kind in run_columns(table):
        if column in have:
            columns.append(f'"{column}"')
        elif column == "text_hash":
            columns.append("sha256(text) AS text_hash")
        else:
            columns.append(f'NULL::{kind} AS "{column}"')
    return f"SELECT {', '.join(columns)} FROM read_parquet('{glob}', union_by_name = true)"


def _plan_versions(con, chunk: int) -> None:
    """The temp table ``version_plan``: which staged text of each id becomes the article (and its
    version), which staged texts are earlier versions, which stored articles are replaced and which
    of those keep their text. An id's plan needs its own texts and stored state only, so it is made
    ``chunk`` ids at a time and kept in DuckDB (which spills it past its memory limit), not in
    Python lists that grow with the run (issue 22)."""
    con.execute("CREATE OR REPLACE TEMP TABLE version_plan (id VARCHAR, text_hash VARCHAR, version INTEGER, "
                "current BOOLEAN, replaced BOOLEAN, archived BOOLEAN)")
    last = con.execute("SELECT coalesce(max(n), 0) FROM staged_articles").fetchone()[0]
    for start in range(0, last, chunk):
        staged: dict[str, list[str]] = {}
        for aid, h in con.execute("SELECT id, text_hash FROM staged_articles WHERE n > ? AND n <= ? "
                                  "ORDER BY id, _order, origin", [start, start + chunk]).fetchall():
            staged.setdefault(aid, []).append(h)
        state = stored_state(con, staged)
        plan: list[tuple[str, str, int, bool, bool, bool]] = []  # (id, text_hash, version, is the article, ...)
        for aid, hashes in staged.items():
            held = state.get(aid)
            current = held.text_hash if held else None
            version = held.version if held else 0
            known = set(held.known) if held else set()
            chosen = None
            for h in hashes:
                if h == current:
                    if held is not None and chosen is None:
                        chosen = h  # the stored text again: extracted again, same version
                    continue
                if h in known:
                    continue  # an earlier version's text
                if chosen is not None and not (held is not None and chosen == held.text_hash):
                    plan.append((aid, chosen, version, False, False, False))
                version += 1
                current, chosen = h, h
                known.add(h)
            if chosen is None:
                continue
            plan.append((aid, chosen, version, True, held is not None, held is not None and chosen != held.text_hash))
        insert(con, "version_plan", plan)


# Articles per transaction of a load: with their rows, some tens of MiB.
LOAD_CHUNK = 2000


def _select_where(con, run: Path, table: str, where: str) -> str:
    return f"SELECT * FROM ({_select(con, run, table)}) WHERE {where}"


def load_parquet(
    run: str | Path, store: "Store", chunk: int = LOAD_CHUNK, progress: "Callable[[LoadStats], None] | None" = None,
) -> LoadStats:
    """Load ``run`` (a folder written by the ray engine) into ``store``, ``chunk`` articles per transaction;
    ``progress(stats)`` is called after each chunk is committed (``python -m bench.memory`` samples memory there)."""
    from chronicle.extraction import steady_allocator

    steady_allocator()  # chunk after chunk, DuckDB's growing blocks stay out of the heap (see ingest_items_local)
    run = Path(run)
    read_manifest(run)
    con = store.connection
    stats = LoadStats(rows={t: 0 for t in TABLES})
    chunk = max(1, chunk)
    # The plan, from ids, hashes and origins only: each text of an id once, from its first place in the input.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE staged_articles AS SELECT *, dense_rank() OVER (ORDER BY id) AS n FROM ("
        f"SELECT id, text_hash, _order, origin FROM ({_select(con, run, 'articles')}) "
        "QUALIFY row_number() OVER (PARTITION BY id, text_hash ORDER BY _order, origin) = 1)"
    )
    _plan_versions(con, chunk)
    # Chunks in the order the articles are stored (by origin, then id), as one transaction would;
    # then the ids whose texts are all earlier versions (only archived). In DuckDB too, not a list.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE load_order AS SELECT row_number() OVER (ORDER BY k, origin, id) AS n, id FROM ("
        "SELECT 0 AS k, s.origin, s.id FROM staged_articles s JOIN version_plan p USING (id, text_hash) WHERE p.current "
        "UNION ALL SELECT 1, NULL, id FROM (SELECT DISTINCT id FROM version_plan EXCEPT "
        "SELECT id FROM version_plan WHERE current))"
    )
    con.execute("DROP TABLE staged_articles")
    total, replaced = con.execute(
        "SELECT (SELECT count(*) FROM load_order), (SELECT count(*) FROM version_plan WHERE replaced)").fetchone()
    try:
        for start in range(0, total, chunk):
            part = [r[0] for r in con.execute(
                "SELECT id FROM load_order WHERE n > ? AND n <= ? ORDER BY n", [start, start + chunk]).fetchall()]
            flags = {aid: (rep, arch) for aid, rep, arch in con.execute(
                "SELECT id, replaced, archived FROM version_plan WHERE current AND id IN "
                "(SELECT id FROM load_order WHERE n > ? AND n <= ?)", [start, start + chunk]).fetchall()}
            _load_chunk(con, run, part, [a for a in part if flags.get(a, (False, False))[0]],
                        [a for a in part if flags.get(a, (False, False))[1]], stats)
            if progress is not None:
                progress(stats)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f"CREATE OR REPLACE TEMP TABLE staged_errors AS {_select(con, run, 'errors')} "
                        "QUALIFY row_number() OVER (PARTITION BY origin ORDER BY origin) = 1")
            # the run's errors replace older ones for the same inputs
            con.execute("DELETE FROM errors WHERE origin IN (SELECT origin FROM staged_errors)")
            con.execute("INSERT INTO errors BY NAME SELECT * FROM staged_errors")
            stats.rows["errors"] = con.execute("SELECT count(*) FROM staged_errors").fetchone()[0]
            con.execute("DROP TABLE staged_errors")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:
        con.execute("DROP TABLE IF EXISTS version_plan")
        con.execute("DROP TABLE IF EXISTS load_order")
    # joins the whole run shows, and those of an earlier run killed before its end (identity.reconcile_run)
    Writer(con).finish()
    stats.replaced = replaced
    stats.articles = stats.rows["articles"]
    stats.errors = stats.rows["errors"]
    return stats


def _load_chunk(con, run: Path, ids: list[str], replaced: list[str], archived: list[str], stats: LoadStats) -> None:
    """One transaction: these ids' texts and every row extracted from them, in place of what the store had."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE chunk_ids AS SELECT unnest(?::VARCHAR[]) AS id", [ids])
        con.execute(
            "CREATE OR REPLACE TEMP TABLE staged_articles AS SELECT s.* FROM "
            f"({_select_where(con, run, 'articles', 'id IN (SELECT id FROM chunk_ids)')}) s "
            "QUALIFY row_number() OVER (PARTITION BY id, text_hash ORDER BY _order, origin) = 1"
        )
        now = con.execute("SELECT now()::TIMESTAMP").fetchone()[0]
        if archived:
            con.execute(ARCHIVE_STORED, [now, archived])
        con.execute(
            "INSERT INTO article_versions SELECT s.id, p.version, s.text_hash, s.title, s.published, s.origin, "
            "s.text, s.ingested_at, ? FROM staged_articles s JOIN version_plan p USING (id, text_hash) "
            "WHERE NOT p.current ON CONFLICT DO NOTHING", [now],
        )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE staged_articles AS SELECT s.* REPLACE (p.version AS version) "
            "FROM staged_articles s JOIN version_plan p USING (id, text_hash) WHERE p.current"
        )
        for table in CHILD_TABLES:  # the rows of the text kept, once each (an older run has no hashes)
            rows = _select_where(con, run, table, "article_id IN (SELECT id FROM staged_articles)")
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE staged_{table} AS SELECT c.* FROM ({rows}) c "
                "JOIN staged_articles a ON a.id = c.article_id AND (c._text_hash IS NULL OR c._text_hash = a.text_hash) "
                "AND (c._order IS NULL OR c._order = a._order) "  # the rows of the very record kept
                f"QUALIFY row_number() OVER (PARTITION BY {', '.join('c.' + k.strip() for k in _KEYS[table].split(','))} "
                "ORDER BY 1) = 1"
            )
        actors = _select_where(con, run, "actors", "id IN (SELECT actor_id FROM staged_article_actors)")
        con.execute(f"CREATE OR REPLACE TEMP TABLE staged_actors AS {actors} QUALIFY row_number() OVER (PARTITION BY id ORDER BY 1) = 1")
        if replaced:  # their actors' kind votes go with them, as a local re-extraction does
            identity.forget(con, replaced)
            replaced_actors = actor_stats.take_back(con, replaced)
        words.drop(con, "article_id IN (SELECT id FROM staged_articles)")
        byactor.drop(con, "article_id IN (SELECT id FROM staged_articles)")
        for table in CHILD_TABLES:
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM staged_articles)")
        con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM staged_articles)")
        con.execute("INSERT INTO articles BY NAME SELECT * EXCLUDE (_order) FROM staged_articles")
        words.add(con, "staged_articles")
        # A run written before events carried their sentence: cut it from the staged text.
        con.execute(
            "UPDATE staged_events SET sentence = substr(a.text, staged_events.sentence_start + 1, "
            "staged_events.sentence_end - staged_events.sentence_start) FROM staged_articles a "
            "WHERE a.id = staged_events.article_id AND staged_events.sentence IS NULL"
        )
        derived.stage_days(con, "staged_events", "staged_quotes", "staged_articles")
        _insert_resolved(con)
        stored_from = con.execute("SELECT min(ingested_at) FROM staged_articles").fetchone()[0]
        if stored_from is not None:  # the end of the load looks at these articles (stored as the run says)
            identity.note_run(con, stored_from)
        if replaced:
            actor_stats.refresh_days(con, replaced_actors)
            drop_unused_actors(con)
        # An input that now succeeds is no longer an error.
        con.execute(
            "DELETE FROM errors WHERE origin IN (SELECT origin FROM staged_articles WHERE origin IS NOT NULL) "
            "OR article_id IN (SELECT id FROM staged_articles)"
        )
        for table in ("articles", "actors", *CHILD_TABLES):
            stats.rows[table] += con.execute(f"SELECT count(*) FROM staged_{table}").fetchone()[0]
            con.execute(f"DROP TABLE staged_{table}")
        con.execute("DROP TABLE chunk_ids")
        actorwords.flush(con)  # the names index of the chunk's actors
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
