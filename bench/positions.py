"""What negotiation positions cost: chronicle_positions against the bare pipeline, in one process.

``ratio``: chronicle_positions' own time over the same documents divided by bare spaCy ``nlp.pipe``
time on them (best of ``--rounds`` each), on real news from ``../shared/data/news`` (else the
examples). Target: <= 0.10 (the issue's "positions cost at most 10% of the bare pipeline").

    python -m bench.positions [--limit 150] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from bench.component import own_time, report
from bench.places import news_articles

TARGETS = {"ratio": 0.10}


def _each_round_from_the_same_input(docs: list) -> Callable[[], None]:
    """Each round starts from the components' output before positions (positions add to it)."""
    from chronicle.nlp.positions import AUTHOR

    quotes = [list(d._.quotes or ()) for d in docs]
    events = [list(d._.events or ()) for d in docs]

    def reset() -> None:
        for d, q, e in zip(docs, quotes, events):
            d._.quotes, d._.events = list(q), list(e)
            d.user_data.pop(AUTHOR, None)
    return reset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    result = own_time("chronicle_positions", news_articles(args.limit), args.rounds,
                      reset=_each_round_from_the_same_input, found=lambda doc: len(doc._.positions or ()))
    return report(result, TARGETS)


if __name__ == "__main__":
    sys.exit(main())
