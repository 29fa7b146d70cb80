"""``Store``: a chronicle store (one DuckDB file) to write records into, query and export.

It knows records and DuckDB only; reading inputs and running the pipeline
into a store is :class:`chronicle.Corpus` (a Store that can ingest).

>>> from chronicle.store import Store
>>> store = Store("chronicle.duckdb", read_only=True)
>>> store.quotes(speaker="Otieno")          # records
>>> store.events(actor="Kenya", as_frame=True)  # a pandas DataFrame
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from chronicle.store.db import duckdb

from chronicle.errors import ChronicleError, CorpusError, CorpusLocked, QueryError
from chronicle.store import query
from chronicle.store.query import name_pattern  # noqa: F401  (kept importable from here)
from chronicle.store.schema import TABLES, check_version, create_schema

if TYPE_CHECKING:  # the records load when one is read back (Store.record): the queries do without them
    from chronicle.records import Article, ArticleRecord, Mention

T = TypeVar("T")
# How long a store that let go of its file (:meth:`Store.release`) waits to get it back.
REOPEN_WAIT = 60.0
# The least a writer waits for the file's lock: a web app keeping the store open between requests
# (chronicle.web.deps.ReadConnections) lets go of it within this once it sees the writer waiting.
WRITER_WAIT = 2.0


# The longest a writer that lets go of the file (Store.release) waits for a reader waiting for it to
# get in. An ingest opens the file again at once for its next batch, and a reader retrying every
# quarter second almost never hit that gap: a request waited out the whole ingest (a CI run saw the
# web app show no article until the last batch had landed).
READER_TURN = 0.5


def waiting_path(path: str, *, reader: bool = False) -> str:
    """The file a writer (or, with ``reader``, a reader) touches while it waits for the store's lock
    and removes once it has it or gives up: readers that keep the store open between requests let
    go of it when they see a writer's, and a writer letting go of the file waits for a reader's."""
    return f"{path}.reading" if reader else f"{path}.waiting"


def writer_waiting(path: str, fresh: float = 5.0) -> bool:
    """Whether a writer is waiting for the lock of the store at ``path`` (its file touched within
    ``fresh`` seconds: a writer that died leaves a stale one, which is ignored)."""
    return _fresh(waiting_path(path), fresh)


def reader_waiting(path: str, fresh: float = 1.0) -> bool:
    """Whether a reader is waiting for the lock of the store at ``path`` (it renews its file at each
    try, at most a quarter second apart, so one older than ``fresh`` seconds was left by a reader
    that is gone)."""
    return _fresh(waiting_path(path, reader=True), fresh)


def _fresh(path: str, fresh: float) -> bool:
    try:
        return time.time() - os.stat(path).st_mtime < fresh
    except OSError:
        return False

# The most memory DuckDB may hold in a process that writes a store: its cache of the file's blocks
# and what its joins, sorts and index builds work in. DuckDB's default, 80% of the machine's
# memory, is no bound: a load keeps the store open and its resident memory grew with the store it
# wrote (115 -> 275 MiB over 10,000 articles). Past this DuckDB drops cached blocks and spills
# work to ``<db>.tmp`` instead; 1 GiB is over twice the most a 10,000-article load or ingest used
# in all (issue 22). ``CHRONICLE_MEMORY_LIMIT`` sets another (a DuckDB size, "4GB").
WRITE_MEMORY_LIMIT = "1GiB"

EXPORT_FORMATS = ("parquet", "jsonl", "csv", "geojson", "acled", "plover", "cameo")


@dataclass(frozen=True)
class QuoteRow:
    article_id: str
    quote_id: str
    published: date | None
    title: str | None
    speaker: str  # the corpus names of the speakers, else the text naming them
    kind: str
    content: str
    cue: str | None
    start: int
    end: int


@dataclass(frozen=True)
class EventRow:
    article_id: str
    event_id: str
    date: date | None  # the event's own day, else the article's publication date
    type: str
    source: str
    target: str
    trigger: str
    status: str
    sentence: str
    start: int
    end: int
    # the event's date as the text gives it: a day, a coarser value ("2024-08") or the two
    # days it may fall on ("2024-07-30/2024-07-31"); None where the publication date stands in
    dated: str | None
    # where: the place's name, ISO3 country, first-level division, coordinates, ACLED-style
    # precision (1 town, 2 region, 3 country or wider) and the rule that located it
    location: str | None = None
    country: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    location_rule: str | None = None


@dataclass(frozen=True)
class ActorRow:
    id: str
    name: str
    kind: str
    country: str | None
    articles: int
    mentions: int
    quotes: int
    events: int


@dataclass(frozen=True)
class PositionRow:
    """A stated position with the corpus names of its holders, speakers and targets."""

    article_id: str
    position_id: str
    date: date | None  # the day the text gives for it, else the article's publication date
    dated: str | None  # the date as the text gives it ("2024-07"), None where publication stands in
    holder: str  # the holders' corpus names, else the text naming them
    holder_ids: list[str]
    speaker: str | None
    kind: str
    topic: str | None
    topic_key: str
    condition: str | None
    target: str | None
    evidence: str  # the sentence
    start: int
    end: int
    quote_id: str | None
    event_id: str | None
    title: str | None


@dataclass(frozen=True)
class MediationRow:
    article_id: str
    mediation_id: str
    published: date | None
    mediators: str
    mediator_ids: list[str]
    parties: str
    party_ids: list[str]
    evidence: str
    start: int
    end: int


def _names_sql(column: str) -> str:
    """The corpus names (and ids) of the article-local actors listed in ``p.{column}``, in their order."""
    return (
        f"(SELECT string_agg(coalesce(ac.name, aa.name), ', ' ORDER BY list_position(p.{column}, aa.local_id)) "
        f"FROM article_actors aa LEFT JOIN actors ac ON ac.id = aa.actor_id "
        f"WHERE aa.article_id = p.article_id AND list_contains(p.{column}, aa.local_id))"
    )


def _ids_sql(column: str) -> str:
    return (
        f"coalesce((SELECT list(aa.actor_id ORDER BY list_position(p.{column}, aa.local_id)) FROM article_actors aa "
        f"WHERE aa.article_id = p.article_id AND list_contains(p.{column}, aa.local_id)), [])"
    )


POSITION_DAY = "coalesce(try_cast(p.date AS DATE), a.published)"
SELECT_POSITIONS = (
    f"SELECT p.article_id, p.id, {POSITION_DAY} AS day, CASE WHEN try_cast(p.date AS DATE) IS NULL THEN p.date "
    f"ELSE p.date END, coalesce({_names_sql('holder_local_ids')}, p.holder, ''), {_ids_sql('holder_local_ids')}, "
    f"coalesce({_names_sql('speaker_local_ids')}, p.speaker), p.kind, p.topic, coalesce(p.topic_key, ''), "
    f"p.condition, coalesce({_names_sql('target_local_ids')}, p.target), "
    "substr(a.text, p.evidence_start + 1, p.evidence_end - p.evidence_start), p.evidence_start, p.evidence_end, "
    "p.quote_id, p.event_id, a.title FROM positions p JOIN articles a ON a.id = p.article_id"
)


@dataclass(frozen=True)
class TimelineRow:
    date: date | None
    actor: str
    what: str  # "quote" or the event's PLOVER type
    role: str  # speaker | source | target
    other: str  # who the event was with
    text: str  # the quote, or the event's sentence
    article_id: str
    start: int
    end: int


def memory_limit() -> str:
    """DuckDB's memory limit for a writing store (:data:`WRITE_MEMORY_LIMIT`, or ``CHRONICLE_MEMORY_LIMIT``)."""
    value = os.environ.get("CHRONICLE_MEMORY_LIMIT", "").strip() or WRITE_MEMORY_LIMIT
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]?i?B", value, re.I):
        raise CorpusError(f"CHRONICLE_MEMORY_LIMIT: not a size like 512MB or 4GiB: {value!r}")
    return value


