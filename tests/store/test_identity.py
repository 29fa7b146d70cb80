"""Corpus-wide actor identity: variants join, surnames join when unambiguous, ids stay put."""

from __future__ import annotations

import pytest

from chronicle.records import Actor, Article, ArticleRecord, Mention, Quote
from chronicle.store import Store as Corpus
from chronicle.store.identity import agent_id, merge, merge_many

from .test_stats import assert_counts_match


def article(n: int, *people: tuple, published: str = "2022-03-01") -> ArticleRecord:
    """An article naming each (name, kind[, country][, mention texts]) once, with a quote by the first."""
    text, actors = "", []
    for i, spec in enumerate(people):
        name, kind = spec[0], spec[1]
        country = spec[2] if len(spec) > 2 else None
        extra = spec[3] if len(spec) > 3 else ()
        mentions = []
        for written in (name, *extra):
            start = len(text)
            text += written + " spoke. "
            mentions.append(Mention(start, start + len(written), written, "PERSON" if kind == "person" else "ORG"))
        actors.append(Actor(f"a{i + 1}", name, kind, tuple(mentions), country=country))
    quote = Quote("q1", actors[0].mentions[0], "indirect", speaker=actors[0].mentions[0], speaker_ids=("a1",))
    return ArticleRecord(Article(text, id=f"art-{n}", published=published), tuple(actors), (quote,), (), ())


def ids_of(corpus: Corpus) -> dict[str, str]:
    """Article id → the corpus id of its first actor."""
    return dict(corpus.connection.execute(
        "SELECT article_id, actor_id FROM article_actors WHERE local_id = 'a1'").fetchall())


@pytest.fixture(autouse=True)
def runs_read_their_words_only(monkeypatch):
    # Each add() is a run, whose end here reads only the people of its words: the small corpora of
    # these tests would otherwise be read whole (RUN_SHARE_READ_WHOLE), and the rules must give the
    # same joins either way. Other test modules (ingest, faults, goldens) take the whole-corpus path.
    from chronicle.store import identity

    monkeypatch.setattr(identity, "RUN_SHARE_READ_WHOLE", 2.0)


@pytest.fixture
def corpus(tmp_path):
    with Corpus(tmp_path / "c.duckdb") as c:
        yield c
        assert_counts_match(c.connection)  # merges, splits and adoptions keep every actor's counts


def test_name_variants_are_one_actor(corpus):
    corpus.add([
        article(1, ("Antony J. Blinken", "person")),
        article(2, ("Secretary of State Antony Blinken", "person")),
        article(3, ("ANTONY J. BLINKEN", "person")),
        article(4, ("Blinken’s", "person")),
        article(5, ("SECRETARY BLINKEN", "person")),
    ])
    assert len(set(ids_of(corpus).values())) == 1
    assert corpus.connection.execute("SELECT name, kind FROM actors").fetchall() == [("Antony J. Blinken", "person")]


def test_quotes_and_mentions_carry_the_resolved_id(corpus):
    corpus.add([article(1, ("Ned Price", "person")), article(2, ("MR PRICE", "person"))])
    speakers = {r[0] for r in corpus.connection.execute("SELECT speaker_ids[1] FROM quotes").fetchall()}
    mentions = {r[0] for r in corpus.connection.execute("SELECT actor_id FROM mentions").fetchall()}
    assert speakers == mentions == {agent_id("ned price")}


def test_a_surname_stored_first_is_adopted_by_the_full_name(corpus):
    corpus.add([article(1, ("Blinken", "person"))])
    first = ids_of(corpus)["art-1"]
    corpus.add([article(2, ("Antony J. Blinken", "person")), article(3, ("Blinken", "person"))])
    assert set(ids_of(corpus).values()) == {first}  # the id given first never changes
    assert corpus.connection.execute("SELECT name FROM actors").fetchall() == [("Antony J. Blinken",)]


def test_an_ambiguous_surname_stays_apart(corpus):
    corpus.add([
        article(1, ("Hillary Clinton", "person")), article(2, ("Bill Clinton", "person")),
        article(3, ("Clinton", "person")),
    ])
    ids = ids_of(corpus)
    assert len({ids["art-1"], ids["art-2"], ids["art-3"]}) == 3


def test_a_dominant_namesake_takes_the_surname(corpus):
    corpus.add([article(i, ("Hillary Clinton", "person")) for i in range(1, 9)])
    corpus.add([article(9, ("Bill Clinton", "person")), article(10, ("Clinton", "person"))])
    ids = ids_of(corpus)
    assert ids["art-10"] == ids["art-1"] != ids["art-9"]


def test_a_surname_of_another_country_is_not_joined(corpus):
    corpus.add([article(1, ("Miriam Otieno", "person", "KEN")), article(2, ("Otieno", "person", "UGA"))])
    ids = ids_of(corpus)
    assert ids["art-1"] != ids["art-2"]


def test_person_and_organisation_are_one_actor_whose_kind_the_votes_decide(corpus):
    corpus.add([article(1, ("Blinken", "organisation"))])
    corpus.add([article(i, ("Blinken", "person")) for i in (2, 3)])
    assert len(set(ids_of(corpus).values())) == 1
    assert corpus.connection.execute("SELECT kind FROM actors").fetchall() == [("person",)]


def test_country_codes_do_not_split_a_person(corpus):
    corpus.add([article(1, ("Hillary Clinton", "person", "USA")), article(2, ("Hillary Clinton", "person"))])
    assert len(set(ids_of(corpus).values())) == 1


def test_organisation_variants_and_acronyms(corpus):
    corpus.add([
        article(1, ("State Department", "organisation")),
        article(2, ("U.S. Department of State", "organisation")),
        article(3, ("UN", "organisation")),  # stored before anything ties it to a full name
        article(4, ("United Nations", "organisation", None, ("UN",))),
        article(5, ("UN", "organisation")),
    ])
    ids = ids_of(corpus)
    assert ids["art-1"] == ids["art-2"]
    assert ids["art-3"] == ids["art-4"] == ids["art-5"]
    un = ids["art-4"]
    assert corpus.connection.execute("SELECT name FROM actors WHERE id = ?", [un]).fetchone() == ("United Nations",)
    old = corpus.connection.execute("SELECT old_id, new_id FROM actor_merges").fetchall()
    assert old in ([(agent_id("un"), un)], [])  # the acronym actor's id stays findable when it was merged


