"""Feeds, sitemaps and URLs: fetch pages politely and read them into Items.

An input here is a URL (``https://...``), an RSS/Atom feed file (``.rss``, ``.atom``, or an
``.xml`` whose root is ``<rss>``, ``<rdf:RDF>`` or ``<feed>``), a sitemap file (``<urlset>`` or
``<sitemapindex>``), or a file of URLs (``.urls``, or a text file whose lines are all URLs).
A URL is fetched and read as what it turns out to be: a feed, a sitemap, an HTML page, or
plain text; anything else is an error item naming its content type.

:class:`Fetcher` is the polite client (httpx): a user agent naming chronicle, robots.txt
obeyed (RFC 9309: a robots.txt that is missing allows all, one that cannot be fetched for a
server error allows nothing; a host's robots.txt is read again once it is ``robots_ttl`` seconds
old, a day unless told, as RFC 9309 asks), a delay between requests to one host, retries with back-off
on timeouts, 429 and 5xx, and conditional GET (``ETag``/``Last-Modified`` kept in a
:class:`FetchCache`, which the store saves between runs). Every failed fetch becomes an error
item with the HTTP status or the reason, so it lands in the store's ``errors`` table. What it
did not fetch is counted in ``Fetcher.skipped`` by reason (:data:`SKIP_REASONS`).

A feed entry's date (``pubDate``, ``dc:date``, Atom ``published``/``updated``) and a news
sitemap's ``publication_date`` are the article's publication date, ahead of what the page's
metadata says; the entry's title likewise. Pages are deduplicated by canonical URL: the
page's ``<link rel="canonical">`` if it has one, else the fetched URL, normalised
(:func:`normalise_url`); a URL met before (in this run, or fetched in an earlier one)
is not fetched again unless ``recheck`` is set, and then conditionally.
"""

from __future__ import annotations

import hashlib
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from chronicle.about import __version__
from chronicle.errors import ArticleError
from chronicle.readers.html import article_from_html, decode_html
from chronicle.readers.item import Item
from chronicle.readers.text import MAX_CHARS, article_from_text, decode

USER_AGENT = f"chronicle/{__version__} (news event extraction; +https://pypi.org/project/chronicle/)"
ROBOTS_AGENT = "chronicle"
FEED_SUFFIXES = (".rss", ".atom")
XML_SUFFIXES = (".xml", ".xml.gz")
URLS_SUFFIXES = (".urls",)
# Query parameters that only say where a click came from: dropped when URLs are compared.
TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign)$", re.I)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_SITEMAP_DEPTH = 3
ROBOTS_TTL = 86_400.0  # RFC 9309 2.4: a cached robots.txt is not used for more than 24 hours
# Why a page (or listing) was not fetched or not read again: the keys of Fetcher.skipped.
SKIP_REASONS = {
    "read before": "a page read in an earlier run (same URL or canonical URL), not asked for again without recheck",
    "unchanged": "a feed, sitemap or page that answered a conditional GET with 304 Not Modified",
    "duplicate": "a page met earlier in this run, under the same URL or another naming the same canonical URL",
}
# An entry whose feed carries this much text (content:encoded, Atom content) is read from the
# feed itself; a shorter one (a summary) is fetched from its link.
FULL_TEXT_CHARS = 400


def is_url(value: object) -> bool:
    return isinstance(value, str) and bool(re.match(r"^https?://", value.strip(), re.I))


def normalise_url(url: str) -> str:
    """A URL as compared for duplicates: lower-case scheme and host, no default port, no
    fragment, no tracking parameters (``utm_*``, ``fbclid``, ...), the rest of the query sorted,
    and ``/`` for an empty path."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not TRACKING_PARAMS.match(k)))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def url_article_id(url: str) -> str:
    """The id of an article read from the web: from its canonical URL, so a story corrected at
    the same address is a new version of one article (see ``article_versions``)."""
    return "u" + hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()[:15]


_CANONICAL = re.compile(r"<link\b[^>]*>", re.I)


def canonical_url(html: str, base: str) -> str | None:
    """The page's ``<link rel="canonical" href>``, made absolute against ``base``; None if it has none."""
    for tag in _CANONICAL.findall(html[:200_000]):
        rel = re.search(r"""\brel\s*=\s*["']?([^"'>]+)""", tag, re.I)
        href = re.search(r"""\bhref\s*=\s*["']([^"']+)["']""", tag, re.I) or re.search(r"\bhref\s*=\s*([^\s>]+)", tag, re.I)
        if rel and href and "canonical" in rel.group(1).lower().split():
            url = urljoin(base, href.group(1).strip())
            return url if is_url(url) else None
    return None


