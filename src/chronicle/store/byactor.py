"""The per-actor index (version 9), and its sort order.

``actor_records`` holds what an actor's pages and filters read, one row per actor and:

- ``speaker``: a quote they are a speaker of;
- ``source``/``target``: an event they are a source or target of, with its type and status, and
  who was on its other side (``others``: its targets for a source, its sources for a target);
- ``article``: an article naming them, one row per article actor (``record_id`` its local id):
  the role (``type``) and affiliation (``status``) given there, the names written (``others``: the
  article actor's name and its mentions' texts, pronouns left out) and its mentions (``n``);
- ``about``: a quote of theirs naming other actors (``others``: those actors, once per mention);
- ``mentioned``: a quote naming them (``others``: its other speakers, once per mention of them);
- ``speaker_text`` (version 11): a quote by the text naming its speaker, linked or not (``actor_id``
  holds that text, as written), so a speaker typed in a search box is matched among the distinct
  texts (tallied under the empty actor id, below) and their quotes read from here, not from every quote,

each with its day (a quote's or article's publication day; an event's first day) and last day
(an event's last). So one actor's quotes and events are found, counted, sorted and cut to a page,
and whom they deal with counted, without reading every quote's and event's list of actors or
every mention; only a page's own rows are read from ``quotes`` and ``events`` after
(:mod:`chronicle.store.query`).

The Parquet loader and a writer without resolution index a batch's rows in the transaction that
stores them (:func:`batch_rows`); a resolving writer's batches leave their articles to the end of
the run, which indexes them with the articles its joins changed in one pass
(:func:`chronicle.store.identity.settle_index`; every ``INDEX_AT_ONCE`` articles in a long run).
Rows are dropped with their articles (:func:`drop`); a merge or split indexes the articles whose
rows it changed again (:func:`reindex`). A store of an older schema is indexed
once (:func:`fill`).

**Sort order.** DuckDB keeps each column's minimum and maximum per row group (a zonemap), and a
scan skips the row groups whose range cannot match. Rows appended batch by batch mix every actor,
so :func:`compact` rewrites ``actor_records`` sorted by actor and day once the rows appended
since the last rewrite are over :data:`TAIL_SHARE` of the table (and :data:`TAIL_MIN` rows): a
lookup then reads the few row groups of its actor, and the unsorted tail. ``meta`` keeps how many rows were sorted
(``sorted:TABLE``). A rewrite whenever the tail passes a fixed share of the table rewrites each
row a bounded number of times on average (a geometric series), so its cost per article stays flat
as the store grows.

**Tallies** (version 11). ``actor_tallies`` holds what the actor page counts over an actor's index
rows, counted once at ingest: per actor, ``role`` (an article's role and affiliation: ``key``,
``detail``), ``alias`` (a name written), ``about`` and ``mentioned`` (an actor a quote of theirs
names, a speaker whose quote names them), ``source`` and ``target`` (the actors on an event's
other side), ``records`` (their events as ``key`` source or target, by status: ``detail``), and,
under the empty actor id (:data:`TEXTS`), ``speaker`` (the distinct texts naming a quote's
speaker), each with how many times (``n``). Version 12 adds ``said``: per speaker, their quotes by
the text naming the speaker (``key``, NULL for none) and all of the quote's speakers (``detail``:
their ids, sorted, joined by :data:`SEP`), so how many quotes some speakers or some speaker texts
have between them is summed over a few tally rows (each quote is one ``detail`` and one ``key``:
:meth:`chronicle.store.query.Keyed.count`), not counted over every index row. Version 13 adds
``days``: per actor (or speaker text) and role of :data:`DAYS_ROLES` (``key``), how many distinct
(day, article) pairs its rows have in each month (``detail``: :func:`month`, NULL for undated), so
a page at either end of the day order knows which days hold its first pairs and reads only their
row groups (:meth:`chronicle.store.query.Keyed.day_window`), and ``records`` keyed ``both``: an
actor's events they are a source and a target of, by status, so their events either way are
counted as sources plus targets less both (:func:`chronicle.store.query.count_timeline`). They
are kept with the index rows they count:
:func:`add` adds a batch's, :func:`drop` and :func:`reindex` take back those of the rows they
delete (rows with a negative ``n``) and add those of the rows they index again. So a count is
``sum(n)`` over an actor's tally rows, few whatever the corpus's size: :func:`compact` rewrites the
table summed per key and sorted by actor once its unsorted tail has grown (as above), so a lookup
reads the row groups of its actor.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import date

from chronicle.store import actorwords, words
from chronicle.store.db import duckdb

ROLES = ("speaker", "source", "target")
# The tallies' actor for the distinct speaker texts (kind ``speaker``, key the text): no actor's id.
TEXTS = ""
# The table's columns (chronicle.store.schema creates it with them; a rewrite here too).
COLUMNS = ("actor_id VARCHAR NOT NULL, role VARCHAR NOT NULL, day DATE, last_day DATE, "
           "article_id VARCHAR NOT NULL, record_id VARCHAR NOT NULL, type VARCHAR, status VARCHAR, others VARCHAR[], "
           "n INTEGER")
TYPES = ("VARCHAR", "VARCHAR", "DATE", "DATE", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR[]", "INTEGER")
# The tallies (version 11; see the module doc).
TALLY_COLUMNS = "actor_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, key VARCHAR, detail VARCHAR, n INTEGER NOT NULL"
TALLY_TYPES = ("VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER")
TALLY_KINDS = ("role", "alias", "about", "mentioned", "source", "target")
# The roles whose (day, article) pairs are tallied by month (kind ``days``, version 13): those pages list.
DAYS_ROLES = ("article", "speaker", "speaker_text", "source", "target")
# Between the ids of a quote's speakers in a ``said`` tally's ``detail`` (version 12): no id holds it.
SEP = "\x1f"
# Table -> its columns, the order it is rewritten in (its zonemaps then prune lookups by that key)
# and the rows written (the tallies summed per key); the word index (chronicle.store.words) too.
SORTED = {
    "actor_records": (COLUMNS, "actor_id, day, article_id, record_id, role", "SELECT * FROM actor_records"),
    "word_articles": (words.COLUMNS, words.ORDER, "SELECT * FROM word_articles"),
    "actor_tallies": (TALLY_COLUMNS, "actor_id, kind, key, detail",
                      "SELECT actor_id, kind, key, detail, sum(n)::INTEGER FROM actor_tallies GROUP BY ALL "
                      "HAVING sum(n) <> 0"),
    # the names index (version 14) by word, and its vocabulary (the words of the index as it is)
    "actor_words": (actorwords.COLUMNS, actorwords.ORDER, "SELECT * FROM actor_words"),
    "actor_vocab": (actorwords.VOCAB_COLUMNS, "word", "SELECT DISTINCT word FROM actor_words"),
}
TAIL_SHARE = 0.25
TAIL_MIN = 50_000

# Row layouts of chronicle.store.writer.record_rows (positions used here).
_Q_ARTICLE, _Q_ID, _Q_START, _Q_END, _Q_SPEAKER, _Q_SPEAKERS, _Q_DAY = 0, 1, 3, 4, 8, 9, 17
_E_ARTICLE, _E_ID, _E_TYPE, _E_SOURCES, _E_TARGETS, _E_STATUS, _E_DAY, _E_LAST_DAY = 0, 1, 2, 8, 9, 21, 38, 39
_AA_ARTICLE, _AA_LOCAL, _AA_ACTOR, _AA_NAME, _AA_ROLE, _AA_AFFILIATION = 0, 1, 2, 3, 6, 7
_M_ARTICLE, _M_LOCAL, _M_ACTOR, _M_START, _M_END, _M_TEXT, _M_LABEL = 0, 1, 3, 4, 5, 6, 7


def batch_rows(tables: dict[str, list[tuple]], published: dict[str, object]) -> list[tuple]:
    """The ``actor_records`` rows of a batch's rows (as the writer inserts them, events with their
    days set); ``published``: each article's publication day."""
    rows: list[tuple] = []
    mentions: dict[str, list[tuple]] = {}
    for m in tables.get("mentions", ()):
        mentions.setdefault(m[_M_ARTICLE], []).append(m)
    for a in tables.get("article_actors", ()):
        aid, local = a[_AA_ARTICLE], a[_AA_LOCAL]
        mine = [m for m in mentions.get(aid, ()) if m[_M_LOCAL] == local]
        names = [a[_AA_NAME]] + [m[_M_TEXT] for m in mine if (m[_M_LABEL] or "") != "PRON"]
        day = published.get(aid)
        rows.append((a[_AA_ACTOR], "article", day, day, aid, local, a[_AA_ROLE], a[_AA_AFFILIATION],
                     sorted(n for n in names if n is not None), len(mine)))
    for q in tables.get("quotes", ()):
        speakers = list(q[_Q_SPEAKERS] or ())
        for actor in dict.fromkeys(speakers):
            rows.append((actor, "speaker", q[_Q_DAY], q[_Q_DAY], q[_Q_ARTICLE], q[_Q_ID], None, None, None, None))
        if q[_Q_SPEAKER] is not None:
            rows.append((q[_Q_SPEAKER], "speaker_text", q[_Q_DAY], q[_Q_DAY], q[_Q_ARTICLE], q[_Q_ID], None, None,
                         None, None))
        if q[_Q_START] is None or q[_Q_END] is None:
            continue
        inside = [m[_M_ACTOR] for m in mentions.get(q[_Q_ARTICLE], ())
                  if m[_M_START] >= q[_Q_START] and m[_M_END] <= q[_Q_END]]
        for actor in dict.fromkeys(speakers):
            about = sorted(i for i in inside if i != actor)
            if about:
                rows.append((actor, "about", q[_Q_DAY], q[_Q_DAY], q[_Q_ARTICLE], q[_Q_ID], None, None, about, None))
        for actor in dict.fromkeys(inside):
            by = sorted(s for s in speakers if s != actor) * inside.count(actor)
            if by:
                rows.append((actor, "mentioned", q[_Q_DAY], q[_Q_DAY], q[_Q_ARTICLE], q[_Q_ID], None, None,
                             sorted(by), None))
    for e in tables.get("events", ()):
        sources, targets = list(e[_E_SOURCES] or ()), list(e[_E_TARGETS] or ())
        for role, mine, others in (("source", sources, targets), ("target", targets, sources)):
            for actor in dict.fromkeys(mine):
                rows.append((actor, role, e[_E_DAY], e[_E_LAST_DAY], e[_E_ARTICLE], e[_E_ID], e[_E_TYPE],
                             e[_E_STATUS], others, None))
    return rows


