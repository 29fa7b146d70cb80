"""Version 6: per-actor counts kept on the actor's row, an event's sentence on its row, the word index."""

from __future__ import annotations

import dataclasses
import json

import duckdb

from chronicle.store import Store
from chronicle.store import stats, words
from chronicle.store.schema import STORE_SCHEMA_VERSION
from chronicle.store.writer import Writer

from .conftest import record_1, record_2

RECOUNT = """
    SELECT x.id,
           (SELECT count(DISTINCT article_id) FROM article_actors WHERE actor_id = x.id),
           (SELECT count(*) FROM mentions WHERE actor_id = x.id),
           (SELECT count(*) FROM quotes WHERE list_contains(speaker_ids, x.id)),
           (SELECT count(*) FROM events WHERE list_contains(list_concat(source_ids, target_ids), x.id))
    FROM actors x ORDER BY x.id"""


def assert_counts_match(con: duckdb.DuckDBPyConnection) -> None:
    """The counts kept on every actor's row are what counting the stored rows gives, and the
    per-actor index (version 9) is what indexing the stored rows again gives."""
    assert_counts_and_periods(con)
    assert_index_matches(con)


def assert_counts_and_periods(con: duckdb.DuckDBPyConnection) -> None:
    """The counts and the period kept on every actor's row are what the stored rows give."""
    kept = con.execute(f"SELECT id, {', '.join(f'coalesce({c}, 0)' for c in stats.COLUMNS)} FROM actors ORDER BY id")
    assert kept.fetchall() == con.execute(RECOUNT).fetchall()
    # An actor's period is the first and last day of the articles naming it, replaced ones gone.
    assert con.execute(
        "SELECT count(*) FROM actors x JOIN (SELECT aa.actor_id, min(a.published) AS f, max(a.published) AS l "
        "FROM article_actors aa JOIN articles a ON a.id = aa.article_id GROUP BY 1) d ON d.actor_id = x.id "
        "WHERE x.first_day IS DISTINCT FROM d.f OR x.last_day IS DISTINCT FROM d.l").fetchone() == (0,)


