"""Fault injection on the engines' workers: pool workers and Ray actors killed (SIGKILL) mid-batch,
over a few hundred real and broken inputs (see fault_corpus.py).

After each run the store holds every article once, its current text and its old versions,
an errors row for every bad input and nothing else, and every record belongs to, and points
into, its article (``check_store``); it equals an uninterrupted run row for row, and running
again changes nothing. ``CHRONICLE_FAULT_INPUTS`` sets the number of inputs (default 300),
``CHRONICLE_FAULT_WORKER_KILLS`` the workers killed per run (default 2),
``CHRONICLE_FAULT_RAY_DRIVER_KILLS`` how often the Ray engine's driver is killed before its
run (default 1) and ``CHRONICLE_FAULT_POINTS`` the kill points its load tries (default 3).
"""

from __future__ import annotations

import os
import random
import signal
import threading
from pathlib import Path

import pytest

from chronicle import Corpus
from chronicle.readers.files import read_paths
from chronicle.scale.local import ingest_local

from .fault_corpus import MAX_CHARS, actors_by_name, check_store, dump, dump_by_name, make_corpus

pytestmark = pytest.mark.faults

INPUTS = int(os.environ.get("CHRONICLE_FAULT_INPUTS", "300"))
KILLS = int(os.environ.get("CHRONICLE_FAULT_WORKER_KILLS", "2"))
RAY_DRIVER_KILLS = int(os.environ.get("CHRONICLE_FAULT_RAY_DRIVER_KILLS", "1"))
LOAD_POINTS = int(os.environ.get("CHRONICLE_FAULT_POINTS", "3"))
BATCH = 8


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults") / "in"
    exp = make_corpus(folder, INPUTS)
    files = set(exp.files)
    file_ids = {i.origin: i.article.id for i in read_paths([folder], max_chars=MAX_CHARS) if i.ok and i.origin in files}
    assert len(file_ids) == len(files)
    return folder, exp, file_ids


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    """An uninterrupted pool ingest: what every interrupted one must end as."""
    folder, exp, file_ids = corpus
    with Corpus(tmp_path_factory.mktemp("clean") / "clean.duckdb") as store:
        stats = ingest_local([folder], store, workers=2, batch_size=BATCH, max_chars=MAX_CHARS)
        check_store(store.connection, exp, file_ids)
        assert stats.errors == len(exp.errors) and stats.worker_restarts == 0
        return dump(store.connection), dump_by_name(store.connection), actors_by_name(store.connection)


def _children_of(pid: int) -> set[int]:
    """Processes whose parent or grandparent is ``pid`` (the pool's workers are the forkserver's children)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    return {p for p, pp in parents.items() if pp == pid or parents.get(pp) == pid}


class Killer:
    """A progress callback that, at chosen results, kills a worker a moment later (while it extracts
    one of the batches in flight). ``mine(pid)`` says whether a pid is a worker of this run."""

    def __init__(self, results: int, kills: int, seed: int, mine):
        self.rnd = random.Random(seed)
        self.at = set(self.rnd.sample(range(1, max(2, results - 2)), min(kills, max(1, results - 3))))
        self.mine = mine
        self.calls = 0
        self.killed: list[int] = []
        self.timers: list[threading.Timer] = []

    def __call__(self, stats, n) -> None:
        self.calls += 1
        if self.calls not in self.at:
            return
        pids = [int(w.rsplit(":", 1)[1]) for w in sorted(stats.worker_peak_mb)]
        pids = [p for p in pids if self.mine(p)]
        if pids:
            timer = threading.Timer(self.rnd.uniform(0.0, 0.3), self.kill, (self.rnd.choice(pids),))
            self.timers.append(timer)
            timer.start()

    def kill(self, pid: int) -> None:
        if self.mine(pid):
            os.kill(pid, signal.SIGKILL)
            self.killed.append(pid)

    def join(self) -> None:
        for timer in self.timers:
            timer.join()


def test_pool_workers_killed_mid_batch_lose_and_repeat_nothing(corpus, clean, tmp_path):
    folder, exp, file_ids = corpus
    clean = clean[0]
    me = os.getpid()
    killer = Killer(INPUTS // BATCH, KILLS, 17, lambda pid: pid in _children_of(me))
    with Corpus(tmp_path / "killed.duckdb") as store:
        stats = ingest_local([folder], store, workers=2, batch_size=BATCH, max_chars=MAX_CHARS, progress=killer)
        killer.join()
        assert killer.killed, "no worker was killed"
        assert stats.worker_restarts >= 1
        check_store(store.connection, exp, file_ids)
        assert dump(store.connection) == clean
        again = ingest_local([folder], store, workers=1, batch_size=BATCH, max_chars=MAX_CHARS)
        assert (again.added, again.updated) == (0, 0)
        assert dump(store.connection) == clean
    print(f"pool: {len(killer.killed)} workers killed mid-batch over {exp.inputs} inputs, "
          f"{stats.worker_restarts} restarts; the store equals the clean run")


POISON_SCRIPT = """
import os, signal, sys
from chronicle import Corpus
from chronicle.scale import local
from chronicle.scale.worker import Extractor

