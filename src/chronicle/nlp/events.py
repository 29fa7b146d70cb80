"""chronicle_events: who did what to whom, coded in PLOVER, from the dependency parse.

The coder reads each sentence's parse. A trigger (a verb or nominal from
:mod:`chronicle.nlp.plover_lexicon`, or one of a few statement patterns) gives
the event type and mode; argument rules find the source and target:

- active verbs: subject → source, object (or "with"/"against"/"on") → target;
  a verb without a subject borrows one from the clause it hangs on (``xcomp``,
  ``conj``, participles, "a joint statement calling on Iran to ...");
- passive verbs: "by X" → source, the subject → target; "was killed in an
  Israeli air strike" takes its source and mode from the nominal;
- nominals: possessor, demonym or name modifier ("Israeli", "U.S."), "by X",
  a relative clause ("the attack it led on Israel"), or the subject of a light
  verb ("launched an attack") → source; "on"/"against"/"with"/"of" → target;
- statements: "accused X of", "urged X to", "called on X to", "vowed to
  retaliate", "rejected", "said that X had ignored ..." (a reported misdeed).

What a statement reports (the object of "accused X of", "urged X not to
retaliate") is its content, not a separate event. A definite nominal with no
source of its own ("the talks", "the explosion") refers back to an earlier
event and adds what it knows to it ("The ceasefire talks ... were expected to
include officials from Egypt ..."); "X was behind the explosion" names the
source of the earlier explosion; "vowed to retaliate for the assassination"
targets whoever carried out that assault. Events still without a source are
dropped, as PLOVER does.

Status: ``denied`` when negated, ``planned`` for scheduled or future acts,
``threatened`` for threats, ``promised`` for promises, else ``happened``;
hypotheticals (could, would, might, should, "if", "perhaps", "unable to", "no
chance") are skipped. The date is the time expression attached to the trigger
in the parse (not one inside an after/before phrase or a relative clause); an
event dated only by its distance from a dated one ("two days after the bombing
on March 3", "hours after") is counted from it (:mod:`chronicle.nlp.event_dates`);
a statement in the simple past with no time expression takes the publication
date; otherwise none.

Precision first: no event for an opinion ("agreed with X that"), a poll share
("1 percent support"), a thing or an unresolved "it" as the doer, self-harm,
"declined to comment", or the release of things.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from chronicle.nlp import event_dates
from chronicle.nlp import plover_lexicon as lex
from chronicle.nlp.actors import actor_at
from chronicle.nlp.extensions import doc_text
from chronicle.records import Event, Mention

NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "npadvmod"}
VERBAL_TYPES = {"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
HYPOTHETICAL = {"could", "would", "might", "may", "should", "'d"}
FUTURE = {"will", "'ll", "shall", "wo"}
UNRESOLVED_PRONOUNS = frozenset({"it", "its", "which", "that", "this", "what"})
# What one attacks with words: "attacked her record", "an attack on the campaign's decision".
WORDS_AND_DEEDS = frozenset(
    "decision decisions policy policies record remarks remark comments comment statement statements plan plans "
    "proposal proposals position positions view views character credibility integrity judgment judgement "
    "claim claims argument arguments idea ideas speech speeches candidacy leadership handling response "
    "stance agenda rhetoric tactics honesty temperament".split()
)
NO_COMMENT = frozenset("comment say elaborate discuss respond answer confirm specify speculate speak".split())
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})
FORCES = frozenset("troops forces force reserves reservist reservists soldier soldiers army armies police units unit "
                   "militia militias fighters battalion battalions brigade brigades navy warships ships tanks".split())
UNREAL_ADVERBS = frozenset({"perhaps", "maybe", "possibly"})
UNREAL_HEADS = frozenset({"unable", "difficult", "hard", "impossible", "easy", "avoid", "refrain", "fail",
                          "consider", "need"})
LIGHT_VERBS = frozenset(
    "launch carry conduct hold lead stage impose file make issue mount head begin resume start open "
    "press level bring lodge announce order".split()
)
PLACE_PREPS = {"in", "at", "near", "inside", "outside"}
ACTOR_PRONOUNS = {"it": ("organisation", "country", "group"), "its": ("organisation", "country", "group"),
                  "they": ("organisation", "country", "group", "person"),
                  "their": ("organisation", "country", "group", "person")}
# he/she are left to chronicle_actors, which joins them to a person of the right gender;
# a pronoun it left alone has no such person near, and the nearest person would be a guess.


@Language.factory("chronicle_events")
def make_events(nlp: Language, name: str) -> "EventCoder":
    return EventCoder()


class EventCoder:
    """Fills ``doc._.events``; reads ``doc._.actors``, ``doc._.dates`` and ``doc._.published``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = code_events(doc)
        return doc


@dataclass
class Draft:
    type: str
    mode: str | None
    trigger: Token
    rule: str
    status: str = "happened"
    source: list[Token] = field(default_factory=list)
    target: list[Token] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    target_ids: list[str] = field(default_factory=list)
    source_mention: Mention | None = None
    target_mention: Mention | None = None
    anchors: set[int] = field(default_factory=set)  # tokens a time expression may attach to
    content: set[int] = field(default_factory=set)  # tokens reported by this statement
    nouns: set[str] = field(default_factory=set)  # nominal lemmas naming this event
    places: list[str] = field(default_factory=list)
    anaphoric: bool = False
    retaliation: Token | None = None  # "retaliate for N" / "avenge X's death": N
    date_anchor_only: bool = False
    nominal: bool = False


# ---------------------------------------------------------------------------
# small parse helpers


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok: Token, *preps: str) -> list[Token]:
    out = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            out.extend(_children(prep, "pobj", "pcomp"))
    return out


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


