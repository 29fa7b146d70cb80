"""The word index: each article's distinct words (title and text), so a search finds its articles
without reading every text.

A word is a run of letters and digits (any script), lower-cased, 2 to 40 characters long; the
query's words are cut the same way, in SQL, so the index and a query never disagree. A query
word matches the words it starts ("minister" finds "minister" and "ministers").

Version 11 keys the index by a number per article (``article_numbers``: ``article_id`` ->
``n``, given in the order articles are indexed) and keeps ``word_articles`` (``word``, ``n``)
sorted by word (:func:`chronicle.store.byactor.compact`, up to the rows appended since): a query
word's rows are then a range of words (``word >= 'trump' AND word < 'trumq'``), and DuckDB's
zonemaps skip every row group outside it, so a lookup reads the rows of its words, not the index.
Sorted by word, article ids written out (version 7's ``article_words``) no longer compressed (3.4
KB per article at 99,520 articles); ascending numbers within a word do.

The writer and the Parquet loader index an article's words in the transaction that stores it
(:func:`add`) and drop them with its rows (:func:`drop`); a store of an older schema is indexed
once (:func:`fill`).
"""

from __future__ import annotations

from collections.abc import Sequence

from chronicle.store.db import duckdb

SPLIT = r"[^\p{L}\p{N}]+"
MIN_LEN, MAX_LEN = 2, 40
# The tables (chronicle.store.schema creates them; byactor.compact rewrites word_articles sorted).
NUMBERS_COLUMNS = "article_id VARCHAR NOT NULL, n INTEGER NOT NULL"
COLUMNS = "word VARCHAR NOT NULL, n INTEGER NOT NULL"
ORDER = "word, n"


def words_sql(text: str) -> str:
    """SQL: the list of distinct words of the SQL expression ``text``."""
    return (f"list_distinct(list_filter(regexp_split_to_array(lower({text}), '{SPLIT}'), "
            f"lambda w: length(w) BETWEEN {MIN_LEN} AND {MAX_LEN}))")


