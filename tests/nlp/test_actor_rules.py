"""Every row of chronicle.nlp.actor_rules, run through the pipeline on its example; the word
tables' examples; and the chronicle_actors config that extends or swaps them."""

from __future__ import annotations

import pytest

from chronicle.nlp import actor_rules as rules


@pytest.fixture(scope="module")
def actors_of():
    from chronicle.pipeline import load_pipeline

    nlp = load_pipeline(components=("chronicle_actors",))
    return lambda text: nlp(text)._.actors


def person(actors, name):
    found = [a for a in actors if a.kind == "person" and a.name == name]
    assert found, f"{name!r} not among {[(a.name, a.kind) for a in actors]}"
    return found[0]


def test_rows_are_well_formed():
    for rows in (rules.TITLES, rules.HONORIFICS):
        words = [w for row in rows for w in row.words]
        assert len(words) == len(set(words)), "a word is in two rows"
        assert all(w == w.lower() for w in words)


@pytest.mark.parametrize("row", rules.TITLES + rules.ROLE_PATTERNS, ids=lambda row: getattr(row, "field", None) or row.name)
def test_role_row(actors_of, row):
    actor = person(actors_of(row.example), row.person)
    assert (actor.role, actor.affiliation) == (row.role, row.affiliation)
    if row.role is not None:
        assert actor.role_evidence is not None and row.person in actor.role_evidence.text


@pytest.mark.parametrize("row", rules.HONORIFICS, ids=lambda row: row.gender or "none")
def test_honorific_row(actors_of, row):
    actor = person(actors_of(row.example), row.person)
    for mention in actor.mentions:
        assert mention.text.split()[0].lower() not in row.words, mention
    pronouns = [m.text for m in actor.mentions if m.label == "PRON"]
    if row.pronoun is not None:
        assert row.pronoun in pronouns


# What each word table's example shows, checked on the actors it gives.
TABLE_EFFECTS = {
    "RANKS_BEFORE_AFFILIATION": lambda actors: (person(actors, "Ahmad Abdul-Hadi").role,
                                                person(actors, "Ahmad Abdul-Hadi").affiliation)
    == ("Senior official", "Hamas"),
    "NOT_TITLE_HEADS": lambda actors: person(actors, "Antony Blinken").role == "Secretary of State",
    "ROLE_NOUNS": lambda actors: person(actors, "Chris Collins").role == "supporter",
    "NOT_ROLES": lambda actors: person(actors, "John Smith").role is None,
    "PERSONAL_MODIFIERS": lambda actors: person(actors, "Michael Baselice").role == "political pollster",
    "AFFILIATION_LABELS": lambda actors: person(actors, "Ahmad Abdul-Hadi").affiliation == "Hamas",
    "AFFILIATION_PREPOSITIONS": lambda actors: person(actors, "Nasser Kanani").affiliation == "Iran’s Foreign Ministry",
    "GOVERNMENT_BODIES": lambda actors: any(a.name == "Iran’s Foreign Ministry" for a in actors),
    "ENTITY_LABELS": lambda actors: {a.kind for a in actors} == {"person", "country"},
    "PLACE_SUFFIXES": lambda actors: [{m.text for m in a.mentions} for a in actors if a.kind == "place"]
    == [{"Gaza Strip", "Gaza"}],
    "SENTENCE_ADVERBS": lambda actors: [a.name for a in actors if a.kind == "person"] == ["Donald Trump"],
    "LEADING_DESCRIPTORS": lambda actors: [a.name for a in actors if a.kind == "person"] == ["Donald Trump"],
    "LEADING_CALLS": lambda actors: [a.name for a in actors if a.kind == "person"] == ["Jeff Poor"],
    "SALUTATIONS": lambda actors: [(a.name, [m.text for m in a.mentions]) for a in actors if a.kind == "person"]
    == [("Tony", ["Tony", "Tony"])],
    "INSTITUTION_HEADS": lambda actors: [(a.name, a.kind) for a in actors]
    == [("Embassy Kyiv", "organisation"), ("Embassy Warsaw", "organisation")],
    "PLACE_BEFORE_NAME": lambda actors: [a.name for a in actors if a.kind == "person"] == ["Bernie Sanders"],
    "ING_FIRST_NAMES": lambda actors: [a.name for a in actors if a.kind == "person"] == ["Irving Kristol"],
    "ACRONYM_FILLERS": lambda actors: [{m.text for m in a.mentions} for a in actors] == [{"United Nations", "U.N."}],
    "STAGE_DIRECTIONS": lambda actors: "Laughter" not in {a.name for a in actors},
    "TRANSCRIPT_LABELS": lambda actors: [a.name for a in actors] == ["Sergey Lavrov"],
    "OFFICE_HEADS": lambda actors: [a.name for a in actors if a.kind == "organisation"] == []
    and person(actors, "Antony Blinken").role == "Secretary of State",
    "UNNAMED_BODIES": lambda actors: actors == [],
    "NOT_ACTOR_NAMES": lambda actors: [a.name for a in actors] == ["Ukraine"],
    "OFFICE_NAME_ENDS": lambda actors: [(a.name, a.kind, a.role) for a in actors]
    == [("Rena Bitter", "person", "Assistant Secretary for Consular Affairs")],
    "REGIONS": lambda actors: [(a.name, a.kind) for a in actors] == [("Indo-Pacific", "place")],
    "REGION_NOUNS": lambda actors: [(a.name, a.kind) for a in actors] == [("Indo-Pacific", "place"), ("Tokyo", "place")],
    "REGIONAL_ADJECTIVES": lambda actors: actors == [],
    "FAITH_ADJECTIVES": lambda actors: actors == [],
    "FACILITY_WORDS": lambda actors: ("Thomas Jefferson Room", "place") in {(a.name, a.kind) for a in actors}
    and [a.name for a in actors if a.kind == "person"] == ["Antony J. Blinken"],
    "INSTITUTION_WORDS": lambda actors: [(a.name, a.kind) for a in actors if "Hospital" in a.name]
    == [("Hartford Hospital", "organisation"), ("Bridgeport Hospital", "organisation"),
        ("Saint Francis Hospital", "organisation")],
    "SETTLEMENT_NOUNS": lambda actors: [(a.name, a.kind) for a in actors] == [("Anefis", "place")],
    "PLATFORMS": lambda actors: ("Twitter", "organisation") in {(a.name, a.kind) for a in actors},
    "DATE_PREPOSITIONS": lambda actors: [a.name for a in actors if a.kind == "organisation"][-1] == "National Assembly",
    "STYLES": lambda actors: [(a.name, a.role) for a in actors if a.kind == "person"]
    == [("Abdullah II", "King"), ("Yair Lapid", None)],
    "NAME_PARTICLES": lambda actors: [(a.name, a.role) for a in actors if a.kind == "person"]
    == [("Salman bin Hamad Al Khalifa", "Prince")],
}


