"""CSV downloads: every table (and list) of the web view as CSV, with the page's own filters.

Each page links its download with its query string, so the CSV holds every row the filters
keep (up to :data:`CSV_LIMIT`), not just the page shown. Lists of people become names
joined by ``; ``; the row's ids stay in their own columns, so a spreadsheet can lead back
to the records.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from chronicle.store import geo as store_geo
from chronicle.store import query
from chronicle.web import queries
from chronicle.web.deps import Connection, check_bbox, check_range, status_filter
from chronicle.web.params import (
    ActorId, ActorParam, ArticleParam, BboxParam, CountryParam, DateParam, KindParam, Order, PositionKindParam,
    StatusParam, TextParam, TimelineKind, TypeParam,
)

router = APIRouter(include_in_schema=True, tags=["csv"])
CSV_LIMIT = 100_000


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, dict) and "name" in v for v in value):
            return "; ".join(str(v["name"] or "") for v in value)
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def csv_response(rows: list[Any], name: str, columns: list[str] | None = None) -> Response:
    """Rows (dicts or dataclasses) as a CSV attachment ``name``; ``columns`` picks and orders them."""
    dicts = [asdict(r) if is_dataclass(r) else dict(r) for r in rows]
    columns = columns or (list(dicts[0]) if dicts else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in dicts:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return Response(
        out.getvalue(), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


EVENT_COLUMNS = ["date", "dated", "type", "status", "sources", "targets", "trigger", "sentence", "location", "country",
                 "admin1", "latitude", "longitude", "title", "article_id", "event_id", "source_ids", "target_ids"]


@router.get("/actors.csv", summary="The actors table as CSV (same filters as /actors)")
def actors_csv(con: Connection, name: ActorParam = None, kind: KindParam = None):
    rows = queries.actors(con, name=name, kind=kind.value if kind else None, limit=CSV_LIMIT,
                          counted=False).items
    return csv_response(rows, "actors.csv")


@router.get("/articles.csv", summary="The articles table as CSV (same filters as /articles)")
def articles_csv(con: Connection, q: TextParam = None, since: DateParam = None, until: DateParam = None):
    check_range(since, until)
    rows = queries.articles(con, q=q, since=since, until=until, limit=CSV_LIMIT).items
    return csv_response(rows, "articles.csv")


@router.get("/quotes.csv", summary="The quotes list as CSV (same filters as /quotes)")
def quotes_csv(
    con: Connection, q: TextParam = None, speaker: ActorParam = None, since: DateParam = None, until: DateParam = None,
    article: ArticleParam = None, order: Order = Order.desc,
):
    check_range(since, until)
    rows = queries.quotes(con, q=q, speaker=speaker, since=since, until=until, article=article, limit=CSV_LIMIT,
                          order=order.value, counted=False).items
    return csv_response(rows, "quotes.csv")


@router.get("/events.csv", summary="Events as CSV (the overview's and actor pages' event tables)")
def events_csv(
    con: Connection, actor: ActorParam = None, type: TypeParam = None, article: ArticleParam = None,
    since: DateParam = None, until: DateParam = None, country: CountryParam = None, bbox: BboxParam = None,
    status: StatusParam = "default", order: Order = Order.asc,
):
    check_range(since, until)
    rows = queries.events(
        con, actor=actor, type=type.value if type else None, article=article, since=since, until=until,
        country=country, bbox=check_bbox(bbox), statuses=status_filter(status), limit=CSV_LIMIT, order=order.value,
        counted=False,
    ).items
    return csv_response(rows, "events.csv", EVENT_COLUMNS)


@router.get("/actors/{actor_id}/events.csv", summary="An actor's events as source or target, as CSV")
def actor_events_csv(
    con: Connection, actor_id: ActorId,
    role: Annotated[str, Query(pattern="^(source|target)$", description="source or target")] = "source",
):
    row = queries.actor(con, actor_id)
    if row is None:
        moved = con.execute("SELECT new_id FROM actor_merges WHERE old_id = ?", [actor_id]).fetchone()
        row = queries.actor(con, moved[0]) if moved else None
    if row is None:
        raise HTTPException(404, detail=f"no actor {actor_id!r}")
    ids = {"source_ids" if role == "source" else "target_ids": [row.id]}
    rows = queries.events(con, **ids, limit=CSV_LIMIT, order="desc", counted=False).items
    return csv_response(rows, f"events_as_{role}.csv", EVENT_COLUMNS)


@router.get("/timeline.csv", summary="The timeline as CSV (same filters as /timeline)")
def timeline_csv(
    con: Connection, actor: ActorParam = None, kind: TimelineKind = TimelineKind.all, type: TypeParam = None,
    since: DateParam = None, until: DateParam = None, status: StatusParam = "default", order: Order = Order.asc,
):
    check_range(since, until)
    ids = queries.match_actors(con, actor)
    rows = queries.timeline(
        con, actor_ids=ids, kind=kind.value, type=type.value if type else None, since=since, until=until,
        statuses=status_filter(status), limit=CSV_LIMIT, order=order.value,
        counted=False,
    ).items
    return csv_response(rows, "timeline.csv", ["date", "what", "kind", "status", "speakers", "sources", "targets",
                                               "trigger", "cue", "text", "title", "article_id", "record_id"])


@router.get("/map.csv", summary="The map's located events as CSV (same filters as /map)")
def map_csv(
    con: Connection, type: TypeParam = None, since: DateParam = None, until: DateParam = None,
    country: CountryParam = None, bbox: BboxParam = None,
):
    check_range(since, until)
    where = query.event_where(con, type=type.value if type else None, since=since, until=until, country=country,
                              bbox=query.parse_bbox(check_bbox(bbox)))
    rows = store_geo.acled_rows(store_geo.located_events(con, where))
    return csv_response(rows, "map_events.csv", list(store_geo.ACLED_COLUMNS))


@router.get("/positions.csv", summary="Positions as CSV (the negotiation grid's and an article's; same filters as /api/positions)")
def positions_csv(
    request: Request, con: Connection, holder: ActorParam = None, topic: TextParam = None,
    kind: PositionKindParam = None, article: ArticleParam = None, since: DateParam = None, until: DateParam = None,
):
    check_range(since, until)
    store = request.app.state.store.corpus_on(con)
    rows = store.positions(holder, topic=topic, kind=kind.value if kind else None, article=article, since=since,
                           until=until, limit=CSV_LIMIT)
    return csv_response(rows, "positions.csv")


@router.get("/mediations.csv", summary="Mediations as CSV (the negotiation page's: those stated in the articles of its positions)")
def mediations_csv(
    request: Request, con: Connection, holder: ActorParam = None, topic: TextParam = None, article: ArticleParam = None,
):
    store = request.app.state.store.corpus_on(con)
    rows = store.mediations(article=article)
    if holder or topic:
        articles = {r.article_id for r in store.positions(holder, topic=topic, limit=CSV_LIMIT)}
        rows = [m for m in rows if m.article_id in articles]
    return csv_response(rows, "mediations.csv")


@router.get("/negotiations/topics.csv", summary="The topics positions are grouped under, as CSV (the /negotiations list)")
def negotiation_topics_csv(con: Connection):
    return csv_response(queries.negotiation_topics(con, limit=CSV_LIMIT), "negotiation_topics.csv",
                        ["topic_key", "positions", "articles"])
