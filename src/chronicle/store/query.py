"""Building the store's read queries: one place for the SQL behind ``Corpus.quotes()``,
``events()``, ``actors()`` and ``timeline()`` and the web view's pages.

- :class:`Where` collects the filters that are given (a ``None`` or ``""`` value leaves its filter out).
- :func:`match_ids` resolves an actor id or part of a name to actor ids, by whole words
  (``Corpus``) or as a substring (the web view's search boxes).
- :func:`quote_where`, :func:`event_where` and :func:`actor_where` build the filters;
  :func:`select_quotes`, :func:`select_events` and :func:`select_actors` the rows (the fields of
  ``QuoteRow``/``EventRow``/``ActorRow``, in order, optionally followed by the actor ids behind the
  names); :func:`count` how many rows a filter finds. A page of rows is picked first and its
  actors named after, so a page costs about the same at any depth.
- :func:`select_timeline` and :func:`count_timeline`: the timeline, quotes and events together in
  date order, one page of them; ``Corpus.timeline()`` (:func:`select_actor_timeline`) and the web
  view's timeline fill in its rows each their own way.

The SQL text is fixed fragments chosen by which filters are given; values (names, dates, ids,
limits) are only ever bound as ``?`` parameters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from chronicle.store.db import duckdb, like  # noqa: F401 (like: part of this module's API, web.queries uses it)

from chronicle.errors import QueryError
from chronicle.store import actorwords, byactor, words
from chronicle.store.derived import DAY_OF_EVENT, LAST_DAY_OF_EVENT  # noqa: F401 (part of this module's API)

MATCHES = ("words", "substring")
ORDERS = ("asc", "desc")

# A quote's and an event's days are kept on their rows (version 6: ``quotes.day`` is its article's
# publication date, ``events.day``/``last_day`` as below), so filtering, counting and sorting them
# reads no article; a page's titles are looked up once it is cut.
QUOTES = "quotes q"
EVENTS = "events e"
ACTORS = "actors x"
# What the writer stores (chronicle.store.derived.event_days), and the queries read.
EVENT_DAY, EVENT_LAST_DAY = "e.day", "e.last_day"
# An event's status (records.EVENT_STATUSES); what is shown unless asked otherwise: what happened or
# is planned, and threats and promises made. Hypothetical and denied events are asked for by name.
DEFAULT_STATUSES = ("happened", "planned", "threatened", "promised")


def statuses(value: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """Statuses from a filter: None or "default" for :data:`DEFAULT_STATUSES`, "all" for any (None),
    else the comma-separated or listed names, each checked."""
    if value is None or value == "default":
        return DEFAULT_STATUSES
    if value == "all":
        return None
    from chronicle.records import EVENT_STATUSES  # only to check names given: the default needs no records

    names = [v.strip().lower() for v in (value.split(",") if isinstance(value, str) else value) if v.strip()]
    bad = [n for n in names if n not in EVENT_STATUSES]
    if bad:
        raise ValueError(f"status must be among {', '.join(EVENT_STATUSES)} (or 'all'), not {', '.join(bad)}")
    return tuple(names)
EVENT_SENTENCE = "e.sentence"  # kept on the event's row (version 6): no article text is read


class Where:
    """The conditions of a where clause and their ``?`` parameters.

    ``add(sql, *params)`` leaves the condition out when any parameter is ``None`` or ``""``
    (a filter not given); an empty list is a value (it matches nothing).

    >>> w = Where().add("x.kind = ?", None).add("x.id = ?", "A1")
    >>> w.sql, w.params
    ('TRUE AND x.id = ?', ['A1'])
    """

    def __init__(self) -> None:
        self.terms: list[str] = ["TRUE"]
        self.params: list[Any] = []
        # What the per-actor index answers of this filter (:class:`Keyed`), and whether it answers
        # all of it (``exact``: then counting and paging read the index, not the table).
        self.keyed: Keyed | None = None
        self.exact = False
        # Where the rows come from and their day column (:class:`Window`): a page at either end of
        # the day order is then looked for among the days at that end first (:func:`windowed`).
        self.window: Window | None = None

    def add(self, sql: str, *params: Any) -> "Where":
        if not any(p is None or (isinstance(p, str) and not p) for p in params):
            self.terms.append(sql)
            self.params.extend(params)
        return self

    @property
    def sql(self) -> str:
        return " AND ".join(self.terms)


# Up to this many actor ids are looked up in the per-actor index as constants (see Keyed.rows_sql).
INLINE_IDS = 64


class Keyed:
    """The part of a quote or event filter the per-actor index (``actor_records r``,
    :mod:`chronicle.store.byactor`) answers: records of the actors ``ids`` in one of ``roles``,
    with the conditions ``where`` on ``r`` (days, type, status); ``texts`` adds the quotes whose
    speaker is written so (the index's ``speaker_text`` rows, :func:`speaker_texts`).

    A page is then found in two steps (:meth:`narrow`): the index gives the first
    ``offset + limit`` (day, article) pairs in the page's order, which hold the whole page; the
    table is read for those articles and days only (constants, so DuckDB's zonemaps skip the other
    row groups where the table is in day order) and the page cut there with the full filter.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, ids: Sequence[str], roles: Sequence[str]) -> None:
        self.con = con
        self.ids = list(dict.fromkeys(ids))
        self.roles = tuple(roles)
        if len(self.ids) > INLINE_IDS:
            # A part of a name that thousands of actors share: most of them never spoke or acted
            # (the counts kept on their rows say so), and the few left are looked up as constants.
            count = "n_quotes" if self.roles == ("speaker",) else "n_events"
            self.ids = [r[0] for r in con.execute(
                f"SELECT id FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[])) AND ({count} IS NULL OR {count} > 0) "
                "ORDER BY id", [self.ids]).fetchall()]
        self.where = Where()
        self.texts: list[str] | None = None
        self.texts_quotes: int | None = None  # how many quotes ``texts`` name, if known
        self.text_counts: dict[str, int] | None = None  # how many quotes each of ``texts`` names, if known
        # The statuses an event filter keeps when that is all it asks besides the actor (``()``:
        # any): then one role's events are counted in the actor's tallies (chronicle.store.byactor).
        self.tallied: tuple[str, ...] | None = None
        # Set by a caller that will count the records too (a page showing its total): :meth:`narrow`
        # then counts them in the same pass over the index rows, and :meth:`count` returns that.
        self.counting = False
        self._counted: int | None = None

    def rows_sql(self) -> tuple[str, list[Any]]:
        """SQL for the matching records as ``day, article_id, record_id`` (a record may repeat)."""
        parts, params = [], []
        for keys, roles in ((self.ids, self.roles), (self.texts or [], ("speaker_text",))):
            if not keys:
                continue
            # A few keys as constants (zonemaps skip the other actors' row groups); many (a part of
            # a name that thousands of actors share) as a hash join: a constant list that long is
            # tested value by value.
            if len(keys) <= INLINE_IDS:
                among, among_params = f"({', '.join('?' * len(keys))})", list(keys)
            else:
                among, among_params = "(SELECT unnest(?::VARCHAR[]))", [keys]
            parts.append(f"SELECT r.day, r.article_id, r.record_id FROM actor_records r WHERE r.actor_id IN {among} "
                         f"AND r.role IN ({', '.join('?' * len(roles))}) AND {self.where.sql}")
            params += [*among_params, *roles, *self.where.params]
        if not parts:
            return "SELECT NULL::DATE AS day, NULL AS article_id, NULL AS record_id WHERE FALSE", []
        return " UNION ALL ".join(parts), params

    def _one_speaker(self) -> bool:
        """One speaker's quotes, unfiltered: counted on the actor's row (chronicle.store.stats)."""
        return len(self.ids) == 1 and self.roles == ("speaker",) and not self.where.params and not self.texts

    def _one_tallied_role(self) -> bool:
        """One actor's events in one role, filtered by status at most: counted in its tallies."""
        return (len(self.ids) == 1 and len(self.roles) == 1 and self.roles[0] in ("source", "target")
                and self.tallied is not None and not self.texts)

    def _said(self) -> bool:
        """Speakers' quotes (by id or by the text naming them), unfiltered: summed over their
        ``said`` tallies and the texts' tallies (chronicle.store.byactor, version 12)."""
        return self.roles == ("speaker",) and not self.where.params

    def _kept_count(self) -> bool:
        """Whether :meth:`count` reads a count kept at ingest (not the index rows)."""
        return self._one_speaker() or self._one_tallied_role() or self._said()

    def _said_count(self) -> int:
        """How many quotes have a speaker among ``ids`` or a speaker text among ``texts``: the texts'
        quotes (each quote has one text), plus, once per distinct (text, speakers) of the speakers'
        ``said`` tallies, the quotes whose text is not among ``texts``."""
        texts = list(self.texts or [])
        n = self.texts_quotes
        if n is None:
            n = self.con.execute(
                "SELECT coalesce(sum(n), 0) FROM actor_tallies WHERE actor_id = ? AND kind = 'speaker' "
                "AND key IN (SELECT unnest(?::VARCHAR[]))", [byactor.TEXTS, texts]).fetchone()[0] if texts else 0
        if not self.ids:
            return int(n)
        # Each id's tally rows on their own (a constant each: zonemaps skip the other actors' row
        # groups); many ids as a hash join.
        if len(self.ids) <= INLINE_IDS:
            mine = " UNION ALL ".join(["SELECT * FROM actor_tallies WHERE actor_id = ? AND kind = 'said'"]
                                      * len(self.ids))
            params: list[Any] = list(self.ids)
        else:
            mine = ("SELECT * FROM actor_tallies WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) "
                    "AND kind = 'said'")
            params = [self.ids]
        return int(n) + int(self.con.execute(
            "SELECT coalesce(sum(n), 0) FROM (SELECT key, detail, max(n) AS n FROM ("
            f"SELECT key, detail, sum(n) AS n FROM ({mine}) GROUP BY actor_id, key, detail HAVING sum(n) > 0) "
            "GROUP BY key, detail) WHERE key IS NULL OR NOT list_contains(?::VARCHAR[], key)",
            [*params, texts]).fetchone()[0])

    def count(self) -> int:
        if self._counted is not None:
            return self._counted
        if self._one_speaker():
            row = self.con.execute("SELECT n_quotes FROM actors WHERE id = ?", self.ids).fetchone()
            if row is not None and row[0] is not None:
                return row[0]
        if self._one_tallied_role():
            among = Where().add("list_contains(?::VARCHAR[], detail)", list(self.tallied) or None)
            return self.con.execute(
                f"SELECT coalesce(sum(n), 0) FROM actor_tallies WHERE actor_id = ? AND kind = 'records' AND key = ? "
                f"AND {among.sql}", [self.ids[0], self.roles[0], *among.params]).fetchone()[0]
        if self._said():
            return self._said_count()
        sql, params = self.rows_sql()
        return self.con.execute(f"SELECT count(*) FROM (SELECT DISTINCT article_id, record_id FROM ({sql}))",
                                params).fetchone()[0]

    def narrow(self, alias: str, order: str, limit: int | None, offset: int) -> tuple[str, list[Any]] | None:
        """A condition on ``alias`` (``q`` or ``e``) keeping the articles and days that hold the
        page (None: no limit, nothing to narrow)."""
        if not limit:
            return None
        d = direction(order)
        sql, params = self.rows_sql()
        first = f"SELECT DISTINCT day, article_id FROM {{}} ORDER BY day {d} NULLS LAST, article_id {d} LIMIT ?"
        if self.counting and not self._kept_count():
            # The page's pairs and the count (as count() counts) from one read of the index rows.
            found = self.con.execute(
                f"WITH r AS MATERIALIZED ({sql}) SELECT p.day, p.article_id, "
                "(SELECT count(*) FROM (SELECT DISTINCT article_id, record_id FROM r)) "
                f"FROM ({first.format('r')}) p ORDER BY p.day {d} NULLS LAST, p.article_id {d}",
                params + [int(limit) + int(offset)],
            ).fetchall()
            self._counted = found[0][2] if found else 0  # no pair: no record
            pairs = [(day, article) for day, article, _ in found]
        else:
            pairs = first_pairs(self.con, sql, params, order, int(limit) + int(offset), self.day_window(order))
        return narrowing(alias, pairs)

    def keys(self) -> list[tuple[str, str]]:
        """(actor id or speaker text, role) keys of the index rows :meth:`rows_sql` reads, for
        :func:`day_window`: every id's, and the :data:`WINDOW_TEXTS` texts with the most quotes
        (any of the keys bounds a window: the busiest are the likeliest to bound it closely)."""
        texts = sorted(self.texts or [], key=lambda t: (-(self.text_counts or {}).get(t, 0), t))[:WINDOW_TEXTS]
        return [(i, r) for i in self.ids for r in self.roles] + [(t, "speaker_text") for t in texts]

    def day_window(self, order: str) -> Callable[[int], tuple[str, date] | None] | None:
        """:func:`day_window` of :meth:`keys` (None for ids looked up by a join)."""
        if len(self.ids) > INLINE_IDS:
            return None
        return day_window(self.con, self.keys(), order)


