"""Fault injection: an ingest killed (SIGKILL) at random points, then re-run, stores exactly what
an uninterrupted ingest stores, in every table: nothing lost, nothing twice, nothing mixed up.

The inputs are real and broken ones made here from the team's example articles: text, HTML,
JSONL with a corrected story (one id, two texts), a bad JSON line, an empty file and a binary
one. ``CHRONICLE_FAULT_POINTS`` sets how many kill points are tried (default 30).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.scale.fault_corpus import dump as dump_tables

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
POINTS = int(os.environ.get("CHRONICLE_FAULT_POINTS", "30"))

pytestmark = pytest.mark.faults


def make_inputs(folder: Path) -> Path:
    folder.mkdir()
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}
    names = sorted(texts)
    for name in names[:3]:
        (folder / name).write_text(texts[name], encoding="utf-8")
    title, _, body = texts[names[3]].partition("\n")
    (folder / "page.html").write_text(
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav>Home</nav>"
        f"<article>{''.join(f'<p>{p}</p>' for p in body.split(chr(10)) if p.strip())}</article></body></html>",
        encoding="utf-8")
    story = texts[names[4]].partition("\n")[2].strip()
    lines = [
        json.dumps({"id": "story-1", "published": "2024-03-14", "text": story}),
        json.dumps({"id": "story-1", "published": "2024-03-15", "text": "Correction: " + story.replace(".", ";", 1)}),
        "{not json",
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "wire-2", "text": texts[names[5]].partition("\n")[2].strip()}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text(" \n", encoding="utf-8")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def dump(path: Path) -> dict[str, list]:
    """Every table, without the columns that say when, rows sorted."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return dump_tables(con)
    finally:
        con.close()


def test_kill_at_random_points_then_rerun_equals_a_clean_ingest(tmp_path):
    inputs = make_inputs(tmp_path / "in")
    out = tmp_path / "runs"
    out.mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fault_runs.py"), str(inputs), str(out), str(POINTS), "17"],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, capture_output=True, text=True, timeout=1200,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads((out / "points.json").read_text(encoding="utf-8"))
    tried = report["tried"]
    assert len(tried) == min(POINTS, report["total_points"]) and report["total_points"] > 100
    assert all(t["resumed_ok"] for t in tried), result.stderr[-3000:]
    assert sum(t["killed"] for t in tried) >= len(tried) - 1  # a point past the end does not kill
    clean = dump(out / "clean.duckdb")
    assert len(clean["articles"]) == 6 and len(clean["article_versions"]) == 1 and len(clean["errors"]) == 4
    assert clean["mentions"] and clean["quotes"] and clean["events"]
    for t in tried:
        assert dump(out / f"kill-{t['point']}.duckdb") == clean, f"kill point {t['point']} of {report['total_points']}"
    print(f"{len(tried)} kill points of {report['total_points']} tried; every table equals the clean run")