# --- the fetch cache ---------------------------------------------------------------------------


@dataclass
class CacheEntry:
    """What a past fetch of ``url`` left: validators for a conditional GET, its status and canonical URL."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    status: int | None = None
    canonical: str | None = None
    fetched_at: datetime | None = None
    article_id: str | None = None


class FetchCache:
    """Past fetches by normalised URL (and by canonical URL). In memory; the store loads and
    saves its rows (``Store.fetch_cache`` / ``Store.save_fetch_cache``)."""

    def __init__(self, entries: Iterable[CacheEntry] = ()):
        self.entries: dict[str, CacheEntry] = {}
        self.canonicals: set[str] = set()
        self.changed: set[str] = set()
        for entry in entries:
            self.put(entry, changed=False)

    def get(self, url: str) -> CacheEntry | None:
        return self.entries.get(normalise_url(url))

    def put(self, entry: CacheEntry, *, changed: bool = True) -> None:
        key = normalise_url(entry.url)
        self.entries[key] = replace(entry, url=key)
        if entry.canonical and entry.status == 200:
            self.canonicals.add(normalise_url(entry.canonical))
        if changed:
            self.changed.add(key)

    def known(self, url: str) -> bool:
        """Whether ``url`` was read before: fetched with 200 (or 304) or named as a page's canonical URL."""
        key = normalise_url(url)
        entry = self.entries.get(key)
        return (entry is not None and entry.status in (200, 304) and entry.article_id is not None) or key in self.canonicals

    def changed_entries(self) -> list[CacheEntry]:
        return [self.entries[k] for k in sorted(self.changed)]


# --- fetching ----------------------------------------------------------------------------------


@dataclass
class Fetched:
    """One fetch: the body and headers that matter, or why there is none (``error``)."""

    url: str
    final_url: str = ""
    status: int | None = None
    content_type: str = ""
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None
    retry_after: float | None = None  # seconds the server asked to wait (429, 503)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.not_modified


