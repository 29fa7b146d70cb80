"""Located events in the store: schema 3 and its migration, country and bounding-box filters, and
the GeoJSON and ACLED-like exports."""

from __future__ import annotations

import csv
import dataclasses
import json

import duckdb
import pytest

from chronicle.errors import QueryError
from chronicle.records import Actor, Geo
from chronicle.store import Store
from chronicle.store.schema import STORE_SCHEMA_VERSION

from .conftest import record_1, span

NAIROBI = Geo("Nairobi", "city", -1.28333, 36.81667, 1, "KEN", "KE.30", 184745, "only+capital")


def located_record():
    """record_1 with Nairobi named in its last sentence and its events located there and in Kenya."""
    record = record_1()
    text = record.article.text.replace("withholding information.", "withholding information in Nairobi.")
    article = dataclasses.replace(record.article, text=text)
    nairobi = Actor("a4", "Nairobi", "place", (span(text, "Nairobi", "GPE"),), country="KEN", geo=NAIROBI)
    kenya = dataclasses.replace(record.actors[0], geo=Geo("Kenya", "country", 1.0, 38.0, 3, "KEN", None, 192950, "only"))
    e1, e2 = record.events
    e2 = dataclasses.replace(e2, sentence=span(text, "Ethiopia accused Kenya of withholding information in Nairobi."),
                             location_id="a4", location_rule="sentence")
    e1 = dataclasses.replace(e1, location_id="a1", location_rule="clause")
    return dataclasses.replace(record, article=article, actors=(kenya, *record.actors[1:], nairobi), events=(e1, e2))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "geo.duckdb") as s:
        s.add([located_record()])
        yield s


def test_round_trip_keeps_places_and_locations(store):
    back = store.record("kenya-1")
    assert back.actor("a4").geo == NAIROBI
    assert [(e.location_id, e.location_rule) for e in back.events] == [("a1", "clause"), ("a4", "sentence")]


@pytest.mark.parametrize(
    "filters, want",
    [
        pytest.param({"country": "KEN"}, ["e1", "e2"], id="country"),
        pytest.param({"country": "ken"}, ["e1", "e2"], id="country-any-case"),
        pytest.param({"country": "ETH"}, [], id="other-country"),
        pytest.param({"bbox": "36,-2,37,0"}, ["e2"], id="bbox-string"),
        pytest.param({"bbox": (30, -5, 45, 5)}, ["e1", "e2"], id="bbox-tuple"),
        pytest.param({"bbox": "0,0,1,1"}, [], id="bbox-elsewhere"),
    ],
)
def test_event_filters(store, filters, want):
    assert sorted(r.event_id for r in store.events(**filters)) == want


@pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "10,0,5,1", "0,-100,1,1"])
def test_bad_bbox(store, bbox):
    with pytest.raises(QueryError):
        store.events(bbox=bbox)


def test_event_rows_carry_the_location(store):
    row = [r for r in store.events() if r.event_id == "e2"][0]
    assert (row.location, row.country, row.geo_precision, row.location_rule) == ("Nairobi", "KEN", 1, "sentence")
    assert row.latitude == pytest.approx(-1.28333)


def test_geojson_export(store, tmp_path):
    [path] = store.export(tmp_path / "out", "geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    nairobi = [f for f in data["features"] if f["properties"]["event_id"] == "e2"][0]
    assert nairobi["geometry"] == {"type": "Point", "coordinates": [36.81667, -1.28333]}
    assert nairobi["properties"]["evidence"].endswith("in Nairobi.")


def test_acled_export(store, tmp_path):
    [path] = store.export(tmp_path / "out", "acled")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:10] == ["event_date", "event_type", "actor1", "actor2", "country", "admin1", "location",
                                  "latitude", "longitude", "geo_precision"]
    accuse = [r for r in rows if r["event_type"] == "ACCUSE"][0]
    assert (accuse["actor1"], accuse["actor2"], accuse["location"], accuse["country"]) == ("Ethiopia", "Kenya", "Nairobi", "KEN")
    assert accuse["notes"] == "Ethiopia accused Kenya of withholding information in Nairobi."
    assert accuse["source"] == "Kenya and Ethiopia agree"


def test_version_2_store_is_upgraded(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s.add([record_1()])
    con = duckdb.connect(str(path))  # make it a version 2 store: no place columns
    for table, columns in (("article_actors", ("geo_name", "feature", "geo_country", "admin1", "latitude", "longitude",
                                               "geo_precision", "geonames_id", "geo_rule")),
                           ("events", ("location_id", "location_local_id", "location_rule", "location", "country",
                                       "admin1", "latitude", "longitude", "geo_precision",
                                       "status_cue_start", "status_cue_end", "status_cue", "sentence", "day", "last_day", "position_ids")),
                           ("quotes", ("day", "position_ids")),
                           ("actors", ("n_articles", "n_mentions", "n_quotes", "n_events", "first_day", "last_day")),
                           ("articles", ("text_hash", "version"))):  # and what versions 3, 5 and 6 added
        for column in columns:
            con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as s:
        assert s.sql("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(STORE_SCHEMA_VERSION)
        assert len(s.events()) == 2 and all(r.location is None for r in s.events())
        from chronicle.store.writer import Writer

        Writer(s.connection).write([(located_record(), None)], replace=["kenya-1"])
        assert sorted(r.event_id for r in s.events(country="KEN")) == ["e1", "e2"]
