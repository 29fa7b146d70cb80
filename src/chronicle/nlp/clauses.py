"""Clause shapes more than one component reads (events and quotes)."""

from __future__ import annotations

from spacy.tokens import Token

# words that may stand before an imperative that opens its sentence ("But remember: ...", "Please call")
_OPENERS = ("but", "and", "so", "please", "just", "simply")


def imperative(tok: Token, opening: bool = False) -> bool:
    """A base-form verb that speaks to someone rather than reports: an order with no subject ("Hands up, don't
    shoot"; the sentence's root or a verb with "do") or an exhortation ("let's discuss this emergency first").

    ``opening``: only a subjectless root with no auxiliary that opens its sentence ("Call it viral fundraising.",
    "Remember: ..."), how a quote cue speaks to the reader rather than attributes a quote.
    """
    if tok.tag_ != "VB":
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if opening:
        if tok.dep_ != "ROOT" or subjects or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return False
        words = [t for t in tok.sent if not (t.is_punct or t.is_space) and t.lower_ not in _OPENERS]
        return bool(words) and words[0].i == tok.i
    if tok.head.i != tok.i and tok.head.lower_ == "let" and tok.head.dep_ == "ROOT" \
            and any(s.lower_ in ("'s", "’s", "us") for s in subjects):
        return True
    return not subjects and (tok.dep_ == "ROOT" or any(a.dep_ == "aux" and a.lemma_ == "do" for a in tok.children))
