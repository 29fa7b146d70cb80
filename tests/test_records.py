"""The record model: frozen, JSON round trip, stable ids."""

from __future__ import annotations

import dataclasses
import json

import pytest

from chronicle.records import SCHEMA_VERSION, Actor, Article, ArticleRecord, Event, Mention, Quote, TimeExpression, text_id


def sample_record() -> ArticleRecord:
    text = "Mr. Patel said “we expect progress” on Tuesday."
    patel = Actor("a1", "Patel", "person", (Mention(4, 9, "Patel", "PERSON"),), role="spokesperson")
    quote = Quote("q1", Mention(15, 34, "we expect progress", ""), "direct", speaker=Mention(4, 9, "Patel", "PERSON"),
                  speaker_ids=("a1",), cue=Mention(10, 14, "said", "CUE"))
    timex = TimeExpression("t1", 39, 46, "Tuesday", "DATE", "2024-08-13", anchored=True)
    event = Event("e1", "CONSULT", Mention(10, 14, "said"), Mention(0, len(text), text), source_ids=("a1",), date="2024-08-13")
    return ArticleRecord(Article(text=text, published="2024-08-13"), (patel,), (quote,), (event,), (timex,))


def test_round_trip_through_json():
    record = sample_record()
    again = ArticleRecord.from_dict(json.loads(json.dumps(record.to_dict())))
    assert again == record
    assert record.to_dict()["schema_version"] == SCHEMA_VERSION


def test_records_are_frozen():
    record = sample_record()
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.actors[0].name = "someone else"  # type: ignore[misc]


def test_newer_schema_is_refused():
    data = sample_record().to_dict()
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(ValueError, match="schema version"):
        ArticleRecord.from_dict(data)


def test_article_id_is_hash_of_normalised_text():
    a = Article(text="Talks resumed.\r\nIn Doha.")
    b = Article(text="Talks  resumed.\nIn Doha.  ")
    assert a.id == b.id == text_id("Talks resumed. In Doha.")
    assert Article(text="Talks ended.").id != a.id
    assert Article(text="x", id="given-7").id == "given-7"


def test_actor_lookup_by_id():
    record = sample_record()
    assert record.actor("a1").name == "Patel"
    assert record.actor("a9") is None
