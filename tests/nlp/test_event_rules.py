"""Every row of chronicle.nlp.event_rules is tested by its own example sentence.

A frame's example must be coded with that frame's type (and rule) from one of its
lemmas; a word list's example must give what the list says, and something else
once the list is emptied (so the list is what makes the difference; two lists no
parse was found to reach are marked ``decisive=False``). Adding a
rule is one row plus its example: the row is tested here without more code.
"""

from __future__ import annotations

import pytest

from chronicle.nlp import event_rules
from chronicle.nlp.events import EventCoder, Rules
from chronicle.pipeline import load_pipeline, make_doc
from chronicle.records import EVENT_TYPES, Article


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def coded(nlp, text: str):
    return nlp(make_doc(nlp, Article(text=text, published="2024-08-13")))


def trigger_lemmas(doc, event) -> set[str]:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    lemmas = {t.lemma_.lower() for t in span}
    head = span[-1] if span[-1].dep_ != "prt" and span[-1].pos_ != "ADP" else span[0]
    if head.i > 0:  # a two-word nominal: "martial law", "air strike"
        lemmas.add(f"{head.nbor(-1).lemma_.lower()} {head.lemma_.lower()}")
    return lemmas


def summary(doc) -> list[tuple]:
    return [(e.type, e.status, e.mode, e.rule, e.trigger.text, e.source_ids, e.target_ids, e.place_ids, e.date)
            for e in doc._.events]


def test_rows_are_well_formed():
    ids = [(f.pos, f.id) for f in event_rules.FRAMES]
    assert len(ids) == len(set(ids))
    for f in event_rules.FRAMES:
        assert f.pos in ("verb", "nominal") and f.example, f.id
        assert (f.expect or f.type) in EVENT_TYPES and (f.type in EVENT_TYPES or f.type == "ACT"), f.id
        assert all(t in EVENT_TYPES for _, t in f.recode), f.id
    for name, wl in event_rules.WORD_LISTS.items():
        assert wl.words and wl.why and wl.example, name


@pytest.mark.parametrize("frame", event_rules.FRAMES, ids=lambda f: f"{f.pos}-{f.id}")
def test_frame_example(nlp, frame):
    doc = coded(nlp, frame.example)
    want = frame.expect or frame.type
    hits = []
    for e in doc._.events:
        lemmas = trigger_lemmas(doc, e) & set(frame.words)
        rule = (frame.rule or frame.pos).replace("{lemma}", next(iter(lemmas), "?"))
        if e.type == want and lemmas and e.rule.startswith(rule):
            hits.append(e)
    assert hits, f"{frame.example!r}: no {want} by {frame.id}; got {summary(doc)}"


def _expectation(doc, expect: str) -> bool:
    if expect.startswith("no "):
        return all(e.type != expect[3:] for e in doc._.events)
    type_, _, status = expect.partition("/")
    return any(e.type == type_ and (not status or e.status == status) for e in doc._.events)


@pytest.mark.parametrize("name", sorted(event_rules.WORD_LISTS))
def test_word_list_example(nlp, name):
    word_list = event_rules.WORD_LISTS[name]
    doc = coded(nlp, word_list.example)
    assert _expectation(doc, word_list.expect), f"{word_list.example!r}: want {word_list.expect}; got {summary(doc)}"
    if not word_list.decisive:
        return
    with_list = summary(doc)
    empty = {} if isinstance(word_list.words, dict) else []
    EventCoder(Rules(word_lists={name: empty}))(doc)
    assert summary(doc) != with_list, f"{name}: emptying the list changes nothing in {word_list.example!r}"
