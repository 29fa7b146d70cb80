"""What corpus-wide actor resolution adds to storing articles (target: at most 10% over storing without it).

Extracts the State Department releases of ``../shared/data/news/state_dept.jsonl`` once (the records
are kept in ``bench/results/state_records.jsonl``, git-ignored, so a re-run skips extraction), then
stores them batch by batch into fresh stores with and without resolution, alternating, best of
``--rounds``. Prints the store-step time of each, their ratio, and the whole ingest's ratio
(extraction + storing) when the extraction time is known.

    python -m bench.actor_identity [--limit N] [--rounds 3] [--threads 1]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news" / "state_dept.jsonl"
CACHE = ROOT / "bench" / "results" / "state_records.jsonl"
TARGET = 1.10


def records(limit: int | None) -> tuple[list, float | None]:
    """The records (extracted now, or read back from the cache) and the extraction seconds if known."""
    from chronicle.records import ArticleRecord

    if CACHE.exists():
        lines = CACHE.read_text(encoding="utf-8").splitlines()
        meta, rows = json.loads(lines[0]), lines[1:]
        if limit is None or len(rows) >= limit:
            rows = rows[:limit] if limit else rows
            return [ArticleRecord.from_dict(json.loads(r)) for r in rows], meta["seconds"] * len(rows) / meta["n"]
    from chronicle.extraction import extract_batch
    from chronicle.pipeline import load_pipeline
    from chronicle.readers import read_paths

    articles = [i.article for i in read_paths([NEWS]) if i.article is not None][:limit]
    nlp = load_pipeline(None)
    started = time.perf_counter()
    out = []
    for start in range(0, len(articles), 32):
        out.extend(r for r in extract_batch(articles[start:start + 32], nlp) if isinstance(r, ArticleRecord))
    seconds = time.perf_counter() - started
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text("\n".join([json.dumps({"n": len(out), "seconds": seconds})]
                               + [json.dumps(r.to_dict()) for r in out]) + "\n", encoding="utf-8")
    return out, seconds


def store(records: list, resolve: bool, threads: int | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (all threads) to store ``records``; CPU time is steadier on a busy machine,
    and steadier still with DuckDB on one thread (``threads``: its idle threads' waits count as CPU)."""
    from chronicle.store import Store
    from chronicle.store.writer import Writer

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb") as target:
        if threads:
            target.connection.execute(f"SET threads = {int(threads)}")
        writer = Writer(target.connection, resolve_actors=resolve)
        started, cpu = time.perf_counter(), time.process_time()
        for start in range(0, len(records), 64):
            writer.write([(r, r.article.source) for r in records[start:start + 64]])
        writer.finish()  # as every ingest ends: the run's joins (with resolution) and the index sort
        return time.perf_counter() - started, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None,
                        help="DuckDB threads for both sides (default: DuckDB's own; 1 gives the steadiest CPU ratio)")
    args = parser.parse_args(argv)
    if not NEWS.exists():
        print(f"skipped: {NEWS} not found")
        return 0
    recs, extract_seconds = records(args.limit)
    without, with_ = [], []
    for _ in range(args.rounds):
        without.append(store(recs, False, args.threads))
        with_.append(store(recs, True, args.threads))
    a, b = min(w for w, _ in without), min(w for w, _ in with_)
    ca, cb = min(c for _, c in without), min(c for _, c in with_)
    threads = f", DuckDB threads {args.threads}" if args.threads else ""
    print(f"{len(recs)} State Department releases, best of {args.rounds}{threads}")
    print(f"store without resolution  {a:7.2f} s wall {ca:7.2f} s CPU")
    print(f"store with resolution     {b:7.2f} s wall {cb:7.2f} s CPU   ratio {b / a:.3f} wall, {cb / ca:.3f} CPU (store step alone, end of run included)")
    # a best-of ratio can pair one lucky round with an unlucky one; the medians' ratio is steadier
    mid = statistics.median(c for _, c in with_) / statistics.median(c for _, c in without)
    print(f"median CPU ratio          {mid:.3f}   rounds: without {[round(c, 2) for _, c in without]}, "
          f"with {[round(c, 2) for _, c in with_]}")
    if extract_seconds:
        whole = (extract_seconds + b) / (extract_seconds + a)
        print(f"extraction (one process) {extract_seconds:7.2f} s")
        print(f"whole ingest ratio        {whole:.3f}   target <= {TARGET:.2f}: {'met' if whole <= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
