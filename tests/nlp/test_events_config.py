"""chronicle_events through its config: frames and word lists swapped, extended or dropped."""

from __future__ import annotations

import json

import pytest
import spacy
from thinc.api import Config

from chronicle.nlp import event_rules
from chronicle.nlp.events import DEFAULT_RULES, EventCoder, Rules
from chronicle.pipeline import load_pipeline, make_doc
from chronicle.records import Article

SLAP = {"id": "slap", "pos": "verb", "lemmas": "slap smack", "type": "ASSAULT", "mode": "primitive",
        "target": ["dobj"], "unless": ["imperative"], "example": "Russia slapped Ukraine."}


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def recoded(nlp, text: str, **config) -> list[tuple[str, str, str | None]]:
    """The events of ``text`` from a chronicle_events built with ``config`` (the shared pipeline is left alone)."""
    doc = nlp(make_doc(nlp, Article(text=text, published="2024-08-13")))
    coder = nlp.create_pipe("chronicle_events", config=config)
    return [(e.type, e.trigger.text, e.mode) for e in coder(doc)._.events]


def test_the_default_config_uses_the_built_in_tables(nlp):
    assert nlp.get_pipe("chronicle_events").rules is DEFAULT_RULES
    assert recoded(nlp, "Russia slapped Ukraine.") == []


def test_an_extra_frame_adds_a_trigger(nlp):
    assert recoded(nlp, "Russia slapped Ukraine.", extra_frames=[SLAP]) == [("ASSAULT", "slapped", "primitive")]


def test_a_dropped_lemma_yields_no_event(nlp):
    text = "Russian forces attacked Ukraine on Monday."
    assert [t for t, _, _ in recoded(nlp, text)] == ["ASSAULT"]
    assert recoded(nlp, text, drop_lemmas=["attack"]) == []


def test_frames_replace_the_whole_table(nlp):
    assert recoded(nlp, "Russian forces attacked Ukraine. Russia slapped Ukraine.", frames=[SLAP]) == [
        ("ASSAULT", "slapped", "primitive")]


def test_a_word_list_can_be_swapped(nlp):
    text = "Hamas launched an attack on Israel."
    doc = nlp(make_doc(nlp, Article(text=text, published="2024-08-13")))
    hamas = [a.id for a in doc._.actors if a.name == "Hamas"]
    sources = lambda **config: [e.source_ids for e in nlp.create_pipe("chronicle_events", config=config)(doc)._.events]  # noqa: E731
    assert sources() == [tuple(hamas)]
    assert sources(word_lists={"light_verbs": ["begin"]}) == [()]  # an attack on Israel, by no one named


def test_config_is_json_and_survives_a_round_trip():
    config = {"extra_frames": [SLAP], "drop_lemmas": ["attack"], "word_lists": {"light_verbs": ["launch"]}}
    json.dumps(config)
    blank = spacy.blank("en")
    blank.add_pipe("chronicle_events", config=config)
    again = spacy.util.load_model_from_config(Config().from_str(blank.config.to_str()))
    rules = again.get_pipe("chronicle_events").rules
    assert [f.id for f in rules.verbs["smack"]] == ["slap"] and "attack" not in rules.verbs
    assert rules.light_verbs == frozenset({"launch"})


def test_bad_rows_fail_when_the_rules_are_built():
    with pytest.raises(ValueError, match="word list"):
        Rules(word_lists={"no_such_list": []})
    with pytest.raises(ValueError, match="no word list"):
        Rules([event_rules.Frame("x", "verb", "slap", "ASSAULT", when=("dobj=@no_such_list",))])
    with pytest.raises(ValueError, match="bad selector"):
        Rules([event_rules.Frame("x", "verb", "slap", "ASSAULT", target=("dobj>>",))])
    with pytest.raises(ValueError, match="PLOVER type"):
        Rules([event_rules.Frame("x", "verb", "slap", "SLAP")])


def test_a_coder_keeps_its_own_rules(nlp):
    doc = nlp(make_doc(nlp, Article(text="Russia slapped Ukraine.")))
    EventCoder(Rules([event_rules.Frame(**{**SLAP, "target": ("dobj",), "unless": ()})]))(doc)
    assert [e.type for e in doc._.events] == ["ASSAULT"]
    assert [e.type for e in nlp.get_pipe("chronicle_events")(doc)._.events] == []
