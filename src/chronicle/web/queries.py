"""Read queries for the web view, on top of the store's schema and :class:`Corpus`.

Every query here is a fixed SQL string; request values are only ever bound
as ``?`` parameters. Quotes, events and actors are the rows of
``Corpus.quotes()``/``events()``/``actors()``, built by the same
:mod:`chronicle.store.query` functions (plus the actor ids behind the names),
one page at a time with the total. Names typed in the web view's boxes match
as substrings (``match="substring"``). The timeline is the store's one
timeline query (``query.select_timeline``, which ``Corpus.timeline()`` runs
too). The web-only queries (actor page, network, articles, overview) build
their filters with the same :class:`~chronicle.store.query.Where`.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

import duckdb

from chronicle.store import ActorRow, EventRow, QuoteRow, actorwords, query, words
from chronicle.store.query import Where, like


@dataclass
class Page:
    """One page of rows and how many there are in all."""

    total: int
    limit: int
    offset: int
    items: list[Any] = field(default_factory=list)
    more: bool = False  # the total was counted up to a bound and there are more (search: "1000+")

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.limit))

    def as_json(self) -> dict[str, Any]:
        out = {
            "total": self.total, "limit": self.limit, "offset": self.offset,
            "items": [asdict(i) if hasattr(i, "__dataclass_fields__") else i for i in self.items],
        }
        if self.more:
            out["more"] = True
        return out


def _total(con: duckdb.DuckDBPyConnection, table: str, where: Where, counted: bool, offset: int, rows: list) -> int:
    """How many rows ``where`` keeps (``counted``), else as many as the page reaches."""
    return query.count(con, table, where) if counted else offset + len(rows)


# Search counts what it finds up to this many (then shows "1000+"): a common word's every quote and
# article is not counted to show one page of them.
SEARCH_COUNT = 1000


def _capped(con: duckdb.DuckDBPyConnection, source: str, where: Where, most: int) -> tuple[int, bool]:
    """How many rows of ``source`` ``where`` keeps, counted up to ``most``; and whether there are more."""
    n = con.execute(f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE {where.sql} LIMIT ?)",
                    where.params + [most + 1]).fetchone()[0]
    return min(n, most), n > most


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    result = con.execute(sql, params)
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row)) for row in result.fetchall()]


def _as(cls, rows: list[dict[str, Any]]) -> list[Any]:
    names = [f.name for f in fields(cls)]
    return [cls(**{n: r[n] for n in names}) for r in rows]


# -- actors ------------------------------------------------------------------

def match_actors(con: duckdb.DuckDBPyConnection, actor: str | None) -> list[str] | None:
    """Actor ids for an id or part of a name (a substring); None when not filtering."""
    return query.match_ids(con, actor, "substring")


def names(con: duckdb.DuckDBPyConnection, ids: list[str] | set[str]) -> dict[str, str]:
    """id -> name of the actors ``ids``, looked up as constants (a join would read every actor)."""
    return _by_id(con, "actors", "name", ids)


def _titles(con: duckdb.DuckDBPyConnection, ids: list[str] | set[str]) -> dict[str, str | None]:
    """article id -> title of the articles ``ids``, looked up as constants."""
    return _by_id(con, "articles", "title", ids)


# Ids looked up as constants at a time (DuckDB reads only the rows of each through the key's index).
BY_ID = 500


def _by_id(con: duckdb.DuckDBPyConnection, table: str, column: str, ids: list[str] | set[str]) -> dict[str, Any]:
    ids = sorted(set(ids))
    out: dict[str, Any] = {}
    for k in range(0, len(ids), BY_ID):
        chunk = ids[k:k + BY_ID]
        out.update(con.execute(f"SELECT id, {column} FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})",
                               chunk).fetchall())
    return out


def actors(
    con: duckdb.DuckDBPyConnection,
    *,
    kind: str | None = None,
    name: str | None = None,
    ids: list[str] | None = None,
    limit: int = 50,
    offset: int = 0,
    counted: bool = True,
) -> Page:
    """Actors, most widely reported first (articles, then mentions) — ``Corpus.actors()`` rows, paginated
    (``counted=False``: the total is not counted, only what the page holds, for callers that show none)."""
    if name and kind is None and ids is None and counted and not _an_id(con, name):
        found = _named_in_index(con, name, limit, offset)
        if found is not None:
            return found
        # Actors whose name contains ``name`` (as match_ids finds them), ranked and counted in
        # one read of the actors.
        sql, params = query.name_contains(name)
        where = Where()
        where.terms.append(sql)
        where.params.extend(params)
        ranked, ranked_params = query.select_actors(where, bounded=False)
        rows = _rows(con, f"SELECT *, count(*) OVER () AS n_found FROM ({ranked}) "
                          "ORDER BY articles DESC, mentions DESC, name, id LIMIT ? OFFSET ?",
                     ranked_params + [limit, offset])
        total = rows[0]["n_found"] if rows else query.count(con, query.ACTORS, where) if offset else 0
        for r in rows:
            del r["n_found"]
        return Page(total, limit, offset, _as(ActorRow, rows))
    named = query.match_ids(con, name, "substring")
    where = query.actor_where(con, kind=kind, ids=ids)
    where.add("x.id IN (SELECT unnest(?::VARCHAR[]))", named)  # a hash join, as actor_where's
    # A list of ids (the actors a name matched) is sorted whole; it is its own count when it is all
    # the filter (ids of distinct actors).
    few = named is not None or ids is not None
    rows = _rows(con, *query.select_actors(where, limit=limit, offset=offset, bounded=not few))
    if counted and named is not None and kind is None and ids is None:
        total = len(set(named))
    else:
        total = _total(con, query.ACTORS, where, counted, offset, rows)
    return Page(total, limit, offset, _as(ActorRow, rows))


def _named_in_index(con: duckdb.DuckDBPyConnection, name: str, limit: int, offset: int) -> Page | None:
    """The page of actors whose name contains ``name`` (as :func:`actors` ranks them) and their
    number, from the rows of the names index that hold its words (:mod:`chronicle.store.actorwords`:
    each row carries the columns shown and sorted by); None when ``name`` is too short for it."""
    vocab = actorwords.words_containing(con, query.name_pieces(name))
    if vocab is None:
        return None
    if not vocab:
        return Page(0, limit, offset, [])
    sql, params = query.name_contains(name, part="part")
    found = ("SELECT DISTINCT actor_id AS id, name, kind, country, coalesce(n_articles, 0) AS articles, "
             "coalesce(n_mentions, 0) AS mentions, coalesce(n_quotes, 0) AS quotes, coalesce(n_events, 0) AS events "
             f"FROM actor_words WHERE word = ANY(?::VARCHAR[]) AND {sql}")
    rows = _rows(con, f"SELECT *, count(*) OVER () AS n_found FROM ({found}) "
                      "ORDER BY articles DESC, mentions DESC, name, id LIMIT ? OFFSET ?", [vocab, *params, limit, offset])
    if rows:
        total = rows[0]["n_found"]
    else:
        total = con.execute(f"SELECT count(*) FROM ({found})", [vocab, *params]).fetchone()[0] if offset else 0
    for r in rows:
        del r["n_found"]
    return Page(total, limit, offset, _as(ActorRow, rows))


def _an_id(con: duckdb.DuckDBPyConnection, text: str) -> bool:
    return con.execute("SELECT count(*) FROM actors WHERE id = ?", [text]).fetchone()[0] > 0


def actor(con: duckdb.DuckDBPyConnection, actor_id: str) -> ActorRow | None:
    """One actor's ``ActorRow``: the counts kept on its row (:mod:`chronicle.store.stats`)."""
    row = con.execute(
        "SELECT id, name, kind, country, coalesce(n_articles, 0), coalesce(n_mentions, 0), coalesce(n_quotes, 0), "
        "coalesce(n_events, 0) FROM actors WHERE id = ?", [actor_id]).fetchone()
    return None if row is None else ActorRow(*row)