# The first try of first_rows reads this many rows per pair wanted (then 8 times more each time).
ROWS_PER_GROUP = 32


def first_rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any], order: str, need: int,
               columns: str = "day, article_id", whole: bool = False, articles: str | None = None,
               window: Callable[[int], tuple[str, date] | None] | None = None) -> list[tuple]:
    """The rows of ``sql`` (a query with ``day`` and ``article_id``) of its first ``need`` distinct
    (day, article) pairs in ``order``, as ``columns``, in that order: what ``SELECT DISTINCT day,
    article_id ... ORDER BY day, article_id LIMIT need`` keeps, found by a top-N of the rows in that
    order (no hash of every row): a pair's rows are adjacent in it, so the first ``k`` rows hold the
    first pairs once they hold ``need`` of them (``whole``: more than ``need``, so the last pair has
    all its rows), or are all there are; ``k`` grows until they do. The rows are returned only up to
    the last of those pairs. ``articles``: the articles' order within a day, if not ``order``.

    ``window`` (:func:`day_window`): given a number of pairs, a condition on ``day`` (an operator
    and a day) keeping the days at the ``order`` end that should hold that many; the rows are
    looked for there first (so DuckDB's zonemaps skip the row groups of other days), and only if
    the window holds fewer than ``need`` pairs (it keeps whole days, so any ``need`` pairs it holds
    are the first ones) in a window for :data:`WINDOW_GROWTH` times more pairs, then everywhere."""
    if need <= 0:
        return []
    wanted = need
    while window is not None:
        cut = window(wanted)
        if cut is None:
            break
        rows, pairs = _first_rows(con, f"SELECT * FROM ({sql}) WHERE day {cut[0]} ?", [*params, cut[1]], order, need,
                                  columns, whole, articles)
        if pairs == need:
            return rows
        wanted *= WINDOW_GROWTH
    return _first_rows(con, sql, params, order, need, columns, whole, articles)[0]


