"""A small ego network laid out server-side for an inline SVG: the actor in the middle,
the actors they interact with on a circle around them, sized by how often."""

from __future__ import annotations

import math
from typing import Any

WIDTH, HEIGHT = 560, 400


def layout(network: dict[str, Any], width: int = WIDTH, height: int = HEIGHT) -> dict[str, Any]:
    """Positions for ``queries.actor_network()``'s nodes and links (names already filled in)."""
    nodes = network["nodes"]
    cx, cy = width / 2, height / 2
    ring = nodes[1:]
    radius = min(width, height) / 2 - 48
    top = max((n["weight"] for n in ring), default=1) or 1
    placed: dict[str, dict[str, Any]] = {}
    if nodes:
        c = nodes[0]
        placed[c["id"]] = {**c, "x": cx, "y": cy, "r": 16, "label": _short(c["name"]), "anchor": "middle", "ly": cy + 32}
    for k, n in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * k / len(ring)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        r = 5 + 7 * math.sqrt(n["weight"] / top)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if math.cos(angle) > 0 else "end")
        lx = x + (r + 4) * (1 if math.cos(angle) > 0 else -1) if anchor != "middle" else x
        ly = y + (r + 12) * math.sin(angle) + 4 if anchor == "middle" else y + 4
        placed[n["id"]] = {
            **n, "x": round(x, 1), "y": round(y, 1), "r": round(r, 1), "label": _short(n["name"]),
            "anchor": anchor, "lx": round(lx, 1), "ly": round(ly, 1),
        }
    top_link = max((link["weight"] for link in network["links"]), default=1) or 1
    links = []
    for link in network["links"]:
        a, b = placed.get(link["source"]), placed.get(link["target"])
        if a and b:
            links.append({
                **link, "x1": a["x"], "y1": a["y"], "x2": b["x"], "y2": b["y"],
                "width": round(1 + 4 * link["weight"] / top_link, 1),
            })
    return {"width": width, "height": height, "nodes": list(placed.values()), "links": links}


def _short(name: str, size: int = 24) -> str:
    return name if len(name) <= size else name[: size - 1] + "…"
