"""Version 9: the per-actor index (actor_records) finds the same pages and counts as reading the
quotes and events themselves, and stays so through merges, splits, replacements and re-sorting."""

from __future__ import annotations

import random
import re

import pytest

from chronicle.records import Actor, Article, ArticleRecord, Event, Mention, Quote
from chronicle.store import Store, actorwords, byactor, query
from chronicle.web import queries as web

from .test_stats import assert_index_matches

NAMES = ("Ana Ruiz", "Bo Chen", "Cy Diaz", "Di Evans")


def article(n: int, rng: random.Random) -> ArticleRecord:
    """An article naming some of NAMES, with quotes naming others inside them and events between them."""
    text, actors = "", []
    people = rng.sample(NAMES, rng.randint(2, 4))
    for i, name in enumerate(people):
        start = len(text)
        text += f"{name} spoke. "
        actors.append(Actor(f"a{i + 1}", name, "person", (Mention(start, start + len(name), name, "PERSON"),)))
    quotes, events = [], []
    for k in range(rng.randint(1, 3)):
        speaker, other = rng.sample(range(len(actors)), 2)
        start = len(text)
        text += f"\u201cI met {people[other]} today,\u201d said {people[speaker]}. "
        content = Mention(start, start + len(people[other]) + 16, text[start:start + len(people[other]) + 16])
        inner = Mention(start + 7, start + 7 + len(people[other]), people[other], "PERSON")
        actors[other] = Actor(actors[other].id, actors[other].name, "person", actors[other].mentions + (inner,))
        quotes.append(Quote(f"q{k + 1}", content, "direct", speaker_ids=(actors[speaker].id,)))
    for k in range(rng.randint(0, 3)):
        a, b = rng.sample(range(len(actors)), 2)
        trigger = Mention(0, 4, text[:4])
        events.append(Event(f"e{k + 1}", rng.choice(("ACCUSE", "MEET", "AGREE")), trigger, Mention(0, 10, text[:10]),
                            source_ids=(actors[a].id,), target_ids=(actors[b].id,),
                            status=rng.choice(("happened", "hypothetical"))))
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() > 0.1 else None
    return ArticleRecord(Article(text, id=f"art-{n:03d}", published=day), tuple(actors), tuple(quotes), tuple(events), ())


@pytest.fixture
def store(tmp_path):
    rng = random.Random(7)
    with Store(tmp_path / "s.duckdb") as s:
        s.add([article(n, rng) for n in range(60)])
        yield s


def by_scan(s: Store, table: str, where: query.Where) -> query.Where:
    """``where`` without the index: counted and paged by reading the table."""
    plain = query.Where()
    plain.terms, plain.params = list(where.terms), list(where.params)
    return plain


def test_index_pages_and_counts_are_the_table_s(store):
    con = store.connection
    ids = [r.id for r in store.actors(top=None)]
    for actor in ids[:3]:
        for order in ("asc", "desc"):
            where = query.quote_where(con, speaker_ids=[actor])
            assert where.keyed is not None and where.exact
            full = con.execute(*query.select_quotes(by_scan(store, "quotes", where), order=order)).fetchall()
            assert query.count(con, query.QUOTES, where) == len(full) > 0
            for offset in range(0, len(full), 4):
                page = con.execute(*query.select_quotes(where, order=order, limit=4, offset=offset)).fetchall()
                assert page == full[offset:offset + 4]
            for role in ("source_ids", "target_ids"):  # one role's events counted in the tallies
                for statuses in (query.DEFAULT_STATUSES, ("hypothetical",), None):
                    where = query.event_where(con, **{role: [actor]}, statuses=statuses)
                    assert where.keyed.tallied is not None
                    full = con.execute(*query.select_events(by_scan(store, "events", where), order=order)).fetchall()
                    assert query.count(con, query.EVENTS, where) == len(full)
            where = query.event_where(con, actor_ids=[actor], statuses=("happened",), type="ACCUSE")
            full = con.execute(*query.select_events(by_scan(store, "events", where), order=order)).fetchall()
            assert query.count(con, query.EVENTS, where) == len(full)
            for offset in range(0, max(1, len(full)), 3):
                page = con.execute(*query.select_events(where, order=order, limit=3, offset=offset)).fetchall()
                assert page == full[offset:offset + 3]
        whole = store.timeline(actor)
        assert [r for k in range(0, len(whole), 5) for r in store.timeline(actor, limit=5, offset=k)] == whole
        total = query.count_timeline(con, actor_ids=[actor])
        assert total == len(con.execute(*query.select_timeline(con, actor_ids=[actor])).fetchall())
    # a speaker by name: linked speakers from the index, unlinked ones by their text
    assert store.count_quotes("Ana Ruiz") == len(store.quotes("Ana Ruiz")) > 0
    assert [q for k in range(0, 40, 7) for q in store.quotes("Ruiz", limit=7, offset=k)] == store.quotes("Ruiz")


