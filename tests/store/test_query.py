"""The one timeline query (``query.select_timeline``) behind ``Corpus.timeline()`` and the web view's timeline."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chronicle.records import Event, Mention
from chronicle.store import query


def timeline(corpus, **options) -> list[dict]:
    return corpus.sql(*query.select_timeline(corpus.connection, **options))


def test_timeline_is_quotes_and_events_in_date_order(corpus):
    rows = timeline(corpus)
    assert len(rows) == query.count_timeline(corpus.connection) == len(corpus.quotes()) + len(corpus.events()) == 6
    assert [(str(r["date"]), r["what"]) for r in rows] == [
        ("2024-03-12", "AGREE"),  # the event's own day, before the article's publication
        ("2024-03-14", "quote"), ("2024-03-14", "ACCUSE"),
        ("2024-05-03", "ACCUSE"), ("2024-05-03", "quote"), ("2024-05-03", "SANCTION"),
    ]
    assert timeline(corpus, order="desc") == rows[::-1]
    assert timeline(corpus, limit=2, offset=3) == rows[3:5]


def test_timeline_filters(corpus):
    con = corpus.connection
    assert {r["what"] for r in timeline(corpus, kind="quotes")} == {"quote"}
    assert "quote" not in {r["what"] for r in timeline(corpus, kind="events")}
    assert [r["what"] for r in timeline(corpus, type="accuse")] == ["ACCUSE", "ACCUSE"]  # a type keeps events only
    assert query.count_timeline(con, kind="quotes", type="ACCUSE") == 0
    assert [r["what"] for r in timeline(corpus, since=dt.date(2024, 3, 13), until=dt.date(2024, 3, 31))] == [
        "quote", "ACCUSE"
    ]
    kenya = query.match_ids(con, "Kenya")
    assert [r["what"] for r in timeline(corpus, actor_ids=kenya)] == ["AGREE", "ACCUSE"]
    assert timeline(corpus, actor_ids=[]) == [] and query.count_timeline(con, actor_ids=[]) == 0
    for options in ({"kind": "tweets"}, {"event_span": "paragraph"}, {"order": "sideways"}):
        with pytest.raises(ValueError, match=next(iter(options))):
            timeline(corpus, **options)


def test_an_event_row_points_at_its_trigger_or_its_sentence(corpus):
    text = corpus.article("kenya-1").text
    by_trigger = [r for r in timeline(corpus, event_span="trigger") if r["article_id"] == "kenya-1"]
    by_sentence = [r for r in timeline(corpus, event_span="sentence") if r["article_id"] == "kenya-1"]
    assert [text[r["start"]:r["end"]] for r in by_trigger] == [
        "agreed", "\u201cWe have talked past each other.\u201d", "accused"
    ]
    assert text[by_sentence[0]["start"]:by_sentence[0]["end"]] == (
        "Kenya and Ethiopia agreed on Tuesday to revive a border commission."
    )
    assert by_sentence[1] == by_trigger[1]  # a quote's row points at its content either way


def test_rows_starting_in_one_place_keep_their_order_in_the_article(tmp_path, make):
    """A quote and an event in one sentence: by sentence they start together; the quote comes first in the text."""
    from chronicle.store import Store as Corpus

    record = make.record_2()
    text = record.article.text
    said = "\u201cThis is not acceptable,\u201d Otieno said."
    start = text.index(said)
    event = Event("e3", "DISAPPROVE", record.quotes[0].cue, Mention(start, start + len(said), said), source_ids=("a1",))
    record = dataclasses.replace(record, events=record.events + (event,))
    with Corpus(tmp_path / "one-sentence.duckdb") as corpus:
        corpus.add([record])
        assert [r.what for r in corpus.timeline("Otieno")] == ["ACCUSE", "quote", "DISAPPROVE"]
        by_sentence = timeline(corpus, event_span="sentence")
        assert [r["start"] for r in by_sentence[1:3]] == [start, start]
        assert [r["what"] for r in by_sentence] == ["ACCUSE", "quote", "DISAPPROVE", "SANCTION"]


# The actor timeline's query before it was rewritten to find and cut the page first (kept to check
# that the rewrite gives the same rows; it joined the page back to whole tables, slow on a big store).
def _old_select_actor_timeline(con, actor_ids, *, limit=None, offset=0):
    page, params = query.select_timeline(con, actor_ids=actor_ids, event_span="sentence", limit=limit, offset=offset)
    mine = "(SELECT ids FROM asked)"
    sql = f"""
        WITH page AS MATERIALIZED ({page}),
        asked AS (SELECT ?::VARCHAR[] AS ids)
        SELECT date, actor, what, role, other, text, article_id, start, "end" FROM (
            SELECT p.*, {query.names_of(f'list_intersect(q.speaker_ids, {mine})')} AS actor,
                   'speaker' AS role, '' AS other, q.content AS text
            FROM page p JOIN quotes q ON q.article_id = p.article_id AND q.id = p.record_id
            WHERE p.what = 'quote'
            UNION ALL
            SELECT p.*, {query.names_of(f'list_intersect(list_concat(e.source_ids, e.target_ids), {mine})')} AS actor,
                   CASE WHEN list_has_any(e.source_ids, {mine}) THEN 'source' ELSE 'target' END AS role,
                   CASE WHEN list_has_any(e.source_ids, {mine})
                        THEN {query.name_or_text('e.target_ids', 'e.target')}
                        ELSE {query.name_or_text('e.source_ids', 'e.source')} END AS other,
                   substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS text
            FROM page p JOIN events e ON e.article_id = p.article_id AND e.id = p.record_id
            JOIN articles a ON a.id = e.article_id
            WHERE p.what <> 'quote'
        )
        ORDER BY {query.timeline_order()}"""
    return sql, params + [actor_ids]


def test_the_actor_timeline_gives_the_rows_the_old_query_gave(tmp_path, make):
    """Every actor, several at once and none; every page size and offset; SQL, Corpus rows and frames."""
    from chronicle.store import Store as Corpus

    record = make.record_2()
    text = record.article.text
    said = "\u201cThis is not acceptable,\u201d Otieno said."
    start = text.index(said)
    event = Event("e3", "DISAPPROVE", record.quotes[0].cue, Mention(start, start + len(said), said),
                  source_ids=("a1",), target_ids=("a2",))
    records = [make.record_1(), dataclasses.replace(record, events=record.events + (event,))]
    with Corpus(tmp_path / "old-new.duckdb") as corpus:
        corpus.add(records)
        con = corpus.connection
        ids = [r[0] for r in con.execute("SELECT id FROM actors ORDER BY id").fetchall()]
        asked = [[i] for i in ids] + [ids, ids[:2], []]
        checked = 0
        for actor_ids in asked:
            for limit, offset in ((None, 0), (1, 0), (2, 1), (3, 2), (50, 0)):
                old = con.execute(*_old_select_actor_timeline(con, actor_ids, limit=limit, offset=offset)).fetchall()
                sql, params = query.select_actor_timeline(con, actor_ids, limit=limit, offset=offset)
                assert con.execute(sql, params).fetchall() == old, (actor_ids, limit, offset)
                checked += len(old)
        assert checked > 20
        for actor in ("Otieno", "Kenya", "Ethiopia", "United States", ids[0], "nobody"):
            old = con.execute(*_old_select_actor_timeline(con, query.match_ids(con, actor) or [], limit=None)).fetchall()
            assert [tuple(dataclasses.astuple(r)) for r in corpus.timeline(actor)] == old
            frame = corpus.timeline(actor, as_frame=True)
            assert len(frame) == len(old) and list(frame["text"]) == [r[5] for r in old]


def test_one_speakers_quotes_are_counted_from_their_row(corpus):
    con = corpus.connection
    speakers = [r[0] for r in con.execute("SELECT DISTINCT unnest(speaker_ids) FROM quotes").fetchall()]
    assert speakers
    for actor_id in speakers:
        where = query.quote_where(con, speaker_ids=[actor_id])
        stored = con.execute("SELECT count(*) FROM quotes WHERE list_contains(speaker_ids, ?)", [actor_id]).fetchone()[0]
        assert query.count(con, query.QUOTES, where) == stored
        assert con.execute("SELECT n_quotes FROM actors WHERE id = ?", [actor_id]).fetchone()[0] == stored


def test_many_actor_ids_are_looked_up_by_a_join_with_the_same_rows(corpus, monkeypatch):
    con = corpus.connection
    ids = [r[0] for r in con.execute("SELECT id FROM actors").fetchall()]

    def found():
        where = query.quote_where(con, speaker_ids=ids)
        events = query.event_where(con, actor_ids=ids)
        return (corpus.sql(*query.select_quotes(where, limit=2)), query.count(con, query.QUOTES, where),
                corpus.sql(*query.select_events(events, limit=2)), query.count(con, query.EVENTS, events))

    inline = found()
    monkeypatch.setattr(query, "INLINE_IDS", 0)
    assert found() == inline and inline[1] and inline[3]
