"""The web view's layering: the app imports the routers, the routers import what they share from deps."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from fastapi import HTTPException

import chronicle.web
from chronicle.web.deps import check_range

WEB = Path(chronicle.web.__file__).parent


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_only_the_package_imports_the_app():
    """Flow goes one way: app → api, pages → deps; nothing the app imports imports the app back."""
    importers = {p.name for p in WEB.glob("*.py") if "chronicle.web.app" in imported_modules(p)}
    assert importers == {"__init__.py"}
    assert {"chronicle.web.api", "chronicle.web.pages"} <= imported_modules(WEB / "app.py")
    for router in ("api.py", "pages.py"):
        assert "chronicle.web.deps" in imported_modules(WEB / router)


def test_check_range():
    check_range(dt.date(2024, 1, 1), dt.date(2024, 1, 1))
    check_range(None, dt.date(2024, 1, 1))
    with pytest.raises(HTTPException) as caught:
        check_range(dt.date(2024, 2, 1), dt.date(2024, 1, 1))
    assert caught.value.status_code == 422 and "after" in caught.value.detail
