"""Version 15: a country is one actor per ISO code. A store written before extraction showed a
country by one name holds a country actor per name its articles used ("United States", "United
States of America", "America"); opened for writing by ``chronicle.Corpus`` it joins them into one,
as identity joins actors (old ids kept as aliases, rows moved, counts and index taken again), and
a part of a country ("Scotland") and an actor an analyst touched stay apart."""

from __future__ import annotations

import json

import duckdb
from typer.testing import CliRunner

from chronicle import Corpus
from chronicle.cli import app
from chronicle.records import Actor, Article, ArticleRecord, Event, Mention, Quote
from chronicle.store import Store, countries
from chronicle.store.writer import actor_id, actor_key

from .test_stats import assert_counts_match


def country_id(name: str, code: str) -> str:
    return actor_id(actor_key(name, "country", code))


def story(n: int, name: str, code: str, day: str = "2021-03-01") -> ArticleRecord:
    """An article naming the country ``name`` (shown so, as extraction before version 15 could show
    it), quoting it and making it an event's target, and naming a person."""
    text = f"{name} said on Monday, \u201cWe will help.\u201d Ana Ruiz thanked {name}."
    first, second = text.index(name), text.rindex(name)
    ruiz = text.index("Ana Ruiz")
    country = Actor("a1", name, "country", (Mention(first, first + len(name), name, "GPE"),
                                            Mention(second, second + len(name), name, "GPE")), country=code)
    person = Actor("a2", "Ana Ruiz", "person", (Mention(ruiz, ruiz + 8, "Ana Ruiz", "PERSON"),))
    quote_start = text.index("\u201c")
    quote_end = text.index("\u201d") + 1
    quote = Quote("q1", Mention(quote_start, quote_end, text[quote_start:quote_end]), "direct",
                  speaker=Mention(first, first + len(name), name), speaker_ids=("a1",))
    thanked = text.index("thanked")
    sentence = Mention(ruiz, len(text), text[ruiz:])
    event = Event("e1", "PRAISE", Mention(thanked, thanked + 7, "thanked"), sentence, source_ids=("a2",),
                  target_ids=("a1",))
    return ArticleRecord(Article(text, id=f"story-{n}", title=f"Story {n}", published=day), (country, person),
                         (quote,), (event,), (), pipeline={"chronicle": "test"})


OLDER = [("United States", "USA"), ("United States of America", "USA"), ("America", "USA"), ("America", "USA"),
         ("Britain", "GBR"), ("United Kingdom", "GBR"), ("Scotland", "GBR"), ("Kenya", "KEN")]


def older_store(path, stories=OLDER) -> None:
    """A store as version 14 wrote it, its country actors named as its articles named them."""
    with Store(path) as s:
        for n, (name, code) in enumerate(stories):  # one run each: stored in this order
            s.add([story(n, name, code, f"2021-03-{n + 1:02d}")])
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '14' WHERE key = 'schema_version'")
    con.close()


def countries_of(con) -> list[tuple]:
    return con.execute("SELECT id, name, country, n_articles, n_quotes, n_events FROM actors WHERE kind = 'country' "
                       "ORDER BY country, name").fetchall()


def test_an_older_store_has_one_actor_per_country_once_opened(tmp_path):
    path = tmp_path / "v14.duckdb"
    older_store(path)
    usa = {country_id(n, "USA") for n in ("United States", "United States of America", "America")}
    con = duckdb.connect(str(path), read_only=True)
    assert {r[0] for r in countries_of(con) if r[2] == "USA"} == usa  # three actors of one code before
    con.close()
    with Corpus(path) as c:
        con = c.connection
        assert not countries.pending(con)
        kept = country_id("United States", "USA")  # the id articles write now
        britain = country_id("Britain", "GBR")
        assert countries_of(con) == [
            (britain, "Britain", "GBR", 2, 2, 2), (country_id("Scotland", "GBR"), "Scotland", "GBR", 1, 1, 1),
            (country_id("Kenya", "KEN"), "Kenya", "KEN", 1, 1, 1), (kept, "United States", "USA", 4, 4, 4)]
        # the ids joined stay findable, and every row names the kept id
        assert {c.actor_id(i) for i in usa} == {kept}
        assert c.actor_id(country_id("United Kingdom", "GBR")) == britain
        assert con.execute("SELECT count(*) FROM article_actors WHERE list_contains(?, actor_id)",
                           [sorted(usa - {kept})]).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM quotes WHERE list_contains(speaker_ids, ?)", [kept]).fetchone()[0] == 4
        assert con.execute("SELECT count(*) FROM events WHERE list_contains(target_ids, ?)", [kept]).fetchone()[0] == 4
        assert_counts_match(con)  # counts on the actor rows and the per-actor index as indexing again gives
        # an article stored now (named as extraction names the country) lands on the same actor
        c.add([story(20, "United States", "USA", "2021-04-01")])
        assert [r for r in countries_of(con) if r[2] == "USA"] == [(kept, "United States", "USA", 5, 5, 5)]
    rows = json.loads(CliRunner().invoke(app, ["actors", "--kind", "country", "--db", str(path), "-f", "json"]).output)
    assert [(r["name"], r["articles"]) for r in rows if r["country"] == "USA"] == [("United States", 5)]


def test_opening_it_again_changes_nothing(tmp_path):
    path = tmp_path / "v14.duckdb"
    older_store(path)
    tables = ("actors", "actor_merges", "article_actors", "quotes", "events", "actor_records", "actor_tallies",
              "actor_words")

    def rows(con) -> dict:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}

    with Corpus(path) as c:
        first = rows(c.connection)
    assert len([r for r in first["actors"] if r[3] == "country"]) == 4
    with Corpus(path) as c:
        assert rows(c.connection) == first


def test_without_the_name_articles_write_now_the_first_stored_is_kept_and_named_so(tmp_path):
    """No actor has the id articles write now: the one stored first is kept, shown by the name
    extraction gives, and the id articles write now points to it (a new article lands on it)."""
    path = tmp_path / "v14.duckdb"
    older_store(path, [("America", "USA"), ("United States of America", "USA"), ("United States of America", "USA")])
    first = country_id("America", "USA")
    with Corpus(path) as c:
        assert [r[:4] for r in countries_of(c.connection)] == [(first, "United States", "USA", 3)]
        assert c.actor_id(country_id("United States", "USA")) == first
        c.add([story(9, "United States", "USA", "2021-05-01")])
        assert [r[:4] for r in countries_of(c.connection)] == [(first, "United States", "USA", 4)]
        assert_counts_match(c.connection)


def test_an_actor_an_analyst_touched_stays_apart(tmp_path):
    path = tmp_path / "v14.duckdb"
    older_store(path)
    renamed = country_id("America", "USA")
    with Store(path) as s:  # the analyst's decision, made before the upgrade
        s.rename_actor(renamed, "America (the continent)")
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '14' WHERE key = 'schema_version'")
    con.close()
    with Corpus(path) as c:
        usa = [r[:4] for r in countries_of(c.connection) if r[2] == "USA"]
        assert usa == [(renamed, "America (the continent)", "USA", 2), (country_id("United States", "USA"), "United States", "USA", 2)]
        assert c.actor_id(country_id("United States of America", "USA")) == country_id("United States", "USA")

