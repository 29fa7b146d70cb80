"""Places: every place resolved to the right point, on the reference article and on real news.

- ``seed_places``: of the reference article's 16 places (``eval/gold/places_seed.tsv``), how many
  resolve with the right country and within 25 km of the GeoNames point (goal 16).
- ``dev_country`` / ``dev_exact``: on ``eval/gold/places_dev.tsv``, place mentions in
  ``../shared/data/news/`` annotated by hand before the resolver was tuned
  (``eval/gold/PLACES_GUIDELINES.md``), the share whose actor resolves to the right country / to the
  right place (the same GeoNames id, else the same name, else within 25 km in the right country).
  A mention no place actor covers counts as wrong. ``held_*`` are the same on the articles kept
  out of tuning (``split`` = ``held``); read them, do not tune on them.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict

from eval.common import DATA, ROOT, SEED

NAME = "places"
GOLD = ROOT / "eval" / "gold"
KM = 25.0


def _rows(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def right(geo, gold: dict) -> tuple[bool, bool]:
    """(country right, place right) for a resolved ``Geo`` (or None) against a gold row."""
    from chronicle.nlp.gazetteer import distance_km, place_key

    if geo is None:
        return False, False
    country = (gold["country"] or "").strip() or None
    country_ok = geo.country == country
    if gold.get("geonames_id") and geo.geonames_id and str(geo.geonames_id) == gold["geonames_id"]:
        return country_ok, True
    near = distance_km(geo.latitude, geo.longitude, float(gold["latitude"]), float(gold["longitude"])) <= KM
    return country_ok, country_ok and (near or place_key(geo.name) == place_key(gold["name"]))


def seed(nlp) -> tuple[int, list[str]]:
    from chronicle.nlp.gazetteer import place_key
    from chronicle.pipeline import make_doc
    from chronicle.readers import read_text_file
    from chronicle.records import Article

    gold_names = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))["places"]
    points = {r["name"]: r for r in _rows(GOLD / "places_seed.tsv")}
    article = read_text_file(SEED / "article.txt")
    article = Article(article.text, article.id, article.title, "2024-08-13")
    doc = nlp(make_doc(nlp, article))
    good, bad = 0, []
    for name in gold_names:
        key = place_key(name)
        actor = next((a for a in doc._.actors if key in {place_key(a.name), *(place_key(m.text) for m in a.mentions)}), None)
        ok = right(actor.geo if actor else None, points[name])
        if all(ok):
            good += 1
        else:
            bad.append(f"{name}: {actor.geo if actor else 'no actor'}")
    return good, bad


def dev(nlp) -> dict[str, float] | None:
    from chronicle.pipeline import process
    from chronicle.readers.jsonl import read_jsonl

    gold = [r for r in _rows(GOLD / "places_dev.tsv") if r["feature"] != "none"]
    wanted = {r["article_id"] for r in gold}
    articles = []
    for name in ("state_dept.jsonl", "wikinews.jsonl"):
        path = DATA / "news" / name
        if not path.exists():
            return None
        articles += [item.article for item in read_jsonl(path) if item.ok and item.article.id in wanted]
    by_article = defaultdict(list)
    for r in gold:
        by_article[r["article_id"]].append(r)
    tally = defaultdict(lambda: [0, 0, 0])  # split -> [n, country right, place right]
    misses = []
    for article, doc in process(nlp, articles):
        for r in by_article[article.id]:
            start, end = int(r["start"]), int(r["end"])
            actor = next((a for a in doc._.actors if a.kind in ("place", "country")
                          and any(m.start < end and start < m.end for m in a.mentions)), None)
            country_ok, place_ok = right(actor.geo if actor else None, r)
            t = tally[r["split"]]
            t[0] += 1
            t[1] += country_ok
            t[2] += place_ok
            if not place_ok:
                misses.append(f"{r['split']} {r['mention']!r} gold {r['name']} ({r['country']}) got "
                              f"{(actor.geo.name, actor.geo.country) if actor and actor.geo else actor.kind if actor else 'no actor'}")
    out = {}
    for split in ("dev", "held"):
        n, c, p = tally[split]
        out[f"{split}_mentions"] = n
        out[f"{split}_country"] = c / n if n else 0.0
        out[f"{split}_exact"] = p / n if n else 0.0
    for line in misses:
        print("  miss:", line)
    return out


def run() -> dict[str, float] | None:
    if not (SEED / "gold.json").exists():
        return None
    from chronicle.pipeline import load_pipeline

    nlp = load_pipeline()
    good, bad = seed(nlp)
    for line in bad:
        print("  seed miss:", line)
    scores = {"seed_places": good}
    scores.update(dev(nlp) or {})
    return scores
