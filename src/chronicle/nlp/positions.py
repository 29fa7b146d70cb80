"""chronicle_positions: each party's stated positions in a negotiation, and who mediates between whom.

Runs last: it reads the actors, quotes, events and dates the other components left on the Doc.

A position comes from one of two places:

- a cue of :data:`chronicle.nlp.position_rules.CUES` ("willing to ... if", "should include",
  "Hamas's latest offer", "not giving up", "accused X of"), read from the parse: the cue's
  subject (or a noun cue's owner) is the holder, the dependent its row names is the topic, an
  "if/unless/until" clause on it is the condition;
- an event of chronicle_events that is a position by its type (ACCUSE, REJECT, THREATEN,
  REQUEST, SUPPORT, AGREE: :data:`~chronicle.nlp.position_rules.EVENT_KINDS`), where no cue
  already gave one: the event's source is the holder, its target the target.

Holder and speaker: inside a quote, a clause whose subject names an actor ("Hamas would still be
willing to ...", said two officials) is that actor's position and the quote's speaker is kept as
speaker; otherwise the speaker's. A person's position is held by their side: the actor their
affiliation names ("a Hamas representative" → Hamas; "Prime Minister of Israel" → Israel), an
office's country ("State Department" → the United States, :data:`OFFICE_COUNTRY`), else the
person.

A position links to the quote whose content or cue holds its cue and to the event whose trigger
is its cue (``quote_id``/``event_id``); the quote and the event point back (``position_ids``).

Mediation (:data:`~chronicle.nlp.position_rules.MEDIATION_CUES`): "relying on M to act as
intermediaries", "M brokered a deal between A and B", "talks hosted by M", "M ... a bridging
proposal to close a deal between A and B", "M assured A they would work to have B represented".

Topics are joined across articles by :func:`key_from_tokens`: the topic's lemmas and words,
lower case, looked up in :data:`~chronicle.nlp.position_rules.TOPIC_GROUPS` (one row per issue
with its variants: "a ceasefire", "a truce" and "a deal to stop the fighting" are all
``ceasefire``; "the Philadelphi corridor" and "the Rafah crossing" are ``border``); a topic that
only points at an issue named elsewhere ("it", "the efforts", "this deal":
:data:`~chronicle.nlp.position_rules.GENERIC_TOPICS`) or that is missing takes the row found in
the rest of its sentence; else the topic keys on its first noun's lemma. No network, no model:
the same topic in the same sentence always gets the same key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from chronicle.nlp.countries import country_code
from chronicle.nlp.event_arguments import actor_of, arguments, prep_objects
from chronicle.nlp.events import DEFAULT_RULES, negation
from chronicle.nlp.extensions import doc_text
from chronicle.nlp.position_rules import (BLAME_OBJECTS, CONDITION_MARKS, CUES, DEMAND_MODALS, DENIED_THINGS,
                                          EVENT_KIND_BY_LEMMA, EVENT_KINDS, EVENT_RULES_NOT_POSITIONS, FIRST_PERSON,
                                          GENERIC_TOPICS, MEDIATION_CUES, OFFICE_COUNTRY, STANCE_VERBS, TOPIC_GROUPS,
                                          TOPIC_STOP, WISH_VERBS, Cue, MediationCue)
from chronicle.records import POSITION_KINDS, Actor, Event, Mediation, Mention, Position, Quote

POS = {"verb": ("VERB", "AUX"), "noun": ("NOUN", "PROPN"), "adj": ("ADJ", "VERB"), "modal": ("AUX", "VERB", "PART")}
FUTURE = frozenset({"will", "shall", "'ll", "’ll", "wo"})
AUTHOR = "chronicle_positions.author"
PROPOSAL_VERBS = frozenset({"present", "put", "submit", "table", "unveil", "make", "draft", "send", "offer",
                            "propose", "circulate", "outline"})
PARTY_KINDS = ("organisation", "country", "group")
OFFICE_WORDS = ("ministry", "department", "government", "office", "embassy", "mission", "cabinet", "presidency")
MAX_TOPIC_TOKENS = 16
MEDIATION_WORDS = frozenset(w for mc in MEDIATION_CUES for w in mc.words)


@Language.factory(
    "chronicle_positions",
    requires=["token.dep", "token.lemma", "doc._.actors", "doc._.quotes", "doc._.events", "doc._.dates"],
    assigns=["doc._.positions", "doc._.mediations", "doc._.quotes", "doc._.events"],
    # extra_cues: rows like position_rules.CUES' (dicts of Cue's fields) tried before them;
    # drop_cues: ids of rows to leave out.
    default_config={"extra_cues": [], "drop_cues": []},
)
def make_positions(nlp: Language, name: str, extra_cues: list, drop_cues: list) -> PositionFinder:
    rows = [Cue(**{**c, "topic": tuple(c.get("topic", Cue.topic))}) for c in extra_cues]
    rows += [c for c in CUES if c.id not in set(drop_cues)]
    return PositionFinder(rows)


class PositionFinder:
    """Fills ``doc._.positions`` and ``doc._.mediations``; adds ``position_ids`` to quotes and events."""

    def __init__(self, cues: Iterable[Cue] = CUES):
        self.cues: dict[tuple[str, str], list[Cue]] = {}
        for cue in cues:
            if cue.kind not in POSITION_KINDS or cue.pos not in POS:
                raise ValueError(f"cue {cue.id!r}: kind must be one of {POSITION_KINDS}, pos one of {tuple(POS)}")
            for word in cue.words:
                self.cues.setdefault((word.split()[0], cue.pos), []).append(cue)

    def __call__(self, doc: Doc) -> Doc:
        positions, mediations = find(doc, self.cues)
        by_quote: dict[str, list[str]] = {}
        by_event: dict[str, list[str]] = {}
        for p in positions:
            if p.quote_id:
                by_quote.setdefault(p.quote_id, []).append(p.id)
            if p.event_id:
                by_event.setdefault(p.event_id, []).append(p.id)
        doc._.quotes = [dataclasses.replace(q, position_ids=tuple(by_quote.get(q.id, ()))) for q in doc._.quotes or ()]
        doc._.events = [dataclasses.replace(e, position_ids=tuple(by_event.get(e.id, ()))) for e in doc._.events or ()]
        doc._.positions = positions
        doc._.mediations = mediations
        return doc


@dataclass
class Draft:
    kind: str
    cue: Token
    cue_end: int  # char offset: the cue's words may run past its token ("give up")
    rule: str
    holder_ids: list[str] = field(default_factory=list)
    holder: Mention | None = None
    speaker_ids: list[str] = field(default_factory=list)
    speaker: Mention | None = None
    topic: tuple[int, int] | None = None
    condition: tuple[int, int] | None = None
    target_ids: list[str] = field(default_factory=list)
    target: Mention | None = None
    quote: Quote | None = None
    event: Event | None = None
    by_subject: bool = False  # the holder was read from the cue's own subject or owner


# ----------------------------------------------------------------------------- parse helpers


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _span(tokens: Iterable[Token]) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_space and not (t.is_punct and t.lower_ not in ("-", "’s", "'s"))]
    if not toks:
        return None
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def _mention(doc: Doc, span: tuple[int, int] | None, label: str = "") -> Mention | None:
    if span is None:
        return None
    return Mention(span[0], span[1], doc_text(doc)[span[0]:span[1]], label)


def _negated(tok: Token) -> bool:
    return negation(tok, levels=3) is not None  # a position looks less far up than an event


def _clause_heads(tok: Token) -> list[Token]:
    """The cue and the words its clause hangs on ("willing" → "be"; "fighting" → "stop")."""
    heads = [tok]
    if tok.dep_ in ("acomp", "xcomp", "amod") and tok.head.i != tok.i:
        heads.append(tok.head)
    heads.extend(c for c in tok.children if c.dep_ in ("xcomp",))
    return heads


def _condition(tok: Token) -> Token | None:
    """An "if/unless/until/provided" clause on the cue's clause."""
    for head in _clause_heads(tok):
        for c in head.children:
            if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in CONDITION_MARKS
                                         for m in c.children):
                return c
    return None


