"""Fixtures for the web view: a demo store built from examples/ (plus a hostile article), the app, a live server."""

from __future__ import annotations

import itertools
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

# An article whose text tries to inject markup: it must render as text everywhere.
HOSTILE_TITLE = "<script>window.__pwned = 1</script>Minister <b>denies</b> report"
HOSTILE = (
    HOSTILE_TITLE + "\n\n"
    "LONDON — Foreign Minister Alan Brook of Britain rejected the report on Monday. "
    "\"<img src=x onerror=\"window.__pwned=2\"> is not what we agreed,\" Brook told reporters. "
    "The opposition leader, Sara Holt, accused the government of hiding the <script>truth</script> "
    "from Parliament. Britain met with France in Paris on Tuesday.\n"
)
# An article id with characters that need escaping in a URL (JSONL and WARC inputs carry their own ids).
ODD_ID = "../wire/2025 #7?x=1&y=<2>"
ODD_TEXT = "PARIS — President Claire Dumas of France met Chancellor Jonas Weber in Paris on Monday.\n"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, nlp) -> Path:
    """A store of the examples (with their publication dates) and the hostile article, via the Python API."""
    from chronicle import Corpus
    from chronicle.ingest import ingest_items
    from chronicle.readers.files import read_dates, read_paths
    from chronicle.records import Article

    folder = tmp_path_factory.mktemp("web-demo")
    texts = folder / "texts"
    texts.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")):
        shutil.copy(path, texts / path.name)
    (texts / "99-hostile.txt").write_text(HOSTILE, encoding="utf-8")
    dates = read_dates(EXAMPLES / "published.tsv")
    dates["99-hostile.txt"] = "2025-05-05"
    db = folder / "demo.duckdb"
    odd = Article(text=ODD_TEXT, id=ODD_ID, title="An article with an awkward id", published="2025-05-06")
    with Corpus(db) as corpus:
        stats = ingest_items(itertools.chain(read_paths([texts], published=dates), [odd]), corpus, nlp=nlp)
    assert stats.added == len(list(texts.glob("*.txt"))) + 1, stats.summary()
    return db


@pytest.fixture(scope="session")
def app(demo_db):
    from chronicle.web import create_app

    return create_app(demo_db)


@pytest.fixture(scope="session")
def client(app):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette asks for httpx2; httpx is what FastAPI documents
        from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def hostile_id(client) -> str:
    items = client.get("/api/articles", params={"q": "Alan Brook"}).json()["items"]
    assert len(items) == 1
    return items[0]["id"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(demo_db):
    """The app served by uvicorn on 127.0.0.1 in a background thread; yields its base URL."""
    import uvicorn

    from chronicle.web import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
