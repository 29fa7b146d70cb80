"""Loading a Parquet run: each article's rows come from the one record that is kept."""

from __future__ import annotations

from chronicle import Corpus
from chronicle.extraction import extract_batch
from chronicle.records import Article
from chronicle.scale.load import load_parquet
from chronicle.scale.parquet import finish_run, part_key, staging_dir, write_part
from chronicle.scale.rows import batch_rows

TEXT = "Voronin accused the EU of economic piracy and urged Asian governments to ignore the measures."


def test_one_id_and_text_twice_with_two_dates_loads_the_first_records_rows(nlp, tmp_path):
    """Found by tests/scale/test_worker_faults.py: a story repeated with another publication date
    (the same id and text: no new version) has rows that differ where the date is used; the load
    kept the first record's article row with the second record's event dates."""
    first, again = extract_batch([Article(TEXT, id="s1", published="2024-03-15"),
                                  Article(TEXT, id="s1", published="2024-03-14")], nlp)
    assert {e.date for e in first.events} == {"2024-03-15"} and {e.date for e in again.events} == {"2024-03-14"}
    stage = staging_dir(tmp_path / "run")
    # the repeat in a part of its own, written first: the input order, not the file order, decides
    write_part(stage, part_key(["f:2"]), batch_rows([(again, "f:2")], order={"f:2": 2}))
    write_part(stage, part_key(["f:1"]), batch_rows([(first, "f:1")], order={"f:1": 1}))
    finish_run(stage, tmp_path / "run", {"engine": "test"})
    with Corpus(tmp_path / "s.duckdb") as store:
        load_parquet(tmp_path / "run", store)
        con = store.connection
        assert con.execute("SELECT CAST(published AS VARCHAR), origin FROM articles").fetchall() == [("2024-03-15", "f:1")]
        assert {d for (d,) in con.execute("SELECT date FROM events").fetchall()} == {"2024-03-15"}
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == len(first.events)


def test_loading_a_run_again_counts_each_name_once(nlp, tmp_path):
    """Found by tests/scale/test_worker_faults.py: a re-load replaced the articles but added their
    names' counts (actor_names.n) again, doubling them with every load."""
    (one,) = extract_batch([Article("Foreign Minister Miriam Otieno met Abiy Ahmed and the African Union in Nairobi. "
                                    "Otieno said the talks went well.", id="s2", published="2024-03-15")], nlp)
    stage = staging_dir(tmp_path / "run")
    write_part(stage, part_key(["f:1"]), batch_rows([(one, "f:1")], order={"f:1": 1}))
    finish_run(stage, tmp_path / "run", {"engine": "test"})
    query = "SELECT key, actor_id, n FROM actor_names ORDER BY ALL"
    with Corpus(tmp_path / "s.duckdb") as store:
        load_parquet(tmp_path / "run", store)
        first = store.connection.execute(query).fetchall()
        assert first and all(n > 0 for _, _, n in first)
        load_parquet(tmp_path / "run", store)
        assert store.connection.execute(query).fetchall() == first


def test_a_run_is_loaded_in_input_order_and_batch_size_as_a_local_ingest_stores_it(nlp, tmp_path):
    """Which name an actor is keyed by (and so its id) follows the article that named it first, and
    which names are decided together follows the batches: the load follows the input order (line 2
    of a feed before line 10, which sorts first as text) and the run's batch size, so a Ray run
    gives the actors a local ingest of the same inputs gives (it gave "Carvalho" an id of its own)."""
    from chronicle.ingest import ingest_items
    from chronicle.readers.item import Item

    from .fault_corpus import dump

    articles = [
        Article("Its spokeswoman, Inês Carvalho, told the crowd that families were being pushed out.", id="s-2",
                published="2024-03-14"),
        Article("Kenya and Ethiopia agreed on Tuesday to revive a border commission.", id="s-5", published="2024-03-14"),
        Article("Carvalho denied that members of the assembly had thrown anything.", id="s-10", published="2024-03-14"),
    ]
    origins = ["f.jsonl:2", "f.jsonl:5", "f.jsonl:10"]
    records = extract_batch(articles, nlp)
    stage = staging_dir(tmp_path / "run")
    for record, origin in zip(records, origins):  # one part per batch, as the actors write them
        write_part(stage, part_key([origin]), batch_rows([(record, origin)], order={origin: int(origin.split(":")[1])}))
    finish_run(stage, tmp_path / "run", {"engine": "test", "batch_size": 1})
    with Corpus(tmp_path / "local.duckdb") as local:
        ingest_items([Item(o, a) for o, a in zip(origins, articles)], local, nlp=nlp, batch_size=1)
        expected = dump(local.connection)
    with Corpus(tmp_path / "loaded.duckdb") as store:
        load_parquet(tmp_path / "run", store)
        loaded = dump(store.connection)
    assert {r[2] for r in loaded["actors"]} >= {"Inês Carvalho"}
    for table in ("actors", "actor_names", "article_actors", "mentions", "quotes", "events"):
        assert loaded[table] == expected[table], table