def actor_detail(con: duckdb.DuckDBPyConnection, actor_id: str, *, limit: int = 25) -> dict[str, Any] | None:
    """Everything the actor page shows: roles, aliases, quotes, events, who they talk about, and back.

    An id merged into another actor shows that actor (its ``merged_from`` lists the old ids).
    """
    row = actor(con, actor_id)
    if row is None:
        moved = con.execute("SELECT new_id FROM actor_merges WHERE old_id = ?", [actor_id]).fetchone()
        row = actor(con, moved[0]) if moved else None
        if row is None:
            return None
        actor_id = row.id
    # All from the per-actor index and its tallies (chronicle.store.byactor): the actor's rows only.
    mine = "FROM actor_records WHERE actor_id = ? AND role = ?"
    roles = _rows(
        con,
        f"""SELECT key AS role, detail AS affiliation, sum(n)::BIGINT AS n {TALLIED} GROUP BY ALL HAVING sum(n) > 0
           ORDER BY n DESC, role NULLS LAST, affiliation NULLS LAST LIMIT 12""",
        [actor_id, "role"],
    )
    aliases = _rows(
        con,
        f"""SELECT key AS alias, sum(n)::BIGINT AS n {TALLIED} AND key <> ? GROUP BY ALL HAVING sum(n) > 0
           ORDER BY n DESC, alias LIMIT 30""",
        [actor_id, "alias", row.name],
    )
    aliases = _merge_spacing(aliases, row.name)[:15]
    # The newest articles' rows (a top-N of the actor's rows, not a count of every article), summed.
    sums: dict[tuple, int | None] = {}
    for day, article, n in query.first_rows(con, f"SELECT day, article_id, n {mine}", [actor_id, "article"], "desc",
                                            limit, columns="day, article_id, n", whole=True, articles="asc",
                                            window=query.day_window(con, [(actor_id, "article")], "desc")):
        had = sums.get((day, article))
        sums[(day, article)] = n if had is None else had + (n or 0)  # SQL's sum: NULL only if every n is
    page = [(article, day, n) for (day, article), n in sums.items()]
    titles: dict[str, str] = {}
    if page:
        cut, params = query.narrowing("a", [(d, a) for a, d, _ in page], key="id", day="published")
        titles = dict(con.execute(f"SELECT a.id, a.title FROM articles a WHERE {cut}", params).fetchall())
    articles_ = [{"id": a, "title": titles.get(a), "published": d, "mentions": n} for a, d, n in page]
    said = quotes(con, speaker_ids=[actor_id], limit=limit, order="desc")
    as_source = events(con, source_ids=[actor_id], limit=limit, order="desc")
    as_target = events(con, target_ids=[actor_id], limit=limit, order="desc")
    # Actors named inside this actor's quotes, and speakers whose quotes name this actor.
    talks_about, talked_about_by = (_rows(
        con,
        f"""SELECT key AS id, sum(n)::BIGINT AS n {TALLIED} GROUP BY 1 HAVING sum(n) > 0
           ORDER BY n DESC, id LIMIT 15""",
        [actor_id, kind],
    ) for kind in ("about", "mentioned"))
    network = actor_network(con, actor_id, talks_about, talked_about_by)
    ids = {r["id"] for r in talks_about + talked_about_by} | {n["id"] for n in network["nodes"]}
    named = names(con, ids)
    for r in talks_about + talked_about_by:
        r["name"] = named.get(r["id"], r["id"])
    for n in network["nodes"]:
        n["name"] = named.get(n["id"], n["id"])
    identity = {
        "external_id": con.execute("SELECT external_id FROM actors WHERE id = ?", [actor_id]).fetchone()[0],
        "merged_from": [r[0] for r in con.execute(
            "SELECT old_id FROM actor_merges WHERE new_id = ? ORDER BY old_id", [actor_id]).fetchall()],
    }
    return {
        "identity": identity,
        "actor": row, "roles": roles, "aliases": aliases, "articles": articles_,
        "quotes": said, "as_source": as_source, "as_target": as_target,
        "talks_about": talks_about, "talked_about_by": talked_about_by, "network": network,
    }


