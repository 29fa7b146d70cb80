"""End to end: files through spaCy into the store; idempotency, --update, failures, kill -9 resume."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chronicle import Corpus
from chronicle.ingest import ingest, ingest_items
from chronicle.records import Article

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ARTICLE = (
    "Talks resume in Doha\n"
    "A State Department spokesperson, Vedant Patel, said on Tuesday that the talks would go on.\n"
    "\u201cWe fully expect these talks to move forward,\u201d Mr. Patel said.\n"
)


@pytest.fixture
def inputs(tmp_path):
    """One folder with each kind of input, good and bad."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    body = ARTICLE.split("\n", 1)[1]
    (root / "page.html").write_text(
        "<html><head><title>Doha talks</title><meta property='article:published_time' content='2024-08-13'></head>"
        f"<body><article><p>{body} The Israeli delegation arrived in Doha on Wednesday.</p></article></body></html>",
        encoding="utf-8",
    )
    lines = [
        json.dumps({"id": "j1", "title": "Sanctions", "published": "2024-08-14",
                    "text": "The European Union imposed sanctions on Russia on Monday, officials said."}),
        "{broken json",
        json.dumps({"id": "j2", "text": "Kenya and Ethiopia agreed to revive a border commission, Ms. Otieno said."}),
        json.dumps({"text": ARTICLE.split("\n", 1)[1]}),  # the same text as talks.txt, without its title
    ]
    (root / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "blob.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    (root / "huge.txt").write_text("Words and more words. " * 400, encoding="utf-8")
    return root


def test_ingest_every_kind_and_record_errors(tmp_path, inputs, nlp):
    with Corpus(tmp_path / "c.duckdb") as corpus:
        stats = ingest([inputs], corpus, max_chars=5000)
        counts = corpus.counts()
        assert counts["articles"] == 4  # talks (txt and jsonl are one article), page, j1, j2
        assert (stats.added, stats.skipped, stats.errors) == (4, 1, 3)
        errors = {Path(r["origin"]).name: r["reason"] for r in corpus.errors()}
        assert set(errors) == {"blob.txt", "huge.txt", "more.jsonl:2"}
        assert errors["blob.txt"] == "binary file, not text"
        assert "too long" in errors["huge.txt"]
        assert errors["more.jsonl:2"].startswith("invalid JSON")
        # more.jsonl comes before talks.txt: its line 4 is stored, talks.txt is the same article
        talks = corpus.sql("SELECT origin, pipeline_version FROM articles WHERE text LIKE 'A State Department%' AND text NOT LIKE '%Israeli%'")
        assert len(talks) == 1 and talks[0]["origin"].endswith("more.jsonl:4") and talks[0]["pipeline_version"]
        page = corpus.sql("SELECT published, title FROM articles WHERE title = 'Doha talks'")[0]
        assert str(page["published"]) == "2024-08-13"
        assert counts["actors"] > 0 and counts["mentions"] >= counts["article_actors"] > 0


def test_ingest_twice_changes_nothing(tmp_path, inputs, nlp):
    with Corpus(tmp_path / "c.duckdb") as corpus:
        ingest([inputs], corpus)
        first = corpus.counts()
        again = ingest([inputs], corpus)
        assert corpus.counts() == first
        assert again.added == 0 and again.skipped == 6  # five articles, one of them twice
        # the same articles from another file (a copy elsewhere) are the same articles
        copy = tmp_path / "copy.txt"
        copy.write_text(ARTICLE, encoding="utf-8")
        ingest([copy], corpus)
        assert corpus.counts() == first


def test_update_reextracts_changed_pipeline_versions(tmp_path, inputs, nlp):
    with Corpus(tmp_path / "c.duckdb") as corpus:
        ingest([inputs / "talks.txt", inputs / "more.jsonl"], corpus)
        before = corpus.counts()
        corpus.sql("UPDATE articles SET pipeline_version = 'old' WHERE id = 'j1'")
        stats = ingest([inputs / "talks.txt", inputs / "more.jsonl"], corpus)
        assert stats.updated == 0 and stats.added == 0  # without --update, stored is stored
        stats = ingest([inputs / "talks.txt", inputs / "more.jsonl"], corpus, update=True)
        assert (stats.updated, stats.added) == (1, 0)
        assert corpus.counts() == before
        assert corpus.sql("SELECT pipeline_version FROM articles WHERE id = 'j1'")[0]["pipeline_version"] != "old"


def test_extraction_exception_is_recorded_and_the_batch_goes_on(tmp_path, nlp, monkeypatch):
    import importlib

    record_module = importlib.import_module("chronicle.extraction")

    real = record_module.build_record

    def flaky(doc, article, nlp=None):
        if "BOOM" in article.text:
            raise RuntimeError("component crashed")
        return real(doc, article, nlp)

    monkeypatch.setattr(record_module, "build_record", flaky)
    articles = [
        Article("The mayor of Lyon said the bridge would reopen.", id="ok1", source="a"),
        Article("BOOM. The council voted on Monday.", id="bad", source="b"),
        Article("Police in Oslo arrested two protesters.", id="ok2", source="c"),
    ]
    with Corpus(tmp_path / "c.duckdb") as corpus:
        stats = ingest_items(articles, corpus, batch_size=3)
        assert (stats.added, stats.errors) == (2, 1)
        [error] = corpus.errors()
        assert (error["origin"], error["article_id"], error["stage"]) == ("b", "bad", "extract")
        assert "component crashed" in error["reason"]
        monkeypatch.setattr(record_module, "build_record", real)
        ingest_items(articles, corpus)  # fixed: the article goes in and its error goes away
        assert corpus.counts()["articles"] == 3 and corpus.counts()["errors"] == 0


def test_progress_reports_each_batch(tmp_path, nlp):
    seen = []
    articles = [Article(f"Officials in Paris met on day {i}.") for i in range(5)]
    with Corpus(tmp_path / "c.duckdb") as corpus:
        stats = ingest_items(articles, corpus, batch_size=2, progress=lambda s, n: seen.append((s.seen, n)))
    assert seen == [(2, 2), (4, 2), (5, 1)]
    assert stats.articles_per_second > 0 and stats.extract_seconds > 0 and stats.store_seconds > 0


KILL_SCRIPT = textwrap.dedent("""
    import sys
    from chronicle import Corpus
    from chronicle.ingest import ingest
    corpus = Corpus(sys.argv[1])
    ingest([sys.argv[2]], corpus, batch_size=2,
           progress=lambda stats, n: print("batch", stats.seen, flush=True))
    print("done", flush=True)
""")


def make_many(folder: Path, n: int) -> Path:
    folder.mkdir()
    texts = sorted(EXAMPLES.glob("*.txt")) if EXAMPLES.exists() else []
    base = [p.read_text(encoding="utf-8") for p in texts] or [ARTICLE]
    for i in range(n):
        (folder / f"{i:02d}.txt").write_text(base[i % len(base)] + f"\nStory number {i}.\n", encoding="utf-8")
    return folder


def test_kill_9_mid_ingest_then_rerun_stores_each_article_once(tmp_path, nlp):
    folder = make_many(tmp_path / "many", 14)
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(db), str(folder)], stdout=subprocess.PIPE, text=True, env=env,
    )
    try:
        lines = []
        while len(lines) < 2:  # two batches committed, the third under way
            line = child.stdout.readline()
            assert line, "the ingest process ended early"
            lines.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL

    with Corpus(db) as corpus:
        partial = corpus.counts()["articles"]
        assert 4 <= partial < 14
        stats = ingest([folder], corpus, batch_size=4)
        assert stats.added == 14 - partial and stats.skipped == partial
        resumed = corpus.counts()
        dupes = corpus.sql("SELECT count(*) - count(DISTINCT id) AS n FROM articles")[0]["n"]
    with Corpus(tmp_path / "clean.duckdb") as clean:
        ingest([folder], clean)
        assert resumed == clean.counts()  # every table: each article's rows exactly once
    assert resumed["articles"] == 14 and dupes == 0


