"""Where the end of a run (``Writer.finish``) spends its CPU on a large store, statement by statement.

    python -m bench.finish_profile --big STORE [--limit 84] [--batch-size 64] [--top 25] [--json OUT]

The records are :mod:`bench.ingest_scale`'s (PolNeAR dev texts, extracted once and kept in
``--dir``). The store is copied and marked as one some run has finished (meta ``reconciled``), then
two runs go into the copy: the records (``joins``: their surnames join stored people) and the same
records under new ids (``none``: what they name is joined already, so the end joins nothing). Each
``Writer.finish`` runs through a connection that times every statement (CPU of the process, the
fetch of its rows included) and names the function that ran it. Run it with ``PYTHONPATH`` naming
the chronicle to time (``/path/src``) before this checkout, so two versions are timed in turns.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

from bench.ingest_scale import ROOT, aged, mark_finished, records, upgraded


class TimedConnection:
    """A DuckDB connection that adds each statement's CPU seconds (execute and fetch) to ``log``,
    keyed by the calling function and the statement's start."""

    def __init__(self, con, log: dict):
        self._con = con
        self._log = log
        self._last = None

    @property
    def connection(self):  # (Writer fetches its connection from a store-like object)
        return self

    def execute(self, sql, *args, **kwargs):
        key = (sys._getframe(1).f_code.co_name, " ".join(str(sql).split())[:110])
        t0 = time.process_time()
        self._con.execute(sql, *args, **kwargs)
        self._add(key, time.process_time() - t0, 1)
        return self

    def _add(self, key, seconds: float, calls: int) -> None:
        entry = self._log.setdefault(key, [0.0, 0])
        entry[0] += seconds
        entry[1] += calls
        self._last = key

    def _fetch(self, name: str, *args):
        t0 = time.process_time()
        out = getattr(self._con, name)(*args)
        if self._last is not None:
            self._add(self._last, time.process_time() - t0, 0)
        return out

    def fetchall(self):
        return self._fetch("fetchall")

    def fetchone(self):
        return self._fetch("fetchone")

    def fetchmany(self, *args):
        return self._fetch("fetchmany", *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def renamed(pairs: list, suffix: str) -> list:
    """The records under new article ids (``ID~suffix``)."""
    return [(dataclasses.replace(r, article=dataclasses.replace(r.article, id=f"{r.article.id}~{suffix}")),
             f"{origin}~{suffix}") for r, origin in pairs]


def profile_run(store, pairs: list, batch_size: int) -> tuple[float, dict]:
    """Write ``pairs`` batch by batch, then time ``Writer.finish``: its CPU seconds and statements."""
    from chronicle.store.writer import Writer

    log: dict = {}
    timed = TimedConnection(store.connection, log)
    writer = Writer(timed)
    for k in range(0, len(pairs), batch_size):
        writer.write(pairs[k:k + batch_size])
    log.clear()
    t0 = time.process_time()
    writer.finish()
    return time.process_time() - t0, dict(log)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.finish_profile", description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=Path, required=True, help="a large store (bench.corpus_scale --keep)")
    parser.add_argument("--limit", type=int, default=84)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--top", type=int, default=25, help="statements shown per run")
    parser.add_argument("--json", type=Path, help="append the runs' totals and statements here (one JSON line)")
    parser.add_argument("--dir", type=Path, default=ROOT / "bench" / "results", help="records and the copy")
    args = parser.parse_args(argv)
    from chronicle.store import Store
    import chronicle

    pairs, _ = records(args.dir, args.limit)
    db = args.dir / f"finish-profile-{os.getpid()}.duckdb"
    shutil.copyfile(args.big, db)
    out = {"chronicle": str(Path(chronicle.__file__).parent), "load": os.getloadavg()[0], "runs": {}}
    try:
        mark_finished(db)
        aged(db)
        upgraded(db)
        store = Store(str(db))
        try:
            for label, run in (("joins", pairs), ("none", renamed(pairs, "2"))):
                total, log = profile_run(store, run, args.batch_size)
                out["runs"][label] = {"cpu": total, "statements": [[*k, *v] for k, v in log.items()]}
                by_function: dict[str, float] = defaultdict(float)
                for (function, _), (seconds, _) in log.items():
                    by_function[function] += seconds
                print(f"{label}: Writer.finish {total:.3f} s CPU ({out['chronicle']}, load {os.getloadavg()[0]:.1f})")
                for (function, sql), (seconds, calls) in sorted(log.items(), key=lambda kv: -kv[1][0])[:args.top]:
                    print(f"  {seconds:7.3f} {calls:3d}x {function:28.28s} {sql}")
                print("  by function: " + ", ".join(f"{f} {s:.3f}" for f, s in sorted(by_function.items(), key=lambda x: -x[1])[:8]))
        finally:
            store.close()
    finally:
        for p in (db, Path(str(db) + ".wal")):
            p.unlink(missing_ok=True)
    if args.json:
        with open(args.json, "a") as handle:
            handle.write(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
