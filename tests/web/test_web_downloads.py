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


@pytest.mark.parametrize("page", ["/", "/actors", "/articles", "/quotes", "/timeline", "/map"])
def test_every_table_page_links_a_csv_that_answers(client, page):
    html = client.get(page).text
    links = re.findall(r'<a class="csv" href="([^"]+)"', html)
    assert links, f"{page} has no CSV link"
    for link in links:
        rows(client.get(link.replace("&amp;", "&")))


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
    assert len(links) == 2  # its quotes and its events
    events = rows(client.get(links[1].replace("&amp;", "&")))
    assert {r["article_id"] for r in events} <= {article_id}


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
