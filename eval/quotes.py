"""Quote and attribution extraction, scored on PolNeAR and the reference article.

``python -m eval quotes`` scores the ``dev`` split; ``python -m eval.quotes --split train``
scores another split and can print the misses (``--show``) for error analysis.

How PolNeAR is scored (see ``../shared/data/README.md`` for the format):

- Every ``E`` line with a Content is one gold attribution (speech, beliefs and
  intentions alike; PolNeAR does not tell them apart). Its content is the union of
  its (possibly discontinuous) Content spans; its speaker is its Source span(s),
  when there is one.
- Articles annotated by several annotators are scored against the *first* annotator
  named in ``metadata.tsv`` (so each article counts once; the union would double
  the gold for those articles). ``.ann`` files of other annotators are ignored.
- The whole text file (title line included) is run through the pipeline, so the
  brat offsets apply as they are.
- A predicted quote matches a gold attribution when its content span covers at
  least half of the gold content's characters. Pairs are matched one to one,
  greedily, largest overlap first. Precision = matched predictions / predictions;
  recall = matched gold / gold.
- Gold kind is not in PolNeAR: it is derived from the text with the same rule the
  component uses (:func:`chronicle.nlp.quote_marks.quote_kind`): ``direct`` when
  every letter or digit of the content is inside quote marks, ``mixed`` when some
  are, ``indirect`` when none are. Per-kind precision uses the predicted kind,
  per-kind recall the gold kind.
- **Strict** matching asks for the exact content span: a matched pair counts when the
  prediction and the gold content (from its first to its last character) are the same
  after trimming spaces, quote marks and punctuation at both ends (:func:`same_span`).
  ``strict_f1`` is the F1 of those pairs over all predictions and all gold.
- **Content + speaker**: a matched pair counts when its speaker is right (see below), or
  when the gold attribution has no Source; ``content_speaker_f1`` is their F1.
- ``--show`` also splits the misses by reason: ``cue found`` (a prediction's cue overlaps the
  gold Cue but its content covers under half of the gold content), ``other quote`` (a prediction
  with another cue overlaps the gold content), ``no cue`` (nothing overlaps it); and the matched
  pairs that are not strict by which end differs, listing them (``inexact matches``) with their rule.
- Speaker accuracy is over matched pairs whose gold attribution has a Source: the
  prediction is right when its speaker text overlaps a Source span, or when its
  speaker resolves to the same actor (its ``speaker_ids`` meet the actor at a
  Source span, or its pronoun antecedent overlaps a Source span). A Source that is
  a relative pronoun ("voters who said ...") stands for the noun the relative
  clause hangs from (by the parse; else the noun just before the pronoun), as a
  predicted pronoun stands for its antecedent.

The reference article (``../shared/seed``) is scored as the issue asks: a gold quote
is found when a predicted quote's content contains the gold ``contains`` text and
its speaker is right (the gold name, an alias, a ``speaker_alt``, the last name, or
an actor with that name; for a joint statement every member, or an accepted alt).
``seed_speaker_precision`` is the share of predicted quotes holding a gold quote
whose speaker is right (1.0 means no quote given to the wrong person).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eval.common import DATA, SEED, prf

NAME = "quotes"
KINDS = ("direct", "mixed", "indirect")
POLNEAR = DATA / "polnear"


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)

    @property
    def length(self) -> int:
        return sum(e - s for s, e in self.content)


@dataclass
class GoldDoc:
    name: str
    text: str
    published: str | None
    attributions: list[GoldAttribution]


def _spans(raw: str) -> list[tuple[int, int]]:
    out = []
    for part in raw.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return out


def read_ann(path: Path) -> list[GoldAttribution]:
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            label_spans = cols[1].split(" ", 1)
            if len(label_spans) == 2:
                try:
                    spans[cols[0]] = _spans(label_spans[1])
                except ValueError:
                    continue
        elif cols[0].startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in cols[1].split() if ":" in arg))
    out = []
    for args in events:
        if "Content" not in args or args["Content"] not in spans:
            continue
        out.append(
            GoldAttribution(
                content=spans[args["Content"]],
                source=spans.get(args.get("Source", ""), []),
                cue=spans.get(args.get("Cue", ""), []),
            )
        )
    return out


def load_split(split: str) -> list[GoldDoc] | None:
    folder = POLNEAR / split
    if not (folder / "text").is_dir():
        return None
    meta: dict[str, dict[str, str]] = {}
    meta_path = POLNEAR / "metadata.tsv"
    if meta_path.exists():
        with meta_path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                meta[row["filename"]] = row
    docs = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        name = text_path.stem
        row = meta.get(name, {})
        annotators = [a for a in row.get("annotators", "").split("|") if a]
        candidates = [folder / "attributions" / f"{name}_{a}.ann" for a in annotators]
        candidates += sorted((folder / "attributions").glob(f"{name}_*.ann"))
        ann = next((c for c in candidates if c.exists()), None)
        if ann is None:
            continue
        docs.append(
            GoldDoc(name, text_path.read_text(encoding="utf-8"), row.get("publication_date") or None, read_ann(ann))
        )
    return docs


SPAN_EDGES = " \t\n\"“”‘’'.,;:!?—–-()[]"


def greedy_matches(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """``(prediction, gold)`` index pairs matched one to one from ``(overlap, prediction, gold)``
    candidates, the largest overlap first."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, pi, gi in sorted(pairs, reverse=True):
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            out.append((pi, gi))
    return out


