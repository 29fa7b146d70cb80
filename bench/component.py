"""One component's own time against the bare spaCy pipeline, the measure of the per-component benches.

The documents are parsed once by the whole pipeline without the component; then, best of
``rounds`` each, bare spaCy ``nlp.pipe`` runs on the texts and the component alone on the
documents. ``ratio`` is the component's time over bare spaCy's.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from bench.places import MODEL


def own_time(name: str, articles: Sequence[Any], rounds: int,
             reset: Callable[[list[Any]], Any] | None = None,
             found: Callable[[Any], int] = lambda doc: 0) -> dict[str, float]:
    """``{"articles", "found", "bare_s", "own_s", "ratio"}`` for the pipe ``name``; ``reset(docs)``
    (optional) gives the component the same input every round; ``found(doc)`` counts its output."""
    import spacy

    from chronicle.pipeline import load_pipeline, make_doc

    bare = spacy.load(MODEL)
    nlp = load_pipeline(MODEL)
    component = nlp.get_pipe(name)
    texts = [a.text for a in articles]
    with nlp.select_pipes(disable=[name]):
        docs = list(nlp.pipe([make_doc(nlp, a) for a in articles], batch_size=16))
    if reset is not None:
        reset = reset(docs)  # the first call keeps what it needs and returns the reset itself
    bare_s = own_s = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=16):
            pass
        bare_s = min(bare_s, time.perf_counter() - start)
        if reset is not None:
            reset()
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        own_s = min(own_s, time.perf_counter() - start)
    return {"articles": len(articles), "found": sum(found(d) for d in docs), "bare_s": bare_s,
            "own_s": own_s, "ratio": own_s / bare_s}


def report(result: dict[str, float], targets: dict[str, float]) -> int:
    """Print the result and whether it meets ``targets`` (upper bounds); the exit status."""
    for key, value in result.items():
        print(f"{key:>10}: {value if not isinstance(value, float) else round(value, 4)}")
    missed = {k: v for k, v in targets.items() if result[k] > v}
    print("targets met" if not missed else f"targets missed: {missed}")
    return 1 if missed else 0
