"""Feeds, sitemaps and URLs: parsed, fetched politely from a local site, deduplicated, failures kept."""

from __future__ import annotations

import time

import pytest

from chronicle.readers import read_paths
from chronicle.readers.web import (
    FetchCache, Fetcher, canonical_url, kind_of_document, normalise_url, parse_feed, parse_sitemap, read_source,
    source_kind, url_article_id,
)
from newsroom import ATOM, RSS, SITEMAP, NewsSite


@pytest.fixture
def site():
    with NewsSite(slow=2.0) as s:
        yield s


def fetcher(**options) -> Fetcher:
    options = {"delay": 0.0, "backoff": 0.01, "timeout": 0.5, **options}
    return Fetcher(**options)


def by_origin(items):
    return {i.origin.split("127.0.0.1:")[-1].split("/", 1)[-1]: i for i in items}


def test_parse_rss_keeps_dates_titles_and_links():
    entries = parse_feed(RSS.format(base="http://x.test").encode())
    assert entries[0].url == "http://x.test/news/talks?utm_source=rss"
    assert entries[0].title == "Kenya and Ethiopia resume border talks"
    assert entries[0].published == "Tue, 13 Aug 2024 09:30:00 +0300"
    assert entries[0].html is None  # a summary is not the article
    assert len(entries) == 8


def test_parse_atom_resolves_relative_links_and_reads_full_content():
    entries = parse_feed(ATOM.format(base="http://x.test").encode(), base="http://x.test/atom.xml")
    assert entries[0].url == "http://x.test/news/flaky"
    assert entries[0].published == "2024-08-14T20:00:00Z"  # published wins over updated
    assert entries[1].html and "Arusha" in entries[1].html


def test_parse_sitemap_reads_news_dates():
    pages, children = parse_sitemap(SITEMAP.format(base="http://x.test").encode())
    assert [p.url for p in pages] == ["http://x.test/news/talks", "http://x.test/news/port"]
    assert pages[0].published.startswith("2024-08-13") and pages[1].published == "2024-08-12"
    assert children == []


def test_broken_xml_is_one_error(tmp_path):
    feed = tmp_path / "bad.rss"
    feed.write_text("<rss><channel><item><link>http://x.test/a</item></rss>")
    items = list(read_source(feed, fetcher()))
    assert len(items) == 1 and items[0].error.startswith("malformed feed")


