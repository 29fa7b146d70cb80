"""Browser tests: Playwright (pip) driving Debian's chromium against a live server on the demo store.

Screenshots go to test-artifacts/web/. Skipped, with the reason, when
/usr/bin/chromium or the playwright package is missing (.ci/run installs chromium).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]

if not os.path.exists(CHROMIUM):
    pytest.skip(f"browser tests need {CHROMIUM}: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright: pip install playwright")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []  # uncaught JS errors and failed requests, checked by the tests
    pg.on("pageerror", lambda exc: pg.errors.append(f"pageerror: {exc}"))
    # A request the browser itself cancels when the page moves on (the favicon of a page left at
    # once: net::ERR_ABORTED) is no failure of the server's.
    pg.on("requestfailed", lambda req: None if req.failure == "net::ERR_ABORTED"
          else pg.errors.append(f"requestfailed: {req.url} ({req.failure})"))
    yield pg
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


PAGES = [
    ("overview", "/", "Overview"),
    ("timeline", "/timeline", "Timeline"),
    ("actors", "/actors", "Actors"),
    ("quotes", "/quotes", "Quotes"),
    ("quotes-search", "/quotes?q=said", "Quotes"),
    ("articles", "/articles", "Articles"),
    ("search", "/search?q=minister", "Search"),
]


@pytest.mark.parametrize("name,path,heading", PAGES, ids=[p[0] for p in PAGES])
def test_page_loads(page, name, path, heading):
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("h1").first.inner_text().startswith(heading)
    assert page.locator("header.top nav a").count() >= 6
    shot(page, name)
    assert page.errors == []


def test_api_docs_load_from_vendored_files(page, live_server):
    requested = []
    page.on("request", lambda req: requested.append(req.url))
    assert page.goto("/docs").status == 200
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".opblock-summary-path").filter(has_text="/api/events").count() >= 1
    assert all(url.startswith(live_server) for url in requested), [u for u in requested if not u.startswith(live_server)]
    shot(page, "docs")
    assert page.errors == []


def test_click_from_timeline_to_actor_to_article(page, client):
    page.goto("/timeline")
    link = page.locator("ol.timeline a.actor").first
    name = link.inner_text()
    link.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h1.actor-name").inner_text().startswith(name)
    assert page.locator("#roles h2").first.is_visible()
    shot(page, "actor")

    page.locator("#articles a.article").first.click()
    page.wait_for_url("**/articles/*")
    article_id = page.url.rsplit("/", 1)[1].split("#")[0]
    record = client.get(f"/api/articles/{article_id}").json()
    text = record["article"]["text"]
    assert page.locator("article#text").inner_text().replace("\r", "") .strip() == text.strip()

    # Every record's highlighted evidence is present and reads exactly the record's span of the text.
    spans = page.evaluate(
        """() => {
            const out = {};
            document.querySelectorAll('#text [data-span]').forEach(el => {
                out[el.dataset.span] = (out[el.dataset.span] || '') + el.textContent;
            });
            return out;
        }"""
    )
    expected = {f"quote:{q['id']}": q["content"] for q in record["quotes"]}
    expected |= {f"event:{e['id']}": e["trigger"] for e in record["events"]}
    expected |= {f"date:{d['id']}": d for d in record["dates"]}
    assert expected, "the article has no records to highlight"
    for key, rec in expected.items():
        assert key in spans, f"{key} is not highlighted"
        assert spans[key] == text[rec["start"]:rec["end"]] == rec["text"], key
    assert page.locator("#text mark.hl-quote, #text mark.hl-event, #text mark.hl-date").count() > 0

    # A record in the side list links to its evidence, which is scrolled into view and flashed.
    first = page.locator("aside.records a.evidence").first
    target = first.get_attribute("href")
    first.click()
    assert page.url.endswith(target)
    evidence = page.locator(target)
    assert evidence.is_visible()
    assert "flash" in (evidence.get_attribute("class") or "")
    shot(page, "article")
    assert page.errors == []


def test_timeline_pages(page, client):
    total = client.get("/api/timeline", params={"limit": 1}).json()["total"]
    pages = -(-total // 50)
    page.goto("/timeline")
    assert f"page 1 of {pages} · {total} in all" in page.locator("nav.pager").first.inner_text()
    first = page.locator("ol.timeline li.item").count()
    assert first == min(50, total)
    if pages > 1:
        page.locator("nav.pager a[rel=next]").first.click()
        page.wait_for_url("**page=2**")
        assert f"page 2 of {pages}" in page.locator("nav.pager").first.inner_text()
        assert page.locator("nav.pager a[rel=prev]").count() == 2


def test_timeline_filters(page):
    page.goto("/timeline")
    page.select_option("select[name=kind]", "events")
    page.fill("input[name=since]", "2024-01-01")
    page.click("form#filters button[type=submit]")
    page.wait_for_url("**/timeline?*")
    assert "kind=events" in page.url and "since=2024-01-01" in page.url
    assert "until=" not in page.url  # empty fields are left out
    kinds = page.locator("ol.timeline li.item").evaluate_all("els => els.map(e => e.dataset.what)")
    assert kinds and "quote" not in kinds
    first_type = kinds[0]
    page.select_option("select[name=type]", first_type)
    page.click("form#filters button[type=submit]")
    page.wait_for_url(f"**type={first_type}**")
    kinds = page.locator("ol.timeline li.item").evaluate_all("els => els.map(e => e.dataset.what)")
    assert kinds and set(kinds) == {first_type}
    shot(page, "timeline-filtered")

    response = page.goto("/timeline?since=2024-02-30")
    assert response.status == 422
    assert "since" in page.locator("#errors").inner_text()
    shot(page, "bad-date")


def test_hostile_article_renders_as_text(page, hostile_id):
    page.goto(f"/articles/{hostile_id}")
    assert page.evaluate("() => window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.locator("h1").inner_text()
    assert "<img src=x" in page.locator("article#text").inner_text()
    assert page.locator("article#text img, article#text script, h1 script, h1 b").count() == 0
    shot(page, "hostile-article")
    page.goto("/quotes?q=onerror")
    assert page.evaluate("() => window.__pwned") is None
    page.goto("/search?q=%3Cscript%3E")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("main script").count() == 0


def test_actor_network_links_to_actors(page, client):
    busiest = client.get("/api/actors", params={"limit": 20}).json()["items"]
    with_events = [a for a in busiest if a["events"]]
    assert with_events
    page.goto(f"/actors/{with_events[0]['id']}")
    svg = page.locator("svg.network")
    if svg.count() == 0:
        pytest.skip("the busiest actor has no interactions in the demo store")
    assert svg.locator("a.node").count() >= 2
    svg.locator("a.node:not(.center)").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h1.actor-name").is_visible()
    shot(page, "actor-network-neighbour")


def test_no_content_security_policy_violation_and_odd_ids_link_right(page):
    """Under the CSP every page and /docs work (no inline script or style is blocked), and the
    link to an article whose id holds "../", "/" and "?" reaches that article in a real browser."""
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    for path in ("/", "/timeline", "/articles", "/quotes"):
        assert page.goto(path).status == 200
    assert page.goto("/docs").status == 200
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert violations == [] and page.errors == []
    page.goto("/articles")
    page.locator("a.article", has_text="An article with an awkward id").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "An article with an awkward id"


def test_map_point_leads_to_the_highlighted_evidence(page, live_server):
    """The map draws from vendored outlines only; a click on a point opens the article at its event, flashed."""
    requested = []
    page.on("request", lambda req: requested.append(req.url))
    assert page.goto("/map").status == 200
    assert page.locator("#worldmap .land path").count() > 100
    points = page.locator("#worldmap a.point")
    assert points.count() >= 3
    shot(page, "map")
    geneva = page.locator('#worldmap a.point[data-location="Geneva"]')
    assert geneva.count() == 1
    href = geneva.get_attribute("href")
    event_id = href.split("#", 1)[1]
    geneva.locator("circle").click()
    page.wait_for_url(f"**#{event_id}")
    target = page.locator(f"#{event_id}")
    assert target.is_visible()
    page.wait_for_selector(f"#{event_id}.flash", timeout=3000)
    assert "Geneva" in page.locator("#text").inner_text()
    assert all(url.startswith(live_server) for url in requested), [u for u in requested if not u.startswith(live_server)]
    shot(page, "map-evidence")
    assert page.errors == []


def test_negotiation_grid_leads_to_the_highlighted_position(page):
    assert page.goto("/negotiations").status == 200
    assert page.locator("h1").first.inner_text().startswith("Negotiations")
    page.locator("#topics a").first.click()
    page.wait_for_selector("#grid")
    shot(page, "negotiations")
    link = page.locator("#grid a.evidence").first
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("#" + anchor) and "/articles/" in page.url
    assert page.locator(f"[id='{anchor}']").count() == 1  # the cue is marked in the article's text
    assert page.errors == []
