"""The names index: each actor's words, with what a list of actors shows and sorts by, so a name
typed in a box finds its actors without matching every actor's name.

``actor_words`` holds one row per actor and distinct word of its name or of its key's first part
(the normalised name), lower-cased, words cut at white space (SQL's ``\\s``); each row carries the
actor's name, key part, kind, country and the counts kept on its row (:mod:`chronicle.store.stats`).
``actor_vocab`` holds the distinct words. A name part ``q`` (:func:`chronicle.store.query.name_contains`:
the name contains ``q``, or the key part contains ``q`` normalised) is looked for in three steps:

1. the words of the vocabulary that contain the longest white-space-free piece of ``q`` (and of
   ``q`` normalised): that piece lies inside one word of any name containing ``q``, so no actor is
   missed (Python's white space, which cuts ``q``, includes SQL's ``\\s``, which cuts names);
2. the index rows of those words (``actor_words`` is kept sorted by word, so DuckDB's zonemaps
   skip the rest);
3. the name test itself on those rows, which carry the name and key part: the same actors as the
   test over every actor, ranked and counted from the same columns.

Kept exact in the transaction that changes an actor: every function that inserts, renames,
re-counts or deletes actors marks their ids (:func:`touch`, into a temporary table of the
connection, so a rolled-back transaction forgets them too), and each writer's transaction ends
by writing the marked actors' rows again (:func:`flush`): the ingest batch and the end of a run
(:class:`chronicle.store.writer.Writer`), the Parquet loader, merges, splits, renames and the
aliases file (:mod:`chronicle.store.identity`). A store of an older schema is indexed once (:func:`fill`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from chronicle.store.db import duckdb, like

COLUMNS = ("word VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, name VARCHAR, part VARCHAR, kind VARCHAR, "
           "country VARCHAR, n_articles INTEGER, n_mentions INTEGER, n_quotes INTEGER, n_events INTEGER")
ORDER = "word, actor_id"
VOCAB_COLUMNS = "word VARCHAR NOT NULL"
DIRTY = "actor_words_dirty"
# Over this many vocabulary words for a name part (a letter or two), the part is matched over every actor.
VOCAB_MAX = 2000


def rows_sql(where: str) -> str:
    """SQL: the index rows of the actors ``where`` (a condition on ``actors``) keeps."""
    return f"""
        SELECT word, id, name, part, kind, country, n_articles, n_mentions, n_quotes, n_events FROM (
            SELECT unnest(list_distinct(list_concat(regexp_split_to_array(lower(name), '\\s+'),
                                                    regexp_split_to_array(lower(part), '\\s+')))) AS word, *
            FROM (SELECT *, split_part(key, '|', 1) AS part FROM actors WHERE {where})
        ) WHERE word <> ''"""


def touch(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> None:
    """Mark the actors ``ids`` (inserted, renamed, counted again or deleted) to be indexed again at
    the end of the transaction (:func:`flush`)."""
    ids = list(ids)
    if ids:
        con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {DIRTY} (id VARCHAR)")
        con.execute(f"INSERT INTO {DIRTY} SELECT unnest(?::VARCHAR[])", [ids])


def flush(con: duckdb.DuckDBPyConnection) -> int:
    """Index the marked actors again (their rows as the actors table now has them; none for a
    deleted actor); returns how many were marked. Run it inside the writer's transaction."""
    if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?",
                       [DIRTY]).fetchone()[0]:
        return 0
    marked = [r[0] for r in con.execute(f"SELECT DISTINCT id FROM {DIRTY}").fetchall()]
    con.execute(f"DROP TABLE {DIRTY}")  # no table of the marks is left behind (until the next touch)
    if not marked:
        return 0
    gone = con.execute("DELETE FROM actor_words WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))", [marked]).fetchone()[0]
    # The rows written again go to the unsorted tail: the sorted part is counted down by the rows
    # deleted, so the tail (rows counted less the sorted ones, byactor.compact) grows by them and
    # the index is sorted again once the rewritten rows pass a quarter of it.
    con.execute("UPDATE meta SET value = CAST(greatest(CAST(value AS BIGINT) - ?, 0) AS VARCHAR) "
                "WHERE key = 'sorted:actor_words'", [gone])
    con.execute(f"CREATE OR REPLACE TEMP TABLE actor_words_new AS {rows_sql('id IN (SELECT unnest($ids::VARCHAR[]))')}",
                {"ids": marked})
    con.execute("INSERT INTO actor_words SELECT * FROM actor_words_new ORDER BY word, id")
    con.execute("INSERT INTO actor_vocab SELECT DISTINCT word FROM actor_words_new "
                "WHERE word NOT IN (SELECT word FROM actor_vocab)")
    con.execute("DROP TABLE actor_words_new")
    return len(marked)


def fill(con: duckdb.DuckDBPyConnection) -> None:
    """Index every actor again (an upgrade to version 14, or after every count was taken again);
    the index is then sorted."""
    con.execute(f"DROP TABLE IF EXISTS {DIRTY}")
    con.execute("DELETE FROM actor_words")
    con.execute(f"INSERT INTO actor_words {rows_sql('TRUE')} ORDER BY word, id")
    con.execute("DELETE FROM actor_vocab")
    con.execute("INSERT INTO actor_vocab SELECT DISTINCT word FROM actor_words ORDER BY word")
    for table in ("actor_words", "actor_vocab"):
        total = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [f"sorted:{table}", str(total)])


def pieces(text: str) -> list[str]:
    """The longest white-space-free piece of ``text`` (lower-cased), as a list (empty for none)."""
    parts = text.split()
    return [max(parts, key=len).lower()] if parts else []


def words_containing(con: duckdb.DuckDBPyConnection, texts: Sequence[str]) -> list[str] | None:
    """The vocabulary words containing the longest piece of any of ``texts`` (case aside); None
    when a text has no piece or the words are over :data:`VOCAB_MAX` (then match every actor)."""
    found = [p for t in texts for p in pieces(t)]
    if len(found) < len(texts):
        return None
    found = list(dict.fromkeys(found))
    rows = con.execute(
        "SELECT word FROM actor_vocab WHERE " + " OR ".join(["word ILIKE ? ESCAPE '\\'"] * len(found)) + " LIMIT ?",
        [*(like(p) for p in found), VOCAB_MAX + 1]).fetchall()
    if len(rows) > VOCAB_MAX:
        return None
    return [r[0] for r in rows]
