"""The corpus commands: ingest, quotes, events, actors, timeline, sql, export — tables, JSON, CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from chronicle.cli import app

runner = CliRunner()
COMMANDS = ("ingest", "quotes", "events", "actors", "timeline", "sql", "errors", "export", "positions")


@pytest.fixture
def db(corpus):
    path = corpus.path
    corpus.close()
    return path


def run(*args):
    result = runner.invoke(app, [str(a) for a in args])
    return result


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and f"chronicle {command}" in result.output


def test_quotes(db):
    result = run("quotes", "--speaker", "Miriam", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Miriam Otieno" in result.output and "talked past each other" in result.output
    rows = json.loads(run("quotes", "--speaker", "otieno", "--db", db, "--format", "json").output)
    assert [r["speaker"] for r in rows] == ["Miriam Otieno", "Miriam Otieno"]
    assert {"article_id", "start", "end", "content"} <= set(rows[0])


def test_positions(tmp_path):
    from chronicle.store import Store
    from tests.store.test_positions import with_positions

    path = tmp_path / "positions.duckdb"
    with Store(path) as store:
        store.add([with_positions()])
    result = run("positions", "--holder", "Ethiopia", "--db", path)
    assert result.exit_code == 0, result.output
    assert "Positions" in result.output  # a table (its cells fold at the test terminal's width)
    rows = json.loads(run("positions", "--topic", "information", "--since", "2024-08-01", "--db", path, "-f", "json").output)
    assert [(r["kind"], r["holder"], r["target"], r["topic_key"]) for r in rows] == [
        ("accusation", "Ethiopia", "Kenya", "information")]
    assert json.loads(run("positions", "--holder", "Nobody", "--db", path, "-f", "json").output) == []


def test_events(db):
    rows = json.loads(run("events", "--actor", "Kenya", "--type", "ACCUSE", "--since", "2024-01-01", "--db", db, "-f", "json").output)
    assert [(r["type"], r["source"], r["target"], r["date"]) for r in rows] == [("ACCUSE", "Ethiopia", "Kenya", "2024-03-14")]
    table = run("events", "--db", db)
    assert table.exit_code == 0 and "SANCTION" in table.output
    # the table says when a day is only the publication date
    wide = runner.invoke(app, ["events", "--actor", "Kenya", "--db", str(db)], env={"COLUMNS": "200"})
    assert "2024-03-12 " in wide.output and "2024-03-14 (published)" in wide.output
    bad = run("events", "--since", "yesterday", "--db", db)
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output


def test_actors(db):
    out = run("actors", "--top", "2", "--db", db, "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 2 and set(rows[0]) == {"id", "name", "kind", "country", "articles", "mentions", "quotes", "events"}
    assert "Kenya" in run("actors", "--kind", "country", "--db", db).output


def test_timeline(db):
    rows = json.loads(run("timeline", "Otieno", "--db", db, "--format", "json").output)
    assert [r["what"] for r in rows] == ["quote", "ACCUSE", "quote"]
    assert "Timeline" in run("timeline", "Otieno", "--db", db).output


def test_sql(db):
    out = run("sql", "select count(*) as n from articles", "--db", db, "--format", "json").output
    assert json.loads(out) == [{"n": 2}]
    bad = run("sql", "select * from nowhere", "--db", db)
    assert bad.exit_code == 1 and "nowhere" in bad.output and "Traceback" not in bad.output
    write = run("sql", "delete from articles", "--db", db)
    assert write.exit_code == 1  # the query commands open the store read-only


def test_sql_is_sandboxed_to_the_store(db, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("a,b\n1,2\n", encoding="utf-8")
    attempts = {
        "copy": f"COPY articles TO '{tmp_path / 'out.csv'}'",
        "export": f"EXPORT DATABASE '{tmp_path / 'dump'}'",
        "read_csv": "select * from read_csv('/etc/passwd')",
        "read_local": f"select * from read_csv('{secret}')",
        "attach": f"ATTACH '{tmp_path / 'other.duckdb'}' AS other",
        "unlock": "SET enable_external_access = true",
        "create": "create table x as select 1",
        "install": "INSTALL httpfs",
        "load": "LOAD httpfs",
        "read_text": "select * from read_text('/etc/passwd')",
        "read_blob": f"select * from read_blob('{secret}')",
        "glob": "select * from glob('/etc/*')",
        "parquet": f"select * from read_parquet('{tmp_path / '*.parquet'}')",
        "copy_query": f"COPY (select 1) TO '{tmp_path / 'q.csv'}'",
        "profile_to_file": f"PRAGMA profile_output = '{tmp_path / 'profile.txt'}'",
        "spill_elsewhere": f"SET temp_directory = '{tmp_path / 'spill'}'",
        "unlock_again": "RESET lock_configuration",
        "checkpoint_write": "INSERT INTO articles SELECT * FROM articles",
    }
    for name, query in attempts.items():
        result = run("sql", query, "--db", db)
        assert result.exit_code == 1, (name, result.output)
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: "), (name, result.stderr)
        assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret.csv", "test.duckdb"]  # nothing written
    assert run("sql", "select count(*) as n from articles", "--db", db, "--format", "json").exit_code == 0


def test_export(db, tmp_path):
    result = run("export", tmp_path / "out", "--format", "jsonl", "--table", "quotes", "--table", "actors", "--db", db)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["actors.jsonl", "quotes.jsonl"]
    assert run("export", tmp_path / "out", "--table", "nope", "--db", db).exit_code == 1


def test_missing_store_is_one_line(tmp_path):
    result = run("quotes", "--db", tmp_path / "nothing.duckdb")
    assert result.exit_code == 1 and "no corpus at" in result.output and "Traceback" not in result.output


def test_ingest_command(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resume\nMr. Patel said on Tuesday that the talks would go on.\n")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02" * 20)
    (tmp_path / "dates.tsv").write_text("file\tpublished\na.txt\t2024-08-13\n")
    db = tmp_path / "c.duckdb"
    result = run("ingest", folder, "--db", db, "--dates", tmp_path / "dates.tsv", "--quiet")
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output and "1 errors" in result.output and "b.txt" in result.output
    again = run("ingest", folder, "--db", db, "--quiet")
    assert "0 added" in again.output and "1 already stored" in again.output
    rows = json.loads(run("sql", "select title, published from articles", "--db", db, "-f", "json").output)
    assert rows == [{"title": "Talks resume", "published": "2024-08-13"}]


def test_ingest_into_a_locked_store(tmp_path, monkeypatch):
    import chronicle.cli

    monkeypatch.setattr(chronicle.cli, "WRITE_WAIT", 1.0)  # the error, not the 30 s it waits for `serve` first
    db = tmp_path / "c.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = run("ingest", tmp_path, "--db", db, "--quiet")
        assert result.exit_code == 1 and "database is locked" in result.output
        assert "Traceback" not in result.output
    finally:
        holder.kill()
        holder.wait()


def test_table_cells_are_not_rich_markup(db):
    result = run("sql", "select '[sic] and [bold]x[/bold]' as text", "--db", db)
    assert result.exit_code == 0, result.output
    assert "[sic] and [bold]x[/bold]" in result.output


@pytest.mark.parametrize("command", ("merge", "split", "rename", "aliases"))
def test_actor_correction_help_has_an_example(command):
    result = run("actors", command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and f"chronicle actors {command}" in result.output


def test_actor_corrections_from_the_command_line(db, tmp_path):
    def ids():
        rows = csv.DictReader(io.StringIO(run("actors", "--top", "0", "--format", "csv", "--db", db).output))
        return {r["name"]: r["id"] for r in rows}

    before = ids()
    kenya, ethiopia = before["Kenya"], before["Ethiopia"]
    result = run("actors", "merge", kenya, ethiopia, "--db", db)
    assert result.exit_code == 0, result.output
    assert "Ethiopia" not in ids() and ids()["Kenya"] == kenya
    result = run("actors", "rename", kenya, "Kenya and Ethiopia", "--external-id", "Q114", "--db", db)
    assert result.exit_code == 0 and ids()["Kenya and Ethiopia"] == kenya
    result = run("actors", "merge", kenya, "Anothing", "--db", db)
    assert result.exit_code == 1 and "error:" in result.output and "no actor with id Anothing" in result.output
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("alias\tactor\nM. Otieno\tMiriam Otieno\n", encoding="utf-8")
    result = run("actors", "aliases", aliases, "--db", db)
    assert result.exit_code == 0 and "1 aliases" in result.output
