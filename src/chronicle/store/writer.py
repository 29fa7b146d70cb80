"""Write ArticleRecords into a chronicle store: one transaction per batch.

Article-local actor ids (``a1``) become corpus-wide actor ids: a hash of the
actor's normalised name, kind and country, so the same actor found in two
articles (or two runs) is one row of ``actors``.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

import duckdb

from chronicle.records import Article, ArticleRecord, Mention
from chronicle.store import identity



def normal_name(name: str) -> str:
    """Casefolded, NFKC, straight apostrophes, no leading "the", no possessive, no dots, single spaces."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    text = text.replace(".", "")
    return " ".join(text.strip(" ,;:-\"'").split())


def actor_key(name: str, kind: str, country: str | None) -> str:
    """What makes two actors one: normalised name, kind and country."""
    return f"{normal_name(name)}|{kind}|{(country or '').upper()}"


def actor_id(key: str) -> str:
    return "A" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:15]


def pipeline_version(pipeline: dict[str, str]) -> str:
    """A short, stable fingerprint of ``pipeline_info(nlp)``: what produced a record."""
    if not pipeline:
        return ""
    blob = json.dumps(pipeline, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


def iso_date(value: str | None) -> date | None:
    """``YYYY-MM-DD`` (or a longer ISO timestamp) → date; anything else → None."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Failure:
    """An input that did not become a record, for the ``errors`` table."""

    origin: str
    reason: str
    stage: str = "read"  # read | extract | store
    article_id: str | None = None


def _span(m: Mention | None) -> tuple[Any, Any, Any]:
    return (m.start, m.end, m.text) if m is not None else (None, None, None)


def record_rows(record: ArticleRecord, origin: str | None = None, now: datetime | None = None) -> dict[str, list[tuple]]:
    """The rows one record adds to each table (actors de-duplicated per record)."""
    art: Article = record.article
    aid = art.id
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    pipe = dict(record.pipeline)
    rows: dict[str, list[tuple]] = {t: [] for t in ("articles", "actors", "article_actors", "mentions", "quotes", "events", "dates")}
    rows["articles"].append((
        aid, art.title, iso_date(art.published), art.source, art.url, origin or art.source, art.text,
        len(art.text), pipeline_version(pipe), json.dumps(pipe, sort_keys=True) if pipe else None,
        record.schema_version, list(record.warnings), now,
    ))
    local: dict[str, str] = {}
    seen: set[str] = set()
    for actor in record.actors:
        key = actor_key(actor.name, actor.kind, actor.country)
        cid = actor_id(key)
        local[actor.id] = cid
        if cid not in seen:
            seen.add(cid)
            rows["actors"].append((cid, key, actor.name, actor.kind, actor.country, None, None, None, None))
        ev = actor.role_evidence
        rows["article_actors"].append((
            aid, actor.id, cid, actor.name, actor.kind, actor.country, actor.role, actor.affiliation,
            *_span(ev), ev.label if ev is not None else None,
        ))
        for n, m in enumerate(actor.mentions):
            rows["mentions"].append((aid, actor.id, n, cid, m.start, m.end, m.text, m.label))

    def ids(local_ids: Sequence[str]) -> list[str]:
        return [local.get(x, x) for x in local_ids]

    for q in record.quotes:
        rows["quotes"].append((
            aid, q.id, q.kind, *_span(q.content), *_span(q.speaker), ids(q.speaker_ids), list(q.speaker_ids),
            *_span(q.cue), *_span(q.sentence)[:2], q.rule,
        ))
    for e in record.events:
        rows["events"].append((
            aid, e.id, e.type, *_span(e.trigger), *_span(e.sentence)[:2],
            ids(e.source_ids), ids(e.target_ids), ids(e.place_ids),
            list(e.source_ids), list(e.target_ids), list(e.place_ids),
            *_span(e.source), *_span(e.target), e.mode, e.status, e.date, e.date_id, e.rule, *_span(e.status_cue),
        ))
    for d in record.dates:
        rows["dates"].append((aid, d.id, d.start, d.end, d.text, d.type, d.value, d.anchored, d.rule))
    return rows


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[1] for row in con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()]


_TYPES: dict[str, list[str]] = {}  # the schema is fixed per STORE_SCHEMA_VERSION


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple], conflict: str = "") -> None:
    """Insert rows column-wise: one list parameter per column, unnested together.

    Far faster than ``executemany`` or multi-row VALUES: DuckDB receives each
    column as one vector instead of one parameter per cell.
    """
    if not rows:
        return
    if table not in _TYPES:
        _TYPES[table] = column_types(con, table)
    types = _TYPES[table]
    columns = [list(col) for col in zip(*rows)]
    select = ", ".join(f"unnest(?::{t}[])" for t in types)
    con.execute(f"INSERT INTO {table} SELECT {select} {conflict}", columns)


CHILD_TABLES = ("article_actors", "mentions", "quotes", "events", "dates")


class Writer:
    """Writes batches of records to an open DuckDB connection, one transaction each."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, resolve_actors: bool = True):
        self.con = con
        # False stores each person or organisation under its article's name + kind + country id,
        # as before corpus-level resolution; bench/actor_identity.py times the difference.
        self.resolve_actors = resolve_actors

    def stored_versions(self, ids: Iterable[str]) -> dict[str, str]:
        """``{article_id: pipeline_version}`` for those of ``ids`` already stored."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        found = self.con.execute(
            "SELECT id, pipeline_version FROM articles WHERE list_contains(?, id)", [ids]
        ).fetchall()
        return {i: v or "" for i, v in found}

    def write(
        self,
        records: Sequence[tuple[ArticleRecord, str | None]],
        failures: Sequence[Failure] = (),
        replace: Iterable[str] = (),
    ) -> None:
        """Store ``(record, origin)`` pairs and failures in one transaction.

        Articles in ``replace`` are deleted (with everything extracted from
        them) first: that is how ``--update`` re-extracts an article.
        """
        con = self.con
        replace = list(replace)
        tables: dict[str, list[tuple]] = {t: [] for t in ("articles", "actors", *CHILD_TABLES)}
        actors_seen: set[str] = set()
        for record, origin in records:
            for table, rows in record_rows(record, origin).items():
                if table == "actors":
                    rows = [r for r in rows if r[0] not in actors_seen]
                    actors_seen.update(r[0] for r in rows)
                tables[table].extend(rows)
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        con.execute("BEGIN TRANSACTION")
        try:
            if replace:
                identity.forget(con, replace)
                for table in CHILD_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [replace])
                con.execute("DELETE FROM articles WHERE list_contains(?, id)", [replace])
            if self.resolve_actors:
                identity.ActorResolver(con).resolve(tables)
            insert(con, "actors", tables["actors"], "ON CONFLICT DO NOTHING")
            for table in ("articles", *CHILD_TABLES):
                insert(con, table, tables[table])
            if replace:
                drop_unused_actors(con)
            if records:  # an input that now succeeds is no longer an error
                con.execute(
                    "DELETE FROM errors WHERE list_contains(?, origin) OR list_contains(?, article_id)",
                    [[o for _, o in records if o], [r.article.id for r, _ in records]],
                )
            insert(
                con, "errors",
                [(f.origin, f.article_id, f.stage, f.reason, now) for f in _last_per_origin(failures)],
                "ON CONFLICT (origin) DO UPDATE SET article_id = excluded.article_id, stage = excluded.stage, "
                "reason = excluded.reason, recorded_at = excluded.recorded_at",
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def drop_unused_actors(con: duckdb.DuckDBPyConnection) -> None:
    """Actors no article names any more go, unless an analyst gave them an external id or a name."""
    con.execute(
        "DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM article_actors) "
        "AND external_id IS NULL AND NOT coalesce(name_fixed, false)"
    )
    con.execute("DELETE FROM actor_names WHERE actor_id NOT IN (SELECT id FROM actors)")


def _last_per_origin(failures: Sequence[Failure]) -> list[Failure]:
    return list({f.origin: f for f in failures}.values())
