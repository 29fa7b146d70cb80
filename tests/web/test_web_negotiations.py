"""The negotiation page: parties as columns, days down the page, each cell the positions with evidence."""

from __future__ import annotations


def test_topics_are_listed(client):
    page = client.get("/negotiations")
    assert page.status_code == 200
    assert 'id="topics"' in page.text and "/negotiations?topic=" in page.text


def test_a_negotiation_is_a_grid_with_evidence_links(client, demo_db):
    from chronicle.store import Store

    with Store(demo_db, read_only=True) as store:
        rows = [r for r in store.positions(limit=0) if r.holder_ids and r.topic_key]
        assert rows, "the examples state positions"
        key = max({r.topic_key for r in rows}, key=lambda k: sum(r.topic_key == k for r in rows))
        holder = next(r.holder for r in rows if r.topic_key == key)
    page = client.get("/negotiations", params={"topic": key})
    assert page.status_code == 200
    assert 'id="grid"' in page.text and holder.split(", ")[0] in page.text
    assert "#position-p" in page.text  # each cell links its evidence in the article
    assert 'id="mediators"' in page.text and 'id="proposals"' in page.text


def test_article_page_links_positions_with_their_quotes_and_events(client, demo_db):
    from chronicle.store import Store

    with Store(demo_db, read_only=True) as store:
        row = next(r for r in store.positions(limit=0) if r.event_id)
    page = client.get(f"/articles/{row.article_id}")
    assert page.status_code == 200
    assert f'id="position-{row.position_id}"' in page.text  # the cue is highlighted
    assert f'href="#event-{row.event_id}"' in page.text and f'href="#position-{row.position_id}"' in page.text


def test_negotiation_filters_are_escaped(client):
    page = client.get("/negotiations", params={"topic": "<script>x</script>"})
    assert page.status_code == 200 and "<script>x</script>" not in page.text


def test_the_api_lists_positions_as_the_corpus_does(client, demo_db):
    from chronicle.store import Store

    with Store(demo_db, read_only=True) as store:
        rows = store.positions(limit=0)
        kind = rows[0].kind
        of_kind = [r.position_id for r in store.positions(kind=kind, limit=0)]
    out = client.get("/api/positions", params={"limit": 500}).json()
    assert out["total"] == len(rows) == len(out["items"])
    assert [i["position_id"] for i in out["items"]] == [r.position_id for r in rows]
    typed = client.get("/api/positions", params={"kind": kind, "limit": 500}).json()
    assert typed["total"] == len(of_kind) and [i["position_id"] for i in typed["items"]] == of_kind
    page = client.get("/api/positions", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == len(rows) and [i["position_id"] for i in page["items"]] == [rows[1].position_id]
    assert client.get("/api/positions", params={"kind": "wish"}).status_code == 422


def test_the_api_lists_mediations(client, demo_db):
    from chronicle.store import Store

    with Store(demo_db, read_only=True) as store:
        rows = store.mediations()
    assert rows, "the conflict example names its mediators"
    out = client.get("/api/mediations").json()
    assert out["total"] == len(rows) == len(out["items"])
    assert [(i["article_id"], i["mediation_id"]) for i in out["items"]] == [(r.article_id, r.mediation_id) for r in rows]
