"""Terminal tables: values are shown as written, never read as rich markup."""

from __future__ import annotations

from rich.console import Console

from chronicle.records import Actor, Article, ArticleRecord, Event, Mention, Quote
from chronicle.render import print_record


def test_brackets_in_values_are_shown_not_parsed():
    text = "Officials said the talks [sic] would resume. They will meet on Thursday."
    actor = Actor("a1", "Officials [unnamed]", "group", (Mention(0, 9, "Officials", "NORP"),))
    quote = Quote("q1", Mention(15, 43, text[15:43], ""), "indirect", speaker=Mention(0, 9, "Officials"), speaker_ids=("a1",))
    event = Event("e1", "CONSULT", Mention(58, 62, "meet"), Mention(45, len(text), text[45:]), source_ids=("a1",), status="planned")
    record = ArticleRecord(Article(text=text, title="Talks [update]"), (actor,), (quote,), (event,))
    console = Console(record=True, width=200)
    print_record(record, console)
    shown = console.export_text()
    for written in ("[sic]", "[unnamed]", "[planned]", "Talks [update]"):
        assert written in shown