def _subject(verb: Token) -> Token | None:
    subj = _children(verb, "nsubj", "csubj")
    return subj[0] if subj else None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _negated(tok: Token) -> bool:
    """Negation on the trigger or on the verbs it is the complement of ("not planning to take part")."""
    cur = tok
    for _ in range(4):
        if any(c.dep_ == "neg" for c in cur.children):
            return True
        if cur.dep_ in ("xcomp", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return False


def _governing(tok: Token) -> list[Token]:
    """The trigger and the verbs/adjectives it complements (plan to, set to, expected to, ready to)."""
    chain, cur = [tok], tok
    for _ in range(4):
        if cur.dep_ in ("xcomp", "acomp", "auxpass") and cur.head.i != cur.i:
            cur = cur.head
            chain.append(cur)
        else:
            break
    return chain


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for t in _governing(tok) for c in t.children if c.dep_ in ("aux", "auxpass")}


def _unreal(tok: Token) -> bool:
    """A conditional, a guess or an act someone cannot do or keeps from doing.

    "even if it kills us", "Perhaps the moderators will demand", "will be unable to
    accuse", "difficult for Trump to attack them", "steering clear of criticizing".
    """
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                return True
            if c.dep_ == "advmod" and c.lower_ in UNREAL_ADVERBS:
                return True
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acomp", "advcl", "acl", "conj", "relcl"):
            break
        lemma = head.lemma_.lower()
        if lemma in UNREAL_HEADS or (lemma == "steer" and any(c.lower_ == "clear" for c in head.children)):
            return True
        if lemma in ("chance", "possibility") and cur.dep_ in ("acl", "ccomp", "relcl"):
            return True  # "no chance Clinton will withdraw"
        if cur.dep_ in ("advcl", "ccomp", "relcl"):
            break  # a separate clause: its own conditions
        cur = head
    return False


def _status(tok: Token) -> str | None:
    """happened / planned / denied, or None for a hypothetical."""
    auxes = _aux_words(tok)
    if auxes & HYPOTHETICAL or _unreal(tok):
        return None
    if _negated(tok):
        return "denied"
    if auxes & FUTURE:
        return "planned"
    for t in _governing(tok)[1:]:
        if t.lemma_.lower() in lex.PLANNING_WORDS or t.lower_ == "going":
            return "planned"
    # nominal: "negotiations scheduled for Thursday", "an anticipated attack"
    for c in tok.children:
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in lex.PLANNING_WORDS:
            return "planned"
        if c.dep_ == "amod" and c.lower_ in ("upcoming", "planned", "anticipated", "expected", "scheduled"):
            return "planned"
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj":  # "round of negotiations scheduled"
        head = tok.head.head
        if head.pos_ == "NOUN" and any(c.lemma_.lower() in lex.PLANNING_WORDS for c in head.children):
            return "planned"
    return "happened"


def _controller(verb: Token) -> Token | None:
    """The subject a subject-less verb borrows from the clause it depends on."""
    cur = verb
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return None
        dep = cur.dep_
        if dep in ("xcomp", "acomp"):
            if head.lemma_.lower() in lex.REQUEST_CONTROL and _children(head, "dobj"):
                return _children(head, "dobj")[0]
            subj = _subject(head) or (_children(head, "nsubjpass") or [None])[0]
            if subj is not None:
                return subj
            cur = head
        elif dep == "conj":
            subj = _subject(head)
            if subj is not None:
                return subj
            cur = head
        elif dep in ("advcl", "acl") and verb.tag_ in ("VBG", "VBN") or dep in ("pcomp", "prep", "pobj"):
            if head.pos_ in ("VERB", "AUX"):
                subj = _subject(head)
                if subj is not None:
                    return subj
                cur = head
            elif head.lemma_.lower() in lex.STATEMENT_NOUNS or dep in ("pcomp", "pobj", "prep"):
                cur = head  # "a joint statement calling on ..." → who issued the statement
            else:
                return None
        elif dep in ("dobj",) and cur.i != verb.i:
            subj = _subject(head)
            if subj is not None:
                return subj
            cur = head
        else:
            return None
    return None


# ---------------------------------------------------------------------------
# actors


def _pronoun_actor(doc: Doc, tok: Token):
    kinds = ACTOR_PRONOUNS.get(tok.lower_)
    if not kinds:
        return None
    best, best_start = None, -1
    sent_start = tok.sent.start
    prev = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
    lo = doc[prev].idx
    for actor in doc._.actors or ():
        if actor.kind not in kinds:
            continue
        for m in actor.mentions:
            if m.label != "PRON" and lo <= m.start and m.end <= tok.idx and m.start > best_start:
                best, best_start = actor, m.start
    return best


def _actor_of_token(doc: Doc, tok: Token):
    actor = actor_at(doc, tok.idx, tok.idx + len(tok))
    if actor is None and tok.pos_ == "PRON":
        actor = _pronoun_actor(doc, tok)
    return actor


def _phrase_actors(doc: Doc, head: Token, depth: int = 0) -> list:
    """Actors a noun phrase names: its head, else an apposition, modifiers and "from/of" objects."""
    actor = _actor_of_token(doc, head)
    if actor is not None:
        return [actor]
    for appos in _children(head, "appos"):
        actor = _actor_of_token(doc, appos)
        if actor is not None:
            return [actor]
    found = []
    for mod in head.children:
        if mod.dep_ in ("compound", "amod", "poss", "nmod") and mod.i < head.i:
            for t in mod.subtree:
                a = _actor_of_token(doc, t)
                if a is not None and a not in found:
                    found.append(a)
    if not found and depth == 0:
        for obj in _prep_objects(head, "from", "of"):
            for c in _conjuncts(obj):
                for a in _phrase_actors(doc, c, depth + 1):
                    if a not in found:
                        found.append(a)
    return found


