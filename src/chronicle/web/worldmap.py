"""A world map drawn on the server as SVG, from the vendored world-atlas country outlines.

``static/vendor/world-atlas-2.0.2/countries-110m.json`` (Natural Earth 1:110m, TopoJSON, from
the npm package world-atlas; ISC licence) is decoded here, so the map needs no network, no tile
server and no script. The projection is equirectangular: longitude and latitude scaled to a
960 × 480 box, which keeps a point's position easy to check by eye (and by tests).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

WIDTH, HEIGHT = 960, 480
ATLAS = Path(__file__).resolve().parent / "static" / "vendor" / "world-atlas-2.0.2" / "countries-110m.json"


def project(lon: float, lat: float) -> tuple[float, float]:
    """Longitude/latitude → x/y in the map's box (x east, y south)."""
    return round((lon + 180.0) * WIDTH / 360.0, 1), round((90.0 - lat) * HEIGHT / 180.0, 1)


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs, delta-decoded and un-quantised to longitude/latitude."""
    transform = topology.get("transform")
    out = []
    for arc in topology["arcs"]:
        points, x, y = [], 0, 0
        for dx, dy in arc:
            if transform:
                x, y = x + dx, y + dy
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((dx, dy))
        out.append(points)
    return out


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(arc[1:] if ring else arc)
    return ring


def _path(ring: list[tuple[float, float]]) -> str:
    """One ring as SVG path commands; a jump across the antimeridian starts a new subpath."""
    parts, last = [], None
    for lon, lat in ring:
        x, y = project(lon, lat)
        cmd = "M" if last is None or abs(lon - last) > 180 else "L"
        parts.append(f"{cmd}{x} {y}")
        last = lon
    return "".join(parts) + "Z"


@functools.lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str], ...]:
    """``(country name, SVG path d)`` for each country outline, read once."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        d = "".join(_path(_ring(arcs, ring)) for polygon in polygons for ring in polygon)
        out.append(((geometry.get("properties") or {}).get("name", ""), d))
    return tuple(out)
