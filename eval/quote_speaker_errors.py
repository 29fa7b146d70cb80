"""Speaker errors of chronicle_quotes on PolNeAR, by class (error analysis; train only).

``python -m eval.quote_speaker_errors --split train --start 0 --end 300 --cache /tmp/train_a.pkl --show 8``
scores a slice of a split as ``python -m eval quotes`` does (:func:`eval.quotes.score_docs`) and sorts
the content matches whose speaker is wrong (:func:`eval.quotes.speaker_right` false) into classes:

- ``no speaker``: the prediction has none; split by where the gold Source is (the cue's sentence,
  an earlier one, a later one);
- ``pronoun unresolved`` / ``pronoun wrong``: a pronoun speaker with no antecedent, or another one;
- ``other cue``: the prediction's cue is not the gold Cue (the content was reached another way);
- ``gold pronoun``: the gold Source is a pronoun and the prediction names someone;
- ``nominal``: a description ("the spokesman", "officials") standing for someone else;
- ``wrong, same sentence`` / ``wrong, gold elsewhere``: any other speaker, by where the gold Source is.

It also prints the scores of the slice, so a change can be measured on a part of train that was
analysed and on one that was not.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from eval.quotes import _overlap, _parsed, load_split, match_attributions, score_docs, speaker_right

PRONOUN_TAGS = ("PRP", "PRP$", "WP")


def _sentence_of(doc, char: int):
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    return tok[0].sent if tok is not None and len(tok) else None


def _where(doc, gold_source, anchor: int) -> str:
    sent = _sentence_of(doc, anchor)
    if sent is None:
        return "?"
    s = gold_source[0][0]
    if sent.start_char <= s < sent.end_char:
        return "same sentence"
    return "earlier sentence" if s < sent.start_char else "later sentence"


def classify(doc, quote, gold) -> str:
    from chronicle.nlp.quotes import antecedent_of

    anchor = quote.cue.start if quote.cue is not None else quote.content.start
    where = _where(doc, gold.source, anchor)
    gold_span = doc.char_span(gold.source[0][0], gold.source[-1][1], alignment_mode="expand")
    gold_pronoun = gold_span is not None and len(gold_span) == 1 and gold_span[0].tag_ in PRONOUN_TAGS
    if quote.cue is not None and gold.cue and _overlap((quote.cue.start, quote.cue.end), gold.cue) == 0:
        return "other cue" + (", no speaker" if quote.speaker is None else "")
    if quote.speaker is None:
        return f"no speaker ({_why_none(doc, quote)}), gold {where}"
    spk = doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
    if spk is not None and len(spk) == 1 and spk[0].tag_ in PRONOUN_TAGS:
        return "pronoun wrong" if antecedent_of(doc, quote) is not None else "pronoun unresolved"
    if gold_pronoun:
        return "gold pronoun"
    root = spk.root if spk is not None else None
    if root is not None and root.pos_ == "NOUN" and not quote.speaker_ids:
        return f"nominal, gold {where}"
    return f"wrong, gold {where}"


def _why_none(doc, quote) -> str:
    """Why a cue quote has no speaker: the subject found lies in a quotation, in the content, or there is none."""
    from chronicle.nlp.quote_marks import find_quotes, quoted_mask
    from chronicle.nlp.quote_speakers import subject_of

    if quote.cue is None:
        return "no cue"
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    verbs = [t for t in cue if t.pos_ in ("VERB", "AUX", "NOUN")] if cue is not None else []
    if not verbs:
        return "cue not a verb"
    subject = subject_of(verbs[-1])
    if subject is None:
        return "no subject"
    mask = quoted_mask(doc.text, find_quotes(doc.text))
    if mask[subject.idx]:
        return "subject in quotation"
    return "subject dropped"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train")
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--end", type=int, default=0)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args(argv)
    if args.split == "test":
        raise SystemExit("not the test split")
    gold_docs = load_split(args.split) or []
    gold_docs = gold_docs[args.start:args.end or None]
    scores = score_docs(gold_docs, cache=args.cache)
    print("scores " + " ".join(f"{k}={v:.5f}" for k, v in scores.items()))
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for (article, doc), gold in zip(_parsed(gold_docs, args.cache), gold_docs):
        preds = list(doc._.quotes or ())
        for pi, gi in match_attributions(preds, gold.attributions):
            q, g = preds[pi], gold.attributions[gi]
            if not g.source or speaker_right(q, g, doc):
                continue
            label = classify(doc, q, g)
            counts[label] += 1
            text = doc.text
            sent = _sentence_of(doc, q.cue.start if q.cue else q.content.start)
            examples[label].append(
                f"{gold.name} [{q.rule}] pred {q.speaker.text if q.speaker else None!r} "
                f"gold {' | '.join(text[s:e] for s, e in g.source)!r} cue {q.cue.text if q.cue else None!r} "
                f"gold cue {' | '.join(text[s:e] for s, e in g.cue)!r}\n      :: {sent.text[:220] if sent else ''!r}"
            )
    print(f"\nwrong speakers by class ({sum(counts.values())}):")
    for label, n in counts.most_common():
        print(f"  {n:>4}  {label}")
    for label, _ in counts.most_common():
        print(f"\n== {label} ==")
        for line in examples[label][:args.show]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