def _resolve_relative(tok: Token) -> Token:
    """"who"/"that"/"which" as a subject → the noun the clause describes (through an apposition)."""
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
        ante = tok.head.head
        return ante.head if ante.dep_ == "appos" else ante
    return tok


def _core_span(tok: Token) -> tuple[int, int]:
    start = tok
    for t in tok.subtree:
        if t.i < tok.i and t.dep_ not in ("det", "punct", "cc", "case") and t.i >= tok.left_edge.i:
            start = t
            break
    # a phrase does not run past its head except through conjuncts
    return start.idx, tok.idx + len(tok)


def _arguments(doc: Doc, heads: list[Token]) -> tuple[Mention | None, list[str]]:
    heads = [_resolve_relative(h) for h in heads if h is not None]
    if not heads:
        return None, []
    all_heads: list[Token] = []
    for h in heads:
        for c in _conjuncts(h):
            if c not in all_heads and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X") or c.i == h.i:
                all_heads.append(c)
        # "Mr. Biden, along with President X and Sheikh Y, declared"
        for along in [*_children(h, "prep"), *_children(h.head, "prep")]:
            if along.lower_ == "along":
                for w in _children(along, "prep"):
                    for obj in _children(w, "pobj"):
                        all_heads.extend(c for c in _conjuncts(obj) if c not in all_heads)
                        for t in obj.subtree:  # "President X of Egypt and Sheikh Y of Qatar"
                            a = _actor_of_token(doc, t)
                            if a is not None and a.kind == "person" and t not in all_heads:
                                all_heads.append(t)
    ids: list[str] = []
    for h in all_heads:
        for a in _phrase_actors(doc, h):
            if a.id not in ids:
                ids.append(a.id)
    start = min(_core_span(h)[0] for h in heads)
    first = heads[0]
    end = max(_core_span(c)[1] for c in _conjuncts(first))
    end = max(end, *(_core_span(h)[1] for h in heads))
    text = doc_text(doc)[start:end]
    return Mention(start, end, text, "ACTOR" if ids else "TEXT"), ids


# ---------------------------------------------------------------------------
# triggers


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _nominal_entry(tok: Token):
    lemma = _lemma(tok)
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    prev = tok.nbor(-1) if tok.i > 0 else None
    if prev is not None and f"{_lemma(prev)} {lemma}" in lex.NOUNS:
        return lex.NOUNS[f"{_lemma(prev)} {lemma}"]
    if nxt is not None and nxt.dep_ == "compound":
        return None  # "attack helicopter", "talk show": the head decides
    if tok.ent_type_ in ("LAW", "ORG", "WORK_OF_ART", "FAC", "PRODUCT"):
        return None  # "the North American Free Trade Agreement" names a treaty, it reports no act
    if lemma == "appeal" and not any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in tok.children):
        return None  # "his populist appeal": his draw, not a request
    return lex.NOUNS.get(lemma) or lex.NOUNS.get(tok.lower_)


def _assault_mode(tok: Token, mode: str | None) -> str | None:
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.lower_ in lex.ASSAULT_MODE_WORDS:
            return lex.ASSAULT_MODE_WORDS[c.lower_]
    return mode