@pytest.mark.parametrize(("engine", "expected", "chosen"), [
    ("ray", 3, "ray"),
    ("local", 1000, "pool"),  # one worker too: in the pool, so this process only reads and stores
    ("local", 64, "process"),  # one batch: no worker to start
    ("local", 65, "pool"),
    ("local", None, "pool"),  # a WARC: the count is unknown
])
def test_choose_engine(engine, expected, chosen):
    from chronicle.ingest import choose_engine

    assert choose_engine(engine, expected, batch_size=64) == chosen


def test_empty_and_whitespace_inputs_are_errors_not_articles(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n  ", encoding="utf-8")
    (folder / "feed.jsonl").write_text('{"id": "w", "text": "  \\n "}\n', encoding="utf-8")
    with Corpus(tmp_path / "c.duckdb") as corpus:
        stats = ingest_items([*__import__("chronicle.readers.files", fromlist=["x"]).read_paths([folder]),
                              Article("   ", id="bare")], corpus, nlp=nlp)
        assert corpus.counts()["articles"] == 0
        assert (stats.added, stats.errors) == (0, 4)
        reasons = {r["origin"].rsplit("/", 1)[-1]: r["reason"] for r in corpus.errors()}
        assert set(reasons) == {"empty.txt", "blank.txt", "feed.jsonl:1", "bare"}
        assert all(r.startswith(("empty article", "no 'text'")) for r in reasons.values()), reasons


def test_feed_dates_are_read_and_bad_ones_recorded_as_warnings(tmp_path, nlp):
    """A published value as feeds write it is read; one that cannot be read is a stored warning
    naming it, not a silent NULL."""
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in [
        {"id": "rss", "published": "Wed, 14 Aug 2024 19:49:23 +0000", "text": "Officials met on Monday in Doha."},
        {"id": "odd", "published": "the other day", "text": "Officials met on Monday in Cairo."},
    ]) + "\n", encoding="utf-8")
    with Corpus(tmp_path / "c.duckdb") as corpus:
        ingest([path], corpus)
        rows = {r["id"]: r for r in corpus.sql("SELECT id, CAST(published AS VARCHAR) AS published, warnings FROM articles")}
        assert rows["rss"]["published"] == "2024-08-14" and not rows["rss"]["warnings"]
        assert rows["odd"]["published"] is None
        assert any("'the other day'" in w for w in rows["odd"]["warnings"])
        (monday,) = [d for d in corpus.record("rss").dates if d.text == "Monday"]
        assert monday.value == "2024-08-12"