def month(day: object) -> str | None:
    """A day's month as a ``days`` tally's ``detail``: ``year * 100 + month`` written out ('202403');
    None for no day (as :data:`MONTH_SQL` in SQL)."""
    if day is None:
        return None
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return str(day.year * 100 + day.month)


# :func:`month` of the column ``day`` in SQL.
MONTH_SQL = "CAST(year(day) * 100 + month(day) AS VARCHAR)"


def tallies(rows: Sequence[tuple]) -> list[tuple]:
    """The ``actor_tallies`` rows of ``actor_records`` rows (as :func:`tally_sql` counts them)."""
    counts: Counter[tuple] = Counter()
    spoken: dict[tuple[str, str], set[str]] = {}
    texts: dict[tuple[str, str], str] = {}
    # An article's rows are all in one batch (and taken back together), so its pairs are counted once.
    pairs: set[tuple] = set()
    ends: dict[tuple, set[str]] = {}  # (actor, article, event, status) -> the actor's roles in the event
    for actor, role, day, _last, article, record, type_, status, others, _n in rows:
        if role in DAYS_ROLES:
            pairs.add((actor, role, day, article))
        if role in ("source", "target"):
            ends.setdefault((actor, article, record, status), set()).add(role)
        if role == "speaker":
            spoken.setdefault((article, record), set()).add(actor)
        elif role == "speaker_text":
            texts[(article, record)] = actor
        if role == "article":
            if type_ is not None or status is not None:
                counts[(actor, "role", type_, status)] += 1
            kind = "alias"
        elif role in TALLY_KINDS:
            kind = role
            if role in ("source", "target"):
                counts[(actor, "records", role, status)] += 1
        elif role == "speaker_text":
            counts[(TEXTS, "speaker", actor, None)] += 1
            continue
        else:
            continue
        for other in others or ():
            if other is not None:
                counts[(actor, kind, other, None)] += 1
    for quote, speakers in spoken.items():
        ids = sorted(speakers)
        for actor in ids:
            counts[(actor, "said", texts.get(quote), SEP.join(ids))] += 1
    for actor, role, day, _article in pairs:
        counts[(actor, "days", role, month(day))] += 1
    for (actor, _article, _record, status), roles in ends.items():
        if len(roles) == 2:
            counts[(actor, "records", "both", status)] += 1
    return [(*k, n) for k, n in counts.items()]