def _verb_draft(doc: Doc, tok: Token) -> Draft | None:
    lemma = _lemma(tok)
    objs = _children(tok, "dobj")
    particle = {c.lower_ for c in _children(tok, "prt")}
    entry: tuple[str, str | None] | None = None
    rule = "verb"
    target: list[Token] = list(objs)
    content: set[int] = set()

    if lemma in ("promise", "vow", "pledge", "threaten", "swear"):
        xcomp = (_children(tok, "xcomp") or [None])[0]
        if xcomp is not None:
            inner = _lemma(xcomp)
            inner_entry = lex.VERBS.get(inner)
            if lemma == "threaten" or inner in lex.HOSTILE_ACTS or (inner_entry and inner_entry[0] == "ASSAULT"):
                d = Draft("THREATEN", "violence", tok, f"{lemma}-to", "threatened")
                d.target = _children(xcomp, "dobj") if inner not in ("avenge", "exact") else []
                d.target += _prep_objects(xcomp, "against", "on")
                d.target = [t for t in d.target if _actor_of_token(doc, t) is not None]
                d.retaliation = ((_prep_objects(xcomp, "for") or _children(xcomp, "dobj")) or [None])[0] \
                    if inner in ("retaliate", "avenge", "respond", "revenge") else None
                d.content = {t.i for t in xcomp.subtree}
                return d
            inner_objs = _children(xcomp, "dobj")
            if inner == "meet" and inner_objs and not _human(doc, inner_objs[0]):
                return None  # "promising to meet his goals"
            if lemma in ("promise", "pledge") and inner_entry and inner_entry[0] in ("COOPERATE", "AID", "RETREAT", "CONCEDE", "SUPPORT", "CONSULT"):
                d = Draft(inner_entry[0], inner_entry[1], tok, f"{lemma}-to", "promised")
                d.target = _children(xcomp, "dobj") + _prep_objects(xcomp, "with", "to")
                d.content = {t.i for t in xcomp.subtree}
                return d
            if lemma in ("promise", "pledge") and inner in ("cooperate", "help", "work", "sign", "support"):
                d = Draft("AGREE", None, tok, f"{lemma}-to", "promised")
                d.content = {t.i for t in xcomp.subtree}
                return d
            return None
        if lemma == "threaten" and objs:
            return Draft("THREATEN", None, tok, "verb", "threatened", target=list(objs))
        return None
    if lemma == "warn":
        if objs and _actor_of_token(doc, objs[0]) is not None:
            d = Draft("THREATEN", None, tok, "warn-object", "threatened", target=list(objs))
            d.content = {t.i for c in tok.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
            return d
        return None
    if lemma == "call":
        # "called on X" after the verb; not "On Friday night, Palin called a delegate"
        on = [o for o in _prep_objects(tok, "on", "upon") if o.i > tok.i and o.ent_type_ not in ("DATE", "TIME")] \
            or ([objs[0]] if "on" in particle and objs else []) \
            or [o for p in _children(tok, "prt") if p.lower_ in ("on", "upon") for o in _children(p, "pobj")]
        # (the last: "who has since called on Republicans to back Trump", parsed with "on" as a particle)
        if on:
            d = Draft("REQUEST", None, tok, "call-on", target=on)
            d.content = {t.i for c in tok.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree}
            return d
        if _prep_objects(tok, "for") or "for" in particle:
            d = Draft("REQUEST", None, tok, "call-for")
            d.content = {t.i for p in _children(tok, "prep") if p.lower_ == "for" for t in p.subtree}
            return d
        if objs and any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and c.lemma_.lower() in lex.NEGATIVE_ADJECTIVES
                        for c in tok.children):
            return Draft("ACCUSE", None, tok, "call-names", target=list(objs))
        return None
    if lemma in ("ask", "press", "push", "encourage"):
        if objs and _children(tok, "xcomp"):
            d = Draft("REQUEST", None, tok, f"{lemma}-to", target=list(objs))
            d.content = {t.i for c in _children(tok, "xcomp") for t in c.subtree}
            return d
        return None
    if lemma == "insist":
        if _prep_objects(tok, "on"):
            return Draft("REQUEST", None, tok, "insist-on")
        return None
    if lemma == "agree" and not _agreed_to_something(doc, tok, objs):
        return None  # "agreed with Matthews about the winner", "agreed that Pence won": an opinion
    if lemma == "demonstrate" and (objs or _children(tok, "ccomp", "dative") or _prep_objects(tok, "to")):
        return None  # "to demonstrate to North Korea that ...": to show, not to protest
    if lemma in ("decline", "refuse") and any(_lemma(x) in NO_COMMENT for x in _children(tok, "xcomp")):
        return None  # "declined to comment": a reporter's note, not a rejection
    if lemma == "meet" and (objs and not _human(doc, objs[0]) or any(_lemma(c) == "end" for c in tok.lefts)):
        return None  # "did not meet the 15 percent threshold", "make ends meet"
    if tok.tag_ == "VB" and not _children(tok, "nsubj", "nsubjpass") and (
            tok.dep_ == "ROOT" or any(a.lemma_ == "do" for a in _children(tok, "aux"))):
        return None  # an order, not a report: "Hands up, don't shoot"
    if lemma in ("support", "back") and tok.pos_ == "VERB":
        if objs or _is_passive(tok):
            entry = ("SUPPORT", None)
    elif lemma == "attack" and tok.pos_ == "VERB":
        entry = ("ACCUSE", None) if objs and _words_target(doc, objs[0]) else ("ASSAULT", None)
    elif lemma == "strike" and tok.pos_ == "VERB":
        if objs:
            entry = ("ASSAULT", None)
    elif lemma in ("trade", "open", "exchange") and any(_lemma(o) == "fire" for o in objs):
        d = Draft("ASSAULT", "firearms", tok, "trade-fire")
        d.target = _prep_objects(tok, "with", "on", "at")
        for o in objs:
            d.target += _prep_objects(o, "with", "on", "at")
        return d
    elif lemma == "take" and any(_lemma(o) == "part" for o in objs) or lemma in lex.PARTICIPATION:
        if _negated(tok):
            d = Draft("REJECT", "meet", tok, "negated-participation", "happened")
            return d
        return None
    elif lemma == "come" and any(_lemma(s) == "time" for s in _children(tok, "nsubj")) and _prep_objects(tok, "for"):
        d = Draft("REQUEST", None, tok, "time-has-come")
        d.content = {t.i for p in _children(tok, "prep") for t in p.subtree}
        return d
    elif lemma in lex.VERBS:
        entry = lex.VERBS[lemma]
        if lemma in ("pull", "gun") and not particle:
            entry = None
        back = "back" in particle or any(c.lower_ == "back" and c.dep_ == "advmod" for c in tok.children)
        if lemma in ("shoot", "fire", "hit", "strike") and back and not objs \
                and not _prep_objects(tok, "at", "on", "against"):  # "fired back at the troops" is fire
            entry = None  # "Bennett shot back with a laugh": a retort
    if entry is None:
        return None
    type_, mode = entry
    if type_ == "ASSAULT" and any(o.lower_ in REFLEXIVES for o in objs):
        return None  # "shot himself": no one else is the target
    if type_ == "MOBILIZE" and objs and _lemma(objs[0]) not in FORCES:
        return None  # "mobilize black voters": a campaign, not a force
    if type_ in ("ASSAULT", "RETREAT", "COERCE") and not (mode == "withdraw" or lemma == "resign"):
        patient = objs[:1] or _children(tok, "nsubjpass")[:1] or ([tok.head] if tok.dep_ == "acl" else [])
        if patient and not _human(doc, patient[0]):
            return None  # "killing a bill", "an email, released as part of": no one is harmed or freed
    d = Draft(type_, mode, tok, rule, target=target)
    if type_ in ("ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "CONCEDE", "AGREE"):
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("of", "for")):
                d.content |= _content_of(c)
        for o in objs:  # "rejected accusations that ..." — but not relative clauses or joined clauses
            d.content |= _content_of(o)
    if type_ in ("CONSULT", "COOPERATE"):
        d.target += _prep_objects(tok, "with")
    if type_ in ("ASSAULT", "PROTEST", "SANCTION", "ACCUSE", "MOBILIZE"):
        d.target += _prep_objects(tok, "against", "on")
    if type_ == "AID":
        d.target += _prep_objects(tok, "to")
    if type_ == "RETREAT" and mode == "withdraw":
        d.target = []
    return d


