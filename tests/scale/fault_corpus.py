"""A folder of a few hundred real and broken inputs for the fault-injection tests, and what a
store must hold after ingesting it, however the ingest was interrupted.

The articles are short (one or two sentences of the team's example articles, each with a
reference number, so every one is a new text): the tests kill workers, not spaCy, and a few
hundred of them extract in seconds. Beside them: HTML pages, JSONL feeds with story versions
(an id that comes again with a changed text) and repeats (the same id and text again), and
inputs that must each end as an ``errors`` row: binary files, empty and blank files, a blank
JSONL text, JSON that does not parse, files past the size limit and UTF-16 without a byte
order mark (text in the wrong encoding: NUL bytes). A Windows-1252 file is text in another
encoding that must still be read.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
MAX_CHARS = 4_000  # the tests' --max-chars: a "huge" input needs only be past it
CLOCK = {"ingested_at", "recorded_at", "replaced_at", "merged_at"}


@dataclass
class Expected:
    """What a store must hold: article ids with their current text, old versions, error origins."""

    texts: dict[str, str] = field(default_factory=dict)  # JSONL id -> current text
    versions: dict[str, list[str]] = field(default_factory=dict)  # JSONL id -> earlier texts, in order
    files: list[str] = field(default_factory=list)  # text and HTML files that are one article each
    errors: set[str] = field(default_factory=set)  # origins that must have an errors row
    inputs: int = 0  # inputs in all: files plus JSONL lines


def sentences() -> list[str]:
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        body = path.read_text(encoding="utf-8").partition("\n")[2]
        for s in re.split(r"(?<=[.”\"])\s+(?=[A-Z“\"])", " ".join(body.split())):
            if 40 <= len(s) <= 260:
                out.append(s)
    return out


def make_corpus(folder: Path, n: int = 300, seed: int = 17) -> Expected:
    """About ``n`` inputs in ``folder`` (a third of them broken or repeated)."""
    rnd = random.Random(seed)
    pool = sentences()
    folder.mkdir(parents=True)
    exp = Expected()

    def text(k: int) -> str:
        return f"{rnd.choice(pool)} {rnd.choice(pool)} (Ref {k}.)"

    def add_file(name: str, data: bytes | str, error: bool = False) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        exp.inputs += 1
        (exp.errors.add(str(path)) if error else exp.files.append(str(path)))

    k = 0
    n_text = int(n * 0.35)
    for _ in range(n_text):  # plain text, a headline first
        k += 1
        add_file(f"text/t{k:04}.txt", f"Story number {k}\n{text(k)}\n")
    for _ in range(max(1, n // 20)):  # HTML pages
        k += 1
        add_file(f"html/h{k:04}.html", f"<!DOCTYPE html><html><head><title>Page {k}</title></head><body>"
                 f"<nav>Home | World</nav><article><p>{text(k)}</p></article></body></html>")
    k += 1  # Windows-1252: another encoding, still an article
    add_file(f"text/t{k:04}-cp1252.txt", f"Story number {k}\n{text(k)} Caf\u00e9 owners agreed.\n".encode("cp1252"))

    # JSONL feeds: new stories, repeats, versions, blank texts and lines that do not parse
    feeds: list[list[str]] = [[] for _ in range(4)]
    ids: list[str] = []
    for j in range(int(n * 0.3)):
        k += 1
        aid = f"story-{k}"
        feed = j % len(feeds)
        roll = rnd.random()
        if ids and roll < 0.12:  # the same id and text again: nothing changes
            aid = rnd.choice(ids)
            line = json.dumps({"id": aid, "published": "2024-03-14", "text": exp.texts[aid]})
            feed = len(feeds) - 1  # in a later feed, so the text it repeats came first
        elif ids and roll < 0.24:  # a corrected story: a new version of its id
            aid = rnd.choice(ids)
            new = f"Correction: {text(k)}"
            exp.versions.setdefault(aid, []).append(exp.texts[aid])
            exp.texts[aid] = new
            line = json.dumps({"id": aid, "published": "2024-03-15", "text": new})
            feed = len(feeds) - 1
        else:
            exp.texts[aid] = text(k)
            ids.append(aid)
            line = json.dumps({"id": aid, "published": "2024-03-14", "text": exp.texts[aid]})
            feed = min(feed, len(feeds) - 2)
        feeds[feed].append(line)
    for j, lines in enumerate(feeds):
        for bad in ("{not json", json.dumps({"id": f"blank-{j}", "text": "   "})):
            at = rnd.randrange(len(lines) + 1)
            lines.insert(at, bad)
        path = folder / "feeds" / f"feed-{j}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        exp.inputs += len(lines)
        for number, line in enumerate(lines, 1):
            if line.startswith("{not") or '"blank-' in line:
                exp.errors.add(f"{path}:{number}")

    # broken inputs, each an errors row
    bad = n - exp.inputs
    for m in range(max(5, bad)):
        kind = m % 5
        if kind == 0:
            add_file(f"bad/b{m:03}.txt", bytes(rnd.randrange(256) for _ in range(600)) + b"\x00", error=True)
        elif kind == 1:
            add_file(f"bad/e{m:03}.txt", b"" if m % 2 else b" \n\t\n", error=True)
        elif kind == 2:
            add_file(f"bad/u{m:03}.txt", f"Story {m}\n{text(m)}\n".encode("utf-16-le"), error=True)
        elif kind == 3:
            add_file(f"bad/x{m:03}.txt", ("Huge story\n" + text(m) + " ") * (MAX_CHARS // 100 + 10), error=True)
        else:
            add_file(f"bad/p{m:03}.bin.txt", bytes(range(256)) * 3, error=True)
    k += 1
    copy = folder / "text" / "t0001.txt"  # a file again under another name: the same article
    add_file(f"text/t{k:04}-copy.txt", copy.read_bytes())
    return exp


# Index tables by what they hold, not how it was written: tallies are kept as deltas per batch (summed
# here), and article numbers follow the order articles were stored in (the words read by article id).
LOGICAL = {
    "actor_tallies": "SELECT actor_id, kind, key, detail, sum(n) FROM actor_tallies GROUP BY ALL HAVING sum(n) <> 0",
    "article_numbers": "SELECT article_id FROM article_numbers",
    "word_articles": "SELECT w.word, a.article_id FROM word_articles w JOIN article_numbers a USING (n)",
}


def dump(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """Every table, without the columns that say when, rows sorted."""
    out = {}
    for (table,) in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall():
        if table in LOGICAL:
            out[table] = sorted(con.execute(LOGICAL[table]).fetchall(), key=repr)
            continue
        columns = [c for (c,) in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table]).fetchall() if c not in CLOCK]
        select = ", ".join(f'"{c}"' for c in columns)
        out[table] = sorted(con.execute(f"SELECT {select} FROM {table}").fetchall(), key=repr)
    return out



# The actor tables, and the names index (version 14), whose rows carry the actor's key and its words.
ACTOR_TABLES = ("actors", "actor_names", "actor_merges", "actor_words", "actor_vocab")


def dump_by_name(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """:func:`dump` with each corpus-wide actor id written as its actor's name, without the actor
    tables: what two engines must agree on when they store the articles in another order (which
    name an actor is keyed by, and so its id, follows the article that named it first)."""
    names = dict(con.execute("SELECT id, name FROM actors").fetchall())

    def cell(value):
        if isinstance(value, str) and value in names:
            return "@" + names[value]
        if isinstance(value, list):
            return [cell(v) for v in value]
        return value

    return {table: sorted((tuple(cell(v) for v in row) for row in rows), key=repr)
            for table, rows in dump(con).items() if table not in ACTOR_TABLES}


def actors_by_name(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """The actors table without the id and the key it was made from (both follow the name stored
    first): each actor's name, kind, country, kind votes and counts, sorted."""
    return sorted(con.execute("SELECT * EXCLUDE (id, key) FROM actors").fetchall(), key=repr)

