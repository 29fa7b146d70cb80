"""The words chronicle_actors reads names, roles and affiliations by, as data.

Title words (one row per field), honorifics (one row per gender they tell) and the
role patterns, each with an example that ``tests/nlp/test_actor_rules.py`` runs
through the pipeline: the example must give a person ``person`` with that ``role``
and ``affiliation`` (the display name of the organisation or country). The other
word tables say why the logic looks words up in them, with an example.

To teach chronicle a title, add its word to a :data:`TITLES` row (or add a row with
an example). The logic lives in :mod:`chronicle.nlp.actors` and
:mod:`chronicle.nlp.actor_roles`; the component reads these tables through an
:class:`ActorLexicon`, which its config may extend or swap
(``nlp.add_pipe("chronicle_actors", config={"extra_titles": ["provost"]})``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class Table:
    """A named word list: why the logic looks words up in it, and an example of its effect."""

    why: str
    example: str
    words: frozenset[str]


# --- titles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Titles:
    """Title words of one field, lower case: a person's title or part of one, before the name."""

    field: str
    words: frozenset[str]
    example: str
    person: str
    role: str | None
    affiliation: str | None = None


TITLES: tuple[Titles, ...] = (
    Titles("heads of state and government",
           _words("president vice prime minister premier chancellor president-elect minister-president"),
           "Prime Minister Benjamin Netanyahu of Israel spoke on Monday.", "Benjamin Netanyahu", "Prime Minister",
           "Israel"),
    Titles("cabinet portfolios", _words("secretary foreign defense defence interior finance justice home state attorney"),
           "Defense Secretary Lloyd Austin arrived in Kyiv on Monday.", "Lloyd Austin", "Defense Secretary"),
    Titles("legislatures", _words("senator sen. representative rep. lawmaker speaker"),
           "House Speaker Nancy Pelosi spoke on Monday.", "Nancy Pelosi", "Speaker", "House"),
    Titles("legislative leadership", _words("majority minority whip"),
           "Senate Majority Leader Mitch McConnell spoke on Monday.", "Mitch McConnell", "Majority Leader", "Senate"),
    Titles("local government", _words("governor gov. mayor sheriff commissioner"),
           "Gov. Andrew Cuomo signed the bill on Monday.", "Andrew Cuomo", "Gov."),
    Titles("royalty", _words("king queen prince princess emir crown"),
           "Crown Prince Mohammed bin Salman met envoys in Riyadh.", "Mohammed bin Salman", "Crown Prince"),
    Titles("religion", _words("pope ayatollah supreme cardinal rabbi imam bishop archbishop rev. reverend"),
           "Pope Francis spoke in Rome on Sunday.", "Francis", "Pope"),
    Titles("armed forces",
           _words("general gen. commander colonel col. lieutenant lt. major maj. captain capt. admiral adm. sergeant "
                  "sgt. officer army military militia rebel"),
           "Gen. Mark Milley testified on Tuesday.", "Mark Milley", "Gen."),
    Titles("diplomacy", _words("ambassador envoy negotiator diplomat"),
           "U.S. envoy Amos Hochstein arrived in Beirut.", "Amos Hochstein", "envoy", "United States"),
    Titles("offices",
           _words("chairman chairwoman chair chairperson director deputy spokesman spokeswoman spokesperson "
                  "secretary-general chief head leader official aide adviser advisor analyst judge counselor counsellor "
                  "coordinator"),
           "State Department spokesperson Vedant Patel said the talks would go on.", "Vedant Patel", "spokesperson",
           "State Department"),
    Titles("business", _words("ceo executive founder co-founder"),
           "Tesla CEO Elon Musk spoke on Monday.", "Elon Musk", "CEO", "Tesla"),
    Titles("politics", _words("opposition party"),
           "Opposition leader Juan Guaido spoke in Caracas.", "Juan Guaido", "Opposition leader"),
    # readouts shorten a minister's title on second mention: "thanked DFM Morgan", "FM Lavrov said"
    Titles("abbreviated titles", _words("pm dpm fm dfm"),
           "FM Sergey Lavrov spoke in Moscow on Monday.", "Sergey Lavrov", "FM"),
    Titles("standing", _words("senior former acting interim"),
           "former President Barack Obama spoke in Chicago.", "Barack Obama", "former President"),
    # bilingual releases and interviews address officials in Spanish: "Gracias, Secretario Blinken"
    Titles("Spanish titles",
           _words("secretario secretaria ministro ministra presidente presidenta canciller embajador embajadora"),
           "Gracias, Secretario Blinken, por la entrevista.", "Blinken", "Secretario"),
)

