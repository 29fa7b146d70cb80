"""chronicle_paragraphs: where sentences must and must not start, before the parser decides."""

from __future__ import annotations

import pytest
import spacy

from chronicle.nlp.paragraphs import mark_paragraph_starts


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en")


def starts(tokenizer, text: str) -> dict[str, bool | None]:
    doc = mark_paragraph_starts(tokenizer(text))
    return {t.text: t.is_sent_start for t in doc if not t.is_space}


def test_a_paragraph_break_starts_a_sentence(tokenizer):
    assert starts(tokenizer, "Talks ended.\n\nHamas said no.")["Hamas"] is True


@pytest.mark.parametrize("text, word", [
    ("Blinken met Organization for Economic Cooperation and Development (OECD) Secretary-General Mathias Cormann.",
     "Secretary"),
    ("Sherman called Republic of Korea (ROK) Vice Foreign Minister Cho Hyun-dong today.", "Vice"),
])
def test_a_bracketed_short_form_ends_no_sentence(tokenizer, text, word):
    assert starts(tokenizer, text)[word] is False


@pytest.mark.parametrize("text, word", [
    ("The crowd laughed. (Laughter.) Blinken went on.", "Blinken"),  # a full stop inside the bracket
    ("Talks ended (OECD)\n\nHamas said no.", "Hamas"),  # a paragraph break still ends it
])
def test_a_bracket_closed_by_a_full_stop_leaves_the_parser_free(tokenizer, text, word):
    assert starts(tokenizer, text)[word] is not False
