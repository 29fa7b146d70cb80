"""Web view latency: p50/p95 of the timeline and actor pages on the PolNeAR store.

    python -m bench.web [--db PATH] [--requests N] [--rebuild]

Builds (once, then reuses) a store from the 924 PolNeAR texts in
``../shared/data/polnear/{train,dev}/text`` with publication dates from
``metadata.tsv``, then requests the timeline (unfiltered, by actor, by type,
by date range, deep pages) and the pages of the busiest actors many times
over HTTP from a uvicorn server on 127.0.0.1 (as a browser would), and reports
p50/p95 per page kind against the 300 ms p95 target. Skips with a message when
the data is absent.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "polnear"
DEFAULT_DB = ROOT / "bench" / "results" / "polnear-web.duckdb"  # git-ignored
TARGET_P95_MS = 300.0


def polnear_texts(data: Path = DATA) -> list[Path]:
    return sorted((data / "train" / "text").glob("*.txt")) + sorted((data / "dev" / "text").glob("*.txt"))


def polnear_dates(data: Path = DATA) -> dict[str, str]:
    """file name (``X.txt``) → publication date, from metadata.tsv."""
    dates: dict[str, str] = {}
    with (data / "metadata.tsv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            name, day = row.get("filename"), (row.get("publication_date") or "").strip()
            if name and len(day) == 10:
                dates[name + ".txt"] = day
                dates[name] = day
    return dates


def build_store(db: Path, data: Path = DATA, rebuild: bool = False) -> Path:
    """Ingest the PolNeAR texts into ``db`` (resumes a partial store; ``rebuild`` starts over)."""
    from chronicle import Corpus

    if rebuild and db.exists():
        db.unlink()
    texts = polnear_texts(data)
    db.parent.mkdir(parents=True, exist_ok=True)
    with Corpus(db) as corpus:
        # Re-ingesting is cheap when all is stored: stored articles are skipped before any extraction.
        have = corpus.connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        print(f"store {db}: {have} articles stored; checking the {len(texts)} PolNeAR texts ...", flush=True)
        started = time.perf_counter()

        def progress(stats, n):
            if stats.added or stats.updated:
                print(f"  {stats.seen}/{len(texts)} read, {stats.added} added ({time.perf_counter() - started:.0f}s)", flush=True)

        stats = corpus.ingest(texts, workers=1, dates=polnear_dates(data), progress=progress)
        print(f"  {stats.summary()}", flush=True)
    return db


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def serve(db: Path):
    """Start the app with uvicorn on a free 127.0.0.1 port in a background thread; returns (server, base URL)."""
    import socket
    import threading

    import uvicorn

    from chronicle.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise SystemExit("the web server did not start")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def page_urls(client) -> tuple[list[str], list[str]]:
    """Timeline pages (unfiltered, deep pages, by actor, type, date range) and the busiest actors' pages."""
    from chronicle.records import EVENT_TYPES

    actors = client.get("/api/actors", params={"limit": 100}).json()["items"]
    ids = [a["id"] for a in actors]
    if not ids:
        raise SystemExit("the store has no actors")
    total = client.get("/api/timeline", params={"limit": 1}).json()["total"]
    last = max(1, -(-total // 50))
    timeline = [
        "/timeline", "/timeline?order=desc", "/timeline?page=5", f"/timeline?page={last // 2}", f"/timeline?page={last}",
        *[f"/timeline?actor={i}" for i in ids[:30]],
        "/timeline?actor=Trump", "/timeline?actor=Clinton&kind=quotes", "/timeline?actor=Obama&type=ACCUSE",
        *[f"/timeline?type={t}" for t in EVENT_TYPES],
        "/timeline?since=2016-01-01&until=2016-06-30",
        "/timeline?since=2016-09-01&until=2016-11-08&type=ACCUSE",
        "/timeline?kind=quotes&page=3", "/timeline?kind=events&page=3",
    ]
    return timeline, [f"/actors/{i}" for i in ids]


def measure(db: Path, requests: int = 200, seed: int = 7) -> dict[str, list[float]]:
    """Milliseconds per request over HTTP (uvicorn on 127.0.0.1), by page kind."""
    import httpx

    rng = random.Random(seed)
    server, thread, base = serve(db)
    timings: dict[str, list[float]] = {"timeline": [], "actor": []}
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            timeline_urls, actor_urls = page_urls(client)
            for url in timeline_urls[:5] + actor_urls[:5]:  # warm-up
                client.get(url)
            for _ in range(requests):
                for kind, urls in (("timeline", timeline_urls), ("actor", actor_urls)):
                    url = rng.choice(urls)
                    t0 = time.perf_counter()
                    response = client.get(url)
                    timings[kind].append((time.perf_counter() - t0) * 1000)
                    if response.status_code != 200:
                        raise SystemExit(f"{url} answered {response.status_code}")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.web", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"store to build or reuse (default {DEFAULT_DB})")
    parser.add_argument("--data", type=Path, default=DATA, help="the PolNeAR folder")
    parser.add_argument("--requests", type=int, default=200, help="requests per page kind")
    parser.add_argument("--rebuild", action="store_true", help="build the store from scratch")
    parser.add_argument("--build-only", action="store_true", help="build the store and stop")
    args = parser.parse_args(argv)
    if not polnear_texts(args.data) or not (args.data / "metadata.tsv").exists():
        print(f"skipped: no PolNeAR data under {args.data} (expected train/text, dev/text and metadata.tsv)")
        return 0
    from chronicle import Corpus

    build_store(args.db, args.data, args.rebuild)
    if args.build_only:
        return 0
    timings = measure(args.db, args.requests)
    failed = False
    with Corpus(args.db, read_only=True) as corpus:
        counts = corpus.counts()
    print(f"web latency on {args.db.name}: {counts['articles']} articles, {counts['actors']} actors, "
          f"{counts['quotes']} quotes, {counts['events']} events; {args.requests} requests per page kind over HTTP:")
    for kind, values in timings.items():
        p50, p95 = statistics.median(values), percentile(values, 95)
        ok = p95 < TARGET_P95_MS
        failed |= not ok
        print(f"  {kind:<9} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   max {max(values):7.1f} ms   "
              f"{'ok' if ok else 'OVER'} (target p95 < {TARGET_P95_MS:.0f} ms)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
