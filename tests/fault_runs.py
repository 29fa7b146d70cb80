"""Fault injection for the fault tests: the ingest's main process killed (SIGKILL) at chosen
points, then run again.

Run as ``python tests/fault_runs.py MODES INPUTS OUT N SEED [BATCH [MAX_CHARS]]``, ``MODES`` one or
more of these, comma-separated, each run into ``OUT/MODE``:

- ``process``: ``chronicle ingest`` in one process (:func:`chronicle.ingest.ingest_items`) over
  the folder ``INPUTS``;
- ``pool``: the local engine's process pool (:func:`chronicle.scale.local.ingest_items_local`,
  two workers, forked) over the folder ``INPUTS``; the kills are in the pool's parent, the
  process that reads, plans and stores;
- ``load``: ``chronicle load`` (:func:`chronicle.scale.load.load_parquet`) of the Ray engine's
  Parquet run ``INPUTS``: the step that writes a Ray run into the store.

This process extracts every input once with the loaded pipeline (``process`` and ``pool``) and
never opens a store; every run is a forked child that stores those same records (the kill points
are in reading, planning and storing, not in spaCy), so a kill takes nothing else down and a run
costs what storing costs, not what extraction does:

1. ``OUT/MODE/clean.duckdb``: one uninterrupted run, which also counts its kill points (calls into
   chronicle's readers, ingest, engines and store, and each DuckDB ``execute`` they make);
2. for each of ``N`` points drawn at random: ``OUT/MODE/kill-K.duckdb`` is written by a child that
   sends itself SIGKILL at point ``K``, then by a child that runs to the end (the re-run).

It writes ``OUT/MODE/points.json``: the points tried and how each killed child ended.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
from pathlib import Path

EXTRACTED: dict = {}  # (origin, text) -> ArticleRecord, filled before any fork
NLP: list = []  # the loaded pipeline (the process engine asks for it, to read its version)
WATCHED = tuple(f"{os.sep}chronicle{os.sep}{part}" for part in
                (f"store{os.sep}", f"readers{os.sep}", f"scale{os.sep}", "ingest.py"))


class CachedExtractor:
    """The pool workers' Extractor: the records extracted up front, looked up (see EXTRACTED)."""

    version = "cached"

    def __init__(self, model=None):
        self.worker = f"cached:{os.getpid()}"

    def run(self, items):
        from chronicle.scale.worker import BatchResult

        return BatchResult([(EXTRACTED[(i.origin, i.article.text)], i.origin) for i in items], [], self.worker, 0.0, 0.0)


def store(mode: str, inputs: str, db: str, batch: int, max_chars: int) -> None:
    from chronicle import Corpus
    from chronicle.readers.files import read_paths

    with Corpus(db) as corpus:
        if mode == "load":
            from chronicle.scale.load import load_parquet

            load_parquet(inputs, corpus)
        elif mode == "pool":
            from chronicle.scale import local

            local.ingest_items_local(read_paths([inputs], max_chars=max_chars), corpus, workers=2, batch_size=batch,
                                     start_method="fork")
        else:
            from chronicle.ingest import ingest_items

            ingest_items(read_paths([inputs], max_chars=max_chars), corpus, nlp=NLP[0], batch_size=batch)


def run(mode: str, inputs: str, db: str, batch: int, max_chars: int, kill_at: int | None = None,
        count_to: str | None = None) -> int:
    """One run in a forked child; returns its wait status (a kill shows as SIGKILL)."""
    pid = os.fork()
    if pid:
        return os.waitpid(pid, 0)[1]
    code = 0
    me = os.getpid()
    try:
        seen = 0

        def profile(frame, event, arg):
            nonlocal seen
            if os.getpid() != me:  # a forked pool worker inherits the hook: it only counts in the parent
                return
            name = frame.f_code.co_filename
            if not any(part in name for part in WATCHED):
                return
            if event == "call" or (event == "c_call" and getattr(arg, "__name__", "") == "execute"):
                seen += 1
                if kill_at is not None and seen >= kill_at:
                    os.kill(me, signal.SIGKILL)

        sys.setprofile(profile)
        try:
            store(mode, inputs, db, batch, max_chars)
        finally:
            sys.setprofile(None)
        if count_to:
            Path(count_to).write_text(str(seen), encoding="utf-8")
    except BaseException as exc:  # noqa: BLE001 - a child reports and exits
        print(f"fault run failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        code = 1
    os._exit(code)


def prepare(mode: str, inputs: str, max_chars: int) -> None:
    """Extract every readable input once, and make every run use those records."""
    if mode == "load":
        return
    import chronicle.ingest
    from chronicle.ingest import extract_batch
    from chronicle.pipeline import load_pipeline
    from chronicle.readers.files import read_paths
    from chronicle.scale import local

    items = [i for i in read_paths([inputs], max_chars=max_chars) if i.ok]
    NLP.append(load_pipeline())
    records, failures = extract_batch(NLP[0], items)
    assert not failures, failures
    EXTRACTED.update({(origin, record.article.text): record for record, origin in records})

    def extract_cached(nlp, items):
        return [(EXTRACTED[(i.origin, i.article.text)], i.origin) for i in items], []

    chronicle.ingest.extract_batch = extract_cached
    local.Extractor = CachedExtractor


def main(modes: str, inputs: str, out: str, n: int, seed: int, batch: int = 2, max_chars: int = 0) -> None:
    from chronicle.readers.text import MAX_CHARS

    max_chars = max_chars or MAX_CHARS
    for mode in modes.split(","):
        assert mode in ("process", "pool", "load"), mode
        if not EXTRACTED:
            prepare(mode, inputs, max_chars)
        out_dir = Path(out) / mode
        out_dir.mkdir(parents=True, exist_ok=True)
        counter = out_dir / "count.txt"
        assert run(mode, inputs, str(out_dir / "clean.duckdb"), batch, max_chars, count_to=str(counter)) == 0, \
            f"the clean {mode} run failed"
        total = int(counter.read_text(encoding="utf-8"))
        points = sorted(random.Random(seed).sample(range(1, total + 1), min(n, total)))
        report = {"mode": mode, "total_points": total, "tried": []}
        for k in points:
            db = str(out_dir / f"kill-{k}.duckdb")
            status = run(mode, inputs, db, batch, max_chars, kill_at=k)
            killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            resumed = run(mode, inputs, db, batch, max_chars)
            report["tried"].append({"point": k, "killed": killed, "resumed_ok": resumed == 0})
            print(f"{mode}: point {k} of {total}: killed {killed}, re-run ok {resumed == 0}", file=sys.stderr, flush=True)
        (out_dir / "points.json").write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), *map(int, sys.argv[6:8]))