def test_every_table_has_its_effect_checked():
    tables = {name for name, value in vars(rules).items() if isinstance(value, rules.Table)}
    assert tables == set(TABLE_EFFECTS)


@pytest.mark.parametrize("name", sorted(TABLE_EFFECTS))
def test_table_example(actors_of, name):
    actors = actors_of(getattr(rules, name).example)
    assert TABLE_EFFECTS[name](actors), [(a.name, a.kind, a.role, a.affiliation) for a in actors]


# --- config --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline_with():
    """A fresh pipeline (not the shared, cached one) whose actors component has the given config."""
    from chronicle.pipeline import load_pipeline

    def build(**config):
        nlp = load_pipeline.__wrapped__(components=())
        nlp.add_pipe("chronicle_actors", config=config)
        return nlp

    return build


def test_default_config_is_the_built_in_tables(nlp):
    config = nlp.get_pipe_config("chronicle_actors")
    assert config["titles"] is None and config["extra_titles"] == []
    assert nlp.get_pipe("chronicle_actors").lexicon == rules.DEFAULT_LEXICON
    # What it requires, an earlier component assigns.
    assert nlp.analyze_pipes(pretty=False)["problems"]["chronicle_actors"] == []


def test_config_adds_a_title(actors_of, pipeline_with):
    text = "Provost Jane Miller spoke on Monday."
    assert person(actors_of(text), "Jane Miller").role is None
    custom = pipeline_with(extra_titles=["Provost"])
    assert person(custom(text)._.actors, "Jane Miller").role == "Provost"


def test_config_swaps_the_honorifics(actors_of, pipeline_with):
    text = "Sheikh Tamim bin Hamad Al Thani of Qatar met envoys."
    person(actors_of(text), "Tamim bin Hamad Al Thani")
    custom = pipeline_with(honorifics=["mr.", "ms."])
    person(custom(text)._.actors, "Sheikh Tamim bin Hamad Al Thani")


# A title's office that the model tagged with the name after it ("Secretary of [Defense Lloyd
# Austin]"), or alone before the name: the person, with the title and office as their role, and
# no organisation made of the office. State Department releases write officials this way.
OFFICES = [
    ("Blinken returned from Kyiv with Secretary of Defense Lloyd Austin.", "Lloyd Austin", "Secretary of Defense"),
    ("Assistant Secretary of State for African Affairs Molly Phee will travel to Addis Ababa.", "Molly Phee",
     "Assistant Secretary of State for African Affairs"),
    ("The delegation included Deputy Secretary of State for Management and Resources Brian P. McKeon.",
     "Brian P. McKeon", "Deputy Secretary of State for Management and Resources"),
    ("He met Counselor of the Department of State Derek Chollet.", "Derek Chollet",
     "Counselor of the Department of State"),
    ("The meeting was led by Special Envoy for Afghan Women, Girls, and Human Rights Rina Amiri.", "Rina Amiri",
     "Special Envoy for Afghan Women, Girls, and Human Rights"),
    ("Secretary of Commerce Gina Raimondo and Secretary of Homeland Security Alejandro Mayorkas attended.",
     "Alejandro Mayorkas", "Secretary of Homeland Security"),
    ("Secretary of Commerce Gina Raimondo and Secretary of Homeland Security Alejandro Mayorkas attended.",
     "Gina Raimondo", "Secretary of Commerce"),
    ("Under Secretary for Political Affairs Victoria Nuland traveled to Brussels.", "Victoria Nuland",
     "Under Secretary for Political Affairs"),
    ("Secretary of Veterans Affairs Denis McDonough visited the hospital.", "Denis McDonough",
     "Secretary of Veterans Affairs"),
    ("They met Director-General for Asian and Oceanian Affairs Funakoshi Takehiro in Tokyo.", "Funakoshi Takehiro",
     "Director-General for Asian and Oceanian Affairs"),
]


