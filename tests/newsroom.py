"""A small news site on 127.0.0.1 for the feed and fetch tests: http.server in a thread.

The pages and feeds are ours (written for these tests). It serves an RSS feed, an Atom
feed, a news sitemap and a sitemap index, article pages (one behind a redirect, one naming
another as canonical, one that redirects to itself), a slow page, a broken one (500), one
that fails once (503) then works, a PDF, a malformed feed, and a robots.txt (``site.robots``,
read on each request) that keeps chronicle out of /private/. The RSS feed answers a
conditional GET by ETag with 304, the Atom feed one by Last-Modified. ``site.hits`` counts requests by path; ``site.agents`` keeps the
user agents seen.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def page(title: str, body: str, canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f"<!doctype html><html><head><title>{title}</title>{link}</head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>Copyright the Harbour Times</footer></body></html>")


ARTICLES = {
    "/news/talks": page(
        "Kenya and Ethiopia resume border talks",
        "Kenya and Ethiopia agreed on Tuesday to revive a joint border commission after two years of silence.\n"
        "Foreign Minister Miriam Otieno said the talks in Nairobi would begin next week.\n"
        "Ethiopia accused Kenya of withholding information about the disputed wells near Moyale.",
    ),
    "/news/port-final": page(
        "Port workers strike in Mombasa",
        "Dock workers in Mombasa went on strike on Monday over unpaid wages.\n"
        "The Kenya Ports Authority said talks with the union would continue on Wednesday.",
    ),
    "/news/talks-amp": page(
        "Kenya and Ethiopia resume border talks (mobile)",
        "Kenya and Ethiopia agreed on Tuesday to revive a joint border commission after two years of silence.\n"
        "Ethiopia accused Kenya of withholding information.",
        canonical="/news/talks",
    ),
    "/news/flaky": page(
        "Uganda opens a new crossing",
        "Uganda opened a new border crossing with Kenya at Busia on Thursday, officials said.",
    ),
    "/private/memo": page("Internal memo", "Nobody outside should read this memo about the newsroom budget."),
}

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Times</title><link>{base}/</link>
<item><title>Kenya and Ethiopia resume border talks</title><link>{base}/news/talks?utm_source=rss</link>
  <pubDate>Tue, 13 Aug 2024 09:30:00 +0300</pubDate><description>Short summary.</description></item>
<item><title>Port workers strike</title><link>{base}/news/port</link><pubDate>Mon, 12 Aug 2024 18:00:00 GMT</pubDate></item>
<item><title>Talks, mobile</title><link>{base}/news/talks-amp</link><pubDate>Tue, 13 Aug 2024 10:00:00 GMT</pubDate></item>
<item><title>Broken</title><link>{base}/news/broken</link><pubDate>Tue, 13 Aug 2024 11:00:00 GMT</pubDate></item>
<item><title>Slow</title><link>{base}/news/slow</link></item>
<item><title>A report</title><link>{base}/files/report.pdf</link></item>
<item><title>Private</title><link>{base}/private/memo</link></item>
<item><title>Gone</title><link>{base}/news/missing</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title>
<entry><title>Uganda opens a new crossing</title><link rel="alternate" href="/news/flaky"/>
  <id>tag:harbour,2024:flaky</id><updated>2024-08-15T08:00:00Z</updated><published>2024-08-14T20:00:00Z</published></entry>
<entry><title>Full text in the feed</title><link href="{base}/news/in-feed"/><updated>2024-08-16T08:00:00Z</updated>
  <content type="html">&lt;p&gt;Tanzania and Kenya signed a trade agreement in Arusha on Friday, the two governments said in a joint statement issued after the meeting of their trade ministers.&lt;/p&gt;&lt;p&gt;The agreement lowers tariffs on maize, rice and cement, and both sides promised to open a second border post at Namanga before the end of the year, officials from both countries told reporters in Arusha.&lt;/p&gt;&lt;p&gt;Opposition lawmakers in Dodoma criticised the deal on Saturday.&lt;/p&gt;</content></entry>
</feed>
"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/news/talks</loc><news:news><news:publication_date>2024-08-13T09:30:00+03:00</news:publication_date>
  <news:title>Kenya and Ethiopia resume border talks</news:title></news:news></url>
<url><loc>{base}/news/port</loc><lastmod>2024-08-12</lastmod></url>
</urlset>
"""

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sitemap.xml</loc></sitemap>
</sitemapindex>
"""


class NewsSite:
    """The server; ``base`` is its address, ``slow`` how long /news/slow takes to answer."""

    def __init__(self, slow: float = 3.0, robots: str = "User-agent: *\nDisallow: /private/\n"):
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.slow = slow
        self.robots = robots
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                site.hits[path] += 1
                site.agents.add(self.headers.get("User-Agent", ""))
                site.answer(self, path)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> NewsSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def send(self, handler, status: int, body: str | bytes, ctype: str = "text/html; charset=utf-8", **headers):
        data = body.encode("utf-8") if isinstance(body, str) else body
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", ctype)
            handler.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                handler.send_header(key.replace("_", "-"), value)
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def answer(self, h, path: str) -> None:
        base = self.base
        if path == "/robots.txt":
            if self.robots == "500":
                return self.send(h, 500, "oops", "text/plain")
            return self.send(h, 200, self.robots, "text/plain")
        if path == "/feed.rss":
            if h.headers.get("If-None-Match") == '"feed-v1"':
                return self.send(h, 304, b"", ETag='"feed-v1"')
            return self.send(h, 200, RSS.format(base=base), "application/rss+xml", ETag='"feed-v1"')
        if path == "/atom.xml":
            if h.headers.get("If-Modified-Since") == "Fri, 16 Aug 2024 08:00:00 GMT":
                return self.send(h, 304, b"", Last_Modified="Fri, 16 Aug 2024 08:00:00 GMT")
            return self.send(h, 200, ATOM.format(base=base), "application/atom+xml",
                             Last_Modified="Fri, 16 Aug 2024 08:00:00 GMT")
        if path == "/sitemap.xml":
            return self.send(h, 200, SITEMAP.format(base=base), "application/xml")
        if path == "/sitemap-index.xml":
            return self.send(h, 200, INDEX.format(base=base), "application/xml")
        if path == "/news/port":  # moved
            h.send_response(301)
            h.send_header("Location", "/news/port-final")
            h.send_header("Content-Length", "0")
            h.end_headers()
            return None
        if path == "/news/loop":  # redirects to itself
            h.send_response(302)
            h.send_header("Location", "/news/loop")
            h.send_header("Content-Length", "0")
            h.end_headers()
            return None
        if path == "/broken.rss":
            return self.send(h, 200, "<rss><channel><item><link>/news/talks</item>", "application/rss+xml")
        if path == "/news/broken":
            return self.send(h, 500, "<h1>Internal error</h1>")
        if path == "/news/slow":
            time.sleep(self.slow)
            return self.send(h, 200, page("Slow", "This page took too long."))
        if path == "/files/report.pdf":
            return self.send(h, 200, b"%PDF-1.4 not really", "application/pdf")
        if path == "/news/flaky" and self.hits[path] == 1:
            return self.send(h, 503, "try again", "text/plain", Retry_After="0")
        if path in ARTICLES:
            return self.send(h, 200, ARTICLES[path], ETag=f'"{path}-v1"')
        return self.send(h, 404, "<h1>Not found</h1>")
