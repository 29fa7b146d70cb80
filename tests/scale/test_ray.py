"""The Ray engine on a small local cluster: Parquet run → DuckDB equals the local engine's store."""

from __future__ import annotations

import duckdb
import pytest

ray = pytest.importorskip("ray", reason="ray[data] is not installed: pip install -e . (it is a declared dependency)")
pytest.importorskip("ray.data", reason="ray[data] is not installed: pip install 'ray[data]'")

from chronicle.scale.load import load_parquet  # noqa: E402
from chronicle.scale.local import ingest_local  # noqa: E402
from chronicle.scale.parquet import MANIFEST, RunError, read_manifest  # noqa: E402
from chronicle.scale.ray_engine import ingest_ray  # noqa: E402
from chronicle import Corpus  # noqa: E402
from chronicle.store import TABLES  # noqa: E402

from .conftest import store_dump  # noqa: E402

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def local_cluster():
    ray.init(num_cpus=3, include_dashboard=False, object_store_memory=100 * 1024 * 1024, logging_level="WARNING")
    yield
    ray.shutdown()


def test_ray_parquet_loaded_equals_local_engine(local_cluster, example_inputs, published, tmp_path):
    """A run (two actors, a batch each), written again over its folder (one actor, one batch: the same
    deterministic ids, once each, no staging left behind), then loaded: the store the local engine makes."""
    run = tmp_path / "run"
    stats = ingest_ray(example_inputs, run, workers=2, published=published, batch_size=1)
    assert (stats.added, stats.errors) == (3, 1)
    # one or both actors may get the blocks (the scheduler's choice); each that worked reports its peak
    assert 1 <= len(stats.worker_peak_mb) <= 2 and all(0 < mb < 1024 for mb in stats.worker_peak_mb.values())

    # one folder per table, at least one part each, and a manifest
    manifest = read_manifest(run)
    assert manifest["articles"] == 3 and manifest["workers"] == 2
    for table in TABLES:
        assert list((run / table).glob("*.parquet")), table

    con = duckdb.connect()
    ids = f"SELECT id, pipeline_version FROM read_parquet('{run}/articles/*.parquet') ORDER BY id"
    written = con.execute(ids).fetchall()
    assert len(written) == len(set(written)) == 3
    # the actors of the run before may still hold their CPUs a moment: this one asks for one actor
    assert ingest_ray(example_inputs, run, workers=1, published=published, batch_size=8).added == 3
    assert con.execute(ids).fetchall() == written
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]

    with Corpus(tmp_path / "local.duckdb") as local:
        ingest_local(example_inputs, local, workers=1, published=published, batch_size=2)
        expected = store_dump(local.connection)
    with Corpus(tmp_path / "ray.duckdb") as corpus:
        first = load_parquet(run, corpus)
        assert store_dump(corpus.connection) == expected
        again = load_parquet(run, corpus)  # idempotent: replaces, never duplicates
        assert store_dump(corpus.connection) == expected
    assert (first.articles, first.replaced, again.replaced) == (3, 0, 3)
    with Corpus(tmp_path / "chunked.duckdb") as corpus:  # one article per transaction: the same store
        assert load_parquet(run, corpus, chunk=1).articles == 3
        assert store_dump(corpus.connection) == expected

    # DuckDB reads the run in place, with the store's columns
    n = con.execute(f"SELECT count(*) FROM read_parquet('{run}/quotes/*.parquet')").fetchone()[0]
    assert n == len(expected["quotes"]) > 0


def test_load_refuses_a_folder_that_is_not_a_run(tmp_path):
    (tmp_path / "junk").mkdir()
    with Corpus(":memory:") as corpus, pytest.raises(RunError, match=MANIFEST):
        load_parquet(tmp_path / "junk", corpus)


def test_largest_first_orders_inputs_by_size_and_keeps_unreadable_ones(tmp_path):
    from chronicle.scale.ray_engine import largest_first

    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text("a" * 10)
    big.write_text("b" * 1000)
    missing = str(tmp_path / "missing.txt")
    pairs = [("small.txt", str(small)), ("missing.txt", missing), ("big.txt", str(big))]
    assert [given for given, _ in largest_first(pairs)] == ["big.txt", "small.txt", "missing.txt"]


def test_two_inputs_sharing_an_id_are_versions_never_mixed(local_cluster, version_inputs, tmp_path):
    """One id with two texts, in separate batches on two actors: each record stays with its own text."""
    from .conftest import check_versions

    run = tmp_path / "run"
    ingest_ray(version_inputs, run, workers=2, batch_size=1)
    with Corpus(tmp_path / "ray.duckdb") as store:
        load_parquet(run, store)
        check_versions(store.connection)
        expected = store_dump(store.connection)
        load_parquet(run, store)  # loading again changes nothing
        check_versions(store.connection)
        assert store_dump(store.connection) == expected
    with Corpus(tmp_path / "chunked.duckdb") as store:
        load_parquet(run, store, chunk=1)
        assert store_dump(store.connection) == expected
    with Corpus(tmp_path / "local.duckdb") as local:
        ingest_local(version_inputs, local, workers=1, batch_size=1)
        assert store_dump(local.connection) == expected


