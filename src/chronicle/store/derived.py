"""What version 6 derives from the stored rows: an event's sentence and days on its row, a quote's
day, the word index of each article, and every actor's counts.

:func:`event_days` dates a batch's event rows as the writer stores them; :func:`fill` fills in
whatever is missing, once when a store is upgraded to version 6 (and in ``bench/corpus_scale.py``
after it multiplies a store).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from chronicle.store.db import duckdb

from chronicle.store import stats, words

# An event's days: its own date where it has one, else its article's publication date. A date
# that is a year ("2018") or a month ("2018-05") is the interval it names, and so is an ISO interval
# ("2024-07-30/2024-07-31"): DAY_OF_EVENT is its first day (what events sort by), LAST_DAY_OF_EVENT
# its last. SQL over an event ``e`` and its article ``a``; the writer stores both (events.day, last_day).
_YEAR = r"regexp_full_match(e.date, '\d{4}')"
_MONTH = r"regexp_full_match(e.date, '\d{4}-\d{2}')"
DAY_OF_EVENT = (f"(CASE WHEN {_YEAR} THEN make_date(CAST(e.date AS INTEGER), 1, 1) "
             f"WHEN {_MONTH} THEN CAST(e.date || '-01' AS DATE) "
             "ELSE coalesce(try_cast(left(e.date, 10) AS DATE), a.published) END)")
LAST_DAY_OF_EVENT = (f"(CASE WHEN {_YEAR} THEN make_date(CAST(e.date AS INTEGER), 12, 31) "
                  f"WHEN {_MONTH} THEN last_day(CAST(e.date || '-01' AS DATE)) "
                  "ELSE coalesce(try_cast(left(split_part(e.date, '/', 2), 10) AS DATE), "
                  "try_cast(left(e.date, 10) AS DATE), a.published) END)")
EVENT_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
# Row layout of chronicle.store.writer.record_rows' events: the date, and the day and last day last.
_E_DATE = 22
_E_DAY = 38  # day, then last_day (tests/store/test_stats.py checks both against the schema)


def _day_sql() -> tuple[str, str]:
    return DAY_OF_EVENT, LAST_DAY_OF_EVENT


def event_days(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple], published: dict[str, date | None]) -> list[tuple]:
    """Event rows with their day and last day (columns ``_E_DAY`` and the next) set, computed by DuckDB with
    the SQL the queries once computed them with (its article's ``published`` when undated)."""
    if not rows:
        return list(rows)
    first, last = (x.replace("e.date", "t.date").replace("a.published", "t.published") for x in _day_sql())
    days = con.execute(
        f"SELECT {first}, {last} FROM (SELECT unnest(?::VARCHAR[]) AS date, unnest(?::DATE[]) AS published, "
        "unnest(range(?)) AS i) AS t ORDER BY t.i",
        [[r[_E_DATE] for r in rows], [published.get(r[0]) for r in rows], len(rows)],
    ).fetchall()
    return [(*r[:_E_DAY], d, l, *r[_E_DAY + 2:]) for r, (d, l) in zip(rows, days)]


def stage_days(con: duckdb.DuckDBPyConnection, events: str, quotes: str, articles: str) -> None:
    """Date the staged rows (tables ``events``, ``quotes``, with their ``articles``) a Parquet run
    written before version 6 left undated."""
    first, last = _day_sql()
    con.execute(f"UPDATE {events} AS e SET day = {first}, last_day = {last} FROM {articles} a "
                "WHERE a.id = e.article_id AND e.day IS NULL")
    con.execute(f"UPDATE {quotes} AS q SET day = a.published FROM {articles} a WHERE a.id = q.article_id AND q.day IS NULL")


def fill(con: duckdb.DuckDBPyConnection) -> None:
    """Fill in what version 6 derives wherever it is missing, and count every actor again."""
    first, last = _day_sql()
    con.execute(
        f"UPDATE events AS e SET sentence = {EVENT_SENTENCE} FROM articles a "
        "WHERE a.id = e.article_id AND e.sentence IS NULL AND e.sentence_start IS NOT NULL"
    )
    con.execute(f"UPDATE events AS e SET day = {first}, last_day = {last} FROM articles a "
                "WHERE a.id = e.article_id AND e.day IS NULL")
    con.execute("UPDATE quotes AS q SET day = a.published FROM articles a WHERE a.id = q.article_id AND q.day IS NULL")
    words.fill(con)
    stats.refresh(con)
