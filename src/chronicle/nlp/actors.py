"""chronicle_actors: people, organisations, countries, places and groups, joined per article.

From spaCy's entities, cleaned ("Mr." and possessives off, "the" off places),
joined within the article ("Prime Minister Benjamin Netanyahu of Israel",
"Netanyahu" and "Mr. Netanyahu" are one actor; "U.S." and "the United States"
are one country), with roles and affiliations from titles and appositives
(:mod:`chronicle.nlp.actor_roles`) and he/she pronouns joined to the person
they most likely refer to. The words it looks for (titles, honorifics, role
nouns, name-cleaning tables) are rows and tables of :mod:`chronicle.nlp.actor_rules`,
read through the component's :class:`~chronicle.nlp.actor_rules.ActorLexicon`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from chronicle.nlp import actor_roles
from chronicle.nlp.actor_rules import (
    ACRONYM_FILLERS,
    DASHES,
    DATE_PREPOSITIONS,
    DEFAULT_LEXICON,
    ENTITY_LABELS,
    FEMALE_PRONOUNS,
    ING_FIRST_NAMES,
    LEADING_ING_WORD,
    MALE_PRONOUNS,
    NOT_ACTOR_NAMES,
    OFFICE_HEADS,
    OFFICE_NAME_ENDS,
    PLACE_SUFFIXES,
    SETTLEMENT_NOUNS,
    SHORT_FIRST_NAMES,
    FACILITY_WORDS,
    FAITH_ADJECTIVES,
    INSTITUTION_WORDS,
    INSTITUTION_HEADS,
    LEADING_CALLS,
    PLATFORMS,
    REGIONS,
    REGION_NOUNS,
    REGIONAL_ADJECTIVES,
    NAME_PARTICLES,
    SALUTATIONS,
    SPEAKER_LABEL,
    SENTENCE_ADVERBS,
    LEADING_DESCRIPTORS,
    NAME_CUES,
    GOVERNMENT_BODIES,
    PLACE_BEFORE_NAME,
    PLACE_NAMES,
    STAGE_DIRECTIONS,
    STYLES,
    TRANSCRIPT_LABELS,
    UNNAMED_BODIES,
    ActorLexicon,
)
from chronicle.nlp.countries import PART_NAMES, REGION_ADJECTIVES, country_code, country_name, demonym_code
from chronicle.nlp.first_names import gender_of_first_name
from chronicle.nlp.gazetteer import gazetteer, place_key
from chronicle.records import Actor, Mention

# How far back (in sentences) a he/she may look for the person it refers to.
PRONOUN_WINDOW = 3
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@Language.factory(
    "chronicle_actors",
    requires=["doc.ents", "token.ent_iob", "token.ent_type", "token.dep", "token.tag", "token.is_sent_start"],
    assigns=["doc._.actors"],
    default_config={
        "titles": None,
        "extra_titles": [],
        "honorifics": None,
        "extra_honorifics": [],
        "role_nouns": None,
        "extra_role_nouns": [],
    },
)
def make_actors(
    nlp: Language,
    name: str,
    titles: list[str] | None,
    extra_titles: list[str],
    honorifics: list[str] | None,
    extra_honorifics: list[str],
    role_nouns: list[str] | None,
    extra_role_nouns: list[str],
) -> ActorFinder:
    """The tables of :mod:`chronicle.nlp.actor_rules`; a None table is the built-in one, ``extra_*`` add words."""
    return ActorFinder(
        ActorLexicon.build(titles, extra_titles, honorifics, extra_honorifics, role_nouns, extra_role_nouns)
    )


class ActorFinder:
    """Fills ``doc._.actors`` with :class:`~chronicle.records.Actor` records; reads its words from ``lexicon``."""

    def __init__(self, lexicon: ActorLexicon = DEFAULT_LEXICON) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = find_actors(doc, self.lexicon)
        return doc


@dataclass
class _Candidate:
    """One cleaned entity mention before joining."""

    span: Span  # cleaned span
    kind: str
    key: str  # what joins it to other mentions of the same actor
    country: str | None = None
    honorific: str | None = None
    title_span: Span | None = None  # title words the entity itself contained


@dataclass
class _Draft:
    kind: str
    key: str
    spans: list[Span] = field(default_factory=list)
    country: str | None = None
    gender: str | None = None
    pronouns: list[Span] = field(default_factory=list)
    tokens: tuple[str, ...] = ()  # a person's name words, for surname joining
    goes_by: str | None = None  # the name a person is known by, where the article gives it (NAME_CUES)


def normal_key(text: str) -> str:
    """Lower case, straight apostrophes, no leading "the", no possessive, single spaces."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    return " ".join(text.split())


def _name_words(text: str) -> tuple[str, ...]:
    return tuple(w.strip(".,").replace("’", "'") for w in normal_key(text).split() if w.strip(".,"))


def _leading_non_name(tok) -> bool:
    """A capitalised -ing word, a sentence adverb, a describing noun or a salutation that opens a
    sentence is not a first name."""
    lower = tok.lower_
    return lower in SENTENCE_ADVERBS.words or lower in LEADING_DESCRIPTORS.words or lower in LEADING_CALLS.words or (
        bool(LEADING_ING_WORD.fullmatch(tok.text)) and lower not in ING_FIRST_NAMES.words
    )


