"""Name keys: every rule's example, and the class of names each rule must leave alone."""

from __future__ import annotations

import pytest

from chronicle.store.names import (
    ARTICLE_PARTICLES,
    LEADING_TITLES,
    NICKNAMES,
    ORG_ALIASES,
    ORG_VARIANTS,
    SURNAME_FIRST,
    TRANSLITERATIONS,
    WORD_VARIANTS,
    PARTY_FORMS,
    agent_key,
    fold,
    is_acronym,
    kind_class,
    party_of,
    surname,
    surname_of,
)


@pytest.mark.parametrize("title,example", LEADING_TITLES)
def test_each_title_comes_off_its_example(title, example):
    key = agent_key(example)
    assert not key.startswith(title + " "), key
    assert key  # something is left: the name


@pytest.mark.parametrize("pattern,replacement,example", ORG_VARIANTS)
def test_each_organisation_variant_joins_its_example(pattern, replacement, example):
    written, expected = example.split(" → ")
    assert agent_key(written) == expected


@pytest.mark.parametrize("group,example", NICKNAMES)
def test_each_nickname_joins_the_formal_name(group, example):
    formal = group.split()[0]
    assert agent_key(example) == " ".join([formal, *agent_key(example).split()[1:]])
    assert agent_key(example) == agent_key(formal.capitalize() + " " + example.split()[-1])


