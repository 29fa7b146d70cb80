"""Every row of chronicle.nlp.position_rules is tested by its own example sentence.

A cue's example must give a position of the cue's kind from that row (and the holder the row
names, where it names one); a mediation cue's example must give a mediation with that cue and
the mediators it names; a topic group's example must land in the group. Adding a rule is one
row plus its example: the row is tested here without more code.
"""

from __future__ import annotations

import pytest

from chronicle.nlp import position_rules
from chronicle.nlp.positions import PositionFinder, key_from_tokens, topic_key
from chronicle.pipeline import load_pipeline, make_doc
from chronicle.records import POSITION_KINDS, Article


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def read(nlp, text: str):
    return nlp(make_doc(nlp, Article(text=text, published="2024-08-13")))


def names(doc, ids) -> list[str]:
    return [a.name for i in ids for a in doc._.actors if a.id == i]


def test_rows_are_well_formed():
    ids = [c.id for c in position_rules.CUES]
    assert len(ids) == len(set(ids))
    for c in position_rules.CUES:
        assert c.kind in POSITION_KINDS and c.pos in ("verb", "noun", "adj", "modal") and c.example, c.id
    assert set(position_rules.EVENT_KINDS.values()) <= set(POSITION_KINDS)
    assert set(position_rules.EVENT_KIND_BY_LEMMA.values()) <= set(POSITION_KINDS)
    assert len({m.id for m in position_rules.MEDIATION_CUES}) == len(position_rules.MEDIATION_CUES)


@pytest.mark.parametrize("cue", position_rules.CUES, ids=lambda c: c.id)
def test_cue_example(nlp, cue):
    doc = read(nlp, cue.example)
    got = [(p.kind, p.rule, names(doc, p.holder_ids)) for p in doc._.positions]
    hits = [p for p in doc._.positions if p.rule == f"cue:{cue.id}" and p.kind == cue.kind]
    assert hits, f"{cue.example!r}: no {cue.kind} by {cue.id}; got {got}"
    if cue.holder:
        assert any(cue.holder in names(doc, p.holder_ids) for p in hits), f"{cue.example!r}: holder; got {got}"


@pytest.mark.parametrize("rule,example", sorted(position_rules.EVENT_RULES_NOT_POSITIONS.items()))
def test_event_rule_that_is_no_position(nlp, rule, example):
    doc = read(nlp, example)
    events = [e for e in doc._.events if e.rule.split("+")[0] == rule]
    assert events, f"{example!r}: no event by {rule}; got {[e.rule for e in doc._.events]}"
    assert not any(set(e.position_ids) for e in events), [(p.kind, p.rule) for p in doc._.positions]


@pytest.mark.parametrize("cue", position_rules.MEDIATION_CUES, ids=lambda c: c.id)
def test_mediation_example(nlp, cue):
    doc = read(nlp, cue.example)
    got = [(m.rule, names(doc, m.mediator_ids), names(doc, m.party_ids)) for m in doc._.mediations]
    hits = [m for m in doc._.mediations if m.rule == f"mediation:{cue.id}"]
    assert hits, f"{cue.example!r}: no mediation by {cue.id}; got {got}"
    for name in cue.mediators:
        assert any(name in names(doc, m.mediator_ids) for m in hits), f"{cue.example!r}: mediator {name}; got {got}"


@pytest.mark.parametrize("group", position_rules.TOPIC_GROUPS, ids=lambda g: g.key)
def test_topic_group_example(group):
    assert topic_key(group.example) == group.key


def test_topic_key_joins_synonyms_and_falls_back_to_the_head():
    assert topic_key("a ceasefire") == topic_key("the truce") == topic_key("a deal to stop the fighting") == "ceasefire"
    assert topic_key("the latest offer") == "offer"
    assert topic_key("") == ""


def test_topic_keys_join_variants_across_threads():
    assert topic_key("Russia's military build-up") == topic_key("to de-escalate tensions") == "de-escalation"
    assert topic_key("the DPRK's ballistic missile launches") == "missile launches"
    assert topic_key("the Philadelphi corridor") == topic_key("the Rafah crossing") == "border"
    assert topic_key("the hostages") == topic_key("a prisoner exchange") == "hostages"
    assert topic_key("full cooperation with the IAEA") == "iaea inspections"


def _tokens(text: str) -> list[tuple[str, str, str]]:
    """(lemma, lower, pos) triples good enough for key_from_tokens: words are their own lemmas."""
    pos = {"it": "PRON", "the": "DET", "we": "PRON", "must": "AUX", "and": "CCONJ", "on": "ADP"}
    return [(w.lower(), w.lower(), pos.get(w.lower(), "NOUN")) for w in text.split()]


def test_a_topic_that_points_elsewhere_takes_its_key_from_the_sentence():
    sentence = _tokens("We welcome the ceasefire and must build on it")
    assert key_from_tokens(_tokens("it"), sentence) == "ceasefire"
    assert key_from_tokens([("the", "the", "DET"), ("effort", "efforts", "NOUN")], sentence) == "ceasefire"
    assert key_from_tokens([], sentence) == "ceasefire"  # no topic phrase at all
    # a topic that names something of its own keeps it, whatever else the sentence says
    assert key_from_tokens(_tokens("the statements"), sentence) == "statements"
    assert key_from_tokens(_tokens("Russia must de - escalate"), []) == "de-escalation"  # split hyphens rejoined


def test_unknown_kind_fails_when_the_rules_are_built():
    with pytest.raises(ValueError, match="kind"):
        PositionFinder([position_rules.Cue("x", "wish", "want", "verb", "They want it.")])


def test_a_position_needs_a_named_holder(nlp):
    # the guidelines leave unnamed holders out: "they", "the protesters" are nobody a user can follow
    assert not read(nlp, "They urged the council to scrap the tax break.")._.positions
    assert not read(nlp, "The protesters demanded a freeze on rents.")._.positions
    # a name the actor layer missed still holds: a word tagged as a proper noun elsewhere in the text
    doc = read(nlp, "Duarte Pimentel spoke first. Pimentel vowed to extend the ban.")
    assert [p.kind for p in doc._.positions] == ["commitment"]


def test_the_secretary_is_the_one_recorded_with_that_role(nlp):
    # the last person named with a role holding "Secretary" is the Foreign Secretary; the one recorded
    # as Secretary exactly is the one "the Secretary" means
    doc = read(nlp, "Secretary Antony Blinken spoke today with UK Foreign Secretary Elizabeth Truss. "
                    "The Secretary urged Foreign Secretary Truss to continue negotiations with the EU.")
    demand = next(p for p in doc._.positions if p.kind == "demand")
    assert "Blinken" in " ".join(names(doc, (*demand.holder_ids, *demand.speaker_ids)))


def test_support_in_a_relative_clause_describes_and_states_nothing(nlp):
    doc = read(nlp, "The Treasury designated two companies in Hong Kong that support the sale of Iranian oil.")
    assert not [p for p in doc._.positions if p.kind == "support"]
    assert [p.kind for p in read(nlp, "Egypt supports a two-state solution.")._.positions] == ["support"]