def _place_before_name(tok) -> bool:
    """A country or US state the model took into a name after a title's "of" or "from"
    (:data:`PLACE_BEFORE_NAME`), a name word following it."""
    doc, i = tok.doc, tok.i
    if i < 2 or doc[i - 1].lower_ not in PLACE_BEFORE_NAME.words or not doc[i - 2].is_title or not doc[i + 1].is_title:
        return False
    return country_code(tok.text) is not None or gazetteer().state(place_key(tok.text)) is not None


def _opens_sentence(tok) -> bool:
    return tok.is_sent_start or (tok.i > 0 and tok.nbor(-1).is_quote and (tok.i == 1 or tok.nbor(-2).is_sent_start))


def _name_after_office(ent: Span, lexicon: ActorLexicon) -> tuple[int, int] | None:
    """``(title start, name start)`` when the model tagged a title's office and the name after it
    as one entity: "Secretary of [Defense Lloyd Austin]", "Assistant Secretary of [State for
    African Affairs Molly Phee]". The name is what follows the office's last word
    (:data:`OFFICE_NAME_ENDS`): two to four capitalised words, none of them an office or a body."""
    doc = ent.doc
    if ent.label_ not in ("ORG", "PERSON") or len(ent) < 3:
        return None
    for k in range(ent.end - 3, ent.start - 1, -1):
        if doc[k].lower_ in OFFICE_NAME_ENDS.words:
            break
    else:
        return None
    name = doc[k + 1:ent.end]
    if not 2 <= len(name) <= 4 or not name[0].is_title or not name[-1].text[:1].isupper():
        return None
    for token in name:
        lower = token.lower_
        if lower in OFFICE_NAME_ENDS.words or lower in UNNAMED_BODIES.words or lower in lexicon.titles \
                or not (token.text[:1].isupper() or token.text in ("-", "’", "'")):
            return None
    title = actor_roles.office_title_start(doc, k + 1, lexicon)
    return None if title is None else (title, k + 1)


def _clean(ent: Span, lexicon: ActorLexicon) -> _Candidate | None:
    """Trim an entity to the name itself and decide what kind of actor it names."""
    doc = ent.doc
    office = _name_after_office(ent, lexicon)
    if office is not None:  # the person, with the title and office as their role
        return _Candidate(Span(doc, office[1], ent.end, label="PERSON"), "person", "",
                          title_span=Span(doc, office[0], office[1]))
    start, end = ent.start, ent.end
    honorific = None
    title_start = None
    label = ent.label_
    # leading determiners, salutations, honorifics and (for people) titles the model put inside
    while start < end:
        lower = doc[start].lower_
        styled = _honorific_length(doc, start, end, lexicon) if label in ("PERSON", "ORG") else 0
        if lower == "the" and not (label == "ORG" and doc[start].text == "The" and not doc[start].is_sent_start):
            start += 1
        elif lower in SALUTATIONS.words and end - start > 1 and doc[start].is_title:
            start += 1  # "Dear Tony": the name is "Tony"
        elif styled and (label == "PERSON" or _names_after_honorific(doc, start + styled, end)):
            honorific = doc[start].lower_ + ("." if doc[start + 1].text == "." else "")
            start += styled
            label = "PERSON"  # "the Honorable Avril Haines" tagged ORG is a person
        elif label == "PERSON" and lower in lexicon.titles and end - start > 1 and (
                doc[start].is_title or doc[start].is_upper and len(doc[start]) <= 4):  # "DFM Morgan", "PM Modi"
            title_start = start if title_start is None else title_start
            start += 1
        else:
            break
    while start < end and doc[start].lower_ in ("a", "an"):
        start += 1
    for i in range(start, end):  # a name never runs across a line break: "Ted Cruz\nRep."
        if "\n" in doc[i].text:
            end = i
            break
    if start < end and _not_an_actor(Span(doc, start, end, label=label), lexicon):
        return None
    if label == "PERSON" and end - start >= 2 and _opens_sentence(doc[start]) and _leading_non_name(doc[start]) \
            and doc[start + 1].text != "-":  # "THOMAS-GREENFIELD" is one name
        start += 1  # "Telling Jeb Bush to ...", "Certainly Donald Trump has ...": the model took the first word in
    if label in ("PERSON", "ORG") and end - start >= 2 and _place_before_name(doc[start]) and (
            label == "PERSON" or (2 <= end - start - 1 <= 3 and all(t.is_title for t in doc[start + 1:end])
                                  and doc[end - 1].lower_ not in GOVERNMENT_BODIES.words)):
        start += 1  # "Senator from Vermont Bernie Sanders" (either label), "Minister of India Jaishankar"
        label = "PERSON"
    if label == "PERSON":  # "Luciana Lopez: Saying": a name ends at a colon, comma or quote mark
        for i in range(start + 1, end):
            if doc[i].is_punct and doc[i].text not in ("-", ".", "'", "’"):
                end = i
                break
    for i in range(start, end - 1):  # "Trump‘s speech": a name ends at its possessive
        if len(doc[i].text) > 2 and doc[i].text[-2:].lower() in ("'s", "’s", "‘s"):
            end = i + 1
            break
    # trailing possessives and punctuation
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "‘s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    span = Span(doc, start, end, label=label)
    if span.text[-2:].lower() in ("'s", "’s", "‘s"):  # a possessive the tokenizer left attached
        trimmed = doc.char_span(span.start_char, span.end_char - 2, label=label, alignment_mode="contract")
        if trimmed is None or not len(trimmed):
            return None
        span = trimmed
    text = span.text
    if sum(c.isalpha() for c in text) < 2:
        return None
    title_span = Span(doc, title_start, start) if title_start is not None else None
    if label == "PERSON" and text.lower() in PLATFORMS.words:
        return _Candidate(span, "organisation", normal_key(text))
    if label == "PERSON" and len(span) >= 2 and span[-1].lower_ in FACILITY_WORDS.words:
        return _Candidate(span, "place", _place_key(text))  # "Benjamin Franklin Room"
    if label == "PERSON" and len(span) >= 2 and (span[-1].lower_ in INSTITUTION_WORDS.words
                                                 or span[0].lower_ in INSTITUTION_HEADS.words):  # "Embassy Kyiv"
        return _Candidate(span, "organisation", normal_key(text))  # "James Madison University"
    if label == "PERSON":
        return _Candidate(span, "person", "", honorific=honorific, title_span=title_span)
    if label == "NORP":
        if normal_key(text) in FAITH_ADJECTIVES.words and span.root.dep_ in ("amod", "nmod", "compound", "conj"):
            return None
        code = demonym_code(text)
        if code is not None and not text.endswith("s"):  # "Israeli" is Israel; "Israelis" a group
            return _Candidate(span, "country", code, country=code)
        region = REGION_ADJECTIVES.get(normal_key(text))
        if region is not None:
            return _Candidate(span, "place", normal_key(region))
        return _Candidate(span, "group", normal_key(text), country=code)
    if label in ("GPE", "LOC") and not text.endswith("s") and demonym_code(text):  # "the Ukrainian side"
        code = demonym_code(text)
        return _Candidate(span, "country", code, country=code)
    if label == "GPE":
        code = country_code(text)
        if code is not None:
            return _Candidate(span, "country", code, country=code)
        return _Candidate(span, "place", _place_key(text))
    if label in ("LOC", "FAC"):
        return _Candidate(span, "place", _place_key(text))
    if normal_key(text) in REGIONS.words:
        return _Candidate(span, "place", _place_key(text))
    if len(span) > 1 and span[-1].lower_ in REGION_NOUNS.words and normal_key(span[:-1].text) in REGIONS.words:
        return _Candidate(span[:-1], "place", _place_key(span[:-1].text))  # "the Indo-Pacific region"
    if country_code(text) is not None:  # "the Democratic People's Republic of Korea" tagged ORG
        return _Candidate(span, "country", country_code(text), country=country_code(text))
    span = actor_roles.with_country_possessor(span)
    owner = country_code(span.text.split("’")[0].split("'")[0]) if span.start < ent.start else None
    return _Candidate(span, "organisation", normal_key(span.text), country=owner)


