"""The Ray engine: Ray Data reads the inputs, one stateful actor per worker extracts.

Pipeline (a Ray Data dataset, streamed):

1. ``from_items`` of the input files (the driver only walks folders);
2. ``flat_map(read)``: Ray tasks read each file into article rows (a JSONL
   or WARC file gives many), or an error row;
3. ``map_batches(ExtractActor, concurrency=N)``: each actor loads the
   pipeline once, runs ``nlp.pipe`` over a batch, and writes the batch's rows
   as Parquet part files per table into the run's staging folder; it returns
   only a small summary row per input;
4. the driver collects the summaries and swaps the finished run directory in
   (see :mod:`chronicle.scale.parquet`), which ``chronicle load`` merges
   into DuckDB.

Without an address Ray starts locally (``ray.init(num_cpus=...)``); with one
(``ray://host:10001`` or ``host:6379`` or ``auto``) it joins that cluster,
whose workers must see the inputs and the output folder at the same paths
(a shared file system).
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from chronicle.errors import RayUnavailable
from chronicle.ingest import DEFAULT_BATCH_SIZE
from chronicle.readers.files import read_path, walk
from chronicle.readers.item import Item
from chronicle.readers.text import MAX_CHARS
from chronicle.records import Article
from chronicle.scale.worker import ScaleStats

_ARTICLE_FIELDS = ("text", "id", "title", "published", "source", "url")


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:  # pragma: no cover - ray is a declared dependency
        raise RayUnavailable(f"the ray engine needs ray[data]: pip install 'ray[data]' ({exc})", where="ray") from None
    return ray


def _item_row(item: Item, order: int = 0) -> dict[str, Any]:
    art = item.article
    row: dict[str, Any] = {"origin": item.origin, "error": item.error, "order": order}
    for name in _ARTICLE_FIELDS:
        row[name] = getattr(art, name) if art is not None else None
    row["warnings"] = list(art.warnings) if art is not None else []
    return row


def _row_item(row: Mapping[str, Any]) -> Item:
    if row.get("error") is not None or row.get("text") is None:
        return Item(str(row["origin"]), error=str(row.get("error") or "unknown error"))
    fields = {name: (None if row.get(name) is None else str(row[name])) for name in _ARTICLE_FIELDS}
    warnings = tuple(str(w) for w in (row.get("warnings") if row.get("warnings") is not None else ()))
    return Item(str(row["origin"]), Article(**fields, warnings=warnings))


class _Reader:
    """A picklable flat_map function: one input file → its article (or error) rows."""

    def __init__(self, max_chars: int, published: Mapping[str, str] | None):
        self.max_chars = max_chars
        self.published = dict(published or {})

    def __call__(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        given, path, n = row["given"], row["path"], int(row.get("n") or 0)
        rows = []
        for k, item in enumerate(read_path(path, max_chars=self.max_chars, published=self.published or None)):
            if item.origin.startswith(path):  # origins name the input as it was given
                item = Item(given + item.origin[len(path):], item.article, item.error)
            rows.append(_item_row(item, (n << 32) + k))  # the input order: file as walked, then record
        return rows


class ExtractActor:
    """A Ray actor holding one loaded pipeline; each call extracts a batch and writes its part files."""

    def __init__(self, stage: str, model: str | None = None):
        from chronicle.scale.worker import Extractor

        self.stage = stage
        self.extractor = Extractor(model)

    def __call__(self, batch: Any) -> dict[str, list]:
        from chronicle.scale.parquet import part_key, write_part
        from chronicle.scale.rows import batch_rows
        from chronicle.store.writer import Failure

        rows = batch.to_pylist()  # a pyarrow Table: None stays None
        items = [_row_item(r) for r in rows]
        order = {i.origin: int(r.get("order") or 0) for i, r in zip(items, rows)}
        n = len(items)
        failures = [Failure(i.origin, i.error or "unknown error") for i in items if not i.ok]
        done = self.extractor.run([i for i in items if i.ok])
        failures += done.failures
        key = part_key([i.origin for i in items])
        write_part(self.stage, key, batch_rows(done.records, failures, order=order))
        ok = {r.article.id for r, _ in done.records}
        reasons = {f.origin: f.reason for f in failures}
        return {
            "reason": [reasons.get(i.origin, "") for i in items],
            "origin": [i.origin for i in items],
            "article_id": [i.article.id if i.ok else None for i in items],
            "ok": [bool(i.ok and i.article.id in ok) for i in items],
            "worker": [done.worker] * n,
            "version": [self.extractor.version] * n,
            "peak_mb": [done.peak_mb] * n,
            "seconds": [done.seconds / max(n, 1)] * n,
        }


def largest_first(files: list[tuple]) -> list[tuple]:
    """``(given, path, ...)`` tuples, the largest file first (a file that cannot be read counts as empty)."""

    def size(pair: tuple) -> int:
        try:
            return os.stat(pair[1]).st_size
        except OSError:
            return 0

    return sorted(files, key=lambda pair: -size(pair))


def start_ray(address: str | None, workers: int, quiet: bool = True) -> bool:
    """Connect to ``address``, or start Ray locally with enough CPUs; True if this call started it."""
    ray = _ray()
    if ray.is_initialized():
        return False
    import logging

    options: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": not quiet}
    if address:
        ray.init(address=address, **options)
    else:
        import os

        ray.init(
            num_cpus=max(workers, os.cpu_count() or 1) + 1, include_dashboard=False,  # +1: room for Ray Data's own tasks
            object_store_memory=max(100, 50 * workers) * 1024 * 1024, **options,
        )
    return True


def ingest_ray(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    workers: int = 2,
    address: str | None = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int = MAX_CHARS,
    published: Mapping[str, str] | None = None,
    progress: Callable[[ScaleStats, int], None] | None = None,
    quiet: bool = True,
    shutdown: bool | None = None,
) -> ScaleStats:
    """Extract every article under ``paths`` on Ray into the Parquet run directory ``out``."""
    ray = _ray()
    from chronicle.scale.parquet import finish_run, staging_dir

    workers = max(1, workers)
    stats = ScaleStats(engine="ray", workers=workers, out=str(out))
    started = time.perf_counter()
    files = [(str(p), str(Path(p).resolve()), n) for n, p in enumerate(walk(paths))]
    stage = staging_dir(out)
    stage_abs = str(stage.resolve())
    started_ray = start_ray(address, workers, quiet)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = not quiet
        context.print_on_execution_start = False
        # Balance: one block per batch of input files, largest files first, so
        # the actors share the work in small units and the last units are the
        # shortest (with 4 blocks per worker, one actor sat idle for ~8 s at
        # the end of a PolNeAR run while the other finished its last block).
        ds = ray.data.from_items(
            [{"given": given, "path": path, "n": n} for given, path, n in largest_first(files)],
            override_num_blocks=max(1, math.ceil(len(files) / max(1, batch_size))),
        )
        # One CPU per read task (the default): with a fraction of a CPU, Ray ran
        # several read tasks at once beside the actors, in extra worker
        # processes that competed with them for the cores (2-vs-1 speed-up
        # 1.66 -> 1.83 with the balancing above, 2 cores, ``python -m bench``).
        ds = ds.flat_map(_Reader(max_chars, published))
        ds = ds.map_batches(
            ExtractActor, fn_constructor_kwargs={"stage": stage_abs, "model": model},
            batch_size=batch_size, compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1, batch_format="pyarrow",
        )
        seen_ok: set[str] = set()
        versions: set[str] = set()
        for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
            rows = batch.to_pylist()
            n = len(rows)
            for row in rows:
                worker = row["worker"]
                versions.add(row["version"])
                stats.worker_peak_mb[worker] = max(stats.worker_peak_mb.get(worker, 0.0), row["peak_mb"])
                stats.extract_seconds += row["seconds"]
                aid = row["article_id"]
                if row["ok"]:
                    stats.worker_articles[worker] = stats.worker_articles.get(worker, 0) + 1
                    if aid in seen_ok:
                        stats.skipped += 1
                    else:
                        seen_ok.add(aid)
                        stats.added += 1
                else:
                    stats.errors += 1
                    stats.error_origins.append(row["origin"])
                    stats.error_reasons.append(row.get("reason") or "see the errors table")
            stats.seen += n
            stats.seconds = time.perf_counter() - started
            stats.mark_result(stats.seconds)
            if progress is not None:
                progress(stats, n)
        stats.seconds = time.perf_counter() - started
        finish_run(stage, out, {
            "engine": "ray", "workers": workers, "address": address, "model": model,
            "inputs": len(files), "articles": stats.added, "errors": stats.errors,
            "seconds": round(stats.seconds, 3), "finished": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "pipeline_versions": sorted(versions),
        })
    except BaseException:
        import shutil

        shutil.rmtree(stage, ignore_errors=True)
        raise
    finally:
        if shutdown if shutdown is not None else started_ray:
            ray.shutdown()
    return stats
