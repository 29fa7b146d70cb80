"""How the queries grow with the corpus: synthetic stores of 10k, 100k (and 1M) articles made by
multiplying a real ingested store inside DuckDB, then every CLI query command and the main web
pages and ``/api`` endpoints timed at each size.

    python -m bench.corpus_scale [--source STORE] [--sizes 10000,100000] [--million]
                                 [--cli-runs 3] [--requests 5] [--keep | --reuse] [--src PATH]

- ``--source``: a store ingested by chronicle (any schema version it reads). Without one, the
  first ``--source-limit`` PolNeAR texts (``../shared/data/polnear/{train,dev}/text``, else
  ``examples/``) are ingested into ``bench/results/corpus-scale-source.duckdb`` once and reused.
- Each size is the source copied ``round(size / articles)`` times (:func:`build_scaled`): copy ``k``
  gets new article ids (``s{k}-ID``) used consistently in every table, dates shifted by
  ``k * SHIFT_DAYS`` days, and a share (``--vary``, default 0.5) of the actors outside the busiest
  ``--head`` (default 200) a new id per copy (``ID~k``) and its names a key, surname and written
  form of their own (``actor_names``: ``KEY~k``, ``SURNAME~k``, ``NAME k``), so the number of
  actors and names grows with the corpus as in real news while the busiest actors' records grow
  with it too. What the store derives
  from its rows (schema 7: per-actor counts, event sentences and days; schema 9: the per-actor
  index; schema 11: its tallies; 12: the speakers' ``said`` tallies; 13: the ``days`` tallies; 14: the names index, with the
  counts) is then filled in by ``chronicle.store.derived.fill`` and
  ``chronicle.store.byactor.fill``, as an upgrade does; the word index (schema 11: by article
  number) is copied with each copy's numbers after the last copy's; every index is then sorted. Rows are inserted in publication-day
  order, as a chronological ingest stores them.
- CLI: ``chronicle actors/quotes/events/timeline/sql`` as subprocesses of the installed program
  (``chronicle.launch:main``; process start included),
  ``--cli-runs`` times each. Web: the pages and ``/api`` endpoints through FastAPI's TestClient
  (in process: no HTTP or server start), ``--requests`` times each after one warm-up.
  p50/p95 in milliseconds, wall and CPU (the process's, DuckDB's threads and the CLI's start included: what
  other sessions' load does not inflate); the last tables show how each grows from the smallest size to the largest.

The stores are written to ``--dir`` (default ``bench/results/``, git-ignored; with schema 14 a 100k
store of the default source takes about 1.2 GB, a 1M one 11.4 GB, built in 22 minutes within 4.4 GB of memory)
and removed after the run unless ``--keep``.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
SOURCE_DB = RESULTS / "corpus-scale-source.duckdb"
SHIFT_DAYS = 11
CLI_TARGET_MS = 1000.0
# DuckDB's memory while a store is built: it spills sorts, joins and aggregates to disk past it, and
# the per-actor index is filled a range of articles at a time (chronicle.store.byactor.fill), so a
# 1M build stays near this (DuckDB's own default, 80% of the machine, is more than a shared one has).
BUILD_MEMORY_LIMIT = "4GB"
WEB_TARGET_MS = 300.0

# Tables keyed by article id, copied once per copy; the actor-id columns of each (lists or scalars).
ARTICLE_TABLES = ("articles", "article_versions", "article_actors", "mentions", "quotes", "events", "dates",
                  "article_numbers", "word_articles")
# Tables keyed by article number (the word index, schema 11): copy k's numbers follow copy k - 1's.
NUMBERED = ("article_numbers", "word_articles")
ACTOR_LISTS = {"quotes": ("speaker_ids",), "events": ("source_ids", "target_ids", "place_ids")}
ACTOR_SCALARS = {"article_actors": ("actor_id",), "mentions": ("actor_id",)}


def source_store(source: Path | None, limit: int, folder: Path = RESULTS) -> Path:
    """The store to multiply: ``source`` if given, else a small PolNeAR (or examples/) ingest, built once."""
    if source:
        if not source.exists():
            raise SystemExit(f"no store at {source}")
        return source
    source_db = folder / SOURCE_DB.name
    if source_db.exists():
        return source_db
    from chronicle import Corpus

    texts = sorted((POLNEAR / "train" / "text").glob("*.txt"))[:limit] or sorted((ROOT / "examples").glob("*.txt"))
    if not texts:
        raise SystemExit("no source store given and no PolNeAR texts or examples/ to ingest")
    dates = {}
    if (POLNEAR / "metadata.tsv").exists():
        from bench.web import polnear_dates

        dates = polnear_dates(POLNEAR)
    folder.mkdir(parents=True, exist_ok=True)
    print(f"ingesting {len(texts)} texts into {source_db} (once) ...", flush=True)
    with Corpus(source_db) as corpus:
        print(" ", corpus.ingest(texts, workers=1, dates=dates).summary(), flush=True)
    return source_db


def _columns(con, schema: str, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND table_name = ? ORDER BY column_index",
        [schema, table],
    ).fetchall()]


def upgraded(source: Path, folder: Path = RESULTS) -> Path:
    """``source`` if it is at the current schema, else a copy of it upgraded (once) next to the
    results: what a schema derives from the rows is then copied rather than computed on every copy."""
    import duckdb

    from chronicle import Corpus
    from chronicle.store.schema import STORE_SCHEMA_VERSION, schema_version

    con = duckdb.connect(str(source), read_only=True)
    try:
        version = schema_version(con)
    finally:
        con.close()
    if version == STORE_SCHEMA_VERSION:
        return source
    copy = folder / f"{source.stem}-v{STORE_SCHEMA_VERSION}.duckdb"
    if not copy.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy.with_suffix(".tmp"))
        with Corpus(copy.with_suffix(".tmp")):  # upgrades it
            pass
        copy.with_suffix(".tmp").rename(copy)
    return copy


def keyed_by(con, source: str) -> None:
    """Note in the store of ``con`` the name rules the names of the attached store ``source`` were
    keyed with (meta ``name_rules``), as a store written by chronicle has them: without the note the
    first run re-keys every name (``identity.rekey_names``), once, as after an upgrade of the rules,
    and the copies' names (``KEY~k``, keyed by no rule) would each get a second row."""
    from chronicle.store.identity import NAME_RULES_KEY

    con.execute(f"INSERT INTO meta SELECT key, value FROM {source}.meta WHERE key = ? ON CONFLICT DO NOTHING",
                [NAME_RULES_KEY])


