"""chronicle_places: each place and country to coordinates, each event to a place.

Runs after ``chronicle_events``. For every actor of kind ``place`` or ``country`` it
gathers the gazetteer's candidates for each of its names (GeoNames cities, US states
and countries from :mod:`chronicle.nlp.gazetteer`, regions and seas from
:data:`chronicle.nlp.place_rules.REGIONS`) and scores them by the weights of
:data:`chronicle.nlp.place_rules.WEIGHTS`: the kind of place and its population first,
then the article's context (the countries other actors belong to, the countries and
first-level divisions of the other places, the dateline). Resolution runs three times,
each round with the places the round before chose as context, so "Georgia" next to "Atlanta"
is the US state and next to "Tbilisi" the country. A country actor resolved to a US
state becomes a place of the United States.

Each event is then located: at the most precise place of its own clause (its
``place_ids``), else the most precise place named in its sentence that is not one of
its sources or targets, else the article's dateline ("GAZA CITY —"). ``location_rule``
says which.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from chronicle.nlp.countries import country_code
from chronicle.nlp.extensions import doc_text
from chronicle.nlp.gazetteer import Entry, Gazetteer, gazetteer, place_key
from chronicle.nlp.place_rules import NOT_PLACES, REGIONS, WEIGHTS, Region
from chronicle.records import Actor, Event, Geo, Mention

PLACE_KINDS = ("place", "country")
PRECISION = {"city": 1, "admin1": 2, "country": 3}
# "GAZA CITY —", "WASHINGTON, Aug. 13 (Reuters) -", "KYIV, Ukraine —": a capitalised place, then a dash.
DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z.])(?:,\s*(?P<qualifier>[A-Z][A-Za-z.’' ]{1,30}))?"
    r"(?:,\s*[A-Z][a-z]{2}[a-z.]* \d{1,2})?\s*(?:\([^)\n]{1,30}\)\s*)?(?:—|–|--| - )"
)
_PREFIXES = ("al ", "el ", "ar ", "as ", "ad ", "an ")


@dataclass(frozen=True)
class Candidate:
    geo: Geo
    base: float
    population: int
    qualified_only: bool = False  # a town named like a country: only "Lebanon, Pennsylvania" means it


@Language.factory(
    "chronicle_places",
    requires=["doc._.actors", "doc._.events"],
    assigns=["doc._.actors", "doc._.events"],
    # extra_regions: rows like place_rules.REGIONS' (dicts of Region's fields) tried before them.
    default_config={"extra_regions": []},
)
def make_places(nlp: Language, name: str, extra_regions: list) -> "PlaceResolver":
    rows = tuple(Region(**{**r, "aliases": tuple(r.get("aliases", ()))}) for r in extra_regions)
    return PlaceResolver(rows + REGIONS)


class PlaceResolver:
    """Fills ``Actor.geo`` of places and countries and ``Event.location_id``; loads the gazetteer on first use."""

    def __init__(self, regions: Sequence[Region] = REGIONS):
        self.regions = region_index(tuple(regions))

    def __call__(self, doc: Doc) -> Doc:
        actors = list(doc._.actors or ())
        events = list(doc._.events or ())
        actors, dateline_id = resolve(actors, doc_text(doc), self.regions)
        doc._.actors = actors
        doc._.events = locate(events, actors, dateline_id)
        return doc


@functools.lru_cache(maxsize=8)
def region_index(regions: tuple[Region, ...] = REGIONS) -> dict[str, Region]:
    index: dict[str, Region] = {}
    for row in regions:
        for alias in (row.name, *row.aliases):
            index.setdefault(place_key(alias), row)
    return index


def candidates(name: str, regions: dict[str, Region] | None = None, gaz: Gazetteer | None = None) -> list[Candidate]:
    """Every place a name may be, each with its context-free score."""
    gaz = gaz or gazetteer()
    regions = region_index() if regions is None else regions
    key = place_key(name.removesuffix("’s").removesuffix("'s"))
    if not key or key in NOT_PLACES:
        return []
    out: list[Candidate] = []
    row = regions.get(key)
    if row is not None:
        out.append(Candidate(_region_geo(row), WEIGHTS["region"].score, 0))
    code = country_code(name)
    if code is not None and (entry := gaz.country(code)) is not None:
        out.append(Candidate(_geo(entry), WEIGHTS["country"].score, entry.population))
    state = gaz.state(key)
    if state is not None:
        out.append(Candidate(_geo(state), WEIGHTS["admin1"].score, 0))
    cities = gaz.cities(key)
    if state is not None:  # "Florida" is the state; Floridablanca is only called so in GeoNames' alternate names
        cities = [e for e in cities if _named_by(e, key)]
    if not cities and key.startswith(_PREFIXES):  # "al-Mawasi" is GeoNames' "Mawasi"
        cities = gaz.cities(key[3:])
    if code is not None:  # "Mexico" is the country; Mexico City is only called so in GeoNames' alternate names
        cities = [e for e in cities if place_key(e.name) == key]
    for entry in cities:
        score = WEIGHTS["population"].score * math.log10(entry.population + 10) \
            + (WEIGHTS["capital"].score if entry.capital else 0.0)
        out.append(Candidate(_geo(entry), score, entry.population, qualified_only=code is not None))
    return out


def _named_by(entry: Entry, key: str) -> bool:
    """Is ``key`` the place's own name, or its first words ("New York" of "New York City")?"""
    own = place_key(entry.name)
    return own == key or own.startswith(key + " ")


