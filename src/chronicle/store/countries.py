"""A country is one actor per ISO code: the upgrade of a store whose articles named it otherwise.

Extraction shows a country by one name per code (``chronicle.nlp.countries.country_name``:
"United States of America", "America" and "U.S." are all United States), a part of a country
("Scotland") by its own. A store written before that holds a country actor per name its articles
used, so new articles would join only the one named as extraction names it now. Version 15 of the
schema marks such a store (``PENDING_KEY``); :func:`join_by_code` joins each code's country actors
into one, the first time the store is opened by a layer that knows the names (``chronicle.Corpus``,
opened for writing: the store itself knows records and DuckDB only).

The join is :func:`chronicle.store.identity.merge_many`'s: the kept id stays, the others point to it
in ``actor_merges``, every row moves, and the per-actor index and counts are taken again. The id kept
is the one articles write now (the name extraction shows, :func:`writer.actor_id`), else the one
stored first; then the id articles write now points to it as well, and the writer follows it
(:func:`writer.country_aliases`). Parts of a country stay apart, and so does an actor an analyst has touched
(renamed, split off, given an external id or an alias), as the joins at the end of an ingest leave
them, unless it is the id kept.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime, timezone

from chronicle.store import actorwords, identity
from chronicle.store.db import duckdb
from chronicle.store.names import normal_name
from chronicle.store.writer import actor_id, actor_key

# meta: present while the store's country actors wait to be joined (set by the version-15 upgrade).
PENDING_KEY = "countries_pending"
REASON = "one actor per country: joined by its code"


def pending(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store's country actors wait to be joined by code."""
    return con.execute("SELECT 1 FROM meta WHERE key = ?", [PENDING_KEY]).fetchone() is not None


def join_by_code(con: duckdb.DuckDBPyConnection, name_of: Callable[[str], str], parts: Collection[str]) -> int:
    """Join each code's country actors into one, in one transaction, and clear :data:`PENDING_KEY`.

    ``name_of(code)`` is the name extraction shows the country by; ``parts`` the normalised names
    (:func:`names.normal_name`) of parts of a country, whose actors stay apart. Returns how many
    actors were joined."""
    parts = {normal_name(p) for p in parts}
    con.execute("BEGIN TRANSACTION")
    try:
        joined = _join(con, name_of, parts)
        con.execute("DELETE FROM meta WHERE key = ?", [PENDING_KEY])
        actorwords.flush(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return joined


def _join(con: duckdb.DuckDBPyConnection, name_of: Callable[[str], str], parts: set[str]) -> int:
    rows = con.execute(
        "SELECT a.id, split_part(a.key, '|', 1), a.country, coalesce(a.name_fixed, false) OR a.external_id IS NOT NULL "
        "OR EXISTS (SELECT 1 FROM actor_names n WHERE n.actor_id = a.id AND n.source = 'analyst'), "
        "(SELECT min(r.ingested_at) FROM article_actors aa JOIN articles r ON r.id = aa.article_id "
        " WHERE aa.actor_id = a.id), coalesce(a.n_articles, 0) "
        "FROM actors a WHERE a.kind = 'country' AND a.country IS NOT NULL").fetchall()
    by_code: dict[str, list[tuple]] = {}
    for actor, name, code, touched, first, n in rows:
        if name not in parts:
            by_code.setdefault(code, []).append((actor, touched, first, n))
    drops: dict[str, str] = {}
    named: dict[str, str] = {}  # kept id -> the name extraction shows it by
    aliases: dict[str, str] = {}  # the id articles write now, not stored -> the kept id
    late = datetime.max
    wanted = {code: actor_id(actor_key(name_of(code), "country", code)) for code in by_code}
    # an id articles write now that an analyst merged into another of its country's: that one is kept
    moved = dict(con.execute("SELECT old_id, new_id FROM actor_merges WHERE list_contains(?, old_id)",
                             [list(wanted.values())]).fetchall())
    for code, actors in sorted(by_code.items()):
        written, now = name_of(code), wanted[code]
        ids = {a[0]: a for a in actors}
        if moved.get(now) in ids:
            keep = moved[now]
        elif now in ids:
            keep = now
        else:
            # the one stored first (then the most written about): an analyst's stays as it is
            free = sorted((a for a in actors if not a[1]), key=lambda a: (a[2] or late, -a[3], a[0]))
            if not free:
                continue
            keep = free[0][0]
            aliases[now] = keep
        if not ids[keep][1]:
            named[keep] = written
        for actor, touched, _first, _n in actors:
            if actor != keep and not touched:
                drops[actor] = keep
    if drops:
        identity.merge_many(con, drops, reason=REASON)
    if named:
        con.execute("UPDATE actors SET name = q.name FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS name) q "
                    "WHERE actors.id = q.id AND actors.name <> q.name", [list(named), list(named.values())])
        actorwords.touch(con, named)
    if aliases:
        # the id new articles write for the country points to the actor kept, as a merged id would
        now_ = datetime.now(timezone.utc).replace(tzinfo=None)
        con.execute("INSERT INTO actor_merges SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), ?::TIMESTAMP, ? "
                    "ON CONFLICT (old_id) DO NOTHING", [list(aliases), list(aliases.values()), now_, REASON])
    return len(drops)
