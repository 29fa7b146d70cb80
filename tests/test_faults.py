"""Fault injection: the ingest's main process killed (SIGKILL) at random points, then run again,
stores exactly what an uninterrupted ingest stores, in every table: nothing lost, nothing twice,
nothing mixed up.

The inputs are a few hundred real and broken ones (tests/scale/fault_corpus.py: text, HTML,
JSONL feeds with story versions and repeats, lines that do not parse, binary, empty, blank,
oversized and wrongly encoded files). Both local engines are killed: ``chronicle ingest`` in one
process, and the process pool's parent (the process that reads, plans and stores; its workers
are killed in tests/scale/test_worker_faults.py, the Ray engine's driver and its load there
too). ``CHRONICLE_FAULT_POINTS`` sets how many kill points each engine tries (default 3: the
suite runs on two cores; a run by hand tries more), ``CHRONICLE_FAULT_INPUTS`` the inputs
(default 300).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from chronicle.readers.files import read_paths
from tests.scale.fault_corpus import MAX_CHARS, check_store, dump as dump_tables, make_corpus

ROOT = Path(__file__).resolve().parents[1]
POINTS = int(os.environ.get("CHRONICLE_FAULT_POINTS", "3"))
INPUTS = int(os.environ.get("CHRONICLE_FAULT_INPUTS", "300"))
BATCH = 32

pytestmark = pytest.mark.faults


def dump(path: Path) -> dict[str, list]:
    """Every table, without the columns that say when, rows sorted."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return dump_tables(con)
    finally:
        con.close()


def kill_runs(modes: str, inputs: Path, out: Path, points: int, seed: int) -> dict[str, dict]:
    """tests/fault_runs.py in an interpreter of its own; each mode's points.json."""
    out.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fault_runs.py"), modes, str(inputs), str(out), str(points), str(seed),
         str(BATCH), str(MAX_CHARS)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, capture_output=True, text=True, timeout=3600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return {mode: json.loads((out / mode / "points.json").read_text(encoding="utf-8")) for mode in modes.split(",")}


def check_kills(report: dict, out: Path, clean: dict[str, list]) -> int:
    """Every killed run, re-run, holds what the clean run holds, table by table; the points tried."""
    tried = report["tried"]
    assert len(tried) == min(POINTS, report["total_points"]) and report["total_points"] > 1000
    assert all(t["resumed_ok"] for t in tried), tried
    assert sum(t["killed"] for t in tried) >= len(tried) - 1  # a point past the end does not kill
    for t in tried:
        killed = dump(out / f"kill-{t['point']}.duckdb")
        for table in clean:
            assert killed[table] == clean[table], f"{table} after kill point {t['point']} of {report['total_points']}"
    return len(tried)


def test_ingest_killed_at_random_points_then_rerun_equals_a_clean_ingest(tmp_path):
    folder = tmp_path / "in"
    exp = make_corpus(folder, INPUTS)
    files = set(exp.files)
    file_ids = {i.origin: i.article.id for i in read_paths([folder], max_chars=MAX_CHARS) if i.ok and i.origin in files}
    reports = kill_runs("process,pool", folder, tmp_path / "runs", POINTS, 17)
    clean = dump(tmp_path / "runs" / "process" / "clean.duckdb")
    con = duckdb.connect(str(tmp_path / "runs" / "process" / "clean.duckdb"), read_only=True)
    try:
        check_store(con, exp, file_ids)  # the clean run itself: every input stored once, or an errors row
    finally:
        con.close()
    assert len(clean["articles"]) > 150 and clean["article_versions"] and len(clean["errors"]) == len(exp.errors)
    assert dump(tmp_path / "runs" / "pool" / "clean.duckdb") == clean  # the pool stores what one process stores
    for mode, report in reports.items():
        n = check_kills(report, tmp_path / "runs" / mode, clean)
        print(f"{mode}: {n} kill points of {report['total_points']} tried over {exp.inputs} inputs; "
              f"all {len(clean)} tables equal the clean run")
