"""What negotiation positions cost: chronicle_positions against the bare pipeline, in one process.

``ratio``: chronicle_positions' own time over the same documents divided by bare spaCy ``nlp.pipe``
time on them (best of ``--rounds`` each), on real news from ``../shared/data/news`` (else the
examples). Target: <= 0.10 (the issue's "positions cost at most 10% of the bare pipeline").

    python -m bench.positions [--limit 150] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time

from bench.places import MODEL, news_articles

TARGETS = {"ratio": 0.10}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    import spacy

    from chronicle.nlp.positions import AUTHOR
    from chronicle.pipeline import load_pipeline, make_doc

    articles = news_articles(args.limit)
    bare = spacy.load(MODEL)
    nlp = load_pipeline(MODEL)
    positions = nlp.get_pipe("chronicle_positions")
    texts = [a.text for a in articles]
    with nlp.select_pipes(disable=["chronicle_positions"]):
        docs = list(nlp.pipe([make_doc(nlp, a) for a in articles], batch_size=16))
    quotes = [list(d._.quotes or ()) for d in docs]
    events = [list(d._.events or ()) for d in docs]
    bare_s = positions_s = float("inf")
    found = 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=16):
            pass
        bare_s = min(bare_s, time.perf_counter() - start)
        for d, q, e in zip(docs, quotes, events):  # each round from the components' output before positions
            d._.quotes, d._.events = list(q), list(e)
            d.user_data.pop(AUTHOR, None)
        start = time.perf_counter()
        for d in docs:
            positions(d)
        positions_s = min(positions_s, time.perf_counter() - start)
        found = sum(len(d._.positions) for d in docs)
    result = {"articles": len(articles), "positions": found, "bare_s": bare_s, "positions_s": positions_s,
              "ratio": positions_s / bare_s}
    for key, value in result.items():
        print(f"{key:>12}: {value if not isinstance(value, float) else round(value, 4)}")
    ok = result["ratio"] <= TARGETS["ratio"]
    print("targets met" if ok else f"targets missed: {TARGETS}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
