"""The Doc extensions chronicle's components read and write.

Data lives on the Doc, as spaCy's own components keep it: each component
fills one attribute with frozen records from :mod:`chronicle.records`.

- ``doc._.published``: the article's publication date (``YYYY-MM-DD``) or None;
  set before the pipeline runs (see :func:`chronicle.pipeline.make_doc`).
- ``doc._.actors``: list of :class:`~chronicle.records.Actor` (``chronicle_actors``).
- ``doc._.dates``: list of :class:`~chronicle.records.TimeExpression` (``chronicle_dates``).
- ``doc._.quotes``: list of :class:`~chronicle.records.Quote` (``chronicle_quotes``).
- ``doc._.events``: list of :class:`~chronicle.records.Event` (``chronicle_events``).
- ``doc._.positions``/``doc._.mediations``: lists of :class:`~chronicle.records.Position` and
  :class:`~chronicle.records.Mediation` (``chronicle_positions``).
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = ("published", "actors", "dates", "quotes", "events", "positions", "mediations")


def register_extensions() -> None:
    """Register chronicle's Doc attributes once; safe to call again."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            # A default of None (not []) so one list is never shared by all docs.
            Doc.set_extension(name, default=None)


register_extensions()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc.

    spaCy builds ``Doc.text`` by joining every token on each access, so code
    that slices the text per mention pays for the whole document each time.
    """
    text = doc.user_data.get("chronicle.text")
    if text is None:
        text = doc.user_data["chronicle.text"] = doc.text
    return text
