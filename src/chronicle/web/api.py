"""The REST API under ``/api/``: the store's records as JSON, paginated (``limit``/``offset``).

List endpoints answer ``{"total", "limit", "offset", "items"}``. Quote, event
and actor items are the rows ``Corpus.quotes()``/``events()``/``actors()``
return (plus the actor ids behind the names); an article is
``Corpus.record(id).to_dict()``, the same record ``chronicle extract`` writes.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from chronicle.web import queries
from chronicle.web.deps import Connection, check_bbox, check_range, status_filter
from chronicle.web.params import (
    ActorId, ActorParam, ArticleId, ArticleParam, BboxParam, CountryParam, DateParam, KindParam, LimitParam,
    OffsetParam, Order, PositionKindParam, StatusParam, TextParam, TimelineKind, TypeParam,
)

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/articles", summary="Articles, newest first")
def list_articles(
    con: Connection, q: TextParam = None, since: DateParam = None, until: DateParam = None,
    limit: LimitParam = 50, offset: OffsetParam = 0,
) -> dict[str, Any]:
    check_range(since, until)
    return queries.articles(con, q=q, since=since, until=until, limit=limit, offset=offset).as_json()


@router.get("/articles/{article_id:path}", summary="One article's full record")
def get_article(request: Request, con: Connection, article_id: ArticleId) -> dict[str, Any]:
    record = request.app.state.store.corpus_on(con).record(article_id)
    if record is None:
        raise HTTPException(404, detail=f"no article {article_id!r}")
    data = record.to_dict()
    data["actor_ids"] = queries.article_links(con, article_id)  # article-local id → corpus actor id
    return data


@router.get("/actors", summary="Actors, most widely reported first")
def list_actors(
    con: Connection, kind: KindParam = None, name: ActorParam = None, limit: LimitParam = 50, offset: OffsetParam = 0,
) -> dict[str, Any]:
    page = queries.actors(con, kind=kind.value if kind else None, name=name, limit=limit, offset=offset)
    return page.as_json()


@router.get("/actors/{actor_id}", summary="One actor: roles, aliases, quotes, events, network")
def get_actor(con: Connection, actor_id: ActorId) -> dict[str, Any]:
    detail = queries.actor_detail(con, actor_id)
    if detail is None:
        raise HTTPException(404, detail=f"no actor {actor_id!r}")
    out = dict(detail)
    out["actor"] = asdict(detail["actor"])
    for key in ("quotes", "as_source", "as_target"):
        out[key] = detail[key].as_json()
    return out


@router.get("/quotes", summary="Quotes in date order")
def list_quotes(
    con: Connection, speaker: ActorParam = None, q: TextParam = None, article: ArticleParam = None,
    since: DateParam = None, until: DateParam = None, order: Order = Order.asc,
    limit: LimitParam = 50, offset: OffsetParam = 0,
) -> dict[str, Any]:
    check_range(since, until)
    return queries.quotes(
        con, speaker=speaker, q=q, article=article, since=since, until=until,
        limit=limit, offset=offset, order=order.value,
    ).as_json()


@router.get("/events", summary="PLOVER events in date order")
def list_events(
    con: Connection, actor: ActorParam = None, type: TypeParam = None, article: ArticleParam = None,
    since: DateParam = None, until: DateParam = None, country: CountryParam = None, bbox: BboxParam = None,
    status: StatusParam = "default", order: Order = Order.asc, limit: LimitParam = 50, offset: OffsetParam = 0,
) -> dict[str, Any]:
    check_range(since, until)
    return queries.events(
        con, actor=actor, type=type.value if type else None, article=article, since=since, until=until,
        country=country, bbox=check_bbox(bbox), statuses=status_filter(status), limit=limit, offset=offset,
        order=order.value,
    ).as_json()


@router.get("/positions", summary="Stated negotiating positions in date order")
def list_positions(
    request: Request, con: Connection, holder: ActorParam = None, topic: TextParam = None,
    kind: PositionKindParam = None, article: ArticleParam = None, since: DateParam = None, until: DateParam = None,
    limit: LimitParam = 50, offset: OffsetParam = 0,
) -> dict[str, Any]:
    """The rows ``Corpus.positions()`` returns (``chronicle positions``), with the same filters."""
    check_range(since, until)
    store = request.app.state.store.corpus_on(con)
    filters = dict(topic=topic, kind=kind.value if kind else None, article=article, since=since, until=until)
    items = store.positions(holder, limit=limit, offset=offset, **filters)
    return {"total": store.count_positions(holder, **filters), "limit": limit, "offset": offset,
            "items": [asdict(r) for r in items]}


@router.get("/mediations", summary="Who acts between whom, in date order")
def list_mediations(request: Request, con: Connection, article: ArticleParam = None) -> dict[str, Any]:
    """The rows ``Corpus.mediations()`` returns."""
    items = request.app.state.store.corpus_on(con).mediations(article=article)
    return {"total": len(items), "items": [asdict(r) for r in items]}


@router.get("/events.geojson", summary="Located events as GeoJSON points (the map's data)")
def events_geojson(
    con: Connection, type: TypeParam = None, since: DateParam = None, until: DateParam = None,
    country: CountryParam = None, bbox: BboxParam = None,
) -> dict[str, Any]:
    check_range(since, until)
    found = queries.map_points(con, type=type.value if type else None, since=since, until=until,
                               country=country, bbox=check_bbox(bbox))
    return found["geojson"]


@router.get("/timeline", summary="Quotes and events together in date order")
def get_timeline(
    con: Connection, actor: ActorParam = None, kind: TimelineKind = TimelineKind.all, type: TypeParam = None,
    since: DateParam = None, until: DateParam = None, status: StatusParam = "default", order: Order = Order.asc,
    limit: LimitParam = 50, offset: OffsetParam = 0,
) -> dict[str, Any]:
    check_range(since, until)
    ids = queries.match_actors(con, actor)
    return queries.timeline(
        con, actor_ids=ids, kind=kind.value, type=type.value if type else None, since=since, until=until,
        statuses=status_filter(status), limit=limit, offset=offset, order=order.value,
    ).as_json()


@router.get("/search", summary="Actors, quotes and articles matching some text")
def search(
    con: Connection,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Text to look for")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    return queries.search(con, q, limit=limit)


@router.get("/overview", summary="Counts, busiest actors, latest events")
def get_overview(con: Connection) -> dict[str, Any]:
    data = queries.overview(con)
    data["actors"] = [asdict(a) for a in data["actors"]]
    return data
