"""What the pages and the REST API share per request: the store's read-only connection, a cursor
per request (:data:`Connection`), the date-range check and template rendering.

:mod:`chronicle.web.app` builds the app and puts a :class:`ReadConnections` on ``app.state.store``
and the templates on ``app.state.templates``; :mod:`~chronicle.web.api` and
:mod:`~chronicle.web.pages` reach them only through the request, so nothing here imports the app.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

import duckdb
from fastapi import Depends, HTTPException, Request

from chronicle.store import Store, query


# How long a request waits for an ingest's write to finish before it answers 503.
READ_WAIT = 10.0


class ReadConnections:
    """Short-lived read-only connections to a store: one per request, closed when it is answered.

    DuckDB lets one process write a file or several read it, never both at once.
    Holding no connection between requests lets ``chronicle ingest`` write the
    same store while the app serves it (the ingest, in turn, lets go of the file
    between batches); a request that meets the ingest's write waits for it (up
    to :data:`READ_WAIT` seconds) and then sees the new articles.
    """

    def __init__(self, path: str, wait: float = READ_WAIT) -> None:
        self.path = str(path)
        self.wait = wait
        Store(self.path, read_only=True, wait=wait).close()  # it exists and this chronicle can read it

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new read-only connection (the caller closes it)."""
        store = Store(self.path, read_only=True, wait=self.wait)
        con = store.connection
        store.connection = None  # the connection is the caller's now
        return con

    def corpus_on(self, cursor: duckdb.DuckDBPyConnection) -> Store:
        """The store's Corpus API, running on one request's connection."""
        return Store.on_connection(cursor, self.path, read_only=True)

    def close(self) -> None:
        pass


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A dependency: this request's own read-only connection, closed when the request is answered."""
    cursor = request.app.state.store.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


Connection = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]


def status_filter(value: str | None) -> tuple[str, ...] | None:
    """The statuses a ``status`` parameter asks for (None: any), or a 422 naming the bad one."""
    try:
        return query.statuses(value or "default")
    except ValueError as exc:
        raise HTTPException(422, detail=str(exc)) from exc


def check_range(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise HTTPException(422, detail=f"since ({since}) is after until ({until})")


def check_bbox(bbox: str | None) -> str | None:
    """A bounding box "W,S,E,N" that is a box on the globe, else 422."""
    from chronicle.errors import QueryError
    from chronicle.store.query import parse_bbox

    try:
        parse_bbox(bbox)
    except QueryError as exc:
        raise HTTPException(422, detail=exc.reason if hasattr(exc, "reason") else str(exc)) from None
    return bbox


def render(request: Request, name: str, context: dict[str, Any]):
    """The template ``name`` filled in with ``context``, as this request's response."""
    return request.app.state.templates.TemplateResponse(request, name, context)