# An actor's tallies of one kind (chronicle.store.byactor: counted at ingest, summed here).
TALLIED = "FROM actor_tallies WHERE actor_id = ? AND kind = ?"


def _merge_spacing(aliases: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    """Aliases that differ only in spacing (non-breaking spaces, line breaks) counted as one; not the name itself."""
    merged: dict[str, int] = {}
    for a in aliases:
        text = " ".join(a["alias"].split())
        if text and text != name:
            merged[text] = merged.get(text, 0) + a["n"]
    return [{"alias": k, "n": v} for k, v in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))]


def actor_network(
    con: duckdb.DuckDBPyConnection,
    actor_id: str,
    talks_about: list[dict[str, Any]] | None = None,
    talked_about_by: list[dict[str, Any]] | None = None,
    *,
    size: int = 12,
) -> dict[str, Any]:
    """The actor, the ``size`` actors they interact with most (events either way, quotes about each
    other), and the links among them: ``{"nodes": [{id, weight}], "links": [{source, target, weight, kind}]}``."""
    # Weights: events either way (every partner's tallies) plus the quote counts given (the page's
    # lists), summed per actor and cut to the top ``size`` in SQL: the busiest actor at 1M articles
    # has 25,000 event partners, which fetched and ranked in Python cost 100 ms.
    quoted = (talks_about or []) + (talked_about_by or [])
    weight: dict[str, int] = {}
    evented: dict[str, bool] = {}  # an event partner (else only quoted)
    for i, n, event in con.execute(
        """WITH partners AS (
               SELECT key AS id, sum(n)::BIGINT AS n FROM actor_tallies
               WHERE actor_id = ? AND kind IN ('source', 'target') AND key <> ? GROUP BY 1 HAVING sum(n) > 0)
           SELECT id, sum(n)::BIGINT AS n, bool_or(event) FROM (
               SELECT id, n, true AS event FROM partners
               UNION ALL
               SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[]), false)
           GROUP BY id ORDER BY n DESC, id LIMIT ?""",
        [actor_id, actor_id, [r["id"] for r in quoted], [r["n"] for r in quoted], size],
    ).fetchall():
        weight[i], evented[i] = n, event
    top = list(weight)
    nodes = [{"id": actor_id, "weight": sum(weight[i] for i in top), "center": True}]
    nodes += [{"id": i, "weight": weight[i], "center": False} for i in top]
    links = [
        {"source": actor_id, "target": i, "weight": weight[i], "kind": "event" if evented[i] else "quote"}
        for i in top
    ]
    if len(top) > 1:
        # Each pair of them (in either direction) counted by the events with one as a source and the
        # other as a target, from the sources' tallies.
        marks = ", ".join("?" * len(top))
        for s, t, n in con.execute(
            f"""SELECT least(actor_id, key), greatest(actor_id, key), sum(n)::BIGINT FROM actor_tallies
               WHERE actor_id IN ({marks}) AND kind = 'source' AND list_contains(?::VARCHAR[], key)
                 AND actor_id <> key
               GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2""",
            [*top, top],
        ).fetchall():
            links.append({"source": s, "target": t, "weight": n, "kind": "event"})
    return {"nodes": nodes, "links": links}


