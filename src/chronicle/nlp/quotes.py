"""chronicle_quotes: who said what — quotes and reported speech, each with speaker and cue.

Two passes over the parsed article fill ``doc._.quotes`` with
:class:`~chronicle.records.Quote` records:

1. **Cue verbs.** Every verb in the cue lexicon (the :data:`~chronicle.nlp.quote_rules.CUES`
   rows) outside quote marks is a candidate cue. Its content is the first slot of its
   frame that the parse fills: a clause ("said that ...", "said Qatari officials had
   ..."), a to-infinitive ("has promised to ..."), an object with what follows
   ("has accused Hamas of ..."), or "for ..." ("called for ..."). "According to X,
   ..." gives the rest of its clause. A cue parsed as hanging off the clause it
   reports ("The talks will resume, officials said") takes that clause.
   A content touching quote marks grows to the whole quotation, so a quote of
   several sentences whose cue sits in the last one is taken whole. An inverted cue
   followed by its quotation ("In a speech, Mr. Ryan said, “...”") takes the quotation;
   a relative pronoun the cue's clause is built on opens it ("what the mayor called
   ..."); a speech cue the parser joined to the reported clause ("said A and added,
   ...") ends it.
2. **Quotations.** Each quotation (marks paired by :mod:`chronicle.nlp.quote_marks`;
   a quote left open at a paragraph end and reopened in the next paragraph is one
   quotation) not yet covered looks for a speech verb in its own sentence, before
   or after it ("“...,” Mr. Patel said", "Iran, he said, “...”"; a title after a
   possessive, "ABC’s “Good Morning America”", is no quotation), or in the
   sentence just before when that one ends with a colon (or with a statement noun its
   speaker issues: "issued the following statement:"), or at the start of the
   next sentence when the parser ended the sentence with the quotation ("“Is that
   all?” Trump said."). Failing those, a quotation set off against a subject and any
   verb is theirs ("“Quiet,” he demanded", "Hannity interjected: “...”"), as is a whole
   sentence quoted after a colon that closes a clause with a speaking subject ("She
   addressed the crowd again: “...”"), a paragraph-opening quotation a few words before a
   speech verb however the parser tagged them ("..., screenwriter Cole Haddon wrote"),
   and a quoted claim signed by "- Name." in the next paragraph (fact checks).
   A quotation split by its cue joins the content of that cue;
   one with no cue goes on the quote before it when that quote's cue sentence ends
   right before it, in its paragraph or at the end of the paragraph before.
3. **Headlines and transcripts.** A paragraph that opens with a short capitalised
   name and a colon ("Lewandowski: FBI director acted ...", "PENCE: Well, ...") is
   that name's statement, and so is the title line after any short label ("Clinton
   camp: ...", "Poll: ...", not "The Latest: ..."); "In a new Fox News poll, X leads ..." gives the clause to
   the poll. In a transcript (at least two paragraphs open with an upper-case label)
   each turn is a direct quote through the paragraphs up to the next label, split at
   stage directions; its speaker is the person the label names ("MR PRICE" → the actor
   Ned Price) or, for a generic label, the press (``PRESS``), a host (``HOST``) or the
   floor (``FLOOR``), with no actor. Cue quotes inside a turn are part of it.
4. **Noun cues.** "Trump's claim that ...", "the army issued a warning that ...": a
   noun of :data:`~chronicle.nlp.quote_rules.NOUN_CUES` with its clause, infinitive or
   object; the speaker is its possessor, "by"/"from" X, the subject of a verb of
   issuing, or the subject of the verb whose preposition holds it ("says in a statement
   that ..."). Seeing, naming and track records are not speech ("footage shows", "to be
   called", "has supported"). A content never ends inside a hyphenated word.

Seeming and being expected ("Clinton appeared to back off", "Clinton is expected to
win") take the subject with what follows and have no speaker (the agent of a
passive when there is one). Tokens are compared by position (``==``), never by
identity: spaCy builds a new Token or Span object on each access.

The speaker is the cue's subject (climbing conjunctions, participles and relative
clauses to find one; the agent of a passive; the object of "according to"),
without its relative clauses (:mod:`chronicle.nlp.quote_speakers`). A pronoun
speaker ("he said") keeps the pronoun as its text and is resolved to the most
recent compatible speaker: "he"/"she" to a person, "they" to a group, several
people or an organisation, "it" to an organisation or country. ``speaker_ids``
come from ``chronicle_actors`` (:func:`~chronicle.nlp.actors.actor_at`) for the
speaker's head words, its conjuncts, appositions and "along with" partners, so a
joint statement keeps all its members; a pronoun without an actor of its own takes
its antecedent's. A described speaker ("the archbishop said") is the person named
earlier with that title (:func:`~chronicle.nlp.quote_speakers.described_person`).

Every word list, cue frame and pattern is a row of :mod:`chronicle.nlp.quote_rules`
with an example; the component reads them through its :class:`CueLexicon`, which
the component's config extends or swaps.

``kind`` is ``direct`` when every word of the content is inside quote marks,
``mixed`` when some are, else ``indirect``. ``rule`` names the pattern that fired.
The antecedent found for a pronoun speaker is available as
:func:`antecedent_of` (it is not part of the record).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from chronicle.nlp.actors import actor_at
from chronicle.nlp.clauses import imperative
from chronicle.nlp.extensions import doc_text
from chronicle.nlp.quote_marks import find_quotes, grow_to_quotes, kind_around, paragraphs, quotations, quoted_mask
from chronicle.nlp.quote_rules import (
    AS_MARKS,
    REST_GOES_ON,
    CONJOINED_REPORT,
    DASH_QUOTATION,
    REMINDING,
    FRONTED_CONTENT,
    PASSIVE_AGENT_CUES,
    BARE_CLAUSE,
    IMPERATIVE_CUES,
    ASKING,
    NOTE_LABELS,
    OFFERED_WORDS,
    LISTENERS,
    UNTAKEN_STANCE,
    LIGHT_VERBS,
    VENUE_NOUNS,
    QUESTION_MARKS,
    STANCE_NOUNS,
    STANCE_PREPOSITIONS,
    BOUNDARIES,
    CLAUSE,
    DEFAULT_LEXICON,
    EMPTY_SUBJECTS,
    SAID_TO,
    FEELING_VERBS,
    INFINITIVE,
    OBJECT,
    OBJECT_AND_REST,
    OBJECT_AS,
    RAISING,
    GENERIC_SPEAKERS,
    INTERVIEWEE_LABELS,
    NOT_TITLE_SPEAKERS,
    OBJECT_TAIL,
    NOUN_CUE_PREPOSITIONS,
    OPENERS,
    OPENERS_CONJUNCTIONS,
    MARKUP_TAG,
    TRAILING_PARTICIPLE,
    PARENTHETICAL_CUE,
    COLON_LEAD,
    CUE_WORD_AFTER,
    DATELINE,
    PLACED_CUE,
    QUOTE_AFTER_CUE,
    QUOTED_COMMA,
    SECOND_CUE_TAGS,
    SIGNATURE,
    SIGNATURE_AFTER,
    RELATIVE_CONTENT,
    SPEAKER_LABEL,
    STATEMENT_NOUNS,
    SPLIT_AFTER_SPEAKER,
    STAGE_DIRECTION,
    TO_SOURCES,
    TITLE_LABEL,
    TITLE_LABEL_ENDS,
    TITLE_LABEL_WORDS,
    TITLE_QUOTATIONS,
    TITLE_SOURCES,
    TRANSCRIPT_LABEL,
    TRANSCRIPT_MIN_TURNS,
    TURN_CLOSING,
    TURN_NOTE,
    NAMING,
    NAMED_NOUN,
    NOT_INTENTIONS,
    ISSUING_VERBS,
    NOT_SOURCES,
    SAID_WORDS,
    TRACK_RECORD,
    CueLexicon,
)
from chronicle.nlp.quote_speakers import (
    Said,
    said_by,
    actor_ids,
    agent_of,
    bound_subject,
    char_span,
    comma_before,
    definite_group,
    described_person,
    paragraph_start,
    partners_of,
    resolve,
    speaker_span,
    subject_of,
    token_end,
)
from chronicle.records import Mention, Quote

ANTECEDENTS = "chronicle_quote_antecedents"
TRIM_LEFT = " \t\n,;:—–-)"
TRIM_RIGHT = " \t\n,;:—–-("
WORD_JOINERS = "-‑"  # a hyphen inside a word joins it: "re-elect", "co-written"
# What the "rest" slot takes after a cue: "called {Trump a disgrace to the party}".
REST_DEPS = ("dobj", "oprd", "dative", "prep", "xcomp", "ccomp", "acomp")


@Language.factory(
    "chronicle_quotes",
    requires=["doc.ents", "doc.sents", "token.dep", "token.tag", "token.lemma", "doc._.actors"],
    assigns=["doc._.quotes"],
    default_config={
        "extra_speech_verbs": [],
        "extra_cues": {},
        "without_cues": [],
        "statement_nouns": None,
        "listeners": None,
        "source_nouns": None,
        "not_speakers": None,
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    extra_speech_verbs: list[str],
    extra_cues: dict[str, list[str]],
    without_cues: list[str],
    statement_nouns: list[str] | None,
    listeners: list[str] | None,
    source_nouns: list[str] | None,
    not_speakers: list[str] | None,
) -> QuoteFinder:
    """The tables of :mod:`chronicle.nlp.quote_rules`, extended or swapped (see :meth:`CueLexicon.build`)."""
    return QuoteFinder(
        CueLexicon.build(
            extra_speech_verbs, extra_cues, without_cues, statement_nouns, listeners, source_nouns, not_speakers
        )
    )


def antecedent_of(doc: Doc, quote: Quote) -> Mention | None:
    """The mention a pronoun speaker of ``quote`` was resolved to, if any."""
    return (doc.user_data.get(ANTECEDENTS) or {}).get(quote.id)


@dataclass
class _Candidate:
    start: int
    end: int
    cue: Token | None
    subject: Token | None
    rule: str
    speaker: tuple[int, int] | None = None
    cue_text: tuple[int, int] | None = None
    speaker_label: str | None = None  # a transcript turn: PERSON, or PRESS/HOST/FLOOR for a generic label
    ids: tuple[str, ...] = ()  # a transcript turn: the actor its label names
    core_end: int | None = None  # where the content ends, applied once nested cues are dropped (see _object_core)


class QuoteFinder:
    """Fills ``doc._.quotes``; reads its words from ``lexicon``."""

    def __init__(self, lexicon: CueLexicon = DEFAULT_LEXICON) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.quotes, antecedents = _find(doc, self.lexicon)
        except Exception:  # a parse this code did not foresee must not stop the pipeline
            doc._.quotes, antecedents = [], {}
            if doc.user_data.get("chronicle_strict"):
                raise
        doc.user_data[ANTECEDENTS] = antecedents
        return doc


# ------------------------------------------------------------------------- helpers


def _subtree_span(tok: Token, skip: set[int] | None = None) -> tuple[int, int]:
    skip = skip or set()
    tokens = [t for t in tok.subtree if t.i not in skip and not t.is_space]
    return char_span(tokens or [tok])


def _np_span(tok: Token) -> tuple[int, int]:
    """A noun phrase without a relative clause set off by a comma ("projects, which they argue ...")."""
    skip: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("relcl", "acl") and child.i > tok.i and comma_before(child):
            skip.update(t.i for t in child.subtree)
    return _subtree_span(tok, skip)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM_LEFT:
        start += 1
    while end > start and text[end - 1] in TRIM_RIGHT:
        end -= 1
    return start, end


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Never cut a word: a span ending in "to re" of "re-elect" ends after "re-elect"."""
    n = len(text)

    def joined(i: int) -> bool:  # does position i continue the word before it?
        if text[i].isalnum():
            return True
        return text[i] in WORD_JOINERS and i + 1 < n and text[i + 1].isalnum()

    while start < end < n and text[end - 1].isalnum() and joined(end):
        end += 1
        while end < n and (text[end].isalnum() or joined(end)):
            end += 1
    while 0 < start < end and text[start].isalnum() and (
        text[start - 1].isalnum() or (text[start - 1] in WORD_JOINERS and start >= 2 and text[start - 2].isalnum())
    ):
        start -= 1
    return start, end


