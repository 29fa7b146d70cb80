"""The work of the commands that only read a store, without typer: ``chronicle sql``, ``quotes``,
``events``, ``positions``, ``actors``, ``timeline`` and ``errors`` each open the store read-only,
ask :class:`chronicle.Corpus` one question and print the rows.

:mod:`chronicle.cli` declares their options (typer) and calls these; :mod:`chronicle.launch`, the
console entry point, calls them straight from a plain command line, so such a command starts
without typer (about a quarter of its start here). Their parameters are the commands' options,
with the same defaults (``tests/test_launch.py`` checks); dates come already read (YYYY-MM-DD).
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Any

DEFAULT_DB = "chronicle.duckdb"
# How long a query command waits while an ingest writes a batch into the store.
READ_WAIT = 10.0


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _read(db: Any):
    from chronicle.corpus import Corpus  # DuckDB loads with it, so --help starts without it

    return Corpus(db, read_only=True, wait=READ_WAIT)


def sql(query: str, db: Any = DEFAULT_DB, format: QueryFormat = QueryFormat.table) -> None:
    with _read(db) as corpus:
        rows = corpus.sandbox().sql(query)
    print_rows(rows, format)


def quotes(speaker: str | None = None, since: str | None = None, until: str | None = None, limit: int = 50,
           db: Any = DEFAULT_DB, format: QueryFormat = QueryFormat.table) -> None:
    with _read(db) as corpus:
        rows = corpus.quotes(speaker, since=since, until=until, limit=limit)
    print_rows(rows, format, "Quotes", ("published", "speaker", "kind", "content"))


def events(actor: str | None = None, type: str | None = None, since: str | None = None, until: str | None = None,
           country: str | None = None, bbox: str | None = None, status: str = "default", limit: int = 50,
           db: Any = DEFAULT_DB, format: QueryFormat = QueryFormat.table) -> None:
    with _read(db) as corpus:
        rows = corpus.events(actor, type=type, since=since, until=until, status=status, country=country, bbox=bbox,
                             limit=limit)
    if format is QueryFormat.table:  # show the date as the article gives it, or say it is the publication day
        import dataclasses

        rows = [{**dataclasses.asdict(r), "date": r.dated or (f"{r.date} (published)" if r.date else None),
                 "where": f"{r.location} ({r.country})" if r.location and r.country else r.location} for r in rows]
    print_rows(rows, format, "Events", ("date", "type", "source", "target", "trigger", "status", "where"))


def positions(holder: str | None = None, topic: str | None = None, kind: str | None = None, since: str | None = None,
              until: str | None = None, limit: int = 50, db: Any = DEFAULT_DB,
              format: QueryFormat = QueryFormat.table) -> None:
    with _read(db) as corpus:
        rows = corpus.positions(holder, topic=topic, kind=kind, since=since, until=until, limit=limit)
    print_rows(rows, format, "Positions", ("date", "holder", "kind", "topic_key", "topic", "condition", "target"))


def actors(top: int = 20, kind: str | None = None, name: str | None = None, db: Any = DEFAULT_DB,
           format: QueryFormat = QueryFormat.table) -> None:
    with _read(db) as corpus:
        rows = corpus.actors(top, kind=kind, name=name)
    print_rows(rows, format, "Actors", ("name", "kind", "country", "articles", "mentions", "quotes", "events"))


def timeline(actor: str, limit: int = 0, db: Any = DEFAULT_DB, format: QueryFormat = QueryFormat.table) -> None:
    with _read(db) as corpus:
        rows = corpus.timeline(actor, limit=limit)
    print_rows(rows, format, f"Timeline: {actor}", ("date", "what", "role", "other", "text"))


def errors(db: Any = DEFAULT_DB, format: QueryFormat = QueryFormat.table) -> None:
    with _read(db) as corpus:
        rows = corpus.errors()
    print_rows(rows, format, "Errors", ("origin", "stage", "reason"))


def parse_date(value: str) -> str | None:
    """A date as given on the command line, in any format a feed writes it, as YYYY-MM-DD; None
    when it is not a date."""
    from chronicle.readers.text import parse_published  # the readers load only when a date is given

    return parse_published(value)[0]


def print_rows(rows: list, format: QueryFormat, title: str | None = None, show: tuple[str, ...] = ()) -> None:
    """Rows (dataclasses or dicts) as a table (only ``show`` columns: rich on a terminal, plain text
    otherwise, see :func:`plain_table`), JSON or CSV (all) on stdout."""
    import dataclasses

    dicts = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in rows]
    if format is QueryFormat.json:
        import json

        sys.stdout.write(json.dumps(dicts, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    columns = list(dicts[0]) if dicts else []
    if format is QueryFormat.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(dicts)
        return
    columns = [c for c in columns if c in show] if show else columns
    cells = [[cell(row[c]) for c in columns] for row in dicts]
    if not sys.stdout.isatty():
        sys.stdout.write(plain_table(title, columns, cells))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left")
    for column in columns:  # long text takes the width; short columns stay on one line
        if column in ("content", "text", "sentence", "title", "reason"):
            table.add_column(column, overflow="fold", ratio=1, min_width=20)
        else:
            table.add_column(column, overflow="fold", max_width=24)
    for row in cells:  # plain Text: article text such as "[sic]" must not be read as rich markup
        table.add_row(*(Text(c) for c in row))
    Console(highlight=False).print(table if dicts else "(no rows)")


def cell(value: object, limit: int = 160) -> str:
    """A value on one line, cut at ``limit`` characters."""
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain_table(title: str | None, columns: list[str], rows: list[list[str]]) -> str:
    """A table as plain text, for a pipe or a file: the title, then one line per row, columns
    padded to their widest cell and two spaces apart, no wrapping (so ``grep`` sees whole rows).
    A terminal gets rich's table instead, which folds cells to its width."""
    if not rows:
        return "(no rows)\n"
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip() + "\n"

    head = f"{title}\n" if title else ""
    return head + line(columns) + line(["-" * w for w in widths]) + "".join(line(r) for r in rows)
