"""Quotes on real news: State Department transcripts and Wikinews, against a hand-made gold.

``python -m eval quotes_news`` scores ``eval/gold/quotes_news.tsv`` (written to
``eval/gold/QUOTES_GUIDELINES.md``) on the articles of ``../shared/data/news/``;
``python -m eval.quotes_news --show 40`` prints the misses, false positives and
wrong speakers of the ``dev`` slice (the ``untouched`` slice is never shown: it is
kept for judging, not tuning).

Matching is the one of :mod:`eval.quotes` (PolNeAR): a prediction matches a gold
quote when its content covers at least half of the gold content's characters, one
to one, largest overlap first; ``strict`` asks for the same span up to spaces,
quote marks and punctuation at the ends. A speaker is right when the gold speaker
is the press, a host or the floor of a transcript (``PRESS``, ``HOST``, ``FLOOR``)
and the prediction's speaker has that label; otherwise when one of the gold's
``speaker_keys`` is a word of the speaker's text, of an actor it points to
(``speaker_ids``), or of the antecedent of a pronoun speaker. ``content_speaker_f1``
counts matched pairs with a right speaker. ``turn_ids`` is the share of matched
transcript turns of a named person whose ``speaker_ids`` point at that person's
actor (not at an actor named after the label, such as "MR PRICE"); ``label_actors``
looks for actors named by a generic transcript label ("QUESTION") or a stage direction
("Laughter"), and upper-case actors ("PRICE") beside a person of the same surname
("Ned Price"); ``no_label_actors`` is 1 when there are none.

Each slice reports ``{slice}_content_p``, ``_content_r``, ``_content_f1``, ``_strict_f1``,
``_content_speaker_f1``, ``_speaker_acc`` and per-kind F1.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from eval.common import DATA, ROOT, prf
from eval.quotes import KINDS, _kind_prf, greedy_matches, same_span

NAME = "quotes_news"
GOLD = ROOT / "eval" / "gold" / "quotes_news.tsv"
NEWS = DATA / "news"
GENERIC = ("PRESS", "HOST", "FLOOR")
SLICES = ("dev", "untouched")
_LABEL = re.compile(r"^[A-Z][A-Z .'’-]+$")


@dataclass(frozen=True)
class GoldQuote:
    article: str
    slice: str
    start: int
    end: int
    kind: str
    speaker: str
    keys: tuple[str, ...]
    check: str


def load_gold(path: Path = GOLD) -> tuple[list[GoldQuote], dict[str, str]]:
    """The gold quotes, and every scored article id with its slice (articles without quotes included)."""
    articles: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("# article\t"):
            _, aid, sl = line.split("\t")
            articles[aid] = sl
    rows = csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE)
    gold = []
    for row in rows:
        keys = tuple(k for k in row["speaker_keys"].split("|") if k)
        q = GoldQuote(row["article"], row["slice"], int(row["start"]), int(row["end"]), row["kind"],
                      row["speaker"], keys, row["check"])
        gold.append(q)
        articles.setdefault(q.article, q.slice)
    return gold, articles


def load_articles(ids: set[str]) -> dict:
    from chronicle.readers.jsonl import article_from_json

    found = {}
    for path in sorted(NEWS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not any(f'"{i}"' in line[:200] for i in ids):
                    continue
                data = json.loads(line)
                if data.get("id") in ids:
                    found[data["id"]] = article_from_json(data)
    return found


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w’'-]+", text.casefold()))


def speaker_right(quote, gold: GoldQuote, doc, actors: dict) -> bool:
    from chronicle.nlp.quotes import antecedent_of

    if quote.speaker is None:
        return False
    if gold.speaker in GENERIC:
        return quote.speaker.label == gold.speaker
    texts = [quote.speaker.text, *(actors[i].name for i in quote.speaker_ids if i in actors)]
    antecedent = antecedent_of(doc, quote)
    if antecedent is not None:
        texts.append(antecedent.text)
    words = set().union(*(_words(t) for t in texts))
    return any(k.casefold() in words or k.casefold() in " ".join(texts).casefold() for k in gold.keys)


def _is_turn(text: str, gold: GoldQuote) -> bool:
    """Does the gold quote open right after a transcript label ("MR PRICE: ")?"""
    line_start = text.rfind("\n", 0, gold.start) + 1
    head = text[line_start:gold.start].rstrip()
    return head.endswith(":") and bool(_LABEL.match(head[:-1]))


def score(show: int = 0) -> dict[str, float] | None:
    if not GOLD.exists() or not NEWS.is_dir():
        return None
    from chronicle.nlp.actor_rules import STAGE_DIRECTIONS, TRANSCRIPT_LABELS
    from chronicle.pipeline import load_pipeline, process

    gold, articles = load_gold()
    texts = load_articles(set(articles))
    if len(texts) != len(articles):
        return None
    by_article: dict[str, list[GoldQuote]] = defaultdict(list)
    for g in gold:
        by_article[g.article].append(g)
    order = sorted(articles)
    n_pred: dict[str, Counter] = defaultdict(Counter)
    n_gold: dict[str, Counter] = defaultdict(Counter)
    tp_pred: dict[str, Counter] = defaultdict(Counter)
    tp_gold: dict[str, Counter] = defaultdict(Counter)
    strict = Counter()
    with_speaker = Counter()
    speaker_n = Counter()
    turns = turns_linked = 0
    label_actors: list[str] = []
    lines: dict[str, list[str]] = defaultdict(list)
    for article, doc in process(load_pipeline(), [texts[a] for a in order]):
        sl = articles[article.id]
        text = doc.text
        actors = {a.id: a for a in doc._.actors or ()}
        for actor in actors.values():
            folded = actor.name.casefold().strip("() .")
            last = folded.split()[-1] if folded.split() else folded
            twin = any(o is not actor and o.kind == "person" and not o.name.isupper()
                       and o.name.casefold().split()[-1:] == [last] for o in actors.values())
            if folded in TRANSCRIPT_LABELS.words or folded in STAGE_DIRECTIONS.words or (actor.name.isupper() and twin):
                label_actors.append(f"{article.id}: {actor.name}")
        preds = list(doc._.quotes or ())
        golds = by_article.get(article.id, [])
        for q in preds:
            n_pred[sl][q.kind] += 1
        for g in golds:
            n_gold[sl][g.kind] += 1
        pairs = []
        for pi, q in enumerate(preds):
            for gi, g in enumerate(golds):
                ov = max(0, min(q.content.end, g.end) - max(q.content.start, g.start))
                if ov * 2 >= g.end - g.start:
                    pairs.append((ov, pi, gi))
        matches = greedy_matches(pairs)
        used_p = {pi for pi, _ in matches}
        used_g = {gi for _, gi in matches}
        for pi, gi in matches:
            q, g = preds[pi], golds[gi]
            tp_pred[sl][q.kind] += 1
            tp_gold[sl][g.kind] += 1
            if same_span(text, (q.content.start, q.content.end), (g.start, g.end)):
                strict[sl] += 1
            speaker_n[sl] += 1
            if speaker_right(q, g, doc, actors):
                with_speaker[sl] += 1
            else:
                lines[f"{sl} wrong speakers"].append(
                    f"{article.id}: pred {q.speaker.text if q.speaker else None!r} "
                    f"{[actors[i].name for i in q.speaker_ids if i in actors]} gold {g.speaker!r} :: {q.content.text[:70]!r}")
            if g.speaker not in GENERIC and _is_turn(text, g):
                turns += 1
                names = [actors[i].name for i in q.speaker_ids if i in actors]
                if any(not n.isupper() and any(k.casefold() in n.casefold() for k in g.keys) for n in names):
                    turns_linked += 1
        for gi, g in enumerate(golds):
            if gi not in used_g:
                lines[f"{sl} missed gold"].append(f"{article.id} [{g.kind}] {g.speaker} :: {text[g.start:g.end][:100]!r}")
        for pi, q in enumerate(preds):
            if pi not in used_p:
                lines[f"{sl} unmatched predictions"].append(
                    f"{article.id} [{q.kind}/{q.rule}] {q.speaker.text if q.speaker else None!r} :: {q.content.text[:100]!r}")
    scores: dict[str, float] = {}
    for sl in SLICES:
        np_, ng = sum(n_pred[sl].values()), sum(n_gold[sl].values())
        tp = sum(tp_pred[sl].values())
        p, r, f = prf(tp, np_, ng)
        scores[f"{sl}_content_p"] = p
        scores[f"{sl}_content_r"] = r
        scores[f"{sl}_content_f1"] = f
        scores[f"{sl}_strict_f1"] = prf(strict[sl], np_, ng)[2]
        scores[f"{sl}_content_speaker_f1"] = prf(with_speaker[sl], np_, ng)[2]
        scores[f"{sl}_speaker_acc"] = with_speaker[sl] / speaker_n[sl] if speaker_n[sl] else 0.0
        n_articles = sum(1 for a in articles.values() if a == sl)
        print(f"news {sl}: {n_articles} articles, {ng} gold, {np_} predicted")
        print(f"{'kind':<10}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}")
        for kind in KINDS:
            kp, kr, kf = _kind_prf(tp_pred[sl][kind], n_pred[sl][kind], tp_gold[sl][kind], n_gold[sl][kind])
            scores[f"{sl}_{kind}_f1"] = kf
            print(f"{kind:<10}{n_gold[sl][kind]:>6}{n_pred[sl][kind]:>6}{kp:>7.3f}{kr:>7.3f}{kf:>7.3f}")
        print(f"{'all':<10}{ng:>6}{np_:>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    scores["turn_ids"] = turns_linked / turns if turns else 0.0
    scores["no_label_actors"] = 0.0 if label_actors else 1.0
    print(f"transcript turns of a named person pointing at that person's actor: {turns_linked}/{turns}")
    print(f"actors named by a transcript label or stage direction: {label_actors or 'none'}")
    if show:
        for title in ("dev missed gold", "dev unmatched predictions", "dev wrong speakers"):
            print(f"\n== {title} ({len(lines[title])}) ==")
            for line in lines[title][:show]:
                print("  " + line)
    return scores


def run() -> dict[str, float] | None:
    return score()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many misses, false positives and wrong speakers (dev)")
    args = parser.parse_args(argv)
    scores = score(show=args.show)
    if scores is None:
        print(f"news data or gold not found under {NEWS}")
        return 0
    for key, value in scores.items():
        print(f"{key:<32}{value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