def _set_off(tok: Token) -> bool:
    """Is the phrase of ``tok`` set off by commas on both sides ("In the long run, economists say, ...")?"""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    before = left if doc[left].text == "," else left - 1
    after = right if doc[right].text == "," and right != tok.i else right + 1
    return before >= 0 and after < len(doc) and doc[before].text == "," and doc[after].text == ","


def _participle_content(tok: Token, lemma: str, mask: list[bool], lexicon: CueLexicon) -> tuple[int, int] | None:
    """What a quotable -ing cue after its clause goes on to say (TRAILING_PARTICIPLE), without a listener
    ("telling reporters ..."); None when a quotation follows, which QUOTE_AFTER_CUE reads as an inverted cue's."""
    if lemma not in lexicon.quotable or not _trailing_participle(tok):
        return None
    listener = {t.i for c in tok.children if c.dep_ in ("dobj", "dative") and c.i == tok.i + 1
                and lemma in LISTENERS.cues for t in c.subtree}
    after = [t for t in tok.subtree if t.i > tok.i and t.i not in listener and not t.is_space]
    while after and after[0].is_punct and not mask[after[0].idx]:
        after.pop(0)
    if not after or mask[after[0].idx]:
        return None
    return char_span(after)


def _trailing_participle(tok: Token) -> bool:
    """ "Obama addressed the concerns, stating ...": an -ing cue after the clause it hangs from, set off by a comma
    (TRAILING_PARTICIPLE)."""
    if tok.tag_ not in TRAILING_PARTICIPLE.words or tok.dep_ not in ("advcl", "ccomp", "parataxis", "conj"):
        return False
    if tok.head.i >= tok.i or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return False
    return tok.left_edge.i == tok.i and comma_before(tok)


def _parenthetical(tok: Token) -> bool:
    """ "The deficit will end, the budget office reported": a verb of believing or finding hung off the clause it
    reports stands, finite with its own subject, after a comma; other forms ("demonstrating", "known") are the
    parser's slips (:data:`~chronicle.nlp.quote_rules.PARENTHETICAL_CUE`)."""
    if tok.tag_ not in PARENTHETICAL_CUE.tags or not any(c.dep_ == "nsubj" for c in tok.children):
        return False
    # "Such efforts, they believe, will ...": the parser may give the cue the comma before it.
    return comma_before(tok) or (tok.left_edge.text == "," and tok.left_edge.i < tok.i)


def _passive_agent_content(tok: Token, lemma: str) -> tuple[int, int] | None:
    """ "The move was criticized by economists for its cost": the subject and the cue's modifiers after it, up to
    where or when it was said, when a cue of PASSIVE_AGENT_CUES is in the passive with an agent."""
    if lemma not in PASSIVE_AGENT_CUES.words or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    subjects = [c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i]
    if not subjects or agent_of(tok) is None:
        return None
    start, end = _subtree_span(subjects[0])
    rest = _before_venue([c for c in tok.children if c.i > tok.i and c.dep_ in REST_DEPS])
    for c in rest:
        end = max(end, _subtree_span(c)[1])
    return start, end


def _as_cue(tok: Token) -> bool:
    """ "As the paper noted, ...": a cue in a clause opened by "as" (AS_MARKS) before its main clause, set off by a
    comma, active, with a subject and no content of its own."""
    if tok.dep_ != "advcl" or tok.head.i <= tok.i or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    deps = {c.dep_ for c in tok.children}
    if "nsubj" not in deps or deps & {"nsubjpass", "auxpass", "dobj", "ccomp", "xcomp", "pcomp", "dative"}:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in AS_MARKS.words and c.i < tok.i for c in tok.children):
        return False
    marks = (",", "—", "–", "--")
    after = tok.right_edge.i + 1
    # the comma after it may be the cue's own ("As The Atlantic noted, ...")
    return tok.right_edge.text in marks or (after < len(tok.doc) and tok.doc[after].text in marks)


def _cue_span(verb: Token, lexicon: CueLexicon) -> tuple[int, int]:
    tokens = [verb]
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt") and abs(child.i - verb.i) <= 3:
            tokens.append(child)
        elif child.dep_ == "prep" and child.i > verb.i and child.i - verb.i <= 3:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() in lexicon.statement_nouns:
                tokens.extend(child.subtree)
        elif child.dep_ in ("dobj", "dative") and lexicon.lemma(verb) in LISTENERS.cues and child.i == verb.i + 1:
            if child.lemma_.lower() in lexicon.listeners:
                tokens.append(child)
    tokens = [t for t in tokens if t.i >= min(x.i for x in tokens if x.dep_ in ("aux", "auxpass", "neg") or x == verb)]
    return char_span(tokens)


def _frame_content(
    verb: Token, frames: tuple[str, ...], lexicon: CueLexicon = DEFAULT_LEXICON
) -> tuple[Token, tuple[int, int], str] | None:
    for slot in frames:
        if slot == CLAUSE:
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            after = [c for c in clauses if c.i > verb.i]
            if after:
                start, end = _subtree_span(after[0])
                # "explained why being portrayed as such | is actually a compliment": one clause the parser split in
                # two clauses of the cue, the second right after the first (MORE_CUE_EXAMPLES).
                last = after[0].right_edge.i
                for more in after[1:]:
                    doc = verb.doc
                    if more.left_edge.i != last + 1 or doc[last].is_punct or more.left_edge.is_punct or (
                        more.left_edge.dep_ in ("mark", "cc")
                    ):
                        break  # "..., a swipe at ...", "— a controversial proposal", "and one in four said ..."
                    end, last = max(end, _subtree_span(more)[1]), more.right_edge.i
                # "said that A and that B": a second "that" clause the parser gave to the cue's conjunction.
                for conj in verb.children:
                    if conj.dep_ == "conj" and conj.i > after[0].i and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in conj.children
                    ):
                        end = max(end, _subtree_span(conj)[1])
                return after[0], (start, end), CLAUSE
            if clauses:
                return clauses[0], _subtree_span(clauses[0]), CLAUSE
            if verb.lemma_.lower() in ASKING.words:
                # "was asked if he would run": the parser made the question an adverbial clause (ASKING).
                for child in verb.children:
                    if child.dep_ == "advcl" and child.i > verb.i and child.left_edge.lower_ in QUESTION_MARKS.words:
                        return child, _subtree_span(child), CLAUSE
            # "While Hamas has said a ceasefire ...": the clause was given to a later verb.
            for sibling in verb.head.children:
                if sibling.dep_ == "ccomp" and sibling.left_edge.i == verb.right_edge.i + 1 and verb.head != verb:
                    return sibling, _subtree_span(sibling), CLAUSE
        elif slot == INFINITIVE:
            for child in verb.children:
                if child.dep_ == "xcomp" and child.i > verb.i:
                    start, end = _subtree_span(child)
                    # "asked Kasich to lay out his path": who is asked belongs to the content.
                    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < child.i]
                    if objects:
                        start = _subtree_span(objects[0])[0]
                    return child, (start, end), INFINITIVE
        elif slot == OBJECT:
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
            if not objects:
                # "said yes", "said so": a one-word answer.
                words = [c for c in verb.children if c.i == verb.i + 1 and c.lower_ in SAID_WORDS.words]
                if words:
                    return words[0], char_span([words[0]]), OBJECT
            if objects:
                obj = objects[0]
                if lexicon.lemma(verb) in OFFERED_WORDS.cues and obj.lemma_.lower() not in OFFERED_WORDS.words:
                    continue  # "offered shelter to the refugees": no statement (OFFERED_WORDS)
                if verb.lemma_.lower() in FEELING_VERBS.words:
                    # "expressed concern that ...": what the feeling is about.
                    clauses = [c for c in obj.children if c.dep_ in ("acl", "ccomp") and c.i > obj.i
                               and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"]
                    if clauses:
                        return clauses[0], _subtree_span(clauses[0]), OBJECT
                reminded = _reminded_of(verb, obj, lexicon)
                if reminded is not None:
                    return reminded, _subtree_span(reminded), OBJECT
                start, end = _np_span(obj)
                stance = _stance_object(verb, obj)
                if stance is not None:
                    start = _subtree_span(stance)[0]
                for extra in _object_tail(verb, obj):
                    end = max(end, _subtree_span(extra)[1])
                end = _second_object(verb, end)
                return obj, (start, end), OBJECT
        elif slot == OBJECT_AND_REST:
            # "called Trump a disgrace to the party", "described it as ...": the object and what follows.
            kids = _before_venue([c for c in verb.children if c.i > verb.i and c.dep_ in REST_DEPS])
            firsts = [c for c in kids if c.dep_ in ("dobj", "oprd", "dative")]
            if firsts:
                start = _subtree_span(firsts[0])[0]
                end = max(_subtree_span(c)[1] for c in kids)
                return firsts[0], (start, _rest_goes_on(verb, end, lexicon)), OBJECT_AND_REST
        elif slot == OBJECT_AS:
            # "sees Clinton as the stronger candidate": the object and what follows, when an "as" phrase follows it.
            kids = _before_venue([c for c in verb.children if c.i > verb.i and c.dep_ in REST_DEPS])
            objects = [c for c in kids if c.dep_ == "dobj"]
            if objects and any(
                c.dep_ == "prep" and c.lower_ == "as" and c.i > objects[0].i for c in (*kids, *objects[0].children)
            ):
                start = _subtree_span(objects[0])[0]
                end = max(_subtree_span(c)[1] for c in kids)
                return objects[0], (start, end), OBJECT_AS
        elif slot == BARE_CLAUSE:
            # "said seeing so many police officers was a welcome sight": a gerund clause the parser made an xcomp.
            if _passive_form(verb) or any(c.dep_ == "auxpass" for c in verb.children):
                continue
            for child in verb.children:
                if child.dep_ == "xcomp" and child.i > verb.i and not any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children
                ):
                    return child, _subtree_span(child), BARE_CLAUSE
        elif slot == RAISING:
            # "Clinton appeared to make a decision": the subject and what it is said to do.
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
            comps = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
            if subjects and comps and subjects[0].lower_ not in EMPTY_SUBJECTS.words:
                start = _subtree_span(subjects[0])[0]
                return comps[0], (start, _subtree_span(comps[0])[1]), RAISING
        else:  # a preposition: "called for ...", "talked about ...", "referred to ..."
            if _passive_form(verb):
                # "Asked about the deal, Biden said ...": what someone was asked about, not what they said
                # (PolNeAR train: half of them are no attribution).
                continue
            for child in verb.children:
                if child.dep_ in ("prep", "prt") and child.lower_ == slot and child.i > verb.i:
                    objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                    if objects and objects[0].ent_type_ in ("DATE", "TIME"):
                        continue  # "called the plan reckless on Sunday": when, not what
                    if objects:
                        start, end = _np_span(objects[0])
                        # "called on him to be banned", "referred to those islands as Chinese bases".
                        # "called for the secretary to release the transcripts": a to-infinitive right after the object.
                        tail = [c for c in verb.children if c.i > child.i and c.dep_ in ("xcomp", "oprd")
                                or (c.dep_ == "prep" and c.lower_ == "as" and c.i > child.i)
                                or (c.dep_ == "advcl" and c.left_edge.i == objects[0].right_edge.i + 1
                                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
                        for extra in tail[:1]:
                            end = max(end, _subtree_span(extra)[1])
                        return objects[0], (start, end), slot
                    if child.dep_ == "prt":
                        objects = [g for g in verb.children if g.dep_ in ("dobj", "pobj") and g.i > child.i]
                        if objects:
                            return objects[0], _subtree_span(objects[0]), slot
            # "called for the United States to step up ...": the parser made the preposition the mark of a clause
            # with its own subject, right after the cue (MORE_CUE_EXAMPLES).
            for child in verb.children:
                mark = child.left_edge
                if not (child.dep_ in ("advcl", "ccomp", "xcomp") and mark.dep_ == "mark" and mark.lower_ == slot
                        and mark.head == child and mark.i > verb.i
                        and all(t.dep_ in ("advmod", "prt") for t in verb.doc[verb.i + 1:mark.i])
                        and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)):
                    continue
                return child, _subtree_span(child, {mark.i}), slot
    return None


def _reminded_of(verb: Token, obj: Token, lexicon: CueLexicon) -> Token | None:
    """ "reminded voters of the stakes": the preposition after the listener (REMINDING), when a name or a pronoun
    reminds and the listener is no pronoun ("Trump reminds me of Lincoln" is a likeness)."""
    if lexicon.lemma(verb) not in REMINDING.cues or obj.pos_ == "PRON":
        return None
    if not any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON") for c in verb.children):
        return None
    preps = [p for p in (*verb.children, *obj.children) if p.dep_ == "prep" and p.i > obj.i]
    for prep in sorted(preps, key=lambda p: p.i):
        if prep.lower_ in REMINDING.words and any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
            return prep
    return None


def _second_object(verb: Token, end: int) -> int:
    """ "noted limited gains in take-home pay and continued risks from terrorism": a second object the parser made a
    conjunct of the verb, right after the content behind "and" or "or", with a word that opens a noun phrase
    (OBJECT_TAIL.examples)."""
    text = doc_text(verb.doc)
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.idx < end or conj.pos_ not in ("NOUN", "PROPN"):
            continue
        if text[end:conj.left_edge.idx].strip(" ,") not in ("and", "or"):
            return end
        if not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in conj.children):
            return end
        return max(end, _subtree_span(conj)[1])
    return end


