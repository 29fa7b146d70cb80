"""Whether storing slows down as the store grows: the same articles' records written into an empty
store and into a large one (a synthetic store of :mod:`bench.corpus_scale`, copied first).

    python -m bench.ingest_scale --big STORE [--limit 84] [--batch-size 64] [--rounds 2] [--dir DIR]

The records are extracted once (PolNeAR dev texts: ids the synthetic stores, made of train texts,
do not hold), timed per article on one core, and kept in ``DIR/ingest-scale-records.pkl``. Each
round writes them batch by batch through :class:`chronicle.store.writer.Writer` (one transaction
per batch, as an ingest does) and ends with ``Writer.finish`` (the run's actor joins and the
index's sort order: timed apart, since it runs once per run and reads every person), into a fresh
empty store and into a fresh copy of ``--big``; the best round of each is reported. The copy is
marked as a store some run has already finished (``meta`` ``reconciled``), as any store an analyst
has ingested into is: the first end of a run on a store reads the whole corpus once, which
``--first-end`` times instead. The copy's articles are dated a day back first (:func:`aged`): a
store built minutes ago holds articles within the end's clock slack, and its end would read them
all. The whole ingest's rate is then extraction plus storing per article, with extraction the same
in both (it does not read the store).
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def records(folder: Path, limit: int) -> tuple[list, float]:
    """The dev articles' ``(record, origin)`` pairs and the extraction seconds per article (one process)."""
    cache = folder / f"ingest-scale-records-{limit}.pkl"
    if cache.exists():
        with open(cache, "rb") as handle:
            return pickle.load(handle)
    from bench.ingest import load_polnear
    from chronicle.extraction import extract_batch
    from chronicle.pipeline import load_pipeline

    articles = [a for a in load_polnear(POLNEAR) if a.source == "polnear/dev"][:limit]
    nlp = load_pipeline()
    t0 = time.perf_counter()
    out = []
    for k in range(0, len(articles), 16):
        batch = articles[k:k + 16]
        out += [(r, f"dev/{a.id}") for a, r in zip(batch, extract_batch(batch, nlp)) if hasattr(r, "article")]
    per_article = (time.perf_counter() - t0) / max(1, len(articles))
    with open(cache, "wb") as handle:
        pickle.dump((out, per_article), handle)
    return out, per_article


def extraction_cpu(limit: int) -> float:
    """CPU seconds per article of extraction in this process (the first ``limit`` dev articles, after
    one warm-up batch): what a core spends per article, whatever else the machine runs."""
    from bench.ingest import load_polnear
    from chronicle.extraction import extract_batch
    from chronicle.pipeline import load_pipeline

    articles = [a for a in load_polnear(POLNEAR) if a.source == "polnear/dev"][:limit + 4]
    nlp = load_pipeline()
    extract_batch(articles[:4], nlp)
    t0 = time.process_time()
    for k in range(4, len(articles), 16):
        extract_batch(articles[k:k + 16], nlp)
    return (time.process_time() - t0) / max(1, len(articles) - 4)


def store_seconds(db: Path, pairs: list, batch_size: int, finish: bool = True) -> tuple[float, float]:
    """Seconds to write ``pairs`` into the store ``db`` batch by batch, and then ``Writer.finish``
    (once per run: the run's actor joins, which read every person, and the index's sort order)."""
    from chronicle.store import Store
    from chronicle.store.writer import Writer

    store = Store(str(db))
    try:
        writer = Writer(store.connection)
        t0 = time.perf_counter()
        for k in range(0, len(pairs), batch_size):
            writer.write(pairs[k:k + batch_size])
        t1 = time.perf_counter()
        if finish:
            writer.finish()
        return t1 - t0, time.perf_counter() - t1
    finally:
        store.close()


