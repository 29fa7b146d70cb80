"""Version 11 upgrade: a store as version 10 wrote it (the word index in ``article_words``, no
speaker texts in the per-actor index, no tallies) gives the same answers once upgraded, and
opening it again adds nothing."""

from __future__ import annotations

import random

import duckdb

from chronicle.store import Store, words
from chronicle.store.schema import STORE_SCHEMA_VERSION
from chronicle.web import queries as web

from .test_byactor import article
from .test_stats import assert_counts_match

TABLES = ("articles", "actor_records", "actor_tallies", "article_numbers", "word_articles")


def answers(con) -> dict:
    actor = con.execute("SELECT id FROM actors ORDER BY n_articles DESC, id LIMIT 1").fetchone()[0]
    out = {"search": web.search(con, "met Ana"), "prefix": web.search(con, "spo"),
           "articles": web.articles(con, q="chen today").as_json(), "actor": web.actor_detail(con, actor)}
    for speaker in ("Ruiz", "i", "zz"):
        out[speaker] = [web.quotes(con, speaker=speaker, limit=7, offset=k, order=o).as_json()
                        for k in (0, 7) for o in ("asc", "desc")]
    return out


def as_written_by(path, version: int, missing_kinds: tuple[str, ...]) -> None:
    """Turn the store at ``path`` into what ``version`` wrote: without the tally kinds it did not keep."""
    con = duckdb.connect(str(path))
    con.execute("DELETE FROM actor_tallies WHERE list_contains(?, kind)", [list(missing_kinds)])
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    con.close()