def _honorific_length(doc: Doc, start: int, end: int, lexicon: ActorLexicon) -> int:
    """How many tokens an honorific at ``start`` takes: "Mr." is one, "Hon." two (the tokenizer splits
    off its full stop), a word that is none 0; only where a name follows it before ``end``."""
    lower = doc[start].lower_
    if lower in lexicon.honorifics and end - start > 1:
        return 1
    if start + 2 < end and doc[start + 1].text == "." and lower + "." in lexicon.honorifics:
        return 2
    return 0


def _names_after_honorific(doc: Doc, start: int, end: int) -> bool:
    """One to four capitalised words or initials: a name the model tagged ORG after an honorific
    ("the Honorable Avril Haines"), not a body's name ("Dr. Reddy's Laboratories")."""
    return 1 <= end - start <= 4 and all(t.is_title or INITIAL.fullmatch(t.text) for t in doc[start:end])


def _not_an_actor(span: Span, lexicon: ActorLexicon) -> bool:
    """A stage direction, a transcript label, the office in a title, a disease, or no name at all."""
    doc, text = span.doc, span.text
    folded = text.lower()
    if not any(c.isupper() for c in text) and (len(span) == 1 or span.label_ == "NORP"):
        return True  # "democratic values", "n’t" (but "the housing ministry" is a body)
    if folded in NOT_ACTOR_NAMES.words or folded in REGIONAL_ADJECTIVES.words:
        return True
    if folded in STAGE_DIRECTIONS.words and span.start > 0 and doc[span.start - 1].text in ("(", "["):
        return True
    if folded in TRANSCRIPT_LABELS.words and text.isupper() and span.end < len(doc) and doc[span.end].text == ":":
        return True
    if len(span) == 1 and folded in UNNAMED_BODIES.words:
        return True
    if len(span) == 1 and (folded in lexicon.honorifics or folded + "." in lexicon.honorifics):
        return True  # "Hon" (of "Hon. Kwaku ...") tagged alone names no one
    if span.label_ in ("PERSON", "ORG") and span[-1].lower_ in lexicon.titles \
            and span[-1].lower_ not in UNNAMED_BODIES.words \
            and all(t.lower_ in lexicon.titles or t.lower_ in UNNAMED_BODIES.words for t in span):
        return True  # "Department Spokesperson", "Spokesperson": a title alone names no one
    if ("." in text or (text.isupper() and len(text) == 2)) and len(span) <= 2 and span.start >= 2 \
            and doc[span.start - 1].text == "," and doc[span.start - 2].is_title and span.label_ in ("GPE", "LOC"):
        return True  # "Washington, D.C.", "Washington, DC", "Miami, Fla.": the state qualifies the city
    if span.label_ == "ORG" and len(span) == 1 and span.start >= 2 and doc[span.start - 1].lower_ == "of" \
            and doc[span.start - 2].lower_ in OFFICE_HEADS.words:
        return True
    if span.label_ == "ORG" and span.end < len(doc) and doc[span.end].ent_type_ == "PERSON" \
            and actor_roles.office_title_start(doc, span.end, lexicon) is not None:
        return True  # "Secretary of [Veterans Affairs] Denis McDonough": the office is the person's role
    return False


