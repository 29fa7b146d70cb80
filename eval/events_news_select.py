"""Draw the articles of the real-news event dev set (``eval/gold/events_news.jsonl``).

The draw was made once, before any rule was written against it, and is kept
reproducible here: a seeded random sample of each corpus in
``../shared/data/news/`` (``wikinews.jsonl``, ``state_dept.jsonl``), leaving out
press briefings, interviews and other transcripts (question-and-answer turns
dominate the State Department corpus and hold few reported events). Each drawn
article is annotated in a *window*: its body from the start up to the first
paragraph end after ``WINDOW`` characters, so annotation stays exhaustive
inside the window and predictions outside it are not scored.

The first ``UNTOUCHED`` articles of each corpus's draw form the untouched slice:
annotated with the rest, never looked at while rules were written, scored
separately (``python -m eval events_news`` prints both).

Later batches (``SECOND``, ``THIRD``, ``FOURTH``, ``FIFTH``, ``SIXTH``, ``SEVENTH``, ``EIGHTH``, ``NINTH``, ``TENTH``, ``ELEVENTH``, ``TWELFTH``, ``THIRTEENTH``) take the next articles of the same shuffles.
The ninth (``"dev9"``) was annotated blind, before chronicle was run on it: scored once as main was, then
only in aggregate. The tenth (``"dev10"``) was annotated the same way, scored once as main was, and then opened:
rules of the thirteenth round (branch ``events35``) were written from its errors.

``python -m eval.events_news_select`` prints the draw; ``--show N`` prints the
window of the N-th article with sentence offsets, for annotating it.
"""

from __future__ import annotations

import argparse
import random
import re

from eval.common import DATA

SEED = 14
PER_CORPUS = {"wikinews": 36, "state_dept": 33}
UNTOUCHED = 5
# a second dev batch, drawn later from the same shuffles (the next articles of each): annotated
# before the rules of issue 14's third round were written, scored as its own slice ("dev2")
SECOND = {"wikinews": 8, "state_dept": 8}
# a third dev batch, the articles after the second of each shuffle: annotated before the rules of
# issue 14's fourth round were written ("dev3"); its errors are printed, rules are written from it
THIRD = {"wikinews": 6, "state_dept": 6}
# a fourth batch, the articles after the third of each shuffle: annotated before anyone looked at
# the pipeline's output on them, to tell whether the fourth round's rules carry over ("dev4", blind)
FOURTH = {"wikinews": 12, "state_dept": 10}
# a fifth batch, the articles after the fourth of each shuffle: annotated before anyone looked at the
# pipeline's output on them, to tell whether the fifth round's rules (branch events14f) carry over
# ("dev5", blind; its errors are not printed)
FIFTH = {"wikinews": 12, "state_dept": 10}
# a sixth batch, the articles after the fifth of each shuffle: annotated before anyone looked at the
# pipeline's output on them, and scored once as is before the seventh round (issue 14, branch events15)
# changed any rule: the honest estimate of how the rules do on unseen news ("dev6")
SIXTH = {"wikinews": 7, "state_dept": 7}
# a seventh batch, the articles after the sixth of each shuffle: annotated before chronicle was run on
# them, and scored once with the eighth round's final rules (issue 14, branch events21): "dev7", blind
SEVENTH = {"wikinews": 7, "state_dept": 7}
# articles of the seventh batch's stretch of the shuffle already in another gold file (places_dev.tsv,
# dates_news.tsv): passed over, so the seventh batch is new to every evaluation
SEVENTH_SKIP = {"wikinews:ee98524132cb", "wikinews:bd3132d2427a"}
# an eighth batch, the articles after the seventh of each shuffle: annotated before chronicle was run on
# them (issue 14, branch events25), scored once as main was, then only in aggregate: "dev8", blind. An
# article already in another gold file under eval/gold/ is passed over (``in_other_gold``, frozen in ``LATER_SKIP``)
EIGHTH = {"wikinews": 7, "state_dept": 7}
# a ninth batch, the articles after the eighth of each shuffle (passing over, like the eighth, any article
# already in another gold file): annotated before chronicle was run on them or its output looked at, scored
# once as main was, then only in aggregate: "dev9", blind
NINTH = {"wikinews": 7, "state_dept": 7}
# a tenth batch, the articles after the ninth of each shuffle (passing over, like the eighth and ninth, any article
# already in another gold file, frozen in LATER_SKIP when drawn): annotated blind, before chronicle was run on them,
# scored once as main was ("dev10"), then opened to write rules from (issue 14, branch events35)
TENTH = {"wikinews": 10, "state_dept": 8}
# the articles the tenth batch passed over (in another gold file when it was drawn), frozen like LATER_SKIP
TENTH_SKIP = frozenset({"wikinews:9d23e8609b39", "wikinews:dd3faf78baa1"})
# an eleventh batch, the articles after the tenth of each shuffle (passing over any article in another gold file
# when drawn, frozen in ELEVENTH_SKIP): annotated blind, before chronicle was run on them, scored once as main was
# ("dev11", issue 14, branch events37)
ELEVENTH = {"wikinews": 10, "state_dept": 8}
ELEVENTH_SKIP = frozenset({
    "state:3128929e1737", "wikinews:50e4e61fab19", "wikinews:8c4c3a0618b3", "wikinews:de6697b2cf4a"})