def _geo(entry: Entry) -> Geo:
    return Geo(entry.name, entry.feature, round(entry.latitude, 5), round(entry.longitude, 5),
               PRECISION[entry.feature], entry.country, entry.admin1, entry.geonames_id)


def _region_geo(row: Region) -> Geo:
    return Geo(row.name, row.feature, row.latitude, row.longitude, row.precision, row.country, None, row.geonames_id)


@dataclass
class _Context:
    """What the rest of the article says about where it is."""

    countries: Counter  # ISO3 -> actors (other than the one resolved) of that country
    places: list[tuple[str, Geo]]  # (actor id, geo) of the places resolved so far
    dateline: str | None  # ISO3 of the dateline
    qualifiers: dict[str, set[str]]  # actor id -> the places named right after it ("Martinsville, Virginia")

    def is_qualified(self, actor_id: str, geo: Geo) -> bool:
        resolved = dict(self.places)
        return any((g := resolved.get(q)) is not None and g.name != geo.name and (
            (g.feature == "country" and g.country == geo.country) or (g.feature == "admin1" and geo.admin1 == g.admin1))
            for q in self.qualifiers.get(actor_id, ()))

    def score(self, actor_id: str, geo: Geo) -> tuple[float, bool]:
        total, used = 0.0, False
        country = geo.country
        if self.is_qualified(actor_id, geo):
            total += WEIGHTS["qualified"].score
            used = True
        if country and self.countries[country] > 0:
            total += WEIGHTS["country_named"].score
            used = True
        others = [g for i, g in self.places if i != actor_id]
        if country and any(g.country == country and g.feature in ("city", "admin1", "region") and g.precision <= 2
                           and not _is_capital(g) and g.name != geo.name for g in others):
            total += WEIGHTS["country_places"].score
            used = True
        if country and geo.feature != "country":
            if geo.admin1 and any(g.admin1 == geo.admin1 and g.name != geo.name for g in others):
                total += WEIGHTS["same_admin1"].score
                used = True
        if country and country == self.dateline:
            total += WEIGHTS["dateline"].score
            used = True
        return total, used


def _is_capital(geo: Geo) -> bool:
    return geo.rule.endswith("capital")


def _names(actor: Actor) -> list[str]:
    texts = [m.text for m in actor.mentions if m.label not in ("NORP", "PRON")]
    return list(dict.fromkeys([actor.name, *texts]))


def resolve(actors: list[Actor], text: str, regions: dict[str, Region] | None = None) -> tuple[list[Actor], str | None]:
    """Actors with ``geo`` set on their places and countries, and the id of the dateline's place (if any)."""
    regions = region_index() if regions is None else regions
    actors, dateline_id = _with_dateline(actors, text, regions)
    options: dict[str, list[Candidate]] = {}
    for actor in actors:
        if actor.kind not in PLACE_KINDS:
            continue
        if actor.kind == "country" and not any(m.label not in ("NORP", "PRON") for m in actor.mentions) and actor.country:
            entry = gazetteer().country(actor.country)  # only "Israeli": the country itself
            options[actor.id] = [Candidate(_geo(entry), WEIGHTS["country"].score, entry.population)] if entry else []
            continue
        seen: dict[tuple, Candidate] = {}
        for name in _names(actor):
            for c in candidates(name, regions):
                key = (c.geo.feature, c.geo.geonames_id, c.geo.name)
                if key not in seen or seen[key].base < c.base:
                    seen[key] = c
        options[actor.id] = list(seen.values())
    countries_of = {a.id: a.country for a in actors if a.country}
    qualifiers = _qualifiers(actors, text)
    dateline_country = None
    if dateline_id is not None and options.get(dateline_id):
        dateline_country = max(options[dateline_id], key=lambda c: (c.base, c.population)).geo.country
    chosen: dict[str, Geo] = {}
    for _ in range(3):  # the second and third rounds see the places the round before chose
        places = list(chosen.items())
        for actor_id, cands in options.items():
            if not cands:
                continue
            counts = Counter(c for i, c in countries_of.items() if i != actor_id)
            for i, g in places:
                if i != actor_id and g.country and g.feature == "country":
                    counts[g.country] += 1
            context = _Context(counts, places, dateline_country, qualifiers)
            picked = _pick(actor_id, cands, context)
            if picked is None:
                chosen.pop(actor_id, None)
            else:
                chosen[actor_id] = picked
    out = []
    for actor in actors:
        geo = chosen.get(actor.id)
        if geo is None:
            out.append(actor)
            continue
        changes: dict = {"geo": geo}
        if actor.kind == "country" and geo.feature != "country":  # "Georgia" the state
            changes.update(kind="place", country=geo.country)
        elif actor.kind == "place" and not actor.country and geo.country:
            changes["country"] = geo.country
        out.append(dataclasses.replace(actor, **changes))
    return out, dateline_id