def test_merge_moves_every_row_and_keeps_the_old_id(corpus):
    corpus.add([article(1, ("Netanyahu", "person")), article(2, ("Bibi", "person"))])
    keep, drop = ids_of(corpus)["art-1"], ids_of(corpus)["art-2"]
    assert keep != drop
    merge(corpus.connection, keep, drop, reason="test")
    assert set(ids_of(corpus).values()) == {keep}
    assert {r[0] for r in corpus.connection.execute("SELECT speaker_ids[1] FROM quotes").fetchall()} == {keep}
    assert corpus.connection.execute("SELECT old_id, new_id FROM actor_merges").fetchall() == [(drop, keep)]
    corpus.add([article(3, ("Bibi", "person"))])  # the merged name keeps coming to the kept actor
    assert ids_of(corpus)["art-3"] == keep


def test_many_joins_at_once_follow_chains_and_add_the_votes(corpus):
    corpus.add([article(1, ("Ana Ruiz", "person")), article(2, ("Bo Chen", "person")),
                article(3, ("Cy Park", "person"))])
    ids = ids_of(corpus)
    a, b, c = ids["art-1"], ids["art-2"], ids["art-3"]
    assert len({a, b, c}) == 3
    kept = merge_many(corpus.connection, {a: b, b: c}, reason="test")  # a → b → c
    assert kept == [c]
    assert set(ids_of(corpus).values()) == {c}
    assert {r[0] for r in corpus.connection.execute("SELECT speaker_ids[1] FROM quotes").fetchall()} == {c}
    assert sorted(corpus.connection.execute("SELECT old_id, new_id FROM actor_merges").fetchall()) == sorted(
        [(a, c), (b, c)])
    assert corpus.connection.execute("SELECT count(*), sum(n_person) FROM actors").fetchone() == (1, 3)
    assert merge_many(corpus.connection, {c: c}) == []  # a join with itself does nothing


def test_re_adding_and_replacing_never_duplicates(corpus):
    records = [article(1, ("Antony J. Blinken", "person")), article(2, ("Blinken", "person"))]
    corpus.add(records)
    before = corpus.connection.execute("SELECT id, name, kind, n_person FROM actors").fetchall()
    corpus.add(records)
    assert corpus.connection.execute("SELECT id, name, kind, n_person FROM actors").fetchall() == before


# -- an analyst's corrections -----------------------------------------------------


def test_an_analyst_merge_is_followed_by_later_ingests(corpus):
    corpus.add([article(1, ("Benjamin Netanyahu", "person")), article(2, ("Bibi Netanyahu", "person"))])
    ids = ids_of(corpus)
    kept = corpus.merge_actors(ids["art-1"], ids["art-2"])
    assert corpus.actor_id(ids["art-2"]) == kept == ids["art-1"]
    corpus.add([article(3, ("Bibi Netanyahu", "person"))])
    assert set(ids_of(corpus).values()) == {kept}


def test_a_surname_actor_is_merged_once_the_corpus_shows_who_it_is(corpus):
    corpus.add([article(1, ("Blinken", "person"))])
    corpus.add([article(2, ("Tony Blinken", "person"))])  # a nickname: no adoption
    surname_actor = ids_of(corpus)["art-1"]
    corpus.add([article(i, ("Antony J. Blinken", "person")) for i in range(3, 8)])
    corpus.add([article(8, ("Blinken", "person"))])
    ids = ids_of(corpus)
    assert len(set(ids.values())) == 1  # the nickname joins by its key, the surname by the corpus
    assert corpus.actor_id(surname_actor) == ids["art-8"]


def test_a_full_name_does_not_adopt_an_organisation_named_like_its_last_word(corpus):
    corpus.add([article(1, ("State", "organisation")), article(2, ("Rakhine State", "person"))])
    ids = ids_of(corpus)
    assert ids["art-1"] != ids["art-2"]
    assert corpus.connection.execute("SELECT name FROM actors WHERE id = ?", [ids["art-1"]]).fetchone() == ("State",)


def test_split_moves_one_written_name_out_and_keeps_it_out(corpus):
    corpus.add([article(i, ("Antony J. Blinken", "person")) for i in (1, 2)])
    corpus.add([article(3, ("Donald Blinken", "person")), article(4, ("Blinken", "person"))])
    blinken = ids_of(corpus)["art-1"]
    # a wrong merge an analyst wants undone: say ingest had joined them
    corpus.merge_actors(blinken, ids_of(corpus)["art-3"])
    assert ids_of(corpus)["art-3"] == blinken
    new = corpus.split_actor(blinken, "Donald Blinken")
    ids = ids_of(corpus)
    assert ids["art-3"] == new != blinken and ids["art-1"] == blinken
    assert corpus.connection.execute("SELECT speaker_ids FROM quotes WHERE article_id = 'art-3'").fetchone() == ([new],)
    corpus.add([article(5, ("Donald Blinken", "person"))])
    assert ids_of(corpus)["art-5"] == new


def test_rename_and_external_id_survive_a_re_extraction(corpus):
    corpus.add([article(1, ("Ned Price", "person"))])
    price = ids_of(corpus)["art-1"]
    corpus.rename_actor(price, "Ned Price (State Department)")
    corpus.set_external_id(price, "Q28913867")
    corpus.add([article(2, ("Ned Price", "person"))])
    assert corpus.connection.execute("SELECT name, external_id FROM actors WHERE id = ?", [price]).fetchone() == (
        "Ned Price (State Department)", "Q28913867")


