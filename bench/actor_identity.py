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


def store(records: list, resolve: bool, threads: int | None = None,
          parts: dict[str, list[float]] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (all threads) to store ``records``; CPU time is steadier on a busy machine,
    and steadier still with DuckDB on one thread (``threads``: its idle threads' waits count as CPU).
    ``parts`` gets the CPU seconds of the batches' resolution (``ActorResolver.resolve``: lookups,
    decisions, the names and votes stored) and of the end of the run (``Writer.finish``) appended."""
    from chronicle.store import Store, identity
    from chronicle.store.writer import Writer

    resolving = [0.0]
    original = identity.ActorResolver.resolve

    def timed(self, *args, **kwargs):
        cpu = time.process_time()
        try:
            return original(self, *args, **kwargs)
        finally:
            resolving[0] += time.process_time() - cpu

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb") as target:
        if threads:
            target.connection.execute(f"SET threads = {int(threads)}")
        writer = Writer(target.connection, resolve_actors=resolve)
        identity.ActorResolver.resolve = timed  # (the timer's own cost: microseconds a batch)
        try:
            started, cpu = time.perf_counter(), time.process_time()
            for start in range(0, len(records), 64):
                writer.write([(r, r.article.source) for r in records[start:start + 64]])
            ending = time.process_time()
            writer.finish()  # as every ingest ends: the run's joins (with resolution) and the index sort
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        finally:
            identity.ActorResolver.resolve = original
        if parts is not None:
            parts.setdefault("resolve", []).append(resolving[0])
            parts.setdefault("finish", []).append(time.process_time() - ending)
        return wall, cpu


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
    parts_without: dict[str, list[float]] = {}
    parts_with: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        without.append(store(recs, False, args.threads, parts_without))
        with_.append(store(recs, True, args.threads, parts_with))
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
    # where the difference goes (medians of the rounds' CPU): the batches' resolution, and the end of
    # the run (with resolution: the joins its batches decided and its own, the index rows they change)
    med = {k: statistics.median(v) for k, v in parts_with.items()}
    end_without = statistics.median(parts_without["finish"])
    rest = statistics.median(c for _, c in with_) - med["resolve"] - med["finish"]
    print(f"with resolution, CPU      batches' resolve {med['resolve']:.2f} s, end of run {med['finish']:.2f} s "
          f"(without: {end_without:.2f} s), the rest {rest:.2f} s (without: "
          f"{statistics.median(c for _, c in without) - end_without:.2f} s)")
    if extract_seconds:
        whole = (extract_seconds + b) / (extract_seconds + a)
        print(f"extraction (one process) {extract_seconds:7.2f} s")
        print(f"whole ingest ratio        {whole:.3f}   target <= {TARGET:.2f}: {'met' if whole <= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