def _place_key(text: str) -> str:
    words = normal_key(text).split()
    if len(words) > 1 and words[-1] in PLACE_SUFFIXES.words:
        words = words[:-1]
    return " ".join(words)


def _candidates(doc: Doc, lexicon: ActorLexicon) -> list[_Candidate]:
    styled = _styled_names(doc)
    covered = {i for span in styled for i in range(span.start, span.end)}
    # a styled name replaces what the model tagged inside it; an entity loses a dateline or date first
    spans = styled + [_whole_name(_without_dateline(_without_trailing_date(ent)), lexicon) for ent in doc.ents
                      if ent.label_ in ENTITY_LABELS.words and not any(i in covered for i in range(ent.start, ent.end))]
    tagged = {i for span in spans for i in range(span.start, span.end)}
    spans += [span for span in _titled_names(doc, lexicon) if not any(i in tagged for i in range(span.start, span.end))]
    found = []
    for span in sorted(spans, key=lambda s: s.start):
        candidate = _clean(span, lexicon)
        if candidate is not None:
            found.append(candidate)
    for span in _speaker_labels(doc, lexicon):
        candidate = _clean(span, lexicon)
        if candidate is not None:
            found.append(candidate)
    return _relabel_people(found, lexicon)


ROMAN_NUMERAL = re.compile(r"[IVX]+")
INITIAL = re.compile(r"[A-Z]\.")


def _joined_word(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen inside a word ("Duck-soo", "In-young"), a word on each side and no space."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i + 1].is_alpha


def _whole_name(ent: Span, lexicon: ActorLexicon) -> Span:
    """A person's name the model cut short: the first name before an initial ("Secretary of State Antony
    [J. Blinken]"), the end of a hyphenated given name ("Prime Minister [Han Duck]-soo")."""
    if ent.label_ != "PERSON":
        return ent
    doc, start, end = ent.doc, ent.start, ent.end
    if start > 0 and INITIAL.fullmatch(doc[start].text):
        before = doc[start - 1]
        if before.is_title and before.is_alpha and not before.ent_type_ and before.lower_ not in lexicon.titles \
                and before.lower_ not in lexicon.honorifics and before.lower_ not in OFFICE_NAME_ENDS.words:
            start -= 1
    while end < len(doc) - 1 and _joined_word(doc, end) and not doc[end + 1].ent_type_:
        end += 2
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label="PERSON")


def _titled_names(doc: Doc, lexicon: ActorLexicon) -> list[Span]:
    """Names after a title and its office that the model tagged as nothing: "Israeli Minister for Public
    Security Omer Bar Lev", "Minister of Unification Lee In-young". The office ends at its last word
    (:data:`OFFICE_NAME_ENDS`); the two to four capitalised words after it, up to the first word that is not,
    are the person (a name of one word, or words the model tagged, are left alone)."""
    spans = []
    i = 0
    while i < len(doc):
        if doc[i].lower_ not in lexicon.titles or not doc[i].is_title:
            i += 1
            continue
        j, office_end = i + 1, None
        while j < len(doc) and (doc[j].is_title or doc[j].lower_ in ("of", "for", "the") or _joined_word(doc, j)
                                or (j > 0 and _joined_word(doc, j - 1))):
            if doc[j].lower_ in OFFICE_NAME_ENDS.words:
                office_end = j
            j += 1
        if office_end is not None:
            name = doc[office_end + 1:j]
            words = [t for t in name if t.text != "-" and not _joined_word(doc, t.i - 1)]
            if 2 <= len(words) <= 4 and name[0].is_title and not any(t.ent_type_ for t in name) \
                    and not any(t.lower_ in lexicon.titles or t.lower_ in ("of", "for", "the") for t in name):
                spans.append(Span(doc, office_end + 1, j, label="PERSON"))
        i = j
    return spans


def _styled_names(doc: Doc) -> list[Span]:
    """Names after a form of address (:data:`STYLES`): "His Majesty King Abdullah II", "His Excellency
    Mr. Nasser Bourita". Each span runs from the word after the form to the name's last word, title and
    honorific included (:func:`_clean` takes them off); it replaces what the model tagged inside it."""
    spans = []
    for tok in doc:
        i = tok.i + 1
        if tok.lower_ not in ("his", "her", "their") or i >= len(doc):
            continue
        if doc[i].lower_ == "royal" and i + 1 < len(doc):
            i += 1
        if doc[i].lower_ not in STYLES.words or not doc[i].is_title:
            continue  # "his excellency" in lower case is no form of address; "the King" names no one here
        start = end = i + 1
        while end < len(doc) and end - start < 9 and _styled_name_word(doc[end], first=end == start):
            end += 1
        if end > start:
            spans.append(Span(doc, start, end, label="PERSON"))
    return spans


def _styled_name_word(t: Token, first: bool) -> bool:
    """A word of a name after a form of address: capitalised, a regnal number ("II"), or, between two
    capitalised words, a particle ("bin", "Al") or a hyphen inside a word ("Al-Ahmad")."""
    if t.is_title or ROMAN_NUMERAL.fullmatch(t.text):
        return True
    if first or t.i + 1 >= len(t.doc) or not t.doc[t.i + 1].is_title:
        return False
    return t.lower_ in NAME_PARTICLES.words or (t.text == "-" and not t.whitespace_ and not t.doc[t.i - 1].whitespace_)


