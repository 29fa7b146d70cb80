"""Events by status (default: all but hypothetical and denied) and by dates that are a year or a month."""

from __future__ import annotations

import dataclasses

import pytest

from chronicle import Corpus
from chronicle.errors import CorpusError
from chronicle.records import ArticleRecord, Event, Mention
from tests.store.conftest import record_1, sentence, span


def _record() -> ArticleRecord:
    base = record_1()
    t = base.article.text
    s1 = sentence(t, "Kenya and Ethiopia agreed on Tuesday to revive a border commission.")
    s3 = sentence(t, "Ethiopia accused Kenya of withholding information.")
    events = (
        Event("e1", "AGREE", span(t, "agreed"), s1, source_ids=("a1", "a2"), date="2018", rule="verb"),
        Event("e2", "ACCUSE", span(t, "accused"), s3, source_ids=("a2",), target_ids=("a1",), date="2018-05",
              rule="verb"),
        Event("e3", "AGREE", span(t, "revive"), s1, source_ids=("a1",), status="hypothetical",
              status_cue=Mention(0, 5, "Kenya", "CUE"), rule="verb"),
        Event("e4", "ACCUSE", span(t, "withholding"), s3, source_ids=("a1",), status="denied", rule="verb"),
    )
    return dataclasses.replace(base, events=events)


@pytest.fixture
def store(tmp_path):
    with Corpus(tmp_path / "status.duckdb") as c:
        c.add([_record()])
        yield c


def test_status_filter_defaults_to_what_happened_or_is_planned(store):
    assert [r.event_id for r in store.events()] == ["e1", "e2"]
    assert sorted(r.event_id for r in store.events(status="all")) == ["e1", "e2", "e3", "e4"]
    assert [r.event_id for r in store.events(status="hypothetical,denied")] == ["e3", "e4"]
    assert [r.event_id for r in store.events(status=["denied"])] == ["e4"]
    with pytest.raises(CorpusError, match="status must be among"):
        store.events(status="imagined")


def test_a_year_or_a_month_is_an_interval(store):
    assert [r.event_id for r in store.events(until="2018-12-31")] == ["e1", "e2"]
    assert [r.event_id for r in store.events(since="2019-01-01")] == []
    assert [r.event_id for r in store.events(since="2018-05-31", until="2018-05-31")] == ["e1", "e2"]
    assert [r.event_id for r in store.events(since="2018-06-01")] == ["e1"]  # 2018 runs to December
    assert [r.event_id for r in store.events(until="2018-04-30")] == ["e1"]  # May 2018 starts in May


def test_status_cue_survives_the_store(store):
    again = store.record("kenya-1")
    cue = {e.id: e.status_cue for e in again.events}
    assert (cue["e3"].start, cue["e3"].end, cue["e3"].text) == (0, 5, "Kenya") and cue["e1"] is None