RANKS_BEFORE_AFFILIATION = Table(
    "rank words that may stand before the affiliation in front of a title",
    "Senior Hamas official Ahmad Abdul-Hadi spoke in Beirut.",  # role "Senior official", affiliation Hamas
    # "top" is no title word, so the walk back never reaches it here.
    _words("senior former acting interim deputy top"),
)

NOT_TITLE_HEADS = Table(
    "title words that make no title alone: a role needs a head word besides these",
    "Secretary of State Antony Blinken arrived in Cairo.",  # "Secretary" is the head
    _words("senior former acting interim of state"),
)


# --- honorifics ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Honorifics:
    """Honorifics, lower case: stripped from names, not a role; some tell the person's gender."""

    words: frozenset[str]
    gender: str | None  # "m", "f" or None
    example: str
    person: str
    pronoun: str | None = None  # a pronoun in the example that joins the person by that gender


HONORIFICS: tuple[Honorifics, ...] = (
    Honorifics(_words("mr. mr sir"), "m",
               "Mr. Patel spoke first. Then Ms. Rivera arrived, and she said he was late.", "Patel", "he"),
    Honorifics(_words("mrs. mrs ms. ms dame"), "f",
               "Mr. Patel spoke first. Then Ms. Rivera arrived, and she said he was late.", "Rivera", "she"),
    Honorifics(_words("dr. dr sheikh sheik lord madam mx. mx"), None,
               "Sheikh Tamim bin Hamad Al Thani of Qatar met envoys.", "Tamim bin Hamad Al Thani"),
    # styles of office-holders in programmes and signing notes; the model often tags "The Honorable X" ORG
    Honorifics(_words("honorable honourable hon. h.e."), None,
               "The ministers welcomed the Honorable Antony Blinken, Secretary of State.", "Antony Blinken"),
)


# --- roles and affiliations ----------------------------------------------------------------


@dataclass(frozen=True)
class RolePattern:
    """A way a role or affiliation is written next to a name (the logic is in :mod:`~chronicle.nlp.actor_roles`)."""

    name: str
    example: str
    person: str
    role: str | None
    affiliation: str | None


ROLE_PATTERNS: tuple[RolePattern, ...] = (
    RolePattern("title before the name, entity before the title",
                "U.S. President Joe Biden told reporters it was getting harder.", "Joe Biden", "President",
                "United States"),
    RolePattern("demonym before the title", "German Chancellor Olaf Scholz arrived in Paris on Friday.",
                "Olaf Scholz", "Chancellor", "Germany"),
    RolePattern("“of X” after a titled name", "President Abdel Fattah el-Sissi of Egypt met envoys.",
                "Abdel Fattah el-Sissi", "President", "Egypt"),
    RolePattern("“of X” after an honorific and a name", "Mr. Mahmoud Abbas of the Palestinian Authority spoke on Monday.",
                "Mahmoud Abbas", None, "Palestinian Authority"),
    RolePattern("appositive after the name, affiliation in a “for” phrase",
                "Nasser Kanani, a spokesperson for Iran’s Foreign Ministry, said Iran would respond.", "Nasser Kanani",
                "spokesperson", "Iran’s Foreign Ministry"),
    RolePattern("appositive after the name, affiliation in an “at” phrase",
                "John Smith, a lawyer at Goldman Sachs, spoke on Monday.", "John Smith", "lawyer", "Goldman Sachs"),
    RolePattern("appositive before the name", "A State Department spokesperson, Vedant Patel, said the talks would go on.",
                "Vedant Patel", "spokesperson", "State Department"),
    RolePattern("possessive organisation before an appositive role",
                "Hamas’s political leader, Ismail Haniyeh, was killed in an explosion.", "Ismail Haniyeh",
                "political leader", "Hamas"),
    RolePattern("modifier, organisation and role before the name",
                "A senior Hezbollah commander, Fouad Shukur, was killed in Beirut.", "Fouad Shukur", "senior commander",
                "Hezbollah"),
    RolePattern("a modifier that describes the person is not part of the role",
                "Monica Lewinsky, a 22-year-old White House intern, testified.", "Monica Lewinsky", "intern",
                "White House"),
    RolePattern("a hyphenated modifier that describes the role is",
                "Ted Cruz, an ultra-conservative senator, spoke in Iowa.", "Ted Cruz", "ultra-conservative senator",
                None),
)

