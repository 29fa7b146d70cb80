"""Roles and affiliations of people, read from titles and appositives.

Patterns, each with an example from news text:

- title before the name: "Prime Minister Benjamin Netanyahu", "U.S. President Joe Biden",
  "State Department spokesperson Vedant Patel" (the entity before the title is the affiliation);
- a title with its office before the name: "Assistant Secretary for Consular Affairs Rena Bitter";
- "of X" after a titled name: "President Abdel Fattah el-Sissi of Egypt";
- appositive after the name: "Nasser Kanani, a spokesperson for Iran’s Foreign Ministry,";
- appositive before the name: "A State Department spokesperson, Vedant Patel,",
  "Hamas’s political leader, Ismail Haniyeh,".

The words they look for (titles, honorifics, role nouns, affiliation cues) are rows
and tables of :mod:`chronicle.nlp.actor_rules`, passed in as an ``ActorLexicon``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from chronicle.nlp.actor_rules import (
    AFFILIATION_LABELS,
    AFFILIATION_PREPOSITIONS,
    DEFAULT_LEXICON,
    GOVERNMENT_BODIES,
    NOT_ROLES,
    NOT_TITLE_HEADS,
    OFFICE_HEADS,
    OFFICE_NAME_ENDS,
    PERSONAL_MODIFIERS,
    RANKS_BEFORE_AFFILIATION,
    ROLE_NOUN_ENDINGS,
    ROLE_NOUN_SUFFIXES,
    TITLE_MODIFIERS,
    ActorLexicon,
)
from chronicle.nlp.countries import country_code


def names_a_person(noun: str, lexicon: ActorLexicon = DEFAULT_LEXICON) -> bool:
    """Can this noun be a person's role? "spokesperson", "neurosurgeon", "strategist" yes; "heroism" no."""
    noun = noun.lower()
    if noun in lexicon.role_nouns or any(noun.endswith(w) for w in ROLE_NOUN_ENDINGS):
        return True
    return len(noun) > 4 and noun.endswith(ROLE_NOUN_SUFFIXES)


@dataclass(frozen=True)
class RoleFinding:
    role: str | None
    affiliation: Span | None  # the entity span naming the affiliation
    evidence: tuple[int, int]  # char span of the whole phrase