# -- quotes and events ---------------------------------------------------------

def quotes(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    speaker_ids: list[str] | None = None,
    article: str | None = None,
    since: date | None = None,
    until: date | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
    order: str = "asc",
    counted: bool = True,
    most: int | None = None,
) -> Page:
    """Quotes in date order — ``Corpus.quotes()`` rows, with text search and pagination (``counted``: as
    :func:`actors`; ``most``: counted up to that many, the page's ``more`` saying whether there are more)."""
    where = query.quote_where(
        con, speaker=speaker, match="substring", speaker_ids=speaker_ids, article=article,
        since=since, until=until, text=q,
    )
    if where.keyed is not None:
        where.keyed.counting = counted and most is None
    rows = _rows(con, *query.select_quotes(where, order=order, limit=limit, offset=offset, ids=True, named=False))
    named = names(con, {i for r in rows for i in r["speaker_ids"] or ()})
    titles = _titles(con, {r["article_id"] for r in rows})
    items = []
    for r in rows:
        r["speaker"] = query.named_or(named, r["speaker_ids"], r["speaker_text"])
        r["title"] = titles.get(r["article_id"])
        item = asdict(_as(QuoteRow, [r])[0])
        item["speaker_ids"] = list(r["speaker_ids"] or [])
        item["speakers"] = _people(named, item["speaker_ids"], r["speaker_text"])
        items.append(item)
    if most is not None:
        total, more = _capped(con, query.QUOTES, where, most)
        return Page(total, limit, offset, items, more)
    return Page(_total(con, query.QUOTES, where, counted, offset, items), limit, offset, items)


