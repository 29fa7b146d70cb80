"""Plain-text articles: bytes → str with graceful fallbacks, an optional title line."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from chronicle.errors import ArticleError
from chronicle.records import Article

# Above this an "article" is not a news article, and spaCy's parser would need
# gigabytes of memory for it: refuse it with a clear error instead.
MAX_CHARS = 1_000_000

_SENTENCE_END = tuple('.!?:;"”’\'')
_QUOTE_MARKS = '"”’\''  # closing quote marks
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else Windows-1252, else Latin-1.

    Binary data (NUL bytes, or many control characters) is refused rather
    than decoded into garbage records.
    """
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        raise ArticleError("binary file, not text")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if len(_CONTROL.findall(text[:8192])) > 0.05 * max(1, min(len(text), 8192)):
        raise ArticleError("binary file, not text")
    return text


def looks_like_title(line: str, rest: str) -> bool:
    """Is the first line a headline? It must be short and have a body after it; then either it
    ends without sentence punctuation (a closing quote mark after a word is no sentence end), or it is set apart by a blank line and written in title
    case ("Ben Carson Defends Himself Against Claims He Exaggerated His Life Story.")."""
    line = line.strip()
    if not line or not rest.strip() or len(line) > 200:
        return False
    if not line.endswith(_SENTENCE_END):
        return True
    # A headline that ends in a quotation ("Trump calls the wall 'a must'") ends in a quote mark,
    # not in sentence punctuation.
    core = line.rstrip(_QUOTE_MARKS)
    if core != line and core and not core.endswith(_SENTENCE_END):
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    return rest.startswith("\n") and len(words) >= 3 and capitalised >= 0.6 * len(words)


def article_from_text(
    raw: str,
    *,
    id: str = "",
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    detect_title: bool = True,
    max_chars: int = MAX_CHARS,
) -> Article:
    """Make an Article from raw text, taking the first line as title when it looks like one."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    if title is None and detect_title:
        first, _, rest = text.lstrip("\n").partition("\n")
        if looks_like_title(first, rest):
            title, text = first.strip(), rest
    text = text.strip("\n")
    if len(text) > max_chars:
        raise ArticleError(f"article too long: {len(text):,} characters (limit {max_chars:,})")
    return Article(text=text, id=id, title=title, published=published, source=source, url=url)


def iso_day(value: str | None) -> str | None:
    """Keep the date part of an ISO date or timestamp (``YYYY-MM-DD``); other strings are dropped."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def read_bytes(path: Path, max_bytes: int, too_large: str) -> bytes:
    """A file's bytes, or an ArticleError: unreadable, or larger than ``max_bytes`` (``too_large`` names it)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(f"{too_large}: {size:,} bytes")
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from exc


def read_text_file(path: str | Path, *, published: str | None = None, max_chars: int = MAX_CHARS) -> Article:
    """Read one plain-text article file. Raises ArticleError at the path, with a one-line reason."""
    path = Path(path)
    try:
        # a character is at most 4 bytes in UTF-8: more bytes than that cannot fit the limit
        data = read_bytes(path, 4 * max_chars, f"article too long (limit {max_chars:,} characters)")
        return article_from_text(decode(data), published=published, source=str(path), max_chars=max_chars)
    except ArticleError as exc:
        raise exc.at(path)


def read_named(name: str, *, published: str | None = None) -> Article:
    """One plain-text article named on a command line: a file, or ``-`` for standard input."""
    if name == "-":
        return article_from_text(decode(sys.stdin.buffer.read()), published=published, source="<stdin>")
    path = Path(name)
    if path.is_dir():
        raise ArticleError("is a folder; give the files in it (examples/*.txt)", where=name)
    if not path.exists():
        raise ArticleError("no such file", where=name)
    return read_text_file(path, published=published)
