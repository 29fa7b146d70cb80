"""What storing costs: ingest into DuckDB versus extraction alone versus bare spaCy ``nlp.pipe``.

On the PolNeAR articles (``../shared/data/polnear/{train,dev}/text/*.txt``,
first line = title, publication dates from ``metadata.tsv``), in one process
with one loaded pipeline:

1. bare spaCy: ``nlp.pipe`` with the model alone (no chronicle components);
2. extraction: chronicle's pipeline and ``build_record`` — records, not stored;
3. ingest: the same plus the DuckDB store (``chronicle.ingest.ingest_items``)
   into a fresh file, one transaction per batch.

Storage overhead = ingest time / extraction time - 1; the ingest also times
its own store writes, which is the steadier number on a busy machine.

    python -m bench.ingest [--limit N] [--batch-size 64] [--rounds 1]
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import tempfile
import time
from pathlib import Path

from chronicle.records import Article

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"
RESULTS = Path(__file__).resolve().parent / "results"


def load_polnear(root: Path = POLNEAR, limit: int | None = None) -> list[Article]:
    """The train and dev articles: id = file name, title = first line, published from metadata.tsv."""
    published: dict[str, str] = {}
    with open(root / "metadata.tsv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            published[row["filename"]] = row["publication_date"]
    articles = []
    for path in sorted(root.glob("train/text/*.txt")) + sorted(root.glob("dev/text/*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        articles.append(Article(
            text=body.strip("\n"), id=path.stem, title=title.strip() or None,
            published=published.get(path.stem) or None, source=f"polnear/{path.parent.parent.name}",
        ))
    return articles[:limit] if limit else articles


def time_bare(model: str, articles: list[Article], batch_size: int) -> float:
    import spacy

    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_extract(nlp, articles: list[Article], batch_size: int) -> float:
    from chronicle.extraction import build_record
    from chronicle.pipeline import process

    start = time.perf_counter()
    for i in range(0, len(articles), batch_size):  # the same batches ingest runs
        for article, doc in process(nlp, articles[i : i + batch_size], batch_size=batch_size):
            build_record(doc, article, nlp)
    return time.perf_counter() - start


def time_ingest(nlp, articles: list[Article], batch_size: int) -> dict:
    from chronicle import Corpus
    from chronicle.ingest import ingest_items

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        with Corpus(db) as corpus:
            stats = ingest_items(articles, corpus, nlp=nlp, batch_size=batch_size)
            counts = corpus.counts()
        seconds = time.perf_counter() - start
        size = db.stat().st_size + (db.with_suffix(".duckdb.wal").stat().st_size if db.with_suffix(".duckdb.wal").exists() else 0)
    assert stats.added == len(articles), stats.summary()
    return {
        "seconds": seconds, "store_seconds": stats.store_seconds, "extract_seconds": stats.extract_seconds,
        "read_seconds": stats.read_seconds, "rows": counts, "db_bytes": size,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=1, help="repeat and keep the best time of each")
    args = parser.parse_args()

    from chronicle.pipeline import load_pipeline

    articles = load_polnear(limit=args.limit)
    if not articles:
        raise SystemExit(f"no PolNeAR articles under {POLNEAR}")
    nlp = load_pipeline()
    model = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars:,} characters; model {model}; batch size {args.batch_size}")

    time_extract(nlp, articles[:8], args.batch_size)  # warm up
    bare, extract, ingest = [], [], []
    for round_ in range(args.rounds):
        bare.append(time_bare(model, articles, args.batch_size))
        extract.append(time_extract(nlp, articles, args.batch_size))
        ingest.append(time_ingest(nlp, articles, args.batch_size))
        print(f"round {round_ + 1}: bare {bare[-1]:.1f}s, extraction {extract[-1]:.1f}s, ingest {ingest[-1]['seconds']:.1f}s")

    n = len(articles)
    best_ingest = min(ingest, key=lambda r: r["seconds"])
    t_bare, t_extract, t_ingest = min(bare), min(extract), best_ingest["seconds"]
    store = best_ingest["store_seconds"]
    result = {
        "articles": n, "characters": chars, "model": model, "batch_size": args.batch_size,
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(), "rounds": args.rounds,
        "bare_spacy_articles_per_s": n / t_bare,
        "extraction_articles_per_s": n / t_extract,
        "ingest_articles_per_s": n / t_ingest,
        "overhead_vs_extraction_pct": 100 * (t_ingest / t_extract - 1),
        "store_seconds": store,
        "store_share_of_extraction_pct": 100 * store / best_ingest["extract_seconds"],
        "db_megabytes": best_ingest["db_bytes"] / 1e6,
        "rows": best_ingest["rows"],
    }
    print()
    print(f"bare spaCy nlp.pipe   {result['bare_spacy_articles_per_s']:8.1f} articles/s  ({t_bare:.1f}s)")
    print(f"extraction (records)  {result['extraction_articles_per_s']:8.1f} articles/s  ({t_extract:.1f}s)")
    print(f"ingest into DuckDB    {result['ingest_articles_per_s']:8.1f} articles/s  ({t_ingest:.1f}s)")
    print(f"ingest vs extraction  {result['overhead_vs_extraction_pct']:+8.1f} %")
    print(f"store writes          {store:8.2f} s = {result['store_share_of_extraction_pct']:.1f} % of extraction time")
    print(f"store file            {result['db_megabytes']:8.1f} MB; rows {json.dumps(result['rows'])}")
    verdict = "OK" if result["store_share_of_extraction_pct"] < 15 else "OVER BUDGET"
    print(f"budget: storage < 15 % over extraction alone: {verdict}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ingest.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
