"""ingest --engine local|ray and load on the command line."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle import Corpus

from .conftest import store_dump

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_ingest_with_a_pool_of_workers(example_inputs, tmp_path):
    db = tmp_path / "c.duckdb"
    result = run("ingest", *example_inputs, "--db", db, "--workers", "2", "--batch-size", "1", "--quiet")
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output and "2 local worker(s)" in result.output and "zz-binary.txt" in result.output


@pytest.mark.ray
def test_ingest_on_ray_then_load(example_inputs, tmp_path):
    pytest.importorskip("ray.data", reason="ray[data] is not installed: pip install 'ray[data]'")
    db, out = tmp_path / "c.duckdb", tmp_path / "run"
    result = run("ingest", *example_inputs, "--db", db, "--engine", "ray", "--workers", "1", "--out", out,
                 "--no-load", "--quiet")
    assert result.exit_code == 0, result.output
    assert f"chronicle load {out}" in result.output
    loaded = run("load", out, "--db", db)
    assert loaded.exit_code == 0 and "3 articles loaded (0 replaced), 1 errors" in loaded.output
    with Corpus(db) as corpus:
        dump = store_dump(corpus.connection)
    assert len(dump["articles"]) == 3 and dump["errors"][0][0].endswith("zz-binary.txt")


def test_load_a_folder_that_is_not_a_run(tmp_path):
    result = run("load", tmp_path, "--db", tmp_path / "c.duckdb")
    assert result.exit_code == 1 and "not a chronicle Parquet run" in result.output
