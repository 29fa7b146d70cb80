"""Publication dates as real feeds write them: each format read wherever a published value
enters (text, JSONL, HTML, the --dates table, chronicle.extract); a value that cannot be read is a
warning naming it, never a silent None."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.readers import article_from_html, article_from_json, article_from_text, read_dates, read_paths
from chronicle.readers.text import PUBLISHED_FORMATS, parse_published

TEXT = "Mediators met on Thursday in Doha."

FEED_DATES = [
    ("Wed, 03 Aug 2022 19:49:23 +0000", "2022-08-03"),  # RSS, HTTP (RFC 822)
    ("Tue, 2 Aug 2022 22:00:00 -0700", "2022-08-02"),  # the writer's own day, not UTC's
    ("03 Aug 2022 19:49:23 GMT", "2022-08-03"),
    ("Wed, 03 Aug 2022", "2022-08-03"),
    ("2022-08-03T19:49:23Z", "2022-08-03"),  # ISO 8601 with time and zone
    ("2022-08-03T23:49:23-05:00", "2022-08-03"),
    ("2022-08-03 19:49:23", "2022-08-03"),
    ("2022-08-03", "2022-08-03"),
    ("August 3, 2022", "2022-08-03"),
    ("Wednesday, August 3, 2022", "2022-08-03"),
    ("August 3rd, 2022", "2022-08-03"),
    ("Aug. 3, 2022", "2022-08-03"),
    ("Sept. 13, 2022", "2022-09-13"),
    ("3 August 2022", "2022-08-03"),
    ("2022/08/03", "2022-08-03"),
    ("  August   3, 2022 ", "2022-08-03"),
]


@pytest.mark.parametrize("value, day", FEED_DATES)
def test_feed_formats(value, day):
    assert parse_published(value) == (day, None)


@pytest.mark.parametrize("fmt, example", PUBLISHED_FORMATS)
def test_every_format_row_reads_its_example(fmt, example):
    day, warning = parse_published(example)
    assert warning is None
    assert day == dt.datetime.strptime(example.replace("Aug.", "Aug"), fmt).date().isoformat()


@pytest.mark.parametrize("value", ["last Tuesday", "2022-13-45", "03/08/2022", "soon"])
def test_unreadable_value_is_a_warning_naming_it(value):
    day, warning = parse_published(value)
    assert day is None
    assert warning is not None and repr(value) in warning


@pytest.mark.parametrize("value", [None, "", "   "])
def test_no_value_is_no_warning(value):
    assert parse_published(value) == (None, None)


def test_dates_and_datetimes_pass_through():
    assert parse_published(dt.date(2022, 8, 3)) == ("2022-08-03", None)
    assert parse_published(dt.datetime(2022, 8, 3, 19, 49)) == ("2022-08-03", None)


def test_every_reader_reads_feed_dates_and_warns_on_bad_ones(tmp_path):
    assert article_from_text(TEXT, published="August 3, 2022").published == "2022-08-03"
    assert article_from_json({"text": TEXT, "published": "Wed, 03 Aug 2022 19:49:23 +0000"}).published == "2022-08-03"
    page = f"<html><body><article><p>{TEXT} {TEXT}</p></article></body></html>"
    assert article_from_html(page, published="3 August 2022").published == "2022-08-03"
    bad = article_from_html(page, published="yesterday")
    assert bad.published is None and "'yesterday'" in bad.warnings[0]
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(TEXT)
    (tmp_path / "dates.tsv").write_text("file\tpublished\na.txt\tWed, 03 Aug 2022 19:49:23 +0000\nb.txt\tnot a date\n")
    dates = read_dates(tmp_path / "dates.tsv")
    items = {i.origin.rsplit("/", 1)[-1]: i.article for i in read_paths([tmp_path / "a.txt", tmp_path / "b.txt"], published=dates)}
    assert (items["a.txt"].published, items["a.txt"].warnings) == ("2022-08-03", ())
    assert items["b.txt"].published is None and "'not a date'" in items["b.txt"].warnings[0]


def test_a_feed_entrys_unreadable_date_is_a_warning_on_the_fetched_article():
    """A page fetched from a feed takes the entry's date; one that cannot be read is a warning
    naming it, not dropped."""
    from chronicle.about import MAX_CHARS
    from chronicle.readers.web import Entry, _article

    page = f"<html><body><article><p>{TEXT} {TEXT}</p></article></body></html>".encode()
    good = _article(page, "html", Entry("http://n.test/a", published="Wed, 03 Aug 2022 19:49:23 +0000"), "http://n.test/a", MAX_CHARS)
    assert (good.published, good.warnings) == ("2022-08-03", ())
    bad = _article(page, "html", Entry("http://n.test/b", published="the other day"), "http://n.test/b", MAX_CHARS)
    assert any("'the other day'" in w for w in bad.warnings), bad.warnings
    text = _article(TEXT.encode(), "text/plain", Entry("http://n.test/c", published="3rd of Aug"), "http://n.test/c", MAX_CHARS)
    assert text.published is None and any("'3rd of Aug'" in w for w in text.warnings)