def test_the_actor_page_reads_the_index(store):
    con = store.connection
    actor = store.actors(top=1)[0].id
    page = web.actor_detail(con, actor)
    talks = {r["id"]: r["n"] for r in page["talks_about"]}
    expected = dict(con.execute(
        """SELECT m.actor_id, count(*) FROM quotes q JOIN mentions m
             ON m.article_id = q.article_id AND m.start >= q.content_start AND m."end" <= q.content_end
           WHERE list_contains(q.speaker_ids, ?) AND m.actor_id <> ? GROUP BY 1""", [actor, actor]).fetchall())
    assert talks == expected and talks
    by = {r["id"]: r["n"] for r in page["talked_about_by"]}
    assert by == dict(con.execute(
        """SELECT id, count(*) FROM (SELECT unnest(q.speaker_ids) AS id FROM mentions m JOIN quotes q
             ON q.article_id = m.article_id AND m.start >= q.content_start AND m."end" <= q.content_end
           WHERE m.actor_id = ?) WHERE id <> ? GROUP BY 1""", [actor, actor]).fetchall())
    mentions = dict(con.execute("SELECT article_id, count(*) FROM mentions WHERE actor_id = ? GROUP BY 1",
                                [actor]).fetchall())
    assert {a["id"]: a["mentions"] for a in page["articles"]} == {a: mentions[a] for a in
                                                                  [x["id"] for x in page["articles"]]}
    assert all(a["title"] is None or a["title"] for a in page["articles"])
    assert len(page["network"]["nodes"]) > 1


def test_the_index_follows_merges_splits_and_replacements_and_survives_sorting(store):
    con = store.connection
    (a, _), (b, b_name) = [(r.id, r.name) for r in store.actors(top=2)]
    store.merge_actors(a, b)
    assert_index_matches(con)
    assert store.quotes(speaker_ids=[b]) == []
    store.split_actor(a, b_name)
    assert_index_matches(con)
    rng = random.Random(8)
    store.add([article(n, rng) for n in range(50, 70)])  # ten of them new versions of stored articles
    assert_index_matches(con)
    before = store.quotes(speaker_ids=[a])
    assert byactor.compact(con, force=True) == ["actor_records", "word_articles", "actor_tallies", "actor_words",
                                                 "actor_vocab"]
    assert con.execute("SELECT value FROM meta WHERE key = 'sorted:actor_records'").fetchone()[0] == str(
        con.execute("SELECT count(*) FROM actor_records").fetchone()[0])
    assert store.quotes(speaker_ids=[a]) == before
    assert_index_matches(con)


def test_a_name_many_actors_share_is_looked_up_among_those_that_spoke_or_acted(store, monkeypatch):
    con = store.connection
    expected = (store.quotes("Ruiz"), store.count_quotes("Ruiz"), store.events("Chen", status="all"))
    silent = [("Ruiz Silent", f"s{k}") for k in range(5)]  # actors named so who never spoke or acted
    con.executemany("INSERT INTO actors (id, key, name, kind, n_quotes, n_events) VALUES (?, ?, ?, 'person', 0, 0)",
                    [(i, f"{n.lower()} {i}|person|", n) for n, i in silent])
    monkeypatch.setattr(query, "INLINE_IDS", 1)  # every name lookup takes the pruned path
    keyed = query.quote_where(con, speaker="Ruiz", match="substring").keyed
    assert keyed.ids and not set(keyed.ids) & {i for _, i in silent}
    assert (store.quotes("Ruiz"), store.count_quotes("Ruiz"), store.events("Chen", status="all")) == expected
    assert expected[1] > 0 and expected[2]


