"""The REST API and the pages over the demo store: shapes, pagination, same records as the
Python API, validation (422, never 500), injection attempts, escaping, read-only."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from urllib.parse import quote

import pytest

from chronicle.records import EVENT_TYPES
from chronicle import Corpus
from chronicle.store import ActorRow, EventRow, QuoteRow

LISTS = ["/api/articles", "/api/actors", "/api/quotes", "/api/events", "/api/timeline"]
PAGES = ["/", "/timeline", "/actors", "/quotes", "/articles", "/search", "/search?q=minister"]


@pytest.fixture(scope="module")
def corpus(demo_db):
    with Corpus(demo_db, read_only=True) as c:
        yield c


def jsonish(value):
    return json.loads(json.dumps(value, default=str))


def project(items, cls):
    names = [f.name for f in fields(cls)]
    return [{n: i[n] for n in names} for i in items]


# -- shapes and pagination -------------------------------------------------------

@pytest.mark.parametrize("path", LISTS)
def test_list_endpoints_are_paginated(client, path):
    full = client.get(path, params={"limit": 500}).json()
    assert set(full) == {"total", "limit", "offset", "items"}
    assert full["total"] == len(full["items"]) > 0
    first = client.get(path, params={"limit": 3}).json()
    second = client.get(path, params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] == full["total"]
    assert (first["limit"], first["offset"], second["offset"]) == (3, 0, 3)
    assert first["items"] + second["items"] == full["items"][:6]
    beyond = client.get(path, params={"offset": full["total"]}).json()
    assert beyond["items"] == [] and beyond["total"] == full["total"]


def test_quotes_are_the_python_apis_records(client, corpus):
    api = client.get("/api/quotes", params={"limit": 500}).json()["items"]
    assert project(api, QuoteRow) == jsonish([asdict(r) for r in corpus.quotes()])
    speaker = api[0]["speakers"][0]["name"]
    by = client.get("/api/quotes", params={"speaker": speaker, "limit": 500}).json()["items"]
    assert project(by, QuoteRow) == jsonish([asdict(r) for r in corpus.quotes(speaker)])


def test_events_are_the_python_apis_records(client, corpus):
    api = client.get("/api/events", params={"limit": 500}).json()["items"]
    assert project(api, EventRow) == jsonish([asdict(r) for r in corpus.events()])
    kind = api[0]["type"]
    typed = client.get("/api/events", params={"type": kind.lower(), "limit": 500}).json()["items"]
    assert typed and {e["type"] for e in typed} == {kind}
    assert project(typed, EventRow) == jsonish([asdict(r) for r in corpus.events(type=kind)])
    actor_id = next(e["source_ids"][0] for e in api if e["source_ids"])
    mine = client.get("/api/events", params={"actor": actor_id, "limit": 500}).json()["items"]
    assert mine and all(actor_id in e["source_ids"] + e["target_ids"] for e in mine)
    assert project(mine, EventRow) == jsonish([asdict(r) for r in corpus.events(actor_id)])


def test_actors_are_the_python_apis_records(client, corpus):
    api = client.get("/api/actors", params={"limit": 500}).json()["items"]
    python = jsonish([asdict(r) for r in corpus.actors(top=None)])
    assert sorted(project(api, ActorRow), key=lambda a: a["id"]) == sorted(python, key=lambda a: a["id"])
    persons = client.get("/api/actors", params={"kind": "person", "limit": 500}).json()["items"]
    assert persons and {a["kind"] for a in persons} == {"person"}


def test_article_is_the_stored_record(client, corpus):
    for item in client.get("/api/articles").json()["items"]:
        data = client.get(f"/api/articles/{quote(item['id'], safe='')}").json()
        links = data.pop("actor_ids")
        assert data == jsonish(corpus.record(item["id"]).to_dict())
        assert set(links) == {a["id"] for a in data["actors"]}
        for q in data["quotes"]:  # every record points at its evidence in the text
            assert data["article"]["text"][q["content"]["start"]:q["content"]["end"]] == q["content"]["text"]


def test_actor_detail(client):
    busiest = client.get("/api/actors", params={"limit": 1}).json()["items"][0]
    data = client.get(f"/api/actors/{busiest['id']}").json()
    assert data["actor"] == busiest
    for key in ("roles", "aliases", "articles", "talks_about", "talked_about_by"):
        assert isinstance(data[key], list)
    for key in ("quotes", "as_source", "as_target"):
        assert set(data[key]) == {"total", "limit", "offset", "items"}
    assert data["network"]["nodes"][0]["id"] == busiest["id"]
    assert len(data["articles"]) == busiest["articles"]


def test_timeline_filters(client):
    everything = client.get("/api/timeline", params={"limit": 500}).json()
    quotes = client.get("/api/timeline", params={"kind": "quotes", "limit": 500}).json()
    events = client.get("/api/timeline", params={"kind": "events", "limit": 500}).json()
    assert everything["total"] == quotes["total"] + events["total"]
    assert {i["what"] for i in quotes["items"]} == {"quote"}
    days = [i["date"] for i in everything["items"] if i["date"]]
    assert days == sorted(days)
    newest = client.get("/api/timeline", params={"order": "desc", "limit": 5}).json()["items"]
    assert newest[0]["date"] == max(days)
    typed = client.get("/api/timeline", params={"type": "ACCUSE", "limit": 500}).json()["items"]
    assert typed and {i["what"] for i in typed} == {"ACCUSE"}
    ranged = client.get("/api/timeline", params={"since": "2024-06-01", "until": "2024-12-31", "limit": 500}).json()
    # an event dated by a year or a month ("2024") meets the range on its later days; it sorts by its first
    assert ranged["items"] and all("2024-06-01" <= i["date"] <= "2024-12-31"
                                   or i["what"] != "quote" and i["date"] <= "2024-12-31" for i in ranged["items"])
    assert any("2024-06-01" <= i["date"] for i in ranged["items"])
    actor_id = next(i["speakers"][0]["id"] for i in quotes["items"] if i["speakers"] and i["speakers"][0]["id"])
    mine = client.get("/api/timeline", params={"actor": actor_id, "limit": 500}).json()["items"]
    assert mine and all(
        actor_id in {p["id"] for p in i["speakers"] + i["sources"] + i["targets"]} for i in mine
    )


def test_search(client):
    found = client.get("/api/search", params={"q": "minister"}).json()
    assert set(found) == {"q", "actors", "quotes", "articles"}
    assert found["articles"]["total"] >= 1
    assert all("minister" in (a["title"] or "").lower() or a["id"] for a in found["articles"]["items"])


def test_openapi_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/actors", "/api/actors/{actor_id}",
                 "/api/quotes", "/api/events", "/api/timeline", "/api/search"):
        assert path in spec["paths"], path
    event_type = spec["components"]["schemas"]["EventType"]["enum"]
    assert event_type == list(EVENT_TYPES)
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui-dist-5.35.0/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower() and "https://" not in docs
    assert client.get("/static/vendor/swagger-ui-dist-5.35.0/swagger-ui-bundle.js").status_code == 200


# -- bad parameters: 422 with a message, never 500 -------------------------------------

@pytest.mark.parametrize(
    "path,params,word",
    [
        ("/api/events", {"since": "2024-02-30"}, "since"),
        ("/api/events", {"until": "yesterday"}, "until"),
        ("/api/quotes", {"since": "2024-13-01"}, "since"),
        ("/api/events", {"type": "FIGHT"}, "type"),
        ("/api/timeline", {"type": "quote"}, "type"),
        ("/api/timeline", {"kind": "tweets"}, "kind"),
        ("/api/timeline", {"order": "sideways"}, "order"),
        ("/api/actors", {"kind": "robot"}, "kind"),
        ("/api/quotes", {"limit": "0"}, "limit"),
        ("/api/quotes", {"limit": "100000"}, "limit"),
        ("/api/quotes", {"limit": "ten"}, "limit"),
        ("/api/events", {"offset": "-1"}, "offset"),
        ("/api/search", {}, "q"),
        ("/api/search", {"q": "x" * 201}, "q"),
        ("/api/events", {"since": "2025-01-01", "until": "2024-01-01"}, "since"),
        ("/timeline", {"since": "2024-02-30"}, "since"),
        ("/timeline", {"type": "FIGHT"}, "type"),
        ("/timeline", {"page": "0"}, "page"),
        ("/quotes", {"until": "not-a-date"}, "until"),
        ("/actors", {"kind": "robot"}, "kind"),
    ],
)
def test_bad_parameters_are_422_with_a_message(client, path, params, word):
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    if path.startswith("/api/"):
        detail = response.json()["detail"]
        assert isinstance(detail, list) and any(word in m for m in detail), detail
    else:
        assert word in response.text and "Bad request" in response.text


def test_blank_form_fields_mean_not_given(client):
    assert client.get("/timeline", params={"since": "", "until": "", "type": "", "actor": ""}).status_code == 200
    assert client.get("/api/events", params={"since": "", "type": ""}).json()["total"] > 0


def test_awkward_article_ids_work_in_urls_and_links(client):
    ODD_ID = "../wire/2025 #7?x=1&y=<2>"  # tests/web/conftest.py stores an article under this id
    assert client.get(f"/api/articles/{quote(ODD_ID, safe='')}").json()["article"]["id"] == ODD_ID
    listing = client.get("/articles").text
    href = "/articles/" + quote(ODD_ID, safe="")  # one path segment: "../" and "/" cannot move the link
    assert href == "/articles/..%2Fwire%2F2025%20%237%3Fx%3D1%26y%3D%3C2%3E"
    assert f'href="{href}"' in listing
    page = client.get(href)
    assert page.status_code == 200 and "An article with an awkward id" in page.text
    assert f'href="{href}#' in client.get("/quotes").text or ODD_ID not in client.get("/quotes").text


SECURITY = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


@pytest.mark.parametrize("path", ["/", "/articles", "/api/overview", "/docs", "/openapi.json", "/static/style.css",
                                  "/articles/nope", "/api/quotes?limit=-5"])
def test_every_response_has_security_headers(client, path):
    response = client.get(path)
    for name, value in SECURITY.items():
        assert response.headers[name] == value, (path, name)
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "http" not in csp and "unsafe-inline" not in csp  # no CDN, no inline script or style


def test_pages_have_no_inline_script_or_style(client):
    import re

    for path in ("/", "/articles", "/quotes", "/timeline", "/actors", "/docs"):
        html = client.get(path).text
        assert " style=" not in html, path
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path


@pytest.mark.parametrize("path", ["/", "/articles", "/api/overview", "/static/style.css", "/articles/nope"])
def test_head_is_answered_like_get(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code != 405
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["x-frame-options"] == "DENY"


def test_unknown_records_are_404(client):
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/actors/Anope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert "Not found" in client.get("/actors/Anope").text
    assert client.get("/api/actors/A;DROP TABLE actors").status_code == 422


WEIRD = ["' OR 1=1 --", "x'); DROP TABLE quotes; --", "%", "_", "\\", "\x00", "é’“", "<script>", "A%' UNION SELECT 1 --"]


@pytest.mark.parametrize("value", WEIRD, ids=range(len(WEIRD)))
def test_injection_attempts_are_plain_values(client, corpus, value):
    before = corpus.counts()
    for path, key in [
        ("/api/quotes", "q"), ("/api/quotes", "speaker"), ("/api/quotes", "article"),
        ("/api/events", "actor"), ("/api/events", "article"), ("/api/actors", "name"),
        ("/api/articles", "q"), ("/api/timeline", "actor"), ("/api/search", "q"),
        ("/timeline", "actor"), ("/quotes", "q"), ("/actors", "name"), ("/search", "q"),
    ]:
        response = client.get(path, params={key: value})
        assert response.status_code in (200, 422), (path, key, response.status_code)
    for path in (f"/api/articles/{quote(value, safe='')}", f"/articles/{quote(value, safe='')}"):
        assert client.get(path).status_code in (404, 422)
    assert corpus.counts() == before
    # Injection text finds nothing instead of everything.
    if value.startswith(("'", "x'", "A%")):
        assert client.get("/api/quotes", params={"q": value}).json()["total"] == 0
        assert client.get("/api/events", params={"actor": value}).json()["total"] == 0


def test_like_wildcards_match_literally(client):
    total = client.get("/api/quotes").json()["total"]
    for wildcard in ("%", "_"):
        found = client.get("/api/quotes", params={"q": wildcard, "limit": 500}).json()
        assert found["total"] < total
        assert all(wildcard in q["content"] or wildcard in (q["speaker"] or "") for q in found["items"])


def test_the_app_is_read_only(app, client):
    import duckdb

    cursor = app.state.store.cursor()
    with pytest.raises(duckdb.Error):
        cursor.execute("CREATE TABLE x (i INTEGER)")
    cursor.close()
    assert client.post("/api/quotes", json={}).status_code == 405
    assert client.delete("/api/articles/x").status_code == 405


# -- pages and escaping -------------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_pages_answer(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1" in response.text
    if path in ("/timeline", "/actors", "/quotes", "/articles"):
        assert "page 1 of " in response.text


def test_article_text_is_escaped(client, hostile_id):
    html = client.get(f"/articles/{hostile_id}").text
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    for path in ("/", "/timeline", "/quotes?q=onerror", "/articles", "/search?q=pwned"):
        page = client.get(path).text
        assert "<script>window" not in page and "<img src=x" not in page, path
    echoed = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in echoed and "&lt;script&gt;alert(1)" in echoed


def test_actor_page_says_when_an_event_day_is_only_the_publication_day(client):
    events = client.get("/api/events", params={"limit": 500}).json()["items"]
    dated = next(e for e in events if e["dated"] and e["source_ids"])
    undated = next(e for e in events if not e["dated"] and e["source_ids"])
    for event, expect in ((dated, dated["dated"]), (undated, f"{undated['date']} <span class=\"muted\"")):
        page = client.get(f"/actors/{event['source_ids'][0]}").text
        assert expect in page


def test_events_filter_by_status(client):
    default = client.get("/api/events", params={"limit": 500}).json()
    every = client.get("/api/events", params={"status": "all", "limit": 500}).json()
    assert every["total"] >= default["total"]
    assert all(i["status"] not in ("hypothetical", "denied") for i in default["items"])
    some = client.get("/api/events", params={"status": "hypothetical,denied", "limit": 500}).json()
    assert some["total"] == every["total"] - default["total"]
    assert client.get("/api/events", params={"status": "imagined"}).status_code == 422


def test_search_counts_quotes_up_to_a_bound(client, monkeypatch):
    from chronicle.web import queries

    every = client.get("/api/search", params={"q": "said"}).json()["quotes"]
    assert every["total"] >= 2 and "more" not in every
    monkeypatch.setattr(queries, "SEARCH_COUNT", 1)
    capped = client.get("/api/search", params={"q": "said"}).json()["quotes"]
    assert capped["total"] == 1 and capped["more"] is True and capped["items"] == every["items"]
    assert f'<span class="n">1+</span>' in client.get("/search", params={"q": "said"}).text
