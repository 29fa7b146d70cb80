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


def test_a_staging_folder_a_killed_driver_left_goes_with_the_next_run(tmp_path):
    """Issue 17: a Ray driver killed mid-run left its hidden staging folder beside the run for good."""
    import socket
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)  # a process that has ended
    run = tmp_path / "run"
    stale = staging_dir(run)
    (stale / "_chronicle_owner").write_text(f"{socket.gethostname()} {dead_pid}\n", encoding="utf-8")
    live = staging_dir(run)  # this process's own: still running, so it stays
    other = tmp_path / ".run.staging-otherhost"
    other.mkdir()
    (other / "_chronicle_owner").write_text(f"not-{socket.gethostname()} {dead_pid}\n", encoding="utf-8")
    stage = staging_dir(run)
    assert not stale.exists() and live.exists() and other.exists() and stage.exists()
    finish_run(stage, run, {"engine": "test"})
    assert not (run / "_chronicle_owner").exists()  # the run itself carries no owner file
