"""chronicle's record model: frozen dataclasses with explicit char offsets.

Every offset is a character offset into ``Article.text`` (the body, without
the title), so any record can be shown against the words that support it.
``ArticleRecord.to_dict()`` gives plain JSON; ``from_dict`` reads it back.

Schema history (``SCHEMA_VERSION``):
  1 — Article, Mention, Actor, Quote, TimeExpression, Event, ArticleRecord.
      Added since, without changing a field: ``Actor.geo`` (a :class:`Geo`),
      ``Event.location_id`` and ``Event.location_rule``; ``Position`` and ``Mediation``
      (``ArticleRecord.positions``/``mediations``), ``Quote.position_ids`` and
      ``Event.position_ids`` (the positions the quote carries / the event is).
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1

ACTOR_KINDS = ("person", "organisation", "country", "place", "group")
QUOTE_KINDS = ("direct", "mixed", "indirect")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# happened; planned (scheduled, future, announced); threatened / promised (a threat or promise made);
# hypothetical (conditional, possible, wished: "could attack", "if there were an attack"); denied (negated
# or denied: "did not attend", "denied meeting"). Event.status_cue is the word that says so.
POSITION_KINDS = ("demand", "condition", "offer", "proposal", "refusal", "acceptance", "support",
                  "commitment", "accusation", "denial", "threat")
EVENT_STATUSES = ("happened", "planned", "threatened", "promised", "hypothetical", "denied")


@dataclass(frozen=True)
class Article:
    """One input article. ``id`` is the given id, else a hash of the normalised text."""

    text: str
    id: str = ""
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    source: str | None = None  # publisher, feed or file path
    url: str | None = None
    # what a reader noticed about the input (a publication date it could not read); the
    # record carries them on in its own warnings
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", text_id(self.text))


def text_id(text: str) -> str:
    """A stable id for an article without one: a hash of its normalised text.

    Normalisation (NFC, collapsed whitespace) makes the same article read from
    two files with different line endings or trailing spaces the same article.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Mention:
    """A span of the article text: [start, end) char offsets, its text and a label."""

    start: int
    end: int
    text: str
    label: str = ""


@dataclass(frozen=True)
class Geo:
    """Where a place or country is: a gazetteer entry chosen for it.

    ``feature`` is ``country``, ``admin1`` (a first-level division), ``city``, ``region``,
    ``water`` or ``continent``; ``country`` is ISO alpha-3; ``precision`` follows ACLED's
    geo-precision codes (1 a town, 2 a part of a country, 3 a country or wider);
    ``rule`` says what chose it (``only``, ``prior`` or ``context``).
    """

    name: str
    feature: str
    latitude: float
    longitude: float
    precision: int
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    rule: str = ""


