"""WARC archives: each HTML (or plain-text) response record is an article.

Read with ``warcio``. Requests, redirects, errors and non-text responses are
skipped; a page that yields no article is an error item for that record, and
a broken archive is one error item after the records read before it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from chronicle.errors import ArticleError
from chronicle.readers.html import article_from_html
from chronicle.readers.item import Item
from chronicle.readers.text import MAX_CHARS, article_from_text, decode

WARC_SUFFIXES = (".warc", ".warc.gz")
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(path: str | Path, *, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Yield one Item per text response in a WARC file; origins are ``path#RECORD-ID``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    path = Path(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield Item(str(path), error=f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        number = 0
        try:
            for record in ArchiveIterator(handle):
                if record.format != "warc":  # warcio reads junk as ARC records: refuse it
                    raise ValueError(f"not a WARC record (read as {record.format})")
                if record.length is None:
                    raise ValueError(f"record {number + 1} has no Content-Length (truncated?)")
                if record.rec_type != "response":
                    continue
                number += 1
                headers = record.rec_headers
                url = headers.get_header("WARC-Target-URI")
                origin = f"{path}#{headers.get_header('WARC-Record-ID') or number}"
                http = record.http_headers
                if http is not None:
                    status = http.get_statuscode() or ""
                    if not (len(status) == 3 and status.isdigit()):
                        raise ValueError(f"record {number} has a broken HTTP status line")
                    if not status.startswith("2"):
                        continue
                    ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
                    if ctype and ctype not in _TEXT_TYPES:
                        continue
                else:
                    ctype = "text/html"
                data = record.content_stream().read(20 * max_chars + 1)
                if getattr(record.raw_stream, "limit", 0) and len(data) <= 20 * max_chars:
                    raise ValueError(f"record {number} is truncated")
                try:
                    if len(data) > 20 * max_chars:
                        raise ArticleError("response too large")
                    if ctype == "text/plain":
                        article = article_from_text(decode(data), source=url, url=url, max_chars=max_chars)
                    else:
                        article = article_from_html(data, source=url, url=url, max_chars=max_chars)
                except ArticleError as exc:
                    yield Item(origin, error=exc.reason)
                    continue
                yield Item(origin, article)
        except (ArchiveLoadFailed, ValueError, EOFError, OSError, zlib.error) as exc:
            reason = " ".join(str(exc).split())[:300] or type(exc).__name__
            yield Item(f"{path}" if number == 0 else f"{path}@{number + 1}", error=f"malformed WARC: {reason}")
