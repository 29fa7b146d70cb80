"""A real Ray cluster as the README starts it: a head and a second node on 127.0.0.1, token
authentication on (Ray's default when a token exists), joined by ``chronicle ingest --address``."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytest.importorskip("ray", reason="ray[data] is not installed")
pytest.importorskip("ray.data", reason="ray[data] is not installed")

pytestmark = pytest.mark.ray

RAY = str(Path(sys.executable).with_name("ray"))
_AUTH = ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH", "RAY_ADDRESS")


def _env(home: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _AUTH}
    src = str(Path(__file__).resolve().parents[2] / "src")
    env.update(HOME=home, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]), **extra)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    """Stop a `ray start --block` and everything it started (its own process group)."""
    for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 10)):  # a node may take 20 s to stop on TERM; KILL takes its group
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            continue
    try:
        os.killpg(process.pid, signal.SIGKILL)  # the group's leftovers (workers)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="module")
def cluster():
    """(address, env with the cluster's token): head + one more node, one CPU each."""
    base = tempfile.mkdtemp(prefix="chr-ray-")  # short: Ray's socket paths must stay under 107 bytes
    home = os.path.join(base, "home")
    os.makedirs(home)
    env = _env(home)
    subprocess.run([RAY, "get-auth-token", "--generate"], env=env, check=True, capture_output=True, timeout=60)
    port = _free_port()
    address = f"127.0.0.1:{port}"
    log = open(os.path.join(base, "ray.log"), "wb")
    common = ["--block", "--num-cpus", "1", "--node-ip-address", "127.0.0.1", "--disable-usage-stats"]
    head = subprocess.Popen(
        [RAY, "start", "--head", "--port", str(port), "--temp-dir", os.path.join(base, "t"),
         "--include-dashboard=false", *common], env=env, stdout=log, stderr=log, start_new_session=True)
    processes = [head]
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or head.poll() is not None:
                    pytest.fail(f"ray head did not start: {open(log.name).read()[-2000:]}")
                time.sleep(0.5)
        token = _env(home, RAY_AUTH_MODE="token")  # a node or client joining a token cluster says so
        node = subprocess.Popen([RAY, "start", "--address", address, *common], env=token, stdout=log, stderr=log,
                                start_new_session=True)
        processes.append(node)
        deadline = time.monotonic() + 90
        while "2.0 CPU" not in (status := subprocess.run(
                [RAY, "status", "--address", address], env=token,
                capture_output=True, text=True, timeout=60).stdout):
            if time.monotonic() > deadline or node.poll() is not None:
                pytest.fail(f"second ray node did not join: {status[-1000:]}")
            time.sleep(1)
        yield address, token, base
    finally:
        for process in reversed(processes):
            _stop(process)
        log.close()
        shutil.rmtree(base, ignore_errors=True)


def _chronicle(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chronicle.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_a_client_without_the_token_gets_a_one_line_error_with_the_fix(cluster, example_inputs, tmp_path):
    address, _, base = cluster
    other = tmp_path / "home"
    other.mkdir()
    t0 = time.monotonic()
    done = _chronicle("ingest", *map(str, example_inputs), "--engine", "ray", "--address", address,
                      "--out", str(tmp_path / "run"), "--no-load", env=_env(str(other)), timeout=120)
    assert done.returncode != 0 and time.monotonic() - t0 < 90
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: ray: the Ray cluster at {address} answers but did not let this client join")
    assert "RAY_AUTH_MODE=token" in last and "Traceback" not in done.stderr


def test_default_workers_on_a_two_node_two_cpu_cluster_finish_and_load(cluster, example_inputs, tmp_path):
    address, env, _ = cluster
    run, db = tmp_path / "run", tmp_path / "news.duckdb"
    done = _chronicle("ingest", *map(str, example_inputs), "--engine", "ray", "--address", address, "--workers", "2",
                      "--out", str(run), "--no-load", env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "3 added" in done.stderr and "with 1 ray worker(s)" in done.stderr
    done = _chronicle("load", str(run), "--db", str(db), env=env)
    assert done.returncode == 0 and "3 articles loaded" in done.stderr, done.stderr[-2000:]
