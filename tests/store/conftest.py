"""A small hand-built corpus (no spaCy needed) for store and query tests."""

from __future__ import annotations

import pytest

from chronicle.records import Actor, Article, ArticleRecord, Event, Mention, Quote, TimeExpression


def span(text: str, part: str, label: str = "", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Mention(start, start + len(part), part, label)


def sentence(text: str, part: str) -> Mention:
    start = text.index(part)
    return Mention(start, start + len(part), part)


TEXT_1 = (
    "Kenya and Ethiopia agreed on Tuesday to revive a border commission. "
    "Foreign Minister Miriam Otieno said, \u201cWe have talked past each other.\u201d "
    "Ethiopia accused Kenya of withholding information."
)
TEXT_2 = (
    "Ms. Otieno criticised the United States on Friday. "
    "\u201cThis is not acceptable,\u201d Otieno said. "
    "The U.S. sanctioned two Kenyan firms."
)


def record_1(pipeline: dict | None = None) -> ArticleRecord:
    t = TEXT_1
    kenya = Actor("a1", "Kenya", "country", (span(t, "Kenya", "GPE"), span(t, "Kenya", "GPE", 1)), country="KEN")
    ethiopia = Actor("a2", "Ethiopia", "country", (span(t, "Ethiopia", "GPE"), span(t, "Ethiopia", "GPE", 1)), country="ETH")
    otieno = Actor(
        "a3", "Miriam Otieno", "person", (span(t, "Miriam Otieno", "PERSON"),), role="Foreign Minister",
        affiliation="Kenya", country="KEN", role_evidence=span(t, "Foreign Minister"),
    )
    s1 = sentence(t, "Kenya and Ethiopia agreed on Tuesday to revive a border commission.")
    s2 = sentence(t, "Foreign Minister Miriam Otieno said, \u201cWe have talked past each other.\u201d")
    s3 = sentence(t, "Ethiopia accused Kenya of withholding information.")
    quote = Quote(
        "q1", span(t, "\u201cWe have talked past each other.\u201d"), "direct", speaker=span(t, "Miriam Otieno"),
        speaker_ids=("a3",), cue=span(t, "said"), sentence=s2, rule="said-comma-quote",
    )
    events = (
        Event("e1", "AGREE", span(t, "agreed"), s1, source_ids=("a1", "a2"), source=span(t, "Kenya and Ethiopia"),
              date="2024-03-12", date_id="t1", rule="agree-verb"),
        Event("e2", "ACCUSE", span(t, "accused"), s3, source_ids=("a2",), target_ids=("a1",),
              source=span(t, "Ethiopia", nth=1), target=span(t, "Kenya", nth=1)),
    )
    dates = (TimeExpression("t1", *_se(t, "Tuesday"), "Tuesday", "DATE", "2024-03-12", anchored=True, rule="weekday"),)
    article = Article(TEXT_1, id="kenya-1", title="Kenya and Ethiopia agree", published="2024-03-14", source="test")
    return ArticleRecord(article, (kenya, ethiopia, otieno), (quote,), events, dates,
                         pipeline=pipeline if pipeline is not None else {"chronicle": "test", "model": "none"})


def record_2() -> ArticleRecord:
    t = TEXT_2
    otieno = Actor("a1", "Otieno", "person", (span(t, "Ms. Otieno", "PERSON"), span(t, "Otieno", "PERSON", 1)), country="KEN")
    us = Actor("a2", "the U.S.", "country", (span(t, "United States", "GPE"), span(t, "U.S.", "GPE")), country="USA")
    firms = Actor("a3", "Kenyan firms", "group", (span(t, "Kenyan firms"),), country="KEN")
    s1 = sentence(t, "Ms. Otieno criticised the United States on Friday.")
    s3 = sentence(t, "The U.S. sanctioned two Kenyan firms.")
    quote = Quote("q1", span(t, "\u201cThis is not acceptable,\u201d"), "direct", speaker=span(t, "Otieno", nth=1),
                  speaker_ids=("a1",), cue=span(t, "said"))
    events = (
        Event("e1", "ACCUSE", span(t, "criticised"), s1, source_ids=("a1",), target_ids=("a2",)),
        Event("e2", "SANCTION", span(t, "sanctioned"), s3, source_ids=("a2",), target_ids=("a3",), status="happened"),
    )
    article = Article(TEXT_2, title="Otieno criticises US", published="2024-05-03")
    return ArticleRecord(article, (otieno, us, firms), (quote,), events, (), pipeline={"chronicle": "test"})


def _se(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@pytest.fixture
def make():
    """The record builders, for tests that change a record before storing it."""
    import types

    return types.SimpleNamespace(record_1=record_1, record_2=record_2)


@pytest.fixture
def records() -> list[ArticleRecord]:
    return [record_1(), record_2()]


@pytest.fixture
def corpus(tmp_path, records):
    from chronicle import Corpus

    with Corpus(tmp_path / "test.duckdb") as c:
        c.add(records)
        yield c
