"""What the pages and the REST API share per request: the store's read-only connection, a cursor
per request (:data:`Connection`), the date-range check and template rendering.

:mod:`chronicle.web.app` builds the app and puts a :class:`ReadConnections` on ``app.state.store``
and the templates on ``app.state.templates``; :mod:`~chronicle.web.api` and
:mod:`~chronicle.web.pages` reach them only through the request, so nothing here imports the app.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

import duckdb
from fastapi import Depends, HTTPException, Request

from chronicle.store import Store, query


class ReadConnections:
    """The app's one read-only connection to a store; each request reads through its own cursor."""

    def __init__(self, path: str) -> None:
        self.path = str(path)
        self.corpus = Store(self.path, read_only=True)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.corpus.connection.cursor()

    def corpus_on(self, cursor: duckdb.DuckDBPyConnection) -> Store:
        """The store's Corpus API, running on one request's cursor (thread-safe)."""
        view = copy.copy(self.corpus)
        view.connection = cursor
        return view

    def close(self) -> None:
        self.corpus.close()


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A dependency: this request's own cursor on the shared read-only store."""
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


def render(request: Request, name: str, context: dict[str, Any]):
    """The template ``name`` filled in with ``context``, as this request's response."""
    return request.app.state.templates.TemplateResponse(request, name, context)