def test_extract_reads_feed_dates_and_warns_on_bad_ones():
    import chronicle

    record = chronicle.extract("Officials met on Monday in Doha.", published="2024-08-14T09:00:00Z")
    assert record.article.published == "2024-08-14" and record.warnings == ()
    record = chronicle.extract("Officials met on Monday in Doha.", published="mid-August")
    assert record.article.published is None
    assert record.warnings == ("publication date not understood: 'mid-August'; relative dates are left unresolved",)


def test_a_one_process_ingest_forgets_each_batchs_new_words(nlp, tmp_path):
    """Issue 22: a --workers 1 ingest grew with the input; each batch now runs in a spaCy memory
    zone, so the words it added to the vocabulary go with it, and duplicates are checked per batch."""
    from chronicle.ingest import ingest_items
    from chronicle.records import Article
    from chronicle.store import Store

    if getattr(nlp, "memory_zone", None) is None:
        pytest.skip("this spaCy has no memory zones")
    articles = [Article(text=f"Minister Zorblax{k}quen met Ambassador Vintrelo{k}pax in Nairobi on Tuesday.", id=f"z{k}")
                for k in range(6)]
    before = len(nlp.vocab.strings)
    with Store(tmp_path / "z.duckdb") as store:
        stats = ingest_items(articles, store, nlp=nlp, batch_size=2)
        again = ingest_items(articles[:3], store, nlp=nlp, batch_size=2)
    assert (stats.added, again.skipped) == (6, 3)
    assert len(nlp.vocab.strings) == before
    assert "Zorblax3quen" not in nlp.vocab.strings


# Issue 15: publication dates as real feeds write them, through an ingest into the store.
FEED_PUBLISHED = [
    ("rss", "Wed, 14 Aug 2024 19:49:23 +0000", "2024-08-14"),
    ("iso", "2024-08-14T19:49:23Z", "2024-08-14"),
    ("long", "August 14, 2024", "2024-08-14"),
    ("html_rss", "Wed, 14 Aug 2024 19:49:23 +0000", "2024-08-14"),
    ("bad_words", "sometime last week", None),
    ("bad_html", "14/14/2024", None),
]


@pytest.fixture(scope="module")
def feed_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("feed15")
    rows = []
    for name, published, _ in FEED_PUBLISHED:
        text = "Negotiators met on Monday in Nairobi and will meet again next week."
        body = {"html": f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>"} \
            if name.startswith(("html", "bad_html")) else {"text": text}
        rows.append({"id": name, "published": published, **body})
    path = folder / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    corpus = Corpus(folder / "c.duckdb")
    ingest([path], corpus)
    yield corpus
    corpus.close()


@pytest.mark.parametrize("name,published,day", FEED_PUBLISHED, ids=[f[0] for f in FEED_PUBLISHED])
def test_feed_published_formats_reach_the_store(feed_corpus, name, published, day):
    """Each published format is read and anchors the article's relative dates; one that cannot be
    read is a warning in the article's stored record naming the value, never a silent NULL."""
    (row,) = feed_corpus.sql(f"SELECT CAST(published AS VARCHAR) AS published, warnings FROM articles WHERE id = '{name}'")
    record = feed_corpus.record(name)
    values = {d.text: d.value for d in record.dates}
    if day is not None:
        assert row["published"] == day and not row["warnings"]
        assert values["Monday"] == "2024-08-12" and values["next week"] == "2024-W34"
    else:
        assert row["published"] is None
        assert any(repr(published) in w for w in row["warnings"]), row["warnings"]
        assert any(repr(published) in w for w in record.warnings)
        assert values["Monday"] == "XXXX-WXX-1"