# a twelfth batch, the articles after the eleventh of each shuffle (passing over any article in another gold file
# when drawn, frozen in TWELFTH_SKIP): annotated blind, before chronicle was run on them, scored once as main was
# ("dev12", issue 14, branch ev12)
TWELFTH = {"wikinews": 10, "state_dept": 8}
TWELFTH_SKIP = frozenset({
    "wikinews:01867eecee68", "wikinews:0dab3e734e9c", "wikinews:4565146cea91", "wikinews:840059137e90",
    "wikinews:dbde6d576dd1"})
# a thirteenth batch, the articles after the twelfth of each shuffle (passing over any article in another gold file
# when drawn, frozen in THIRTEENTH_SKIP): annotated blind, before chronicle was run on them, scored once as main was
# ("dev13", issue 14, branch ev13)
THIRTEENTH = {"wikinews": 10, "state_dept": 8}
THIRTEENTH_SKIP = frozenset({
    "state:2880b139014b", "wikinews:2df7859fefb7", "wikinews:501a55410cd9", "wikinews:506ac89b9021",
    "wikinews:534786dacc8b", "wikinews:deb65bd3fa11"})
# the articles the eighth and ninth batches passed over (in another gold file when they were drawn),
# frozen: a gold file written later must not shift which articles those batches hold
LATER_SKIP = frozenset({
    "state:1c0a6059d3ab", "state:a0632d051fea", "state:d033b0781b73", "wikinews:12541115ffcd",
    "wikinews:26fb1e610bb1", "wikinews:381c251c9164", "wikinews:63b13dc614eb", "wikinews:6d08bc6b564c",
    "wikinews:ec1e0ce101c4", "wikinews:f221b64d8cf7",
})
WINDOW = 1400
TRANSCRIPT = re.compile(
    r"\b(briefings?|interviews?|remarks|press availability|conversation|q&a|transcript|"
    r"joint statement|readout|testimony|roundtable|toast|podcast|op-ed)\b", re.I)
QUESTION_TURN = re.compile(r"^\s*(QUESTION|MR\.|MS\.|SECRETARY [A-Z]+|MODERATOR)\b.{0,30}:", re.M)


def articles(corpus: str):
    from chronicle.readers.jsonl import read_jsonl

    for item in read_jsonl(DATA / "news" / f"{corpus}.jsonl"):
        if item.ok:
            yield item.article


def is_transcript(article) -> bool:
    title = article.title or ""
    if TRANSCRIPT.search(title) or title.startswith(("Wikinews ", "TEST PAGE")):
        return True
    return len(QUESTION_TURN.findall(article.text)) >= 2


def window_end(text: str, size: int = WINDOW) -> int:
    if len(text) <= size:
        return len(text)
    at = text.find("\n", size)
    return len(text) if at < 0 else at


