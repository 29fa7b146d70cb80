"""``Corpus``: a chronicle store you can ingest into: every ``chronicle`` corpus command as a method.

>>> from chronicle import Corpus
>>> corpus = Corpus("chronicle.duckdb")
>>> corpus.ingest(["examples/"], dates="examples/published.tsv")
>>> corpus.quotes(speaker="Otieno")          # records
>>> corpus.events(actor="Kenya", as_frame=True)  # a pandas DataFrame

Queries, export and SQL come from :class:`chronicle.store.Store`; this class
adds reading inputs and running the pipeline over them (:mod:`chronicle.ingest`),
on this machine or on Ray (:mod:`chronicle.scale`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronicle.about import DEFAULT_BATCH_SIZE
from chronicle.readers.text import MAX_CHARS
from chronicle.store import Store

if TYPE_CHECKING:  # ingest, Parquet (pyarrow), Ray, the readers and the pool load with the commands that use them
    from chronicle.ingest import IngestStats
    from chronicle.scale.load import LoadStats
    from chronicle.scale.worker import ScaleStats

# progress(stats, n): once with n=0 before the first batch (stats.expected: how many inputs, None
# when a WARC or a compressed JSONL makes that unknown), then after each batch of n inputs.
Progress = Callable[["IngestStats", int], None]


class Corpus(Store):
    """A chronicle store in one DuckDB file that can also ingest: read inputs, extract, store."""

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        engine: str = "local",
        workers: int | None = None,
        address: str | None = None,
        out: str | Path | None = None,
        update: bool = False,
        dates: Mapping[str, str] | str | Path | None = None,
        model: str | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_chars: int = MAX_CHARS,
        progress: Progress | None = None,
        aliases: str | Path | None = None,
    ) -> IngestStats:
        """Read files and folders (text, HTML, JSONL, WARC), extract their records and store them.

        ``engine="local"`` runs on this machine with ``workers`` processes (None: one per
        core), each holding a loaded pipeline; a single batch of inputs runs in this process.
        Articles already stored are skipped; with ``update`` those a newer pipeline would
        change are extracted again. ``engine="ray"`` runs on the Ray cluster at ``address``
        (None: a local one) into the Parquet run folder ``out`` (None: beside the store) and
        loads it (a re-load replaces stored articles, so ``update`` is not needed there); the
        stats' ``loaded`` says what the load did.

        ``dates`` gives publication dates to files that carry none: a mapping of file name
        to ``YYYY-MM-DD``, or the path of a TSV of the two. See :data:`Progress`.

        ``aliases`` is an analyst's aliases file (:meth:`apply_aliases`): applied before the
        run, so new articles follow it, and after, so what the run stored apart is merged.
        """
        from chronicle.ingest import choose_engine, ingest

        paths = list(paths)
        if aliases is not None:
            self.apply_aliases(aliases)
            try:
                return self.ingest(
                    paths, engine=engine, workers=workers, address=address, out=out, update=update, dates=dates,
                    model=model, batch_size=batch_size, max_chars=max_chars, progress=progress,
                )
            finally:
                self.apply_aliases(aliases)
        if choose_engine(engine, workers, None, batch_size) == "ray":
            stats = ingest_to_parquet(
                paths, out or default_run_dir(self.path), workers=workers, address=address, dates=dates,
                model=model, batch_size=batch_size, max_chars=max_chars, progress=progress,
            )
            stats.loaded = self.load(stats.out)
            return stats
        from chronicle.readers.files import count_inputs

        published = publication_dates(dates)
        expected = count_inputs(paths)
        report = _reporting(progress, expected)
        options = dict(model=model, update=update, batch_size=batch_size, max_chars=max_chars, published=published,
                       progress=report)
        if choose_engine(engine, workers, expected, batch_size) == "pool":
            from chronicle.scale.local import ingest_local

            return ingest_local(paths, self, workers=workers, **options)
        return ingest(paths, self, **options)

    def add(self, items: Iterable[Any], **options: Any) -> IngestStats | None:
        """Store ready ArticleRecords as they are, and Articles (or reader Items) by extracting them;
        ``options`` go to :func:`chronicle.ingest.ingest_items` (model, nlp, update, batch_size, progress)."""
        from chronicle.ingest import ingest_items
        from chronicle.records import ArticleRecord

        items = list(items)
        super().add(x for x in items if isinstance(x, ArticleRecord))
        rest = [x for x in items if not isinstance(x, ArticleRecord)]
        return ingest_items(rest, self, **options) if rest else None

    def load(self, run: str | Path) -> LoadStats:
        """Merge a Parquet run folder (``ingest(engine="ray")`` writes one) into this store;
        a re-load replaces the articles it holds, never duplicates them."""
        from chronicle.scale.load import load_parquet

        return load_parquet(run, self)


def ingest_to_parquet(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    workers: int | None = None,
    address: str | None = None,
    dates: Mapping[str, str] | str | Path | None = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int = MAX_CHARS,
    progress: Progress | None = None,
) -> ScaleStats:
    """Extract on Ray into the Parquet run folder ``out`` and open no store: :meth:`Corpus.load`
    merges the run later, as ``chronicle ingest --engine ray --no-load`` then ``chronicle load`` do."""
    from chronicle.readers.files import count_inputs
    from chronicle.scale.local import default_workers
    from chronicle.scale.ray_engine import ingest_ray

    paths = list(paths)
    published = publication_dates(dates)
    report = _reporting(progress, count_inputs(paths))

    return ingest_ray(
        paths, out, workers=workers or default_workers(), address=address, model=model, batch_size=batch_size,
        max_chars=max_chars, published=published, progress=report,
    )


def default_run_dir(db: str | Path) -> Path:
    """Where a Ray run for the store ``db`` goes unless told: beside it, ``news.duckdb`` → ``news.parquet``."""
    db = Path(db)
    return db.with_suffix(".parquet") if db.suffix else db.with_name(db.name + ".parquet")


def publication_dates(dates: Mapping[str, str] | str | Path | None) -> dict[str, str] | None:
    """A file name → publication date mapping from a mapping, or from the path of a TSV of the two."""
    if dates is None:
        return None
    if isinstance(dates, Mapping):
        return dict(dates)
    from chronicle.readers.files import read_dates

    return read_dates(dates)


def _reporting(progress: Progress | None, expected: int | None) -> Progress | None:
    """``progress``, told first (n=0) and then with every batch how many inputs to expect."""
    if progress is None:
        return None
    from chronicle.ingest import IngestStats

    def report(stats: IngestStats, n: int) -> None:
        stats.expected = expected
        progress(stats, n)

    report(IngestStats(), 0)
    return report
