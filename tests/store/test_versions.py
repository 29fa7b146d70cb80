"""Story versions: the same id with a changed text replaces the stored records; the old text is kept."""

from __future__ import annotations

import dataclasses

import duckdb

from chronicle import Corpus
from chronicle.records import Actor, Article, ArticleRecord, Mention
from chronicle.store.schema import STORE_SCHEMA_VERSION
from chronicle.store.writer import Writer, text_hash


def story(text: str, name: str = "Miriam Otieno", aid: str = "story-1") -> ArticleRecord:
    start = text.index(name)
    actor = Actor("a1", name, "person", (Mention(start, start + len(name), name, "PERSON"),))
    return ArticleRecord(Article(text, id=aid, title="A story", published="2024-03-14"), (actor,), (), (), (),
                         pipeline={"chronicle": "test"})


V1 = "Miriam Otieno said the talks would resume."
V2 = "Correction: the Kenyan minister Miriam Otieno said the talks would resume on Monday."
V3 = "Update: talks resumed. Miriam Otieno spoke first."


def evidence_fits(c: Corpus) -> bool:
    rows = c.sql("SELECT m.text, substr(a.text, m.start + 1, m.\"end\" - m.start) AS shown "
                 "FROM mentions m JOIN articles a ON a.id = m.article_id")
    return all(r["text"] == r["shown"] for r in rows)


def test_changed_text_is_a_new_version_and_the_old_text_is_kept(tmp_path):
    with Corpus(tmp_path / "c.duckdb") as c:
        c.add([story(V1)])
        c.add([story(V2)])
        art = c.sql("SELECT text, version, text_hash FROM articles")
        assert art == [{"text": V2, "version": 2, "text_hash": text_hash(V2)}]
        old = c.sql("SELECT article_id, version, text, text_hash, replaced_at IS NOT NULL AS r FROM article_versions")
        assert old == [{"article_id": "story-1", "version": 1, "text": V1, "text_hash": text_hash(V1), "r": True}]
        assert c.counts()["mentions"] == 1 and evidence_fits(c)


def test_same_text_again_is_a_no_op_and_an_old_text_does_not_come_back(tmp_path):
    with Corpus(tmp_path / "c.duckdb") as c:
        c.add([story(V1)])
        before = c.sql("SELECT * FROM articles")
        c.add([story(V1)])
        assert c.sql("SELECT * FROM articles") == before
        assert c.counts()["articles"] == 1 and c.sql("SELECT count(*) AS n FROM article_versions")[0]["n"] == 0
        c.add([story(V2)])
        c.add([story(V1), story(V2)])  # a re-run of both inputs changes nothing
        assert c.sql("SELECT text, version FROM articles") == [{"text": V2, "version": 2}]
        assert c.sql("SELECT count(*) AS n FROM article_versions")[0]["n"] == 1


def test_versions_in_one_batch_apply_in_order(tmp_path):
    with Corpus(tmp_path / "c.duckdb") as c:
        written = Writer(c.connection).write([(story(V1), "a.jsonl:1"), (story(V2), "a.jsonl:2"), (story(V3), "b.txt")])
        assert [r.article.text for r, _ in written.records] == [V3]
        assert c.sql("SELECT text, version, origin FROM articles") == [{"text": V3, "version": 3, "origin": "b.txt"}]
        assert c.sql("SELECT version, text, origin FROM article_versions ORDER BY version") == [
            {"version": 1, "text": V1, "origin": "a.jsonl:1"}, {"version": 2, "text": V2, "origin": "a.jsonl:2"},
        ]
        assert c.counts()["mentions"] == 1 and evidence_fits(c)


def test_a_new_version_takes_back_the_old_actor_votes(tmp_path):
    with Corpus(tmp_path / "c.duckdb") as c:
        c.add([story(V1)])
        c.add([story("Kenya's Miriam Otieno spoke again on Friday, officials said.")])
        row = c.sql("SELECT n_person FROM actors WHERE name = 'Miriam Otieno'")
        assert row == [{"n_person": 1}]  # the replaced version's vote went with it


def test_update_re_extracts_without_a_new_version(tmp_path):
    with Corpus(tmp_path / "c.duckdb") as c:
        c.add([story(V1)])
        newer = dataclasses.replace(story(V1), pipeline={"chronicle": "newer"})
        written = Writer(c.connection).write([(newer, None)], replace=["story-1"])
        assert written.replaced == {"story-1"}
        assert c.sql("SELECT version, pipeline FROM articles") == [{"version": 1, "pipeline": '{"chronicle": "newer"}'}]
        assert c.sql("SELECT count(*) AS n FROM article_versions")[0]["n"] == 0


def test_a_version_2_store_is_upgraded(tmp_path):
    path = tmp_path / "old.duckdb"
    with Corpus(path) as c:
        c.add([story(V1)])
    con = duckdb.connect(str(path))  # make it look like a store written before versions
    con.execute("DROP TABLE article_versions")
    con.execute("ALTER TABLE articles DROP COLUMN version")
    con.execute("ALTER TABLE articles DROP COLUMN text_hash")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with Corpus(path) as c:
        assert c.sql("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(STORE_SCHEMA_VERSION) == "16"
        assert c.sql("SELECT text_hash, version FROM articles") == [{"text_hash": text_hash(V1), "version": 1}]
        c.add([story(V2)])
        assert c.sql("SELECT version FROM articles") == [{"version": 2}]
        assert c.sql("SELECT text FROM article_versions") == [{"text": V1}]
