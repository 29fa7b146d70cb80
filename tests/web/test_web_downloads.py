"""CSV downloads: every table of the web view links one, and it holds the rows the page's filters keep."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import quote

import pytest

from chronicle.web.app import weblink


def rows(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(response.text)))


TABLE_PAGES = ["/", "/actors", "/articles", "/quotes", "/timeline", "/map", "/search?q=Kenya", "/negotiations"]


@pytest.mark.parametrize("page", TABLE_PAGES)
def test_every_table_page_links_a_csv_that_answers(client, page):
    html = client.get(page).text
    links = re.findall(r'<a class="csv" href="([^"]+)"', html)
    assert links, f"{page} has no CSV link"
    assert len(links) >= html.count("<table"), f"{page} has a table without a CSV link"
    for link in links:
        rows(client.get(link.replace("&amp;", "&")))


def test_every_page_with_a_table_is_checked(client):
    """A page added to the web view with a table (or list of records) must be in TABLE_PAGES."""
    from chronicle.web.pages import router

    listed = {p.split("?")[0] for p in TABLE_PAGES}
    per_record = {"/actors/{actor_id}", "/articles/{article_id:path}"}  # test_actor_and_article_pages_link_their_tables
    assert {r.path for r in router.routes} <= listed | per_record


def test_search_downloads_hold_what_the_search_found(client):
    html = client.get("/search", params={"q": "Kenya"}).text
    links = dict((what, link.replace("&amp;", "&")) for link in re.findall(r'<a class="csv" href="([^"]+)"', html)
                 for what in [link.split(".csv")[0].strip("/")])
    assert set(links) == {"actors", "quotes", "articles"}
    found = {what: client.get(f"/api/{what}", params={"q" if what != "actors" else "name": "Kenya"}).json()["total"]
             for what in links}
    for what, link in links.items():
        assert len(rows(client.get(link))) == found[what] > 0, what
    assert f'<span class="n">{found["articles"]}</span>' in html


def test_negotiation_downloads_respect_topic_and_holder(client, demo_db):
    from chronicle.store import Store

    with Store(demo_db, read_only=True) as store:
        keyed = [r for r in store.positions(limit=0) if r.topic_key and r.holder_ids]
        key = max({r.topic_key for r in keyed}, key=lambda k: sum(r.topic_key == k for r in keyed))
        expected = store.count_positions(topic=key)
        topics = len({r.topic_key for r in store.positions(limit=0) if r.topic_key})
    html = client.get("/negotiations", params={"topic": key}).text
    links = [link.replace("&amp;", "&") for link in re.findall(r'<a class="csv" href="([^"]+)"', html)]
    assert [link.split("?")[0] for link in links] == ["/positions.csv", "/mediations.csv"]
    positions = rows(client.get(links[0]))
    assert len(positions) == expected > 0 and all(r["topic_key"] == key or key in r["topic"].lower() for r in positions)
    assert len(rows(client.get("/positions.csv"))) > len(positions)
    mediations = rows(client.get(links[1]))
    assert {m["article_id"] for m in mediations} <= {p["article_id"] for p in positions}
    listed = rows(client.get("/negotiations/topics.csv"))
    assert len(listed) == topics and listed[0]["positions"]


def test_actor_and_article_pages_link_their_tables(client):
    actor_id = client.get("/api/actors", params={"limit": 1}).json()["items"][0]["id"]
    html = client.get(f"/actors/{actor_id}").text
    links = re.findall(r'<a class="csv" href="([^"]+)"', html)
    assert len(links) == 3  # quotes, events as source, events as target
    for link in links:
        rows(client.get(link.replace("&amp;", "&")))
    article_id = client.get("/api/articles", params={"limit": 1}).json()["items"][0]["id"]
    html = client.get(f"/articles/{quote(article_id, safe='')}").text
    links = re.findall(r'<a class="csv" href="([^"]+)"', html)
    assert len(links) == 3  # its quotes, its events and its positions
    events = rows(client.get(links[1].replace("&amp;", "&")))
    assert {r["article_id"] for r in events} <= {article_id}
    positions = rows(client.get(links[2].replace("&amp;", "&")))
    assert {r["article_id"] for r in positions} <= {article_id}


def test_csv_respects_filters_and_holds_every_row(client):
    every = rows(client.get("/events.csv"))
    api = client.get("/api/events", params={"limit": 500}).json()
    assert len(every) == api["total"] > 0
    agree = rows(client.get("/events.csv", params={"type": "AGREE"}))
    assert agree and {r["type"] for r in agree} == {"AGREE"} and len(agree) < len(every)
    page_link = re.search(r'<a class="csv" href="([^"]+)"', client.get("/articles", params={"q": "Kenya", "page": 1}).text)
    kenya = rows(client.get(page_link.group(1).replace("&amp;", "&")))
    assert kenya and len(kenya) == client.get("/api/articles", params={"q": "Kenya"}).json()["total"]
    people = rows(client.get("/actors.csv", params={"kind": "person"}))
    assert people and {r["kind"] for r in people} == {"person"}


def test_bad_filter_is_a_422(client):
    assert client.get("/events.csv", params={"since": "not a date"}).status_code == 422


def test_weblink_only_links_the_web():
    assert weblink("https://news.example/a?b=1") == "https://news.example/a?b=1"
    assert weblink("javascript:alert(1)") is None
    assert weblink("/data/news/a.txt") is None
    assert weblink(None) is None


def test_source_urls_are_links(tmp_path):
    from fastapi.testclient import TestClient

    from chronicle import Corpus
    from chronicle.records import Article, ArticleRecord
    from chronicle.web import create_app

    db = tmp_path / "urls.duckdb"
    with Corpus(db) as corpus:
        corpus.add([
            ArticleRecord(Article("Kenya spoke.", id="web", title="From the web", url="https://news.example/k?id=1",
                                  source="https://news.example/rss.xml")),
            ArticleRecord(Article("Kenya spoke again.", id="bad", title="Odd", url="javascript:alert(1)", source="/data/a.txt")),
        ])
    with TestClient(create_app(db)) as client:
        page = client.get("/articles/web").text
        assert '<a class="url" href="https://news.example/k?id=1" rel="noopener noreferrer nofollow">' in page
        assert '<a class="source" href="https://news.example/rss.xml"' in page
        listing = client.get("/articles").text
        assert 'href="https://news.example/k?id=1"' in listing
        odd = client.get("/articles/bad").text
        assert 'href="javascript' not in odd and "javascript:alert(1)" in odd