def test_fast_name_matches_and_counted_pages_give_the_straightforward_answers(store, monkeypatch):
    """Issue 18: a name matched only among the actors that spoke or acted, a key tested before it is
    split, a page's count taken in the pass that finds it, and search's actor list counted as its
    ids, each against the straightforward query."""
    con = store.connection
    silent = [("Ruiz Silent", f"s{k}") for k in range(3)]  # named so, never spoke or acted
    con.executemany("INSERT INTO actors (id, key, name, kind, n_quotes, n_events) VALUES (?, ?, ?, 'person', 0, 0)",
                    [(i, f"{n.lower()} {i}|person|", n) for n, i in silent])
    actorwords.touch(con, [i for _, i in silent])  # as every writer of actors does (the names index)
    actorwords.flush(con)
    every = con.execute("SELECT id, name, key, n_quotes, n_events FROM actors").fetchall()
    for name in ("Ruiz", "Ana Ruiz", "chen", "Bo", "Silent", "Nobody", "a1", every[0][0]):
        words = query.name_pattern(name)

        straight = {i for i, _, k, _, _ in every if re.search(words, k.split("|")[0]) or i == name}
        assert set(query.match_ids(con, name)) == straight
        low = name.lower()
        sub = {i for i, n, k, _, _ in every if low in n.lower() or low in k.split("|")[0]}
        exact = [i for i, *_ in every if i == name]
        assert set(query.match_ids(con, name, "substring")) == (set(exact) or sub)
        for active, counts in (("quotes", (3,)), ("events", (4,)), ("either", (3, 4))):
            kept = set(query.match_ids(con, name, active=active))
            assert kept == {i for i in straight if i == name or any(r[c] is None or r[c] > 0 for r in every
                                                                    if r[0] == i for c in counts)}
        # the pages by name equal those found among every matched actor, silent ones included
        fast = (store.timeline(name), store.quotes(name), store.count_quotes(name), store.events(name, status="all"),
                web.quotes(con, speaker=name).as_json(), web.events(con, actor=name, statuses=None).as_json())
        with monkeypatch.context() as m:
            m.setattr(query, "ACTIVE", {k: "TRUE" for k in query.ACTIVE})
            assert fast == (store.timeline(name), store.quotes(name), store.count_quotes(name),
                            store.events(name, status="all"), web.quotes(con, speaker=name).as_json(),
                            web.events(con, actor=name, statuses=None).as_json())
        for order in ("asc", "desc"):
            for offset in (0, 3):
                fast = web.quotes(con, speaker=name, limit=3, offset=offset, order=order)
                plain = web.quotes(con, speaker=name, limit=3, offset=offset, order=order, counted=False)
                where = query.quote_where(con, speaker=name, match="substring")
                assert fast.items == plain.items
                assert fast.total == con.execute(f"SELECT count(*) FROM quotes q WHERE {where.sql}",
                                                 where.params).fetchone()[0]
                ev = web.events(con, actor=name, limit=3, offset=offset, order=order, statuses=None)
                where = query.event_where(con, actor=name, match="substring")
                assert ev.total == con.execute(f"SELECT count(*) FROM events e WHERE {where.sql}",
                                               where.params).fetchone()[0]
                assert ev.items == web.events(con, actor=name, limit=3, offset=offset, order=order, statuses=None,
                                              counted=False).items
        found = web.actors(con, name=name, limit=2)
        sub_ids = set(exact) or sub
        ranked = con.execute(
            "SELECT id FROM actors WHERE list_contains(?::VARCHAR[], id) ORDER BY coalesce(n_articles, 0) DESC, "
            "coalesce(n_mentions, 0) DESC, name, id", [sorted(sub_ids)]).fetchall()
        assert found.total == len(sub_ids)
        assert [a.id for a in found.items] == [r[0] for r in ranked[:2]]
        for offset in (1, 5):  # later pages too, ranked and counted in one read
            later = web.actors(con, name=name, limit=2, offset=offset)
            assert later.total == len(sub_ids)
            assert [a.id for a in later.items] == [r[0] for r in ranked[offset:offset + 2]]


