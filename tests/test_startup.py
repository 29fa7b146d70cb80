"""Commands that only read the store start without spaCy, pyarrow or Ray (issue: fast start).

Each runs in a fresh interpreter, so what the command imports is all that is in ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "pyarrow", "ray", "trafilatura", "fastapi")

PROBE = """
import json, sys
from typer.testing import CliRunner
from chronicle.cli import app
result = CliRunner().invoke(app, sys.argv[1:])
heavy = sorted({m.split('.')[0] for m in sys.modules} & set(json.loads(HEAVY)))
print(json.dumps({"code": result.exit_code, "heavy": heavy, "output": result.output[-400:]}))
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from chronicle.store import Store

    path = tmp_path_factory.mktemp("startup") / "s.duckdb"
    with Store(path):
        pass
    return str(path)


@pytest.mark.parametrize(
    "args",
    [
        ["sql", "select 1"],
        ["actors"],
        ["quotes"],
        ["events"],
        ["timeline", "Blinken"],
        ["--help"],
    ],
)
def test_store_commands_do_not_import_the_nlp_stack(args, db):
    argv = [*args, "--db", db] if args != ["--help"] else args
    out = subprocess.run(
        [sys.executable, "-c", PROBE.replace("HEAVY", repr(json.dumps(HEAVY))), *argv],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, result["output"]
    assert result["heavy"] == [], f"{args} imported {result['heavy']}"


@pytest.mark.parametrize("args", [["--help"], ["quotes", "--help"], ["ingest", "--help"]])
def test_help_opens_no_store(args):
    """Help text needs neither DuckDB nor the readers and records: only typer."""
    heavy = [*HEAVY, "duckdb", "chronicle.readers.files", "chronicle.store", "chronicle.ingest", "rich"]
    probe = PROBE.replace("{m.split('.')[0] for m in sys.modules}", "(set(sys.modules) | {m.split('.')[0] for m in sys.modules})")
    out = subprocess.run(
        [sys.executable, "-c", probe.replace("HEAVY", repr(json.dumps(heavy))), *args],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["code"] == 0 and result["heavy"] == [], result