def _subject(tok: Token, passive_subject: bool = False) -> Token | None:
    """The cue's subject: its own, or the one of the clause it completes or is joined to
    (``passive_subject``: "was committed to": the passive's subject holds it)."""
    cur = tok
    for _ in range(4):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in cur.children):
            agent = next((c for c in cur.children if c.dep_ == "agent"), None)
            if passive_subject and agent is None:
                return next((c for c in cur.children if c.dep_ == "nsubjpass"), None)
            return next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
        if cur.dep_ in ("xcomp", "acomp", "conj", "advcl", "amod") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


def _owners(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i]


def _topic_span(tok: Token, skip: set[int]) -> tuple[int, int] | None:
    skip = skip | {t.i for c in tok.subtree if c.i != tok.i and (c.dep_ == "relcl" or (
        c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.head.pos_ in ("VERB", "AUX"))) for t in c.subtree}
    tokens = [t for t in tok.subtree if t.i not in skip]
    if not tokens:
        return None
    # one contiguous run from the head's left edge, at most MAX_TOPIC_TOKENS long
    tokens.sort(key=lambda t: t.i)
    run = [tokens[0]]
    for t in tokens[1:]:
        if t.i != run[-1].i + 1 or len(run) >= MAX_TOPIC_TOKENS:
            break
        run.append(t)
    if tok not in run and tok.i - tokens[0].i < MAX_TOPIC_TOKENS:
        run = [t for t in tokens if t.i <= tok.i]
    while len(run) > 1 and (run[-1].dep_ in ("cc", "punct", "mark") or run[-1].is_space):
        run.pop()
    return _span(run)


def _select_topic(tok: Token, selectors: tuple[str, ...], skip: set[int]) -> tuple[int, int] | None:
    for sel in selectors:
        if sel == "self":
            skip = skip | {t.i for c in tok.children if c.dep_ in ("relcl",) for t in c.subtree}
            return _topic_span(tok, skip)
        dep, _, word = sel.partition(":")
        for head in _clause_heads(tok)[:1] + [c for c in tok.children if c.dep_ == "prt"]:
            if dep == "prep":
                objs = prep_objects(tok, word) or prep_objects(head, word)
                if objs:
                    return _topic_span(objs[0], skip)
            elif dep == "pcomp":
                for p in tok.children:
                    if p.dep_ == "prep" and p.lower_ == word:
                        comp = next((c for c in p.children if c.dep_ in ("pcomp", "pobj")), None)
                        if comp is not None:
                            return _topic_span(comp, skip)
            else:
                found = next((c for c in tok.children if c.dep_ == dep and c.i not in skip), None)
                if found is not None:
                    return _topic_span(found, skip)
    return None


