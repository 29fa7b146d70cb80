"""``chronicle serve`` and ``chronicle ingest`` on one store at once: the app answers every request
while an ingest (another process) writes, and shows the new articles as their batches land."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

from chronicle import Corpus
from chronicle.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def test_the_app_reads_while_an_ingest_writes(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    names = []
    # three copies of each example (each a text of its own), so the batches land over a span the
    # polling below can see on a loaded machine too (with one copy they once all landed between polls)
    for copy in range(3):
        for source in sorted(EXAMPLES.glob("*.txt")):
            name = f"{copy}-{source.name}"
            text = source.read_text(encoding="utf-8") + ("" if not copy else f"\n\nCopy {copy}.\n")
            (folder / name).write_text(text, encoding="utf-8")
            names.append(name)
    db = tmp_path / "live.duckdb"
    Corpus(db).close()  # an empty store, being served
    client = TestClient(create_app(db))
    assert client.get("/api/articles").json()["total"] == 0

    ingest = subprocess.Popen(
        [sys.executable, "-c", "from chronicle.cli import app; app()", "ingest", str(folder), "--db", str(db),
         "--batch-size", "1", "--workers", "1", "--quiet"],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    seen: list[int] = []
    statuses: set[int] = set()
    try:
        deadline = time.monotonic() + 240
        while ingest.poll() is None and time.monotonic() < deadline:
            for path in ("/api/articles", "/articles", "/"):
                response = client.get(path)
                statuses.add(response.status_code)
                if path == "/api/articles" and response.status_code == 200:
                    seen.append(response.json()["total"])
            time.sleep(0.05)
        out, err = ingest.communicate(timeout=60)
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
    assert ingest.returncode == 0, err
    assert statuses == {200}, (statuses, err)
    # new articles showed while the ingest was still running, batch by batch
    assert any(0 < n < len(names) for n in seen), seen
    assert seen == sorted(seen)
    assert client.get("/api/articles").json()["total"] == len(names)
