"""PLOVER and CAMEO exports: the spec's field names, chronicle's evidence offsets and URL kept,
and the crosswalk, one row per type, each row's example a CAMEO code under its root."""

from __future__ import annotations

import csv
import json

import pytest

from chronicle.errors import CorpusError
from chronicle.records import EVENT_TYPES
from chronicle.store.plover import CROSSWALK, GDELT_COLUMNS, crosswalk

from .conftest import TEXT_1

PLOVER_FIELDS = {"id", "date", "source", "recipient", "event", "event_text", "mode", "context", "quad_code", "text",
                 "text_info", "cite_info", "coder", "coded_date"}


@pytest.mark.parametrize("row", CROSSWALK, ids=lambda r: f"{r.type}/{r.mode or '-'}")
def test_crosswalk_row_example_is_under_its_root(row):
    code, _, name = row.example.partition(" ")
    assert code.startswith(row.cameo_root) and len(code) in (3, 4) and name
    assert row.quad_code in (1, 2, 3, 4)


def test_every_event_type_has_one_default_row():
    for type in EVENT_TYPES:
        assert sum(1 for r in CROSSWALK if r.type == type and r.mode is None) == 1, type
    assert crosswalk("ASSAULT", "aerial").cameo_root == "19"
    assert crosswalk("ASSAULT", "beat").cameo_root == "18"
    assert crosswalk("REQUEST").plover == "DEMAND"


def test_plover_export(corpus, tmp_path):
    corpus.connection.execute("UPDATE articles SET url = 'https://news.example/kenya' WHERE id = 'kenya-1'")
    [path] = corpus.export(tmp_path / "out", "plover")
    assert path.name == "events_plover.jsonl"
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) == 4
    agree = next(r for r in records if r["event"] == ["AGREE"])
    assert PLOVER_FIELDS <= set(agree)
    assert agree["quad_code"] == 1 and agree["event_text"] == ["agreed"]
    assert [a["code"] for a in agree["source"]] == ["KEN", "ETH"]
    assert agree["recipient"] == []
    ev = agree["chronicle"]["evidence"]
    assert TEXT_1[ev["trigger"][0]:ev["trigger"][1]] == "agreed"
    assert TEXT_1[agree["text_info"]["start"]:agree["text_info"]["end"]].startswith("Kenya and Ethiopia agreed")
    assert agree["cite_info"]["url"] == agree["chronicle"]["url"] == "https://news.example/kenya"
    assert "cameo_root" not in agree


def test_cameo_export(corpus, tmp_path):
    jsonl, table = corpus.export(tmp_path / "out", "cameo")
    records = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert {r["event"][0]: r["cameo_root"] for r in records} == {"AGREE": "03", "ACCUSE": "11", "SANCTION": "16"}
    with table.open() as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == GDELT_COLUMNS
    assert {r["EventRootCode"] for r in rows} == {"03", "11", "16"}


def test_bad_status_is_one_error(corpus, tmp_path):
    with pytest.raises(CorpusError, match="status"):
        corpus.export(tmp_path / "out", "plover", status="maybe")