real = Extractor.run

def poisoned(self, items):
    if any("CHRONICLE-TEST-POISON" in i.article.text for i in items):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(self, items)

Extractor.run = poisoned
local.START_METHOD = "fork"  # the workers are forked from here, so they inherit it
with Corpus(sys.argv[2]) as store:
    stats = local.ingest_local([sys.argv[1]], store, workers=1, batch_size=1)
    rows = store.connection.execute("SELECT origin, article_id, stage, reason FROM errors").fetchall()
print("RESULT", stats.added, stats.errors, stats.worker_restarts, local.WORKER_RETRIES, repr(rows))
"""


def test_a_batch_that_kills_its_worker_each_time_becomes_error_rows(tmp_path):
    """A poison batch (its worker dies every time) does not stop the ingest: after the retries its
    articles are error rows, and the other batches are stored. (In an interpreter of its own: its
    workers are forked, and they must not inherit what earlier tests left in this one.)"""
    import subprocess
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        '{"id": "ok-1", "text": "Kenya and Ethiopia agreed on Tuesday to revive a border commission."}\n'
        '{"id": "poison", "text": "CHRONICLE-TEST-POISON"}\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", POISON_SCRIPT, str(folder), str(tmp_path / "p.duckdb")],
                          capture_output=True, text=True, timeout=600, env={**os.environ})
    line = [x for x in done.stdout.splitlines() if x.startswith("RESULT ")]
    assert line, done.stdout[-1000:] + done.stderr[-3000:]
    added, errors, restarts, retries, rows = line[0].split(" ", 5)[1:]
    assert (int(added), int(errors), int(restarts)) == (1, 1, 1 + int(retries))
    (origin, aid, stage, reason), = eval(rows)  # noqa: S307 - our own repr of plain tuples
    assert (origin, aid, stage) == (f"{folder / 'a.jsonl'}:2", "poison", "extract") and "died" in reason


RAY_DRIVER = """
import sys
from chronicle.scale.ray_engine import ingest_ray

def progress(stats, n):
    print("RESULT", stats.seen, flush=True)

ingest_ray([sys.argv[1]], sys.argv[2], workers=2, batch_size=int(sys.argv[3]), max_chars=int(sys.argv[4]),
           progress=progress, stall_seconds=300)