def _rest_goes_on(verb: Token, end: int, lexicon: CueLexicon) -> int:
    """ "portrayed Sanders | as singularly focused on economic issues", "called the law “much better” | than No Child Left
    Behind": a phrase of the verb right after the object and the rest, opened by a word of REST_GOES_ON, belongs to
    the content whatever the parser made of it."""
    text = doc_text(verb.doc)
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.idx < end:
            continue
        if child.left_edge.lower_ not in REST_GOES_ON.words or text[end:child.left_edge.idx].strip():
            break
        if child.left_edge.lower_ == "to" and child.tag_ == "VB" and lexicon.lemma(child) in lexicon.frames:
            break  # "called a meeting to discuss the test": the cue after "to" has a quote of its own
        end = max(end, _subtree_span(child)[1])
    return end


def _stance_object(verb: Token, obj: Token) -> Token | None:
    """ "expressed concern about the vote", "showed no sign of slowing": the object of the preposition after a
    stance noun (LIGHT_VERBS, STANCE_NOUNS, STANCE_PREPOSITIONS)."""
    if verb.lemma_.lower() not in LIGHT_VERBS.words or obj.lemma_.lower() not in STANCE_NOUNS.words:
        return None
    # the preposition hangs from the noun, or from the verb right after the noun ("offered his thoughts on ...")
    after = [c for c in verb.children if c.dep_ == "prep" and c.i == obj.right_edge.i + 1]
    for prep in [*obj.children, *after]:
        if prep.dep_ == "prep" and prep.i > obj.i and prep.lower_ in STANCE_PREPOSITIONS.words:
            objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
            return objects[0] if objects else None
    return None


def _passive_form(verb: Token) -> bool:
    """A past participle without "have": "was asked", "Asked about the deal, ..."."""
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _venue(prep: Token) -> bool:
    """ "in a tweet", "in an interview": where the speaker said it, not part of what was said (STATEMENT_NOUNS)."""
    if prep.dep_ != "prep":
        return False
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and objects[0].lemma_.lower() in STATEMENT_NOUNS.words


def _when(mod: Token) -> bool:
    """ "during a debate", "on Thursday", "as he ended his bid": when the speaker said it (OBJECT_TAIL.when_preps)."""
    if mod.dep_ == "prep":
        if mod.lower_ in OBJECT_TAIL.when_preps:
            return True
        objects = [g for g in mod.children if g.dep_ == "pobj"]
        return bool(objects) and objects[0].ent_type_ in ("DATE", "TIME")
    if mod.dep_ == "advcl":
        return any(m.dep_ == "mark" and m.lower_ in OBJECT_TAIL.when_marks and m.i == mod.left_edge.i
                   for m in mod.children)
    return False


def _before_venue(modifiers: list[Token]) -> list[Token]:
    """The verb modifiers after an object up to the first that says where it was said ("in a tweet")."""
    for n, c in enumerate(modifiers):
        if _venue(c):
            return modifiers[:n]
    return modifiers


def _object_tail(verb: Token, obj: Token) -> list[Token]:
    """The verb modifiers after an object that its content may take (:data:`~chronicle.nlp.quote_rules.OBJECT_TAIL`),
    up to where it was said."""
    return _before_venue([c for c in verb.children if c.i > obj.i and c.dep_ in OBJECT_TAIL.takes])


def _object_core(verb: Token, obj: Token, end: int) -> int:
    """ "endorsed Clinton, saying ...": where an object's content ends when a verb modifier after it is a clause
    set off by a comma, the speaker's next act: before that clause; "endorsed Clinton on Thursday": before the
    modifiers that close it and say when (:data:`~chronicle.nlp.quote_rules.OBJECT_TAIL`)."""
    core = _np_span(obj)[1]
    tail = _object_tail(verb, obj)
    for c in tail:
        if c.dep_ in OBJECT_TAIL.set_off and comma_before(c):
            return min(end, core)
        core = max(core, _subtree_span(c)[1])
    kept = len(tail)
    while kept and _when(tail[kept - 1]):
        kept -= 1
    if kept < len(tail):
        return min(end, max([_np_span(obj)[1]] + [_subtree_span(c)[1] for c in tail[:kept]]))
    return end


def _after_opener(text: str, start: int, end: int, mask: list[bool]) -> int:
    """ "In fact, ...", "Still, ...": where a content starts after a connective and its comma (outside quote marks)."""
    comma = text.find(",", start, min(end, start + 25))
    if comma < 0 or mask[start] or text[start:comma].strip().lower() not in OPENERS.words:
        return start
    return comma + 1


def _after_conjunction(text: str, start: int, end: int, mask: list[bool]) -> int:
    """ "And Mrs. Clinton now holds ..., according to the poll": a conjunction opening a sentence the writer
    attributes links it to the one before; the content starts after it (OPENERS_CONJUNCTIONS)."""
    word = text[start:min(end, start + 6)].split(" ", 1)[0]
    if mask[start] or word not in OPENERS_CONJUNCTIONS.words or start + len(word) + 1 >= end:
        return start
    return start + len(word) + 1


def _quotation_after_cue(tok: Token, text: str, regions: list[tuple[int, int]], start: int) -> int:
    """Where an inverted cue's content starts when a quotation follows the cue (and its listener) after a
    comma or colon: "In a speech, Mr. Ryan said, “democracy is ...”", "..., telling reporters, “...”" start at
    the quotation. Words before the speaker that hold the quoted clause's subject stay ("That, the commission
    said, “would be helpful”"): :data:`~chronicle.nlp.quote_rules.QUOTE_AFTER_CUE`."""
    doc = tok.doc
    at = token_end(tok.right_edge)
    while at < len(text) and text[at] in " \t":
        at += 1
    if at < len(text) and text[at] in QUOTE_AFTER_CUE.lead:
        at += 1
        while at < len(text) and text[at] in " \t\n":
            at += 1
    opening = next((r for r in regions if r[0] == at), None)
    if opening is None or start > tok.left_edge.idx or start >= at:
        return start
    for t in doc[tok.sent.start:tok.left_edge.i]:
        if t.idx >= start and t.dep_ in QUOTE_AFTER_CUE.subject_deps and t.head.idx >= at:
            return start
    return at


def _relative_start(verb: Token, start: int) -> int:
    """ "what the mayor called “a disgrace”", "delegates who are expected to back him": the relative pronoun
    the cue's clause is built on opens its content (:data:`~chronicle.nlp.quote_rules.RELATIVE_CONTENT`)."""
    for child in verb.children:
        if child.i < verb.i and child.tag_ in ("WP", "WDT") and child.lower_ in RELATIVE_CONTENT.words and (
            child.dep_ in ("dobj", "nsubjpass")
        ):
            return min(start, child.idx)
    return start


def _conjoined_report(verb: Token, clause: Token, end: int, text: str, lexicon: CueLexicon) -> int:
    """ "said that it was too early to tell, and there was no evidence yet ...": a clause
    with its own subject the parser joined to the cue, right after the content behind a comma and a connective, goes
    on with the content, unless its subject is the cue's or it holds a cue verb (CONJOINED_REPORT)."""
    if clause.i < verb.i:
        return end
    subject = [c.lower_ for c in verb.children if c.dep_ == "nsubj"]
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.idx < end:
            continue
        subjects = [c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if not subjects or subjects[0].lower_ in subject:
            return end
        if text[end:conj.left_edge.idx].strip(" ,") not in ("", *CONJOINED_REPORT.words):
            return end
        if any(t.tag_.startswith("VB") and lexicon.lemma(t) in lexicon.frames for t in conj.subtree):
            return end
        if conj.lemma_ != "be" and any(c.dep_ == "ccomp" for c in conj.children):
            return end  # "..., but U.S. officials have privately assessed that it was": a report of its own
        return max(end, _subtree_span(conj)[1])
    return end


def _extracted_start(verb: Token, clause: Token, start: int) -> int:
    """ "a probe the agency said was ongoing", "which she has said was a mistake": a cue in a relative clause whose
    reported clause lacks its subject (the noun the relative clause hangs on, or its pronoun) opens the content at
    that pronoun, else at the noun phrase (RELATIVE_CONTENT)."""
    if verb.dep_ != "relcl" or clause.i < verb.i or clause.tag_ not in ("VBZ", "VBP", "VBD", "MD"):
        return start
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return start
    first = verb.left_edge
    if first.tag_ in ("WDT", "WP") and first.lower_ in RELATIVE_CONTENT.words and first.i < verb.i:
        if first.head == verb and first.dep_ == "nsubj":
            return start  # "Republicans who suggest Clinton might ...": the pronoun is the speaker
        return min(start, first.idx)
    noun = verb.head
    words = [t for t in noun.subtree if t.i <= noun.i and not (t.is_punct or t.is_space)]
    while words and words[0].dep_ in ("advmod", "cc", "preconj"):
        words.pop(0)  # "even the ones State says are ...": the adverb is the writer's
    return min(start, words[0].idx) if words else start


def _quotation_of_later_cue(
    verb: Token, clause: Token, text: str, regions: list[tuple[int, int]], mask: list[bool], lexicon: CueLexicon
) -> bool:
    """ "“A,” Smith said before adding: “B.”": a quotation the parser gave to the first cue belongs to the speech
    cue right before it; it is left to the quotation pass (:data:`~chronicle.nlp.quote_rules.LATER_CUE_EXAMPLES`)."""
    if clause.i < verb.i:
        return False
    opening = [r for r in regions if r[0] < clause.left_edge.idx and not text[r[0]:clause.left_edge.idx].strip(" “\"‘'")]
    if not opening:
        return False
    doc = verb.doc
    return any(
        _is_cue(t, mask, lexicon) and lexicon.lemma(t) in lexicon.quotable for t in doc[verb.i + 1:clause.left_edge.i]
    )


def _quotation_after_content(doc: Doc, end: int, regions: list[tuple[int, int]]) -> int:
    """ "added that he was the only one to spend his entire life “fighting to defend the Constitution.”": a quotation
    right after a content that ends on a word, in its sentence, goes on with it; the parser left it out of the
    clause (MORE_CUE_EXAMPLES)."""
    text = doc_text(doc)
    if not end or not text[end - 1].isalnum():
        return end
    after = min((r for r in regions if r[0] >= end), default=None)
    if after is None or after[0] - end > 3 or text[end:after[0]].strip():
        return end
    quoted = doc.char_span(after[0], after[1], alignment_mode="expand")
    if quoted is None or any(t.is_sent_start for t in quoted):
        return end  # a sentence of its own, or one that goes on past it
    return after[1]


def _before_second_cue(clause: Token, end: int, mask: list[bool], lexicon: CueLexicon) -> int:
    """ "said he welcomed the ruling and added, “...”": a cue verb with no subject of its own that the parser
    joined to the reported clause is the speaker's next act; the content ends before it
    (:data:`~chronicle.nlp.quote_rules.SECOND_CUE_EXAMPLES`)."""
    for t in clause.subtree:
        if (
            t.dep_ == "conj"
            and t.i > clause.i
            and _is_cue(t, mask, lexicon)
            and lexicon.lemma(t) in lexicon.quotable
            and t.tag_ in SECOND_CUE_TAGS
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
        ):
            doc = clause.doc
            i = t.left_edge.i
            while i - 1 > clause.left_edge.i and (doc[i - 1].dep_ == "cc" or doc[i - 1].is_punct or doc[i - 1].is_space):
                i -= 1
            cut = token_end(doc[i - 1])
            if cut > clause.left_edge.idx:
                return min(end, cut)
    # "said the plan was dead and warned ...": a conjunction the parser left on the clause's edge.
    last = [t for t in clause.subtree if token_end(t) <= end]
    while len(last) > 1 and last[-1].dep_ == "cc" and last[-1].i == clause.right_edge.i:
        last.pop()
        end = token_end(last[-1])
    return end


def _title_quotation(doc: Doc, r_start: int) -> bool:
    """Is the quotation at ``r_start`` the title of a show or paper ("ABC’s “Good Morning America”")?"""
    before = doc.char_span(0, r_start, alignment_mode="contract")
    words = [t for t in before[-3:] if not t.is_space] if before is not None and len(before) else []
    return bool(words) and words[-1].tag_ == "POS" and words[-1].text in TITLE_QUOTATIONS.words


def _not_speech(tok: Token, lemma: str) -> bool:
    """ "Footage shows ...", "has supported the bill", "to be called X", "was intended to": no one says anything."""
    deps = {c.dep_ for c in tok.children}
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    passive = bool(deps & {"auxpass", "nsubjpass"})
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].lemma_.lower() in NOT_SOURCES.words:
        return True
    if lemma in TRACK_RECORD.words and tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return True
    if lemma in UNTAKEN_STANCE.words and tok.tag_ == "VB":
        return True
    if imperative(tok, opening=True) and lemma not in IMPERATIVE_CUES.words:
        return True
    if lemma in NAMING.words and passive:
        return True
    if lemma in NAMED_NOUN.words and _names_its_noun(tok):
        return True
    if lemma in NOT_INTENTIONS.words and (passive or (tok.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes))):
        return True
    return False


