"""Ingest: inputs → records (spaCy ``nlp.pipe`` per batch) → the store (one transaction per batch).

The one place where the pipeline and the store meet: it reads inputs, plans
which to extract, extracts them and writes the records. The engines in
:mod:`chronicle.scale` (a process pool, Ray) are built from the same batch
steps (:func:`read_batch`, :func:`plan_batch`, :func:`extract_batch`,
:func:`write_batch`, :func:`count_batch`).

Re-running an ingest is safe: articles already stored (same id, same text)
are skipped before any extraction, so a run killed half-way (even with
``kill -9``) finishes where it stopped, and each article is stored exactly
once. An id that comes again with a changed text is a new version of its
article: it replaces the stored records, and the old text is kept in
``article_versions`` (see :class:`chronicle.store.writer.Writer`).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING


from chronicle.errors import ChronicleError
from chronicle.readers.item import Item
from chronicle.readers.text import MAX_CHARS
from chronicle.readers.web import Fetcher
from chronicle.records import Article, ArticleRecord
from chronicle.store import Store
from chronicle.store.writer import Failure, Stored, Writer, Written, pipeline_version, text_hash

if TYPE_CHECKING:
    from spacy.language import Language

from chronicle.about import DEFAULT_BATCH_SIZE  # noqa: E402,F401 - named here too
# Where an ingest can run: "local" on this machine (this process, or a pool of one per worker), or "ray".
ENGINES = ("local", "ray")


@dataclass
class IngestStats:
    """What an ingest did; ``seconds`` split into reading, extraction and storing."""

    seen: int = 0  # items read (articles and failures)
    added: int = 0
    updated: int = 0
    skipped: int = 0  # already stored (or a duplicate within this run)
    errors: int = 0
    seconds: float = 0.0
    read_seconds: float = 0.0
    extract_seconds: float = 0.0
    store_seconds: float = 0.0
    error_origins: list[str] = field(default_factory=list)
    error_reasons: list[str] = field(default_factory=list)  # one per error_origins entry
    expected: int | None = None  # inputs in all, when known beforehand (for a progress bar)
    # pages a fetcher did not fetch (or read again), by reason (chronicle.readers.web.SKIP_REASONS)
    # None when nothing was fetched
    pages_skipped: dict[str, int] | None = None

    @property
    def articles_per_second(self) -> float:
        return self.seen / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.skipped} already stored, "
            f"{self.errors} errors in {self.seconds:.1f}s ({self.articles_per_second:.1f} articles/s)"
        )
        if self.pages_skipped is not None:
            reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.pages_skipped.items()) if n)
            text += f"; {sum(self.pages_skipped.values())} not fetched" + (f" ({reasons})" if reasons else "")
        return text


def choose_engine(engine: str, expected: int | None, batch_size: int) -> str:
    """Where an ingest runs: ``"ray"``; ``"pool"``, a process per worker, when there may be more
    than one batch of inputs (an unknown count may be more), one worker included; else
    ``"process"``, this one, which spares starting a worker for a single batch.

    One worker runs in the pool too: this process reads and stores, the worker extracts. In one
    process the two shared a heap, and its resident memory crept 0.3 MiB per 1,000 articles over
    40,000 (issue 22); the pool's parent and workers stayed flat over 10,000."""
    if engine not in ENGINES:
        raise ChronicleError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if engine == "ray":
        return "ray"
    if (expected or batch_size + 1) > batch_size:
        return "pool"
    return "process"


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    model: str | None = None,
    update: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int = MAX_CHARS,
    published: Mapping[str, str] | None = None,
    progress: Callable[[IngestStats, int], None] | None = None,
    fetcher: Fetcher | None = None,
) -> IngestStats:
    """Read every file under ``paths`` and store its articles' records in ``store``, in this process.

    ``published`` maps file names to publication dates for files that carry none; ``fetcher``
    fetches the URLs, feeds and sitemaps among ``paths`` (:mod:`chronicle.readers.web`).
    """
    from chronicle.readers.files import read_paths

    return ingest_items(
        read_paths(paths, max_chars=max_chars, published=published, fetcher=fetcher), store,
        model=model, update=update, batch_size=batch_size, progress=progress,
    )