@dataclass(frozen=True)
class Actor:
    """A person, organisation, country, place or group, with all its mentions.

    ``id`` is local to the article (``a1``, ``a2``, ...). ``country`` is an
    ISO 3166 alpha-3 code where one applies (the country itself, or the country
    a body or demonym belongs to). ``role_evidence`` is the span the role and
    affiliation were read from.
    """

    id: str
    name: str
    kind: str
    mentions: tuple[Mention, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    role_evidence: Mention | None = None
    geo: Geo | None = None


@dataclass(frozen=True)
class Quote:
    """A statement attributed to a speaker.

    ``speaker_ids`` are the actors who made the statement (several for a joint
    statement); ``speaker`` is the text naming them where it was found (a name,
    a pronoun, or a described source such as "two officials"). ``sentence`` is
    the span of the sentence(s) the quote came from.
    """

    id: str
    content: Mention
    kind: str
    speaker: Mention | None = None
    speaker_ids: tuple[str, ...] = ()
    cue: Mention | None = None
    sentence: Mention | None = None
    rule: str = ""
    position_ids: tuple[str, ...] = ()  # the positions this quote states (Position.quote_id points back)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression with its TIMEX3-style value (``2024-08-15``, ``P3D``, ``XXXX-07-31``)."""

    id: str
    start: int
    end: int
    text: str
    type: str
    value: str
    anchored: bool = False  # True when the value was resolved against the publication date
    rule: str = ""


@dataclass(frozen=True)
class Event:
    """Who did what to whom, coded in PLOVER, with the text that shows it."""

    id: str
    type: str
    trigger: Mention
    sentence: Mention
    source_ids: tuple[str, ...] = ()
    target_ids: tuple[str, ...] = ()
    source: Mention | None = None
    target: Mention | None = None
    mode: str | None = None
    status: str = "happened"
    date: str | None = None
    date_id: str | None = None
    place_ids: tuple[str, ...] = ()
    rule: str = ""
    location_id: str | None = None  # the place or country actor the event is located at
    location_rule: str | None = None  # clause | sentence | dateline: where that place was found
    status_cue: Mention | None = None  # the word that gives a status other than happened
    position_ids: tuple[str, ...] = ()  # the positions this event is (Position.event_id points back)


@dataclass(frozen=True)
class Position:
    """A stated negotiating position: who holds it, of what kind, about what, on what condition.

    ``holder_ids`` are the parties (a person's side: "Hamas, through Ahmad Abdul-Hadi" has
    Hamas as holder and Abdul-Hadi as speaker); ``speaker_ids``/``speaker`` who said it where
    that is someone else. ``kind`` is one of ``POSITION_KINDS``. ``topic_key`` joins topics that
    mean the same thing across articles. ``quote_id``/``event_id`` link the quote that carries
    it and the event it is (both point back through ``position_ids``). ``evidence`` is the
    sentence, ``cue`` the words that state it.
    """

    id: str
    kind: str
    cue: Mention
    evidence: Mention
    holder_ids: tuple[str, ...] = ()
    holder: Mention | None = None
    speaker_ids: tuple[str, ...] = ()
    speaker: Mention | None = None
    topic: Mention | None = None
    topic_key: str = ""
    condition: Mention | None = None
    target_ids: tuple[str, ...] = ()
    target: Mention | None = None
    date: str | None = None
    date_id: str | None = None
    quote_id: str | None = None
    event_id: str | None = None
    rule: str = ""


@dataclass(frozen=True)
class Mediation:
    """Actors acting between parties ("relying on Qatar and Egypt to act as intermediaries")."""

    id: str
    mediator_ids: tuple[str, ...]
    party_ids: tuple[str, ...]
    cue: Mention
    evidence: Mention
    rule: str = ""


@dataclass(frozen=True)
class ArticleRecord:
    """Everything chronicle extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    pipeline: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    schema_version: int = SCHEMA_VERSION
    positions: tuple[Position, ...] = ()
    mediations: tuple[Mediation, ...] = ()

    def actor(self, actor_id: str) -> Actor | None:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ArticleRecord":
        version = data.get("schema_version", SCHEMA_VERSION)
        if version > SCHEMA_VERSION:
            raise ValueError(
                f"record has schema version {version}; this chronicle reads up to {SCHEMA_VERSION}"
            )
        return cls(
            article=Article(**{**data["article"], "warnings": tuple(data["article"].get("warnings", ()))}),
            actors=tuple(_actor(a) for a in data.get("actors", ())),
            quotes=tuple(_quote(q) for q in data.get("quotes", ())),
            events=tuple(_event(e) for e in data.get("events", ())),
            dates=tuple(TimeExpression(**d) for d in data.get("dates", ())),
            pipeline=dict(data.get("pipeline", {})),
            warnings=tuple(data.get("warnings", ())),
            schema_version=version,
            positions=tuple(_position(p) for p in data.get("positions", ())),
            mediations=tuple(_mediation(m) for m in data.get("mediations", ())),
        )


def _mention(data: dict[str, Any] | None) -> Mention | None:
    return Mention(**data) if data else None


def _actor(data: dict[str, Any]) -> Actor:
    return Actor(
        **{
            **data,
            "mentions": tuple(Mention(**m) for m in data.get("mentions", ())),
            "role_evidence": _mention(data.get("role_evidence")),
            "geo": Geo(**data["geo"]) if data.get("geo") else None,
        }
    )


def _quote(data: dict[str, Any]) -> Quote:
    return Quote(
        **{
            **data,
            "content": Mention(**data["content"]),
            "speaker": _mention(data.get("speaker")),
            "speaker_ids": tuple(data.get("speaker_ids", ())),
            "cue": _mention(data.get("cue")),
            "sentence": _mention(data.get("sentence")),
            "position_ids": tuple(data.get("position_ids", ())),
        }
    )


def _event(data: dict[str, Any]) -> Event:
    return Event(
        **{
            **data,
            "trigger": Mention(**data["trigger"]),
            "sentence": Mention(**data["sentence"]),
            "source": _mention(data.get("source")),
            "target": _mention(data.get("target")),
            "status_cue": _mention(data.get("status_cue")),
            "source_ids": tuple(data.get("source_ids", ())),
            "target_ids": tuple(data.get("target_ids", ())),
            "place_ids": tuple(data.get("place_ids", ())),
            "position_ids": tuple(data.get("position_ids", ())),
        }
    )


def _position(data: dict[str, Any]) -> Position:
    mentions = ("holder", "speaker", "topic", "condition", "target")
    ids = ("holder_ids", "speaker_ids", "target_ids")
    return Position(
        **{
            **data,
            "cue": Mention(**data["cue"]),
            "evidence": Mention(**data["evidence"]),
            **{k: _mention(data.get(k)) for k in mentions},
            **{k: tuple(data.get(k, ())) for k in ids},
        }
    )


def _mediation(data: dict[str, Any]) -> Mediation:
    return Mediation(
        **{
            **data,
            "cue": Mention(**data["cue"]),
            "evidence": Mention(**data["evidence"]),
            "mediator_ids": tuple(data.get("mediator_ids", ())),
            "party_ids": tuple(data.get("party_ids", ())),
        }
    )