HUMAN_NOUNS = frozenset(
    "people person civilian civilians soldier soldiers troops hostage hostages prisoner prisoners captive "
    "captives detainee detainees protester protesters official officials leader leaders member members "
    "man men woman women child children journalist journalists student students worker workers "
    "fighter fighters militant militants police officer officers commander resident residents".split()
)


def _agreed_to_something(doc: Doc, tok: Token, objs: list[Token]) -> bool:
    """"agreed to revive", "agreed on a truce", "agreed a deal" (a person as object is a misparsed clause)."""
    if any(a.lower_ == "to" for x in _children(tok, "xcomp") for a in _children(x, "aux")):
        return True
    if _prep_objects(tok, "to", "on", "upon"):
        return True
    return any(o.ent_type_ != "PERSON" and getattr(_actor_of_token(doc, o), "kind", "") != "person" for o in objs)


def _human(doc: Doc, tok: Token) -> bool:
    """Whether an object names people or an actor (so "killed" harms someone)."""
    return (_actor_of_token(doc, tok) is not None or tok.ent_type_ in ("PERSON", "NORP", "GPE", "ORG")
            or (tok.pos_ == "PRON" and tok.lower_ not in UNRESOLVED_PRONOUNS)
            or _lemma(tok) in HUMAN_NOUNS or tok.lower_ in HUMAN_NOUNS)


# Things that cannot act, named as the subject of an act verb in the news
# ("the museum celebrated his heroes", "a tax system which asks the wealthy ...").
THING_NOUNS = frozenset(
    "museum building system law laws bill bills poll polls survey surveys report reports study studies plan "
    "plans policy policies program programs programme rule rules regulation regulations measure measures "
    "letter letters email emails book books film films movie movies ad ads advertisement video videos "
    "website site document documents article articles story stories tweet tweets song songs budget economy "
    "market markets tax taxes money data evidence research technology product products weapon weapons "
    "disease virus weather storm fire flood drug drugs problem problems issue issues situation".split()
)


def _able_source(doc: Doc, d: Draft) -> bool:
    """Whether the source can act: not a poll share, a thing or an unresolved "it".

    "1 percent support Jill Stein", "the museum celebrated", "a tax system which asks
    the wealthy", "even if it kills us": no event. Sources that are actors pass, and
    so do drafts with no source yet (a later pass may find one).
    """
    if d.source_ids or not d.source:
        return True
    heads = [_resolve_relative(t) for t in d.source]
    for h in heads:
        lemma = _lemma(h)
        if lemma in ("percent", "%", "percentage") or h.lower_ == "%" or h.ent_type_ in ("DATE", "TIME"):
            return False
        if lemma in THING_NOUNS:
            return False
        if h.lower_ in UNRESOLVED_PRONOUNS and not _reporting_body(d.trigger):
            return False
    return True


def _reporting_body(tok: Token) -> bool:
    """"The army says it killed a commander": "it" is the body that reports its own act."""
    cur = tok
    for _ in range(3):
        if cur.dep_ != "ccomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
        subj = _subject(cur)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN") and _lemma(subj) not in THING_NOUNS:
            return True
    return False


def _content_of(tok: Token) -> set[int]:
    out: set[int] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ in ("relcl",) or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
                continue
            stack.append(c)
    return out


def _noun_draft(doc: Doc, tok: Token) -> Draft | None:
    entry = _nominal_entry(tok)
    if entry is None:
        return None
    type_, mode = entry
    lemma = _lemma(tok)
    if lemma == "attack" and any(c.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
                                 for c in tok.children):
        type_, mode = "ACCUSE", None  # "pressing his attack that Clinton is not qualified"
    if type_ in ("RETREAT", "COERCE", "ASSAULT") and mode in ("release", "arrest", None) and lemma != "attack":
        freed = _prep_objects(tok, "of")
        if freed and not _human(doc, freed[0]):
            return None  # "the release of emails", "the killing of the bill"
    if type_ == "ASSAULT" and lemma == "attack" and _assault_mode(tok, mode) is None and _attack_in_words(doc, tok):
        type_, mode = "ACCUSE", None
    if type_ == "ASSAULT":
        mode = _assault_mode(tok, mode)
    d = Draft(type_, mode, tok, "nominal", nominal=True)
    d.nouns.add(lemma)
    # source: possessor, demonym / name modifier, "by X", relative clause subject, light verb subject
    src: list[Token] = []
    for c in tok.children:
        if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME"):  # not "Friday's attack"
            src.append(c)
        elif c.dep_ in ("amod", "compound", "nmod") and _actor_of_token(doc, c) is not None:
            src.append(c)
    src += _prep_objects(tok, "by")
    tgt: list[Token] = _prep_objects(tok, "on", "against", "with", "to", "at")
    givers = []
    if type_ in ("SUPPORT", "AID"):  # "from" may hang on the noun or on its verb ("cited his endorsement from")
        givers = _prep_objects(tok, "from") or (_prep_objects(tok.head, "from") if tok.dep_ == "dobj" else [])
    if givers:  # "his endorsements from 88 generals": the generals support him
        tgt += [c for c in src if c.dep_ == "poss"]
        src = [c for c in src if c.dep_ != "poss"] + givers
    if type_ in ("ASSAULT", "COERCE", "RETREAT", "SUPPORT", "ACCUSE", "SANCTION"):
        tgt += [o for o in _prep_objects(tok, "of") if _actor_of_token(doc, o) is not None]
    for rel in _children(tok, "relcl"):
        s = _subject(rel)
        if s is not None and s.tag_ not in ("WDT", "WP"):
            src.append(s)
            tgt += _prep_objects(rel, "on", "against", "with")
            d.anchors.add(rel.i)
    if not src:
        verb = _light_verb(tok)
        light = (_subject(verb) or _controller(verb)) if verb is not None else None
        if light is not None:
            src.append(light)
            d.anchors.add(verb.i)  # "launched strikes on Friday": the verb carries the date
    d.source = src
    d.target = [t for t in tgt if t.pos_ in ("PROPN", "NOUN", "PRON")]
    determiners = {c.lower_ for c in tok.children if c.dep_ == "det"}
    determiners.add(tok.left_edge.lower_)  # "The ceasefire talks" (the determiner may hang on the modifier)
    d.anaphoric = not src and bool(determiners & {"the", "these", "this", "that", "those"})
    if lemma in lex.NOUNS_NEED_ARGUMENT and not src and not d.target and not d.anaphoric:
        return None
    return d


