"""Queries on a small hand-built corpus: quotes, events, actors, timeline, sql, export."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from chronicle.store import ActorRow, CorpusError, EventRow, QuoteRow, TimelineRow


def test_quotes_by_speaker(corpus):
    rows = corpus.quotes(speaker="otieno")
    assert [type(r) for r in rows] == [QuoteRow, QuoteRow]
    # "Otieno" of the second article is the same minister: one actor across the corpus
    assert [r.speaker for r in rows] == ["Miriam Otieno", "Miriam Otieno"]
    assert rows[0].published == dt.date(2024, 3, 14)
    assert rows[0].content == "\u201cWe have talked past each other.\u201d"
    assert corpus.quotes(speaker="Miriam")[0].article_id == "kenya-1"
    assert corpus.quotes(speaker="nobody") == []
    assert len(corpus.quotes()) == 2
    assert [r.speaker for r in corpus.quotes(since="2024-04-01")] == ["Miriam Otieno"]


def test_quote_offsets_point_at_the_text(corpus):
    quote = corpus.quotes(speaker="Miriam")[0]
    text = corpus.article(quote.article_id).text
    assert text[quote.start : quote.end] == quote.content


def test_events_by_actor_type_and_date(corpus):
    rows = corpus.events(actor="Kenya")
    assert all(isinstance(r, EventRow) for r in rows)
    assert [(r.type, r.source, r.target) for r in rows] == [
        ("AGREE", "Ethiopia, Kenya", ""), ("ACCUSE", "Ethiopia", "Kenya"),
    ]
    assert rows[0].date == dt.date(2024, 3, 12)  # the event's own date
    assert rows[1].date == dt.date(2024, 3, 14)  # the publication date
    assert (rows[0].dated, rows[1].dated) == ("2024-03-12", None)  # what the text gives, if anything
    assert [r.type for r in corpus.events(type="accuse")] == ["ACCUSE", "ACCUSE"]
    assert [r.type for r in corpus.events(type="ACCUSE", since="2024-04-01")] == ["ACCUSE"]
    assert [r.type for r in corpus.events(actor="U.S.")] == ["ACCUSE", "SANCTION"]
    assert corpus.events(until="2024-03-13")[0].type == "AGREE"
    assert rows[1].sentence == "Ethiopia accused Kenya of withholding information."


def test_bad_date_is_a_clear_error(corpus):
    with pytest.raises(CorpusError, match="not a date"):
        corpus.events(since="last week")


def test_top_actors(corpus):
    rows = corpus.actors(top=3)
    assert len(rows) == 3 and all(isinstance(r, ActorRow) for r in rows)
    assert rows[0].mentions >= rows[1].mentions or rows[0].articles > rows[1].articles
    kenya = corpus.actors(name="Kenya", kind="country")
    assert [(a.name, a.country, a.articles, a.mentions, a.quotes, a.events) for a in kenya] == [
        ("Kenya", "KEN", 1, 2, 0, 2)
    ]
    assert {a.kind for a in corpus.actors(top=None, kind="person")} == {"person"}


def test_timeline(corpus):
    rows = corpus.timeline("Otieno")
    assert all(isinstance(r, TimelineRow) for r in rows)
    assert [(str(r.date), r.what, r.role) for r in rows] == [
        ("2024-03-14", "quote", "speaker"), ("2024-05-03", "ACCUSE", "source"), ("2024-05-03", "quote", "speaker"),
    ]
    assert rows[1].other == "the U.S."
    kenya = corpus.timeline("Kenya")
    assert [(r.what, r.role, r.other) for r in kenya] == [("AGREE", "source", ""), ("ACCUSE", "target", "Ethiopia")]


def test_frames(corpus):
    pytest.importorskip("pandas")
    frame = corpus.quotes(speaker="Otieno", as_frame=True)
    assert list(frame["speaker"]) == ["Miriam Otieno", "Miriam Otieno"]
    assert len(corpus.sql("SELECT * FROM actors", as_frame=True)) == corpus.counts()["actors"]


def test_sql(corpus):
    rows = corpus.sql("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
    assert rows[0] == {"type": "ACCUSE", "n": 2}
    assert corpus.sql("SELECT ? AS x", [5]) == [{"x": 5}]


@pytest.mark.parametrize("format", ["parquet", "jsonl", "csv"])
def test_export_each_table(corpus, tmp_path, format):
    files = corpus.export(tmp_path / "out", format)
    assert [f.name for f in files] == [f"{t}.{format}" for t in (
        "articles", "actors", "article_actors", "mentions", "quotes", "events", "dates", "errors",
        "positions", "mediations")]
    reader = {"parquet": "read_parquet", "jsonl": "read_json_auto", "csv": "read_csv_auto"}[format]
    counts = corpus.counts()
    for f in files:
        if f.stem == "errors":
            continue  # empty: a header-only or zero-line file
        n = duckdb.connect().execute(f"SELECT count(*) FROM {reader}('{f}')").fetchall()[0][0]
        assert n == counts[f.stem], f
    if format == "jsonl":
        first = json.loads((tmp_path / "out" / "quotes.jsonl").read_text().splitlines()[0])
        assert first["content"].startswith("\u201c")


def test_export_refuses_unknown(corpus, tmp_path):
    with pytest.raises(CorpusError, match="unknown export format"):
        corpus.export(tmp_path, "xml")
    with pytest.raises(CorpusError, match="unknown table"):
        corpus.export(tmp_path, "csv", ["nope"])


# -- pages, counts and the filters the web view uses ------------------------------------

def test_pages_and_counts(corpus):
    events = corpus.events()
    assert corpus.count_events() == len(events) == 4
    assert corpus.events(limit=2) + corpus.events(limit=2, offset=2) == events
    assert corpus.events(offset=3) == events[3:]
    assert corpus.events(order="desc") == events[::-1]
    assert corpus.count_events(type="accuse") == 2 and corpus.count_events("Kenya", until="2024-03-13") == 1
    quotes = corpus.quotes()
    assert corpus.quotes(limit=1, offset=1) == quotes[1:] and corpus.quotes(order="desc") == quotes[::-1]
    assert corpus.count_quotes() == 2 and corpus.count_quotes("otieno", since="2024-04-01") == 1
    everyone = corpus.actors(top=None)
    assert corpus.count_actors() == len(everyone) == corpus.counts()["actors"]
    assert corpus.actors(top=2, offset=2) == everyone[2:4]
    assert corpus.count_actors(kind="person") == len(corpus.actors(top=None, kind="person"))
    timeline = corpus.timeline("Otieno")
    assert corpus.timeline("Otieno", limit=1, offset=1) == timeline[1:2]


def test_id_text_and_substring_filters(corpus):
    kenya = corpus.actors(name="Kenya", kind="country")[0].id
    us = corpus.actors(name="U.S.")[0].id
    assert [(r.type, r.target) for r in corpus.events(target_ids=[kenya])] == [("ACCUSE", "Kenya")]
    assert [r.type for r in corpus.events(source_ids=[us])] == ["SANCTION"]
    assert corpus.events(actor_ids=[kenya]) == corpus.events("Kenya")
    assert corpus.events(actor_ids=[]) == [] and corpus.count_events(actor_ids=[]) == 0
    otieno = [a.id for a in corpus.actors(top=None, name="Otieno")]
    assert len(otieno) == 1  # "Miriam Otieno" and "Otieno" are one actor
    assert len(corpus.quotes(speaker_ids=otieno)) == 2
    assert [r.content for r in corpus.quotes(text="ACCEPTABLE")] == ["\u201cThis is not acceptable,\u201d"]
    assert corpus.quotes(article="kenya-1") == [q for q in corpus.quotes(speaker="Miriam") if q.article_id == "kenya-1"]
    assert len(corpus.quotes(article="kenya-1")) == 1
    assert corpus.actors(ids=otieno, top=None) == corpus.actors(name="Otieno", top=None)
    # Whole words by default; match="substring" also finds part of a word.
    assert corpus.quotes("Otie") == [] and len(corpus.quotes("Otie", match="substring")) == 2
    assert corpus.events("Keny") == [] and corpus.events("Keny", match="substring") != []
    assert corpus.count_actors(name="Eth", match="substring") == 1


def test_bad_order_or_match_is_a_clear_error(corpus):
    with pytest.raises(CorpusError, match="order"):
        corpus.quotes(order="sideways")
    with pytest.raises(CorpusError, match="match"):
        corpus.count_events("Kenya", match="fuzzy")


def test_where_leaves_out_filters_not_given():
    from chronicle.store.query import Where

    where = Where().add("a = ?", None).add("b = ?", "").add("c = ?", 1).add("d IN ?", []).add("e = ? OR f = ?", 2, None)
    assert where.sql == "TRUE AND c = ? AND d IN ?"
    assert where.params == [1, []]


def test_a_writing_store_bounds_duckdbs_memory(tmp_path, monkeypatch):
    """Issue 22: DuckDB's default limit (80% of the machine's memory) let a load grow with the store
    it wrote; a writing store has its own, kept when it opens its file again between batches."""
    from chronicle.store import Store
    from chronicle.store.corpus import WRITE_MEMORY_LIMIT

    def limit(store: Store) -> str:
        return store.connection.execute("SELECT current_setting('memory_limit')").fetchone()[0]

    assert WRITE_MEMORY_LIMIT == "1GiB"
    monkeypatch.delenv("CHRONICLE_MEMORY_LIMIT", raising=False)
    with Store(tmp_path / "s.duckdb") as store:
        assert limit(store) == "1.0 GiB"
        store.release()
        assert limit(store) == "1.0 GiB"
    monkeypatch.setenv("CHRONICLE_MEMORY_LIMIT", "512MiB")
    with Store(tmp_path / "s.duckdb") as store:
        assert limit(store) == "512.0 MiB"
    monkeypatch.setenv("CHRONICLE_MEMORY_LIMIT", "lots")
    with pytest.raises(CorpusError, match="CHRONICLE_MEMORY_LIMIT"):
        Store(tmp_path / "s.duckdb")