# ----------------------------------------------------------------------------- actors and sides


def _actor(doc: Doc, actor_id: str) -> Actor | None:
    return next((a for a in doc._.actors or () if a.id == actor_id), None)


def side_of(doc: Doc, actor: Actor) -> Actor:
    """The party a person (or an office) speaks for; else the actor itself."""
    actors = list(doc._.actors or ())
    by_name = {a.name.lower(): a for a in actors}
    code = None
    if actor.kind == "person" and actor.affiliation:
        aff = by_name.get(actor.affiliation.lower())
        if aff is not None and aff.kind in PARTY_KINDS and not _is_office(aff):
            return aff
        code = OFFICE_COUNTRY.get(actor.affiliation.lower()) or (aff.country if aff is not None else None) \
            or country_code(actor.affiliation)
    elif actor.kind == "organisation" and _is_office(actor):
        code = OFFICE_COUNTRY.get(actor.name.lower()) or actor.country
    if actor.kind == "person" and code is None:
        code = actor.country
    if code:
        country = next((a for a in actors if a.kind == "country" and a.country == code), None)
        if country is not None:
            return country
    return actor


def _is_office(actor: Actor) -> bool:
    name = actor.name.lower()
    return name in OFFICE_COUNTRY or any(w in name.split() or w in name for w in OFFICE_WORDS)


def _sides(doc: Doc, ids: Iterable[str]) -> list[str]:
    out: list[str] = []
    for i in ids:
        a = _actor(doc, i)
        if a is None:
            continue
        s = side_of(doc, a)
        if s.id not in out:
            out.append(s.id)
    return out


def _quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    best = None
    for q in quotes:
        inside = q.content.start <= start and end <= q.content.end
        cue = q.cue is not None and q.cue.start < end and start < q.cue.end
        if inside or cue:
            if best is None or (q.content.end - q.content.start) < (best.content.end - best.content.start):
                best = q
    return best


def _is_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON" or tok.lower_ in ("they", "we", "i", "he", "she", "it")


def _first_person(tok: Token | None) -> bool:
    """"we", "our nations", "our commitment": the writer (or, in a quote, the speaker)."""
    if tok is None:
        return False
    if tok.lower_ in FIRST_PERSON:
        return True
    return tok.pos_ in ("NOUN", "PROPN") and actor_of(doc_of(tok), DEFAULT_RULES, tok) is None and any(
        c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in tok.children)


def doc_of(tok: Token) -> Doc:
    return tok.doc


def author_ids(doc: Doc) -> list[str]:
    """The sides "we" stands for in a statement's own words (see :func:`author`)."""
    return author(doc)[0]


def author(doc: Doc) -> tuple[list[str], list[str]]:
    """Who "we" is in a statement's own words, as (sides, persons): "We, the G7 Foreign Ministers
    of Canada, France ..."; else a byline on the first line ("Antony J. Blinken, Secretary of
    State": the office's country, :data:`OFFICE_COUNTRY`, and the person; "Office of the
    Spokesperson"); else the countries and bodies that are the subject of the first sentence
    ("The United States, the Republic of Korea, and Japan strongly condemn ...")."""
    if AUTHOR in doc.user_data:
        return doc.user_data[AUTHOR]
    text = doc_text(doc)
    sides: list[str] = []
    persons: list[str] = []
    for tok in doc:
        if tok.lower_ == "we" and not _in_quote(doc, tok):
            appos = [c for c in tok.children if c.dep_ == "appos"]
            if appos:
                _, ids = arguments(doc, DEFAULT_RULES, appos)
                sides = [i for i in ids if (a := _actor(doc, i)) is not None and a.kind != "place"]
            break
    if not sides:
        first = text.split("\n", 1)[0]
        name, _, role = first.partition(",")
        code = OFFICE_COUNTRY.get(role.strip().lower()) or OFFICE_COUNTRY.get(first.strip().lower())
        person = next((a for a in doc._.actors or () if a.kind == "person"
                       and any(m.start < len(first) and m.label != "PRON" for m in a.mentions)), None)
        if person is not None:
            persons = [person.id]
            side = side_of(doc, person)
            sides = [side.id] if side.id != person.id else []
        if code and not sides:
            country = next((a for a in doc._.actors or () if a.kind == "country" and a.country == code), None)
            sides = [country.id] if country is not None else []
        if not sides and not persons:
            for sent in list(doc.sents)[:3]:
                subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in FIRST_PERSON:
                    _, ids = arguments(doc, DEFAULT_RULES, [subj])
                    ids = [i for i in ids if (a := _actor(doc, i)) is not None and a.kind in PARTY_KINDS]
                    if len(ids) > 1:
                        sides = ids
                        break
    if not sides:
        sides = persons
    doc.user_data[AUTHOR] = (sides, [p for p in persons if p not in sides])
    return doc.user_data[AUTHOR]


