"""Issue 18: the end of a run's joins cost what the joined actors' articles do, not the corpus. A
join counts its kept actors from the articles naming a dropped id (``stats.shift``), and the index
rows it takes again are found without a pass over the whole index; both give what counting and
indexing the whole store again gives, and the same store, row for row, as the earlier way."""

from __future__ import annotations

import random

import pytest

from chronicle.records import Actor, Article, ArticleRecord, Event, Mention, Quote
from chronicle.store import Store, byactor, identity, stats

from .test_stats import assert_counts_and_periods, assert_counts_match

NAMES = ("Ana Ruiz", "Bo Chen", "Cy Diaz", "Di Evans", "Ed Fox", "Flo Gray", "Gus Hart", "Ivy Jones",
         "Jo King", "Kim Lee", "Lu Moss", "Mo Nash")
ORGS = (("United Nations", "UN"), ("European Union", "EU"), ("World Health Organization", "WHO"))


def article(n: int, rng: random.Random, version: int = 0, surnames: float = 0.0) -> ArticleRecord:
    """An article naming some of NAMES (one now and then twice, under two local ids; a share
    ``surnames`` of them by surname alone, which a run's joins give a person), with quotes of one
    or two speakers naming others inside them, and events between them."""
    text, actors = "", []
    people = [name.split()[-1] if rng.random() < surnames else name for name in rng.sample(NAMES, rng.randint(2, 5))]
    if rng.random() < 0.3:
        people.append(people[0])  # the same name again: one actor, two article actors
    orgs = []
    if surnames and rng.random() < 0.5:  # an organisation by its acronym alone, or its name and acronym
        full, short = rng.choice(ORGS)
        orgs = [(short, ())] if rng.random() < 0.5 else [(full, (short,))]
    for i, name in enumerate(people + [o for o, _ in orgs]):
        start = len(text)
        text += f"{name} spoke{' again' * version}. "
        mentions = [Mention(start, start + len(name), name, "PERSON" if i < len(people) else "ORG")]
        for short in (dict(orgs).get(name, ()) if i >= len(people) else ()):
            start = len(text)
            text += f"{short} spoke. "
            mentions.append(Mention(start, start + len(short), short, "ORG"))
        actors.append(Actor(f"a{i + 1}", name, "person" if i < len(people) else "organisation", tuple(mentions)))
    people = people + [o for o, _ in orgs]
    quotes, events = [], []
    for k in range(rng.randint(1, 3)):
        speakers = rng.sample(range(len(actors)), rng.randint(1, min(2, len(actors) - 1)))
        other = rng.choice([i for i in range(len(actors)) if i not in speakers])
        start = len(text)
        text += f"\u201cI met {people[other]} today,\u201d said {people[speakers[0]]}. "
        content = Mention(start, start + len(people[other]) + 16, text[start:start + len(people[other]) + 16])
        inner = Mention(start + 7, start + 7 + len(people[other]), people[other], "PERSON")
        actors[other] = Actor(actors[other].id, actors[other].name, "person", actors[other].mentions + (inner,))
        quotes.append(Quote(f"q{k + 1}", content, "direct", speaker_ids=tuple(actors[s].id for s in speakers)))
    for k in range(rng.randint(0, 3)):
        a, b, c = rng.sample(range(len(actors)), 3) if len(actors) >= 3 else (0, 1, 0)
        trigger = Mention(0, 4, text[:4])
        events.append(Event(f"e{k + 1}", rng.choice(("ACCUSE", "MEET", "AGREE")), trigger, Mention(0, 10, text[:10]),
                            source_ids=(actors[a].id, actors[c].id), target_ids=(actors[b].id, actors[a].id),
                            status=rng.choice(("happened", "hypothetical"))))
    day = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() > 0.1 else None
    return ArticleRecord(Article(text, id=f"art-{n:03d}", published=day), tuple(actors), tuple(quotes), tuple(events), ())


def the_old_way(monkeypatch) -> None:
    """The earlier joins: the kept actors counted again from every row at the end (``stats.refresh``),
    their periods from every article actor (``stats.refresh_days``), their articles indexed again
    whole (``byactor.reindex_articles``)."""
    real = identity.defer_index
    monkeypatch.setattr(byactor, "reindex_joined", lambda con, articles, dropped, kept: byactor.reindex_articles(
        con, articles))
    monkeypatch.setattr(stats, "shift", lambda *a, **k: None)
    monkeypatch.setattr(stats, "widen_days", lambda con, articles, ids: stats.refresh_days(con, ids))
    monkeypatch.setattr(identity, "defer_index", lambda con, *, joined=(), counted=(), **k: real(
        con, counted=[*counted, *joined], **k))


