"""Corpus.ingest over feeds and URLs: articles with the feed's dates, fetch failures in errors,
the fetch cache kept in the store, and ``chronicle ingest`` taking a feed URL."""

from __future__ import annotations

from typer.testing import CliRunner

from chronicle import Corpus
from chronicle.cli import app
from newsroom import NewsSite


def test_ingest_a_feed_url(tmp_path, nlp):
    db = tmp_path / "news.duckdb"
    with NewsSite(slow=1.0) as site:
        with Corpus(db) as corpus:
            with corpus.fetcher(delay=0.0, backoff=0.01, timeout=0.3) as fetcher:
                stats = corpus.ingest([site.base + "/feed.rss"], workers=1, fetcher=fetcher)
            assert stats.added == 2
            rows = corpus.sql("SELECT title, published::VARCHAR AS published, url FROM articles ORDER BY title")
            assert [(r["title"], r["published"]) for r in rows] == [
                ("Kenya and Ethiopia resume border talks", "2024-08-13"), ("Port workers strike", "2024-08-12"),
            ]
            assert rows[0]["url"] == site.base + "/news/talks"
            errors = {r["origin"].split("/", 3)[-1]: r["reason"] for r in corpus.errors()}
            assert errors == {
                "news/broken": "HTTP 500 Internal Server Error",
                "news/missing": "HTTP 404 Not Found",
                "news/slow": "timed out (ReadTimeout)",
                "files/report.pdf": "not an article page: content type application/pdf",
                "private/memo": "disallowed by robots.txt",
            }
            cached = {r["url"].split("/", 3)[-1]: r for r in corpus.fetches()}
            assert cached["feed.rss"]["etag"] == '"feed-v1"' and cached["news/talks"]["article_id"]
        # a second run: the feed answers 304, nothing is fetched again or added
        pages = site.hits["/news/talks"]
        with Corpus(db) as corpus:
            stats = corpus.ingest([site.base + "/feed.rss"], workers=1, delay=0.0)
            assert stats.added == 0 and site.hits["/news/talks"] == pages and site.hits["/feed.rss"] == 2


