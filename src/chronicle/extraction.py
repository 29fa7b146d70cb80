"""Docs → :class:`~chronicle.records.ArticleRecord`: build a record from a Doc chronicle's components
have filled, and extract records from texts, articles or named files.

``chronicle.extract`` (the function) is :func:`extract` here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from typing import TYPE_CHECKING

from chronicle.errors import ArticleError
from chronicle.readers.text import parse_published, read_named
from chronicle.records import Article, ArticleRecord

if TYPE_CHECKING:  # spaCy loads when a pipeline does, not when a command that reads the store starts
    from spacy.language import Language
    from spacy.tokens import Doc


def _pipeline():
    """:mod:`chronicle.pipeline`, imported on first use: spaCy loads with a pipeline, not with
    every command (``chronicle sql`` starts without it)."""
    from chronicle import pipeline

    return pipeline


# glibc's starting mmap threshold: blocks this large or larger get mappings of their own.
MMAP_THRESHOLD = 128 * 1024


def steady_allocator(threshold: int = MMAP_THRESHOLD) -> bool:
    """Keep the memory of a long extraction flat (a one-process ingest, a pool worker, a Ray actor).

    glibc's malloc raises its mmap threshold each time a large block is freed (up to 32 MiB), so
    after the first batch the arrays spaCy builds for each batch come from the heap, which then
    grows with holes it cannot give back. Measured on a one-process ingest: the heap's used bytes
    stayed at 75 MiB while its free bytes grew 30 -> 46 MiB over 2,560 articles, and so did the
    process (``malloc_trim`` gave nothing back). A fixed threshold (glibc's starting one) keeps
    large blocks in mappings of their own, returned when freed: the heap stayed at 33-36 MiB.
    Returns whether it was set (False off glibc, where it does nothing).
    """
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    m_mmap_threshold = -3  # from malloc.h; setting it also stops the threshold's adjustment
    return bool(mallopt(m_mmap_threshold, threshold))


# Articles one loaded pipeline extracts in a long run before the run loads it again (issue 22).
REFRESH_ARTICLES = 20_000

# Entries a lemmatizer's cache may hold past a batch before it is emptied (issue 22). spaCy's rule
# lemmatizer caches each (word, tag) it lemmatises and knows nothing of memory zones, so a
# pipeline nobody loads again (a caller's, or a run's own between two loads) grew with every new
# word it met; a full cache is about 15 MiB, and emptying it costs a batch a few lookups again.
LEMMA_CACHE_MAX = 50_000


@contextmanager
def batch_zone(nlp: Language) -> Iterator[None]:
    """Extract a batch inside: a spaCy memory zone, so the strings and words the batch added to
    the vocabulary go with it (the records keep their own copies), and afterwards the caches the
    zone does not cover are kept within bounds (:data:`LEMMA_CACHE_MAX`)."""
    zone = getattr(nlp, "memory_zone", None)
    try:
        with zone() if zone is not None else nullcontext():
            yield
    finally:
        for _, pipe in getattr(nlp, "pipeline", ()):
            cache = getattr(pipe, "cache", None)
            if isinstance(cache, dict) and len(cache) > LEMMA_CACHE_MAX:
                cache.clear()


class FreshPipeline:
    """A run's own pipeline, loaded again after every ``every`` articles it extracted, so a long run
    (a one-process ingest, a pool worker, a Ray actor) stays flat in memory.

    A spaCy memory zone frees the strings and words a batch adds, but not their slots in the
    vocabulary's hash maps (preshed): a freed slot is marked deleted, and the map doubles when
    live and deleted slots together fill it, so it grows with every distinct word the run has
    met. Measured on this pipeline's tokenizer: 1,280,000 new words in zones of 64 took the
    process from 139 to 183 MiB (36 bytes a word, still rising); loading the pipeline again
    took it back to 140 MiB each time. A pipeline loaded again is the same model, so the records
    are the same; loading takes a few seconds every ``every`` articles. A pipeline the caller
    gives (``given``) is the caller's: it is used as it is, never loaded again.
    """

    def __init__(self, model: str | None = None, every: int | None = None, given: Language | None = None):
        self.model, self.every = model, max(1, every or REFRESH_ARTICLES)
        self.given = given is not None
        self.loads = 0
        self.articles = 0  # extracted since the last load
        self._nlp: Language | None = given

    @property
    def nlp(self) -> Language:
        if self._nlp is not None and not self.given and self.articles >= self.every:
            self.refresh()
        if self._nlp is None:
            self._nlp = _pipeline().load_pipeline(self.model)
            self.loads += 1
            self.articles = 0
        return self._nlp

    def extracted(self, n: int) -> None:
        """Count ``n`` articles extracted with :attr:`nlp` (outside its memory zone)."""
        self.articles += n

    def refresh(self) -> None:
        """Let go of the pipeline (and the cached one, which a caller holding it keeps), to load anew."""
        import gc

        self._nlp = None
        _pipeline().load_pipeline.cache_clear()
        gc.collect()  # a pipeline's objects refer to each other: free its maps now, not at some later collection


def build_record(doc: Doc, article: Article, nlp: Language | None = None) -> ArticleRecord:
    """Collect what the components left on ``doc`` into one frozen record."""
    warnings = list(article.warnings)
    if article.published is None and not warnings:
        warnings.append("no publication date: relative dates are left unresolved")
    return ArticleRecord(
        article=article,
        actors=tuple(doc._.actors or ()),
        quotes=tuple(doc._.quotes or ()),
        events=tuple(doc._.events or ()),
        dates=tuple(doc._.dates or ()),
        pipeline=_pipeline().pipeline_info(nlp) if nlp is not None else {},
        warnings=tuple(warnings),
        positions=tuple(doc._.positions or ()),
        mediations=tuple(doc._.mediations or ()),
    )


def extract(
    text: str,
    published: str | date | None = None,
    *,
    title: str | None = None,
    id: str = "",
    source: str | None = None,
    url: str | None = None,
    model: str | None = None,
) -> ArticleRecord:
    """Extract actors, quotes, events and dates from one article's text.

    >>> record = extract("Mr. Patel said the talks would go on.", published="2024-08-13")
    >>> [a.name for a in record.actors]
    ['Patel']
    """
    day, warning = parse_published(published)
    article = Article(text=text, id=id, title=title, published=day, source=source, url=url,
                      warnings=(warning,) if warning else ())
    return next(iter(extract_many([article], model=model)))


def extract_many(articles: Iterable[Article], model: str | None = None, batch_size: int = 16) -> Iterator[ArticleRecord]:
    """Extract records from many articles with one loaded pipeline (``nlp.pipe``)."""
    nlp = _pipeline().load_pipeline(model)
    for article, doc in _pipeline().process(nlp, articles, batch_size=batch_size):
        yield build_record(doc, article, nlp)


@dataclass(frozen=True)
class ExtractionFailure:
    """An input that did not become a record: the article (None when it could not be read), a
    one-line reason, and where the input came from (the article's source unless given)."""

    article: Article | None
    reason: str
    origin: str | None = None

    @property
    def where(self) -> str | None:
        return self.origin if self.origin is not None else self.article.source if self.article else None


def extract_safely(
    articles: Iterable[Article], nlp: Language, batch_size: int = 16
) -> Iterator[ArticleRecord | ExtractionFailure]:
    """Like :func:`extract_many`, but one failing article never stops the rest.

    Batches go through ``nlp.pipe``; a batch that raises is run again article
    by article, so only the article at fault becomes an ExtractionFailure.
    """
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from extract_batch(batch, nlp)
            batch = []
    if batch:
        yield from extract_batch(batch, nlp)


def extract_batch(batch: list[Article], nlp: Language) -> list[ArticleRecord | ExtractionFailure]:
    """One result per article, in order: one ``nlp.pipe`` over the batch, or, if that
    raises, article by article so that only the article at fault fails."""
    try:
        return [build_record(doc, article, nlp) for article, doc in _pipeline().process(nlp, batch, batch_size=len(batch))]
    except Exception:  # noqa: BLE001 — isolate the article at fault below
        pass
    results: list[ArticleRecord | ExtractionFailure] = []
    for article in batch:
        try:
            doc = nlp(_pipeline().make_doc(nlp, article))
            results.append(build_record(doc, article, nlp))
        except Exception as exc:  # noqa: BLE001 — recorded against the article, the batch goes on
            message = " ".join(str(exc).split())[:300]  # one bounded line, whatever the exception says
            results.append(ExtractionFailure(article, f"extraction failed: {type(exc).__name__}: {message}"))
    return results


def extract_files(
    names: Sequence[str],
    *,
    published: str | None = None,
    dates: Mapping[str, str] | None = None,
    model: str | None = None,
) -> Iterator[ArticleRecord | ExtractionFailure]:
    """Records of article files (``-``: standard input; JSONL, HTML and WARC files read as ingest reads them), in order; a file that cannot be read or
    extracted is an ExtractionFailure and the rest go on (``chronicle extract``).

    ``dates`` maps file names to publication dates; the others get ``published``.
    The pipeline loads first, so a missing model fails before any file is read;
    failures to read come before the records, as every file is read first.
    """
    import dataclasses

    from chronicle.readers.files import read_paths

    nlp = _pipeline().load_pipeline(model)
    articles: list[Article] = []
    unread: list[ExtractionFailure] = []
    for name in names:
        day = (dates or {}).get(Path(name).name, published)
        if name == "-":
            try:
                articles.append(read_named(name, published=day))
            except ArticleError as exc:
                unread.append(ExtractionFailure(None, exc.reason, origin=name))
            continue
        if Path(name).is_dir():
            unread.append(ExtractionFailure(None, "is a folder; give the files in it (examples/*.txt)", origin=name))
            continue
        # the readers ingest uses: .jsonl, .html, .warc(.gz), text (HTML in a .txt is read as HTML),
        # and URLs, feeds and sitemaps (fetched)
        for item in read_paths([name]):
            if not item.ok:
                unread.append(ExtractionFailure(None, item.error or "unknown error", origin=item.origin))
            elif day and not item.article.published:
                articles.append(dataclasses.replace(item.article, published=day))
            else:
                articles.append(item.article)
    yield from unread
    yield from extract_safely(articles, nlp)