def _speaker_labels(doc: Doc, lexicon: ActorLexicon) -> list[Span]:
    """The names in transcript labels ("MR PRICE:", "SECRETARY BLINKEN:") the model did not tag:
    each is a mention of that person, so the turn's speaker is an actor the corpus can resolve."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    title_words = lexicon.honorifics | lexicon.titles
    spans = []
    for match in SPEAKER_LABEL.finditer(doc.text):
        if match.group(1).lower().rstrip(".") not in title_words:
            continue
        start, end = match.span(2)
        words = match.group(2).split()
        while len(words) > 1 and _title_word(words[0].lower().rstrip("."), title_words):
            start = doc.text.index(words[1], start + len(words[0]))  # "FOREIGN MINISTER LUTUNDULA"
            words = words[1:]
        span = doc.char_span(start, end, label="PERSON", alignment_mode="expand")
        if span is not None and len(span) and not any(i in taken for i in range(span.start, span.end)):
            spans.append(span)
    return spans


def _title_word(word: str, title_words) -> bool:
    """A title, or a long one misspelt by one letter ("PRIME MININSTER NETANYAHU:" in a transcript)."""
    if word in title_words:
        return True
    return len(word) >= 6 and any(len(t) >= 6 and _one_edit(word, t) for t in title_words)


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one inserted, deleted or replaced letter."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _without_dateline(ent: Span) -> Span:
    """"BRUSSELS - The European Union" → "The European Union": a dateline is not part of a name."""
    for i in range(ent.start + 1, ent.end - 1):
        # a dash with space around it: "THOMAS-GREENFIELD" is a hyphenated name, not a dateline
        if ent.doc[i].text in DASHES and ent.doc[i - 1].whitespace_ \
                and all(t.is_upper or t.is_punct for t in ent.doc[ent.start : i]):
            return Span(ent.doc, i + 1, ent.end, label=ent.label_)
    return ent


def _without_trailing_date(ent: Span) -> Span:
    """"National Assembly on 22.12.2024" → "National Assembly"."""
    for i in range(ent.start + 1, ent.end - 1):
        token = ent.doc[i]
        if token.lower_ in DATE_PREPOSITIONS.words and any(t.like_num or any(c.isdigit() for c in t.text) for t in ent.doc[i + 1 : ent.end]):
            return Span(ent.doc, ent.start, i, label=ent.label_)
    return ent


def _relabel_people(candidates: list[_Candidate], lexicon: ActorLexicon) -> list[_Candidate]:
    """Names the model labelled ORG, GPE or PERSON wrongly, corrected from the rest of the article.

    - "Nadia Belkacem" (ORG) is a person when "Belkacem" is a person elsewhere, or an
      honorific stands before it ("Ms. Belkacem");
    - "Mali" (PERSON) is a country when it is a country's name.
    """
    surnames = {_name_words(c.span.text)[-1] for c in candidates if c.kind == "person" and c.span.text}
    # every word of a person's full name: "Austin" alone is Lloyd Austin's where the article has "Lloyd Austin"
    name_words = {w for c in candidates if c.kind == "person" for w in _name_words(c.span.text)
                  if len(_name_words(c.span.text)) >= 2}
    settlements = {c.span.text for c in candidates if c.span.start > 1 and c.span.doc[c.span.start - 1].lower_ == "of"
                   and c.span.doc[c.span.start - 2].lower_ in SETTLEMENT_NOUNS.words}
    fixed = []
    for c in candidates:
        words = _name_words(c.span.text)
        doc = c.span.doc
        before = doc[c.span.start - 1].lower_ if c.span.start > 0 else ""
        if c.kind in ("person", "organisation") and c.span.text in settlements and before not in lexicon.honorifics:
            c = _Candidate(Span(doc, c.span.start, c.span.end, label="GPE"), "place", _place_key(c.span.text))
        elif c.kind == "person" and len(words) == 1 and country_code(c.span.text) and before not in lexicon.honorifics:
            code = country_code(c.span.text)
            c = _Candidate(c.span, "country", code, country=code)
        elif c.kind == "person" and len(words) == 1 and words[0] not in name_words and _a_populous_place(c, lexicon):
            c = _Candidate(Span(doc, c.span.start, c.span.end, label="GPE"), "place", _place_key(c.span.text))
        elif c.kind in ("organisation", "place") and 2 <= len(words) <= 4 and all(t.is_title or t.text[0].isupper() for t in c.span) and (
            words[-1] in surnames or before in lexicon.honorifics
        ):
            c = _Candidate(Span(doc, c.span.start, c.span.end, label="PERSON"), "person", "", honorific=before if before in lexicon.honorifics else None)
        elif c.kind in ("organisation", "place") and len(words) == 1 and before in lexicon.honorifics:
            c = _Candidate(Span(doc, c.span.start, c.span.end, label="PERSON"), "person", "", honorific=before)
        fixed.append(c)
    return fixed


def _a_populous_place(c: _Candidate, lexicon: ActorLexicon) -> bool:
    """A one-word person with no honorific or title that is a populous city's name (:data:`PLACE_NAMES`)."""
    doc = c.span.doc
    before = doc[c.span.start - 1].lower_ if c.span.start > 0 else ""
    if c.honorific or c.title_span is not None or before in lexicon.honorifics or before in lexicon.titles:
        return False  # "Mr. Jordan", "President Austin"
    key = place_key(c.span.text)
    # by a city's own name only: alternate names give first names cities ("Sam" is one of Damascus's)
    return max((e.population for e in gazetteer().cities(key) if place_key(e.name) == key), default=0) \
        >= PLACE_NAMES.min_population


