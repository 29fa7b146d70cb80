"""Commands that only read the store start without spaCy, pyarrow or Ray (issue: fast start).

Each runs in a fresh interpreter, so what the command imports is all that is in ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "pyarrow", "ray", "trafilatura", "fastapi")
# What a query command also starts without (each was measured at 0.02-0.08 s of CPU): DuckDB's
# Python layer (the store uses the engine, ``_duckdb``), rich (a pipe gets a plain table), the
# record classes and the readers (only reading a record back, or a date option, loads them).
LAZY = ("duckdb", "rich", "chronicle.records", "chronicle.readers.text", "chronicle.store.writer")

PROBE = """
import json, sys
from typer.testing import CliRunner
from chronicle.cli import app
result = CliRunner().invoke(app, sys.argv[1:])
heavy = sorted((set(sys.modules) | {m.split('.')[0] for m in sys.modules}) & set(json.loads(HEAVY)))
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
        ["quotes", "--speaker", "Blinken"],
        ["events"],
        ["timeline", "Blinken"],
        ["--help"],
    ],
)
def test_store_commands_do_not_import_the_nlp_stack(args, db):
    argv = [*args, "--db", db] if args != ["--help"] else args
    out = subprocess.run(
        [sys.executable, "-c", PROBE.replace("HEAVY", repr(json.dumps([*HEAVY, *LAZY]))), *argv],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, result["output"]
    assert result["heavy"] == [], f"{args} imported {result['heavy']}"


@pytest.mark.parametrize("args", [["--help"], ["quotes", "--help"], ["ingest", "--help"]])
def test_help_opens_no_store(args):
    """Help text needs neither DuckDB nor the readers and records: only typer."""
    heavy = [*HEAVY, *LAZY, "_duckdb", "chronicle.readers.files", "chronicle.store", "chronicle.ingest"]
    out = subprocess.run(
        [sys.executable, "-c", PROBE.replace("HEAVY", repr(json.dumps(heavy))), *args],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["code"] == 0 and result["heavy"] == [], result


PROGRAM = """
import json, sys
from chronicle.cli import app
try:
    app()
except SystemExit as exc:
    code = exc.code
heavy = sorted((set(sys.modules) | {m.split('.')[0] for m in sys.modules}) & set(json.loads(HEAVY)))
print(json.dumps({"code": code, "heavy": heavy}))
"""


def test_the_program_answers_a_query_without_the_lazy_modules(db):
    """As a user runs it (the console entry point calls ``app()``): the answer, and none of the
    modules above, a pipe being its output."""
    out = subprocess.run(
        [sys.executable, "-c", PROGRAM.replace("HEAVY", repr(json.dumps([*HEAVY, *LAZY]))),
         "sql", "select 42 as answer", "--db", db],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.strip().splitlines()
    assert lines[:3] == ["answer", "------", "42"]
    result = json.loads(lines[-1])
    assert result["code"] == 0 and result["heavy"] == [], result


def test_the_program_builds_only_the_command_it_runs():
    from chronicle.cli import app

    assert [c.callback.__name__ for c in app.only(["sql"]).registered_commands] == ["sql"]
    assert [g.name for g in app.only(["actors"]).registered_groups] == ["actors"]
    assert app.only(["actors"]).registered_commands == []
    assert [c.callback.__name__ for c in app.only(["errors"]).registered_commands] == ["errors_command"]
    for argv in ([], ["--help"], ["no-such-command"]):
        assert app.only(argv) is app  # help lists every command; an unknown one gets typer's suggestion