@pytest.mark.parametrize("per_group", [1, 4])
def test_first_pairs_are_the_distinct_query_s(store, monkeypatch, per_group):
    """Issue 18: a page's first (day, article) pairs found by a top-N of the index rows (growing
    until they hold the page) are those SELECT DISTINCT ... LIMIT finds, and so is the actor page's
    article list with its mentions summed."""
    monkeypatch.setattr(query, "ROWS_PER_GROUP", per_group)
    con = store.connection
    for actor in [r.id for r in store.actors(top=None)][:4]:
        for role in ("speaker", "article", "source"):
            sql, params = "SELECT day, article_id, n FROM actor_records WHERE actor_id = ? AND role = ?", [actor, role]
            for order in ("asc", "desc"):
                d = order.upper()
                for need in (1, 2, 5, 50):
                    assert query.first_pairs(con, sql, params, order, need) == con.execute(
                        f"SELECT DISTINCT day, article_id FROM ({sql}) ORDER BY day {d} NULLS LAST, article_id {d} "
                        "LIMIT ?", params + [need]).fetchall()
        for limit in (1, 3, 25):
            page = web.actor_detail(con, actor, limit=limit)["articles"]
            assert [(a["id"], a["published"], a["mentions"]) for a in page] == con.execute(
                "SELECT article_id, day, sum(n)::INTEGER FROM actor_records WHERE actor_id = ? AND role = 'article' "
                "GROUP BY ALL ORDER BY day DESC NULLS LAST, article_id LIMIT ?", [actor, limit]).fetchall()
        whole = store.timeline(actor)
        assert [r for k in range(0, len(whole), 5) for r in store.timeline(actor, limit=5, offset=k)] == whole


def spoken(n: int, rng: random.Random) -> ArticleRecord:
    """An article whose quotes have none, one or two linked speakers and a speaker text that names
    them, another actor, no one in particular, or nothing."""
    text, actors, quotes = "", [], []
    for i, name in enumerate(rng.sample(NAMES, 3)):
        start = len(text)
        text += f"{name} spoke. "
        actors.append(Actor(f"a{i + 1}", name, "person", (Mention(start, start + len(name), name, "PERSON"),)))
    for k in range(rng.randint(1, 4)):
        ids = tuple(a.id for a in rng.sample(actors, rng.choice((0, 1, 1, 2))))
        said = rng.choice(("Ana Ruiz", "Ruiz", "she", "two officials", "Bo Chen and Cy Diaz", None))
        start = len(text)
        text += f"\u201cWords {k},\u201d said {said or 'someone'}. "
        content = Mention(start + 1, start + 9, text[start + 1:start + 9])
        speaker = Mention(start + 17, start + 17 + len(said), said) if said else None
        quotes.append(Quote(f"q{k + 1}", content, "direct", speaker=speaker, speaker_ids=ids))
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() > 0.1 else None
    return ArticleRecord(Article(text, id=f"sp-{n:03d}", published=day), tuple(actors), tuple(quotes), (), ())


