"""Write ArticleRecords into a chronicle store: one transaction per batch.

Article-local actor ids (``a1``) become corpus-wide actor ids: a hash of the
actor's normalised name, kind and country, so the same actor found in two
articles (or two runs) is one row of ``actors``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from chronicle.store.db import duckdb

from chronicle.records import Article, ArticleRecord, Event, Geo, Mention
from chronicle.store import actorwords, byactor, derived, identity, stats, words
from chronicle.store.names import normal_name  # noqa: F401 - named here too (its home before)





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


def text_hash(text: str) -> str:
    """What tells two versions of an article apart: the SHA-256 of its text (DuckDB's ``sha256(text)``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


def _cut(text: str, m: Mention | None) -> str | None:
    """The text of span ``m``, as SQL's ``substr(text, start + 1, end - start)`` cuts it."""
    return None if m is None else text[max(m.start, 0):max(m.start, m.end)]


def _geo(geo: Geo | None) -> tuple:
    if geo is None:
        return (None,) * 9
    return (geo.name, geo.feature, geo.country, geo.admin1, geo.latitude, geo.longitude, geo.precision,
            geo.geonames_id, geo.rule)


def _location(event: Event, record: ArticleRecord, local: dict[str, str]) -> tuple:
    place = record.actor(event.location_id) if event.location_id else None
    if place is None or place.geo is None:
        return (None,) * 9
    g = place.geo
    return (local.get(place.id), place.id, event.location_rule, place.name, g.country, g.admin1,
            g.latitude, g.longitude, g.precision)


def record_rows(record: ArticleRecord, origin: str | None = None, now: datetime | None = None) -> dict[str, list[tuple]]:
    """The rows one record adds to each table (actors de-duplicated per record)."""
    art: Article = record.article
    aid = art.id
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    pipe = dict(record.pipeline)
    rows: dict[str, list[tuple]] = {t: [] for t in ("articles", "actors", *CHILD_TABLES)}
    rows["articles"].append((
        aid, art.title, iso_date(art.published), art.source, art.url, origin or art.source, art.text,
        len(art.text), pipeline_version(pipe), json.dumps(pipe, sort_keys=True) if pipe else None,
        record.schema_version, list(record.warnings), now, text_hash(art.text), 1,
    ))
    local: dict[str, str] = {}
    seen: set[str] = set()
    for actor in record.actors:
        key = actor_key(actor.name, actor.kind, actor.country)
        cid = actor_id(key)
        local[actor.id] = cid
        if cid not in seen:
            seen.add(cid)
            rows["actors"].append((cid, key, actor.name, actor.kind, actor.country, None, None, None, None, *stats.EMPTY,
                                   None, None))  # first_day, last_day: stats.add
        ev = actor.role_evidence
        rows["article_actors"].append((
            aid, actor.id, cid, actor.name, actor.kind, actor.country, actor.role, actor.affiliation,
            *_span(ev), ev.label if ev is not None else None, *_geo(actor.geo),
        ))
        for n, m in enumerate(actor.mentions):
            rows["mentions"].append((aid, actor.id, n, cid, m.start, m.end, m.text, m.label))

    def ids(local_ids: Sequence[str]) -> list[str]:
        return [local.get(x, x) for x in local_ids]

    for q in record.quotes:
        rows["quotes"].append((
            aid, q.id, q.kind, *_span(q.content), *_span(q.speaker), ids(q.speaker_ids), list(q.speaker_ids),
            *_span(q.cue), *_span(q.sentence)[:2], q.rule, iso_date(art.published), list(q.position_ids),
        ))
    for e in record.events:
        rows["events"].append((
            aid, e.id, e.type, *_span(e.trigger), *_span(e.sentence)[:2],
            ids(e.source_ids), ids(e.target_ids), ids(e.place_ids),
            list(e.source_ids), list(e.target_ids), list(e.place_ids),
            *_span(e.source), *_span(e.target), e.mode, e.status, e.date, e.date_id, e.rule,
            *_location(e, record, local), *_span(e.status_cue), _cut(art.text, e.sentence),
            None, None, list(e.position_ids),  # day, last_day: derived.event_days in the store
        ))
    for d in record.dates:
        rows["dates"].append((aid, d.id, d.start, d.end, d.text, d.type, d.value, d.anchored, d.rule))
    for p in record.positions:
        rows["positions"].append((
            aid, p.id, p.kind, *_span(p.cue), *_span(p.evidence)[:2],
            list(p.holder_ids), *_span(p.holder), list(p.speaker_ids), *_span(p.speaker),
            *_span(p.topic), p.topic_key, *_span(p.condition), list(p.target_ids), *_span(p.target),
            p.date, p.date_id, p.quote_id, p.event_id, p.rule,
        ))
    for m in record.mediations:
        rows["mediations"].append((
            aid, m.id, list(m.mediator_ids), list(m.party_ids), *_span(m.cue), *_span(m.evidence)[:2], m.rule,
        ))
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


# A resolving writer's batches leave their articles' per-actor index to the end of the run
# (identity.defer_batch_index); once this many wait, a batch makes it (settle_index).
INDEX_AT_ONCE = 4096

CHILD_TABLES = ("article_actors", "mentions", "quotes", "events", "dates", "positions", "mediations")


@dataclass(frozen=True)
class Stored:
    """What the store holds for one article id: its pipeline version, current text hash and version,
    and every text hash it has had (the current one and those in ``article_versions``)."""

    pipeline_version: str
    text_hash: str
    version: int
    known: frozenset[str]


@dataclass
class Written:
    """What one :meth:`Writer.write` stored: the ``(record, origin)`` pairs written, the ids whose
    stored rows they replaced, and the pairs left out because the store already had their text."""

    records: list[tuple[ArticleRecord, str | None]]
    replaced: set[str]
    unchanged: list[tuple[ArticleRecord, str | None]]


def stored_state(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, Stored]:
    """``{article_id: Stored}`` for those of ``ids`` in the store."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    rows = con.execute(
        "SELECT a.id, a.pipeline_version, coalesce(a.text_hash, sha256(a.text)), coalesce(a.version, 1), "
        "list(v.text_hash) FILTER (WHERE v.text_hash IS NOT NULL) "
        "FROM articles a LEFT JOIN article_versions v ON v.article_id = a.id "
        "WHERE list_contains(?, a.id) GROUP BY ALL", [ids],
    ).fetchall()
    return {
        aid: Stored(version or "", h, n, frozenset([h, *(old or [])]))
        for aid, version, h, n, old in rows
    }


ARCHIVE_STORED = (
    "INSERT INTO article_versions SELECT id, coalesce(version, 1), coalesce(text_hash, sha256(text)), title, "
    "published, origin, text, ingested_at, ? FROM articles WHERE list_contains(?, id) ON CONFLICT DO NOTHING"
)


class Writer:
    """Writes batches of records to an open DuckDB connection, one transaction each.

    Story versions: a record whose id is stored with another text is a new
    version of that article. Its rows replace the stored ones in the same
    transaction, and the old text goes to ``article_versions``. A record whose
    text the store already has for its id (the current text, or an earlier
    version's) changes nothing, unless its id is in ``replace`` (``--update``
    re-extracting the current text). Records of one id in one call are applied
    in order, so the last is the current version.
    """

    def __init__(self, con: Any, *, resolve_actors: bool = True):
        # a DuckDB connection, or a Store: then its connection is fetched for each call, so a
        # store that lets go of its file between batches (Store.release) is opened again
        self._con = con
        # False stores each person or organisation under its article's name + kind + country id,
        # as before corpus-level resolution; bench/actor_identity.py times the difference.
        self.resolve_actors = resolve_actors
        self._keys_checked = False  # rekey_names runs in a run's first write
        self._countries: dict[str, str] | None = None  # country_aliases, read in a run's first write
        self._index_waiting = 0  # articles this writer stored whose per-actor index waits (settle_index)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        return self._con if isinstance(self._con, duckdb.DuckDBPyConnection) else self._con.connection

    def finish(self) -> int:
        """End of a run: the joins of actors the whole run shows (:func:`identity.reconcile_run`) and the
        indexes' sort order (:func:`byactor.compact`), in one transaction; returns how many actors
        were joined."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            identity.apply_pending_merges(con)  # the joins its batches decided
            joined = identity.reconcile_run(con) if self.resolve_actors else 0
            identity.settle_index(con)  # the index rows and counts the run's joins changed
            actorwords.flush(con)  # the names index of the actors the run's joins changed
            byactor.compact(con)  # the indexes sorted again once their unsorted tail has grown
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        self._index_waiting = 0
        return joined

    def stored_versions(self, ids: Iterable[str]) -> dict[str, str]:
        """``{article_id: pipeline_version}`` for those of ``ids`` already stored."""
        return {aid: s.pipeline_version for aid, s in self.stored(ids).items()}

    def stored(self, ids: Iterable[str]) -> dict[str, Stored]:
        """What the store holds for those of ``ids`` already stored."""
        return stored_state(self.con, ids)

    def write(
        self,
        records: Sequence[tuple[ArticleRecord, str | None]],
        failures: Sequence[Failure] = (),
        replace: Iterable[str] = (),
    ) -> Written:
        """Store ``(record, origin)`` pairs and failures in one transaction.

        Articles in ``replace`` are deleted (with everything extracted from
        them) first when a record with their stored text comes: that is how
        ``--update`` re-extracts an article. A changed text is a new version
        (see the class).
        """
        con = self.con
        replace = set(replace)
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        con.execute("BEGIN TRANSACTION")
        try:
            state = stored_state(con, (r.article.id for r, _ in records))
            replaced_actors: list[str] = []  # actors of dropped rows: their periods are taken again
            final: dict[str, tuple[ArticleRecord, str | None]] = {}
            version: dict[str, int] = {}
            current: dict[str, str] = {aid: s.text_hash for aid, s in state.items()}
            known: dict[str, set[str]] = {aid: set(s.known) for aid, s in state.items()}
            drop: list[str] = []  # stored articles whose rows go
            archive: list[tuple] = []  # earlier versions met in this call
            unchanged: list[tuple[ArticleRecord, str | None]] = []
            for pair in records:
                art = pair[0].article
                aid, h = art.id, text_hash(art.text)
                if aid not in current:  # new
                    current[aid], known[aid], version[aid], final[aid] = h, {h}, 1, pair
                elif h == current[aid]:
                    if aid in state and aid in replace and aid not in final and aid not in drop:
                        drop.append(aid)  # --update: the same text, extracted again
                        version[aid], final[aid] = state[aid].version, pair
                    else:
                        unchanged.append(pair)
                elif h in known[aid]:  # an earlier version's text: the newer one stays
                    unchanged.append(pair)
                else:  # a new version: the one it replaces goes to article_versions
                    if aid in final and not (aid in state and current[aid] == state[aid].text_hash):
                        prev = final[aid][0].article  # met earlier in this call, never stored
                        archive.append((aid, version[aid], current[aid], prev.title, iso_date(prev.published),
                                        final[aid][1] or prev.source, prev.text, now, now))
                    elif aid in state and aid not in drop:
                        drop.append(aid)  # the stored text is archived below
                    version[aid] = version.get(aid, state[aid].version if aid in state else 1) + 1
                    current[aid] = h
                    known[aid].add(h)
                    final[aid] = pair
            tables: dict[str, list[tuple]] = {t: [] for t in ("articles", "actors", *CHILD_TABLES)}
            actors_seen: set[str] = set()
            for aid, (record, origin) in final.items():
                for table, rows in record_rows(record, origin, now).items():
                    if table == "actors":
                        rows = [r for r in rows if r[0] not in actors_seen]
                        actors_seen.update(r[0] for r in rows)
                    elif table == "articles":
                        rows = [(*r[:-1], version[aid]) for r in rows]
                    tables[table].extend(rows)
            if drop:
                archived = [aid for aid in drop if current[aid] != state[aid].text_hash]
                if archived:
                    con.execute(ARCHIVE_STORED, [now, archived])
                identity.forget(con, drop)
                replaced_actors = stats.take_back(con, drop)
                words.drop(con, "list_contains(?, article_id)", [drop])
                byactor.drop(con, "list_contains(?, article_id)", [drop])
                for table in CHILD_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [drop])
                con.execute("DELETE FROM articles WHERE list_contains(?, id)", [drop])
            insert(con, "article_versions", archive, "ON CONFLICT DO NOTHING")
            days = {r[0]: r[2] for r in tables["articles"]}  # article id -> day published
            if self._countries is None:
                self._countries = country_aliases(con)
            if self._countries:
                follow_joined(tables, self._countries)
            if self.resolve_actors:
                if not self._keys_checked:
                    identity.rekey_names(con)
                identity.ActorResolver(con).resolve(tables, days)
                if final:  # the end of the run looks at these articles (stored as of now)
                    identity.note_run(con, now)
            insert(con, "actors", tables["actors"], "ON CONFLICT DO NOTHING")
            tables["events"] = derived.event_days(con, tables["events"], days)
            for table in ("articles", *CHILD_TABLES):
                insert(con, table, tables[table])
            stats.add(con, stats.batch_counts(tables), stats.batch_days(tables, days))
            if self.resolve_actors:
                # the per-actor index of these articles waits for the end of the run (settle_index):
                # the joins it makes would move most of their rows again; a long run indexes what
                # waits every INDEX_AT_ONCE articles, so the index lags a run by that many at most
                identity.defer_batch_index(con, list(final))
                waiting = self._index_waiting + len(final)
                if waiting >= INDEX_AT_ONCE:
                    identity.settle_index(con)
                    waiting = 0
            else:
                byactor.add(con, byactor.batch_rows(tables, days), list(final))  # and their tallies
            words.add_rows(con, [(r[0], r[1], r[6]) for r in tables["articles"]])
            if drop:
                stats.refresh_days(con, replaced_actors)
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
            actorwords.flush(con)  # the names index of the actors this batch stored, named or counted
            con.execute("COMMIT")
            self._keys_checked = self._keys_checked or self.resolve_actors
            self._index_waiting = waiting if self.resolve_actors else 0
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return Written(list(final.values()), set(drop), unchanged)


