"""The local engine (a process pool) stores exactly what the one-process ingest stores."""

from __future__ import annotations

from chronicle import Corpus
from chronicle.ingest import ingest
from chronicle.scale.local import ingest_local

from .conftest import store_dump


def test_pool_equals_single_process_ingest(example_inputs, published, tmp_path):
    with Corpus(tmp_path / "one.duckdb") as one:
        plain = ingest(example_inputs, one, published=published, batch_size=2)
        expected = store_dump(one.connection)
    with Corpus(tmp_path / "pool.duckdb") as pool:
        stats = ingest_local(example_inputs, pool, workers=2, published=published, batch_size=2)
        assert store_dump(pool.connection) == expected
        # a re-run skips everything: nothing extracted twice, nothing duplicated
        again = ingest_local(example_inputs, pool, workers=1, published=published, batch_size=2)
        assert store_dump(pool.connection) == expected
    assert (stats.added, stats.errors) == (plain.added, plain.errors) == (3, 1)
    assert again.added == 0 and again.skipped == 3
    # Which of the two workers gets the batches is the scheduler's choice: a fast one may take all
    # (seen on an idle CI machine), so each worker that did work reports its peak.
    assert 1 <= len(stats.worker_peak_mb) <= 2
    assert all(0 < mb < 1024 for mb in stats.worker_peak_mb.values())
    assert sum(stats.worker_articles.values()) == 3
    assert expected["articles"] and expected["quotes"] and expected["errors"]


def test_one_id_with_two_texts_is_two_versions_in_input_order(version_inputs, tmp_path):
    from .conftest import check_versions

    with Corpus(tmp_path / "one.duckdb") as one:
        ingest(version_inputs, one, batch_size=1)
        check_versions(one.connection)
        expected = store_dump(one.connection)
        again = ingest(version_inputs, one, batch_size=1)
        assert (again.added, again.updated) == (0, 0) and store_dump(one.connection) == expected
    with Corpus(tmp_path / "pool.duckdb") as pool:  # batches of one: the two texts are in flight at once
        ingest_local(version_inputs, pool, workers=2, batch_size=1)
        check_versions(pool.connection)
        assert store_dump(pool.connection) == expected
