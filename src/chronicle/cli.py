"""chronicle's command line: a thin layer over the Python API.

Each command parses its flags, calls one method of the API
(:func:`chronicle.extraction.extract_files`, :class:`chronicle.Corpus`) and
prints what comes back. Errors are not caught command by command: a
:class:`~chronicle.errors.ChronicleError` from any command ends in
:class:`Commands`, which prints it as one line and exits with its code.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

from typing import TYPE_CHECKING

import typer
from typer.core import TyperGroup

from chronicle import queries
from chronicle.errors import ChronicleError, MissingDependency
from chronicle.queries import QueryFormat

if TYPE_CHECKING:  # what only ingest and extract use loads with them (tests/test_startup.py)
    from chronicle.corpus import Corpus as CorpusType
    from chronicle.ingest import IngestStats


def Corpus(*args: Any, **kwargs: Any) -> CorpusType:  # noqa: N802 - stands for the class
    """:class:`chronicle.Corpus`, imported when a command opens a store (DuckDB loads with it), so
    ``chronicle --help`` and a command's ``--help`` start without it."""
    from chronicle.corpus import Corpus as corpus_class

    return corpus_class(*args, **kwargs)


def error_line(message: str) -> None:
    """One unwrapped line on stderr, so each bad input is one greppable line."""
    typer.echo(f"error: {message}", err=True)


class Commands(TyperGroup):
    """chronicle's commands. Any ChronicleError one of them raises ends here: one line on
    stderr, ``error: WHERE: reason``, and the error's exit code, never a traceback."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ChronicleError as exc:
            error_line(str(exc))
            raise typer.Exit(exc.exit_code) from None


class Chronicle(typer.Typer):
    """The ``chronicle`` program (its console entry point). Run as a program it builds only the
    command it is asked for: typer otherwise reads every command's signature and options first,
    about 0.04 s of each start here. ``chronicle --help`` and an unknown name get all of them."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        argv = kwargs.get("args", args[0] if args else None)  # click's main(args=...), else the command line
        names = list(argv)[:1] if argv is not None else sys.argv[1:2]
        return typer.Typer.__call__(self.only(names), *args, **kwargs)

    def only(self, names: list[str]) -> typer.Typer:
        """This program with only the command (or group of commands) ``names[0]``, if it is one."""
        import copy

        from typer.main import get_command_name

        if not names or names[0].startswith("-"):
            return self
        commands = [c for c in self.registered_commands
                    if (c.name or get_command_name(c.callback.__name__)) == names[0]]  # type: ignore[union-attr]
        groups = [g for g in self.registered_groups if g.name == names[0]]
        if not commands and not groups:
            return self
        narrow = copy.copy(self)
        narrow.registered_commands, narrow.registered_groups = commands, groups
        return narrow


