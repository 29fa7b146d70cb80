"""Every row and table of chronicle.nlp.quote_rules, run through the pipeline on its example,
and the chronicle_quotes config that extends or swaps them."""

from __future__ import annotations

import re

import pytest

from chronicle.nlp import quote_rules as rules
from chronicle.nlp.quotes import antecedent_of

# The example markup (see the quote_rules docstring): what each mark encloses.
OPENERS = {"{": "content", "[": "speaker", "<": "antecedent"}
CLOSERS = {"}": "content", "]": "speaker", ">": "antecedent"}
QUOTE_PATTERNS = ("quote", "quote_colon", "quote_next")
# Slots a frame may name besides prepositions.
SLOTS = (rules.CLAUSE, rules.INFINITIVE, rules.OBJECT, rules.OBJECT_AND_REST, rules.OBJECT_AS, rules.RAISING,
         rules.BARE_CLAUSE)


def read_example(example: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The plain text of an example and the [start, end) of what it marks."""
    text: list[str] = []
    opened: dict[str, int] = {}
    marked: dict[str, tuple[int, int]] = {}
    for ch in example:
        at = len(text)
        if ch in OPENERS:
            opened[OPENERS[ch]] = at
        elif ch in CLOSERS:
            marked[CLOSERS[ch]] = (opened.pop(CLOSERS[ch]), at)
        elif ch == "|":
            if "cue" in opened:
                marked["cue"] = (opened.pop("cue"), at)
            else:
                opened["cue"] = at
        else:
            text.append(ch)
    assert not opened, f"unclosed mark in {example!r}"
    return "".join(text), marked


def expected_kind(content: str) -> str:
    """Indirect without quote marks, direct when the content opens with one, else mixed (two apostrophes are a
    double quote mark, as the NYT writes it)."""
    if not re.search("[“”\"]|''", content):
        return "indirect"
    return "direct" if content.startswith(("“", '"', "''")) else "mixed"


def marked_quote(nlp, example: str):
    """Run the example; return the quote it marks (checked against every mark), or None when it marks none."""
    text, marked = read_example(example)
    doc = nlp(text)
    quotes = doc._.quotes
    if "content" not in marked:
        assert quotes == [], [(q.rule, q.content.text) for q in quotes]
        return None
    found = [q for q in quotes if (q.content.start, q.content.end) == marked["content"]]
    got = [(q.rule, q.content.text, q.speaker and q.speaker.text) for q in quotes]
    assert found, f"no quote with content {text[slice(*marked['content'])]!r}; got {got}"
    quote = found[0]
    speaker = (quote.speaker.start, quote.speaker.end) if quote.speaker is not None else None
    assert speaker == marked.get("speaker"), (quote.speaker, got)
    if "cue" in marked:
        assert (quote.cue.start, quote.cue.end) == marked["cue"], quote.cue
    if "antecedent" in marked:
        antecedent = antecedent_of(doc, quote)
        assert antecedent is not None and (antecedent.start, antecedent.end) == marked["antecedent"], antecedent
    # A transcript turn is said word for word, with no quote marks.
    kind = "direct" if quote.rule.startswith("transcript") else expected_kind(quote.content.text)
    if quote.rule == "signed" and quote.content.text.startswith("”"):
        kind = "indirect"  # a line opened by a closing mark holds no quotation quote_marks pairs (as PolNeAR's kinds)
    assert quote.kind == kind, (quote.kind, quote.rule)
    return quote


def test_the_markup_reads_back():
    text, marked = read_example("<Anna> left. {“No,”} [she] |said|.")
    assert text == "Anna left. “No,” she said."
    assert {k: text[a:b] for k, (a, b) in marked.items()} == {
        "antecedent": "Anna", "content": "“No,”", "speaker": "she", "cue": "said"}


def test_rows_are_well_formed():
    lemmas = [cue.lemma for cue in rules.CUES]
    assert len(lemmas) == len(set(lemmas)), "a lemma has two rows"
    for cue in rules.CUES:
        assert cue.frame is not None or cue.quotable, f"{cue.lemma} can never fire"
        for slot in cue.frame or ():
            assert slot in SLOTS or slot.isalpha() and slot.islower(), (cue.lemma, slot)
    pronouns = [word for row in rules.PRONOUNS for word in row.words]
    assert len(pronouns) == len(set(pronouns)), "a pronoun has two rows"


@pytest.mark.parametrize("cue", rules.CUES, ids=lambda cue: cue.lemma)
def test_cue(nlp, cue):
    quote = marked_quote(nlp, cue.example)
    lemma, _, slot = quote.rule.partition(":")
    slot = slot.split("+")[0]
    assert lemma == cue.lemma, quote.rule
    assert slot in (cue.frame or ()) or (cue.quotable and slot in QUOTE_PATTERNS), quote.rule


@pytest.mark.parametrize("lemma,example", rules.MORE_CUE_EXAMPLES, ids=[e[0] for e in rules.MORE_CUE_EXAMPLES])
def test_more_cue_examples(nlp, lemma, example):
    quote = marked_quote(nlp, example)
    assert quote.rule.split(":")[0] == lemma, quote.rule


@pytest.mark.parametrize("noun", rules.NOUN_CUES, ids=lambda n: n.lemma)
def test_noun_cue(nlp, noun):
    quote = marked_quote(nlp, noun.example)
    assert quote.rule == f"{noun.lemma}:noun" and quote.cue.text.lower().startswith(noun.lemma[:4])


@pytest.mark.parametrize("lemma,example", rules.MORE_NOUN_CUE_EXAMPLES, ids=[e[0] for e in rules.MORE_NOUN_CUE_EXAMPLES])
def test_more_noun_cue_examples(nlp, lemma, example):
    quote = marked_quote(nlp, example)
    assert quote.rule == f"{lemma}:noun", quote.rule


@pytest.mark.parametrize("field,example", rules.BOUNDARY_EXAMPLES, ids=[f"{e[0]}-{i}" for i, e in enumerate(rules.BOUNDARY_EXAMPLES)])
def test_boundary_examples(nlp, field, example):
    assert hasattr(rules.BOUNDARIES, field)
    quote = marked_quote(nlp, example)
    # two cues of one quotation ("said ..., hinting at ...") give it once, bounded
    text, _ = read_example(example)
    assert [q.content for q in nlp(text)._.quotes].count(quote.content) == 1


@pytest.mark.parametrize("example", rules.QUOTE_AFTER_CUE.examples, ids=lambda e: e[:24])
def test_quote_after_cue(nlp, example):
    """An inverted cue followed by its quotation: the content is the quotation (unless the words before the
    speaker are the quoted clause's subject)."""
    quote = marked_quote(nlp, example)
    assert quote is not None and "inverted" in quote.rule, quote and quote.rule


@pytest.mark.parametrize("example", rules.FRONTED_PHRASE_EXAMPLES, ids=lambda e: e[:24])
def test_fronted_phrase_is_no_content(nlp, example):
    """ "Still, she added, “...”": the quotation after the cue is the content, not the phrase before the speaker."""
    quote = marked_quote(nlp, example)
    assert quote.rule.endswith(":quote"), quote.rule


@pytest.mark.parametrize("example", rules.SPLIT_TITLE_EXAMPLES, ids=lambda e: e[:24])
def test_title_before_cue_is_no_split_half(nlp, example):
    """A title quoted before the cue of a reported clause stays out of its content."""
    quote = marked_quote(nlp, example)
    assert "+split" not in quote.rule, quote.rule


@pytest.mark.parametrize("example", rules.SPLIT_AFTER_SPEAKER.examples, ids=lambda e: e[:24])
def test_split_after_a_long_speaker(nlp, example):
    """The second half of a split quotation joins the first however long the speaker's description between them."""
    quote = marked_quote(nlp, example)
    assert "+split" in quote.rule, quote.rule


@pytest.mark.parametrize("example", rules.DATELINE_EXAMPLES, ids=lambda e: e[:12])
def test_dateline_is_no_content(nlp, example):
    """A content opening its paragraph starts after the dateline."""
    marked_quote(nlp, example)


@pytest.mark.parametrize("example", rules.MARKUP_TAG_EXAMPLES, ids=lambda e: e[:12])
def test_markup_tag_is_no_cue(nlp, example):
    """A markup tag left in the text gives no quote ("tweet" in "<tweet pic=...>" is no verb of saying); read as it
    is, since "<" and ">" mark an antecedent in the other examples."""
    assert [(q.rule, q.content.text) for q in nlp(example)._.quotes] == []


@pytest.mark.parametrize("example", rules.SECOND_CUE_EXAMPLES, ids=lambda e: e[:24])
def test_second_cue_ends_the_content(nlp, example):
    """A speech cue the parser joined to the reported clause is the speaker's next act, not what was said."""
    marked_quote(nlp, example)


@pytest.mark.parametrize("example", rules.OBJECT_TAIL.examples, ids=lambda e: e[:24])
def test_object_tail(nlp, example):
    """An object's content takes a modifier of its verb after it, not a clause set off by a comma."""
    quote = marked_quote(nlp, example)
    assert quote.rule.endswith(":dobj"), quote.rule


@pytest.mark.parametrize("example", rules.LATER_CUE_EXAMPLES, ids=lambda e: e[:24])
def test_later_cue_takes_its_quotation(nlp, example):
    """ "“A,” X said as Y yelled: “B.”": each quotation is its own cue's."""
    marked_quote(nlp, example)


def test_quote_after_cue_keeps_the_quoted_subject(nlp):
    text, marked = read_example(rules.QUOTE_AFTER_CUE.keeps_subject)
    quotes = nlp(text)._.quotes
    assert [(q.content.start, q.content.end) for q in quotes] == [marked["content"]]
    assert (quotes[0].speaker.start, quotes[0].speaker.end) == marked["speaker"]


@pytest.mark.parametrize("pattern", rules.PATTERNS, ids=lambda p: p.rule)
def test_pattern(nlp, pattern):
    quote = marked_quote(nlp, pattern.example)
    assert quote is not None, "a pattern row marks the quote it finds"
    assert pattern.rule in re.split("[:+]", quote.rule), quote.rule


@pytest.mark.parametrize("row", rules.PRONOUNS, ids=lambda row: "-".join(sorted(row.words))[:20])
def test_pronoun(nlp, row):
    quote = marked_quote(nlp, row.example)
    assert quote.speaker.label == "PRON" and quote.speaker.text.lower() in row.words
    assert "<" in row.example, "a pronoun row shows what the pronoun resolves to"


@pytest.mark.parametrize("path,example", rules.SPEAKER_PATHS, ids=[f"path-{i}" for i in range(len(rules.SPEAKER_PATHS))])
def test_speaker_paths(nlp, path, example):
    """A cue with no subject of its own finds its speaker up the parse, as each row says."""
    quote = marked_quote(nlp, example)
    assert quote.speaker is not None, path


TABLES = {name: table for name, table in vars(rules).items() if isinstance(table, rules.Table)}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_example(nlp, name):
    """Each word table's example holds: the quote it marks is found as marked (or none is)."""
    marked_quote(nlp, TABLES[name].example)


def test_lemma_fix_example(nlp):
    quote = marked_quote(nlp, "[Clinton] hoped {to keep the damage from spreading}.")
    assert quote.rule == "hope:xcomp" and rules.LEMMA_FIXES["hop"] == "hope"


def test_generic_speakers_example(nlp):
    """A generic transcript label is no person: its turn's speaker is labelled, with no actor."""
    quote = marked_quote(nlp, rules.GENERIC_SPEAKERS_EXAMPLE)
    assert quote.speaker.label == rules.GENERIC_SPEAKERS["moderator"] and quote.speaker_ids == ()


def test_transcript_patterns():
    assert rules.TRANSCRIPT_LABEL.match("MR PRICE: Thank you.").group(1) == "MR PRICE"
    assert rules.TRANSCRIPT_LABEL.match("EXTERNAL AFFAIRS MINISTER JAISHANKAR: It is").group(1).endswith("JAISHANKAR")
    assert rules.TRANSCRIPT_LABEL.match("Mr Price: Thank you.") is None
    text = "We will see. (Laughter.) Thank you. We met (inaudible) today."
    assert [m.group().strip() for m in rules.STAGE_DIRECTION.finditer(text)] == ["(Laughter.)"]


def test_speaker_label_pattern():
    assert rules.SPEAKER_LABEL.match("Ali al Sistani: we will vote").group(1) == "Ali al Sistani"
    assert rules.SPEAKER_LABEL.match("At 10: 30 the meeting began") is None


# --- config --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline_with():
    """A fresh pipeline (not the shared, cached one) whose quotes component has the given config."""
    from chronicle.pipeline import load_pipeline

    def build(**config):
        nlp = load_pipeline.__wrapped__(components=("chronicle_actors",))
        nlp.add_pipe("chronicle_quotes", config=config)
        return nlp

    return build


def test_default_config_is_the_built_in_tables(nlp):
    config = nlp.get_pipe_config("chronicle_quotes")
    assert config["extra_speech_verbs"] == [] and config["statement_nouns"] is None
    assert nlp.get_pipe("chronicle_quotes").lexicon == rules.DEFAULT_LEXICON
    # What it requires, an earlier component assigns.
    assert nlp.analyze_pipes(pretty=False)["problems"]["chronicle_quotes"] == []


def test_config_adds_and_drops_cue_verbs(nlp, pipeline_with):
    text = "The senator opined that the bill would fail. The mayor said the bridge would reopen."
    assert [q.rule for q in nlp(text)._.quotes] == ["say:ccomp"]
    custom = pipeline_with(extra_speech_verbs=["opine"], without_cues=["say"])
    quotes = custom(text)._.quotes
    assert [(q.rule, q.speaker.text, q.content.text) for q in quotes] == [
        ("opine:ccomp", "The senator", "that the bill would fail")]
    # The config travels with the pipeline's config.
    from thinc.api import Config

    saved = Config().from_str(custom.config.to_str())["components"]["chronicle_quotes"]
    assert saved["extra_speech_verbs"] == ["opine"] and saved["without_cues"] == ["say"]


def test_config_gives_a_verb_a_frame_and_swaps_a_table(nlp, pipeline_with):
    text = "“There is no further time to waste,” the leaders said in a joint statement. The union slammed the plan."
    default = {q.rule: q for q in nlp(text)._.quotes}
    assert default["say:ccomp"].cue.text == "said in a joint statement" and "slam:dobj" in default
    custom = pipeline_with(statement_nouns=[], extra_cues={"slam": ["for"]})
    quotes = {q.rule: q for q in custom(text)._.quotes}
    assert quotes["say:ccomp"].cue.text == "said"
    assert "slam:dobj" not in quotes


@pytest.mark.parametrize("example", rules.PLACED_CUE.examples)
def test_placed_cue(nlp, example):
    """A quotation set off against a subject and any verb is what the subject said."""
    quote = marked_quote(nlp, example)
    assert quote.rule.split("+")[0].endswith(":placed"), quote.rule


@pytest.mark.parametrize("example", rules.COLON_LEAD.examples)
def test_colon_lead(nlp, example):
    """A whole sentence quoted after a colon is said by the subject before the colon, or the name right before it."""
    quote = marked_quote(nlp, example)
    assert quote.rule.split("+")[0].endswith("colon_lead"), quote.rule


@pytest.mark.parametrize("example", rules.QUOTED_COMMA.examples)
def test_quoted_comma(nlp, example):
    """A reported clause ends at a quotation closing on a comma when the speaker's next act follows."""
    marked_quote(nlp, example)


@pytest.mark.parametrize("example", rules.PARENTHETICAL_CUE.examples)
def test_parenthetical_cue(nlp, example):
    """A verb of believing or finding the parser hung off a clause, not finite after a comma, gives no quote."""
    assert marked_quote(nlp, example) is None


@pytest.mark.parametrize("example", rules.CUE_WORD_AFTER.examples)
def test_cue_word_after(nlp, example):
    """A speech verb a few words after a quotation takes it, whatever the parse; the words before it speak."""
    quote = marked_quote(nlp, example)
    assert quote.rule.split("+")[0].endswith(":cue_word"), quote.rule


def test_credit_line_is_no_speaker(nlp):
    """A byline's credit line ("Contributing: ...") names reporters, not a speaker (see NOT_SPEAKERS)."""
    marked_quote(nlp, "The senator left early.\nContributing: Nicole Gaudiano, Ledyard King.\n")
