"""Pieces of the web view without a store: highlighting, network layout, the serve command."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from chronicle.cli import app as cli
from chronicle.web.highlight import Span, render
from chronicle.web.network import layout


def fragments(html: str) -> dict[str, str]:
    """data-span → the text of all its fragments, joined (tags stripped, entities decoded)."""
    from html.parser import HTMLParser

    out: dict[str, str] = {}

    class P(HTMLParser):
        stack: list[str | None] = []

        def handle_starttag(self, tag, attrs):
            self.stack.append(dict(attrs).get("data-span"))

        def handle_endtag(self, tag):
            self.stack.pop()

        def handle_data(self, data):
            for key in {k for k in self.stack if k}:
                out[key] = out.get(key, "") + data

    P(convert_charrefs=True).feed(html)
    return out


def test_nested_and_crossing_spans_keep_their_text():
    text = "Ms. Otieno said “we agreed on Tuesday” and left."
    spans = [
        Span(0, 10, "mention:a1:0", "hl-actor", href="/actors/A1"),
        Span(16, 38, "quote:q1", "hl-quote"),
        Span(30, 37, "date:t1", "hl-date"),
        Span(11, 20, "event:e1", "hl-event"),  # crosses the quote's start
        Span(36, 48, "cue:q9", "hl-cue"),  # crosses the quote's and the date's ends
        Span(5, 5, "empty", "x"),  # empty and out-of-range spans are dropped
        Span(40, 999, "out", "x"),
    ]
    html = str(render(text, spans))
    assert re.sub(r"<[^>]+>", "", html) == text  # nothing added, nothing lost
    got = fragments(html)
    for s in spans[:5]:
        assert got[s.key] == text[s.start:s.end], s.key
    assert "empty" not in got and "out" not in got
    assert html.count('id="quote-q1"') == 1  # the first fragment carries the anchor
    assert '<a href="/actors/A1"' in html


def test_text_and_attributes_are_escaped():
    text = '<script>alert("x")</script> & <b>bold</b>'
    html = str(render(text, [Span(0, 8, "quote:q1", "hl-quote", title='"><img src=x onerror=alert(1)>')]))
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert fragments(html)["quote:q1"] == "<script>"


def test_network_layout():
    net = {
        "nodes": [{"id": "A", "name": "Centre", "weight": 5, "center": True}]
        + [{"id": f"B{i}", "name": f"Partner {i}" * 4, "weight": i + 1, "center": False} for i in range(5)],
        "links": [{"source": "A", "target": f"B{i}", "weight": i + 1, "kind": "event"} for i in range(5)]
        + [{"source": "B1", "target": "B2", "weight": 1, "kind": "event"}, {"source": "B1", "target": "gone", "weight": 1, "kind": "event"}],
    }
    out = layout(net)
    assert len(out["nodes"]) == 6 and len(out["links"]) == 6
    for n in out["nodes"]:
        assert 0 <= n["x"] <= out["width"] and 0 <= n["y"] <= out["height"]
        assert len(n["label"]) <= 24
    assert layout({"nodes": [], "links": []})["nodes"] == []


def test_serve_help_and_missing_store(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.output and "--port" in result.output and "chronicle serve --db" in result.output
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no corpus" in result.output


def test_serve_command_serves_the_store(demo_db):
    """`chronicle serve` on a free port answers pages and the API, bound to 127.0.0.1."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-c", "from chronicle.cli import app; app()", "serve", "--db", str(demo_db), "--port", str(port)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_COLOR": "1"})
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"serve did not start: {proc.stderr.read() if proc.poll() is not None else 'timeout'}")
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["counts"]["articles"] >= 6
        assert httpx.get(f"http://127.0.0.1:{port}/timeline", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert f"http://127.0.0.1:{port}/" in proc.stderr.read()
