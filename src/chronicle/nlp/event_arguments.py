"""Who an event's arguments name: from parse tokens to chronicle's actors and places.

Plain functions over spaCy tokens and ``doc._.actors``, for :mod:`chronicle.nlp.events`:
small parse helpers, the actor a token or a noun phrase names (resolving "it",
"its", "they", "their" to the nearest earlier organisation, country, group or
person), the text an argument covers, whether an object names people, and the
places an event happened in. Word lists come from the coder's rules
(:class:`chronicle.nlp.events.Rules`), so a component's config changes them too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from chronicle.nlp.actors import actor_at
from chronicle.nlp.position_rules import OFFICE_COUNTRY  # which country an office speaks for
from chronicle.nlp.extensions import doc_text
from chronicle.records import Mention

if TYPE_CHECKING:
    from chronicle.nlp.events import Rules


# Forms the model lemmatises wrongly, as written: the lemma they mean.
LEMMA_FIXES = {
    "waging": "wage", "waged": "wage",  # "Russia waged a war against Ukraine" (the model reads "wag")
}


def lemma(tok: Token) -> str:
    return LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def objects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "dobj"]


def prep_objects(tok: Token, *preps: str) -> list[Token]:
    """The objects of the prepositions ``preps`` hanging on ``tok`` ("by X", "against Y")."""
    out = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            out.extend(children(prep, "pobj", "pcomp"))
        elif "with" in preps and _with_clause(tok, prep):
            # "spoke today with Le Drian, Baerbock, and Truss to further coordinate ...": the parse reads "with X
            # to coordinate" as a clause of its own (X its subject, "with" its mark or left with no object); X is
            # still whom one speaks with
            out.extend(children(prep, "nsubj"))
    return out


def _with_clause(tok: Token, clause: Token) -> bool:
    """A to-infinitive clause after ``tok`` whose subject follows a "with" that has no object of its own."""
    if clause.dep_ not in ("advcl", "conj") or clause.i < tok.i \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    subj = children(clause, "nsubj")
    if not subj:
        return False
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "with"]
    bare = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" and p.i + 1 <= subj[0].i
            and not children(p, "pobj", "pcomp")]
    return bool(marks or bare)


def conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


def subject(verb: Token) -> Token | None:
    subj = children(verb, "nsubj", "csubj")
    if len(subj) > 1 and subj[-1].i < verb.i and subj[-1].pos_ == "PROPN" \
            and all(x.dep_ == "nsubj" and x.pos_ in ("NOUN", "PROPN") for x in subj):
        # two subjects is a misparse of a title and a name: "Senior Bureau Official (SBO) Harry Kamian will
        # travel": the name next to the verb is who acts
        return subj[-1]
    return subj[0] if subj else None


def resolve_relative(tok: Token) -> Token:
    """"who"/"that"/"which" as a subject → the noun the clause describes (through an apposition)."""
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
        ante = tok.head.head
        return ante.head if ante.dep_ == "appos" else ante
    return tok


def _speaker_of(doc: Doc, tok: Token):
    """"I", "we" inside a quote: the quote's speaker (where chronicle_quotes ran)."""
    for q in (doc._.get("quotes") if doc.has_extension("quotes") else None) or ():
        if q.speaker_ids and q.content.start <= tok.idx < q.content.end:
            return actor_by_id(doc, q.speaker_ids[0])
    return None


def _in_quote(doc: Doc, tok: Token) -> bool:
    """Inside words in quotation marks. Reported speech ("We welcome the report", a quote of kind
    ``indirect``) is still the writer's own voice: its "we" is the writer's side."""
    return any(q.kind != "indirect" and q.content.start <= tok.idx < q.content.end
               for q in (doc._.get("quotes") if doc.has_extension("quotes") else None) or ())


