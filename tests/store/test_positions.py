"""Positions and mediations in the store (schema 6): written, read back, queried, migrated."""

from __future__ import annotations

import dataclasses

import duckdb

from chronicle.records import Mediation, Position
from chronicle.store import Store
from chronicle.store.schema import STORE_SCHEMA_VERSION
from tests.store.conftest import TEXT_1, record_1, span


def with_positions():
    base = record_1()
    t = TEXT_1
    accused = span(t, "accused")
    evidence = span(t, "Ethiopia accused Kenya of withholding information")
    event = next(e for e in base.events if e.type == "ACCUSE") if any(e.type == "ACCUSE" for e in base.events) else None
    accusation = Position(
        "p1", "accusation", cue=accused, evidence=evidence, holder_ids=("a2",), holder=span(t, "Ethiopia", nth=1),
        topic=span(t, "withholding information"), topic_key="information", target_ids=("a1",),
        target=span(t, "Kenya", nth=1), date="2024-08-14", event_id=event.id if event else None, rule="cue:accuse",
    )
    agreed = Position(
        "p2", "acceptance", cue=span(t, "agreed"), evidence=span(t, "Kenya and Ethiopia agreed on Tuesday"),
        holder_ids=("a1", "a2"), topic=span(t, "to revive a border commission"), topic_key="commission",
        rule="cue:agree-to",
    )
    mediation = Mediation("m1", ("a3",), ("a1", "a2"), cue=span(t, "said"), evidence=evidence, rule="mediation:test")
    events = tuple(dataclasses.replace(e, position_ids=("p1",)) if event is not None and e.id == event.id else e
                   for e in base.events)
    return dataclasses.replace(base, positions=(accusation, agreed), mediations=(mediation,), events=events)


def test_positions_are_written_and_read_back():
    record = with_positions()
    with Store(":memory:") as store:
        store.add([record])
        back = store.record(record.article.id)
        assert [(p.id, p.kind, p.holder_ids, p.target_ids, p.topic_key, p.event_id) for p in back.positions] == [
            (p.id, p.kind, p.holder_ids, p.target_ids, p.topic_key, p.event_id) for p in record.positions]
        assert back.mediations[0].mediator_ids == ("a3",) and back.mediations[0].party_ids == ("a1", "a2")
        assert [e.position_ids for e in back.events] == [e.position_ids for e in record.events]


def test_positions_query_by_holder_topic_and_date():
    with Store(":memory:") as store:
        store.add([with_positions()])
        rows = store.positions()
        assert [r.kind for r in rows] == ["acceptance", "accusation"]  # date order: published, then 2024-08-14
        accusation = store.positions(holder="ethiopia", kind="accusation")[0]
        assert accusation.holder == "Ethiopia" and accusation.target == "Kenya"
        assert accusation.evidence == "Ethiopia accused Kenya of withholding information"
        assert [r.kind for r in store.positions(holder="Kenya")] == ["acceptance"]
        assert [r.kind for r in store.positions(topic="information")] == ["accusation"]
        assert [r.kind for r in store.positions(topic="border")] == ["acceptance"]
        assert [r.kind for r in store.positions(since="2024-08-14")] == ["accusation"]
        assert store.positions(until="2024-01-01") == []
        mediation = store.mediations()[0]
        assert mediation.mediators == "Miriam Otieno" and mediation.parties == "Kenya, Ethiopia"


def test_a_version_5_store_is_upgraded(tmp_path):
    path = tmp_path / "v5.duckdb"
    with Store(path) as store:
        store.add([record_1()])
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE positions")
    con.execute("DROP TABLE mediations")
    for table in ("quotes", "events"):
        con.execute(f"ALTER TABLE {table} DROP COLUMN position_ids")
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as store:
        assert store.sql("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(STORE_SCHEMA_VERSION)
        assert store.positions() == []  # articles stored before positions have none until re-extracted
        from chronicle.store.writer import Writer

        Writer(store.connection).write([(with_positions(), None)], replace=[record_1().article.id])
        assert len(store.positions()) == 2