def tally_sql(where: str, table: str = "actor_records") -> str:
    """SQL: the tallies of the ``actor_records`` rows (or those of ``table``, of its layout) ``where`` keeps."""
    return f"""
        WITH r AS (SELECT * FROM {table} WHERE {where})
        SELECT actor_id, 'role', type, status, count(*)::INTEGER FROM r
        WHERE role = 'article' AND (type IS NOT NULL OR status IS NOT NULL) GROUP BY ALL
        UNION ALL
        SELECT actor_id, CASE WHEN role = 'article' THEN 'alias' ELSE role END, other, NULL, count(*)::INTEGER
        FROM (SELECT actor_id, role, unnest(others) AS other FROM r
              WHERE role IN ('article', 'about', 'mentioned', 'source', 'target'))
        WHERE other IS NOT NULL GROUP BY ALL
        UNION ALL
        SELECT actor_id, 'records', role, status, count(*)::INTEGER FROM r WHERE role IN ('source', 'target') GROUP BY ALL
        UNION ALL
        SELECT '', 'speaker', actor_id, NULL, count(*)::INTEGER FROM r WHERE role = 'speaker_text' GROUP BY ALL
        UNION ALL
        {_said_sql("r")}
        UNION ALL
        {_days_sql("r")}
        UNION ALL
        {_both_sql("r")}"""