def assert_index_matches(con: duckdb.DuckDBPyConnection) -> None:
    from chronicle.store import byactor

    from chronicle.store import identity

    kept = con.execute("SELECT * FROM actor_records ORDER BY ALL").fetchall()
    # the articles of a run's resolving batches are indexed at its end (identity.defer_batch_index):
    # until then they have no rows, every other article the rows indexing it again gives
    waiting = [a for (v,) in con.execute("SELECT value FROM meta WHERE starts_with(key, ?)",
                                         [identity.INDEX_BATCH_PREFIX]).fetchall() for a in json.loads(v)]
    where = "article_id NOT IN (SELECT unnest($waiting::VARCHAR[]))"
    assert kept == con.execute(f"SELECT * FROM ({byactor._select(where)}) ORDER BY ALL", {"waiting": waiting}).fetchall()
    # the tallies kept through every add, drop and reindex are those of the index rows now
    tallied = con.execute("SELECT actor_id, kind, key, detail, sum(n) FROM actor_tallies GROUP BY ALL "
                          "HAVING sum(n) <> 0 ORDER BY ALL").fetchall()
    assert tallied == con.execute(f"SELECT * FROM ({byactor.tally_sql('TRUE')}) ORDER BY ALL").fetchall()
    # the word index (version 11): one number per stored article, and each article's words under it
    numbered = con.execute("SELECT article_id, count(*) FROM article_numbers GROUP BY 1 ORDER BY 1").fetchall()
    assert numbered == [(i, 1) for (i,) in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    indexed = con.execute("SELECT a.article_id, w.word FROM word_articles w JOIN article_numbers a USING (n) "
                          "ORDER BY ALL").fetchall()
    text = "coalesce(title, '') || ' ' || text"
    assert indexed == con.execute(f"SELECT id, unnest({words.words_sql(text)}) FROM articles ORDER BY ALL").fetchall()
    assert_names_index_matches(con)


def assert_names_index_matches(con: duckdb.DuckDBPyConnection) -> None:
    """The names index (version 14) is what indexing every actor as it is now gives, and its
    vocabulary holds each of its words."""
    from chronicle.store import actorwords

    assert con.execute("SELECT * FROM actor_words ORDER BY ALL").fetchall() == con.execute(
        f"SELECT * FROM ({actorwords.rows_sql('TRUE')}) ORDER BY ALL").fetchall()
    assert con.execute("SELECT word FROM actor_words EXCEPT SELECT word FROM actor_vocab").fetchall() == []


def test_counts_are_kept_through_adds_replacements_and_new_versions(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.add([record_1(), record_2()])
        assert_counts_match(s.connection)
        assert any(r.quotes and r.events for r in s.actors(top=None))
        s.add([record_1(), record_2()])  # the same texts again: nothing changes
        assert_counts_match(s.connection)
        Writer(s.connection).write([(record_2(), None)], replace=[record_2().article.id])  # --update
        assert_counts_match(s.connection)
        one = record_1()
        shorter = dataclasses.replace(one, article=dataclasses.replace(one.article, text=one.article.text + " More."),
                                      quotes=(), events=())
        s.add([shorter])  # a new version with fewer records
        assert_counts_match(s.connection)


def test_an_event_keeps_its_sentence_and_an_article_its_words(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.add([record_1(), record_2()])
        con = s.connection
        assert con.execute(
            "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.sentence IS DISTINCT FROM substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
        ).fetchone()[0] == 0
        assert all(r.sentence for r in s.events(status="all"))
        text = record_2().article.text
        assert "otieno" in words.query_words(con, text)
        found = con.execute(*words.matching(["sanction"])).fetchall()
        assert found == [(record_2().article.id,)]
        both = words.query_words(con, "Otieno ACCEPT")
        assert con.execute(*words.matching(both)).fetchall() == [(record_2().article.id,)]
        s.add([dataclasses.replace(record_2(), article=dataclasses.replace(record_2().article, text="Nobody spoke."),
                                   actors=(), quotes=(), events=(), dates=())])
        assert con.execute(*words.matching(["sanction"])).fetchall() == []


def test_an_event_keeps_the_days_its_date_and_article_give(tmp_path):
    from chronicle.store.query import DAY_OF_EVENT, LAST_DAY_OF_EVENT

    one = record_1()
    dated = [dataclasses.replace(e, date=d) for e, d in zip(one.events, ("2018", "2018-05"))]
    two = record_2()
    dated2 = [dataclasses.replace(e, date=d) for e, d in zip(two.events, ("2024-07-30/2024-07-31", "PRESENT_REF"))]
    with Store(tmp_path / "s.duckdb") as s:
        s.add([dataclasses.replace(one, events=tuple(dated) + one.events[len(dated):]),
               dataclasses.replace(two, events=tuple(dated2) + two.events[len(dated2):])])
        con = s.connection
        assert con.execute("SELECT count(*) FROM events WHERE date IS NOT NULL").fetchone()[0] >= 3
        assert con.execute(
            f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE e.day IS DISTINCT FROM "
            f"{DAY_OF_EVENT} OR e.last_day IS DISTINCT FROM {LAST_DAY_OF_EVENT}").fetchone()[0] == 0
        assert con.execute(
            "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.day IS DISTINCT FROM a.published"
        ).fetchone()[0] == 0


def test_a_version_5_store_is_counted_and_indexed_when_upgraded(tmp_path):
    path = tmp_path / "v5.duckdb"
    with Store(path) as s:
        s.add([record_1(), record_2()])
        events = [(r.event_id, r.sentence, r.date) for r in s.events(status="all")]
        quotes = s.quotes()
    con = duckdb.connect(str(path))  # as version 5 wrote it
    for column in ("sentence", "day", "last_day"):
        con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    con.execute("ALTER TABLE quotes DROP COLUMN day")
    for column in (*stats.COLUMNS, *stats.DAY_COLUMNS):
        con.execute(f"ALTER TABLE actors DROP COLUMN {column}")
    for table in ("article_numbers", "word_articles", "actor_tallies"):
        con.execute(f"DROP TABLE {table}")
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as s:
        assert s.sql("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(STORE_SCHEMA_VERSION)
        assert_counts_match(s.connection)
        assert [(r.event_id, r.sentence, r.date) for r in s.events(status="all")] == events
        assert s.quotes() == quotes
        assert s.connection.execute("SELECT count(DISTINCT n) FROM word_articles").fetchone()[0] == 2


def test_the_event_row_positions_derived_uses_are_the_schema_s():
    import duckdb

    from chronicle.store import derived
    from chronicle.store.schema import create_schema

    con = duckdb.connect()
    create_schema(con)
    columns = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position").fetchall()]
    assert columns[derived._E_DATE] == "date"
    assert columns[derived._E_DAY:derived._E_DAY + 2] == ["day", "last_day"]


def test_a_version_8_store_gains_actor_periods(tmp_path):
    path = tmp_path / "v8.duckdb"
    with Store(path) as s:
        s.add([record_1(), record_2()])
        before = s.sql("SELECT id, first_day, last_day FROM actors ORDER BY id")
    con = duckdb.connect(str(path))  # as version 8 wrote it
    for column in stats.DAY_COLUMNS:
        con.execute(f"ALTER TABLE actors DROP COLUMN {column}")
    con.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as s:
        assert s.sql("SELECT id, first_day, last_day FROM actors ORDER BY id") == before
        assert any(r["first_day"] is not None for r in before)
        s.add([record_1(), record_2()])  # and the writer's rows still fit the table
        assert_counts_match(s.connection)