def _names_its_noun(tok: Token) -> bool:
    """ "a group called X", "a worker named Y": a participle right after the noun it modifies."""
    head = tok.head
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or head.i >= tok.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    # "the doctor who sent the letter called Oz a quack": an object and what it is called is a statement.
    if len([c for c in tok.children if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp") and c.i > tok.i]) > 1:
        return False
    return tok.i - head.i == 1


def _is_cue(tok: Token, mask: list[bool], lexicon: CueLexicon) -> bool:
    return tok.tag_.startswith("VB") and lexicon.lemma(tok) in lexicon.frames and not mask[tok.idx]


# ------------------------------------------------------------------------- passes


def _find(doc: Doc, lexicon: CueLexicon) -> tuple[list[Quote], dict[str, Mention]]:
    text = doc_text(doc)
    spans = find_quotes(text)
    mask = quoted_mask(text, spans)
    regions = quotations(text, spans)
    candidates: list[_Candidate] = []

    in_tag = [False] * (len(text) + 1)
    for m in MARKUP_TAG.finditer(text):
        in_tag[m.start():m.end()] = [True] * (m.end() - m.start())
    regions = [r for r in regions if not in_tag[r[0]]]  # an attribute's value is no quotation

    # Pass 1: cue verbs and "according to".
    for tok in doc:
        if in_tag[tok.idx]:
            continue  # a markup tag's words (MARKUP_TAG)
        if tok.lower_ == "according" and not mask[tok.idx]:
            cand = _according(tok, text, mask)
            if cand is not None:
                candidates.append(cand)
            continue
        if not _is_cue(tok, mask, lexicon):
            continue
        lemma = lexicon.lemma(tok)
        if _not_speech(tok, lemma):
            continue
        frames = lexicon.frames[lemma]
        if (INFINITIVE in frames or lemma in SAID_TO.words) and any(c.dep_ == "nsubjpass" for c in tok.children):
            # "Clinton is expected to win": what is expected of the subject, by whom the parse may say.
            frames = (RAISING, *frames)
        found = _frame_content(tok, frames, lexicon)
        subject = subject_of(tok, mask)
        if lemma in ASKING.words and _passive_form(tok):
            subject = agent_of(tok)  # "Sanders was asked if ...": the one asked is no speaker (ASKING)
        if found is not None and found[2] == RAISING:
            if _is_cue(found[0], mask, lexicon) and lexicon.frames[lexicon.lemma(found[0])][:1] == (CLAUSE,) and any(
                c.dep_ == "ccomp" for c in found[0].children
            ):
                continue  # "She appeared to imply that ...": the speech cue it seems to do reports the content
            subject = agent_of(tok)
        if subject is None:
            # "Two officials briefed on the talks, ..., said": the parser made the speaker a clause.
            before = [c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i and c.tag_ in ("VBN", "VBD")]
            if before and any(c.dep_ == "nsubj" for c in before[0].children):
                subject = before[0]
        participle = _participle_content(tok, lemma, mask, lexicon) if found is None else None
        passive = _passive_agent_content(tok, lemma) if found is None and participle is None else None
        if found is not None:
            _, (start, end), rule = found
            if rule in (INFINITIVE, OBJECT_AND_REST, OBJECT_AS):
                start = _relative_start(tok, start)
            elif rule == CLAUSE:
                if _quotation_of_later_cue(tok, found[0], text, regions, mask, lexicon):
                    continue
                end = _before_second_cue(found[0], end, mask, lexicon)
                end = _conjoined_report(tok, found[0], end, text, lexicon)
                start = _extracted_start(tok, found[0], start)
        elif participle is not None:
            # "..., promising impossible growth in return": what the participle goes on to say.
            (start, end), rule = participle, "participle"
        elif passive is not None:
            # "Trump was criticized by his rivals for ...": the agent's view of the subject (PASSIVE_AGENT_CUES).
            (start, end), rule = passive, "passive"
            subject = agent_of(tok)
        elif (
            tok.dep_ in ("parataxis", "ccomp", "advcl")
            and CLAUSE in frames
            and (lemma in lexicon.quotable or _parenthetical(tok))
            and (tok.head.i < tok.i or (tok.dep_ == "parataxis" and _set_off(tok)))
            and tok.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("auxpass", "agent") for c in tok.children)
        ):
            # "The talks will resume, officials said": the parser hung the cue off its content.
            skip = {t.i for t in tok.subtree}
            if any(c.dep_ in ("mark",) for c in tok.children):
                continue
            if tok.dep_ == "ccomp" and _is_cue(tok.head, mask, lexicon) and not comma_before(tok):
                continue  # "Morell said the agency had warned ...": the cue is what the cue before it reports
            start, end = _subtree_span(tok.head, skip)
            start = max(start, tok.sent.start_char)
            if start < tok.left_edge.idx and _set_off(tok) and end > token_end(tok.right_edge):
                # "In the long run, many economists say, this effect could ripple ...": the cue in the middle.
                end = min(end, tok.sent.end_char)
            else:
                end = min(end, tok.idx)
            # "Mr. Ryan said, “democracy is ...”": the quotation after the cue is the content.
            start = _quotation_after_cue(tok, text, regions, start)
            start = _after_conjunction(text, start, end, mask)
            rule = "inverted"
        elif _as_cue(tok) and CLAUSE in frames:
            # "As the paper noted, trust in government is collapsing": the main clause (AS_MARKS).
            skip = {t.i for t in tok.subtree}
            words = [t for t in tok.head.subtree if t.i not in skip and not t.is_space and t.i < tok.sent.end]
            while words and (words[0].is_punct or words[0].dep_ == "cc") and not mask[words[0].idx]:
                words.pop(0)
            if not words:
                continue
            start, end = char_span(words)
            start = _after_conjunction(text, start, end, mask)
            rule = "as"
        elif tok.dep_ == "advcl" and tok.head.i > tok.i and tok.head.dep_ == "ccomp":
            # "While Hamas has said a ceasefire should ...": the clause was made the cue's head.
            last = tok.right_edge.i
            after = [t for t in tok.head.subtree if t.i > last and not t.is_space]
            if not after or after[0].i != last + 1:
                continue
            start, end = char_span(after)
            rule = "raised"
        else:
            continue
        start, end = _trim(text, _after_opener(text, start, end, mask), end)
        if end - start < 2:
            continue
        start, end = grow_to_quotes(start, end, regions)
        if found is not None and tok.idx < start:
            end = _quotation_after_content(doc, end, regions)
        para = paragraph_start(doc, tok)
        start = max(start, para) if start < para <= tok.idx else start
        cand = _Candidate(start, end, tok, subject, f"{lemma}:{rule}")
        if found is not None and rule == OBJECT and found[0].dep_ == "dobj":
            core = _trim(text, start, _object_core(tok, found[0], end))[1]
            if start < core < end and not mask[core - 1]:
                cand.core_end = core
        candidates.append(cand)

    turns = _transcript_turns(doc, text, lexicon)
    if not turns:
        candidates.extend(_colon_candidates(doc, text, lexicon))
    candidates.extend(_source_in_candidates(doc, text, mask, lexicon))
    candidates.extend(_to_source_candidates(doc, text, mask, lexicon))
    candidates.extend(_signed_lines(doc, text))
    for cand in _noun_candidates(doc, text, mask, lexicon):
        if not _restated(cand, candidates):
            candidates.append(cand)

    # Pass 2: quotations not yet covered look for their cue.
    for r_start, r_end in regions:
        if _covered(r_start, r_end, candidates, text):
            continue
        cand = _quote_candidate(doc, r_start, r_end, mask, candidates, lexicon)
        if cand is not None:
            candidates.append(cand)

    if turns:
        # In a transcript the turn is the quote: what a speaker reports inside it is part of it.
        regions_of_turns = [(t.start, t.end) for t in turns]
        candidates = [c for c in candidates if not _inside_turn(c, regions_of_turns, text)]
        candidates.extend(turns)
    for cand in candidates:
        _bound(doc, cand, text, regions, mask)
        _after_dash(cand, text, regions)
    candidates = [c for c in candidates if not _in_note(c, text)]
    candidates = _dedupe(candidates, text)
    candidates = _drop_nested(candidates, lexicon)
    # A content cut short only now still holds the cues it covered: they are no quotes of their own.
    for cand in candidates:
        if cand.core_end is not None and "+" not in cand.rule and cand.start < cand.core_end < cand.end:
            cand.end = cand.core_end
    return _records(doc, candidates, mask, lexicon)


def _in_note(cand: _Candidate, text: str) -> bool:
    """Is the candidate in a paragraph the paper labels its own note ("Editor’s note: ...", NOTE_LABELS)?"""
    at = cand.cue.idx if cand.cue is not None else cand.start
    para = text.rfind("\n", 0, at) + 1
    label, colon, _ = text[para:para + 40].partition(":")
    return bool(colon) and label.strip().lower() in NOTE_LABELS.words


def _bound(doc: Doc, cand: _Candidate, text: str, regions: list[tuple[int, int]], mask: list[bool]) -> None:
    """A quotation's content ends at its closing mark when its speaker or cue follows right after
    ("“A,” Trump said in May of ...": :data:`~chronicle.nlp.quote_rules.BOUNDARIES`), unless the cue
    has a clause of its own after it or the quoted clause goes on after the cue ("“A,” she said, would ...")."""
    cue = cand.cue
    if cand.speaker_label is not None or cue is None:
        return
    anchors = [cue.idx]
    if cand.subject is not None:
        anchors.append(cand.subject.left_edge.idx)
    for at in sorted(a for a in anchors if cand.start < a < cand.end):
        closed = [r for r in regions if cand.start <= r[0] and r[1] <= at]
        if not closed or any(at <= r[0] < cand.end for r in regions):
            continue
        r_end = closed[-1][1]
        if len(text[r_end:at].split()) > BOUNDARIES.attribution_gap:
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > cue.i for c in cue.children):
            continue  # "“This Week,” Carson admitted that ...": the cue's own clause follows it
        after = doc.char_span(token_end(cue), cand.end, alignment_mode="contract")
        if after is not None and any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("relcl", "acl", "advcl") and not mask[t.idx] for t in after
        ):
            continue  # "“Only you,” she said, would use ...": the quoted clause goes on after the cue
        cand.start, cand.end = _trim(text, cand.start, r_end)
        return
    _end_at_closing_comma(cand, text, regions)
    _end_at_quoted_comma(doc, cand, text, regions, mask)


