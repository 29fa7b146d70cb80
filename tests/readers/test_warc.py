"""WARC archives: HTML and text responses are articles; the rest is skipped; broken archives are errors."""

from __future__ import annotations

import io

import pytest

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from chronicle.readers.warc import read_warc  # noqa: E402

BODY = (
    "Foreign Minister Miriam Otieno of Kenya met her Ethiopian counterpart in Geneva on Tuesday. "
    "The two governments agreed to revive a joint border commission that has not met since 2019. "
    "Officials said the commission would meet again in Nairobi before the rains begin next month."
)
PAGE = (
    "<html><head><title>Border talks</title>"
    '<meta property="article:published_time" content="2024-03-14"></head>'
    f"<body><article><h1>Border talks</h1><p>{BODY}</p><p>{BODY.replace('Kenya', 'Uganda')}</p></article></body></html>"
)


def response(writer, url, body: bytes, ctype="text/html; charset=utf-8", status="200 OK"):
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def make_warc(path, gzip=True):
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warc_record("https://e.org/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response(writer, "https://e.org/a", PAGE.encode())
        response(writer, "https://e.org/missing", b"<html><body>Not found</body></html>", status="404 Not Found")
        response(writer, "https://e.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", ctype="image/png")
        response(writer, "https://e.org/b.txt", BODY.encode(), ctype="text/plain")
        response(writer, "https://e.org/empty", b"<html><body><script>x()</script></body></html>")
    return path


@pytest.mark.parametrize("gzip", [True, False])
def test_articles_from_responses(tmp_path, gzip):
    path = make_warc(tmp_path / ("a.warc.gz" if gzip else "a.warc"), gzip=gzip)
    items = list(read_warc(path))
    ok = [i for i in items if i.ok]
    assert [i.article.url for i in ok] == ["https://e.org/a", "https://e.org/b.txt"]
    page = ok[0].article
    assert page.title == "Border talks" and page.published == "2024-03-14" and "joint border commission" in page.text
    assert ok[1].article.text == BODY
    assert all(i.origin.startswith(f"{path}#<urn:uuid:") for i in items)
    [bad] = [i for i in items if not i.ok]  # the page with no text; 404, image and request are skipped
    assert "no article text" in bad.error


def test_truncated_warc_keeps_what_was_read(tmp_path):
    path = make_warc(tmp_path / "a.warc", gzip=False)
    data = path.read_bytes()
    cut = data.index(b"https://e.org/b.txt") + 200
    broken = tmp_path / "broken.warc"
    broken.write_bytes(data[:cut] + b"\r\n\r\nWARC/1.0 garbage\x00\x00 not a record")
    items = list(read_warc(broken))
    assert items[0].ok and items[0].article.url == "https://e.org/a"
    assert not items[-1].ok and items[-1].error.startswith("malformed WARC")
    shorter = tmp_path / "short.warc"
    shorter.write_bytes(data[: data.index(BODY.encode()) + 50])  # cut inside a page
    items = list(read_warc(shorter))
    assert not items[-1].ok and "truncated" in items[-1].error


def test_not_a_warc_at_all(tmp_path):
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"this is not a web archive\n" * 5)
    items = list(read_warc(path))
    assert len(items) == 1 and not items[0].ok and items[0].error.startswith("malformed WARC")
    [missing] = list(read_warc(tmp_path / "missing.warc"))
    assert "cannot read" in missing.error
