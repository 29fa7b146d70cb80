"""Actors on the reference article: people, aliases, roles and affiliations, organisations, places.

Scores (fractions of the gold items in ../shared/seed/gold.json):
- people: gold people found as exactly one person actor with that name;
- aliases: gold aliases whose name part is among that actor's mentions (or is its role evidence,
  for aliases such as "Prime Minister Benjamin Netanyahu of Israel");
- roles: people whose role matches (one contains the other) and whose affiliation is the gold one;
- organisations / places: gold names found as actor names;
- person_precision: person actors that are gold people (no splits, no invented people).
"""

from __future__ import annotations

import json

from eval.common import SEED

NAME = "actors"


def _alias_found(alias: str, texts: set[str]) -> bool:
    core = alias.replace("Mr. ", "").replace("Sheikh ", "")
    return any(core == t or core.endswith(" " + t) or t.endswith(core) for t in texts)


def run() -> dict[str, float] | None:
    if not (SEED / "gold.json").exists():
        return None
    import chronicle

    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    record = chronicle.extract((SEED / "article.txt").read_text(encoding="utf-8"), published=gold["published"])
    people = [a for a in record.actors if a.kind == "person"]
    found = aliases = alias_total = roles = 0
    for person in gold["people"]:
        matches = [a for a in people if a.name == person["name"]]
        if len(matches) != 1:
            print(f"  person missing or split: {person['name']}")
            continue
        found += 1
        actor = matches[0]
        texts = {m.text for m in actor.mentions}
        if actor.role_evidence is not None:  # "Prime Minister Benjamin Netanyahu of Israel"
            texts.add(actor.role_evidence.text)
        for alias in person["aliases"]:
            alias_total += 1
            aliases += _alias_found(alias, texts)
        role = (actor.role or "").lower()
        if role and (role in person["role"].lower() or person["role"].lower() in role) and actor.affiliation == person["affiliation"]:
            roles += 1
        else:
            print(f"  role: {person['name']}: got {actor.role!r} / {actor.affiliation!r}, gold {person['role']!r} / {person['affiliation']!r}")
    names = {a.name for a in record.actors}
    orgs = {a.name for a in record.actors if a.kind == "organisation"}
    gold_people = {p["name"] for p in gold["people"]}
    return {
        "seed_people": found / len(gold["people"]),
        "seed_aliases": aliases / alias_total if alias_total else 1.0,
        "seed_roles": roles / len(gold["people"]),
        "seed_organisations": sum(o in orgs for o in gold["organizations"]) / len(gold["organizations"]),
        "seed_places": sum(p in names for p in gold["places"]) / len(gold["places"]),
        "seed_person_precision": sum(a.name in gold_people for a in people) / len(people) if people else 0.0,
    }


if __name__ == "__main__":
    for metric, score in (run() or {}).items():
        print(f"{metric}\t{score:.3f}")