def _both_sql(r: str) -> str:
    """SQL: the ``records`` tallies keyed ``both`` (version 13) of the index rows ``r`` holds: an
    actor's events they are a source and a target of, by status."""
    return f"""SELECT s.actor_id, 'records', 'both', s.status, count(*)::INTEGER FROM {r} s JOIN {r} t
          ON t.actor_id = s.actor_id AND t.article_id = s.article_id AND t.record_id = s.record_id AND t.role = 'target'
        WHERE s.role = 'source' GROUP BY ALL"""


def _days_sql(r: str) -> str:
    """SQL: the ``days`` tallies (version 13) of the index rows ``r`` (a table or CTE) holds."""
    roles = ", ".join(f"'{role}'" for role in DAYS_ROLES)
    return f"""SELECT actor_id, 'days', role, {MONTH_SQL}, count(*)::INTEGER FROM (
            SELECT DISTINCT actor_id, role, day, article_id FROM {r} WHERE role IN ({roles}))
        GROUP BY ALL"""


def _said_sql(r: str) -> str:
    """SQL: the ``said`` tallies (version 12) of the index rows ``r`` (a table or CTE) holds."""
    return f"""SELECT actor_id, 'said', text, sig, count(*)::INTEGER FROM (
            SELECT unnest(s.ids) AS actor_id, t.text, array_to_string(s.ids, chr({ord(SEP)})) AS sig
            FROM (SELECT article_id, record_id, list_sort(list(DISTINCT actor_id)) AS ids FROM {r}
                  WHERE role = 'speaker' GROUP BY ALL) s
            LEFT JOIN (SELECT article_id, record_id, actor_id AS text FROM {r} WHERE role = 'speaker_text') t
              ON t.article_id = s.article_id AND t.record_id = s.record_id)
        GROUP BY ALL"""


def _insert(con: duckdb.DuckDBPyConnection, table: str, types: Sequence[str], rows: Sequence[tuple]) -> None:
    if rows:
        con.execute(f"INSERT INTO {table} SELECT {', '.join(f'unnest(?::{t}[])' for t in types)}",
                    [list(c) for c in zip(*rows)])


def add(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple], articles: Sequence[str] = ()) -> None:
    """Store a batch's index rows (:func:`batch_rows`) of the articles ``articles`` and their tallies.
    (An article a killed resolving run left waiting is indexed here: it waits no more.)"""
    _not_waiting(con, articles)
    _insert(con, "actor_records", TYPES, rows)
    _insert(con, "actor_tallies", TALLY_TYPES, tallies(rows))


def _take_back(con: duckdb.DuckDBPyConnection, where: str, params: Sequence | dict = (),
               table: str = "actor_records") -> None:
    """Tally rows taking back the tallies of the ``actor_records`` rows (or those of ``table``) ``where`` keeps."""
    con.execute(f"INSERT INTO actor_tallies SELECT * EXCLUDE (n), -n FROM ({tally_sql(where, table)}) t(actor_id, kind, "
                "key, detail, n)", params)


def _speaker_texts(where: str, quotes: str = "quotes") -> str:
    """SQL: the ``speaker_text`` rows of the quotes of the articles ``where`` keeps (from the table
    ``quotes``, of its layout)."""
    return (f"SELECT speaker, 'speaker_text', day, day, article_id, id, NULL, NULL, NULL::VARCHAR[], NULL "
            f"FROM {quotes} WHERE ({where}) AND speaker IS NOT NULL")


# The record tables :func:`_select` reads an article's rows from (all but article_actors more than once).
_SELECT_TABLES = ("article_actors", "mentions", "quotes", "events")


def _select_once(where: str) -> str:
    """SQL: :func:`_select`, each record table's rows of the articles ``where`` keeps read once (a
    materialised CTE) where :func:`_select` reads mentions twice, quotes three times and events
    twice: for a few articles each read is a pass over the table's article ids (no index on them),
    so the index rows of a run's 84 articles cost nine passes over the corpus's rows, now four."""
    read = ", ".join(f"run_{t} AS MATERIALIZED (SELECT * FROM {t} WHERE {where})" for t in _SELECT_TABLES)
    return f"WITH {read} {_select(where, {t: f'run_{t}' for t in _SELECT_TABLES})}"


