"""Score chronicle_positions: the reference article's negotiation and a news dev set.

Seed (``../shared/seed/gold.json``, block ``negotiation``): ``seed_found`` counts the 13 gold
positions matched by a system position of the same kind whose holders share a name with the
gold holder (one to one); ``seed_threats`` the same for the three threats; ``seed_mediators``
how many of the gold mediators some mediation names; ``seed_mediations`` how many of the gold
mediation relations a system relation matches (a mediator and a party of each side in common).

News (``eval/gold/positions_news.tsv``, guidelines in ``eval/gold/positions_guidelines.md``):
167 positions in 20 articles of five negotiation threads, annotated before any rule was run on
them; the ``untouched`` slice (6 articles) is never tuned on and its errors are never printed.
The ``dev2`` slice (50 positions in 10 more articles: Brexit and the Northern Ireland Protocol,
Iran's nuclear and missile programmes and the Gulf) was annotated later, again before any rule
was written for it, and is scored as its own slice.
A system position matches a gold one when the kinds are equal, a holder matches (names with the
same words one way or the other, or the same country) and its evidence sentence overlaps the
gold evidence; one to one. ``{slice}_p/_r/_f1`` score holder+kind, ``{slice}_kind_f1`` kind
alone (same overlap). ``{slice}_purity``: over matched positions, grouped by the system's
``topic_key``, the share that carry their group's majority gold topic label (1.0 means no
topic key joins two gold topics); ``{slice}_keys_per_topic`` how many system keys one gold
topic is split into on average (1.0 means every gold topic is one key), and ``{slice}_topic_join``
its inverse (higher is better, so a floor can hold it). Mediation relations
(``eval/gold/mediation_news.tsv``) are scored for recall over both slices: a system relation in
the same sentence naming one gold mediator.

``python -m eval positions`` prints the table; ``python -m eval.positions --errors`` lists
the dev slice's misses and false alarms.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict

from eval.common import DATA, ROOT, SEED, prf
from eval.events_news import names_match

NAME = "positions"
GOLD = ROOT / "eval" / "gold" / "positions_news.tsv"
MEDIATION_GOLD = ROOT / "eval" / "gold" / "mediation_news.tsv"
NEWS = ("wikinews.jsonl", "state_dept.jsonl")
SLICES = ("dev", "dev2", "untouched")


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _holder_names(record, p) -> set[str]:
    names = {record.actor(i).name for i in (*p.holder_ids, *p.speaker_ids) if record.actor(i) is not None}
    if not names and p.holder is not None:
        names.add(p.holder.text)
    return names


def _holder_codes(record, p) -> set[str]:
    return {record.actor(i).country for i in p.holder_ids if record.actor(i) is not None and record.actor(i).country}


def holder_ok(record, p, gold: list[str]) -> bool:
    from chronicle.nlp.countries import country_code

    if names_match(gold, _holder_names(record, p)):
        return True
    codes = {country_code(g) for g in gold} - {None}
    return bool(codes & _holder_codes(record, p))


def _seed() -> dict[str, float] | None:
    path = SEED / "gold.json"
    if not path.exists():
        return None
    import chronicle

    gold = json.loads(path.read_text(encoding="utf-8"))
    neg = gold["negotiation"]
    record = chronicle.extract((SEED / "article.txt").read_text(encoding="utf-8"), published=gold["published"])
    scores: dict[str, float] = {}
    for name, items in (("seed_found", neg["positions"]), ("seed_threats", neg["threats"])):
        pool = list(record.positions)
        found = 0
        for g in items:
            hit = next((p for p in pool if p.kind == g["kind"] and holder_ok(record, p, _as_list(g["holder"]))), None)
            if hit is not None:
                pool.remove(hit)
                found += 1
        scores[name] = found
    names = lambda ids: {record.actor(i).name for i in ids if record.actor(i) is not None}  # noqa: E731
    mediators = set().union(set(), *(names(m.mediator_ids) for m in record.mediations))
    scores["seed_mediators"] = sum(names_match([m], mediators) for m in neg["mediators"])
    scores["seed_mediations"] = sum(
        any(names_match(g["mediator"], names(m.mediator_ids)) and names_match(g["between"], names(m.party_ids))
            for m in record.mediations)
        for g in neg["mediation"]
    )
    return scores


def _gold_rows() -> list[dict]:
    with GOLD.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for r in rows:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
        r["holders"] = r["holder"].split("|")
    return rows


def _records(ids: set[str]) -> dict:
    from chronicle.extraction import extract_many
    from chronicle.readers.jsonl import read_jsonl

    articles = []
    for name in NEWS:
        path = DATA / "news" / name
        for item in read_jsonl(path):
            if item.ok and item.article.id in ids:
                articles.append(item.article)
    return {r.article.id: r for r in extract_many(articles)}


def _overlaps(p, g) -> bool:
    return p.evidence.start < g["end"] and g["start"] < p.evidence.end


def match(record, gold: list[dict], with_holder: bool = True) -> list[tuple[dict, object]]:
    pool = list(record.positions)
    pairs = []
    for g in gold:
        hit = next((p for p in pool if p.kind == g["kind"] and _overlaps(p, g)
                    and (not with_holder or holder_ok(record, p, g["holders"]))), None)
        if hit is not None:
            pool.remove(hit)
            pairs.append((g, hit))
    return pairs


def purity(pairs: list[tuple[dict, object]]) -> tuple[float, float]:
    """Share of matched positions carrying their system key's majority gold topic; and the
    mean number of system keys one gold topic is spread over."""
    by_key: dict[str, Counter] = defaultdict(Counter)
    keys_of: dict[str, set] = defaultdict(set)
    for g, p in pairs:
        by_key[p.topic_key][g["topic_group"]] += 1
        keys_of[g["topic_group"]].add(p.topic_key)
    total = sum(sum(c.values()) for c in by_key.values())
    pure = sum(max(c.values()) for c in by_key.values())
    spread = sum(len(k) for k in keys_of.values()) / len(keys_of) if keys_of else 0.0
    return (pure / total if total else 0.0), spread


def _news(errors: bool = False) -> dict[str, float] | None:
    if not GOLD.exists() or not (DATA / "news" / NEWS[0]).exists():
        return None
    rows = _gold_rows()
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_article[r["article"]].append(r)
    records = _records(set(by_article))
    scores: dict[str, float] = {}
    for slice_ in SLICES:
        arts = sorted({r["article"] for r in rows if r["slice"] == slice_})
        tp = tp_kind = n_pred = n_gold = 0
        pairs_all = []
        for a in arts:
            record = records.get(a)
            gold = by_article[a]
            n_gold += len(gold)
            if record is None:
                continue
            n_pred += len(record.positions)
            pairs = match(record, gold)
            pairs_all.extend(pairs)
            tp += len(pairs)
            tp_kind += len(match(record, gold, with_holder=False))
            if errors and slice_ != "untouched":
                _print_errors(record, gold, pairs)
        p, r, f = prf(tp, n_pred, n_gold)
        scores.update({f"{slice_}_p": p, f"{slice_}_r": r, f"{slice_}_f1": f,
                       f"{slice_}_kind_f1": prf(tp_kind, n_pred, n_gold)[2], f"{slice_}_gold": float(n_gold)})
        scores[f"{slice_}_purity"], scores[f"{slice_}_keys_per_topic"] = purity(pairs_all)
        # the same spread read so that higher is better (a floor can hold it): 1.0 = one key per topic
        spread = scores[f"{slice_}_keys_per_topic"]
        scores[f"{slice_}_topic_join"] = 1.0 / spread if spread else 0.0
    if MEDIATION_GOLD.exists():
        with MEDIATION_GOLD.open(encoding="utf-8") as handle:
            med = list(csv.DictReader(handle, delimiter="\t"))
        found = 0
        for g in med:
            record = records.get(g["article"])
            if record is None:
                continue
            start, end = int(g["start"]), int(g["end"])
            for m in record.mediations:
                names = {record.actor(i).name for i in m.mediator_ids if record.actor(i) is not None}
                if m.evidence.start < end and start < m.evidence.end and names_match(g["mediators"].split("|"), names):
                    found += 1
                    break
        scores["mediation_r"] = found / len(med) if med else 0.0
    return scores


def _print_errors(record, gold, pairs) -> None:
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {p.id for _, p in pairs}
    text = record.article.text
    for g in gold:
        if id(g) not in matched_g:
            print(f"MISS  {record.article.id} {g['kind']:<10} {g['holder'][:30]:<30} | {g['evidence'][:90]}")
    for p in record.positions:
        if p.id not in matched_p:
            holders = ",".join(sorted(_holder_names(record, p)))[:30]
            print(f"FALSE {record.article.id} {p.kind:<10} {holders:<30} | {text[p.cue.start:p.cue.end]} "
                  f"| {p.evidence.text[:80]}")


def run(errors: bool = False) -> dict[str, float] | None:
    seed = _seed()
    news = _news(errors)
    if seed is None and news is None:
        return None
    return {**(seed or {}), **(news or {})}


if __name__ == "__main__":
    result = run(errors="--errors" in sys.argv)
    for key, value in (result or {}).items():
        print(f"{key}\t{value:.3f}")
