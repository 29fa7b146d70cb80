"""The fetch cache table (schema 6): rows saved and read back, and a version 5 store upgraded."""

from __future__ import annotations

from datetime import datetime

import duckdb

from chronicle.store import Store
from chronicle.store.schema import STORE_SCHEMA_VERSION


def test_fetches_round_trip(tmp_path):
    with Store(tmp_path / "f.duckdb") as store:
        when = datetime(2024, 8, 13, 9, 30)
        assert store.save_fetches([("http://a.test/feed", '"v1"', None, 200, None, when, None)]) == 1
        store.save_fetches([("http://a.test/feed", '"v2"', "Tue, 13 Aug 2024 09:30:00 GMT", 304, None, when, None),
                            ("http://a.test/p", None, None, 200, "http://a.test/p", when, "u123")])
        rows = store.fetches()
    assert [(r["url"], r["etag"], r["status"]) for r in rows] == [
        ("http://a.test/feed", '"v2"', 304), ("http://a.test/p", None, 200)]
    assert rows[1]["article_id"] == "u123"


def test_a_version_5_store_gains_the_table(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE fetches")
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as store:
        assert store.fetches() == []
        assert store.sql("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(STORE_SCHEMA_VERSION) == "16"
