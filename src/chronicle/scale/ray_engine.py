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

A run cannot hang: the actor pool is sized to the cluster's free CPUs, one
kept for the reading tasks (:func:`plan_pool`); a run that gets no batch back
for ``stall_seconds`` fails with :class:`~chronicle.errors.RayStalled`; an
address that does not answer, or a cluster that refuses this client (token
authentication), is a one-line :class:`~chronicle.errors.RayUnavailable`
saying what to do.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from chronicle.errors import RayStalled, RayUnavailable
from chronicle.ingest import DEFAULT_BATCH_SIZE
from chronicle.readers.files import read_path, walk
from chronicle.readers.item import Item
from chronicle.readers.text import MAX_CHARS
from chronicle.records import Article
from chronicle.scale.worker import ScaleStats

_ARTICLE_FIELDS = ("text", "id", "title", "published", "source", "url")

# How long a run may go without a batch coming back before it fails (model loading included);
# CHRONICLE_RAY_STALL_SECONDS overrides it.
STALL_SECONDS = 600.0
# How long to wait for a cluster's address to answer at all.
CONNECT_SECONDS = 5.0

_AUTH_FIX = (
    "if it was started with token authentication, set RAY_AUTH_MODE=token here and give this client the "
    "cluster's token (RAY_AUTH_TOKEN=..., or the file ~/.ray/auth_token; `ray get-auth-token` prints it on the head), "
    "or start the cluster with RAY_AUTH_MODE=disabled"
)


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


def _host_port(address: str) -> tuple[str, int] | None:
    """``(host, port)`` of a ``HOST:PORT`` or ``ray://HOST:PORT`` address; None for ``auto`` and the like."""
    rest = address.split("://", 1)[-1].rstrip("/")
    host, sep, port = rest.rpartition(":")
    if not sep or not port.isdigit():
        return None
    return host.strip("[]") or "127.0.0.1", int(port)


def check_reachable(address: str, timeout: float = CONNECT_SECONDS) -> None:
    """Fail at once, in one line, when nothing answers at ``address`` (ray.init would retry for minutes)."""
    import socket

    target = _host_port(address)
    if target is None:
        return
    try:
        socket.create_connection(target, timeout=timeout).close()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise RayUnavailable(
            f"no Ray cluster answers at {address} ({reason}): start one with "
            f"`ray start --head --port {target[1]} --node-ip-address {target[0]}`, "
            "or pass the address `ray start` printed", where="ray",
        ) from None


def _join(ray: Any, address: str, options: Mapping[str, Any]) -> None:
    """``ray.init(address=...)``, its connection and authentication failures as one-line errors."""
    check_reachable(address)
    mode = os.environ.get("RAY_AUTH_MODE") or "unset"
    try:
        from ray.exceptions import AuthenticationError
    except ImportError:  # pragma: no cover - a Ray before token authentication
        AuthenticationError = ()  # type: ignore[assignment]  # noqa: N806
    try:
        ray.init(address=address, **options)
    except AuthenticationError as exc:  # type: ignore[misc]
        first = str(getattr(exc, "message", exc)).split(".")[0]
        raise RayUnavailable(f"{address}: {first} (RAY_AUTH_MODE is {mode}): {_AUTH_FIX}", where="ray") from None
    except ConnectionError as exc:
        # The address answered (check_reachable), so the cluster refused this client: with Ray 2.5x
        # that is token authentication, whose reason Ray only logs.
        raise RayUnavailable(
            f"the Ray cluster at {address} answers but did not let this client join "
            f"({' '.join(str(exc).split())[:200]}; RAY_AUTH_MODE is {mode}): {_AUTH_FIX}", where="ray",
        ) from None


def start_ray(address: str | None, workers: int, quiet: bool = True) -> bool:
    """Connect to ``address``, or start Ray locally with enough CPUs; True if this call started it."""
    ray = _ray()
    if ray.is_initialized():
        return False
    import logging

    options: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": not quiet}
    if address:
        _join(ray, address, options)
    else:
        ray.init(
            num_cpus=max(workers, os.cpu_count() or 1) + 1, include_dashboard=False,  # +1: room for Ray Data's own tasks
            object_store_memory=max(100, 50 * workers) * 1024 * 1024, **options,
        )
    return True