def run(path, seed: int) -> Store:
    """Articles stored, then rounds of random joins (chains, two drops into one keep, keeps and
    drops named in one article) left for the end of the run while more articles (some new
    versions of stored ones) come, then the end of the run."""
    rng = random.Random(seed)
    the_old_way_on = stats.shift is not REAL_SHIFT
    store = Store(path)
    store.add([article(n, rng) for n in range(40)])
    con = store.connection
    for r in range(3):
        ids = [i for (i,) in con.execute("SELECT id FROM actors WHERE kind = 'person' ORDER BY id").fetchall()]
        drops = dict(zip(rng.sample(ids, 3), rng.sample(ids, 3)))
        identity.merge_many(con, drops, reason="test", index_now=False)
        if not the_old_way_on:  # counted and given their periods by the join itself, before the end of the run
            assert_counts_and_periods(con)
        store.add([article(n, rng, version=r + 1) for n in rng.sample(range(50), 6)])
    con.execute("BEGIN TRANSACTION")
    identity.settle_index(con)
    con.execute("COMMIT")
    return store


REAL_SHIFT = getattr(stats, "shift", None)
TABLES = ("actors", "article_actors", "mentions", "quotes", "events", "actor_records", "actor_names")


def dump(con) -> dict:
    out = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    out["actor_tallies"] = con.execute("SELECT actor_id, kind, key, detail, sum(n) FROM actor_tallies GROUP BY ALL "
                                       "HAVING sum(n) <> 0 ORDER BY ALL").fetchall()
    out["actor_merges"] = con.execute("SELECT old_id, new_id FROM actor_merges ORDER BY ALL").fetchall()
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_joins_count_and_index_their_articles_as_the_whole_store_would(tmp_path, seed):
    store = run(tmp_path / "s.duckdb", seed)
    con = store.connection
    assert con.execute("SELECT count(*) FROM actor_merges").fetchone()[0] > 0
    assert_counts_match(con)  # the counts a full recount gives, the index a full indexing gives
    kept = dump(con)
    stats.refresh(con)
    byactor.fill(con)
    assert dump(con) == kept
    store.close()


def ingest(path, seed: int) -> Store:
    """Runs of the writer whose batches join surnames to their people (``MERGES_AT_ONCE`` 1: in
    the batch) and whose ends join the rest, new versions of stored articles among them."""
    from chronicle.store.writer import Writer

    rng = random.Random(seed)
    store = Store(path)
    for r in range(3):
        writer = Writer(store.connection)
        for b in range(3):
            writer.write([(article(n, rng, version=r, surnames=0.3), None) for n in rng.sample(range(40), 8)])
        writer.finish()
    return store


@pytest.mark.parametrize("seed", [5, 6])
def test_runs_joining_in_their_batches_and_at_their_ends_leave_the_earlier_way_s_store(tmp_path, seed, monkeypatch):
    monkeypatch.setattr(identity, "MERGES_AT_ONCE", 1)
    new = ingest(tmp_path / "new.duckdb", seed)
    assert new.connection.execute("SELECT count(*) FROM actor_merges").fetchone()[0] > 0
    assert_counts_match(new.connection)
    with monkeypatch.context() as m:
        the_old_way(m)
        old = ingest(tmp_path / "old.duckdb", seed)
    assert dump(new.connection) == dump(old.connection)
    new.close()
    old.close()


@pytest.mark.parametrize("seed", [1, 4])
def test_joins_leave_the_store_the_earlier_way_left_it_row_for_row(tmp_path, seed, monkeypatch):
    new = run(tmp_path / "new.duckdb", seed)
    with monkeypatch.context() as m:
        the_old_way(m)
        old = run(tmp_path / "old.duckdb", seed)
    assert dump(new.connection) == dump(old.connection)
    new.close()
    old.close()


def test_the_end_of_a_run_tests_an_actor_s_own_key_in_sql_as_python_does():
    """The one-word and two-word rules filter actors stored under their own key in SQL
    (``identity.agent_id_sql``): the same ids as ``identity.agent_id``, accents and scripts too."""
    import duckdb

    con = duckdb.connect()
    for key in ("pence", "wasserman schultz", "müller", "o'brien", "東京", "зеленский", ""):
        assert con.execute(f"SELECT {identity.agent_id_sql('?')}", [key]).fetchone()[0] == identity.agent_id(key)


