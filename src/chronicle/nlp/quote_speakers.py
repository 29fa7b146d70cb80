"""Who said it: the speaker of a cue, its actors, and what a pronoun speaker refers to.

The speaker is the cue's subject (climbing conjunctions, participles and relative
clauses to find one; the agent of a passive), without its relative clauses.
``speaker_ids`` come from ``chronicle_actors`` (:func:`~chronicle.nlp.actors.actor_at`)
for the speaker's head words, its conjuncts, appositions and "along with" partners.
A pronoun speaker is resolved to the most recent compatible speaker (the kinds each
pronoun may refer to are rows of :data:`~chronicle.nlp.quote_rules.PRONOUNS`); a he/she/they under a
verb whose subject comes before it in its sentence refers to that subject first (BOUND_PRONOUNS).

Also the character arithmetic on tokens that :mod:`chronicle.nlp.quotes` shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from chronicle.nlp.actors import actor_at
from chronicle.nlp.extensions import doc_text
from chronicle.nlp.quote_rules import (
    FINITE_TAGS,
    NOT_SUBJECT_DEPS,
    BOUND_PRONOUNS,
    CAUSING,
    GROUP_DETERMINERS,
    ISSUED_BY,
    ORGANISATION_LABELS,
    PARTNER_WORDS,
    PERSON_TITLES,
    RELATIVE_PRONOUNS,
    STATEMENT_NOUNS,
    CueLexicon,
)
from chronicle.records import Mention

SUBJECTS = ("nsubj", "nsubjpass", "csubj")

# Dependencies climbed from a cue to the verb whose subject speaks.
CLOSING_MARKS = ("”", "’", "\"", "''", "'")  # a quotation's closing mark, as the tokenizer splits it
# The relations of a noun or adjective a gerund's preposition hangs from, climbed to reach a verb with a subject.
THROUGH_DEPS = ("dobj", "acomp", "attr", "pobj", "prep")
SETTING_OFF_DASHES = ("—", "–", "--")  # a dash sets off a participle as a comma does
CLIMB = ("conj", "xcomp", "advcl", "acl", "relcl", "ccomp", "pcomp", "parataxis")


@dataclass
class Said:
    """A speaker seen so far, for resolving pronouns."""

    mention: Mention
    kind: str  # person, plural, org
    ids: tuple[str, ...]


# ------------------------------------------------------------------------- tokens and chars


def token_end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def char_span(tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return min(t.idx for t in tokens), max(token_end(t) for t in tokens)


def paragraph_start(doc: Doc, tok: Token) -> int:
    return doc_text(doc).rfind("\n", 0, tok.idx) + 1


def comma_before(tok: Token) -> bool:
    left = tok.left_edge
    return left.i > 0 and left.doc[left.i - 1].text == ","


# ------------------------------------------------------------------------- the speaker


def subject_of(verb: Token, quoted: list[bool] | None = None) -> Token | None:
    """The cue's subject: its own, else that of the verb it hangs from (within its paragraph). With ``quoted`` (the
    quote-mark mask), a subject inside a quotation is passed over when the cue is not in one: the parser hung the
    cue on the quotation's verb (SPEAKER_PATHS)."""
    found = _climb_subject(verb, quoted if quoted is not None and not quoted[verb.idx] else None)
    if found is None:
        found = _noun_before(verb)
    if found is None:
        found = _name_after_quotation(verb)
    if found is not None or verb.dep_ not in ("advcl", "conj", "xcomp"):
        return found
    # The parse ran across a paragraph break: take the last subject before the cue in its paragraph.
    para = paragraph_start(verb.doc, verb)
    for tok in reversed(verb.doc[: verb.i]):
        if tok.idx < para:
            break
        if tok.dep_ in ("nsubj",) and tok.lower_ not in RELATIVE_PRONOUNS.words and tok.head.i < verb.i:
            return tok
    return None