def _entity_of(token: Token) -> Span | None:
    """The entity a token is part of, found from its IOB tags (no scan of doc.ents)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _affiliation_entity(token: Token) -> Span | None:
    ent = _entity_of(token)
    if ent is not None and ent.label_ in AFFILIATION_LABELS.words:
        return ent
    return None


# How many tokens an office may take between its title and the name ("Secretary of State for
# Arms Control and International Security Bonnie Jenkins": 8).
OFFICE_TOKENS = 12
_OFFICE_JOINERS = frozenset({"of", "for", "and", ",", "the", "&"})


def office_title_start(doc: Doc, start: int, lexicon: ActorLexicon) -> int | None:
    """Where a title with its office begins, when one ends right before token ``start``:
    "Assistant Secretary of State for African Affairs Molly Phee" (``start`` at "Molly") gives
    the index of "Assistant". The office ends in an :data:`OFFICE_NAME_ENDS` word, and the nearest
    title word followed by "of" or "for" heads it; None otherwise."""
    last = start - 1
    if last < 1 or doc[last].lower_ not in OFFICE_NAME_ENDS.words or not doc[last].text[:1].isupper() \
            or doc[start].is_sent_start:
        return None
    head = None
    j = last - 1
    while j >= max(0, last - OFFICE_TOKENS):
        token = doc[j]
        if not (token.text[:1].isupper() or token.lower_ in _OFFICE_JOINERS):
            break
        if doc[j + 1].lower_ in ("of", "for") and token.lower_ not in NOT_TITLE_HEADS.words and (
                token.lower_ in lexicon.titles or token.lower_ in OFFICE_HEADS.words):
            head = j  # the nearest: "Secretary of Commerce Gina Raimondo and Secretary of ..." is two titles
            break
        if token.is_sent_start:
            break
        j -= 1
    if head is None:
        return None
    while head > 0 and not doc[head].is_sent_start:
        before = doc[head - 1]
        if before.text[:1].isupper() and (before.lower_ in TITLE_MODIFIERS or before.lower_ in lexicon.titles):
            head -= 1  # "Assistant", "Deputy", "Under"
        elif before.text == "-" and head > 1 and doc[head - 2].text[:1].isupper() and doc[head - 2].lower_ in lexicon.titles:
            head -= 2  # "Director-General"
        else:
            break
    return head


def title_before(doc: Doc, start: int, lexicon: ActorLexicon) -> RoleFinding | None:
    """A title (and the entity before it) right in front of a name starting at token ``start``."""
    role_tokens: list[Token] = []
    affiliation: Span | None = None
    i = start - 1
    office = office_title_start(doc, start, lexicon)
    if office is not None:  # "Assistant Secretary for Consular Affairs Rena Bitter": the whole title
        role_tokens, i = list(doc[office:start]), office - 1
    # Token.sent would scan the whole doc on every call; a sentence start flag is a lookup
    while i >= 0 and not doc[i + 1].is_sent_start:
        token = doc[i]
        lower = token.lower_
        if lower in lexicon.titles and token.ent_type_ != "PERSON":
            if affiliation is not None:  # "senior Hezbollah commander": modifier before the entity
                if lower in RANKS_BEFORE_AFFILIATION.words:
                    role_tokens.insert(0, token)
                    i -= 1
                    continue
                break
            role_tokens.insert(0, token)
            i -= 1
            continue
        if lower == "of" and role_tokens and i >= 1 and not token.is_sent_start and doc[i - 1].lower_ in lexicon.titles:
            role_tokens.insert(0, token)  # "Secretary of State"
            i -= 1
            continue
        if lower in ("'s", "’s") and role_tokens and affiliation is None:
            i -= 1
            continue
        ent = _affiliation_entity(token)
        if ent is not None and role_tokens and affiliation is None:
            affiliation = ent
            i = ent.start - 1
            continue
        break
    # a role is only a role if it has a head word that is a title, not just modifiers
    heads = [t for t in role_tokens if t.lower_ not in NOT_TITLE_HEADS.words]
    if not heads:
        return None
    first = min([role_tokens[0].idx] + ([affiliation.start_char] if affiliation is not None else []))
    role = " ".join(t.text for t in role_tokens) if office is None else doc[role_tokens[0].i:start].text
    return RoleFinding(role=role, affiliation=affiliation, evidence=(first, doc[start].idx))


def of_after(doc: Doc, end: int) -> Span | None:
    """"of X" right after a name ending before token ``end``: the entity X."""
    if end < len(doc) and doc[end].lower_ == "of" and end + 1 < len(doc):
        ent = _affiliation_entity(doc[end + 1])
        if ent is None and doc[end + 1].lower_ == "the" and end + 2 < len(doc):
            ent = _affiliation_entity(doc[end + 2])
        return ent
    return None


def _role_phrase(noun: Token) -> tuple[str, Span | None, int, int]:
    """Role words, affiliation entity and char extent of an appositive noun phrase."""
    affiliation: Span | None = None
    modifiers: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod", "poss", "punct"):
            ent = _affiliation_entity(child)
            if ent is not None:
                affiliation = affiliation or ent
            elif child.dep_ in ("amod", "compound") and child.pos_ in ("ADJ", "NOUN", "PROPN", "VERB", "PUNCT"):
                modifiers.append(child)
    words = [t for chain in _hyphen_chains(modifiers) if _is_role_modifier(chain) for t in chain]
    words.append(noun)
    end_char = noun.idx + len(noun)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS.words:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    ent = _affiliation_entity(pobj)
                    if ent is not None and affiliation is None:
                        affiliation = with_country_possessor(ent)
                        end_char = max(end_char, ent.end_char)
        if child.dep_ == "prep" and child.lower_ == "in":
            end_char = max(end_char, child.right_edge.idx + len(child.right_edge))
    start_char = noun.left_edge.idx
    return _join_words(words), affiliation, start_char, end_char


def _hyphen_chains(tokens: list[Token]) -> list[list[Token]]:
    """Group modifiers into hyphenated words: [ultra, -, conservative] is one chain."""
    chains: list[list[Token]] = []
    for token in sorted(tokens, key=lambda t: t.i):
        joined = chains and (token.text == "-" or chains[-1][-1].text == "-") and token.i == chains[-1][-1].i + 1
        if joined:
            chains[-1].append(token)
        else:
            chains.append([token])
    return chains


def _is_role_modifier(chain: list[Token]) -> bool:
    """"ultra-conservative" describes the role; "22-year-old" and "Austin-based" describe the person."""
    if all(t.text == "-" for t in chain) or chain[0].text == "-" or chain[-1].text == "-":
        return False
    if any(t.like_num or t.lower_ in PERSONAL_MODIFIERS.words for t in chain):
        return False
    return not (len(chain) > 1 and chain[0].pos_ == "PROPN")


def _join_words(words: list[Token]) -> str:
    """Role words as written: "ultra-conservative senator", not "ultra - conservative senator"."""
    text = ""
    for a, b in zip(words, words[1:] + [None]):
        text += a.text
        if b is not None:
            text += "" if (b.i == a.i + 1 and not a.whitespace_) else " "
    return text


def with_country_possessor(span: Span) -> Span:
    """"Iran’s Foreign Ministry": a government body is named with the country that owns it."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ in ("'s", "’s"):
        owner = _affiliation_entity(doc[span.start - 2])
        if (
            owner is not None and owner.label_ == "GPE" and country_code(owner.text)
            and any(t.lower_ in GOVERNMENT_BODIES.words for t in span)
        ):
            return Span(doc, owner.start, span.end, label=span.label_)
    return span


def appositive(name: Span, lexicon: ActorLexicon) -> RoleFinding | None:
    """A role noun in apposition to the name, after or before it."""
    root = name.root
    candidates: list[Token] = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        head = root.head
        # "A spokesman for the European Commission, Henrik Lund": the parser hangs the name
        # on the nearest noun, the organisation; the role is the noun that owns the phrase.
        if head.ent_type_ and head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head.head
        candidates.append(head)
    for noun in candidates:
        # a person's role is a singular noun: "fellow presidential candidates" is company, not a role
        if noun.pos_ != "NOUN" or noun.tag_ == "NNS" or noun.lower_ in NOT_ROLES.words or noun.ent_type_:
            continue
        if not names_a_person(noun.lower_, lexicon):  # "whose war heroism Trump ..." is no role
            continue
        role, affiliation, start_char, end_char = _role_phrase(noun)
        lo = min(start_char, name.start_char)
        hi = max(end_char, name.end_char)
        return RoleFinding(role=role, affiliation=affiliation, evidence=(lo, hi))
    return None