def _words_target(doc: Doc, tok: Token) -> bool:
    """What one attacks with words: a person, or a record, a remark or a decision."""
    actor = _actor_of_token(doc, tok)
    return (actor is not None and actor.kind == "person") or tok.ent_type_ == "PERSON" \
        or tok.lower_ in ("him", "her") or _lemma(tok) in WORDS_AND_DEEDS


def _attack_in_words(doc: Doc, noun: Token) -> bool:
    """An "attack" that is speech: "his attacks on a former Miss Universe", "an attack on the
    decision", or a named person's attacks on no place, body or country ("his attacks have
    been aimed at her character").

    Armed attacks are reported as a group's or a country's, with their weapon ("a drone
    attack", checked by the caller), against a place, or as what killed someone.
    """
    targets = _prep_objects(noun, "on", "against")
    if targets:
        return all(_words_target(doc, t) or t.lower_ == "them" for t in targets) and (
            _words_target(doc, targets[0]) or _owned_by_a_person(doc, noun))
    if noun.dep_ in ("nsubj", "nsubjpass") and lex.VERBS.get(_lemma(noun.head), ("",))[0] == "ASSAULT":
        return False  # "Mateen's attack killed 49 people"
    return _owned_by_a_person(doc, noun)


def _owned_by_a_person(doc: Doc, noun: Token) -> bool:
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owner = _actor_of_token(doc, owners[0]) if owners else None
    return owner is not None and owner.kind == "person"


def _light_verb(noun: Token) -> Token | None:
    """The verb that makes a nominal an act: "Hamas launched an attack", "heading for a round of negotiations"."""
    cur = noun
    for _ in range(4):
        head = cur.head
        if cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            cur = head.head  # "round of negotiations"
            continue
        if cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "into", "in") \
                and head.head.pos_ == "VERB" and _lemma(head.head) in LIGHT_VERBS:
            return head.head
        if cur.dep_ == "dobj" and _lemma(head) in LIGHT_VERBS:
            return head
        return None
    return None


def _detect(doc: Doc, tok: Token) -> Draft | None:
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and False):
        if tok.dep_ in NOMINAL_DEPS and tok.tag_ in ("VBZ",) and _nominal_entry(tok):
            return _noun_draft(doc, tok)  # "talks" mis-tagged as a verb
        if tok.dep_ in ("amod",):
            return None
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            return None  # "a militia backed by Iran": a description, not an event
        return _verb_draft(doc, tok)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound",):
        return _noun_draft(doc, tok)
    return None


def _misdeed_draft(doc: Doc, tok: Token) -> Draft | None:
    """"Kanani said that Britain ... had ignored Israeli attacks": the speaker accuses the doer."""
    if _lemma(tok) not in lex.MISDEED_VERBS or tok.dep_ != "ccomp":
        return None
    speech = tok.head
    if _lemma(speech) not in lex.SPEECH_VERBS:
        return None
    speaker, doer = _subject(speech), _subject(tok)
    if speaker is None or doer is None or _aux_words(tok) & HYPOTHETICAL or _negated(tok):
        return None
    d = Draft("ACCUSE", None, tok, "reported-misdeed", source=[speaker], target=[doer])
    d.anchors.add(speech.i)
    d.date_anchor_only = True
    for o in _children(tok, "dobj"):
        d.content |= _content_of(o)
    return d


# ---------------------------------------------------------------------------
# the pass over a document


def code_events(doc: Doc) -> list[Event]:
    drafts: list[Draft] = []
    for sent in doc.sents:
        for tok in sent:
            d = _misdeed_draft(doc, tok) or _detect(doc, tok)
            if d is None:
                continue
            status = _status(tok) if not d.date_anchor_only else "happened"
            if d.rule == "negated-participation":
                status = "happened"
            if status is None:
                continue
            if d.status in ("threatened", "promised"):
                if status == "denied":
                    continue  # "did not threaten": nothing to code
            else:
                d.status = status
            _fill_arguments(doc, d)
            if not _able_source(doc, d):
                continue
            _places_are_where(doc, d)
            drafts.append(d)

    # passive verbs that name their means: "was killed in an Israeli air strike"
    by_token = {d.trigger.i: d for d in drafts}
    for d in drafts:
        if d.trigger.pos_ != "VERB" or not _is_passive(d.trigger):
            continue
        for obj in _prep_objects(d.trigger, "in", "by", "during", "with"):
            n = by_token.get(obj.i)
            if n is None or n.type != d.type or n is d:
                continue
            n.content.add(-1)  # marker: merged
            d.nouns |= n.nouns
            d.mode = n.mode or d.mode
            if not d.source_ids and n.source_ids:
                d.source_ids, d.source_mention = n.source_ids, n.source_mention
                d.rule = "passive-means"

    # content of statements and merged nominals are not events of their own
    kept = [d for d in drafts
            if -1 not in d.content and not any(x is not d and d.trigger.i in x.content for x in drafts)]

    # definite nominals without a source refer back to an earlier event of the same type
    final: list[Draft] = []
    for d in kept:
        if d.anaphoric:
            ante = _antecedent(d, final)
            if ante is not None:
                _merge_anaphor(doc, ante, d)
            continue
        final.append(d)

    _responsibility(doc, final)
    _retaliation(doc, final)
    return _records(doc, [d for d in final if d.source_mention is not None])


