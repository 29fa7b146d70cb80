"""What every worker process does: hold one loaded pipeline and turn batches of Items into records."""

from __future__ import annotations

import os
import resource
import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chronicle.ingest import IngestStats, extract_batch
from chronicle.store.writer import Failure, pipeline_version

if TYPE_CHECKING:
    from chronicle.readers.item import Item
    from chronicle.records import ArticleRecord
    from chronicle.scale.load import LoadStats


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


@dataclass
class ScaleStats(IngestStats):
    """An ingest's stats, plus the engine, worker count and each worker's peak memory (MiB)."""

    engine: str = "local"
    workers: int = 1
    worker_peak_mb: dict[str, float] = field(default_factory=dict)
    worker_articles: dict[str, int] = field(default_factory=dict)
    out: str | None = None  # the Parquet run directory (ray engine)
    loaded: LoadStats | None = None  # what loading that run into a store did (Corpus.ingest on ray)
    first_result_seconds: float | None = None  # start-up: pipelines loaded and a first batch done
    first_result_seen: int = 0
    worker_restarts: int = 0  # times a worker died mid-batch and the pool was started again (local)

    def mark_result(self, elapsed: float) -> None:
        if self.first_result_seconds is None:
            self.first_result_seconds, self.first_result_seen = elapsed, self.seen

    @property
    def steady_articles_per_second(self) -> float:
        """Articles/s after the first result came back (start-up excluded)."""
        if self.first_result_seconds is None or self.seconds <= self.first_result_seconds:
            return self.articles_per_second
        return (self.seen - self.first_result_seen) / (self.seconds - self.first_result_seconds)

    @property
    def max_worker_peak_mb(self) -> float:
        return max(self.worker_peak_mb.values(), default=0.0)

    def summary(self) -> str:
        text = super().summary() + f" with {self.workers} {self.engine} worker(s)"
        if self.worker_peak_mb:
            text += f", peak memory per worker {self.max_worker_peak_mb:.0f} MiB"
        if self.worker_restarts:
            text += f"; a worker died mid-batch {self.worker_restarts} time(s), its batches were extracted again"
        return text


@dataclass
class BatchResult:
    """One batch's records and failures, and what the worker that made them looks like."""

    records: list[tuple["ArticleRecord", str | None]]
    failures: list[Failure]
    worker: str
    peak_mb: float
    seconds: float


# Articles per nlp.pipe call inside a batch. Peak memory grows with it (PolNeAR,
# batches of 32: ~880 MiB per worker; of 8: ~500 MiB) while speed does not.
PIPE_BATCH = 8
# ... and characters per call: memory follows the text, not the count (the 8
# longest PolNeAR articles, 190k characters, took a worker to ~700 MiB at once).
PIPE_CHARS = 40_000


def pipe_chunks(items: list["Item"], max_items: int = PIPE_BATCH, max_chars: int = PIPE_CHARS) -> list[list["Item"]]:
    """``items`` in order, cut into runs of at most ``max_items`` articles and ``max_chars`` characters.

    A run holds at least one article, however long; items without an article
    (read errors) count as empty.
    """
    chunks: list[list[Item]] = []
    current: list[Item] = []
    chars = 0
    for item in items:
        size = len(item.article.text) if item.article is not None else 0
        if current and (len(current) >= max_items or chars + size > max_chars):
            chunks.append(current)
            current, chars = [], 0
        current.append(item)
        chars += size
    if current:
        chunks.append(current)
    return chunks


class Extractor:
    """One loaded pipeline in one process; ``run`` extracts a batch with ``nlp.pipe``.

    Each batch runs in a spaCy memory zone, so strings the batch added to the
    vocabulary are freed after it, and the pipeline is loaded again every
    ``refresh`` articles (:class:`chronicle.extraction.FreshPipeline`), which
    frees the slots the vocabulary's maps kept for them: a worker's memory stays
    flat over millions of articles instead of growing with every new word it has seen.
    """

    def __init__(self, model: str | None = None, pipe_batch: int = PIPE_BATCH, refresh: int | None = None):
        from chronicle.extraction import FreshPipeline, steady_allocator
        from chronicle.pipeline import pipeline_info  # spaCy loads in the worker, on first use

        steady_allocator()  # the worker extracts batch after batch: its memory stays flat
        # loaded again every ``refresh`` articles: the vocabulary's maps grow with each new word met
        self.pipeline = FreshPipeline(model, refresh)
        self.version = pipeline_version(pipeline_info(self.nlp))
        self.worker = f"{os.uname().nodename}:{os.getpid()}"
        self.pipe_batch = max(1, pipe_batch)

    @property
    def nlp(self):
        return self.pipeline.nlp

    def run(self, items: list["Item"]) -> BatchResult:
        from chronicle.extraction import batch_zone

        t0 = time.perf_counter()
        records: list = []
        failures: list[Failure] = []
        nlp = self.nlp
        with batch_zone(nlp):
            for chunk in pipe_chunks(items, self.pipe_batch):
                r, f = extract_batch(nlp, chunk)
                records += r
                failures += f
        del nlp
        self.pipeline.extracted(len(items))
        return BatchResult(records, failures, self.worker, peak_rss_mb(), time.perf_counter() - t0)