ROLE_NOUNS = Table(
    "nouns for people that the endings below miss; an appositive headed by one is a role",
    "Chris Collins, a Trump supporter, spoke in Buffalo.",  # "supporter" by its ending; "wife" by this table
    _words(
        "wife husband son daughter mother father brother sister widow widower friend aide model veteran operative "
        "chief head candidate nominee official leader member intern chair sheriff judge surgeon doctor nurse lawyer "
        "attorney spokesperson spokesman spokeswoman envoy delegate deputy colleague rival ally critic expert "
        "economist journalist reporter analyst diplomat activist student professor scholar cleric monk priest pastor "
        "imam rabbi bishop cardinal soldier general colonel captain sergeant officer pilot citizen resident native "
        "refugee migrant victim survivor suspect defendant plaintiff witness hostage prisoner detainee guard heir "
        "successor predecessor incumbent challenger appointee adviser advisor consultant strategist owner "
        "partner founder co-founder executive ceo cfo coo president premier minister secretary governor mayor "
        "senator congressman congresswoman lawmaker legislator representative speaker chancellor king queen prince "
        "princess emir sultan sheikh monarch dictator commander"
    ),
)
# Endings of nouns for people, at any length ("neurosurgeon", "policymaker") ...
ROLE_NOUN_ENDINGS = ("surgeon", "maker", "minister", "holder")
# ... and suffixes, on nouns of five letters or more ("strategist", "pollster"; not "heroism").
ROLE_NOUN_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "eer", "ary", "crat")

NOT_ROLES = Table(
    "words that are never a role when they head an appositive of a person",
    "John Smith, 45, spoke for an hour, a time he chose.",
    _words("year years age time day week month who which one"),
)

PERSONAL_MODIFIERS = Table(
    "words in a modifier that describe the person, not the role: “22-year-old”, “Austin-based”",
    "Michael Baselice, an Austin-based political pollster, spoke.",  # role "political pollster"
    _words("year years old based"),
)

AFFILIATION_LABELS = Table(
    "labels of entities that can be a person's affiliation",
    "Hamas official Ahmad Abdul-Hadi spoke in Beirut.",  # affiliation Hamas (ORG)
    _words("ORG GPE NORP"),
)

AFFILIATION_PREPOSITIONS = Table(
    "prepositions after an appositive role whose object is the affiliation",
    "Nasser Kanani, a spokesperson for Iran’s Foreign Ministry, said Iran would respond.",
    _words("for of at with to"),
)

GOVERNMENT_BODIES = Table(
    "words that make an organisation a government body, named with the country that owns it",
    "Nasser Kanani, a spokesperson for Iran’s Foreign Ministry, said Iran would respond.",
    _words(
        "ministry department office army navy parliament court bank embassy cabinet police government council "
        "agency forces guard guards military service senate congress"
    ),
)


# --- names ---------------------------------------------------------------------------------

ENTITY_LABELS = Table(
    "spaCy entity labels that name actors",
    "Prime Minister Benjamin Netanyahu of Israel spoke on Monday.",
    _words("PERSON ORG GPE LOC NORP FAC"),
)

