"""chronicle.Corpus: a store that ingests, with every option the command line has."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronicle import Corpus
from chronicle.errors import ChronicleError, RunError
from chronicle.readers.files import read_dates
from chronicle.records import Article, ArticleRecord

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def two_examples(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("01-diplomacy.txt", "05-court.txt"):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def published(corpus: Corpus) -> list[tuple[str, str]]:
    return [(r["source"].rsplit("/", 1)[-1], str(r["published"])) for r in
            corpus.sql("SELECT source, published FROM articles ORDER BY source")]


def test_dates_as_a_tsv_or_a_mapping(two_examples, nlp):
    tsv = EXAMPLES / "published.tsv"
    with Corpus(":memory:") as by_path, Corpus(":memory:") as by_mapping:
        by_path.ingest([two_examples], dates=tsv)
        by_mapping.ingest([two_examples], dates=read_dates(tsv))
        dates = read_dates(tsv)
        assert published(by_path) == published(by_mapping) == [
            ("01-diplomacy.txt", dates["01-diplomacy.txt"]), ("05-court.txt", dates["05-court.txt"])
        ]


def test_progress_hears_the_count_first(two_examples, nlp):
    calls = []
    with Corpus(":memory:") as corpus:
        stats = corpus.ingest([two_examples], progress=lambda s, n: calls.append((s.expected, n)))
    assert calls == [(2, 0), (2, 2)] and stats.added == 2


def test_add_takes_records_and_articles(nlp):
    record = ArticleRecord(Article("A record built elsewhere.", id="r1"))
    article = Article("Officials in Paris met on Monday.", id="a1")
    with Corpus(":memory:") as corpus:
        stats = corpus.add([record, article])
        assert stats.added == 1
        assert [r["id"] for r in corpus.sql("SELECT id FROM articles ORDER BY id")] == ["a1", "r1"]


def test_add_extracts_more_than_a_batch_in_workers_as_ingest_does(tmp_path, nlp):
    """Issue 22: a one-process ingest's heap crept with the articles; add, like ingest, gives more
    than one batch to worker processes unless the caller hands its own pipeline."""
    import os

    articles = [Article(f"Minister Ana Patel met envoys in Paris on day {k}.", id=f"w{k}") for k in range(3)]
    with Corpus(tmp_path / "a.duckdb") as corpus:
        pooled = corpus.add(articles, batch_size=2, workers=1)
        here = corpus.add([Article("Officials in Paris met on Monday.", id="h1"),
                           Article("Officials in Nairobi met on Friday.", id="h2"),
                           Article("Officials in Lima met on Sunday.", id="h3")], batch_size=2, nlp=nlp)
        stored = [r["id"] for r in corpus.sql("SELECT id FROM articles ORDER BY id")]
    assert pooled.added == 3 and sum(pooled.worker_articles.values()) == 3
    assert all(not w.endswith(f":{os.getpid()}") for w in pooled.worker_articles)
    assert here.added == 3 and not hasattr(here, "worker_articles")  # the caller's pipeline, in this process
    assert stored == ["h1", "h2", "h3", "w0", "w1", "w2"]


def test_load_says_which_folder_is_not_a_run(tmp_path):
    with Corpus(":memory:") as corpus, pytest.raises(RunError, match="not a chronicle Parquet run") as caught:
        corpus.load(tmp_path)
    assert caught.value.where == str(tmp_path)


def test_unknown_engine(two_examples):
    with Corpus(":memory:") as corpus, pytest.raises(ChronicleError, match="unknown engine 'spark'"):
        corpus.ingest([two_examples], engine="spark")
