"""A worker's pipeline: batches run in a memory zone, so the vocabulary does not grow run after run."""

from __future__ import annotations

from chronicle.readers.files import read_paths
from chronicle.scale.worker import Extractor, peak_rss_mb


def test_memory_zone_keeps_the_vocabulary_flat(example_inputs):
    items = [i for i in read_paths(example_inputs) if i.ok]
    extractor = Extractor(pipe_batch=2)
    first = extractor.run(items)
    strings = len(extractor.nlp.vocab.strings)
    second = extractor.run(items)
    assert len(extractor.nlp.vocab.strings) == strings
    assert [r.to_dict() for r, _ in first.records] == [r.to_dict() for r, _ in second.records]
    assert len(first.records) == 3 and not first.failures
    assert 0 < first.peak_mb <= second.peak_mb <= peak_rss_mb()


def test_pipe_chunks_bound_articles_and_characters():
    from chronicle.readers.files import Item
    from chronicle.records import Article
    from chronicle.scale.worker import pipe_chunks

    def item(n: int) -> Item:
        return Item(f"f{n}", Article(text="x" * n))

    items = [item(30), item(30), item(50), Item("bad", error="unreadable"), item(5), item(5), item(5)]
    chunks = pipe_chunks(items, max_items=3, max_chars=60)
    assert [[i.origin for i in c] for c in chunks] == [["f30", "f30"], ["f50", "bad", "f5"], ["f5", "f5"]]
    # an article longer than the budget still gets a run of its own
    assert [len(c) for c in pipe_chunks([item(100), item(1)], max_items=8, max_chars=60)] == [1, 1]


def test_a_worker_loads_its_pipeline_again_and_extracts_the_same(example_inputs):
    """Issue 22: the vocabulary's maps keep a slot for every word a run met (a memory zone frees the
    word, not its slot), so a worker loads its pipeline again every ``refresh`` articles."""
    items = [i for i in read_paths(example_inputs) if i.ok]
    extractor = Extractor(pipe_batch=2, refresh=len(items))
    first = extractor.run(items)
    before = extractor.nlp
    second = extractor.run(items)  # past ``refresh`` articles: a new pipeline, the same records
    assert extractor.pipeline.loads == 2 and extractor.nlp is not before
    assert [r.to_dict() for r, _ in first.records] == [r.to_dict() for r, _ in second.records]