def _in_quote(doc: Doc, tok: Token) -> bool:
    return any(q.content.start <= tok.idx < q.content.end for q in doc._.quotes or ())


def _holder(doc: Doc, d: Draft, subj: Token | None) -> None:
    """Fill holder and speaker from the cue's subject and the quote that carries it."""
    q = d.quote
    ids: list[str] = []
    mention = None
    if _first_person(subj) and (q is None or not q.speaker_ids):
        if q is None or not (q.content.start <= subj.idx < q.content.end):
            ids = author_ids(doc)
            d.speaker_ids = list(author(doc)[1])
            mention = _mention(doc, (subj.idx, subj.idx + len(subj)), "WRITER") if ids else None
            q = None
    if ids:
        pass
    elif subj is not None and not (q is not None and _is_pronoun(subj)):
        mention, ids = arguments(doc, DEFAULT_RULES, [subj])
    d.by_subject = bool(ids)
    if q is not None and not ids:
        ids = list(q.speaker_ids)
        mention = q.speaker
    elif q is not None:
        d.speaker_ids = [i for i in q.speaker_ids if i not in ids]
        d.speaker = q.speaker if (d.speaker_ids or not q.speaker_ids) else None
    sides = _sides(doc, ids)
    persons = [i for i in ids if i not in sides]
    d.speaker_ids = list(dict.fromkeys([*persons, *d.speaker_ids]))
    if persons and d.speaker is None:
        d.speaker = mention
    d.holder_ids = sides
    d.holder = mention


# ----------------------------------------------------------------------------- cues


def _applies(doc: Doc, tok: Token, cue: Cue) -> bool:
    if cue.pos == "verb" and "_" in cue.lemmas:
        parts = [w for w in cue.words if w.split()[0] == _lemma(tok)]
        if not parts or not any(c.dep_ == "prt" and c.lower_ == parts[0].split()[1] for c in tok.children):
            return False
    negated = _negated(tok)
    if cue.negated is True and not negated:
        return False
    if cue.negated is False and negated:
        return False
    if cue.pos == "verb" and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False  # "were expected to include": the passive states nobody's position
    if cue.pos in ("verb", "adj") and cue.kind != "condition" and tok.dep_ in ("ccomp", "xcomp") and (
            _lemma(tok.head) in WISH_VERBS or tok.head.lower_ in WISH_VERBS):
        return False  # "hopes Israel will accept": what is hoped for, not Israel's answer
    if cue.pos == "modal" and not (tok.dep_ == "aux" and tok.lower_ in cue.words):
        return False
    if cue.needs == "call" and not (prep_objects(tok, "on", "upon", "for")
                                    or any(c.dep_ == "prt" and c.lower_ in ("on", "upon") for c in tok.children)):
        return False
    if cue.needs == "for" and (not prep_objects(tok, "for") or any(
            c.dep_ == "dobj" and c.lower_ == "you" for c in tok.children)):
        return False  # "thank you for hosting us": courtesy
    if cue.needs == "future" and not any(c.dep_ == "aux" and c.lower_ in FUTURE for c in tok.children):
        return False
    if cue.needs == "actor-object" and not _actor_object(doc, tok):
        return False
    if cue.needs == "stance-owner" and not (
            _owners_actors(doc, tok) or any(o.lower_ in FIRST_PERSON for o in _owners(tok))
            or (tok.dep_ == "dobj" and _lemma(tok.head) in STANCE_VERBS)):
        return False
    if cue.id == "ready":
        act = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if act is None and not prep_objects(tok, "to"):
            return False
        if act is not None and any(_lemma(o) in ("proposal", "plan") for o in act.children if o.dep_ == "dobj"):
            return False  # "willing to present a proposal": the proposal is the position
    if cue.id == "fail-to" and not any(c.dep_ == "xcomp" for c in tok.children):
        return False
    if cue.id == "pose-threat" and not any(c.dep_ == "dobj" and _lemma(c) in BLAME_OBJECTS for c in tok.children):
        return False
    if cue.id == "time-has-come":
        return any(c.dep_ == "nsubj" and _lemma(c) == "time" for c in tok.children)
    if cue.id == "agree-to" and not (prep_objects(tok, "to", "on") or any(c.dep_ == "xcomp" for c in tok.children)):
        return False
    if cue.needs == "condition" and _condition(tok) is None:
        return False
    if cue.needs == "modal":
        auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        heads = {_lemma(tok.head)} if tok.dep_ == "xcomp" else set()
        if not (auxes | heads) & DEMAND_MODALS:
            return False
    if cue.needs == "actor-owner" and not any(actor_of(doc, DEFAULT_RULES, t) for o in _owners(tok) for t in o.subtree):
        return False
    if cue.id == "proposal-noun":
        return bool(_owners_actors(doc, tok)) or (tok.dep_ == "dobj" and _lemma(tok.head) in PROPOSAL_VERBS)
    return True


def _actor_object(doc: Doc, tok: Token) -> bool:
    """"expect Russia to implement", "hope the DPRK will respond": the one expected to act is an actor."""
    for c in tok.children:
        if c.dep_ == "dobj" and actor_of(doc, DEFAULT_RULES, c) is not None:
            return True
        if c.dep_ in ("ccomp", "xcomp"):
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and actor_of(doc, DEFAULT_RULES, subj) is not None:
                return True
    return False


