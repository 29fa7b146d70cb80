"""The local engine (a process pool) stores exactly what the one-process ingest stores."""

from __future__ import annotations

from pathlib import Path

from chronicle import Corpus
from chronicle.ingest import ingest
from chronicle.scale.local import ingest_local

from .conftest import store_dump


def test_pool_equals_single_process_ingest(example_inputs, published, tmp_path):
    with Corpus(tmp_path / "one.duckdb") as one:
        plain = ingest(example_inputs, one, published=published, batch_size=2)
        expected = store_dump(one.connection)
    with Corpus(tmp_path / "pool.duckdb") as pool:
        stats = ingest_local(example_inputs, pool, workers=2, published=published, batch_size=2)
        assert store_dump(pool.connection) == expected
        # a re-run skips everything: nothing extracted twice, nothing duplicated
        again = ingest_local(example_inputs, pool, workers=1, published=published, batch_size=2)
        assert store_dump(pool.connection) == expected
    assert (stats.added, stats.errors) == (plain.added, plain.errors) == (3, 1)
    assert again.added == 0 and again.skipped == 3
    # Which of the two workers gets the batches is the scheduler's choice: a fast one may take all
    # (seen on an idle CI machine), so each worker that did work reports its peak.
    assert 1 <= len(stats.worker_peak_mb) <= 2
    assert all(0 < mb < 1024 for mb in stats.worker_peak_mb.values())
    assert sum(stats.worker_articles.values()) == 3
    assert expected["articles"] and expected["quotes"] and expected["errors"]


def test_one_id_with_two_texts_is_two_versions_in_input_order(version_inputs, tmp_path):
    from .conftest import check_versions

    with Corpus(tmp_path / "one.duckdb") as one:
        ingest(version_inputs, one, batch_size=1)
        check_versions(one.connection)
        expected = store_dump(one.connection)
        again = ingest(version_inputs, one, batch_size=1)
        assert (again.added, again.updated) == (0, 0) and store_dump(one.connection) == expected
    with Corpus(tmp_path / "pool.duckdb") as pool:  # batches of one: the two texts are in flight at once
        ingest_local(version_inputs, pool, workers=2, batch_size=1)
        check_versions(pool.connection)
        assert store_dump(pool.connection) == expected


def test_pool_workers_exit_promptly_after_kill_9_of_the_ingest(example_inputs, tmp_path):
    """kill -9 gives the ingest no chance to stop its pool: its workers notice it is gone and exit."""
    import os
    import signal
    import subprocess
    import sys
    import time

    psutil = __import__("pytest").importorskip("psutil")

    def is_worker(proc) -> bool:  # the forkserver's children (the forkserver and the resource tracker are the ingest's)
        try:
            return proc.ppid() != child.pid
        except psutil.Error:
            return False
    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys; from chronicle import Corpus; from chronicle.scale.local import ingest_local\n"
        "with Corpus(sys.argv[1]) as c: ingest_local([sys.argv[2]], c, workers=2, batch_size=30)\n"
    )
    folder = tmp_path / "many"  # two batches of 30 articles: each worker has seconds of work before it
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.txt"))]
    for n in range(60):
        (folder / f"{n:02}.txt").write_text(texts[n % len(texts)] + f"\nStory {n}.\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "k.duckdb"), str(folder)],
                             env={**os.environ, "PYTHONPATH": str(root / "src")})
    try:
        deadline = time.monotonic() + 240
        workers: list = []
        while time.monotonic() < deadline and child.poll() is None:
            workers = [k for k in psutil.Process(child.pid).children(recursive=True) if is_worker(k)]
            if len(workers) >= 2:
                break
            time.sleep(0.1)
        assert len(workers) >= 2, "the pool did not start"
        time.sleep(1.0)  # the workers are loading their pipelines or extracting
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    def running(proc) -> bool:  # a zombie has exited, only not been reaped yet
        try:
            return proc.status() != psutil.STATUS_ZOMBIE
        except psutil.Error:
            return False

    deadline = time.monotonic() + 3
    while (alive := [p for p in workers if running(p)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    info = [(p.pid, p.ppid(), p.status(), p.num_threads(), p.cmdline()[-1][:40]) for p in alive]
    for p in alive:
        p.kill()
    assert alive == [], f"{len(alive)} worker(s) still running 3 s after the ingest was killed: {info}"


def test_the_parent_holds_the_texts_of_the_batches_in_flight_only():
    """Issue 22: the parent's memory does not grow with the run. An article met again while its
    batch is in flight is skipped; once that batch is written the store knows it, and it goes."""
    from chronicle.ingest import IngestStats, plan_batch
    from chronicle.readers.item import Item
    from chronicle.records import Article
    from chronicle.scale.local import InFlight

    def batch(*ids: str) -> list[Item]:
        return [Item(f"in.jsonl:{i}", Article(f"Text {i}.", id=i)) for i in ids]

    seen, stats = InFlight(), IngestStats()
    first, second = batch("a", "b"), batch("b", "c")
    for b in (first, second):
        plan_batch(b, {}, seen.texts, stats)
        seen.sent(b)
    assert stats.skipped == 1 and sorted(seen.texts) == ["a", "b", "c"]
    seen.written(first)
    assert sorted(seen.texts) == ["b", "c"]  # "b" is in the second batch, still in flight
    seen.written(second)
    assert len(seen) == 0
