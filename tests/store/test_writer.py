"""Writing records: corpus-wide actors, translated ids, idempotency, updates, errors, schema."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import duckdb
import pytest

from chronicle import Corpus
from chronicle.store import CorpusError, CorpusLocked
from chronicle.store.schema import STORE_SCHEMA_VERSION
from chronicle.store.identity import agent_id
from chronicle.store.writer import Failure, Writer, actor_id, actor_key, normal_name, pipeline_version


def test_normal_name_joins_spellings():
    assert normal_name("The U.S.") == normal_name("US") == "us"
    assert normal_name("Otieno’s") == normal_name("otieno") == "otieno"
    assert normal_name("  Miriam   Otieno ") == "miriam otieno"


def test_actor_key_is_name_kind_and_country():
    assert actor_key("Georgia", "country", "GEO") != actor_key("Georgia", "place", "USA")
    assert actor_id(actor_key("the U.S.", "country", "usa")) == actor_id(actor_key("US", "country", "USA"))


def test_counts_and_keys(corpus):
    counts = corpus.counts()
    assert counts["articles"] == 2
    assert counts["article_actors"] == 6
    assert counts["mentions"] == 10
    assert counts["quotes"] == 2 and counts["events"] == 4 and counts["dates"] == 1
    assert counts["errors"] == 0
    assert counts["actors"] == 5  # "Otieno" of the second article is Miriam Otieno


def test_same_actor_in_two_articles_is_one_row(tmp_path, make):
    r1 = make.record_1()
    other = dataclasses.replace(
        r1, article=dataclasses.replace(r1.article, id="kenya-2", text=r1.article.text + " More."),
    )
    with Corpus(tmp_path / "c.duckdb") as c:
        c.add([r1, other])
        assert c.counts()["actors"] == 3
        assert c.counts()["article_actors"] == 6
        kenya = c.actors(name="Kenya")[0]
        assert (kenya.name, kenya.articles, kenya.mentions) == ("Kenya", 2, 4)


def test_local_actor_ids_become_corpus_ids(corpus):
    row = corpus.sql("SELECT speaker_ids, speaker_local_ids FROM quotes WHERE article_id = 'kenya-1'")[0]
    assert row["speaker_local_ids"] == ["a3"]
    assert row["speaker_ids"] == [agent_id("miriam otieno")]  # people and organisations: by name key
    event = corpus.sql("SELECT source_ids, target_ids FROM events WHERE article_id = 'kenya-1' AND id = 'e2'")[0]
    assert event["source_ids"] == [actor_id(actor_key("Ethiopia", "country", "ETH"))]
    assert event["target_ids"] == [actor_id(actor_key("Kenya", "country", "KEN"))]


def test_offsets_show_the_evidence(corpus):
    rows = corpus.sql(
        'SELECT substr(a.text, m.start + 1, m."end" - m.start) AS shown, m.text FROM mentions m '
        "JOIN articles a ON a.id = m.article_id"
    )
    assert rows and all(r["shown"] == r["text"] for r in rows)


def test_record_round_trip(corpus, records):
    for original in records:
        assert corpus.record(original.article.id) == original
    assert corpus.record("nope") is None


def test_adding_twice_changes_nothing(corpus, records, make):
    before = corpus.counts()
    corpus.add(records)
    corpus.add([make.record_2()])
    assert corpus.counts() == before


def test_replace_reextracts_and_drops_orphan_actors(corpus, make):
    r1 = make.record_1(pipeline={"chronicle": "newer"})
    smaller = dataclasses.replace(r1, actors=r1.actors[:1], quotes=(), events=())
    Writer(corpus.connection).write([(smaller, "test")], replace=["kenya-1"])
    counts = corpus.counts()
    assert counts["articles"] == 2 and counts["quotes"] == 1 and counts["events"] == 2
    assert not corpus.actors(name="Ethiopia")  # no article mentions it any more
    otieno = corpus.actors(name="Otieno")  # still named in the other article
    assert [(a.name, a.kind, a.articles) for a in otieno] == [("Miriam Otieno", "person", 1)]
    stored = corpus.sql("SELECT pipeline_version FROM articles WHERE id = 'kenya-1'")[0]
    assert stored["pipeline_version"] == pipeline_version({"chronicle": "newer"})


def test_errors_are_keyed_by_origin_and_cleared_on_success(tmp_path, make):
    with Corpus(tmp_path / "c.duckdb") as c:
        writer = Writer(c.connection)
        writer.write([], [Failure("a.txt", "binary file, not text")])
        writer.write([], [Failure("a.txt", "binary file, not text")])
        assert c.counts()["errors"] == 1
        writer.write([(make.record_2(), "a.txt")])
        assert c.counts()["errors"] == 0


def test_schema_version_recorded_and_newer_refused(tmp_path):
    path = tmp_path / "c.duckdb"
    with Corpus(path) as c:
        assert c.sql("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(STORE_SCHEMA_VERSION)
        c.sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(CorpusError, match="schema version 99"):
        Corpus(path)


def test_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(CorpusError, match="no corpus at"):
        Corpus(tmp_path / "missing.duckdb", read_only=True)
    plain = tmp_path / "plain.duckdb"
    duckdb.connect(str(plain)).close()
    with pytest.raises(CorpusError, match="not a chronicle store"):
        Corpus(plain, read_only=True)


def test_second_process_gets_database_is_locked(tmp_path):
    path = tmp_path / "c.duckdb"
    Corpus(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys, time; c = duckdb.connect({str(path)!r}); print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(CorpusLocked, match="database is locked"):
            Corpus(path)
        with pytest.raises(CorpusLocked, match="database is locked"):
            Corpus(path, read_only=True)
    finally:
        holder.kill()
        holder.wait()
    with Corpus(path) as c:  # nothing was corrupted
        assert c.counts()["articles"] == 0


def test_a_reader_gets_in_between_the_batches_of_a_writer_that_never_pauses(tmp_path):
    """A writer that lets go of the file and opens it again at once (an ingest between batches)
    waits for a reader that is waiting for it, so the reader sees the batches as they land instead
    of waiting out the whole run (a CI run: the web app showed no article until the ingest ended)."""
    import os
    import time
    from pathlib import Path

    from chronicle.store import Store
    from chronicle.store.corpus import waiting_path

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.connection.execute("CREATE TABLE rows (n INTEGER)")
    rounds = 100
    writer = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom chronicle.store import Store\nstore = Store(sys.argv[1], wait=30)\n"
         "print('open', flush=True)\n"
         f"for n in range({rounds}):\n"
         "    store.connection.execute('INSERT INTO rows VALUES (?)', [n])\n"
         "    time.sleep(0.05)  # a batch's write holds the file for a while\n"
         "    store.release()\n"
         "store.close()\n", str(db)],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    seen = []
    try:
        assert writer.stdout.readline().strip() == "open"
        while writer.poll() is None and len(seen) < 3:
            with Store(db, read_only=True, wait=30) as reader:
                seen.append(reader.connection.execute("SELECT count(*) FROM rows").fetchone()[0])
            time.sleep(0.01)
        writer.communicate(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert writer.returncode == 0
    # each read got in within a few of the writer's rounds (without the reader's turn the first
    # waited some 60 of the 100 here, and the web app's could wait out a whole ingest)
    assert len(seen) == 3 and all(n < rounds // 4 for n in seen), seen
    assert seen == sorted(seen)
    assert not os.path.exists(waiting_path(str(db), reader=True))  # the reader took its file away
