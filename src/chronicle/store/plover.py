"""Events in the field's formats: PLOVER JSON records, and CAMEO root codes for GDELT-era tools.

PLOVER record fields follow the PLOVER specification's JSON table (Open Event Data
Alliance, "PLOVER JSON"): ``id``, ``date``, ``source`` and ``recipient`` (lists of actor
objects: ``actor_text``, ``code``, ``identifier_id``, ``identifier_text``), ``event`` (a
list of categories), ``event_text``, ``mode``, ``context``, ``quad_code``, ``event_loc``
(geonames-style: ``name``, ``latitude``, ``longitude``, ``cc3``, ``admin1 code``),
``text`` (the sentence), ``text_info`` (``start``/``end`` offsets of that sentence in the
article), ``cite_info`` (``url``, ``title``, ``publication``, ``coder``), ``coder`` and
``coded_date``. What PLOVER has no field for stays under ``chronicle``: the article and
event ids, chronicle's own type (REQUEST is PLOVER's DEMAND), the status and its cue,
the date as the article wrote it, the rule, and every evidence offset (trigger, source,
target, status cue), so a record leads back to its words.

:data:`CROSSWALK` is the PLOVER–CAMEO table, one row per chronicle type (and per mode where
the CAMEO root differs), from the PLOVER manual's "CAMEO to PLOVER translation" read the
other way; each row's ``example`` is a CAMEO code under its root that PLOVER's own
CAMEO2PLOVER list files under that category (a test checks the two agree). ``cameo``
exports add ``cameo_root`` (two digits) to each record and write a CSV with GDELT 2.0's
column names.

Events are those ``chronicle events`` shows by default: hypothetical and denied ones
are left out unless ``status`` says otherwise.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicle.store.db import duckdb

from chronicle.store import query


@dataclass(frozen=True)
class Crosswalk:
    """One chronicle event type (with ``mode``: only that mode) as PLOVER and CAMEO name it."""

    type: str  # chronicle's type
    plover: str  # the PLOVER category
    cameo_root: str  # CAMEO's two-digit cue category
    cameo_name: str
    quad_code: int  # PLOVER quad category: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
    example: str  # a CAMEO code PLOVER files under this category, with its CAMEO text
    mode: str | None = None


CROSSWALK: tuple[Crosswalk, ...] = (
    Crosswalk("AGREE", "AGREE", "03", "EXPRESS INTENT TO COOPERATE", 1, "036 Express intent to meet or negotiate"),
    Crosswalk("CONSULT", "CONSULT", "04", "CONSULT", 1, "042 Make a visit"),
    Crosswalk("SUPPORT", "SUPPORT", "05", "ENGAGE IN DIPLOMATIC COOPERATION", 1, "051 Praise or endorse"),
    Crosswalk("CONCEDE", "CONCEDE", "08", "YIELD", 1, "083 Accede to requests or demands for political reform"),
    Crosswalk("COOPERATE", "COOPERATE", "06", "ENGAGE IN MATERIAL COOPERATION", 2, "062 Cooperate militarily"),
    Crosswalk("AID", "AID", "07", "PROVIDE AID", 2, "073 Provide humanitarian aid"),
    Crosswalk("RETREAT", "RETREAT", "08", "YIELD", 2, "0871 Declare truce, ceasefire"),
    Crosswalk("REQUEST", "DEMAND", "10", "DEMAND", 3, "1041 Demand change in leadership"),
    Crosswalk("ACCUSE", "ACCUSE", "11", "DISAPPROVE", 3, "111 Criticize or denounce"),
    Crosswalk("REJECT", "REJECT", "12", "REJECT", 3, "125 Reject proposal to meet, discuss, or negotiate"),
    Crosswalk("THREATEN", "THREATEN", "13", "THREATEN", 3, "138 Threaten with military force"),
    Crosswalk("SANCTION", "SANCTION", "16", "REDUCE RELATIONS", 3, "161 Reduce or break diplomatic relations"),
    Crosswalk("PROTEST", "PROTEST", "14", "PROTEST", 4, "141 Demonstrate or rally"),
    Crosswalk("MOBILIZE", "MOBILIZE", "15", "EXHIBIT FORCE POSTURE", 4, "154 Mobilize or increase armed forces"),
    Crosswalk("COERCE", "COERCE", "17", "COERCE", 4, "173 Arrest, detain, or charge with legal action"),
    Crosswalk("ASSAULT", "ASSAULT", "18", "ASSAULT", 4, "182 Physically assault"),
    Crosswalk("ASSAULT", "ASSAULT", "19", "FIGHT", 4, "195 Employ aerial weapons", mode="aerial"),
    Crosswalk("ASSAULT", "ASSAULT", "19", "FIGHT", 4, "194 Fight with artillery and tanks", mode="heavy-weapons"),
)


def crosswalk(type: str, mode: str | None = None) -> Crosswalk | None:
    """The row for a chronicle type and mode: the mode's own row if there is one, else the type's."""
    rows = [r for r in CROSSWALK if r.type == type]
    return next((r for r in rows if r.mode is not None and r.mode == mode), None) or next(
        (r for r in rows if r.mode is None), None)


EVENT_SQL = """
    SELECT e.article_id, e.id AS event_id, e.type, e.mode, e.status, e.date AS dated,
           {day} AS day, e.trigger, e.trigger_start, e.trigger_end,
           e.sentence_start, e.sentence_end, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
           e.source, e.source_start, e.source_end, e.target, e.target_start, e.target_end,
           e.source_ids, e.target_ids, e.rule, e.status_cue, e.status_cue_start, e.status_cue_end,
           e.location, e.country, e.admin1, e.latitude, e.longitude, e.geo_precision, e.location_id,
           a.url, a.title, a.source AS publication, a.published, a.ingested_at, a.pipeline_version
    FROM events e JOIN articles a ON a.id = e.article_id
    WHERE {where}
    ORDER BY day NULLS LAST, e.article_id, e.trigger_start, e.id
