"""Located events for analysts' tools: GeoJSON points and an ACLED-like CSV.

Both hold the events that have a location (``events.latitude`` is set), in date order.
The CSV's columns follow ACLED's names where they mean the same thing (``event_date``,
``event_type``, ``actor1``, ``actor2``, ``country``, ``admin1``, ``location``,
``latitude``, ``longitude``, ``geo_precision``, ``source``, ``notes``); ``country`` is
ISO alpha-3, ``notes`` the sentence that shows the event, ``source`` the article's title
or id, and ``article_id``/``event_id`` lead back to the record.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from chronicle.store.db import duckdb

from chronicle.store import query

ACLED_COLUMNS = (
    "event_date", "event_type", "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "location_rule", "source", "source_url", "article_id", "event_id", "notes",
)


def located_events(con: duckdb.DuckDBPyConnection, where: query.Where | None = None) -> list[dict[str, Any]]:
    """The located events ``where`` keeps, as ``Corpus.events()`` rows plus the article's title and url."""
    where = (where or query.Where()).add("e.latitude IS NOT NULL AND TRUE = ?", True)
    sql, params = query.select_events(where, ids=True)
    result = con.execute(sql, params)
    columns = [d[0] for d in result.description]
    rows = [dict(zip(columns, r)) for r in result.fetchall()]
    urls = dict(con.execute(
        "SELECT id, url FROM articles WHERE list_contains(?, id)", [sorted({r["article_id"] for r in rows})]
    ).fetchall()) if rows else {}
    for r in rows:
        r["url"] = urls.get(r["article_id"])
    return rows


def _day(row: dict[str, Any]) -> str | None:
    return row["dated"] or (row["date"].isoformat() if row["date"] else None)


def geojson(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one Point per event, its facts as properties."""
    features = []
    for r in rows:
        features.append({
            "type": "Feature",
            "id": f"{r['article_id']}/{r['event_id']}",
            "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
            "properties": {
                "article_id": r["article_id"], "event_id": r["event_id"], "date": _day(r), "type": r["type"],
                "source": r["source"], "target": r["target"], "trigger": r["trigger"], "status": r["status"],
                "location": r["location"], "country": r["country"], "admin1": r["admin1"],
                "geo_precision": r["geo_precision"], "location_rule": r["location_rule"],
                "evidence": r["sentence"], "title": r["title"], "url": r["url"],
            },
        })
    return {"type": "FeatureCollection", "features": features}


def acled_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{
        "event_date": _day(r), "event_type": r["type"], "actor1": r["source"], "actor2": r["target"],
        "country": r["country"], "admin1": r["admin1"], "location": r["location"], "latitude": r["latitude"],
        "longitude": r["longitude"], "geo_precision": r["geo_precision"], "location_rule": r["location_rule"],
        "source": r["title"] or r["article_id"], "source_url": r["url"], "article_id": r["article_id"],
        "event_id": r["event_id"], "notes": " ".join((r["sentence"] or "").split()),
    } for r in rows]


def write_geojson(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    path.write_text(json.dumps(geojson(located_events(con)), ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return path


def write_acled(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        writer.writerows(acled_rows(located_events(con)))
    return path