@pytest.mark.parametrize("text, name, role", OFFICES, ids=[name for _, name, _ in OFFICES])
def test_an_office_before_a_name_is_the_persons_role(actors_of, text, name, role):
    actors = actors_of(text)
    assert person(actors, name).role == role
    office = role.split(" for ")[-1].split(" of ")[-1]
    assert not [a for a in actors if a.kind == "organisation" and office.split()[-1] in a.name], actors


@pytest.mark.parametrize("text, name", [
    ("The students graduated from North Carolina State University on Friday.", "North Carolina State University"),
    ("She works for the Foreign Affairs Council in Brussels.", "Foreign Affairs Council"),
    ("He spoke to the Senate Foreign Relations Committee on Tuesday.", "Senate Foreign Relations Committee"),
])
def test_a_body_named_after_an_office_stays_a_body(actors_of, text, name):
    assert name in {a.name for a in actors_of(text) if a.kind in ("organisation", "place")}


@pytest.mark.parametrize("text, people", [
    ("The Secretary met with His Majesty King Mohammed VI in Rabat.", [("Mohammed VI", "King")]),
    ("Secretary Blinken welcomed His Excellency Sameh Shoukry to Washington.",
     [("Blinken", "Secretary"), ("Sameh Shoukry", None)]),
    ("The Secretary thanked His Excellency Mr. Nasser Bourita for his hospitality.", [("Nasser Bourita", None)]),
    ("Her Majesty Queen Elizabeth II hosted the President.", [("Elizabeth II", "Queen")]),
    # no name after the form: nothing is made of it
    ("The Secretary met His Majesty the King of Jordan.", []),
    ("They thanked his excellency for nothing.", []),
])
def test_a_name_after_a_form_of_address(actors_of, text, people):
    """STYLES: the model cuts ("Majesty King") or misses names after a form of address."""
    assert [(a.name, a.role) for a in actors_of(text) if a.kind == "person"] == people


@pytest.mark.parametrize("text, people", [
    # a first name before an initial the model left out, and the role before it
    ("Secretary of State Antony J. Blinken met today with the King.", [("Antony J. Blinken", "Secretary of State")]),
    # a hyphenated given name the model cut at the hyphen
    ("Wendy Sherman met today with Republic of Korea (ROK) Prime Minister Han Duck-soo in Seoul.",
     [("Wendy Sherman", None), ("Han Duck-soo", "Prime Minister")]),
    # names after a title's office (OFFICE_NAME_ENDS) that the model tagged as nothing
    ("Wendy Sherman met with Israeli Minister for Public Security Omer Bar Lev yesterday.",
     [("Wendy Sherman", None), ("Omer Bar Lev", "Minister for Public Security")]),
    ("Wendy Sherman met with Republic of Korea Minister of Unification Lee In-young in Seoul.",
     [("Wendy Sherman", None), ("Lee In-young", "Minister of Unification")]),
    # an office with no name after it names no one
    ("The Minister for Public Security spoke yesterday.", []),
])
def test_a_name_the_model_cut_or_missed(actors_of, text, people):
    assert [(a.name, a.role) for a in actors_of(text) if a.kind == "person"] == people


@pytest.mark.parametrize("text, name", [
    ("Dear Tony,\n\nThank you for your letter about Ukraine.", "Tony"),  # a letter's salutation
    ("Follow Jeff Poor on Twitter @jeffpoor.", "Jeff Poor"),  # a closing credit line
])
def test_leading_call_is_no_part_of_the_name(actors_of, text, name):
    assert [a.name for a in actors_of(text) if a.kind == "person"] == [name]


@pytest.mark.parametrize("row", rules.NAME_CUES, ids=lambda row: row.why)
def test_name_cue_row(actors_of, row):
    """A name cue's example gives one person of that surname, shown as ``row.person``, with every name."""
    actors = actors_of(row.example)
    surname = row.person.split()[-1]
    people = [a for a in actors if a.kind == "person" and any(surname in m.text for m in a.mentions)]
    assert [a.name for a in people] == [row.person], [(a.name, [m.text for m in a.mentions]) for a in people]
    texts = {m.text for m in people[0].mentions}
    assert set(row.names) <= texts, texts


def test_name_cue_needs_a_full_name_and_a_first_name(actors_of):
    """No cue joins a surname alone, a word no list knows as a first name, or two people of one surname."""
    actors = actors_of("Mr. Smith, known as Bob, met George Washington, called as Father. "
                       "George Bush and Jeb Bush were there.")
    names = sorted(a.name for a in actors if a.kind == "person")
    assert "George Bush" in names and "Jeb Bush" in names and "George Washington" in names