def build_scaled(source: Path, target: Path, articles: int, *, vary: float = 0.5, head: int = 200,
                 memory_limit: str | None = BUILD_MEMORY_LIMIT, temp_dir: Path | None = None) -> dict:
    """Write a store of about ``articles`` articles to ``target``: ``source`` copied with consistent
    new keys (see the module doc). Returns the copies made and the row counts. DuckDB's memory is
    bounded by ``memory_limit`` (None: its default, 80% of the machine's) and it spills to
    ``temp_dir`` (default: ``TARGET.spill`` beside the store, removed after)."""
    import duckdb

    from chronicle import Corpus

    from chronicle.store.query import DAY_OF_EVENT, LAST_DAY_OF_EVENT

    source = upgraded(source, target.parent)
    if target.exists():
        target.unlink()
    with Corpus(target):  # the current schema, empty
        pass
    con = duckdb.connect(str(target))
    spill = temp_dir or target.with_suffix(".spill")
    try:
        con.execute("SET enable_progress_bar = false")
        if memory_limit:  # DuckDB's default, 80% of the memory, is more than a shared machine has free
            con.execute("SET memory_limit = ?", [memory_limit])
        con.execute("SET temp_directory = ?", [str(spill)])
        con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
        n_source = con.execute("SELECT count(*) FROM src.articles").fetchone()[0]
        if not n_source:
            raise SystemExit(f"{source} holds no articles")
        copies = max(1, round(articles / n_source))
        # The busiest actors keep their id in every copy; of the rest, a share ``vary`` (by a hash
        # of the id, so it is the same choice in every table) gets a new id per copy.
        con.execute("CREATE TEMP TABLE head AS SELECT actor_id AS id FROM src.article_actors "
                    "GROUP BY 1 ORDER BY count(DISTINCT article_id) DESC LIMIT ?", [head])
        head_ids = [r[0] for r in con.execute("SELECT id FROM head").fetchall()]
        cut = int(vary * 1000)
        con.execute("CREATE TEMP TABLE copies AS SELECT range AS k FROM range(?)", [copies])
        numbers = con.execute("SELECT coalesce(max(n), 0) FROM src.article_numbers").fetchone()[0]

        def varied(x: str) -> str:
            return (f"CASE WHEN k > 0 AND hash({x}) % 1000 < {cut} AND NOT list_contains($head, {x}) "
                    f"THEN {x} || '~' || k ELSE {x} END")

        def shift_day(x: str) -> str:  # a DATE
            return f"{x} + CAST(k * {SHIFT_DAYS} AS INTEGER)"

        def shift_text(x: str) -> str:  # a calendar day written as text; other values stay
            return (f"CASE WHEN length({x}) = 10 AND try_cast({x} AS DATE) IS NOT NULL "
                    f"THEN strftime(CAST({x} AS DATE) + CAST(k * {SHIFT_DAYS} AS INTEGER), '%Y-%m-%d') ELSE {x} END")

        new_id = "CASE WHEN k = 0 THEN {c} ELSE 's' || k || '-' || {c} END"
        # An event's days are derived from its (shifted) date and its article's (shifted) publication day.
        event_days = {
            column: expr.replace("e.date", f"({shift_text('t.date')})").replace("a.published", shift_day("sa.published"))
            for column, expr in (("day", DAY_OF_EVENT), ("last_day", LAST_DAY_OF_EVENT))
        }
        for table in ARTICLE_TABLES:
            have = set(_columns(con, "src", table))
            if not have:
                continue
            select = []
            for column in _columns(con, target.stem, table):
                q = f't."{column}"'
                if column not in have:
                    select.append("NULL")
                elif (table == "articles" and column == "id") or column == "article_id":
                    select.append(new_id.format(c=q))
                elif table in NUMBERED and column == "n":
                    select.append(f"{q} + k * {numbers}")
                elif column in ("published", "day") and table != "events":
                    select.append(shift_day(q))
                elif table == "events" and column in event_days:
                    select.append(event_days[column])
                elif column in ACTOR_LISTS.get(table, ()):
                    select.append(f"list_transform({q}, lambda x: {varied('x')})")
                elif column in ACTOR_SCALARS.get(table, ()):
                    select.append(varied(q))
                elif (table, column) in (("events", "date"), ("dates", "value")):
                    select.append(shift_text(q))
                else:
                    select.append(q)
            # In the order a chronological ingest stores them: by (shifted) publication day, so each
            # table's row groups hold a range of days, as a store grows (the per-actor index is sorted after).
            if table == "articles":
                joined, order = "", f" ORDER BY {shift_day('t.published')}, k, t.id"
            elif table == "word_articles":  # sorted by word after (the index sorts are below)
                joined, order = "", " ORDER BY k, t.n"
            else:
                joined = " JOIN src.articles sa ON sa.id = t.article_id"
                order = f" ORDER BY {shift_day('sa.published')}, k, t.article_id"
            step = time.perf_counter()
            con.execute(f"INSERT INTO {table} SELECT {', '.join(select)} FROM src.{table} t{joined}, copies{order}",
                        {"head": head_ids} if "$head" in " ".join(select) else {})
            print(f"  {table} copied {time.perf_counter() - step:.0f}s", flush=True)
        # Actors: the originals, then the varied ones' copies (a name of their own, so the names vary too).
        cols = [c for c in _columns(con, target.stem, "actors") if c in set(_columns(con, "src", "actors"))]
        quoted = ", ".join(f'"{c}"' for c in cols)
        con.execute(f"INSERT INTO actors ({quoted}) SELECT {quoted} FROM src.actors")
        renamed = {"id": "id || '~' || k", "key": "key || '~' || k", "name": "name || ' ' || k"}
        con.execute(
            f"INSERT INTO actors ({quoted}) SELECT {', '.join(renamed.get(c, f'{chr(34)}{c}{chr(34)}') for c in cols)} "
            f"FROM src.actors, copies WHERE k > 0 AND hash(id) % 1000 < {cut} AND NOT list_contains($head, id)",
            {"head": head_ids},
        )
        for table in ("actor_names", "actor_merges"):
            cols = [c for c in _columns(con, target.stem, table) if c in set(_columns(con, "src", table))]
            if cols:
                quoted = ", ".join(f'"{c}"' for c in cols)
                con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM src.{table}")
        # The varied actors' names: each copy of an actor its own copies of the actor's names, as a
        # real store has them (about one name row per person or organisation: 1,422 names for
        # 1,392 such actors in the 200-text PolNeAR source), so reading every name costs what it
        # does in a real corpus (without them, 1,422 names against 425k actors at 100k). Key,
        # surname and name are the copy's own (the name written as the actor's copy is), so no
        # stored name or surname of another actor is matched by them.
        cols = [c for c in _columns(con, target.stem, "actor_names") if c in set(_columns(con, "src", "actor_names"))]
        renamed = {"key": "key || '~' || k", "actor_id": "actor_id || '~' || k", "surname": "surname || '~' || k",
                   "name": "name || ' ' || k", "first_word": "NULL"}  # (schema 16: the copy's name's, filled below)
        con.execute(
            f"INSERT INTO actor_names ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)}) "
            f"SELECT {', '.join(renamed.get(c, f'{chr(34)}{c}{chr(34)}') for c in cols)} FROM src.actor_names, copies "
            f"WHERE k > 0 AND hash(actor_id) % 1000 < {cut} AND NOT list_contains($head, actor_id)",
            {"head": head_ids},
        )
        keyed_by(con, "src")
        if "first_word" in cols:
            from chronicle.store.identity import fill_first_words

            fill_first_words(con)
        con.execute("DETACH src")
        # Every actor's counts (the copies' varied ids count apart); what else the store derives
        # from its rows was copied from the upgraded source (see upgraded()).
        from chronicle.store import byactor, derived

        step = time.perf_counter()
        derived.fill(con)
        print(f"  derived.fill {time.perf_counter() - step:.0f}s", flush=True)
        step = time.perf_counter()
        # the per-actor index (schema 9) and its tallies (11), a range of articles at a time
        # (byactor.CHUNK_ARTICLES: one statement over 1M articles ran out of memory); every index sorted
        byactor.fill(con)
        print(f"  byactor.fill {time.perf_counter() - step:.0f}s", flush=True)
        con.execute("CHECKPOINT")
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "actors", "quotes", "events", "mentions")}
    finally:
        con.close()
        if temp_dir is None:
            shutil.rmtree(spill, ignore_errors=True)
    return {"copies": copies, **counts}


