"""Corpus-wide actor identity: one id per real actor, and no junk among the top actors.

Builds one store from the real news in ``../shared/data/news/`` (State Department releases and
Wikinews) and PolNeAR train + dev, then scores it against two gold files written by hand from an
ingest made before corpus-level resolution (``eval/gold/ACTORS_GUIDELINES.md``):

- ``eval/gold/actor_identity.tsv``: real actors and the surface names that mean them.
  ``entities_one_id`` is the share of those found that carry exactly one corpus id;
  ``ids_per_actor`` the mean number of ids (goal 1.0, lower is better, no floor);
  ``main_id_share`` the share of their article appearances that land on their most used id;
  ``no_merge`` is 1 minus the share of ids that carry two gold actors (goal 1.0).
- ``eval/gold/actor_identity_added.tsv``: people added after the rules they test were written
  (round 10), scored apart as ``added_*``: a regression check of those classes, not an estimate.
- ``eval/gold/top_actors.tsv``: the top 100 actors (by articles) labelled real or junk;
  ``top100_real`` is the share labelled real. A top-100 actor without a label counts as not real
  and is printed so it can be judged. ``state_top100_real`` and ``state_top100_junk`` judge the
  top 100 of the State Department releases alone (counted on their articles in the same store),
  where faults common only in releases ("Kyiv" as a person, a letter's "Dear Tony") rise. A junk
  count is lower-better: no floor (floors are minimums); the real share holds it up.

The store takes a few minutes to build on two cores. ``CHRONICLE_EVAL_STORE=PATH`` keeps it in PATH
and reuses it when it exists (for working on the scorer; delete it after changing the pipeline).
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from eval.common import DATA, ROOT, polnear_published

NAME = "corpus_actors"
GOLD = ROOT / "eval" / "gold"
TOP = 100


def norm(name: str) -> str:
    """The guidelines' matching key: case, NFKC, curly apostrophes, "the", possessives and dots ignored."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").casefold()
    text = " ".join(text.split())
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"'s?$", "", text).replace(".", "")
    return " ".join(text.split())


def corpus_of(article_id: str) -> str:
    if article_id.startswith("state:"):
        return "state"
    if article_id.startswith("wikinews:"):
        return "wikinews"
    return "polnear"


def read_identity(path: Path = GOLD / "actor_identity.tsv") -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entity, kind, corpus, forms = line.split("\t")
        out.append({"entity": entity, "kind": kind, "corpus": corpus,
                    "forms": {norm(f) for f in forms.split("|")}})
    return out


def read_labels(path: Path = GOLD / "top_actors.tsv") -> dict[tuple[str, str], str]:
    out = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, label, *_ = line.split("\t")
        out[(name, kind)] = label
    return out


def score_identity(rows: list[tuple[str, str, str, str]], gold: list[dict]) -> dict[str, float]:
    """``rows``: (article_id, actor_id, name, kind) per article actor."""
    carriers: dict[str, Counter] = {g["entity"]: Counter() for g in gold}
    by_form: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for g in gold:
        for form in g["forms"]:
            by_form[(form, g["kind"])].append(g)
    for article_id, actor_id, name, kind in rows:
        corpus = corpus_of(article_id)
        for k in ("person", "organisation"):
            # A gold person's name tagged as an organisation still carries the person (and the
            # other way round): kind errors are the resolver's to fix, not a reason to look away.
            for g in by_form.get((norm(name), k), ()):
                if g["corpus"] in ("all", corpus):
                    carriers[g["entity"]][actor_id] += 1
    found = {e: c for e, c in carriers.items() if c}
    owners: dict[str, set[str]] = defaultdict(set)
    for entity, ids in found.items():
        for actor_id in ids:
            owners[actor_id].add(entity)
    merged = {i: e for i, e in owners.items() if len(e) > 1}
    for entity, ids in sorted(found.items()):
        if len(ids) > 1:
            print(f"  split: {entity}: {len(ids)} ids {dict(ids.most_common(4))}")
    for actor_id, entities in merged.items():
        print(f"  merged: {actor_id} carries {sorted(entities)}")
    for entity in sorted(set(carriers) - set(found)):
        print(f"  absent: {entity}")
    n = len(found) or 1
    total = sum(sum(c.values()) for c in found.values()) or 1
    return {
        "entities_found": float(len(found)),
        "entities_one_id": sum(len(c) == 1 for c in found.values()) / n,
        "ids_per_actor": sum(len(c) for c in found.values()) / n,
        # the same, as a share that a floor can hold up (floors are minimums): 1 / ids per actor
        "actors_per_id": n / (sum(len(c) for c in found.values()) or 1),
        "main_id_share": sum(c.most_common(1)[0][1] for c in found.values()) / total,
        "no_merge": 1 - len(merged) / (len(owners) or 1),
    }


def score_top(top: list[tuple[str, str, int]], labels: dict[tuple[str, str], str], prefix: str = "") -> dict[str, float]:
    real = junk = 0
    where = f"{prefix.rstrip('_')} " if prefix else ""
    for name, kind, n in top:
        label = labels.get((name, kind))
        if label == "real":
            real += 1
        elif label == "junk":
            junk += 1
            print(f"  junk in {where}top {TOP}: {name!r} ({kind}, {n} articles)")
        else:
            print(f"  unjudged in {where}top {TOP}: {name!r}\t{kind}\t{n}")
    return {f"{prefix}top100_real": real / (len(top) or 1), f"{prefix}top100_junk": float(junk)}


# The top actors by articles, over the articles whose ids the WHERE clause keeps.
TOP_SQL = ("SELECT a.name, a.kind, count(DISTINCT aa.article_id) AS n FROM actors a "
           "JOIN article_actors aa ON aa.actor_id = a.id {where} GROUP BY a.id, a.name, a.kind "
           "ORDER BY n DESC, a.name LIMIT ?")


def build_store(path: Path) -> None:
    import chronicle

    news = DATA / "news"
    inputs = [p for p in (news / "state_dept.jsonl", news / "wikinews.jsonl") if p.exists()]
    inputs += [DATA / "polnear" / split / "text" for split in ("train", "dev") if (DATA / "polnear" / split / "text").exists()]
    with chronicle.Corpus(path) as corpus:
        corpus.ingest(inputs, dates=polnear_published())


def run() -> dict[str, float] | None:
    if not (DATA / "news" / "state_dept.jsonl").exists():
        return None
    import duckdb

    keep = os.environ.get("CHRONICLE_EVAL_STORE")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(keep) if keep else Path(tmp) / "corpus.duckdb"
        if not path.exists():
            build_store(path)
        con = duckdb.connect(str(path), read_only=True)
        try:
            rows = con.execute("SELECT article_id, actor_id, name, kind FROM article_actors").fetchall()
            top = con.execute(TOP_SQL.format(where=""), [TOP]).fetchall()
            # the releases alone (corpus_of: their ids start "state:"), from the same store
            state_top = con.execute(TOP_SQL.format(where="WHERE starts_with(aa.article_id, 'state:')"), [TOP]).fetchall()
        finally:
            con.close()
    scores = score_identity(rows, read_identity())
    print("  (added after their rules: actor_identity_added.tsv)")
    added = score_identity(rows, read_identity(GOLD / "actor_identity_added.tsv"))
    scores.update({f"added_{k}": v for k, v in added.items() if k in ("entities_found", "actors_per_id", "no_merge")})
    labels = read_labels()
    scores.update(score_top(top, labels))
    scores.update(score_top(state_top, labels, "state_"))
    return scores


if __name__ == "__main__":
    for metric, value in (run() or {}).items():
        print(f"{metric}\t{value:.3f}")
