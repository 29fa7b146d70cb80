"""chronicle_events: who did what to whom, coded in PLOVER, from the dependency parse.

The coder reads each sentence's parse. A trigger (a verb or nominal from a
frame of :mod:`chronicle.nlp.event_rules`) gives the event type and mode; the
frame and the argument rules below find the source and target:

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
targets whoever carried out that assault. Each such mention is also an event of
its own with no source ("The shooting began at 10:39", one per sentence and
type); so are agentless passives and deeds named with no doer ("subject to
arbitrary detention") of the types in ``sourceless_passive`` and
``sourceless_nominal``. Other events still without a source are dropped, as
PLOVER does.

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

The frames and word lists live in :mod:`chronicle.nlp.event_rules`, what an
argument names (actors, places) in :mod:`chronicle.nlp.event_arguments`, the
dating in :mod:`chronicle.nlp.event_dates`. The component's config can replace or
extend the tables (see :func:`make_events`), so every function reads them from
the :class:`Rules` passed down.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from chronicle.nlp import event_dates, event_rules
from chronicle.nlp.event_arguments import (able_source, actor_of, arguments, children, conjuncts, content_of, counted,
                                           givers, human, lemma, objects, owned_by_a_person, owners, place_ids, places,
                                           prep_objects, resolve_relative, subject, words_target)
from chronicle.nlp.event_rules import Frame
from chronicle.nlp.clauses import imperative
from chronicle.nlp.extensions import doc_text
from chronicle.records import EVENT_TYPES, Event, Mention

NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "npadvmod"}


class Rules:
    """The tables the coder reads: frames by trigger lemma, and each word list as an attribute."""

    def __init__(self, frames: Iterable[Frame] = event_rules.FRAMES, word_lists: dict | None = None,
                 drop_lemmas: Iterable[str] = ()):
        lists = {name: wl.words for name, wl in event_rules.WORD_LISTS.items()}
        for name, words in (word_lists or {}).items():
            if name not in lists:
                raise ValueError(f"unknown word list {name!r}; known: {', '.join(sorted(lists))}")
            lists[name] = dict(words) if isinstance(words, dict) else frozenset(words)
        self.__dict__.update(lists)
        dropped = set(drop_lemmas)
        self.verbs: dict[str, list[Frame]] = {}
        self.nominals: dict[str, list[Frame]] = {}
        self.reported: dict[str, list[Frame]] = {}  # tried first, whatever the part of speech
        for frame in frames:
            _check(frame, lists)
            table = self.reported if frame.source == "speaker" else self.verbs if frame.pos == "verb" else self.nominals
            for word in frame.words:
                if word not in dropped:
                    table.setdefault(word, []).append(frame)
        # A verb's own frame (the first with no condition): what a promised act or a verb is.
        self.entries = {w: next((f for f in fs if not f.when), None) for w, fs in self.verbs.items()}

    @classmethod
    def from_config(cls, frames: list | None, extra_frames: list, drop_lemmas: list, word_lists: dict) -> Rules:
        if frames is None and not (extra_frames or drop_lemmas or word_lists):
            return DEFAULT_RULES
        rows = event_rules.FRAMES if frames is None else [_frame(f) for f in frames]
        return cls([*(_frame(f) for f in extra_frames), *rows], word_lists, drop_lemmas)


def _check(frame: Frame, lists: dict) -> None:
    """Fail when the rules are built, not silently later, on a row the coder cannot read."""
    if frame.pos not in ("verb", "nominal") or frame.type not in (*EVENT_TYPES, "ACT"):
        raise ValueError(f"frame {frame.id!r}: pos must be verb or nominal, type a PLOVER type or ACT")
    specs = [*frame.when, *frame.unless, *frame.target, *frame.content, *frame.retaliation, *dict(frame.recode)]
    for spec in (part.removeprefix("not ") for s in specs for part in s.split(" or ")):
        if spec not in CHECKS and spec.partition("|")[0] not in SELECTORS:
            for *_, words in _steps(spec.partition("|")[0]):  # raises on a step it cannot read
                if isinstance(words, str) and words[1:] not in lists:
                    raise ValueError(f"frame {frame.id!r}: no word list {words[1:]!r} in {spec!r}")


def _frame(row: Frame | dict) -> Frame:
    """A frame from the config's JSON (lists for tuples)."""
    if isinstance(row, Frame):
        return row
    tupled = lambda v: tuple(map(tupled, v)) if isinstance(v, list | tuple) else v  # noqa: E731
    return Frame(**{k: tupled(v) for k, v in row.items()})


@Language.factory(
    "chronicle_events",
    # token.pos is read too; spaCy's attribute_ruler sets it without declaring it, so it is not listed
    requires=["token.dep", "token.lemma", "token.tag", "token.ent_type", "doc._.actors", "doc._.dates"],
    assigns=["doc._.events"],
    # frames: null for event_rules.FRAMES, or a list of frame rows (dicts of Frame's fields);
    # extra_frames: rows tried before them; drop_lemmas: trigger lemmas to ignore;
    # word_lists: {name: [words]} replacing a list of event_rules.WORD_LISTS.
    default_config={"frames": None, "extra_frames": [], "drop_lemmas": [], "word_lists": {}},
)
def make_events(nlp: Language, name: str, frames: list | None, extra_frames: list, drop_lemmas: list,
                word_lists: dict) -> EventCoder:
    return EventCoder(Rules.from_config(frames, extra_frames, drop_lemmas, word_lists))


class EventCoder:
    """Fills ``doc._.events``; reads ``doc._.actors``, ``doc._.dates`` and ``doc._.published``."""

    def __init__(self, rules: Rules | None = None):
        self.rules = rules or DEFAULT_RULES

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = code_events(doc, self.rules)
        return doc


@dataclass
class Draft:
    frame: Frame
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
    owner_target: list[Token] = field(default_factory=list)  # "his arrest": the possessor suffers it
    light: Token | None = None  # the verb that makes a nominal an act ("launched an attack"): its tense is the event's
    cue: Token | None = None  # the word that gives the status ("would", "not", "will", "if", "denied")
    retaliation: Token | None = None  # "retaliate for N" / "avenge X's death": N
    doer_unnamed: bool = False  # the subject names a deed, not its doer ("the night's incidents injured"): no source
    sides: bool = False  # "talks between Israel and Hamas": the first side is the source, the others the targets


# ---------------------------------------------------------------------------
# small parse helpers


def _is_passive(verb: Token) -> bool:
    # a "by" agent marks a passive the parse took for a copula ("He was nominated ... by President Ford")
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or _reduced_passive(verb)


def _reduced_passive(verb: Token) -> bool:
    """A past participle with a subject, no auxiliary and no object, in an absolute clause, is passive:
    "with 25 others injured" (the subject suffers the act; a main verb tagged so, "Zupan conceded", is not)."""
    return verb.tag_ == "VBN" and verb.dep_ in ("pcomp", "advcl") and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children) or _participle_passive(verb)


def _participle_passive(verb: Token) -> bool:
    """A past participle after the noun it tells of, with no object: "all those unjustly detained", "thirty
    protesters arrested on Sunday" (the noun suffers the act; who did it is left unnamed unless "by" says)."""
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.i > verb.head.i \
        and verb.head.pos_ in ("NOUN", "PROPN", "PRON") \
        and not any(c.dep_ in ("aux", "auxpass", "dobj", "nsubj", "nsubjpass") for c in verb.children)


