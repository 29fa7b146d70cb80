"""Name keys: the written forms of one actor's name that the corpus treats as the same name.

An article writes a name its own way ("Secretary of State Antony J. Blinken", "SECRETARY
BLINKEN", "Blinken’s"); the key keeps what tells actors apart and drops the rest. Each rule is
a row with the example it exists for; ``tests/store/test_names.py`` checks every example.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Titles and honorifics in front of a person's (or a mislabelled person's) name, longest first.
# Example: "Department Spokesperson Ned Price" → "ned price".
LEADING_TITLES: tuple[tuple[str, str], ...] = (
    ("secretary of state", "Secretary of State Antony J. Blinken"),
    ("secretary general", "Secretary General Stoltenberg"),
    ("department spokesperson", "Department Spokesperson Ned Price"),
    ("deputy spokesperson", "Deputy Spokesperson Jalina Porter"),
    ("deputy secretary", "Deputy Secretary Wendy Sherman"),
    ("under secretary", "Under Secretary Nuland"),
    ("assistant secretary", "Assistant Secretary Donald Lu"),
    ("national security advisor", "National Security Advisor Jake Sullivan"),
    ("national security adviser", "National Security Adviser Jake Sullivan"),
    ("special envoy", "Special Envoy Rob Malley"),
    ("vice president", "Vice President Mike Pence"),
    ("prime minister", "Prime Minister Boris Johnson"),
    ("foreign minister", "Foreign Minister Sergey Lavrov"),
    ("house speaker", "House Speaker Nancy Pelosi"),
    ("senate majority leader", "Senate Majority Leader Mitch McConnell"),
    ("spokesperson", "Spokesperson Ned Price"),
    ("spokesman", "Spokesman John Kirby"),
    ("secretary", "Secretary Blinken"),
    ("president", "President Zelenskyy"),
    ("chancellor", "Chancellor Merkel"),
    ("ambassador", "Ambassador Thomas-Greenfield"),
    ("counselor", "Counselor Derek Chollet"),
    ("minister", "Minister Kuleba"),
    ("speaker", "Speaker Pelosi"),
    ("senator", "Senator Sanders"),
    ("sen", "Sen. Ted Cruz"),
    ("rep", "Rep. Adam Schiff"),
    ("governor", "Governor Cuomo"),
    ("gov", "Gov. John Kasich"),
    ("general", "General Milley"),
    ("gen", "Gen. Mark Milley"),
    ("dr", "Dr. Ben Carson"),
    ("mr", "Mr. Price"),
    ("mrs", "Mrs. Clinton"),
    ("ms", "Ms. Porter"),
    ("sir", "Sir Keir Starmer"),
    ("sheikh", "Sheikh Tamim"),
)
# Words after which a title is not a title but part of an organisation's name.
# Example: "Secretary of Defense" stays; "President of Ukraine" stays.
NOT_AFTER_TITLE = frozenset({"of", "for", "and", "the", "to", "in"})

# Generational suffixes a person's name may carry. Example: "Joseph R. Biden Jr." → "joseph biden".
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Given names the press shortens: a person's first word is keyed by its group's first name.
# Example: "Tony Blinken" and "Antony J. Blinken" → "anthony blinken"; "Joe Biden" → "joseph biden".
NICKNAMES: tuple[tuple[str, str], ...] = (
    ("anthony antony tony", "Tony Blinken"),
    ("joseph joe", "Joe Biden"),
    ("william bill billy", "Bill Clinton"),
    ("michael mike", "Mike Pompeo"),
    ("bernard bernie", "Bernie Sanders"),
    ("robert bob bobby", "Bob Menendez"),
    ("richard dick rick", "Dick Durbin"),
    ("james jim jimmy", "Jim Risch"),
    ("thomas tom", "Tom Cotton"),
    ("charles chuck", "Chuck Schumer"),
    ("edward ted", "Ted Kennedy"),
    ("christopher chris", "Chris Christie"),
    ("benjamin ben", "Ben Carson"),
    ("elizabeth liz", "Liz Truss"),
    ("alexander alex", "Alex Padilla"),
    ("nicholas nick", "Nick Clegg"),
    ("daniel dan", "Dan Crenshaw"),
    ("steven steve stephen", "Steve Scalise"),
    ("timothy tim", "Tim Kaine"),
    ("matthew matt", "Matt Gaetz"),
    ("andrew andy", "Andy Beshear"),
    ("ronald ron", "Ron DeSantis"),
    ("samuel sam", "Sam Brownback"),
    ("jennifer jenny jen", "Jen Psaki"),
    ("robert rob robbie", "Rob Malley"),
    ("rudolph rudy", "Rudy Giuliani"),
    ("benjamin benny", "Benny Gantz"),
    ("jacob jake", "Jake Sullivan"),
    ("mitchell mitch", "Mitch McConnell"),
    ("newton newt", "Newt Gingrich"),
    ("david dave", "Dave Brat"),
    ("kenneth ken", "Ken Cuccinelli"),
    ("jeffrey jeff", "Jeff Flake"),
    ("gregory greg", "Greg Abbott"),
    ("douglas doug", "Doug Jones"),
    ("lawrence larry", "Larry Hogan"),
    ("raymond ray", "Ray Mabus"),
    ("deborah debbie", "Debbie Stabenow"),
    ("susan sue", "Sue Gordon"),
    ("zachary zach", "Zach Wahls"),
    ("joshua josh", "Josh Hawley"),
)
_NICKNAME = {word: group.split()[0] for group, _ in NICKNAMES for word in group.split()}

# Spellings of one name that transliteration gives, applied to every word of a key, in order:
# (pattern, replacement, example "A → B" where A and B get one key).
TRANSLITERATIONS: tuple[tuple[str, str, str], ...] = (
    (r"(?<=\w\w)(?:yy|iy|ii)$", "y", "Volodymyr Zelenskyy → Volodymyr Zelenskiy"),
    (r"(?<=\w\w)ei$", "ey", "Sergei Lavrov → Sergey Lavrov"),
)
_TRANSLITERATIONS = tuple((re.compile(p), r) for p, r, _ in TRANSLITERATIONS)

# Whole-word variants of one name that no pattern gives (Belarusian and Russian forms, …):
# every word of a group is keyed as the group's first. Example: "Alyaksandr Lukashenka" is
# "Alexander Lukashenko".
WORD_VARIANTS: tuple[tuple[str, str], ...] = (
    ("lukashenko lukashenka", "Alyaksandr Lukashenka → Alexander Lukashenko"),
    ("alexander alexandr aleksandr alyaksandr oleksandr", "Oleksandr Lukashenko → Alexander Lukashenko"),
    ("sergey serhy", "Serhiy Lavrov → Sergey Lavrov"),
    ("alexey aleksey alexei aleksei", "Aleksey Navalny → Alexei Navalny"),
)
_WORD_VARIANT = {word: group.split()[0] for group, _ in WORD_VARIANTS for word in group.split()}

# Surname particles: "Jean-Yves Le Drian" has the surname "Le Drian", "Ursula von der Leyen"
# the surname "von der Leyen". Example: "Le Drian" alone is the surname-only mention.
SURNAME_PARTICLES = frozenset({"le", "la", "de", "del", "della", "di", "da", "du", "dos", "van", "von", "der", "den", "ter", "al", "el", "bin", "ben", "abu"})
# Particles that are also given names: as the first word of a name they are the given name.
# Example: "Ben Carson" has the surname "Carson" (while "Mohammed bin Salman" keeps "bin Salman").
GIVEN_NAME_PARTICLES = frozenset({"ben", "al"})  # "Al Gore" has the surname "Gore"

# The Arabic article in a name: the press writes "Bashar al-Assad", "Bashar Assad" and "Assad"
# for one man, so it is no part of a key inside a name, nor of a surname: (particle, example
# "A → B" where A and B get one key).
ARTICLE_PARTICLES: tuple[tuple[str, str], ...] = (
    ("al", "Bashar al-Assad → Bashar Assad"),
    ("el", "Abdel Fattah el-Sisi → Abdel Fattah Sisi"),
)
_ARTICLES = frozenset(p for p, _ in ARTICLE_PARTICLES)

# Family names written first (Chinese and Korean naming): with one given name after it, the
# first word is the surname. "hyphen": only where the given name is hyphenated, as Korean
# names are in English ("Kim Jong-un", not "Kim Davis"). Example: "Xi Jinping" → surname "Xi".
SURNAME_FIRST: tuple[tuple[str, str, str], ...] = (
    ("xi", "always", "Xi Jinping"),
    ("wang", "always", "Wang Yi"),
    ("li", "always", "Li Keqiang"),
    ("hu", "always", "Hu Jintao"),
    ("wen", "always", "Wen Jiabao"),
    ("zhou", "always", "Zhou Enlai"),
    ("deng", "always", "Deng Xiaoping"),
    ("jiang", "always", "Jiang Zemin"),
    ("mao", "always", "Mao Zedong"),
    ("qin", "always", "Qin Gang"),
    ("kim", "hyphen", "Kim Jong-un"),
    ("moon", "hyphen", "Moon Jae-in"),
    ("park", "hyphen", "Park Geun-hye"),
    ("yoon", "hyphen", "Yoon Suk-yeol"),
)
_SURNAME_FIRST = {word: when for word, when, _ in SURNAME_FIRST}

# Organisation name variants, applied in order: (pattern, replacement, example).
ORG_VARIANTS: tuple[tuple[str, str, str], ...] = (
    (r"^(?:us|united states) (\w+ department)$", r"\1", "U.S. State Department → department of state"),
    (r"^united nations ", "un ", "United Nations Security Council → un security council"),
    (r"\borganisation\b", "organization", "World Health Organisation → world health organization"),
    (r"^(?:us|united states) (department|agency) ", r"\1 ", "U.S. Department of State → department of state"),
    (r"^(\w+) department$", r"department of \1", "State Department → department of state"),
    (r" of the ", " of ", "Department of the Treasury → department of treasury"),
)
_ORG_VARIANTS = tuple((re.compile(p), r) for p, r, _ in ORG_VARIANTS)

# Other names of one organisation that no article may spell out: (name, the key it stands for,
# example). Example: "UNSC" and "the Security Council" are the UN Security Council.
ORG_ALIASES: tuple[tuple[str, str, str], ...] = (
    ("unsc", "un security council", "UNSC"),
    ("security council", "un security council", "the Security Council"),
    ("nato alliance", "nato", "the NATO Alliance"),
    ("fbi", "federal bureau of investigation", "F.B.I."),
    ("cia", "central intelligence agency", "CIA"),
)
_ORG_ALIAS = {alias: key for alias, key, _ in ORG_ALIASES}

# Parties and the forms that stand for them: their members ("Republicans"), the adjective a
# group of them is named by ("Republican", "Democratic senators" → "Democratic") and other
# names ("GOP"). One row a party: (party, country, forms separated by "|", example). A group
# form joins the party only in an article with no country for it or the party's own country.
# Example: "GOP leaders met Democrats" → Republican Party, Democratic Party.
PARTY_FORMS: tuple[tuple[str, str, str, str], ...] = (
    ("Republican Party", "USA", "republicans|republican|gop|grand old party|republican party",
     "GOP leaders and House Republicans blocked the bill"),
    ("Democratic Party", "USA", "democrats|democrat|democratic|democratic party|dems",
     "Democratic senators and the Democrats walked out"),
)
_PARTY = {form: (party, country) for party, country, forms, _ in PARTY_FORMS for form in forms.split("|")}


def party_of(name: str, country: str | None = None) -> tuple[str, str] | None:
    """The party a group or organisation name stands for, with the party's display name.

    "Republicans", "GOP" → ("republican party", "Republican Party"); None for other names and
    for a form written of another country ("Republicans" of Ireland).
    """
    found = _PARTY.get(fold(name))
    if found is None or country not in (None, found[1]):
        return None
    return fold(found[0]), found[0]

# Which stored actors may share an id: a person and an organisation of one name are one actor
# whose kind the evidence decides (the model often tags a surname ORG); countries, places and
# groups keep their own ids.
KIND_CLASS = {"person": "agent", "organisation": "agent"}


def kind_class(kind: str) -> str:
    return KIND_CLASS.get(kind, kind)


# Names repeat across a corpus ("Blinken" in thousands of releases): keys are computed once each.
# The caches hold the most recent names only: at 1 << 16 entries each, these four and the writer's
# normal_name grew by about 20k entries (~4 MiB) per 1000 articles in a one-process ingest and would
# have held ~60 MiB; at 1 << 13 they stop at ~8 MiB together (issue 22).
_CACHE = 1 << 13
_POSSESSIVE = re.compile(r"'s?\s*$")
_NOT_WORD = re.compile(r"[^\w' ]+")


@lru_cache(maxsize=_CACHE)
def fold(name: str) -> str:
    """Accents, case, curly apostrophes, dots, hyphens, a leading "the" and a possessive ignored.

    "The Rafaḩ Crossing’s" → "rafah crossing"; "Kim Jong-un" → "kim jong un".
    """
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _POSSESSIVE.sub("", " ".join(text.split()))
    text = text.replace(".", "").replace("-", " ").replace("‐", " ")
    text = _NOT_WORD.sub(" ", text)
    words = text.split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def _strip_titles(words: list[str]) -> list[str]:
    changed = True
    while changed and len(words) > 1:
        changed = False
        for title, _ in LEADING_TITLES:
            t = title.split()
            if words[: len(t)] == t and len(words) > len(t) and words[len(t)] not in NOT_AFTER_TITLE:
                words = words[len(t):]
                changed = True
                break
    return words


@lru_cache(maxsize=_CACHE)
def without_title(name: str) -> tuple[str, bool]:
    """The written name without the titles ``agent_key`` drops, and whether there were any.

    "Spokesperson Ned Price" → ("Ned Price", True): shown as the person's name, and a title is
    evidence of a person even where the model tagged the whole an organisation.
    """
    words = name.split()
    folded = [fold(w) for w in words]
    dropped = 0
    changed = True
    while changed and len(words) - dropped > 1:
        changed = False
        for title, _ in LEADING_TITLES:
            t = title.split()
            rest = folded[dropped:]
            if rest[: len(t)] == t and len(rest) > len(t) and rest[len(t)] not in NOT_AFTER_TITLE:
                dropped += len(t)
                changed = True
                break
    return " ".join(words[dropped:]), dropped > 0


@lru_cache(maxsize=_CACHE)
def agent_key(name: str) -> str:
    """The key of a person's or organisation's name.

    Titles and honorifics come off the front, initials and generational suffixes out of a
    person-like name (two to four words after the titles): "Antony J. Blinken" and
    "Secretary Blinken" → "antony blinken" and "blinken"; organisation variants are joined:
    "U.S. Department of State", "State Department" → "department of state".
    """
    words = _strip_titles(fold(name).split())
    if 2 <= len(words) <= 5 and not any(w in NOT_AFTER_TITLE for w in words):
        kept = [w for w in words if len(w) > 1 and w not in NAME_SUFFIXES]
        words = kept or words
        if len(words) >= 3:  # the article inside a name, not as its first or last word ("Al Gore")
            words = [words[0], *(w for w in words[1:-1] if w not in _ARTICLES), words[-1]]
        if len(words) >= 2:
            words = [_NICKNAME.get(words[0], words[0]), *words[1:]]
    words = [_transliterated(w) for w in words]
    key = " ".join(words)
    for pattern, replacement in _ORG_VARIANTS:
        key = pattern.sub(replacement, key)
    key = _ORG_ALIAS.get(key, key)
    party = _PARTY.get(key)
    return fold(party[0]) if party else key


# Bumped when the code of agent_key or surname_of changes what a name's key is (their rule
# tables are read by rules_fingerprint itself).
KEY_CODE_VERSION = 2


def rules_fingerprint() -> str:
    """A digest of everything that decides a name's key: a store whose names were keyed under
    another one has its names keyed again (:func:`chronicle.store.identity.rekey_names`)."""
    import hashlib

    tables = (KEY_CODE_VERSION, LEADING_TITLES, sorted(NOT_AFTER_TITLE), sorted(NAME_SUFFIXES), NICKNAMES,
              TRANSLITERATIONS, WORD_VARIANTS, sorted(SURNAME_PARTICLES), sorted(GIVEN_NAME_PARTICLES),
              ARTICLE_PARTICLES, SURNAME_FIRST, ORG_VARIANTS, ORG_ALIASES, PARTY_FORMS)
    return hashlib.sha256(repr(tables).encode("utf-8")).hexdigest()[:16]


def _transliterated(word: str) -> str:
    word = _WORD_VARIANT.get(word, word)
    for pattern, replacement in _TRANSLITERATIONS:
        word = pattern.sub(replacement, word)
    return _WORD_VARIANT.get(word, word)


@lru_cache(maxsize=_CACHE)
def surname_of(name: str) -> tuple[str | None, bool]:
    """The key of a person's surname as written, and whether the name is the surname alone.

    Computed from the written words, so a hyphenated surname and one with particles stay one:
    "Linda Thomas-Greenfield" → ("thomas greenfield", False), "Thomas-Greenfield" →
    ("thomas greenfield", True), "Jean-Yves Le Drian" → ("le drian", False), "Xi Jinping" →
    ("xi", False). The surname's key is :func:`agent_key` of its words, so a surname-only
    mention's key is its surname.
    """
    written, _ = without_title(name)
    words = [w for w in written.split() if len(fold(w)) > 1 and fold(w) not in NAME_SUFFIXES]
    if not words:
        return None, False
    first = _SURNAME_FIRST.get(fold(words[0])) if len(words) == 2 else None
    if first == "always" or (first == "hyphen" and "-" in words[1]):
        return agent_key(words[0]), False
    start = len(words) - 1
    while start > 0 and fold(words[start - 1]) in SURNAME_PARTICLES and not (
            start == 1 and fold(words[0]) in GIVEN_NAME_PARTICLES):
        start -= 1
    last = agent_key(" ".join(words[start:]))
    article, _, rest = last.partition(" ")
    return (rest if article in _ARTICLES and rest else last), start == 0  # "al-Assad" → "assad"


def surname(key: str) -> str | None:
    """The last word of a key of two or more words (where a surname-only mention may point)."""
    words = key.split()
    return words[-1] if len(words) >= 2 else None


def is_acronym(text: str) -> bool:
    """"UN", "NATO", "DPRK": an all-capital short form an organisation is also called by."""
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


@lru_cache(maxsize=_CACHE)  # the recent names only
def normal_name(name: str) -> str:
    """Casefolded, NFKC, straight apostrophes, no leading "the", no possessive, no dots, single spaces.

    Here, not with the writer, so the queries match names without loading the writer."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    text = text.replace(".", "")
    return " ".join(text.strip(" ,;:-\"'").split())