def _first_rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any], order: str, need: int,
                columns: str, whole: bool, articles: str | None) -> tuple[list[tuple], int]:
    """:func:`first_rows` without a window, and how many pairs its rows hold."""
    d = direction(order)
    a = direction(articles or order)
    k = ROWS_PER_GROUP * need
    while True:
        rows = con.execute(f"SELECT {columns} FROM ({sql}) ORDER BY day {d} NULLS LAST, article_id {a} LIMIT ?",
                           [*params, k]).fetchall()
        seen: list[tuple] = []
        kept = []
        for row in rows:
            pair = (row[0], row[1])
            if not seen or seen[-1] != pair:
                if len(seen) == need:
                    break
                seen.append(pair)
            kept.append(row)
        done = len(rows) < k or (len(seen) == need and len(kept) < len(rows)) or (len(seen) >= need and not whole)
        if done:
            return kept, len(seen)
        k *= 8


# A page's window of days (day_window) is read from the month tallies of at most this many actors,
# and of at most WINDOW_TEXTS of a speaker filter's texts.
WINDOW_ACTORS = 72
WINDOW_TEXTS = 3
# Up to this many keys, day_window reads each key's tallies on its own.
UNION_KEYS = 16


def day_window(con: duckdb.DuckDBPyConnection, keys: Sequence[tuple[str, str]],
               order: str) -> Callable[[int], tuple[str, date] | None] | None:
    """For the index rows of ``keys`` ((actor id or speaker text, role) pairs, role among
    :data:`byactor.DAYS_ROLES`): a function giving, for a number ``n`` of (day, article) pairs, a
    condition on ``day`` (operator, day) keeping whole months at the ``order`` end in which one key
    alone has ``n`` pairs, from the keys' ``days`` tallies (version 13); so the union of the keys'
    rows there has at least ``n``. None (no window) when no key has ``n`` dated pairs; the function
    itself is None for no keys or over :data:`WINDOW_ACTORS` actors. A filter on the rows (a type,
    statuses) can leave fewer: :func:`first_rows` checks and widens."""
    keys = list(dict.fromkeys(keys))
    actors = list(dict.fromkeys(a for a, _ in keys))
    if not keys or len(actors) > WINDOW_ACTORS or any(r not in byactor.DAYS_ROLES for _, r in keys):
        return None
    desc = direction(order) == "DESC"
    cuts: dict[int, int] = {}

    # A few keys' tallies each on their own, id and role as constants: zonemaps then skip every
    # row group but the key's (an IN list of ids is pruned by its least and greatest id only, so a
    # few ids spread over the alphabet read most of the table's row groups); many in one read.
    if len(keys) <= UNION_KEYS:
        mine = " UNION ALL ".join(["SELECT actor_id, key, detail, n FROM actor_tallies WHERE actor_id = ? "
                                   "AND kind = 'days' AND key = ? AND detail IS NOT NULL"] * len(keys))
        mine_params = [x for k in keys for x in k]
    else:
        mine = (f"SELECT actor_id, key, detail, n FROM actor_tallies WHERE actor_id IN ({', '.join('?' * len(actors))}) "
                "AND kind = 'days' AND detail IS NOT NULL AND list_contains(?::VARCHAR[][], [actor_id, key])")
        mine_params = [*actors, [list(k) for k in keys]]

    def months(n: int) -> None:
        """The month each of n, 8n, 64n, 512n pairs is reached in (by the key reaching it first),
        counted in SQL over the keys' tallies."""
        wanted = [n * WINDOW_GROWTH ** k for k in range(4)]
        cuts.update({t: m for t, m in con.execute(
            f"""WITH m AS (SELECT actor_id, key, CAST(detail AS BIGINT) AS month, sum(n) AS n FROM ({mine})
                   GROUP BY ALL HAVING sum(n) > 0),
               c AS (SELECT month, sum(n) OVER (PARTITION BY actor_id, key ORDER BY month {'DESC' if desc else 'ASC'}
                                                ROWS UNBOUNDED PRECEDING) AS reached FROM m)
               SELECT t, {'max' if desc else 'min'}(month) FROM c, (SELECT unnest(?::BIGINT[]) AS t) WHERE reached >= t
               GROUP BY t""", [*mine_params, wanted]).fetchall()})
        cuts.update({t: 0 for t in wanted if t not in cuts})  # no key has that many: no window

    def cut(n: int) -> tuple[str, date] | None:
        if n not in cuts:
            months(n)
        year, mon = divmod(cuts[n], 100)
        if not (1 <= year <= 9999 and 1 <= mon <= 12) or (not desc and (year, mon) == (9999, 12)):
            return None
        if desc:  # the month's first day: day >= it
            return ">=", date(year, mon, 1)
        return "<", date(year + mon // 12, mon % 12 + 1, 1)  # the next month's first day: day < it

    return cut


def first_pairs(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any], order: str,
                need: int, window: Callable[[int], tuple[str, date] | None] | None = None) -> list[tuple[Any, str]]:
    """``SELECT DISTINCT day, article_id FROM (sql) ORDER BY day, article_id LIMIT need`` in ``order``
    (:func:`first_rows`)."""
    return list(dict.fromkeys(first_rows(con, sql, params, order, need, window=window)))


def narrowing(alias: str, pairs: Sequence[tuple[Any, str]], key: str = "article_id",
              day: str = "day") -> tuple[str, list[Any]]:
    """SQL keeping the rows of ``alias`` whose article (column ``key``) is among ``pairs`` (day,
    article id) and whose ``day`` is in their range, the values as constants (so zonemaps prune
    the scan)."""
    if not pairs:
        return "FALSE", []
    articles = sorted({a for _, a in pairs})
    days = [d for d, _ in pairs if d is not None]
    undated = len(days) < len(pairs)
    parts, params = [], []
    if days:
        parts.append(f"{alias}.{day} BETWEEN ? AND ?")
        params += [min(days), max(days)]
    if undated:
        parts.append(f"{alias}.{day} IS NULL")
    return (f"{alias}.{key} IN ({', '.join('?' * len(articles))}) AND ({' OR '.join(parts)})",
            articles + params)


class Window:
    """A table whose rows are mostly in day order (``table`` as in a FROM clause, ``day`` its day
    column), as an ingest in publication order stores them: the newest (or oldest) rows sit in the
    last (or first) row groups, and a condition on the day with a constant lets DuckDB's zonemaps
    skip the rest."""

    def __init__(self, con: duckdb.DuckDBPyConnection, table: str, day: str) -> None:
        self.con, self.table, self.day = con, table, day

    def bounds(self) -> tuple[date | None, date | None]:
        return self.con.execute(f"SELECT min({self.day}), max({self.day}) FROM {self.table}").fetchone()


# The first window of days a page is looked for in (then 8 times wider each time it holds too few rows).
WINDOW_DAYS = 8
WINDOW_GROWTH = 8


