"""What every worker process does: hold one loaded pipeline and turn batches of Items into records."""

from __future__ import annotations

import os
import resource
import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chronicle.store.ingest import IngestStats, extract_batch
from chronicle.store.writer import Failure, pipeline_version

if TYPE_CHECKING:
    from chronicle.ingest.files import Item
    from chronicle.records import ArticleRecord


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

    @property
    def max_worker_peak_mb(self) -> float:
        return max(self.worker_peak_mb.values(), default=0.0)

    def summary(self) -> str:
        text = super().summary() + f" with {self.workers} {self.engine} worker(s)"
        if self.worker_peak_mb:
            text += f", peak memory per worker {self.max_worker_peak_mb:.0f} MiB"
        return text


@dataclass
class BatchResult:
    """One batch's records and failures, and what the worker that made them looks like."""

    records: list[tuple["ArticleRecord", str | None]]
    failures: list[Failure]
    worker: str
    peak_mb: float
    seconds: float


class Extractor:
    """One loaded pipeline in one process; ``run`` extracts a batch (one ``nlp.pipe``)."""

    def __init__(self, model: str | None = None):
        from chronicle.pipeline import load_pipeline, pipeline_info

        self.nlp = load_pipeline(model)
        self.version = pipeline_version(pipeline_info(self.nlp))
        self.worker = f"{os.uname().nodename}:{os.getpid()}"

    def run(self, items: list["Item"]) -> BatchResult:
        t0 = time.perf_counter()
        records, failures = extract_batch(self.nlp, items) if items else ([], [])
        return BatchResult(records, failures, self.worker, peak_rss_mb(), time.perf_counter() - t0)
