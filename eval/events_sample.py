"""Print a random sample of coded events from PolNeAR texts, for judging precision by hand.

The dev set (``eval/events_dev.jsonl``) scores recall and precision on chosen
sentences; this samples what chronicle codes in whole articles it has not
been tuned on, so a person can mark each event right or wrong:

    python -m eval.events_sample --split train --articles 40 --events 40 --seed 31

Articles whose sentences are in the dev set are left out. The same seed gives
the same articles; the events drawn depend on what the pipeline codes.
"""

from __future__ import annotations

import argparse
import json
import random

from eval.common import DATA, ROOT, polnear_published


def sample(split: str, articles: int, events: int, seed: int) -> list[str]:
    from chronicle.extraction import extract_many
    from chronicle.readers.files import read_paths

    dev_files = {json.loads(line)["file"] for line in (ROOT / "eval" / "events_dev.jsonl").read_text().splitlines() if line.strip()}
    texts = sorted(p for p in (DATA / "polnear" / split / "text").glob("*.txt") if p.name not in dev_files)
    rng = random.Random(seed)
    chosen = rng.sample(texts, min(articles, len(texts)))
    published = polnear_published()
    items = [i.article for i in read_paths(chosen, published=published) if i.ok]
    coded = []
    for record in extract_many(items):
        names = {a.id: a.name for a in record.actors}
        for e in record.events:
            coded.append((e, [names.get(i, i) for i in e.source_ids], [names.get(i, i) for i in e.target_ids]))
    lines = [f"{len(items)} articles, {len(coded)} events; showing {min(events, len(coded))}"]
    for n, (e, sources, targets) in enumerate(rng.sample(coded, min(events, len(coded))), 1):
        lines.append(f"[{n}] {e.type}/{e.mode or '-'}/{e.status} trigger={e.trigger.text!r} "
                     f"source={sources or e.source and e.source.text} target={targets} date={e.date} rule={e.rule}")
        lines.append("     " + " ".join(e.sentence.text.split())[:420])
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.events_sample", description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--events", type=int, default=40)
    parser.add_argument("--seed", type=int, default=31)
    args = parser.parse_args(argv)
    print("\n".join(sample(args.split, args.articles, args.events, args.seed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