def _after_dash(cand: _Candidate, text: str, regions: list[tuple[int, int]]) -> None:
    """ "Neither man was impressed - ''Born with a silver spoon,'' Mr. Smith said": a content before its cue whose
    last quotation opens in upper case behind a dash starts at that quotation (DASH_QUOTATION)."""
    cue = cand.cue
    if cue is None or cand.speaker_label is not None or not cand.start < cue.idx:
        return
    inside = [r for r in regions if cand.start < r[0] and r[1] <= cue.idx]
    if not inside or any(inside[-1][1] <= r[0] < cue.idx for r in regions if r != inside[-1]):
        return
    r_start, r_end = inside[-1]
    words = text[r_start:r_end].lstrip("“\"'‘ ")
    if not words[:1].isupper() or text[cand.start:r_start].rstrip().split()[-1:] not in [[d] for d in DASH_QUOTATION.words]:
        return
    cand.start = r_start


def _end_at_quoted_comma(doc: Doc, cand: _Candidate, text: str, regions: list[tuple[int, int]], mask: list[bool]) -> None:
    """ "insisted that he has “expanded the Republican party,” claiming that ...": a reported clause whose last
    quotation closes on a comma ends there when the words after it are the speaker's next act, a participle or a
    speech cue, not more of the clause (:data:`~chronicle.nlp.quote_rules.QUOTED_COMMA`)."""
    cue = cand.cue
    if cue is None or cue.idx >= cand.start:
        return
    inside = [r for r in regions if cand.start <= r[0] and r[1] < cand.end]
    if not inside:
        return
    r_start, r_end = inside[-1]
    if text[r_start:r_end].rstrip("”’\"' ")[-1:] != ",":
        return
    after = doc.char_span(r_end, cand.end, alignment_mode="contract")
    words = [t for t in after if not (t.is_punct or t.is_space)] if after is not None else []
    if not words or any(mask[t.idx] for t in words):
        return
    first = words[0]
    if first.tag_ in QUOTED_COMMA.tags or any(t.lemma_.lower() in QUOTED_COMMA.cues for t in words[:6]):
        cand.end = _trim(text, cand.start, r_end)[1]


def _end_at_closing_comma(cand: _Candidate, text: str, regions: list[tuple[int, int]]) -> None:
    """ "“His legend will live on,” Spencer said, as ...": a quotation of a few words or more that closes on a comma,
    followed in the content by the cue and no other quotation, ends the content (the cue may also follow the
    content: "“Yes, I support Ted Cruz,” Brent Bozell III, founder of ..., tells ...";
    :data:`~chronicle.nlp.quote_rules.BOUNDARY_EXAMPLES`)."""
    cue = cand.cue
    inside = [r for r in regions if cand.start <= r[0] and r[1] < cand.end]
    if cue is None or not inside:
        return
    r_start, r_end = inside[-1]
    if any(r_end <= r[0] < cand.end for r in regions) or cue.idx < r_end:
        return
    tail = text[r_end:cand.end].lstrip()
    closing = text[r_start:r_end].rstrip("”’\"' ")
    if not closing.endswith(",") or not tail[:1].isalnum() or len(closing.split()) < BOUNDARIES.closing_comma_words:
        return
    cand.start, cand.end = _trim(text, cand.start, r_end)


def _noun_candidates(doc: Doc, text: str, mask: list[bool], lexicon: CueLexicon) -> list[_Candidate]:
    """ "Trump's claim that the election was stolen", "the army issued a warning that ...": noun cues."""
    found = []
    for tok in doc:
        if tok.pos_ != "NOUN" or mask[tok.idx]:
            continue
        slots = lexicon.noun_frames.get(tok.lemma_.lower())
        if not slots:
            continue
        speaker = _noun_speaker(tok)
        content = None
        for slot in slots:
            if slot == CLAUSE:
                for c in tok.children:
                    if c.dep_ in ("acl", "ccomp", "appos") and c.i > tok.i and any(
                        m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children
                    ):
                        content = (c, _subtree_span(c))
                        break
            elif slot == INFINITIVE:
                for c in tok.children:
                    if c.dep_ in ("acl", "xcomp", "relcl", "advcl") and c.i > tok.i and c.tag_ == "VB" and any(
                        a.dep_ == "aux" and a.lower_ == "to" and a.i == c.left_edge.i for a in c.children
                    ):
                        content = (c, _subtree_span(c))
                        break
            elif speaker is not None:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == slot and c.i == tok.i + 1:
                        objects = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                        if objects:
                            content = (objects[0], _np_span(objects[0]))
                        break
            if content is not None:
                break
        if content is None and tok.dep_ == "dobj":
            # "issued a warning that ...", "doubt the president’s vow to cut taxes": the parser hung
            # the noun's clause on the verb; it starts right after the noun.
            for c in tok.head.children:
                if c.left_edge.i != tok.right_edge.i + 1 or c.i <= tok.i:
                    continue
                if CLAUSE in slots and c.dep_ == "ccomp" and c.left_edge.lower_ == "that":
                    content = (c, _subtree_span(c))
                elif INFINITIVE in slots and c.dep_ in ("advcl", "xcomp") and c.left_edge.lower_ == "to":
                    content = (c, _subtree_span(c))
        if content is None:
            continue
        start, end = _trim(text, *content[1])
        if end - start < 2 or mask[start]:
            continue
        s_span = None
        if speaker is not None:
            # "Trump’s claim": the possessor without its case marker.
            words = [t for t in speaker.subtree if t.tag_ != "POS" and t.dep_ != "case" and not t.is_space
                     and not (t.is_punct and t.i == speaker.right_edge.i)]
            s_span = char_span(words or [speaker])
        found.append(_Candidate(start, end, tok, speaker, f"{tok.lemma_.lower()}:noun", speaker=s_span))
    return found


def _restated(noun: _Candidate, candidates: list[_Candidate]) -> bool:
    """Is a noun cue's quote already a verb cue's? The same words, or the verb's object with the
    verb's speaker ("The governor announced {her support for ...}"); "The courts rejected
    {Trump’s claim that ...}" holds a quote of its own, by Trump."""
    for other in candidates:
        if other.end <= noun.start or noun.end <= other.start:
            continue
        inside = min(other.end, noun.end) - max(other.start, noun.start)
        if inside >= 0.8 * (other.end - other.start):
            return True
        if other.start <= noun.cue.idx < other.end and other.cue is not None and (
            noun.subject is None or (noun.subject.pos_ == "PRON" and other.cue.lemma_.lower() in ISSUING_VERBS)
        ):
            return True
    return False


def _noun_speaker(noun: Token) -> Token | None:
    """Whose claim: its possessor, "by"/"from" X, or the subject of "issued a warning"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > noun.i:
            objects = [g for g in c.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in ISSUING_VERBS:
        return subject_of(head)
    if noun.dep_ == "pobj" and head.lower_ in NOUN_CUE_PREPOSITIONS.words:
        # "says in a statement that ...", "backed away from a suggestion that ...": the verb's subject.
        verb = head.head if head.head.pos_ == "VERB" else head.head.head
        if verb.pos_ == "VERB" and verb.i < noun.i:
            return subject_of(verb)
    return None


def _inside_turn(cand: _Candidate, turns: list[tuple[int, int]], text: str) -> bool:
    at = cand.cue.idx if cand.cue is not None else cand.start
    for start, end in turns:
        # A turn's region runs from its label's paragraph to the next label.
        para = text.rfind("\n", 0, start) + 1
        if para <= at < end or (para <= cand.start < end):
            return True
    return False


def _transcript_turns(doc: Doc, text: str, lexicon: CueLexicon) -> list[_Candidate]:
    """ "MR PRICE: ...", "QUESTION: ...": each turn of a transcript is a direct quote of its speaker.

    An article is a transcript when at least TRANSCRIPT_MIN_TURNS paragraphs open with an
    upper-case label and a colon. A turn runs through the paragraphs after its label up to the
    next label; a stage direction between sentences ("(Laughter.)") splits it and is left out.
    A generic label (GENERIC_SPEAKERS) is the press, a host or the floor, with no actor; a
    person's label points at the actor of that person (:func:`_label_actor`).
    """
    labels = []
    closings = []  # paragraphs that close an article after its last turn ("Follow ... on Twitter")
    for p_start, p_end in paragraphs(text):
        if TURN_CLOSING.match(text, p_start, p_end):
            closings.append(p_start)
        match = TRANSCRIPT_LABEL.match(text, p_start, p_end)
        if match is None or not any(c.isalpha() for c in match.group(1)):
            continue
        word = match.group(1).strip().lower()
        # "UPDATE:", "NOTE:" name no speaker; "QUESTION:" does, though no person.
        if word in lexicon.not_speakers and word not in GENERIC_SPEAKERS and word not in INTERVIEWEE_LABELS.words:
            continue
        labels.append(match)
    if len(labels) < TRANSCRIPT_MIN_TURNS:
        return []
    found: list[_Candidate] = []
    for n, match in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        # a closing stage direction or note paragraph at the end of the article is no part of the turn
        start = match.end()
        end = min([c for c in closings if start < c < end] or [end])
        note = TURN_NOTE.match(text, start)
        if note is not None:
            start = note.end()
        label = match.group(1).strip()
        s_start, s_end = match.span(1)
        generic = GENERIC_SPEAKERS.get(label.lower()) or GENERIC_SPEAKERS.get(label.split()[-1].lower())
        ids = () if generic else _label_actor(doc, label, s_start, s_end)
        pieces = []
        for stage in STAGE_DIRECTION.finditer(text, start, end):
            pieces.append((start, stage.start()))
            start = stage.end()
        pieces.append((start, end))
        span = doc.char_span(s_start, s_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        for a, b in pieces:
            a, b = _trim(text, a, b)
            while b - a > 2 and text[b - 1] in "\"“" and text[b - 2].isspace():
                b = _trim(text, a, b - 1)[1]  # the opening mark of the next quoted paragraph ("\"(CROSSTALK.)")
            if b - a < 2 or not any(c.isalnum() for c in text[a:b]):
                continue
            found.append(_Candidate(
                a, b, None, span[-1], "transcript:press" if generic == "PRESS" else "transcript",
                speaker=(s_start, s_end), cue_text=(s_end, s_end + 1),
                speaker_label=generic or "PERSON", ids=ids,
            ))
    return found


def _label_actor(doc: Doc, label: str, start: int, end: int) -> tuple[str, ...]:
    """The actor a transcript label names: the person of that surname ("MR PRICE" → Ned Price),
    the fullest name first; else the actor found at the label itself."""
    surname = label.split()[-1].casefold()
    people = [
        a for a in doc._.actors or ()
        if a.kind == "person" and a.name.split() and a.name.split()[-1].casefold().strip(".,") == surname
    ]
    if people:
        best = max(people, key=lambda a: (not a.name.isupper(), len(a.name.split()), len(a.mentions)))
        return (best.id,)
    actor = actor_at(doc, start, end)
    if actor is not None and actor.kind == "person":
        return (actor.id,)
    return ()


def _drop_nested(candidates: list[_Candidate], lexicon: CueLexicon) -> list[_Candidate]:
    """A cue inside another quote's content ("she said they support a ban") is part of what was said."""
    kept = []
    for cand in candidates:
        if cand.cue is not None and lexicon.lemma(cand.cue) not in lexicon.nested and not cand.rule.endswith(":noun") and any(
            other is not cand and other.cue is not None and other.start <= cand.cue.idx < _nesting_end(other)
            for other in candidates
        ):
            continue
        kept.append(cand)
    return kept


def _nesting_end(cand: _Candidate) -> int:
    """Where a candidate's content ends for the cues inside it: an object's content ends at its core (OBJECT_TAIL),
    so a cue set off after the core ("attacked Romney, calling him “a failed candidate”") keeps its own quote."""
    if cand.core_end is not None and "+" not in cand.rule and cand.start < cand.core_end < cand.end:
        return cand.core_end
    return cand.end


