"""Typed, bounded query and path parameters shared by the pages and the REST API.

Every request value is parsed by FastAPI/pydantic into one of these types
before it reaches a query, and queries only ever bind values as parameters;
a bad date or type answers 422 with a message naming the parameter.
An empty form field (``?since=``) means "not given", so the HTML filter forms
can submit blank inputs.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any

from fastapi import Path as PathParam
from fastapi import Query
from pydantic import AfterValidator, BeforeValidator

from chronicle.records import ACTOR_KINDS, EVENT_TYPES, POSITION_KINDS

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
PAGE_SIZE = 50


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _upper(value: Any) -> Any:
    value = _blank_to_none(value)
    return value.strip().upper() if isinstance(value, str) else value


EventType = Enum("EventType", {t: t for t in EVENT_TYPES}, type=str)  # the 16 PLOVER types
EventType.__doc__ = "A PLOVER event type."
ActorKind = Enum("ActorKind", {k: k for k in ACTOR_KINDS}, type=str)
ActorKind.__doc__ = "An actor kind."
PositionKind = Enum("PositionKind", {k: k for k in POSITION_KINDS}, type=str)
PositionKind.__doc__ = "A kind of negotiating position."


class TimelineKind(str, Enum):
    all = "all"
    quotes = "quotes"
    events = "events"


class Order(str, Enum):
    asc = "asc"
    desc = "desc"


DateParam = Annotated[
    date | None,
    BeforeValidator(_blank_to_none),
    Query(description="A date, YYYY-MM-DD (inclusive)", examples=["2016-09-01"]),
]
TypeParam = Annotated[
    EventType | None,  # type: ignore[valid-type]
    BeforeValidator(_upper),
    Query(description="A PLOVER event type, e.g. ACCUSE"),
]
StatusParam = Annotated[
    str,
    Query(max_length=200, description="Event statuses, comma-separated (happened, planned, threatened, promised, "
          "hypothetical, denied), 'all', or 'default' (all but hypothetical and denied)"),
]
KindParam = Annotated[
    ActorKind | None,  # type: ignore[valid-type]
    BeforeValidator(_blank_to_none),
    Query(description="Actor kind: " + ", ".join(ACTOR_KINDS)),
]
PositionKindParam = Annotated[
    PositionKind | None,  # type: ignore[valid-type]
    BeforeValidator(_blank_to_none),
    Query(description="Position kind: " + ", ".join(POSITION_KINDS)),
]
TextParam = Annotated[
    str | None,
    Query(max_length=200, description="Text to look for (case-insensitive substring)"),
    AfterValidator(_blank_to_none),  # after the length check, which cannot apply to None
]
ActorParam = Annotated[
    str | None,
    Query(max_length=200, description="An actor id (A…) or part of an actor's name"),
    AfterValidator(_blank_to_none),  # after the length check, which cannot apply to None
]
ArticleParam = Annotated[
    str | None,
    Query(max_length=200, description="An article id"),
    AfterValidator(_blank_to_none),  # after the length check, which cannot apply to None
]
CountryParam = Annotated[
    str | None,
    BeforeValidator(_upper),
    Query(pattern=r"^[A-Z]{3}$", description="Where the event is located: an ISO 3166 alpha-3 country code, e.g. ISR"),
]
BboxParam = Annotated[
    str | None,
    BeforeValidator(_blank_to_none),
    Query(max_length=100, pattern=r"^\s*-?[0-9.]+\s*(,\s*-?[0-9.]+\s*){3}$",
          description="Where the event is located: west,south,east,north in degrees", examples=["34,29,36,34"]),
]
LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1–{MAX_LIMIT})")]
OffsetParam = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")]
PageParam = Annotated[int, Query(ge=1, le=MAX_OFFSET // PAGE_SIZE, description="Page number, from 1")]
ActorId = Annotated[str, PathParam(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")]
ArticleId = Annotated[str, PathParam(min_length=1, max_length=400)]
