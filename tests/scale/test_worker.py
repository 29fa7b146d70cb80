"""A worker's pipeline: batches run in a memory zone, so the vocabulary does not grow run after run."""

from __future__ import annotations

from chronicle.ingest.files import read_paths
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
