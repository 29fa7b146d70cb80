"""The command line: help with examples, output formats, bad input never a traceback."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from chronicle.cli import app

runner = CliRunner()

ARTICLE = (
    "Talks resume in Doha\n"
    "A State Department spokesperson, Vedant Patel, said on Tuesday that the talks would go on.\n"
    "“We fully expect these talks to move forward,” Mr. Patel said.\n"
)


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_help_shows_an_example():
    for args in ([], ["extract"]):
        result = runner.invoke(app, args + ["--help"])
        assert result.exit_code == 0
        assert "Example" in result.output and "chronicle extract" in result.output


def test_table_output_names_actor_and_role(article):
    result = runner.invoke(app, ["extract", str(article), "--date", "2024-08-13"])
    assert result.exit_code == 0, result.output
    assert "Vedant Patel" in result.output and "spokesperson" in result.output
    assert "Talks resume in Doha" in result.output


def test_json_output_is_a_list_of_records(article):
    result = runner.invoke(app, ["extract", str(article), "--date", "2024-08-13", "--format", "json"])
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["article"]["published"] == "2024-08-13"
    assert record["article"]["title"] == "Talks resume in Doha"
    patel = [a for a in record["actors"] if a["name"] == "Vedant Patel"]
    assert patel and patel[0]["affiliation"] == "State Department"


def test_stdin_and_jsonl(article):
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0]["article"]["source"] == "<stdin>"
    assert "relative dates are left unresolved" in " ".join(lines[0]["warnings"])


def test_bad_date_is_a_usage_error(article):
    result = runner.invoke(app, ["extract", str(article), "--date", "13/08/2024"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_unknown_model_is_a_clear_error(article):
    result = runner.invoke(app, ["extract", str(article), "--model", "xx_no_such_model"])
    assert result.exit_code == 2
    assert "pip install" in result.output and "Traceback" not in result.output


def test_batch_goes_on_past_bad_files(tmp_path, article):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02PNG" * 100)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le ministre Jean Dupont a parlé à Paris, dit-il. “Très bien”".encode("cp1252"))
    huge = tmp_path / "huge.txt"
    huge.write_text("Officials met. " * 400_000, encoding="utf-8")  # 6 MB
    unbalanced = tmp_path / "unbalanced.txt"
    unbalanced.write_text("“We will not stop, said Mr. Rivera in Madrid.\n\nHe left “early.", encoding="utf-8")
    no_entities = tmp_path / "plain.txt"
    no_entities.write_text("it rained all day and nobody came to the meeting.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    files = [empty, binary, latin, huge, unbalanced, no_entities, missing, article]
    result = runner.invoke(app, ["extract", *map(str, files), "--format", "json"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4, result.stderr
    assert any("empty.txt" in e and "empty article" in e for e in errors)
    assert any("photo.txt" in e and "binary" in e for e in errors)
    assert any("huge.txt" in e and "too long" in e for e in errors)
    assert any("missing.txt" in e for e in errors)
    records = json.loads(result.stdout)
    sources = [r["article"]["source"] for r in records]
    assert sources == [str(p) for p in (latin, unbalanced, no_entities, article)]
    assert records[0]["article"]["text"].startswith("Le ministre Jean Dupont a parlé")


def test_errors_are_one_line_saying_where(tmp_path, article):
    """Every command's errors come out one way: ``error: WHERE: reason``, no traceback."""
    missing = tmp_path / "nothing.duckdb"
    cases = [
        (["quotes", "--db", str(missing)], 1, f"error: {missing}: no corpus at this path"),
        (["load", str(tmp_path), "--db", str(tmp_path / "c.duckdb")], 1, f"error: {tmp_path}: not a chronicle Parquet run"),
        (["extract", str(article), "--model", "xx_no_such_model"], 2, "error: xx_no_such_model: no spaCy pipeline"),
    ]
    for args, code, line in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == code, result.output
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(line), result.stderr


def test_extract_reads_html_and_jsonl_as_ingest_does(tmp_path):
    body = ARTICLE.split("\n", 1)[1]
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Doha talks</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><p>{body}</p></article></body></html>", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "j1", "title": "Sanctions", "text": body}) + "\n{broken\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(page), str(feed), "--format", "jsonl", "--date", "2024-08-13"])
    assert result.exit_code == 1  # the broken line is reported, the rest go on
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["article"]["title"] for r in records] == ["Doha talks", "Sanctions"]
    assert records[1]["article"]["id"] == "j1"
    for r in records:
        assert "<" not in r["article"]["text"] and "DOCTYPE" not in json.dumps(r)
        assert "Vedant Patel" in {a["name"] for a in r["actors"]}
    assert f"{feed}:2" in result.output


def test_ingest_prints_twenty_errors_with_reasons_then_how_many_more(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(23):
        (folder / f"e{n:02}.txt").write_text(" \n", encoding="utf-8")
    (folder / "f.jsonl").write_text("{broken\n[1]\n", encoding="utf-8")
    db = tmp_path / "c.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 20
    assert errors[0] == f"error: {folder / 'e00.txt'}: empty article: no text"
    assert f"... and 5 more (see the errors table: chronicle errors --db {db})" in lines
    listed = runner.invoke(app, ["errors", "--db", str(db), "--format", "csv"])
    assert listed.exit_code == 0 and len(listed.stdout.strip().splitlines()) == 1 + 25
    assert "f.jsonl:2" in listed.stdout and "expected a JSON object" in listed.stdout
