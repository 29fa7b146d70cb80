"""The console entry point runs a plain query command line without typer, as typer would run it."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

import pytest
import typer

from chronicle import queries
from chronicle.cli import app
from chronicle.launch import QUERIES, read

MAIN = "import sys; from chronicle.launch import main; sys.exit(main())"
TYPER = "from chronicle.cli import app; app()"


def declared(name: str):
    group = typer.main.get_command(app)
    return group.commands[name]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_the_options_are_the_commands_options(name):
    command = declared(name)
    arguments, options = QUERIES[name]
    params = [p for p in command.params if p.expose_value and p.name != "ctx"]
    assert tuple(p.name for p in params if p.param_type_name == "argument") == arguments
    flags = {flag: p.name for p in params if p.param_type_name == "option" for flag in p.opts}
    assert flags == {flag: parameter for flag, (parameter, _) in options.items()}
    kinds = {parameter: kind for parameter, kind in options.values()}
    signature = inspect.signature(getattr(queries, name)).parameters
    assert list(signature) == [p.name for p in params]  # the function takes them in the same order
    for p in params:
        if p.param_type_name == "option":
            default = signature[p.name].default
            assert str(getattr(p.default, "value", p.default)) == str(getattr(default, "value", default)), p.name
            kind = kinds[p.name]
            expected = {"int": "int", "path": "path", "format": "choice"}.get(kind, "str")
            assert p.type.name == expected, (p.name, p.type)
            assert (kind == "date") == (p.name in ("since", "until"))
            if kind == "format":
                assert list(p.type.choices) == list(queries.QueryFormat.__members__)


@pytest.mark.parametrize(
    "argv",
    [
        [], ["--help"], ["ingest", "x"], ["sql"], ["sql", "select 1", "--help"], ["sql", "a", "b"],
        ["actors", "merge", "a", "b"], ["quotes", "--limit", "x"], ["quotes", "--limit"], ["quotes", "--limit", "-1"],
        ["quotes", "--", "x"], ["quotes", "--limit", "5", "--limit", "6"], ["quotes", "-f", "xml"],
        ["quotes", "-fjson"], ["quotes", "-f=json"], ["quotes", "--nope"], ["events", "--since", "not a date"],
    ],
)
def test_anything_but_a_plain_query_goes_to_typer(argv):
    assert read(argv) is None


def test_a_plain_query_is_read_as_click_reads_it():
    function, kwargs = read(["quotes", "--limit=5", "-f", "json", "--speaker", "Otieno", "--since", "2024-08-01",
                             "--db", "./a.duckdb"])
    assert function is queries.quotes
    assert kwargs == {"limit": 5, "format": queries.QueryFormat.json, "speaker": "Otieno", "since": "2024-08-01",
                      "db": __import__("pathlib").Path("a.duckdb")}
    assert read(["timeline", "Kenya", "--limit", "3"]) == (queries.timeline, {"actor": "Kenya", "limit": 3})


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from chronicle.store import Store
    from tests.store.test_positions import with_positions

    path = tmp_path_factory.mktemp("launch") / "s.duckdb"
    with Store(path) as store:
        store.add([with_positions()])
    return str(path)


def both(argv: list[str]) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    return tuple(subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120)
                 for code in (MAIN, TYPER))  # type: ignore[return-value]


@pytest.mark.parametrize(
    "argv",
    [
        ["sql", "select 42 as answer, 'x' as y"],
        ["sql", "select * from no_such_table"],
        ["sql", "copy articles to '/tmp/x.csv'", "-f", "json"],
        ["positions", "--holder", "Ethiopia", "--format=csv"],
        ["events", "--since", "2024-01-01", "--limit", "5"],
        ["actors", "--top", "3", "-f", "json"],
        ["timeline", "Ethiopia"],
        ["quotes", "--speaker", "nobody"],
        ["errors"],
    ],
)
def test_both_ways_print_the_same(argv, db):
    fast, slow = both([*argv, "--db", db])
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)


def test_a_missing_store_is_the_same_one_line_error(tmp_path):
    fast, slow = both(["actors", "--db", str(tmp_path / "none.duckdb")])
    assert fast.returncode == slow.returncode == 1
    assert fast.stderr == slow.stderr and fast.stderr.startswith("error: ") and fast.stderr.count("\n") == 1


def test_a_query_starts_without_typer(db):
    """Nor with anything tests/test_startup.py keeps out of a query command."""
    from tests.test_startup import HEAVY, LAZY

    unwanted = ("typer", "click", *HEAVY, *LAZY)
    code = MAIN.replace("sys.exit(main())", "code = main(); import json; print(json.dumps(sorted(m for m in sys.modules "
                                                f"if m in {unwanted!r} or m.split('.')[0] in {unwanted!r}))); sys.exit(code)")
    out = subprocess.run([sys.executable, "-c", code, "sql", "select 1 as one", "--db", db],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[:3] == ["one", "---", "1"]
    assert json.loads(out.stdout.splitlines()[-1]) == []
