"""The ``chronicle`` program's entry point: a command that only reads the store starts without typer.

Typer (with the click it carries) took about a quarter of the start of ``chronicle sql`` and the
query commands here, and none of its work is needed for a plain command line such as
``chronicle quotes --speaker Otieno --limit 5 --db news.duckdb``. :func:`main` reads such a line
itself, by the rules click applies to it, and calls the command's function in
:mod:`chronicle.queries`; anything else (another command, ``--help``, a sub-command, an option it
does not know, a value it cannot read, ``--``, a flag given twice) goes to the typer program
(:data:`chronicle.cli.app`) unread, so errors and help stay typer's. :data:`QUERIES` lists the
options; ``tests/test_launch.py`` checks them against :mod:`chronicle.cli`'s declarations and that
both ways print the same.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

# option -> (parameter, kind): kind is how click reads its value (str, int, path, a date, the format)
_DB = {"--db": ("db", "path")}
_FORMAT = {"--format": ("format", "format"), "-f": ("format", "format")}
_LIMIT = {"--limit": ("limit", "int")}
_DATES = {"--since": ("since", "date"), "--until": ("until", "date")}
# command -> (its arguments, in order; its options)
QUERIES: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, str]]]] = {
    "sql": (("query",), {**_DB, **_FORMAT}),
    "quotes": ((), {"--speaker": ("speaker", "str"), **_DATES, **_LIMIT, **_DB, **_FORMAT}),
    "events": ((), {"--actor": ("actor", "str"), "--type": ("type", "str"), **_DATES, "--country": ("country", "str"),
                    "--bbox": ("bbox", "str"), "--status": ("status", "str"), **_LIMIT, **_DB, **_FORMAT}),
    "positions": ((), {"--holder": ("holder", "str"), "--topic": ("topic", "str"), "--kind": ("kind", "str"),
                       **_DATES, **_LIMIT, **_DB, **_FORMAT}),
    "actors": ((), {"--top": ("top", "int"), "--kind": ("kind", "str"), "--name": ("name", "str"), **_DB, **_FORMAT}),
    "timeline": (("actor",), {**_LIMIT, **_DB, **_FORMAT}),
    "errors": ((), {**_DB, **_FORMAT}),
}


def main() -> int:
    """Run the command line (``sys.argv``); the exit status."""
    call = read(sys.argv[1:])
    if call is None:
        from chronicle.cli import app

        app()  # typer exits
        return 0  # pragma: no cover
    return run(*call)


def read(argv: list[str]) -> tuple[Callable[..., None], dict[str, object]] | None:
    """``(function, keyword arguments)`` for a plain query command line; None for anything else."""
    if not argv or argv[0] not in QUERIES:
        return None
    names, options = QUERIES[argv[0]]
    given: dict[str, str] = {}
    arguments: list[str] = []
    rest = iter(argv[1:])
    for token in rest:
        if not token.startswith("-"):
            arguments.append(token)
            continue
        flag, equals, value = token.partition("=") if token.startswith("--") else (token, "", "")
        if flag not in options or options[flag][0] in given:
            return None  # --help, --, unknown, repeated: typer says what it says
        if not equals:
            value = next(rest, None)  # type: ignore[assignment]
            if value is None or value.startswith("-"):
                return None
        given[options[flag][0]] = value
    if len(arguments) != len(names):
        return None  # a sub-command (actors merge ...), a missing or an extra argument
    kinds = {parameter: kind for parameter, kind in options.values()}
    kwargs: dict[str, object] = dict(zip(names, arguments))
    from chronicle import queries

    for parameter, value in given.items():
        kind = kinds[parameter]
        if kind == "int":
            try:
                kwargs[parameter] = int(value)
            except ValueError:
                return None
        elif kind == "format":
            if value not in queries.QueryFormat.__members__:
                return None
            kwargs[parameter] = queries.QueryFormat(value)
        elif kind == "date":
            day = queries.parse_date(value)
            if day is None:
                return None
            kwargs[parameter] = day
        elif kind == "path":
            from pathlib import Path

            kwargs[parameter] = Path(value)
        else:
            kwargs[parameter] = value
    return getattr(queries, argv[0]), kwargs


def run(function: Callable[..., None], kwargs: dict[str, object]) -> int:
    """Call a query command as typer would: a ChronicleError is one line on stderr and its exit code."""
    from chronicle.errors import ChronicleError

    try:
        function(**kwargs)
    except ChronicleError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return exc.exit_code
    except BrokenPipeError:  # `chronicle quotes | head`: as click does, quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # what is left to flush goes nowhere
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")
        return 1
    return 0