def ingest_items(
    items: Iterable[Item | Article],
    store: Store,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    update: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[IngestStats, int], None] | None = None,
) -> IngestStats:
    """Store records for Items (or bare Articles) in batches; see :func:`ingest`.

    ``nlp``: a pipeline the caller loaded (used as it is, never loaded again); None loads ``model``
    for this call, again every :data:`~chronicle.extraction.REFRESH_ARTICLES` articles.
    ``progress(stats, n)`` is called after each batch with the number of items it held.
    """
    stats = IngestStats()
    writer = Writer(store)  # the store lets go of its file while a batch is extracted (Store.release)
    loaded: dict[str, object] = {}

    def pipeline() -> Language:
        if "nlp" not in loaded:
            from chronicle.extraction import FreshPipeline, steady_allocator
            from chronicle.pipeline import pipeline_info  # spaCy loads here, on first use

            steady_allocator()  # a long run in this process stays flat in memory
            # a pipeline the run loads itself is loaded again every REFRESH_ARTICLES; one the caller gave is the caller's
            loaded["nlp"] = fresh = FreshPipeline(model, given=nlp)
            loaded["version"] = pipeline_version(pipeline_info(fresh.nlp))
        return loaded["nlp"].nlp  # type: ignore[attr-defined]

    started = time.perf_counter()
    stream = iter(as_item(x) for x in items)
    while (step := read_batch(stream, batch_size, writer, stats)) is not None:
        batch, failures, stored = step
        release(store)
        # Within the batch only: each batch is stored before the next is read, so the store
        # (``stored``) knows the earlier ones, and memory does not grow with the run.
        seen_ids: dict[str, set[str]] = {}
        if update and stored:
            pipeline()
        todo, replace = plan_batch(batch, stored, seen_ids, stats, update, loaded.get("version"))
        records: list[tuple[ArticleRecord, str | None]] = []
        if todo:
            t0 = time.perf_counter()
            records, bad = extract_batch_in_zone(pipeline(), todo)
            loaded["nlp"].extracted(len(todo))  # type: ignore[attr-defined]
            failures.extend(bad)
            stats.extract_seconds += time.perf_counter() - t0
        t0 = time.perf_counter()
        written = write_batch(writer, records, failures, replace)  # may add store failures
        stats.store_seconds += time.perf_counter() - t0
        release(store)
        count_batch(stats, batch, written, replace, failures)
        stats.seconds = time.perf_counter() - started
        if progress is not None:
            progress(stats, len(batch))
    # joins the whole run shows, and those of an earlier run killed before its end (identity.reconcile_run)
    writer.finish()
    release(store)
    stats.seconds = time.perf_counter() - started
    return stats


def extract_batch(nlp: Language, items: list[Item]) -> tuple[list[tuple[ArticleRecord, str | None]], list[Failure]]:
    """Records (with their input's origin) and failures for a batch of readable items.

    :func:`chronicle.extraction.extract_batch` does the work: one ``nlp.pipe``,
    or article by article when that raises, so only the article at fault fails.
    """
    from chronicle.extraction import ExtractionFailure
    from chronicle.extraction import extract_batch as extract_articles

    records: list[tuple[ArticleRecord, str | None]] = []
    failures: list[Failure] = []
    for item, result in zip(items, extract_articles([i.article for i in items], nlp)):
        if isinstance(result, ExtractionFailure):
            failures.append(Failure(item.origin, result.reason, "extract", item.article.id))
        else:
            records.append((result, item.origin))
    return records, failures


def extract_batch_in_zone(nlp: Language, items: list[Item]) -> tuple[list[tuple[ArticleRecord, str | None]], list[Failure]]:
    """:func:`extract_batch` in a spaCy memory zone: the strings the batch added to the vocabulary
    go with it, so a long ingest in one process stays flat in memory (the records keep their own
    copies). Without the zone, a one-worker ingest grew by about 0.5 GiB over a large corpus."""
    from chronicle.extraction import batch_zone

    with batch_zone(nlp):
        return extract_batch(nlp, items)