def window_cut(sides: Sequence[tuple[Window, Where]], order: str, need: int) -> tuple[str, date] | None:
    """The days at the ``order`` end that hold the first ``need`` rows that the ``sides`` (each a
    table and its filter) keep together, as an operator and a day (``(">=", d)``: the page is among
    the rows of day ``d`` or later); None when that takes (nearly) every dated day: then the
    caller reads everything, undated rows included.

    The window starts at :data:`WINDOW_DAYS` days from the newest (oldest) day and grows by
    :data:`WINDOW_GROWTH` until it holds ``need`` rows, each try counting at most ``need`` rows; so
    a page costs the rows of its days (and a few small counts), not the whole table's."""
    if need <= 0 or not sides:
        return None
    desc = direction(order) == "DESC"
    bounds = [w.bounds() for w, _ in sides]
    lows = [lo for lo, _ in bounds if lo is not None]
    highs = [hi for _, hi in bounds if hi is not None]
    if not lows:
        return None
    lo, hi = min(lows), max(highs)
    op = ">=" if desc else "<="
    span = WINDOW_DAYS
    while True:
        cut = hi - timedelta(days=span) if desc else lo + timedelta(days=span)
        if (cut <= lo) if desc else (cut >= hi):
            return None
        found = 0
        for window, where in sides:
            found += window.con.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {window.table} WHERE {where.sql} AND {window.day} {op} ? "
                f"LIMIT ?)", [*where.params, cut, need - found]).fetchone()[0]
            if found >= need:
                return op, cut
        span *= WINDOW_GROWTH


def windowed(where: Where, order: str, limit: int | None, offset: int) -> Where:
    """``where`` with a condition keeping the days at the ``order`` end that hold the page
    (:func:`window_cut`), when it has a :class:`Window` and a limit; else ``where``."""
    if where.window is None or not limit:
        return where
    cut = window_cut([(where.window, where)], order, int(limit) + int(offset))
    if cut is None:
        return where
    out = Where()
    out.terms = [*where.terms, f"{where.window.day} {cut[0]} ?"]
    out.params = [*where.params, cut[1]]
    return out


def narrowed(where: Where, alias: str, order: str, limit: int | None, offset: int) -> Where:
    """``where`` with :meth:`Keyed.narrow`'s condition added when the index answers all of it,
    else with :func:`windowed`'s."""
    if where.keyed is None or not where.exact:
        return windowed(where, order, limit, offset)
    cut = where.keyed.narrow(alias, order, limit, offset)
    if cut is None:
        return where
    out = Where()
    out.terms, out.params = [*where.terms, cut[0]], [*where.params, *cut[1]]
    return out


def name_words(name: str) -> str:
    """The normalised words :func:`name_pattern` looks for (as one lower-case string)."""
    from chronicle.store.names import normal_name  # not the writer's: a query loads no writer

    return normal_name(name) or name.casefold()


def name_pattern(name: str) -> str:
    """A regular expression matching ``name``'s words as whole words of a normalised name.

    "Otieno" finds "Miriam Otieno", "U.S." finds "the U.S.", "Kenya" does not find "Kenyan firms".
    """
    return r"(^|\W)" + re.sub(r"([\\.^$|?*+()\[\]{}])", r"\\\1", name_words(name)) + r"(\W|$)"


# What a filter reads of the actors a name matches (``active`` of :func:`match_ids`): an actor whose
# count kept on its row (chronicle.store.stats) is 0 has no row there, so it can be left out unread.
ACTIVE = {
    "quotes": "(n_quotes IS NULL OR n_quotes > 0)",
    "events": "(n_events IS NULL OR n_events > 0)",
    "either": "(n_quotes IS NULL OR n_quotes > 0 OR n_events IS NULL OR n_events > 0)",
}


def match_ids(con: duckdb.DuckDBPyConnection, name: str | None, match: str = "words",
              active: str | None = None) -> list[str] | None:
    """The ids of the actors ``name`` (an actor id, or part of a name) stands for; None when not given.

    ``words``: an actor with id ``name``, and those whose normalised name has ``name``'s words as
    whole words. ``substring``: an actor with id ``name``, else those whose name (or normalised
    name) contains ``name``.

    ``active`` (a key of :data:`ACTIVE`): only the actors a quote or an event filter can find, those
    with quotes (``quotes``), events (``events``) or either: the counts kept on their rows are read
    first, so the names of the many actors without any (most of them) are never matched. A filter
    by the ids it returns keeps the same rows.
    """
    if not name:
        return None
    busy = f"{ACTIVE[active]} AND " if active else ""
    if match == "words":
        # The pattern's words are in the key wherever it matches: that plain test first.
        test, params = f"{busy}contains(part, ?) AND regexp_matches(part, ?)", [name_words(name), name_pattern(name)]
        found = indexed(con, [name_words(name)], test, params)
        if found is None:
            test = test.replace("part", "split_part(key, '|', 1)")
            found = [r[0] for r in con.execute(f"SELECT id FROM actors WHERE {test}", params).fetchall()]
        hit = con.execute("SELECT id FROM actors WHERE id = ?", [name]).fetchone()
        return found + [hit[0]] if hit and hit[0] not in found else found
    hit = con.execute("SELECT id FROM actors WHERE id = ?", [name]).fetchone()
    if hit:
        return [hit[0]]
    sql, params = name_contains(name, part="part")
    found = indexed(con, name_pieces(name), busy + sql, params)
    if found is not None:
        return found
    sql, params = name_contains(name)
    return [r[0] for r in con.execute(f"SELECT id FROM actors WHERE {busy}{sql}", params).fetchall()]


def indexed(con: duckdb.DuckDBPyConnection, texts: Sequence[str], test: str, params: Sequence[Any]) -> list[str] | None:
    """The ids of the actors whose rows in the names index (:mod:`chronicle.store.actorwords`)
    pass ``test`` (SQL on its columns: ``name``, ``part``, the counts), among the words holding
    the longest piece of each of ``texts``; None when the pieces are too short for the index."""
    vocab = actorwords.words_containing(con, texts)
    if vocab is None:
        return None
    if not vocab:
        return []
    return [r[0] for r in con.execute(
        f"SELECT DISTINCT actor_id FROM actor_words WHERE word = ANY(?::VARCHAR[]) AND {test}",
        [vocab, *params]).fetchall()]


def name_pieces(name: str) -> list[str]:
    """What the names index looks up for a name part matched as :func:`name_contains` does: the
    part as typed, and normalised."""
    from chronicle.store.names import normal_name

    return [name, normal_name(name) or name]


def name_contains(name: str, part: str | None = None) -> tuple[str, list[str]]:
    """SQL on ``actors`` keeping those whose name (or normalised name) contains ``name`` (what
    :func:`match_ids` matches by ``substring`` when no actor has the id ``name``); ``part``: the
    column holding the key's first part (the names index's ``part``) instead of ``actors.key``."""
    from chronicle.store.names import normal_name

    words = like(normal_name(name) or name)
    if part:
        return f"(name ILIKE ? ESCAPE '\\' OR {part} LIKE ? ESCAPE '\\')", [like(name), words]
    # The key's first part contains the words only if the whole key does: that cheap test first, so
    # the key is split only where it passes.
    return ("(name ILIKE ? ESCAPE '\\' OR (key LIKE ? ESCAPE '\\' AND split_part(key, '|', 1) LIKE ? ESCAPE '\\'))",
            [like(name), words, words])