def _writer(doc: Doc, rules: Rules, tok: Token):
    """"I", "we" in a statement's own words: its writer ("I congratulate" under the byline "Antony J.
    Blinken, Secretary of State") or the side the writer speaks for ("We condemn": the office's country)."""
    whom = rules.writer_pronouns.get(tok.lower_)
    if whom is None or _in_quote(doc, tok):
        return None
    first = doc_text(doc).split("\n", 1)[0]
    if len(first) >= 100:
        return None  # no byline
    byline = next((a for a in doc._.actors or () if a.kind == "person"
                   and any(m.start <= 2 and m.label != "PRON" for m in a.mentions)), None)
    if whom == "person":
        return byline
    role = first.partition(",")[2].strip().lower()
    code = OFFICE_COUNTRY.get(role) or OFFICE_COUNTRY.get(first.strip().lower())
    actor = next((a for a in doc._.actors or () if a.kind == "country" and a.country == code), None) if code else None
    # "We" in a statement that never names its country: the person who signs it speaks for it; in a readout of
    # an office that names no signer ("Office of the Spokesperson"), the first official it names (the one the
    # readout is about: "Secretary of State Antony J. Blinken spoke today with ... We stand with Ukraine")
    if actor is not None or not code:
        return actor
    return byline or _first_official(doc)


def _first_official(doc: Doc):
    """The person named first in the text who holds a role ("Secretary of State Antony J. Blinken")."""
    firsts = [(min(m.start for m in a.mentions if m.label != "PRON"), a) for a in doc._.actors or ()
              if a.kind == "person" and a.role and any(m.label != "PRON" for m in a.mentions)]
    return min(firsts, key=lambda x: x[0])[1] if firsts else None


def actor_by_id(doc: Doc, actor_id: str):
    return next((a for a in doc._.actors or () if a.id == actor_id), None)


def _titled_actor(doc: Doc, rules: Rules, head: Token):
    """"The Deputy Secretary", "the Secretary": the person last named with that role before it."""
    if lemma(head) not in rules.title_heads:
        return None
    words = [t.lower_ for t in head.subtree if t.i <= head.i and t.dep_ in ("compound", "amod") or t.i == head.i]
    title = " ".join(words)

    def last_named(fits) -> object:
        best, best_start = None, -1
        for actor in doc._.actors or ():
            if actor.kind != "person" or not actor.role or not fits(actor.role.lower()):
                continue
            for m in actor.mentions:
                if m.end <= head.idx and m.start > best_start:
                    best, best_start = actor, m.start
        return best

    # the role exactly ("the Secretary" is the one recorded as Secretary, not the Foreign Secretary named
    # since), else a role that starts with it ("Secretary of State"), else one that holds it, else a
    # shorter record of it ("the Assistant Secretary" for a role kept as "Secretary")
    return (last_named(lambda role: role == title) or last_named(lambda role: role.startswith(title + " "))
            or last_named(lambda role: title in role) or last_named(lambda role: set(role.split()) <= set(words)))


def _titled_name(doc: Doc, rules: Rules, head: Token):
    """"U.S. Special Representative for the DPRK Ambassador Sung Kim", "Ambassador at Large for
    International Religious Freedom Rashad Hussain": a title whose "for"/"at"/"to" phrase ends in the
    person's name (the parse hangs the name on the phrase; a name run into the phrase is matched by
    its last word against the people of the article)."""
    if lemma(head) not in rules.title_heads or not any(c.dep_ == "prep" and c.i > head.i for c in head.children):
        return None
    last = head.right_edge
    while last.i > head.i and last.is_punct:
        last = doc[last.i - 1]
    if last.i == head.i or last.pos_ != "PROPN":
        return None
    actor = actor_of(doc, rules, last)
    if actor is None or actor.kind == "person":
        return actor
    if actor.name.split()[-1] != last.text:
        return None  # "Representative of Japan": the phrase names a country, not a person
    return next((a for a in doc._.actors or () if a.kind == "person" and a.name.split()[-1] == last.text), None)