def in_other_gold() -> set[str]:
    """Article ids named in any gold file under ``eval/gold/`` other than the events gold."""
    from eval.common import ROOT

    ids: set[str] = set()
    for f in (ROOT / "eval" / "gold").iterdir():
        if f.suffix in (".tsv", ".jsonl") and f.name != "events_news.jsonl":
            ids |= set(re.findall(r"\b(?:wikinews|state):[0-9a-f]{12}\b", f.read_text(encoding="utf-8")))
    return ids


def draw() -> list[tuple[str, object]]:
    """(split, article) for each drawn article, in draw order; split is dev, untouched, dev2, ... dev13.

    The second and third batches come after the first, so earlier draws keep their numbers."""
    out, later, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth, thirteenth = (
        [] for _ in range(13))
    skip8 = LATER_SKIP
    for corpus, n in PER_CORPUS.items():
        pool = [a for a in articles(corpus) if not is_transcript(a) and len(a.text) > 300]
        rng = random.Random(f"{SEED}:{corpus}")
        rng.shuffle(pool)  # a prefix of one shuffle: drawing more keeps the articles drawn before
        for i, a in enumerate(pool[:n]):
            out.append(("untouched" if i < UNTOUCHED else "dev", a))
        n2 = n + SECOND.get(corpus, 0)
        later.extend(("dev2", a) for a in pool[n:n2])
        n3 = n2 + THIRD.get(corpus, 0)
        third.extend(("dev3", a) for a in pool[n2:n3])
        n4 = n3 + FOURTH.get(corpus, 0)
        fourth.extend(("dev4", a) for a in pool[n3:n4])
        n5 = n4 + FIFTH.get(corpus, 0)
        fifth.extend(("dev5", a) for a in pool[n4:n5])
        n6 = n5 + SIXTH.get(corpus, 0)
        sixth.extend(("dev6", a) for a in pool[n5:n6])
        rest = [a for a in pool[n6:] if a.id not in SEVENTH_SKIP]
        n7 = SEVENTH.get(corpus, 0)
        seventh.extend(("dev7", a) for a in rest[:n7])
        after7 = [a for a in rest[n7:] if a.id not in skip8]
        n8 = EIGHTH.get(corpus, 0)
        eighth.extend(("dev8", a) for a in after7[:n8])
        n9 = n8 + NINTH.get(corpus, 0)
        ninth.extend(("dev9", a) for a in after7[n8:n9])
        after9 = [a for a in after7[n9:] if a.id not in TENTH_SKIP]
        n10 = TENTH.get(corpus, 0)
        tenth.extend(("dev10", a) for a in after9[:n10])
        after10 = [a for a in after9[n10:] if a.id not in ELEVENTH_SKIP]
        n11 = ELEVENTH.get(corpus, 0)
        eleventh.extend(("dev11", a) for a in after10[:n11])
        after11 = [a for a in after10[n11:] if a.id not in TWELFTH_SKIP]
        n12 = TWELFTH.get(corpus, 0)
        twelfth.extend(("dev12", a) for a in after11[:n12])
        after12 = [a for a in after11[n12:] if a.id not in THIRTEENTH_SKIP]
        thirteenth.extend(("dev13", a) for a in after12[:THIRTEENTH.get(corpus, 0)])
    return (out + later + third + fourth + fifth + sixth + seventh + eighth + ninth + tenth + eleventh + twelfth
            + thirteenth)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.events_news_select")
    parser.add_argument("--show", type=int, nargs="*")
    args = parser.parse_args(argv)
    drawn = draw()
    if args.show is None:
        for n, (split, a) in enumerate(drawn):
            print(n, split, a.id, a.published, len(a.text), window_end(a.text), (a.title or "")[:90])
        return 0
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for n in args.show:
        split, a = drawn[n]
        end = window_end(a.text)
        print(f"=== {n} {split} {a.id} published={a.published} window=0-{end} title={a.title!r}")
        for s in nlp(a.text[:end]).sents:
            t = " ".join(s.text.split())
            if t:
                print(f"[{s.start_char}] {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