def _people(named: dict[str, str], ids: list[str], text: str | None) -> list[dict[str, str | None]]:
    """``[{id, name}]`` for linked actors, else one unlinked ``{id: None, name: text}``."""
    found = [{"id": i, "name": named.get(i, i)} for i in ids]
    return found or ([{"id": None, "name": text}] if text else [])


def events(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    source_ids: list[str] | None = None,
    target_ids: list[str] | None = None,
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    article: str | None = None,
    country: str | None = None,
    bbox: str | None = None,
    statuses: tuple[str, ...] | None = query.DEFAULT_STATUSES,
    limit: int = 50,
    offset: int = 0,
    order: str = "asc",
    counted: bool = True,
) -> Page:
    """Events in date order — ``Corpus.events()`` rows (plus actor ids), paginated; ``country`` and
    ``bbox`` ("W,S,E,N") keep those located there; ``statuses`` None for any (``counted``: as :func:`actors`)."""
    where = query.event_where(
        con, actor=actor, match="substring", source_ids=source_ids, target_ids=target_ids, type=type,
        article=article, since=since, until=until, country=country, bbox=query.parse_bbox(bbox), statuses=statuses,
    )
    if where.keyed is not None:
        where.keyed.counting = counted
    rows = _rows(con, *query.select_events(where, order=order, limit=limit, offset=offset, ids=True, named=False))
    named = names(con, {i for r in rows for k in ("source_ids", "target_ids") for i in r[k] or ()})
    titles = _titles(con, {r["article_id"] for r in rows})
    items = []
    for r in rows:
        r["source"] = query.named_or(named, r["source_ids"], r["source_text"])
        r["target"] = query.named_or(named, r["target_ids"], r["target_text"])
        r["title"] = titles.get(r["article_id"])
        item = asdict(_as(EventRow, [r])[0])
        item.update(source_ids=list(r["source_ids"] or []), target_ids=list(r["target_ids"] or []), title=r["title"])
        item["sources"] = _people(named, item["source_ids"], r["source_text"])
        item["targets"] = _people(named, item["target_ids"], r["target_text"])
        items.append(item)
    return Page(_total(con, query.EVENTS, where, counted, offset, items), limit, offset, items)