def _places_are_where(doc: Doc, d: Draft) -> None:
    """A city or region named as an argument ("the Geneva meeting") says where, not who.

    Countries stay actors (PLOVER codes states as sources and targets); a place
    moves to the event's places, and an argument that named only places is gone.
    """
    kinds = {a.id: a.kind for a in doc._.actors or ()}
    for role in ("source", "target"):
        ids = getattr(d, f"{role}_ids")
        places = [i for i in ids if kinds.get(i) == "place"]
        if not places:
            continue
        d.places += [p for p in places if p not in d.places]
        rest = [i for i in ids if i not in places]
        setattr(d, f"{role}_ids", rest)
        if not rest:
            setattr(d, f"{role}_mention", None)


def _fill_arguments(doc: Doc, d: Draft) -> None:
    tok = d.trigger
    if d.rule == "time-has-come" and tok.dep_ == "ccomp":
        s = _subject(tok.head)
        d.source = [s] if s is not None else []
        d.anchors.add(tok.head.i)
    if not d.source and not d.nominal and tok.pos_ == "VERB":
        if _is_passive(tok):
            d.source = _prep_objects(tok, "by")
            passive_subj = _children(tok, "nsubjpass")
            if passive_subj and d.type not in ("REQUEST",):
                d.target = passive_subj + [t for t in d.target if t not in passive_subj and t.dep_ != "dobj"]
        else:
            s = _subject(tok)
            d.source = [s] if s is not None else []
        if not d.source and not _is_passive(tok):
            c = _controller(tok)
            if c is not None:
                d.source = [c]
        if d.type == "CONSULT" and d.mode == "visit":
            pass
    d.source_mention, d.source_ids = _arguments(doc, d.source)
    d.target_mention, d.target_ids = _arguments(doc, d.target)
    # an actor is not its own target
    d.target_ids = [i for i in d.target_ids if i not in d.source_ids]
    d.anchors.add(tok.i)
    d.anchors.update(t.i for t in _governing(tok))
    if tok.pos_ == "VERB":
        d.places = _places(doc, tok, d)


def _place_ids(doc: Doc, obj: Token, d: Draft, out: list[str]) -> None:
    """Place actors in "in Doha, Qatar, or Cairo", "in the southern suburbs of Beirut"."""
    if obj.pos_ not in ("NOUN", "PROPN"):
        return
    for c in _conjuncts(obj):
        a = _actor_of_token(doc, c)
        if a is not None and a.kind in ("place", "country"):
            if a.id not in out and a.id not in d.source_ids and a.id not in d.target_ids:
                out.append(a.id)
        elif a is None:
            for inner in _prep_objects(c, "of", *PLACE_PREPS):
                _place_ids(doc, inner, d, out)