def names_of(column: str) -> str:
    """SQL for the names of the actors whose ids are in the list ``column``, sorted and comma-joined ('' for none)."""
    return (
        "coalesce((SELECT string_agg(x.name, ', ' ORDER BY x.name) FROM actors x "
        f"WHERE list_contains({column}, x.id)), '')"
    )


def name_or_text(ids: str, text: str) -> str:
    """SQL for the names of the actors in the list ``ids`` (as :func:`names_of`), else ``text``, else ''."""
    return f"coalesce(nullif({names_of(ids)}, ''), {text}, '')"


def _names_by_row(name: str, key: str, ids: str) -> str:
    """A CTE ``name`` naming the actors in each row of the CTE ``page``: ``article_id``, ``key``, ``names``
    (as :func:`names_of`, but joined by id, so naming many rows costs little)."""
    return f"""{name} AS (
            SELECT u.article_id, u.{key}, string_agg(x.name, ', ' ORDER BY x.name) AS names
            FROM (SELECT DISTINCT article_id, {key}, unnest({ids}) AS id FROM page) u JOIN actors x ON x.id = u.id
            GROUP BY ALL
        )"""


def _named(alias: str, text: str) -> str:
    """The names a :func:`_names_by_row` CTE (joined as ``alias``) found, else ``text``, else ''."""
    return f"coalesce(nullif({alias}.names, ''), {text}, '')"


def named_or(names: dict[str, str], ids: Sequence[str] | None, text: str | None) -> str:
    """In Python, what :func:`_named` gives for one row: the names of the distinct actors ``ids``
    found in ``names`` (id -> name), sorted and comma-joined, else ``text``, else ''."""
    found = ", ".join(sorted(names[i] for i in set(ids or ()) if i in names))
    return found or text or ""


def direction(order: str) -> str:
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    return order.upper()


def limit_offset(limit: int | None, offset: int) -> tuple[str, list[int]]:
    """LIMIT/OFFSET with bound values; no limit for ``None`` (or 0)."""
    sql, params = [], []
    if limit:
        sql.append("LIMIT ?")
        params.append(int(limit))
    if offset:
        sql.append("OFFSET ?")
        params.append(int(offset))
    return " ".join(sql), params


def count(con: duckdb.DuckDBPyConnection, table: str, where: Where) -> int:
    """How many rows of ``table`` (:data:`QUOTES`, :data:`EVENTS` or :data:`ACTORS`) ``where`` keeps
    (counted in the per-actor index when it answers all of ``where``)."""
    if where.keyed is not None and where.exact:
        return where.keyed.count()
    return con.execute(f"SELECT count(*) FROM {table} WHERE {where.sql}", where.params).fetchone()[0]


# -- quotes ------------------------------------------------------------------------

def quote_where(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    match: str = "words",
    speaker_ids: list[str] | None = None,
    article: str | None = None,
    since: date | None = None,
    until: date | None = None,
    text: str | None = None,
) -> Where:
    """Quotes by a speaker (named, matched by ``match``, or any of ``speaker_ids``), in an article,
    published in a date range, or containing ``text`` (in the quote or its speaker's text)."""
    if speaker:
        # A linked speaker matched by id, or an unlinked one by the text naming them (a plain
        # substring test first: it is implied by the pattern and far cheaper than the regexp).
        if match == "words":
            said_by = "(contains(lower(q.speaker), ?) AND regexp_matches(lower(q.speaker), ?))"
            patterns = [name_words(speaker), name_pattern(speaker)]
        else:
            said_by, patterns = "q.speaker ILIKE ? ESCAPE '\\'", [like(speaker)]
        ids = match_ids(con, speaker, match, active="quotes")
    else:
        said_by, patterns, ids = "", [None], None
    found = like(text)
    # The word index narrows a text search to the articles with its words; their ids as constants
    # let DuckDB read only those articles' quotes (None: no words, or too common to narrow).
    among = words.candidates(con, text) if text else None
    where = (
        Where()
        .add(f"(list_has_any(q.speaker_ids, ?::VARCHAR[]) OR {said_by})", ids, *patterns)
        .add("list_has_any(q.speaker_ids, ?::VARCHAR[])", speaker_ids)
        .add("q.article_id = ?", article)
        .add("q.day >= ?", since)
        .add("q.day <= ?", until)
        .add("(q.content ILIKE ? ESCAPE '\\' OR q.speaker ILIKE ? ESCAPE '\\')", found, found)
    )
    if among is not None:
        where.add(f"q.article_id IN ({', '.join('?' * len(among))})" if among else "FALSE", *among)
    if not article:  # one article's quotes are found by its id, not by their days
        where.window = Window(con, QUOTES, "q.day")
    # The per-actor index answers a speaker filter (and a date range with it).
    if speaker or speaker_ids is not None:
        keyed = Keyed(con, ids if speaker else speaker_ids, ("speaker",))
        keyed.where.add("r.day >= ?", since).add("r.day <= ?", until)
        if speaker:
            found = speaker_texts(con, said_by.replace("q.speaker", "t.key"), patterns)
            keyed.texts, keyed.texts_quotes, keyed.text_counts = list(found), sum(found.values()), found
        where.keyed = keyed
        where.exact = not (speaker and speaker_ids is not None) and not article and not text
    return where


def speaker_texts(con: duckdb.DuckDBPyConnection, condition: str, params: Sequence[Any]) -> dict[str, int]:
    """The texts naming a quote's speaker (linked or not) that ``condition`` (SQL on ``t.key``)
    keeps, each with its number of quotes, from the distinct texts the per-actor index tallies
    (:data:`byactor.TEXTS`), not from every quote."""
    return dict(con.execute(
        f"SELECT t.key, sum(t.n) FROM actor_tallies t WHERE t.actor_id = ? AND t.kind = 'speaker' AND {condition} "
        "GROUP BY t.key HAVING sum(t.n) > 0", [byactor.TEXTS, *params]).fetchall())


def select_quotes(
    where: Where, *, order: str = "asc", limit: int | None = None, offset: int = 0, ids: bool = False,
    named: bool = True,
) -> tuple[str, list[Any]]:
    """The ``QuoteRow`` columns of the quotes ``where`` keeps, in date order (``order``), one page of
    them; with ``ids``, followed by ``speaker_ids`` and ``speaker_text`` (the text naming the speaker).
    ``named=False`` (with ``ids``): ``speaker`` and ``title`` are left NULL for the caller to fill in
    (:func:`named_or`) from lookups by the page's ids as constants, which read only their rows
    (a join with ``actors`` or ``articles`` reads every row of the table)."""
    d = direction(order)
    where = narrowed(where, "q", order, limit, offset)
    page, page_params = limit_offset(limit, offset)
    extra = ", p.speaker_ids, p.speaker_text" if ids else ""
    if not named and ids:
        return f"""
        SELECT q.article_id, q.id AS quote_id, q.day AS published, NULL::VARCHAR AS title, NULL::VARCHAR AS speaker,
               q.kind, q.content, q.cue, q.content_start AS start, q.content_end AS "end",
               q.speaker_ids, q.speaker AS speaker_text
        FROM {QUOTES}
        WHERE {where.sql}
        ORDER BY q.day {d} NULLS LAST, q.article_id {d}, q.content_start {d}, q.id {d}
        {page}""", where.params + page_params
    sql = f"""
        WITH page AS MATERIALIZED (
            SELECT q.article_id, q.id AS quote_id, q.day AS published, q.speaker AS speaker_text,
                   q.speaker_ids, q.kind, q.content, q.cue, q.content_start AS start, q.content_end AS "end"
            FROM {QUOTES}
            WHERE {where.sql}
            ORDER BY q.day {d} NULLS LAST, q.article_id {d}, q.content_start {d}, q.id {d}
            {page}
        ),
        {_names_by_row('speakers', 'quote_id', 'speaker_ids')}
        SELECT p.article_id, p.quote_id, p.published, a.title, {_named('s', 'p.speaker_text')} AS speaker,
               p.kind, p.content, p.cue, p.start, p."end"{extra}
        FROM page p LEFT JOIN speakers s ON s.article_id = p.article_id AND s.quote_id = p.quote_id
        LEFT JOIN articles a ON a.id = p.article_id
        ORDER BY p.published {d} NULLS LAST, p.article_id {d}, p.start {d}, p.quote_id {d}"""
    return sql, where.params + page_params


