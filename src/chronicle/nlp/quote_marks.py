"""Find quoted stretches of text: pair quote marks within paragraphs.

News text mixes straight (``"``) and curly (``“ ”``) double quote marks, and
is often unbalanced. The rules here:

- ``“`` opens, ``”`` closes, ``"`` opens when nothing is open and closes
  otherwise. A second opener while one is open restarts the quote there.
- A closer with nothing open is ignored.
- A quote still open at the end of its paragraph runs to the end of that
  paragraph (the news convention for a quote that goes on in the next
  paragraph, which then opens again without closing the first).
- Two apostrophes (``''``) count as a straight double mark and two backticks
  as an opener, as in some newspaper archives.
- Curly single quotes (``‘ ’``) make a quote only outside double quotes, when
  ``‘`` starts a word and a ``’`` not followed by a letter closes it in the
  same paragraph within a short distance (so apostrophes are left alone).

Spans include their marks. Nothing here raises on odd input. A quotation is a
quote, or quotes joined across paragraphs (:func:`quotations`); its kind is
direct, mixed or indirect (:func:`quote_kind`, :func:`kind_around`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
MAX_SINGLE = 200

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch [start, end) including its marks; ``closed`` is False when it ran to the paragraph end."""

    start: int
    end: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words without the marks."""
        start = self.start + 1
        end = self.end - 1 if self.closed else self.end
        return start, max(start, end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-empty line: news text puts one paragraph per line."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quoted stretch of ``text``, in order."""
    spans: list[QuoteSpan] = []
    for p_start, p_end in paragraphs(text):
        spans.extend(_paragraph_quotes(text, p_start, p_end))
    return spans


def _paragraph_quotes(text: str, p_start: int, p_end: int) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    open_at: int | None = None
    i = p_start
    while i < p_end:
        ch = text[i]
        width = 1
        if ch in "'`" and i + 1 < p_end and text[i + 1] == ch:
            # Two apostrophes or backticks stand for a double quote mark in some archives.
            ch, width = ("“" if ch == "`" else STRAIGHT), 2
        if ch in OPENERS:
            open_at = i
        elif ch in CLOSERS:
            if open_at is not None:
                found.append(QuoteSpan(open_at, i + width))
                open_at = None
        elif ch == STRAIGHT:
            if open_at is None:
                open_at = i
            else:
                found.append(QuoteSpan(open_at, i + width))
                open_at = None
        i += width
    if open_at is not None:
        end = p_end
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        if end > open_at + 1:
            found.append(QuoteSpan(open_at, end, closed=False))
    found.extend(_single_quotes(text, p_start, p_end, found))
    found.sort(key=lambda q: q.start)
    return found


def _single_quotes(text: str, p_start: int, p_end: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Curly single quotes outside double quotes, told apart from apostrophes."""
    found: list[QuoteSpan] = []
    i = p_start
    while i < p_end:
        if text[i] == SINGLE_OPEN and not _inside(i, doubles) and (i == p_start or not text[i - 1].isalnum()):
            limit = min(p_end, i + MAX_SINGLE)
            for j in range(i + 2, limit):
                if text[j] == SINGLE_CLOSE and (j + 1 >= p_end or not text[j + 1].isalpha()) and text[j - 1] != " ":
                    found.append(QuoteSpan(i, j + 1))
                    i = j
                    break
        i += 1
    return found


def _inside(pos: int, spans: list[QuoteSpan]) -> bool:
    return any(q.start <= pos < q.end for q in spans)


def quoted_mask(text: str, spans: list[QuoteSpan] | None = None) -> list[bool]:
    """Per character: True inside a quote (marks included)."""
    mask = [False] * len(text)
    for q in spans if spans is not None else find_quotes(text):
        for i in range(q.start, q.end):
            mask[i] = True
    return mask


def quote_kind(text: str, start: int, end: int, mask: list[bool]) -> str:
    """``direct`` when every word character of [start, end) is quoted, ``mixed`` when some are, else ``indirect``.

    Only letters and digits count, so a leading "that" makes a quote mixed but a
    trailing comma or period outside the marks does not.
    """
    inside = outside = 0
    for i in range(max(0, start), min(end, len(text))):
        if text[i].isalnum():
            if mask[i]:
                inside += 1
            else:
                outside += 1
    if inside and not outside:
        return "direct"
    if inside:
        return "mixed"
    return "indirect"


def quotations(text: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """[start, end) of each quotation: a quote open at a paragraph end joins the quotes that open the next paragraphs."""
    starts = {p_start for p_start, _ in paragraphs(text)}
    regions: list[tuple[int, int]] = []
    joining = False
    for q in spans:
        if joining and q.start in starts and regions:
            regions[-1] = (regions[-1][0], q.end)
        else:
            regions.append((q.start, q.end))
        joining = not q.closed
    return regions


def grow_to_quotes(start: int, end: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """[start, end) grown to take in whole every quotation it touches."""
    for q_start, q_end in quotes:
        if q_start < end and start < q_end:
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def kind_around(
    text: str, start: int, end: int, mask: list[bool],
    cue: tuple[int, int] | None, speaker: tuple[int, int] | None,
) -> str:
    """The kind of [start, end), not counting a speaker and cue that split it ("“A,” he said. “B.”")."""
    if cue is None or not (start <= cue[0] < end):
        return quote_kind(text, start, end, mask)
    lo, hi = cue
    if speaker is not None and start <= speaker[0] < end:
        lo, hi = min(lo, speaker[0]), max(hi, speaker[1])
    # Words between the two quotations around the cue are part of the attribution; words before the speaker with
    # no quotation before them open the content ("If Clinton is elected, he said, “she ...”" is mixed).
    if any(mask[start:lo]):
        while lo > start and not mask[lo - 1]:
            lo -= 1
    while hi < end and not mask[hi]:
        hi += 1
    kinds = {quote_kind(text, a, b, mask) for a, b in ((start, lo), (hi, end)) if b > a}
    if kinds == {"direct"}:
        return "direct"
    if kinds <= {"indirect"}:
        return "indirect"
    return "mixed"