def negation(tok: Token, levels: int = 4) -> Token | None:
    """The negation on the trigger or on the verbs it is the complement of ("not planning to take part"),
    looking at ``levels`` tokens: the trigger and the verbs above it."""
    cur = tok
    for _ in range(levels):
        neg = next((c for c in cur.children if c.dep_ == "neg"), None)
        if neg is not None:
            return neg
        if cur.dep_ in ("xcomp", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


def _negated(tok: Token) -> bool:
    return negation(tok) is not None


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


def _unreal(rules: Rules, tok: Token) -> Token | None:
    """A conditional, a guess or an act someone cannot do or keeps from doing.

    "even if it kills us", "Perhaps the moderators will demand", "will be unable to
    accuse", "difficult for Trump to attack them", "steering clear of criticizing".
    """
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ == "mark" and c.lower_ in rules.conditional_marks:
                return c
            if c.dep_ == "advmod" and c.lower_ in rules.unreal_adverbs:
                return c
        head = cur.head
        if cur.dep_ == "dobj" and head.i != cur.i and lemma(head) in rules.permission_verbs:
            return head  # "the law allows the imposition of sanctions"
        if head.i == cur.i or cur.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acomp", "advcl", "acl", "conj", "relcl") \
                and not (cur.i == tok.i and cur.dep_ in ("attr", "nsubj", "nsubjpass", "dobj")):  # "if there were an attack"
            break
        word = lemma(head)
        if word in rules.unreal_heads or any(f"{word} {c.lower_}" in rules.unreal_phrases for c in head.children):
            return head
        if word in rules.unreal_nouns and cur.dep_ in ("acl", "ccomp", "relcl"):
            return head  # "no chance Clinton will withdraw"
        if cur.dep_ in ("advcl", "ccomp", "relcl"):
            break  # a separate clause: its own conditions
        cur = head
    return None


def _purpose(rules: Rules, clause: Token) -> bool:
    """A clause of purpose: "(in order) to hold the Kremlin accountable" (an infinitive with no subject of its own)."""
    return clause.tag_ == "VB" and not children(clause, "nsubj", "nsubjpass") \
        and any(a.lower_ in rules.purpose_marks for a in children(clause, "aux"))


def _reported_in_past(rules: Rules, tok: Token) -> bool:
    """The clause is what someone said, in the past, with no condition: "said the government would pressure"."""
    top = _governing(tok)[-1]
    if top.dep_ != "ccomp" or top.head.tag_ != "VBD" or lemma(top.head) not in rules.speech_verbs:
        return False
    return not any(c.dep_ == "mark" and c.lower_ in rules.conditional_marks for t in _governing(tok) for c in t.children) \
        and not any(c.dep_ == "advcl" and any(m.lower_ in rules.conditional_marks for m in children(c, "mark"))
                    for c in top.children)


def _aux_cue(tok: Token, words: frozenset[str]) -> Token | None:
    return next((c for t in _governing(tok) for c in t.children
                 if c.dep_ in ("aux", "auxpass") and c.lower_ in words), None)


def _looked_forward(tok: Token) -> Token | None:
    """"look forward to working with", "look forward to continued close cooperation": the "look" that puts the
    act ahead of the writer."""
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "to" and lemma(tok.head.head) == "look" \
            and any(c.lower_ == "forward" for c in tok.head.head.children):
        return tok.head.head
    return None


def _status(rules: Rules, tok: Token) -> tuple[str, Token | None]:
    """happened / planned / denied / hypothetical, with the word that says so (None for happened)."""
    cue = _aux_cue(tok, rules.hypothetical)
    if cue is not None and cue.lower_ in rules.future_in_past and _reported_in_past(rules, tok):
        return "planned", cue  # "Ebrard said the Mexican government would pressure the U.S. government"
    if cue is None:
        cue = _unreal(rules, tok)
    if cue is not None:
        return "hypothetical", cue
    cue = negation(tok)
    if cue is not None:
        return "denied", cue
    cue = _aux_cue(tok, rules.future)
    if cue is not None:
        return "planned", cue
    for t in _governing(tok)[1:]:
        if lemma(t) in rules.planning or t.lower_ in rules.planning_forms:
            return "planned", t
    top = _governing(tok)[-1]
    if _looked_forward(top) is not None:
        return "planned", _looked_forward(top)  # "we look forward to deepening our partnership"
    if lemma(tok) == "look" and any(c.lower_ == "forward" for c in tok.children):
        return "planned", tok  # the light verb of "look forward to many more years of collaboration"
    if top.dep_ == "acl" and top.head.pos_ == "NOUN" and lemma(top.head) in rules.planning:
        return "planned", top.head  # "announced plans to continue working with Honduras"
    if top.dep_ == "advcl" and _purpose(rules, top):
        return "planned", children(top, "aux")[0]  # "continued coordination to hold the Kremlin accountable"
    if top.dep_ in ("acl", "relcl") and top.tag_ == "VB" and lemma(top.head) in rules.effort_nouns:
        # the effort's own clause says: "will respond in a decisive way to hold Russia accountable" is planned,
        # "discussed efforts to urge Russia to de-escalate" happened
        verb = _effort_verb(top.head)
        if verb is not None:
            return _status(rules, verb)
    # nominal: "negotiations scheduled for Thursday", "an anticipated attack"
    for c in tok.children:
        if c.dep_ in ("acl", "amod") and lemma(c) in rules.planning:
            return "planned", c
        if c.dep_ == "amod" and c.lower_ in rules.planned_modifiers:
            return "planned", c
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj":  # "round of negotiations scheduled"
        head = tok.head.head
        if head.pos_ == "NOUN":
            c = next((c for c in head.children if lemma(c) in rules.planning), None)
            if c is not None:
                return "planned", c
    return "happened", None


def _controller(rules: Rules, verb: Token) -> Token | None:
    """The subject a subject-less verb borrows from the clause it depends on."""
    cur = verb
    for _ in range(6):
        head, dep = cur.head, cur.dep_
        if head.i == cur.i:
            return None
        if dep in ("xcomp", "acomp"):
            if lemma(head) in rules.request_control and objects(head):
                return objects(head)[0]  # "urged Iran to ...": Iran does it
            subj = subject(head) or (children(head, "nsubjpass") or [None])[0]
        elif dep == "conj" or dep == "dobj" and cur.i != verb.i:
            subj = subject(head)
            if dep == "conj" and subj is not None and _said_thing(rules, head, subj):
                subj = subject(head.head)  # "The Secretary said that ASEAN's consensus is a step and urged ASEAN"
        elif dep == "advcl" and _purpose(rules, cur) and head.pos_ in ("VERB", "AUX"):
            # "continued coordination to hold the Kremlin accountable"; only a subject of the clause itself, and
            # not a speaker's ("officials, who spoke on condition of anonymity to discuss sensitive diplomacy")
            if lemma(head) in rules.no_comment:
                return None
            subj = subject(head)
            if subj is None and _is_passive(head):
                subj = (children(head, "nsubjpass") or [None])[0]  # "They were joined by X to discuss": they
            if subj is None and not (head.dep_ == "xcomp" and head.tag_ == "VB"):
                return None  # (not a gerund: "will continue working with others to hold Iran accountable" made a
                # position the positions gold does not have)
            # else the subject the infinitive borrows: "will continue to coordinate with allies to impose costs"
        elif dep == "acl" and lemma(head) in rules.planning and head.head.pos_ == "VERB":
            subj = subject(head.head)  # "the United States outlined plans to help Honduras"
        elif dep in ("acl", "relcl") and cur.tag_ == "VB" and lemma(head) in rules.effort_nouns:
            return _effort_maker(rules, head)  # "The two leaders pledged continued coordination to urge Russia to cease"
        elif dep in ("advcl", "acl") and verb.tag_ in ("VBG", "VBN") or dep in ("pcomp", "prep", "pobj"):
            if head.pos_ in ("VERB", "AUX"):
                # a verdict: "were found guilty on Thursday of raping a Canadian tourist": the passive's subject
                # did it (not "suspected of asking", "prevented from holding", "interrupted by protesting")
                subj = subject(head) or (children(head, "nsubjpass") or [None])[0] \
                    if lemma(head) in rules.verdict_verbs else subject(head)
            elif lemma(head) in rules.statement_nouns or dep in ("pcomp", "pobj", "prep"):
                subj = None  # "a joint statement calling on ..." → who issued the statement
            else:
                return None
        else:
            return None
        if subj is not None:
            return subj
        cur = head
    return None


def _said_thing(rules: Rules, clause: Token, subj: Token) -> bool:
    """Whether a joined verb's borrowed subject is a thing said about, in what a speaker says: the
    verb was joined to the said clause by the parse, and the speaker does it."""
    return clause.dep_ == "ccomp" and lemma(clause.head) in rules.speech_verbs and subject(clause.head) is not None \
        and lemma(subj) in rules.said_things


def _attack_in_words(doc: Doc, rules: Rules, noun: Token) -> bool:
    """An "attack" that is speech: "his attacks on a former Miss Universe", "an attack on the
    decision", or a named person's attacks on no place, body or country ("his attacks have
    been aimed at her character").

    Armed attacks are reported as a group's or a country's, with their weapon ("a drone
    attack", checked by the caller), against a place, or as what killed someone.
    """
    targets = prep_objects(noun, "on", "against")
    if targets:
        return all(words_target(doc, rules, t) or t.lower_ == "them" for t in targets) and (
            words_target(doc, rules, targets[0]) or owned_by_a_person(doc, rules, noun))
    entry = rules.entries.get(lemma(noun.head))
    if noun.dep_ in ("nsubj", "nsubjpass") and entry is not None and entry.type == "ASSAULT":
        return False  # "Mateen's attack killed 49 people"
    return owned_by_a_person(doc, rules, noun)


# ---------------------------------------------------------------------------
# selectors and checks: how the frames' conditions and arguments are read (see event_rules)

_STEP = re.compile(r"(?P<deps>[a-z]+(?:/[a-z]+)*)(?::(?P<preps>[a-z/]+))?(?:(?P<how>[=~])(?P<words>@\w+|[\w/]+))?")


@functools.lru_cache(maxsize=None)
def _steps(path: str) -> tuple[tuple, ...]:
    """ "xcomp>prep:against/on" → ((deps, preps, how, words), ...)."""
    out = []
    for step in path.split(">"):
        m = _STEP.fullmatch(step)
        if m is None:
            raise ValueError(f"bad selector step {step!r} in {path!r}")
        words = m["words"] or ""
        out.append((frozenset(m["deps"].split("/")), tuple(m["preps"].split("/")) if m["preps"] else None,
                    m["how"], words if words.startswith("@") else frozenset(words.split("/"))))
    return tuple(out)


def _select(doc: Doc, rules: Rules, tok: Token, spec: str) -> list[Token]:
    """The tokens a selector finds from ``tok`` ("dobj", "act>prep:against/on|actor", "xcomp=@no_comment")."""
    path, _, keep = spec.partition("|")
    named = SELECTORS.get(path)
    found = named(doc, rules, tok) if named is not None else [tok]
    for deps, preps, how, words in _steps(path) if named is None else ():
        if "act" in deps:  # a commitment's promised act
            found = [_promised(rules, x) for t in found for x in children(t, "xcomp")[:1]]
        elif "offered" in deps:  # "stands ready to work with": the act offered
            found = [_promised(rules, x) for t in found for x in _ready_act(rules, t)]
        elif preps is not None:  # "sentenced on Wednesday": a day is when, never whom
            found = [x for t in found for x in prep_objects(t, *preps) if x.ent_type_ not in ("DATE", "TIME")]
        else:
            found = [x for t in found for x in t.children if x.dep_ in deps]
        if how:
            allowed = getattr(rules, words[1:]) if isinstance(words, str) else words
            found = [x for x in found if (lemma(x) if how == "=" else x.lower_) in allowed]
    if keep == "actor":
        found = [x for x in found if actor_of(doc, rules, x) is not None]
    elif keep == "people":  # an actor, or words that name people ("the killing of a journalist")
        found = [x for x in found if human(doc, rules, x)]
    return found


def _holds(doc: Doc, rules: Rules, tok: Token, condition: str) -> bool:
    if " or " in condition:
        return any(_holds(doc, rules, tok, c) for c in condition.split(" or "))
    if condition.startswith("not "):
        return not _holds(doc, rules, tok, condition[4:])
    check = CHECKS.get(condition)
    return check(doc, rules, tok) if check is not None else bool(_select(doc, rules, tok, condition))


def _promised(rules: Rules, act: Token) -> Token:
    """The act itself, through "continue", "keep": "pledged to continue building" promises the building."""
    for _ in range(2):
        nxt = children(act, "xcomp")[:1]
        if lemma(act) not in rules.aspect_verbs or not nxt:
            break
        act = nxt[0]
    return act


def _ready_act(rules: Rules, tok: Token) -> list[Token]:
    """"stands ready to continue to assist": the infinitive on the adjective of readiness (``ready_words``)."""
    return [x for a in children(tok, "acomp") if lemma(a) in rules.ready_words for x in children(a, "xcomp")][:1]


def _act_entry(rules: Rules, tok: Token) -> Frame | None:
    act = children(tok, "xcomp")[:1] or _ready_act(rules, tok)  # "promised to", "stands ready to"
    return rules.entries.get(lemma(_promised(rules, act[0]))) if act else None


def _thing_patient(doc: Doc, rules: Rules, tok: Token) -> bool:
    """"killing a bill", "an email, released as part of": no one is harmed or freed."""
    patient = objects(tok)[:1] or children(tok, "nsubjpass")[:1] or ([tok.head] if tok.dep_ == "acl" else [])
    return bool(patient) and not human(doc, rules, patient[0])


def _opinion(doc: Doc, rules: Rules, tok: Token) -> bool:
    """Not "agreed to revive", "agreed on a truce", "agreed a deal" (a person as object is a misparsed clause)."""
    if any(a.lower_ == "to" for x in children(tok, "xcomp") for a in children(x, "aux")):
        return False
    if prep_objects(tok, "to", "on", "upon"):
        return False
    return not any(o.ent_type_ != "PERSON" and getattr(actor_of(doc, rules, o), "kind", "") != "person"
                   for o in objects(tok))


def _retort(doc: Doc, rules: Rules, tok: Token) -> bool:
    """"Bennett shot back with a laugh" (but "fired back at the troops" is fire)."""
    back = any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in tok.children)
    return back and not objects(tok) and not prep_objects(tok, "at", "on", "against")


