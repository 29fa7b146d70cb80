"""What the joins at the end of an ingest cost on a large store: the articles a join indexes again
found by the join itself (``identity.merge_many`` notes the articles its update of
``article_actors`` returns) against the earlier way, a pass over the whole per-actor index for
the dropped ids (``byactor.reindex`` with their condition), in one process on copies of one store.

    python -m bench.finish_joins --store bench/results/corpus-scale-100000.duckdb [--joins 8] [--rounds 2]

The store is one ``python -m bench.corpus_scale --keep`` built (any chronicle store will do). Each
round copies it twice and, DuckDB on one thread, joins ``--joins`` people named in one to three
articles into people named in 500 to 1,000 (a surname into its full name, as a run's end does),
then indexes and counts again; prints the CPU seconds of each way and their ratio.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def joins(con, n: int) -> dict[str, str]:
    """``{drop: keep}``: people of few articles into people of many (the same pairs for each copy)."""
    pick = ("SELECT actor_id FROM article_actors WHERE kind = 'person' GROUP BY 1 HAVING count(*) BETWEEN ? AND ? "
            "ORDER BY hash(actor_id) LIMIT ?")
    small = [r[0] for r in con.execute(pick, [1, 3, n]).fetchall()]
    big = [r[0] for r in con.execute(pick, [500, 1000, n]).fetchall()]
    return dict(zip(small, big))


def one_round(store: Path, n: int, found_by_pass: bool) -> float:
    """CPU seconds of the joins and the index and counts taken again, on a copy of ``store``."""
    from chronicle.store import byactor, identity
    from chronicle.store.db import duckdb

    with tempfile.TemporaryDirectory(dir=store.parent) as tmp:
        db = Path(tmp) / "copy.duckdb"
        shutil.copy(store, db)
        con = duckdb.connect(str(db))
        con.execute("SET threads = 1")
        drops = joins(con, n)
        con.execute("BEGIN TRANSACTION")
        cpu = time.process_time()
        identity.merge_many(con, drops, reason="bench", index_now=False)
        if found_by_pass:  # the earlier way: the articles found by a pass over the index's ids and lists
            pending = identity._meta_json(con, identity.INDEX_PENDING_KEY)
            con.execute("DELETE FROM meta WHERE key = ?", [identity.INDEX_PENDING_KEY])
            from chronicle.store import stats

            stats.refresh(con, pending["counted"] + pending.get("joined", []))  # (the earlier recount too)
            byactor.reindex(con, "list_contains($olds::VARCHAR[], actor_id) OR list_has_any(others, $olds::VARCHAR[])",
                            {"olds": list(drops)})
        else:
            identity.settle_index(con)
        seconds = time.process_time() - cpu
        con.execute("ROLLBACK")
        con.close()
        return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--joins", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    if not args.store.exists():
        print(f"skipped: {args.store} not found (python -m bench.corpus_scale --keep builds one)")
        return 0
    before, after = [], []
    for _ in range(args.rounds):
        before.append(one_round(args.store, args.joins, True))
        after.append(one_round(args.store, args.joins, False))
    b, a = statistics.median(before), statistics.median(after)
    print(f"{args.joins} joins into {args.store.name}, DuckDB on one thread, median of {args.rounds}")
    print(f"articles found by a pass over the index  {b:6.2f} s CPU  {[round(x, 2) for x in before]}")
    print(f"articles noted by the join               {a:6.2f} s CPU  {[round(x, 2) for x in after]}   ratio {a / b:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