class Store:
    """A chronicle store in one DuckDB file (``":memory:"`` for a throwaway one).

    Opened for writing it is created if missing; ``read_only=True`` lets
    several processes query one file (but not while another one writes).
    Its errors are CorpusErrors placed at the store's path.
    """

    def __init__(self, path: str | Path = "chronicle.duckdb", *, read_only: bool = False, wait: float = 0.0):
        self.path = str(path)
        self.read_only = read_only
        self.wait = wait  # seconds to keep trying while another process has the file locked
        self._con: duckdb.DuckDBPyConnection | None = None
        self._closed = False
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise CorpusError(
                f"no corpus at this path; create one with: chronicle ingest PATH --db {self.path}", where=self.path
            )
        self._con = self._open(wait)
        try:
            if read_only:
                check_version(self._con)
            else:
                create_schema(self._con)
        except ChronicleError as exc:
            self._con.close()
            raise exc.at(self.path) from None
        except Exception as exc:
            self._con.close()
            raise CorpusError(str(exc), where=self.path) from None

    def _open(self, wait: float) -> duckdb.DuckDBPyConnection:
        """Connect, trying again for up to ``wait`` seconds while another process holds the file's lock
        (DuckDB lets one process write a file, or several read it, never both at once)."""
        writer = not self.read_only and self.path != ":memory:"
        deadline = time.monotonic() + (max(wait, WRITER_WAIT) if writer else wait)
        pause = 0.02
        # a throwaway store lives in memory: a limit there would fail a large one, not bound a cache
        limit = memory_limit() if writer else None
        announced = False
        try:
            while True:
                try:
                    con = duckdb.connect(self.path, read_only=self.read_only)
                    if limit is not None:
                        con.execute(f"SET memory_limit = '{limit}'")
                    return con
                except duckdb.IOException as exc:
                    message = str(exc)
                    if "lock" not in message.lower():
                        raise CorpusError(f"cannot open: {message.splitlines()[0]}", where=self.path) from None
                    if time.monotonic() < deadline:
                        # a writer's file makes readers keeping the store open let go of it
                        # (chronicle.web.deps); a reader's makes a writer letting go wait for it
                        announced = _touch(waiting_path(self.path, reader=not writer)) or announced
                        time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
                        pause = min(pause * 1.5, 0.25)
                        continue
                    pid = re.search(r"PID (\d+)", message)
                    holder = f" (PID {pid.group(1)})" if pid else ""
                    raise CorpusLocked(
                        f"database is locked: in use by another process{holder}; wait for it to finish, or use another --db",
                        where=self.path,
                    ) from None
                except duckdb.Error as exc:
                    raise CorpusError(f"cannot open: {str(exc).splitlines()[0]}", where=self.path) from None
        finally:
            if announced:
                try:
                    os.unlink(waiting_path(self.path, reader=not writer))
                except OSError:
                    pass

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open DuckDB connection; after :meth:`release` it opens again (waiting for a lock
        another process holds, up to :data:`REOPEN_WAIT` seconds at least)."""
        if self._con is None:
            if self._closed:
                raise CorpusError("the store is closed", where=self.path)
            self._con = self._open(max(self.wait, REOPEN_WAIT))
        return self._con

    @connection.setter
    def connection(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    @classmethod
    def on_connection(cls, con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool = True) -> "Store":
        """A Store over a connection someone else opened and closes (the web app's, per request)."""
        store = cls.__new__(cls)
        store.path, store.read_only, store.wait, store._con, store._closed = str(path), read_only, 0.0, con, False
        return store

    # -- lifecycle -----------------------------------------------------------
    def release(self) -> None:
        """Close the file until it is next needed, so another process (``chronicle serve``) can open
        it meanwhile; an ingest releases its store between batches. A ``:memory:`` store stays open."""
        if self._con is not None and self.path != ":memory:":
            self._con.close()
            self._con = None
            if not self.read_only:
                _give_readers_a_turn(self.path)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.path!r})"

    # -- writing -------------------------------------------------------------
    def add(self, records: Iterable[ArticleRecord]) -> None:
        """Store ready ArticleRecords; an article already stored with the same text is left as it is,
        and one stored with another text gets a new version (the old text kept in ``article_versions``)."""
        records = list(records)
        if not records:
            return
        from chronicle.store.writer import Writer

        writer = Writer(self.connection)
        writer.write([(r, r.article.source) for r in records])
        writer.finish()

    # -- actor identity: an analyst's corrections -----------------------------
    def merge_actors(self, keep: str, drop: str) -> str:
        """``drop`` becomes ``keep`` everywhere; ``drop`` stays findable as an old id. Returns ``keep``."""
        from chronicle.store import identity  # loads on first use: the queries do without it

        return identity.merge_actors(self.connection, keep, drop)

    def split_actor(self, actor_id: str, name: str) -> str:
        """The appearances of ``actor_id`` written as ``name`` become an actor of their own; returns its id."""
        from chronicle.store import identity  # loads on first use: the queries do without it

        return identity.split_actor(self.connection, actor_id, name)

    def rename_actor(self, actor_id: str, name: str) -> str:
        """Show ``actor_id`` as ``name`` from now on; ingest no longer changes it."""
        from chronicle.store import identity  # loads on first use: the queries do without it

        return identity.rename_actor(self.connection, actor_id, name)

    def set_external_id(self, actor_id: str, external_id: str | None) -> str:
        """Keep an id from elsewhere (a Wikidata QID, say) with the actor, across re-ingests."""
        from chronicle.store import identity  # loads on first use: the queries do without it

        return identity.set_external_id(self.connection, actor_id, external_id)

    def apply_aliases(self, path: str | Path) -> int:
        """Apply an aliases file (CSV or TSV: ``alias``, ``actor`` name or id, optional
        ``external_id``; a header row and ``#`` lines are skipped). Returns how many rows changed something."""
        from chronicle.store import identity  # loads on first use: the queries do without it

        return identity.apply_aliases(self.connection, read_aliases(path))

    def actor_id(self, actor_id: str) -> str:
        """The id an actor has now (an id merged into another gives the other's)."""
        from chronicle.store import identity  # loads on first use: the queries do without it

        return identity.resolve_id(self.connection, actor_id)

    # -- queries -------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def sandbox(self) -> "Store":
        """Lock a read-only store's connection to the store itself: no file is read or written
        beyond it (``COPY … TO``, ``EXPORT DATABASE``, ``read_csv``, ``ATTACH``, extensions all
        fail), and the settings that say so cannot be changed back. ``chronicle sql`` runs so."""
        if not self.read_only:
            raise CorpusError("only a store opened read-only can be sandboxed", where=self.path)
        self.connection.execute("SET enable_external_access = false")
        self.connection.execute("SET lock_configuration = true")
        return self

    def sql(self, query: str, params: Sequence[Any] | None = None, *, as_frame: bool = False):
        """Run any SQL; a list of dicts (or a DataFrame). SQL DuckDB cannot run is a QueryError."""
        try:
            result = self.connection.execute(query, params or [])
        except duckdb.Error as exc:
            raise QueryError(" ".join(str(exc).split()), where=self.path) from None
        if as_frame:
            return _frame(result)
        if result.description is None:
            return []
        columns = [d[0] for d in result.description]
        return [dict(zip(columns, row)) for row in result.fetchall()]

    def quotes(
        self,
        speaker: str | None = None,
        *,
        article: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        speaker_ids: Sequence[str] | None = None,
        text: str | None = None,
        match: str = "words",
        order: str = "asc",
        limit: int | None = None,
        offset: int = 0,
        as_frame: bool = False,
    ):
        """Quotes in date order (``order="desc"``: newest first), optionally by speaker (part of a
        name, or an actor id; ``match="substring"`` finds part of a word too) or any of
        ``speaker_ids``, in one article, in a date range, or with ``text`` in the quote or its
        speaker's text; ``limit`` rows from ``offset``. :meth:`count_quotes` counts them all."""
        where = self._quote_where(
            speaker, article=article, since=since, until=until, speaker_ids=speaker_ids, text=text, match=match
        )
        sql, params = query.select_quotes(where, order=_choice(order, query.ORDERS, "order"), limit=limit, offset=offset)
        return self._query(sql, params, QuoteRow, as_frame)

    def positions(
        self,
        holder: str | None = None,
        *,
        topic: str | None = None,
        kind: str | None = None,
        article: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        limit: int | None = None,
        offset: int = 0,
        as_frame: bool = False,
    ) -> list[PositionRow] | Any:
        """Stated negotiating positions in date order (the day the text gives, else publication).

        ``holder``: part of a holder's corpus name (any words, any case) or an actor id, also
        matching the speaker ("Hamas", "Blinken"); ``topic``: a topic key (``ceasefire``, as
        chronicle_positions groups topics: "a truce" and "a deal to stop the fighting" are
        ``ceasefire``) or words of the topic phrase; ``kind``: demand, condition, offer, ...
        """
        where, params = self._positions_where(holder, topic, kind, article, since, until)
        sql = SELECT_POSITIONS + where
        sql += f" ORDER BY {POSITION_DAY} NULLS LAST, p.article_id, p.evidence_start, p.id"
        if limit:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self._query(sql, params, PositionRow, as_frame)

    def count_positions(self, holder: str | None = None, *, topic: str | None = None, kind: str | None = None,
                        article: str | None = None, since: str | date | None = None,
                        until: str | date | None = None) -> int:
        """How many positions :meth:`positions` finds with these filters (for paging)."""
        where, params = self._positions_where(holder, topic, kind, article, since, until)
        return self.connection.execute(f"SELECT count(*) FROM ({SELECT_POSITIONS + where})", params).fetchone()[0]

    def _positions_where(self, holder, topic, kind, article, since, until) -> tuple[str, list[Any]]:
        where, params = [], []
        if holder:
            words = [w for w in re.split(r"\s+", holder.strip()) if w]
            names = f"lower(coalesce({_names_sql('holder_local_ids')}, p.holder, '') || ' ' || " \
                    f"coalesce({_names_sql('speaker_local_ids')}, p.speaker, ''))"
            ids = f"list_concat({_ids_sql('holder_local_ids')}, {_ids_sql('speaker_local_ids')})"
            where.append(f"(list_contains({ids}, ?) OR ({' AND '.join(f'contains({names}, ?)' for _ in words)}))")
            params += [holder.strip(), *(w.lower() for w in words)]
        if topic:
            where.append("(lower(p.topic_key) = ? OR contains(lower(coalesce(p.topic, '')), ?))")
            params += [topic.strip().lower(), topic.strip().lower()]
        if kind:
            where.append("p.kind = ?")
            params.append(kind)
        if article:
            where.append("p.article_id = ?")
            params.append(article)
        if since:
            where.append(f"{POSITION_DAY} >= ?")
            params.append(_date(since))
        if until:
            where.append(f"{POSITION_DAY} <= ?")
            params.append(_date(until))
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def mediations(self, *, article: str | None = None, as_frame: bool = False) -> list[MediationRow] | Any:
        """Who acts between whom ("relying on Qatar and Egypt to act as intermediaries"), in date order."""
        sql = (
            f"SELECT p.article_id, p.id, a.published, coalesce({_names_sql('mediator_local_ids')}, ''), "
            f"{_ids_sql('mediator_local_ids')}, coalesce({_names_sql('party_local_ids')}, ''), "
            f"{_ids_sql('party_local_ids')}, substr(a.text, p.evidence_start + 1, p.evidence_end - p.evidence_start), "
            "p.evidence_start, p.evidence_end FROM mediations p JOIN articles a ON a.id = p.article_id"
        )
        params: list[Any] = []
        if article:
            sql += " WHERE p.article_id = ?"
            params.append(article)
        sql += " ORDER BY a.published NULLS LAST, p.article_id, p.evidence_start"
        return self._query(sql, params, MediationRow, as_frame)

    def count_quotes(self, speaker: str | None = None, **filters: Any) -> int:
        """How many quotes :meth:`quotes` finds with the same filters (``limit`` and ``offset`` aside)."""
        return query.count(self.connection, query.QUOTES, self._quote_where(speaker, **filters))

    def events(
        self,
        actor: str | None = None,
        *,
        type: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        article: str | None = None,
        actor_ids: Sequence[str] | None = None,
        source_ids: Sequence[str] | None = None,
        target_ids: Sequence[str] | None = None,
        country: str | None = None,
        bbox: Sequence[float] | str | None = None,
        match: str = "words",
        status: str | Sequence[str] | None = "default",
        order: str = "asc",
        limit: int | None = None,
        offset: int = 0,
        as_frame: bool = False,
    ):
        """Events in date order (``order="desc"``: newest first), optionally involving an actor (as
        source or target; part of a name or an actor id) or any of ``actor_ids``, with any of
        ``source_ids`` as source or ``target_ids`` as target, of a PLOVER type, in one article or
        in a date range (a year or a month is all its days), located in a ``country`` (ISO alpha-3)
        or inside a ``bbox`` (west, south, east, north in degrees, or that as "W,S,E,N"); ``limit``
        rows from ``offset``. ``status``: "default" (what happened or is planned, threats and
        promises made), "all", or statuses by name ("hypothetical,denied"). :meth:`count_events`
        counts them all."""
        where = self._event_where(
            actor, type=type, since=since, until=until, article=article, actor_ids=actor_ids,
            source_ids=source_ids, target_ids=target_ids, country=country, bbox=bbox, match=match, status=status,
        )
        order = _choice(order, query.ORDERS, "order")
        return self._query(*query.select_events(where, order=order, limit=limit, offset=offset), EventRow, as_frame)

    def count_events(self, actor: str | None = None, **filters: Any) -> int:
        """How many events :meth:`events` finds with the same filters (``limit`` and ``offset`` aside)."""
        return query.count(self.connection, query.EVENTS, self._event_where(actor, **filters))

    def actors(
        self,
        top: int | None = 20,
        *,
        kind: str | None = None,
        name: str | None = None,
        ids: Sequence[str] | None = None,
        match: str = "words",
        offset: int = 0,
        as_frame: bool = False,
    ):
        """Actors across the corpus, most widely reported first (articles, then mentions), optionally
        of a kind, named by ``name`` or among ``ids``; ``top`` rows (None: all) from ``offset``.
        :meth:`count_actors` counts them all."""
        where = self._actor_where(kind=kind, name=name, ids=ids, match=match)
        sql, params = query.select_actors(where, limit=top, offset=offset)
        return self._query(sql, params, ActorRow, as_frame)

    def count_actors(self, **filters: Any) -> int:
        """How many actors :meth:`actors` finds with the same filters (``top`` and ``offset`` aside)."""
        return query.count(self.connection, query.ACTORS, self._actor_where(**filters))

    def timeline(self, actor: str, *, limit: int | None = None, offset: int = 0, as_frame: bool = False):
        """What an actor said and did, in date order: quotes (as speaker) and events (as source or target)."""
        ids = query.match_ids(self.connection, actor, active="either") or []
        sql, params = query.select_actor_timeline(self.connection, ids, limit=limit, offset=offset)
        return self._query(sql, params, TimelineRow, as_frame)

    def article(self, article_id: str) -> Article | None:
        from chronicle.records import Article

        row = self.connection.execute(
            "SELECT text, id, title, CAST(published AS VARCHAR), source, url FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return Article(*row) if row else None

    def record(self, article_id: str) -> ArticleRecord | None:
        """The stored record of one article, rebuilt with its article-local actor ids."""
        import json

        from chronicle.records import Actor, ArticleRecord, Event, Geo, Mediation, Mention, Position, Quote, TimeExpression

        article = self.article(article_id)
        if article is None:
            return None
        con = self.connection
        meta = con.execute(
            "SELECT pipeline, warnings, record_schema FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        mentions: dict[str, list[Mention]] = {}
        for local_id, start, end, text, label in con.execute(
            'SELECT local_id, start, "end", text, label FROM mentions WHERE article_id = ? ORDER BY local_id, n',
            [article_id],
        ).fetchall():
            mentions.setdefault(local_id, []).append(Mention(start, end, text, label or ""))
        actors = tuple(
            Actor(
                id=r[0], name=r[1], kind=r[2], country=r[3], role=r[4], affiliation=r[5],
                mentions=tuple(mentions.get(r[0], ())), role_evidence=_mention(r[6], r[7], r[8], r[9]),
                geo=Geo(r[10], r[11], r[14], r[15], r[16], r[12], r[13], r[17], r[18] or "") if r[10] else None,
            )
            for r in con.execute(
                "SELECT local_id, name, kind, country, role, affiliation, role_start, role_end, role_text, role_label, "
                "geo_name, feature, geo_country, admin1, latitude, longitude, geo_precision, geonames_id, geo_rule "
                "FROM article_actors WHERE article_id = ? ORDER BY rowid", [article_id],
            ).fetchall()
        )
        quotes = tuple(
            Quote(
                id=r[0], kind=r[1], content=Mention(r[2], r[3], r[4]), speaker=_mention(r[5], r[6], r[7]),
                speaker_ids=tuple(r[8] or ()), cue=_mention(r[9], r[10], r[11]),
                sentence=_mention(r[12], r[13], _slice(article.text, r[12], r[13])), rule=r[14] or "",
                position_ids=tuple(r[15] or ()),
            )
            for r in con.execute(
                "SELECT id, kind, content_start, content_end, content, speaker_start, speaker_end, speaker, "
                "speaker_local_ids, cue_start, cue_end, cue, sentence_start, sentence_end, rule, position_ids "
                "FROM quotes WHERE article_id = ? ORDER BY rowid", [article_id],
            ).fetchall()
        )
        events = tuple(
            Event(
                id=r[0], type=r[1], trigger=Mention(r[2], r[3], r[4]),
                sentence=Mention(r[5], r[6], _slice(article.text, r[5], r[6])),
                source_ids=tuple(r[7] or ()), target_ids=tuple(r[8] or ()), place_ids=tuple(r[9] or ()),
                source=_mention(r[10], r[11], r[12]), target=_mention(r[13], r[14], r[15]),
                mode=r[16], status=r[17], date=r[18], date_id=r[19], rule=r[20] or "",
                location_id=r[21], location_rule=r[22],
                status_cue=_mention(r[23], r[24], r[25]), position_ids=tuple(r[26] or ()),
            )
            for r in con.execute(
                "SELECT id, type, trigger_start, trigger_end, trigger, sentence_start, sentence_end, "
                "source_local_ids, target_local_ids, place_local_ids, source_start, source_end, source, "
                "target_start, target_end, target, mode, status, date, date_id, rule, location_local_id, location_rule, "
                "status_cue_start, status_cue_end, status_cue, position_ids "
                "FROM events WHERE article_id = ? ORDER BY rowid", [article_id],
            ).fetchall()
        )
        dates = tuple(
            TimeExpression(id=r[0], start=r[1], end=r[2], text=r[3], type=r[4], value=r[5], anchored=bool(r[6]), rule=r[7] or "")
            for r in con.execute(
                'SELECT id, start, "end", text, type, value, anchored, rule FROM dates WHERE article_id = ? ORDER BY rowid',
                [article_id],
            ).fetchall()
        )
        positions = tuple(
            Position(
                id=r[0], kind=r[1], cue=Mention(r[2], r[3], r[4] or ""),
                evidence=Mention(r[5], r[6], _slice(article.text, r[5], r[6])),
                holder_ids=tuple(r[7] or ()), holder=_mention(r[8], r[9], r[10]),
                speaker_ids=tuple(r[11] or ()), speaker=_mention(r[12], r[13], r[14]),
                topic=_mention(r[15], r[16], r[17]), topic_key=r[18] or "", condition=_mention(r[19], r[20], r[21]),
                target_ids=tuple(r[22] or ()), target=_mention(r[23], r[24], r[25]),
                date=r[26], date_id=r[27], quote_id=r[28], event_id=r[29], rule=r[30] or "",
            )
            for r in con.execute(
                "SELECT id, kind, cue_start, cue_end, cue, evidence_start, evidence_end, holder_local_ids, holder_start, "
                "holder_end, holder, speaker_local_ids, speaker_start, speaker_end, speaker, topic_start, topic_end, "
                "topic, topic_key, condition_start, condition_end, condition, target_local_ids, target_start, "
                "target_end, target, date, date_id, quote_id, event_id, rule "
                "FROM positions WHERE article_id = ? ORDER BY rowid", [article_id],
            ).fetchall()
        )
        mediations = tuple(
            Mediation(
                id=r[0], mediator_ids=tuple(r[1] or ()), party_ids=tuple(r[2] or ()), cue=Mention(r[3], r[4], r[5] or ""),
                evidence=Mention(r[6], r[7], _slice(article.text, r[6], r[7])), rule=r[8] or "",
            )
            for r in con.execute(
                "SELECT id, mediator_local_ids, party_local_ids, cue_start, cue_end, cue, evidence_start, evidence_end, "
                "rule FROM mediations WHERE article_id = ? ORDER BY rowid", [article_id],
            ).fetchall()
        )
        return ArticleRecord(
            article=article, actors=actors, quotes=quotes, events=events, dates=dates,
            pipeline=json.loads(meta[0]) if meta[0] else {}, warnings=tuple(meta[1] or ()), schema_version=meta[2],
            positions=positions, mediations=mediations,
        )

    def errors(self, *, as_frame: bool = False):
        """Inputs that did not become records: origin, stage and reason."""
        return self.sql("SELECT origin, article_id, stage, reason, recorded_at FROM errors ORDER BY origin", as_frame=as_frame)

    # -- the fetch cache (chronicle.readers.web) ------------------------------
    FETCH_COLUMNS = ("url", "etag", "last_modified", "status", "canonical", "fetched_at", "article_id")

    def fetches(self) -> list[dict[str, Any]]:
        """What fetching feeds and pages left, one row per URL (see the ``fetches`` table)."""
        cols = ", ".join(self.FETCH_COLUMNS)
        return self.sql(f"SELECT {cols} FROM fetches ORDER BY url")

    def save_fetches(self, rows: Iterable[Sequence[Any]]) -> int:
        """Upsert fetch-cache rows (in :attr:`FETCH_COLUMNS` order); returns how many."""
        rows = [tuple(r) for r in rows]
        if rows:
            cols = ", ".join(self.FETCH_COLUMNS)
            updates = ", ".join(f"{c} = excluded.{c}" for c in self.FETCH_COLUMNS[1:])
            self.connection.executemany(
                f"INSERT INTO fetches ({cols}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET {updates}",
                rows,
            )
        return len(rows)

    # -- export --------------------------------------------------------------
    def export(
        self, out: str | Path, format: str = "parquet", tables: Iterable[str] | None = None, *, status: str = "default",
    ) -> list[Path]:
        """Write each table to ``out/TABLE.{parquet,jsonl,csv}``; returns the files written.

        ``geojson`` writes ``out/events.geojson`` and ``acled`` ``out/events_acled.csv``: the located
        events (see :mod:`chronicle.store.geo`). ``plover`` writes ``out/events_plover.jsonl``, one
        PLOVER JSON record per event, and ``cameo`` ``out/events_cameo.jsonl`` (the same with CAMEO
        root codes) and ``out/events_cameo.csv`` (GDELT column names), for the events ``status``
        keeps (see :meth:`events`; see :mod:`chronicle.store.plover`)."""
        if format not in EXPORT_FORMATS:
            raise CorpusError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}", where=self.path)
        if format in ("plover", "cameo"):
            from chronicle.store import plover

            try:
                query.statuses(status)
            except ValueError as exc:
                raise CorpusError(str(exc), where=self.path) from exc
            folder = Path(out)
            folder.mkdir(parents=True, exist_ok=True)
            return plover.write_plover(self.connection, folder, cameo=format == "cameo", status=status)
        if format in ("geojson", "acled"):
            from chronicle.store import geo

            folder = Path(out)
            folder.mkdir(parents=True, exist_ok=True)
            if format == "geojson":
                return [geo.write_geojson(self.connection, folder / "events.geojson")]
            return [geo.write_acled(self.connection, folder / "events_acled.csv")]
        names = list(tables) if tables else list(TABLES)
        unknown = [t for t in names if t not in TABLES]
        if unknown:
            raise CorpusError(f"unknown table(s): {', '.join(unknown)}; tables are {', '.join(TABLES)}", where=self.path)
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        options = {"parquet": "FORMAT parquet", "jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER"}[format]
        written = []
        for table in names:
            target = folder / f"{table}.{format}"
            quoted = str(target).replace("'", "''")
            self.connection.execute(f"COPY (SELECT * FROM {table}) TO '{quoted}' ({options})")
            written.append(target)
        return written

    # -- helpers -------------------------------------------------------------
    def _quote_where(
        self, speaker: str | None = None, *, article=None, since=None, until=None, speaker_ids=None, text=None,
        match: str = "words",
    ) -> query.Where:
        return query.quote_where(
            self.connection, speaker=speaker, match=_choice(match, query.MATCHES, "match"),
            speaker_ids=_ids(speaker_ids), article=article, since=_date(since), until=_date(until), text=text,
        )

    def _event_where(
        self, actor: str | None = None, *, type=None, since=None, until=None, article=None, actor_ids=None,
        source_ids=None, target_ids=None, country=None, bbox=None, match: str = "words", status="default",
    ) -> query.Where:
        try:
            statuses = query.statuses(status)
        except ValueError as exc:
            raise CorpusError(str(exc)) from exc
        return query.event_where(
            self.connection, actor=actor, match=_choice(match, query.MATCHES, "match"), actor_ids=_ids(actor_ids),
            source_ids=_ids(source_ids), target_ids=_ids(target_ids), type=type, article=article,
            since=_date(since), until=_date(until), country=country, bbox=query.parse_bbox(bbox), statuses=statuses,
        )

    def _actor_where(self, *, kind=None, name=None, ids=None, match: str = "words") -> query.Where:
        return query.actor_where(
            self.connection, kind=kind, name=name, match=_choice(match, query.MATCHES, "match"), ids=_ids(ids)
        )

    def _query(self, sql: str, params: list[Any], cls: Callable[..., T], as_frame: bool) -> list[T] | Any:
        result = self.connection.execute(sql, params)
        if as_frame:
            return _frame(result)
        names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
        return [cls(**dict(zip(names, row))) for row in result.fetchall()]


def _give_readers_a_turn(path: str) -> None:
    """Wait (up to :data:`READER_TURN` seconds) while a reader waits for the file just let go of,
    so that it gets in before this writer opens the file again."""
    deadline = time.monotonic() + READER_TURN
    while reader_waiting(path) and time.monotonic() < deadline:
        time.sleep(0.005)


def _touch(path: str) -> bool:
    """Create ``path`` or renew its time; False where it cannot be written."""
    try:
        with open(path, "a"):
            pass
        os.utime(path)
        return True
    except OSError:
        return False


def _date(value: str | date | None) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CorpusError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise CorpusError(f"{what} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _ids(ids: Sequence[str] | None) -> list[str] | None:
    """A list of actor ids to bind (a single id string is one id); None when not filtering."""
    if ids is None:
        return None
    return [ids] if isinstance(ids, str) else list(ids)


def _mention(start, end, text, label=None) -> Mention | None:
    if start is None:
        return None
    from chronicle.records import Mention

    return Mention(start, end, text or "", label or "")


def _slice(text: str, start: int | None, end: int | None) -> str:
    return text[start:end] if start is not None else ""


def _frame(result: duckdb.DuckDBPyConnection):
    try:
        return result.df()
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the environment
        raise CorpusError("as_frame=True needs pandas: pip install 'chronicle[pandas]'") from exc


def read_aliases(path: str | Path) -> list[tuple[str, str, str | None]]:
    """Rows of an aliases file: ``alias, actor[, external_id]``, comma- or tab-separated."""
    import csv

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CorpusError(f"cannot read the aliases file: {exc.strerror or exc}", where=path) from None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    dialect = "excel-tab" if "\t" in lines[0] else "excel"
    rows = list(csv.reader(lines, dialect=dialect))
    if [c.strip().lower() for c in rows[0][:2]] == ["alias", "actor"]:
        rows = rows[1:]
    out = []
    for n, row in enumerate(rows, 1):
        cells = [c.strip() for c in row]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise CorpusError(f"row {n} needs an alias and an actor: {row!r}", where=path)
        out.append((cells[0], cells[1], cells[2] if len(cells) > 2 and cells[2] else None))
    return out