def _person_in_title(doc: Doc, rules: Rules, head: Token):
    """A title whose phrase holds a person's name however the parse hangs it ("Republic of Korea Minister of
    Unification Lee In-young", "UK Minister of State for Europe and North America James Cleverly"): that
    person, not the country or the office (a joined title, "and ... Vice Minister ...", is its own phrase)."""
    if lemma(head) not in rules.title_heads:
        return None
    joined = {t.i for c in head.children if c.dep_ == "conj" for t in c.subtree}
    for t in head.subtree:
        if t.i > head.i and t.i not in joined:
            actor = actor_of(doc, rules, t)
            if actor is not None and actor.kind == "person":
                return actor
    after = head.right_edge.i + 1  # the parse may hang the name on the verb, right after the title's phrase
    if after < len(doc) and not joined:
        actor = actor_of(doc, rules, doc[after])
        if actor is not None and actor.kind == "person":
            return actor
    return None


def _pronoun_actor(doc: Doc, rules: Rules, tok: Token):
    if tok.lower_ in rules.first_person:
        return _speaker_of(doc, tok) or _writer(doc, rules, tok)
    kinds = rules.actor_pronouns.get(tok.lower_)
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


def actor_of(doc: Doc, rules: Rules, tok: Token):
    """The actor ``tok`` is a mention of, or a pronoun the rules resolve; else None."""
    actor = actor_at(doc, tok.idx, tok.idx + len(tok))
    if actor is None and tok.pos_ == "PRON":
        actor = _pronoun_actor(doc, rules, tok)
    if actor is None and tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ != "compound" and tok.is_title:
        actor = _surname_of(doc, tok)
    return actor


def _surname_of(doc: Doc, tok: Token):
    """A surname the entity recognizer missed ('"Munk has been a world treasure"' after "Walter Munk"): the
    one person named before it whose name ends in it."""
    people = [a for a in doc._.actors or () if a.kind == "person" and len(a.name.split()) > 1
              and a.name.split()[-1] == tok.text and any(m.start < tok.idx for m in a.mentions)]
    return people[0] if len(people) == 1 else None


def phrase_actors(doc: Doc, rules: Rules, head: Token, depth: int = 0) -> list:
    """Actors a noun phrase names: its head, else an apposition, modifiers and "from/of" objects."""
    actor = actor_of(doc, rules, head)
    if actor is not None and actor.kind != "person":
        # "Republic of Korea (ROK) Prime Minister Han Duck-soo" parsed with the country as head: the person
        person = next((a for appos in children(head, "appos") if appos.i > head.i for t in appos.subtree
                       for a in [actor_of(doc, rules, t)] if a is not None and a.kind == "person"), None)
        if person is not None:
            return [person]
    if actor is not None:
        return [actor]
    for appos in children(head, "appos"):
        actor = actor_of(doc, rules, appos)
        if actor is not None:
            return [actor]
    person = _titled_name(doc, rules, head) or _person_in_title(doc, rules, head)
    if person is not None:
        return [person]
    found = []
    for mod in head.children:
        if mod.dep_ == "poss" and lemma(head) in rules.relation_nouns:
            continue  # "his associates", "Fields' lawyers": people of theirs, not them
        if mod.dep_ in ("amod", "compound") and mod.ent_type_ == "NORP" and lemma(head) in rules.civilian_nouns:
            continue  # "Chinese citizens", "a Canadian tourist": those people, not their state
        if mod.dep_ in ("compound", "amod", "poss", "nmod") and mod.i < head.i:
            for t in mod.subtree:
                a = actor_of(doc, rules, t)
                if a is not None and a not in found:
                    found.append(a)
    if not found and depth == 0:
        for obj in prep_objects(head, "from", "of"):
            for c in conjuncts(obj):
                for a in phrase_actors(doc, rules, c, depth + 1):
                    if a not in found:
                        found.append(a)
    if not found and head.pos_ in ("NOUN", "PROPN"):
        titled = _titled_actor(doc, rules, head)  # "the Deputy Secretary"
        if titled is not None:
            found.append(titled)
    return found