def _reported(doc: Doc, rules: Rules, tok: Token) -> bool:
    """A clause said by someone about someone: "Kanani said that Britain had ignored ..."."""
    return tok.dep_ == "ccomp" and lemma(tok.head) in rules.speech_verbs \
        and subject(tok.head) is not None and subject(tok) is not None


def _called_on(doc: Doc, rules: Rules, tok: Token) -> list[Token]:
    """X in "called on X" after the verb (not "On Friday night, Palin called a delegate"); "on" may
    be parsed as a particle ("who has since called on Republicans to back Trump")."""
    return [o for o in prep_objects(tok, "on", "upon") if o.i > tok.i and o.ent_type_ not in ("DATE", "TIME")] \
        or (objects(tok)[:1] if any(c.lower_ == "on" for c in children(tok, "prt")) else []) \
        or [o for p in children(tok, "prt") if p.lower_ in ("on", "upon") for o in children(p, "pobj")]


def _naming_words(tok: Token) -> set[str]:
    """The words of what a naming verb calls its object: "termed her a corrupt oaf", "described it as ..."."""
    said = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr")]
    said += prep_objects(tok, "as")
    said += [o for d in objects(tok) for o in prep_objects(d, "as")]  # "described it as" parsed on the object
    return {w for s in said for t in s.subtree for w in (lemma(t), t.lower_)}


def _named_badly(doc: Doc, rules: Rules, tok: Token) -> bool:
    """"termed her a corrupt oaf", "described it as despicable", "called the death the senseless killing of a
    courageous journalist" (an insult wins over praise; a milder word does not: "a guiding force, a stimulating
    force, a provocative force in science" is praise)."""
    words = _naming_words(tok)
    return bool(words & rules.insults) or bool(words & rules.negative_adjectives) and not words & rules.praise_words


def _named_well(doc: Doc, rules: Rules, tok: Token) -> bool:
    """"called Conway an incomparable mathematician", "described him as a guiding force in science"."""
    words = _naming_words(tok)
    return bool(words & rules.praise_words) and not words & rules.insults


def _thing_as_purpose(doc: Doc, rules: Rules, tok: Token) -> bool:
    """"ready to support international efforts", "focus on supporting working families": a thing backed in a
    clause of purpose or a gerund, not a report that someone backs it ("Republicans are supporting the delay")."""
    obj = objects(tok)[:1]
    if not obj or human(doc, rules, obj[0]):
        return False
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if children(cur, "nsubj", "nsubjpass"):
        return False  # "while Republicans are supporting the delay": a clause of its own
    return cur.dep_ in ("xcomp", "pcomp", "advcl", "acl", "relcl") or cur.tag_ == "VBG" and cur.dep_ != "ROOT"


def _sum_of(tok: Token) -> Token | None:
    """The sum a nominal is given in: "$320 million in funds", "$5 million of funding"."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of") and tok.head.head.ent_type_ == "MONEY":
        return tok.head.head
    return None


def _two_sided(doc: Doc, rules: Rules, tok: Token) -> bool:
    """"The Secretary and Prime Minister reaffirmed their commitment": two sides, named as joined subjects of the
    nominal's light verb, own it together ("their"; not "They reiterated their commitment", nor one side's "our")."""
    verb = _light_verb(rules, tok)
    s = subject(verb) if verb is not None else None
    return s is not None and bool(children(s, "conj")) and any(
        c.dep_ == "poss" and c.lower_ == "their" for c in tok.children)


# Named conditions of the frames, for what a selector path cannot say.
CHECKS: dict[str, Callable[[Doc, Rules, Token], bool]] = {
    "negated": lambda doc, rules, tok: _negated(tok),  # "were not planning to take part"
    "passive": lambda doc, rules, tok: _is_passive(tok),  # "Trump is backed by Cruz"
    "hypothetical": lambda doc, rules, tok: bool(_aux_words(tok) & rules.hypothetical),  # "could have lied"
    "imperative": lambda doc, rules, tok: imperative(tok),  # "Hands up, don't shoot", "let's discuss this first"
    "opinion": _opinion,
    "retort": _retort,
    "named-badly": _named_badly,
    "named-well": _named_well,
    # "my best wishes and congratulations": one greeting
    "joined-wish": lambda doc, rules, tok: tok.dep_ == "conj" and lemma(tok.head) in ("wish", "congratulation"),
    # "coerce and intimidate Southeast Asian coastal states": a verb joined to another of its type tells one act
    "joined-synonym": lambda doc, rules, tok: tok.dep_ == "conj" and tok.head.pos_ == "VERB" and bool(
        {f.type for f in rules.verbs.get(lemma(tok), ())} & {f.type for f in rules.verbs.get(lemma(tok.head), ())}),
    # "clashed with the police and threw rocks": a deed joined to an assault verb is that fight, not a second act
    "joined-to-assault": lambda doc, rules, tok: tok.dep_ == "conj" and tok.head.pos_ == "VERB" and any(
        f.type == "ASSAULT" for f in rules.verbs.get(lemma(tok.head), ())),
    # "intends to provide $25 million to the GCFF": a sum given (not "$1.28 billion in assistance": the nominal
    # is the act)
    "money-object": lambda doc, rules, tok: any(
        o.ent_type_ == "MONEY" and not prep_objects(o, "in", "of") for o in objects(tok)),
    # "imposing severe costs on Russia if it continues its war": an "if" or "unless" clause on the verb
    "conditioned": lambda doc, rules, tok: any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "should") for m in c.children)
        for c in tok.children),
    # "increasing repression", "this wave of oppression": a deed going on (ongoing_words)
    "ongoing": lambda doc, rules, tok: any(c.dep_ in ("amod", "compound") and lemma(c) in rules.ongoing_words
                                           or c.lower_ in rules.ongoing_words for c in tok.children)
    or tok.dep_ == "pobj" and tok.head.lower_ == "of" and lemma(tok.head.head) in rules.ongoing_words
    or tok.dep_ == "nsubj" and lemma(tok.head) in rules.going_on_verbs,  # "Violence continued through the evening"
    # "The first bomb went off", "a car bomb exploded": a device that went off (explode_verbs, explode_particles)
    "went-off": lambda doc, rules, tok: tok.dep_ in ("nsubj", "nsubjpass") and (
        lemma(tok.head) in rules.explode_verbs or any(
            c.dep_ == "prt" and c.lower_ == rules.explode_particles.get(lemma(tok.head)) for c in tok.head.children)),
    # "made an arrangement with prosecutors to plead guilty": an infinitive that says what a noun is for
    "noun-infinitive": lambda doc, rules, tok: tok.dep_ == "acl" and tok.tag_ == "VB",
    # "we stand with our allies in calling for an end": the joint call is the act, not backing
    # ("stands with people around the world in upholding the principles": upholding is no act, the backing stands)
    "joint-act": lambda doc, rules, tok: any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pcomp" and g.tag_ == "VBG" and lemma(g) in rules.verbs for g in c.children) for c in tok.children),
    # "was designated pursuant to E.O. 13846", "designated under Section 7031(c)": an act under a legal authority
    "under-authority": lambda doc, rules, tok: any(
        c.lower_ == "pursuant" or c.lower_ == "under" and any(
            o.lower_ in rules.legal_authorities for o in c.subtree) for c in tok.children),
    # spaCy reads "raped" as a form of "rap" ("rapped on the door" is no rape)
    "rape-word": lambda doc, rules, tok: lemma(tok) != "rap" or tok.lower_ in ("rape", "rapes", "raped", "raping"),
    "thing-as-purpose": _thing_as_purpose,
    # "those who support the Kremlin's war", "entities that support Russia's war", "Carrie Lam, who is supported by
    # the Chinese government": a relative clause that says who someone is, not an act told
    "describing-clause": lambda doc, rules, tok: tok.dep_ == "relcl" and tok.tag_ in ("VBP", "VBZ", "VBN")
    and not children(tok, "aux") or tok.dep_ == "relcl" and tok.tag_ == "VBN" and any(
        lemma(a) == "be" and a.tag_ in ("VBP", "VBZ") for a in children(tok, "auxpass")),
    "reported": _reported,
    "thing-patient": _thing_patient,
    # "held a call with X" is the verb row hold-call: its nominal is no second event
    "held-call": lambda doc, rules, tok: tok.dep_ == "dobj" and lemma(tok.head) == "hold",
    # "Workers staged a strike", "unions called a strike": a labour strike (strike_verbs)
    "strike-staged": lambda doc, rules, tok: tok.dep_ == "dobj" and lemma(tok.head) in rules.strike_verbs,
    # "attacked Clinton", "attacked her record": words
    "words-object": lambda doc, rules, tok: bool(objects(tok)) and words_target(doc, rules, objects(tok)[0]),
    # "warned Iran that": a warning to an actor
    "actor-object": lambda doc, rules, tok: bool(objects(tok)) and actor_of(doc, rules, objects(tok)[0]) is not None,
    # "did not meet the 15 percent threshold", "make ends meet"
    "met-thing": lambda doc, rules, tok: bool(objects(tok)) and not human(doc, rules, objects(tok)[0])
    or any(lemma(c) == "end" for c in tok.lefts),
    # "mobilize black voters": no force is moved
    "non-force-object": lambda doc, rules, tok: bool(objects(tok)) and lemma(objects(tok)[0]) not in rules.forces,
    # "vowed to kill": the promised act is an assault; "promised to withdraw": a deed of the promised types
    "assault-act": lambda doc, rules, tok: getattr(_act_entry(rules, tok), "type", None) == "ASSAULT",
    "promised-act": lambda doc, rules, tok: getattr(_act_entry(rules, tok), "type", None) in rules.promised_types,
    # "promising to meet his goals"
    "act-meets-a-thing": lambda doc, rules, tok: any(
        lemma(a) == "meet" and objects(a) and not human(doc, rules, objects(a)[0]) for a in children(tok, "xcomp")[:1]),
    # nominals: "the release of emails" frees no one; "his attacks on Alicia Machado" are words
    "thing-freed": lambda doc, rules, tok: bool(prep_objects(tok, "of"))
    and not human(doc, rules, prep_objects(tok, "of")[0]),
    # "thousands of protesters gathered": the subject, or what its quantity counts, is protesters
    # ("Some protesters responded by throwing things": the subject a subject-less verb borrows)
    "crowd-of-protesters": lambda doc, rules, tok: (s := subject(tok) or _controller(rules, tok)) is not None
    and lemma(counted(rules, s)) in rules.protesters,
    "spoken-attack": lambda doc, rules, tok: _assault_mode(rules, tok, None) is None and _attack_in_words(doc, rules, tok),
    # "we look forward to deepening our partnership": what the writer means to do with the partner
    "looked-forward-to": lambda doc, rules, tok: _looked_forward(tok) is not None,
    # "under the Khashoggi Ban": a title-case name of a policy, not a ban someone imposes
    "named-policy": lambda doc, rules, tok: tok.is_title and tok.i > tok.sent.start
    and any(c.dep_ == "compound" and c.is_title for c in tok.children),
    # a common noun in title case inside a sentence is a word of a name ("the U.S. Strategy to Prevent Conflict")
    "title-case": lambda doc, rules, tok: tok.is_title and tok.i > tok.sent.start,
    # "In coordination with our allies, the United States is taking further measures": a nominal after "in"
    "in-it": lambda doc, rules, tok: tok.dep_ == "pobj" and tok.head.lower_ == "in",
    # "The mayor is under investigation": a nominal after "under"
    "under-it": lambda doc, rules, tok: _under(tok),
    # "an end to conflict", "end this conflict", "a direct result of conflict": a deed told by what ends or
    # comes of it (ending_words), as the object of the word or of its "to"/"of"
    "ended": lambda doc, rules, tok: tok.dep_ == "dobj" and lemma(tok.head) in rules.ending_words
    or tok.dep_ == "pobj" and tok.head.lower_ in ("to", "of") and lemma(tok.head.head) in rules.ending_words,
    # "insists that the budget include funding": a clause in the base form (a subjunctive) asks for what it says (a
    # singular subject with a verb the tagger reads as plural present is the same base form)
    "subjunctive": lambda doc, rules, tok: any(
        c.dep_ == "ccomp" and not children(c, "aux") and (c.tag_ == "VB" or c.tag_ == "VBP" and any(
            s.tag_ in ("NN", "NNP") for s in children(c, "nsubj"))) for c in tok.children),
    # "all forms of violence against women": a kind of deed, not one done (kind_words)
    "kind-of": lambda doc, rules, tok: tok.dep_ == "pobj" and tok.head.lower_ == "of"
    and lemma(tok.head.head) in rules.kind_words,
    "two-sided": _two_sided,
    # "announced at least $320 million in funds for EDRI": a sum given in a nominal
    "sum-in": lambda doc, rules, tok: _sum_of(tok) is not None,
    # "launched an impeachment inquiry": a light verb's subject is the nominal's doer
    "light-verb": lambda doc, rules, tok: _light_verb(rules, tok) is not None,
    # "Both parents pleaded guilty to fourteen charges", "by pleading guilty to felony charges"
    "pleaded-to": lambda doc, rules, tok: _pleaded(tok) is not None,
}

def _actor_committed_to(doc: Doc, rules: Rules, tok: Token) -> list[Token]:
    """"commitment to the defense of the ROK and Japan", "its commitment to Ukraine": the actors in the "to" phrase,
    not behind a verb in it ("commitment to combating the corruption that hinders progress in Honduras" is a
    commitment to an act, not to Honduras)."""

    def nominal_part(t: Token) -> list[Token]:
        if t.pos_ in ("VERB", "AUX"):
            return []
        return [t] + [x for c in t.children for x in nominal_part(c)]

    # a region or a peninsula names a vision ("commitment to a free and open Indo-Pacific", "to the complete
    # denuclearization of the Korean Peninsula"), not a side backed ("our Indo-Pacific allies" are people)
    def modifies_people(t: Token) -> bool:
        while t.dep_ in ("compound", "amod", "nmod") and t.head.i != t.i:
            t = t.head
            if t.pos_ == "NOUN":
                return True
        return False

    return [t for o in prep_objects(tok, "to") for t in nominal_part(o)
            if t.pos_ == "PROPN" and (a := actor_of(doc, rules, t)) is not None
            and (a.kind != "place" or modifies_people(t))]


def _committed_act(doc: Doc, rules: Rules, tok: Token) -> list[Token]:
    """"commitment to working with ASEAN": the act committed to (a verb, not "commitment to Ukraine")."""
    return [o for o in prep_objects(tok, "to") if o.pos_ == "VERB"]


def _under(tok: Token) -> bool:
    """A nominal after "under": "The mayor is under investigation"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "under"