def write_batch(
    writer: Writer,
    records: list[tuple[ArticleRecord, str | None]],
    failures: list[Failure],
    replace: list[str],
) -> Written:
    """Write a batch in one transaction; if that fails, record by record. Returns what was written."""
    try:
        return writer.write(records, failures, replace)
    except Exception:
        if not records:
            raise
    result = Written([], set(), [])
    for pair in records:
        record = pair[0]
        try:
            one = writer.write([pair], [], [record.article.id] if record.article.id in replace else [])
        except Exception as exc:
            reason = f"could not store: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
            failures.append(Failure(pair[1] or record.article.id, reason, "store", record.article.id))
        else:
            result.records += one.records
            result.replaced |= one.replaced
            result.unchanged += one.unchanged
    writer.write([], failures, [])
    return result


def release(store: Store) -> None:
    """Let go of the store's file between batches, so ``chronicle serve`` can read it meanwhile
    (DuckDB allows one writing process, or readers, at a time); the next batch opens it again."""
    if hasattr(store, "release"):
        store.release()


def as_item(x: Item | Article) -> Item:
    """An input as an Item, its origin the article's source (or id); an empty article is an error."""
    if isinstance(x, Item):
        return x
    if not x.text.strip():
        return Item(x.source or x.id or "<article>", error="empty article: no text")
    return Item(x.source or x.id, x)


def read_batch(
    stream: Iterable[Item], batch_size: int, writer: Writer, stats: IngestStats,
) -> tuple[list[Item], list[Failure], dict[str, Stored]] | None:
    """The next ``batch_size`` items of ``stream``, their read failures and what the store holds
    for those already stored (timed into ``stats``); None when the stream is done."""
    t0 = time.perf_counter()
    batch = list(itertools.islice(stream, batch_size))
    stats.read_seconds += time.perf_counter() - t0
    if not batch:
        return None
    failures = [Failure(i.origin, i.error or "unknown error") for i in batch if not i.ok]
    t0 = time.perf_counter()
    stored = writer.stored(i.article.id for i in batch if i.ok)
    stats.store_seconds += time.perf_counter() - t0
    return batch, failures, stored


def plan_batch(
    batch: list[Item], stored: Mapping[str, Stored], seen: dict[str, set[str]], stats: IngestStats,
    update: bool = False, version: str | None = None,
) -> tuple[list[Item], list[str]]:
    """Which readable items of a batch to extract, and which stored articles they replace.

    New articles are extracted, and so is an id that comes with a text the store
    has not had for it (a new version; the writer archives the old text). With
    ``update``, so are stored ones whose pipeline version differs from ``version``
    (they replace the stored rows). An article seen earlier in this run with the
    same text, or stored with it, is counted as skipped.
    """
    todo: list[Item] = []
    replace: list[str] = []
    for item in batch:
        if not item.ok:
            continue
        aid = item.article.id
        h = text_hash(item.article.text)
        if h in seen.get(aid, ()):
            stats.skipped += 1
            continue
        seen.setdefault(aid, set()).add(h)
        held = stored.get(aid)
        if held is None or h not in held.known:
            todo.append(item)
        elif h == held.text_hash and update and held.pipeline_version != version:
            todo.append(item)
            replace.append(aid)
        else:
            stats.skipped += 1
    return todo, replace


def count_batch(
    stats: IngestStats, batch: list[Item], written: Written, replace: list[str], failures: list[Failure],
) -> None:
    """Add a written batch to the counts: added, updated (re-extracted or a new version), errors, seen."""
    done = {r.article.id for r, _ in written.records}
    updated = len(written.replaced & done)
    stats.updated += updated
    stats.added += len(done) - updated
    stats.skipped += len(written.unchanged)
    stats.errors += len(failures)
    stats.error_origins.extend(f.origin for f in failures)
    stats.error_reasons.extend(f.reason for f in failures)
    stats.seen += len(batch)