def _according(tok: Token, text: str, mask: list[bool]) -> _Candidate | None:
    to = [c for c in tok.children if c.lower_ == "to"]
    if not to:
        return None
    objects = [g for g in to[0].children if g.dep_ == "pobj"]
    if not objects:
        return None
    head = tok.head
    if head == tok:
        return None
    skip = {t.i for t in tok.subtree}
    first, last = min(skip), max(skip)
    rest = [t for t in head.subtree if t.i not in skip and not t.is_space]
    before = [t for t in rest if t.i < first]
    after = [t for t in rest if t.i > last]
    side = before if len(before) >= len(after) else after
    if not side:
        return None
    start, end = char_span(side)
    doc = tok.doc
    words_before = [t for t in before if not (t.is_punct or t.is_space)]
    words_after = [t for t in after if not (t.is_punct or t.is_space)]
    if (
        words_before and words_after and first > 0 and last + 1 < len(doc)
        and doc[first - 1].text == "," and doc[last + 1].text == ","
    ):
        # "Fundraising, according to the campaign, has surged": the phrase inside its clause, which is the content.
        start, end = char_span(before + [t for t in after if t.i <= words_after[-1].i])
    sent = tok.sent
    if side is before and not any(t.is_alpha for t in tok.doc[last + 1:sent.end]):
        # "Trump received 37 percent, Clinton had 36 percent and Bloomberg 13, according to the poll": the
        # phrase closing its sentence gives the whole sentence before it, not only the clause it hangs from.
        start = sent.start_char
    start, end = max(start, sent.start_char), min(end, sent.end_char)
    start, end = _trim(text, start, end)
    start, end = _trim(text, _after_opener(text, start, end, mask), end)
    start = _after_conjunction(text, start, end, mask)
    if end - start < 2:
        return None
    cue = (tok.idx, token_end(to[0]))
    speaker = None
    lost = _lost_subject(head, objects[0], last)
    if lost is not None and side is after:
        # "According to the exit polls, majorities of voters say ...": the parser made the clause's subject an
        # apposition of the source; the content starts at it, the source ends before its comma.
        start = lost.left_edge.idx
        speaker = char_span([t for t in objects[0].subtree if t.i < lost.left_edge.i and not (t.is_punct or t.is_space)])
    return _Candidate(start, end, tok, objects[0], "according_to", speaker=speaker, cue_text=cue)


def _lost_subject(head: Token, source: Token, last: int) -> Token | None:
    """The subject of ``head`` that the parser hung as an apposition after a comma at the end of the source of
    "according to", when ``head`` has no subject of its own."""
    if head.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in head.children):
        return None
    apps = [t for t in source.subtree if t.dep_ == "appos" and t.i > source.i]
    if not apps:
        return None
    app = apps[-1]
    doc = head.doc
    if app.right_edge.i != last or app.left_edge.i == 0 or doc[app.left_edge.i - 1].text != "," or head.i <= last:
        return None
    return app


def _colon_candidates(doc: Doc, text: str, lexicon: CueLexicon) -> list[_Candidate]:
    """ "Lewandowski: FBI director acted as 'judge and jury'", "PENCE: Well, ...": a name, a colon, what they said."""
    found = []
    for n, (p_start, p_end) in enumerate(paragraphs(text)):
        match = SPEAKER_LABEL.match(text, p_start, p_end)
        if match is None and n == 0:
            found.extend(_title_candidate(doc, text, p_start, p_end, lexicon))
            continue
        label = match.group(1).strip().lower() if match is not None else ""
        if label in NOT_TITLE_SPEAKERS.words or label.split(" ")[0] in NOT_TITLE_SPEAKERS.words:
            continue
        if match is None or label in lexicon.not_speakers:
            if n == 0 and match is not None:
                found.extend(_title_candidate(doc, text, p_start, p_end, lexicon))
            continue
        s_start, s_end = match.span(1)
        start, end = _trim(text, match.end(), p_end)
        if len(text[start:end].split()) < 2:
            continue
        span = doc.char_span(s_start, s_end, alignment_mode="expand")
        if span is None or len(span) == 0 or any(t.like_num for t in span):
            continue
        colon = match.end(1)
        found.append(
            _Candidate(start, end, None, span[-1], "colon", speaker=(s_start, s_end), cue_text=(colon, colon + 1))
        )
    return found


def _title_candidate(doc: Doc, text: str, p_start: int, p_end: int, lexicon: CueLexicon) -> list[_Candidate]:
    """ "Clinton camp: Trump’s rhetoric threatens ...", "Poll: Sanders leads ...": a title line's label is its source."""
    match = TITLE_LABEL.match(text, p_start, p_end)
    if match is None:
        return []
    label = match.group(1).strip()
    words = label.lower().split()
    if (
        len(words) > TITLE_LABEL_WORDS
        or (label.lower() in lexicon.not_speakers and label.lower() not in TITLE_SOURCES.words)
        or label.lower() in NOT_TITLE_SPEAKERS.words
        or words[0] in NOT_TITLE_SPEAKERS.words
    ):
        return []
    s_start, s_end = match.span(1)
    for m in re.finditer(r"\s(\w+)\s", label):
        if m.group(1).lower() in TITLE_LABEL_ENDS:
            s_end = s_start + m.start()
            break
    start, end = _trim(text, match.end(), p_end)
    span = doc.char_span(s_start, s_end, alignment_mode="expand")
    if len(text[start:end].split()) < 2 or span is None or len(span) == 0 or any(t.like_num for t in span):
        return []
    if _is_cue(span[-1], [False] * len(text), lexicon):
        return []  # "Morell said: the agency ...": the line's own cue verb gives the quote
    colon = match.end(1)
    return [_Candidate(start, end, None, span[-1], "colon", speaker=(s_start, s_end), cue_text=(colon, colon + 1))]


def _source_in_candidates(doc: Doc, text: str, mask: list[bool], lexicon: CueLexicon) -> list[_Candidate]:
    """ "In a new Fox News poll released Thursday, Donald Trump achieved 45 percent": the clause, by the poll."""
    found = []
    for tok in doc:
        if tok.lower_ != "in" or tok.dep_ != "prep" or mask[tok.idx]:
            continue
        objects = [c for c in tok.children if c.dep_ == "pobj"]
        head = tok.head
        if not objects or objects[0].lemma_.lower() not in lexicon.source_nouns or head.i < tok.i or head.pos_ not in ("VERB", "AUX"):
            continue
        if _is_cue(head, mask, lexicon) or head.sent.start != tok.sent.start:
            continue
        skip = {t.i for t in tok.subtree}
        speaker = objects[0]
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.i > max(skip)]
        if objects[0].lemma_.lower() in VENUE_NOUNS.words and subjects:
            # "In an interview, Clinton laughed off the attack ad": Clinton says what follows the verb (VENUE_NOUNS).
            speaker = subjects[0]
            # not a second verb ("and said ...") nor the speaker's next act (", saying ...")
            skip |= {t.i for c in head.children if c.dep_ in ("conj", "cc") or (c.dep_ == "advcl" and c.i > head.i
                     and comma_before(c)) for t in c.subtree}
            rest = [t for t in head.subtree if t.i not in skip and not t.is_space and t.i > head.i]
            while rest and rest[0].head == head and rest[0].dep_ in ("prt", "prep"):
                rest.pop(0)
            if not any(t.dep_ in ("dobj", "ccomp", "xcomp", "pobj", "pcomp") and head in (t.head, t.head.head)
                       for t in rest):
                continue  # "In an interview, Sanders went even further": nothing said
            while rest and (rest[-1].is_punct and rest[-1].head == head):
                rest.pop()
        else:
            rest = [t for t in head.subtree if t.i not in skip and not t.is_space and t.i > max(skip)]
        if not rest:
            continue
        start, end = _trim(text, *char_span(rest))
        if end - start < 2:
            continue
        found.append(_Candidate(start, end, None, speaker, "in_source", cue_text=(tok.idx, token_end(tok))))
    return found


def _to_source_candidates(doc: Doc, text: str, mask: list[bool], lexicon: CueLexicon) -> list[_Candidate]:
    """ "To Ms. Gil, skateboarding represents a cry of dissent": a sentence opened by "To" and someone, set off by a
    comma, is that someone's view of the rest of the clause (:data:`~chronicle.nlp.quote_rules.TO_SOURCES`)."""
    found = []
    for tok in doc:
        if tok.lower_ != "to" or tok.dep_ != "prep" or mask[tok.idx]:
            continue
        words = [t for t in tok.sent if not (t.is_space or (t.is_punct and t.i < tok.i))]
        lead = [t for t in words if t.i < tok.i]
        if len(lead) > 1 or (lead and lead[0].text not in OPENERS_CONJUNCTIONS.words):
            continue
        objects = [c for c in tok.children if c.dep_ == "pobj"]
        head = tok.head
        if not objects or head.i < tok.i or head.pos_ not in ("VERB", "AUX") or _is_cue(head, mask, lexicon):
            continue
        who = objects[0]
        if not (who.ent_type_ in ("PERSON", "NORP", "ORG") or who.lower_ in TO_SOURCES.words):
            continue
        last = tok.right_edge.i
        if last + 1 >= len(doc) or doc[last + 1].text != ",":
            continue
        rest = [t for t in head.subtree if t.i > last + 1 and not t.is_space]
        if not rest or rest[0].i > head.i:
            continue  # the clause has its subject after the phrase
        start, end = _trim(text, *char_span(rest))
        if end - start < 2:
            continue
        found.append(_Candidate(start, end, None, who, "to_source", cue_text=(tok.idx, token_end(tok))))
    return found


def _covered(start: int, end: int, candidates: list[_Candidate], text: str) -> bool:
    letters = [i for i in range(start, end) if text[i].isalnum()]
    if not letters:
        return True
    for cand in candidates:
        inside = sum(1 for i in letters if cand.start <= i < cand.end)
        if inside * 2 >= len(letters):
            return True
    return False


def _quote_candidate(
    doc: Doc, r_start: int, r_end: int, mask: list[bool], candidates: list[_Candidate], lexicon: CueLexicon
) -> _Candidate | None:
    first = doc.char_span(r_start, r_end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    start_sent, end_sent = first[0].sent, first[-1].sent
    options: list[tuple[int, Token]] = []
    for sent in {start_sent.start: start_sent, end_sent.start: end_sent}.values():
        for tok in sent:
            if r_start <= tok.idx < r_end or mask[tok.idx]:
                continue
            if tok.tag_.startswith("VB") and lexicon.lemma(tok) in lexicon.quotable:
                distance = tok.idx - r_end if tok.idx >= r_end else r_start - token_end(tok)
                options.append((distance, tok))
    rule = "quote"
    if not options:
        # "He added:" in the sentence before.
        prev = _prev_sentence(doc, start_sent)
        if prev is not None and prev.text.rstrip().endswith(":"):
            for tok in prev:
                if not mask[tok.idx] and tok.tag_.startswith("VB") and lexicon.lemma(tok) in lexicon.frames:
                    options.append((r_start - token_end(tok), tok))
            if not options:
                # "The campaign issued the following statement:": a statement noun someone issues.
                for tok in prev:
                    if (
                        not mask[tok.idx]
                        and tok.pos_ == "NOUN"
                        and tok.lemma_.lower() in lexicon.statement_nouns
                        and tok.dep_ == "dobj"
                        and tok.head.lemma_.lower() in ISSUING_VERBS
                        and _noun_speaker(tok) is not None
                    ):
                        options.append((r_start - token_end(tok), tok))
            rule = "quote_colon"
    options = [o for o in options if _adjacent(doc, o[1], r_start, r_end, mask)]
    if not options:
        options = _next_sentence_cue(doc, end_sent, r_end, mask, lexicon)
        rule = "quote_next" if options else rule
    if not options:
        options = _placed_cue(doc, r_start, r_end, mask)
        rule = "placed" if options else rule
    if not options:
        led = (
            _colon_lead(doc, r_start, r_end, mask)
            or _cue_word_after(doc, r_start, r_end, mask, lexicon)
            or _signed_below(doc, r_start, r_end)
        )
        if led is not None:
            return led
        _continue_previous(doc, r_start, r_end, candidates, mask)
        return None
    options.sort(key=lambda o: o[0])
    cue = options[0][1]
    # A quotation split by its cue: join the content that cue already has.
    for cand in candidates:
        if cand.cue is not None and cand.cue == cue:
            if r_end <= cand.start and not mask[cand.start] and _held_before(doc, r_start, r_end):
                # "on ''Morning Joe,'' adding that ...": a title quoted before the cue of a reported clause, held by
                # a word before it, is no half of a split quotation (SPLIT_TITLE_EXAMPLES).
                return None
            cand.start, cand.end = min(cand.start, r_start), max(cand.end, r_end)
            cand.rule += "+split"
            return None
    start = r_start
    if cue.idx < r_start:
        # "Iran, he said, “won’t ask ...”": words before the cue that belong to the quoted clause.
        for tok in cue.sent:
            if tok.idx >= cue.idx:
                break
            if tok.is_punct or tok.is_space or mask[tok.idx]:
                continue
            if _attached_inside(tok, r_start, r_end, cue):
                # Only the quoted clause's own subject ("Iran, he said, “won’t ask ...”"), not a phrase set before
                # the speaker ("Asked about it, he said, “...”": QUOTE_AFTER_CUE).
                if any(
                    t.dep_ in QUOTE_AFTER_CUE.subject_deps and r_start <= t.head.idx < r_end and not mask[t.idx]
                    for t in cue.doc[tok.i:cue.i]
                ):
                    start = min(start, tok.idx)
                break
    subject = _noun_speaker(cue) if cue.pos_ == "NOUN" else subject_of(cue, mask)
    return _Candidate(start, r_end, cue, subject, f"{lexicon.lemma(cue)}:{rule}")


def _held_before(doc: Doc, r_start: int, r_end: int) -> bool:
    """Does a word of the quotation hang from a word before it ("appeared on “Morning Joe,”")?"""
    span = doc.char_span(r_start, r_end, alignment_mode="contract")
    return span is not None and any(
        t.head.idx < r_start and not (t.is_punct or t.is_space) for t in span if t.head.i < span.start
    )


def _next_sentence_cue(
    doc: Doc, sent: Span, r_end: int, mask: list[bool], lexicon: CueLexicon
) -> list[tuple[int, Token]]:
    """ "“Is that all there is?” Trump said.": the parser ended the sentence with the quotation."""
    text = doc_text(doc)
    if sent.end >= len(doc) or text[r_end:sent.end_char].strip() or "\n" in text[r_end:doc[sent.end].idx]:
        return []
    nxt = doc[sent.end].sent
    for tok in nxt:
        if tok.i - nxt.start > 12:
            break
        if tok.tag_.startswith("VB") and lexicon.lemma(tok) in lexicon.quotable and not mask[tok.idx]:
            if any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children):
                return []
            if _adjacent(doc, tok, r_end - 1, r_end, mask):
                return [(tok.idx - r_end, tok)]
            return []
    return []


