"""Version 14: the names index (``actor_words``) stays what indexing every actor gives through
ingest, re-ingest, the corpus's joins, merges, splits, renames and the aliases file, and a name
part looked up in it finds, ranks and counts the same actors as matching every actor's name."""

from __future__ import annotations

import dataclasses
from dataclasses import asdict

import pytest

from chronicle.store import Store, actorwords, query
from chronicle.store.writer import Writer
from chronicle.web import queries as web

from .test_identity import article, ids_of
from .test_stats import assert_counts_match, assert_names_index_matches

PEOPLE = [("Hillary Clinton", "person"), ("Bill Clinton", "person"), ("Clinton Foundation", "organisation"),
          ("Ana Ruiz", "person", None, ("Ruiz",)), ("Bo Chen", "person"), ("Jean-Luc O'Neil", "person"),
          ("The U.S. State Department", "organisation"), ("Zoë Müller", "person"), ("McClinton", "person")]
NAMES = ["Clinton", "clint", "Hillary Clinton", "ton Fo", "ruiz", "O'Neil", "U.S.", "State Dep", "zoë", "MÜLLER",
         "e", "on", " ", "Bill  Clinton", "nobody", "c", "Clinton Foundation", "-luc", "Bill Clinton",
         "Jefferson", "Rodham"]


def answers(con) -> dict:
    out = {}
    for name in NAMES:
        for offset in (0, 2, 50):
            page = web.actors(con, name=name, limit=3, offset=offset)
            out[f"page {name!r} {offset}"] = (page.total, [asdict(a) for a in page.items])
        for active in (None, "quotes", "events", "either"):
            for match in ("substring", "words"):
                out[f"{match} {name!r} {active}"] = sorted(query.match_ids(con, name, match, active=active) or [])
    return out


def unindexed(con, monkeypatch) -> dict:
    """:func:`answers` with every name part matched over every actor (the index not used)."""
    with monkeypatch.context() as m:
        m.setattr(actorwords, "VOCAB_MAX", -1)
        return answers(con)


@pytest.fixture
def corpus(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.add([article(n, PEOPLE[n % len(PEOPLE)], PEOPLE[(n * 5 + 1) % len(PEOPLE)]) for n in range(30)])
        yield s


def check(con, monkeypatch) -> dict:
    assert_names_index_matches(con)
    got = answers(con)
    assert got == unindexed(con, monkeypatch)
    return got


def test_a_name_part_finds_the_same_actors_through_the_index(corpus, monkeypatch):
    got = check(corpus.connection, monkeypatch)
    assert got["page 'Clinton' 0"][0] == 4  # Hillary and Bill Clinton, the foundation, McClinton
    assert [a["name"] for a in got["page 'ton Fo' 0"][1]] == ["Clinton Foundation"]
    assert got["page 'nobody' 0"] == (0, [])
    assert got["substring 'MÜLLER' None"] and got["words 'Clinton' quotes"]
    # a piece found in no word finds nothing without reading an actor; a letter is over the index's reach
    assert actorwords.words_containing(corpus.connection, ["qqq"]) == []
    assert actorwords.words_containing(corpus.connection, [" "]) is None


def test_the_index_follows_merges_splits_renames_and_aliases(corpus, monkeypatch, tmp_path):
    con = corpus.connection
    ids = ids_of(corpus)
    hillary = next(i for i, in con.execute("SELECT id FROM actors WHERE name = 'Hillary Clinton'").fetchall())
    bill = next(i for i, in con.execute("SELECT id FROM actors WHERE name = 'Bill Clinton'").fetchall())
    corpus.merge_actors(hillary, bill)
    got = check(con, monkeypatch)
    assert got["page 'Clinton' 0"][0] == 3  # one of the two names: the kept actor's
    split = corpus.split_actor(hillary, "Bill Clinton")
    assert check(con, monkeypatch)["substring 'Bill Clinton' None"] == [split]
    renamed = corpus.rename_actor(split, "William Jefferson Clinton")
    got = check(con, monkeypatch)
    assert got["substring 'Jefferson' None"] == [renamed]
    assert con.execute("SELECT name FROM actors WHERE id = ?", [renamed]).fetchone() == ("William Jefferson Clinton",)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,actor\nBo,Bo Chen\nHRC,Hillary Rodham Clinton\n", encoding="utf-8")
    corpus.apply_aliases(aliases)  # a new actor for a name no article wrote
    assert check(con, monkeypatch)["substring 'Rodham' None"]
    assert len(set(ids.values())) > 1


def test_the_index_follows_re_ingest_and_the_corpus_joins(corpus, monkeypatch):
    con = corpus.connection
    first = article(0, PEOPLE[0], PEOPLE[1])
    changed = dataclasses.replace(first, article=dataclasses.replace(first.article, text=first.article.text + " More."))
    corpus.add([changed])  # a new version of an article
    check(con, monkeypatch)
    Writer(con).write([(article(1, ("Hillary Rodham", "person"), PEOPLE[4]), None)], replace=["art-1"])
    check(con, monkeypatch)
    # a surname alone, joined to its person by the end of the run
    corpus.add([article(100 + n, ("Clinton", "person"), ("Chen", "person")) for n in range(3)])
    check(con, monkeypatch)
    # an article dropped with the only actor it named: the actor's rows go with it
    Writer(con).write([(article(5, PEOPLE[4], ("Bo Chen", "person")), None)], replace=["art-5"])
    check(con, monkeypatch)
    assert_counts_match(con)


def test_a_rolled_back_batch_leaves_the_index_as_it_was(corpus, monkeypatch):
    con = corpus.connection
    before = con.execute("SELECT * FROM actor_words ORDER BY ALL").fetchall()
    writer = Writer(con)

    def fail(*_args, **_kwargs):
        raise RuntimeError("disk full")

    with monkeypatch.context() as m:
        m.setattr(actorwords, "flush", fail)
        with pytest.raises(RuntimeError):
            writer.write([(article(200, ("Nadia Okafor", "person")), None)])
    assert con.execute("SELECT * FROM actor_words ORDER BY ALL").fetchall() == before
    corpus.add([article(201, ("Ravi Shah", "person"))])  # the next batch marks only its own actors
    assert_names_index_matches(con)
    assert query.match_ids(con, "Okafor", "substring") == []


def test_rows_written_again_count_toward_sorting_the_index_again(corpus, monkeypatch):
    """The rows a batch writes again replace as many sorted ones: the index's unsorted tail grows by
    them, so it is sorted again once they pass its share, not never."""
    from chronicle.store import byactor

    con = corpus.connection
    total = con.execute("SELECT count(*) FROM actor_words").fetchone()[0]
    byactor.compact(con, force=True, tables=("actor_words",))
    sorted_rows = int(con.execute("SELECT value FROM meta WHERE key = 'sorted:actor_words'").fetchone()[0])
    assert sorted_rows == total
    ids = [r[0] for r in con.execute("SELECT id FROM actors").fetchall()]
    actorwords.touch(con, ids)
    actorwords.flush(con)  # every actor written again, the same rows
    assert con.execute("SELECT count(*) FROM actor_words").fetchone()[0] == total
    assert int(con.execute("SELECT value FROM meta WHERE key = 'sorted:actor_words'").fetchone()[0]) == 0
    monkeypatch.setattr(byactor, "TAIL_MIN", 1)
    assert "actor_words" in byactor.compact(con)
    assert_names_index_matches(con)
