"""Golden-file tests: whole-article extraction of every example and the reference article.

A golden file holds the facts a reader checks (actors with roles, quotes with
speakers, events, resolved dates), not offsets or ids, so it reads as a review
of what chronicle says about the article. After an intended change, rewrite
them with ``CHRONICLE_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review
the diff like code.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from chronicle.readers import read_text_file
from chronicle.records import ArticleRecord

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
EXAMPLES = HERE.parent / "examples"
SEED = HERE.parent.parent / "shared" / "seed"
UPDATE = os.environ.get("CHRONICLE_UPDATE_GOLDEN") == "1"


def summary(record: ArticleRecord) -> dict:
    def names(ids):
        return sorted(record.actor(i).name for i in ids if record.actor(i) is not None)

    return {
        "title": record.article.title,
        "published": record.article.published,
        "actors": [
            {k: v for k, v in (("name", a.name), ("kind", a.kind), ("role", a.role), ("affiliation", a.affiliation), ("country", a.country)) if v}
            | {"mentions": sorted({m.text for m in a.mentions if m.label != "PRON"})}
            | ({"geo": f"{a.geo.name} ({a.geo.feature}, {a.geo.country}) {a.geo.latitude:.2f},{a.geo.longitude:.2f}"} if a.geo else {})
            for a in record.actors
        ],
        "quotes": [
            {"speaker": names(q.speaker_ids) or (q.speaker.text if q.speaker else None), "kind": q.kind, "content": q.content.text}
            for q in record.quotes
        ],
        "events": [
            {
                "type": e.type,
                "source": names(e.source_ids) or (e.source.text if e.source else None),
                "target": names(e.target_ids) or (e.target.text if e.target else None),
                "place": names(e.place_ids),
                "where": f"{record.actor(e.location_id).name} [{e.location_rule}]" if e.location_id else None,
                "date": e.date,
                "status": e.status,
                "trigger": e.trigger.text,
            }
            for e in record.events
        ],
        "dates": [{"text": d.text, "type": d.type, "value": d.value} for d in record.dates],
        "positions": [
            {
                "kind": p.kind,
                "holder": names(p.holder_ids) or (p.holder.text if p.holder else None),
                "speaker": names(p.speaker_ids) or (p.speaker.text if p.speaker else None),
                "topic": p.topic.text if p.topic else None,
                "topic_key": p.topic_key,
                "condition": p.condition.text if p.condition else None,
                "target": names(p.target_ids) or None,
                "date": p.date,
                "cue": p.cue.text,
                "quote": p.quote_id is not None,
                "event": next((e.type for e in record.events if e.id == p.event_id), None),
            }
            for p in record.positions
        ],
        "mediations": [
            {"mediators": names(m.mediator_ids), "between": names(m.party_ids), "cue": m.cue.text}
            for m in record.mediations
        ],
    }


def _published() -> dict[str, str]:
    with (EXAMPLES / "published.tsv").open(encoding="utf-8") as handle:
        return {row["file"]: row["published"] for row in csv.DictReader(handle, delimiter="\t")}


def _check(name: str, record: ArticleRecord) -> None:
    path = GOLDEN / f"{name}.json"
    got = summary(record)
    if UPDATE or not path.exists():
        if not UPDATE and os.environ.get("CI"):
            pytest.fail(f"golden file {path.name} is missing; create it with CHRONICLE_UPDATE_GOLDEN=1")
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    want = json.loads(path.read_text(encoding="utf-8"))
    for part in ("title", "published", "actors", "quotes", "events", "dates", "positions", "mediations"):
        assert got[part] == want[part], f"{name}: {part} differ from {path.name}"


@pytest.mark.parametrize("file", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_example_article(file, nlp):
    from chronicle.extraction import extract_many

    article = read_text_file(EXAMPLES / file, published=_published()[file])
    (record,) = extract_many([article])
    assert record.actors, "every example names actors"
    _check(Path(file).stem, record)


def test_reference_article(seed_record):
    _check("reference", seed_record)
