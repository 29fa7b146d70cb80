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
        elif _closes_aside(doc, previous) and not token.is_space and not token.is_punct:
            # "met with Republic of Korea (ROK) Vice Foreign Minister Cho": the model ends a sentence at the
            # bracket; one ends only where a full stop, question or exclamation mark closes it
            token.is_sent_start = False
    return doc


def _closes_aside(doc: Doc, token) -> bool:
    """A closing bracket of an aside with no sentence-final mark before it: "(ROK)", "(OECD)"."""
    return token.text == ")" and token.i > 0 and not doc[token.i - 1].text.endswith((".", "!", "?"))