def _owners_actors(doc: Doc, noun: Token) -> list[Token]:
    return [t for o in _owners(noun) for t in o.subtree if actor_of(doc, DEFAULT_RULES, t) is not None]


def _cue_draft(doc: Doc, tok: Token, cue: Cue, quotes: list[Quote]) -> Draft:
    kind = cue.kind
    if cue.id == "reject" and any(_lemma(c) in DENIED_THINGS for c in tok.children if c.dep_ == "dobj"):
        kind = "denial"
    end = tok.idx + len(tok)
    prt = next((c for c in tok.children if c.dep_ == "prt"), None)
    if "_" in cue.lemmas and prt is not None:
        end = prt.idx + len(prt)
    d = Draft(kind, tok, end, f"cue:{cue.id}")
    cond = _condition(tok)
    skip = {t.i for t in cond.subtree} if cond is not None else set()
    if cond is not None and cue.needs == "condition":
        d.condition = _span(t for t in cond.subtree if not (t.dep_ == "mark" and t.head.i == cond.i))
    if cue.pos == "modal":
        d.quote = _quote_at(quotes, tok.idx, end)
        return _modal_draft(doc, tok, cue, quotes, d)
    d.topic = _select_topic(tok, cue.topic, skip)
    if d.topic is not None and cue.pos == "verb" and kind == "condition":  # "not stop fighting until": "stop fighting"
        d.topic = (min(d.topic[0], tok.idx), max(d.topic[1], end))
    d.quote = _quote_at(quotes, tok.idx, end)
    if tok.dep_ == "acl" and d.quote is not None and d.quote.cue is not None and d.quote.cue.start <= tok.idx < (
            d.quote.cue.end):
        # "commended the King for Jordan's leadership supporting peace": a participle on a noun describes it; the
        # quote it cues speaks for the noun (quote_speakers), but that is the writer's account of the noun, not a
        # stance its party states (the guidelines: facts and background are no positions)
        d.quote = None
    if cue.pos == "noun":
        owner = [t for t in _owners_actors(doc, tok)] or [o for o in _owners(tok) if o.lower_ in FIRST_PERSON]
        subj = owner[0] if owner else (_subject(tok.head) if tok.dep_ in ("dobj", "pobj") else None)
    elif tok.dep_ == "amod" and cue.pos == "verb":
        # "Theresa May's proposed Brexit deal": the noun's owner proposed it, not the clause's subject
        owner = _owners_actors(doc, tok.head)
        subj = owner[0] if owner else None
    else:
        subj = _subject(tok, passive_subject=cue.pos == "adj")
    if cue.needs == "blame-subject":
        return _blame_draft(doc, tok, d, subj)
    _holder(doc, d, subj)
    if kind == "accusation":
        target = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if target is not None:
            d.target, d.target_ids = arguments(doc, DEFAULT_RULES, [target])
    return d


def _blame_draft(doc: Doc, tok: Token, d: Draft, subj: Token | None) -> Draft:
    """"It is Iran that has failed to ...", "Iran's missiles pose a threat to ...": the writer (or
    the quote's speaker) blames the subject, which must name an actor other than the writer."""
    target: list[str] = []
    if subj is not None and subj.lower_ in ("that", "who", "which"):
        # "It is Iran that has failed to ...": the antecedent (a relative clause's head, a cleft's "is X")
        attr = next((c for c in tok.head.children if c.dep_ == "attr"), None) if _lemma(tok.head) == "be" else None
        subj = tok.head if tok.dep_ == "relcl" else attr
    if subj is not None and not _first_person(subj):
        d.target, target = arguments(doc, DEFAULT_RULES, [subj])
        owners = _owners_actors(doc, subj) if not target else []
        if owners:  # "Iran's ballistic missiles pose ...": the owner is blamed
            _, target = arguments(doc, DEFAULT_RULES, owners)
    if not target:
        d.holder_ids = []
        return d
    d.target_ids = target
    return _held_by_speaker_or_writer(doc, d)


def _modal_draft(doc: Doc, tok: Token, cue: Cue, quotes: list[Quote], d: Draft) -> Draft:
    """"Russia must withdraw": a demand of the writer (or the quote's speaker) on Russia; "we must
    build on it": a commitment of the writer."""
    verb = tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    d.cue = tok
    skip = {t.i for t in subj.subtree} if subj is not None else set()
    d.topic = _topic_span(verb, skip)
    if subj is not None and _first_person(subj):
        d.kind = "commitment"
        _holder(doc, d, subj)
        return d
    if subj is not None:
        d.target, d.target_ids = arguments(doc, DEFAULT_RULES, [subj])
    return _held_by_speaker_or_writer(doc, d)


def _held_by_speaker_or_writer(doc: Doc, d: Draft) -> Draft:
    """The holder of a blame or a demand made of another: the quote's speaker, else the writer;
    never the one it is made of ("we must ...", said of the writer's own side, is no demand)."""
    q = d.quote
    if q is not None and (q.speaker_ids or q.speaker is not None):
        _holder(doc, d, None)
    else:
        d.quote = None
        d.holder_ids = _sides(doc, author_ids(doc))
        d.speaker_ids = list(author(doc)[1])
    if set(d.holder_ids) & set(d.target_ids):
        d.holder_ids = []
    return d


