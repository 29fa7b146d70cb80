"""chronicle.extraction's allocator setting for long runs (issue 22: bounded memory)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# After a 16 MiB block is freed, glibc serves an 8 MiB one from the heap (its threshold rose to
# 16 MiB) unless the threshold is fixed: then the block gets a mapping of its own, given back on free.
PROBE = """
import ctypes, sys
from chronicle.extraction import steady_allocator
libc = ctypes.CDLL(None)
class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                               "fsmblks", "uordblks", "fordblks", "keepcost")]
libc.mallinfo2.restype = Info
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
if sys.argv[1] == "steady":
    assert steady_allocator()
libc.free(libc.malloc(16 << 20))
before = libc.mallinfo2().hblks
block = libc.malloc(8 << 20)  # larger than any hole the interpreter may have left in the heap
print(libc.mallinfo2().hblks - before)
libc.free(block)
"""


def _glibc_with_mallinfo2() -> bool:
    import ctypes

    try:
        return sys.platform.startswith("linux") and hasattr(ctypes.CDLL(None), "mallinfo2")
    except OSError:
        return False


@pytest.mark.skipif(not _glibc_with_mallinfo2(), reason="needs glibc 2.33+ (mallinfo2)")
def test_steady_allocator_keeps_large_blocks_out_of_the_heap():
    def mapped(mode: str) -> int:
        out = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr[-2000:]
        return int(out.stdout.strip())

    assert mapped("default") == 0  # glibc's own rule: the heap, where it leaves holes
    assert mapped("steady") == 1  # its own mapping


def test_a_one_process_ingest_loads_its_pipeline_again_and_stores_the_same(monkeypatch, tmp_path):
    """Issue 22: a long run loads its own pipeline again every REFRESH_ARTICLES (the vocabulary's
    maps grow with every word met); a pipeline the caller gave is never replaced."""
    from chronicle import extraction
    from chronicle.ingest import ingest_items
    from chronicle.pipeline import load_pipeline
    from chronicle.records import Article
    from chronicle.store import Store

    loads = []
    real = extraction.FreshPipeline.refresh
    monkeypatch.setattr(extraction, "REFRESH_ARTICLES", 2)
    monkeypatch.setattr(extraction.FreshPipeline, "refresh", lambda self: (loads.append(1), real(self)))
    text = "Minister Ana Patel said on Tuesday that talks with Kenya would resume."
    articles = [Article(text=text, id=f"r{k}", published="2024-08-13") for k in range(5)]
    with Store(tmp_path / "r.duckdb") as store:
        stats = ingest_items(articles, store, batch_size=2)
        rows = store.connection.execute('SELECT article_id, local_id, actor_id, start, "end", text FROM mentions ORDER BY ALL').fetchall()
    assert stats.added == 5 and len(loads) == 2 and rows  # loaded again after articles 2 and 4
    assert {tuple(r[1:]) for r in rows if r[0] == "r0"} == {tuple(r[1:]) for r in rows if r[0] == "r4"}
    given = load_pipeline()
    with Store(tmp_path / "g.duckdb") as store:
        ingest_items(articles, store, nlp=given, batch_size=2)
    assert len(loads) == 2


def test_a_batch_zone_keeps_the_lemmatizer_cache_within_bounds(monkeypatch, nlp):
    """Issue 22: spaCy's rule lemmatizer caches every (word, tag) it lemmatises and knows nothing of
    memory zones, so a pipeline that is never loaded again grew with each new word; past
    LEMMA_CACHE_MAX entries a batch empties it, and a smaller cache is left as it is."""
    from chronicle import extraction

    cache = nlp.get_pipe("lemmatizer").cache
    cache.clear()
    monkeypatch.setattr(extraction, "LEMMA_CACHE_MAX", 10_000)
    with extraction.batch_zone(nlp):
        list(nlp.pipe(["The ministers were meeting the envoys.", "Talks resumed on Tuesday."]))
    kept = len(cache)
    assert kept > 0  # under the bound: the batch's entries stay
    monkeypatch.setattr(extraction, "LEMMA_CACHE_MAX", kept)
    with extraction.batch_zone(nlp):
        list(nlp.pipe([f"The envoys were drafting {k} plans." for k in range(3)]))
    assert len(cache) == 0  # past it: emptied


def test_watch_extracts_in_a_worker_that_ends_with_its_round(tmp_path):
    """Issue 22: in one process the heap crept with every 1,000 articles; a watch that loads its own
    pipeline runs each round's extraction in a worker process that ends with the round, so months of
    rounds stay flat, and stores the same as in this process."""
    import os

    from chronicle import Corpus

    feed = tmp_path / "day.txt"
    days = iter(range(2, 9))  # each round a new text: a new version of the article
    with Corpus(tmp_path / "w.duckdb") as corpus:
        feed.write_text("Minister Ana Patel said talks with Kenya would resume.")
        rounds = corpus.watch([feed], every=0, rounds=2, sleep=lambda s: feed.write_text(
            f"Minister Ana Patel met envoys from Kenya on day {next(days)}."))
        stats = [r.stats for r in rounds]
        names = {r[0] for r in corpus.connection.execute("SELECT name FROM actors").fetchall()}
    assert [s.added + s.updated for s in stats] == [1, 1]
    workers = [w for s in stats for w in s.worker_articles]
    assert len(workers) == 2 and len(set(workers)) == 2  # a worker a round
    assert all(not w.endswith(f":{os.getpid()}") for w in workers)
    assert {"Ana Patel", "Kenya"} <= names