PLACE_SUFFIXES = Table(
    "last words a place name may go without: “Gaza” and “Gaza Strip” are one place",
    "The Gaza Strip was quiet. Israeli troops left Gaza.",
    _words("strip"),
)

SENTENCE_ADVERBS = Table(
    "a sentence adverb that opens a sentence is not a first name the model took into the name",
    "Certainly Donald Trump has a harsh tone.",  # the person is "Donald Trump"
    _words(
        "certainly clearly obviously apparently reportedly finally notably ironically frankly similarly separately "
        "additionally interestingly unsurprisingly surprisingly predictably fortunately unfortunately importantly "
        "initially eventually ultimately recently currently previously originally basically essentially actually "
        "really simply indeed meanwhile instead still perhaps"
    ),
)
LEADING_DESCRIPTORS = Table(
    "a describing noun that opens a sentence is not part of the name the model took it into",
    "Billionaire Donald Trump praised the site.",  # the person is "Donald Trump"
    _words(
        "billionaire businessman businesswoman tycoon mogul candidate nominee hopeful frontrunner front-runner "
        "incumbent challenger activist lawyer attorney actor actress singer rapper comedian author journalist "
        "reporter columnist economist professor veteran"
    ),
)
LEADING_CALLS = Table(
    "a call to the reader that opens a line is not part of the name the model took it into",
    "Follow Jeff Poor on Twitter @jeffpoor.",  # the person is "Jeff Poor"
    _words("follow"),
)
SALUTATIONS = Table(
    "a salutation before a name, wherever it stands in the sentence, is not part of the name the model took it into",
    "Thank you very much, Mr. Secretary, Dear Tony. And so I am delighted, Dear Tony, that we are here.",  # "Tony"
    _words("dear"),
)
PLACE_BEFORE_NAME = Table(
    "after a title and one of these words, a country or US state the model took into a name is the title's place",
    "United States Senator from Vermont Bernie Sanders trailed him.",  # the person is "Bernie Sanders"
    _words("of from"),
)
SETTLEMENT_NOUNS = Table(
    "a name after 'the town of', 'the city of' (and the like) is a place wherever the article names it, whatever the "
    "model labelled it",
    "The commander was killed near the town of Anefis. Two fighters died outside Anefis.",
    _words("town city village province region district county port capital suburb neighbourhood neighborhood"),
)
# Nor is a capitalised -ing word ("Telling Jeb Bush to get lost, ...") ...
LEADING_ING_WORD = re.compile(r"[A-Z][a-z]{2,}ing")
ING_FIRST_NAMES = Table(
    "... unless it is one of these first names",
    "Irving Kristol spoke.",
    _words("sterling irving channing manning fleming harding ewing"),
)

MALE_PRONOUNS = _words("he him his himself")  # "Mr. Patel spoke, and he left"
FEMALE_PRONOUNS = _words("she her hers herself")  # "Ms. Rivera spoke, and she left"

ACRONYM_FILLERS = Table(
    "words an acronym leaves out: “U.N.” is “United Nations”, “DoD” the Department of Defense",
    "The United Nations met. The U.N. said little.",
    _words("of for the and"),
)

DATE_PREPOSITIONS = Table(
    "a preposition before a date ends an entity the model ran on into it",
    "Serbia’s National Assembly on 22.12.2024 passed the law.",  # the organisation is "National Assembly"
    _words("on in at since"),
)

# --- forms of address ----------------------------------------------------------------------

STYLES = Table(
    "a form of address after His, Her or Their (Royal): the name after it (and a title between) is a person, "
    "which the model cuts (“Majesty King”) or misses (“His Excellency Yair Lapid”)",
    "The Secretary met His Majesty King Abdullah II of Jordan and His Excellency Yair Lapid.",
    _words("majesty majesties excellency excellencies highness highnesses holiness eminence"),
)

NAME_PARTICLES = Table(
    "lower-case words inside a name after a form of address (never its first or last word)",
    "We congratulate His Royal Highness Prince Salman bin Hamad Al Khalifa on his appointment.",
    _words("bin bint ibn al el de del da di van von der abu"),
)


# --- one person's two names in one article ---------------------------------------------------


