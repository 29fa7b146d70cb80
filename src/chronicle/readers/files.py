"""Walk paths (files, folders, JSONL, HTML, WARC) into Items: an Article or a reason it failed.

URLs, feed and sitemap files and files of URLs named as inputs are read by
:mod:`chronicle.readers.web` (fetched politely). Each other reader is chosen by the file's name: ``.jsonl``/``.ndjson`` (optionally
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
import errno
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from chronicle.errors import ArticleError
from chronicle.readers.html import HTML_SUFFIXES, looks_like_html, read_html_file
from chronicle.readers.item import Item
from chronicle.readers.jsonl import JSONL_SUFFIXES, read_jsonl
from chronicle.readers.text import MAX_CHARS, parse_published, read_text_file
from chronicle.readers.warc import WARC_SUFFIXES, read_warc
from chronicle.readers.web import Fetcher, is_url, read_source, source_kind


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
    """Files under ``paths``: a file itself, a folder's files recursively (sorted, no hidden ones).

    Nothing is skipped in silence: a folder that cannot be listed, a dangling
    symbolic link, a link that loops back to a folder being walked, and a FIFO,
    socket or device with an article's name are yielded too, and
    :func:`read_path` turns each into an error saying what it is. Nothing here
    opens a file, so a FIFO never blocks the walk.
    """
    for path in paths:
        path = Path(path)
        if _stat(path) is not None and stat.S_ISDIR(_stat(path).st_mode):
            yield from _walk_folder(path, set())
        else:
            yield path


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _walk_folder(folder: Path, above: set[tuple[int, int]]) -> Iterator[Path]:
    info = _stat(folder)
    if info is None:
        yield folder
        return
    key = (info.st_dev, info.st_ino)
    if key in above:  # a link back to a folder being walked
        yield folder
        return
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError:
        yield folder  # read_path says why it cannot be listed
        return
    above = above | {key}
    for name in names:
        if name.startswith("."):
            continue
        child = folder / name
        info = _stat(child)
        if info is None:  # a dangling or looping link (or it went away): an error if it may be an article
            if is_article_file(child) or os.path.islink(child):
                yield child
        elif stat.S_ISDIR(info.st_mode):
            yield from _walk_folder(child, above)
        elif is_article_file(child):
            yield child


def _not_readable(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file without opening it (None when it is a regular file).

    Checking the file's type first means a FIFO named on the command line is
    an error at once instead of a read that waits forever.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "dangling symbolic link (its target does not exist)" if os.path.islink(path) else "no such file or folder"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot read: {exc.strerror or exc}"
    except ValueError as exc:
        return f"cannot read: {exc}"
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        try:
            os.listdir(path)
        except OSError as exc:
            return f"cannot read folder: {exc.strerror or exc}"
        if os.path.islink(path):
            return "symbolic link loop: it points back to a folder being read"
        return "is a folder"
    kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
    return f"not a regular file ({kind})"


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
    problem = _not_readable(path)
    if problem is not None:
        yield Item(str(path), error=problem)
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


def is_web_source(path: str | Path) -> bool:
    """Whether an input names pages to fetch: a URL, a feed or sitemap file, or a file of URLs
    (:mod:`chronicle.readers.web`). Only inputs named themselves count, never files in a folder."""
    if is_url(path):
        return True
    path = Path(path)
    return path.is_file() and source_kind(path) is not None


def read_paths(
    paths: Iterable[str | Path], *, max_chars: int = MAX_CHARS, published: Mapping[str, str] | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Item]:
    """Items from every file under ``paths``, in order; URLs, feeds, sitemaps and files of URLs
    are fetched with ``fetcher`` (one made for the run when None).

    >>> for item in read_paths(["examples/"]):
    ...     print(item.origin, item.article.id if item.ok else item.error)
    """
    own = None
    try:
        for path in paths:
            if is_web_source(path):
                if fetcher is None:
                    fetcher = own = Fetcher()
                yield from read_source(path, fetcher, max_chars=max_chars)
                continue
            for file in walk([path]):
                yield from read_path(file, max_chars=max_chars, published=published)
    finally:
        if own is not None:
            own.close()


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
    paths = list(paths)
    if any(is_web_source(p) for p in paths):
        return None
    for path in walk(paths):
        kind = kind_of(path) if _not_readable(path) is None else "text"
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
