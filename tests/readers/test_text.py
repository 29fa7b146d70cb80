"""Plain-text reader: encodings, binary refusal, titles, size limits."""

from __future__ import annotations

import pytest

from chronicle.readers import ArticleError, article_from_text, decode, read_text_file


def test_title_line_is_split_from_body(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Ceasefire talks resume in Doha\n\nMediators met on Thursday.\n", encoding="utf-8")
    article = read_text_file(path, published="2024-08-13")
    assert article.title == "Ceasefire talks resume in Doha"
    assert article.text == "Mediators met on Thursday."
    assert article.published == "2024-08-13"
    assert article.source == str(path)


def test_title_case_headline_with_full_stop_is_a_title():
    article = article_from_text("Ben Carson Defends Himself Against Claims He Exaggerated His Life Story.\n\nBody here.")
    assert article.title.startswith("Ben Carson Defends")
    assert article.text == "Body here."


@pytest.mark.parametrize(
    "raw",
    [
        "Trump calls border wall plan “a must”\nThe president spoke on Friday.",
        "President Trump says he 'can' and 'may' put US into state of emergency to build 'wall'\nBody here.",
    ],
)
def test_headline_ending_in_a_quote_mark_is_a_title(raw):
    article = article_from_text(raw)
    assert article.title == raw.split("\n")[0]
    assert article.text == raw.split("\n", 1)[1]


@pytest.mark.parametrize(
    "raw, title",
    [
        ("A long first paragraph that ends like a sentence.\nSecond paragraph.", None),
        ("Only one line without a body", None),
        ("word " * 60 + "\nBody.", None),  # too long for a headline
        ("Officials said on Tuesday that talks would resume.\n\nBody.", None),  # a sentence, not a headline
        ("“We will rebuild,” the mayor said on Tuesday in a long speech.”\nBody.", None),  # a closing mark after a full stop
    ],
)
def test_first_line_kept_when_not_a_title(raw, title):
    article = article_from_text(raw)
    assert article.title == title
    assert article.text == raw.strip("\n")


def test_windows_1252_bytes_are_decoded():
    assert decode("Caf\u00e9 \u201cquote\u201d".encode("cp1252")) == "Café “quote”"


def test_utf8_bom_is_dropped():
    assert decode("\ufeffHello".encode("utf-8")) == "Hello"


def test_binary_is_refused(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ArticleError, match="binary"):
        read_text_file(path)


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", "\ufeff \u00a0\n".encode("utf-8")])
def test_empty_or_whitespace_file_is_an_error_not_an_article(tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match="empty article"):
        read_text_file(path)


def test_empty_inputs_of_every_kind_are_recorded_errors(tmp_path):
    from chronicle.readers.files import read_paths

    (tmp_path / "a.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "   "}\n{"id": "y", "text": "\\n\\t"}\n', encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body><p>   </p></body></html>", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert len(items) == 4 and not any(i.ok for i in items), [(i.origin, i.error) for i in items]


def test_too_long_article_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 1_100_000, encoding="utf-8")
    with pytest.raises(ArticleError, match="too long"):
        read_text_file(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ArticleError, match="cannot read"):
        read_text_file(tmp_path / "nope.txt")


@pytest.mark.parametrize("pattern, example", __import__("chronicle.readers.text", fromlist=["DATELINES"]).DATELINES)
def test_dateline_rows(pattern, example):
    from chronicle.readers.text import is_dateline

    assert is_dateline(example)


@pytest.mark.parametrize("first", [
    "JOHANNESBURG, August 7 (Xinhua) --",
    "WASHINGTON, Aug. 7 --",
    "BEIRUT --",
    "Friday, September 20, 2019",
    "JOHANNESBURG, August 7 (Xinhua) -- South Africa's president said on Friday that talks would go on",
])
def test_dateline_first_line_is_read_not_taken_as_title(first):
    article = article_from_text(f"{first}\nSouth Africa's president spoke on Thursday night.")
    assert article.title is None
    assert article.text.startswith(first)


@pytest.mark.parametrize("title", ["Ceasefire talks resume in Doha", "Biden Wins Michigan Primary"])
def test_headlines_are_still_titles(title):
    assert article_from_text(f"{title}\nMediators met on Thursday.").title == title