def timeline(
    con: duckdb.DuckDBPyConnection,
    *,
    actor_ids: list[str] | None = None,
    kind: str = "all",
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    statuses: tuple[str, ...] | None = query.DEFAULT_STATUSES,
    limit: int = 50,
    offset: int = 0,
    order: str = "asc",
    counted: bool = True,
) -> Page:
    """Quotes and events together in date order: a page of the store's timeline
    (``query.select_timeline``), each row filled in with its text, its speakers or its sources and
    targets, and what the page shows of it. With ``actor_ids``: what those actors said (as speaker)
    and did or had done to them (as source or target). A ``type`` keeps events only (``counted``: as
    :func:`actors`)."""
    filters = {"actor_ids": actor_ids, "kind": kind, "type": type, "since": since, "until": until,
               "statuses": statuses}
    total = query.count_timeline(con, **filters) if counted else None
    # The page marks an event's trigger word, so its row points at (and sorts by) the trigger.
    page = _rows(con, *query.select_timeline(
        con, **filters, event_span="trigger", order=order, limit=limit, offset=offset
    ))
    # Fill in the page's rows (at most ``limit``) with their details: a few small queries by key
    # cost less than joining them into the page's query.
    quote_keys = [[r["article_id"], r["record_id"]] for r in page if r["what"] == "quote"]
    event_keys = [[r["article_id"], r["record_id"]] for r in page if r["what"] != "quote"]
    details: dict[tuple[str, str, str], dict[str, Any]] = {}
    for what, keys, columns, table in (
        ("quote", quote_keys, "t.kind, t.content AS text, t.speaker, t.speaker_ids, t.cue", "quotes"),
        ("event", event_keys, "t.trigger, t.status, t.source, t.target, t.source_ids, t.target_ids, t.sentence AS text",
         "events"),
    ):
        if not keys:
            continue
        # The page's articles as constants: DuckDB reads only their rows (and titles).
        articles_ = sorted({k[0] for k in keys})
        marks = ", ".join("?" * len(articles_))
        for r in _rows(
            con,
            f"""SELECT t.article_id, t.id, a.title, {columns}
               FROM {table} t JOIN articles a ON a.id = t.article_id
               WHERE t.article_id IN ({marks}) AND a.id IN ({marks})
                 AND list_contains(?::VARCHAR[][], [t.article_id, t.id])""",
            articles_ + articles_ + [keys],
        ):
            details[(what, r["article_id"], r["id"])] = r
    ids: set[str] = set()
    for r in details.values():
        for key in ("speaker_ids", "source_ids", "target_ids"):
            ids.update(r.get(key) or ())
    named = names(con, ids)
    items = []
    for r in page:
        is_quote = r["what"] == "quote"
        det = details.get(("quote" if is_quote else "event", r["article_id"], r["record_id"]), {})

        def people(key: str, fallback: str) -> list[dict[str, str | None]]:
            return _people(named, list(det.get(key) or ()), det.get(fallback))

        items.append({
            "date": r["date"], "what": r["what"], "article_id": r["article_id"], "record_id": r["record_id"],
            "title": det.get("title"), "text": det.get("text") or "", "start": r["start"], "end": r["end"],
            "kind": det.get("kind"), "cue": det.get("cue"), "trigger": det.get("trigger"), "status": det.get("status"),
            "speakers": people("speaker_ids", "speaker") if is_quote else [],
            "sources": [] if is_quote else people("source_ids", "source"),
            "targets": [] if is_quote else people("target_ids", "target"),
        })
    return Page(offset + len(items) if total is None else total, limit, offset, items)


# -- articles, overview, search ------------------------------------------------

