"""What the pages and the REST API share per request: the store's read-only connection, a cursor
per request (:data:`Connection`), the date-range check and template rendering.

:mod:`chronicle.web.app` builds the app and puts a :class:`ReadConnections` on ``app.state.store``
and the templates on ``app.state.templates``; :mod:`~chronicle.web.api` and
:mod:`~chronicle.web.pages` reach them only through the request, so nothing here imports the app.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

import duckdb
from fastapi import Depends, HTTPException, Request

from chronicle.store import Store, query
from chronicle.store.corpus import memory_limit, writer_waiting


# How long a request waits for an ingest's write to finish before it answers 503.
READ_WAIT = 10.0
# How long the store stays open after the last request (seconds), and the longest it stays open in
# one go, so that a writer that cannot say it is waiting still finds the file free now and then.
HOLD_IDLE = 2.0
HOLD_MOST = 30.0
# How often the app looks for a waiting writer and an idle store while it keeps the store open.
HOLD_CHECK = 0.05


class ReadConnections:
    """Read-only connections to a store: one per request, closed when it is answered; between
    requests the app keeps the store open, so a request finds DuckDB's cache of the file's blocks
    warm (a store opened cold reads and decompresses every block a page needs again: about 0.1 s
    of CPU per request on a 100,000-article store).

    DuckDB lets one process write a file or several read it, never both at once; the requests'
    connections share one open database (DuckDB's instance per file), which stays open while a
    keeper connection (:attr:`kept`, which runs no query) or any request's connection is. So that
    ``chronicle ingest`` can still write the store while the app serves it (the ingest lets go of
    the file between batches), the keeper is closed as soon as a writer is seen waiting for the
    lock (:func:`chronicle.store.corpus.writer_waiting`: a writer touches a file next to the store
    while it waits), :data:`HOLD_IDLE` seconds after the last request was answered (each says so:
    :meth:`done`), and after :data:`HOLD_MOST` seconds open; while a writer waits no keeper is opened, so the file is free
    once the requests then running are answered. A request that meets the ingest's write waits for
    it (up to :data:`READ_WAIT` seconds) and then sees the new articles: the store is never read
    while it is written, so nothing kept open is ever stale.
    """

    def __init__(self, path: str, wait: float = READ_WAIT, *, hold: bool = True) -> None:
        self.path = str(path)
        self.wait = wait
        self.hold = hold
        self.kept: duckdb.DuckDBPyConnection | None = None
        self._opened = self._used = 0.0
        self._active = 0  # requests being answered (their connections given and not yet done)
        self._lock = threading.Lock()
        Store(self.path, read_only=True, wait=wait).close()  # it exists and this chronicle can read it

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new read-only connection (the caller closes it); the store kept open meanwhile."""
        with self._lock:
            self._used = time.monotonic()
            if self.kept is None and self.hold and not writer_waiting(self.path):
                store = Store(self.path, read_only=True, wait=self.wait)
                self.kept, store.connection = store.connection, None
                self.kept.execute(f"SET memory_limit = '{memory_limit()}'")  # a bound on the cache it keeps
                self._opened = self._used
                threading.Thread(target=self._watch, name="chronicle-store-keeper", daemon=True).start()
            self._active += 1
        try:
            store = Store(self.path, read_only=True, wait=self.wait)
        except BaseException:
            self.done()
            raise
        con = store.connection
        store.connection = None  # the connection is the caller's now
        return con

    def done(self) -> None:
        """A request given a connection by :meth:`cursor` is answered (its connection closed): the
        store is idle from now on if no other request is being answered."""
        with self._lock:
            self._active = max(0, self._active - 1)
            self._used = time.monotonic()

    def _watch(self) -> None:
        """Close the keeper once a writer waits, no request was answered for :data:`HOLD_IDLE`
        seconds, or it has been open :data:`HOLD_MOST` seconds (which also bounds a request that
        never said it was done)."""
        while True:
            time.sleep(HOLD_CHECK)
            with self._lock:
                if self.kept is None:
                    return
                now = time.monotonic()
                idle = not self._active and now - self._used > HOLD_IDLE
                if idle or now - self._opened > HOLD_MOST or writer_waiting(self.path):
                    self._let_go()
                    return

    def _let_go(self) -> None:
        if self.kept is not None:
            self.kept.close()
            self.kept = None

    def corpus_on(self, cursor: duckdb.DuckDBPyConnection) -> Store:
        """The store's Corpus API, running on one request's connection."""
        return Store.on_connection(cursor, self.path, read_only=True)

    def close(self) -> None:
        with self._lock:
            self._let_go()
            self.hold = False


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A dependency: this request's own read-only connection, closed when the request is answered."""
    store = request.app.state.store
    cursor = store.cursor()
    try:
        yield cursor
    finally:
        cursor.close()
        store.done()


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
