"""JSONL: one article per line; bad lines are error items and the rest go on."""

from __future__ import annotations

import gzip
import json

from chronicle.readers.jsonl import article_from_json, read_jsonl

TEXT = "Kenya and Ethiopia agreed on Tuesday to revive a border commission."


def write(path, lines):
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def test_fields_are_read(tmp_path):
    path = write(tmp_path / "a.jsonl", [
        {"id": 7, "title": "Border talks", "published": "2024-03-14T09:30:00Z", "source": "Wire", "url": "https://e.org/1", "text": TEXT},
    ])
    [item] = list(read_jsonl(path))
    assert item.ok and item.origin == f"{path}:1"
    a = item.article
    assert (a.id, a.title, a.published, a.source, a.url, a.text) == ("7", "Border talks", "2024-03-14", "Wire", "https://e.org/1", TEXT)


def test_defaults_text_hash_id_and_file_as_source(tmp_path):
    path = write(tmp_path / "a.jsonl", [{"text": "Border talks\n" + TEXT}])
    [item] = list(read_jsonl(path))
    assert item.article.id and item.article.source == str(path)
    assert item.article.title is None  # JSONL says what the title is; no guessing
    assert item.article.text.startswith("Border talks")


def test_html_field(tmp_path):
    html = f"<html><head><title>Talks</title></head><body><p>{TEXT}</p></body></html>"
    path = write(tmp_path / "a.jsonl", [{"id": "h1", "html": html}])
    [item] = list(read_jsonl(path))
    assert item.ok and item.article.id == "h1" and TEXT in item.article.text


def test_malformed_lines_are_errors_and_the_rest_goes_on(tmp_path):
    path = write(tmp_path / "a.jsonl", [
        {"id": "ok1", "text": TEXT},
        '{"id": "broken", "text": "no closing brace"',
        "",
        "[1, 2, 3]",
        {"id": "notext", "title": "only a title"},
        {"id": "badtype", "text": TEXT, "title": ["a", "list"]},
        {"id": "empty", "text": "   "},
        '"just a string"',
        {"id": "ok2", "text": TEXT + " Again."},
    ])
    items = list(read_jsonl(path))
    assert [i.article.id for i in items if i.ok] == ["ok1", "ok2"]
    errors = {i.origin.rsplit(":", 1)[1]: i.error for i in items if not i.ok}
    assert set(errors) == {"2", "4", "5", "6", "7", "8"}
    assert errors["2"].startswith("invalid JSON")
    assert "expected a JSON object" in errors["4"]
    assert "no 'text' or 'html'" in errors["5"]
    assert "'title' must be a string" in errors["6"]


def test_bad_dates_are_warnings_not_fatal():
    a = article_from_json({"text": TEXT, "published": "last Tuesday"})
    assert a.published is None
    assert a.warnings == ("publication date not understood: 'last Tuesday'; relative dates are left unresolved",)


def test_feed_dates_are_read():
    a = article_from_json({"text": TEXT, "published": "Wed, 03 Aug 2022 19:49:23 +0000"})
    assert (a.published, a.warnings) == ("2022-08-03", ())


def test_gzip_and_size_limit(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g", "text": TEXT}) + "\n")
        handle.write(json.dumps({"id": "long", "text": TEXT * 10}) + "\n")
    items = list(read_jsonl(path, max_chars=200))
    assert items[0].ok and items[0].article.id == "g"
    assert not items[1].ok and "too long" in items[1].error


def test_unreadable_file(tmp_path):
    [item] = list(read_jsonl(tmp_path / "missing.jsonl"))
    assert not item.ok and "cannot read" in item.error
    bad_gz = tmp_path / "bad.jsonl.gz"
    bad_gz.write_bytes(b"not gzip at all")
    items = list(read_jsonl(bad_gz))
    assert items and not items[-1].ok


def test_the_readme_names_every_field():
    """The README's JSONL table gives each field a reader reads, and no other."""
    import re
    from pathlib import Path

    from chronicle.readers.jsonl import FIELDS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("A JSONL (`.jsonl`"):]
    section = section[:section.index("```")]
    documented = re.findall(r"^\| `(\w+)` \|", section, re.M)
    assert sorted(documented) == sorted({*FIELDS, "text", "html"})
