"""Readable terminal tables for article records (rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from chronicle.records import ArticleRecord, Quote

MAX_CELL = 160


def _row(table: Table, *cells: str) -> None:
    """Add a row of plain text: article text such as "[sic]" must not be read as rich markup."""
    table.add_row(*(Text(cell) for cell in cells))


def _short(text: str | None, limit: int = MAX_CELL) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def speaker_names(record: ArticleRecord, quote: Quote) -> str:
    names = [a.name for a in (record.actor(i) for i in quote.speaker_ids) if a is not None]
    if names:
        return ", ".join(names)
    return quote.speaker.text if quote.speaker else "?"


def actors_table(record: ArticleRecord) -> Table:
    table = Table(title="Actors", title_justify="left", expand=False)
    for column in ("name", "kind", "role", "affiliation", "country", "where", "mentions"):
        table.add_column(column, overflow="fold")
    order = {"person": 0, "organisation": 1, "country": 2, "place": 3, "group": 4}
    for actor in sorted(record.actors, key=lambda a: (order.get(a.kind, 9), a.id)):
        names = sorted({m.text for m in actor.mentions if m.label != "PRON"} - {actor.name})
        pronouns = sum(1 for m in actor.mentions if m.label == "PRON")
        seen = f"{len(actor.mentions)}"
        if names:
            seen += f" ({_short(', '.join(names), 60)})"
        if pronouns:
            seen += f" +{pronouns} pronoun{'s' if pronouns > 1 else ''}"
        _row(table, actor.name, actor.kind, actor.role or "", actor.affiliation or "", actor.country or "", where(actor), seen)
    return table


def where(actor) -> str:
    """"Doha (city, QAT) 25.285,51.531" for a located place or country, else ""."""
    geo = actor.geo if actor is not None else None
    if geo is None:
        return ""
    return f"{geo.name} ({geo.feature}{', ' + geo.country if geo.country else ''}) {geo.latitude:.3f},{geo.longitude:.3f}"


def quotes_table(record: ArticleRecord) -> Table:
    table = Table(title="Quotes", title_justify="left")
    for column in ("speaker", "role", "kind", "cue", "content"):
        table.add_column(column, overflow="fold")
    for quote in record.quotes:
        roles = [a.role for a in (record.actor(i) for i in quote.speaker_ids) if a is not None and a.role]
        _row(
            table,
            speaker_names(record, quote),
            "; ".join(roles),
            quote.kind,
            quote.cue.text if quote.cue else "",
            _short(quote.content.text),
        )
    return table


def events_table(record: ArticleRecord) -> Table:
    table = Table(title="Events", title_justify="left")
    for column in ("date", "source", "type", "target", "place", "evidence"):
        table.add_column(column, overflow="fold")

    def names(ids: tuple[str, ...], fallback) -> str:
        found = [a.name for a in (record.actor(i) for i in ids) if a is not None]
        return ", ".join(found) if found else (fallback.text if fallback else "")

    for event in record.events:
        kind = event.type + (f" ({event.mode})" if event.mode else "")
        if event.status != "happened":
            kind += f" [{event.status}]"
        _row(
            table,
            event.date or "",
            names(event.source_ids, event.source),
            kind,
            names(event.target_ids, event.target),
            _location(record, event),
            _short(event.sentence.text, 120),
        )
    return table


def _location(record: ArticleRecord, event) -> str:
    place = record.actor(event.location_id) if event.location_id else None
    if place is None:
        return ""
    country = place.geo.country if place.geo is not None else None
    named = f"{place.name} ({country})" if place.kind == "place" and country else place.name
    return f"{named} [{event.location_rule}]"


def dates_table(record: ArticleRecord) -> Table:
    table = Table(title="Dates", title_justify="left")
    for column in ("text", "type", "value"):
        table.add_column(column)
    for timex in record.dates:
        _row(table, timex.text, timex.type, timex.value)
    return table


def record_view(record: ArticleRecord) -> Panel:
    article = record.article
    head = Text()
    head.append(article.title or "(untitled)", style="bold")
    head.append(f"\nid {article.id}  published {article.published or 'unknown'}")
    if article.source:
        head.append(f"  source {article.source}")
    parts: list = [head]
    for warning in record.warnings:
        parts.append(Text(f"note: {warning}", style="yellow"))
    if not (record.actors or record.quotes or record.events or record.dates):
        parts.append(Text("nothing found in this article", style="dim"))
    for table, rows in (
        (actors_table, record.actors),
        (quotes_table, record.quotes),
        (events_table, record.events),
        (dates_table, record.dates),
    ):
        if rows:
            parts.append(table(record))
    return Panel(Group(*parts), expand=True)


def print_record(record: ArticleRecord, console: Console | None = None) -> None:
    (console or Console()).print(record_view(record))
