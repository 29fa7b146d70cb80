"""JSONL: one article per line, ``{id?, title?, published?, source?, url?, text | html}``.

A bad line (not JSON, not an object, no text) is an error item for that line;
the lines around it are read as usual. ``.jsonl.gz`` files are read too.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chronicle.errors import ArticleError
from chronicle.readers.html import article_from_html
from chronicle.readers.item import Item
from chronicle.readers.text import MAX_CHARS, article_from_text
from chronicle.records import Article

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
FIELDS = ("id", "title", "published", "source", "url")


def article_from_json(data: Any, *, source: str | None = None, max_chars: int = MAX_CHARS) -> Article:
    """Make an Article from one decoded JSON object. Raises ArticleError."""
    if not isinstance(data, dict):
        raise ArticleError(f"expected a JSON object, got {type(data).__name__}")
    fields = {k: data.get(k) for k in FIELDS}
    for key, value in fields.items():
        if value is not None and not isinstance(value, (str, int)):
            raise ArticleError(f"field {key!r} must be a string, got {type(value).__name__}")
        fields[key] = str(value) if value is not None and str(value).strip() else None
    fields["id"] = fields["id"] or ""
    fields["source"] = fields["source"] or source
    # read in article_from_text: a value it cannot read becomes a warning on the article
    text, html = data.get("text"), data.get("html")
    if isinstance(text, str) and text.strip():
        return article_from_text(text, detect_title=False, max_chars=max_chars, **fields)
    if isinstance(html, str) and html.strip():
        return article_from_html(html, max_chars=max_chars, **fields)
    raise ArticleError("no 'text' or 'html' field with content")


def read_jsonl(path: str | Path, *, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Yield one Item per non-blank line of a JSONL file; origins are ``path:LINE``."""
    path = Path(path)
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                origin = f"{path}:{number}"
                if not raw.strip():
                    continue
                try:
                    if len(raw) > 20 * max_chars:
                        raise ArticleError(f"line too long: {len(raw):,} bytes")
                    try:
                        data = json.loads(raw)
                    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                        raise ArticleError(f"invalid JSON: {exc}") from exc
                    yield Item(origin, article_from_json(data, source=str(path), max_chars=max_chars))
                except ArticleError as exc:
                    yield Item(origin, error=exc.reason)
    except (OSError, EOFError) as exc:
        yield Item(str(path), error=f"cannot read: {getattr(exc, 'strerror', None) or exc}")