@pytest.mark.parametrize("inline", [64, 1])
def test_speakers_quotes_are_counted_from_their_said_tallies_as_a_plain_count(tmp_path, monkeypatch, inline):
    """Issue 18 (version 12): a count of speakers' quotes by name (linked speakers and speaker
    texts) or by ids, summed over the ``said`` tallies, equals counting the quotes themselves, with
    joint statements, texts naming someone else and quotes with no text; and through a merge."""
    monkeypatch.setattr(query, "INLINE_IDS", inline)
    rng = random.Random(5)
    with Store(tmp_path / "s.duckdb") as s:
        s.add([spoken(n, rng) for n in range(50)])
        con = s.connection
        ids = [r.id for r in s.actors(top=None)]

        def check():
            assert_index_matches(con)
            for name in ("Ruiz", "ruiz", "Ana", "Chen", "officials", "she", "o", "zz", ids[0]):
                for match in ("words", "substring"):
                    where = query.quote_where(con, speaker=name, match=match)
                    assert where.keyed._kept_count()
                    plain = con.execute(f"SELECT count(*) FROM quotes q WHERE {where.sql}", where.params).fetchone()[0]
                    assert query.count(con, query.QUOTES, where) == plain
                    if match == "substring":  # the web view's, counted in the pass that finds its page
                        assert web.quotes(con, speaker=name, limit=3).total == plain
            for k in range(1, len(ids) + 1):
                where = query.quote_where(con, speaker_ids=ids[:k])
                plain = con.execute(f"SELECT count(*) FROM quotes q WHERE {where.sql}", where.params).fetchone()[0]
                assert query.count(con, query.QUOTES, where) == plain > 0
            assert s.count_quotes("Ruiz") == len(s.quotes("Ruiz")) > 0

        check()
        s.merge_actors(ids[0], ids[1])
        check()


def test_pages_found_in_a_window_of_days_are_the_plain_ones(store, monkeypatch):
    """Issue 18 (version 13): a page of an actor's (or a speaker text's) newest or oldest records
    looked for first in the months its ``days`` tallies say hold it (widened when a filter leaves
    too few there, as the default statuses can) is the page found without a window; and so through
    a merge and a split."""
    con = store.connection
    cuts = []
    real = query.day_window

    def spied(*args, **kwargs):
        window = real(*args, **kwargs)
        if window is None:
            return None

        def cut(n):
            cuts.append(window(n))
            return cuts[-1]
        return cut

    def pages():
        out = []
        for actor in [r.id for r in store.actors(top=None)][:4]:
            for order in ("asc", "desc"):
                for limit, offset in ((1, 0), (3, 3), (7, 14), (50, 0)):  # first, next, deep and whole pages
                    out.append(web.quotes(con, speaker_ids=[actor], limit=limit, offset=offset, order=order).as_json())
                    for role in ("source_ids", "target_ids"):
                        for statuses in (query.DEFAULT_STATUSES, ("hypothetical",)):
                            out.append(web.events(con, **{role: [actor]}, statuses=statuses, limit=limit,
                                                  offset=offset, order=order).as_json())
                    out.append(web.events(con, actor=actor, type="ACCUSE", limit=limit, offset=offset,
                                          order=order).as_json())
                    out.append(web.timeline(con, actor_ids=[actor], limit=limit, offset=offset, order=order).as_json())
                    out.append(web.timeline(con, actor_ids=[actor], kind="quotes", limit=limit, offset=offset,
                                            order=order).as_json())
            for limit in (1, 3, 25):
                out.append(web.actor_detail(con, actor, limit=limit))
            out.append(store.timeline(actor, limit=4, offset=2))
        for name in ("Ruiz", "Chen", "i", "Bo"):
            for order in ("asc", "desc"):
                out.append(web.quotes(con, speaker=name, limit=4, offset=4, order=order).as_json())
                out.append(web.quotes(con, speaker=name, limit=4, order=order, counted=False).as_json())
        return out

    def both():
        with monkeypatch.context() as m:
            m.setattr(query, "day_window", spied)
            fast = pages()
        with monkeypatch.context() as m:
            m.setattr(query, "day_window", lambda *args, **kwargs: None)
            plain = pages()
        assert fast == plain

    both()
    assert any(c is not None for c in cuts) and None in cuts
    (a, _), (b, b_name) = [(r.id, r.name) for r in store.actors(top=2)]
    store.merge_actors(a, b)
    both()
    store.split_actor(a, b_name)
    both()


