"""DuckDB's engine, without the Python layer its package adds on top (what the store imports).

``import duckdb`` (2.x) loads the engine, the ``_duckdb`` extension, and then some 5,000 lines
of Python: the relational API (``con.sql``, ``con.read_parquet``), expression builders, value
classes and a version lookup through ``importlib.metadata``. That layer cost 0.08 s of CPU of
every command's start here, a third of what ``chronicle sql "select 1"`` took, and the store
uses none of it: it connects, executes, fetches and catches the engine's exceptions
(``duckdb.Error`` is ``_duckdb.Error``; a connection is the same object either way). Code that
wants the relational API imports ``duckdb`` itself, which adds it to the same connections.

A DuckDB without a separate engine module (1.x) is imported whole.
"""

from __future__ import annotations

try:
    import _duckdb as duckdb

    if not hasattr(duckdb, "DuckDBPyConnection"):  # some other module of that name
        raise ImportError("_duckdb is not DuckDB's engine")
except ImportError:  # pragma: no cover - DuckDB 1.x
    import duckdb  # type: ignore[no-redef]

__all__ = ["duckdb", "like"]


def like(text: str | None) -> str | None:
    """A LIKE pattern matching ``text`` anywhere, with its wildcards escaped (use with ESCAPE '\\');
    None for no text. Here, below the modules that build SQL, so each can import it."""
    if not text:
        return None
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
