"""An article's text as HTML with its records' evidence spans highlighted.

Spans may nest (a date inside a quote) or cross (a quote ending inside a
name): a crossing span is closed and reopened around the boundary, so its
fragments are siblings that all carry the same ``data-span`` and their text,
joined in document order, is exactly the span's text. Every text piece is
escaped with ``markupsafe.escape``; only the tags built here are markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from chronicle.records import ArticleRecord


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    key: str  # unique per span, e.g. "quote:q1"; the first fragment gets id=key with ":" → "-"
    cls: str  # CSS class
    title: str = ""
    href: str | None = None  # a link (actor mentions to the actor's page)


def article_spans(record: ArticleRecord, actor_links: Mapping[str, str] | None = None) -> list[Span]:
    """The spans to highlight: quotes, speakers, cues, event triggers, position cues, dates and actor mentions."""
    links = actor_links or {}
    names = {a.id: a.name for a in record.actors}
    spans: list[Span] = []
    for q in record.quotes:
        who = ", ".join(names.get(i, i) for i in q.speaker_ids) or (q.speaker.text if q.speaker else "unknown")
        spans.append(Span(q.content.start, q.content.end, f"quote:{q.id}", f"hl-quote hl-{q.kind}", f"{q.kind} quote by {who}"))
        if q.speaker:
            spans.append(Span(q.speaker.start, q.speaker.end, f"speaker:{q.id}", "hl-speaker", f"speaker of {q.id}"))
        if q.cue:
            spans.append(Span(q.cue.start, q.cue.end, f"cue:{q.id}", "hl-cue", f"cue of {q.id}"))
    for e in record.events:
        src = ", ".join(names.get(i, i) for i in e.source_ids) or (e.source.text if e.source else "?")
        tgt = ", ".join(names.get(i, i) for i in e.target_ids) or (e.target.text if e.target else "?")
        title = f"{e.type} ({e.status}): {src} → {tgt}" + (f", {e.date}" if e.date else "")
        spans.append(Span(e.trigger.start, e.trigger.end, f"event:{e.id}", f"hl-event hl-{e.type.lower()}", title))
    for p in record.positions:
        who = ", ".join(names.get(i, i) for i in p.holder_ids) or (p.holder.text if p.holder else "?")
        title = f"{p.kind} by {who}" + (f": {p.topic.text}" if p.topic else "") + (
            f" (if {p.condition.text})" if p.condition else "")
        spans.append(Span(p.cue.start, p.cue.end, f"position:{p.id}", f"hl-position hl-{p.kind}", title))
    for d in record.dates:
        spans.append(Span(d.start, d.end, f"date:{d.id}", "hl-date", f"{d.type} {d.value}"))
    for a in record.actors:
        for n, m in enumerate(a.mentions):
            href = f"/actors/{links[a.id]}" if a.id in links else None
            spans.append(Span(m.start, m.end, f"mention:{a.id}:{n}", f"hl-actor hl-{a.kind}", f"{a.name} ({a.kind})", href))
    return spans


def render(text: str, spans: list[Span]) -> Markup:
    """``text`` as escaped HTML with each span wrapped in ``<mark>`` (or ``<a>`` for a linked span)."""
    size = len(text)
    good = [s for s in spans if 0 <= s.start < s.end <= size]
    # Outer spans first: earlier start, then longer.
    good.sort(key=lambda s: (s.start, -s.end, s.key))
    bounds = sorted({0, size, *(s.start for s in good), *(s.end for s in good)})
    opening: dict[int, list[Span]] = {}
    for s in good:
        opening.setdefault(s.start, []).append(s)
    out: list[str] = []
    stack: list[Span] = []
    started: set[str] = set()
    link_open = 0

    def open_tag(s: Span) -> str:
        nonlocal link_open
        attrs = f' class="{escape(s.cls)}" data-span="{escape(s.key)}"'
        if s.key not in started:
            started.add(s.key)
            attrs += f' id="{escape(s.key.replace(":", "-"))}"'
        if s.title:
            attrs += f' title="{escape(s.title)}"'
        if s.href and link_open == 0:
            link_open += 1
            return f'<a href="{escape(s.href)}"{attrs}>'
        return f"<mark{attrs}>"

    def close_tag(tag: str) -> str:
        nonlocal link_open
        if tag == "a":
            link_open -= 1
        return f"</{tag}>"

    tags: list[str] = []  # the tag name of each open stack entry
    for i, pos in enumerate(bounds):
        # Close everything ending here; spans above them that go on are reopened.
        if any(s.end == pos for s in stack):
            reopen = []
            while any(s.end == pos for s in stack):
                s = stack.pop()
                out.append(close_tag(tags.pop()))
                if s.end != pos:
                    reopen.append(s)
            for s in sorted(reopen, key=lambda s: (-s.end, s.key)):
                out.append(open_tag(s))
                tags.append("a" if out[-1].startswith("<a ") else "mark")
                stack.append(s)
        for s in opening.get(pos, []):
            # A span outliving the innermost open one would cross it: nest it below instead.
            if stack and s.end > stack[-1].end:
                # Close down to the first open span that contains it, open it, reopen the rest inside.
                moved = []
                while stack and s.end > stack[-1].end:
                    moved.append(stack.pop())
                    out.append(close_tag(tags.pop()))
                out.append(open_tag(s))
                tags.append("a" if out[-1].startswith("<a ") else "mark")
                stack.append(s)
                for m in sorted(moved, key=lambda m: (-m.end, m.key)):
                    out.append(open_tag(m))
                    tags.append("a" if out[-1].startswith("<a ") else "mark")
                    stack.append(m)
            else:
                out.append(open_tag(s))
                tags.append("a" if out[-1].startswith("<a ") else "mark")
                stack.append(s)
        if i + 1 < len(bounds):
            out.append(str(escape(text[pos:bounds[i + 1]])))
    while stack:
        stack.pop()
        out.append(close_tag(tags.pop()))
    return Markup("".join(out))
