"""Per-actor counts kept on the actor's row, so the top-actor lists and an actor's page read one
row per actor instead of counting every mention, quote and event.

``actors.n_articles`` (articles naming the actor), ``n_mentions``, ``n_quotes`` (quotes the actor
is a speaker of) and ``n_events`` (events with the actor as a source or target) are kept by the
writer inside each batch's transaction: :func:`batch_counts` of the rows it inserts are added
(:func:`add`), the rows of articles it replaces subtracted first (:func:`take_back`). A join
(:func:`chronicle.store.identity.merge_many`) counts its kept actors from the articles naming a
dropped id only (:func:`shift`: subtracted before it moves their rows, added after) and widens
their periods to those articles' days (:func:`widen_days`); a split, which moves some rows
between two actors, counts them again (:func:`refresh`); a store of an older schema is counted
once (:func:`refresh` with no ids) when it is upgraded.

``actors.first_day`` and ``last_day`` are the first and last days of the articles naming the actor:
the period identity uses to tell two people of one surname apart ("Carson" in 2016 news is not
the official of that name in 2022 releases). Widened by each batch; the actors of replaced
articles (:func:`take_back` names them), and those of a merge or split, take it again.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from chronicle.store import actorwords
from chronicle.store.db import duckdb

COLUMNS = ("n_articles", "n_mentions", "n_quotes", "n_events")
DAY_COLUMNS = ("first_day", "last_day")
EMPTY = (0, 0, 0, 0)  # a new actor row's counts, before its batch's are added

# Row layouts of chronicle.store.writer.record_rows (column positions used here).
_AA_ARTICLE, _AA_ACTOR = 0, 2
_M_ACTOR = 3
_Q_IDS = 9
_E_SOURCES, _E_TARGETS = 8, 9


def batch_counts(tables: dict[str, list[tuple]]) -> dict[str, tuple[int, int, int, int]]:
    """``{actor_id: (articles, mentions, quotes, events)}`` of a batch's rows (as the writer inserts them)."""
    articles: dict[str, set[str]] = defaultdict(set)
    for row in tables.get("article_actors", ()):
        articles[row[_AA_ACTOR]].add(row[_AA_ARTICLE])
    mentions = Counter(row[_M_ACTOR] for row in tables.get("mentions", ()))
    quotes = Counter(i for row in tables.get("quotes", ()) for i in set(row[_Q_IDS] or ()))
    events = Counter(i for row in tables.get("events", ()) for i in set((row[_E_SOURCES] or []) + (row[_E_TARGETS] or [])))
    ids = set(articles) | set(mentions) | set(quotes) | set(events)
    return {i: (len(articles.get(i, ())), mentions[i], quotes[i], events[i]) for i in ids}


def batch_days(tables: dict[str, list[tuple]], days: dict[str, date | None]) -> dict[str, tuple[date, date]]:
    """``{actor_id: (first_day, last_day)}`` of a batch's article actors, ``days`` giving each article's day."""
    out: dict[str, tuple[date, date]] = {}
    for row in tables.get("article_actors", ()):
        day = days.get(row[_AA_ARTICLE])
        if day is None:
            continue
        actor = row[_AA_ACTOR]
        first, last = out.get(actor, (day, day))
        out[actor] = (min(first, day), max(last, day))
    return out


def add(con: duckdb.DuckDBPyConnection, counts: dict[str, tuple[int, int, int, int]],
        periods: dict[str, tuple[date, date]] | None = None) -> None:
    """Add ``counts`` (as :func:`batch_counts`) to the actors' stored counts, and widen their
    periods to ``periods`` (as :func:`batch_days`), in one statement."""
    if not counts:
        return
    periods = periods or {}
    ids = list(counts)
    columns = [ids] + [[counts[i][k] for i in ids] for k in range(4)]
    columns += [[periods.get(i, (None, None))[k] for i in ids] for k in range(2)]
    con.execute(
        "UPDATE actors SET " + ", ".join(f"{c} = coalesce(actors.{c}, 0) + d.{c}" for c in COLUMNS) +
        ", first_day = least(actors.first_day, d.first_day), last_day = greatest(actors.last_day, d.last_day)"
        " FROM (SELECT unnest(?::VARCHAR[]) AS id, " +
        ", ".join(f"unnest(?::INTEGER[]) AS {c}" for c in COLUMNS) +
        ", unnest(?::DATE[]) AS first_day, unnest(?::DATE[]) AS last_day) d WHERE actors.id = d.id",
        columns,
    )
    actorwords.touch(con, ids)