def _placed_verb(tok: Token) -> bool:
    """A finite verb of its own (not "be" or "have") with a subject that names someone."""
    if tok.tag_ not in PLACED_CUE.tags or tok.pos_ != "VERB" or tok.lemma_.lower() in PLACED_CUE.not_verbs:
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubj",)]
    return bool(subjects) and subjects[0].lower_ not in PLACED_CUE.not_subjects


def _placed_cue(doc: Doc, r_start: int, r_end: int, mask: list[bool]) -> list[tuple[int, Token]]:
    """ "“Quiet,” he demanded.", "Hannity interjected: “So ...?”": a quotation set off against a subject and
    a verb is what they said, whatever the verb (:data:`~chronicle.nlp.quote_rules.PLACED_CUE`)."""
    text = doc_text(doc)
    span = doc.char_span(r_start, r_end, alignment_mode="expand")
    if span is None or len(span) == 0 or _title_quotation(doc, r_start):
        return []
    # After: "“...,” he barked", "“...!” beamed Donald Hartley", "“...,” the email read".
    j = span[-1].i + 1
    closing = text[r_start:r_end].rstrip("”’\"' ")
    closes = closing.endswith(PLACED_CUE.closing)
    if j < len(doc) and doc[j].text == "," and doc[j].idx == r_end:
        closes, j = True, j + 1
    # The quotation opens its sentence or paragraph: not a phrase quoted inside a sentence ("his “rant,” he ...").
    opens = not text[min(span[0].sent.start_char, r_start):r_start].strip() or not text[
        text.rfind("\n", 0, r_start) + 1:r_start].strip()
    if closes and opens:
        window = []
        for tok in doc[j:j + PLACED_CUE.window]:
            if tok.is_space or tok.is_punct or mask[tok.idx]:
                break
            window.append(tok)
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("nsubj", "compound", "amod"):
                break  # a name the tagger took for a verb ("Trump shot back") is still the subject
        verb = window[-1] if window else None
        if verb is not None and _placed_verb(verb) and not any(
            c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children
        ):
            subject = next(c for c in verb.children if c.dep_ == "nsubj")
            before = window[:-1]
            inverted = not before and subject.i > verb.i and subject.i - verb.i <= 3
            if inverted or (before and all(t.i in {s.i for s in subject.subtree} or t.head == verb for t in before)
                            and subject.i < verb.i):
                return [(verb.idx - r_end, verb)]
    # Before: "Hannity interjected: “...”", "Hillary shot back, “...”" -- the quotation ends the sentence.
    k = span[0].i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 1 or doc[k].text not in PLACED_CUE.lead or "\n" in text[token_end(doc[k]):r_start]:
        return []
    tail = text[r_end:max(r_end, _last_word(span).sent.end_char)]
    if tail.strip(" \t.,;!?”’\"'") and "\n" not in tail:
        return []
    last = doc[k - 1]
    verb = last if last.pos_ == "VERB" else last.head
    if verb.i >= last.i + 1 or verb.i < last.i - PLACED_CUE.particles or mask[verb.idx] or not _placed_verb(verb):
        return []
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    if subject.i > verb.i:
        return []
    for tok in doc[verb.i + 1:last.i + 1]:
        if tok.head != verb or tok.dep_ not in PLACED_CUE.particle_deps:
            return []
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > last.i for c in verb.children if c.idx < r_start):
        return []
    return [(r_start - token_end(last), verb)]


def _last_word(span: Span) -> Token:
    """The quotation's last word: its closing mark may open the next sentence in the parse."""
    return next((t for t in reversed(span) if not (t.is_punct or t.is_space)), span[-1])


