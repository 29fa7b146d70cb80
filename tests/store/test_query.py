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