def _name_after_quotation(verb: Token) -> Token | None:
    """ "“...,” said Skelly", "''...,'' recalled Mr. Rhodes": a cue right after a quotation's closing mark, with no
    subject in the parse, is followed by its speaker's name (the parser made it an object or a modifier)."""
    doc = verb.doc
    if verb.tag_ not in FINITE_TAGS or verb.i == 0 or verb.i + 1 >= len(doc):
        return None
    if doc[verb.i - 1].text not in CLOSING_MARKS:
        return None
    name = None
    words = list(doc[verb.i + 1:verb.i + 7])
    # "“...,” asked [the boy]", "added [another New Hampshire Republican]": a determiner or adjective may open it.
    described = False
    while words and words[0].pos_ in ("DET", "ADJ") and words[0].lower_ not in ("this", "that", "it"):
        words.pop(0)
        described = True
    if described and words and words[0].pos_ == "NOUN" and (len(words) == 1 or words[1].pos_ not in ("NOUN", "PROPN")):
        return words[0] if words[0].ent_type_ not in ("DATE", "TIME") else None
    for tok in words:
        if tok.pos_ != "PROPN":
            break
        name = tok
    if name is None or name.ent_type_ not in ("PERSON", "ORG", "", *(("NORP",) if described else ())):
        return None
    return name


def _noun_before(verb: Token) -> Token | None:
    """A finite cue the parser gave no subject ("About 4 in 10 say ...", "A Quinnipiac poll found ...",
    "..., former president Bill Clinton said ..."): the noun right before it, when it names someone."""
    if verb.tag_ not in FINITE_TAGS or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.text == "," and verb.i >= 2:
        # "Senator Harry Reid, the minority leader, said ...": the name before the appositive set off right before it.
        appos = before.doc[verb.i - 2]
        while appos.dep_ != "appos" and appos.head.i < appos.i and appos.head.i > appos.sent.start and appos.head != appos:
            appos = appos.head
        name = appos.head
        if (
            appos.dep_ == "appos" and appos.right_edge.i == verb.i - 2 and name.i == appos.left_edge.i - 2
            and before.doc[name.i + 1].text == "," and name.pos_ in ("PROPN", "NOUN") and name.sent.start == verb.sent.start
        ):
            return name
        return None
    if before.pos_ not in ("NOUN", "PROPN", "NUM") or before.dep_ in NOT_SUBJECT_DEPS or before.sent.start != verb.sent.start:
        return None
    if before.ent_type_ in ("DATE", "TIME") or before.lower_ in RELATIVE_PRONOUNS.words:
        return None
    return before


def _climb_subject(verb: Token, quoted: list[bool] | None = None) -> Token | None:
    para = paragraph_start(verb.doc, verb)
    tok = verb
    for _ in range(4):
        # Two subjects are a parse slip ("“Like Oakland. Or Ferguson,” Trump said"): the one nearest the verb speaks.
        issuer = None
        for child in sorted(tok.children, key=lambda c: abs(c.i - tok.i)):
            if child.dep_ in SUBJECTS:
                if quoted is not None and quoted[child.idx]:
                    continue
                if child.tag_ == "WDT" or child.lower_ in RELATIVE_PRONOUNS.words:
                    if tok.dep_ == "relcl":
                        issuer = _issued_by(tok.head) if child.lower_ not in ("who", "whom") else None
                        if issuer is None:
                            return tok.head
                        break
                    continue
                return child
        if issuer is not None:
            # "[Trump] released a marketing video that said ...": who put it out (SPEAKER_PATHS).
            tok = issuer
            continue
        found = agent_of(tok)
        if found is not None:
            return found
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            issuer = _issued_by(tok.head)
            if issuer is None:
                return tok.head
            tok = issuer
            continue
        if tok == verb and _finite_made_participle(tok):
            # "Beruff, a Scott ally, called Florida’s standards “strong.”": the name the parser made the sentence's
            # root, with the cue a participle on it, is the cue's subject (SPEAKER_PATHS).
            return tok.head
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
            noun = tok.head
            if noun.lemma_.lower() in STATEMENT_NOUNS.words and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
                # "Trump issued a statement saying ...": who issued it (SPEAKER_PATHS).
                tok = noun.head
                continue
            issuer = _issued_by(noun)
            if issuer is not None:
                # "[The council] approved a resolution condemning ...": who put it out (SPEAKER_PATHS).
                tok = issuer
                continue
            # "Syrian hackers backing President Assad": the people the participle describes.
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head != tok.head:
            # "began by saying ...", "after talking about ...": the subject of the verb the preposition hangs from;
            # "took the step of criticizing ...", "was the most aggressive in denouncing ...": through the noun or
            # adjective it hangs from, to their verb (SPEAKER_PATHS).
            tok = tok.head.head
            for _ in range(3):
                if tok.pos_ in ("VERB", "AUX") or tok.dep_ not in THROUGH_DEPS or tok.head == tok:
                    break
                tok = tok.head
            if tok.idx < para:
                return None
            continue
        if tok.dep_ == "xcomp" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in CAUSING.words:
            # "The announcement led [some] to speculate ...": the one led to it speaks (SPEAKER_PATHS).
            objects = [c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i and c.pos_ in ("NOUN", "PROPN", "PRON")]
            if objects:
                return objects[0]
        reporter = _past_reported_clause(tok) or (_joined_to_reported_clause(tok) if tok == verb else None)
        if reporter is not None:
            # "[Trump] argued that a database would keep people out, saying ...", "[He] said his attacks have
            # given him momentum and said that ...": the cue goes on from the one who reported the clause it
            # hangs on, not from that clause's subject (SPEAKER_PATHS).
            tok = reporter
            continue
        if tok.dep_ in CLIMB and tok.head != tok:
            if tok.dep_ == "ccomp" and tok != verb:
                return None
            if tok.head.idx < para:
                return None
            tok = tok.head
            continue
        return None
    return None


