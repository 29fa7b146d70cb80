"""What quotes cost: chronicle_quotes' own time against the bare spaCy pipeline on the same articles.

``ratio`` is chronicle_quotes' time over the documents (parsed once by every component before it)
divided by bare spaCy ``nlp.pipe`` time on their texts, best of ``--rounds`` each, on real news from
``../shared/data/news`` (else the examples). Target (issue 16): <= 0.10.

    python -m bench.quotes [--limit 150] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time

from bench.places import MODEL, news_articles

TARGETS = {"ratio": 0.10}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import spacy

    from chronicle.pipeline import load_pipeline, make_doc

    articles = news_articles(args.limit)
    bare = spacy.load(MODEL)
    nlp = load_pipeline(MODEL)
    quotes = nlp.get_pipe("chronicle_quotes")
    texts = [a.text for a in articles]
    with nlp.select_pipes(disable=["chronicle_quotes"]):
        docs = list(nlp.pipe([make_doc(nlp, a) for a in articles], batch_size=16))
    bare_s = quotes_s = float("inf")
    n_quotes = 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=16):
            pass
        bare_s = min(bare_s, time.perf_counter() - start)
        start = time.perf_counter()
        for d in docs:
            quotes(d)
        quotes_s = min(quotes_s, time.perf_counter() - start)
        n_quotes = sum(len(d._.quotes) for d in docs)
    result = {"articles": len(articles), "quotes": n_quotes, "bare_s": bare_s, "quotes_s": quotes_s,
              "ratio": quotes_s / bare_s}
    for key, value in result.items():
        print(f"{key:>10}: {value if not isinstance(value, float) else round(value, 4)}")
    ok = result["ratio"] <= TARGETS["ratio"]
    print("target met" if ok else f"target missed: {TARGETS}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