def _places(doc: Doc, tok: Token, d: Draft) -> list[str]:
    out: list[str] = []
    heads = [tok] + [c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    for h in heads:
        for obj in _prep_objects(h, *PLACE_PREPS):
            _place_ids(doc, obj, d, out)
            for inner in _prep_objects(obj, *PLACE_PREPS):  # "killed in an air strike in Beirut"
                _place_ids(doc, inner, d, out)
        if h.i != tok.i and _lemma(h) == "visit":
            for o in _children(h, "dobj"):
                _place_ids(doc, o, d, out)
    return out


def _antecedent(d: Draft, earlier: list[Draft]) -> Draft | None:
    sent_starts = d.trigger.doc
    for e in reversed(earlier):
        if e.type == d.type and e.trigger.i < d.trigger.i:
            gap = len(list(sent_starts[e.trigger.i : d.trigger.i].sents))
            if gap <= 4:
                return e
    return None


def _merge_anaphor(doc: Doc, ante: Draft, d: Draft) -> None:
    """"The ceasefire talks, set to take place in Doha ..., were expected to include officials from Egypt"."""
    noun = d.trigger
    ante.nouns |= d.nouns
    if not ante.source_ids:
        verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
        participants: list[Token] = []
        if verb is not None:
            for v in [verb, *_children(verb, "xcomp")]:
                if _lemma(v) in ("include", "involve", "bring", "gather"):
                    participants += _children(v, "dobj")
        if participants:
            mention, ids = _arguments(doc, participants)
            if ids:
                ante.source_ids = ids
                if ante.source_mention is None:
                    ante.source_mention = mention
    for rel in [*_children(noun, "relcl"), *_children(noun, "acl")]:
        for t in rel.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and t.head.head.pos_ in ("VERB", "AUX"):
                _place_ids(doc, t, ante, ante.places)


def _responsibility(doc: Doc, drafts: list[Draft]) -> None:
    """"Israel has not acknowledged that it was behind the explosion" names who set off the explosion."""
    for tok in doc:
        if tok.lower_ == "behind" and tok.dep_ == "prep" and _lemma(tok.head) == "be":
            doer = _subject(tok.head)
            objs = _children(tok, "pobj")
        elif _lemma(tok) == "responsibility" and tok.dep_ == "dobj" and _lemma(tok.head) in ("claim", "take"):
            doer = _subject(tok.head)
            objs = _prep_objects(tok, "for")
        else:
            continue
        if doer is None or not objs:
            continue
        lemma = _lemma(objs[0])
        for d in reversed(drafts):
            if d.trigger.i < tok.i and lemma in d.nouns and not d.source_ids:
                d.source_mention, d.source_ids = _arguments(doc, [doer])
                d.target_ids = [i for i in d.target_ids if i not in d.source_ids]
                d.rule += "+responsibility"
                break


def _retaliation(doc: Doc, drafts: list[Draft]) -> None:
    """"vowed to retaliate for the assassination", "promised to avenge Mr. Shukur's death": target the doer."""
    for d in drafts:
        what = d.retaliation
        if what is None or d.target_ids:
            continue
        victims = [a.id for p in _children(what, "poss") for a in [_actor_of_token(doc, p)] if a is not None]
        earlier = [e for e in drafts if e.type == "ASSAULT" and e.trigger.i < d.trigger.i and e.source_ids
                   and not set(e.source_ids) & set(d.source_ids)]
        match = None
        if victims:
            match = next((e for e in reversed(earlier) if set(e.target_ids) & set(victims)), None)
        elif _nominal_entry(what) and _nominal_entry(what)[0] == "ASSAULT":
            match = earlier[-1] if earlier else None
        if match is not None:
            d.target_ids = list(match.source_ids)
            d.rule += "+retaliation"


# ---------------------------------------------------------------------------
# records


def _timex_date(doc: Doc, d: Draft, triggers: set[int]):
    """The DATE/TIME expression whose parse path reaches the trigger (not through another event)."""
    return _timex_reaching(doc, d.trigger.sent, d.anchors, d.trigger.i, triggers)


# A time expression inside a phrase headed by one of these dates that phrase, not the
# event the phrase modifies ("arrested two days after the bombing on March 3"); a clock
# time still dates it ("conceded shortly after midnight").
BOUNDARY_WORDS = frozenset({"after", "before", "since", "until", "till"})


def _timex_reaching(doc: Doc, sent: Span, anchors: set[int], own: int, triggers: set[int]):
    for tx in doc._.dates or ():
        if tx.type not in ("DATE", "TIME") or not (sent.start_char <= tx.start < sent.end_char):
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or any(event_dates.is_link_measure(t) for t in span):
            continue  # "a week before X happened" measures a distance, it is not a date
        cur = span.root
        for _ in range(12):
            if cur.i in anchors:
                return tx
            if cur.i in triggers and cur.i != own and cur.dep_ != "advcl":
                break
            if cur.dep_ == "relcl":
                break  # "urged North Korea to resume talks it abandoned in 2009"
            if cur.lower_ in BOUNDARY_WORDS and cur.dep_ in ("prep", "mark") \
                    and not (tx.type == "TIME" and cur.lower_ in ("after", "before")):
                break  # "two days after the bombing on March 3": March 3 dates the bombing
            if cur.head.i == cur.i:
                break
            cur = cur.head
    return None


def _relative_date(doc: Doc, d: Draft, dated: dict[int, tuple[str, str]], triggers: set[int]):
    """(date, date_id, rule) from an after/before link to a dated event or clause, else None."""

    def day_at(tok: Token) -> tuple[str, str] | None:
        if tok.i in dated:
            return dated[tok.i]
        tx = _timex_reaching(doc, tok.sent, {tok.i}, tok.i, triggers)
        return (tx.value, tx.id) if tx is not None else None

    inner_of = event_dates.link_of(d.trigger)
    candidates = [(inner_of, False)] if inner_of is not None else []
    candidates += [(link, True) for t in _governing(d.trigger) for link in event_dates.links_from(t)]
    for link, inner_known in candidates:
        known = day_at(link.inner if inner_known else link.outer)
        if known is None:
            continue
        value = event_dates.shifted(known[0], link, inner_known)
        if value is not None:
            return value, known[1], f"+date-{link.word.lower_}"
    return None


def _records(doc: Doc, drafts: list[Draft]) -> list[Event]:
    drafts.sort(key=lambda x: x.trigger.i)
    triggers = {d.trigger.i for d in drafts}
    direct = {d.trigger.i: _timex_date(doc, d, triggers) for d in drafts}
    dated = {i: (tx.value, tx.id) for i, tx in direct.items() if tx is not None}
    events: list[Event] = []
    for n, d in enumerate(drafts, 1):
        tok, sent = d.trigger, d.trigger.sent
        tx = direct[tok.i]
        date, date_id = (tx.value, tx.id) if tx is not None else (None, None)
        rule = d.rule
        relative = _relative_date(doc, d, dated, triggers) if tx is None else None
        if relative is not None:
            date, date_id, suffix = relative
            rule += suffix
        elif tx is None and d.type in VERBAL_TYPES and d.status == "happened" and tok.tag_ == "VBD" \
                and not (_aux_words(tok) & {"has", "have", "had"}) and doc._.published:
            date = doc._.published  # a statement reported in the simple past: the day of the report
        trigger = _trigger_mention(doc, d)
        events.append(
            Event(
                id=f"e{n}",
                type=d.type,
                trigger=trigger,
                sentence=Mention(sent.start_char, sent.end_char, sent.text, "SENTENCE"),
                source_ids=tuple(d.source_ids),
                target_ids=tuple(d.target_ids),
                source=d.source_mention,
                target=d.target_mention if d.target_ids or d.target_mention else None,
                mode=d.mode,
                status=d.status,
                date=date,
                date_id=date_id,
                place_ids=tuple(d.places),
                rule=rule,
            )
        )
    return events


def _trigger_mention(doc: Doc, d: Draft) -> Mention:
    tok = d.trigger
    start, end = tok.idx, tok.idx + len(tok)
    # keep a particle or fixed object with the verb: "trading fire", "take part", "called on"
    for c in tok.children:
        if (c.dep_ == "prt" or (c.dep_ == "dobj" and _lemma(c) in ("fire", "part"))) and c.i == tok.i + 1:
            end = c.idx + len(c)
        if c.dep_ == "compound" and c.i == tok.i - 1:
            start = c.idx
    if d.rule == "call-on" or d.rule == "call-for":
        for p in tok.children:
            if p.dep_ in ("prep", "prt") and p.lower_ in ("on", "upon", "for") and p.i == tok.i + 1:
                end = p.idx + len(p)
    return Mention(start, end, doc_text(doc)[start:end], "TRIGGER")
