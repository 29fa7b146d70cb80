"""pyproject.toml names what exists: package data files, the console script, the spaCy factories."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
ENTRY_POINTS = {
    **PROJECT["project"]["scripts"],
    **PROJECT["project"]["entry-points"]["spacy_factories"],
}


@pytest.mark.parametrize("pattern", PROJECT["tool"]["setuptools"]["package-data"]["chronicle"])
def test_package_data_pattern_matches_files(pattern):
    assert [p for p in (ROOT / "src" / "chronicle").glob(pattern) if p.is_file()], pattern


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_entry_point_resolves(name):
    module, _, attribute = ENTRY_POINTS[name].partition(":")
    assert callable(getattr(importlib.import_module(module), attribute))


def test_every_chronicle_factory_has_an_entry_point():
    from spacy.language import Language

    import chronicle.nlp  # noqa: F401  registers the factories

    declared = {name for name in ENTRY_POINTS if name.startswith("chronicle_")}
    registered = {name for name in Language.factories if name.startswith("chronicle_")}
    assert declared == registered
