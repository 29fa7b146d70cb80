from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.scale.rows import table_columns
from chronicle.store.schema import TABLES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
# Columns that say when, not what: they differ between any two runs.
CLOCK = {"ingested_at", "recorded_at"}


def table_dump(con, table: str) -> list[tuple]:
    """A table's rows without clock columns, sorted: what two runs must agree on."""
    columns = [c for c, _ in table_columns()[table] if c not in CLOCK]
    select = ", ".join(f'"{c}"' for c in columns)
    return sorted(con.execute(f"SELECT {select} FROM {table}").fetchall(), key=repr)


def store_dump(con) -> dict[str, list[tuple]]:
    return {table: table_dump(con, table) for table in TABLES}


@pytest.fixture(scope="session")
def example_inputs(tmp_path_factory) -> list[Path]:
    """Three example articles and one bad input, copied so origins are stable."""
    folder = tmp_path_factory.mktemp("inputs")
    for name in ("01-diplomacy.txt", "03-protest.txt", "05-court.txt"):
        (folder / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "zz-binary.txt").write_bytes(bytes(range(256)) * 4)
    return [folder]


@pytest.fixture(scope="session")
def published() -> dict[str, str]:
    from chronicle.readers.files import read_dates

    return read_dates(EXAMPLES / "published.tsv")


# One story id, two texts (a corrected story), then the corrected text once more: whatever the
# engine, the store holds the corrected text with its own records, the first text in article_versions.
STORY_V1 = ("Kenya and Ethiopia agreed on Tuesday to revive a border commission. "
            "Foreign Minister Miriam Otieno said, \u201cWe have talked past each other.\u201d")
STORY_V2 = ("Correction. Ethiopia accused Kenya on Wednesday of withholding information. "
            "\u201cThis is not acceptable,\u201d Prime Minister Abiy Ahmed said in Addis Ababa. "
            "Kenya denied it.")


@pytest.fixture
def version_inputs(tmp_path) -> list[Path]:
    import json

    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        json.dumps({"id": "story-1", "published": "2024-03-14", "text": STORY_V1}) + "\n"
        + json.dumps({"id": "story-1", "published": "2024-03-15", "text": STORY_V2}) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "story-1", "published": "2024-03-15", "text": STORY_V2}) + "\n"
        + json.dumps({"id": "other", "published": "2024-03-15", "text": STORY_V1}) + "\n", encoding="utf-8")
    return [folder]


def check_versions(con) -> None:
    """story-1 is its corrected text, every record's evidence is in that text, the first text is kept."""
    assert con.execute("SELECT text, version FROM articles WHERE id = 'story-1'").fetchall() == [(STORY_V2, 2)]
    assert con.execute("SELECT version, text FROM article_versions").fetchall() == [(1, STORY_V1)]
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    checks = {
        "mentions": ('start', '"end"', 'text'), "quotes": ("content_start", "content_end", "content"),
        "events": ("trigger_start", "trigger_end", "trigger"), "dates": ("start", '"end"', "text"),
    }
    for table, (start, end, text) in checks.items():
        bad = con.execute(
            f"SELECT count(*) FROM {table} t JOIN articles a ON a.id = t.article_id "
            f"WHERE substr(a.text, t.{start} + 1, t.{end} - t.{start}) <> t.{text}"
        ).fetchone()[0]
        assert bad == 0, table
    assert con.execute("SELECT count(*) FROM mentions WHERE article_id = 'story-1'").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 0