app = Chronicle(
    cls=Commands,
    help=(
        "chronicle: who said and did what to whom, where and when, from English news articles.\n\n"
        "Example:\n\n"
        "  chronicle extract article.txt --date 2024-08-13"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.callback()
def _commands() -> None:
    """Keeps chronicle a tool of several commands, even while it has one."""


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _parse_date(value: str | None) -> str | None:
    """A date given on the command line, in any format a feed writes it (``parse_published``)."""
    if value is None:
        return None
    day = queries.parse_date(value)
    if day is None:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD, or as feeds write it)")
    return day


def _dates_table(path: Path | None) -> dict[str, str]:
    """file name → publication date, from a two-column TSV (file, published); a date that cannot
    be read stays as written and becomes a warning on its article's record."""
    if path is None:
        return {}
    from chronicle.readers.files import read_dates

    return read_dates(path)


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(
        help="Article files (text, .html, .jsonl, .warc[.gz]), URLs, feeds or sitemaps, read as ingest reads them; "
             "'-' reads standard input.")],
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

    The first line of a text file is taken as the title when it looks like one;
    .html, .jsonl and .warc files are read as `chronicle ingest` reads them.
    A file that cannot be read is reported on one line and the rest go on.

    Example:

      chronicle extract article.txt --date 2024-08-13

      cat article.txt | chronicle extract - --format json
    """
    from rich.console import Console

    from chronicle.extraction import ExtractionFailure, extract_files
    from chronicle.render import print_record

    published = _parse_date(date_)
    per_file = _dates_table(dates)
    failures = 0
    out = Console(highlight=False)
    records = []
    for result in extract_files(files, published=published, dates=per_file, model=model):
        if isinstance(result, ExtractionFailure):  # one line each; the rest go on
            failures += 1
            error_line(f"{result.where}: {result.reason}")
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


# --- corpus commands: ingest into a DuckDB store, query it, export it -------------------------

DB_HELP = "The corpus file (DuckDB)."
READ_WAIT = queries.READ_WAIT  # how long a command that reads the store waits while an ingest writes
WRITE_WAIT = 30.0  # how long ingest and watch wait for `chronicle serve` (which lets go between requests) to let go


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@contextmanager
def _progress(label: str, quiet: bool) -> Iterator[Callable[[IngestStats, int], None]]:
    """A progress bar on stderr for an ingest, and the ``progress`` callback that moves it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = [SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn()]
    with Progress(*columns, console=Console(stderr=True), disable=quiet, transient=False) as bar:
        task = bar.add_task("ingest", total=None, rate=0.0)
        yield lambda stats, n: bar.update(task, total=stats.expected, advance=n, rate=stats.articles_per_second)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help=(
        "Files or folders (.txt, .html, .jsonl, .warc(.gz); folders recursively), URLs, RSS/Atom feeds "
        "(files or URLs), sitemaps (files or URLs) and files of URLs (.urls, one a line)."))],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
    delay: Annotated[float, typer.Option(min=0.0, help="Seconds between two requests to one host when fetching.")] = 1.0,
    recheck: Annotated[bool, typer.Option(
        "--recheck", help="Ask again (conditional GET) for pages read in earlier runs instead of skipping them.")] = False,
    update: Annotated[bool, typer.Option("--update", help="Re-extract stored articles whose pipeline version changed.")] = False,
    dates: Annotated[
        Optional[Path], typer.Option(help="TSV of file name and publication date, for files that carry none.")
    ] = None,
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy pipeline name or path.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per nlp.pipe batch and per transaction.")] = 64,
    max_chars: Annotated[int, typer.Option(help="Longest article accepted, in characters.")] = 1_000_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    engine: Annotated[
        Engine, typer.Option(help="local: a process pool on this machine; ray: a Ray cluster writing Parquet (see chronicle load).")
    ] = Engine.local,
    workers: Annotated[
        Optional[int], typer.Option(min=1, help="Processes (local) or Ray actors (ray), one loaded pipeline each [default: cores].")
    ] = None,
    address: Annotated[
        Optional[str], typer.Option(help="Ray cluster to join (ray://HOST:10001, HOST:6379 or auto); without it Ray starts locally.")
    ] = None,
    out: Annotated[
        Optional[Path], typer.Option(help="Parquet run folder the ray engine writes [default: the --db path with .parquet].")
    ] = None,
    load: Annotated[bool, typer.Option(help="After a ray run, merge its Parquet into --db.")] = True,
    aliases: Annotated[
        Optional[Path], typer.Option(help="An analyst's aliases file (CSV/TSV: alias, actor name or id, external id).")
    ] = None,
) -> None:
    """Read articles into a corpus: extract records in batches and store them.

    Re-running is safe: articles already stored (same id, or same text) are
    skipped, so an interrupted ingest picks up where it stopped; an id that
    comes with a changed text is a new version of its article. Inputs that
    fail are printed (the first 20, with the reason) and kept in the errors
    table: chronicle errors --db DB.

    URLs, feeds and sitemaps are fetched politely (robots.txt, --delay per
    host, retries, conditional GET); a feed's dates are the articles' dates,
    and a page met before (same canonical URL) is not fetched again. A fetch
    that fails is in the errors table with its HTTP status or reason.

    Example:

      chronicle ingest examples/ --db demo.duckdb --dates examples/published.tsv

      chronicle ingest https://example.org/rss.xml reading.urls --db news.duckdb

      chronicle ingest news/ --engine ray --workers 8 --out runs/news --no-load
    """
    from chronicle.corpus import default_run_dir, ingest_to_parquet

    label = "ingesting on ray" if engine is Engine.ray else "ingesting"
    if engine is Engine.ray and not load:  # no store is opened: load the run later
        with _progress(label, quiet) as progress:
            stats = ingest_to_parquet(
                paths, out or default_run_dir(db), workers=workers, address=address, dates=dates, model=model,
                batch_size=batch_size, max_chars=max_chars, progress=progress,
            )
    else:
        # wait for a moment when `chronicle serve` is reading the store; the ingest lets go of it between batches
        with Corpus(db, wait=WRITE_WAIT) as corpus, _progress(label, quiet) as progress:
            stats = corpus.ingest(
                paths, engine=engine.value, workers=workers, address=address, out=out, update=update, dates=dates,
                model=model, batch_size=batch_size, max_chars=max_chars, progress=progress, aliases=aliases,
                delay=delay, recheck=recheck,
            )
    _print_errors(stats, db if not (engine is Engine.ray and not load) else None)
    if engine is not Engine.ray:
        typer.echo(f"{db}: {stats.summary()}", err=True)
        return
    typer.echo(f"{stats.out}: {stats.summary()}", err=True)
    if stats.loaded is not None:
        typer.echo(f"{db}: {stats.loaded.summary()} from {stats.out}", err=True)
    else:
        typer.echo(f"load it with: chronicle load {stats.out} --db {db}", err=True)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="Feed or sitemap URLs or files, page URLs, or files of URLs.")],
    every: Annotated[str, typer.Option(help="Time between rounds: 90s, 15m, 2h, 1d (a number is seconds).")] = "15m",
    rounds: Annotated[Optional[int], typer.Option(min=1, help="Stop after this many rounds [default: run until Ctrl-C].")] = None,
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
    delay: Annotated[float, typer.Option(min=0.0, help="Seconds between two requests to one host.")] = 1.0,
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy pipeline name or path.")] = None,
) -> None:
    """Keep a corpus current with feeds: ingest them now and again every --every, and show
    what each round added, skipped and failed. Feeds are asked for with a conditional GET;
    only pages not read before are fetched, robots.txt is read again each round, and a page
    that failed is tried again next round.

    Example:

      chronicle watch https://example.org/rss.xml --every 15m --db news.duckdb

      chronicle watch feeds.urls --every 1h --rounds 3 --db news.duckdb
    """
    from chronicle.corpus import parse_interval

    from datetime import timedelta

    seconds = parse_interval(every)  # a bad interval fails before the first round
    try:
        with Corpus(db, wait=WRITE_WAIT) as corpus:
            for round in corpus.watch(feeds, every=every, rounds=rounds, model=model, delay=delay):
                typer.echo(f"{db}: {round.summary()}")
                for row in round.added:
                    typer.echo(f"  + {row['published'] or '(no date)'}  {row['title'] or row['id']}  {row['url'] or ''}".rstrip())
                _print_errors(round.stats, db)
                release_store(corpus)
                if rounds is None or round.round < rounds:
                    typer.echo(f"next round at {round.started + timedelta(seconds=seconds):%H:%M:%S} UTC (Ctrl-C stops)", err=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        typer.echo("stopped", err=True)


def release_store(corpus: Corpus) -> None:
    """Let go of the store between rounds, so `chronicle serve` can read it while watch waits."""
    if hasattr(corpus, "release"):
        corpus.release()


MAX_ERROR_LINES = 20


def _print_errors(stats, db: Path | None) -> None:
    """The first errors of an ingest, each with its reason, then how many more and where they are."""
    reasons = stats.error_reasons + [""] * (len(stats.error_origins) - len(stats.error_reasons))
    for origin, reason in list(zip(stats.error_origins, reasons))[:MAX_ERROR_LINES]:
        error_line(f"{origin}: {reason or 'see the errors table'}")
    more = len(stats.error_origins) - MAX_ERROR_LINES
    if more > 0:
        where = f"chronicle errors --db {db}" if db is not None else "the run's errors/ folder"
        typer.echo(f"... and {more} more (see the errors table: {where})", err=True)


@app.command("errors")
def errors_command(
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json or csv.")] = QueryFormat.table,
) -> None:
    """List the inputs that did not become records: where, at which stage, and why.

    Example:

      chronicle errors --db demo.duckdb --format csv
    """
    queries.errors(db, format)


@app.command("load")
def load_command(
    run: Annotated[Path, typer.Argument(help="A Parquet run folder written by chronicle ingest --engine ray.")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
) -> None:
    """Merge a Parquet run folder into a corpus (re-loading replaces, never duplicates).

    DuckDB can also query a run in place: select * from 'RUN/quotes/*.parquet'.

    Example:

      chronicle load runs/news --db news.duckdb
    """
    with Corpus(db) as corpus:
        stats = corpus.load(run)
    typer.echo(f"{db}: {stats.summary()} from {run}", err=True)


@app.command()
def quotes(
    speaker: Annotated[Optional[str], typer.Option(help="Part of the speaker's name (or an actor id).")] = None,
    since: Annotated[Optional[str], typer.Option(help="Articles published on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Articles published on or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 50,
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json or csv.")] = QueryFormat.table,
) -> None:
    """Quotes in the corpus, by speaker, in date order.

    Example:

      chronicle quotes --speaker Otieno --db demo.duckdb --format json
    """
    queries.quotes(speaker, _parse_date(since), _parse_date(until), limit, db, format)


@app.command()
def events(
    actor: Annotated[Optional[str], typer.Option(help="Part of an actor's name (source or target), or an actor id.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. ACCUSE.")] = None,
    since: Annotated[Optional[str], typer.Option(help="On or after YYYY-MM-DD (event date, else publication date).")] = None,
    until: Annotated[Optional[str], typer.Option(help="On or before YYYY-MM-DD.")] = None,
    country: Annotated[Optional[str], typer.Option(help="Located in this country (ISO alpha-3, e.g. ISR).")] = None,
    bbox: Annotated[Optional[str], typer.Option(help="Located inside WEST,SOUTH,EAST,NORTH (degrees).")] = None,
    status: Annotated[str, typer.Option(help="Statuses, comma-separated (happened, planned, threatened, promised, "
                                             "hypothetical, denied), or all; default: all but hypothetical and denied.")] = "default",
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 50,
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json or csv.")] = QueryFormat.table,
) -> None:
    """Events in the corpus, by actor, PLOVER type, status, date and place. An event dated by a year
    or a month counts on each of its days for --since and --until.

    Example:

      chronicle events --actor Kenya --type AGREE --since 2024-01-01 --db demo.duckdb
      chronicle events --country ISR --bbox 34,29,36,34 --db demo.duckdb
      chronicle events --status hypothetical,denied --db demo.duckdb
    """
    queries.events(actor, type, _parse_date(since), _parse_date(until), country, bbox, status, limit, db, format)


actors_app = typer.Typer(rich_markup_mode=None)
app.add_typer(actors_app, name="actors")


@actors_app.callback(invoke_without_command=True)
def actors(
    ctx: typer.Context,
    top: Annotated[int, typer.Option(help="How many, most widely reported first (0: all).")] = 20,
    kind: Annotated[Optional[str], typer.Option(help="person, organisation, country, place or group.")] = None,
    name: Annotated[Optional[str], typer.Option(help="Part of the name.")] = None,
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json or csv.")] = QueryFormat.table,
) -> None:
    """Actors across the corpus with how many articles, mentions, quotes and events they have;
    its commands correct who is who (merge, split, rename, aliases).

    Example:

      chronicle actors --top 20 --kind person --db demo.duckdb
    """
    if ctx.invoked_subcommand is not None:
        return
    queries.actors(top, kind, name, db, format)


ACTOR_ID = "An actor id (the id column of chronicle actors --format csv); an id merged away still works."


@actors_app.command("merge")
def actors_merge(
    keep: Annotated[str, typer.Argument(help=ACTOR_ID)],
    drop: Annotated[str, typer.Argument(help="The actor that becomes KEEP. " + ACTOR_ID)],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
) -> None:
    """Make DROP the same actor as KEEP, in every table; DROP's id keeps pointing to KEEP.

    Example:

      chronicle actors merge A1b2c3d4e5f6a7b8 A0f9e8d7c6b5a4f3 --db news.duckdb
    """
    with Corpus(db) as corpus:
        kept = corpus.merge_actors(keep, drop)
    typer.echo(f"{db}: {drop} merged into {kept}", err=True)


@actors_app.command("split")
def actors_split(
    actor: Annotated[str, typer.Argument(help=ACTOR_ID)],
    name: Annotated[str, typer.Argument(help="The name, as articles write it, whose appearances move out.")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
) -> None:
    """Move the appearances of ACTOR written as NAME to an actor of their own (later ingests follow).

    Example:

      chronicle actors split A1b2c3d4e5f6a7b8 "Donald Blinken" --db news.duckdb
    """
    with Corpus(db) as corpus:
        new = corpus.split_actor(actor, name)
    typer.echo(f"{db}: {name!r} split from {actor} as {new}", err=True)


@actors_app.command("rename")
def actors_rename(
    actor: Annotated[str, typer.Argument(help=ACTOR_ID)],
    name: Annotated[str, typer.Argument(help="The name to show from now on.")],
    external_id: Annotated[
        Optional[str], typer.Option(help="An id of this actor elsewhere, such as a Wikidata QID (\"\" clears it).")
    ] = None,
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
) -> None:
    """Show ACTOR as NAME (ingest no longer changes it), and optionally keep an external id with it.

    Example:

      chronicle actors rename A1b2c3d4e5f6a7b8 "Antony Blinken" --external-id Q7857 --db news.duckdb
    """
    with Corpus(db) as corpus:
        current = corpus.rename_actor(actor, name)
        if external_id is not None:
            corpus.set_external_id(current, external_id)
    typer.echo(f"{db}: {current} is shown as {name!r}", err=True)


@actors_app.command("aliases")
def actors_aliases(
    file: Annotated[Path, typer.Argument(help="CSV or TSV: alias, actor (a name or an id), optional external id.")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
) -> None:
    """Apply an aliases file to a stored corpus (chronicle ingest --aliases applies it to new articles too).

    Example:

      chronicle actors aliases aliases.csv --db news.duckdb
    """
    with Corpus(db) as corpus:
        changed = corpus.apply_aliases(file)
    typer.echo(f"{db}: {changed} aliases changed who is who", err=True)


@app.command()
def positions(
    holder: Annotated[Optional[str], typer.Option(help="Part of the holder's (or speaker's) name, or an actor id.")] = None,
    topic: Annotated[Optional[str], typer.Option(help="A topic key (ceasefire, talks, sanctions, ...) or words of the topic.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="demand, condition, offer, proposal, refusal, acceptance, support, "
                                                     "commitment, accusation, denial or threat.")] = None,
    since: Annotated[Optional[str], typer.Option(help="On or after YYYY-MM-DD (the position's date, else publication).")] = None,
    until: Annotated[Optional[str], typer.Option(help="On or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 50,
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json or csv.")] = QueryFormat.table,
) -> None:
    """Stated negotiating positions in date order: who demanded, offered, conditioned, refused or
    accepted what. Topics that mean the same thing share a key ("a truce" and "a deal to stop the
    fighting" are both ceasefire), so --topic follows one issue across articles.

    Example:

      chronicle positions --holder Hamas --topic ceasefire --since 2024-08-01 --db demo.duckdb
    """
    queries.positions(holder, topic, kind, _parse_date(since), _parse_date(until), limit, db, format)


@app.command()
def timeline(
    actor: Annotated[str, typer.Argument(help="Part of an actor's name, or an actor id.")],
    limit: Annotated[int, typer.Option(help="At most this many rows (0: all).")] = 0,
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json or csv.")] = QueryFormat.table,
) -> None:
    """What an actor said and did, in date order.

    Example:

      chronicle timeline "Miriam Otieno" --db demo.duckdb
    """
    queries.timeline(actor, limit, db, format)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="Any SQL DuckDB runs; tables: articles, actors, article_actors, mentions, quotes, events, dates, errors.")],
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json or csv.")] = QueryFormat.table,
) -> None:
    """Run SQL against the corpus: read-only, and sandboxed to the store.

    The store is opened read-only and DuckDB's access to files is switched off
    (and locked): COPY ... TO, EXPORT DATABASE, ATTACH, read_csv('/any/file')
    and extensions fail with a one-line error. Use `chronicle export` to write files.

    Example:

      chronicle sql "select type, count(*) n from events group by 1 order by n desc" --db demo.duckdb
    """
    queries.sql(query, db, format)


class ExportFormat(str, Enum):
    parquet = "parquet"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    acled = "acled"
    plover = "plover"
    cameo = "cameo"


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Folder to write TABLE.FORMAT files into.")],
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="parquet, jsonl or csv (each table); geojson or acled (located events); "
                               "plover (PLOVER JSON events) or cameo (the same with CAMEO root codes, and a GDELT-style CSV).")
    ] = ExportFormat.parquet,
    table: Annotated[Optional[list[str]], typer.Option("--table", "-t", help="Only this table (repeatable).")] = None,
    status: Annotated[str, typer.Option(help="plover/cameo: event statuses, comma-separated, or all; "
                                             "default: all but hypothetical and denied.")] = "default",
    db: Annotated[Path, typer.Option("--db", help=DB_HELP)] = Path("chronicle.duckdb"),
) -> None:
    """Export each table of the corpus to a file, or the events in the field's formats.

    PLOVER records keep chronicle's evidence offsets and the article's URL (under
    "chronicle" and "cite_info"); CAMEO root codes come from the PLOVER-CAMEO crosswalk.

    Example:

      chronicle export out/ --format parquet --db demo.duckdb
      chronicle export out/ --format geojson --db demo.duckdb    # out/events.geojson
      chronicle export out/ --format acled --db demo.duckdb      # out/events_acled.csv
      chronicle export out/ --format plover --db demo.duckdb     # out/events_plover.jsonl
      chronicle export out/ --format cameo --db demo.duckdb      # out/events_cameo.jsonl, .csv
    """
    with Corpus(db, read_only=True, wait=READ_WAIT) as corpus:
        files = corpus.export(out, format.value, table, status=status)
    for path in files:
        typer.echo(str(path))


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="The corpus file (DuckDB), from chronicle ingest.")] = Path("chronicle.duckdb"),
    host: Annotated[str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Browse a corpus in a web browser, with a REST API under /api/ (docs at /docs). Read-only.

    Example:

      chronicle serve --db chronicle.duckdb

    then open http://127.0.0.1:8000/ (--host 0.0.0.0 --port 8080 to share it).
    """
    try:
        import uvicorn

        from chronicle.web import create_app
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
        raise MissingDependency(
            "the web view needs this package: pip install -e . (it is one of chronicle's dependencies)", where=exc.name
        ) from None
    web = create_app(db)
    typer.echo(f"chronicle: serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