def _qualifiers(actors: list[Actor], text: str) -> dict[str, set[str]]:
    """For each place, the places written right after it and a comma: "Martinsville, Virginia"."""
    starts = {m.start: a.id for a in actors if a.kind in PLACE_KINDS for m in a.mentions}
    out: dict[str, set[str]] = {}
    for a in actors:
        if a.kind not in PLACE_KINDS:
            continue
        for m in a.mentions:
            if text[m.end:m.end + 2] == ", " and starts.get(m.end + 2, a.id) != a.id:
                out.setdefault(a.id, set()).add(starts[m.end + 2])
    return out


def _pick(actor_id: str, cands: list[Candidate], context: _Context) -> Geo | None:
    scored = []
    for c in cands:
        if c.qualified_only and not context.is_qualified(actor_id, c.geo):
            continue
        extra, used = context.score(actor_id, c.geo)
        scored.append((c.base + extra, c.population, used, c))
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    best = scored[0]
    if not best[2] and best[0] < WEIGHTS["minimum"].score:
        return None
    if len(cands) == 1:
        return dataclasses.replace(cands[0].geo, rule="only" + ("+capital" if _capital(cands[0]) else ""))
    prior_best = max(cands, key=lambda c: (c.base, c.population))
    rule = "prior" if best[3] is prior_best else "context"
    return dataclasses.replace(best[3].geo, rule=rule + ("+capital" if _capital(best[3]) else ""))


def _capital(c: Candidate) -> bool:
    own = WEIGHTS["population"].score * math.log10(c.population + 10)
    return c.geo.feature == "city" and c.base - own >= WEIGHTS["capital"].score - 1e-9


def find_dateline(text: str) -> Mention | None:
    """The place of a dateline opening the text ("GAZA CITY —", "WASHINGTON (AP) —"), else None."""
    match = DATELINE.match(text[:120])
    if match is None:
        return None
    start, end = match.span("place")
    name = text[start:end].strip()
    if name.lower() in ("by", "update", "editor’s note", "editor's note") or len(name) < 3:
        return None
    return Mention(start, start + len(name), name, "DATELINE")


def _with_dateline(actors: list[Actor], text: str, regions: dict[str, Region]) -> tuple[list[Actor], str | None]:
    """The dateline's place joins the actor of that name, or becomes a place actor of its own."""
    mention = find_dateline(text)
    if mention is None or not candidates(mention.text, regions):
        return actors, None
    key = place_key(mention.text)
    for i, actor in enumerate(actors):
        if actor.kind in PLACE_KINDS and key in {place_key(n) for n in _names(actor)}:
            if not any(m.start == mention.start for m in actor.mentions):
                actors[i] = dataclasses.replace(actor, mentions=(mention, *actor.mentions))
            return actors, actor.id
    taken = {a.id for a in actors}
    n = len(actors) + 1
    while f"a{n}" in taken:
        n += 1
    name = " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in mention.text.split())
    code = country_code(mention.text)
    actor = Actor(f"a{n}", name, "country" if code else "place", (mention,), country=code)
    return [*actors, actor], actor.id


def locate(events: Iterable[Event], actors: Sequence[Actor], dateline_id: str | None = None) -> list[Event]:
    """Events with ``location_id``: their clause's place, else their sentence's, else the dateline's."""
    by_id = {a.id: a for a in actors}
    placed = [a for a in actors if a.geo is not None]
    out = []
    for event in events:
        where, rule = None, None
        clause = [by_id[i] for i in event.place_ids if i in by_id and by_id[i].geo is not None]
        if clause:
            where, rule = _most_precise(clause, event), "clause"
        else:
            taken = set(event.source_ids) | set(event.target_ids)
            inside = [a for a in placed if a.id not in taken and _in_sentence(a, event)]
            if inside:
                where, rule = _most_precise(inside, event), "sentence"
            elif dateline_id is not None and dateline_id in by_id and by_id[dateline_id].geo is not None:
                where, rule = by_id[dateline_id], "dateline"
        out.append(dataclasses.replace(event, location_id=where.id if where else None, location_rule=rule))
    return out


def _in_sentence(actor: Actor, event: Event) -> bool:
    s = event.sentence
    return any(s.start <= m.start and m.end <= s.end for m in actor.mentions if m.label not in ("PRON", "DATELINE"))


def _most_precise(actors: list[Actor], event: Event) -> Actor:
    trigger = event.trigger.start

    def distance(a: Actor) -> int:
        spans = [m for m in a.mentions if event.sentence.start <= m.start < event.sentence.end] or list(a.mentions)
        return min(abs(m.start - trigger) for m in spans) if spans else 10**9

    return min(actors, key=lambda a: (a.geo.precision, distance(a)))