def test_the_whole_corpus_end_of_a_run_joins_a_surname_tagged_organisation_and_an_unknown_place(tmp_path):
    """A run this large a share of the corpus reads it whole at its end: the one-word rows it
    reads are picked in SQL there (their own key, an organisation only under a person's surname),
    and still join as the rules say (tests/store/test_identity.py reads only a run's words)."""
    from chronicle.store import Store as Corpus

    from .test_identity import article, ids_of

    with Corpus(tmp_path / "c.duckdb") as corpus:
        corpus.add([article(1, ("Marco Rubio", "person")), article(2, ("Rubio", "organisation")),
                    article(3, ("Acme", "organisation")), article(4, ("Zelenskyy", "place"))])
        early = ids_of(corpus)
        assert early["art-2"] != early["art-1"]  # one article about him is not enough
        corpus.add([article(n, ("Marco Rubio", "person"), ("Volodymyr Zelenskyy", "person")) for n in range(5, 13)])
        ids = ids_of(corpus)
        assert ids["art-2"] == ids["art-1"] == ids["art-5"]  # the organisation row is the person now
        assert ids["art-3"] == early["art-3"]  # no one's surname: left alone
        zelenskyy = corpus.connection.execute(
            "SELECT actor_id FROM article_actors WHERE name = 'Volodymyr Zelenskyy' LIMIT 1").fetchone()[0]
        assert ids["art-4"] == zelenskyy != early["art-4"]  # the place row is the person now


@pytest.mark.parametrize("named", [True, False])
def test_a_join_into_an_actor_without_counts_counts_it_as_a_recount_would(tmp_path, monkeypatch, named):
    """An actor inserted without counts (an aliases file's new name) that a join keeps has them
    afterwards, naming articles or not, as ``stats.refresh`` gave it."""
    def joined(path):
        store = Store(path)
        store.add([article(n, random.Random(n)) for n in range(6)])
        con = store.connection
        con.execute("INSERT INTO actors (id, key, name, kind) VALUES ('Anew', 'new|agent', 'New', 'person'), "
                    "('Agone', 'gone|agent', 'Gone', 'person')")
        drop = con.execute("SELECT min(id) FROM actors WHERE kind = 'person' AND n_articles > 0").fetchone()[0]
        identity.merge_many(con, {drop if named else "Agone": "Anew"}, reason="test")
        out = dump(con)
        store.close()
        return out

    new = joined(tmp_path / "new.duckdb")
    with monkeypatch.context() as m:
        the_old_way(m)
        old = joined(tmp_path / "old.duckdb")
    assert new == old
    assert [r for r in new["actors"] if r[0] == "Anew"][0][9:13] != (None,) * 4


# Forty-eight people: an article's joins then touch a few of its actors' rows, not all of them.
WIDE = tuple(f"{first} {last}" for first in ("Al", "Bea", "Cal", "Dee", "Eli", "Fay")
             for last in ("Ames", "Buck", "Cole", "Dunn", "Eng", "Ford", "Gale", "Hale"))


@pytest.mark.parametrize("seed", [7, 8, 9, 10])
def test_a_join_takes_again_only_the_rows_it_can_change_and_leaves_what_indexing_whole_articles_does(
        tmp_path, seed, monkeypatch):
    """``byactor.reindex_joined`` deletes and makes again the rows of the dropped and kept actors,
    of their event and quote partners and of their quotes' speakers; the articles' other rows stay
    (their row ids too), and the store is, row for row, what indexing the whole articles again
    gives, and what a full count and indexing give."""
    monkeypatch.setitem(globals(), "NAMES", WIDE)
    real, kept_rows = byactor.reindex_joined, []
    real_whole, real_settle, whole = byactor.reindex_articles, identity.settle_index, []

    def watched(con, articles, dropped, kept):
        # an article a batch of the run stored (indexed whole at its end) is not taken again by a join
        assert not set(articles) & set().union(*whole), "indexed both whole and by its joins"
        rows = "SELECT rowid FROM actor_records WHERE list_contains(?, article_id)"
        before = {r for (r,) in con.execute(rows, [list(articles)]).fetchall()}
        real(con, articles, dropped, kept)
        kept_rows.append(len(before & {r for (r,) in con.execute(rows, [list(articles)]).fetchall()}))

    def settle(con):
        whole.clear()
        real_settle(con)

    with monkeypatch.context() as m:
        m.setattr(byactor, "reindex_joined", watched)
        m.setattr(byactor, "reindex_articles", lambda con, articles, unindexed=(): (
            whole.append(set(articles) | set(unindexed)), real_whole(con, articles, unindexed)))
        m.setattr(identity, "settle_index", settle)
        new = run(tmp_path / "new.duckdb", seed)
    assert kept_rows and sum(kept_rows) > 0  # some rows of the joins' articles were not taken again
    with monkeypatch.context() as m:
        m.setattr(byactor, "reindex_joined", lambda con, articles, dropped, kept: byactor.reindex_articles(con, articles))
        whole = run(tmp_path / "whole.duckdb", seed)
    assert dump(new.connection) == dump(whole.connection)
    assert_counts_match(new.connection)
    new.close()
    whole.close()