@pytest.mark.parametrize(
    "a,b",
    [
        ("Tony Blinken", "Antony J. Blinken"),
        ("Antony J. Blinken", "Antony Blinken"),
        ("ANTONY J. BLINKEN", "Antony Blinken"),
        ("Secretary of State Antony J. Blinken", "Antony Blinken"),
        ("Blinken’s", "Blinken"),
        ("SECRETARY BLINKEN", "Blinken"),
        ("J. Blinken", "Blinken"),
        ("Spokesperson Ned Price", "Ned Price"),
        ("MR PRICE", "Price"),
        ("Joseph R. Biden Jr.", "Joe Biden"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Juan Guaidó", "Juan Guaido"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ("State Department", "U.S. Department of State"),
        ("Department of State", "the Department of State"),
        ("Treasury Department", "Department of the Treasury"),
    ],
)
def test_same_name_same_key(a, b):
    assert agent_key(a) == agent_key(b)


@pytest.mark.parametrize(
    "a,b",
    [
        ("Hillary Clinton", "Bill Clinton"),
        ("Secretary of Defense", "Defense"),  # a title followed by "of" is an office, not a title
        ("President of Ukraine", "Ukraine"),
        ("Department of State", "Department of Defense"),
        ("George W. Bush", "Jeb Bush"),
        ("UN", "United Nations"),  # an acronym is joined by evidence, never by its letters
    ],
)
def test_different_names_keep_different_keys(a, b):
    assert agent_key(a) != agent_key(b)


def test_a_title_alone_is_a_name_of_its_own():
    assert agent_key("President") == "president"
    assert agent_key("Spokesperson") == "spokesperson"


def test_fold_drops_the_and_possessive_but_not_inner_words():
    assert fold("The Rafaḩ Crossing’s") == "rafah crossing"
    assert fold("the") == "the"


def test_surname_and_acronym():
    assert surname("antony blinken") == "blinken"
    assert surname("blinken") is None
    assert is_acronym("NATO") and is_acronym("U.N.") and not is_acronym("Blinken") and not is_acronym("A")


def test_people_and_organisations_share_a_class_others_do_not():
    assert kind_class("person") == kind_class("organisation")
    assert len({kind_class(k) for k in ("person", "country", "place", "group")}) == 4


@pytest.mark.parametrize(
    "written,shown,titled",
    [("Spokesperson Ned Price", "Ned Price", True), ("Secretary of State Antony J. Blinken", "Antony J. Blinken", True),
     ("MR PRICE", "PRICE", True), ("Secretary of Defense", "Secretary of Defense", False), ("Ned Price", "Ned Price", False)],
)
def test_without_title_keeps_the_name_as_written(written, shown, titled):
    from chronicle.store.names import without_title

    assert without_title(written) == (shown, titled)


@pytest.mark.parametrize("party,country,forms,example", PARTY_FORMS)
def test_each_party_form_stands_for_its_party(party, country, forms, example):
    for form in forms.split("|"):
        assert party_of(form.title(), country) == (fold(party), party)
        assert party_of(form, None) == (fold(party), party)
        assert agent_key(form) == fold(party)  # "GOP" the organisation is the party too
        assert party_of(form, "IRL") is None  # another country's Republicans are not this party
    assert any(form in fold(example).split() for form in forms.split("|"))


@pytest.mark.parametrize("pattern,replacement,example", TRANSLITERATIONS)
def test_each_transliteration_joins_its_example(pattern, replacement, example):
    a, b = example.split(" → ")
    assert agent_key(a) == agent_key(b)


@pytest.mark.parametrize("group,example", WORD_VARIANTS)
def test_each_word_variant_joins_its_example(group, example):
    a, b = example.split(" → ")
    assert agent_key(a) == agent_key(b)


@pytest.mark.parametrize("particle,example", ARTICLE_PARTICLES)
def test_each_article_particle_leaves_its_example_key(particle, example):
    a, b = example.split(" → ")
    assert agent_key(a) == agent_key(b)
    assert surname_of(a) == surname_of(b) == surname_of(f"{particle}-{b.split()[-1]}")[:1] + (False,)
    assert surname_of(f"{particle}-{b.split()[-1]}")[1]  # the surname alone, article and all


@pytest.mark.parametrize("name,key", [
    ("Al Gore", "al gore"),  # first word: a given name
    ("Al-Qaeda", "al qaeda"),  # first word of an organisation's name
])
def test_the_article_stays_where_it_is_a_name_of_its_own(name, key):
    assert agent_key(name) == key


@pytest.mark.parametrize("alias,key,example", ORG_ALIASES)
def test_each_organisation_alias_is_its_organisation(alias, key, example):
    assert agent_key(example) == key


@pytest.mark.parametrize("word,when,example", SURNAME_FIRST)
def test_a_family_name_written_first_is_the_surname(word, when, example):
    assert surname_of(example) == (word, False)
    assert surname_of(example.split()[0]) == (word, True)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Linda Thomas-Greenfield", ("thomas greenfield", False)),
        ("Ambassador Thomas-Greenfield", ("thomas greenfield", True)),
        ("Jean-Yves Le Drian", ("le drian", False)),
        ("Le Drian", ("le drian", True)),
        ("Ursula von der Leyen", ("von der leyen", False)),
        ("Antony J. Blinken", ("blinken", False)),
        ("SECRETARY BLINKEN", ("blinken", True)),
        ("Kim Davis", ("davis", False)),  # "Kim" is a surname first only before a hyphenated given name
        ("Joseph R. Biden Jr.", ("biden", False)),
        ("Ben Carson", ("carson", False)),  # a particle that is also a given name (GIVEN_NAME_PARTICLES)
        ("Mohammed bin Salman", ("bin salman", False)),
        ("Al Gore", ("gore", False)),  # the article as a given name (GIVEN_NAME_PARTICLES)
        ("Bashar al-Assad", ("assad", False)),  # the article is no part of a surname
        ("al-Assad", ("assad", True)),
        ("Mohammed bin Zayed Al Nahyan", ("nahyan", False)),
    ],
)
def test_surname_of_a_written_name(name, expected):
    assert surname_of(name) == expected


def test_the_name_caches_are_bounded():
    """Issue 22: a one-process ingest grew with every new name the caches kept (1 << 16 entries
    each, ~60 MiB together when full); they now keep the 1 << 13 most recent names each."""
    from chronicle.store import names, writer

    cached = [getattr(names, n) for n in dir(names) if hasattr(getattr(names, n), "cache_info")]
    assert len(cached) >= 4
    for fn in [*cached, writer.normal_name]:
        assert 0 < fn.cache_info().maxsize <= 1 << 13, fn
    for k in range(20_000):
        names.fold(f"Name Number {k}")
    assert names.fold.cache_info().currsize == 1 << 13