def stored_counts(db: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {"copies": None, **{t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                   for t in ("articles", "actors", "quotes", "events", "mentions")}}
    finally:
        con.close()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))
    return ordered[k]


def busiest(db: Path) -> tuple[str, str, str]:
    """The busiest person's name and id, and a word of a common quote, to query by."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(
            "SELECT x.id, x.name FROM article_actors aa JOIN actors x ON x.id = aa.actor_id "
            "WHERE x.kind = 'person' GROUP BY ALL ORDER BY count(DISTINCT aa.article_id) DESC, x.id LIMIT 1"
        ).fetchone()
        article = con.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        con.close()
    if not row:
        raise SystemExit(f"{db} has no person to query by")
    return row[1], row[0], article


def cli_commands(name: str, actor_id: str) -> dict[str, list[str]]:
    surname = name.split()[-1]
    return {
        "actors --top 20": ["actors", "--top", "20"],
        f"quotes --speaker {surname} --limit 50": ["quotes", "--speaker", surname, "--limit", "50"],
        f"events --actor {surname} --type ACCUSE": ["events", "--actor", surname, "--type", "ACCUSE"],
        f"timeline {surname} --limit 50": ["timeline", surname, "--limit", "50"],
        "timeline ACTOR_ID --limit 50": ["timeline", actor_id, "--limit", "50"],
        "sql (events by type)": ["sql", "select type, count(*) from events group by 1"],
    }


def time_cli(db: Path, name: str, actor_id: str, runs: int, src: Path = ROOT / "src",
             cpu: dict[str, list[float]] | None = None) -> dict[str, list[float]]:
    """Wall milliseconds of each CLI command per run; ``cpu`` gets each run's CPU milliseconds (the
    process's, its start and DuckDB's threads included), which other sessions' load does not inflate."""
    import resource

    env = {**os.environ, "PYTHONPATH": str(src)}
    chronicle = [sys.executable, "-c", "from chronicle.launch import main; main()"]  # the installed program
    out: dict[str, list[float]] = {}
    for label, args in cli_commands(name, actor_id).items():
        out[label] = []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            done = subprocess.run([*chronicle, *args, "--db", str(db), "--format", "csv"],
                                  env=env, capture_output=True, text=True)
            out[label].append((time.perf_counter() - t0) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if cpu is not None:
                cpu.setdefault(label, []).append(
                    (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
            if done.returncode:
                raise SystemExit(f"chronicle {' '.join(args)} failed: {done.stderr.strip()[-500:]}")
        extra = f", CPU {statistics.median(cpu[label]):.0f} ms" if cpu is not None else ""
        print(f"    chronicle {label}: p50 {statistics.median(out[label]):.0f} ms{extra}", flush=True)
    return out


def web_urls(name: str, actor_id: str, article: str) -> list[str]:
    from urllib.parse import quote

    surname = name.split()[-1]
    a = quote(article, safe="")
    return [
        "/", "/timeline", f"/timeline?actor={actor_id}", "/timeline?page=20", "/timeline?type=ACCUSE",
        "/actors", f"/actors/{actor_id}", "/quotes", f"/quotes?speaker={surname}", "/articles",
        f"/articles/{a}", f"/search?q={surname}",
        "/api/overview", "/api/articles", f"/api/articles/{a}", "/api/actors", f"/api/actors/{actor_id}",
        "/api/quotes", f"/api/quotes?speaker={surname}", "/api/events", "/api/events?type=ACCUSE",
        "/api/timeline", f"/api/timeline?actor={actor_id}", f"/api/search?q={surname}",
    ]


def time_web(db: Path, name: str, actor_id: str, article: str, requests: int,
             cpu: dict[str, list[float]] | None = None) -> dict[str, list[float]]:
    """Wall milliseconds of each page and endpoint per request (after one warm-up); ``cpu`` gets
    each request's CPU milliseconds (this process's, DuckDB's threads included)."""
    from fastapi.testclient import TestClient

    from chronicle.web.app import create_app

    out: dict[str, list[float]] = {}
    with TestClient(create_app(db)) as client:
        for url in web_urls(name, actor_id, article):
            response = client.get(url)  # warm-up
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}: {response.text[:300]}")
            out[url] = []
            for _ in range(requests):
                c0, t0 = time.process_time(), time.perf_counter()
                client.get(url)
                out[url].append((time.perf_counter() - t0) * 1000)
                if cpu is not None:
                    cpu.setdefault(url, []).append((time.process_time() - c0) * 1000)
            extra = f", CPU {statistics.median(cpu[url]):.0f} ms" if cpu is not None else ""
            print(f"    {url}: p50 {statistics.median(out[url]):.0f} ms{extra}", flush=True)
    return out


def report(sizes: list[int], results: dict[int, dict[str, list[float]]], targets: dict[str, float],
           what: str = "wall") -> None:
    labels = list(next(iter(results.values())))
    print(f"\n{what} time:")
    width = max(len(label) for label in labels)
    head = "".join(f"{f'{n:,} p50':>13}{'p95':>9}" for n in sizes)
    print(f"{'query':<{width}} {head}   growth p50 (x{sizes[-1] / sizes[0]:.0f} articles)")
    for label in labels:
        cells, p50s = "", []
        for n in sizes:
            values = results[n][label]
            p50, p95 = statistics.median(values), percentile(values, 95)
            p50s.append(p50)
            flag = "!" if p95 > targets[label] else " "
            cells += f"{p50:13.0f}{p95:8.0f}{flag}"
        growth = p50s[-1] / p50s[0] if p50s[0] else float("nan")
        print(f"{label:<{width}} {cells}   x{growth:.1f}")
    print("(ms; ! = p95 over the target: 1 s for a CLI command, 300 ms for a page or API call)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus_scale", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="an ingested store to multiply (default: ingest PolNeAR texts once)")
    parser.add_argument("--source-limit", type=int, default=200, help="texts to ingest when no --source is given")
    parser.add_argument("--sizes", default="10000,100000", help="articles per synthetic store, comma-separated")
    parser.add_argument("--million", action="store_true", help="add a 1,000,000-article store (slow)")
    parser.add_argument("--vary", type=float, default=0.5, help="share of the non-head actors given a new id per copy")
    parser.add_argument("--head", type=int, default=200, help="the busiest actors keep their ids in every copy")
    parser.add_argument("--cli-runs", type=int, default=3, help="runs of each CLI command per size")
    parser.add_argument("--requests", type=int, default=5, help="requests per page or endpoint per size")
    parser.add_argument("--no-cli", action="store_true", help="time the web view only")
    parser.add_argument("--no-web", action="store_true", help="time the CLI only")
    parser.add_argument("--memory-limit", default=BUILD_MEMORY_LIMIT,
                        help=f"DuckDB's memory limit while building a store (default {BUILD_MEMORY_LIMIT}; 'none': "
                        "DuckDB's default): it spills to disk past it (a 1M build reached 20 GB of memory without one)")
    parser.add_argument("--temp-dir", type=Path, help="where DuckDB spills while building (default: beside the store)")
    parser.add_argument("--dir", type=Path, default=RESULTS,
                        help="where the synthetic stores are written (default bench/results/; 1M needs about 12 GB)")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic stores in --dir")
    parser.add_argument("--reuse", action="store_true", help="time a kept store of a size again instead of building it")
    parser.add_argument("--src", type=Path, default=ROOT / "src",
                        help="the chronicle source tree to time (another checkout's src/, for before/after)")
    args = parser.parse_args(argv)
    args.src = args.src.resolve()
    sys.path.insert(0, str(args.src))  # the web view is timed in this process
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()} | ({1_000_000} if args.million else set()))
    source = source_store(args.source, args.source_limit, args.dir)
    args.dir.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict[str, list[float]]] = {}
    cpu_results: dict[int, dict[str, list[float]]] = {}
    targets: dict[str, float] = {}
    actual: list[int] = []
    for size in sizes:
        db = args.dir / f"corpus-scale-{size}.duckdb"
        t0 = time.perf_counter()
        if args.reuse and db.exists():
            built = stored_counts(db)
        else:
            built = build_scaled(source, db, size, vary=args.vary, head=args.head,
                                 memory_limit=None if args.memory_limit == "none" else args.memory_limit,
                                 temp_dir=args.temp_dir)
        mb = db.stat().st_size / 1e6
        print(f"{size:,}: {built} built in {time.perf_counter() - t0:.0f}s, {mb:,.0f} MB "
              f"({mb * 1e3 / max(1, built['articles']):.1f} KB/article)", flush=True)
        name, actor_id, article = busiest(db)
        timings: dict[str, list[float]] = {}
        cpu: dict[str, list[float]] = {}
        if not args.no_cli:
            cli_cpu: dict[str, list[float]] = {}
            cli = time_cli(db, name, actor_id, args.cli_runs, args.src, cli_cpu)
            timings.update({f"cli {k}": v for k, v in cli.items()})
            cpu.update({f"cli {k}": v for k, v in cli_cpu.items()})
            targets.update({f"cli {k}": CLI_TARGET_MS for k in cli})
        if not args.no_web:
            web_cpu: dict[str, list[float]] = {}
            web = time_web(db, name, actor_id, article, args.requests, web_cpu)
            timings.update({f"web {k}": v for k, v in web.items()})
            cpu.update({f"web {k}": v for k, v in web_cpu.items()})
            targets.update({f"web {k}": WEB_TARGET_MS for k in web})
        results[built["articles"]] = timings
        cpu_results[built["articles"]] = cpu
        actual.append(built["articles"])
        slowest = sorted(timings, key=lambda k: -statistics.median(timings[k]))[:3]
        if slowest:
            print("  slowest: " + "; ".join(f"{k} {statistics.median(timings[k]):.0f} ms" for k in slowest), flush=True)
        if not (args.keep or args.reuse):
            db.unlink(missing_ok=True)
            Path(str(db) + ".wal").unlink(missing_ok=True)
    print(f"\nsource {source}; machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    if targets:  # --no-cli --no-web only builds the stores
        report(actual, results, targets)
        report(actual, cpu_results, targets, "CPU (the process's; the CLI's start included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