class Fetcher:
    """A polite HTTP client for feeds and pages (see the module).

    ``delay``: seconds between two requests to one host (a robots.txt ``Crawl-delay`` that
    asks for more wins, up to 60 s); ``retries``: further tries after a timeout, a refused
    connection, 429 or 5xx, waiting ``backoff * 2**n`` seconds (or the ``Retry-After`` the
    server gives, up to 60 s); ``timeout``: seconds per request; ``max_bytes``: the largest
    body read; ``robots_ttl``: seconds a host's robots.txt is kept before it is read again.
    ``sleep`` and ``clock`` are there for tests.
    """

    def __init__(
        self,
        cache: FetchCache | None = None,
        *,
        user_agent: str = USER_AGENT,
        delay: float = 1.0,
        retries: int = 2,
        backoff: float = 1.0,
        timeout: float = 20.0,
        max_bytes: int = 20 * MAX_CHARS,
        robots: bool = True,
        robots_ttl: float = ROBOTS_TTL,
        recheck: bool = False,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        import httpx  # imported here: reading files never needs it

        self.cache = cache if cache is not None else FetchCache()
        self.user_agent = user_agent
        self.delay, self.retries, self.backoff = delay, retries, backoff
        self.max_bytes = max_bytes
        self.robots = robots
        self.robots_ttl = robots_ttl
        self.recheck = recheck
        self.sleep, self.clock = sleep, clock
        self.client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
                     "application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"},
            timeout=timeout, follow_redirects=True, max_redirects=5,
        )
        self._next: dict[str, float] = {}  # host -> when the next request may go
        self._crawl_delay: dict[str, float] = {}  # host -> the Crawl-delay its robots.txt asks for
        # origin -> (parser, why nothing may be fetched, when it was read by self.clock)
        self._robots: dict[str, tuple[RobotFileParser | None, str | None, float]] = {}
        self.seen: set[str] = set()  # normalised URLs (and canonical URLs) met in this run
        self.requests = 0
        self.skipped: Counter[str] = Counter()  # pages not fetched (or not read again), by SKIP_REASONS key
        self.failed: list[Entry] = []  # listed pages whose fetch failed (read_entries tries them again)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness --------------------------------------------------------------------------
    def _wait_turn(self, url: str, delay: float | None = None) -> None:
        host = (urlsplit(url).hostname or "").lower()
        now = self.clock()
        ready = self._next.get(host, now)
        if ready > now:
            self.sleep(ready - now)
        self._next[host] = max(ready, now) + (self.delay if delay is None else delay)

    def allowed(self, url: str) -> str | None:
        """None when robots.txt lets chronicle fetch ``url``; else the reason it does not."""
        if not self.robots:
            return None
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or self.clock() - cached[2] >= self.robots_ttl:
            self._robots[origin] = (*self._read_robots(origin), self.clock())
        parser, problem, _ = self._robots[origin]
        if problem is not None:
            return problem
        if parser is not None and not parser.can_fetch(ROBOTS_AGENT, url):
            return "disallowed by robots.txt"
        return None

    def _read_robots(self, origin: str) -> tuple[RobotFileParser | None, str | None]:
        got = self._get(origin + "/robots.txt", {}, retries=1)
        if got.status is not None and 400 <= got.status < 500:
            return None, None  # no robots.txt: everything is allowed
        if got.error is not None or got.status != 200:
            return None, f"robots.txt could not be read ({got.error or f'HTTP {got.status}'}), so nothing is fetched from {origin}"
        parser = RobotFileParser()
        parser.parse(decode(got.body).splitlines())
        crawl = parser.crawl_delay(ROBOTS_AGENT)
        host = (urlsplit(origin).hostname or "").lower()
        if crawl:
            self._crawl_delay[host] = max(self.delay, min(float(crawl), 60.0))
        else:
            self._crawl_delay.pop(host, None)  # a robots.txt read again may no longer ask for one
        return parser, None

    # -- fetching ----------------------------------------------------------------------------
    def fetch(self, url: str, *, conditional: bool = True) -> Fetched:
        """GET ``url`` politely. A 304 answer to a conditional GET comes back with ``not_modified``."""
        if not is_url(url):  # a relative link in a feed file that names no site, say
            return Fetched(url, error="bad URL: not an absolute http(s) URL")
        problem = self.allowed(url)
        if problem is not None:
            return Fetched(url, error=problem)
        headers = {}
        entry = self.cache.get(url) if conditional else None
        if entry is not None and entry.status in (200, 304):
            if entry.etag:
                headers["If-None-Match"] = entry.etag
            if entry.last_modified:
                headers["If-Modified-Since"] = entry.last_modified
        got = self._get(url, headers, retries=self.retries)
        if got.error is None or got.status is not None:
            self.cache.put(CacheEntry(
                url, etag=got.etag or (entry.etag if entry and got.not_modified else None),
                last_modified=got.last_modified or (entry.last_modified if entry and got.not_modified else None),
                status=got.status, canonical=entry.canonical if entry and got.not_modified else None,
                fetched_at=datetime.now(timezone.utc).replace(tzinfo=None),
                article_id=entry.article_id if entry and got.not_modified else None,
            ))
        return got

    def _get(self, url: str, headers: dict[str, str], *, retries: int) -> Fetched:
        import httpx

        host = (urlsplit(url).hostname or "").lower()
        attempt = 0
        while True:
            self._wait_turn(url, self._crawl_delay.get(host))
            self.requests += 1
            wait = None
            try:
                got = self._request(url, headers)
            except httpx.TooManyRedirects:
                return Fetched(url, error="too many redirects")
            except httpx.TimeoutException as exc:
                got = Fetched(url, error=f"timed out ({type(exc).__name__})")
            except httpx.TransportError as exc:
                got = Fetched(url, error=f"cannot connect: {' '.join(str(exc).split()) or type(exc).__name__}")
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                return Fetched(url, error=f"bad URL: {exc}")
            else:
                if got.status not in RETRY_STATUSES:
                    return got
                wait = got.retry_after
            if attempt >= retries:
                return got
            self.sleep(min(wait if wait is not None else self.backoff * 2**attempt, 60.0))
            attempt += 1

    def _request(self, url: str, headers: dict[str, str]) -> Fetched:
        with self.client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            got = Fetched(
                url, final_url=str(response.url), status=status,
                content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
                etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
                retry_after=_retry_after(response.headers.get("retry-after")),
            )
            if status == 304:
                got.not_modified = True
                return got
            if status >= 400:
                got.error = f"HTTP {status} {response.reason_phrase}".strip()
                return got
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                got.error = f"response too large: {int(declared):,} bytes"
                return got
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    got.error = f"response too large: over {self.max_bytes:,} bytes"
                    return got
                chunks.append(chunk)
            got.body = gunzip(b"".join(chunks), self.max_bytes)
            if got.body is None:
                got.body, got.error = b"", f"gzip body too large or broken (over {self.max_bytes:,} bytes unpacked)"
            return got