def _select(where: str, tables: dict[str, str] | None = None) -> str:
    """SQL: the index rows of the articles ``where`` (a condition on ``article_id``) keeps, as
    :func:`batch_rows` makes them (``tables``: another table or CTE of a record table's layout to
    read it from, by name, holding at least those articles' rows)."""
    aa, mentions, quotes, events = ((tables or {}).get(t, t) for t in _SELECT_TABLES)
    return f"""
        SELECT aa.actor_id, 'article', a.published, a.published, aa.article_id, aa.local_id, aa.role,
               aa.affiliation,
               list_sort(list_filter(list_concat([aa.name], coalesce(m.names, [])), lambda x: x IS NOT NULL)),
               coalesce(m.n, 0)::INTEGER
        FROM (SELECT * FROM {aa} WHERE {where}) aa
        JOIN (SELECT id, published FROM articles WHERE {where.replace('article_id', 'id')}) a ON a.id = aa.article_id
        LEFT JOIN (SELECT article_id, local_id, count(*) AS n,
                          list(text) FILTER (WHERE coalesce(label, '') <> 'PRON') AS names
                   FROM {mentions} WHERE {where} GROUP BY ALL) m
          ON m.article_id = aa.article_id AND m.local_id = aa.local_id
        UNION ALL
        SELECT actor_id, 'speaker', day, day, article_id, id, NULL, NULL, NULL::VARCHAR[], NULL
        FROM (SELECT unnest(list_distinct(speaker_ids)) AS actor_id, day, article_id, id FROM {quotes} WHERE {where})
        UNION ALL
        {_speaker_texts(where, quotes)}
        UNION ALL
        SELECT * FROM (
            WITH inside AS (
                SELECT q.article_id, q.id, q.day, q.speaker_ids, m.actor_id AS mentioned
                FROM (SELECT * FROM {quotes} WHERE {where}) q
                JOIN (SELECT * FROM {mentions} WHERE {where}) m
                  ON m.article_id = q.article_id AND m.start >= q.content_start AND m."end" <= q.content_end)
            SELECT s, 'about', day, day, article_id, id, NULL, NULL, list_sort(list(mentioned)), NULL
            FROM (SELECT *, unnest(list_distinct(speaker_ids)) AS s FROM inside) WHERE mentioned <> s
            GROUP BY s, day, article_id, id
            UNION ALL
            SELECT mentioned, 'mentioned', day, day, article_id, id, NULL, NULL,
                   list_sort(flatten(list(list_filter(speaker_ids, lambda x: x <> mentioned)))), NULL
            FROM inside GROUP BY mentioned, day, article_id, id
            HAVING len(flatten(list(list_filter(speaker_ids, lambda x: x <> mentioned)))) > 0)
        UNION ALL
        SELECT actor_id, 'source', day, last_day, article_id, id, type, status, target_ids, NULL
        FROM (SELECT unnest(list_distinct(source_ids)) AS actor_id, * FROM {events} WHERE {where})
        UNION ALL
        SELECT actor_id, 'target', day, last_day, article_id, id, type, status, source_ids, NULL
        FROM (SELECT unnest(list_distinct(target_ids)) AS actor_id, * FROM {events} WHERE {where})"""


# Articles per step of a full pass (:func:`fill` and the upgrades' fills): each step's joins and list
# aggregates are held in memory whole (DuckDB spills sorts and plain aggregates, not these), so a
# pass over a million articles in one statement ran out of memory; a step of this many stays
# within a few hundred MB whatever the corpus's size.
CHUNK_ARTICLES = 50_000


def article_ranges(con: duckdb.DuckDBPyConnection, chunk: int | None = None) -> list[tuple[str, dict]]:
    """Conditions on ``article_id`` (with their parameters) that split every article id, stored or
    not, into ranges of about ``chunk`` stored articles (:data:`CHUNK_ARTICLES`; 0: one range,
    ``TRUE``), in id order: the first range has no lower bound and the last no upper one."""
    chunk = CHUNK_ARTICLES if chunk is None else chunk
    if chunk <= 0:
        return [("TRUE", {})]
    bounds = [r[0] for r in con.execute(
        "SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM articles) "
        "WHERE i > 0 AND i % ? = 0 ORDER BY id", [chunk]).fetchall()]
    if not bounds:
        return [("TRUE", {})]
    edges = [None, *bounds, None]
    out = []
    for low, high in zip(edges, edges[1:]):
        terms, params = [], {}
        if low is not None:
            terms.append("article_id >= $fill_low")
            params["fill_low"] = low
        if high is not None:
            terms.append("article_id < $fill_high")
            params["fill_high"] = high
        out.append((" AND ".join(terms), params))
    return out


