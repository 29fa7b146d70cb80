"""The command line is documented and the Python API can do all it does.

Walks every command of ``chronicle`` (sub-commands too): each has help text and every argument
and option has help; the README has a ``### chronicle COMMAND`` section with an example line and
a mention of every option; and :data:`API` names the Python call behind the command, which must
take every option (or say why the option is only the command line's: how output is printed).
A new command or option fails here until it is documented and the API can do it too.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
import typer.main

import chronicle
from chronicle import Corpus
from chronicle.cli import app
from chronicle.corpus import ingest_to_parquet
from chronicle.extraction import extract_files
from chronicle.readers.web import Fetcher
from chronicle.web import create_app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
OUTPUT = "how the command prints its result (the API returns records; as_frame gives a DataFrame)"

# command -> (the API call, {CLI parameter: API parameter, (other call, parameter), or why it is CLI-only})
API = {
    "extract": (extract_files, {"files": "names", "date_": "published", "format": OUTPUT}),
    "ingest": (Corpus.ingest, {"db": (Corpus, "path"), "quiet": "progress", "load": (ingest_to_parquet, "out")}),
    "watch": (Corpus.watch, {"db": (Corpus, "path"), "delay": (Fetcher, "delay")}),
    "errors": (Corpus.errors, {"db": (Corpus, "path"), "format": OUTPUT}),
    "load": (Corpus.load, {"db": (Corpus, "path")}),
    "quotes": (Corpus.quotes, {"db": (Corpus, "path"), "format": OUTPUT}),
    "events": (Corpus.events, {"db": (Corpus, "path"), "format": OUTPUT}),
    "positions": (Corpus.positions, {"db": (Corpus, "path"), "format": OUTPUT}),
    "actors": (Corpus.actors, {"db": (Corpus, "path"), "format": OUTPUT}),
    "actors merge": (Corpus.merge_actors, {"db": (Corpus, "path")}),
    "actors split": (Corpus.split_actor, {"db": (Corpus, "path"), "actor": "actor_id"}),
    "actors rename": (Corpus.rename_actor, {"db": (Corpus, "path"), "actor": "actor_id",
                                            "external_id": (Corpus.set_external_id, "external_id")}),
    "actors aliases": (Corpus.apply_aliases, {"db": (Corpus, "path"), "file": "path"}),
    "timeline": (Corpus.timeline, {"db": (Corpus, "path"), "format": OUTPUT}),
    "sql": (Corpus.sql, {"db": (Corpus, "path"), "format": OUTPUT}),
    "export": (Corpus.export, {"db": (Corpus, "path"), "table": "tables"}),
    "serve": (create_app, {"db": "db_path", "host": "where uvicorn listens: the server, not the app",
                           "port": "where uvicorn listens: the server, not the app"}),
}


def commands(cmd=None, path=()):
    cmd = cmd or typer.main.get_command(app)
    subs = getattr(cmd, "commands", None)
    if subs is None:
        yield " ".join(path), cmd
        return
    if path:
        yield " ".join(path), cmd
    for name, sub in sorted(subs.items()):
        yield from commands(sub, (*path, name))


COMMANDS = dict(commands())


def flags(param) -> list[str]:
    return [*param.opts, *getattr(param, "secondary_opts", [])]


def section(name: str) -> str:
    match = re.search(rf"^### chronicle {re.escape(name)}\n(.*?)(?=^##)", README, re.S | re.M)
    assert match, f"README has no '### chronicle {name}' section"
    return match.group(1)


def test_the_commands_are_the_ones_we_know():
    assert set(COMMANDS) == set(API), "a command was added or removed: document it, and name its API call in API"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_and_options_have_help(name):
    cmd = COMMANDS[name]
    assert (cmd.help or "").strip(), f"chronicle {name} has no help text"
    assert "Example:" in cmd.help, f"chronicle {name} --help shows no example"
    for param in cmd.params:
        assert (getattr(param, "help", None) or "").strip(), f"chronicle {name}: {param.name} has no help text"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_readme_documents_command_and_options(name):
    text = section(name)
    assert re.search(rf"^chronicle {re.escape(name)}\b", text, re.M), f"no example of chronicle {name} in its README section"
    for param in COMMANDS[name].params:
        if param.param_type_name == "argument":
            assert f"`{param.name.upper()}`" in text, f"README: chronicle {name} does not describe {param.name.upper()}"
        else:
            assert any(re.search(rf"{re.escape(f)}\b", text) for f in flags(param)), (
                f"README: chronicle {name} does not mention {flags(param)}")


def parameters(call) -> set[str]:
    target = call.__init__ if inspect.isclass(call) else call
    return set(inspect.signature(target).parameters)


@pytest.mark.parametrize("name", sorted(API))
def test_the_api_takes_every_option(name):
    call, renamed = API[name]
    for param in COMMANDS[name].params:
        where = renamed.get(param.name, param.name)
        if isinstance(where, tuple):
            other, where = where
            assert where in parameters(other), f"chronicle {name} {param.name}: {other.__qualname__} has no {where!r}"
        elif " " in where:  # a reason the option is the command line's only
            continue
        else:
            assert where in parameters(call), f"chronicle {name} {param.name}: {call.__qualname__} has no {where!r}"


def test_the_api_is_public():
    assert chronicle.Corpus is Corpus and callable(chronicle.extract)
    for call, _ in API.values():
        assert call.__doc__, f"{call.__qualname__} has no docstring"