def test_a_window_too_narrow_is_widened_then_dropped(store):
    """first_rows with a window holding fewer pairs than asked (a filter the tallies do not count)
    tries a wider one, then none: its rows are always those found without a window."""
    con = store.connection
    actor = store.actors(top=1)[0].id
    sql, params = "SELECT day, article_id, n FROM actor_records WHERE actor_id = ? AND role = ?", [actor, "article"]
    asked = []

    def narrow(n):  # a window of the last day only, however many pairs are asked for
        asked.append(n)
        return (">=", con.execute("SELECT max(day) FROM actor_records WHERE actor_id = ?", [actor]).fetchone()[0])

    for need in (1, 2, 6, 40):
        for whole in (False, True):
            plain = query.first_rows(con, sql, params, "desc", need, columns="day, article_id, n", whole=whole)
            asked.clear()
            assert query.first_rows(con, sql, params, "desc", need, columns="day, article_id, n", whole=whole,
                                    window=lambda n: narrow(n) if n < 8 * need * 8 else None) == plain
            assert asked[:2] == [need, 8 * need][:len(asked[:2])]


def test_pages_named_by_lookups_are_the_joined_ones(store):
    """Issue 18: the web's quote and event pages name their actors and titles by lookups of the
    page's ids as constants (``named=False``), giving what the SQL join gives (``named=True``):
    names sorted and comma-joined, the text when no actor is named, a missing article's title None."""
    con = store.connection
    ids = [r.id for r in store.actors(top=None)]
    con.execute("INSERT INTO actors (id, key, name, kind) VALUES ('Zsame', 'ana ruiz|agent', 'Ana Ruiz', 'person')")
    con.execute("UPDATE quotes SET speaker_ids = list_append(speaker_ids, 'Zsame') WHERE id = 'q1' AND article_id < 'art-010'")
    con.execute("UPDATE events SET target_ids = list_append(target_ids, 'Zgone') WHERE id = 'e1'")
    con.execute("DELETE FROM articles WHERE id = 'art-003'")  # a page's article gone: its title is None

    def filled(rows, keys):
        named = web.names(con, {i for r in rows for k, _ in keys for i in r[k] or ()})
        titles = web._titles(con, {r["article_id"] for r in rows})
        for r in rows:
            for k, text in keys:
                r[k.replace("_ids", "") if k != "speaker_ids" else "speaker"] = query.named_or(named, r[k], r[text])
            r["title"] = titles.get(r["article_id"])
        return rows

    for order in ("asc", "desc"):
        for where in (query.quote_where(con), query.quote_where(con, speaker_ids=ids[:2]),
                      query.quote_where(con, speaker="Ruiz", match="substring")):
            joined = web._rows(con, *query.select_quotes(where, order=order, limit=40, ids=True))
            looked = web._rows(con, *query.select_quotes(where, order=order, limit=40, ids=True, named=False))
            assert filled(looked, [("speaker_ids", "speaker_text")]) == joined and joined
        for where in (query.event_where(con), query.event_where(con, actor_ids=ids[:1])):
            joined = web._rows(con, *query.select_events(where, order=order, limit=40, ids=True))
            looked = web._rows(con, *query.select_events(where, order=order, limit=40, ids=True, named=False))
            assert filled(looked, [("source_ids", "source_text"), ("target_ids", "target_text")]) == joined and joined


def test_an_article_search_page_from_the_newest_days_is_the_plain_one(store, monkeypatch):
    """Issue 18: an article search counts its matches in the word index alone and finds its page
    among the newest articles (a window of days, widened while it holds too few matches), giving
    the page and count reading every match gives."""
    con = store.connection
    windowed = []
    real = web._newest_with_words

    def spied(*args, **kwargs):
        found = real(*args, **kwargs)
        windowed.append(found is not None)
        return found

    def pages():
        return [web.articles(con, q=q, limit=limit, offset=offset).as_json()
                for q in ("spoke", "met today", "ruiz", "sp", "chen spoke", "zz", "i")
                for limit, offset in ((1, 0), (3, 0), (3, 6), (10, 20), (50, 0), (5, 58))]

    monkeypatch.setattr(web, "_newest_with_words", spied)
    fast = pages()
    assert any(windowed) and not all(windowed)
    monkeypatch.setattr(web, "_newest_with_words", lambda *args, **kwargs: None)
    assert pages() == fast
    assert any(p["total"] for p in fast)