def _records(where: str) -> str:
    """A table expression: the ``actor_records`` rows ``where`` keeps."""
    return f"(SELECT * FROM actor_records WHERE {where})"


def fill(con: duckdb.DuckDBPyConnection, *, chunk: int | None = None) -> None:
    """Index every stored quote and event again, then sort the indexes (an upgrade to version 9).
    Done a range of articles at a time (:func:`article_ranges`): the rows and tallies of an
    article depend on its own rows only, and :func:`compact` sums the tallies per key."""
    con.execute("DELETE FROM actor_records")
    for where, params in article_ranges(con, chunk):
        con.execute(f"INSERT INTO actor_records {_select(where)}", params)
    # (every article is indexed now: none waits for the end of its run, INDEX_BATCH_PREFIX)
    con.execute("DELETE FROM meta WHERE starts_with(key, ?)", [INDEX_BATCH_PREFIX])
    fill_tallies(con, chunk=chunk)


def fill_texts(con: duckdb.DuckDBPyConnection, *, chunk: int | None = None) -> None:
    """Index every quote by its speaker's text again, count every tally again and sort the
    indexes (an upgrade to version 11)."""
    con.execute("DELETE FROM actor_records WHERE role = 'speaker_text'")
    for where, params in article_ranges(con, chunk):
        con.execute(f"INSERT INTO actor_records {_speaker_texts(where)}", params)
    fill_tallies(con, chunk=chunk)


def fill_said(con: duckdb.DuckDBPyConnection, *, chunk: int | None = None) -> None:
    """Count every speaker's ``said`` tallies from the index (an upgrade to version 12; sort the
    tallies after, :func:`compact`, which sums them per key)."""
    con.execute("DELETE FROM actor_tallies WHERE kind = 'said'")
    for where, params in article_ranges(con, chunk):
        con.execute(f"INSERT INTO actor_tallies {_said_sql(_records(where))}", params)


def fill_days(con: duckdb.DuckDBPyConnection, *, chunk: int | None = None) -> None:
    """Count every actor's ``days`` tallies and ``both`` records from the index (an upgrade to
    version 13; sort the tallies after, :func:`compact`, which sums them per key)."""
    con.execute("DELETE FROM actor_tallies WHERE kind = 'days' OR (kind = 'records' AND key = 'both')")
    for where, params in article_ranges(con, chunk):
        con.execute(f"INSERT INTO actor_tallies {_days_sql(_records(where))}", params)
        con.execute(f"INSERT INTO actor_tallies {_both_sql(_records(where))}", params)


def fill_tallies(con: duckdb.DuckDBPyConnection, *, chunk: int | None = None) -> None:
    """Count every actor's tallies again from the index, a range of articles at a time, then
    sort the indexes (the sort sums each key's partial counts)."""
    con.execute("DELETE FROM actor_tallies")
    for where, params in article_ranges(con, chunk):
        con.execute(f"INSERT INTO actor_tallies {tally_sql(where)}", params)
    compact(con, force=True)


def reindex(con: duckdb.DuckDBPyConnection, where: str, params: Sequence | dict = ()) -> None:
    """Index the quotes and events of the articles ``where`` (a condition on ``article_id``) keeps
    again: a merge or split changed their actor ids."""
    con.execute("CREATE OR REPLACE TEMP TABLE reindexed AS SELECT DISTINCT article_id AS id FROM actor_records "
                f"WHERE {where}", params)
    _reindex_table(con)


def reindex_articles(con: duckdb.DuckDBPyConnection, articles: Sequence[str], unindexed: Sequence[str] = ()) -> None:
    """:func:`reindex` for the articles ``articles``, named (no pass over the index to find them), and
    index the articles ``unindexed``, which have no index rows (a resolving batch's, waiting for the
    end of its run: :data:`INDEX_BATCH_PREFIX`): their old rows are not looked for, a pass over the
    whole index's article ids (at 100k articles 0.18 s of CPU for a run's 84) that finds none."""
    con.execute("CREATE OR REPLACE TEMP TABLE reindexed AS SELECT DISTINCT unnest(?::VARCHAR[]) AS id",
                [list(dict.fromkeys([*articles, *unindexed]))])
    if not articles:
        _reindex_table(con, no_old=True)
        return
    if unindexed:
        _reindex_table(con, old="SELECT rowid AS row_id, * FROM actor_records WHERE "
                       "article_id IN (SELECT unnest($articles::VARCHAR[]))", params={"articles": list(articles)})
        return
    _reindex_table(con)


