"""The actor page after an analyst's corrections: the external id shown, a merged-away id still found."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chronicle.records import Actor, Article, ArticleRecord, Mention


def one_person(n: int, name: str) -> ArticleRecord:
    text = f"{name} spoke on Monday."
    person = Actor("a1", name, "person", (Mention(0, len(name), name, "PERSON"),))
    return ArticleRecord(Article(text, id=f"p-{n}", published="2022-03-01"), (person,), (), (), ())


@pytest.fixture
def corrected(tmp_path):
    from chronicle.store import Store

    path = tmp_path / "c.duckdb"
    with Store(path) as store:
        store.add([one_person(1, "Benjamin Netanyahu"), one_person(2, "Bibi Netanyahu")])
        ids = [r[0] for r in store.connection.execute("SELECT actor_id FROM article_actors ORDER BY article_id").fetchall()]
        store.merge_actors(ids[0], ids[1])
        store.set_external_id(ids[0], "Q3881040")
    return path, ids


def test_actor_page_shows_the_external_id_and_old_ids(corrected):
    from chronicle.web import create_app

    path, (kept, dropped) = corrected
    with TestClient(create_app(path)) as client:
        page = client.get(f"/actors/{kept}")
        assert page.status_code == 200 and "Q3881040" in page.text and dropped in page.text
        data = client.get(f"/api/actors/{dropped}").json()  # the old id still finds the actor
        assert data["actor"]["id"] == kept and data["identity"] == {"external_id": "Q3881040", "merged_from": [dropped]}
