"""Score chronicle_events on real news: ``eval/gold/events_news.jsonl``.

The gold (see ``eval/gold/EVENTS_GUIDELINES.md``) codes every PLOVER event in a
window at the start of 69 articles drawn from ``../shared/data/news/`` by
``eval/events_news_select.py``: 59 form the dev slice, 10 the untouched slice,
which no rule was written against and whose errors are never printed. A second
batch of 16 articles (``"split": "dev2"``, the next ones of the same draw) was
annotated before the rules of the third round were written and is scored as its
own slice, errors unprinted, to tell whether rules written from dev errors carry
over to articles they were not written from. A third batch of 12 (``"dev3"``)
was annotated before the rules of the fourth round and is a dev slice: its
errors are printed with the dev slice's. A fourth batch of 22 (``"dev4"``) was
annotated before anyone looked at the pipeline's output on it and is blind like
dev2: scored, errors unprinted, to tell whether the fourth round's rules carry over.
A fifth batch of 22 (``"dev5"``, 108 events) was annotated the same way, after
the fifth round's rules (branch ``events14f``) had been written from dev2's and
dev4's errors, to tell which of those rules carry over. A sixth batch of 14
(``"dev6"``, 103 events) was annotated before chronicle was run on it and scored
once as it was before the seventh round (branch ``events15``) changed any rule:
that first score is the estimate of how the rules do on news they were not
written from. The seventh round's rules were then written from the errors of
dev2 to dev6 (``--errors-on dev2,dev3,dev4,dev5,dev6``), so since then only the
untouched slice is held out. A seventh batch of 14 (``"dev7"``, 108 events) was
annotated before chronicle was run on it, held out of every run while the eighth
round's rules (branch ``events21``) were written from dev to dev6, and scored once
with them: its errors are not printed unless asked for. An eighth batch of 14
(``"dev8"``, 81 events) was annotated before chronicle was run on it, scored once
with main's rules before the ninth round (branch ``events25``) changed any, and
then only in aggregate: its errors are never printed while rules are written. A ninth
batch of 14 (``"dev9"``, 100 events) was annotated the same way, blind (chronicle
neither run on it nor its output looked at), scored once as main was (``e1ee613``:
type F1 0.549, P 0.792, R 0.420; source F1 0.484; target F1 0.392) and then only
in aggregate. A tenth batch of 18 (``"dev10"``, 114 events) was annotated the same way, blind, scored once as main
was (``2484c75``: type F1 0.646, P 0.795, R 0.544; source F1 0.531; target F1 0.479) and then opened: the rules of
the thirteenth round (branch ``events35``) were written from its errors (``--errors-on dev10``). An eleventh batch
of 18 (``"dev11"``, 77 events) was annotated the same way, blind (branch ``events37``), scored once as main was
(``3f83f02``: type F1 0.460, P 0.722, R 0.338; source F1 0.442; target F1 0.372) and then opened: the rules of
the fourteenth round (branch ``events37``) were written from its errors (``--errors-on dev11``). A twelfth batch
of 18 (``"dev12"``, 119 events, 117 after a correction) was annotated the same way, blind (branch ``ev12``), scored
once as main was (``8146007``: type F1 0.547, P 0.817, R 0.412; source F1 0.469; target F1 0.391) and then opened:
the rules of the sixteenth round (branch ``ev12``) were written from its errors and dev11's. A thirteenth batch of
18 (``"dev13"``, 115 events) was annotated the same way, blind (branch ``ev13``), and scored once as main was
(``c09ce8f``: type F1 0.683, P 0.810, R 0.591; source F1 0.643, P 0.762, R 0.557; target F1 0.563, P 0.667, R 0.487;
status 67 of 68 matched, date 8 of 11); its errors have not been read.

A predicted event counts when its trigger lies in the annotated window. Gold
and predicted events are matched one to one, separately at three levels:

- ``type``: the predicted trigger lies in the gold event's sentence and the
  PLOVER type is the same;
- ``source``: also the source is right: a gold source wants a predicted source
  actor (or, with no actor, the source text unless a bare pronoun) of that name (one name's words contained in the
  other's: "Blinken" is "Antony J. Blinken"); a gold event with no source wants
  none; an optional one (``source_optional``) takes either;
- ``target``: the source and also the target, read the same way; for talks
  whose gold lists the same sides as source and target (every side a source),
  no predicted target is right too.

Each level reports P, R and F1 (``{slice}_{level}_p`` ...). ``status_acc`` is
the share of type-matched events whose status is the gold one (happened,
planned, threatened, hypothetical, denied; chronicle's ``promised`` reads as
planned); ``date_acc`` the share of type-matched events with a gold date whose
date is it (a predicted interval holding the gold day counts). ``status_correct`` and
``date_correct`` count those events: the untouched slice (29 matched events) has its floors on
these counts, because its shares move by 0.03 per event and fall whenever more events are found.

``python -m eval events_news`` prints the table; ``python -m eval.events_news
--tuning`` scores only the dev and dev3 slices; ``--errors`` lists misses and false alarms on the dev and dev3
slices, ``--blind-errors`` on dev2 and dev4, ``--errors-on dev5,dev6`` on the slices named (never the untouched
slice's); ``--cache DIR`` keeps each window's parse, actors, dates and quotes in DIR and reruns only
chronicle_events (for rule work: a change to another component needs a fresh DIR).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections import Counter
from pathlib import Path

from eval.common import DATA, ROOT, prf

NAME = "events_news"
GOLD = ROOT / "eval" / "gold" / "events_news.jsonl"
LEVELS = ("type", "source", "target")
STATUS_ALIASES = {"promised": "planned"}
# words a name shares with many others; a name made only of them is compared whole
GENERIC = {"the", "of", "and", "a", "an", "for", "mr", "ms", "mrs", "dr", "s"}
PRONOUNS = {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its",
            "they", "them", "their", "this", "that", "these", "those", "who", "which"}


def _words(name: str) -> frozenset[str]:
    name = name.lower().replace("u.s.", "united states").replace("’", "'")
    words = [w for w in re.findall(r"[\w\-]+", name) if w not in GENERIC and len(w) > 1]  # no initials
    return frozenset(words)


def _country(name: str) -> str | None:
    """The ISO code of a name that is a country's name or short form ("DPRK", "North Korea" → PRK), by
    chronicle's own country table; a name that is not a country's (a person, a body, a demonym) has none."""
    from chronicle.nlp.countries import country_code

    return country_code(name)


def names_match(gold: list[str], predicted: set[str]) -> bool:
    """Whether one gold name and one predicted name are the same: one's words hold the other's, or both name
    the same country (gold "DPRK" and "North Korea", "PRC" and "China"; symmetric)."""
    for g in gold:
        gw = _words(g)
        for p in predicted:
            pw = _words(p)
            if gw and pw and (gw <= pw or pw <= gw):
                return True
            code = _country(g)
            if code is not None and code == _country(p):
                return True
    return False


def _role_ok(gold: list[str], optional: bool, predicted: set[str]) -> bool:
    if not gold:
        return not predicted
    if optional and not predicted:
        return True
    return names_match(gold, predicted)


def _pred_names(actors: dict, ids, mention) -> set[str]:
    out = {actors[i].name for i in ids if i in actors}
    if not out and mention is not None and mention.text and mention.text.lower() not in PRONOUNS:
        out.add(mention.text)  # a described source ("the gunman"); a bare pronoun names no one
    return out


def _match(golds: list[dict], preds: list, ok) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: each gold event takes the nearest unused prediction ``ok`` allows."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(golds):
        options = [(abs(p.trigger.start - g["start"]), pi) for pi, p in enumerate(preds)
                   if pi not in used and ok(g, p)]
        if options:
            _, pi = min(options)
            used.add(pi)
            pairs.append((gi, pi))
    return pairs


def _load_articles(ids: set[str]) -> dict:
    from chronicle.readers.jsonl import read_jsonl

    out = {}
    for corpus in ("wikinews", "state_dept"):
        path = DATA / "news" / f"{corpus}.jsonl"
        if not path.exists():
            continue
        for item in read_jsonl(path):
            if item.ok and item.article.id in ids:
                out[item.article.id] = item.article
    return out


def _run(rows: list[dict], articles: dict, cache: Path | None = None) -> dict:
    """Each row's window through the pipeline; with ``cache``, the parse, actors, dates and quotes are kept on
    disk (one file per window) and only ``chronicle_events`` reruns: for rule work, not for scoring
    a change to another component."""
    from chronicle.pipeline import load_pipeline, make_doc

    nlp = load_pipeline()
    cut = [dataclasses.replace(articles[r["article"]], text=articles[r["article"]].text[: r["window"][1]])
           for r in rows]
    if cache is None:
        docs = nlp.pipe(make_doc(nlp, a) for a in cut)
        return {r["article"]: doc for r, doc in zip(rows, docs)}
    import hashlib
    import pickle

    from spacy.tokens import Doc

    early = load_pipeline(components=("chronicle_actors", "chronicle_dates", "chronicle_quotes"))
    cache.mkdir(parents=True, exist_ok=True)
    files = [cache / (hashlib.sha1(f"{a.id}\0{a.published}\0{a.text}".encode()).hexdigest() + ".pickle") for a in cut]
    todo = [(f, a) for f, a in zip(files, cut) if not f.exists()]
    for (f, _), doc in zip(todo, early.pipe(make_doc(early, a) for _, a in todo)):
        f.write_bytes(pickle.dumps((doc.to_bytes(exclude=["user_data"]), dict(doc.user_data))))
    events = nlp.get_pipe("chronicle_events")
    out = {}
    for r, f in zip(rows, files):
        raw, user_data = pickle.loads(f.read_bytes())
        doc = Doc(nlp.vocab).from_bytes(raw, exclude=["user_data"])
        doc.user_data.update(user_data)
        out[r["article"]] = events(doc)
    return out


def score(rows: list[dict], docs: dict, label: str, errors: bool = False) -> dict[str, float]:
    tp = {lv: 0 for lv in LEVELS}
    n_gold = n_pred = 0
    type_tp, type_pred, type_gold = Counter(), Counter(), Counter()
    status_n = status_ok = date_n = date_ok = 0
    for r in rows:
        doc = docs[r["article"]]
        actors = {a.id: a for a in doc._.actors or ()}
        lo, hi = r["window"]
        preds = [e for e in doc._.events or () if lo <= e.trigger.start < hi]
        golds = r["events"]
        n_gold += len(golds)
        n_pred += len(preds)
        type_pred.update(e.type for e in preds)
        type_gold.update(g["type"] for g in golds)

        def same_type(g, p):
            return p.type == g["type"] and g["sentence"][0] <= p.trigger.start < g["sentence"][1]

        def with_source(g, p):
            return same_type(g, p) and _role_ok(g["source"], g["source_optional"],
                                                _pred_names(actors, p.source_ids, p.source))

        def with_target(g, p):
            got = _pred_names(actors, p.target_ids, p.target)
            # talks where every side is a source ("Blinken and Yang discussed"): no target is also right
            symmetric = bool(g["target"]) and set(g["target"]) == set(g["source"])
            return with_source(g, p) and (symmetric and not got or _role_ok(g["target"], g["target_optional"], got))

        matched = {}
        for level, ok in zip(LEVELS, (same_type, with_source, with_target)):
            pairs = _match(golds, preds, ok)
            tp[level] += len(pairs)
            matched[level] = pairs
        for gi, pi in matched["type"]:
            g, p = golds[gi], preds[pi]
            type_tp[g["type"]] += 1
            status_n += 1
            status_ok += STATUS_ALIASES.get(p.status, p.status) == g["status"]
            if g.get("date"):
                date_n += 1
                date_ok += _date_ok(g["date"], p.date)
        if errors:
            _print_errors(r, doc, actors, golds, preds, matched)
    out = {}
    for level in LEVELS:
        p, rr, f = prf(tp[level], n_pred, n_gold)
        out.update({f"{label}_{level}_p": p, f"{label}_{level}_r": rr, f"{label}_{level}_f1": f})
    out[f"{label}_status_acc"] = status_ok / status_n if status_n else 0.0
    out[f"{label}_date_acc"] = date_ok / date_n if date_n else 0.0
    # counts too: on a small slice a share of *matched* events falls when recall rises (22/22 → 28/29)
    out[f"{label}_status_correct"] = float(status_ok)
    out[f"{label}_date_correct"] = float(date_ok)
    out[f"{label}_gold_events"] = float(n_gold)
    cells = []
    for t in sorted(set(type_gold) | set(type_pred)):
        p, rr, f = prf(type_tp[t], type_pred[t], type_gold[t])
        cells.append(f"{t} P {p:.2f} R {rr:.2f} F1 {f:.2f} ({type_tp[t]}/{type_pred[t]}/{type_gold[t]})")
    print(f"events_news {label} per type (tp/pred/gold): " + "; ".join(cells))
    return out


def _date_ok(gold: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    lo, _, hi = predicted.partition("/")
    if not hi and "T" in predicted:  # a time of day ("2020-09-25T02:00") lies in its day
        return predicted.split("T")[0] == gold
    return gold == predicted or (bool(hi) and lo <= gold <= hi)


def _print_errors(r, doc, actors, golds, preds, matched) -> None:
    text = doc.text
    got = {gi: pi for gi, pi in matched["type"]}
    full = {gi for gi, _ in matched["target"]}
    src = {gi for gi, _ in matched["source"]}
    for gi, g in enumerate(golds):
        sent = " ".join(text[g["sentence"][0]:g["sentence"][1]].split())[:160]
        if gi not in got:
            print(f"MISS  {r['article']} {g['type']:9} {g['trigger']!r:18} {g['status']:9} "
                  f"{g['source']} -> {g['target']} | {sent}")
            continue
        p = preds[got[gi]]
        notes = []
        if gi not in src:
            notes.append(f"source {sorted(_pred_names(actors, p.source_ids, p.source))} want {g['source']}")
        elif gi not in full:
            notes.append(f"target {sorted(_pred_names(actors, p.target_ids, p.target))} want {g['target']}")
        if STATUS_ALIASES.get(p.status, p.status) != g["status"]:
            notes.append(f"status {p.status} want {g['status']}")
        if g.get("date") and not _date_ok(g["date"], p.date):
            notes.append(f"date {p.date} want {g['date']}")
        if notes:
            print(f"PART  {r['article']} {g['type']:9} {g['trigger']!r:18} " + "; ".join(notes) + f" | {sent}")
    used = set(got.values())
    for pi, p in enumerate(preds):
        if pi not in used:
            sent = " ".join(p.sentence.text.split())[:160]
            print(f"FALSE {r['article']} {p.type:9} {p.trigger.text!r:18} {p.status:9} "
                  f"{sorted(_pred_names(actors, p.source_ids, p.source))} -> "
                  f"{sorted(_pred_names(actors, p.target_ids, p.target))} [{p.rule}] | {sent}")


BLIND = ("dev2", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13")  # slices no rule is written from by default; scored, errors unprinted
# slices annotated before chronicle was run on them and held out of every run until a round's rules are final
# (dev7 was held out through the eighth round, branch events21, then scored once)
HELD_OUT: tuple[str, ...] = ()
WRITTEN_FROM = ("dev", "dev3")  # the slices ``--errors`` prints


def run(errors: bool = False, untouched: bool = True, blind: bool = True,
        blind_errors: bool = False, errors_on: tuple[str, ...] = (), cache: Path | None = None) -> dict[str, float] | None:
    """Score every slice; ``untouched=False`` leaves out the untouched slice, ``blind=False`` the blind slices too
    (the slices rules are written from, dev and dev3, are all that runs while rules are written).

    ``errors`` prints the errors of dev and dev3, ``blind_errors`` those of dev2 and dev4, ``errors_on`` those
    of the slices it names (never the untouched slice's)."""
    if not GOLD.exists() or not (DATA / "news").exists():
        return None
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = _load_articles({r["article"] for r in rows})
    rows = [r for r in rows if r["article"] in articles and r["split"] not in HELD_OUT]
    if not rows:
        return None
    if not untouched or not blind:
        rows = [r for r in rows if r["split"] != "untouched"]
    if not blind:
        rows = [r for r in rows if r["split"] not in BLIND]
    docs = _run(rows, articles, cache)
    shown = set(errors_on) - {"untouched"}
    if errors:
        shown |= set(WRITTEN_FROM)
    if blind_errors:
        shown |= {"dev2", "dev4"}
    out = {}
    # dev, dev3: the slices rules were written from. dev2, dev4: annotated before the third and fifth rounds,
    # blind then, rules of later rounds written from their errors. dev5: blind to the fifth and sixth rounds.
    # dev6: annotated before the seventh round (branch events15) and scored once as is before it.
    # dev7: annotated before the eighth round (branch events21), held out of it and scored once with its final rules.
    # dev8: annotated before the ninth round (branch events25) without running chronicle on it, scored once as main
    # was, then only in aggregate while that round's rules were written: the estimate of held-out performance.
    # dev9: annotated blind after the ninth round, without running chronicle on it; scored once as main was, then
    # only in aggregate.
    # dev10: annotated blind (branch events35) like dev9, scored once as main was, then opened: rules of that
    # round were written from its errors (``--errors-on dev10``).
    # dev11: annotated blind (branch events37) like dev10, scored once as main was, then opened (``--errors-on dev11``).
    # dev12: annotated blind (branch ev12) like dev11, scored once as main was, then opened (``--errors-on dev12``).
    # dev13: annotated blind (branch ev13) like dev12, scored once as main was; its errors unread.
    for name in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                 "dev13"):
        if blind or name in WRITTEN_FROM:
            out.update(score([r for r in rows if r["split"] == name], docs, name, name in shown))
    if untouched and blind:
        out.update(score([r for r in rows if r["split"] == "untouched"], docs, "untouched", False))
    return out


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m eval.events_news")
    parser.add_argument("--errors", action="store_true", help="print errors on dev and dev3")
    parser.add_argument("--blind-errors", action="store_true", help="print errors on dev2 and dev4")
    parser.add_argument("--errors-on", default="", help="print errors on these slices (comma-separated)")
    parser.add_argument("--dev-only", action="store_true", help="leave out the untouched slice")
    parser.add_argument("--tuning", action="store_true", help="score only dev and dev3")
    parser.add_argument("--cache", type=Path, help="keep the parse, actors, dates and quotes here and rerun only chronicle_events")
    args = parser.parse_args()
    scores = run(errors=args.errors, untouched=not args.dev_only, blind=not args.tuning,
                 blind_errors=args.blind_errors, errors_on=tuple(x for x in args.errors_on.split(",") if x),
                 cache=args.cache)
    for k, v in (scores or {}).items():
        print(f"{k:28} {v:.3f}")
