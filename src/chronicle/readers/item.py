"""What every reader yields: an :class:`Item`, one input read into an article or the reason it is none."""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.records import Article


@dataclass(frozen=True)
class Item:
    """One input read: an ``article``, or the ``error`` that kept it from being one.

    ``origin`` says where it came from: a path, ``path:LINE`` for a JSONL
    line, ``path#RECORD-ID`` for a WARC record.
    """

    origin: str
    article: Article | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None