@dataclass(frozen=True)
class ShortForms:
    """First names' short forms: a short form alone ("Dear Tony") is the article's person whose full name
    begins with one of its long forms ("Antony J. Blinken"), as a first name alone joins its full name."""

    why: str
    example: str
    forms: dict[str, frozenset[str]]


SHORT_FIRST_NAMES = ShortForms(
    "a first name's short form, alone, names the article's person whose first name is its long form",
    "Antony J. Blinken, Secretary of State\nThank you very much, Mr. Secretary, Dear Tony.",  # one person
    {short: _words(full) for short, full in {
        "tony": "antony anthony", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
        "jim": "james", "jimmy": "james", "mike": "michael", "tom": "thomas", "joe": "joseph", "dan": "daniel",
        "dave": "david", "dick": "richard", "rick": "richard", "nick": "nicholas", "ben": "benjamin",
        "sam": "samuel samantha", "alex": "alexander alexandra", "andy": "andrew", "steve": "stephen steven",
        "ted": "edward theodore", "ed": "edward", "jeff": "jeffrey", "greg": "gregory", "matt": "matthew",
        "chris": "christopher christian christine christina", "liz": "elizabeth", "beth": "elizabeth",
        "kate": "katherine catherine kathryn", "pat": "patrick patricia", "sue": "susan", "jen": "jennifer",
        "vicky": "victoria", "tori": "victoria", "sasha": "alexander aleksandr alexandra",
    }.items()},
)


@dataclass(frozen=True)
class NameCue:
    """Words that tell two names of one person in an article: the name a person is given with
    (``name``, a mention the model found) and either the first name they go by (``nick``) or another
    name of theirs (``other``, also a mention). The logic (:func:`chronicle.nlp.actors._join_name_cues`)
    joins the person named ``name`` with the article's person named by ``nick`` alone or by ``nick``
    and the surname, shown as ``nick`` + surname ("Jeb Bush": the corpus knows the person by it);
    or with the person named ``other``. ``example`` must give one person ``person`` carrying
    every name in ``names``."""

    why: str
    pattern: re.Pattern
    example: str
    person: str
    names: tuple[str, ...]


# A name as written: capitalised words, initials, an honorific before them ("Mr. Bush").
_NAME = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.? )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}"
# The first name a person goes by, maybe quoted, maybe with the surname after it ("known as Jeb Bush").
_NICK = r"[\"“'‘]?(?P<nick>[A-Z][a-z]+)[\"”'’]?(?: (?P<nick_last>[A-Z][\w'’-]+))?"

NAME_CUES: tuple[NameCue, ...] = (
    NameCue("a name, then the name the person is known by",
            re.compile(rf"(?P<name>{_NAME}),? (?:(?:who|which) (?:is|was) )?(?:better |also |widely |commonly |popularly )?"
                       rf"(?:known|called) as {_NICK}"),
            "John Ellis Bush, known as Jeb, grew up in Texas. Jeb Bush later ran for president.",
            "Jeb Bush", ("John Ellis Bush", "Jeb Bush")),
    NameCue("a name, then the nickname the person goes by",
            re.compile(rf"(?P<name>{_NAME}),? (?:who (?:goes|went) by|nicknamed) {_NICK}"),
            "Rafael Edward Cruz, who goes by Ted, spoke in Iowa. Ted Cruz won the caucuses.",
            "Ted Cruz", ("Rafael Edward Cruz", "Ted Cruz")),
    NameCue("a nickname in quotation marks inside the full name",
            re.compile(r"(?P<name>[A-Z][a-z]+(?: [A-Z][\w.]*){0,2} [\"“'‘](?P<nick>[A-Z][a-z]+)[\"”'’] (?P<last>[A-Z][\w'’-]+))"),
            "Rafael Edward “Ted” Cruz spoke in Iowa. Ted Cruz won the caucuses.",
            "Ted Cruz", ("Ted Cruz",)),
    NameCue("the person changed their name, given after it (the name they had)",
            re.compile(rf"(?P<name>{_NAME}) (?:changed|dropped|shed) (?:his|her|their) (?:[\w-]+ ){{0,3}}name,? "
                       rf"(?:from )?(?P<other>{_NAME})"),
            "Ted Cruz grew up in Houston. Mr. Cruz changed his Spanish-sounding name, Rafael Edward Cruz, as a teenager.",
            "Ted Cruz", ("Ted Cruz", "Rafael Edward Cruz")),
)