def test_entity_declarations_are_refused():
    from chronicle.errors import ArticleError

    with pytest.raises(ArticleError, match="entity"):
        parse_feed(b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss>&a;</rss>')


def test_normalised_urls_and_canonical_links():
    assert normalise_url("HTTP://Example.COM:80/a?b=2&utm_source=x&a=1#top") == "http://example.com/a?a=1&b=2"
    assert normalise_url("https://example.com") == "https://example.com/"
    assert canonical_url('<head><link href="/x" rel="canonical"></head>', "http://e.test/y/z") == "http://e.test/x"
    assert url_article_id("http://e.test/a?utm_medium=rss") == url_article_id("http://e.test/a")


def test_kinds_of_documents_and_files(tmp_path):
    assert kind_of_document(b"<?xml version='1.0'?>\n<rss>", "text/xml") == "feed"
    assert kind_of_document(b"<urlset>", "") == "sitemap"
    assert kind_of_document(b"%PDF", "application/pdf") == "other"
    assert kind_of_document(b"http://a.test/1\nhttp://a.test/2\n", "text/plain") == "urls"
    urls = tmp_path / "list.txt"
    urls.write_text("# to read\nhttp://a.test/1\n\nhttps://a.test/2\n")
    article = tmp_path / "article.txt"
    article.write_text("Kenya said on Monday it would reopen the border.")
    assert source_kind(urls) == "urls" and source_kind(article) is None


def test_feed_url_read_politely(site):
    with fetcher() as f:
        items = by_origin(read_source(site.base + "/feed.rss", f))
    talks = items["news/talks?utm_source=rss"]
    assert talks.ok and talks.article.published == "2024-08-13"  # the feed's date, not the page's
    assert talks.article.url == site.base + "/news/talks"
    assert talks.article.title == "Kenya and Ethiopia resume border talks"
    assert talks.article.id == url_article_id(site.base + "/news/talks")
    port = items["news/port"]  # behind a 301
    assert port.ok and port.article.url == site.base + "/news/port-final" and port.article.published == "2024-08-12"
    assert "news/talks-amp" not in items  # names /news/talks as canonical: a duplicate
    assert items["news/broken"].error == "HTTP 500 Internal Server Error"
    assert items["news/missing"].error == "HTTP 404 Not Found"
    assert items["news/slow"].error.startswith("timed out")
    assert items["files/report.pdf"].error == "not an article page: content type application/pdf"
    assert items["private/memo"].error == "disallowed by robots.txt"
    assert site.hits["/private/memo"] == 0
    assert site.hits["/news/broken"] == 3  # tried again twice (5xx), then given up
    assert site.hits["/news/missing"] == 1  # a 404 is not tried again
    assert site.hits["/robots.txt"] == 1
    assert all(a.startswith("chronicle/") for a in site.agents)


def test_conditional_get_and_no_refetch_of_read_pages(site):
    cache = FetchCache()
    with fetcher(cache=cache) as f:
        first = [i for i in read_source(site.base + "/feed.rss", f) if i.ok]
    assert len(first) == 2
    talks_hits = site.hits["/news/talks"]
    with fetcher(cache=cache) as f:
        again = list(read_source(site.base + "/feed.rss", f))
    assert again == []  # 304 for the feed: nothing new
    assert site.hits["/feed.rss"] == 2 and site.hits["/news/talks"] == talks_hits
    entry = cache.get(site.base + "/feed.rss")
    assert entry.etag == '"feed-v1"' and entry.status == 304


def test_retry_after_a_503_and_atom_full_text(site):
    with fetcher() as f:
        items = by_origin(read_source(site.base + "/atom.xml", f))
    flaky = items["news/flaky"]
    assert flaky.ok and flaky.article.published == "2024-08-14"
    assert site.hits["/news/flaky"] == 2
    in_feed = items["news/in-feed"]
    assert in_feed.ok and "Arusha" in in_feed.article.text and site.hits["/news/in-feed"] == 0
    assert in_feed.article.published == "2024-08-16"


def test_sitemap_index_and_url_list(site, tmp_path):
    with fetcher() as f:
        items = [i for i in read_source(site.base + "/sitemap-index.xml", f)]
    assert sorted(i.article.title for i in items if i.ok) == ["Kenya and Ethiopia resume border talks", "Port workers strike in Mombasa"]
    listing = tmp_path / "reading.urls"
    listing.write_text(f"{site.base}/news/talks\n{site.base}/news/talks#comments\n{site.base}/news/broken\n")
    items = list(read_paths([listing], fetcher=fetcher()))
    assert [i.ok for i in items] == [True, False]  # the fragment is the same page


def test_rate_limit_per_host(site):
    with fetcher(delay=0.25) as f:
        started = time.monotonic()
        for path in ("/news/talks", "/news/port-final", "/news/flaky"):
            f.fetch(site.base + path)
        elapsed = time.monotonic() - started
    assert elapsed >= 0.75  # robots.txt and three pages, a quarter second apart


def test_robots_unreachable_means_nothing_is_fetched():
    with NewsSite(robots="500") as down, fetcher() as f:
        items = list(read_source(down.base + "/news/talks", f))
    assert items[0].error.startswith("robots.txt could not be read (HTTP 500")
    assert down.hits["/news/talks"] == 0


def test_connection_refused_is_an_error():
    with fetcher(retries=0) as f:
        items = list(read_source("http://127.0.0.1:9/news", f))
    assert len(items) == 1 and items[0].error.startswith(("cannot connect", "robots.txt could not be read"))


def test_gzipped_sitemap_file(site, tmp_path):
    import gzip

    sitemap = tmp_path / "sitemap.xml.gz"
    sitemap.write_bytes(gzip.compress(SITEMAP.format(base=site.base).encode()))
    assert source_kind(sitemap) == "sitemap"
    items = list(read_paths([sitemap], fetcher=fetcher()))
    assert [i.article.published for i in items] == ["2024-08-13", "2024-08-12"]


def test_crawl_delay_from_robots_is_kept():
    with NewsSite(robots="User-agent: *\nCrawl-delay: 1\n") as slow_site, fetcher(delay=0.0) as f:
        started = time.monotonic()
        f.fetch(slow_site.base + "/news/talks")
        f.fetch(slow_site.base + "/news/port-final")
        assert time.monotonic() - started >= 1.0  # robotparser reads whole seconds


def test_skipped_pages_are_counted_by_reason(site, tmp_path):
    cache = FetchCache()
    listing = tmp_path / "reading.urls"
    listing.write_text(f"{site.base}/news/talks\n{site.base}/news/talks#comments\n")
    with fetcher(cache=cache) as f:
        assert [i.ok for i in read_paths([listing], fetcher=f)] == [True]
    assert dict(f.skipped) == {"duplicate": 1}  # the fragment is the same page
    listing.write_text(f"{site.base}/news/talks\n{site.base}/news/talks-amp\n")
    with fetcher(cache=cache) as f:
        assert list(read_paths([listing], fetcher=f)) == []
    assert dict(f.skipped) == {"read before": 1, "duplicate": 1}  # talks-amp, fetched, names talks as canonical
    assert site.hits["/news/talks"] == 1
    with fetcher(cache=cache) as f:
        assert len([i for i in read_source(site.base + "/feed.rss", f) if i.ok]) == 1  # port; talks read before
        assert list(read_source(site.base + "/feed.rss", f)) == []
    assert f.skipped["unchanged"] == 1  # the feed's 304


def test_robots_is_read_again_when_it_expires(site):
    now = [0.0]
    with fetcher(robots_ttl=60.0, clock=lambda: now[0], sleep=lambda s: None) as f:
        assert f.fetch(site.base + "/news/talks").ok
        site.robots = "User-agent: *\nDisallow: /news/\n"
        now[0] = 59.0
        assert f.fetch(site.base + "/news/port-final").ok  # the robots.txt read a minute ago still holds
        now[0] = 61.0
        assert f.fetch(site.base + "/news/port-final").error == "disallowed by robots.txt"
    assert site.hits["/robots.txt"] == 2 and site.hits["/news/port-final"] == 1
    assert Fetcher.__init__.__kwdefaults__["robots_ttl"] == 86_400.0  # RFC 9309: at most a day


def test_back_off_doubles_between_tries(site):
    waits = []
    with fetcher(backoff=1.0, retries=2, sleep=waits.append) as f:
        got = f.fetch(site.base + "/news/broken")
    assert got.error == "HTTP 500 Internal Server Error" and site.hits["/news/broken"] == 3
    assert [w for w in waits if w >= 0.5] == [1.0, 2.0]  # backoff * 2**n; the delay between requests is 0


def test_rate_limit_is_per_host(site):
    waits = []
    other = site.base.replace("127.0.0.1", "localhost")
    with fetcher(delay=5.0, sleep=waits.append) as f:
        assert f.fetch(site.base + "/news/talks").ok  # robots.txt, then the page waits its turn
        assert f.fetch(other + "/news/talks").ok  # another host: its own turns
        assert f.fetch(site.base + "/news/port-final").ok  # this host's third request
    assert [round(w) for w in waits] == [5, 5, 10]


def test_conditional_get_by_last_modified(site):
    cache = FetchCache()
    with fetcher(cache=cache) as f:
        assert len([i for i in read_source(site.base + "/atom.xml", f) if i.ok]) == 2
    with fetcher(cache=cache) as f:
        assert list(read_source(site.base + "/atom.xml", f)) == []
    assert f.skipped == {"unchanged": 1} and site.hits["/atom.xml"] == 2
    assert cache.get(site.base + "/atom.xml").last_modified == "Fri, 16 Aug 2024 08:00:00 GMT"


def test_redirect_loop_and_malformed_feed_url_are_errors(site):
    with fetcher() as f:
        [loop] = read_source(site.base + "/news/loop", f)
        [broken] = read_source(site.base + "/broken.rss", f)
    assert loop.error == "too many redirects"
    assert broken.error.startswith("malformed feed")


@pytest.mark.parametrize("name", ["harbour.rss", "harbour.atom", "harbour.xml"])
def test_feed_files_are_read(site, tmp_path, name):
    feed = tmp_path / name  # the Atom feed's relative links resolve against the site it names
    atom = ATOM.replace("<title>Harbour Times</title>", '<title>Harbour Times</title><link rel="alternate" href="{base}/"/>')
    feed.write_text((atom if name != "harbour.rss" else RSS).format(base=site.base))
    assert source_kind(feed) == "feed"
    with fetcher() as f:
        items = by_origin(read_paths([feed], fetcher=f))
    ok = {k for k, i in items.items() if i.ok}
    assert ok == ({"news/talks?utm_source=rss", "news/port"} if name == "harbour.rss" else {"news/flaky", "news/in-feed"})
    assert all(i.article.source == str(feed) for i in items.values() if i.ok)


def test_relative_links_in_a_feed_file_without_a_base_are_errors(site, tmp_path):
    feed = tmp_path / "bare.atom"
    feed.write_text(ATOM.format(base=site.base))  # /news/flaky, and no link to the site
    with fetcher() as f:
        items = list(read_paths([feed], fetcher=f))
    assert [i.ok for i in items] == [False, True] and items[0].error.startswith("bad URL")
