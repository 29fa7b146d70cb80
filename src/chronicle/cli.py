"""chronicle's command line: a thin layer over the Python API."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from chronicle.extract import ExtractionFailure, extract_safely
from chronicle.ingest import ArticleError, article_from_text, decode, read_text_file
from chronicle.pipeline import ModelNotFound, load_pipeline
from chronicle.records import Article
from chronicle.render import print_record

app = typer.Typer(
    help=(
        "chronicle: who said and did what to whom, where and when, from English news articles.\n\n"
        "Example:\n\n"
        "  chronicle extract article.txt --date 2024-08-13"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


def error_line(message: str) -> None:
    """One unwrapped line on stderr, so each bad input is one greppable line."""
    typer.echo(f"error: {message}", err=True)


@app.callback()
def _commands() -> None:
    """Keeps chronicle a tool of several commands, even while it has one."""


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _parse_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _dates_table(path: Path | None) -> dict[str, str]:
    """file name → publication date, from a two-column TSV (file, published)."""
    if path is None:
        return {}
    dates = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) >= 2 and row[0] != "file":
                dates[Path(row[0]).name] = _parse_date(row[1].strip())
    return dates


def _read(name: str, published: str | None) -> Article:
    if name == "-":
        return article_from_text(decode(sys.stdin.buffer.read()), published=published, source="<stdin>")
    path = Path(name)
    if path.is_dir():
        raise ArticleError("is a folder; give the files in it (examples/*.txt)")
    if not path.exists():
        raise ArticleError("no such file")
    return read_text_file(path, published=published)


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Plain-text article files; '-' reads standard input.")],
    date_: Annotated[
        Optional[str], typer.Option("--date", help="Publication date (YYYY-MM-DD) that relative dates resolve against.")
    ] = None,
    dates: Annotated[
        Optional[Path], typer.Option(help="TSV of file name and publication date, one article per line.")
    ] = None,
    model: Annotated[
        Optional[str], typer.Option(help="Installed spaCy pipeline name or path (default: best installed English one).")
    ] = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json (a list) or jsonl.")] = OutputFormat.table,
) -> None:
    """Extract actors, quotes, events and dates from articles and print them.

    The first line of a file is taken as the title when it looks like one.
    A file that cannot be read is reported on one line and the rest go on.

    Example:

      chronicle extract article.txt --date 2024-08-13

      cat article.txt | chronicle extract - --format json
    """
    published = _parse_date(date_)
    per_file = _dates_table(dates)
    try:
        nlp = load_pipeline(model)
    except ModelNotFound as exc:
        error_line(str(exc))
        raise typer.Exit(2) from None

    failures = 0
    articles: list[Article] = []
    for name in files:
        try:
            articles.append(_read(name, per_file.get(Path(name).name, published)))
        except ArticleError as exc:
            failures += 1
            error_line(f"{name}: {exc}")

    out = Console(highlight=False)
    records = []
    for result in extract_safely(articles, nlp):
        if isinstance(result, ExtractionFailure):
            failures += 1
            error_line(f"{result.article.source}: {result.reason}")
            continue
        if format is OutputFormat.table:
            print_record(result, out)
        elif format is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            records.append(result.to_dict())
    if format is OutputFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if failures:
        typer.echo(f"{failures} of {len(files)} input(s) failed", err=True)
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
