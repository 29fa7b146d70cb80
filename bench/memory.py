"""Peak memory against input size, for each ingest path: one process (``--workers 1``), the
process pool (``--workers 2``) and ``chronicle load``.

Each measurement runs in a fresh process, which reports its peak resident memory (``ru_maxrss``)
and its resident memory after the first batch (ingest) or before loading (load): flat memory
means the peak does not grow with the number of articles. For the pool, the parent (reading and
writing) and the workers (extracting) are reported apart: a worker's peak is the highest
``VmHWM`` any worker reached. Inputs are real news articles from
``../shared/data/news`` (cut to ``--chars`` characters each, so the bench measures the count, not
the length; past the articles there are, they come again under new ids with a new word each).
The load's Parquet runs are built from the records of ``--base`` extracted articles, copied under
new ids (the rows the Ray engine would write), so no Ray cluster is needed; a load reports its
resident memory, peak and DuckDB's own memory (``duckdb_memory()``) after each chunk it commits.

    python -m bench.memory [--sizes 100,1000] [--big] [--only ingest|pool|load]   # --big adds 10000
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = (ROOT / ".." / "shared" / "data" / "news").resolve()
SOURCES = ("state_dept.jsonl", "wikinews.jsonl")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def status_mb(pid: int | str, field: str) -> float:
    """``VmRSS`` or ``VmHWM`` (the peak) of a process, in MiB; 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (the pool's workers hang off a forkserver, not off the parent)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def base_articles(chars: int) -> list[dict]:
    from chronicle.readers.files import read_paths

    out = []
    for item in read_paths([NEWS / name for name in SOURCES if (NEWS / name).exists()]):
        if item.ok and item.article.text.strip():
            a = item.article
            out.append({"id": a.id, "text": a.text[:chars], "published": a.published, "title": a.title})
    if not out:
        raise SystemExit(f"no articles under {NEWS}")
    return out


def write_inputs(path: Path, n: int, articles: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for k in range(n):
            row = dict(articles[k % len(articles)])
            lap = k // len(articles)
            if lap:
                row["id"] = f"{row['id']}~{lap}"
                row["text"] = f"{row['text']} Ref{lap}x{k}."
            handle.write(json.dumps(row) + "\n")


def child_ingest(inputs: str, db: str) -> dict:
    from chronicle.ingest import ingest
    from chronicle.store import Store

    first: dict[str, float] = {}
    trace: list[int] = []
    peaks: list[int] = []
    t0 = time.perf_counter()

    def progress(stats, n) -> None:
        first.setdefault("rss", rss_mb())
        trace.append(round(rss_mb()))
        peaks.append(round(peak_mb()))
        log(stats, t0, trace[-1], peaks[-1])

    with Store(db) as store:
        stats = ingest([inputs], store, progress=progress)
    return {"articles": stats.added, "seconds": time.perf_counter() - t0, "first_batch_mb": first.get("rss", 0.0),
            "peak_mb": peak_mb(), "trace": trace, "peak_trace": peaks}


def log(stats, t0: float, rss: float, peak: float, worker: float | None = None) -> None:
    """One line a batch on stderr, so a run stopped early still says how far memory went."""
    extra = f" worker {worker:.0f}" if worker is not None else ""
    print(f"[{time.perf_counter() - t0:7.0f} s] {stats.seen:6d} articles  rss {rss:.0f}"
          f"  peak {peak:.0f}{extra} MiB", file=sys.stderr, flush=True)


def child_pool(inputs: str, db: str, workers: int = 2) -> dict:
    from chronicle.scale.local import ingest_local
    from chronicle.store import Store

    first: dict[str, float] = {}
    trace: list[int] = []
    worker_trace: list[int] = []
    worker_peak = [0.0]

    def progress(stats, n) -> None:
        pids = descendants(os.getpid())
        rss = max((status_mb(p, "VmRSS") for p in pids), default=0.0)
        worker_peak[0] = max(worker_peak[0], *(status_mb(p, "VmHWM") for p in pids), 0.0)
        first.setdefault("rss", rss_mb())
        first.setdefault("worker", rss)
        trace.append(round(rss_mb()))
        worker_trace.append(round(rss))
        log(stats, t0, trace[-1], peak_mb(), worker_peak[0])

    t0 = time.perf_counter()
    with Store(db) as store:
        stats = ingest_local([inputs], store, workers=workers, progress=progress)
    return {"articles": stats.added, "seconds": time.perf_counter() - t0, "first_batch_mb": first.get("rss", 0.0),
            "peak_mb": peak_mb(), "trace": trace, "worker_first_mb": first.get("worker", 0.0),
            "worker_trace": worker_trace, "worker_peak_mb": worker_peak[0]}


def child_load(run: str, db: str) -> dict:
    from chronicle.scale.load import load_parquet
    from chronicle.store import Store

    t0 = time.perf_counter()
    trace: list[int] = []
    peaks: list[int] = []
    ducks: list[int] = []
    with Store(db) as store:
        before = rss_mb()

        def duckdb_mb() -> float:  # what of it is DuckDB's (its cache of the store's blocks, kept while the store is open)
            used = store.connection.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0]
            return (used or 0) / 2**20

        def progress(stats) -> None:  # after each chunk of LOAD_CHUNK articles is committed
            trace.append(round(rss_mb()))
            peaks.append(round(peak_mb()))
            ducks.append(round(duckdb_mb()))
            print(f"[{time.perf_counter() - t0:7.0f} s] {stats.rows['articles']:6d} articles loaded  rss {trace[-1]}"
                  f"  peak {peaks[-1]}  DuckDB's own {ducks[-1]} MiB", file=sys.stderr, flush=True)

        stats = load_parquet(run, store, progress=progress)
        end = rss_mb()
        duck = duckdb_mb()
    return {"articles": stats.articles, "seconds": time.perf_counter() - t0, "first_batch_mb": before,
            "end_mb": end, "peak_mb": peak_mb(), "duckdb_mb": duck, "chunk_trace": trace, "chunk_peaks": peaks,
            "chunk_duckdb": ducks}


def write_run(run: Path, n: int, records: list, batch: int = 64) -> None:
    from chronicle.scale.parquet import finish_run, part_key, staging_dir, write_part
    from chronicle.scale.rows import batch_rows

    stage = staging_dir(run)
    pairs = []
    for k in range(n):
        record, origin = records[k % len(records)]
        article = dataclasses.replace(record.article, id=f"{record.article.id}~{k}")
        pairs.append((dataclasses.replace(record, article=article), f"{origin}~{k}"))
    for start in range(0, n, batch):
        part = pairs[start:start + batch]
        write_part(stage, part_key([o for _, o in part]), batch_rows(part, order={o: start + i for i, (_, o) in enumerate(part)}))
    finish_run(stage, run, {"engine": "bench", "articles": n})


def run_child(kind: str, source: str, db: str) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    code = f"import json, bench.memory as m; print(json.dumps(m.child_{kind}({source!r}, {db!r})))"
    # stderr passes through: the child's line a batch shows a long run's progress
    done = subprocess.run([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"{kind} {source}: exit {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="article counts, comma-separated")
    parser.add_argument("--big", action="store_true", help="also 10000 articles")
    parser.add_argument("--chars", type=int, default=1500, help="characters kept of each article")
    parser.add_argument("--base", type=int, default=40, help="articles extracted to build the load's runs")
    parser.add_argument("--only", choices=("ingest", "pool", "load"), help="measure one path: one process, the pool or load")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([10000] if args.big else [])
    articles = base_articles(args.chars)
    rows = []
    with tempfile.TemporaryDirectory(prefix="chronicle-memory-") as tmp:
        work = Path(tmp)
        for kind, what in (("ingest", "ingest --workers 1"), ("pool", "ingest --workers 2")):
            if args.only not in (None, kind):
                continue
            for n in sizes:
                inputs = work / f"in-{n}.jsonl"
                write_inputs(inputs, n, articles)
                rows.append((what, n, run_child(kind, str(inputs), str(work / f"{kind}-{n}.duckdb"))))
                print(_line(*rows[-1]), "RSS after each batch:", _every(rows[-1][2]["trace"]), flush=True)
                if rows[-1][2].get("peak_trace"):
                    print("  peak after each batch:", _every(rows[-1][2]["peak_trace"]), flush=True)
                if kind == "pool":
                    r = rows[-1][2]
                    rows.append(("  its workers", n, {**r, "first_batch_mb": r["worker_first_mb"],
                                                       "trace": r["worker_trace"], "peak_mb": r["worker_peak_mb"]}))
                    print("  workers' RSS after each batch (the largest):", _every(r["worker_trace"]), flush=True)
        if args.only in (None, "load"):
            from chronicle.readers.item import Item
            from chronicle.records import Article
            from chronicle.scale.worker import Extractor

            items = [Item(f"base/{a['id']}", Article(**{k: a[k] for k in ("id", "text", "published", "title")}))
                     for a in articles[:args.base]]
            done = Extractor().run(items)
            records = [(r, o) for r, o in done.records]
            for n in sizes:
                run = work / f"run-{n}"
                write_run(run, n, records)
                rows.append(("load", n, run_child("load", str(run), str(work / f"load-{n}.duckdb"))))
                r = rows[-1][2]
                print(_line(*rows[-1]), flush=True)
                print("  after each chunk: RSS", r["chunk_trace"], "peak", r["chunk_peaks"], "DuckDB's own", r["chunk_duckdb"],
                      flush=True)
    print()
    print(f"{'what':20} {'articles':>8} {'seconds':>8} {'start MiB':>10} {'end MiB':>8} {'peak MiB':>9}")
    for what, n, r in rows:
        end = r["trace"][-1] if r.get("trace") else r["end_mb"]
        print(f"{what:20} {n:8d} {r['seconds']:8.1f} {r['first_batch_mb']:10.0f} {end:8.0f} {r['peak_mb']:9.0f}")
    print("start/end: resident memory after the first and the last batch (ingest), before and after loading (load);\n"
          "peak: the process's highest, a batch being extracted included (its workers: the highest any worker reached).\n"
          "Flat: end - start and peak do not grow with the count.")
    return 0


def _every(trace: list[int], most: int = 24) -> list[int]:
    """At most ``most`` evenly spread values of a long trace, the last one kept."""
    step = max(1, -(-len(trace) // most))
    return trace[::step] + ([trace[-1]] if trace and (len(trace) - 1) % step else [])


def _line(what: str, n: int, r: dict) -> str:
    duck = f" (DuckDB's own at the end: {r['duckdb_mb']:.0f} MiB)" if "duckdb_mb" in r else ""
    return f"{what}: {n} articles, {r['articles']} stored, {r['seconds']:.1f} s, peak {r['peak_mb']:.0f} MiB{duck}"


if __name__ == "__main__":
    raise SystemExit(main())