def country_aliases(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """``{id: kept id}`` for the country ids joined into another country actor (by code when an older
    store was upgraded, :mod:`chronicle.store.countries`, or by an analyst's merge)."""
    return dict(con.execute(
        "SELECT m.old_id, m.new_id FROM actor_merges m JOIN actors a ON a.id = m.new_id WHERE a.kind = 'country'").fetchall())


def follow_joined(tables: dict[str, list[tuple]], joined: dict[str, str]) -> None:
    """A batch's rows (:func:`record_rows`) naming an id of ``joined`` name the id it was joined
    into, so an article stored after a join lands on the kept actor, not on a new one of the old id."""
    if not any(r[0] in joined for r in tables["actors"]):
        return

    def swap(rows: list[tuple], *positions: int) -> list[tuple]:
        out = []
        for r in rows:
            if any((r[p] in joined) if isinstance(r[p], str) else any(i in joined for i in r[p] or ()) for p in positions):
                r = list(r)
                for p in positions:
                    r[p] = joined.get(r[p], r[p]) if isinstance(r[p], str) else [joined.get(i, i) for i in r[p] or ()]
                r = tuple(r)
            out.append(r)
        return out

    tables["actors"] = [r for r in tables["actors"] if r[0] not in joined]
    tables["article_actors"] = swap(tables["article_actors"], 2)
    tables["mentions"] = swap(tables["mentions"], 3)
    tables["quotes"] = swap(tables["quotes"], 9)
    tables["events"] = swap(tables["events"], 8, 9, 10)


def drop_unused_actors(con: duckdb.DuckDBPyConnection) -> None:
    """Actors no article names any more go, unless an analyst gave them an external id or a name."""
    gone = [r[0] for r in con.execute(
        "SELECT id FROM actors WHERE id NOT IN (SELECT actor_id FROM article_actors) "
        "AND external_id IS NULL AND NOT coalesce(name_fixed, false)").fetchall()]
    con.execute("DELETE FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [gone])
    actorwords.touch(con, gone)
    con.execute("DELETE FROM actor_names WHERE actor_id NOT IN (SELECT id FROM actors)")


def _last_per_origin(failures: Sequence[Failure]) -> list[Failure]:
    return list({f.origin: f for f in failures}.values())