def _core_span(tok: Token) -> tuple[int, int]:
    start = tok
    for t in tok.subtree:
        if t.i < tok.i and t.dep_ not in ("det", "punct", "cc", "case") and t.i >= tok.left_edge.i:
            start = t
            break
    # a phrase does not run past its head except through conjuncts
    return start.idx, tok.idx + len(tok)


def counted(rules: Rules, tok: Token) -> Token:
    """"a number of Senators" → Senators: what a quantity head counts."""
    if lemma(tok) in rules.quantity_heads or tok.lower_ in rules.quantity_heads:
        objs = [o for o in prep_objects(tok, "of") if o.pos_ in ("NOUN", "PROPN")]
        if objs:
            return objs[0]
    return tok


def _named_after(doc: Doc, rules: Rules, head: Token) -> Token:
    """A common noun that names no actor, followed by the proper name it describes, is that name: "code hosting and
    sharing website GitHub blocked ..." (dev12; the parse makes "website" the subject and "GitHub" its apposition)."""
    if head.pos_ != "NOUN" or actor_of(doc, rules, head) is not None:
        return head
    return next((a for a in children(head, "appos") if a.pos_ == "PROPN" and a.i == head.i + 1), head)


def arguments(doc: Doc, rules: Rules, heads: list[Token]) -> tuple[Mention | None, list[str]]:
    """The text an argument covers and the ids of the actors it names (heads, conjuncts, "along with")."""
    heads = [_named_after(doc, rules, counted(rules, resolve_relative(h))) for h in heads if h is not None]
    if not heads:
        return None, []
    all_heads: list[Token] = []
    for h in heads:
        for c in conjuncts(h):
            if c not in all_heads and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X") or c.i == h.i:
                all_heads.append(c)
        # "Mr. Biden, along with President X and Sheikh Y, declared"
        for along in [*children(h, "prep"), *children(h.head, "prep")]:
            if along.lower_ == "along":
                for w in children(along, "prep"):
                    for obj in children(w, "pobj"):
                        all_heads.extend(c for c in conjuncts(obj) if c not in all_heads)
                        for t in obj.subtree:  # "President X of Egypt and Sheikh Y of Qatar"
                            a = actor_of(doc, rules, t)
                            if a is not None and a.kind == "person" and t not in all_heads:
                                all_heads.append(t)
    ids: list[str] = []
    for h in all_heads:
        for a in phrase_actors(doc, rules, h):
            if a.id not in ids:
                ids.append(a.id)
    start = min(_core_span(h)[0] for h in heads)
    end = max(_core_span(c)[1] for c in conjuncts(heads[0]))
    end = max(end, *(_core_span(h)[1] for h in heads))
    return Mention(start, end, doc_text(doc)[start:end], "ACTOR" if ids else "TEXT"), ids


def human(doc: Doc, rules: Rules, tok: Token) -> bool:
    """Whether an object names people or an actor (so "killed" harms someone); "dozens of protesters" are the
    protesters the quantity counts."""
    tok = counted(rules, tok)
    return (actor_of(doc, rules, tok) is not None or tok.ent_type_ in rules.human_entities
            or (tok.pos_ == "PRON" and tok.lower_ not in rules.unresolved_pronouns)
            or lemma(tok) in rules.human_nouns or tok.lower_ in rules.human_nouns)


def words_target(doc: Doc, rules: Rules, tok: Token) -> bool:
    """What one attacks with words: a person, or a record, a remark or a decision."""
    actor = actor_of(doc, rules, tok)
    return (actor is not None and actor.kind == "person") or tok.ent_type_ == "PERSON" \
        or tok.lower_ in rules.spoken_at or lemma(tok) in rules.words_and_deeds


