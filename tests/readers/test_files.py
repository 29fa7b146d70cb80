"""Walking paths: folders recursively, a reader per file kind, every bad input an error item."""

from __future__ import annotations

import json
import os
from pathlib import Path

from chronicle.readers.files import count_inputs, kind_of, read_dates, read_paths, walk

TEXT = "Kenya and Ethiopia agreed on Tuesday to revive a border commission."


def make_tree(root):
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("Border talks\n\n" + TEXT, encoding="utf-8")
    (root / "sub" / "b.html").write_text(f"<html><head><title>B</title></head><body><p>{TEXT} B.</p></body></html>")
    (root / "sub" / "deeper" / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": TEXT + " C1."}) + "\nnot json\n" + json.dumps({"id": "c2", "text": TEXT + " C2."}) + "\n"
    )
    (root / "sub" / "README").write_text(TEXT + " No suffix.")
    (root / "sub" / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (root / "published.tsv").write_text("file\tpublished\na.txt\t2024-03-14\nb.html\t2024-03-15\n")
    (root / "notes.md").write_text("not an article")
    (root / ".hidden" / "x.txt").write_text(TEXT)
    (root / ".DS_Store").write_bytes(b"\x00\x00")
    return root


def test_walk_recursive_sorted_skipping_hidden_and_non_articles(tmp_path):
    root = make_tree(tmp_path)
    names = [p.relative_to(root).as_posix() for p in walk([root])]
    assert names == ["a.txt", "sub/README", "sub/b.html", "sub/binary.txt", "sub/deeper/c.jsonl"]


def test_kinds():
    from pathlib import Path

    assert [kind_of(Path(n)) for n in ("a.JSONL", "a.ndjson.gz", "a.warc.gz", "x.htm", "a.txt", "README")] == [
        "jsonl", "jsonl", "warc", "html", "text", "text"
    ]


def test_read_paths_gives_articles_and_errors(tmp_path):
    root = make_tree(tmp_path)
    items = list(read_paths([root, root / "missing.txt"], published=read_dates(root / "published.tsv")))
    ok = {i.origin.replace(str(root) + "/", ""): i.article for i in items if i.ok}
    bad = {i.origin.replace(str(root) + "/", ""): i.error for i in items if not i.ok}
    assert set(ok) == {"a.txt", "sub/README", "sub/b.html", "sub/deeper/c.jsonl:1", "sub/deeper/c.jsonl:3"}
    assert ok["a.txt"].title == "Border talks" and ok["a.txt"].published == "2024-03-14"
    assert ok["sub/b.html"].title == "B" and ok["sub/b.html"].published == "2024-03-15"
    assert ok["sub/deeper/c.jsonl:1"].id == "c1"
    assert bad == {
        "sub/binary.txt": "binary file, not text",
        "sub/deeper/c.jsonl:2": bad["sub/deeper/c.jsonl:2"],
        "missing.txt": "no such file or folder",
    }
    assert bad["sub/deeper/c.jsonl:2"].startswith("invalid JSON")


def test_a_named_file_is_read_whatever_its_suffix(tmp_path):
    path = tmp_path / "story.dat"
    path.write_text(TEXT)
    [item] = list(read_paths([path]))
    assert item.ok and item.article.text == TEXT
    html_in_txt = tmp_path / "page.txt"
    html_in_txt.write_text(f"<!DOCTYPE html>\n<html><body><p>{TEXT}</p></body></html>")
    [item] = list(read_paths([html_in_txt]))
    assert item.ok and item.article.text == TEXT


def test_count_inputs(tmp_path):
    root = make_tree(tmp_path)
    assert count_inputs([root]) == 4 + 3  # four files, one holding three lines
    assert count_inputs([root, tmp_path / "missing.warc"]) == 8  # one error item
    (tmp_path / "x.warc").write_bytes(b"")
    assert count_inputs([root, tmp_path / "x.warc"]) is None  # unknowable without reading it


def test_read_dates(tmp_path):
    path = tmp_path / "d.tsv"
    path.write_text("file\tpublished\ndir/a.txt\t2024-03-14\nb.txt\tnot a date\n")
    # a date that cannot be read stays as written: read_path turns it into a warning on the article
    assert read_dates(path) == {"a.txt": "2024-03-14", "b.txt": "not a date"}


def test_nothing_in_a_folder_is_skipped_in_silence(tmp_path, monkeypatch):
    import errno as errno_

    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text("Officials met in Nairobi on Monday.", encoding="utf-8")
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    (root / "sub" / "loop").symlink_to(root)  # a link back to a folder being walked
    (root / "self.txt").symlink_to(root / "self.txt")  # a link to itself
    os.mkfifo(root / "pipe.txt")
    locked = root / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text("x", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # tests run as root, where chmod 000 does not stop a read
        if Path(path) == locked:
            raise PermissionError(errno_.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    real_listdir = os.listdir
    monkeypatch.setattr(os, "listdir", lambda p: scandir(p) and real_listdir(p))
    items = {Path(i.origin).relative_to(root).as_posix(): i for i in read_paths([root])}
    assert items["good.txt"].ok
    reasons = {name: i.error for name, i in items.items() if not i.ok}
    assert reasons == {
        "dangling.txt": "dangling symbolic link (its target does not exist)",
        "locked": "cannot read folder: Permission denied",
        "pipe.txt": "not a regular file (FIFO)",
        "self.txt": "symbolic link loop",
        "sub/loop": "symbolic link loop: it points back to a folder being read",
    }
    assert count_inputs([root]) == len(items)


def test_a_fifo_named_on_the_command_line_does_not_hang(tmp_path):
    import subprocess
    import sys

    for name in ("pipe.txt", "pipe.jsonl", "pipe.html", "pipe.warc"):
        os.mkfifo(tmp_path / name)
    code = ("import sys; from chronicle.readers.files import read_paths, count_inputs; "
            "print(count_inputs(sys.argv[1:])); print([i.error for i in read_paths(sys.argv[1:])])")
    args = [str(tmp_path / n) for n in ("pipe.txt", "pipe.jsonl", "pipe.html", "pipe.warc")]
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")})
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[1] == str(["not a regular file (FIFO)"] * 4)
