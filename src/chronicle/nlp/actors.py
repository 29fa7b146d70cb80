"""chronicle_actors: people, organisations, countries and places, joined per article."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from chronicle.records import Actor


@Language.factory("chronicle_actors")
def make_actors(nlp: Language, name: str) -> "ActorFinder":
    return ActorFinder()


class ActorFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = []
        return doc


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping chars [start, end), the longest overlap winning."""
    best, best_overlap = None, 0
    for actor in doc._.actors or ():
        for m in actor.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
    return best
