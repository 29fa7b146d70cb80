"""Plain-text articles: bytes → str with graceful fallbacks, an optional title line."""

from __future__ import annotations

import re
import sys
from datetime import date, datetime
from pathlib import Path

from chronicle.about import MAX_CHARS  # noqa: F401 - named here too
from chronicle.errors import ArticleError
from chronicle.records import Article

_SENTENCE_END = tuple('.!?:;"”’\'')
_QUOTE_MARKS = '"”’\''  # closing quote marks
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else Windows-1252, else Latin-1.

    Binary data (NUL bytes, or many control characters) is refused rather
    than decoded into garbage records.
    """
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        raise ArticleError("binary file, not text")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if len(_CONTROL.findall(text[:8192])) > 0.05 * max(1, min(len(text), 8192)):
        raise ArticleError("binary file, not text")
    return text


_MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
               r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# First lines that are datelines or dates, not headlines: the body (and its time expressions)
# starts there. (pattern, example); each example is a test case.
DATELINES: tuple[tuple[str, str], ...] = (
    # a place in capitals, maybe a date, a news agency in brackets, a dash
    (r"^[A-Z][A-Z .'-]{1,40}(?:,[^()\n]{0,40})?\s*\([A-Za-z .&-]{2,30}\)\s*(?:--|[-—–:_])",
     "JOHANNESBURG, August 7 (Xinhua) --"),
    (r"^[A-Z][A-Z .'-]{1,40}\s*\((?:AP|AFP|Reuters|UPI)\)\s*_", "NEW YORK (AP) _"),
    # a place in capitals and a date, then a dash or the end of the line
    (rf"^[A-Z][A-Z .'-]{{1,40}},\s*{_MONTH_NAME}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*(?:--|[-—–:]|$)",
     "WASHINGTON, Aug. 7 --"),
    # a place in capitals and a dash
    (r"^[A-Z][A-Z .'-]{1,40}\s*(?:--|[—–])\s*$", "BEIRUT --"),
    # a date alone, as Wikinews opens its stories
    (rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTH_NAME}\s+\d{{1,2}},?\s+\d{{4}}"
     rf"|\d{{1,2}}\s+{_MONTH_NAME},?\s+\d{{4}})$", "Friday, September 20, 2019"),
)
_DATELINE = re.compile("|".join(f"(?:{pattern})" for pattern, _ in DATELINES))


def is_dateline(line: str) -> bool:
    """Whether a first line is a dateline or a date (:data:`DATELINES`), which belongs to the body."""
    return _DATELINE.match(line.strip()) is not None


def looks_like_title(line: str, rest: str) -> bool:
    """Is the first line a headline? It must be short and have a body after it; then either it
    ends without sentence punctuation (a closing quote mark after a word is no sentence end), or it
    is set apart by a blank line and written in title case ("Ben Carson Defends Himself Against
    Claims He Exaggerated His Life Story."). A dateline ("JOHANNESBURG, August 7 (Xinhua) --") or a
    date is not a title."""
    line = line.strip()
    if not line or not rest.strip() or len(line) > 200 or is_dateline(line):
        return False
    if not line.endswith(_SENTENCE_END):
        return True
    # A headline that ends in a quotation ("Trump calls the wall 'a must'") ends in a quote mark,
    # not in sentence punctuation.
    core = line.rstrip(_QUOTE_MARKS)
    if core != line and core and not core.endswith(_SENTENCE_END):
        return True
    words = [w for w in line.split() if w[:1].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    return rest.startswith("\n") and len(words) >= 3 and capitalised >= 0.6 * len(words)


def article_from_text(
    raw: str,
    *,
    id: str = "",
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    detect_title: bool = True,
    max_chars: int = MAX_CHARS,
    warnings: tuple[str, ...] = (),
) -> Article:
    """Make an Article from raw text, taking the first line as title when it looks like one.

    ``published`` may be in any format :func:`parse_published` reads; one it cannot read
    becomes a warning on the article, naming the value.
    """
    published, warning = parse_published(published)
    if warning:
        warnings = (*warnings, warning)
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    if title is None and detect_title:
        first, _, rest = text.lstrip("\n").partition("\n")
        if looks_like_title(first, rest):
            title, text = first.strip(), rest
    text = text.strip("\n")
    if not text.strip():
        raise ArticleError("empty article: no text" if not raw.strip() else "empty article: only a title, no text")
    if len(text) > max_chars:
        raise ArticleError(f"article too long: {len(text):,} characters (limit {max_chars:,})")
    return Article(text=text, id=id, title=title, published=published, source=source, url=url,
                   warnings=tuple(warnings))


# Publication dates as feeds write them, tried in order after ISO 8601 and RFC 822 (RSS, HTTP):
# (strptime format, example). A weekday in front ("Wednesday, August 3, 2022") and a dot
# after a month's abbreviation ("Aug. 3") are dropped before these are tried.
PUBLISHED_FORMATS: tuple[tuple[str, str], ...] = (
    ("%B %d, %Y", "August 3, 2022"),
    ("%B %d %Y", "August 3 2022"),
    ("%b %d, %Y", "Aug. 3, 2022"),
    ("%b %d %Y", "Aug 3 2022"),
    ("%d %B %Y", "3 August 2022"),
    ("%d %b %Y", "03 Aug 2022"),
    ("%d %B, %Y", "3 August, 2022"),
    ("%Y/%m/%d", "2022/08/03"),
    ("%Y.%m.%d", "2022.08.03"),
    ("%Y%m%d", "20220803"),
    ("%d.%m.%Y", "03.08.2022"),
    ("%B %d, %Y %I:%M %p", "August 3, 2022 7:49 PM"),
    ("%b %d, %Y %I:%M %p", "Aug. 3, 2022 7:49 PM"),
    ("%Y/%m/%d %H:%M:%S", "2022/08/03 19:49:23"),
    ("%Y-%m-%d %H:%M:%S", "2022-08-03 19:49:23"),
)
_WEEKDAY_LEAD = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_ZONE_TAIL = re.compile(r"\s+(?:(?![AP]M$)[A-Z]{2,5}|[+-]\d{2}:?\d{2}|GMT[+-]\d{1,2})$")


def parse_published(value: object) -> tuple[str | None, str | None]:
    """A publication date as feeds give it -> (``YYYY-MM-DD``, None), or (None, a warning naming
    the value) when it cannot be read; (None, None) when there is none.

    ISO 8601 dates and timestamps (``2022-08-03T19:49:23Z``), RFC 822 as in RSS and HTTP
    (``Wed, 03 Aug 2022 19:49:23 +0000``) and the rows of :data:`PUBLISHED_FORMATS`. The day is
    the one written, in the writer's own time zone (the day the story carries).
    """
    if value is None:
        return None, None
    if isinstance(value, datetime):
        return value.date().isoformat(), None
    if isinstance(value, date):
        return value.isoformat(), None
    text = " ".join(str(value).split())
    if not text:
        return None, None
    day = _read_day(text)
    if day is not None:
        return day.isoformat(), None
    return None, f"publication date not understood: {text[:80]!r}; relative dates are left unresolved"


def _read_day(text: str) -> date | None:
    if re.match(r"\d{4}-\d{2}-\d{2}(?:$|[T ]\d)", text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    if re.search(r"\d{1,2}:\d{2}", text) and "," in text[:5]:
        try:
            return _rfc2822(text).date()
        except (TypeError, ValueError, IndexError):
            pass
    plain = _WEEKDAY_LEAD.sub("", text)
    plain = _ZONE_TAIL.sub("", plain)
    plain = re.sub(r"\b(Sept)\b\.?", "Sep", plain, flags=re.IGNORECASE)
    plain = re.sub(r"\b([A-Za-z]{3})\.", r"\1", plain)
    plain = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", plain)
    plain = re.sub(r"(?i)\b([ap])\.?m\.?$", r"\1M", plain)
    for fmt, _ in PUBLISHED_FORMATS:
        try:
            return datetime.strptime(plain, fmt).date()
        except ValueError:
            continue
    try:  # RFC 822 without a weekday or a time ("03 Aug 2022 19:49:23 GMT")
        return _rfc2822(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def iso_day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` of a publication date in any format :func:`parse_published` reads, else None."""
    return parse_published(value)[0]


def read_bytes(path: Path, max_bytes: int, too_large: str) -> bytes:
    """A file's bytes, or an ArticleError: unreadable, or larger than ``max_bytes`` (``too_large`` names it)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(f"{too_large}: {size:,} bytes")
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}") from exc


def read_text_file(path: str | Path, *, published: str | None = None, max_chars: int = MAX_CHARS) -> Article:
    """Read one plain-text article file. Raises ArticleError at the path, with a one-line reason."""
    path = Path(path)
    try:
        # a character is at most 4 bytes in UTF-8: more bytes than that cannot fit the limit
        data = read_bytes(path, 4 * max_chars, f"article too long (limit {max_chars:,} characters)")
        return article_from_text(decode(data), published=published, source=str(path), max_chars=max_chars)
    except ArticleError as exc:
        raise exc.at(path)


def read_named(name: str, *, published: str | None = None) -> Article:
    """One plain-text article named on a command line: a file, or ``-`` for standard input."""
    if name == "-":
        return article_from_text(decode(sys.stdin.buffer.read()), published=published, source="<stdin>")
    path = Path(name)
    if path.is_dir():
        raise ArticleError("is a folder; give the files in it (examples/*.txt)", where=name)
    if not path.exists():
        raise ArticleError("no such file", where=name)
    return read_text_file(path, published=published)


def _rfc2822(text: str) -> datetime:
    """An RFC 2822 date (``Tue, 13 Aug 2024 10:00:00 GMT``); email.utils is imported here, on first use,
    as it brings in socket, calendar and locale, which commands that only query a store never need."""
    from email.utils import parsedate_to_datetime

    return parsedate_to_datetime(text)
