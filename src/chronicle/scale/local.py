"""The local engine: a multiprocessing pool, one loaded pipeline per process.

The parent reads the inputs in batches, skips articles already stored (so a
killed run resumes, as ``chronicle ingest`` does), sends the rest to the pool
and writes each batch's records into the store in input order, one
transaction per batch, with the store's own writer. A few batches are in
flight at once, so reading and writing overlap extraction.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import Counter, deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from chronicle.ingest import DEFAULT_BATCH_SIZE, as_item, count_batch, plan_batch, read_batch, release, write_batch
from chronicle.readers.files import read_paths
from chronicle.readers.web import Fetcher
from chronicle.readers.item import Item
from chronicle.readers.text import MAX_CHARS
from chronicle.records import Article
from chronicle.scale.worker import BatchResult, Extractor, ScaleStats
from chronicle.store.writer import Failure, Writer

if TYPE_CHECKING:
    from chronicle.store import Store

# forkserver: workers start from a clean, single-threaded server process, so
# the parent's threads (DuckDB, the progress bar) never leak into a fork.
START_METHOD = os.environ.get("CHRONICLE_START_METHOD", "forkserver")

_EXTRACTOR: Extractor | None = None


_FAILED: BaseException | None = None


# How often a worker checks that the ingest that started it is still there.
WATCH_SECONDS = 0.5


def _parent_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, killed but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True  # no /proc (macOS): the kill check stands


def watch_parent(pid: int, interval: float = WATCH_SECONDS) -> None:
    """Make this worker exit as soon as the ingest process ``pid`` is gone.

    ``kill -9`` gives the ingest no chance to stop its pool, and nothing else
    tells the workers: they are the forkserver's children, and the forkserver
    itself waits for them (each holds a copy of its "parent alive" pipe), so
    they would finish their batches (30-60 s of work) first. A thread in the
    worker cannot be trusted to notice, as loading a pipeline holds the GIL for
    seconds; so a small watchdog process (forked twice, so init reaps it) checks
    every ``interval`` seconds and kills the worker when the ingest is gone, and
    exits itself when the worker is.
    """
    worker = os.getpid()
    try:
        first = os.fork()
    except OSError:
        return
    if first:
        os.waitpid(first, 0)
        return
    try:  # the first child: fork the watchdog and go at once
        if os.fork():
            os._exit(0)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the ingest, which stops its pool
        while _parent_alive(worker):
            if not _parent_alive(pid):
                os.kill(worker, signal.SIGKILL)
                break
            time.sleep(interval)
    finally:
        os._exit(0)


def _init(model: str | None, parent: int | None = None) -> None:
    # An initializer that raises makes the pool start workers forever: keep the
    # error (a missing model, say) and raise it from the first task instead.
    global _EXTRACTOR, _FAILED
    if parent is not None:
        watch_parent(parent)
    try:
        _EXTRACTOR = Extractor(model)
    except Exception as exc:  # noqa: BLE001
        _FAILED = exc


def _extractor() -> Extractor:
    if _FAILED is not None:
        raise _FAILED
    assert _EXTRACTOR is not None
    return _EXTRACTOR


def _version() -> str:
    return _extractor().version


def _extract(items: list[Item]) -> BatchResult:
    return _extractor().run(items)


# How often a batch is extracted again after the worker extracting it died (killed, out of
# memory, a crash in C code) before its articles are recorded as errors.
WORKER_RETRIES = 2


@dataclass
class _Batch:
    """A batch in flight: what was read, what goes to a worker, and (once back) what came back."""

    batch: list[Item]
    todo: list[Item]
    replace: list[str]
    failures: list[Failure]
    future: Future | None = None
    result: BatchResult | None = None
    deaths: int = 0  # workers that died extracting this batch alone

    def done(self) -> bool:
        if self.result is None and self.future is not None and self.future.done():
            try:
                self.result = self.future.result()
            except BrokenProcessPool:
                return False
        return self.result is not None


class _Pool:
    """The worker processes, started again when one dies.

    A worker that dies mid-batch (``kill -9``, the kernel's OOM killer) used to
    leave ``multiprocessing.Pool`` waiting forever for its batch. Here the pool
    breaks instead (:class:`BrokenProcessPool`), a new one starts, and the
    batches that were in flight are extracted again, one at a time, so a batch
    that kills its worker again is known: after ``WORKER_RETRIES`` such deaths
    its articles become error rows and the ingest goes on.
    """

    def __init__(self, context, workers: int, model: str | None):
        self.context, self.workers, self.model = context, workers, model
        self.restarts = 0
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.context, initializer=_init,
                                   initargs=(self.model, os.getpid()))

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.restarts += 1
        self.executor = self._start()

    def run(self, fn, *args):
        return self.executor.submit(fn, *args).result()

    def submit(self, entry: _Batch) -> _Batch:
        try:
            entry.future = self.executor.submit(_extract, entry.todo)
        except BrokenProcessPool:  # settled when its turn comes
            entry.future = None
        return entry

    def settle(self, pending: "deque[_Batch]", stats: ScaleStats) -> None:
        """Wait for the first batch; if a worker died, start the pool again and extract every
        unfinished batch again, alone, in order (a batch whose worker dies each time fails)."""
        first = pending[0]
        if first.future is not None:
            try:
                first.future.result()
            except BrokenProcessPool:
                pass
        if first.done():
            return
        self.restart()
        stats.worker_restarts += 1
        for entry in pending:
            while not entry.done():
                entry.future = self.executor.submit(_extract, entry.todo)
                try:
                    entry.result = entry.future.result()
                except BrokenProcessPool:
                    entry.deaths += 1
                    self.restart()
                    stats.worker_restarts += 1
                    if entry.deaths >= WORKER_RETRIES:
                        reason = (f"the worker process extracting it died each of the {entry.deaths} times it "
                                  "was extracted alone (killed, out of memory or crashed)")
                        entry.result = BatchResult(
                            [], [Failure(i.origin, reason, "extract", i.article.id) for i in entry.todo], "", 0.0, 0.0)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


class InFlight:
    """The texts of the articles in the batches in flight (``texts``: id -> text hashes), for
    :func:`chronicle.ingest.plan_batch` to skip an article met twice. A batch's stored state is read
    before the batches ahead of it are written back, so those are held here until they are; the
    store knows the rest. Every id of the run, held instead, is about 0.4 MiB per 1,000 articles
    (their ids and text hashes) that never went (issue 22); this holds the window's batches only."""

    def __init__(self) -> None:
        self.texts: dict[str, set[str]] = {}
        self._batches: Counter[str] = Counter()  # article id -> batches in flight that hold it

    def sent(self, batch: list[Item]) -> None:
        self._batches.update({i.article.id for i in batch if i.ok})

    def written(self, batch: list[Item]) -> None:
        for aid in {i.article.id for i in batch if i.ok}:
            self._batches[aid] -= 1
            if self._batches[aid] <= 0:
                del self._batches[aid]
                self.texts.pop(aid, None)

    def __len__(self) -> int:
        return len(self.texts)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def ingest_local(
    paths: Iterable[str | Path],
    store: "Store",
    *,
    workers: int | None = None,
    model: str | None = None,
    update: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int = MAX_CHARS,
    published: Mapping[str, str] | None = None,
    progress: Callable[[ScaleStats, int], None] | None = None,
    fetcher: Fetcher | None = None,
) -> ScaleStats:
    """Like :func:`chronicle.ingest.ingest`, with ``workers`` processes extracting."""
    return ingest_items_local(
        read_paths(paths, max_chars=max_chars, published=published, fetcher=fetcher), store,
        workers=workers, model=model, update=update, batch_size=batch_size, progress=progress,
    )


def ingest_items_local(
    items: Iterable[Item | Article],
    store: "Store",
    *,
    workers: int | None = None,
    model: str | None = None,
    update: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[ScaleStats, int], None] | None = None,
    start_method: str | None = None,
) -> ScaleStats:
    from chronicle.extraction import steady_allocator

    # The parent writes batch after batch, and DuckDB's allocations grow with the store (what it
    # reads when it opens the file again): with glibc's moving mmap threshold they left holes in the
    # heap, which grew 16 -> 33 MiB over the first 1,280 articles (7.5 MiB of it in use); with the
    # threshold fixed it grew to 20 MiB (issue 22).
    steady_allocator()
    workers = max(1, workers or default_workers())
    stats = ScaleStats(engine="local", workers=workers)
    writer = Writer(store)  # fetches the store's connection per call: it is released between batches
    started = time.perf_counter()
    context = multiprocessing.get_context(start_method or START_METHOD)
    if context.get_start_method() == "forkserver":
        # the forkserver imports chronicle (spaCy and all) once; each worker starts from it with the
        # imports done, so it is up in a moment and watches its ingest (watch_parent) from the start
        context.set_forkserver_preload(["__main__", __name__])
    pool = _Pool(context, workers, model)
    try:
        version = pool.run(_version) if update else ""
        pending: deque[_Batch] = deque()
        stream = iter(as_item(x) for x in items)
        seen = InFlight()
        window = 2 * workers

        def finish_one() -> None:
            if not pending[0].done():
                pool.settle(pending, stats)  # a worker died: its pool is started again, the batches retried
            entry = pending.popleft()
            done = entry.result
            assert done is not None
            stats.extract_seconds += done.seconds
            if done.worker:
                stats.worker_peak_mb[done.worker] = max(stats.worker_peak_mb.get(done.worker, 0.0), done.peak_mb)
                stats.worker_articles[done.worker] = stats.worker_articles.get(done.worker, 0) + len(done.records)
            failures = entry.failures + done.failures
            t0 = time.perf_counter()
            written = write_batch(writer, done.records, failures, entry.replace)
            stats.store_seconds += time.perf_counter() - t0
            release(store)
            count_batch(stats, entry.batch, written, entry.replace, failures)
            seen.written(entry.batch)
            stats.seconds = time.perf_counter() - started
            stats.mark_result(stats.seconds)
            if progress is not None:
                progress(stats, len(entry.batch))

        while (step := read_batch(stream, batch_size, writer, stats)) is not None:
            batch, failures, stored = step
            release(store)
            todo, replace = plan_batch(batch, stored, seen.texts, stats, update, version)
            seen.sent(batch)
            pending.append(pool.submit(_Batch(batch, todo, replace, failures)))
            while len(pending) >= window:
                finish_one()
        while pending:
            finish_one()
    finally:
        pool.close()
    # joins the whole run shows, and those of an earlier run killed before its end (identity.reconcile_run)
    writer.finish()
    release(store)
    stats.seconds = time.perf_counter() - started
    return stats