def plan_pool(workers: int, free_cpus: float, total_cpus: float, where: str = "ray") -> tuple[int, float]:
    """How many extraction actors to start, and the CPUs a reading task asks for.

    Each actor holds one CPU for the whole run, and the reading tasks need one
    too, or they wait forever behind the actors (``--workers 2`` on a 2-CPU
    cluster hung so). So at most ``free - 1`` actors; with one free CPU, one
    actor and reading tasks that ask for none (one at a time). None free: an error.
    """
    free = int(free_cpus + 1e-9)
    if free < 1:
        raise RayUnavailable(
            f"no free CPU on the Ray cluster ({total_cpus:g} in all, all held by other jobs): "
            "wait for them, add a node (`ray start --address HEAD:PORT`) or stop them", where=where,
        )
    if free == 1:
        return 1, 0.0
    return max(1, min(workers, free - 1)), 1.0


def _cpus(ray: Any) -> tuple[float, float]:
    """The cluster's free and total CPUs."""
    return float(ray.available_resources().get("CPU", 0.0)), float(ray.cluster_resources().get("CPU", 0.0))


def _stall_seconds(given: float | None) -> float:
    if given is not None:
        return given
    try:
        return float(os.environ.get("CHRONICLE_RAY_STALL_SECONDS") or STALL_SECONDS)
    except ValueError:
        return STALL_SECONDS


def _watched(batches: Iterable[Any], stall: float, stalled: Callable[[], BaseException]):
    """Yield from ``batches`` (iterated in a thread), raising ``stalled()`` when none comes for ``stall`` seconds."""
    import queue
    import threading

    box: queue.Queue = queue.Queue(maxsize=4)
    done = object()
    stop = threading.Event()

    def pump() -> None:
        try:
            for batch in batches:
                while not stop.is_set():
                    try:
                        box.put(("batch", batch), timeout=0.5)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            box.put(("end", done))
        except BaseException as exc:  # noqa: BLE001 - handed to the driver's thread
            box.put(("error", exc))

    thread = threading.Thread(target=pump, name="chronicle-ray-results", daemon=True)
    thread.start()
    try:
        while True:
            try:
                kind, value = box.get(timeout=stall)
            except queue.Empty:
                raise stalled() from None
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()


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
    stall_seconds: float | None = None,
) -> ScaleStats:
    """Extract every article under ``paths`` on Ray into the Parquet run directory ``out``.

    ``workers`` is at most the cluster's free CPUs less one (see :func:`plan_pool`);
    ``stats.workers`` is the number of actors the run used.
    """
    ray = _ray()
    from chronicle.scale.parquet import finish_run, staging_dir

    workers = max(1, workers)
    stats = ScaleStats(engine="ray", workers=workers, out=str(out))
    started = time.perf_counter()
    files = [(str(p), str(Path(p).resolve()), n) for n, p in enumerate(walk(paths))]
    stage = staging_dir(out)
    stage_abs = str(stage.resolve())
    started_ray = start_ray(address, workers, quiet)
    stall = _stall_seconds(stall_seconds)
    where = address or "ray"
    try:
        free, total = _cpus(ray)
        workers, read_cpus = plan_pool(workers, free, total, where)
        stats.workers = workers
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
        # (and none when the one free CPU is the actor's: then one read task at a time)
        ds = ds.flat_map(_Reader(max_chars, published), num_cpus=read_cpus, concurrency=None if read_cpus else 1)
        ds = ds.map_batches(
            ExtractActor, fn_constructor_kwargs={"stage": stage_abs, "model": model},
            batch_size=batch_size, compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1, batch_format="pyarrow",
        )
        seen_ok: set[str] = set()
        versions: set[str] = set()
        def stalled() -> RayStalled:
            try:
                now_free, now_total = _cpus(ray)
            except Exception:  # noqa: BLE001 - the cluster itself may be gone
                now_free, now_total = float("nan"), float("nan")
            return RayStalled(
                f"no batch came back in {stall:g} s ({stats.seen} articles done); the cluster has "
                f"{now_free:g} of {now_total:g} CPUs free and this run's {workers} extraction actor(s) need one each, "
                "reading one more: free CPUs, add a node or use fewer --workers (CHRONICLE_RAY_STALL_SECONDS sets the wait)",
                where=where,
            )

        results = ds.iter_batches(batch_size=None, batch_format="pyarrow")
        for batch in _watched(results, stall, stalled):
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
    except BaseException as exc:
        import shutil

        shutil.rmtree(stage, ignore_errors=True)
        if isinstance(exc, RayStalled) and ray.is_initialized():
            # End this driver's Ray session: its actors and waiting tasks go with it, and Ray Data's
            # executor thread is stopped (left running, it crashed the process in Ray's C++ core).
            ray.shutdown()
        raise
    finally:
        if shutdown if shutdown is not None else started_ray:
            ray.shutdown()
    return stats