def check_store(con: duckdb.DuckDBPyConnection, exp: Expected, file_ids: dict[str, str]) -> None:
    """Nothing lost, nothing twice, every bad input an error row, and the store's invariants.

    ``file_ids`` maps each text or HTML file to the id its article gets (a hash of its text).
    """
    def one(sql: str, *args):
        return con.execute(sql, list(args)).fetchone()[0]

    texts = dict(con.execute("SELECT id, text FROM articles").fetchall())
    assert one("SELECT count(*) FROM articles") == len(texts)  # no id twice
    expected_ids = set(exp.texts) | set(file_ids.values())
    assert set(texts) == expected_ids, (
        f"lost {sorted(expected_ids - set(texts))[:5]}, unexpected {sorted(set(texts) - expected_ids)[:5]}")
    for aid, text in exp.texts.items():
        assert texts[aid] == text, aid  # the last version is the current text
    # old versions, each once, numbered 1..n-1 under the current version n
    rows = con.execute("SELECT article_id, version, text FROM article_versions ORDER BY article_id, version").fetchall()
    held: dict[str, list] = {}
    for aid, version, text in rows:
        held.setdefault(aid, []).append((version, text))
    assert {a: [t for _, t in v] for a, v in held.items()} == exp.versions
    for aid, version in con.execute("SELECT id, version FROM articles").fetchall():
        assert [v for v, _ in held.get(aid, [])] == list(range(1, version)), aid
    # every bad input has its error row, and no good one has
    errors = {o for (o,) in con.execute("SELECT origin FROM errors").fetchall()}
    assert errors == exp.errors, (f"missing {sorted(exp.errors - errors)[:5]}, "
                                  f"unexpected {sorted(errors - exp.errors)[:5]}")
    # every record belongs to a stored article, and its evidence is in that article's text
    for table in ("article_actors", "mentions", "quotes", "events", "dates"):
        assert one(f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)") == 0, table
    spans = {"mentions": ("start", '"end"', "text"), "quotes": ("content_start", "content_end", "content"),
             "events": ("trigger_start", "trigger_end", "trigger"), "dates": ("start", '"end"', "text")}
    for table, (start, end, text) in spans.items():
        assert one(f"SELECT count(*) FROM {table} t JOIN articles a ON a.id = t.article_id "
                   f"WHERE substr(a.text, t.{start} + 1, t.{end} - t.{start}) <> t.{text}") == 0, table
    keys = {"mentions": "article_id, local_id, n", "quotes": "article_id, id", "events": "article_id, id",
            "dates": "article_id, id", "article_actors": "article_id, local_id"}
    for table, key in keys.items():  # no record twice
        assert one(f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)") == 0, table
    assert one("SELECT count(*) FROM article_actors WHERE actor_id NOT IN (SELECT id FROM actors)") == 0
    assert one("SELECT count(*) FROM mentions WHERE actor_id IS NOT NULL AND actor_id NOT IN (SELECT id FROM actors)") == 0
    assert one("SELECT count(*) FROM mentions") > len(texts) and one("SELECT count(*) FROM quotes") > 0
    # the names index (version 14) is every actor's words as the actor is now
    from chronicle.store import actorwords

    assert con.execute("SELECT * FROM actor_words ORDER BY ALL").fetchall() == con.execute(
        f"SELECT * FROM ({actorwords.rows_sql('TRUE')}) ORDER BY ALL").fetchall()