# --- what is not an actor, though the model tags it as one -----------------------------------

STAGE_DIRECTIONS = Table(
    "a bracketed stage direction in a transcript is neither an actor nor a quote",
    "SECRETARY BLINKEN: We will see. (Laughter.) Thank you, Ned.",  # no actor "Laughter"
    _words("laughter applause inaudible crosstalk cross-talk pause break interruption"),
)

TRANSCRIPT_LABELS = Table(
    "a transcript's generic speaker label (the floor, the host) opening a paragraph is no actor",
    "QUESTION: Will the Secretary meet Sergey Lavrov?",  # actors: Sergey Lavrov only
    _words("question questions moderator operator participant participants staff audience"),
)

# A transcript turn's label that names a person: an honorific or title, then the name, then a
# colon, opening a paragraph. Example: "MR PRICE: Good afternoon." names the person "PRICE".
SPEAKER_LABEL = re.compile(r"(?m)^[ \t]*([A-Z][A-Za-z.'’]*)[ \t]+([A-Z][A-Z'’-]+(?:[ \t][A-Z][A-Z'’-]+){0,2}):[ \t]")

OFFICE_HEADS = Table(
    "the office after a title and “of” is part of the role, not an organisation: “Secretary of State”",
    "Secretary of State Antony Blinken met the Secretary of Defense.",  # no organisation "State" or "Defense"
    _words("secretary secretaries minister ministers undersecretary"),
)

OFFICE_NAME_ENDS = Table(
    "the last word of the office in a title (“Secretary of Defense”, “Assistant Secretary for Consular "
    "Affairs”): the model often tags the office and the name after it as one organisation; the person "
    "is the name that follows this word, and the title with its office is their role",
    "Assistant Secretary for Consular Affairs Rena Bitter spoke to reporters.",  # Rena Bitter, that role
    _words("affairs rights security resources defense defence state commerce policy management health energy "
           "treasury justice labor labour agriculture interior development transportation education finance "
           "trade operations relations cooperation diplomacy counterterrorism nonproliferation issues services "
           "environment economy industry veterans unification"),
)

# Words that go with a title word before an office: "Assistant Secretary of State for ...".
TITLE_MODIFIERS = _words("assistant under deputy special principal associate acting senior chief")

FACILITY_WORDS = Table(
    "last words of a room's, a building's or a street's name that the model tags as a person: a place "
    "(words that are also common surnames, such as Hall, Park, Tower or Church, are left out)",
    "Antony J. Blinken, Secretary of State\nThomas Jefferson Room\nWashington, D.C.",  # the room is a place
    _words("room building airport stadium arena station plaza avenue boulevard square cathedral mosque hotel "
           "palace"),
)

INSTITUTION_WORDS = Table(
    "last words of an institution's name that the model tags as a person: an organisation",
    "Victims were taken to hospitals in the area, including Hartford Hospital, Bridgeport Hospital, and "
    "Saint Francis Hospital.",  # three organisations, no person
    _words("university college institute academy hospital school center centre library museum memorial"),
)

INSTITUTION_HEADS = Table(
    "first words of an institution's name that the model tags as a person: an organisation",
    "Embassy Kyiv and Embassy Warsaw issued a joint statement.",  # two organisations, no person
    _words("embassy consulate"),
)

NOT_ACTOR_NAMES = Table(
    "diseases and the like that the model tags as organisations or people",
    "COVID-19 reached Ukraine in March.",  # actors: Ukraine only
    _words("covid covid-19 coronavirus sars-cov-2 omicron ebola zika mpox monkeypox polio malaria"),
)

