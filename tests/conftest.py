"""Shared fixtures: one loaded pipeline per test session, the seed article when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from chronicle.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed():
    """The reference article and its gold annotation, or a skip when ../shared/seed is absent."""
    if not (SEED / "article.txt").exists():
        pytest.skip(f"reference article not found at {SEED} (it lives in ../shared/seed beside the repo)")
    return {
        "text": (SEED / "article.txt").read_text(encoding="utf-8"),
        "gold": json.loads((SEED / "gold.json").read_text(encoding="utf-8")),
    }


@pytest.fixture(scope="session")
def seed_record(seed):
    import chronicle

    return chronicle.extract(seed["text"], published=seed["gold"]["published"])


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (``make test`` runs ``-n auto --dist loadgroup``) the tests that start Ray clusters or
    kill ingests share one worker and run one after another: two local Ray clusters at once would find each
    other's, and their timing bounds are set for one such test at a time."""
    for item in items:
        if item.get_closest_marker("ray") or item.get_closest_marker("faults"):
            item.add_marker(pytest.mark.xdist_group("ray_and_faults"))