def test_an_aliases_file_joins_names_and_merges_what_was_stored_apart(corpus, tmp_path):
    corpus.add([article(1, ("Benjamin Netanyahu", "person")), article(2, ("Bibi", "person"))])
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,actor,external_id\n# nicknames and spellings\nBibi,Benjamin Netanyahu,Q43723\n"
                       "MBS,Mohammed bin Salman\n", encoding="utf-8")
    assert corpus.apply_aliases(aliases) == 2
    ids = ids_of(corpus)
    assert ids["art-1"] == ids["art-2"]
    assert corpus.connection.execute("SELECT external_id FROM actors WHERE id = ?", [ids["art-1"]]).fetchone() == ("Q43723",)
    corpus.add([article(3, ("Mohammed bin Salman", "person")), article(4, ("MBS", "person"))])
    ids = ids_of(corpus)
    assert ids["art-3"] == ids["art-4"]
    assert corpus.apply_aliases(aliases) == 0  # applying it again changes nothing


def test_bad_ids_and_files_are_clear_errors(corpus, tmp_path):
    from chronicle.errors import CorpusError

    with pytest.raises(CorpusError, match="no actor"):
        corpus.rename_actor("Anope", "x")
    bad = tmp_path / "bad.tsv"
    bad.write_text("Zelensky\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="needs an alias and an actor"):
        corpus.apply_aliases(bad)


def test_a_titled_name_tagged_as_an_organisation_is_the_person(corpus):
    corpus.add([article(i, ("Spokesperson Ned Price", "organisation")) for i in (1, 2, 3)])
    corpus.add([article(4, ("Ned Price", "person"))])
    assert len(set(ids_of(corpus).values())) == 1
    assert corpus.connection.execute("SELECT name, kind FROM actors").fetchall() == [("Ned Price", "person")]


def test_replacing_an_article_takes_back_only_people_and_organisations_votes(corpus):
    from chronicle.store.writer import Writer

    record = article(1, ("Ned Price", "person"), ("Kenya", "country", "KEN"))
    corpus.add([record])
    before = corpus.connection.execute("SELECT id, kind, n_person, n_organisation FROM actors ORDER BY id").fetchall()
    Writer(corpus.connection).write([(record, None)], replace=[record.article.id])
    assert corpus.connection.execute("SELECT id, kind, n_person, n_organisation FROM actors ORDER BY id").fetchall() == before


def test_party_members_adjective_and_other_names_are_the_party(corpus):
    from chronicle.store.writer import Writer

    corpus.add([
        article(1, ("Republicans", "group"), ("Democratic Party", "organisation")),
        article(2, ("GOP", "organisation"), ("Democrats", "group")),
        article(3, ("Republican", "group", "USA"), ("Republican Party", "organisation")),
    ])
    rows = corpus.connection.execute("SELECT name, kind, n_organisation FROM actors ORDER BY name").fetchall()
    assert rows == [("Democratic Party", "organisation", 2), ("Republican Party", "organisation", 4)]
    # An article's own rows keep what it wrote, and a replaced article takes its votes back.
    written = {r[0] for r in corpus.connection.execute("SELECT name FROM article_actors").fetchall()}
    assert {"Republicans", "GOP", "Democrats", "Republican"} <= written
    record = article(2, ("GOP", "organisation"), ("Democrats", "group"))
    Writer(corpus.connection).write([(record, None)], replace=[record.article.id])
    assert corpus.connection.execute("SELECT name, kind, n_organisation FROM actors ORDER BY name").fetchall() == rows


def test_a_party_form_of_another_country_stays_a_group(corpus):
    corpus.add([article(1, ("Republicans", "group", "IRL"))])
    assert corpus.connection.execute("SELECT name, kind FROM actors").fetchall() == [("Republicans", "group")]



@pytest.mark.parametrize(
    "full,short",
    [
        ("Linda Thomas-Greenfield", "Thomas-Greenfield"),  # a hyphenated surname is one surname
        ("Jean-Yves Le Drian", "Le Drian"),  # a surname with its particle
        ("Xi Jinping", "Xi"),  # a family name written first
        ("Volodymyr Zelenskyy", "Zelensky"),  # a transliteration
        ("Hillary Clinton", "Hillary Rodham Clinton"),  # a middle name
    ],
)
def test_surname_and_spelling_forms_join_the_full_name(corpus, full, short):
    corpus.add([article(1, (full, "person")), article(2, (short, "person"))])
    assert len(set(ids_of(corpus).values())) == 1


def test_a_person_or_acronym_tagged_as_a_place_is_the_actor_the_corpus_knows(corpus):
    corpus.add([
        article(1, ("Barack Obama", "person"), ("European Union", "organisation", None, ("EU",))),
        article(2, ("Barack Obama", "place"), ("E.U.", "place"), ("Austin", "place"), ("New York", "place")),
    ])
    rows = dict(corpus.connection.execute(
        "SELECT aa.name, a.kind FROM article_actors aa JOIN actors a ON a.id = aa.actor_id "
        "WHERE aa.article_id = 'art-2'").fetchall())
    assert rows == {"Barack Obama": "person", "E.U.": "organisation", "Austin": "place", "New York": "place"}
    names = {r[0] for r in corpus.connection.execute("SELECT name FROM actors").fetchall()}
    assert "E.U." not in names and names >= {"Barack Obama", "European Union", "Austin", "New York"}


def test_a_surname_tagged_as_a_place_the_gazetteer_does_not_know_is_the_person(corpus):
    from dataclasses import replace

    from chronicle.records import Geo

    corpus.add([article(n, ("Lloyd Austin", "person"), ("Antony Blinken", "person")) for n in range(1, 4)])
    record = article(4, ("Blinken", "place"), ("Austin", "place"), ("Zyx", "place"))
    austin = Geo("Austin", "city", 30.27, -97.74, 1, country="USA", admin1="Texas", geonames_id=4671654)
    record = replace(record, actors=tuple(replace(a, geo=austin) if a.name == "Austin" else a for a in record.actors))
    corpus.add([record])
    kinds = dict(corpus.connection.execute(
        "SELECT aa.name, a.kind FROM article_actors aa JOIN actors a ON a.id = aa.actor_id "
        "WHERE aa.article_id = 'art-4'").fetchall())
    assert kinds == {"Blinken": "person", "Austin": "place", "Zyx": "place"}  # the gazetteer's Austin stays a city


def test_a_surname_tagged_as_a_little_foreign_place_is_the_person(corpus):
    """"Obama" matched to the only Obama the gazetteer has (a Japanese town) in an article whose other
    places are all American is the person the corpus knows; where the article names Japan it stays the
    town, and a well-known place ("Austin", the gazetteer's prior) stays a place."""
    from dataclasses import replace

    from chronicle.records import Geo

    corpus.add([article(n, ("Barack Obama", "person"), ("Lloyd Austin", "person")) for n in range(1, 4)])
    geos = {"Obama": Geo("Obama", "city", 35.5, 135.7, 1, country="JPN", admin1="JP.06", rule="only"),
            "Austin": Geo("Austin", "city", 30.27, -97.74, 1, country="USA", admin1="Texas", rule="prior"),
            "Boston": Geo("Boston", "city", 42.36, -71.06, 1, country="USA", admin1="Massachusetts", rule="prior"),
            "Japan": Geo("Japan", "country", 35.7, 139.7, 3, country="JPN", rule="prior")}

    def placed(record):
        return replace(record, actors=tuple(replace(a, geo=geos.get(a.name)) for a in record.actors))

    corpus.add([placed(article(4, ("Obama", "place", "JPN"), ("Austin", "place", "USA"), ("Boston", "place", "USA"))),
                placed(article(5, ("Obama", "place", "JPN"), ("Japan", "country", "JPN"), ("Boston", "place", "USA")))])
    kinds = dict(corpus.connection.execute(
        "SELECT aa.article_id || ' ' || aa.name, a.kind FROM article_actors aa JOIN actors a ON a.id = aa.actor_id "
        "WHERE aa.article_id IN ('art-4', 'art-5') AND aa.name IN ('Obama', 'Austin')").fetchall())
    assert kinds == {"art-4 Obama": "person", "art-4 Austin": "place", "art-5 Obama": "place"}


def test_an_organisation_tagged_as_a_place_the_gazetteer_does_not_know_is_the_organisation(corpus):
    corpus.add([article(1, ("United Nations", "organisation"), ("Hamas", "organisation"))])
    corpus.add([article(2, ("United Nations", "place"), ("Hamas", "place"))])
    kinds = dict(corpus.connection.execute(
        "SELECT aa.name, a.kind FROM article_actors aa JOIN actors a ON a.id = aa.actor_id "
        "WHERE aa.article_id = 'art-2'").fetchall())
    assert kinds == {"United Nations": "organisation", "Hamas": "organisation"}


def test_a_surname_tagged_as_an_organisation_is_the_well_known_person(corpus):
    corpus.add([article(n, ("Marco Rubio", "person")) for n in range(1, 4)])
    corpus.add([article(4, ("Rubio", "organisation"))])
    assert ids_of(corpus)["art-4"] == ids_of(corpus)["art-1"]
    assert corpus.connection.execute("SELECT count(*), min(kind) FROM actors").fetchone() == (1, "person")


def test_a_surname_tagged_as_an_organisation_stays_one_the_corpus_knows_better(corpus):
    corpus.add([article(n, ("Fox", "organisation")) for n in range(1, 6)])  # the network, written about first
    corpus.add([article(n, ("Vicente Fox", "person")) for n in range(6, 9)])
    corpus.add([article(9, ("Fox", "organisation"))])
    ids = ids_of(corpus)
    assert ids["art-9"] == ids["art-1"] != ids["art-6"]
    assert corpus.connection.execute("SELECT kind FROM actors WHERE id = ?", [ids["art-9"]]).fetchone() == (
        "organisation",)


def test_a_surname_tagged_as_an_organisation_needs_evidence(corpus):
    corpus.add([article(1, ("Marco Rubio", "person")), article(2, ("Rubio", "organisation"))])
    assert ids_of(corpus)["art-2"] != ids_of(corpus)["art-1"]  # one article about him is not enough


def test_the_end_of_a_run_joins_what_came_before_the_evidence(corpus):
    # each add() is a run; the surname-only and mislabelled rows came before any full name
    corpus.add([article(1, ("Zelenskyy", "place")), article(2, ("Rubio", "organisation")), article(3, ("Rubio", "person"))])
    early = ids_of(corpus)
    corpus.add([article(n, ("Volodymyr Zelenskyy", "person"), ("Marco Rubio", "person")) for n in range(4, 7)])
    ids = ids_of(corpus)
    rubio = dict(corpus.connection.execute(
        "SELECT article_id, actor_id FROM article_actors WHERE name = 'Marco Rubio'").fetchall())["art-4"]
    assert ids["art-1"] == ids["art-4"] != early["art-1"]  # the place row is the person now
    assert ids["art-2"] == ids["art-3"] == rubio
    assert corpus.connection.execute("SELECT count(*) FROM actor_merges WHERE old_id = ?", [early["art-1"]]).fetchone() == (1,)


def test_the_end_of_a_run_leaves_an_ambiguous_surname_apart(corpus):
    corpus.add([article(2, ("Paul Ryan", "person")), article(3, ("Paul Ryan", "person")),
                article(4, ("Missy Ryan", "person")), article(5, ("Missy Ryan", "person"))])
    corpus.add([article(1, ("Ryan", "person"))])
    ids = ids_of(corpus)
    assert len({ids["art-1"], ids["art-2"], ids["art-4"]}) == 3


def test_a_surname_means_the_person_of_its_own_period(corpus):
    # "Carson" in 2016 campaign news is not the official named in 2022 releases (YEARS_APART)
    corpus.add([article(1, ("Tracy Carson", "person"), published="2022-05-28")])
    corpus.add([article(2, ("Carson", "person"), published="2016-01-10")])
    ids = ids_of(corpus)
    assert ids["art-2"] != ids["art-1"]
    # within the period the same surname joins as before
    corpus.add([article(3, ("Carson", "person"), published="2021-11-02")])
    assert ids_of(corpus)["art-3"] == ids["art-1"]
    # and the 2016 surname joins the 2016 person once the corpus names them (end of the run)
    corpus.add([article(n, ("Ben Carson", "person"), published="2016-02-01") for n in (4, 5)])
    ids = ids_of(corpus)
    assert ids["art-2"] == ids["art-4"] != ids["art-1"]
    first, last = corpus.connection.execute(
        "SELECT first_day::VARCHAR, last_day::VARCHAR FROM actors WHERE id = ?", [ids["art-4"]]).fetchone()
    assert (first, last) == ("2016-01-10", "2016-02-01")  # a merge takes the period again


def test_a_first_name_alone_is_the_one_well_known_person_with_it(corpus):
    corpus.add([article(n, ("Humeyra Pamuk", "person")) for n in range(1, 4)])
    corpus.add([article(4, ("Humeyra", "person"))])  # "Thanks, Humeyra." in a briefing
    ids = ids_of(corpus)
    assert ids["art-4"] == ids["art-1"]
    assert corpus.connection.execute("SELECT count(*) FROM actor_merges WHERE old_id = ?",
                                     [agent_id("humeyra")]).fetchone() == (1,)


@pytest.mark.parametrize("others,evidence", [
    (0, 2),  # named twice: not yet well known (SURNAME_PLACE_EVIDENCE)
    (6, 3),  # six other people have the name (GIVEN_NAME_CARRIERS): too common to name one alone
])
def test_a_first_name_alone_stays_apart_without_evidence(corpus, others, evidence):
    corpus.add([article(n, ("Bill Clinton", "person")) for n in range(1, 1 + evidence)])
    corpus.add([article(10 + n, (f"Bill Surname{chr(65 + n)}", "person")) for n in range(others)])
    corpus.add([article(99, ("Bill", "person"))])
    ids = ids_of(corpus)
    assert ids["art-99"] != ids["art-1"]


def test_a_first_name_does_not_join_a_person_of_another_period(corpus):
    corpus.add([article(n, ("Humeyra Pamuk", "person"), published="2022-03-01") for n in range(1, 4)])
    corpus.add([article(4, ("Humeyra", "person"), published="2010-03-01")])
    ids = ids_of(corpus)
    assert ids["art-4"] != ids["art-1"]


@pytest.mark.parametrize("nickname", ["Stop Hillary", "Crooked Hillary"])
def test_a_first_name_given_to_a_namesake_goes_to_the_well_known_person(corpus, nickname):
    # a campaign's or a nickname's two words read as a person whose surname is "Hillary"
    corpus.add([article(n, ("Hillary Clinton", "person")) for n in range(1, 6)])
    corpus.add([article(6, (nickname, "person"))])
    corpus.add([article(7, ("Hillary", "person")), article(8, ("Hillary", "person"))])
    ids = ids_of(corpus)
    assert ids["art-7"] == ids["art-8"] == ids["art-1"] != ids["art-6"]
    # later ingests agree: the name row went with the rows
    corpus.add([article(9, ("Hillary", "person"))])
    assert ids_of(corpus)["art-9"] == ids["art-1"]


def test_a_first_name_stays_with_a_namesake_the_corpus_knows_as_well(corpus):
    # "Jordan" is the surname of a person written about often: the first name does not move
    corpus.add([article(n, ("Jordan Peterson", "person")) for n in range(1, 6)])
    corpus.add([article(n, ("Michael Jordan", "person")) for n in range(6, 9)])
    corpus.add([article(9, ("Jordan", "person"))])
    ids = ids_of(corpus)
    assert ids["art-9"] == ids["art-6"] != ids["art-1"]


def test_a_titled_surname_is_not_taken_for_a_first_name(corpus):
    # "Park" is the first written word of "Park Jiwon" (family name first); "Foreign Minister
    # Park", with its role, uses it as a surname and stays where the batch put it
    from dataclasses import replace

    corpus.add([article(n, ("Park Jiwon", "person")) for n in range(1, 6)])
    corpus.add([article(6, ("Franklin Park", "person"))])
    titled = article(7, ("Park", "person"))
    titled = replace(titled, actors=(replace(titled.actors[0], role="Foreign Minister"),))
    corpus.add([titled])
    ids = ids_of(corpus)
    assert ids["art-7"] == ids["art-6"] != ids["art-1"]
    corpus.add([article(8, ("Park", "person"))])  # bare, as a briefer calls on someone: it moves
    assert ids_of(corpus)["art-8"] == ids["art-1"]


def test_a_run_killed_before_its_end_has_its_joins_made_by_the_next(corpus):
    from chronicle.store.writer import Writer

    corpus.add([article(1, ("Zelenskyy", "place"))])
    Writer(corpus.connection).write([(article(n, ("Volodymyr Zelenskyy", "person")), None) for n in range(3, 6)])
    # killed here, before the end of the run that joins the place row to the person
    ids = ids_of(corpus)
    assert ids["art-1"] != ids["art-3"]
    corpus.add([article(9, ("Olena Kovalenko", "person"))])  # the next run names someone else
    ids = ids_of(corpus)
    assert ids["art-1"] == ids["art-3"] != ids["art-9"]


def test_a_run_that_stores_nothing_still_ends_a_killed_run(corpus):
    from chronicle.store.writer import Writer

    corpus.add([article(1, ("Zelenskyy", "place"))])
    Writer(corpus.connection).write([(article(n, ("Volodymyr Zelenskyy", "person")), None) for n in range(3, 6)])
    assert ids_of(corpus)["art-1"] != ids_of(corpus)["art-3"]
    assert Writer(corpus.connection).finish() == 1  # a rerun that finds every article stored
    ids = ids_of(corpus)
    assert ids["art-1"] == ids["art-3"]
    assert Writer(corpus.connection).finish() == 0  # and nothing is left pending


def test_a_join_inside_a_run_is_made_and_indexed_at_its_end_or_by_the_next_run(corpus):
    from chronicle.store.identity import INDEX_PENDING_KEY, MERGES_KEY
    from chronicle.store.writer import Writer

    from .test_stats import assert_index_matches

    pending = "SELECT count(*) FROM meta WHERE key = ?"
    corpus.add([article(1, ("UN", "organisation"), ("Ana Ruiz", "person"))])
    writer = Writer(corpus.connection)
    writer.write([(article(2, ("Ana Ruiz", "person")), None)])
    # the batch decides that the acronym actor is the full name's: its own rows take the full
    # name's id now, the stored acronym actor's rows at the end of the run
    writer.write([(article(3, ("United Nations", "organisation", None, ("UN",))), None)])
    ids = ids_of(corpus)
    assert ids["art-1"] != ids["art-3"]
    # a later batch of the run decides as if the join were made
    writer.write([(article(4, ("UN", "organisation")), None)])
    assert ids_of(corpus)["art-4"] == ids["art-3"]
    # killed here: the join waits in meta for the end of a run, and the index is as stored
    assert corpus.connection.execute(pending, [MERGES_KEY]).fetchone() == (1,)
    assert corpus.connection.execute(pending, [INDEX_PENDING_KEY]).fetchone() == (0,)
    assert_index_matches(corpus.connection)
    Writer(corpus.connection).finish()  # a rerun that finds every article stored
    ids = ids_of(corpus)
    assert ids["art-1"] == ids["art-3"] == ids["art-4"]
    assert corpus.connection.execute(pending, [MERGES_KEY]).fetchone() == (0,)
    assert corpus.connection.execute(pending, [INDEX_PENDING_KEY]).fetchone() == (0,)
    assert_index_matches(corpus.connection)
    assert_counts_match(corpus.connection)


def test_joins_are_made_inside_the_run_once_enough_wait(corpus, monkeypatch):
    from chronicle.store import identity
    from chronicle.store.writer import Writer

    monkeypatch.setattr(identity, "MERGES_AT_ONCE", 1)
    corpus.add([article(1, ("UN", "organisation"), ("Ana Ruiz", "person"))])
    writer = Writer(corpus.connection)
    writer.write([(article(2, ("United Nations", "organisation", None, ("UN",))), None)])
    ids = ids_of(corpus)
    assert ids["art-1"] == ids["art-2"]  # made in the batch, not left to the end
    assert identity.pending_merges(corpus.connection) == {}
    writer.finish()
    assert ids_of(corpus) == ids


def test_a_waiting_join_whose_kept_actor_is_gone_moves_nothing(corpus):
    from chronicle.store import actorwords, identity
    from chronicle.store.writer import Writer

    corpus.add([article(1, ("UN", "organisation"))])
    writer = Writer(corpus.connection)
    writer.write([(article(2, ("United Nations", "organisation", None, ("UN",))), None)])
    assert list(identity.pending_merges(corpus.connection).values()) == [ids_of(corpus)["art-2"]]
    gone = ids_of(corpus)["art-2"]
    corpus.connection.execute("DELETE FROM actors WHERE id = ?", [gone])  # as a replaced article's actor goes
    actorwords.touch(corpus.connection, [gone])  # (drop_unused_actors marks it for the names index)
    writer.finish()
    assert identity.pending_merges(corpus.connection) == {}
    # the acronym actor keeps its rows: none point at an actor that is not there
    assert corpus.connection.execute(
        "SELECT count(*) FROM article_actors WHERE actor_id NOT IN (SELECT id FROM actors) AND article_id = 'art-1'"
    ).fetchone() == (0,)


def test_the_end_of_each_run_leaves_nothing_for_the_whole_corpus_rules(corpus):
    # each run's end looks only at the words of its articles; the rules over the whole corpus
    # must then find nothing more to join
    from chronicle.store.identity import reconcile

    runs = [
        [article(1, ("Zelenskyy", "place")), article(2, ("Rubio", "organisation")), article(3, ("Ryan", "person"))],
        [article(n, ("Hillary Clinton", "person"), ("Paul Ryan", "person")) for n in range(4, 9)],
        [article(9, ("Hillary", "person")), article(10, ("Stop Hillary", "person"))],
        [article(n, ("Volodymyr Zelenskyy", "person"), ("Marco Rubio", "person")) for n in range(11, 14)],
        [article(14, ("Clinton", "person")), article(15, ("O’Brien", "person"))],
        [article(n, ("Robert O'Brien", "person")) for n in range(16, 19)],
    ]
    for run in runs:
        corpus.add(run)
    ids = ids_of(corpus)
    assert ids["art-1"] == ids["art-11"] and ids["art-9"] == ids["art-4"]
    assert ids["art-15"] == ids["art-16"]
    con = corpus.connection
    con.execute("BEGIN TRANSACTION")
    assert reconcile(con) == 0
    con.execute("ROLLBACK")


@pytest.mark.parametrize("name", [
    "Jonas Gahr Støre", "Robert O’Brien", "Hillary's husband", "Ḩamas Leader", "J.R. Smith", "The Hillary Clinton",
    "Jean-Luc Picard", "Strauß Franz", '"Ted Cruz', "Ted\nCruz", "Kim Jong-un’s", "al-Sisi Abdel", "(Biden) Joe",
    "Ahmed al‐Tayeb", "Ñeco Ortiz", "the Rock",
])
def test_sql_reads_a_first_name_as_the_rules_do(name):
    # the end of a run counts and filters first names in SQL: it must read the word the rules read
    from chronicle.store.db import duckdb
    from chronicle.store.identity import fill_first_words, first_names_sql
    from chronicle.store.names import fold

    con = duckdb.connect()
    con.execute("CREATE TABLE actor_names (key VARCHAR, class VARCHAR, actor_id VARCHAR, surname VARCHAR, name VARCHAR, "
                "first_word VARCHAR)")
    con.execute("CREATE TABLE actors (id VARCHAR, kind VARCHAR)")
    con.execute("INSERT INTO actor_names VALUES ('k', 'agent', 'x', NULL, ?, NULL)", [name])
    con.execute("INSERT INTO actors VALUES ('x', 'person')")
    fill_first_words(con)
    read = [t for *_, t in con.execute(first_names_sql()).fetchall()]
    words = fold(name).split()
    assert read == ([words[0]] if len(words) >= 2 else [])
    assert con.execute(FOLDED_FIRST_NAMES).fetchall() == con.execute(first_names_sql()).fetchall()


# How the end of a run read first names before version 16 stored them: every person's name folded
# on each read. The stored first words must give the same rows.
FOLDED_FIRST_NAMES = (
    "WITH folded AS MATERIALIZED (SELECT n.actor_id, n.key, n.surname, trim(regexp_replace(replace(replace(replace("
    "lower(strip_accents(replace(n.name, '’', ''''))), 'ß', 'ss'), '.', ''), '-', ' '), '[^\\p{L}\\p{N}_'']+', ' ', 'g')) "
    "AS s FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.class = 'agent' AND a.kind = 'person'), "
    "cut AS MATERIALIZED (SELECT actor_id, key, surname, CASE WHEN starts_with(s, 'the ') THEN substr(s, 5) ELSE s END "
    "AS s FROM folded) SELECT actor_id, key, surname, split_part(s, ' ', 1) AS t FROM cut WHERE strpos(s, ' ') > 0"
)

# Names whose fold is not plain: marks, apostrophes, capitals, a leading "the", one word after it.
ODD_NAMES = ("Jonas Gahr Støre", "Robert O’Brien", "Hillary's husband", "Ḩamas Leader", "J.R. Smith", "The Hillary Clinton",
             "Jean-Luc Picard", "Strauß Franz", "Kim Jong-un’s", "al-Sisi Abdel", "Ahmed al‐Tayeb", "Ñeco Ortiz",
             "the Rock", "THE ROCK JOHNSON", "Ted  Cruz", "Cher")


def first_names_both_ways(con) -> tuple[list, list]:
    """The first names as read before version 16 (every name folded) and from the stored words."""
    from chronicle.store.identity import fill_first_words, first_names_sql

    fill_first_words(con)
    return (sorted(con.execute(FOLDED_FIRST_NAMES).fetchall()), sorted(con.execute(first_names_sql()).fetchall()))


def test_stored_first_words_read_as_every_name_folded(corpus):
    # runs (each with its end), a heading's capitals giving way to prose, an analyst's alias, split and merge
    from chronicle.store.identity import apply_aliases, first_word_sql, split_actor

    corpus.add([article(n, (name, "person"), ("Hillary Clinton", "person")) for n, name in enumerate(ODD_NAMES)])
    corpus.add([article(30, ("ANTONY J. BLINKEN", "person")), article(31, ("Clinton", "person"))])
    corpus.add([article(32, ("Antony J. Blinken", "person")), article(33, ("Marco Rubio", "organisation"))])
    con = corpus.connection
    apply_aliases(con, [("Hillary Rodham Clinton", "Hillary Clinton", None)])
    split_actor(con, ids_of(corpus)["art-32"], "Tony Blinken")
    assert con.execute("SELECT count(*) FROM actor_names WHERE first_word IS NULL").fetchone()[0] > 0  # the analyst's
    corpus.add([article(34, ("Hillary Rodham Clinton", "person"), ("Jonas Støre", "person"))])
    assert con.execute("SELECT count(*) FROM actor_names WHERE first_word IS NULL").fetchone()[0] == 0  # filled at its end
    merge(con, ids_of(corpus)["art-31"], ids_of(corpus)["art-5"])
    old, new = first_names_both_ways(con)
    assert old == new and {"hillary", "antony", "jonas", "robert", "rock"} <= {t for *_, t in new}
    # and each name's word is the one its name gives now (the name in prose, not the heading's)
    assert con.execute(f"SELECT count(*) FROM actor_names WHERE first_word IS DISTINCT FROM {first_word_sql('name')}"
                       ).fetchone()[0] == 0
    assert con.execute("SELECT first_word FROM actor_names WHERE name = 'Antony J. Blinken'").fetchone()[0] == "antony"


def test_a_name_giving_way_to_prose_takes_its_first_word(corpus):
    # a name stored in capitals (one word here) and written in prose by a later batch: its first word follows
    corpus.add([article(1, ("Dusty Hill", "person"))])
    con = corpus.connection
    con.execute("UPDATE actor_names SET name = 'DUSTY', first_word = '' WHERE key = 'dusty hill'")
    corpus.add([article(2, ("Dusty Hill", "person"))])
    assert con.execute("SELECT name, first_word FROM actor_names WHERE key = 'dusty hill'").fetchone() == ("Dusty Hill", "dusty")


def test_a_version_15_store_gets_the_first_words_of_its_names(tmp_path):
    # Version 16: an older store's names get their first words on the upgrade, read as before
    import duckdb as plain

    from chronicle.store.schema import STORE_SCHEMA_VERSION

    path = tmp_path / "v15.duckdb"
    with Corpus(path) as c:
        c.add([article(n, (name, "person"), ("Hillary Clinton", "person")) for n, name in enumerate(ODD_NAMES)])
        before = sorted(c.connection.execute(FOLDED_FIRST_NAMES).fetchall())
    con = plain.connect(str(path))  # as version 15 wrote it
    con.execute("ALTER TABLE actor_names DROP COLUMN first_word")
    con.execute("UPDATE meta SET value = '15' WHERE key = 'schema_version'")
    con.close()
    with Corpus(path) as c:
        con = c.connection
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(STORE_SCHEMA_VERSION)
        assert con.execute("SELECT count(*) FROM actor_names WHERE first_word IS NULL").fetchone()[0] == 0
        old, new = first_names_both_ways(con)
        assert old == new == before and len(new) >= 12


@pytest.mark.parametrize(
    "full,other",
    [
        ("Bashar al-Assad", "Bashar Assad"),  # the Arabic article is no part of a name's key
        ("Abdel Fattah el-Sisi", "el-Sisi"),  # nor of its surname
        ("Jennifer Hansler", "Jenny Hansler"),  # a given name and its short form
        ("Aleksey Navalny", "Alexei Navalny"),  # two transliterations of one given name
    ],
)
def test_name_forms_the_press_mixes_are_one_person(corpus, full, other):
    corpus.add([article(1, (full, "person")), article(2, (other, "person"))])
    assert len(set(ids_of(corpus).values())) == 1


def test_a_lone_surname_written_with_the_article_finds_the_person(corpus):
    corpus.add([article(i, ("Bashar al-Assad", "person")) for i in range(1, 5)])
    corpus.add([article(5, ("Omar Assad", "person")), article(6, ("Assad", "person")), article(7, ("al-Assad", "person"))])
    ids = ids_of(corpus)
    assert ids["art-6"] == ids["art-7"] == ids["art-1"] != ids["art-5"]


def test_a_store_keyed_under_older_name_rules_is_keyed_again(corpus):
    """A store written before the Arabic article was read ("bashar al assad", surname "al assad"):
    the next run keys its names as the rules do now, so the person is not started again."""
    from chronicle.store import identity

    corpus.add([article(1, ("Bashar al-Assad", "person"))])
    con = corpus.connection
    first = ids_of(corpus)["art-1"]
    con.execute("UPDATE actor_names SET key = 'bashar al assad', surname = 'al assad' WHERE key = 'bashar assad'")
    con.execute("UPDATE meta SET value = 'older rules' WHERE key = ?", [identity.NAME_RULES_KEY])
    corpus.add([article(2, ("Bashar Assad", "person")), article(3, ("Assad", "person"))])
    assert set(ids_of(corpus).values()) == {first}
    assert con.execute("SELECT surname FROM actor_names WHERE key = 'bashar al assad'").fetchone() == ("assad",)
    assert con.execute("SELECT value FROM meta WHERE key = ?", [identity.NAME_RULES_KEY]).fetchone() == (
        identity.rules_fingerprint(),)


def test_a_two_word_surname_written_alone_is_the_person_it_ends(corpus):
    corpus.add([article(1, ("Debbie Wasserman Schultz", "person")), article(2, ("Andrés Manuel López Obrador", "person"))])
    corpus.add([article(3, ("Wasserman Schultz", "person")), article(4, ("Lopez Obrador", "person"))])
    ids = ids_of(corpus)
    assert ids["art-3"] == ids["art-1"] and ids["art-4"] == ids["art-2"]


def test_two_names_that_end_a_longer_one_stay_apart_when_the_first_is_a_first_name(corpus):
    corpus.add([article(1, ("John Paul Stevens", "person")), article(2, ("Paul Ryan", "person"))])
    corpus.add([article(3, ("Paul Stevens", "person"))])  # "Paul" is Paul Ryan's first name
    ids = ids_of(corpus)
    assert len({ids["art-1"], ids["art-3"]}) == 2



def test_a_one_word_organisation_does_not_join_a_person_through_the_surname_key(corpus):
    """"Hill" (Lauryn Hill's surname once the person was named) tagged ORG, the newspaper: an
    organisation of its own, not Lauryn Hill's votes, unless the corpus knows her well."""
    corpus.add([article(1, ("Lauryn Hill", "person"))])
    corpus.add([article(i, ("Hill", "organisation")) for i in range(2, 6)])
    ids = ids_of(corpus)
    assert len({ids["art-1"], ids["art-2"]}) == 2 and len({ids[f"art-{i}"] for i in range(2, 6)}) == 1
    kinds = dict(corpus.connection.execute("SELECT id, kind FROM actors").fetchall())
    assert (kinds[ids["art-1"]], kinds[ids["art-2"]]) == ("person", "organisation")



def test_a_two_word_surname_is_not_taken_for_a_first_name_by_a_heading_that_starts_with_it(corpus):
    corpus.add([article(1, ("Debbie Wasserman Schultz", "person")), article(2, ("WASSERMAN SCHULTZ RESIGNS", "person"))])
    corpus.add([article(3, ("Wasserman Schultz", "person"))])
    ids = ids_of(corpus)
    assert ids["art-3"] == ids["art-1"]


def test_a_surname_in_capitals_tagged_as_an_organisation_is_still_the_person(corpus):
    corpus.add([article(1, ("Trump", "person")), article(2, ("Donald Trump", "person")), article(3, ("TRUMP", "organisation"))])
    ids = ids_of(corpus)
    assert ids["art-1"] == ids["art-2"] == ids["art-3"]


def test_a_name_split_off_after_a_merge_gets_its_old_id_back_and_it_no_longer_redirects(corpus):
    corpus.add([article(1, ("Hillary Clinton", "person")), article(2, ("Bill Clinton", "person"))])
    hillary, bill = ids_of(corpus)["art-1"], ids_of(corpus)["art-2"]
    corpus.merge_actors(hillary, bill)
    assert corpus.split_actor(hillary, "Bill Clinton") == bill
    assert corpus.rename_actor(bill, "William Jefferson Clinton") == bill  # acts on Bill, not on Hillary
    names = dict(corpus.connection.execute("SELECT id, name FROM actors").fetchall())
    assert (names[hillary], names[bill]) == ("Hillary Clinton", "William Jefferson Clinton")


def test_the_joins_of_a_run_end_are_evidence_for_more_joins(corpus):
    # run 1: a two-word surname written alone, a lone surname, and another person of that surname;
    # "Obrador" means no one yet (3 to 1 is not dominance)
    corpus.add([article(n, ("Lopez Obrador", "person")) for n in range(1, 4)]
               + [article(4, ("Maria Obrador", "person")), article(5, ("Obrador", "person"))])
    assert len(set(ids_of(corpus).values())) == 3
    # run 2 names him in full: its end joins "Lopez Obrador" to him, and with those rows he
    # outnumbers Maria Obrador four to one, so a second pass joins the lone surname too
    corpus.add([article(6, ("Andres Manuel Lopez Obrador", "person"))])
    ids = ids_of(corpus)
    assert ids["art-1"] == ids["art-6"] == ids["art-5"] != ids["art-4"]
    con = corpus.connection
    from chronicle.store.identity import reconcile

    con.execute("BEGIN TRANSACTION")
    assert reconcile(con) == 0  # nothing left for the whole corpus's rules
    con.execute("ROLLBACK")