def _pleaded(tok: Token) -> Token | None:
    """"pleaded guilty to fourteen charges": the "plead" whose charges these are."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "to":
        return None
    head = tok.head.head
    if head.lower_ == "guilty" and head.head.i != head.i:
        head = head.head
    return head if lemma(head) == "plead" else None


# Named selectors of the frames.
SELECTORS: dict[str, Callable[[Doc, Rules, Token], list[Token]]] = {
    # "$320 million in funds for EDRI": for whom the sum is
    "sum-for": lambda doc, rules, tok: prep_objects(_sum_of(tok), "for", "to") if _sum_of(tok) is not None else [],
    "committed-act": _committed_act,
    # "commitment to working with ASEAN": ASEAN
    "committed-act-with": lambda doc, rules, tok: [o for a in _committed_act(doc, rules, tok)
                                                   for o in prep_objects(a, "with")],
    "actor-committed-to": _actor_committed_to,
    "subject": lambda doc, rules, tok: [s for s in [subject(tok)] if s is not None],  # "Britain" had ignored
    "called-on": _called_on,
    # "his endorsement from Mike Lee": the endorsed owner is the target
    "owner-if-giver": lambda doc, rules, tok: owners(tok) if givers(tok) else [],
    # "conveyed his best wishes to the King": the light verb's "to"
    "light-to": lambda doc, rules, tok: prep_objects(tok.head, "to") if tok.dep_ == "dobj" else [],
    # "imposing visa restrictions on Belarusian nationals": the light verb's "on"
    "light-on": lambda doc, rules, tok: prep_objects(tok.head, "on", "against") if tok.dep_ == "dobj" else [],
    # "threw its support behind the candidate": the light verb's "behind"
    "light-behind": lambda doc, rules, tok: prep_objects(tok.head, "behind") if tok.dep_ == "dobj" else [],
    # "Both parents pleaded guilty to fourteen charges": who pleads is who was charged
    "pleader": lambda doc, rules, tok: [s for p in [_pleaded(tok)] if p is not None for s in [subject(p)] if s is not None],
    # "The mayor is under investigation": who is under it
    "under-whom": lambda doc, rules, tok: [s for s in [subject(tok.head.head)] if s is not None] if _under(tok) else [],
    # "drew criticism from rights groups": "from X" on the noun or on its verb
    "givers": lambda doc, rules, tok: givers(tok),
    # "Trump is to face trial in the Senate", "stood trial": who faces the nominal undergoes it
    "facer": lambda doc, rules, tok: [s for s in [subject(tok.head) or _controller(rules, tok.head)] if s is not None]
    if tok.dep_ == "dobj" and lemma(tok.head) in rules.facing_verbs else [],
}


# ---------------------------------------------------------------------------
# triggers


def _from_frames(doc: Doc, rules: Rules, tok: Token, frames: list[Frame]) -> Draft | None:
    """A draft from the first frame whose conditions hold, unless one of its vetoes does."""
    for frame in frames:
        if all(_holds(doc, rules, tok, c) for c in frame.when):
            if any(_holds(doc, rules, tok, c) for c in frame.unless):
                return None
            return _verb_frame_draft(doc, rules, tok, frame)
    return None


def _verb_frame_draft(doc: Doc, rules: Rules, tok: Token, frame: Frame) -> Draft | None:
    type_, mode = frame.type, frame.mode
    if type_ == "ACT":  # a promise takes the type of what is promised
        entry = _act_entry(rules, tok)
        if entry is None:
            return None
        type_, mode = entry.type, entry.mode
    rule = (frame.rule or frame.pos).replace("{lemma}", lemma(tok))
    d = Draft(frame, type_, mode, tok, rule, frame.status or "happened")
    d.target = [t for spec in frame.target for t in _select(doc, rules, tok, spec)]
    for spec in frame.content:
        for c in _select(doc, rules, tok, spec):
            d.content |= {t.i for t in c.subtree} if frame.whole_content else content_of(c)
    for spec in frame.retaliation:
        found = _select(doc, rules, tok, spec)
        if found:
            d.retaliation = found[0]
            break
    if frame.source == "speaker":
        d.source = [subject(tok.head)]
        d.anchors.add(tok.head.i)
    elif frame.source == "object":
        d.source = objects(tok)  # "welcomed Foreign Minister Di Maio to Washington": the visitor
    elif frame.source == "experiencer":
        # "We are encouraged that ...": who is encouraged judges (the parse may hang "We" on "are")
        d.source = children(tok, "nsubjpass", "nsubj") or [s for a in children(tok, "auxpass") for s in children(a, "nsubj")] \
            or (children(tok.head, "nsubj") if tok.dep_ == "acomp" else [])  # "X is concerned by": X
    elif frame.source == "unnamed":  # "Thunberg received the award": the giver is left unnamed
        d.doer_unnamed = True
    elif frame.source == "giver":  # "came under fire from opposition lawmakers": they criticise
        d.source = prep_objects(tok, "from")
    elif frame.source == "head-subject" and tok.dep_ == "ccomp":
        s = subject(tok.head)
        d.source = [s] if s is not None else []
        d.anchors.add(tok.head.i)
    return d


def _nominal_frame(doc: Doc, rules: Rules, tok: Token) -> Frame | None:
    word = lemma(tok)
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    prev = tok.nbor(-1) if tok.i > 0 else None
    frames = rules.nominals.get(f"{lemma(prev)} {word}") if prev is not None else None
    if not frames:
        if nxt is not None and nxt.dep_ == "compound":
            return None  # "attack helicopter", "talk show": the head decides
        if tok.ent_type_ in rules.name_entities:
            return None  # "the North American Free Trade Agreement" names a treaty, it reports no act
        frames = rules.nominals.get(word) or rules.nominals.get(tok.lower_) or ()
    return next((f for f in frames if all(_holds(doc, rules, tok, c) for c in f.when)), None)


def _assault_mode(rules: Rules, tok: Token, mode: str | None) -> str | None:
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.lower_ in rules.assault_modes:
            return rules.assault_modes[c.lower_]
    return mode


def _noun_draft(doc: Doc, rules: Rules, tok: Token) -> Draft | None:
    frame = _nominal_frame(doc, rules, tok)
    if frame is None or any(_holds(doc, rules, tok, c) for c in frame.unless):
        return None
    type_, mode = frame.type, frame.mode
    recoded = next((t for condition, t in frame.recode if _holds(doc, rules, tok, condition)), None)
    if recoded is not None:
        type_, mode = recoded, None
    if type_ == "ASSAULT":
        mode = _assault_mode(rules, tok, mode)
    d = Draft(frame, type_, mode, tok, frame.rule or frame.pos)
    d.nouns.add(lemma(tok))
    # source: possessor, demonym / name modifier, "by X", relative clause subject, light verb subject
    src: list[Token] = [c for c in tok.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")
                        or c.dep_ in ("amod", "compound", "nmod") and actor_of(doc, rules, c) is not None
                        or c.dep_ == "compound" and lemma(c) in rules.doer_modifiers]
    src += prep_objects(tok, "by")
    # "a lawsuit filed by the Puerto Rico Senate", "sanctions imposed by the international community"
    done_by = [c for c in children(tok, "acl") if c.tag_ == "VBN" and lemma(c) in rules.light_verbs
               and prep_objects(c, "by")]
    src += [o for c in done_by for o in prep_objects(c, "by")]
    owned = [c for c in src if c.dep_ == "poss"]
    if owned and lemma(tok) in rules.suffered_acts and not prep_objects(tok, "of"):
        src = [c for c in src if c.dep_ != "poss"]  # "Nabil's murder", "his arrest": who suffers it
        if not any(t.dep_ == "poss" for spec in frame.target for t in _select(doc, rules, tok, spec)):
            d.owner_target = owned
    if frame.source == "of-owner":  # "at the request of Prime Minister Boris Johnson": he requests
        src = prep_objects(tok, "of")
    if frame.source == "unnamed":  # "his first trial": he is tried, by no one the text names
        src, d.doer_unnamed = [], True
    if frame.source == "owner-or-giver" and givers(tok):  # "his endorsements from 88 generals": they support him
        src = [c for c in src if c.dep_ != "poss"] + givers(tok)
    tgt = [t for spec in frame.target for t in _select(doc, rules, tok, spec)] + d.owner_target
    if not tgt:  # "a lawsuit filed by the Senate on Sunday against Pedro Pierluisi"
        tgt = [o for c in done_by for o in prep_objects(c, "against", "on")]
    for spec in frame.content:  # "commitment to working with ASEAN": the working is what is promised
        for c in _select(doc, rules, tok, spec):
            d.content |= {t.i for t in c.subtree} if frame.whole_content else content_of(c)
    for rel in children(tok, "relcl"):
        s = subject(rel)
        if lemma(rel) in rules.witness_verbs:  # "the aggression that we saw coming from Russia": not theirs
            src += [o for x in children(rel, "xcomp", "ccomp", "oprd") for o in prep_objects(x, "from")]
            continue
        if s is not None and s.tag_ not in ("WDT", "WP") and not any(
                c.dep_ == "prep" and any(w.tag_ in ("WDT", "WP") for w in c.children) for c in s.children):
            # (not "protests, one of which drew two million people": the subject counts the noun itself)
            src.append(s)
            tgt += prep_objects(rel, "on", "against", "with")
            d.anchors.add(rel.i)
    verb = _light_verb(rules, tok)
    if verb is not None and lemma(verb) in rules.object_light_verbs and type_ in rules.deeds_not_stated:
        verb = None
    d.light = verb  # "will embark on his first trip": the verb's tense is the event's
    if verb is not None and src and all(t.dep_ == "poss" and t.pos_ == "PRON" and actor_of(doc, rules, t) is None
                                        for t in src) and subject(verb) is not None:
        src = [subject(verb)]  # "his" left unresolved: whoever embarks on the trip
    elif verb is not None and src and all(t.dep_ == "poss" and t.lower_ == "their" for t in src) \
            and subject(verb) is not None and children(subject(verb), "conj"):
        src = [subject(verb)]  # "The Secretary and Prime Minister reaffirmed their commitment": "their" is theirs
    if verb is not None and not tgt and tok.dep_ == "dobj" and _is_passive(verb):
        tgt = children(verb, "nsubjpass")  # "He was given a fine": he is fined
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
        d.anchors.add(tok.head.i)  # "In 2019 he survived a drone attack": the clause's date is the deed's
    if not src:
        light = (subject(verb) or _participle_owner(verb) or _controller(rules, verb)) if verb is not None else None
        if light is not None and lemma(verb) == "take" and not human(doc, rules, light):
            light = None  # "The public may take part in the discussion": no one in particular
        if light is not None:
            src.append(light)
            d.anchors.add(verb.i)  # "launched strikes on Friday": the verb carries the date
            if not tgt:
                tgt = prep_objects(verb, "to")  # "provide assistance to the people of Haiti"
    if not src and not d.doer_unnamed and type_ in rules.between_types:
        sides = [x for b in prep_objects(tok, "between") for x in conjuncts(b)]
        if len(sides) >= 2:  # "talks between Israel and Hamas": both sides take part
            src, tgt = sides[:1], sides[1:] + [t for t in tgt if t not in sides]
            d.sides = True
    d.source = [] if d.doer_unnamed else src
    d.target = [t for t in tgt if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if frame.source == "antecedent":  # "These steps", "Today's action": the act told before, its doer that act's
        d.anaphoric = True  # ("Today's actions by the Department of State": a doer named is kept)
        if not d.target and tok.dep_ == "nsubj":  # "Today's actions ... target some of the wealthiest Russian elites"
            d.target = [o for o in objects(tok.head) if human(doc, rules, counted(rules, o))]
        return d
    determiners = {c.lower_ for c in tok.children if c.dep_ == "det"}
    determiners.add(tok.left_edge.lower_)  # "The ceasefire talks" (the determiner may hang on the modifier)
    d.anaphoric = not d.source and bool(determiners & rules.definite)
    if frame.needs_argument and not src and not d.target and not d.anaphoric:
        return None
    return d


def _effort_verb(noun: Token) -> Token | None:
    """The verb an effort noun hangs on, through joined nouns and prepositions ("share ... resolve, and
    determination to", "respond in a decisive way to")."""
    cur = noun
    for _ in range(8):
        if cur.dep_ not in ("conj", "pobj", "prep", "dobj", "attr") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _effort_maker(rules: Rules, noun: Token) -> Token | None:
    """Who makes an effort whose infinitive is an act: its owner ("the efforts of our allies to hold ... to
    account", "Russia's efforts"), else the subject of the verb it hangs on, through joined nouns and prepositions
    ("We share ... resolve, and determination to hold Russia to account", "will respond in a decisive way to")."""
    owner = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, "of")
    if owner and (owner[0].dep_ == "poss" or human(noun.doc, rules, owner[0])):
        return owner[0]
    verb = _effort_verb(noun)
    return subject(verb) if verb is not None else None


