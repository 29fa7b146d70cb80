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