def _named(doc: Doc, mention: Mention | None) -> bool:
    """A holder no actor stands for still counts when it is a name ("the G7"); "those", "these
    entities" or "the two" are nobody's position (the guidelines leave unnamed holders out)."""
    if mention is None:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    if any(t.pos_ == "PROPN" for t in span):
        return True
    # "Pimentel vowed ...": a capitalised word tagged as a noun here that is a proper noun elsewhere
    titled = {t.lower_ for t in span if t.is_title}
    return bool(titled) and any(t.pos_ == "PROPN" and t.lower_ in titled for t in doc)


def _event_draft(doc: Doc, e: Event, kind: str, quotes: list[Quote]) -> Draft | None:
    span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    if tok.pos_ not in ("VERB", "AUX"):
        return None  # a noun ("the deal", "a threat") names the event; a position is stated by a verb or a cue
    if _lemma(tok) == "thank" and not prep_objects(tok, "for"):
        return None  # "thank you": courtesy, not support
    if kind == "support" and tok.dep_ == "relcl":
        return None  # "entities that support the sale of ...": a description of what they do, not a stance
    d = Draft(kind, tok, e.trigger.end, f"event:{e.type}")
    d.event = e
    d.quote = _quote_at(quotes, e.trigger.start, e.trigger.end)
    ids = list(e.source_ids)
    sides = _sides(doc, ids)
    d.holder_ids = sides
    d.holder = e.source
    d.speaker_ids = [i for i in ids if i not in sides]
    d.target_ids = list(e.target_ids)
    d.target = e.target
    selectors = ("xcomp", "pcomp:of", "dobj", "ccomp", "prep:for", "prep:to", "prep:against", "prep:on")
    d.topic = _select_topic(tok, selectors, set())
    if d.topic is None and tok.pos_ == "NOUN":
        d.topic = _select_topic(tok, ("self",), set())
    if d.topic is None or (e.trigger.start <= d.topic[0] and d.topic[1] <= e.trigger.end):
        d.topic = (e.trigger.start, e.trigger.end)  # "not planning to take part": the act refused
    return d


def _first_person_event(e: Event) -> bool:
    return e.source is not None and e.source.text.lower() in FIRST_PERSON


def _event_kind(e: Event) -> str | None:
    if e.status == "denied" or e.rule.split("+")[0] in EVENT_RULES_NOT_POSITIONS:
        return None
    lemma = e.trigger.text.lower().split()[0] if e.trigger.text else ""
    for (etype, word), kind in EVENT_KIND_BY_LEMMA.items():
        if etype == e.type and lemma.startswith(word):
            return kind
    return EVENT_KINDS.get(e.type)


def _timex_roots(doc: Doc) -> list[tuple]:
    """Each DATE or TIME expression with the root token of its span, found once per Doc."""
    out = []
    for tx in doc._.dates or ():
        if tx.type not in ("DATE", "TIME"):
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None:
            out.append((tx, span.root))
    return out


def _date(doc: Doc, d: Draft, roots: list[tuple]) -> tuple[str | None, str | None]:
    if d.event is not None and d.event.date:
        return d.event.date, d.event.date_id
    anchors = {d.cue.i, *(t.i for t in d.cue.ancestors)}
    inside = set()
    for span in (d.topic, d.condition):
        if span:
            inside.add(span)
    sent = d.cue.sent
    for tx, root in roots:
        if not (sent.start_char <= tx.start < sent.end_char):
            continue
        if any(s <= tx.start < e for s, e in inside):
            continue
        near_noun = d.cue.pos_ == "NOUN" and 0 < root.i - d.cue.i <= 6
        if near_noun or root.head.i in anchors or root.head.head.i in anchors:
            return tx.value, tx.id
    return None, None


# ----------------------------------------------------------------------------- mediation


def _candidates(doc: Doc, words) -> list[Token]:
    """The tokens whose lemma or lower-case form is one of ``words``, found on the Doc's arrays
    (building a Token per word of the article costs more than the rest of the component)."""
    strings = doc.vocab.strings
    hashes = {strings.add(w) for w in words} | {strings.add(w.capitalize()) for w in words}
    if not len(doc):
        return []
    array = doc.to_array([LEMMA, LOWER])
    keys = numpy.fromiter(hashes, dtype=array.dtype, count=len(hashes))
    found = numpy.nonzero(numpy.isin(array[:, 0], keys) | numpy.isin(array[:, 1], keys))[0]
    return [doc[int(i)] for i in found]


def _mediations(doc: Doc, drafts: list[Draft]) -> list[tuple[list[str], list[str], Token, Span, str]]:
    found: list[tuple[list[str], list[str], Token, Span, str]] = []
    events = list(doc._.events or ())
    for tok in _candidates(doc, MEDIATION_WORDS):
        for mc in MEDIATION_CUES:
            if _lemma(tok) not in mc.words and tok.lower_ not in mc.words:
                continue
            got = _mediation(doc, tok, mc, drafts, events)
            if got and got[0]:
                found.append((got[0], got[1], tok, tok.sent, mc.id))
                break
    return found