def _participle_owner(verb: Token) -> Token | None:
    """Who a present participle on a noun says acts: "governments using torture", "forces launching attacks"."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _light_verb(rules: Rules, noun: Token) -> Token | None:
    """The verb that makes a nominal an act: "Hamas launched an attack", "heading for a round of negotiations"."""
    cur = noun
    for _ in range(4):
        head = cur.head
        if cur.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.i != cur.i:
            cur = head  # "issued seven pardons and four commutations"
            continue
        if cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            cur = head.head  # "round of negotiations"
            continue
        if cur.i != noun.i and cur.dep_ == "pobj" and head.dep_ == "prep" and lemma(noun) in rules.stance_nouns \
                and lemma(head.head) in rules.stance_nouns:
            # "expressed resolute support for Ukraine's sovereignty and territorial integrity and commitment to
            # strong transatlantic coordination": the parse joins the second stance to the first one's object, and the
            # verb that expresses the first expresses both
            first = head.head
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head  # "expressed the United States' and Canada's resolute support"
                if first.pos_ == "VERB":  # (the parse may join "support" to the verb itself)
                    return first if lemma(first) in rules.light_verbs else None
            return first.head if first.dep_ == "dobj" and lemma(first.head) in rules.light_verbs else None
        if cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "of") and head.head.ent_type_ == "MONEY":
            cur = head.head  # "has provided over $1.28 billion in humanitarian assistance": the sum is given
            continue
        if cur.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "into", "in", "on") \
                and head.head.pos_ == "VERB" and lemma(head.head) in rules.light_verbs:
            return head.head
        if cur.dep_ == "dobj" and lemma(head) in rules.light_verbs:
            return head if cur.i == noun.i or lemma(head) not in rules.object_light_verbs else None
        # "four million people took part in the protests": who takes part does it (where people take part: the
        # subject is checked in _noun_draft)
        if cur.dep_ == "pobj" and head.lower_ == "in" and (
                head.head.lower_ == "part" and head.head.dep_ == "dobj" and lemma(head.head.head) == "take"
                or lemma(head.head) == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in head.head.children)):
            return head.head if lemma(head.head) == "take" else head.head.head
        # "we look forward to continued close cooperation with Italy", "to many more years of collaboration": who
        # looks forward to it means to do it
        return _looked_forward(cur) if cur.dep_ == "pobj" else None
    return None


def _participle_act(rules: Rules, tok: Token) -> bool:
    """A present participle on a noun that is the noun's act ("protesting legislators"): for ``participle_types``."""
    return tok.dep_ in ("amod", "acl") and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") and any(
        f.type in rules.participle_types for f in rules.verbs.get(lemma(tok), ()))


