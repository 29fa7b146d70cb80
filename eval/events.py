"""Score chronicle_events on the seed article and on the hand-annotated dev set.

Seed (``../shared/seed/gold.json``, 16 events). A gold event is *found* by a
predicted event of the same type in the sentence holding the gold evidence
whose source actors include a gold source (by actor name or a gold alias).
- ``seed_type_source``: gold events found (count, out of 16);
- ``seed_type_source_target``: found with the right target too (a gold null
  target wants no target actor; a list wants any of its members);
- ``seed_dates``: share of found events with a gold date whose date is right;
- ``seed_dates_within``: the same, also counting a predicted interval
  ("2024-07-30/2024-07-31": the text allows either day) that holds the gold day;
- ``seed_p``: share of predicted events that match a gold event by type and
  sentence (the seed gold is sparse, so this is a floor on precision).

Dev (``eval/events_dev.jsonl``, sentences from PolNeAR train chosen and
annotated before tuning; see ``eval/events_dev_select.py``). Per sentence,
predicted and gold events are matched by type; ``dev_p``/``dev_r``/``dev_f1``
count those matches, ``dev_source_r`` also asks for overlapping source text.

Both score what chronicle reports as having happened, being planned, threatened,
promised or denied: events it codes as hypothetical ("could attack", "if there
were an attack") are left out, as they were before that status existed, since
these gold sets do not code them. For the same reason a nominal event with no
source ("the war", "the meeting got people talking", "arbitrary detention") is
left out: these two sets were annotated before the news guidelines
(``eval/gold/EVENTS_GUIDELINES.md``) made every mention of an event with an
unnamed doer an event, and code a nominal only with its doer.

``python -m eval events`` prints the table; ``python -m eval.events --errors``
lists misses and false alarms.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict

from eval.common import DATA, ROOT, SEED, polnear_published, prf

NAME = "events"
DEV = ROOT / "eval" / "events_dev.jsonl"
POLNEAR = DATA / "polnear"


def _names(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _aliases(gold: dict) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for person in gold.get("people", []):
        for name in [person["name"], *person.get("aliases", [])]:
            out[person["name"]].add(name.lower())
    return out


def _actor_names(record_actors: dict, ids) -> set[str]:
    return {record_actors[i].name.lower() for i in ids if i in record_actors}


def _matches(gold_names: list[str], pred: set[str], aliases: dict[str, set[str]]) -> bool:
    for name in gold_names:
        if ({name.lower()} | aliases.get(name, set())) & pred:
            return True
    return False


def _coded_here(event) -> bool:
    """What these gold sets code: not a hypothetical, not a nominal with no source (see the module's doc)."""
    return event.status != "hypothetical" and not (event.source is None and event.rule.startswith(NOMINAL_RULES))


NOMINAL_RULES = ("nominal",)  # Event.rule of a nominal frame (with suffixes such as "+parties")


def _run_pipeline(texts: list[tuple[str, str | None]]):
    from chronicle.pipeline import load_pipeline, make_doc
    from chronicle.records import Article

    nlp = load_pipeline()
    docs = [make_doc(nlp, Article(text=t, published=p)) for t, p in texts]
    return list(nlp.pipe(docs))


def score_seed(errors: bool = False) -> dict[str, float] | None:
    gold_path, text_path = SEED / "gold.json", SEED / "article.txt"
    if not gold_path.exists() or not text_path.exists():
        return None
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = text_path.read_text(encoding="utf-8")
    (doc,) = _run_pipeline([(text, gold.get("published"))])
    actors = {a.id: a for a in doc._.actors or ()}
    aliases = _aliases(gold)
    events = [e for e in doc._.events or () if _coded_here(e)]
    used: set[str] = set()
    found = found_target = dated = dated_right = dated_within = 0
    by_type_gold, by_type_tp = Counter(), Counter()
    for g in gold["events"]:
        by_type_gold[g["type"]] += 1
        at = text.find(g["evidence"])
        span = (at, at + len(g["evidence"])) if at >= 0 else (-1, -1)
        same = [e for e in events if e.type == g["type"] and e.id not in used
                and e.sentence.start < span[1] and span[0] < e.sentence.end]
        if same:
            by_type_tp[g["type"]] += 1
        hit = None
        for e in same:
            if _matches(_names(g["source"]), _actor_names(actors, e.source_ids), aliases):
                hit = e
                break
        status = "MISS"
        if hit is not None:
            used.add(hit.id)
            found += 1
            want = _names(g.get("target"))
            got = _actor_names(actors, hit.target_ids)
            target_ok = (not want and not got) or (bool(want) and _matches(want, got, aliases))
            found_target += target_ok
            if g.get("date"):
                dated += 1
                dated_right += hit.date == g["date"]
                dated_within += _within(g["date"], hit.date)
            status = f"found{'' if target_ok else ' (target wrong)'}{'' if not g.get('date') or hit.date == g['date'] else f' (date {hit.date})'}"
        if errors:
            print(f"seed {g['type']:9} {status:30} {g['evidence'][:60]}")
    matched_pred = sum(
        1 for e in events
        if any(g["type"] == e.type and (at := text.find(g["evidence"])) >= 0
               and e.sentence.start < at + len(g["evidence"]) and at < e.sentence.end for g in gold["events"])
    )
    by_type_pred = Counter(e.type for e in events)
    if errors:
        for e in events:
            print(f"pred {e.id:4} {e.type:9} {e.status:10} {e.date} {e.trigger.text!r} "
                  f"{sorted(_actor_names(actors, e.source_ids))} -> {sorted(_actor_names(actors, e.target_ids))}")
    _print_per_type("seed", by_type_tp, by_type_pred, by_type_gold)
    return {
        "seed_type_source": float(found),
        "seed_type_source_target": float(found_target),
        "seed_dates": dated_right / dated if dated else 0.0,
        "seed_dates_within": dated_within / dated if dated else 0.0,
        "seed_p": matched_pred / len(events) if events else 0.0,
    }


def _within(gold: str, predicted: str | None) -> bool:
    """The gold day equals the predicted date or lies in its interval ("2024-07-30/2024-07-31")."""
    if not predicted:
        return False
    lo, _, hi = predicted.partition("/")
    return gold == predicted or (bool(hi) and lo <= gold <= hi)


def _overlap(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    wa = {w.strip(".,'\"’").lower() for w in a.split()}
    wb = {w.strip(".,'\"’").lower() for w in b.split()}
    return bool(wa & wb - {"the", "a", "of", "and"})


def score_dev(errors: bool = False) -> dict[str, float] | None:
    text_dir = POLNEAR / "train" / "text"
    if not DEV.exists() or not text_dir.exists():
        return None
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    published = polnear_published()
    files = sorted({r["file"] for r in rows})
    texts = [(text_dir / f).read_text(encoding="utf-8") for f in files]
    docs = dict(zip(files, _run_pipeline([(t, published.get(f)) for f, t in zip(files, texts)])))
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    source_tp = 0
    for r in rows:
        doc = docs[r["file"]]
        preds = [e for e in doc._.events or () if r["start"] <= e.trigger.start < r["end"] and _coded_here(e)]
        golds = list(r["events"])
        for e in preds:
            n_pred[e.type] += 1
        for g in golds:
            n_gold[g["type"]] += 1
        remaining = list(preds)
        for g in golds:
            same = [e for e in remaining if e.type == g["type"]]
            if not same:
                if errors:
                    print(f"MISS  {g['type']:9} {g['trigger']!r:28} {r['text_head']}")
                continue
            best = next((e for e in same if _overlap(e.source.text if e.source else None, g["source"])), same[0])
            remaining.remove(best)
            tp[g["type"]] += 1
            source_tp += _overlap(best.source.text if best.source else None, g["source"])
        if errors:
            for e in remaining:
                print(f"FALSE {e.type:9} {e.trigger.text!r:28} {r['text_head']}")
    _print_per_type("dev", tp, n_pred, n_gold)
    p, r_, f = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {"dev_p": p, "dev_r": r_, "dev_f1": f,
            "dev_source_r": source_tp / sum(n_gold.values()) if n_gold else 0.0,
            "dev_sentences": float(len(rows))}


def _print_per_type(label: str, tp: Counter, n_pred: Counter, n_gold: Counter) -> None:
    types = sorted(set(n_pred) | set(n_gold))
    cells = []
    for t in types:
        p, r, _ = prf(tp[t], n_pred[t], n_gold[t])
        cells.append(f"{t} P {p:.2f} ({tp[t]}/{n_pred[t]}) R {r:.2f} ({tp[t]}/{n_gold[t]})")
    print(f"events {label} per type: " + "; ".join(cells))


def run(errors: bool = False) -> dict[str, float] | None:
    seed = score_seed(errors)
    dev = score_dev(errors)
    if seed is None and dev is None:
        return None
    return {**(seed or {}), **(dev or {})}


if __name__ == "__main__":
    print(run(errors="--errors" in sys.argv[1:]))
