"""Walk paths (files, folders, JSONL, HTML, WARC) into Items: an Article or a reason it failed.

Each reader is chosen by the file's name: ``.jsonl``/``.ndjson`` (optionally
``.gz``), ``.html``/``.htm``, ``.warc``/``.warc.gz``; anything else is read as
plain text, so a named binary file becomes an error ("binary file, not text")
rather than a silent skip. Folders are walked recursively in sorted order,
taking the files an article can be in (``.txt``, ``.text``, no suffix, and the
kinds above) and skipping hidden files and folders, so a folder's
``published.tsv`` or ``README.md`` is not read as an article.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from chronicle.ingest.text import MAX_CHARS, ArticleError, read_text_file
from chronicle.records import Article


@dataclass(frozen=True)
class Item:
    """One input read: an ``article``, or the ``error`` that kept it from being one.

    ``origin`` says where it came from: a path, ``path:LINE`` for a JSONL
    line, ``path#RECORD-ID`` for a WARC record.
    """

    origin: str
    article: Article | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


def kind_of(path: Path) -> str:
    """Which reader a file needs: ``jsonl``, ``html``, ``warc`` or ``text``."""
    from chronicle.ingest.html import HTML_SUFFIXES
    from chronicle.ingest.jsonl import JSONL_SUFFIXES
    from chronicle.ingest.warc import WARC_SUFFIXES

    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return "text"


TEXT_SUFFIXES = (".txt", ".text")


def is_article_file(path: Path) -> bool:
    """Whether a file found in a folder may hold articles (by its name)."""
    return kind_of(path) != "text" or path.suffix.lower() in TEXT_SUFFIXES or not path.suffix


def walk(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under ``paths``: a file itself, a folder's files recursively (sorted, no hidden ones)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                hidden = any(part.startswith(".") for part in rel.parts)
                if child.is_file() and not hidden and is_article_file(child):
                    yield child
        else:
            yield path


def read_path(
    path: str | Path, *, max_chars: int = MAX_CHARS, published: Mapping[str, str] | None = None
) -> Iterator[Item]:
    """Items from one file, whatever its kind. Never raises for a bad input.

    ``published`` maps file names (or paths) to publication dates, for
    articles whose file or page does not give one.
    """
    path = Path(path)
    if published:
        day = published.get(path.name) or published.get(str(path))
        for item in read_path(path, max_chars=max_chars):
            if day and item.ok and not item.article.published:
                item = Item(item.origin, dataclasses.replace(item.article, published=day))
            yield item
        return
    if not path.exists():
        yield Item(str(path), error="no such file or folder")
        return
    kind = kind_of(path)
    if kind == "jsonl":
        from chronicle.ingest.jsonl import read_jsonl

        yield from read_jsonl(path, max_chars=max_chars)
    elif kind == "warc":
        from chronicle.ingest.warc import read_warc

        yield from read_warc(path, max_chars=max_chars)
    else:
        try:
            if kind == "html":
                from chronicle.ingest.html import read_html_file

                article = read_html_file(path, max_chars=max_chars)
            else:
                article = read_text_file(path, max_chars=max_chars)
                if _sniff_html(article.text):
                    from chronicle.ingest.html import read_html_file

                    article = read_html_file(path, max_chars=max_chars)
        except ArticleError as exc:
            yield Item(str(path), error=str(exc))
        else:
            yield Item(str(path), article)


def read_paths(
    paths: Iterable[str | Path], *, max_chars: int = MAX_CHARS, published: Mapping[str, str] | None = None
) -> Iterator[Item]:
    """Items from every file under ``paths``, in order.

    >>> for item in read_paths(["examples/"]):
    ...     print(item.origin, item.article.id if item.ok else item.error)
    """
    for path in walk(paths):
        yield from read_path(path, max_chars=max_chars, published=published)


def read_dates(path: str | Path) -> dict[str, str]:
    """A publication-date table: TSV of file name and ``YYYY-MM-DD``, an optional header line."""
    from chronicle.ingest.jsonl import _iso_date

    dates = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) >= 2 and (day := _iso_date(row[1].strip())):
                dates[Path(row[0].strip()).name] = day
    return dates


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many items ``read_paths`` will yield, cheaply; None when a WARC makes it unknowable."""
    total = 0
    for path in walk(paths):
        kind = kind_of(path) if path.exists() else "text"
        if kind == "warc":
            return None
        if kind == "jsonl" and not path.name.endswith(".gz"):
            try:
                with open(path, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        elif kind == "jsonl":
            return None
        else:
            total += 1
    return total


def _sniff_html(text: str) -> bool:
    from chronicle.ingest.html import looks_like_html

    return looks_like_html(text)
