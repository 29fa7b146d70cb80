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
from pathlib import Path

from chronicle.errors import ArticleError
from chronicle.readers.html import HTML_SUFFIXES, looks_like_html, read_html_file
from chronicle.readers.item import Item
from chronicle.readers.jsonl import JSONL_SUFFIXES, read_jsonl
from chronicle.readers.text import MAX_CHARS, parse_published, read_text_file
from chronicle.readers.warc import WARC_SUFFIXES, read_warc


def kind_of(path: Path) -> str:
    """Which reader a file needs: ``jsonl``, ``html``, ``warc`` or ``text``."""
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
        day, warning = parse_published(published.get(path.name) or published.get(str(path)))
        for item in read_path(path, max_chars=max_chars):
            if item.ok and not item.article.published and (day or warning):
                article = item.article
                warnings = article.warnings if warning is None else (*article.warnings, warning)
                item = Item(item.origin, dataclasses.replace(article, published=day, warnings=warnings))
            yield item
        return
    if not path.exists():
        yield Item(str(path), error="no such file or folder")
        return
    kind = kind_of(path)
    if kind == "jsonl":
        yield from read_jsonl(path, max_chars=max_chars)
    elif kind == "warc":
        yield from read_warc(path, max_chars=max_chars)
    else:
        try:
            if kind == "html":
                article = read_html_file(path, max_chars=max_chars)
            else:
                article = read_text_file(path, max_chars=max_chars)
                if looks_like_html(article.text):
                    article = read_html_file(path, max_chars=max_chars)
        except ArticleError as exc:
            yield Item(str(path), error=exc.reason)
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
    """A publication-date table: TSV of file name and date, an optional header line.

    Dates in any format :func:`~chronicle.readers.text.parse_published` reads come back as
    ``YYYY-MM-DD``; one it cannot read is kept as written, so that the article it belongs to
    carries a warning naming it (see :func:`read_path`).
    """
    dates = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t")):
            if len(row) < 2 or not row[1].strip():
                continue
            day, _ = parse_published(row[1])
            if day is None and number == 0 and row[1].strip().lower() in ("published", "date"):
                continue  # the header line
            dates[Path(row[0].strip()).name] = day or row[1].strip()
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
