"""HTML pages: main text by trafilatura, title and date from metadata, graceful fallbacks."""

from __future__ import annotations

import pytest

from chronicle.readers.html import article_from_html, looks_like_html, read_html_file
from chronicle.readers.text import ArticleError

BODY = (
    "Foreign Minister Miriam Otieno of Kenya met her Ethiopian counterpart in Geneva on Tuesday. "
    "The two governments agreed to revive a joint border commission that has not met since 2019. "
    "Officials said the commission would meet again in Nairobi before the rains begin next month."
)

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Kenya and Ethiopia agree | Example News</title>
<meta property="og:title" content="Kenya and Ethiopia agree to revive border commission">
<meta property="article:published_time" content="2024-03-14T09:30:00Z">
<script>var tracking = "do not read me";</script>
<style>body {{ color: red; }}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Kenya and Ethiopia agree to revive border commission</h1>
<p>{BODY}</p>
<p>“We have spent too long talking past each other,” Ms. Otieno told reporters after the meeting in the Swiss city.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>"""


def test_main_text_title_and_date():
    article = article_from_html(PAGE, source="page.html")
    assert article.title == "Kenya and Ethiopia agree to revive border commission"
    assert article.published == "2024-03-14"
    assert "joint border commission" in article.text
    assert "talking past each other" in article.text
    assert "do not read me" not in article.text and "color: red" not in article.text
    assert "Copyright" not in article.text
    assert article.source == "page.html"
    assert len(article.id) == 16  # a text hash


def test_given_fields_win():
    article = article_from_html(PAGE, id="x1", title="Given", published="2024-01-01", url="https://e.org/a")
    assert (article.id, article.title, article.published, article.url) == ("x1", "Given", "2024-01-01", "https://e.org/a")


def test_file_with_declared_latin1_charset(tmp_path):
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("“", '"').replace("”", '"')
    page = page.replace("Ms. Otieno", "Ms. Otiéno")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("latin-1"))
    article = read_html_file(path)
    assert "Otiéno" in article.text
    assert article.source == str(path)


def test_short_page_falls_back_to_visible_text():
    article = article_from_html("<html><body><p>Kenya agreed.</p><script>x()</script></body></html>")
    assert article.text == "Kenya agreed."


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><div><p>Kenya and Ethiopia <b>agreed to talks <i>in Geneva</p></div>",  # unclosed tags
        "<p>Kenya and Ethiopia agreed to talks in Geneva<p>Officials said so</html></body><body>",  # out of order
        "<<<>>> <p>Kenya and Ethiopia agreed to talks in Geneva &amp;&nbsp; &bogus; </p",  # junk
    ],
)
def test_malformed_html_still_gives_text(html):
    article = article_from_html(html)
    assert "Kenya and Ethiopia" in article.text


@pytest.mark.parametrize("html", ["", "   ", "<html><head><title>x</title></head><body></body></html>", "<script>only()</script>"])
def test_page_without_text_is_an_error(html):
    with pytest.raises(ArticleError):
        article_from_html(html)


def test_binary_and_oversized_files_are_errors(tmp_path):
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(ArticleError, match="binary"):
        read_html_file(binary)
    with pytest.raises(ArticleError, match="too long|too large"):
        article_from_html(PAGE, max_chars=50)
    with pytest.raises(ArticleError, match="cannot read"):
        read_html_file(tmp_path / "missing.html")


def test_looks_like_html():
    assert looks_like_html("<!DOCTYPE html><html>")
    assert looks_like_html("  <html><body>")
    assert not looks_like_html("Kenya agreed <b>quietly</b>.")