"""


def event_rows(con: duckdb.DuckDBPyConnection, status: str = "default") -> list[dict[str, Any]]:
    statuses = query.statuses(status)
    where = "TRUE" if statuses is None else "list_contains(?::VARCHAR[], e.status)"
    day = ("CASE WHEN regexp_matches(e.date, '^\\d{4}-\\d{2}-\\d{2}$') THEN e.date "
           "ELSE strftime(a.published, '%Y-%m-%d') END")
    result = con.execute(EVENT_SQL.format(day=day, where=where), [] if statuses is None else [list(statuses)])
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, r)) for r in result.fetchall()]


def _actors(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    ids = sorted({i for r in rows for i in (r["source_ids"] or []) + (r["target_ids"] or [])})
    if not ids:
        return {}
    found = con.execute(
        "SELECT m.old_id, x.id, x.name, x.kind, x.country, x.external_id FROM "
        "(SELECT unnest(?::VARCHAR[]) AS old_id) m "
        "LEFT JOIN actor_merges g ON g.old_id = m.old_id "
        "JOIN actors x ON x.id = coalesce(g.new_id, m.old_id)", [ids]).fetchall()
    return {r[0]: {"id": r[1], "name": r[2], "kind": r[3], "country": r[4], "external_id": r[5]} for r in found}


def _actor_objects(ids: list[str] | None, text: str | None, actors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for actor_id in ids or []:
        actor = actors.get(actor_id)
        if actor is None:
            continue
        item = {"actor_text": text if len(ids) == 1 and text else actor["name"], "code": actor["country"],
                "identifier_id": actor["external_id"] or actor["id"], "identifier_text": actor["name"],
                "chronicle_id": actor["id"], "kind": actor["kind"]}
        out.append({k: v for k, v in item.items() if v is not None})
    if not out and text:
        out.append({"actor_text": text})
    return out


def plover_record(row: dict[str, Any], actors: dict[str, dict[str, Any]], cameo: bool = False) -> dict[str, Any]:
    """One event as a PLOVER JSON record (see the module); with ``cameo``, its CAMEO root too."""
    walk = crosswalk(row["type"], row["mode"])
    coder = f"chronicle (pipeline {row['pipeline_version']})" if row["pipeline_version"] else "chronicle"
    record: dict[str, Any] = {
        "id": f"{row['article_id']}-{row['event_id']}",
        "date": row["day"],
        "source": _actor_objects(row["source_ids"], row["source"], actors),
        "recipient": _actor_objects(row["target_ids"], row["target"], actors),
        "event": [walk.plover if walk else row["type"]],
        "event_text": [row["trigger"]] if row["trigger"] else [],
        "mode": row["mode"] or "",
        "context": [],
        "quad_code": walk.quad_code if walk else None,
        "text": " ".join((row["sentence"] or "").split()),
        "text_info": {"start": row["sentence_start"], "end": row["sentence_end"]},
        "cite_info": {k: v for k, v in {
            "url": row["url"], "title": row["title"], "publication": row["publication"],
            "coder": coder, "codebook": "plover",
        }.items() if v is not None},
        "coder": coder,
        "coded_date": row["ingested_at"].date().isoformat() if row["ingested_at"] else None,
    }
    if row["latitude"] is not None or row["location"]:
        record["event_loc"] = {k: v for k, v in {
            "name": row["location"], "latitude": row["latitude"], "longitude": row["longitude"],
            "cc3": row["country"], "admin1 code": row["admin1"],
        }.items() if v is not None}
    if cameo:
        record["cameo_root"] = walk.cameo_root if walk else None
        record["cameo_root_name"] = walk.cameo_name if walk else None
    record["chronicle"] = {
        "article_id": row["article_id"], "event_id": row["event_id"], "type": row["type"], "status": row["status"],
        "date_text": row["dated"], "published": row["published"].isoformat() if row["published"] else None,
        "rule": row["rule"], "url": row["url"],
        "evidence": {k: v for k, v in {
            "trigger": [row["trigger_start"], row["trigger_end"]],
            "sentence": [row["sentence_start"], row["sentence_end"]],
            "source": [row["source_start"], row["source_end"]] if row["source_start"] is not None else None,
            "target": [row["target_start"], row["target_end"]] if row["target_start"] is not None else None,
            "status_cue": [row["status_cue_start"], row["status_cue_end"]] if row["status_cue_start"] is not None else None,
        }.items() if v is not None},
    }
    return record


def plover_records(con: duckdb.DuckDBPyConnection, *, cameo: bool = False, status: str = "default") -> list[dict[str, Any]]:
    rows = event_rows(con, status)
    actors = _actors(con, rows)
    return [plover_record(r, actors, cameo) for r in rows]


# GDELT 2.0 event table names for what chronicle has (CountryCode columns hold ISO alpha-3 here).
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor2Name", "Actor2CountryCode",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL", "PLOVER", "article_id", "event_id",
)


def gdelt_row(record: dict[str, Any]) -> dict[str, Any]:
    first = lambda actors, key: actors[0].get(key) if actors else None  # noqa: E731
    loc = record.get("event_loc", {})
    root = record.get("cameo_root")
    return {
        "GLOBALEVENTID": record["id"], "SQLDATE": (record["date"] or "").replace("-", "") or None,
        "Actor1Name": first(record["source"], "identifier_text") or first(record["source"], "actor_text"),
        "Actor1CountryCode": first(record["source"], "code"),
        "Actor2Name": first(record["recipient"], "identifier_text") or first(record["recipient"], "actor_text"),
        "Actor2CountryCode": first(record["recipient"], "code"),
        "EventCode": root, "EventBaseCode": root, "EventRootCode": root, "QuadClass": record["quad_code"],
        "ActionGeo_FullName": loc.get("name"), "ActionGeo_CountryCode": loc.get("cc3"),
        "ActionGeo_ADM1Code": loc.get("admin1 code"), "ActionGeo_Lat": loc.get("latitude"),
        "ActionGeo_Long": loc.get("longitude"), "SOURCEURL": record["cite_info"].get("url"),
        "PLOVER": record["event"][0], "article_id": record["chronicle"]["article_id"],
        "event_id": record["chronicle"]["event_id"],
    }


def write_plover(con: duckdb.DuckDBPyConnection, folder: Path, *, cameo: bool = False, status: str = "default") -> list[Path]:
    """``events_plover.jsonl`` (one PLOVER record a line); with ``cameo``, ``events_cameo.jsonl``
    (the same records with their CAMEO root) and ``events_cameo.csv`` (GDELT column names)."""
    records = plover_records(con, cameo=cameo, status=status)
    path = folder / ("events_cameo.jsonl" if cameo else "events_plover.jsonl")
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    if not cameo:
        return [path]
    table = folder / "events_cameo.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=GDELT_COLUMNS)
        writer.writeheader()
        writer.writerows(gdelt_row(r) for r in records)
    return [path, table]