"""


def kill_ray_driver(folder: Path, run: Path, results: int, seed: int) -> tuple[int, int, float]:
    """Start a Ray ingest (it starts its own local cluster) in a process of its own and SIGKILL that
    process, the driver, after a random number of batches came back; then every process it started
    (Ray's GCS, raylet and workers, the extraction actors) must be gone within 15 s (Ray's dashboard
    and runtime-env agents, which do no work, poll for their raylet and exit by themselves within
    about a minute; they are not waited for). Returns the batch it was killed after, the processes
    that went with it and the seconds until the last working one had gone."""
    import subprocess
    import sys
    import time

    psutil = pytest.importorskip("psutil")
    rnd = random.Random(seed)
    after = rnd.randrange(1, max(2, results // 2))
    log = run.parent / f"driver-{seed}.log"
    tree: dict[int, object] = {}

    def gather(pid: int) -> None:  # every process the driver started, as long as it runs
        try:
            for p in psutil.Process(pid).children(recursive=True):
                tree.setdefault(p.pid, p)
        except psutil.Error:
            pass

    for attempt in range(2):  # on a busy machine Ray's own start can time out: then once more
        driver = subprocess.Popen(
            [sys.executable, "-c", RAY_DRIVER, str(folder), str(run), str(BATCH), str(MAX_CHARS)],
            stdout=subprocess.PIPE, stderr=log.open("w"), text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
        )
        seen = 0
        for line in driver.stdout:
            gather(driver.pid)
            if line.startswith("RESULT "):
                seen += 1
                if seen >= after:
                    break
        if seen or "timed out during startup" not in log.read_text() or attempt:
            break
        driver.wait()
    try:
        assert seen >= after, f"the Ray ingest ended before its kill point: {log.read_text()[-3000:]}"
        time.sleep(rnd.uniform(0.0, 0.5))  # mid-batch
        gather(driver.pid)
        os.kill(driver.pid, signal.SIGKILL)
    finally:
        driver.kill()
        driver.wait()

    def running(p) -> bool:
        try:
            return p.is_running() and p.status() != psutil.STATUS_ZOMBIE
        except psutil.Error:
            return False

    def helper(p) -> bool:  # Ray's agents, which do no work and poll for their raylet, exit last
        try:
            return any(n in " ".join(p.cmdline()) for n in ("DashboardAgent", "RuntimeEnvAgent", "dashboard/agent.py",
                                                              "runtime_env/agent"))
        except psutil.Error:
            return False

    killed_at = time.monotonic()
    while (alive := [p for p in tree.values() if not helper(p) and running(p)]) and time.monotonic() < killed_at + 15:
        time.sleep(0.2)
    waited = time.monotonic() - killed_at
    info = [(p.pid, " ".join(p.cmdline())[:60]) for p in alive]
    for p in tree.values():  # the agents too: they exit by themselves, in up to a minute on a busy machine
        if running(p):
            p.kill()
    assert not alive, f"{len(alive)} of the Ray ingest's {len(tree)} processes still run 15 s after it was killed: {info}"
    assert not (run / "_chronicle_run.json").exists()  # nothing half-done was swapped in
    return after, len(tree), round(waited, 1)


@pytest.mark.ray
def test_ray_driver_killed_then_actors_killed_lose_and_repeat_nothing(corpus, clean, tmp_path):
    """The Ray engine's main process killed mid-run, then run again with actors killed mid-batch; then
    its load (the step that writes the store) killed at random points and run again."""
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    import json
    import subprocess
    import sys

    import duckdb

    from chronicle.scale.load import load_parquet
    from chronicle.scale.ray_engine import ingest_ray

    folder, exp, file_ids = corpus
    _, clean_by_name, clean_actors = clean
    run = tmp_path / "run"
    driver_kills = [kill_ray_driver(folder, run, INPUTS // BATCH, 30 + k) for k in range(RAY_DRIVER_KILLS)]

    def is_actor(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                return b"ExtractActor" in handle.read()
        except OSError:
            return False

    killer = Killer(INPUTS // BATCH, KILLS, 22, is_actor)
    ray.init(num_cpus=3, include_dashboard=False, object_store_memory=100 * 1024 * 1024, logging_level="WARNING")
    try:
        stats = ingest_ray([folder], run, workers=2, batch_size=BATCH, max_chars=MAX_CHARS, progress=killer,
                           stall_seconds=300)
        killer.join()
    finally:
        ray.shutdown()
    assert killer.killed, "no actor was killed"
    assert stats.errors == len(exp.errors)
    assert not [p for p in run.rglob("*") if p.name.startswith(".")]  # no half-written part left behind
    with Corpus(tmp_path / "ray.duckdb") as store:
        load_parquet(run, store)
        check_store(store.connection, exp, file_ids)
        # the pool's rows, each actor id read as its name: Ray loads the articles in another order
        assert dump_by_name(store.connection) == clean_by_name
        # the same actors by name (their kind votes can differ: the load's batches hold other articles)
        assert {a[0] for a in actors_by_name(store.connection)} == {a[0] for a in clean_actors}
        stored = dump(store.connection)
        load_parquet(run, store)  # loading again changes nothing
        assert dump(store.connection) == stored
    # the load killed at random points, then run again: every table as the uninterrupted load left it
    out = tmp_path / "loads"
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parents[1] / "fault_runs.py"), "load", str(run), str(out),
         str(LOAD_POINTS), "18"],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")},
        capture_output=True, text=True, timeout=3600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads((out / "load" / "points.json").read_text(encoding="utf-8"))
    tried = report["tried"]
    assert len(tried) == min(LOAD_POINTS, report["total_points"]) and all(t["resumed_ok"] for t in tried)
    assert sum(t["killed"] for t in tried) >= len(tried) - 1
    for name in ["clean", *(f"kill-{t['point']}" for t in tried)]:
        con = duckdb.connect(str(out / "load" / f"{name}.duckdb"), read_only=True)
        try:
            assert dump(con) == stored, f"{name} of {report['total_points']} load kill points"
        finally:
            con.close()
    print(f"ray: the driver killed {len(driver_kills)} time(s) (after batches {[k[0] for k in driver_kills]}, "
          f"{[k[1] for k in driver_kills]} processes gone with it after {[k[2] for k in driver_kills]} s), {len(killer.killed)} actors killed mid-batch, "
          f"the load killed at {len(tried)} of {report['total_points']} points, over {exp.inputs} inputs; "
          "every table equals the clean run")
