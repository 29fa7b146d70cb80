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

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronicle.about import DEFAULT_BATCH_SIZE, MAX_CHARS
from chronicle.errors import ChronicleError, CorpusError
from chronicle.store import Store

if TYPE_CHECKING:  # ingest, Parquet (pyarrow), Ray, the readers and the pool load with the commands that use them
    from chronicle.ingest import IngestStats
    from chronicle.scale.load import LoadStats
    from chronicle.readers.web import Fetcher
    from chronicle.scale.worker import ScaleStats

# progress(stats, n): once with n=0 before the first batch (stats.expected: how many inputs, None
# when a WARC or a compressed JSONL makes that unknown), then after each batch of n inputs.
Progress = Callable[["IngestStats", int], None]


class Corpus(Store):
    """A chronicle store in one DuckDB file that can also ingest: read inputs, extract, store."""

    def __init__(self, path: str | Path = "chronicle.duckdb", *, read_only: bool = False, wait: float = 0.0):
        super().__init__(path, read_only=read_only, wait=wait)
        if not read_only:
            self._join_countries()

    def _join_countries(self) -> None:
        """An older store's country actors joined into one per code (:mod:`chronicle.store.countries`),
        once, here: the store does not know the names extraction gives countries."""
        from chronicle.store import countries

        if not countries.pending(self.connection):
            return
        from chronicle.nlp.countries import PART_NAMES, country_name  # (loads the nlp package: once per older store)

        try:
            countries.join_by_code(self.connection, country_name, PART_NAMES)
        except BaseException:
            self.close()
            raise

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
        fetcher: Fetcher | None = None,
        delay: float = 1.0,
        recheck: bool = False,
    ) -> IngestStats:
        """Read files and folders (text, HTML, JSONL, WARC), URLs, RSS/Atom feeds, sitemaps and
        files of URLs, extract their records and store them.

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

        URLs, feeds, sitemaps and files of URLs are fetched (:mod:`chronicle.readers.web`) with
        ``fetcher``, or one made here that keeps its conditional-GET state in the store's
        ``fetches`` table: ``delay`` seconds between requests to a host; with ``recheck`` pages
        read in earlier runs are asked for again (conditionally) instead of skipped.
        """
        from chronicle.ingest import choose_engine, ingest

        paths = list(paths)
        if aliases is not None:
            self.apply_aliases(aliases)
            try:
                return self.ingest(
                    paths, engine=engine, workers=workers, address=address, out=out, update=update, dates=dates,
                    model=model, batch_size=batch_size, max_chars=max_chars, progress=progress,
                    fetcher=fetcher, delay=delay, recheck=recheck,
                )
            finally:
                self.apply_aliases(aliases)
        from chronicle.readers.files import is_web_source

        web = [p for p in paths if is_web_source(p)]
        if web and fetcher is None:
            with self.fetcher(delay=delay, recheck=recheck) as own:
                return self.ingest(
                    paths, engine=engine, workers=workers, address=address, out=out, update=update, dates=dates,
                    model=model, batch_size=batch_size, max_chars=max_chars, progress=progress, fetcher=own,
                )
        if web and choose_engine(engine, None, batch_size) == "ray":
            raise CorpusError("URLs, feeds and sitemaps are ingested with engine='local' (fetching is not spread "
                              f"over Ray): {web[0]}", where=self.path)
        if choose_engine(engine, None, batch_size) == "ray":
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
                       progress=report, fetcher=fetcher)
        before = dict(fetcher.skipped) if fetcher is not None else {}
        if choose_engine(engine, expected, batch_size) == "pool":
            from chronicle.scale.local import ingest_local

            stats = ingest_local(paths, self, workers=workers, **options)
        else:
            stats = ingest(paths, self, **options)
        if fetcher is not None:
            stats.pages_skipped = skipped_since(fetcher, before)
        return stats

    @contextmanager
    def fetcher(self, **options: Any) -> Iterator[Fetcher]:
        """A :class:`~chronicle.readers.web.Fetcher` whose conditional-GET state comes from this
        store's ``fetches`` table and goes back to it when the block ends (even on an error);
        ``options`` go to the Fetcher (delay, retries, backoff, timeout, robots, recheck...)."""
        from chronicle.readers.web import CacheEntry, FetchCache, Fetcher

        cache = FetchCache(CacheEntry(*row.values()) for row in self.fetches())
        fetcher = Fetcher(cache, **options)
        try:
            yield fetcher
        finally:
            fetcher.close()
            self.save_fetches(
                (e.url, e.etag, e.last_modified, e.status, e.canonical, e.fetched_at, e.article_id)
                for e in cache.changed_entries()
            )
            cache.changed.clear()

    def watch(
        self,
        feeds: Iterable[str | Path],
        *,
        every: float | str = 900.0,
        rounds: int | None = None,
        model: str | None = None,
        nlp: Any = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_chars: int = MAX_CHARS,
        sleep: Callable[[float], None] = time.sleep,
        **fetch: Any,
    ) -> Iterator[WatchRound]:
        """Keep this store current with ``feeds`` (feed or sitemap URLs or files, URLs, files of URLs):
        ingest them now and then every ``every`` seconds (or ``"15m"``, ``"1h"``, ``"90s"``), ``rounds``
        times (None: until stopped), yielding a :class:`WatchRound` that says what each round added.

        Each round fetches the feeds with a conditional GET and only the pages not read before, and
        reads robots.txt again. A listed page whose fetch failed is tried again in the next rounds
        (with the date and title its feed gave), even when the feed has not changed, until it has
        failed :data:`WATCH_RETRIES` rounds running. ``fetch`` options go to the Fetcher (delay,
        retries, backoff, timeout, robots, recheck). Without ``nlp``, each round's articles
        are extracted by a worker process that loads ``model`` and ends with the round, so a watch
        that runs for months stays flat in memory (in one process the heap crept about 0.5 MiB per
        1,000 articles); a given ``nlp`` is used in this process and stays loaded between rounds.

        >>> for round in corpus.watch(["https://example.org/rss.xml"], every="15m"):
        ...     print(round.summary())
        """
        from chronicle.ingest import IngestStats, ingest_items
        from chronicle.readers.files import read_paths
        from chronicle.readers.web import normalise_url, read_entries

        feeds = list(feeds)
        seconds = parse_interval(every)
        number = 0
        failing: dict[str, tuple[Any, int]] = {}  # normalised URL -> (the listed entry, rounds failed running)
        while rounds is None or number < rounds:
            if number:
                sleep(seconds)
            number += 1
            started = datetime.now(timezone.utc).replace(tzinfo=None)
            with self.fetcher(**fetch) as fetcher:  # a Fetcher a round: robots.txt is read again each round
                items = list(read_paths(feeds, max_chars=max_chars, fetcher=fetcher))
                items += read_entries([entry for entry, _ in failing.values()], fetcher, max_chars=max_chars)
                skipped = skipped_since(fetcher, {})
            failed = {normalise_url(e.url): e for e in fetcher.failed}
            failing = {key: (entry, failing.get(key, (entry, 0))[1] + 1) for key, entry in failed.items()}
            failing = {key: value for key, value in failing.items() if value[1] < WATCH_RETRIES}
            if nlp is None and any(i.ok for i in items):
                from chronicle.scale.local import ingest_items_local

                stats = ingest_items_local(items, self, workers=1, model=model, batch_size=batch_size)
            else:  # the caller's pipeline, or nothing to extract (failures are still recorded)
                stats = ingest_items(items, self, nlp=nlp, batch_size=batch_size) if items else IngestStats()
            stats.pages_skipped = skipped
            added = self.sql(
                "SELECT id, title, published, url FROM articles WHERE ingested_at >= ? ORDER BY published, title",
                [started],
            )
            yield WatchRound(number, started, stats, added)

    def add(self, items: Iterable[Any], *, workers: int | None = None, **options: Any) -> IngestStats | None:
        """Store ready ArticleRecords as they are, and Articles (or reader Items) by extracting them;
        ``options`` go to :func:`chronicle.ingest.ingest_items` (model, nlp, update, batch_size, progress).

        As :meth:`ingest` does, more than one batch of them without a caller's ``nlp`` is extracted
        by ``workers`` processes (None: one per core), so memory stays flat; else in this process."""
        from chronicle.ingest import choose_engine, ingest_items
        from chronicle.records import ArticleRecord

        items = list(items)
        super().add(x for x in items if isinstance(x, ArticleRecord))
        rest = [x for x in items if not isinstance(x, ArticleRecord)]
        if not rest:
            return None
        batch_size = options.get("batch_size", DEFAULT_BATCH_SIZE)
        if options.get("nlp") is None and choose_engine("local", len(rest), batch_size) == "pool":
            from chronicle.scale.local import ingest_items_local

            options.pop("nlp", None)
            return ingest_items_local(rest, self, workers=workers, **options)
        return ingest_items(rest, self, **options)

    def load(self, run: str | Path) -> LoadStats:
        """Merge a Parquet run folder (``ingest(engine="ray")`` writes one) into this store;
        a re-load replaces the articles it holds, never duplicates them."""
        from chronicle.scale.load import load_parquet

        return load_parquet(run, self)