# -- events ------------------------------------------------------------------------

def event_where(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    match: str = "words",
    actor_ids: list[str] | None = None,
    source_ids: list[str] | None = None,
    target_ids: list[str] | None = None,
    type: str | None = None,
    article: str | None = None,
    since: date | None = None,
    until: date | None = None,
    country: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    statuses: Sequence[str] | None = None,
) -> Where:
    """Events involving an actor (named, matched by ``match``, or any of ``actor_ids``) as source or
    target, with any of ``source_ids`` as source or ``target_ids`` as target, of a PLOVER type
    (any case), in an article, with one of ``statuses`` (None: any), or whose days
    (:data:`EVENT_DAY` to :data:`EVENT_LAST_DAY`: a year or a month is all its days) meet a date range."""
    either = "list_has_any(list_concat(e.source_ids, e.target_ids), ?::VARCHAR[])"
    named = match_ids(con, actor, match, active="events")
    where = (
        Where()
        .add(either, named)
        .add(either, actor_ids)
        .add("list_has_any(e.source_ids, ?::VARCHAR[])", source_ids)
        .add("list_has_any(e.target_ids, ?::VARCHAR[])", target_ids)
        .add("e.type = ?", type.upper() if type else None)
        .add("e.article_id = ?", article)
        .add(f"{EVENT_LAST_DAY} >= ?", since)
        .add(f"{EVENT_DAY} <= ?", until)
        .add("e.country = ?", country.upper() if country else None)
        .add("e.longitude BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?",
             *((bbox[0], bbox[2], bbox[1], bbox[3]) if bbox else (None,)))
        .add("list_contains(?::VARCHAR[], e.status)", list(statuses) if statuses is not None else None)
    )
    if not article:
        where.window = Window(con, EVENTS, EVENT_DAY)
    # The per-actor index answers one actor filter (with a type, statuses and a date range).
    keys = [(ids, roles) for ids, roles in ((named, ("source", "target")), (actor_ids, ("source", "target")),
                                           (source_ids, ("source",)), (target_ids, ("target",))) if ids is not None]
    if keys:
        keyed = Keyed(con, *keys[0])
        (keyed.where
         .add("r.type = ?", type.upper() if type else None)
         .add("r.last_day >= ?", since)
         .add("r.day <= ?", until)
         .add("list_contains(?::VARCHAR[], r.status)", list(statuses) if statuses is not None else None))
        if not type and not since and not until:
            keyed.tallied = tuple(statuses) if statuses is not None else ()
        where.keyed = keyed
        where.exact = len(keys) == 1 and not article and not country and not bbox
    return where


def parse_bbox(value: Any) -> tuple[float, float, float, float] | None:
    """A bounding box as (west, south, east, north) degrees, from a sequence or "W,S,E,N"; None for none."""
    if value is None or value == "":
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        w, s, e, n = (float(p) for p in parts)
    except (TypeError, ValueError):
        raise QueryError(f"a bounding box is four numbers west,south,east,north; got {value!r}") from None
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise QueryError(f"a bounding box needs -180 <= west <= east <= 180 and -90 <= south <= north <= 90; got {value!r}")
    return (w, s, e, n)


def select_events(
    where: Where,
    *,
    order: str = "asc",
    limit: int | None = None,
    offset: int = 0,
    ids: bool = False,
    named: bool = True,
) -> tuple[str, list[Any]]:
    """The ``EventRow`` columns of the events ``where`` keeps, in date order (``order``), one page of
    them; with ``ids``, followed by ``source_ids``, ``target_ids``, ``source_text``, ``target_text``
    and the article's ``title``. The sentence is the event's own (``events.sentence``): no article
    text is read. ``named=False`` (with ``ids``): ``source``, ``target`` and ``title`` are left NULL
    for the caller to fill in, as :func:`select_quotes`'s."""
    d = direction(order)
    where = narrowed(where, "e", order, limit, offset)
    page, page_params = limit_offset(limit, offset)
    extra = ", p.source_ids, p.target_ids, p.source_text, p.target_text, a.title" if ids else ""
    if not named and ids:
        return f"""
        SELECT e.article_id, e.id AS event_id, {EVENT_DAY} AS date, e.type, NULL::VARCHAR AS source,
               NULL::VARCHAR AS target, e.trigger, e.status, {EVENT_SENTENCE} AS sentence, e.sentence_start AS start,
               e.sentence_end AS "end", e.date AS dated, e.location, e.country, e.admin1, e.latitude, e.longitude,
               e.geo_precision, e.location_rule, e.source_ids, e.target_ids, e.source AS source_text,
               e.target AS target_text, NULL::VARCHAR AS title
        FROM {EVENTS}
        WHERE {where.sql}
        ORDER BY date {d} NULLS LAST, e.article_id {d}, e.trigger_start {d}, e.id {d}
        {page}""", where.params + page_params
    sql = f"""
        WITH page AS MATERIALIZED (
            SELECT e.article_id, e.id AS event_id, {EVENT_DAY} AS date, e.type, e.source AS source_text,
                   e.target AS target_text, e.source_ids, e.target_ids, e.trigger, e.status,
                   {EVENT_SENTENCE} AS sentence, e.sentence_start AS start,
                   e.sentence_end AS "end",
                   e.trigger_start, e.date AS dated, e.location, e.country, e.admin1, e.latitude,
                   e.longitude, e.geo_precision, e.location_rule
            FROM {EVENTS}
            WHERE {where.sql}
            ORDER BY date {d} NULLS LAST, e.article_id {d}, e.trigger_start {d}, e.id {d}
            {page}
        ),
        {_names_by_row('sources', 'event_id', 'source_ids')},
        {_names_by_row('targets', 'event_id', 'target_ids')}
        SELECT p.article_id, p.event_id, p.date, p.type,
               {_named('s', 'p.source_text')} AS source, {_named('t', 'p.target_text')} AS target,
               p.trigger, p.status, p.sentence, p.start, p."end", p.dated, p.location, p.country, p.admin1,
               p.latitude, p.longitude, p.geo_precision, p.location_rule{extra}
        FROM page p
        LEFT JOIN sources s ON s.article_id = p.article_id AND s.event_id = p.event_id
        LEFT JOIN targets t ON t.article_id = p.article_id AND t.event_id = p.event_id
        {'LEFT JOIN articles a ON a.id = p.article_id' if ids else ''}
        ORDER BY p.date {d} NULLS LAST, p.article_id {d}, p.trigger_start {d}, p.event_id {d}"""
    return sql, where.params + page_params