def test_one_actor_s_timeline_is_counted_from_kept_counts(store):
    """Issue 18 (version 13): one actor's timeline count (quotes kept on their row, events as a
    source plus as a target less those they are both of, by status) is the number of rows the
    timeline has, with events an actor is both a source and a target of; and through a merge."""
    con = store.connection
    text = "Ana Ruiz and Bo Chen spoke. "
    people = (Actor("a1", "Ana Ruiz", "person", (Mention(0, 8, "Ana Ruiz", "PERSON"),)),
              Actor("a2", "Bo Chen", "person", (Mention(13, 20, "Bo Chen", "PERSON"),)))
    trigger = Mention(21, 26, "spoke")
    both = [Event(f"e{k}", "MEET", trigger, Mention(0, 27, text), source_ids=("a1",), target_ids=("a1", "a2"),
                  status=status) for k, status in enumerate(("happened", "hypothetical", "happened"))]
    store.add([ArticleRecord(Article(text, id=f"both-{k}", published=f"2024-0{k + 1}-15"), people, (), tuple(both), ())
               for k in range(3)])
    assert con.execute("SELECT count(*) FROM actor_tallies WHERE kind = 'records' AND key = 'both'").fetchone()[0]

    def check():
        assert_index_matches(con)
        for actor in [r.id for r in store.actors(top=None)][:6]:
            for kind in ("all", "quotes", "events"):
                for statuses in (query.DEFAULT_STATUSES, None, ("hypothetical",), ()):
                    rows = con.execute(*query.select_timeline(con, actor_ids=[actor], kind=kind,
                                                              statuses=statuses)).fetchall()
                    assert query.count_timeline(con, actor_ids=[actor], kind=kind, statuses=statuses) == len(rows)

    from .test_stats import assert_index_matches

    check()
    (a, _), (b, _) = [(r.id, r.name) for r in store.actors(top=2)]
    store.merge_actors(a, b)
    check()


def _index_tables(con) -> dict[str, list[tuple]]:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("actor_records", "actor_tallies")}