# The meta keys of the articles resolving batches stored whose index rows wait for the end of their
# run (chronicle.store.identity.defer_batch_index), one per batch, its value their ids. Such an
# article has no index rows (its batch dropped those of any version it replaced), so the end makes
# them without looking for old ones; whatever indexes an article otherwise takes it off the lists
# (:func:`add`; the end of a run, and every join or move that indexes now, clear them all).
INDEX_BATCH_PREFIX = "index_pending:"


def _not_waiting(con: duckdb.DuckDBPyConnection, articles: Sequence[str]) -> None:
    """Take ``articles`` off the lists of articles waiting for their index rows (they are indexed now)."""
    waiting = con.execute("SELECT key, value FROM meta WHERE starts_with(key, ?)", [INDEX_BATCH_PREFIX]).fetchall()
    if not waiting:
        return
    gone = set(articles)
    for key, value in waiting:
        ids = json.loads(value)
        if gone & set(ids):
            con.execute("UPDATE meta SET value = ? WHERE key = ?", [json.dumps([a for a in ids if a not in gone]), key])


# The most actors :func:`reindex_joined` reads one by one; past it the articles are indexed again whole.
JOINED_ACTORS_AT_MOST = 256
# The roles whose ``others`` hold actor ids (an ``article`` row's hold names).
_ID_ROLES = "('source', 'target', 'about', 'mentioned')"


def reindex_joined(con: duckdb.DuckDBPyConnection, articles: Sequence[str], dropped: Sequence[str],
                   kept: Sequence[str]) -> None:
    """:func:`reindex_articles` for the articles ``articles`` whose rows joins changed, the ids
    ``dropped`` becoming the ids ``kept``, taking again only the rows a join can change.

    A join changes an actor id in ``article_actors``, ``mentions``, ``quotes`` and ``events``; an
    index row of another actor changes only if its ``others`` held a dropped id, and then the
    dropped actor has a row of the same quote or event whose ``others`` hold that actor (a source
    and a target of one event; a quote's speaker and an actor mentioned in it); a ``said`` tally
    changes with every speaker of a quote a dropped id spoke (found in ``quotes``, where the kept
    id now is). So the rows of the dropped and kept actors, of the actors in the dropped ones'
    ``others`` and of their quotes' speakers are taken again, and every other row of those articles
    is the one a full indexing gives. Each actor's rows are read through their own row groups (the
    index is sorted by actor; an ``IN`` list prunes nothing, its ids spanning the range), not by a
    pass over the whole index's article ids; past :data:`JOINED_ACTORS_AT_MOST` actors the articles
    are indexed again whole. Tallies: what the new rows count less what the old ones did, per key
    (a ``said`` tally's text read from the quotes' ``speaker_text`` rows, which no join changes)."""
    if not articles:
        return
    con.execute("CREATE OR REPLACE TEMP TABLE reindexed AS SELECT DISTINCT unnest(?::VARCHAR[]) AS id", [list(articles)])
    if len(set(dropped) | set(kept)) > JOINED_ACTORS_AT_MOST:  # (not their partners looked for one by one)
        _reindex_table(con)
        return
    dropped = sorted(set(dropped))
    again = "article_id IN (SELECT id FROM reindexed)"

    def each(select: str, ids: Sequence[str]) -> str:
        return " UNION ALL ".join(select.format(k=f"$a{i}") for i in range(len(ids)))

    actors = set(dropped) | set(kept)
    if dropped:
        actors |= {a for (a,) in con.execute(
            "SELECT DISTINCT other FROM (" + each(
                f"SELECT unnest(others) AS other FROM actor_records WHERE actor_id = {{k}} AND role IN {_ID_ROLES} "
                f"AND {again}", dropped) + ")", {f"a{i}": a for i, a in enumerate(dropped)}).fetchall()}
    if kept:
        actors |= {a for (a,) in con.execute(
            f"SELECT DISTINCT unnest(speaker_ids) FROM quotes WHERE {again} AND list_has_any(speaker_ids, ?::VARCHAR[])",
            [list(kept)]).fetchall()}
    actors.discard(None)
    if len(actors) > JOINED_ACTORS_AT_MOST:
        _reindex_table(con)
        return
    ids = sorted(actors)
    _reindex_table(con, ids, each(
        f"SELECT rowid AS row_id, * FROM actor_records WHERE actor_id = {{k}} AND {again} AND role <> 'speaker_text'",
        ids), {f"a{i}": a for i, a in enumerate(ids)})


