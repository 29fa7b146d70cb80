"""The web view's layering: the app imports the routers, the routers import what they share from deps."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from fastapi import HTTPException

import chronicle.web
from chronicle.web.deps import check_range

WEB = Path(chronicle.web.__file__).parent


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_only_the_package_imports_the_app():
    """Flow goes one way: app → api, pages → deps; nothing the app imports imports the app back."""
    importers = {p.name for p in WEB.glob("*.py") if "chronicle.web.app" in imported_modules(p)}
    assert importers == {"__init__.py"}
    assert {"chronicle.web.api", "chronicle.web.pages"} <= imported_modules(WEB / "app.py")
    for router in ("api.py", "pages.py"):
        assert "chronicle.web.deps" in imported_modules(WEB / router)


def test_check_range():
    check_range(dt.date(2024, 1, 1), dt.date(2024, 1, 1))
    check_range(None, dt.date(2024, 1, 1))
    with pytest.raises(HTTPException) as caught:
        check_range(dt.date(2024, 2, 1), dt.date(2024, 1, 1))
    assert caught.value.status_code == 422 and "after" in caught.value.detail


def test_the_store_is_kept_open_between_requests_and_let_go_when_idle(tmp_path, monkeypatch):
    """Issue 18: requests share one open store (DuckDB's cache stays warm); it is closed once idle,
    and a request's connection is its own (closing the keeper leaves it working)."""
    import time

    from chronicle.store import Store
    from chronicle.web import deps

    monkeypatch.setattr(deps, "HOLD_IDLE", 0.2)
    db = tmp_path / "s.duckdb"
    Store(db).close()
    store = deps.ReadConnections(str(db))
    con = store.cursor()
    assert store.kept is not None
    with store._lock:
        store._let_go()
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)  # still its own
    con.close()
    store.done()
    con = store.cursor()
    assert store.kept is not None
    time.sleep(0.5)  # a request being answered: the store is not idle
    assert store.kept is not None
    con.close()
    store.done()
    deadline = time.monotonic() + 10
    while store.kept is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert store.kept is None
    Store(db).close()  # a writer opens it at once
    store.close()
    store.cursor().close()  # closed: no keeper any more
    assert store.kept is None


def test_a_waiting_writer_gets_the_store_while_requests_keep_coming(tmp_path):
    """A writer in another process waiting for the lock says so (a file next to the store); the app
    keeping the store open lets go of it, and the writer gets in although requests never stop."""
    import os
    import subprocess
    import sys
    import time

    from fastapi.testclient import TestClient

    from chronicle.store import Store
    from chronicle.store.corpus import waiting_path, writer_waiting
    from chronicle.web.app import create_app

    db = tmp_path / "s.duckdb"
    Store(db).close()
    client = TestClient(create_app(db))
    assert client.get("/api/articles").status_code == 200
    assert client.app.state.store.kept is not None
    writer = subprocess.Popen(
        [sys.executable, "-c", "from chronicle.store import Store; Store(__import__('sys').argv[1], wait=20).close(); "
         "print('wrote', flush=True)", str(db)],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    statuses = set()
    try:
        deadline = time.monotonic() + 60
        while writer.poll() is None and time.monotonic() < deadline:
            statuses.add(client.get("/api/articles").status_code)
            time.sleep(0.02)
        out, err = writer.communicate(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert writer.returncode == 0 and out.strip() == "wrote", err
    assert statuses == {200}
    assert not os.path.exists(waiting_path(str(db)))  # the writer took its file away
    assert client.get("/api/articles").status_code == 200 and client.app.state.store.kept is not None
    # a file left by a writer that died long ago is not a writer waiting
    Path(waiting_path(str(db))).touch()
    assert writer_waiting(str(db))
    old = time.time() - 60
    os.utime(waiting_path(str(db)), (old, old))
    assert not writer_waiting(str(db))