WATCH_RETRIES = 3  # rounds running a listed page may fail before watch stops trying it (until its feed lists it again)


@dataclass
class WatchRound:
    """What one round of :meth:`Corpus.watch` did: its ``stats`` and the articles it ``added``
    (or updated): dicts of id, title, published and url."""

    round: int
    started: datetime
    stats: IngestStats
    added: list[dict[str, Any]]

    def summary(self) -> str:
        return f"round {self.round} at {self.started:%Y-%m-%d %H:%M:%S} UTC: {self.stats.summary()}"


def skipped_since(fetcher: Fetcher, before: Mapping[str, int]) -> dict[str, int]:
    """The pages ``fetcher`` skipped since its ``skipped`` counts were ``before``, by reason."""
    return {why: n - before.get(why, 0) for why, n in sorted(fetcher.skipped.items()) if n > before.get(why, 0)}


def parse_interval(value: float | int | str) -> float:
    """Seconds from a number or ``"90s"``, ``"15m"``, ``"2h"``, ``"1d"``."""
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(value).lower())
        if match is None:
            raise ChronicleError(f"{value!r} is not an interval (such as 90s, 15m, 2h or 1d)")
        seconds = float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]
    if seconds < 0:
        raise ChronicleError(f"an interval cannot be negative: {value!r}")
    return seconds


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