@pytest.mark.parametrize("workers, free, expected", [
    (2, 2, (1, 1.0)),  # the hang of issue 22: two actors on two CPUs left reading none
    (2, 3, (2, 1.0)),
    (8, 4, (3, 1.0)),
    (2, 1, (1, 0.0)),  # one CPU: the actor's, and reading asks for none
    (1, 1.5, (1, 0.0)),
])
def test_plan_pool_keeps_a_cpu_for_reading(workers, free, expected):
    from chronicle.scale.ray_engine import plan_pool

    assert plan_pool(workers, free, 4) == expected


def test_plan_pool_without_a_free_cpu_is_an_error():
    from chronicle.errors import RayUnavailable
    from chronicle.scale.ray_engine import plan_pool

    with pytest.raises(RayUnavailable, match="no free CPU"):
        plan_pool(2, 0.5, 2)


def test_an_address_nobody_answers_is_a_one_line_error_at_once():
    import socket
    import time

    from chronicle.errors import RayUnavailable
    from chronicle.scale.ray_engine import check_reachable

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    with pytest.raises(RayUnavailable, match=f"no Ray cluster answers at 127.0.0.1:{port}.*ray start --head") as err:
        check_reachable(f"127.0.0.1:{port}")
    assert "\n" not in str(err.value) and time.perf_counter() - t0 < 6
    check_reachable("auto")  # nothing to check: Ray finds the address


@ray.remote(num_cpus=1)
class _Blocker:
    def ready(self) -> bool:
        return True


def _hold(cpus: int):
    blocker = _Blocker.options(num_cpus=cpus).remote()
    ray.get(blocker.ready.remote(), timeout=60)
    return blocker


def test_two_workers_on_two_free_cpus_finish(local_cluster, example_inputs, published, tmp_path):
    """Issue 22: --workers 2 with two free CPUs hung (the actors held both, reading waited); now one actor reads with room."""
    blocker = _hold(1)  # 3 CPUs, one held elsewhere: 2 free
    try:
        stats = ingest_ray(example_inputs, tmp_path / "run", workers=2, published=published, batch_size=2, stall_seconds=240)
    finally:
        ray.kill(blocker)
    assert (stats.added, stats.errors, stats.workers) == (3, 1, 1)
    assert read_manifest(tmp_path / "run")["workers"] == 1


def test_a_cluster_without_a_free_cpu_fails_at_once(local_cluster, example_inputs, tmp_path):
    from chronicle.errors import RayUnavailable

    blocker = _hold(3)
    try:
        with pytest.raises(RayUnavailable, match="no free CPU"):
            ingest_ray(example_inputs, tmp_path / "run", workers=2)
    finally:
        ray.kill(blocker)
    assert not (tmp_path / "run").exists()


STALL_SCRIPT = """
import sys, time, ray
from chronicle.errors import RayStalled
from chronicle.scale import ray_engine

ray.init(num_cpus=1, include_dashboard=False, object_store_memory=100 * 1024 * 1024, logging_level="WARNING")

@ray.remote(num_cpus=1)
class Blocker:
    def ready(self):
        return True

blocker = Blocker.remote()
ray.get(blocker.ready.remote(), timeout=60)
ray_engine.plan_pool = lambda workers, free, total, where="ray": (1, 1.0)  # as if the CPU went after planning
t0 = time.perf_counter()
try:
    ray_engine.ingest_ray(sys.argv[1:2], sys.argv[2], workers=1, stall_seconds=3)
except RayStalled as exc:
    print("STALLED", round(time.perf_counter() - t0), ray.is_initialized(), exc)
"""


def test_a_run_that_makes_no_progress_fails_in_bounded_time(example_inputs, tmp_path):
    """Should the CPUs go after the pool was planned, the run fails after stall_seconds, naming the
    cause, and ends its Ray session (in a process of its own: a stalled Ray Data run is not left
    beside the other tests)."""
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", STALL_SCRIPT, str(example_inputs[0]), str(tmp_path / "run")],
                          capture_output=True, text=True, timeout=240, env={**os.environ})
    line = [x for x in done.stdout.splitlines() if x.startswith("STALLED")]
    assert line, done.stdout[-1000:] + done.stderr[-2000:]
    _, seconds, initialized, message = line[0].split(" ", 3)
    assert int(seconds) < 30 and initialized == "False"
    assert message.startswith("ray: no batch came back in 3 s") and "0 of 1 CPUs free" in message
    assert not (tmp_path / "run").exists()