def _aggregates(article_filter: str = "TRUE", ids: str | None = None) -> str:
    """SQL: ``actor_id, n_articles, n_mentions, n_quotes, n_events`` counted from the stored rows
    (of the articles ``article_filter`` keeps, a condition on ``article_id``; of the actors in the
    list parameter ``ids`` if given)."""
    actor_filter = f"list_contains({ids}, actor_id)" if ids else "TRUE"
    quotes = f"list_has_any(speaker_ids, {ids})" if ids else "TRUE"
    events = f"list_has_any(list_concat(source_ids, target_ids), {ids})" if ids else "TRUE"
    return f"""
        SELECT actor_id, sum(a)::INTEGER AS n_articles, sum(m)::INTEGER AS n_mentions,
               sum(q)::INTEGER AS n_quotes, sum(e)::INTEGER AS n_events FROM (
            SELECT actor_id, count(DISTINCT article_id) AS a, 0 AS m, 0 AS q, 0 AS e FROM article_actors
            WHERE {article_filter} AND {actor_filter} GROUP BY 1
            UNION ALL
            SELECT actor_id, 0, count(*), 0, 0 FROM mentions WHERE {article_filter} AND {actor_filter} GROUP BY 1
            UNION ALL
            SELECT actor_id, 0, 0, count(*), 0 FROM (
                SELECT unnest(list_distinct(speaker_ids)) AS actor_id FROM quotes WHERE {article_filter} AND {quotes})
            WHERE {actor_filter} GROUP BY 1
            UNION ALL
            SELECT actor_id, 0, 0, 0, count(*) FROM (
                SELECT unnest(list_distinct(list_concat(source_ids, target_ids))) AS actor_id FROM events
                WHERE {article_filter} AND {events})
            WHERE {actor_filter} GROUP BY 1
        ) GROUP BY 1"""


