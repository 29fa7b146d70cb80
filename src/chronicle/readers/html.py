"""HTML pages: the main text by trafilatura, title and date from the page's metadata.

Falls back gracefully: when trafilatura finds no main text (a short page, an
odd layout) the page's visible text is used; a page with no text at all is an
:class:`~chronicle.errors.ArticleError`.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from chronicle.errors import ArticleError
from chronicle.readers.text import MAX_CHARS, article_from_text, decode, parse_published, read_bytes
from chronicle.records import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def decode_html(data: bytes) -> str:
    """Decode HTML bytes with the charset the page declares, else as :func:`decode` does."""
    match = _CHARSET.search(data[:4096])
    if match and b"\x00" not in data[:4096]:
        try:
            name = codecs.lookup(match.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            name = None
        if name and name not in ("utf-8",):
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                pass
    return decode(data)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head" in head


def article_from_html(
    html: str | bytes,
    *,
    id: str = "",
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Article:
    """Make an Article from an HTML page; given fields win over the page's metadata."""
    import trafilatura  # imported here: loading it takes a moment and plain text does not need it

    if isinstance(html, bytes):
        html = decode_html(html)
    if len(html) > 20 * max_chars:
        raise ArticleError(f"HTML page too large: {len(html):,} characters")
    if not html.strip():
        raise ArticleError("empty HTML page")
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml on badly broken markup
        doc = None
        fallback_reason = f"{type(exc).__name__}: {exc}"
    else:
        fallback_reason = "no main text found"
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        text = _visible_text(html)
    if not text.strip():
        raise ArticleError(f"no article text in HTML page ({fallback_reason})")
    published, warning = parse_published(published)
    if doc is not None:
        title = title or (doc.title or None)
        page_date = doc.date if doc.date and _DATE.match(str(doc.date)) else None
        published = published or page_date
        url = url or (doc.url or None)
    else:
        title = title or _title_tag(html)
    return article_from_text(
        text, id=id, title=title, published=published, source=source, url=url,
        detect_title=False, max_chars=max_chars, warnings=(warning,) if warning else (),
    )


def read_html_file(path: str | Path, *, max_chars: int = MAX_CHARS) -> Article:
    """Read one HTML page from a file. Raises ArticleError at the path, with a one-line reason."""
    try:
        data = read_bytes(Path(path), 20 * max_chars, "HTML page too large")
        return article_from_html(data, source=str(path), max_chars=max_chars)
    except ArticleError as exc:
        raise exc.at(path)


def _visible_text(html: str) -> str:
    """The page's text without scripts and styles: the fallback when trafilatura finds nothing."""
    try:
        import lxml.html

        tree = lxml.html.fromstring(html)
    except Exception:
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//head"):
        bad.drop_tree()
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _title_tag(html: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    return " ".join(match.group(1).split()) or None if match else None