def test_a_join_of_more_actors_than_read_one_by_one_indexes_its_articles_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(byactor, "JOINED_ACTORS_AT_MOST", 0)
    whole = []
    real = byactor._reindex_table
    # (a call with actors is reindex_joined's own: only theirs taken again)
    monkeypatch.setattr(byactor, "_reindex_table", lambda con, *a, **k: (whole.append(a), real(con, *a, **k)))
    store = run(tmp_path / "s.duckdb", 3)
    assert whole and not any(whole)  # every article indexed whole
    assert_counts_match(store.connection)
    store.close()


def test_a_join_leaves_each_article_s_record_as_it_was(tmp_path):
    """A join stores its articles' actors, quotes and events again (not updated in place): each
    article's record is rebuilt as before, its actors, quotes and events in their order."""
    rng = random.Random(11)
    store = Store(tmp_path / "s.duckdb")
    store.add([article(n, rng) for n in range(30)])
    con = store.connection
    before = {a: store.record(a) for (a,) in con.execute("SELECT id FROM articles").fetchall()}
    ids = [i for (i,) in con.execute("SELECT id FROM actors WHERE kind = 'person' ORDER BY id").fetchall()]
    identity.merge_many(con, dict(zip(ids[:4], ids[4:8])), reason="test")
    for article_id, record in before.items():
        assert store.record(article_id) == record
    store.close()


@pytest.mark.parametrize("seed", [1, 2])
def test_joins_of_more_articles_than_rewritten_update_them_in_place_to_the_same_store(tmp_path, seed, monkeypatch):
    new = run(tmp_path / "new.duckdb", seed)
    monkeypatch.setattr(identity, "REWRITE_ARTICLES_AT_MOST", 0)
    in_place = run(tmp_path / "in_place.duckdb", seed)
    assert dump(new.connection) == dump(in_place.connection)
    assert_counts_match(in_place.connection)
    new.close()
    in_place.close()


@pytest.mark.parametrize("seed", [12, 13])
def test_articles_a_killed_run_left_waiting_and_a_writer_without_resolution_indexed_are_indexed_once(tmp_path, seed):
    """The end of a run makes the index rows of its batches' articles without looking for old ones
    (they have none); a writer that indexes such an article itself (without resolution, after a
    resolving run was killed) takes it off the waiting lists, so the next end does not index it twice."""
    from chronicle.store.writer import Writer

    rng = random.Random(seed)
    store = Store(tmp_path / "s.duckdb")
    con = store.connection
    Writer(con).write([(article(n, rng), None) for n in range(12)])  # killed before its end
    assert con.execute("SELECT count(*) FROM meta WHERE starts_with(key, ?)", [identity.INDEX_BATCH_PREFIX]).fetchone()[0]
    Writer(con, resolve_actors=False).write([(article(n, rng, version=1), None) for n in (2, 5, 7)])
    writer = Writer(con)
    writer.write([(article(n, rng), None) for n in range(12, 16)])
    writer.finish()
    assert not con.execute("SELECT count(*) FROM meta WHERE starts_with(key, ?)", [identity.INDEX_BATCH_PREFIX]).fetchone()[0]
    kept = dump(con)
    assert con.execute("SELECT count(DISTINCT article_id) FROM actor_records").fetchone()[0] == 16
    byactor.fill(con)
    assert dump(con) == kept
    store.close()


def test_articles_a_killed_run_left_waiting_are_indexed_once_after_the_whole_index_is_made_again(tmp_path):
    """Indexing every article again (an upgrade's byactor.fill) indexes the waiting ones too: they
    wait no more, and the next end of a run does not index them twice."""
    from chronicle.store.writer import Writer

    rng = random.Random(14)
    store = Store(tmp_path / "s.duckdb")
    con = store.connection
    Writer(con).write([(article(n, rng), None) for n in range(10)])  # killed before its end
    byactor.fill(con)
    writer = Writer(con)
    writer.write([(article(n, rng), None) for n in range(10, 13)])
    writer.finish()
    kept = dump(con)
    byactor.fill(con)
    assert dump(con) == kept
    store.close()