def take_back(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[str]:
    """Subtract what the stored rows of ``article_ids`` count (before those rows are deleted);
    returns the actors they named, whose periods :func:`refresh_days` takes once the batch is in."""
    if not article_ids:
        return []
    named = [a for (a,) in con.execute(
        "SELECT DISTINCT actor_id FROM article_actors WHERE list_contains(?, article_id)", [list(article_ids)]).fetchall()]
    con.execute(
        "UPDATE actors SET " + ", ".join(f"{c} = greatest(coalesce(actors.{c}, 0) - d.{c}, 0)" for c in COLUMNS) +
        f" FROM ({_aggregates('list_contains($ids::VARCHAR[], article_id)')}) d WHERE actors.id = d.actor_id",
        {"ids": list(article_ids)},
    )
    actorwords.touch(con, named)
    return named


def refresh(con: duckdb.DuckDBPyConnection, ids: Sequence[str] | None = None) -> None:
    """Count the actors ``ids`` (None: every actor) again from the stored rows."""
    if ids is not None and not ids:
        return
    params = {} if ids is None else {"ids": list(ids)}
    which = "TRUE" if ids is None else "list_contains($ids::VARCHAR[], x.id)"
    counted = _aggregates(ids=None if ids is None else "$ids::VARCHAR[]")
    con.execute(
        "UPDATE actors SET " + ", ".join(f"{c} = coalesce(d.{c}, 0)" for c in COLUMNS) +
        f" FROM (SELECT x.id, {', '.join('s.' + c for c in COLUMNS)} FROM actors x "
        f"LEFT JOIN ({counted}) s ON s.actor_id = x.id WHERE {which}) d "
        "WHERE actors.id = d.id",
        params,
    )
    if ids is None:  # every actor counted again: the names index made again
        actorwords.fill(con)
    else:
        actorwords.touch(con, ids)


def shift(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], ids: Sequence[str], sign: int) -> None:
    """Add (``sign`` 1) or subtract (-1) what the stored rows of the articles ``article_ids`` count
    for the actors ``ids``. A join counts its kept actors so, as :func:`refresh` would, reading
    only the articles naming a dropped id (every row a join changes is in one): subtracted before
    its updates, added after. Each kept actor's count was the whole corpus's, and its rows
    elsewhere did not change, so it is again (``tests/store/test_joins.py`` checks it against
    :func:`refresh`)."""
    if not ids:
        return
    counted = _aggregates("article_id IN (SELECT unnest($articles::VARCHAR[]))", "$ids::VARCHAR[]")
    op = "+" if sign > 0 else "-"
    con.execute(  # every actor of ids (as refresh: none is left without counts, NULL)
        "UPDATE actors SET " + ", ".join(f"{c} = coalesce(actors.{c}, 0) {op} coalesce(d.{c}, 0)" for c in COLUMNS) +
        f" FROM (SELECT x.id, {', '.join('s.' + c for c in COLUMNS)} FROM (SELECT unnest($ids::VARCHAR[]) AS id) x "
        f"LEFT JOIN ({counted}) s ON s.actor_id = x.id) d WHERE actors.id = d.id",
        {"articles": list(article_ids), "ids": list(ids)},
    )


def widen_days(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], ids: Sequence[str]) -> None:
    """Widen the periods of the actors ``ids`` to the days of the articles ``article_ids`` naming
    them: a join's kept actors, once the rows of the articles naming a dropped id are theirs (their
    period is then their own articles' and those articles'), without reading every article actor
    as :func:`refresh_days` does."""
    if not article_ids or not ids:
        return
    con.execute(
        "UPDATE actors SET first_day = least(actors.first_day, d.first_day), "
        "last_day = greatest(actors.last_day, d.last_day) FROM ("
        "  SELECT aa.actor_id, min(a.published) AS first_day, max(a.published) AS last_day"
        "  FROM article_actors aa JOIN articles a ON a.id = aa.article_id"
        "  WHERE aa.article_id IN (SELECT unnest($articles::VARCHAR[])) AND a.id IN (SELECT unnest($articles::VARCHAR[]))"
        "  AND list_contains($ids::VARCHAR[], aa.actor_id) GROUP BY 1"
        ") d WHERE actors.id = d.actor_id",
        {"articles": list(article_ids), "ids": list(ids)},
    )


def refresh_days(con: duckdb.DuckDBPyConnection, ids: Sequence[str] | None = None) -> None:
    """Take the periods of the actors ``ids`` (None: every actor) again from the stored rows."""
    if ids is not None and not ids:
        return
    params = {} if ids is None else {"ids": list(ids)}
    which = "TRUE" if ids is None else "list_contains($ids::VARCHAR[], x.id)"
    rows = "TRUE" if ids is None else "list_contains($ids::VARCHAR[], aa.actor_id)"
    con.execute(
        "UPDATE actors SET first_day = d.first_day, last_day = d.last_day FROM ("
        "  SELECT x.id, s.first_day, s.last_day FROM actors x LEFT JOIN ("
        "    SELECT aa.actor_id, min(a.published) AS first_day, max(a.published) AS last_day"
        f"    FROM article_actors aa JOIN articles a ON a.id = aa.article_id WHERE {rows} GROUP BY 1"
        f"  ) s ON s.actor_id = x.id WHERE {which}"
        ") d WHERE actors.id = d.id",
        params,
    )
