"""The word index: each article's distinct words (title and text) in ``article_words``, so a
search finds its articles without reading every text.

A word is a run of letters and digits (any script), lower-cased, 2 to 40 characters long; the
query's words are cut the same way, in SQL, so the index and a query never disagree. A query
word matches the words it starts ("minister" finds "minister" and "ministers"). The writer and
the Parquet loader index an article's words in the transaction that stores it (:func:`add`) and
drop them with its rows (:func:`drop`).
"""

from __future__ import annotations

from collections.abc import Sequence

from chronicle.store.db import duckdb

SPLIT = r"[^\p{L}\p{N}]+"
MIN_LEN, MAX_LEN = 2, 40


def words_sql(text: str) -> str:
    """SQL: the list of distinct words of the SQL expression ``text``."""
    return (f"list_distinct(list_filter(regexp_split_to_array(lower({text}), '{SPLIT}'), "
            f"lambda w: length(w) BETWEEN {MIN_LEN} AND {MAX_LEN}))")


def add(con: duckdb.DuckDBPyConnection, source: str, params: Sequence | dict = ()) -> None:
    """Index the words of the articles ``source`` (a table or a query with ``id``, ``title`` and
    ``text``) holds."""
    con.execute(
        "INSERT INTO article_words SELECT unnest(" + words_sql("coalesce(title, '') || ' ' || text") +
        f") AS word, id FROM {source}",
        params,
    )


def add_rows(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[str, str | None, str]]) -> None:
    """Index the words of ``(id, title, text)`` rows (a batch the writer is storing)."""
    if rows:
        ids, titles, texts = (list(c) for c in zip(*rows))
        add(con, "(SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS title, unnest(?::VARCHAR[]) AS text)",
            [ids, titles, texts])


def drop(con: duckdb.DuckDBPyConnection, where: str, params: Sequence | dict = ()) -> None:
    """Forget the words of the articles ``where`` (a condition on ``article_words.article_id``) keeps."""
    con.execute(f"DELETE FROM article_words WHERE {where}", params)


def query_words(con: duckdb.DuckDBPyConnection, q: str | None) -> list[str]:
    """The words of a query, as the index cuts them (empty when it has none)."""
    if not q:
        return []
    return list(con.execute(f"SELECT {words_sql('?')}", [q]).fetchone()[0] or [])


def matching_sql(n_words: int) -> str:
    """SQL selecting the ``article_id`` of articles having, for each of ``n_words`` query words
    (bound as ``?`` parameters), a word that it starts."""
    if n_words == 1:
        return "SELECT DISTINCT article_id FROM article_words WHERE starts_with(word, ?)"
    conditions = " OR ".join(f"starts_with(word, ?)" for _ in range(n_words))
    which = " + ".join(f"CASE WHEN starts_with(word, ?) THEN {1 << k} ELSE 0 END" for k in range(n_words))
    return (f"SELECT article_id FROM (SELECT article_id, {which} AS bits FROM article_words WHERE {conditions}) "
            f"GROUP BY article_id HAVING bit_or(bits) = {(1 << n_words) - 1}")


def matching(words: list[str]) -> tuple[str, list[str]]:
    """:func:`matching_sql` and its parameters for ``words``."""
    if len(words) == 1:
        return matching_sql(1), list(words)
    return matching_sql(len(words)), list(words) + list(words)


# Above this many articles a word is common: looking quotes up by their articles' ids costs more
# than reading every quote.
CANDIDATES_MAX = 2000


def candidates(con: duckdb.DuckDBPyConnection, q: str | None) -> list[str] | None:
    """The ids of the articles having, for each word of ``q``, a word it starts; None when ``q``
    has no words or its words are so common (over :data:`CANDIDATES_MAX` articles) that a scan is
    cheaper than the lookup."""
    found = query_words(con, q)
    if not found:
        return None
    sql, params = matching(found)
    rows = con.execute(f"{sql} LIMIT {CANDIDATES_MAX + 1}", params).fetchall()
    return None if len(rows) > CANDIDATES_MAX else [r[0] for r in rows]