def gunzip(data: bytes, limit: int) -> bytes | None:
    """``data`` unpacked when it is gzip (a ``sitemap.xml.gz`` served as a file), else as it is;
    None when it unpacks to more than ``limit`` bytes or is broken."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    import zlib

    try:
        unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = unpacker.decompress(data, limit + 1)
    except zlib.error:
        return None
    return None if len(out) > limit or unpacker.unconsumed_tail else out


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


# --- what a document is ------------------------------------------------------------------------


_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")


def xml_root(data: bytes) -> str | None:
    """The local name of an XML document's root element (``rss``, ``feed``, ``urlset``...), lower-case."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    for match in _ROOT.finditer(head):
        before = head[max(0, match.start() - 1):match.start() + 2]
        if before.startswith((b"<!", b"<?")):
            continue
        return match.group(1).decode("ascii", "replace").split(":")[-1].lower()
    return None


def kind_of_document(data: bytes, content_type: str = "") -> str:
    """``feed``, ``sitemap``, ``html``, ``text`` or ``other``: what a fetched (or read) document is."""
    root = xml_root(data)
    if root in ("rss", "rdf", "feed"):
        return "feed"
    if root in ("urlset", "sitemapindex"):
        return "sitemap"
    if root == "html" or content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if content_type in ("text/plain", ""):
        return "urls" if looks_like_url_list(decode(data[:65536])) else "text"
    if content_type.endswith(("xml", "+xml")) and root is not None:
        return "other"
    return "other"