def test_a_version_10_store_answers_the_same_once_upgraded(tmp_path):
    path = tmp_path / "v10.duckdb"
    rng = random.Random(11)
    with Store(path) as s:
        s.add([article(n, rng) for n in range(40)])
        expected = answers(s.connection)
    assert expected["Ruiz"][0]["total"] > 0 and expected["search"]["quotes"]["total"] > 0
    con = duckdb.connect(str(path))  # as version 10 wrote it
    text = "coalesce(title, '') || ' ' || text"
    con.execute(f"CREATE TABLE article_words AS SELECT unnest({words.words_sql(text)}) AS word, id AS article_id "
                "FROM articles")
    for table in ("article_numbers", "word_articles", "actor_tallies"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DELETE FROM actor_records WHERE role = 'speaker_text'")
    con.execute("UPDATE meta SET value = '10' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as s:
        con = s.connection
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(STORE_SCHEMA_VERSION)
        assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'article_words'").fetchone()[0] == 0
        assert answers(con) == expected
        assert_counts_match(con)
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    with Store(path) as s:  # opened again: nothing is indexed twice
        assert {t: s.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES} == counts
        again = random.Random(11)
        s.add([article(n, again) for n in range(5)])  # the same articles again
        assert {t: s.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES} == counts


def test_a_version_11_store_gets_its_speakers_said_tallies(tmp_path):
    """Version 12: a version-11 store (no ``said`` tallies, nor version 13's ``days``) is tallied
    once on opening, as an ingest tallies them, and answers the same."""
    from .test_stats import assert_index_matches

    path = tmp_path / "v11.duckdb"
    rng = random.Random(12)
    with Store(path) as s:
        s.add([article(n, rng) for n in range(40)])
        expected = answers(s.connection)
        tallied = dict(s.connection.execute("SELECT kind, count(*) FROM actor_tallies WHERE kind IN ('said', 'days') "
                                            "GROUP BY 1").fetchall())
    assert tallied["said"] > 0 and tallied["days"] > 0
    as_written_by(path, 11, ("said", "days"))
    with Store(path) as s:
        con = s.connection
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(STORE_SCHEMA_VERSION)
        assert dict(con.execute("SELECT kind, count(*) FROM actor_tallies WHERE kind IN ('said', 'days') "
                                "GROUP BY 1").fetchall()) == tallied
        assert_index_matches(con)
        assert answers(con) == expected


def test_a_version_12_store_gets_its_days_tallies(tmp_path):
    """Version 13: a version-12 store (no ``days`` tallies) counts each actor's (day, article)
    pairs by month once on opening, as an ingest counts them, sorted with the other tallies, and
    answers the same; opening it again adds nothing."""
    from .test_stats import assert_index_matches

    path = tmp_path / "v12.duckdb"
    rng = random.Random(13)
    with Store(path) as s:
        s.add([article(n, rng) for n in range(40)])
        expected = answers(s.connection)
        days = s.connection.execute("SELECT * FROM actor_tallies WHERE kind = 'days' ORDER BY ALL").fetchall()
    assert days and {r[2] for r in days} <= {"article", "speaker", "speaker_text", "source", "target"}
    as_written_by(path, 12, ("days",))
    with Store(path) as s:
        con = s.connection
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(STORE_SCHEMA_VERSION)
        assert con.execute("SELECT * FROM actor_tallies WHERE kind = 'days' ORDER BY ALL").fetchall() == days
        total = con.execute("SELECT count(*) FROM actor_tallies").fetchone()[0]
        assert con.execute("SELECT value FROM meta WHERE key = 'sorted:actor_tallies'").fetchone()[0] == str(total)
        assert_index_matches(con)
        assert answers(con) == expected
    with Store(path) as s:  # opened again: nothing is tallied twice
        assert s.connection.execute("SELECT count(*) FROM actor_tallies").fetchone()[0] == total


# The primary keys version 13 kept on the tables of an article's records.
V13_KEYS = {"article_actors": "article_id, local_id", "mentions": "article_id, local_id, n", "quotes": "article_id, id",
            "events": "article_id, id", "dates": "article_id, id", "positions": "article_id, id",
            "mediations": "article_id, id"}


def test_a_version_13_store_drops_its_record_keys(tmp_path):
    """Version 14: a version-13 store (a primary key on each table of an article's records) has
    them rewritten without the key on opening: every row kept, in its order, the same answers;
    opening it again changes nothing, and storing the same articles again repeats no row."""
    from chronicle.store.schema import CHILD_TABLES

    assert set(V13_KEYS) == set(CHILD_TABLES)
    path = tmp_path / "v13.duckdb"
    rng = random.Random(14)
    with Store(path) as s:
        s.add([article(n, rng) for n in range(40)])
        expected = answers(s.connection)
        rows = {t: s.connection.execute(f"SELECT * FROM {t}").fetchall() for t in CHILD_TABLES}
    assert rows["quotes"] and rows["mentions"] and rows["events"]
    con = duckdb.connect(str(path))  # as version 13 wrote it
    for table, key in V13_KEYS.items():
        con.execute(f"ALTER TABLE {table} ADD PRIMARY KEY ({key})")
    con.execute("UPDATE meta SET value = '13' WHERE key = 'schema_version'")
    con.close()

    def keyed(con) -> set[str]:
        return {r[0] for r in con.execute("SELECT table_name FROM duckdb_constraints() "
                                          "WHERE constraint_type = 'PRIMARY KEY'").fetchall()}

    assert set(V13_KEYS) <= keyed(duckdb.connect(str(path), read_only=True))
    with Store(path) as s:
        con = s.connection
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(STORE_SCHEMA_VERSION)
        assert not keyed(con) & set(V13_KEYS)
        assert {"articles", "actors", "actor_names", "meta"} <= keyed(con)
        assert {t: con.execute(f"SELECT * FROM {t}").fetchall() for t in CHILD_TABLES} == rows
        assert answers(con) == expected
    with Store(path) as s:  # opened again, and the same articles stored again
        again = random.Random(14)
        s.add([article(n, again) for n in range(40)])
        assert {t: s.connection.execute(f"SELECT * FROM {t}").fetchall() for t in CHILD_TABLES} == rows
        assert answers(s.connection) == expected