def _reindex_table(con: duckdb.DuckDBPyConnection, actors: Sequence[str] | None = None, old: str | None = None,
                   params: Sequence | dict = (), no_old: bool = False) -> None:
    """Index again the articles of the temporary table ``reindexed`` (and drop it): all their rows,
    or with ``actors`` only those actors' rows (``old``: the select, with ``params``, of their old
    rows and row ids; :func:`reindex_joined`; ``no_old``: the articles have none). The old rows and the new are each made once into a
    temporary table and tallied from it: each pass over the whole index costs what its size does,
    however few articles change."""
    again = "article_id IN (SELECT id FROM reindexed)"
    # one pass finds the old rows, with their row ids: the delete then reads no column of the index
    # (a second pass over its article ids cost 0.07 s of CPU at 100k articles, by row id 0.006)
    if no_old:  # (an empty table of the index's layout: nothing to take back or delete, 0.013 s at 100k)
        old = "SELECT rowid AS row_id, * FROM actor_records LIMIT 0"
    con.execute("CREATE OR REPLACE TEMP TABLE reindex_old AS "
                + (old or f"SELECT rowid AS row_id, * FROM actor_records WHERE {again}"), params)
    if not no_old:
        if actors is None:
            _take_back(con, "TRUE", table="reindex_old")
        con.execute("DELETE FROM actor_records WHERE rowid IN (SELECT row_id FROM reindex_old)")
    con.execute("CREATE OR REPLACE TEMP TABLE reindex_rows AS SELECT * EXCLUDE (row_id) FROM reindex_old LIMIT 0")
    if actors is None:
        con.execute("DROP TABLE reindex_old")
    con.execute(f"INSERT INTO reindex_rows {_select_once(again)}")  # (the index's column names, kept)
    if actors is not None:
        con.execute("DELETE FROM reindex_rows WHERE NOT list_contains($ids::VARCHAR[], actor_id) OR role = 'speaker_text'",
                    {"ids": list(actors)})
    con.execute("INSERT INTO actor_records SELECT * FROM reindex_rows")
    if actors is None:
        con.execute(f"INSERT INTO actor_tallies {tally_sql('TRUE', 'reindex_rows')}")
    else:
        # what the new rows count less what the old ones did, per key (a ``said`` tally's text read
        # from the quotes' ``speaker_text`` rows, which no join changes)
        con.execute(f"CREATE OR REPLACE TEMP TABLE reindex_texts AS {_speaker_texts(again)}")
        old_rows = "(SELECT * EXCLUDE (row_id) FROM reindex_old UNION ALL SELECT * FROM reindex_texts)"
        new_rows = "(SELECT * FROM reindex_rows UNION ALL SELECT * FROM reindex_texts)"
        con.execute("INSERT INTO actor_tallies SELECT actor_id, kind, key, detail, sum(n)::INTEGER FROM ("
                    f"SELECT actor_id, kind, key, detail, -n AS n FROM ({tally_sql('TRUE', old_rows)}) "
                    f"t(actor_id, kind, key, detail, n) UNION ALL SELECT * FROM ({tally_sql('TRUE', new_rows)}) "
                    "t(actor_id, kind, key, detail, n)) GROUP BY ALL HAVING sum(n) <> 0")
        con.execute("DROP TABLE reindex_old")
        con.execute("DROP TABLE reindex_texts")
    con.execute("DROP TABLE reindex_rows")
    con.execute("DROP TABLE reindexed")


def drop(con: duckdb.DuckDBPyConnection, where: str, params: Sequence | dict = ()) -> None:
    """Forget the index rows of the articles ``where`` (a condition on ``article_id``) keeps, and
    take back their tallies."""
    _take_back(con, where, params)
    con.execute(f"DELETE FROM actor_records WHERE {where}", params)


def _sorted_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [f"sorted:{table}"]).fetchone()
    return int(row[0]) if row else 0


def compact(con: duckdb.DuckDBPyConnection, *, force: bool = False, tables: Sequence[str] = tuple(SORTED)) -> list[str]:
    """Rewrite each table of :data:`SORTED` (those of ``tables``) in its order when its unsorted
    tail has grown past :data:`TAIL_SHARE` of it and :data:`TAIL_MIN` rows (``force``: always);
    returns the tables rewritten. Run it inside the caller's transaction."""
    done = []
    for table, (columns, order, rows) in SORTED.items():
        if table not in tables:
            continue
        total = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        tail = total - min(_sorted_rows(con, table), total)
        if not force and (tail < TAIL_MIN or tail < TAIL_SHARE * total):
            continue
        con.execute(f"DROP TABLE IF EXISTS {table}__sorted")
        con.execute(f"CREATE TABLE {table}__sorted ({columns})")
        con.execute(f"INSERT INTO {table}__sorted {rows} ORDER BY {order}")
        total = con.execute(f"SELECT count(*) FROM {table}__sorted").fetchone()[0]
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE {table}__sorted RENAME TO {table}")
        con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [f"sorted:{table}", str(total)])
        done.append(table)
    return done
