"""Fault injection for tests/test_faults.py: ingest runs killed (SIGKILL) at chosen points, then resumed.

Run as ``python tests/fault_runs.py INPUTS OUT N SEED``. This process extracts every input once
with the loaded pipeline and never opens a store; every ingest runs in a forked child that
stores those same records (the kill points are in reading, planning and storing, not in spaCy),
so a kill takes nothing else down and a run takes a second, not the seconds extraction takes:

1. ``OUT/clean.duckdb``: one uninterrupted ingest;
2. a counting run: how many kill points (calls into the readers, ingest and the store, and each
   DuckDB ``execute`` they make; not inside spaCy's extraction, which writes nothing) an ingest passes;
3. for each of ``N`` points drawn at random: ``OUT/kill-K.duckdb`` is ingested by a child that
   sends itself SIGKILL at point ``K``, then by a child that runs to the end (the re-run).

It writes ``OUT/points.json``: the points tried and how each killed child ended.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
from pathlib import Path

EXTRACTED: dict = {}  # (origin, text) -> ArticleRecord, filled before any fork
WATCHED = (f"{os.sep}chronicle{os.sep}store{os.sep}", f"{os.sep}chronicle{os.sep}readers{os.sep}",
           f"{os.sep}chronicle{os.sep}ingest.py")


def run(nlp, inputs: str, db: str, kill_at: int | None = None, count_to: str | None = None) -> int:
    """Ingest in a forked child; returns its wait status (a kill shows as SIGKILL)."""
    pid = os.fork()
    if pid:
        return os.waitpid(pid, 0)[1]
    code = 0
    try:
        from chronicle import Corpus
        from chronicle.ingest import ingest_items
        from chronicle.readers.files import read_paths

        seen = 0

        def profile(frame, event, arg):
            nonlocal seen
            name = frame.f_code.co_filename
            if not any(part in name for part in WATCHED):
                return
            if event == "call" or (event == "c_call" and getattr(arg, "__name__", "") == "execute"):
                seen += 1
                if kill_at is not None and seen >= kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)

        import chronicle.ingest

        def extract_cached(nlp, items):  # every run stores the same records, extracted once up front
            return [(EXTRACTED[(i.origin, i.article.text)], i.origin) for i in items], []

        chronicle.ingest.extract_batch = extract_cached
        sys.setprofile(profile)
        try:
            with Corpus(db) as corpus:
                ingest_items(read_paths([inputs]), corpus, nlp=nlp, batch_size=2)
        finally:
            sys.setprofile(None)
        if count_to:
            Path(count_to).write_text(str(seen), encoding="utf-8")
    except BaseException as exc:  # noqa: BLE001 - a child reports and exits
        print(f"fault run failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        code = 1
    os._exit(code)


def main(inputs: str, out: str, n: int, seed: int) -> None:
    from chronicle.pipeline import load_pipeline

    from chronicle.ingest import extract_batch
    from chronicle.readers.files import read_paths

    nlp = load_pipeline()
    items = [i for i in read_paths([inputs]) if i.ok]
    records, failures = extract_batch(nlp, items)
    assert not failures, failures
    EXTRACTED.update({(origin, record.article.text): record for record, origin in records})
    out_dir = Path(out)
    assert run(nlp, inputs, str(out_dir / "clean.duckdb")) == 0, "the clean run failed"
    counter = out_dir / "count.txt"
    assert run(nlp, inputs, str(out_dir / "count.duckdb"), count_to=str(counter)) == 0, "the counting run failed"
    total = int(counter.read_text(encoding="utf-8"))
    points = sorted(random.Random(seed).sample(range(1, total + 1), min(n, total)))
    report = {"total_points": total, "tried": []}
    for k in points:
        db = str(out_dir / f"kill-{k}.duckdb")
        status = run(nlp, inputs, db, kill_at=k)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        resumed = run(nlp, inputs, db)
        report["tried"].append({"point": k, "killed": killed, "resumed_ok": resumed == 0})
    (out_dir / "points.json").write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
