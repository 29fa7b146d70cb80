"""The command line's scale-out parts: ``ingest --engine ray`` and ``load``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from chronicle.pipeline import ModelNotFound


def _error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def default_out(db: Path) -> Path:
    return db.with_suffix(".parquet") if db.suffix else db.with_name(db.name + ".parquet")


def ingest_with_ray(
    paths: list[Path], *, db: Path, out: Path | None, load: bool, workers: int | None, address: str | None,
    model: str | None, batch_size: int, max_chars: int, dates: Path | None, quiet: bool,
) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from chronicle.ingest.files import count_inputs, read_dates
    from chronicle.scale.local import default_workers
    from chronicle.scale.parquet import RunError
    from chronicle.scale.ray_engine import RayUnavailable, ingest_ray

    out = out or default_out(db)
    published = read_dates(dates) if dates else None
    columns = [SpinnerColumn(), TextColumn("ingesting on ray"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn()]
    try:
        with Progress(*columns, console=Console(stderr=True), disable=quiet, transient=False) as bar:
            task = bar.add_task("ingest", total=count_inputs(paths), rate=0.0)
            stats = ingest_ray(
                paths, out, workers=workers or default_workers(), address=address, model=model,
                batch_size=batch_size, max_chars=max_chars, published=published,
                progress=lambda s, n: bar.update(task, advance=n, rate=s.articles_per_second),
            )
    except (ModelNotFound, RayUnavailable, RunError) as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    for origin in stats.error_origins[:20]:
        _error(f"{origin}: see the errors table")
    typer.echo(f"{out}: {stats.summary()}", err=True)
    if load:
        load_run(out, db)
    else:
        typer.echo(f"load it with: chronicle load {out} --db {db}", err=True)


def load_run(run: Path, db: Path) -> None:
    from chronicle.scale.load import load_parquet
    from chronicle.scale.parquet import RunError
    from chronicle.store import Corpus, CorpusError

    try:
        with Corpus(db) as corpus:
            stats = load_parquet(run, corpus)
    except (RunError, CorpusError) as exc:
        _error(str(exc))
        raise typer.Exit(1) from None
    typer.echo(f"{db}: {stats.summary()} from {run}", err=True)