@pytest.mark.parametrize("chunk", [1, 7, 25, 59, 60, 1000])
def test_a_fill_by_ranges_of_articles_gives_the_rows_of_one_pass(store, chunk):
    """A full pass done a range of articles at a time (bounded memory at 1M articles) stores exactly
    the rows and tallies that one statement over every article stores, and the index kept at ingest."""
    con = store.connection
    byactor.fill(con, chunk=0)
    assert byactor.article_ranges(con, 0) == [("TRUE", {})]
    whole = _index_tables(con)
    assert whole["actor_records"] and whole["actor_tallies"]
    ranges = byactor.article_ranges(con, chunk)
    assert len(ranges) == max(1, -(-60 // chunk)) and "fill_low" not in ranges[0][1] and "fill_high" not in ranges[-1][1]
    # every stored article in exactly one range
    seen = [r[0] for where, params in ranges for r in con.execute(
        f"SELECT article_id FROM article_numbers WHERE {where}", params).fetchall()]
    assert sorted(seen) == sorted(r[0] for r in con.execute("SELECT id FROM articles").fetchall())
    byactor.fill(con, chunk=chunk)
    assert _index_tables(con) == whole
    assert_index_matches(con)
    # the upgrades' passes too: the speaker texts, the ``said``, ``days`` and ``both`` tallies
    byactor.fill_texts(con, chunk=chunk)
    assert _index_tables(con) == whole
    byactor.fill_said(con, chunk=chunk)
    byactor.fill_days(con, chunk=chunk)
    byactor.compact(con, force=True, tables=("actor_tallies",))
    assert _index_tables(con) == whole


def _network_in_python(con, actor_id: str, talks_about: list[dict], talked_about_by: list[dict], size: int = 12):
    """The network's nodes and links as the page once ranked them: every event partner fetched."""
    weight: dict[str, int] = {}
    kinds: dict[str, set[str]] = {}
    for i, n in con.execute("SELECT key, sum(n)::BIGINT FROM actor_tallies WHERE actor_id = ? AND kind IN "
                            "('source', 'target') AND key <> ? GROUP BY 1 HAVING sum(n) > 0", [actor_id, actor_id]).fetchall():
        weight[i] = weight.get(i, 0) + n
        kinds.setdefault(i, set()).add("event")
    for r in talks_about + talked_about_by:
        weight[r["id"]] = weight.get(r["id"], 0) + r["n"]
        kinds.setdefault(r["id"], set()).add("quote")
    top = sorted(weight, key=lambda i: (-weight[i], i))[:size]
    return ([(i, weight[i]) for i in top],
            [(i, weight[i], "event" if "event" in kinds[i] else "quote") for i in top])


@pytest.mark.parametrize("size", [1, 2, 12])
def test_the_network_ranked_in_sql_is_the_python_ranking(store, size):
    con = store.connection
    rng = random.Random(9)
    store.add([article(n, rng) for n in range(60, 120)])
    for row in store.actors(top=None):
        detail = web.actor_detail(con, row.id)
        about, by = detail["talks_about"], detail["talked_about_by"]
        got = web.actor_network(con, row.id, about, by, size=size)
        nodes, links = _network_in_python(con, row.id, about, by, size)
        assert [(n["id"], n["weight"]) for n in got["nodes"][1:]] == nodes
        assert [(x["target"], x["weight"], x["kind"]) for x in got["links"][:len(links)]] == links
        assert got["nodes"][0]["weight"] == sum(w for _, w in nodes)
        pairs = con.execute(
            "SELECT least(actor_id, key), greatest(actor_id, key), sum(n)::BIGINT FROM actor_tallies WHERE "
            "list_contains(?::VARCHAR[], actor_id) AND kind = 'source' AND list_contains(?::VARCHAR[], key) AND "
            "actor_id <> key GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2", [[i for i, _ in nodes]] * 2).fetchall()
        assert [(x["source"], x["target"], x["weight"]) for x in got["links"][len(links):]] == (pairs if size > 1 else [])


def test_a_resolving_runs_index_waits_for_its_end(tmp_path, monkeypatch):
    """A resolving batch leaves its articles' per-actor index to the end of the run (the joins
    there would move its rows again); a run killed before its end leaves it to the next run's end,
    and a long run makes it once INDEX_AT_ONCE articles wait."""
    from chronicle.store import Store, writer as writer_module
    from chronicle.store.writer import Writer

    from .conftest import record_1, record_2
    from .test_stats import assert_index_matches

    rows = "SELECT count(*) FROM actor_records WHERE article_id = ?"
    with Store(tmp_path / "c.duckdb") as store:
        con = store.connection
        first, second = record_1(), record_2()
        Writer(con).write([(first, None)])  # a run killed before its end
        assert con.execute(rows, [first.article.id]).fetchone() == (0,)
        assert_index_matches(con)  # every other article's rows, none of a waiting one
        writer = Writer(con)
        writer.write([(second, None)])
        writer.finish()
        assert con.execute(rows, [first.article.id]).fetchone()[0] > 0  # the next run's end
        assert con.execute(rows, [second.article.id]).fetchone()[0] > 0
        assert con.execute("SELECT count(*) FROM meta WHERE starts_with(key, 'index_pending:')").fetchone() == (0,)
        assert_index_matches(con)
    monkeypatch.setattr(writer_module, "INDEX_AT_ONCE", 1)
    with Store(tmp_path / "d.duckdb") as store:
        con = store.connection
        Writer(con).write([(record_1(), None)])  # one article waits: made now
        assert con.execute(rows, [record_1().article.id]).fetchone()[0] > 0
        assert_index_matches(con)