# -- actors ------------------------------------------------------------------------

def actor_where(
    con: duckdb.DuckDBPyConnection,
    *,
    kind: str | None = None,
    name: str | None = None,
    match: str = "words",
    ids: list[str] | None = None,
) -> Where:
    """Actors of a kind, named by ``name`` (matched by ``match``), or among ``ids``."""
    return (
        Where()
        .add("x.kind = ?", kind)
        # a hash join with the ids, not a search of the list for every actor
        .add("x.id IN (SELECT unnest(?::VARCHAR[]))", match_ids(con, name, match))
        .add("x.id IN (SELECT unnest(?::VARCHAR[]))", ids)
    )


def select_actors(where: Where, *, limit: int | None = None, offset: int = 0,
                  bounded: bool = True) -> tuple[str, list[Any]]:
    """The ``ActorRow`` columns of the actors ``where`` keeps, most widely reported first (articles,
    then mentions, then name), one page of them: the counts kept on each actor's row
    (:mod:`chronicle.store.stats`), so no mention, quote or event is read. ``bounded=False`` for a
    filter that keeps few actors (a list of ids): they are sorted in one pass."""
    page, page_params = limit_offset(limit, offset)
    # A page's actors have at least as many articles as the page's last: that bound is found on one
    # column first, so the full sort (by names too) is of the few actors above it, not of every actor.
    bound, bound_params = "", []
    if limit and bounded:
        bound = (" AND coalesce(x.n_articles, 0) >= (SELECT coalesce(min(n), 0) FROM (SELECT coalesce(x.n_articles, 0) "
                 f"AS n FROM {ACTORS} WHERE {where.sql} ORDER BY n DESC LIMIT ?))")
        bound_params = [*where.params, int(limit) + int(offset)]
    sql = f"""
        SELECT x.id, x.name, x.kind, x.country, coalesce(x.n_articles, 0) AS articles,
               coalesce(x.n_mentions, 0) AS mentions, coalesce(x.n_quotes, 0) AS quotes,
               coalesce(x.n_events, 0) AS events
        FROM {ACTORS}
        WHERE {where.sql}{bound}
        ORDER BY articles DESC, mentions DESC, x.name, x.id
        {page}"""
    return sql, where.params + bound_params + page_params


# -- timeline ----------------------------------------------------------------------

TIMELINE_KINDS = ("all", "quotes", "events")
# Where an event's row points in its article (a quote's row points at its content), and so where it sorts
# among the article's rows: its trigger word (the web view marks it) or its sentence (the CLI prints it).
EVENT_SPANS = {
    "trigger": ("e.trigger_start", "e.trigger_end"),
    "sentence": ("e.sentence_start", "e.sentence_end"),
}


def _timeline_entries(
    con: duckdb.DuckDBPyConnection,
    *,
    actor_ids: list[str] | None,
    kind: str,
    type: str | None,
    since: date | None,
    until: date | None,
    event_span: str,
    statuses: Sequence[str] | None = DEFAULT_STATUSES,
    details: bool = False,
    page: tuple[str, int | None, int] | None = None,
) -> tuple[str, list[Any]]:
    """SQL for the timeline's rows, unordered: ``date``, ``what`` ('quote' or the event's type),
    ``article_id``, ``record_id``, ``start``, ``"end"`` and ``anchor`` (where the record itself
    starts: a quote's content, an event's trigger word). With ``details``, followed by what a row
    shows of its record, so a page needs no second look at the quotes and events tables:
    ``ids`` (a quote's speakers, an event's sources), ``target_ids``, ``content`` (a quote's, an
    event's sentence),
    ``source_text`` and ``target_text`` (an event's)."""
    if kind not in TIMELINE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(TIMELINE_KINDS)}, not {kind!r}")
    if event_span not in EVENT_SPANS:
        raise ValueError(f"event_span must be one of {', '.join(EVENT_SPANS)}, not {event_span!r}")
    span_start, span_end = EVENT_SPANS[event_span]
    quotes = quote_where(con, speaker_ids=actor_ids, since=since, until=until)
    events = event_where(con, actor_ids=actor_ids, type=type, since=since, until=until, statuses=statuses)
    if kind == "events" or type:  # an event type keeps events only
        quotes.add("FALSE")
    if kind == "quotes":
        events.add("FALSE")
    keyed = _timeline_keyed(quotes, events, kind, type)
    if keyed is None and page is not None and page[1]:  # the page among the days at its end
        order, limit, offset = page
        cut = window_cut([(w.window, w) for w in (quotes, events) if w.window is not None], order,
                         int(limit) + int(offset))
        if cut is not None:
            for where in (quotes, events):
                if where.window is None:
                    continue
                where.terms.append(f"{where.window.day} {cut[0]} ?")
                where.params.append(cut[1])
    if keyed is not None and page is not None and page[1]:  # (order, limit, offset): narrowed to the page
        order, limit, offset = page
        sql, params = keyed
        sides = [w.keyed for w, used in ((quotes, not (kind == "events" or type)), (events, kind != "quotes"))
                 if used and w.keyed is not None]
        window = None
        if all(len(k.ids) <= INLINE_IDS and len(k.texts or []) <= INLINE_IDS for k in sides):
            window = day_window(con, [key for k in sides for key in k.keys()], order)
        pairs = first_pairs(con, sql, params, order, int(limit) + int(offset), window)
        for where, alias in ((quotes, "q"), (events, "e")):
            cut, cut_params = narrowing(alias, pairs)
            where.terms.append(cut)
            where.params.extend(cut_params)
    quote_details = event_details = ""
    if details:
        quote_details = (", q.speaker_ids AS ids, NULL::VARCHAR[] AS target_ids, q.content, "
                         "NULL::VARCHAR AS source_text, NULL::VARCHAR AS target_text")
        event_details = ", e.source_ids, e.target_ids, e.sentence, e.source, e.target"
    sql = f"""
        SELECT q.day AS date, 'quote' AS what, q.article_id, q.id AS record_id,
               q.content_start AS start, q.content_end AS "end", q.content_start AS anchor{quote_details}
        FROM {QUOTES} WHERE {quotes.sql}
        UNION ALL
        SELECT {EVENT_DAY} AS date, e.type AS what, e.article_id, e.id AS record_id,
               {span_start} AS start, {span_end} AS "end", e.trigger_start AS anchor{event_details}
        FROM {EVENTS} WHERE {events.sql}"""
    return sql, quotes.params + events.params


def _timeline_keyed(quotes: Where, events: Where, kind: str, type: str | None) -> tuple[str, list[Any]] | None:
    """SQL for the timeline's records as the per-actor index finds them (``t``: 'q' or 'e', ``day``,
    ``article_id``, ``record_id``), when it answers both sides' filters; else None."""
    sides = []
    if not (kind == "events" or type):
        sides.append(("q", quotes))
    if kind != "quotes":
        sides.append(("e", events))
    if not sides or any(w.keyed is None or not w.exact for _, w in sides):
        return None
    parts, params = [], []
    for tag, where in sides:
        sql, p = where.keyed.rows_sql()
        parts.append(f"SELECT '{tag}' AS t, day, article_id, record_id FROM ({sql})")
        params += p
    return " UNION ALL ".join(parts), params


