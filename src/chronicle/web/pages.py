"""The HTML pages: overview, timeline, map, actors, actor, quotes, articles, article, search, negotiations."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from chronicle.records import EVENT_TYPES
from chronicle.web import queries
from chronicle.web.deps import Connection, check_bbox, check_range, render, status_filter
from chronicle.web.highlight import article_spans
from chronicle.web.highlight import render as highlight
from chronicle.web.network import layout
from chronicle.web.params import (
    PAGE_SIZE, ActorId, ActorParam, ArticleId, BboxParam, CountryParam, DateParam, KindParam, Order, PageParam,
    StatusParam, TextParam, TimelineKind, TypeParam,
)
from chronicle.web.worldmap import HEIGHT, WIDTH, countries

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _pager(request: Request, page: queries.Page) -> dict:
    """Links to the previous and next pages, keeping the other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k != "page" and v != ""}

    def link(n: int) -> str:
        return "?" + urlencode({**params, "page": n})

    return {
        "page": page.page, "pages": page.pages, "total": page.total,
        "prev": link(page.page - 1) if page.page > 1 else None,
        "next": link(page.page + 1) if page.page < page.pages else None,
    }


@router.get("/")
def overview(request: Request, con: Connection):
    return render(request, "overview.html", {"nav": "overview", **queries.overview(con)})


@router.get("/timeline")
def timeline(
    request: Request, con: Connection, actor: ActorParam = None, kind: TimelineKind = TimelineKind.all,
    type: TypeParam = None, since: DateParam = None, until: DateParam = None, order: Order = Order.asc,
    status: StatusParam = "default", page: PageParam = 1,
):
    check_range(since, until)
    ids = queries.match_actors(con, actor)
    rows = queries.timeline(
        con, actor_ids=ids, kind=kind.value, type=type.value if type else None, since=since, until=until,
        statuses=status_filter(status), limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, order=order.value,
    )
    matched = queries.actors(con, ids=ids[:10], limit=10).items if ids else []
    return render(request, "timeline.html", {
        "nav": "timeline", "rows": rows.items, "paging": _pager(request, rows), "types": EVENT_TYPES,
        "f": {"actor": actor or "", "kind": kind.value, "type": type.value if type else "",
              "since": since or "", "until": until or "", "order": order.value, "status": status},
        "matched": matched, "n_matched": len(ids or []),
    })


@router.get("/map")
def world_map(
    request: Request, con: Connection, type: TypeParam = None, since: DateParam = None, until: DateParam = None,
    country: CountryParam = None, bbox: BboxParam = None,
):
    check_range(since, until)
    found = queries.map_points(con, type=type.value if type else None, since=since, until=until,
                               country=country, bbox=check_bbox(bbox))
    return render(request, "map.html", {
        "nav": "map", **found, "countries": countries(), "width": WIDTH, "height": HEIGHT, "types": EVENT_TYPES,
        "f": {"type": type.value if type else "", "since": since or "", "until": until or "",
              "country": country or "", "bbox": bbox or ""},
    })


@router.get("/actors")
def actors(request: Request, con: Connection, name: ActorParam = None, kind: KindParam = None, page: PageParam = 1):
    rows = queries.actors(con, name=name, kind=kind.value if kind else None, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(request, "actors.html", {
        "nav": "actors", "rows": rows.items, "paging": _pager(request, rows),
        "f": {"name": name or "", "kind": kind.value if kind else ""},
        "kinds": ["person", "organisation", "country", "place", "group"],
    })


@router.get("/actors/{actor_id}")
def actor(request: Request, con: Connection, actor_id: ActorId):
    detail = queries.actor_detail(con, actor_id)
    if detail is None:
        raise HTTPException(404, detail=f"no actor {actor_id!r}")
    return render(request, "actor.html", {"nav": "actors", **detail, "graph": layout(detail["network"])})


@router.get("/quotes")
def quotes(
    request: Request, con: Connection, q: TextParam = None, speaker: ActorParam = None,
    since: DateParam = None, until: DateParam = None, page: PageParam = 1,
):
    check_range(since, until)
    rows = queries.quotes(
        con, q=q, speaker=speaker, since=since, until=until, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
        order="desc",
    )
    return render(request, "quotes.html", {
        "nav": "quotes", "rows": rows.items, "paging": _pager(request, rows),
        "f": {"q": q or "", "speaker": speaker or "", "since": since or "", "until": until or ""},
    })


@router.get("/articles")
def articles(
    request: Request, con: Connection, q: TextParam = None, since: DateParam = None, until: DateParam = None,
    page: PageParam = 1,
):
    check_range(since, until)
    rows = queries.articles(con, q=q, since=since, until=until, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(request, "articles.html", {
        "nav": "articles", "rows": rows.items, "paging": _pager(request, rows),
        "f": {"q": q or "", "since": since or "", "until": until or ""},
    })


@router.get("/articles/{article_id:path}")
def article(request: Request, con: Connection, article_id: ArticleId):
    record = request.app.state.store.corpus_on(con).record(article_id)
    if record is None:
        raise HTTPException(404, detail=f"no article {article_id!r}")
    links = queries.article_links(con, article_id)
    names = {a.id: a.name for a in record.actors}
    body = highlight(record.article.text, article_spans(record, links))
    return render(request, "article.html", {
        "nav": "articles", "record": record, "a": record.article, "body": body, "links": links, "names": names,
    })


@router.get("/negotiations")
def negotiations(request: Request, con: Connection, topic: TextParam = None, holder: ActorParam = None):
    """A negotiation: the parties' positions on one topic (a topic key) as a grid, parties as
    columns and days down the page; without a topic, the topics positions are grouped under."""
    store = request.app.state.store.corpus_on(con)
    found = queries.negotiation(store, topic=topic, holder=holder) if topic or holder else None
    return render(request, "negotiations.html", {
        "nav": "negotiations", "topics": queries.negotiation_topics(con), "n": found, "f": {"topic": topic or "",
                                                                                          "holder": holder or ""},
    })


@router.get("/search")
def search(request: Request, con: Connection, q: TextParam = None):
    found = queries.search(con, q, limit=20) if q else None
    return render(request, "search.html", {"nav": "search", "q": q or "", "found": found})