def _detect(doc: Doc, rules: Rules, tok: Token) -> Draft | None:
    if tok.pos_ == "VERB":
        if tok.dep_ in NOMINAL_DEPS and tok.tag_ == "VBZ" and _nominal_frame(doc, rules, tok):
            return _noun_draft(doc, rules, tok)  # "talks" mis-tagged as a verb
        if tok.dep_ in ("amod", "acl") and tok.tag_ == "VBG" and _participle_act(rules, tok):
            return _from_frames(doc, rules, tok, rules.verbs.get(lemma(tok), ()))  # "protesting legislators"
        if _participle_passive(tok) and any(f.type in rules.participle_deeds for f in rules.verbs.get(lemma(tok), ())):
            # "thirty protesters arrested on Sunday", "those unjustly detained": the deed done to them
            return _from_frames(doc, rules, tok, [f for f in rules.verbs.get(lemma(tok), ())
                                                  if f.type in rules.participle_deeds])
        if tok.dep_ == "amod" or tok.dep_ == "acl" and tok.tag_ == "VBN":
            return None  # "a militia backed by Iran": a description, not an event
        return _from_frames(doc, rules, tok, rules.verbs.get(lemma(tok), ()))
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
        return _noun_draft(doc, rules, tok)
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
        # "The United States is deeply concerned by ...": an adjective of feeling, only by rows of its experiencer
        return _from_frames(doc, rules, tok, [f for f in rules.verbs.get(lemma(tok), ()) if f.source == "experiencer"])
    return None


# ---------------------------------------------------------------------------
# the pass over a document


def code_events(doc: Doc, rules: Rules | None = None) -> list[Event]:
    rules = rules or DEFAULT_RULES
    drafts: list[Draft] = []
    for sent in doc.sents:
        for tok in sent:
            reported = rules.reported.get(lemma(tok))  # a misdeed said by someone is tried first
            d = (_from_frames(doc, rules, tok, reported) if reported else None) or _detect(doc, rules, tok)
            if d is None:
                continue
            status, cue = ("happened", None) if d.frame.status == "happened" else _status(rules, tok)
            if status == "happened" and d.light is not None:
                status, cue = _status(rules, d.light)  # "will launch an attack", "commit to provide assistance"
            if status == "planned" and cue is not None and cue.dep_ == "aux" and cue.lower_ in rules.purpose_marks \
                    and d.type in rules.purpose_done_types:
                status, cue = "happened", None  # "led a delegation to continue discussions with the Taliban"
            if d.status in ("threatened", "promised") and status == "hypothetical" and cue is not None \
                    and cue.lower_ in rules.future_in_past and _governing(tok)[-1].dep_ == "ccomp" \
                    and _governing(tok)[-1].head.tag_ == "VBD":
                status, cue = "planned", cue  # "reiterated that escalation would be met with costs": still a threat
            if d.status in ("threatened", "promised"):
                if status in ("hypothetical", "denied"):
                    d.status, d.cue = status, cue  # "would threaten", "I never threaten anybody"
            else:
                d.status, d.cue = status, cue
            if d.status in ("threatened", "promised") and d.cue is None:
                d.cue = tok  # the threat or the promise itself
            _fill_arguments(doc, rules, d)
            if not able_source(rules, d.source, d.source_ids, d.trigger):
                continue
            _places_are_where(doc, rules, d)
            if _visits_a_place(d):
                continue
            drafts.append(d)

    _quoted_judgements(doc, rules, drafts)

    # passive verbs that name their means: "was killed in an Israeli air strike"
    by_token = {d.trigger.i: d for d in drafts}
    for d in drafts:
        if d.trigger.pos_ != "VERB" or not _is_passive(d.trigger):
            continue
        for obj in prep_objects(d.trigger, "in", "by", "during", "with"):
            n = by_token.get(obj.i)
            if n is None or n.type != d.type or n is d:
                continue
            n.content.add(-1)  # marker: merged
            d.nouns |= n.nouns
            d.mode = n.mode or d.mode
            if not d.source_ids and n.source_ids:
                d.source_ids, d.source_mention = n.source_ids, n.source_mention
                d.rule = "passive-means"

    # a deed noun that is the subject of a verb of its own type tells one happening, by the noun: "Twin bombings
    # yesterday struck the Jolo Cathedral", "An Israeli airstrike killed Fouad Shukur" (issue 14, round 13, from dev10)
    for d in drafts:
        if d.trigger.pos_ != "VERB" or _is_passive(d.trigger):
            continue
        for subj in children(d.trigger, "nsubj"):
            n = by_token.get(subj.i)
            if n is None or n is d or n.type != d.type or n.frame.pos != "nominal" or n.frame.source == "antecedent":
                continue  # ("Today's actions target multiple Belarusian officials": the verb tells the act)
            d.content.add(-1)  # marker: merged into the noun
            if not n.target_ids and d.target_ids:
                n.target_ids, n.target_mention = list(d.target_ids), d.target_mention

    # what a denial reports is a denied act: "Iran denied shooting down the jet"
    for x in drafts:
        if lemma(x.trigger) in rules.denial_verbs and x.content:
            for d in drafts:
                if d is not x and d.trigger.i in x.content and d.status == "happened":
                    d.status, d.cue = "denied", x.trigger
                    d.anchors.add(x.trigger.i)
                    if not d.source and x.source_ids:
                        d.source_ids, d.source_mention = list(x.source_ids), x.source_mention
    denied = {d.trigger.i for d in drafts if d.status == "denied" and d.cue is not None
              and lemma(d.cue) in rules.denial_verbs}

    # a deed named by its doer (or with no doer, where the type may lack one) in what a statement
    # condemns, praises or rejects happened: "condemned the DPRK's missile launches", "support for
    # Ukraine as it faces Russia's war", "concern over the ongoing genocide against Uyghurs"
    owned = {d.trigger.i for d in drafts if d.frame.pos == "nominal"
             and (d.source_ids or d.type in rules.sourceless_nominal and not d.source)
             and d.type in rules.reported_deeds
             and all(x.type in rules.judging_types and x.frame.source != "speaker"
                     for x in drafts if x is not d and d.trigger.i in x.content)}

    # talks held to talk are one happening: "met today with Han Duck-soo to discuss economic security",
    # "will meet with senior government officials ..., while also discussing the ongoing crisis"
    for d in drafts:
        head = d.trigger.head
        if d.trigger.dep_ == "advcl" and (_purpose(rules, d.trigger) or d.trigger.tag_ == "VBG" and d.type == "CONSULT") \
                and any(
                x.trigger.i == head.i and x.type == d.type for x in drafts):
            d.content.add(-1)

    # content of statements and merged nominals are not events of their own
    kept = [d for d in drafts
            if -1 not in d.content and (d.trigger.i in denied or d.trigger.i in owned
                                        or not any(x is not d and d.trigger.i in x.content for x in drafts))]

    # definite nominals without a source refer back to an earlier event of the same type; each is
    # also a mention of its own ("The shooting began at 10:39"), with no source the sentence names
    final: list[Draft] = []
    mentions: list[Draft] = []
    for d in kept:
        if d.frame.source == "antecedent":
            # a deed noun that names the act told before ("These steps are also in response to ...") is a mention of
            # it, with its doer and whom it is aimed at; with no act of its type before, it names none
            # (the act done: not "which authorizes sanctions against Russia", nor one with no doer)
            ante = _antecedent(d, [x for x in final if x.status == "happened" and x.source_ids])
            if ante is not None and _own_mention(rules, d, ante, kept):
                if not d.source_ids:
                    d.source_ids, d.source_mention = list(ante.source_ids), ante.source_mention
                if not d.target_ids and d.target_mention is None:
                    d.target_ids, d.target_mention = list(ante.target_ids), ante.target_mention
                mentions.append(d)
            continue
        if d.anaphoric:
            ante = _antecedent(d, final)
            if ante is not None:
                _merge_anaphor(doc, rules, ante, d)
            if _own_mention(rules, d, ante, kept):
                mentions.append(d)
            continue
        final.append(d)

    _talk_parties(doc, rules, final)
    _responsibility(doc, rules, final)
    _retaliation(doc, rules, final)
    return _records(doc, rules, [d for d in final if d.source_mention is not None or d.doer_unnamed
                                 or _may_lack_source(doc, rules, d) or _harm_in_an_attack(doc, rules, d, final)]
                    + mentions)


def _harm_in_an_attack(doc: Doc, rules: Rules, d: Draft, drafts: list[Draft]) -> bool:
    """An agentless "were killed", "were injured" in the sentences after an attack told (a bombing, a shooting, police
    firing on protesters) is harm done in it, not an accident: "between the two blasts, at least 20 were killed",
    "Sixty-six people or more were injured yesterday" (dev10). Only where its own sentence tells no other assault (one
    happening, one event), and within two sentences after a deed of a doer's own (not another agentless harm)."""
    tok = d.trigger
    if d.type != "ASSAULT" or tok.pos_ != "VERB" or not _is_passive(tok) or d.source \
            or lemma(tok) not in rules.accidental_harm or d.status != "happened":
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" or c.lower_ == "none" for s in children(tok, "nsubjpass")
           for c in [s, *s.children]):
        return False  # "No Coalition troops were injured": no harm done
    sent = tok.sent
    if any(x is not d and x.type == "ASSAULT" and sent.start <= x.trigger.i < sent.end for x in drafts):
        return False
    earlier = [x for x in drafts if x.type == "ASSAULT" and x.trigger.i < sent.start and lemma(x.trigger) not in
               rules.accidental_harm]
    return bool(earlier) and len(list(doc[earlier[-1].trigger.i: tok.i].sents)) <= 3


_JUDGEMENT = Frame("quoted-judgement", "nominal", "", "ACCUSE", rule="quoted-judgement", source="quoted")
_PRAISE = Frame("quoted-praise", "nominal", "", "SUPPORT", rule="quoted-praise", source="quoted")


def _judged(rules: Rules, tok: Token) -> Token | None:
    """The clause a blame word judges: "X is unacceptable", "It is a propaganda stunt", "this shows
    carelessness", "treats the rule of law with utter contempt" (the verb whose subject is judged)."""
    word = tok
    if tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN":
        word = tok.head  # "a propaganda stunt", "gross negligence"
    if word.dep_ in ("attr", "acomp") and lemma(word.head) == "be":
        return word.head
    if word.dep_ == "dobj" and lemma(word.head) in rules.showing_verbs:
        return word.head
    if word.dep_ == "pobj" and word.head.lower_ == "with" and word.head.head.pos_ == "VERB":
        return word.head.head
    return None