def timeline_order(order: str = "asc") -> str:
    """The timeline's ORDER BY terms: by day (undated last), article and place in the article. Rows
    starting at one place (a quote and an event in one sentence, with ``event_span="sentence"``) keep
    the order they have in the article."""
    d = direction(order)
    return f"date {d} NULLS LAST, article_id {d}, start {d}, anchor {d}, record_id"


def count_timeline(
    con: duckdb.DuckDBPyConnection,
    *,
    actor_ids: list[str] | None = None,
    kind: str = "all",
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    statuses: Sequence[str] | None = DEFAULT_STATUSES,
) -> int:
    """How many rows :func:`select_timeline` finds with the same filters (in the per-actor index
    when it answers them; one actor's records unfiltered by type or days from the counts kept at
    ingest: :func:`_kept_timeline_count`)."""
    if actor_ids is not None and len(set(actor_ids)) == 1 and kind in TIMELINE_KINDS and not (type or since or until):
        kept = _kept_timeline_count(con, actor_ids[0], kind, statuses)
        if kept is not None:
            return kept
    if actor_ids is not None and kind in TIMELINE_KINDS:
        quotes = quote_where(con, speaker_ids=actor_ids, since=since, until=until)
        events = event_where(con, actor_ids=actor_ids, type=type, since=since, until=until, statuses=statuses)
        keyed = _timeline_keyed(quotes, events, kind, type)
        if keyed is not None:
            return con.execute(f"SELECT count(*) FROM (SELECT DISTINCT t, article_id, record_id FROM ({keyed[0]}))",
                               keyed[1]).fetchone()[0]
    sql, params = _timeline_entries(
        con, actor_ids=actor_ids, kind=kind, type=type, since=since, until=until, event_span="trigger",
        statuses=statuses,
    )
    return con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def _kept_timeline_count(con: duckdb.DuckDBPyConnection, actor: str, kind: str,
                         statuses: Sequence[str] | None) -> int | None:
    """One actor's timeline rows counted from what ingest keeps: their quotes on their row
    (:mod:`chronicle.store.stats`) and their events of ``statuses`` (None: any) as a source plus as a
    target less those they are both of (the ``records`` tallies, :mod:`chronicle.store.byactor`);
    None for an actor with no kept count."""
    total = 0
    if kind in ("all", "quotes"):
        row = con.execute("SELECT n_quotes FROM actors WHERE id = ?", [actor]).fetchone()
        if row is None or row[0] is None:
            return None
        total += row[0]
    if kind in ("all", "events"):
        among = Where().add("list_contains(?::VARCHAR[], detail)", list(statuses) if statuses is not None else None)
        total += con.execute(
            "SELECT coalesce(sum(CASE WHEN key = 'both' THEN -n ELSE n END), 0) FROM actor_tallies "
            f"WHERE actor_id = ? AND kind = 'records' AND key IN ('source', 'target', 'both') AND {among.sql}",
            [actor, *among.params]).fetchone()[0]
    return int(total)


def select_timeline(
    con: duckdb.DuckDBPyConnection,
    *,
    actor_ids: list[str] | None = None,
    kind: str = "all",
    type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    event_span: str = "trigger",
    order: str = "asc",
    limit: int | None = None,
    offset: int = 0,
    statuses: Sequence[str] | None = DEFAULT_STATUSES,
) -> tuple[str, list[Any]]:
    """The timeline: quotes and events together in date order (``order``), one page of them, as
    ``date``, ``what`` ('quote' or the event's PLOVER type), ``article_id``, ``record_id``,
    ``start``, ``"end"`` and ``anchor``; callers fill in the page's rows as they show them.

    With ``actor_ids``: what those actors said (as speaker) and did or had done to them (as source
    or target). ``kind`` keeps quotes or events only, and a ``type`` events of that type;
    ``since``/``until`` bound the day (a quote's publication date, an event's days); ``statuses``
    keeps events of those statuses (None: any). ``start``/``end`` are a quote's content and an event's :data:`EVENT_SPANS` span, and rows of
    one day and article sort by that start (:func:`timeline_order`)."""
    entries, params = _timeline_entries(
        con, actor_ids=actor_ids, kind=kind, type=type, since=since, until=until, event_span=event_span,
        statuses=statuses, page=(order, limit, offset),
    )
    page, page_params = limit_offset(limit, offset)
    return f"SELECT * FROM ({entries}) ORDER BY {timeline_order(order)} {page}", params + page_params


def select_actor_timeline(
    con: duckdb.DuckDBPyConnection,
    actor_ids: list[str],
    *,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[str, list[Any]]:
    """The ``TimelineRow`` columns of what the actors ``actor_ids`` said and did (the timeline of
    :func:`select_timeline`, an event's row pointing at its sentence): which of them each row names
    (``actor``), as what (``role``: speaker, source or target), who else an event was with
    (``other``), and the quote or the event's sentence (``text``).

    Only the page is filled in: the actor's rows are found (carrying what they show), sorted and
    cut to the page first; then only the page's actors are named. An event's ``text`` is its
    stored sentence: no article text is read."""
    entries, params = _timeline_entries(
        con, actor_ids=actor_ids, kind="all", type=None, since=None, until=None, event_span="sentence", details=True,
        page=("asc", limit, offset),
    )
    page, page_params = limit_offset(limit, offset)
    mine = "(SELECT ids FROM asked)"

    def names(ids: str) -> str:  # as names_of, looked up in the page's actors (a constant map, not a join per row)
        return (f"coalesce(array_to_string(list_sort(list_filter(list_transform(list_distinct({ids}), "
                f"lambda i: l.m[i]), lambda n: n IS NOT NULL)), ', '), '')")

    def name_or(ids: str, text: str) -> str:
        return f"coalesce(nullif({names(ids)}, ''), {text}, '')"

    sql = f"""
        WITH asked AS (SELECT ?::VARCHAR[] AS ids),
        page AS MATERIALIZED (SELECT * FROM ({entries}) ORDER BY {timeline_order()} {page}),
        named AS MATERIALIZED (
            SELECT x.id, x.name FROM actors x
            WHERE x.id IN (SELECT DISTINCT unnest(list_concat(ids, target_ids)) FROM page)
        ),
        lookup AS (SELECT map(coalesce(list(id), []::VARCHAR[]), coalesce(list(name), []::VARCHAR[])) AS m FROM named)
        SELECT date, actor, what, role, other, text, article_id, start, "end" FROM (
            SELECT p.date, p.what, p.article_id, p.record_id, p.start, p."end", p.anchor,
                   {names(f'list_intersect(p.ids, {mine})')} AS actor, 'speaker' AS role, '' AS other,
                   p.content AS text
            FROM page p, lookup l WHERE p.what = 'quote'
            UNION ALL
            SELECT p.date, p.what, p.article_id, p.record_id, p.start, p."end", p.anchor,
                   {names(f'list_intersect(list_concat(p.ids, p.target_ids), {mine})')} AS actor,
                   CASE WHEN list_has_any(p.ids, {mine}) THEN 'source' ELSE 'target' END AS role,
                   CASE WHEN list_has_any(p.ids, {mine})
                        THEN {name_or('p.target_ids', 'p.target_text')}
                        ELSE {name_or('p.ids', 'p.source_text')} END AS other,
                   p.content AS text
            FROM page p, lookup l
            WHERE p.what <> 'quote'
        )
        ORDER BY {timeline_order()}"""
    return sql, [actor_ids] + params + page_params
