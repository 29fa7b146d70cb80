"""chronicle_paragraphs: a paragraph break always ends a sentence.

Runs before the parser, which keeps sentence starts set by earlier
components. Without it the small English model often joins the last
sentence of one paragraph to the first of the next, and every later step
(quotes, events) reads one garbled parse instead of two good ones.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("chronicle_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str):
    return mark_paragraph_starts


def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        # a line break is its own whitespace token ("\n\n") or trails the previous token
        if previous.is_space and "\n" in previous.text or "\n" in previous.whitespace_:
            if not token.is_space:
                token.is_sent_start = True
    return doc