def _reporter(rules: Rules, clause: Token) -> Token | None:
    """Who says the clause, where it is what a speech verb reports: "The motion claims Trump's declaration is
    unconstitutional" (the motion)."""
    if clause.dep_ == "ccomp" and lemma(clause.head) in rules.speech_verbs:
        return subject(clause.head)
    return None


def _quoted_judgements(doc: Doc, rules: Rules, drafts: list[Draft]) -> None:
    """Criticism as a speaker's judgement in a quote or a reported clause: "'Nabil's murder is unacceptable,'
    said Bennoui", "'It's gross negligence on the part of the officers'", "The motion claims Trump's
    declaration is unconstitutional": ACCUSE by the speaker, aimed at the one the judged clause names (its
    subject, or "on the part of X"), once per sentence. Praise the same way ("'Walter was the most brilliant
    scientist I have ever known,' said Khosla") is SUPPORT, where the clause names an actor."""
    quotes = [q for q in (doc._.get("quotes") if doc.has_extension("quotes") else None) or () if q.speaker_ids]
    judged = {t: {d.trigger.sent.start for d in drafts if d.type == t} for t in ("ACCUSE", "SUPPORT")}
    actors = {a.id: a for a in doc._.actors or ()}
    for tok in doc:
        if lemma(tok) in rules.blame_words or tok.lower_ in rules.blame_words:
            frame = _JUDGEMENT
        elif lemma(tok) in rules.praise_words or tok.lower_ in rules.praise_words:
            frame = _PRAISE  # "'Walter was the most brilliant scientist I have ever known,' said Pradeep Khosla"
        else:
            continue
        done = judged[frame.type]  # one judgement of each type per sentence
        if tok.sent.start in done:
            continue
        clause = _judged(rules, tok)
        if clause is None or _status(rules, clause)[0] != "happened":
            continue
        quote = next((q for q in quotes if q.content.start <= tok.idx < q.content.end), None)
        reporter = _reporter(rules, clause) if quote is None else None
        if quote is None and reporter is None:
            continue
        d = Draft(frame, frame.type, None, tok, frame.rule)
        if quote is not None:
            d.source_ids = [i for i in quote.speaker_ids if i in actors]
            d.source_mention = quote.speaker or Mention(0, 0, "", "ACTOR")
        else:
            d.source_mention, d.source_ids = arguments(doc, rules, [reporter])
            if not able_source(rules, [reporter], d.source_ids, clause):
                continue
        whom = [o for p in children(tok.head if tok.dep_ in ("amod", "compound") else tok, "prep") if p.lower_ == "on"
                for part in children(p, "pobj") if lemma(part) == "part" for o in prep_objects(part, "of")]
        subj = subject(clause)
        if not whom and subj is not None and subj.lower_ not in rules.unresolved_pronouns \
                and lemma(subj) not in rules.nominals:
            whom = [subj]  # not "Nabil's murder is unacceptable": the victim is not blamed
        d.target_mention, d.target_ids = arguments(doc, rules, whom)
        d.target_ids = [i for i in d.target_ids if i not in d.source_ids]
        if frame is _PRAISE and (not d.target_ids or not any(actors[i].kind == "person" for i in d.source_ids)):
            # praise of no one named ("The weather was wonderful") backs no actor; praise is a person's word (an
            # organisation as the speaker is most often the person's affiliation read as the speaker)
            continue
        d.anchors.update({tok.i, clause.i})
        drafts.append(d)
        done.add(tok.sent.start)


def _visits_a_place(d: Draft) -> bool:
    """"Biden visited Pittsburgh": a trip to a town or region, no one met (a country, body or person
    visited stays a visit)."""
    return d.type == "CONSULT" and d.mode == "visit" and bool(d.places) and not d.target_ids


def _places_are_where(doc: Doc, rules: Rules, d: Draft) -> None:
    """A city or region named as an argument ("the Geneva meeting") says where, not who.

    Countries stay actors (PLOVER codes states as sources and targets), and so do capitals
    that stand for their government ("called on Beijing to cease its pressure campaign");
    a place moves to the event's places, and an argument that named only places is gone.
    """
    visit = d.mode == "visit"  # "while he was visiting Tehran": the capital is where
    kinds = {a.id: a.kind for a in doc._.actors or () if visit or a.name.lower() not in rules.capital_metonyms}
    for role in ("source", "target"):
        ids = getattr(d, f"{role}_ids")
        if role == "target" and d.type in rules.person_patient_types and not visit:
            continue  # "Crystal Munoz was convicted" (tagged a location): one is convicted, not a place
        # a government named by its place, the subject of the act, acts ("Palm Beach County issued an order")
        # (a name: "Protesters" tagged a place is no government)
        acting = {a.id for t in getattr(d, role) if role == "source" and t.dep_ in rules.acting_place_deps
                  and t.pos_ == "PROPN"
                  for c in conjuncts(t) for a in [actor_of(doc, rules, c)] if a is not None}
        where = [i for i in ids if kinds.get(i) == "place" and i not in acting]
        if not where:
            continue
        d.places += [p for p in where if p not in d.places]
        rest = [i for i in ids if i not in where]
        setattr(d, f"{role}_ids", rest)
        if not rest:
            setattr(d, f"{role}_mention", None)


def _names_a_deed(rules: Rules, tok: Token) -> bool:
    """A subject that names a deed, not a doer: "Today's actions target ...", "the night's incidents injured
    fourteen police officers", "a mass stabbing killed three people" (an event noun or ``deed_nouns``); a relative
    pronoun is its antecedent ("encouraging actions that have laid the groundwork ..., including lifting")."""
    tok = resolve_relative(tok)
    return tok.pos_ == "NOUN" and (lemma(tok) in rules.deed_nouns or lemma(tok) in rules.nominals)


def _deed_taker(tok: Token) -> Token | None:
    """Who takes or makes the deeds a subject names: "Abiy Ahmed has taken a series of encouraging actions that
    have laid the groundwork ..., including lifting the state of emergency" (the subject of take/make)."""
    tok = resolve_relative(tok)
    for _ in range(2):  # "a series of actions", "a number of steps"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head
    if tok.dep_ == "dobj" and lemma(tok.head) in ("take", "make"):
        return subject(tok.head)
    return None


def _sufferer(tok: Token) -> list[Token]:
    """A passive with no subject of its own after "after"/"before"/"since"/"without" ("journalists were injured
    after being attacked by protesters", "perform oral sex on the men before being raped"), or joined to a
    verb that has one ("was convicted ... and was sentenced"): the clause it hangs on says who suffered it."""
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB":  # "was convicted in 2008 and was sentenced to 188 months"
        return children(tok.head, "nsubjpass", "nsubj")
    if tok.dep_ != "pcomp" or tok.head.lower_ not in ("after", "before", "since", "without", "despite"):
        return []
    verb = tok.head.head
    return children(verb, "nsubjpass", "nsubj") if verb.pos_ in ("VERB", "AUX") else []


def _fill_arguments(doc: Doc, rules: Rules, d: Draft) -> None:
    tok = d.trigger
    if not d.source and d.frame.pos == "verb" and tok.pos_ == "VERB":
        if _is_passive(tok):
            d.source = [] if d.doer_unnamed else prep_objects(tok, "by")
            passive_subj = children(tok, "nsubjpass") or (children(tok, "nsubj") if _reduced_passive(tok) else []) \
                or (children(tok.head, "nsubj") if tok.dep_ == "acomp" else []) or _sufferer(tok) \
                or ([tok.head] if _participle_passive(tok) else [])
            if passive_subj:  # "Facebook was ordered to remove the post", "Iran was urged to": who is asked
                d.target = passive_subj + [t for t in d.target if t not in passive_subj and t.dep_ != "dobj"]
        elif not d.doer_unnamed:
            s = subject(tok)
            if s is None and _participle_act(rules, tok):
                s = tok.head  # "protesting legislators", "students protesting in Belgium": they protest
            d.source = [s] if s is not None else []
        if not d.source and not d.doer_unnamed and not _is_passive(tok):
            c = _controller(rules, tok)
            if c is not None:
                d.source = [c]
    d.source_mention, d.source_ids = arguments(doc, rules, d.source)
    if d.source and not d.source_ids and all(_names_a_deed(rules, h) for h in d.source):
        taker = _deed_taker(d.source[0]) if len(d.source) == 1 else None
        if taker is not None:  # "Abiy Ahmed has taken a series of actions that ..., including lifting": his
            d.source = [taker]
            d.source_mention, d.source_ids = arguments(doc, rules, d.source)
        else:
            d.source, d.source_mention, d.doer_unnamed = [], None, True
    d.target_mention, d.target_ids = arguments(doc, rules, d.target)
    if d.sides and len(d.source_ids) > 1:  # the source's conjuncts are the other sides, its targets
        d.target_ids = [*d.source_ids[1:], *(i for i in d.target_ids if i not in d.source_ids)]
        d.source_ids = d.source_ids[:1]
    if not d.target_ids and not any(human(doc, rules, counted(rules, t)) for t in d.target):
        d.target_mention = None  # "protests against a proposed change", "charged with capital murder": no one
    # an actor is not its own target
    d.target_ids = [i for i in d.target_ids if i not in d.source_ids]
    d.anchors.add(tok.i)
    d.anchors.update(t.i for t in _governing(tok))
    if tok.dep_ == "advcl" and _purpose(rules, tok):
        d.anchors.add(tok.head.i)  # "On July 27, West led a delegation to continue discussions"
    if tok.pos_ == "VERB":
        d.places = places(doc, rules, tok, d.source_ids + d.target_ids)


def _own_mention(rules: Rules, d: Draft, ante: Draft | None, drafts: list[Draft]) -> bool:
    """Whether a definite nominal is a mention of its own: of a type in ``mention_types``, the only word
    for its type in its sentence ("spoke ... during the Ministerial Meeting" is one happening), and, for
    talks, referring back to talks between two sides (not "the meeting" a council holds alone)."""
    if d.type not in rules.mention_types:
        return False
    if d.trigger.dep_ == "pobj" and d.trigger.head.lower_ in rules.setting_preps:
        return False  # "During that meeting, it was agreed ...": the setting of another act, not told again
    sent = d.trigger.sent
    if any(x is not d and x.type == d.type and sent.start <= x.trigger.i < sent.end and x.frame.source != "antecedent"
           for x in drafts):
        return False  # ("Today's action ... builds upon the past designation of Triliance": the designation stays)
    if d.type == "CONSULT":
        return ante is not None and (bool(ante.target_ids) or len(ante.source_ids) > 1)
    return True