def _same_person(words: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Does a name (as words) name the person with the full name ``full``?

    "Netanyahu" and "Benjamin Netanyahu" (a surname, or any ending of the full name);
    "Hillary Clinton" and "Hillary Rodham Clinton", "Donald Trump" and "Donald J. Trump"
    (same first and last word); "Tony Blinken" and "Antony J. Blinken" (a short form of the first word).
    """
    if words == full:
        return True
    if len(words) < len(full) and full[-len(words):] == words:
        return True
    return len(words) >= 2 and len(full) >= 2 and words[-1] == full[-1] and (
        words[0] == full[0] or full[0] in SHORT_FIRST_NAMES.forms.get(words[0], ()))  # "Tony Blinken"


# Tokens a short name may come before the full name it shortens (a lede that says
# "Netanyahu" before the body says "Benjamin Netanyahu").
INTRODUCTION_GAP = 150


def _join_people(people: list[_Candidate], lexicon: ActorLexicon) -> list[_Draft]:
    """Join person mentions: a shorter name joins the nearest earlier-or-longer full name it ends."""
    drafts: list[_Draft] = []
    # longest names first, so "Netanyahu" finds "Benjamin Netanyahu" wherever it appears
    order = sorted(people, key=lambda c: (-len(_name_words(c.span.text)), c.span.start))
    for candidate in order:
        words = _name_words(candidate.span.text)
        matches = [d for d in drafts if _same_person(words, d.tokens)]
        if not matches and len(words) == 1:  # a first name alone, or its short form: "Jeb" after "Jeb Bush",
            long_forms = SHORT_FIRST_NAMES.forms.get(words[0], ())  # "Tony" after "Antony J. Blinken"
            matches = [d for d in drafts if words[0] in d.tokens or len(d.tokens) >= 2 and d.tokens[0] in long_forms]
        draft = _bearer(matches, candidate.span.start)
        if draft is None:
            draft = _Draft("person", " ".join(words), tokens=words)
            drafts.append(draft)
        draft.spans.append(candidate.span)
        gender = lexicon.honorific_gender.get(candidate.honorific or "")
        if gender is None and len(words) >= 2:
            gender = gender_of_first_name(words[0])  # "Joe Biden" is not the "she" of the next sentence
        if gender and draft.gender is None:
            draft.gender = gender
    return drafts


def _join_name_cues(text: str, people: list[_Draft]) -> list[_Draft]:
    """One person's two names the article ties together (rows of NAME_CUES): "John Ellis Bush, known as
    Jeb" joins "Jeb" and "Jeb Bush" and is shown as "Jeb Bush"; "Mr. Cruz changed his name, Rafael Edward
    Cruz" joins "Rafael Edward Cruz" to the Cruz the article names."""
    if not people or not any(cue.pattern.search(text) for cue in NAME_CUES):
        return people

    def owner(start: int, end: int) -> _Draft | None:
        """The person with a mention that ends the characters ``start:end`` (a surname ends a name)."""
        for draft in people:
            if any(s.start_char < end <= s.end_char and s.end_char > start for s in draft.spans):
                return draft
        return None

    for cue in NAME_CUES:
        for m in cue.pattern.finditer(text):
            main = owner(*m.span("name"))
            if "other" in cue.pattern.groupindex:
                other = owner(*m.span("other"))
                if main is not None and other is not None and other is not main and len(other.tokens) >= 2:
                    main.goes_by = main.goes_by or _display_name(main)  # the name the person has now
                    main.spans.extend(other.spans)
                    main.pronouns.extend(other.pronouns)
                    people = [d for d in people if d is not other]
                continue
            start, end = m.span("name")
            # the parts of a name the model cut at a quoted nickname ("Rafael Edward" | "Ted” Cruz")
            inside = [d for d in people if d is not main and any(start <= s.start_char and s.end_char <= end for s in d.spans)]
            main = main or (inside[0] if inside else None)
            if main is None or len(main.tokens) < 2:
                continue  # a surname alone: no full name to tie the nickname to
            written_last = m.groupdict().get("last") or main.spans[0].text.split()[-1]
            nick, last = _name_words(m.group("nick"))[0], _name_words(written_last)[-1]
            if nick == main.tokens[0] or (m.groupdict().get("nick_last") or written_last) != written_last:
                continue
            named = [d for d in people if d is not main
                     and (d.tokens == (nick,) or len(d.tokens) >= 2 and d.tokens[0] == nick and d.tokens[-1] == last)]
            if not named and gender_of_first_name(nick) is None:
                continue  # "known as Mister Clean": a nickname only where the article or a name list has it
            joined = [d for d in dict.fromkeys(map(id, named + inside))]
            for other in [d for d in people if id(d) in joined and d is not main]:
                main.spans.extend(other.spans)
                main.pronouns.extend(other.pronouns)
            people = [d for d in people if id(d) not in joined or d is main]
            main.goes_by = f"{m.group('nick')} {written_last}"
    return people


def _bearer(matches: list[_Draft], position: int) -> _Draft | None:
    """Which of the people whose name a short mention at token ``position`` fits it names.

    Several people may share a surname: the one mentioned nearest before. A short
    name long before a full name is first written is someone else (thirty "Sanders"
    before the first "Jane Sanders" are not her).
    """
    matches = [d for d in matches if min(sp.start for sp in d.spans) - position <= INTRODUCTION_GAP]
    if not matches:
        return None

    def distance(d: _Draft) -> int:
        before = [sp.start for sp in d.spans if sp.start <= position]
        return position - max(before) if before else 10**9

    return min(matches, key=distance)


def _join_others(others: list[_Candidate], people: list[_Draft]) -> list[_Draft]:
    drafts: dict[tuple[str, str], _Draft] = {}
    for candidate in others:
        words = _name_words(candidate.span.text)
        # the model sometimes labels a known person's surname ORG or GPE, or NORP ("the Navalny question")
        if len(words) == 1 and (candidate.kind in ("organisation", "place") or candidate.kind == "group" and (
                demonym_code(candidate.span.text) is None and words[0] not in FAITH_ADJECTIVES.words)):
            person = _bearer([d for d in people if d.tokens and d.tokens[-1] == words[0]], candidate.span.start)
            if person is not None:
                person.spans.append(candidate.span)
                continue
        key = (candidate.kind, candidate.key)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(candidate.kind, candidate.key, country=candidate.country)
        draft.spans.append(candidate.span)
    _join_acronyms(list(drafts.values()))
    return [d for d in drafts.values() if d.spans]


def _join_acronyms(drafts: list[_Draft]) -> None:
    """"U.N." joins "United Nations" when its letters are the name's initials."""
    orgs = [d for d in drafts if d.kind == "organisation"]
    # A short form tagged GPE ("the E.U.") is still the organisation's.
    shorts = orgs + [d for d in drafts if d.kind == "place" and d.spans and d.spans[0].text.replace(".", "").isupper()]
    for short in shorts:
        letters = short.key.replace(".", "").replace(" ", "")
        if not (2 <= len(letters) <= 6) or len(short.key.split()) > 1 or not short.spans:
            continue
        for full in orgs:
            words = [w for w in full.key.split() if w not in ACRONYM_FILLERS.words]
            if full is not short and len(words) == len(letters) and "".join(w[0] for w in words) == letters:
                full.spans.extend(short.spans)
                short.spans.clear()
                break


def _subject_like(root: Token) -> bool:
    """A subject, or who a sentence is "according to" (the one who speaks on), also through an apposition:
    "Hamas's political leader, Ismail Haniyeh, was killed", "according to a spokesman, Lt. Col. Oumar Diarra"."""
    if root.dep_ == "appos":
        root = root.head
    if root.dep_ in SUBJECT_DEPS:
        return True
    return root.dep_ == "pobj" and "according" in (root.head.lower_, root.head.head.lower_)


def _main_clause(root: Token) -> bool:
    """A subject of the sentence's main verb (or of a verb joined to it), not of a clause inside it; or who
    the sentence is "according to" (its source: "He said" goes on with them)."""
    if root.dep_ == "appos":
        root = root.head
    if root.dep_ == "pobj":
        return True  # _subject_like let only "according to" through
    verb = root.head
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def _resolve_pronouns(doc: Doc, people: list[_Draft]) -> None:
    """he/she → the most recent person mentioned in the last few sentences whose gender fits."""
    if not people:
        return
    starts = sorted((s.start, d) for d in people for s in d.spans)
    sentence = 0
    sent_index = [0] * len(doc)  # token index → sentence number, in one pass
    pronouns = []
    for token in doc:
        if token.is_sent_start and token.i > 0:
            sentence += 1
        sent_index[token.i] = sentence
        if (token.lower_ in MALE_PRONOUNS or token.lower_ in FEMALE_PRONOUNS) and token.pos_ == "PRON":
            pronouns.append(token)
    subjects = {s.start for d in people for s in d.spans if _subject_like(s.root)}
    main = {s.start for d in people for s in d.spans if s.start in subjects and _main_clause(s.root)}
    for token in pronouns:
        lower = token.lower_
        gender = "m" if lower in MALE_PRONOUNS else "f"
        fits = []
        for start, draft in reversed([p for p in starts if p[0] < token.i]):
            if sent_index[token.i] - sent_index[start] > PRONOUN_WINDOW:
                break
            if draft.gender in (None, gender):
                fits.append((start, draft))
        if not fits:
            continue
        # a pronoun that is a subject continues the last person who was one ("Blinken spoke with Yang.
        # ... He also called on Beijing": Blinken), else the last person named
        start, draft = fits[0]
        if token.dep_ in SUBJECT_DEPS:
            start, draft = next((f for f in fits if f[0] in subjects), fits[0])
            # of that sentence's subjects, the main clause's: "Blagojevich was jailed after Obama was elected
            # president. He was sentenced ..." (Blagojevich)
            if start in subjects and start not in main and sent_index[start] != sent_index[token.i]:
                start, draft = next((f for f in fits if f[0] in main and sent_index[f[0]] == sent_index[start]),
                                    (start, draft))
        draft.pronouns.append(doc[token.i : token.i + 1])
        draft.gender = draft.gender or gender


def _display_name(draft: _Draft) -> str:
    if draft.goes_by:
        return draft.goes_by
    texts = [s.text for s in draft.spans if s.label_ != "NORP"]
    if draft.kind == "place" and not texts:  # only adjectives: "European" names Europe
        return REGION_ADJECTIVES.get(normal_key(draft.spans[0].text), draft.spans[0].text)
    if draft.kind in ("person", "place"):
        return max(texts or [s.text for s in draft.spans], key=lambda t: (len(t.split()), len(t)))
    if draft.kind == "country":
        # One name per code ("United States of America", "America", "U.S." are all United States), so
        # the corpus keeps one actor per country whatever an article calls it; a part ("Scotland") keeps its own.
        parts = [t for t in texts if normal_key(t).removeprefix("the ") in PART_NAMES]
        if parts:
            return _commonest(parts)
        if draft.key:
            return country_name(draft.key)
        return _commonest(texts or [s.text for s in draft.spans])
    texts = texts or [s.text for s in draft.spans]
    # An organisation is shown by its name, not the short form it was joined to ("EU").
    return _commonest([t for t in texts if not t.replace(".", "").isupper()] or texts)


def _commonest(texts: list[str]) -> str:
    """The form written most often, the longer of a tie."""
    counts = Counter(texts)
    return max(counts, key=lambda t: (counts[t], len(t)))


def _mention(span: Span, label: str | None = None) -> Mention:
    return Mention(span.start_char, span.end_char, span.text, label or span.label_)


def find_actors(doc: Doc, lexicon: ActorLexicon = DEFAULT_LEXICON) -> list[Actor]:
    text = doc.text  # built from the tokens on every access: read it once
    candidates = _candidates(doc, lexicon)
    people = _join_name_cues(text, _join_people([c for c in candidates if c.kind == "person"], lexicon))
    others = _join_others([c for c in candidates if c.kind != "person"], people)
    _resolve_pronouns(doc, people)
    drafts = sorted(people + others, key=lambda d: min(s.start for s in d.spans))
    names = {id(d): _display_name(d) for d in drafts}
    span_owner = {(s.start, s.end): d for d in drafts for s in d.spans}
    titles = {c.span.start: c.title_span for c in candidates if c.title_span is not None}

    def owner_name(ent: Span | None) -> tuple[str | None, str | None]:
        """The display name and country of the actor an affiliation entity names."""
        if ent is None:
            return None, None
        overlaps = [
            (min(end, ent.end) - max(start, ent.start), -abs((end - start) - len(ent)), draft)
            for (start, end), draft in span_owner.items()
            if start < ent.end and ent.start < end
        ]
        if not overlaps:
            return ent.text, None
        draft = max(overlaps, key=lambda o: o[:2])[2]
        if draft.kind == "person":  # "a Trump supporter": a person is not an affiliation
            return None, None
        return names[id(draft)], draft.country

    actors = []
    for number, draft in enumerate(drafts, start=1):
        role = affiliation = country = None
        evidence = None
        if draft.kind == "person":
            role, affiliation, country, evidence = _person_role(doc, text, draft, titles, owner_name, lexicon)
        else:
            country = draft.country
        mentions = sorted(
            [_mention(s) for s in draft.spans] + [_mention(p, "PRON") for p in draft.pronouns],
            key=lambda m: m.start,
        )
        actors.append(
            Actor(
                id=f"a{number}",
                name=names[id(draft)],
                kind=draft.kind,
                mentions=tuple(mentions),
                role=display_role(role),
                affiliation=affiliation,
                country=country,
                role_evidence=evidence,
            )
        )
    return actors


def display_role(role: str | None) -> str | None:
    """A role as prose writes it: a transcript heading's "SECRETARY" is "Secretary"; a line break is a space."""
    if not role:
        return role
    role = " ".join(role.split())
    if role.isupper() and len(role) > 3:
        role = " ".join(_prose_word(w) for w in role.split())
    return role


def _prose_word(word: str) -> str:
    if word in ("OF", "FOR", "THE", "AND", "ON", "TO"):
        return word.lower()
    if "." in word or len(word) <= 2:  # "U.S.", "UN": an abbreviation stays as written
        return word
    return word.capitalize()


def _person_role(doc, text: str, draft: _Draft, titles, owner_name, lexicon: ActorLexicon):
    """First role and affiliation found over the person's mentions, in text order."""
    role = affiliation_ent = None
    evidence: tuple[int, int] | None = None
    for span in sorted(draft.spans, key=lambda s: s.start):
        finding = actor_roles.appositive(span, lexicon)
        title_span = titles.get(span.start)
        if title_span is not None:
            before = actor_roles.title_before(doc, title_span.start, lexicon)
            finding = actor_roles.RoleFinding(
                role=title_span.text,
                affiliation=before.affiliation if before else None,
                evidence=(before.evidence[0] if before else title_span.start_char, span.end_char),
            )
        if finding is None:
            finding = actor_roles.title_before(doc, span.start, lexicon)
        after = actor_roles.of_after(doc, span.end)
        if finding is not None and finding.affiliation is None and after is not None:
            finding = actor_roles.RoleFinding(finding.role, after, (finding.evidence[0], after.end_char))
        elif finding is None and after is not None and span.start > 0 and doc[span.start - 1].lower_ in lexicon.honorifics:
            finding = actor_roles.RoleFinding(None, after, (doc[span.start - 1].idx, after.end_char))
        if finding is not None:
            role, affiliation_ent = finding.role, finding.affiliation
            evidence = (min(finding.evidence[0], span.start_char), max(finding.evidence[1], span.end_char))
            break
    affiliation, country = owner_name(affiliation_ent)
    evidence_mention = None
    if evidence is not None:
        evidence_mention = Mention(evidence[0], evidence[1], text[evidence[0] : evidence[1]], "ROLE")
    return role, affiliation, country, evidence_mention


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping chars [start, end), the longest overlap winning."""
    best, best_overlap = None, 0
    for actor in doc._.actors or ():
        for m in actor.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
    return best
