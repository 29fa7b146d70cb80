"""What quotes cost: chronicle_quotes' own time against the bare spaCy pipeline on the same articles.

``ratio`` is chronicle_quotes' time over the documents (parsed once by every component before it)
divided by bare spaCy ``nlp.pipe`` time on their texts, best of ``--rounds`` each, on real news from
``../shared/data/news`` (else the examples). Target (issue 16): <= 0.10.

    python -m bench.quotes [--limit 150] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys

from bench.component import own_time, report
from bench.places import news_articles

TARGETS = {"ratio": 0.10}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    result = own_time("chronicle_quotes", news_articles(args.limit), args.rounds,
                      found=lambda doc: len(doc._.quotes or ()))
    return report(result, TARGETS)


if __name__ == "__main__":
    sys.exit(main())
