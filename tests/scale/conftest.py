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