def _finite_made_participle(verb: Token) -> bool:
    """A past-tense cue the parser made a participle (acl) on the noun it made its sentence's root, used actively (an
    object or a clause, no passive auxiliary nor agent): the sentence has no other verb to be the cue."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or head.dep_ != "ROOT" or head.i > verb.i:
        return False
    if head.pos_ not in ("PROPN", "NOUN") or any(c.dep_ in ("auxpass", "agent", "aux") for c in verb.children):
        return False
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") for c in verb.children)


def _past_reported_clause(tok: Token) -> Token | None:
    """A participle set off by a comma (or a dash) after a reported clause the parser hung it on ("X said that Y was
    wrong, noting ..."): the verb that reports the clause."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG":
        return None
    left = tok.left_edge.i
    before = tok.doc[left - 1].text if left > 0 else ""
    # '“... maniacal,” adding': a quotation closing on its comma sets it off as the comma alone does.
    closing_comma = before in CLOSING_MARKS and left > 1 and tok.doc[left - 2].text == ","
    if not (comma_before(tok) or before in SETTING_OFF_DASHES or closing_comma):
        return None
    return _hangs_on_reported_clause(tok, ("nsubj",))


def _joined_to_reported_clause(verb: Token) -> Token | None:
    """A cue verb the parser joined to the verb of a reported clause ("X said Y had won and said ..."): the verb that
    reports the clause."""
    if verb.dep_ != "conj" or not verb.tag_.startswith("VB"):
        return None
    return _hangs_on_reported_clause(verb, ("nsubj", "nsubjpass"))


def _hangs_on_reported_clause(tok: Token, subject_deps: tuple[str, ...]) -> Token | None:
    """``tok``'s head is a clause before it that is the object of a verb before that (itself not reported), or the
    "that" clause of that verb's object ("rejected [the idea] that ..."), and the clause's subject (of
    ``subject_deps``) opens it: not an inverted "..., Y added". Returns the verb."""
    clause, top = tok.head, tok.head.head
    if (
        clause.dep_ == "acl" and top.dep_ == "dobj" and top.i < clause.i
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    ):
        top = top.head
    elif clause.dep_ != "ccomp":
        return None
    if clause.i > tok.i or top.pos_ != "VERB" or top.i > clause.i:
        return None
    if top.dep_ in ("ccomp", "parataxis"):
        return None
    subjects = [c for c in clause.children if c.dep_ in subject_deps]
    if subjects and subjects[0].left_edge.i > 0 and not tok.doc[subjects[0].left_edge.i - 1].is_punct:
        return top
    return None


def _issued_by(noun: Token) -> Token | None:
    """ "[The council] approved a resolution condemning ...": the verb whose subject put out the object it is
    (ISSUED_BY); not a person or a name ("emailed supporters saying ..." is left to the participle's noun)."""
    if noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX") or noun.head.lemma_.lower() not in ISSUED_BY.words:
        return None
    if noun.pos_ != "NOUN" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    return noun.head


def agent_of(verb: Token) -> Token | None:
    """The agent of a passive: "by X"."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def speaker_span(subject: Token, cue: Token | None = None) -> tuple[int, int]:
    """The subject's words, without its relative clauses (nor the cue, nor a participle the cue is joined to, when the
    parser hung it on the subject: "[A Quinnipiac poll] found that ...", see :func:`_noun_before`), and up to the cue
    when the subject comes first (the parser made it the root of the sentence: "[Beruff, a Scott ally], called ...")."""
    skip: set[int] = set()
    for child in subject.children:
        holds_cue = cue is not None and child.left_edge.i <= cue.i <= child.right_edge.i
        if child.dep_ in ("relcl",) or (child.dep_ == "acl" and child.i > subject.i and (comma_before(child) or holds_cue)):
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in subject.subtree if t.i not in skip and not t.is_space]
    if cue is not None and subject.i < cue.i:
        # A subject the parser made the root holds the words after the cue too: they are not the speaker's.
        tokens = [t for t in tokens if t.i < cue.i]
        while tokens and tokens[-1].dep_ == "cc":
            tokens.pop()
    # Drop punctuation left dangling at either end ("Cruz, who ..., said").
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return char_span(tokens or [subject])


def speaker_kind(doc: Doc, subject: Token, ids: tuple[str, ...]) -> str:
    actors = {a.id: a for a in doc._.actors or ()}
    kinds = {actors[i].kind for i in ids if i in actors}
    if len(ids) > 1 or partners_of(subject) is not None:
        return "plural"
    if kinds & {"person"}:
        return "person"
    if kinds & {"organisation", "country", "group"}:
        return "org"
    if subject.ent_type_ == "PERSON":
        return "person"
    if any(c.dep_ == "conj" for c in subject.children) or any(
        c.dep_ == "prep" and c.lower_ in ("with",) for c in subject.children
    ):
        return "plural"
    if subject.ent_type_ in ORGANISATION_LABELS.words:
        return "org"
    if subject.tag_ in ("NNS", "NNPS"):
        return "plural"
    if any(c.lower_ in PERSON_TITLES.words for c in subject.lefts):
        return "person"
    if subject.tag_ == "NNP":
        return "person"
    return "org"


def said_by(doc: Doc, subject: Token, start: int, end: int, ids: tuple[str, ...]) -> Said:
    """The speaker a subject names, as pronouns later resolve to it: its words from ``start`` to ``end``, labelled
    by its entity type, of its kind (:func:`speaker_kind`), with its actors."""
    mention = Mention(start, end, doc_text(doc)[start:end], subject.ent_type_ or "NP")
    return Said(mention, speaker_kind(doc, subject, ids), ids)


def _head_words(subject: Token) -> list[Token]:
    """The words that name each member of a speaker: head, conjuncts, appositions, "along with" partners."""
    heads = [subject]
    queue = [subject]
    while queue:
        tok = queue.pop()
        for child in tok.children:
            if child.dep_ in ("conj", "appos") and child not in heads:
                heads.append(child)
                queue.append(child)
            elif child.dep_ == "prep" and child.lower_ == "with":
                for grand in child.children:
                    if grand.dep_ == "pobj" and grand not in heads:
                        heads.append(grand)
                        queue.append(grand)
    return heads


def partners_of(subject: Token) -> Token | None:
    """ "Mr. Biden, along with President el-Sissi ..., declared": the "along with" phrase after the subject."""
    verb = subject.head
    for child in list(subject.children) + list(verb.children):
        if child.lower_ in PARTNER_WORDS.words and child.i > subject.i and child.i <= subject.right_edge.i + 2:
            if any(g.lower_ == "with" for g in child.children):
                return child
    return None


def actor_ids(doc: Doc, subject: Token) -> tuple[str, ...]:
    if not doc._.actors:
        return ()
    found: list[str] = []
    persons: list[str] = []
    heads = _head_words(subject)
    named = [actor_at(doc, h.idx, token_end(h)) for h in heads]
    for head, actor in zip(heads, named):
        if actor is None and not any(a is not None and a.kind == "person" for a in named):
            # "Merkel's spokesperson said": the office speaks for its holder; but in "Merkel's
            # spokesperson Steffen Seibert said" the spokesperson is named and speaks alone.
            for child in head.children:
                if child.dep_ == "poss":
                    actor = actor_at(doc, child.idx, token_end(child))
        if actor is None or actor.kind == "place":
            continue
        if actor.id not in found:
            found.append(actor.id)
        if actor.kind == "person" and actor.id not in persons:
            persons.append(actor.id)
    # "A State Department spokesperson, Vedant Patel": the person, not their office.
    return tuple(persons) if persons else tuple(found)


QUALIFIED_TITLES = frozenset("vice deputy former elect acting assistant".split())


def described_person(doc: Doc, subject: Token) -> tuple[str, Mention] | None:
    """ "The archbishop said": the person named before with that title, in their role or just before
    their name ("archbishop Jorge Eduardo Scheinig"); the latest named wins."""
    if subject.tag_ not in ("NN", "NNP") or subject.ent_type_ or not doc._.actors:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    if any(c.dep_ in ("prep", "relcl", "acl", "appos", "poss") for c in subject.children):
        return None
    # "The Deputy Secretary said": a capitalised title of more than one word is named with all its words (a bare
    # "The Secretary" is left alone: resolving it moved a positions dev match onto another gold position).
    words = [c.lower_ for c in subject.children if c.dep_ == "compound" and c.i < subject.i] if subject.tag_ == "NNP" else []
    if subject.tag_ == "NNP" and not words:
        return None
    title = [*words, subject.lower_]
    text = doc_text(doc)
    best: tuple[int, str, Mention] | None = None
    for actor in doc._.actors:
        if actor.kind != "person":
            continue
        role = (actor.role or "").lower().replace("-", " ").split()
        # "President" is the president; "former Vice President" or "President-elect" is not.
        titled = role[-len(title):] == title and not set(role) & QUALIFIED_TITLES
        for m in actor.mentions:
            if m.start >= subject.idx:
                break
            before = text[max(0, m.start - 40):m.start].lower().split()[-(len(title) + 2):]
            if titled or any(before[i:i + len(title)] == title for i in range(len(before))):
                if best is None or m.start > best[0]:
                    best = (m.start, actor.id, m)
    return (best[1], best[2]) if best else None


def definite_group(subject: Token) -> bool:
    """ "the leaders", "the two men": a plural description pointing back, with no name of its own."""
    if subject.tag_ != "NNS" or subject.ent_type_:
        return False
    dets = [c for c in subject.children if c.dep_ == "det"]
    others = [c for c in subject.children if c.dep_ not in ("det", "nummod", "amod")]
    return bool(dets) and dets[0].lower_ in GROUP_DETERMINERS.words and not others


def bound_subject(pronoun: Token) -> Token | None:
    """ "[The president] denounced what <he> called ...", "[some Republicans] made clear that <they> would ...": a
    he/she/they speaker inside a clause under a verb whose subject comes before it in the sentence refers to that
    subject, when it fits (a person for he/she, a plural or an organisation for they; BOUND_PRONOUNS)."""
    low = pronoun.lower_
    if low not in BOUND_PRONOUNS.words:
        return None
    doc = pronoun.doc
    tok = pronoun.head
    for _ in range(6):
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
        if not subjects:
            continue
        subject = subjects[0]
        if subject.pos_ == "PRON" or subject.tag_ in ("WP", "WDT") or subject.sent.start != pronoun.sent.start:
            return None
        plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
        if low in ("he", "she"):
            actor = actor_at(doc, subject.idx, token_end(subject))
            person = subject.ent_type_ == "PERSON" or (actor is not None and actor.kind == "person")
            if plural or not (person or described_person(doc, subject) is not None):
                return None
        elif not plural and subject.ent_type_ not in ORGANISATION_LABELS.words:
            return None
        return subject
    return None


def resolve(pronoun: str, history: list[Said], doc: Doc, at: Token, lexicon: CueLexicon) -> Said | None:
    """The earlier speaker a pronoun refers to: the most recent of a kind it may refer to."""
    wanted = lexicon.refers_to(pronoun)
    for said in reversed(history):
        if said.kind in wanted and said.mention.start < at.idx:
            return said
    if "person" in wanted:
        # No earlier speaker: the last person named before the pronoun.
        people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= at.idx]
        if people:
            e = people[-1]
            ids = (actor.id,) if (actor := actor_at(doc, e.start_char, e.end_char)) is not None else ()
            return Said(Mention(e.start_char, e.end_char, e.text, "PERSON"), "person", ids)
    return None