def _colon_lead(doc: Doc, r_start: int, r_end: int, mask: list[bool]) -> _Candidate | None:
    """ "She then addressed the supporters again: “Here is what I regret.”": a whole sentence quoted after a
    colon is said by the subject of the clause before the colon (:data:`~chronicle.nlp.quote_rules.COLON_LEAD`)."""
    text = doc_text(doc)
    span = doc.char_span(r_start, r_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    k = span[0].i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 1 or doc[k].text != ":" or "\n" in text[doc[k].idx:r_start] or mask[doc[k].idx]:
        return None
    first = next((c for c in text[r_start:r_end] if c.isalnum()), "")
    tail = text[r_end:max(r_end, _last_word(span).sent.end_char)]
    if not first.isupper() or (tail.strip(" \t.,;!?”’\"'") and "\n" not in tail):
        return None
    colon = doc[k]
    # The clause before the colon: climb from the word before it while the head stays before the colon.
    root = doc[k - 1]
    while root.head != root and root.head.i < k and root.head.i >= colon.sent.start:
        root = root.head
    if root.pos_ in ("VERB", "AUX") and not mask[root.idx]:
        subjects = [c for c in root.children if c.dep_ in ("nsubj",) and c.i < root.i]
        if subjects and _lead_speaker(subjects[0]):
            return _Candidate(r_start, r_end, root, subjects[0], f"{root.lemma_.lower()}:colon_lead")
        return None
    return None


def _cue_word_after(
    doc: Doc, r_start: int, r_end: int, mask: list[bool], lexicon: CueLexicon
) -> _Candidate | None:
    """ "“...,” screenwriter Cole Haddon wrote on Twitter.", "“...,” a voice-over in the ad states.": a quotation
    opening its paragraph, closed by a comma, "?" or "!", then a few words and a speech verb, whatever the
    parser made of them; the words before the verb are the speaker (:data:`~chronicle.nlp.quote_rules.CUE_WORD_AFTER`)."""
    text = doc_text(doc)
    span = doc.char_span(r_start, r_end, alignment_mode="expand")
    if span is None or len(span) == 0 or text[text.rfind("\n", 0, r_start) + 1:r_start].strip():
        return None
    if not text[r_start:r_end].rstrip("”’\"' ").endswith(PLACED_CUE.closing):
        return None
    words: list[Token] = []
    for tok in doc[span[-1].i + 1:span[-1].i + 1 + CUE_WORD_AFTER.window]:
        if "\n" in tok.text or mask[tok.idx]:
            return None
        if tok.is_punct and not (tok.text in WORD_JOINERS and words and tok.idx == token_end(words[-1])):
            return None
        if words and not tok.is_punct and lexicon.lemma(tok) in lexicon.quotable:
            after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if after is not None and not (after.is_punct or after.pos_ == "ADP" or after.is_space):
                return None
            names = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON") or t.tag_.startswith("NN")]
            if not names or any(t.tag_.startswith("VB") and lexicon.lemma(t) in lexicon.frames for t in words):
                return None
            first = next(t for t in words if not t.is_punct)
            return _Candidate(r_start, r_end, tok, names[-1], f"{lexicon.lemma(tok)}:cue_word",
                              speaker=(first.idx, token_end(words[-1])))
        words.append(tok)
    return None


def _signed_below(doc: Doc, r_start: int, r_end: int) -> _Candidate | None:
    """A paragraph that is one quotation, signed in the next paragraph by a dash and a name
    ("- Bernie Sanders."), as fact checks list the claims they check (see SIGNATURE)."""
    text = doc_text(doc)
    para = text.rfind("\n", 0, r_start) + 1
    end = text.find("\n", r_end)
    end = len(text) if end < 0 else end
    if text[para:r_start].strip() or text[r_end:end].strip(" \t.,;!?”’\"'"):
        return None
    nxt = end
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    match = SIGNATURE.match(text, nxt)
    if match is None:
        return None
    s_start, s_end = match.span(1)
    span = doc.char_span(s_start, s_end, alignment_mode="contract")
    if span is None or len(span) == 0 or not any(t.pos_ == "PROPN" for t in span):
        return None
    dash = match.start(1) - 1
    while dash > nxt and text[dash].isspace():
        dash -= 1
    return _Candidate(r_start, r_end, None, span[-1], "signed", speaker=(s_start, s_end), cue_text=(dash, dash + 1))


def _signed_lines(doc: Doc, text: str) -> list[_Candidate]:
    """A line that is one quotation, signed after its closing mark by a dash and a name ("“...” ― Carla
    Sanchez."), as lists of readers' or voters' answers give them (see SIGNATURE_AFTER)."""
    found = []
    for match in SIGNATURE_AFTER.finditer(text):
        s_start, s_end = match.span(2)
        span = doc.char_span(s_start, s_end, alignment_mode="contract")
        if span is None or len(span) == 0 or not any(t.pos_ == "PROPN" for t in span):
            continue
        dash = next(i for i in range(match.end(1), s_start) if text[i] in "-—–―")
        start, end = match.span(1)
        found.append(_Candidate(start, end, None, span[-1], "signed", speaker=(s_start, s_end), cue_text=(dash, dash + 1)))
    return found


def _lead_speaker(subject: Token) -> bool:
    """Does the subject before a colon name someone who can speak (see COLON_LEAD)?"""
    return (
        subject.lower_ in COLON_LEAD.pronouns
        or subject.ent_type_ in COLON_LEAD.name_labels
        or subject.lemma_.lower() in COLON_LEAD.nouns
    )


def _adjacent_words(doc: Doc, cue: Token, r_start: int, r_end: int) -> int:
    """How many words may stand between a cue and its quotation: more when the quotation after the cue goes on with
    the sentence a quotation before the cue began ("“The risk,” said X, an economist who ..., “is that ...”":
    :data:`~chronicle.nlp.quote_rules.SPLIT_AFTER_SPEAKER`)."""
    if cue.idx < r_start:
        text = doc_text(doc)
        first = next((c for c in text[r_start:r_end] if c.isalpha()), "")
        if first.islower() and text[max(0, r_start - 8):r_start].rstrip().endswith(","):
            return SPLIT_AFTER_SPEAKER.words
    return 12


def _adjacent(doc: Doc, cue: Token, r_start: int, r_end: int, mask: list[bool]) -> bool:
    """Is the quotation next to its cue ("“...,” he said", "he said: “...”"), not a phrase quoted in passing?"""
    if cue.idx >= r_end:
        between = [t for t in doc[:cue.i] if t.idx >= r_end]
    else:
        between = [t for t in doc[cue.i + 1:] if token_end(t) <= r_start]
    words = [t for t in between if not (t.is_punct or t.is_space)]
    if len(words) > _adjacent_words(doc, cue, r_start, r_end) or _title_quotation(doc, r_start):
        return False
    for t in words:
        if mask[t.idx]:
            return False
        if t.pos_ == "VERB" and t != cue and t.dep_ not in ("amod", "acl", "relcl", "appos"):
            return False
    if cue.idx < r_start:
        # A title after "CNN’s" names a show or paper; it is not what was said.
        if words and words[-1].tag_ == "POS":
            return False
        # After the cue the quotation should end its sentence, not sit inside a clause.
        tail = doc_text(doc)[r_end:doc[cue.i].sent.end_char].strip()
        if len(tail) > 3 and not tail.startswith(("—", "–", "-")):
            end_tok = doc.char_span(r_end - 1, r_end, alignment_mode="expand")
            if end_tok is not None and end_tok[0].sent.start == cue.sent.start and len(tail.split()) > 3:
                return False
    return True


def _continue_previous(doc: Doc, r_start: int, r_end: int, candidates: list[_Candidate], mask: list[bool]) -> None:
    """“A,” he said. “B.” — a quotation with no cue of its own goes on the quote before it.

    In the same paragraph the cue's sentence must end before the quotation ("“A,” said
    Ms. Acosta, referring to the bankruptcy chapter. “B.”"); a quotation that opens the
    next paragraph goes on a quote whose cue sentence ends the paragraph before.
    """
    text = doc_text(doc)
    para = text.rfind("\n", 0, r_start) + 1
    before = [c for c in candidates if c.cue is not None and c.end <= r_start and c.cue.idx < r_start]
    quoted = [c for c in before if any(mask[i] for i in range(c.start, c.end))]
    if not quoted:
        return
    cand = max(quoted, key=lambda c: c.end)
    cue_sent = cand.cue.sent
    for other in before:
        # A later quote of its own, not a side remark inside the cue's sentence ("referring to ...").
        if other is not cand and other.end > cand.end and not (
            cue_sent.start_char <= other.start and other.end <= cue_sent.end_char
        ):
            return
    if cand.start >= para:
        gap = text[cand.end:r_start]
        after_cue = text[token_end(cand.cue):r_start]
        # "“A,” he said. But “B.”": a conjunction opening the next sentence before its quotation (OPENERS_CONJUNCTIONS).
        head, _, last = after_cue.rstrip().rpartition(" ")
        if head and last.rstrip(",") in OPENERS_CONJUNCTIONS.words:
            after_cue = head
        quoted_after = [i for i in range(token_end(cand.cue), r_start) if mask[i]]
        closes = (
            cand.cue.idx > cand.end
            and len(after_cue) <= 300
            # A title quoted in the cue's sentence ("told CNN’s “State of the Union” Sunday") is no new quote.
            and len(quoted_after) <= 40
            and after_cue.rstrip().rstrip("\"'”’").endswith((".", "!", "?", ":"))
            and "\n" not in after_cue
        )
        if not gap.strip() or closes:
            cand.end = r_end
            cand.rule += "+continued"
        return
    # A quotation that opens its paragraph, after a paragraph that ends with the quote's cue sentence.
    if text[para:r_start].strip():
        return
    prev_para = text.rfind("\n", 0, para - 1)
    while prev_para > 0 and not text[text.rfind("\n", 0, prev_para) + 1:prev_para].strip():
        prev_para = text.rfind("\n", 0, prev_para)
    prev_start = text.rfind("\n", 0, prev_para) + 1 if prev_para > 0 else 0
    if cand.cue.idx < prev_start or cand.start < prev_start:
        return
    if text[max(cand.end, cue_sent.end_char):r_start].strip():
        return
    cand.end = r_end
    cand.rule += "+paragraph"


def _attached_inside(tok: Token, r_start: int, r_end: int, cue: Token) -> bool:
    """Does ``tok`` hang, through its heads, from a word inside the quotation (and not from the cue)?"""
    seen = 0
    while tok.head != tok and seen < 10:
        tok = tok.head
        seen += 1
        if tok == cue:
            return False
        if r_start <= tok.idx < r_end:
            return True
    return False


def _prev_sentence(doc: Doc, sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    # Skip the whitespace token spaCy leaves between paragraphs.
    if prev.text.strip() == "" and prev.start > 0:
        prev = doc[prev.start - 1].sent
    return prev


def _dedupe(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start, -c.end)):
        duplicate = False
        for other in kept:
            if (other.start, other.end) == (cand.start, cand.end):
                duplicate = True
                break
            if other.cue is not None and other.cue == cand.cue:
                # The same cue with two contents (a split quote): keep the wider.
                other.start, other.end = min(other.start, cand.start), max(other.end, cand.end)
                duplicate = True
                break
        if not duplicate:
            kept.append(cand)
    return kept


# ------------------------------------------------------------------------- speakers


def _records(
    doc: Doc, candidates: list[_Candidate], mask: list[bool], lexicon: CueLexicon
) -> tuple[list[Quote], dict[str, Mention]]:
    text = doc_text(doc)
    history: list[Said] = []
    antecedents: dict[str, Mention] = {}
    quotes: list[Quote] = []
    ordered = sorted(candidates, key=lambda c: (c.cue.idx if c.cue is not None else c.start))
    by_content: list[tuple[_Candidate, Quote | None]] = []
    for cand in ordered:
        start, end = whole_words(text, _after_dateline(text, cand.start, cand.end), cand.end)
        content = Mention(start, end, text[start:end], "CONTENT")
        speaker = speaker_ids = None
        antecedent: Mention | None = None
        subject = cand.subject
        if cand.speaker_label is not None and cand.speaker is not None:
            # A transcript turn: the label names the speaker, the turn is said word for word.
            s_start, s_end = cand.speaker
            quotes_turn = Quote(
                id="",
                content=content,
                kind="direct",
                speaker=Mention(s_start, s_end, text[s_start:s_end], cand.speaker_label),
                speaker_ids=cand.ids,
                cue=Mention(cand.cue_text[0], cand.cue_text[1], text[cand.cue_text[0]:cand.cue_text[1]], "CUE"),
                sentence=_sentence(doc, start, end),
                rule=cand.rule,
            )
            by_content.append((cand, quotes_turn))
            continue
        if subject is not None:
            s_start, s_end = cand.speaker or speaker_span(subject, cand.cue)
            split = cand.cue is not None and start <= cand.cue.idx < end
            if (
                not mask[subject.idx] and cand.cue is not None and start < s_start < end <= s_end
                and not text[s_end:cand.cue.idx].strip() and _trim(text, start, s_start)[1] - start >= 2
            ):
                # "She had struggled her whole life, Cruz explained": a content that ran on into the speaker
                # right before the cue ends before the speaker.
                end = _trim(text, start, s_start)[1]
                content = Mention(start, end, text[start:end], "CONTENT")
            if mask[subject.idx] or (s_start < end and start < s_end and not split):
                # A subject inside the content or a quotation is a parse error, not a speaker.
                subject = None
        if subject is not None:
            lower = subject.lower_
            pronoun = subject.pos_ == "PRON" and lower in lexicon.referents
            label = "PRON" if pronoun else (subject.ent_type_ or "NP")
            speaker_ids = actor_ids(doc, subject)
            partners = partners_of(subject)
            if partners is not None:
                p_start, p_end = _subtree_span(partners)
                s_end = max(s_end, p_end)
                members = list(speaker_ids)
                for actor in doc._.actors or ():
                    if actor.kind == "person" and actor.id not in members and any(
                        p_start <= m.start and m.end <= p_end for m in actor.mentions
                    ):
                        members.append(actor.id)
                speaker_ids = tuple(members)
            speaker = Mention(s_start, s_end, text[s_start:s_end], label)
            if pronoun:
                bound = bound_subject(subject)
                if bound is not None:
                    # "The president denounced what he called ...": the subject the pronoun's clause hangs under.
                    said = said_by(doc, bound, *speaker_span(bound), actor_ids(doc, bound))
                    if said.ids:
                        speaker_ids = said.ids
                else:
                    said = resolve(lower, history, doc, subject, lexicon)
                if said is not None:
                    antecedent = said.mention
                    if not speaker_ids:
                        speaker_ids = said.ids
            else:
                poss = [c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PRON"]
                if poss and not speaker_ids:
                    said = resolve(poss[0].lower_, history, doc, poss[0], lexicon)
                    if said is not None:
                        speaker_ids = said.ids
                if not speaker_ids and definite_group(subject):
                    # "the leaders said": the people just named together.
                    for said in reversed(history[-3:]):
                        if said.kind == "plural" and len(said.ids) > 1 and subject.idx - said.mention.end < 800:
                            speaker_ids, antecedent = said.ids, said.mention
                            break
                if not speaker_ids:
                    # "the archbishop said": the person named earlier with that title.
                    described = described_person(doc, subject)
                    if described is not None:
                        speaker_ids, antecedent = (described[0],), described[1]
                if not poss:
                    history.append(said_by(doc, subject, s_start, s_end, speaker_ids))
        cue_span = cand.cue_text or (_cue_span(cand.cue, lexicon) if cand.cue is not None else None)
        cue = Mention(cue_span[0], cue_span[1], text[cue_span[0]:cue_span[1]], "CUE") if cue_span else None
        fronted = _fronted_start(text, cand, start, end, speaker, cue, candidates)
        if fronted < start:
            start = fronted
            content = Mention(start, end, text[start:end], "CONTENT")
        sentence = _sentence(doc, min(start, cue.start if cue else start), max(end, cue.end if cue else end))
        quote = Quote(
            id="",
            content=content,
            kind=kind_around(text, start, end, mask, cue and (cue.start, cue.end), speaker and (speaker.start, speaker.end)),
            speaker=speaker,
            speaker_ids=tuple(speaker_ids or ()),
            cue=cue,
            sentence=sentence,
            rule=cand.rule,
        )
        by_content.append((cand, quote))
        if antecedent is not None:
            antecedents[id(quote)] = antecedent
    # Number in reading order of the content.
    by_content.sort(key=lambda pair: (pair[1].content.start, pair[1].content.end))
    final_antecedents: dict[str, Mention] = {}
    for n, (_, quote) in enumerate(by_content, start=1):
        numbered = dataclasses.replace(quote, id=f"q{n}")
        if id(quote) in antecedents:
            final_antecedents[numbered.id] = antecedents[id(quote)]
        quotes.append(numbered)
    return quotes, final_antecedents


def _fronted_start(
    text: str, cand: _Candidate, start: int, end: int, speaker: Mention | None, cue: Mention | None,
    candidates: list[_Candidate],
) -> int:
    """ "In other words, he said, “the era ... is over.”": a cue and its speaker set off by commas inside the sentence
    they report, with a content after them that goes on in lower case, report the clause before them too; the content
    starts at the sentence start (FRONTED_CONTENT). Not when those words hold no verb, or another quote or cue."""
    if cand.cue is None or speaker is None or cue is None:
        return start
    first, last = min(speaker.start, cue.start), max(speaker.end, cue.end)
    if start < last or text[min(speaker.end, cue.end):max(speaker.start, cue.start)].strip():
        return start
    sent_start = cand.cue.sent.start_char
    if first <= sent_start + 1 or not text[sent_start:first].rstrip().endswith(","):
        return start
    gap = text[last:start]
    if any(ch.isalnum() for ch in gap) or not any(ch in FRONTED_CONTENT.words for ch in gap):
        return start
    if not text[start:end].lstrip(" “\"'‘")[:1].islower():
        return start
    before = cand.cue.doc.char_span(sent_start, first, alignment_mode="contract")
    if before is None or not any(t.pos_ in ("VERB", "AUX") for t in before):
        return start  # "Still, she added, “we ...”": a phrase set before the speaker is the writer's
    for other in candidates:
        if other is cand:
            continue
        if other.start < first and other.end > sent_start:
            return start
        if other.cue is not None and sent_start <= other.cue.idx < first:
            return start
    return sent_start


def _after_dateline(text: str, start: int, end: int) -> int:
    """A content that opens its paragraph starts after the paragraph's dateline ("WASHINGTON -- ...": DATELINE)."""
    if start and text[start - 1] != "\n":
        return start
    match = DATELINE.match(text, start, end)
    return match.end() if match is not None and match.end() < end else start


def _sentence(doc: Doc, start: int, end: int) -> Mention | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    s = span[0].sent.start_char
    e = span[-1].sent.end_char
    while e > s and doc_text(doc)[e - 1].isspace():
        e -= 1
    return Mention(s, e, doc_text(doc)[s:e], "SENTENCE")