def match_attributions(preds: list, golds: list[GoldAttribution]) -> list[tuple[int, int]]:
    """``(prediction, gold)`` index pairs: a prediction matches a gold attribution whose content it
    covers at least half of, one to one, the largest overlap first."""
    pairs = [(ov, pi, gi) for pi, q in enumerate(preds) for gi, g in enumerate(golds)
             if g.length and (ov := _overlap((q.content.start, q.content.end), g.content)) * 2 >= g.length]
    return greedy_matches(pairs)


def same_span(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Are two spans the same words, ignoring spaces, quote marks and punctuation at their ends?"""
    def core(start: int, end: int) -> tuple[int, int]:
        while start < end and text[start] in SPAN_EDGES:
            start += 1
        while end > start and text[end - 1] in SPAN_EDGES:
            end -= 1
        return start, end

    return core(*a) == core(*b)


def _overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def speaker_right(quote, gold: GoldAttribution, doc) -> bool:
    from chronicle.nlp.actors import actor_at
    from chronicle.nlp.quotes import antecedent_of

    if quote.speaker is not None and _overlap((quote.speaker.start, quote.speaker.end), gold.source) > 0:
        return True
    ids = set(quote.speaker_ids)
    for s, e in gold.source:
        actor = actor_at(doc, s, e)
        if actor is not None and actor.id in ids:
            return True
    antecedent = antecedent_of(doc, quote)
    if antecedent is not None and _overlap((antecedent.start, antecedent.end), gold.source) > 0:
        return True
    # A gold Source that is a relative pronoun ("voters who said ...") stands for the noun it hangs from.
    for noun in _relative_antecedents(doc, gold.source):
        span = (noun.idx, noun.idx + len(noun.text))
        if quote.speaker is not None and _overlap((quote.speaker.start, quote.speaker.end), [span]) > 0:
            return True
        actor = actor_at(doc, *span)
        if actor is not None and actor.id in ids:
            return True
    return False


RELATIVE_PRONOUNS = ("who", "which", "that", "whom")


def _relative_antecedents(doc, source: list[tuple[int, int]]) -> list:
    found = []
    for s, e in source:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) != 1 or span[0].lower_ not in RELATIVE_PRONOUNS:
            continue
        tok = span[0]
        if tok.head.dep_ == "relcl" and tok.head.head.i < tok.i:
            found.append(tok.head.head)
            continue
        before = [t for t in doc[max(0, tok.i - 3):tok.i] if not (t.is_punct or t.is_space)]
        if before and before[-1].pos_ in ("NOUN", "PROPN"):
            found.append(before[-1])
    return found


def _parsed(gold_docs: list[GoldDoc], cache: Path | None):
    """(article, doc) pairs through the whole pipeline; with ``cache``, the parse before
    ``chronicle_quotes`` is kept on disk and only the quotes component reruns (error analysis)."""
    from chronicle.pipeline import load_pipeline, process
    from chronicle.records import Article

    articles = [Article(text=g.text, id=g.name, published=g.published) for g in gold_docs]
    if cache is None:
        yield from process(load_pipeline(), articles)
        return
    import pickle

    from spacy.tokens import Doc

    from chronicle.nlp.quotes import QuoteFinder

    nlp = load_pipeline(components=("chronicle_actors",))
    if cache.exists():
        stored = pickle.loads(cache.read_bytes())
    else:
        stored = [(doc.to_bytes(exclude=["user_data"]), dict(doc.user_data)) for _, doc in process(nlp, articles)]
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(stored))
    finder = QuoteFinder()
    for article, (raw, user_data) in zip(articles, stored):
        doc = Doc(nlp.vocab).from_bytes(raw, exclude=["user_data"])
        doc.user_data.update(user_data)
        yield article, finder(doc)


def score_docs(gold_docs: list[GoldDoc], show: int = 0, cache: Path | None = None) -> dict[str, float]:
    from chronicle.nlp.quote_marks import find_quotes, quote_kind, quoted_mask

    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    tp_pred: Counter[str] = Counter()
    tp_gold: Counter[str] = Counter()
    speaker_ok = speaker_n = strict_tp = with_speaker_tp = 0
    misses: list[str] = []
    reasons: Counter[str] = Counter()
    false_pos: list[str] = []
    wrong_speakers: list[str] = []
    inexact: list[str] = []
    for (article, doc), gold in zip(_parsed(gold_docs, cache), gold_docs):
        text = doc.text
        mask = quoted_mask(text, find_quotes(text))
        preds = list(doc._.quotes or ())
        gold_kinds = [_gold_kind(text, g, mask, quote_kind) for g in gold.attributions]
        for q in preds:
            n_pred[q.kind] += 1
        for k in gold_kinds:
            n_gold[k] += 1
        matches = match_attributions(preds, gold.attributions)
        used_p = {pi for pi, _ in matches}
        used_g = {gi for _, gi in matches}
        for pi, gi in matches:
            tp_pred[preds[pi].kind] += 1
            tp_gold[gold_kinds[gi]] += 1
            g = gold.attributions[gi]
            hull = (min(s for s, _ in g.content), max(e for _, e in g.content))
            if same_span(text, (preds[pi].content.start, preds[pi].content.end), hull):
                strict_tp += 1
            else:
                p_start, p_end = preds[pi].content.start, preds[pi].content.end
                start_differs = not same_span(text, (p_start, hull[1]), hull)
                end_differs = not same_span(text, (hull[0], p_end), hull)
                reasons["matched, start differs"] += start_differs
                reasons["matched, end differs"] += end_differs
                ends = "both ends" if start_differs and end_differs else ("start" if start_differs else "end")
                inexact.append(
                    f"{gold.name} [{preds[pi].rule}, {ends}] pred {text[p_start:p_end][:100]!r} "
                    f"gold {text[hull[0]:hull[1]][:100]!r}"
                )
            if not g.source:
                with_speaker_tp += 1
            if g.source:
                speaker_n += 1
                if speaker_right(preds[pi], g, doc):
                    speaker_ok += 1
                    with_speaker_tp += 1
                else:
                    wrong_speakers.append(
                        f"{gold.name}: pred {preds[pi].speaker.text if preds[pi].speaker else None!r} "
                        f"gold {' | '.join(text[s:e] for s, e in g.source)!r} :: {preds[pi].content.text[:80]!r}"
                    )
        for gi, g in enumerate(gold.attributions):
            if gi not in used_g:
                reasons[_miss_reason(preds, g)] += 1
                cue = " | ".join(text[s:e] for s, e in g.cue)
                content = " | ".join(text[s:e] for s, e in g.content)
                misses.append(f"{gold.name} [{gold_kinds[gi]}] cue={cue!r} :: {content[:100]!r}")
        for pi, q in enumerate(preds):
            if pi not in used_p:
                false_pos.append(
                    f"{gold.name} [{q.kind}/{q.rule}] cue={q.cue.text if q.cue else None!r} :: {q.content.text[:100]!r}"
                )
    scores: dict[str, float] = {}
    p, r, f = prf(sum(tp_pred.values()), sum(n_pred.values()), sum(n_gold.values()))
    # recall counts matched gold, precision matched predictions: the same number one to one.
    scores.update(content_p=p, content_r=r, content_f1=f)
    scores["speaker_acc"] = speaker_ok / speaker_n if speaker_n else 0.0
    scores["strict_f1"] = prf(strict_tp, sum(n_pred.values()), sum(n_gold.values()))[2]
    scores["content_speaker_f1"] = prf(with_speaker_tp, sum(n_pred.values()), sum(n_gold.values()))[2]
    print(f"PolNeAR: {len(gold_docs)} articles, {sum(n_gold.values())} gold, {sum(n_pred.values())} predicted")
    print(f"{'kind':<10}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}")
    for kind in KINDS:
        kp, kr, kf = _kind_prf(tp_pred[kind], n_pred[kind], tp_gold[kind], n_gold[kind])
        scores[f"{kind}_f1"] = kf
        print(f"{kind:<10}{n_gold[kind]:>6}{n_pred[kind]:>6}{kp:>7.3f}{kr:>7.3f}{kf:>7.3f}")
    print(f"{'all':<10}{sum(n_gold.values()):>6}{sum(n_pred.values()):>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    print(f"speaker accuracy on matched pairs with a gold source: {speaker_ok}/{speaker_n} = {scores['speaker_acc']:.3f}")
    print(f"strict (exact span) F1 {scores['strict_f1']:.3f}; content + speaker F1 {scores['content_speaker_f1']:.3f}")
    if show:
        print("misses and inexact matches by reason: " + ", ".join(f"{k} {n}" for k, n in sorted(reasons.items())))
        for title, lines in (
            ("missed gold", misses), ("unmatched predictions", false_pos), ("wrong speakers", wrong_speakers),
            ("inexact matches", inexact),
        ):
            print(f"\n== {title} ({len(lines)}) ==")
            for line in lines[:show]:
                print("  " + line)
    return scores


def _miss_reason(preds, g: GoldAttribution) -> str:
    """Why a gold attribution went unmatched: its cue was found (content too far off), another
    quote overlaps its content, or nothing points at it."""
    if any(q.cue is not None and _overlap((q.cue.start, q.cue.end), g.cue) > 0 for q in preds):
        return "missed, cue found"
    if any(_overlap((q.content.start, q.content.end), g.content) > 0 for q in preds):
        return "missed, other quote"
    return "missed, no cue"


def _kind_prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _gold_kind(text: str, g: GoldAttribution, mask: list[bool], quote_kind) -> str:
    kinds = {quote_kind(text, s, e, mask) for s, e in g.content}
    if kinds == {"direct"}:
        return "direct"
    if kinds == {"indirect"}:
        return "indirect"
    return "mixed"


# ---------------------------------------------------------------- reference article


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").lower().split())


def _names_ok(speaker_text: str, names: list[str]) -> bool:
    """The speaker text names this person: the full name, or the last name as a word."""
    text = _norm(speaker_text)
    words = set(text.replace(",", " ").split())
    for name in names:
        n = _norm(name)
        if n in text or n.split()[-1] in words:
            return True
    return False


def seed_speaker_right(quote, gold: dict, doc, names_by_person: dict[str, list[str]]) -> bool:
    """Is the quote's speaker the gold speaker (or an accepted alternative)?"""
    from chronicle.nlp.quotes import antecedent_of

    wanted = gold["speaker"] if isinstance(gold["speaker"], list) else [gold["speaker"]]
    alts = [_norm(a) for a in gold.get("speaker_alt", ())]
    actors = {a.id: a for a in doc._.actors or ()}
    if quote.speaker_ids and actors:
        got = {_norm(actors[i].name) for i in quote.speaker_ids if i in actors}
        if got and got == {_norm(w) for w in wanted}:
            return True
    if quote.speaker is None:
        return False
    if _norm(quote.speaker.text) in alts:
        return True
    texts = [quote.speaker.text]
    antecedent = antecedent_of(doc, quote)
    if antecedent is not None:
        texts.append(antecedent.text)
    for text in texts:
        if _norm(text) in alts:
            return True
        if all(_names_ok(text, names_by_person.get(w, [w])) for w in wanted):
            return True
    return False


def score_seed(nlp=None, verbose: bool = False) -> dict[str, float] | None:
    article_path, gold_path = SEED / "article.txt", SEED / "gold.json"
    if not (article_path.exists() and gold_path.exists()):
        return None
    from chronicle.pipeline import load_pipeline, make_doc
    from chronicle.records import Article

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    nlp = nlp or load_pipeline()
    article = Article(text=article_path.read_text(encoding="utf-8"), published=gold.get("published"))
    doc = nlp(make_doc(nlp, article))
    names_by_person = {p["name"]: [p["name"], *p.get("aliases", ())] for p in gold.get("people", ())}
    found = right = wrong = 0
    for g in gold["quotes"]:
        pos = _find(doc.text, g["contains"])
        holders = [q for q in doc._.quotes if pos and q.content.start <= pos[0] and pos[1] <= q.content.end]
        oks = [seed_speaker_right(q, g, doc, names_by_person) for q in holders]
        right += sum(oks)
        wrong += len(oks) - sum(oks)
        if any(oks):
            found += 1
        if verbose:
            status = "ok" if any(oks) else ("WRONG" if holders else "missed")
            spk = [q.speaker.text if q.speaker else None for q in holders]
            print(f"  seed {status:<6} {g['contains'][:45]!r:<50} speaker={spk}")
    return {
        "seed_found": float(found),
        "seed_speaker_precision": right / (right + wrong) if right + wrong else 0.0,
    }


def _find(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle)
    if at < 0:
        at = text.replace("’", "'").find(needle.replace("’", "'"))
    return (at, at + len(needle)) if at >= 0 else None


def run(split: str = "dev", show: int = 0, cache: Path | None = None, limit: int = 0) -> dict[str, float] | None:
    gold_docs = load_split(split)
    if gold_docs is None:
        return None
    if limit:
        gold_docs = gold_docs[:limit]
    scores = score_docs(gold_docs, show=show, cache=cache)
    seed = score_seed(verbose=True)
    if seed is not None:
        print(f"reference article: {int(seed['seed_found'])}/19 found with the right speaker; "
              f"speaker precision {seed['seed_speaker_precision']:.3f}")
        scores.update(seed)
    return scores


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--show", type=int, default=0, help="print this many misses, false positives and wrong speakers")
    parser.add_argument("--cache", type=Path, help="keep the parse here and rerun only chronicle_quotes (error analysis)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles of the split")
    args = parser.parse_args(argv)
    scores = run(args.split, show=args.show, cache=args.cache, limit=args.limit)
    if scores is None:
        print(f"PolNeAR {args.split} not found under {POLNEAR}")
        return 0
    for key, value in scores.items():
        print(f"{key:<24}{value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