def articles(
    con: duckdb.DuckDBPyConnection,
    *,
    q: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """Articles, newest first; with ``q``, those whose title or text has, for each of its words, a
    word it starts, found in the word index (:mod:`chronicle.store.words`) without reading a text
    (a ``q`` with no words matches as a substring of the title or text)."""
    where = Where().add("a.published >= ?", since).add("a.published <= ?", until)
    found = words.query_words(con, q)
    if found:
        sql, params = words.matching(found)
        where.add(f"a.id IN ({sql})", *params)
    elif q:
        where.add("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')", like(q), like(q))
    columns = "a.id, a.title, a.published, a.source, a.url, a.n_chars"
    order = "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?"
    newest = _newest_with_words(con, found, columns, limit, offset) if found and not since and not until else None
    if newest is not None:
        rows, total = newest
    elif q:  # the matching articles are found once: the page and their number in one pass
        rows = _rows(con, f"SELECT {columns}, count(*) OVER () AS n_found FROM articles a WHERE {where.sql} {order}",
                     where.params + [limit, offset])
        if rows:
            total = rows[0]["n_found"]
        else:
            total = query.count(con, "articles a", where) if offset else 0
        for r in rows:
            del r["n_found"]
    else:  # the newest days first (query.windowed); the count is the table's, or a date range's
        total = query.count(con, "articles a", where)
        where.window = query.Window(con, "articles a", "a.published")
        page = query.windowed(where, "desc", limit, offset)
        rows = _rows(con, f"SELECT {columns} FROM articles a WHERE {page.sql} {order}", page.params + [limit, offset])
    # The page's records counted by its ids as constants: DuckDB reads only those articles' rows.
    ids = [r["id"] for r in rows]
    counts: dict[str, dict[str, int]] = {i: {"quotes": 0, "events": 0, "actors": 0} for i in ids}
    if ids:
        marks = ", ".join("?" * len(ids))
        # A quote's day is its article's: the page's days as constants let zonemaps skip the rest.
        quoted, quoted_params = query.narrowing("quotes", [(r["published"], r["id"]) for r in rows])
        for table, key, cut, cut_params in (("quotes", "quotes", quoted, quoted_params),
                                            ("events", "events", f"article_id IN ({marks})", ids),
                                            ("article_actors", "actors", f"article_id IN ({marks})", ids)):
            for aid, n in con.execute(f"SELECT article_id, count(*) FROM {table} WHERE {cut} GROUP BY 1",
                                      cut_params).fetchall():
                counts[aid][key] = n
    for r in rows:
        r.update(counts[r["id"]])
    return Page(total, limit, offset, rows)


def _newest_with_words(con: duckdb.DuckDBPyConnection, found: list[str], columns: str, limit: int,
                       offset: int) -> tuple[list[dict[str, Any]], int] | None:
    """The page of the newest articles having ``found`` (the query's words) and how many have them,
    without reading every matching article: the number from the word index alone
    (:func:`words.count`), the page among the newest articles (a window of the newest days,
    :func:`query.window_cut`, expected to hold twice the page's matches at their share of the
    articles, 8 times wider while it holds too few): their numbers are looked up and checked
    against the word index. None when the window would take half the articles: then the caller
    reads every match."""
    total = words.count(con, found)
    need = int(limit) + int(offset)
    if not total or not limit:
        return [], total
    everything = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    window = query.Window(con, "articles a", "a.published")
    span = max(need, math.ceil(2 * need * everything / total))
    while 2 * span < everything:
        cut = query.window_cut([(window, Where())], "desc", span)
        if cut is None:
            return None
        ids = [r[0] for r in con.execute(f"SELECT a.id FROM articles a WHERE a.published {cut[0]} ?", [cut[1]]).fetchall()]
        numbered = words.ids_to_numbers(con, ids)
        having = {r[0] for r in con.execute(words.numbers_sql(len(found), among=True),
                                            words.among(found, list(numbered.values()))).fetchall()}
        matched = [a for a, n in numbered.items() if n in having]
        if len(matched) >= need:  # the window keeps whole days: its newest matches are the page
            rows = _rows(con, f"SELECT {columns} FROM articles a WHERE a.published {cut[0]} ? "
                              "AND a.id IN (SELECT unnest(?::VARCHAR[])) "
                              "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
                         [cut[1], matched, limit, offset])
            return rows, total
        span *= query.WINDOW_GROWTH
    return None


def article_links(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, str]:
    """Article-local actor id → corpus-wide actor id, for linking an article's actors to their pages."""
    return dict(
        con.execute("SELECT local_id, actor_id FROM article_actors WHERE article_id = ?", [article_id]).fetchall()
    )


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    counts = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "actors", "quotes", "events", "dates", "errors")
    }
    first, last = con.execute("SELECT min(published), max(published) FROM articles").fetchone()
    types = _rows(con, "SELECT type, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, type", [])
    return {
        "counts": counts, "first": first, "last": last, "types": types,
        "actors": actors(con, limit=15, counted=False).items,
        "events": events(con, limit=12, order="desc", counted=False).items,
        "quotes": quotes(con, limit=6, order="desc", counted=False).items,
    }


def search(con: duckdb.DuckDBPyConnection, q: str, *, limit: int = 20) -> dict[str, Any]:
    """Actors by name, quotes by text or speaker, articles by title or text; quotes counted up to
    :data:`SEARCH_COUNT` (``more`` says there are more)."""
    found = actors(con, name=q, limit=limit)
    return {
        "q": q,
        "actors": {"total": found.total, "items": [asdict(a) for a in found.items]},
        "quotes": quotes(con, q=q, limit=limit, order="desc", most=SEARCH_COUNT).as_json(),
        "articles": articles(con, q=q, limit=limit).as_json(),
    }