def add(con: duckdb.DuckDBPyConnection, source: str, params: Sequence | dict = ()) -> None:
    """Number and index the words of the articles ``source`` (a table or a query with ``id``,
    ``title`` and ``text``) holds; none of them may be indexed already (:func:`drop` them first)."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE words_batch AS SELECT id, (SELECT coalesce(max(n), 0) FROM article_numbers) "
        f"+ row_number() OVER (ORDER BY id) AS n FROM (SELECT id FROM {source})", params)
    con.execute(  # before the numbers: ``source`` may be a query on them
        "INSERT INTO word_articles SELECT word, n FROM (SELECT unnest(" +
        words_sql("coalesce(s.title, '') || ' ' || s.text") +
        f") AS word, b.n FROM {source} s JOIN words_batch b ON b.id = s.id) ORDER BY word, n",
        params,
    )
    con.execute("INSERT INTO article_numbers SELECT id, n FROM words_batch")
    con.execute("DROP TABLE words_batch")


def add_rows(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[str, str | None, str]]) -> None:
    """Index the words of ``(id, title, text)`` rows (a batch the writer is storing)."""
    if rows:
        ids, titles, texts = (list(c) for c in zip(*rows))
        add(con, "(SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS title, unnest(?::VARCHAR[]) AS text)",
            [ids, titles, texts])


def fill(con: duckdb.DuckDBPyConnection) -> None:
    """Index every stored article not indexed yet (an upgrade)."""
    add(con, "(SELECT id, title, text FROM articles WHERE id NOT IN (SELECT article_id FROM article_numbers))")


def drop(con: duckdb.DuckDBPyConnection, where: str, params: Sequence | dict = ()) -> None:
    """Forget the words of the articles ``where`` (a condition on ``article_id``) keeps."""
    con.execute(f"DELETE FROM word_articles WHERE n IN (SELECT n FROM article_numbers WHERE {where})", params)
    con.execute(f"DELETE FROM article_numbers WHERE {where}", params)


def query_words(con: duckdb.DuckDBPyConnection, q: str | None) -> list[str]:
    """The words of a query, as the index cuts them (empty when it has none)."""
    if not q:
        return []
    return list(con.execute(f"SELECT {words_sql('?')}", [q]).fetchone()[0] or [])


def prefix_range(word: str) -> tuple[str, str]:
    """The words ``word`` starts lie in ``[low, high)``: ``word`` and ``word`` with its last
    character the next one."""
    return word, word[:-1] + chr(ord(word[-1]) + 1)


# The numbers of the articles having a word a query word starts: a range of the sorted index.
_WORD = "SELECT n FROM word_articles WHERE word >= ? AND word < ? AND starts_with(word, ?)"


def numbers_sql(n_words: int, among: bool = False) -> str:
    """SQL selecting the distinct numbers of the articles having, for each of ``n_words`` query
    words, a word that it starts (parameters: :func:`matching`'s): the index alone, no article id.
    ``among``: only numbers in a list, one more parameter after each word's (:func:`among`)."""
    word = _WORD + (" AND n IN (SELECT unnest(?::INTEGER[]))" if among else "")
    if n_words == 1:
        return f"SELECT DISTINCT n FROM ({word})"
    return " INTERSECT ".join([word] * n_words)


def among(words: list[str], numbers: Sequence[int]) -> list:
    """The parameters of :func:`numbers_sql` with ``among`` for ``words`` and ``numbers``."""
    params: list = []
    for w in words:
        params += [*prefix_range(w), w, list(numbers)]
    return params


def count(con: duckdb.DuckDBPyConnection, words: list[str]) -> int:
    """How many articles have, for each of ``words``, a word it starts (the index alone): one
    word's range of one indexed word is counted as its rows (a word's numbers are distinct)."""
    params = matching(words)[1]
    if len(words) == 1:
        n, one = con.execute("SELECT count(*), min(word) = max(word) FROM word_articles "
                             "WHERE word >= ? AND word < ? AND starts_with(word, ?)", params).fetchone()
        if n == 0 or one:
            return n
    return con.execute(f"SELECT count(*) FROM ({numbers_sql(len(words))})", params).fetchone()[0]


def matching_sql(n_words: int) -> str:
    """SQL selecting the ``article_id`` of articles having, for each of ``n_words`` query words,
    a word that it starts (parameters: :func:`matching`'s, three per word)."""
    numbers = " INTERSECT ".join([_WORD] * n_words)
    return f"SELECT article_id FROM article_numbers WHERE n IN ({numbers})"


def matching(words: list[str]) -> tuple[str, list[str]]:
    """:func:`matching_sql` and its parameters for ``words``."""
    params: list[str] = []
    for w in words:
        params += [*prefix_range(w), w]
    return matching_sql(len(words)), params


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
    _, params = matching(found)
    # The numbers first (the index alone), then the few articles' ids by their numbers as
    # constants: article_numbers is in number order, so zonemaps skip the rest of it.
    numbers = [r[0] for r in con.execute(f"{numbers_sql(len(found))} LIMIT {CANDIDATES_MAX + 1}", params).fetchall()]
    if len(numbers) > CANDIDATES_MAX:
        return None
    return numbers_to_ids(con, numbers)


def numbers_to_ids(con: duckdb.DuckDBPyConnection, numbers: Sequence[int]) -> list[str]:
    """The ids of the articles numbered ``numbers`` (looked up as constants)."""
    if not numbers:
        return []
    return [r[0] for r in con.execute(
        f"SELECT article_id FROM article_numbers WHERE n IN ({', '.join('?' * len(numbers))})", list(numbers)).fetchall()]


def ids_to_numbers(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, int]:
    """The numbers of the articles ``ids`` (those indexed)."""
    if not ids:
        return {}
    return dict(con.execute("SELECT article_id, n FROM article_numbers WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                            [list(ids)]).fetchall())