def owned_by_a_person(doc: Doc, rules: Rules, noun: Token) -> bool:
    poss = [c for c in noun.children if c.dep_ == "poss"]
    owner = actor_of(doc, rules, poss[0]) if poss else None
    return owner is not None and owner.kind == "person"


def able_source(rules: Rules, source: list[Token], source_ids: list[str], trigger: Token) -> bool:
    """Whether the source can act: not a poll share, a thing or an unresolved "it".

    "1 percent support Jill Stein", "the museum celebrated", "a tax system which asks
    the wealthy", "even if it kills us": no event. Sources that are actors pass, and
    so do drafts with no source yet (a later pass may find one).
    """
    if not source:
        return True
    heads = [resolve_relative(t) for t in source]
    if any(c.dep_ == "compound" and lemma(c) in rules.thing_nouns for h in heads for c in h.children):
        return False  # "Typhoon Haiyan", "Hurricane Dorian": named, still no doer
    if source_ids:
        return True
    for h in heads:
        if h.pos_ == "VERB" and h.dep_ in ("csubj", "nsubj"):
            return False  # a clause does not act: "Sexually abusing minors can carry a sentence", "Hosting Expo 2027"
        if lemma(h) in rules.poll_shares or h.lower_ in rules.poll_shares or h.ent_type_ in ("DATE", "TIME"):
            return False
        if h.pos_ == "NUM" and trigger.tag_ == "VBN" and lemma(trigger) in rules.accidental_harm:
            return False  # "left five dead and at least 30 injured": the number is who was hurt, not who hurt
        if lemma(h) in rules.thing_nouns and not any(a.pos_ == "PROPN" and a.i > h.i for a in children(h, "appos")):
            return False  # (not "code hosting and sharing website GitHub blocked ...": the name after it acts)
        if h.lower_ in rules.unresolved_pronouns and not _reporting_body(rules, trigger):
            return False
    return True


def _reporting_body(rules: Rules, tok: Token) -> bool:
    """"The army says it killed a commander": "it" is the body that reports its own act."""
    cur = tok
    for _ in range(3):
        if cur.dep_ != "ccomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
        subj = subject(cur)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN") and lemma(subj) not in rules.thing_nouns:
            return True
    return False


def content_of(tok: Token) -> set[int]:
    """The tokens a clause reports, short of the relative clauses and joined verbs in it."""
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


def owners(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")]  # not "Friday's"


def givers(tok: Token) -> list[Token]:
    """"from" may hang on the noun or on its verb ("cited his endorsement from")."""
    return prep_objects(tok, "from") or (prep_objects(tok.head, "from") if tok.dep_ == "dobj" else [])


def place_ids(doc: Doc, rules: Rules, obj: Token, taken: list[str], out: list[str]) -> None:
    """Place actors in "in Doha, Qatar, or Cairo", "in the southern suburbs of Beirut" (not in ``taken``)."""
    if obj.pos_ not in ("NOUN", "PROPN"):
        return
    for c in conjuncts(obj):
        a = actor_of(doc, rules, c)
        if a is not None and a.kind in ("place", "country"):
            if a.id not in out and a.id not in taken:
                out.append(a.id)
        elif a is None:
            for inner in prep_objects(c, "of", *rules.place_preps):
                place_ids(doc, rules, inner, taken, out)


def places(doc: Doc, rules: Rules, verb: Token, taken: list[str]) -> list[str]:
    """Where a verb's event happened: "killed in an air strike in Beirut", "met Sisi, visiting Cairo"."""
    out: list[str] = []
    heads = [verb] + [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    for h in heads:
        for obj in prep_objects(h, *rules.place_preps):
            place_ids(doc, rules, obj, taken, out)
            for inner in prep_objects(obj, *rules.place_preps):
                place_ids(doc, rules, inner, taken, out)
        if h.i != verb.i and lemma(h) in rules.place_verbs:
            for o in objects(h):
                place_ids(doc, rules, o, taken, out)
    return out
