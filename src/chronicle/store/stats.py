"""Per-actor counts kept on the actor's row, so the top-actor lists and an actor's page read one
row per actor instead of counting every mention, quote and event.

``actors.n_articles`` (articles naming the actor), ``n_mentions``, ``n_quotes`` (quotes the actor
is a speaker of) and ``n_events`` (events with the actor as a source or target) are kept by the
writer inside each batch's transaction: :func:`batch_counts` of the rows it inserts are added
(:func:`add`), the rows of articles it replaces subtracted first (:func:`take_back`). A merge or
split, which moves rows between actors, counts its actors again (:func:`refresh`); a store of an
older schema is counted once (:func:`refresh` with no ids) when it is upgraded.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from chronicle.store.db import duckdb

COLUMNS = ("n_articles", "n_mentions", "n_quotes", "n_events")
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


def add(con: duckdb.DuckDBPyConnection, counts: dict[str, tuple[int, int, int, int]]) -> None:
    """Add ``counts`` (as :func:`batch_counts`) to the actors' stored counts."""
    if not counts:
        return
    ids = list(counts)
    columns = [ids] + [[counts[i][k] for i in ids] for k in range(4)]
    con.execute(
        "UPDATE actors SET " + ", ".join(f"{c} = coalesce(actors.{c}, 0) + d.{c}" for c in COLUMNS) +
        " FROM (SELECT unnest(?::VARCHAR[]) AS id, " +
        ", ".join(f"unnest(?::INTEGER[]) AS {c}" for c in COLUMNS) + ") d WHERE actors.id = d.id",
        columns,
    )


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


def take_back(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Subtract what the stored rows of ``article_ids`` count (before those rows are deleted)."""
    if not article_ids:
        return
    con.execute(
        "UPDATE actors SET " + ", ".join(f"{c} = greatest(coalesce(actors.{c}, 0) - d.{c}, 0)" for c in COLUMNS) +
        f" FROM ({_aggregates('list_contains($ids::VARCHAR[], article_id)')}) d WHERE actors.id = d.actor_id",
        {"ids": list(article_ids)},
    )


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