def _between(doc: Doc, tok: Token) -> list[str]:
    ids: list[str] = []
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ == "between":
            for obj in (c for c in t.children if c.dep_ == "pobj"):
                _, found = arguments(doc, DEFAULT_RULES, [obj])
                ids.extend(i for i in found if i not in ids)
    return ids


def _ids(doc: Doc, tokens: list[Token]) -> list[str]:
    if not tokens:
        return []
    _, ids = arguments(doc, DEFAULT_RULES, tokens)
    return ids


def _mediation(doc: Doc, tok: Token, mc: MediationCue, drafts: list[Draft],
               events: list[Event]) -> tuple[list[str], list[str]] | None:
    sent = tok.sent
    if mc.how == "rely-on":
        # "relying on M to act as intermediaries" / "M will act as mediator"
        if not (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
            return None
        act = tok.head.head
        rely = act.head if act.dep_ in ("advcl", "xcomp") else None
        mediators: list[Token] = []
        if rely is not None and _lemma(rely) in ("rely", "count", "depend", "turn", "ask", "use"):
            mediators = prep_objects(rely, "on", "to") or [c for c in rely.children if c.dep_ == "dobj"]
            main = rely.head if rely.dep_ in ("advcl", "conj", "xcomp") else rely
        else:
            subj = _subject(act)
            mediators = [subj] if subj is not None else []
            main = act
        med = _ids(doc, mediators)
        parties = _between(doc, act)
        if not parties and rely is not None:
            subj = _subject(main)
            parties = _ids(doc, [subj]) if subj is not None else []
            for e in events:
                if sent.start_char <= e.trigger.start < sent.end_char and set(e.source_ids) & set(parties):
                    parties.extend(i for i in e.target_ids if i not in parties)
        return med, parties
    if mc.how == "subject":
        if tok.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            return None
        subj = _subject(tok)
        return _ids(doc, [subj] if subj is not None else []), _between(doc, tok)
    if mc.how == "by":
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is None:
            return None
        med = _ids(doc, [c for c in agent.children if c.dep_ == "pobj"])
        parties = _between(doc, tok.head) or _between(doc, tok)
        if not parties:
            for e in events:
                if sent.start_char <= e.trigger.start < sent.end_char and e.type in ("CONSULT", "AGREE"):
                    parties.extend(i for i in (*e.source_ids, *e.target_ids) if i not in parties and i not in med)
        return med, parties
    if mc.how == "proposer":
        noun = tok.head if tok.dep_ in ("amod", "compound") else tok
        parties = _between(doc, noun)
        holder = next((d for d in drafts if d.cue.i == noun.i), None)
        return (list(holder.holder_ids) if holder is not None else []), parties
    if mc.how == "effort":
        if tok.pos_ != "VERB":
            return None
        med: list[str] = []
        if tok.dep_ == "acl" and _lemma(tok.head) in ("effort", "role", "work", "attempt", "bid", "diplomacy"):
            owners = [o for o in tok.head.children if o.dep_ == "poss"]
            if owners and owners[0].lower_ in ("their", "its", "his", "her"):
                praised = tok.head.head.head if tok.head.dep_ == "pobj" else None
                med = _ids(doc, [c for c in praised.children if c.dep_ == "dobj"]) if praised is not None else []
            else:
                med = _ids(doc, owners)
        elif tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "for":
            praised = tok.head.head
            med = _ids(doc, [c for c in praised.children if c.dep_ == "dobj"])
        else:
            return None
        return med, _between(doc, tok)
    if mc.how == "hyphen":
        noun = tok.head
        if tok.dep_ != "amod" or tok.i < 2 or doc[tok.i - 1].text not in ("-", "‑"):
            return None
        named = actor_of(doc, DEFAULT_RULES, doc[tok.i - 2])
        return ([named.id] if named is not None else []), _between(doc, noun)
    if mc.how == "assure":
        b = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        assure = next((a for a in tok.ancestors if _lemma(a) in ("assure", "promise", "tell", "pledge")), None)
        if b is None or assure is None:
            return None
        a = next((c for c in assure.children if c.dep_ in ("dobj", "dative")), None)
        subj = _subject(assure)
        med = _ids(doc, [subj] if subj is not None else [])
        return med, _ids(doc, [a] if a is not None else []) + [i for i in _ids(doc, [b]) if i]
    return None


# ----------------------------------------------------------------------------- topics


def _group(text: str) -> str | None:
    """The key of the first TOPIC_GROUPS row with a term at the start of a word of ``text``."""
    padded = " " + " ".join(text.lower().replace("’", "'").split()).replace(" - ", "-") + " "
    for group in TOPIC_GROUPS:
        if any(f" {term}" in padded for term in group.terms):
            return group.key
    return None


def topic_key(lemmas: str) -> str:
    """The group a topic belongs to: the first TOPIC_GROUPS row with a term in the topic's
    lemmas (or words), else its last word outside TOPIC_STOP; "" for no topic."""
    found = _group(lemmas)
    if found is not None:
        return found
    words = [w for w in " ".join(lemmas.lower().replace("’", "'").split()).split() if w not in TOPIC_STOP and w.isalpha()]
    return words[-1] if words else ""


TokenTriple = tuple[str, str, str]  # (lemma, lower-case form, coarse part of speech)


def key_from_tokens(topic: list[TokenTriple], context: list[TokenTriple] = ()) -> str:
    """A topic's key from its tokens: a TOPIC_GROUPS row found in its lemmas or its words; for a
    topic that names no issue by itself (none, a pronoun, or a head in GENERIC_TOPICS: "it",
    "the efforts", "this deal"), a row found in ``context`` (the rest of the cue's sentence);
    else the topic's first noun outside TOPIC_STOP."""
    for reading in (" ".join(t[0] for t in topic), " ".join(t[1] for t in topic)):
        found = _group(reading)
        if found is not None:
            return found
    nouns = [t for pos in ("NOUN", "PROPN") for t in topic if t[2] == pos and t[1] not in TOPIC_STOP]
    head = nouns[0][0] if nouns else ""
    if head in GENERIC_TOPICS or all(t[2] in ("PRON", "DET", "PUNCT") for t in topic):  # also no topic at all
        for reading in (" ".join(t[0] for t in context), " ".join(t[1] for t in context)):
            found = _group(reading)
            if found is not None:
                return found
    if head:
        return head
    return topic_key(" ".join(t[0] for t in topic))


def _triples(tokens: Iterable[Token]) -> list[TokenTriple]:
    return [(_lemma(t), t.lower_, t.pos_) for t in tokens]


def _topic_key(doc: Doc, span: tuple[int, int] | None, sent: Span | None = None) -> str:
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand") if span is not None else None
    if tokens is None and sent is None:
        return ""
    return key_from_tokens(_triples(tokens) if tokens is not None else [], _triples(sent) if sent is not None else [])


# ----------------------------------------------------------------------------- the component


def find(doc: Doc, cues: dict[tuple[str, str], list[Cue]]) -> tuple[list[Position], list[Mediation]]:
    quotes = list(doc._.quotes or ())
    drafts: list[Draft] = []
    taken: set[int] = set()
    by_word: dict[str, list[tuple[str, list[Cue]]]] = {}
    for (word, pos), rows in cues.items():
        by_word.setdefault(word, []).append((pos, rows))
    for tok in _candidates(doc, by_word):
        lemma, lower = _lemma(tok), tok.lower_
        if lemma not in by_word and lower not in by_word:
            continue
        entries = by_word.get(lemma, []) + (by_word.get(lower, []) if lower != lemma else [])
        for pos, rows in entries:
            if tok.pos_ not in POS[pos] or tok.i in taken:
                continue
            for cue in rows:
                if _applies(doc, tok, cue):
                    drafts.append(_cue_draft(doc, tok, cue, quotes))
                    taken.add(tok.i)
                    break
    for e in doc._.events or ():
        kind = _event_kind(e)
        if kind is None:
            continue
        owner = next((d for d in drafts if d.cue.idx < e.trigger.end and e.trigger.start < d.cue_end), None)
        if owner is not None:
            owner.event = owner.event or e
            if kind == "threat" and owner.kind == "commitment":  # "vowed to retaliate": a threat
                owner.kind = "threat"
            if not owner.target_ids and e.target_ids:
                owner.target_ids, owner.target = list(e.target_ids), e.target
            if (not owner.holder_ids or not owner.by_subject) and e.source_ids and not _first_person_event(e):
                owner.holder_ids = _sides(doc, e.source_ids)
                owner.holder = e.source
            continue
        d = _event_draft(doc, e, kind, quotes)
        if d is not None and d.holder_ids:
            drafts.append(d)
    drafts = [d for d in drafts if d.holder_ids or d.speaker_ids or _named(doc, d.holder)]
    drafts.sort(key=lambda d: d.cue.idx)
    positions: list[Position] = []
    roots = _timex_roots(doc) if drafts else []
    for n, d in enumerate(drafts, 1):
        date, date_id = _date(doc, d, roots)
        sent = d.cue.sent
        positions.append(Position(
            id=f"p{n}", kind=d.kind,
            cue=_mention(doc, (d.cue.idx, d.cue_end), "CUE"),
            evidence=_mention(doc, _span(sent) or (sent.start_char, sent.end_char), "SENTENCE"),
            holder_ids=tuple(d.holder_ids), holder=d.holder,
            speaker_ids=tuple(d.speaker_ids), speaker=d.speaker,
            topic=_mention(doc, d.topic, "TOPIC"), topic_key=_topic_key(doc, d.topic, sent),
            condition=_mention(doc, d.condition, "CONDITION"),
            target_ids=tuple(d.target_ids), target=d.target,
            date=date, date_id=date_id,
            quote_id=d.quote.id if d.quote is not None else None,
            event_id=d.event.id if d.event is not None else None,
            rule=d.rule,
        ))
    mediations: list[Mediation] = []
    for n, (med, parties, tok, sent, rule) in enumerate(_mediations(doc, drafts), 1):
        med_sides = _sides(doc, med)
        mediations.append(Mediation(
            id=f"m{n}", mediator_ids=tuple(med_sides),
            party_ids=tuple(p for p in _sides(doc, parties) if p not in med_sides),
            cue=_mention(doc, (tok.idx, tok.idx + len(tok)), "CUE"),
            evidence=_mention(doc, _span(sent) or (sent.start_char, sent.end_char), "SENTENCE"),
            rule=f"mediation:{rule}",
        ))
    return positions, mediations