def test_cli_ingest_takes_urls_and_url_files(tmp_path, nlp):
    db = tmp_path / "news.duckdb"
    with NewsSite(slow=0.1) as site:
        listing = tmp_path / "reading.urls"
        listing.write_text(f"{site.base}/news/talks\n{site.base}/news/broken\n")
        result = CliRunner().invoke(app, ["ingest", str(listing), site.base + "/news/port", "--db", str(db),
                                          "--delay", "0", "-q", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "news/broken: HTTP 500 Internal Server Error" in result.output
    with Corpus(db, read_only=True) as corpus:
        assert corpus.counts()["articles"] == 2


def test_watch_reports_what_each_round_added(tmp_path, nlp):
    from chronicle.corpus import parse_interval

    assert parse_interval("15m") == 900 and parse_interval("90s") == 90 and parse_interval(2) == 2
    waits = []
    with NewsSite(slow=0.1) as site, Corpus(tmp_path / "news.duckdb") as corpus:
        listing = tmp_path / "feeds.urls"
        listing.write_text(f"{site.base}/sitemap.xml\n")
        rounds = corpus.watch([listing], every="15m", rounds=2, nlp=nlp, sleep=waits.append, delay=0.0, backoff=0.01)
        first = next(rounds)
        assert first.round == 1 and first.stats.added == 2
        assert sorted(r["title"] for r in first.added) == ["Kenya and Ethiopia resume border talks", "Port workers strike in Mombasa"]
        listing.write_text(f"{site.base}/sitemap.xml\n{site.base}/news/flaky\n")
        second = next(rounds)
        assert waits == [900.0]
        assert [r["title"] for r in second.added] == ["Uganda opens a new crossing"]  # after one 503, then read
        assert second.stats.pages_skipped == {"read before": 2}  # the sitemap's two pages, read in round 1
        assert "2 not fetched (2 read before)" in second.summary()
        assert list(rounds) == []


def test_watch_reads_robots_each_round(tmp_path, nlp):
    """A site that shuts chronicle out between two rounds is obeyed in the next round."""
    with NewsSite(slow=0.1) as site, Corpus(tmp_path / "news.duckdb") as corpus:
        listing = tmp_path / "feeds.urls"
        listing.write_text(f"{site.base}/news/talks\n")
        rounds = corpus.watch([listing], every=0, rounds=2, nlp=nlp, delay=0.0, backoff=0.01)
        first = next(rounds)
        assert first.stats.added == 1 and first.stats.pages_skipped == {}
        site.robots = "User-agent: *\nDisallow: /news/\n"
        listing.write_text(f"{site.base}/news/talks\n{site.base}/news/port-final\n")
        second = next(rounds)
        assert second.stats.added == 0 and second.stats.errors == 1
        assert second.stats.error_reasons == ["disallowed by robots.txt"]
        assert second.stats.pages_skipped == {"read before": 1}
        assert site.hits["/robots.txt"] == 2 and site.hits["/news/port-final"] == 0
        assert corpus.errors()[0]["reason"] == "disallowed by robots.txt"


def test_cli_watch(tmp_path, nlp):
    with NewsSite(slow=0.1) as site:
        result = CliRunner().invoke(app, ["watch", site.base + "/sitemap.xml", "--every", "0s", "--rounds", "2",
                                          "--db", str(tmp_path / "w.duckdb"), "--delay", "0"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("round 1 at" in line and "2 added" in line for line in lines)
    assert any("round 2 at" in line and "0 added" in line and "2 not fetched (2 read before)" in line for line in lines)
    assert sum(line.startswith("  + 2024-08-1") for line in lines) == 2


def test_feeds_are_not_sent_to_ray(tmp_path):
    import pytest

    from chronicle.errors import CorpusError

    with Corpus(tmp_path / "r.duckdb") as corpus, pytest.raises(CorpusError, match="engine='local'"):
        corpus.ingest(["http://127.0.0.1:9/feed.rss"], engine="ray")


def test_extract_reads_a_url(nlp):
    from chronicle.extraction import extract_files

    with NewsSite() as site:
        [record] = list(extract_files([site.base + "/news/port"]))
    assert record.article.title == "Port workers strike in Mombasa"
    assert record.article.url == site.base + "/news/port-final"


def test_cli_feed_to_plover_and_cameo(tmp_path, nlp):
    """From a feed URL to the field's formats on the command line: PLOVER records lead back to
    the page (its URL) and the words (offsets into the stored text); CAMEO adds root codes."""
    import csv
    import json

    from chronicle.store.plover import CROSSWALK

    db = tmp_path / "news.duckdb"
    with NewsSite(slow=0.1) as site:
        result = CliRunner().invoke(app, ["ingest", site.base + "/feed.rss", "--db", str(db), "--delay", "0",
                                          "-q", "--workers", "1"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["export", str(tmp_path / "out"), "--format", "plover", "--status", "all",
                                      "--db", str(db)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "out" / "events_plover.jsonl").read_text().splitlines()]
    assert records
    with Corpus(db, read_only=True) as corpus:
        texts = {r["id"]: r["text"] for r in corpus.sql("SELECT id, text FROM articles")}
    for record in records:
        assert {"id", "date", "source", "recipient", "event", "text", "text_info", "cite_info", "quad_code"} <= set(record)
        assert record["cite_info"]["url"].startswith(site.base + "/news/")
        text = texts[record["chronicle"]["article_id"]]
        start, end = record["chronicle"]["evidence"]["trigger"]
        assert text[start:end] in record["event_text"]
    result = CliRunner().invoke(app, ["export", str(tmp_path / "out"), "--format", "cameo", "--status", "all",
                                      "--db", str(db)])
    assert result.exit_code == 0, result.output
    roots = {(c.plover, c.cameo_root) for c in CROSSWALK}
    cameo = [json.loads(line) for line in (tmp_path / "out" / "events_cameo.jsonl").read_text().splitlines()]
    assert len(cameo) == len(records) and all((r["event"][0], r["cameo_root"]) in roots for r in cameo)
    with (tmp_path / "out" / "events_cameo.csv").open() as handle:
        assert {row["EventRootCode"] for row in csv.DictReader(handle)} == {r["cameo_root"] for r in cameo}


def test_watch_tries_failed_pages_again_though_the_feed_is_unchanged(tmp_path, nlp):
    with NewsSite(slow=0.1) as site, Corpus(tmp_path / "news.duckdb") as corpus:
        rounds = corpus.watch([site.base + "/feed.rss"], every=0, rounds=4, nlp=nlp, delay=0.0, retries=0)
        first = next(rounds)
        assert sorted(first.stats.error_reasons) == [
            "HTTP 404 Not Found", "HTTP 500 Internal Server Error", "disallowed by robots.txt",
            "not an article page: content type application/pdf"]
        site.robots = "User-agent: *\n"  # the memo may be read now
        second = next(rounds)
        assert site.hits["/feed.rss"] == 2  # answered 304: nothing in it is new
        assert [(r["title"], str(r["published"])) for r in second.added] == [("Private", "None")]  # the feed's title
        assert second.stats.errors == 2 and site.hits["/news/missing"] == 2
        assert site.hits["/files/report.pdf"] == 1  # not an article page: not a failed fetch, not tried again
        third, fourth = next(rounds), next(rounds)
        assert third.stats.errors == 2 and fourth.stats.errors == 0
        assert site.hits["/news/missing"] == 3  # failed three rounds running: left alone until the feed lists it again