PLATFORMS = Table(
    "platforms the model tags as people: organisations",
    "Twitter suspended the account of Donald Trump.",  # Twitter is an organisation
    _words("twitter facebook instagram youtube tiktok whatsapp telegram snapchat reddit linkedin"),
)

REGIONS = Table(
    "regions the model tags as organisations: places",
    "Leaders discussed security in the Indo-Pacific.",  # the Indo-Pacific is a place
    _words("indo-pacific asia-pacific sahel balkans caucasus arctic antarctic levant maghreb mideast"),
)
REGION_NOUNS = Table(
    "a region of REGIONS with one of these nouns after it is the region: the noun is not part of its name",
    "Our partners across the Indo-Pacific region met in Tokyo.",  # the place is "Indo-Pacific"
    _words("region"),
)
REGIONAL_ADJECTIVES = Table(
    "adjectives of regions the model tags as organisations name no actor ('the Transatlantic relationship')",
    "We will strengthen the Transatlantic relationship with our allies.",  # no actor
    _words("transatlantic trans-atlantic transpacific trans-pacific euro-atlantic"),
)

FAITH_ADJECTIVES = Table(
    "an adjective of faith that modifies a noun is not an actor (the noun may be)",
    "Officials destroyed Buddhist, Christian, Islamic, and Taoist houses of worship.",  # no actors
    _words("islamic christian jewish buddhist hindu taoist sikh muslim catholic protestant orthodox "
           "evangelical sunni shia shiite"),
)

UNNAMED_BODIES = Table(
    "one word that names a kind of body, not a body: the department, the administration",
    "The Department said the Administration would reply.",  # no actors
    _words("department ministry administration government alliance embassy committee council agency "
           "bureau office summit"),
)


@dataclass(frozen=True)
class PlaceName:
    """A one-word name the model tagged PERSON that is the name of a populous place: the place, unless the
    article gives evidence of a person by that name (an honorific or title before it, or a full name of
    two or more words that has it as a word: "Lloyd Austin" makes "Austin" his)."""

    why: str
    example: str
    min_population: int  # the most populous gazetteer city of that name has at least this many people


PLACE_NAMES = PlaceName(
    "a city this populous, tagged PERSON alone and never part of a person's full name in the article, is the "
    "city: big cities are rarely also a person's only name in a release",
    "Secretary Blinken traveled to Kyiv on Monday. In Kyiv, he met President Zelenskyy.",  # Kyiv is a place
    1_000_000,
)

DASHES = frozenset({"-", "—", "–", "--"})  # after an upper-case dateline: "BRUSSELS - The European Union"


# --- the lexicon the component reads -------------------------------------------------------


@dataclass(frozen=True)
class ActorLexicon:
    """The tables as chronicle_actors looks words up, built from the rows above and its config."""

    titles: frozenset[str]
    honorifics: frozenset[str]
    honorific_gender: dict[str, str]
    role_nouns: frozenset[str]

    @classmethod
    def build(
        cls,
        titles: Iterable[str] | None = None,
        extra_titles: Iterable[str] = (),
        honorifics: Iterable[str] | None = None,
        extra_honorifics: Iterable[str] = (),
        role_nouns: Iterable[str] | None = None,
        extra_role_nouns: Iterable[str] = (),
    ) -> ActorLexicon:
        """The built-in tables (a None table), or the words given, plus any extra words (lower case)."""
        built_in_titles = frozenset().union(*(row.words for row in TITLES))
        built_in_honorifics = frozenset().union(*(row.words for row in HONORIFICS))
        return cls(
            titles=_table(titles, built_in_titles, extra_titles),
            honorifics=_table(honorifics, built_in_honorifics, extra_honorifics),
            honorific_gender={word: row.gender for row in HONORIFICS if row.gender for word in row.words},
            role_nouns=_table(role_nouns, ROLE_NOUNS.words, extra_role_nouns),
        )


def _table(words: Iterable[str] | None, built_in: frozenset[str], extra: Iterable[str]) -> frozenset[str]:
    base = built_in if words is None else frozenset(w.lower() for w in words)
    return base | {w.lower() for w in extra}


DEFAULT_LEXICON = ActorLexicon.build()