def looks_like_url_list(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and all(is_url(line) and " " not in line for line in lines)


# --- feeds and sitemaps ------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A page a feed, sitemap or URL list points to, with what it says of it."""

    url: str
    title: str | None = None
    published: str | None = None  # as the feed writes it
    html: str | None = None  # the entry's full text, when the feed carries it
    via: str | None = None  # the feed, sitemap or list it came from


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child(element: ET.Element, *names: str) -> ET.Element | None:
    for name in names:
        for child in element:
            if _local(child.tag) == name:
                return child
    return None


def _text(element: ET.Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return " ".join(text.split()) if text else None


def _parse_xml(data: bytes, what: str) -> ET.Element:
    if b"<!ENTITY" in data[:65536]:
        raise ArticleError(f"malformed {what}: entity declarations are not read")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ArticleError(f"malformed {what}: {exc}") from None


def parse_feed(data: bytes, base: str = "") -> list[Entry]:
    """The entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed. Raises ArticleError for a broken one."""
    root = _parse_xml(data, "feed")
    base = base or _feed_base(root)
    entries = []
    for element in root.iter():
        name = _local(element.tag)
        if name not in ("item", "entry"):
            continue
        link = None
        if name == "entry":  # Atom: <link rel="alternate" href>, the first link without rel otherwise
            links = [c for c in element if _local(c.tag) == "link"]
            for c in links:
                if c.get("rel", "alternate") == "alternate" and c.get("href"):
                    link = c.get("href")
                    break
            published = _text(_child(element, "published", "issued")) or _text(_child(element, "updated", "modified"))
            content = _child(element, "content")
            body = "".join(content.itertext()) if content is not None else None
        else:
            link = _text(_child(element, "link"))
            guid = _child(element, "guid")
            if not link and guid is not None and guid.get("isPermaLink", "true").lower() != "false":
                link = _text(guid)
            published = _text(_child(element, "pubdate")) or _text(_child(element, "date"))
            content = _child(element, "encoded")
            body = "".join(content.itertext()) if content is not None else None
        if not link:
            continue
        url = urljoin(base, link.strip()) if base else link.strip()
        entries.append(Entry(url, title=_text(_child(element, "title")), published=published,
                             html=body if body and len(body) >= FULL_TEXT_CHARS else None))
    return entries


def _feed_base(root: ET.Element) -> str:
    """Where a feed read from a file resolves relative links: its ``xml:base``, else the site
    it names (RSS ``<channel><link>``, Atom ``<link rel="alternate">`` or ``rel="self"``)."""
    given = root.get("{http://www.w3.org/XML/1998/namespace}base")
    if given and is_url(given):
        return given
    channel = _child(root, "channel")
    link = _text(_child(channel, "link")) if channel is not None else None
    if link and is_url(link):
        return link
    for child in root:
        if _local(child.tag) == "link" and child.get("rel", "alternate") in ("alternate", "self") and is_url(child.get("href")):
            return child.get("href")
    return ""


def parse_sitemap(data: bytes, base: str = "") -> tuple[list[Entry], list[str]]:
    """A sitemap's pages (with ``lastmod`` or a news sitemap's publication date and title) and,
    for a sitemap index, the sitemaps it lists. Raises ArticleError for a broken one."""
    root = _parse_xml(data, "sitemap")
    pages, children = [], []
    for element in root:
        name = _local(element.tag)
        loc = _text(_child(element, "loc"))
        if not loc:
            continue
        loc = urljoin(base, loc) if base else loc
        if name == "sitemap":
            children.append(loc)
        elif name == "url":
            news = _child(element, "news")
            published = _text(_child(news, "publication_date")) if news is not None else None
            title = _text(_child(news, "title")) if news is not None else None
            pages.append(Entry(loc, title=title, published=published or _text(_child(element, "lastmod"))))
    return pages, children


def parse_url_list(text: str) -> list[Entry]:
    """One URL a line; blank lines and ``#`` comments skipped."""
    return [Entry(line.strip()) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


# --- reading sources into Items -----------------------------------------------------------------


def source_kind(path: Path) -> str | None:
    """``feed``, ``sitemap`` or ``urls`` for a file that lists pages to fetch; None for any other file."""
    name = path.name.lower()
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    if name.endswith(URLS_SUFFIXES):
        return "urls"
    if name.endswith(XML_SUFFIXES):
        try:
            with open(path, "rb") as handle:
                head = gunzip(handle.read(), 20 * MAX_CHARS) or b"" if name.endswith(".gz") else handle.read(4096)
        except OSError:
            return "feed"  # read_source says why it cannot be read
        kind = kind_of_document(head, "application/xml")
        return kind if kind in ("feed", "sitemap") else None
    if not path.suffix or name.endswith((".txt", ".text")):
        try:
            with open(path, "rb") as handle:
                head = handle.read(65536)
        except OSError:
            return None
        return "urls" if b"\x00" not in head and looks_like_url_list(decode(head)) else None
    return None


def read_source(
    source: str | Path, fetcher: Fetcher | None = None, *, max_chars: int = MAX_CHARS,
) -> Iterator[Item]:
    """Items from a URL, a feed or sitemap file, or a file of URLs: one per page read or failed.

    Without a ``fetcher`` one is made for this source (and closed after it).
    """
    if fetcher is None:
        with Fetcher() as own:
            yield from read_source(source, own, max_chars=max_chars)
        return
    if is_url(source):
        yield from _read_url(str(source).strip(), fetcher, max_chars, depth=0)
        return
    path = Path(source)
    try:
        data = gunzip(path.read_bytes(), fetcher.max_bytes)
    except OSError as exc:
        yield Item(str(path), error=f"cannot read: {exc.strerror or exc}")
        return
    if data is None:
        yield Item(str(path), error="broken or too large gzip file")
        return
    kind = source_kind(path) or kind_of_document(data, "application/xml")
    yield from _read_listing(str(path), data, kind, "", fetcher, max_chars, depth=0)


def _read_listing(
    origin: str, data: bytes, kind: str, base: str, fetcher: Fetcher, max_chars: int, depth: int,
) -> Iterator[Item]:
    try:
        if kind == "feed":
            entries, children = parse_feed(data, base), []
        elif kind == "sitemap":
            entries, children = parse_sitemap(data, base)
        else:
            entries, children = parse_url_list(decode(data)), []
    except ArticleError as exc:
        yield Item(origin, error=exc.reason)
        return
    if not entries and not children:
        yield Item(origin, error=f"no entries in {kind if kind != 'urls' else 'URL list'}")
        return
    for child in children:
        if depth >= MAX_SITEMAP_DEPTH:
            yield Item(child, error=f"sitemap index nested deeper than {MAX_SITEMAP_DEPTH}")
        else:
            yield from _read_url(child, fetcher, max_chars, depth=depth + 1, listing_only=True)
    for entry in entries:
        yield from _read_entry(replace(entry, via=origin), fetcher, max_chars)


def _read_url(url: str, fetcher: Fetcher, max_chars: int, depth: int, listing_only: bool = False) -> Iterator[Item]:
    """A URL given as an input (or a sitemap an index lists): always fetched, conditionally."""
    got = fetcher.fetch(url)
    if got.not_modified:
        fetcher.skipped["unchanged"] += 1
        return  # nothing new since the last run
    if got.error is not None:
        yield Item(url, error=got.error)
        return
    kind = kind_of_document(got.body, got.content_type)
    if kind in ("feed", "sitemap") or (kind == "urls" and not listing_only):
        yield from _read_listing(url, got.body, kind, got.final_url or url, fetcher, max_chars, depth)
        return
    if listing_only:
        yield Item(url, error=f"not a sitemap (content type {got.content_type or 'unknown'})")
        return
    yield from _page_item(Entry(url), got, fetcher, max_chars)


def _read_entry(entry: Entry, fetcher: Fetcher, max_chars: int) -> Iterator[Item]:
    """A page a listing points to: read from the feed when it carries the full text, else fetched
    unless it was read before (this run, or an earlier one unless ``fetcher.recheck``)."""
    key = normalise_url(entry.url)
    if key in fetcher.seen:
        fetcher.skipped["duplicate"] += 1
        return
    fetcher.seen.add(key)
    if entry.html is not None:
        try:
            article = _article(entry.html.encode("utf-8"), "text/html", entry, entry.url, max_chars)
        except ArticleError as exc:
            yield Item(entry.url, error=exc.reason)
        else:
            yield Item(entry.url, article)
        return
    if fetcher.cache.known(entry.url) and not fetcher.recheck:
        fetcher.skipped["read before"] += 1
        return
    got = fetcher.fetch(entry.url)
    if got.not_modified:
        fetcher.skipped["unchanged"] += 1
        return
    if got.error is not None:
        fetcher.failed.append(entry)
        yield Item(entry.url, error=got.error)
        return
    yield from _page_item(entry, got, fetcher, max_chars)


def read_entries(entries: Iterable[Entry], fetcher: Fetcher, *, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Items from pages a listing named (``Fetcher.failed`` of an earlier run, say), keeping what
    the listing said of them (date, title); those this fetcher met already are left out."""
    for entry in entries:
        if normalise_url(entry.url) not in fetcher.seen:
            yield from _read_entry(entry, fetcher, max_chars)


def _page_item(entry: Entry, got: Fetched, fetcher: Fetcher, max_chars: int) -> Iterator[Item]:
    final = got.final_url or entry.url
    kind = kind_of_document(got.body, got.content_type)
    if kind in ("feed", "sitemap"):  # a file of feed URLs, or a feed that links a feed: read it as one
        yield from _read_listing(entry.url, got.body, kind, final, fetcher, max_chars, depth=1)
        return
    if kind not in ("html", "text"):
        yield Item(entry.url, error=f"not an article page: content type {got.content_type or 'unknown'}")
        return
    canonical = normalise_url(final)  # without tracking parameters or fragment
    if kind == "html":
        canonical = canonical_url(decode_html(got.body[:400_000]), final) or canonical
    key = normalise_url(canonical)
    cached = fetcher.cache.get(entry.url)
    if key != normalise_url(entry.url) and (key in fetcher.seen or (fetcher.cache.known(canonical) and not fetcher.recheck)):
        if cached is not None:
            fetcher.cache.put(replace(cached, canonical=canonical))
        fetcher.skipped["duplicate" if key in fetcher.seen else "read before"] += 1
        return  # the same story under another address
    fetcher.seen.add(key)
    try:
        article = _article(got.body, kind, entry, canonical, max_chars)
    except ArticleError as exc:
        yield Item(entry.url, error=exc.reason)
        return
    if cached is not None:
        fetcher.cache.put(replace(cached, canonical=canonical, article_id=article.id))
    yield Item(entry.url, article)


def _article(body: bytes, kind: str, entry: Entry, url: str, max_chars: int):
    # the readers below read the feed's date themselves: one they cannot read is a warning on
    # the article, naming it (a page's own date may still stand in for it)
    fields = dict(id=url_article_id(url), title=entry.title, published=entry.published or None,
                  source=entry.via or url, url=url, max_chars=max_chars)
    if kind == "html" or kind == "text/html":
        return article_from_html(body, **fields)
    return article_from_text(decode(body), detect_title=entry.title is None, **fields)