# -- map ---------------------------------------------------------------------

MAP_LIMIT = 2000


def map_points(
    con: duckdb.DuckDBPyConnection, *, type: str | None = None, since: date | None = None, until: date | None = None,
    country: str | None = None, bbox: str | None = None, limit: int = MAP_LIMIT,
) -> dict[str, Any]:
    """Located events for the map: one point per place, each with its events (newest first) and
    a link to every event's evidence; plus the total located and how many events have no place."""
    from chronicle.store import geo as store_geo
    from chronicle.web.worldmap import project

    where = query.event_where(con, type=type, since=since, until=until, country=country, bbox=query.parse_bbox(bbox))
    rows = store_geo.located_events(con, where)
    total = len(rows)
    rows = sorted(rows, key=lambda r: (r["date"] is None, r["date"]), reverse=True)[:limit]
    points: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        key = (round(r["latitude"], 4), round(r["longitude"], 4))
        point = points.get(key)
        if point is None:
            x, y = project(r["longitude"], r["latitude"])
            point = points[key] = {"location": r["location"], "country": r["country"], "latitude": r["latitude"],
                                   "longitude": r["longitude"], "precision": r["geo_precision"], "x": x, "y": y,
                                   "events": []}
        point["events"].append(r)
    unlocated = con.execute("SELECT count(*) FROM events WHERE latitude IS NULL").fetchone()[0]
    return {"points": list(points.values()), "total": total, "shown": len(rows), "unlocated": unlocated,
            "geojson": store_geo.geojson(rows)}


MAX_NEGOTIATION_ROWS = 500
MAX_PARTIES = 6
RESPONSE_KINDS = ("acceptance", "refusal", "condition", "support", "denial")


def negotiation_topics(con: duckdb.DuckDBPyConnection, *, limit: int = 50) -> list[dict[str, Any]]:
    """The topic keys positions are grouped under, the most stated first."""
    return _rows(
        con,
        "SELECT topic_key, count(*) AS positions, count(DISTINCT article_id) AS articles FROM positions "
        "WHERE coalesce(topic_key, '') <> '' GROUP BY topic_key ORDER BY positions DESC, topic_key LIMIT ?",
        [limit],
    )


def negotiation(store: Any, *, topic: str | None, holder: str | None = None) -> dict[str, Any]:
    """One negotiation as a grid: its parties (the holders with the most positions) as columns,
    days down the page, each cell the positions of that party on that day; the mediations stated
    in the same articles; each proposal or offer with the answers other parties gave to the same
    topic on or after its day."""
    rows = store.positions(holder, topic=topic, limit=MAX_NEGOTIATION_ROWS)
    counts: dict[str, int] = {}
    label: dict[str, str] = {}
    for r in rows:
        for actor_id, name in zip(r.holder_ids, r.holder.split(", ")):
            counts[actor_id] = counts.get(actor_id, 0) + 1
            label[actor_id] = name
    parties = sorted(counts, key=lambda i: (-counts[i], label[i]))[:MAX_PARTIES]
    days: dict[Any, dict[str, list[Any]]] = {}
    for r in rows:
        for actor_id in r.holder_ids:
            if actor_id in parties:
                days.setdefault(r.date, {}).setdefault(actor_id, []).append(r)
    articles = {r.article_id for r in rows}
    mediations = [m for m in store.mediations() if m.article_id in articles]
    proposals = []
    for p in rows:
        if p.kind not in ("proposal", "offer"):
            continue
        answers = [r for r in rows if r.kind in RESPONSE_KINDS and not set(r.holder_ids) & set(p.holder_ids)
                   and (r.date is None or p.date is None or r.date >= p.date)]
        proposals.append({"proposal": p, "answers": answers})
    return {
        "parties": [{"id": i, "name": label[i], "n": counts[i]} for i in parties],
        "grid": sorted(days.items(), key=lambda kv: (kv[0] is None, kv[0] or date.min)),
        "mediations": mediations, "proposals": proposals, "n": len(rows),
    }