def mark_finished(db: Path) -> None:
    """Mark a copied store as one whose runs have reached their end (a synthetic store is built
    without the mark, so its first run would read every person once)."""
    import duckdb

    from chronicle.store.identity import FINISHED_KEY

    con = duckdb.connect(str(db))
    try:
        con.execute("INSERT INTO meta VALUES (?, 'yes') ON CONFLICT (key) DO NOTHING", [FINISHED_KEY])
    finally:
        con.close()


def aged(db: Path) -> None:
    """Date the copy's articles a day earlier: a store built minutes ago would hold articles stored
    within the end's clock slack (``identity.CLOCK_SLACK``), and the end would read the whole corpus."""
    import duckdb

    con = duckdb.connect(str(db))
    try:
        con.execute("UPDATE articles SET ingested_at = ingested_at - INTERVAL 1 DAY "
                    "WHERE ingested_at > now()::TIMESTAMP - INTERVAL 1 HOUR")
    finally:
        con.close()


def upgraded(db: Path) -> None:
    """Open the copy once and close it: a store of an older schema is upgraded (and checkpointed)
    here, not inside the timed run (a run's first commit would write the upgrade's changes)."""
    from chronicle.store import Store

    store = Store(str(db))
    try:
        store.connection.execute("CHECKPOINT")
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest_scale", description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=Path, required=True, help="a large store (bench.corpus_scale --keep) to ingest into")
    parser.add_argument("--limit", type=int, default=84, help="dev articles to extract and store")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-finish", action="store_true", help="time the batches only, not Writer.finish")
    parser.add_argument("--first-end", action="store_true",
                        help="leave the copy unmarked: time the one-off whole-corpus read of a store's first end of a run")
    parser.add_argument("--cpu", type=int, default=24, help="dev articles whose extraction CPU time is measured (0: none)")
    parser.add_argument("--dir", type=Path, default=ROOT / "bench" / "results", help="where the copies go")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    pairs, extract = records(args.dir, args.limit)
    n = len(pairs)
    print(f"{n} records; extraction {extract:.2f} s per article on one process "
          f"(load average {os.getloadavg()[0]:.1f})", flush=True)
    if args.cpu:
        cpu = extraction_cpu(args.cpu)
        print(f"extraction: {cpu:.2f} CPU s per article ({1 / cpu:.2f} articles/s per core)", flush=True)
    best: dict[str, float] = {}
    cpu_store: dict[str, float] = {}
    for r in range(args.rounds):
        for label in ("empty", "big"):
            db = args.dir / f"ingest-scale-{label}.duckdb"
            for p in (db, Path(str(db) + ".wal")):
                p.unlink(missing_ok=True)
            if label == "big":
                shutil.copyfile(args.big, db)
                if not args.first_end:
                    mark_finished(db)
                aged(db)  # (its articles stored within the end's clock slack would make the end read them all)
                upgraded(db)
            c0 = time.process_time()
            seconds, finish = store_seconds(db, pairs, args.batch_size, not args.no_finish)
            used = time.process_time() - c0
            best[label] = min(best.get(label, seconds), seconds)
            cpu_store[label] = min(cpu_store.get(label, used), used)
            print(f"  round {r + 1}, into {label}: {seconds:.2f} s to write the batches ({n / seconds:.1f} articles/s), "
                  f"{finish:.2f} s to finish the run (load average {os.getloadavg()[0]:.1f})", flush=True)
            for p in (db, Path(str(db) + ".wal")):
                p.unlink(missing_ok=True)
    empty, big = best["empty"] / n, best["big"] / n
    print(f"storing: {1 / empty:.1f} articles/s into an empty store, {1 / big:.1f} into {args.big.name} "
          f"({empty / big:.2f} of the empty rate); CPU {cpu_store['empty'] / n * 1000:.0f} vs "
          f"{cpu_store['big'] / n * 1000:.0f} ms per article")
    print(f"ingest (extraction + storing, one process): {1 / (extract + empty):.2f} vs "
          f"{1 / (extract + big):.2f} articles/s ({(extract + empty) / (extract + big):.3f} of the empty rate)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