def _antecedent(d: Draft, earlier: list[Draft]) -> Draft | None:
    sent_starts = d.trigger.doc
    for e in reversed(earlier):
        if e.type == d.type and e.trigger.i < d.trigger.i:
            gap = len(list(sent_starts[e.trigger.i : d.trigger.i].sents))
            if gap <= 4:
                return e
    return None


def _merge_anaphor(doc: Doc, rules: Rules, ante: Draft, d: Draft) -> None:
    """"The ceasefire talks, set to take place in Doha ..., were expected to include officials from Egypt"."""
    noun = d.trigger
    ante.nouns |= d.nouns
    if not ante.source_ids:
        verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
        participants: list[Token] = []
        if verb is not None:
            for v in [verb, *children(verb, "xcomp")]:
                if lemma(v) in rules.participant_verbs:
                    participants += objects(v)
        if participants:
            mention, ids = arguments(doc, rules, participants)
            if ids:
                ante.source_ids = ids
                if ante.source_mention is None:
                    ante.source_mention = mention
    for rel in [*children(noun, "relcl"), *children(noun, "acl")]:
        for t in rel.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in rules.place_preps and t.head.head.pos_ in ("VERB", "AUX"):
                place_ids(doc, rules, t, ante.source_ids + ante.target_ids, ante.places)


def _talk_parties(doc: Doc, rules: Rules, drafts: list[Draft]) -> None:
    """"They discussed ...", "The two sides discussed ...": the parties of the talks told just before."""
    for n, d in enumerate(drafts):
        if d.type != "CONSULT" and d.type not in rules.party_acts or not d.source:
            continue
        head = d.source[0]
        if lemma(head) not in rules.talk_parties and head.lower_ not in rules.talk_parties:
            if d.type == "CONSULT" and lemma(d.trigger) in rules.counterpart_verbs and d.source_ids \
                    and not d.target_ids and d.target_mention is None:
                # "The Secretary also raised the killing of ...": the one who met brings it up with whom the
                # readout told they met
                earlier = next((e for e in reversed(drafts[:n]) if e.type == "CONSULT" and e.target_ids
                                and e.status == "happened" and d.trigger.i - e.trigger.i < 200), None)
                if earlier is not None and earlier.source_ids == d.source_ids:
                    d.target_ids = list(earlier.target_ids)
                    d.rule += "+counterpart"
            continue
        earlier = next((e for e in reversed(drafts[:n]) if e.type == "CONSULT" and e.source_ids
                        and d.trigger.i - e.trigger.i < 200), None)
        if earlier is None:
            continue
        if d.type != "CONSULT":
            # "They reiterated their commitment ... and called upon Pyongyang": every side of the talks acts
            before = [d.trigger.sent.start]
            for _ in range(2):
                before.append(doc[before[-1] - 1].sent.start if before[-1] else before[-1])
            if earlier.trigger.sent.start not in before:
                continue  # only in the talks' sentence or the two after
            sides = [*earlier.source_ids, *(i for i in earlier.target_ids if i not in earlier.source_ids)]
            d.source_ids = sides
            d.target_ids = [i for i in d.target_ids if i not in sides]
            d.rule += "+parties"
            continue
        d.source_ids, d.target_ids = list(earlier.source_ids), list(earlier.target_ids)
        if d.source_mention is None:
            d.source_mention = earlier.source_mention
        d.rule += "+parties"


def _responsibility(doc: Doc, rules: Rules, drafts: list[Draft]) -> None:
    """"Israel has not acknowledged that it was behind the explosion" names who set off the explosion."""
    for tok in doc:
        if tok.lower_ == "behind" and tok.dep_ == "prep" and lemma(tok.head) == "be":
            doer = subject(tok.head)
            objs = children(tok, "pobj")
        elif tok.dep_ == "dobj" and lemma(tok) == "responsibility" and lemma(tok.head) in rules.responsibility_verbs:
            doer = subject(tok.head)
            objs = prep_objects(tok, "for")
        else:
            continue
        if doer is None or not objs:
            continue
        noun = lemma(objs[0])
        for d in reversed(drafts):
            if d.trigger.i < tok.i and noun in d.nouns and not d.source_ids:
                d.source_mention, d.source_ids = arguments(doc, rules, [doer])
                d.target_ids = [i for i in d.target_ids if i not in d.source_ids]
                d.rule += "+responsibility"
                break


def _retaliation(doc: Doc, rules: Rules, drafts: list[Draft]) -> None:
    """"vowed to retaliate for the assassination", "promised to avenge Mr. Shukur's death": target the doer."""
    for d in drafts:
        what = d.retaliation
        if what is None or d.target_ids:
            continue
        victims = [a.id for p in children(what, "poss") for a in [actor_of(doc, rules, p)] if a is not None]
        earlier = [e for e in drafts if e.type == "ASSAULT" and e.trigger.i < d.trigger.i and e.source_ids
                   and not set(e.source_ids) & set(d.source_ids)]
        match = None
        if victims:
            match = next((e for e in reversed(earlier) if set(e.target_ids) & set(victims)), None)
        elif getattr(_nominal_frame(doc, rules, what), "type", None) == "ASSAULT":
            match = earlier[-1] if earlier else None
        if match is not None:
            d.target_ids = list(match.source_ids)
            d.rule += "+retaliation"


# ---------------------------------------------------------------------------
# records


def _records(doc: Doc, rules: Rules, drafts: list[Draft]) -> list[Event]:
    drafts.sort(key=lambda x: x.trigger.i)
    triggers = {d.trigger.i for d in drafts}
    direct = {d.trigger.i: event_dates.timex_reaching(doc, d.trigger.sent, d.anchors, d.trigger.i, triggers)
              for d in drafts}
    for d in drafts:  # "was convicted ... in 2008 and was sentenced to 188 months": the joined verb shares the date
        tok = d.trigger
        if direct[tok.i] is None and tok.dep_ == "conj" and tok.head.pos_ == "VERB" and tok.head.i in direct:
            direct[tok.i] = direct[tok.head.i]
    dated = {i: (tx.value, tx.id) for i, tx in direct.items() if tx is not None}
    events: list[Event] = []
    for n, d in enumerate(drafts, 1):
        tok, sent = d.trigger, d.trigger.sent
        tx = direct[tok.i]
        date, date_id = (tx.value, tx.id) if tx is not None else (None, None)
        rule = d.rule
        following = _following_day(rules, tx, events)
        if following is not None:
            date, rule = following, rule + "+date-following"
        relative = event_dates.relative_date(doc, tok, _governing(tok), dated, triggers) if tx is None else None
        if relative is not None:
            date, date_id, suffix = relative
            rule += suffix
        elif tx is None and d.type in rules.statement_types and d.status == "happened" and tok.tag_ == "VBD" \
                and not (_aux_words(tok) & rules.perfect) and doc._.published:
            date = doc._.published  # a statement reported in the simple past: the day of the report
        events.append(Event(
            id=f"e{n}", type=d.type, trigger=_trigger_mention(doc, rules, d),
            sentence=Mention(sent.start_char, sent.end_char, sent.text, "SENTENCE"),
            source_ids=tuple(d.source_ids), target_ids=tuple(d.target_ids), source=d.source_mention,
            target=d.target_mention if d.target_ids or d.target_mention else None, mode=d.mode, status=d.status,
            status_cue=_cue_mention(doc, d.cue) if d.status != "happened" else None,
            date=date, date_id=date_id, place_ids=tuple(d.places), rule=rule))
    return events


def _following_day(rules: Rules, tx, earlier: list[Event]) -> str | None:
    """"the following day", "the next morning": a day counted from the last event dated before it
    (chronicle_dates counts them from the publication date, which the text does not mean)."""
    if tx is None:
        return None
    text = " ".join(tx.text.lower().split()).removeprefix("the ").removeprefix("on the ")
    shift = rules.following_days.get(text)
    if shift is None:
        return None
    for e in reversed(earlier):
        if e.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", e.date):
            return (_dt.date.fromisoformat(e.date) + _dt.timedelta(days=shift)).isoformat()
    return None


def _cue_mention(doc: Doc, cue: Token | None) -> Mention | None:
    if cue is None:
        return None
    return Mention(cue.idx, cue.idx + len(cue), doc_text(doc)[cue.idx:cue.idx + len(cue)], "CUE")


def _trigger_mention(doc: Doc, rules: Rules, d: Draft) -> Mention:
    tok = d.trigger
    start, end = tok.idx, tok.idx + len(tok)
    # keep a particle or fixed object with the verb: "trading fire", "take part", "called on"
    for c in tok.children:
        if (c.dep_ == "prt" or (c.dep_ == "dobj" and lemma(c) in rules.trigger_objects)) and c.i == tok.i + 1:
            end = c.idx + len(c)
        if c.dep_ == "compound" and c.i == tok.i - 1:
            start = c.idx
    through = d.frame.trigger_through.split("/") if d.frame.trigger_through else ()
    for p in tok.children:
        if p.dep_ in ("prep", "prt") and p.lower_ in through and p.i == tok.i + 1:
            end = p.idx + len(p)
    return Mention(start, end, doc_text(doc)[start:end], "TRIGGER")


DEFAULT_RULES = Rules()


def _may_lack_source(doc: Doc, rules: Rules, d: Draft) -> bool:
    """An event the text reports without naming who acted: "was jailed", "a drone attack on soldiers".

    An agentless passive of a type in ``sourceless_passive`` (courts, police and attackers the
    text leaves unnamed), or a nominal of a type in ``sourceless_nominal`` ("subject to arbitrary
    detention", "a drone attack that left six soldiers dead"; needs_argument frames still need one).
    Neither inside a hypothetical or what a statement reports (dropped before this is asked).
    """
    tok = d.trigger
    if tok.pos_ == "VERB":
        return d.type in rules.sourceless_passive and _is_passive(tok) and not d.source \
            and (lemma(tok) not in rules.accidental_harm
                 or any(lemma(o) in rules.violent_settings for o in prep_objects(tok, "in", "during")))
    return d.type in rules.sourceless_nominal and not d.anaphoric
