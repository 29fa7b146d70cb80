"""Corpus-wide actor identity: which stored actor an article's person or organisation is.

Articles resolve their own mentions ("Antony J. Blinken" … "Blinken" … "he"); this module joins
actors across articles when their records are stored, so one real actor keeps one id:

- **Name keys** (:mod:`chronicle.store.names`): titles, honorifics, initials, case, accents,
  possessives and organisation variants do not split a name. A person and an organisation with
  one key are one actor whose kind is decided by the votes of every article (the model tags many
  surnames ORG); countries, places and groups keep their name + country ids.
- **Surnames**: an article that names a person only by surname ("MR PRICE:", "Blinken said")
  joins the one full-name person with that surname, or the one that outnumbers the others
  ``DOMINANCE`` to one, unless their countries disagree. With no such person it becomes a
  surname actor; the first full name with that surname later *adopts* it (the id stays).
- **Short forms**: an organisation's acronym seen joined to its full name in an article ("the
  United Nations (UN)") points to the full name from then on; a stored acronym-only actor is
  merged into it.
- **Stable ids**: an actor's id never changes. A merge keeps the surviving id, rewrites every
  row, and records the old id in ``actor_merges`` so a link to it still resolves.

Everything runs inside the writer's transaction, with one lookup per batch, so ingest cost does
not grow with the corpus.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from chronicle.store.db import duckdb

from chronicle.errors import CorpusError
from chronicle.store import actorwords, byactor, stats
from chronicle.store.names import (
    agent_key,
    rules_fingerprint,
    fold,
    is_acronym,
    kind_class,
    party_of,
    surname,
    surname_of,
    without_title,
)

# How far the most written-about person with a surname must outnumber the next before a
# surname-only mention is taken to mean them ("Clinton" in 2016 news: Hillary, not Bill).
DOMINANCE = 4

# Two people of one surname written about this many years apart: a surname-only mention means the
# one written about near its own day ("Carson" in 2016 campaign news is not the official of that
# name in 2022 releases), and a surname actor joins only a person of its own period.
YEARS_APART = 3

# A first name alone ("Thanks, Jake.") means a person only when few people of the corpus have it:
# "Bill" (38 people in the team's corpus) stays apart, "Humeyra" or "Jake" (5) does not.
GIVEN_NAME_CARRIERS = 5

# Joins a batch decides (a surname actor or an acronym-only actor is the person or organisation
# the corpus now shows it to be) wait in meta, ``{drop: keep}``, and are made together at the end
# of the run (or once this many wait): each join rewrites rows in seven tables, and its statements
# cost more than the rest of resolution (1,917 State Department releases: 22 of 30 batches joined).
# Every lookup sees them made (_JOINED_ACTORS), so the batches decide as if they were.
MERGES_KEY = "merges_pending"
MERGES_AT_ONCE = 512
BATCH_JOIN_REASON = "joined by the corpus: an acronym or a surname"
# The waiting joins as the table ``m`` (old -> new), from the named parameters ``olds`` and ``news``:
# their drops and keeps.
_WAITING = "m AS (SELECT unnest($olds::VARCHAR[]) AS old, unnest($news::VARCHAR[]) AS new)"
# A stored actor as it is once the waiting joins are made (``m``), for the ids
# ``{ids}``: the kept actor's kind, country and stored flag, the votes and period of all it takes
# in (a kind decided again by the votes, as merge_many's refresh decides it, when it takes any).
_JOINED_ACTORS = (
    "SELECT t.new AS id, CASE WHEN count(*) = 1 THEN any_value(a.kind) "
    "WHEN any_value(a.kind) FILTER (WHERE m.old IS NULL) NOT IN ('person', 'organisation') "
    "THEN any_value(a.kind) FILTER (WHERE m.old IS NULL) "
    "WHEN sum(coalesce(a.n_organisation, 0)) > sum(coalesce(a.n_person, 0)) THEN 'organisation' ELSE 'person' END AS kind, "
    "sum(coalesce(a.n_person, 0) + coalesce(a.n_organisation, 0)) AS n, any_value(a.country) FILTER (WHERE m.old IS NULL) "
    "AS country, min(a.first_day) AS first_day, max(a.last_day) AS last_day, bool_or(m.old IS NULL) AS stored "
    "FROM actors a JOIN (SELECT DISTINCT id, id AS new FROM ({ids}) i(id) UNION ALL SELECT m.old, m.new FROM m "
    "WHERE m.new IN ({ids})) t ON a.id = t.id LEFT JOIN m ON m.old = a.id GROUP BY 1"
)

# Row layouts of chronicle.store.writer.record_rows (column positions used here).
AA_ARTICLE, AA_LOCAL, AA_ACTOR, AA_NAME, AA_KIND, AA_COUNTRY, AA_GEO_NAME, AA_GEO_RULE = 0, 1, 2, 3, 4, 5, 12, 20
# The gazetteer's rule for a name it matched to its only place of that name, no well-known one
# (chronicle.nlp.places): such a place, foreign to its article, may be a surname (below).
LITTLE_PLACE_RULE = "only"
# A place the gazetteer does not know, named like a person's surname ("Blinken" tagged GPE), is
# that person when the corpus names them at least this often (and dominantly, as for surnames).
SURNAME_PLACE_EVIDENCE = 3
M_ARTICLE, M_LOCAL, M_ACTOR, M_TEXT, M_LABEL = 0, 1, 3, 6, 7
Q_IDS, Q_LOCAL_IDS = 9, 10
E_IDS, E_LOCAL_IDS = (8, 9, 10), (11, 12, 13)


def agent_id(key: str) -> str:
    """The id a person or organisation gets when its key is first stored."""
    return "A" + hashlib.sha256(f"agent|{key}".encode("utf-8")).hexdigest()[:15]


def agent_id_sql(col: str) -> str:
    """SQL: :func:`agent_id` of the key ``col`` (DuckDB's sha256 of its UTF-8 bytes, hex, lower case)."""
    return f"('A' || substr(sha256('agent|' || {col}), 1, 15))"


@dataclass
class _Batch:
    """What one batch adds: names to register, votes to count, actors touched, merges to do."""

    names: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)  # key -> (id, surname, written)
    name_counts: Counter = field(default_factory=Counter)
    votes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    first: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)  # id -> (key, name, country)
    merges: list[tuple[str, str]] = field(default_factory=list)  # (keep, drop)
    written: dict[str, str] = field(default_factory=dict)  # key -> a prose form seen in this batch


class ActorResolver:
    """Resolves the person and organisation actors of a batch of rows to corpus actors."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    # -- lookups (one query per batch) ---------------------------------------
    def _lookup(self, keys: Iterable[str], surnames: Iterable[str]) -> tuple[dict[str, str], dict[str, dict[str, int]]]:
        """``({key: actor}, {surname: {person actor: votes}})`` for the batch's keys and surnames, as
        the store holds them once the waiting joins are made; one statement, since each costs more
        than the rows it reads (30 batches of 1,917 releases: two lookups 0.47 s, one 0.31 s)."""
        keys, surnames = sorted(set(keys)), sorted(set(surnames))
        if not keys and not surnames:
            return {}, {}
        # the names met by key (by_key) and those met by surname, each with the actor it names
        hit = ("SELECT n.key, n.surname, {actor} AS actor, true AS by_key FROM actor_names n "
               "JOIN (SELECT unnest($keys::VARCHAR[]) AS key) q ON n.key = q.key {waiting} WHERE n.class = 'agent' "
               "UNION ALL SELECT DISTINCT NULL, n.surname, {actor}, false FROM actor_names n "
               "JOIN (SELECT unnest($surnames::VARCHAR[]) AS s) q ON n.surname = q.s {waiting} WHERE n.class = 'agent'")
        params: dict[str, Any] = {"keys": keys, "surnames": surnames}
        if not self._pending:  # the plain join costs less than the joined actors' aggregate
            rows = self.con.execute(
                f"WITH hit AS ({hit.format(actor='n.actor_id', waiting='')}) SELECT hit.key, hit.surname, hit.by_key, "
                "hit.actor, a.kind, coalesce(a.n_person, 0) + coalesce(a.n_organisation, 0), a.country, a.first_day, "
                "a.last_day, a.id IS NOT NULL FROM hit LEFT JOIN actors a ON a.id = hit.actor", params,
            ).fetchall()
        else:
            params.update(olds=list(self._pending), news=list(self._pending.values()))
            rows = self.con.execute(
                f"WITH {_WAITING}, hit AS "
                f"({hit.format(actor='coalesce(m.new, n.actor_id)', waiting='LEFT JOIN m ON m.old = n.actor_id')}) "
                "SELECT hit.key, hit.surname, hit.by_key, hit.actor, a.kind, a.n, a.country, a.first_day, a.last_day, "
                f"coalesce(a.stored, false) FROM hit LEFT JOIN ({_JOINED_ACTORS.format(ids='SELECT actor FROM hit')}) a "
                "ON a.id = hit.actor", params,
            ).fetchall()
        known: dict[str, str] = {}
        people: dict[str, dict[str, int]] = defaultdict(dict)
        for key, last, by_key, actor, kind, n, country, first, last_day, stored in rows:
            if stored:
                self._stored_ids.add(actor)
                self._periods[actor] = (first, last_day)
            if by_key:
                known[key] = actor
                self._kinds[actor] = kind
                self._votes[actor] = n
                self._periods.setdefault(actor, (first, last_day))
            elif stored and kind == "person":  # a person's name with this surname
                people[last][actor] = n
                self._countries[actor] = country
        return known, people

    # -- the batch -----------------------------------------------------------
    def resolve(self, tables: dict[str, list[tuple]], days: dict[str, date | None] | None = None) -> list[str]:
        """Rewrite the batch's actor ids in place and store what it teaches; returns touched ids.

        ``tables`` are the rows of :func:`chronicle.store.writer.record_rows` for a batch; the
        person and organisation rows of ``tables["actors"]`` are replaced by this module's.
        ``days`` gives each article's day (``YEARS_APART``); without it periods are not compared.
        """
        days = days or {}
        # joins earlier batches decided and the end of the run makes: lookups see them made
        self._pending = pending_merges(self.con)
        self._periods: dict[str, tuple[date | None, date | None]] = {}
        self._countries: dict[str, str | None] = {}
        self._kinds: dict[str, str | None] = {}
        self._stored_ids: set[str] = set()  # the stored actors the lookups met
        self._votes: dict[str, int] = {}
        article_actors = tables["article_actors"]
        mention_texts: dict[tuple[str, str], list[str]] = defaultdict(list)
        for m in tables["mentions"]:
            if m[M_LABEL] != "PRON":
                mention_texts[(m[M_ARTICLE], m[M_LOCAL])].append(m[M_TEXT])
        agents = [i for i, row in enumerate(article_actors) if kind_class(row[AA_KIND]) == "agent"]
        keys = {i: agent_key(article_actors[i][AA_NAME]) for i in agents}
        # A group that stands for a party ("Republicans", "Democratic") is that party's actor.
        parties: dict[int, str] = {}
        for i, row in enumerate(article_actors):
            party = party_of(row[AA_NAME], row[AA_COUNTRY]) if row[AA_KIND] == "group" else None
            if party is not None:
                keys[i], parties[i] = party
                agents.append(i)
        linked_groups = {article_actors[i][AA_ACTOR] for i in parties}
        acronyms = {
            i: {fold(t) for t in mention_texts[(article_actors[i][AA_ARTICLE], article_actors[i][AA_LOCAL])]
                if is_acronym(t) and fold(t) != keys[i]}
            for i in agents if article_actors[i][AA_KIND] == "organisation"
        }
        surnames = {i: surname_of(article_actors[i][AA_NAME]) for i in agents if i not in parties}
        shorts = {i: _without_middle_names(keys[i], surnames[i][0]) for i in surnames}
        # A person's or organisation's name the model tagged a place ("Barack Obama", "E.U."):
        # the place row is the agent when the corpus knows that name as one (checked below).
        places = {i: agent_key(row[AA_NAME]) for i, row in enumerate(article_actors) if row[AA_KIND] == "place"}
        unknown = {i for i in places if len(article_actors[i]) > AA_GEO_NAME and article_actors[i][AA_GEO_NAME] is None}
        # A place the gazetteer knows only as a little place of that name (its rule "only": no well-known
        # place, no capital, no context chose it), the one of its country in an article whose other
        # places and countries are of another ("Obama", Japan, in US campaign news): a surname as well,
        # decided as an unknown place's is. "Austin", "Carson, Calif." (well-known places) stay places.
        region = Counter((row[AA_ARTICLE], row[AA_COUNTRY]) for row in article_actors
                         if row[AA_KIND] in ("country", "place") and row[AA_COUNTRY])
        countries_in = Counter(a for a, _c in region)
        foreign = {i for i in places if i not in unknown and len(article_actors[i]) > AA_GEO_RULE
                   and article_actors[i][AA_GEO_RULE] == LITTLE_PLACE_RULE and article_actors[i][AA_COUNTRY]
                   and region[(article_actors[i][AA_ARTICLE], article_actors[i][AA_COUNTRY])] == 1
                   and countries_in[article_actors[i][AA_ARTICLE]] > 1}
        lone_places = {i: k for i, k in places.items() if (i in unknown or i in foreign)
                       and len(k.split()) == 1 and not is_acronym(article_actors[i][AA_NAME])}
        places = {i: k for i, k in places.items()
                  if len(k.split()) >= 2 or is_acronym(article_actors[i][AA_NAME]) or i in unknown}
        wanted = {s for s, _ in surnames.values() if s} | set(lone_places.values())
        known, people = self._lookup([*keys.values(), *(a for s in acronyms.values() for a in s), *wanted,
                                      *(s for s in shorts.values() if s), *places.values()], wanted)
        self._stored_keys = set(known)
        batch = _Batch()
        resolved: dict[tuple[str, str], str] = {}
        for i in agents:
            row = article_actors[i]
            written, titled = without_title(row[AA_NAME])
            key, country = keys[i], row[AA_COUNTRY]
            kind = "person" if titled else row[AA_KIND]  # "Spokesperson Ned Price" tagged ORG is a person
            if i in parties:
                written, kind = parties[i], "organisation"
            last, alone = surnames.get(i, (None, False))
            day = days.get(row[AA_ARTICLE])
            if alone and kind == "organisation" and self._surname_tagged_org(key, last, country, written, known, people, day):
                kind = "person"
            actor = self._resolve_one(key, kind, country, written, known, people, batch, last, alone, shorts.get(i), day)
            for acronym in acronyms.get(i, ()):
                other = known.get(acronym)
                if other is None:
                    known[acronym] = actor
                    batch.names[acronym] = (actor, None, acronym.upper())
                elif other != actor and other == agent_id(acronym):
                    batch.merges.append((actor, other))  # a stored acronym-only actor is this one
                    known[acronym] = actor
            batch.votes[actor][kind] += 1
            batch.name_counts[key] += 1
            if key not in batch.written or batch.written[key].isupper():
                batch.written[key] = written
            resolved[(row[AA_ARTICLE], row[AA_LOCAL])] = actor
        mislabelled = set()
        for i, key in places.items():
            actor, row = known.get(key), article_actors[i]
            # an acronym is an organisation's; a full name a person's; a name the gazetteer does
            # not know ("United Nations", "Hamas" tagged GPE) an organisation's as well
            wanted_kinds = {"organisation"} if is_acronym(row[AA_NAME]) else (
                {"person", "organisation"} if i in unknown else {"person"})
            if len(key.split()) == 1 and not is_acronym(row[AA_NAME]):
                wanted_kinds.discard("person")  # a lone word is a surname: the rule below decides
            if actor is not None and self._kinds.get(actor) in wanted_kinds:
                resolved[(row[AA_ARTICLE], row[AA_LOCAL])] = actor
                mislabelled.add(row[AA_ACTOR])
        for i, key in lone_places.items():
            row = article_actors[i]
            day = days.get(row[AA_ARTICLE])
            chosen = _well_known(people.get(key, {}), None, self._countries, (day, day), self._periods)
            if chosen is not None:
                resolved[(row[AA_ARTICLE], row[AA_LOCAL])] = chosen
                mislabelled.add(row[AA_ACTOR])
        merges = {drop: keep for keep, drop in batch.merges if keep != drop}
        if merges:  # rows of this batch that went to a merged actor follow it too
            resolved = {k: merges.get(v, v) for k, v in resolved.items()}
            for drop, keep in merges.items():
                batch.votes[keep].update(batch.votes.pop(drop, Counter()))
                batch.first.pop(drop, None)
                batch.names = {k: ((keep, *v[1:]) if v[0] == drop else v) for k, v in batch.names.items()}
        self._rewrite(tables, resolved)
        if linked_groups or mislabelled:
            # a stored group or place row goes only when no row of the batch still points at it
            gone = (linked_groups | mislabelled) - {r[AA_ACTOR] for r in tables["article_actors"]}
            tables["actors"] = [r for r in tables["actors"] if r[0] not in gone]
        self._store(batch)
        kept = defer_merges(self.con, self._pending, merges)
        touched = list(dict.fromkeys([*batch.votes, *kept]))
        if touched:  # a join adds the dropped actor's votes: the kind is decided again
            refresh(self.con, touched, kinds=bool(kept))
        return list(batch.votes)

    def _surname_tagged_org(self, key: str, last: str | None, country: str | None, written: str,
                            known: dict[str, str], people: dict[str, dict[str, int]], day: date | None) -> bool:
        """Whether a one-word organisation ("Rubio" tagged ORG) is the surname of a person the corpus
        knows well: named at least ``SURNAME_PLACE_EVIDENCE`` times, dominantly among that surname's
        people, and more than any organisation already stored under the word ("Fox" the network
        stays an organisation where the corpus has written about it more than about Vicente Fox)."""
        if is_acronym(written):
            return False
        candidates = people.get(last or key, {})
        chosen = _well_known(candidates, country, self._countries, (day, day), self._periods)
        if chosen is None:
            return False
        stored = known.get(key)
        if stored is None or stored in candidates or self._kinds.get(stored) == "person":
            return True
        return _outnumbers(candidates[chosen], self._votes.get(stored, 0))

    def _resolve_one(self, key, kind, country, written, known, people, batch: _Batch,
                     last: str | None, single: bool, short: str | None, day: date | None) -> str:
        if single and kind == "person":
            stored = known.get(key)
            candidates = people.get(last or key, {})  # "al-Assad": the surname "assad", not its key
            if stored is not None and (stored in candidates or stored != agent_id(key)):
                return stored  # an adopted surname, or a name an analyst or a merge placed
            chosen = _choose(candidates, country, self._countries, (day, day), self._periods)
            if chosen is not None:
                if stored is not None and _near(self._periods.get(stored), self._periods.get(chosen)):
                    # A surname actor stored before ("Blinken" alone, or "Lund" tagged ORG) that the
                    # corpus now shows to be this person. Merged here, not left to the end of the
                    # run: reconcile asks more of an organisation, and the result would then depend
                    # on the order articles arrive in (a Ray load against a local ingest).
                    batch.merges.append((chosen, stored))
                    known[key] = chosen
                return chosen
        if key in known:
            return known[key]
        if short and kind == "person" and self._kinds.get(known.get(short)) == "person":
            # "Hillary Rodham Clinton" is the "Hillary Clinton" the corpus knows.
            actor = known[short]
            known[key] = actor
            batch.names[key] = (actor, last, written)
            return actor
        actor = agent_id(key)
        last = last if not single else None
        if last and kind == "person":
            # A surname actor stored before any full name is this person, when no other full
            # name with that surname is known: it is adopted and keeps its id. Only a person:
            # "Rakhine State" does not adopt the organisation "State".
            lone = known.get(last)
            if lone == agent_id(last) and not people.get(last) and self._kinds.get(lone, "person") == "person":
                actor = lone
            people.setdefault(last, {})[actor] = people.get(last, {}).get(actor, 0) + 1
            self._countries.setdefault(actor, country)
            self._periods.setdefault(actor, (day, day))
        known[key] = actor
        self._kinds.setdefault(actor, kind)
        batch.names[key] = (actor, last if kind == "person" else None, written)
        batch.first.setdefault(actor, (key, written, country))
        return actor

    def _rewrite(self, tables: dict[str, list[tuple]], resolved: dict[tuple[str, str], str]) -> None:
        get = resolved.get  # a row is rebuilt only when an id of it changes: most keep theirs

        def swap(rows: list[tuple], pos: int, article: int, local: int) -> list[tuple]:
            # one comprehension: a batch's mentions are tens of thousands of rows
            return [r if (new := get((r[article], r[local]))) is None or new == r[pos] else (*r[:pos], new, *r[pos + 1:])
                    for r in rows]

        tables["article_actors"] = swap(tables["article_actors"], AA_ACTOR, AA_ARTICLE, AA_LOCAL)
        tables["mentions"] = swap(tables["mentions"], M_ACTOR, M_ARTICLE, M_LOCAL)

        def ids(article: str, locals_: Sequence[str], current: Sequence[str]) -> Sequence[str]:
            return [get((article, loc), cur) for loc, cur in zip(locals_, current)] if locals_ else current

        tables["quotes"] = [
            (*r[:Q_IDS], ids(r[0], r[Q_LOCAL_IDS], r[Q_IDS]), *r[Q_IDS + 1:]) if r[Q_LOCAL_IDS] else r
            for r in tables["quotes"]
        ]
        events = []
        for r in tables["events"]:
            if any(r[local_pos] for local_pos in E_LOCAL_IDS):
                r = list(r)
                for pos, local_pos in zip(E_IDS, E_LOCAL_IDS):
                    r[pos] = ids(r[0], r[local_pos], r[pos])
                r = tuple(r)
            events.append(r)
        tables["events"] = events
        tables["actors"] = [r for r in tables["actors"] if kind_class(r[3]) != "agent"]

    def _store(self, batch: _Batch) -> None:
        """Each table in one statement: new actors and the votes of every touched one (an upsert),
        new names and how often each was written (an upsert)."""
        con = self.con
        # Names: new keys, and the stored keys this batch wrote (a surname the batch gave to a
        # person, "Blinken" → Antony J. Blinken, is no name row of its own: it is decided again).
        keys = [*batch.names, *(k for k in batch.name_counts if k in self._stored_keys and k not in batch.names)]
        if keys:
            blank = ("", None, "")
            # A heading's capitals ("ANTONY J. BLINKEN") give way to the name as prose writes it.
            # (each name's first word with it, and a name that gives way takes its first word along)
            prose = "actor_names.name = upper(actor_names.name) AND excluded.name <> upper(excluded.name)"
            con.execute(
                "INSERT INTO actor_names (key, class, actor_id, surname, name, n, source, first_word) "
                f"SELECT k, 'agent', a, s, w, n, 'ingest', {first_word_sql('w')} FROM (SELECT unnest(?::VARCHAR[]) AS k, "
                "unnest(?::VARCHAR[]) AS a, unnest(?::VARCHAR[]) AS s, unnest(?::VARCHAR[]) AS w, unnest(?::INTEGER[]) AS n) "
                f"ON CONFLICT (key, class) DO UPDATE SET n = actor_names.n + excluded.n, "
                f"name = CASE WHEN {prose} THEN excluded.name ELSE actor_names.name END, "
                f"first_word = CASE WHEN {prose} THEN excluded.first_word ELSE actor_names.first_word END",
                [keys, [batch.names.get(k, blank)[0] for k in keys], [batch.names.get(k, blank)[1] for k in keys],
                 [batch.written.get(k) or batch.names.get(k, blank)[2] for k in keys],
                 [batch.name_counts.get(k, 0) for k in keys]],
            )
        # An id neither new nor stored (merged away in this batch) is never created. Every stored
        # id the batch touches came from a lookup, so no pass over the actors table is needed.
        touched = [i for i in dict.fromkeys([*batch.first, *batch.votes]) if i in batch.first or i in self._stored_ids]
        if touched:
            # Votes and the kind they decide (refresh's kind rule, inlined); a new actor is
            # inserted with them.
            first = [batch.first.get(i) for i in touched]
            cast = [batch.votes.get(i, Counter()) for i in touched]  # get: votes is a defaultdict
            p, o = [c["person"] for c in cast], [c["organisation"] for c in cast]
            con.execute(
                "INSERT INTO actors (id, key, name, kind, country, n_person, n_organisation) "
                "SELECT q.id, q.key, q.name, CASE WHEN q.o > q.p THEN 'organisation' ELSE 'person' END, q.country, "
                "q.p, q.o FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS key, "
                "unnest(?::VARCHAR[]) AS name, unnest(?::VARCHAR[]) AS country, unnest(?::INTEGER[]) AS p, "
                "unnest(?::INTEGER[]) AS o) q "
                "ON CONFLICT (id) DO UPDATE SET n_person = coalesce(actors.n_person, 0) + excluded.n_person, "
                "n_organisation = coalesce(actors.n_organisation, 0) + excluded.n_organisation, "
                "kind = CASE WHEN actors.kind NOT IN ('person', 'organisation') THEN actors.kind "
                "WHEN coalesce(actors.n_organisation, 0) + excluded.n_organisation > "
                "coalesce(actors.n_person, 0) + excluded.n_person THEN 'organisation' ELSE 'person' END",
                [touched, [f"{f[0]}|agent" if f else i for f, i in zip(first, touched)],
                 [f[1] if f else i for f, i in zip(first, touched)], [f[2] if f else None for f in first],
                 p, o],
            )
            # (the names index is marked by the refresh that follows: resolve refreshes every id it votes for)


def _without_middle_names(key: str, last: str | None) -> str | None:
    """A person's key with only the first name and the surname, when it has more between them."""
    words = key.split()
    if not last or len(words) < 3 or " ".join(words[-len(last.split()):]) != last:
        return None
    return f"{words[0]} {last}"


Period = tuple[date | None, date | None]


def _near(a: Period | None, b: Period | None) -> bool:
    """Whether two periods (first day, last day) come within ``YEARS_APART`` of each other (an
    unknown period is near every other)."""
    if a is None or b is None or None in a or None in b:
        return True
    gap = timedelta(days=365 * YEARS_APART)
    return a[0] - gap <= b[1] and b[0] - gap <= a[1]


def _choose(candidates: dict[str, int], country: str | None, countries: dict[str, str | None],
            when: Period | None = None, periods: dict[str, Period] | None = None) -> str | None:
    """The person a surname-only mention means, when the corpus makes that unambiguous: among
    the people of its country (or none) and of its period (``when``), the only one, or the one
    who outnumbers the next ``DOMINANCE`` to one."""
    if country:
        candidates = {a: n for a, n in candidates.items() if countries.get(a) in (None, country)}
    if when is not None and periods:
        candidates = {a: n for a, n in candidates.items() if _near(periods.get(a), when)}
    if not candidates:
        return None
    ranked = sorted(candidates.items(), key=lambda x: -x[1])
    if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * max(ranked[1][1], 1):
        return ranked[0][0]
    return None


def _well_known(candidates: dict[str, int], country: str | None, countries: dict[str, str | None],
                when: Period | None = None, periods: dict[str, Period] | None = None) -> str | None:
    """The person a surname the model mislabelled (ORG, an unknown place) means: the one
    :func:`_choose` picks, when the corpus names them at least ``SURNAME_PLACE_EVIDENCE`` times."""
    chosen = _choose(candidates, country, countries, when, periods)
    return chosen if chosen is not None and candidates[chosen] >= SURNAME_PLACE_EVIDENCE else None


def _outnumbers(person: int, organisation: int) -> bool:
    """Whether a person's votes outnumber those of an organisation stored under their surname
    ``DOMINANCE`` to one."""
    return organisation * DOMINANCE <= person


def refresh(con: duckdb.DuckDBPyConnection, ids: Sequence[str], *, kinds: bool = True) -> None:
    """Kind by the articles' votes; the display name is the most used full name, unless fixed."""
    # Joins on the touched ids (not a scan of every actor), so the cost follows the batch.
    if kinds:
        con.execute(
            "UPDATE actors SET kind = CASE WHEN coalesce(n_organisation, 0) > coalesce(n_person, 0) "
            "THEN 'organisation' ELSE 'person' END FROM (SELECT unnest(?::VARCHAR[]) AS id) q "
            "WHERE actors.id = q.id AND actors.kind IN ('person', 'organisation')",
            [list(ids)],
        )
    con.execute(
        "UPDATE actors SET name = best.name FROM ("
        # ties go to the longer name, then the last in order, not to the order rows were read in
        "  SELECT n.actor_id, arg_max(n.name, ((len(string_split(n.key, ' ')) >= 2)::BIGINT * 1000000000 + n.n, "
        "length(n.name), n.name)) AS name"
        "  FROM actor_names n JOIN (SELECT unnest(?::VARCHAR[]) AS id) q ON n.actor_id = q.id"
        "  WHERE n.class = 'agent' GROUP BY n.actor_id"
        ") best WHERE actors.id = best.actor_id AND NOT coalesce(actors.name_fixed, false)",
        [list(ids)],
    )
    actorwords.touch(con, ids)


def _vote(name: str | None, kind: str) -> str | None:
    """The kind vote a stored article actor row cast, as :class:`ActorResolver` cast it: a titled
    name ("Judge Ana Costa" tagged ORG) voted person; a group row on a person's or organisation's
    actor (a party's members) organisation; a country or place none."""
    if kind == "person" or (kind_class(kind) == "agent" and without_title(name or "")[1]):
        return "person"
    return "organisation" if kind in ("organisation", "group") else None


def forget(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> None:
    """Take back the kind votes of articles about to be replaced (``--update``, a new version).

    A group row on a person's or organisation's actor is a party's members ("Republicans"),
    which voted organisation.
    """
    # The votes as ActorResolver cast them (_vote), and how often each name was written (one per
    # agent row, a party's group row under the party's key). Reloading a run, or a new version,
    # so no longer counts anything twice.
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    written: Counter = Counter()
    for actor_id, name, kind, country in con.execute(
        "SELECT actor_id, name, kind, country FROM article_actors WHERE list_contains(?, article_id)",
        [list(article_ids)],
    ).fetchall():
        party = party_of(name, country) if kind == "group" else None
        if party is not None:
            written[party[0]] += 1
        elif kind_class(kind) == "agent":
            written[agent_key(name)] += 1
        vote = _vote(name, kind)
        if vote is not None:
            votes[actor_id][vote == "organisation"] += 1
    if votes:
        ids = list(votes)
        con.execute(
            "UPDATE actors SET n_person = greatest(coalesce(actors.n_person, 0) - q.p, 0), "
            "n_organisation = greatest(coalesce(actors.n_organisation, 0) - q.o, 0) FROM (SELECT "
            "unnest(?::VARCHAR[]) AS actor_id, unnest(?::INTEGER[]) AS p, unnest(?::INTEGER[]) AS o) q "
            "WHERE actors.id = q.actor_id AND actors.n_person IS NOT NULL",  # people and organisations only
            [ids, [votes[i][0] for i in ids], [votes[i][1] for i in ids]],
        )
    if written:
        con.execute(
            "UPDATE actor_names SET n = greatest(actor_names.n - q.n, 0) FROM (SELECT unnest(?::VARCHAR[]) AS key, "
            "unnest(?::INTEGER[]) AS n) q WHERE actor_names.key = q.key AND actor_names.class = 'agent'",
            [list(written), list(written.values())],
        )


def merge(con: duckdb.DuckDBPyConnection, keep: str, drop: str, *, reason: str = "merged") -> None:
    """Make ``drop`` the same actor as ``keep``: every row moves, the old id stays findable."""
    merge_many(con, {drop: keep}, reason=reason)


def merge_many(con: duckdb.DuckDBPyConnection, drops: dict[str, str], *, reason: str = "merged",
               refresh_names: bool = True, index_now: bool = True) -> list[str]:
    """:func:`merge` for many ``{drop: keep}`` pairs at once; returns the ids kept.

    One statement per table for all pairs (a batch that joins seven actors costs what one join
    costs). A keep that is itself dropped in the same call follows the chain to its end.
    The kept actors' counts and periods are taken at once from the articles naming a dropped id
    (:func:`stats.shift`, :func:`stats.widen_days`: no pass over every row for them).
    ``index_now=False`` (ingest) leaves the per-actor index to the end of the run
    (:func:`defer_index`, :func:`settle_index`).
    """
    pairs = _chain_ends(drops)
    if not pairs:
        return []
    olds, news = list(pairs), [pairs[d] for d in pairs]
    pairs_sql = "(SELECT unnest(?::VARCHAR[]) AS old, unnest(?::VARCHAR[]) AS new)"
    params = [olds, news]
    kept = sorted(set(news))
    # the articles naming a dropped id: only their rows can name it (every id a quote or an event
    # carries is one of its article's actors), so only they are indexed again, and the kept
    # actors' counts change only by what those articles count for them (stats.shift: taken back
    # now, added once the rows are moved)
    articles = [a for (a,) in con.execute(
        "SELECT DISTINCT article_id FROM article_actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY 1",
        [olds]).fetchall()]
    stats.shift(con, articles, kept, -1)
    con.execute(f"UPDATE actor_names SET actor_id = q.new FROM {pairs_sql} q WHERE actor_names.actor_id = q.old", params)
    # the rows of those articles deleted and stored again with the kept ids, not updated in place:
    # DuckDB's UPDATE of rows spread over a large table cost 0.4 s of CPU for 2,500 mentions at 100k
    # articles and about as much again at the commit, and at 1M 15 s for the quotes of 5,000 joins
    # (_rewrite_articles keeps each article's rows in their order, which an article's record reads);
    # past REWRITE_ARTICLES_AT_MOST articles (their rows copied out whole) updated in place as before
    if len(articles) <= REWRITE_ARTICLES_AT_MOST:
        con.execute("CREATE OR REPLACE TEMP TABLE moved_mentions AS SELECT rowid AS row_id, * FROM mentions "
                    "WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))", [olds])
        con.execute("DELETE FROM mentions WHERE rowid IN (SELECT row_id FROM moved_mentions)")
        con.execute("INSERT INTO mentions SELECT * EXCLUDE (row_id) REPLACE (MAP(?::VARCHAR[], ?::VARCHAR[])[actor_id] AS "
                    "actor_id) FROM moved_mentions", [olds, news])  # (a mention's place: read by local id and number)
        con.execute("DROP TABLE moved_mentions")
        swap = "list_transform({col}, lambda x: coalesce(MAP($olds::VARCHAR[], $news::VARCHAR[])[x], x)) AS {col}"
        named = {"olds": olds, "news": news}
        _rewrite_articles(con, "article_actors", articles,
                          "coalesce(MAP($olds::VARCHAR[], $news::VARCHAR[])[actor_id], actor_id) AS actor_id", named)
        _rewrite_articles(con, "quotes", articles, swap.format(col="speaker_ids"), named)
        _rewrite_articles(con, "events", articles,
                          ", ".join(swap.format(col=c) for c in ("source_ids", "target_ids", "place_ids")), named)
    else:
        for table in ("article_actors", "mentions"):
            con.execute(f"UPDATE {table} SET actor_id = q.new FROM {pairs_sql} q WHERE {table}.actor_id = q.old", params)
        swap = "list_transform({col}, lambda x: coalesce(MAP(?::VARCHAR[], ?::VARCHAR[])[x], x))"
        # joined to those articles, the lists of every other quote and event are not read (5x faster)
        among = "FROM (SELECT unnest(?::VARCHAR[]) AS id) r WHERE {table}.article_id = r.id AND "
        con.execute(f"UPDATE quotes SET speaker_ids = {swap.format(col='speaker_ids')} "
                    + among.format(table="quotes") + "list_has_any(speaker_ids, ?::VARCHAR[])", [*params, articles, olds])
        cols = ("source_ids", "target_ids", "place_ids")  # one statement, not a pass over events for each
        con.execute(f"UPDATE events SET {', '.join(f'{c} = {swap.format(col=c)}' for c in cols)} "
                    + among.format(table="events") + "(" + " OR ".join(f"list_has_any({c}, ?::VARCHAR[])" for c in cols) + ")",
                    [*params * 3, articles, *[olds] * 3])
    con.execute(
        "UPDATE actors SET n_person = coalesce(actors.n_person, 0) + d.n_person, "
        "n_organisation = coalesce(actors.n_organisation, 0) + d.n_organisation, "
        "external_id = coalesce(actors.external_id, d.external_id) FROM ("
        f"  SELECT q.new, sum(coalesce(a.n_person, 0)) AS n_person, sum(coalesce(a.n_organisation, 0)) AS n_organisation,"
        f"  min(a.external_id) AS external_id FROM actors a JOIN {pairs_sql} q ON a.id = q.old GROUP BY q.new"
        ") d WHERE actors.id = d.new", params,
    )
    con.execute("DELETE FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [olds])
    actorwords.touch(con, olds)
    con.execute(f"UPDATE actor_merges SET new_id = q.new FROM {pairs_sql} q WHERE actor_merges.new_id = q.old", params)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    con.execute(
        f"INSERT INTO actor_merges SELECT q.old, q.new, ?::TIMESTAMP, ? FROM {pairs_sql} q ON CONFLICT (old_id) DO UPDATE "
        "SET new_id = excluded.new_id, merged_at = excluded.merged_at, reason = excluded.reason",
        [now, reason, *params],
    )
    stats.shift(con, articles, kept, 1)
    actorwords.touch(con, kept)  # (their counts changed: the names index holds them)
    if refresh_names:
        refresh(con, kept)
    stats.widen_days(con, articles, kept)  # periods now: the next batch's resolution compares them
    defer_index(con, joined_articles=articles, dropped=olds, kept=kept, joined=kept)
    if index_now:
        settle_index(con)
    return kept


# The most articles whose rows a join deletes and stores again (:func:`_rewrite_articles`, copied out
# whole: 5,000 articles' at 1M are ~150k article actors and ~70k quotes); past it they are updated
# in place (a lone surname of the busiest person can name half a corpus).
REWRITE_ARTICLES_AT_MOST = 50_000


def _rewrite_articles(con: duckdb.DuckDBPyConnection, table: str, articles: Sequence[str], replace: str,
                      params: dict) -> None:
    """Every row of ``table`` of the articles ``articles`` deleted and stored again, in the order they
    were in, with the columns of ``replace`` (a ``REPLACE`` list; ``params`` its parameters): a join's
    update, without DuckDB's update in place (see :func:`merge_many`). An article's rows stay in their
    order (its record reads them by row id)."""
    if not articles:
        return
    con.execute(f"CREATE OR REPLACE TEMP TABLE moved_{table} AS SELECT rowid AS row_id, * FROM {table} "
                "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [list(articles)])
    con.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT row_id FROM moved_{table})")
    con.execute(f"INSERT INTO {table} SELECT * EXCLUDE (row_id) REPLACE ({replace}) FROM moved_{table} ORDER BY row_id",
                params)
    con.execute(f"DROP TABLE moved_{table}")


def _chain_ends(drops: dict[str, str]) -> dict[str, str]:
    """``{drop: keep}`` with each keep followed to the end of its chain (a keep dropped in turn)."""
    def end(actor: str) -> str:
        seen = set()
        while actor in drops and actor not in seen:
            seen.add(actor)
            actor = drops[actor]
        return actor

    return {d: k for d, k in ((d, end(k)) for d, k in drops.items()) if k != d}


def _meta_json(con: duckdb.DuckDBPyConnection, key: str) -> Any:
    """The JSON value stored in ``meta`` under ``key`` (None where there is none)."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def _set_meta_json(con: duckdb.DuckDBPyConnection, key: str, value: Any) -> None:
    con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value)])


def pending_merges(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The joins batches decided that wait for the end of their run (``MERGES_KEY``), chains followed."""
    return _chain_ends(_meta_json(con, MERGES_KEY) or {})


def defer_merges(con: duckdb.DuckDBPyConnection, pending: dict[str, str], merges: dict[str, str]) -> list[str]:
    """Inside a batch's transaction: ``merges`` wait with ``pending`` (the batch's lookups'), or are
    made with them once ``MERGES_AT_ONCE`` wait; returns the ids kept by joins made now."""
    if not merges:
        return []
    waiting = _chain_ends({**pending, **merges})
    if len(waiting) >= MERGES_AT_ONCE:
        con.execute("DELETE FROM meta WHERE key = ?", [MERGES_KEY])
        return merge_many(con, waiting, reason=BATCH_JOIN_REASON, refresh_names=False, index_now=False)
    _set_meta_json(con, MERGES_KEY, waiting)
    return []


def apply_pending_merges(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The end of a run (or the next run's, after a run was killed): the joins its batches decided
    (:func:`defer_merges`). A kept actor gone since (its articles replaced) takes nothing."""
    pending = pending_merges(con)
    if not pending:
        return []
    live = {i for (i,) in con.execute("SELECT id FROM actors WHERE list_contains(?, id)",
                                      [sorted(set(pending.values()))]).fetchall()}
    con.execute("DELETE FROM meta WHERE key = ?", [MERGES_KEY])
    return merge_many(con, {d: k for d, k in pending.items() if k in live}, reason=BATCH_JOIN_REASON,
                      index_now=False)


# Rows a merge or a move changed whose per-actor index rows (byactor) are not taken again yet,
# and the counts (stats) of a move's actors: an ingest takes them again once, at the end of its
# run, not once per batch that joins actors (each costs a pass over the index); a join counts its
# kept actors itself (merge_many: "joined" notes them for the end of a run's later passes). Kept
# in meta, in the batch's transaction, so a run killed before its end leaves them to the next run's end.
INDEX_PENDING_KEY = "reindex_pending"


def defer_index(con: duckdb.DuckDBPyConnection, *, olds: Sequence[str] = (), articles: Sequence[str] = (),
                counted: Sequence[str] = (), joined: Sequence[str] = (), joined_articles: Sequence[str] = (),
                dropped: Sequence[str] = (), kept: Sequence[str] = ()) -> None:
    """Note what :func:`settle_index` must index and count again: the articles ``articles``, the
    articles whose index rows name an id of ``olds`` (merged away: found by a pass over the whole
    index, so :func:`merge_many` notes its articles instead), and the actors ``counted``; and the
    actors ``joined`` kept rows a join moved (counted by the join itself: the end of a run's
    later passes read their names again, :func:`_words_of_joined`); and the articles
    ``joined_articles`` of joins whose ids ``dropped`` became ``kept``, whose rows only those joins
    changed (:func:`byactor.reindex_joined` takes only the rows a join can change; an article also
    in ``articles`` is indexed again whole)."""
    pending = _meta_json(con, INDEX_PENDING_KEY) or {}
    for name, more in (("olds", olds), ("articles", articles), ("counted", counted), ("joined", joined),
                       ("joined_articles", joined_articles), ("dropped", dropped), ("kept", kept)):
        pending[name] = list(dict.fromkeys([*pending.get(name, ()), *more]))
    _set_meta_json(con, INDEX_PENDING_KEY, pending)


# The articles a resolving batch stored, whose per-actor index rows (byactor) wait for the end of
# the run: one meta row per batch (its key this prefix and a random suffix, its value the ids), so
# a batch writes only its own ids, and a run killed before its end leaves them to the next end.
# Most of a run's articles name an actor its joins move (1,917 State Department releases: 22 of 30
# batches joined), whose rows the end made again: the end now makes every row of the run once.
INDEX_BATCH_PREFIX = byactor.INDEX_BATCH_PREFIX


def defer_batch_index(con: duckdb.DuckDBPyConnection, articles: Sequence[str]) -> None:
    """Inside a batch's transaction: the per-actor index of ``articles`` (stored by the batch) is
    made by :func:`settle_index` at the end of the run."""
    if articles:
        con.execute("INSERT INTO meta VALUES (?, ?)", [INDEX_BATCH_PREFIX + uuid.uuid4().hex, json.dumps(list(articles))])


def settle_index(con: duckdb.DuckDBPyConnection) -> None:
    """Index and count again what merges and moves left (:func:`defer_index`), and index the
    articles resolving batches stored (:func:`defer_batch_index`), in one pass, and write the
    names index of the actors they changed."""
    pending = _meta_json(con, INDEX_PENDING_KEY)
    batches = con.execute("SELECT value FROM meta WHERE starts_with(key, ?) ORDER BY key",
                          [INDEX_BATCH_PREFIX]).fetchall()
    if pending is None and not batches:
        actorwords.flush(con)  # the names of the actors joined or moved (their counts: below)
        return
    pending = pending or {"olds": [], "articles": [], "counted": []}
    waiting = list(dict.fromkeys(a for (v,) in batches for a in json.loads(v)))  # (no index rows: byactor)
    articles = list(dict.fromkeys([*pending["articles"], *waiting]))
    stats.refresh(con, pending["counted"])
    if pending["olds"]:  # noted by a run of an older chronicle, killed before its end
        byactor.reindex(con, "list_contains($olds::VARCHAR[], actor_id) OR list_has_any(others, $olds::VARCHAR[]) "
                        "OR article_id IN (SELECT unnest($articles::VARCHAR[]))",
                        {"olds": pending["olds"], "articles": [*articles, *pending.get("joined_articles", ())]})
    else:
        # a join's articles that a batch of this run stored or a move changed are indexed whole with
        # them; the rest again only where a join can change their rows (byactor.reindex_joined)
        whole = set(articles)
        joined = [a for a in pending.get("joined_articles", ()) if a not in whole]
        if articles:
            moved = set(pending["articles"])  # (a move's articles have index rows: looked for)
            byactor.reindex_articles(con, [a for a in articles if a in moved], [a for a in articles if a not in moved])
        if joined:
            byactor.reindex_joined(con, joined, pending["dropped"], pending["kept"])
    con.execute("DELETE FROM meta WHERE key = ? OR starts_with(key, ?)", [INDEX_PENDING_KEY, INDEX_BATCH_PREFIX])
    actorwords.flush(con)


# A name as SQL can fold it, near enough to split on: dots and hyphens as fold takes them, other
# marks made spaces.
_FOLDED_SQL = ("trim(regexp_replace(replace(replace(replace(lower(strip_accents(replace({col}, '’', ''''))), 'ß', 'ss'), "
               "'.', ''), '-', ' '), '[^\\p{{L}}\\p{{N}}_'']+', ' ', 'g'))")


def first_word_sql(col: str) -> str:
    """SQL for the word the rules read as the first name of the name ``col``: its first word as
    :func:`fold` gives it (``_FOLDED_SQL``), a leading "the" left out, when the name has two words
    or more after it; '' when it has not (one word, or no name). Stored with each name
    (``actor_names.first_word``, schema 16) so a run's end finds a first name's bearers without
    folding every name of the store; the fold is taken once (each use of it would fold again)."""
    return ("coalesce(regexp_extract(regexp_replace(" + _FOLDED_SQL.format(col=col)
            + ", '^the ', ''), '^([^ ]*) ', 1), '')")


def fill_first_words(con: duckdb.DuckDBPyConnection) -> None:
    """Store the first word (:func:`first_word_sql`) of every name that has none yet: the names a
    statement wrote without it (an analyst's, a move's, a re-keying's; the batches write theirs
    with the name), and every name of a store upgraded to schema 16."""
    con.execute(f"UPDATE actor_names SET first_word = {first_word_sql('name')} WHERE first_word IS NULL")


def first_names_sql() -> str:
    """``(actor_id, key, surname, t)`` for each person's name of two words or more: ``t`` is its
    first word as :func:`fold` gives it, the word the rules read as a first name, as stored with
    the name (:func:`fill_first_words` first, for the names written without it)."""
    return ("SELECT n.actor_id, n.key, n.surname, n.first_word AS t FROM actor_names n "
            "JOIN actors a ON a.id = n.actor_id WHERE n.class = 'agent' AND a.kind = 'person' AND n.first_word <> ''")


def _words_since(con: duckdb.DuckDBPyConnection, since: datetime) -> set[str]:
    """The words the joins of the articles stored since ``since`` can turn on, in the temporary
    table ``run_words``: the surnames, one-word names and first and last names of the people and
    organisations those articles name, and the one-word places the gazetteer did not know. A join
    needs new evidence, and a run's evidence is about the actors it names. Words no rule can turn
    on (no one's surname, no one-word actor's name) are left out. Returns the words."""
    words: set[str] = set()
    # the run's people, organisations and unknown places, read from the corpus's article actors once
    con.execute(
        "CREATE OR REPLACE TEMP TABLE run_actors AS SELECT DISTINCT aa.actor_id, aa.name, aa.kind = 'place' AS place "
        "FROM article_actors aa JOIN articles a ON a.id = aa.article_id WHERE a.ingested_at >= ? "
        "AND (aa.kind IN ('person', 'organisation') OR (aa.kind = 'place' AND aa.geo_name IS NULL))", [since])
    for (written,) in con.execute("SELECT DISTINCT name FROM run_actors WHERE place").fetchall():
        key = agent_key(written or "")
        if key and " " not in key:
            words.add(key)
    words |= _name_words(con, _ids(con, "SELECT actor_id FROM run_actors WHERE NOT place"))
    con.execute("CREATE OR REPLACE TEMP TABLE run_words AS SELECT DISTINCT unnest(?::VARCHAR[]) AS w", [sorted(words)])
    # Unknown places the rules read: those the run names, and those whose name, folded, ends in
    # one of its words as written ("Zelenskyy" stored as a place before the run named the person;
    # a place written in another spelling than the person waits for a run that names it). Reading
    # every unknown place's key (agent_key) cost seconds per run at half a million names; each
    # distinct name is folded once, not each row (100k synthetic store: 0.09 s of CPU -> 0.03).
    unknown = "FROM article_actors WHERE kind = 'place' AND geo_name IS NULL"
    ending = [n for (n,) in con.execute(
        f"SELECT name FROM (SELECT DISTINCT name {unknown}) "
        f"WHERE split_part({_FOLDED_SQL.format(col='name')}, ' ', -1) IN (SELECT w FROM run_words)").fetchall()]
    # (with the names written, which tell the end's rules which of them may join: _reconcile)
    con.execute("CREATE OR REPLACE TEMP TABLE run_places AS SELECT DISTINCT actor_id, name FROM run_actors WHERE place")
    if ending:  # (most runs name no such place: no second pass)
        con.execute(f"INSERT INTO run_places SELECT DISTINCT actor_id, name {unknown} AND name IN (SELECT unnest(?::VARCHAR[]))",
                    [ending])  # (a pair twice is read once)
    con.execute("DROP TABLE run_actors")
    con.execute(
        "DELETE FROM run_words WHERE w NOT IN (SELECT surname FROM actor_names WHERE class = 'agent' AND surname IS NOT NULL) "
        "AND w NOT IN (SELECT split_part(key, '|', 1) FROM actors WHERE kind IN ('person', 'organisation') "
        "AND strpos(split_part(key, '|', 1), ' ') = 0)")
    return _read_by_words(con)


# The actors of the ids ``$ids`` (a few hundred: a run's, the people its words name, or the one-
# and two-word actors its rules may join), found
# through the actors' key (an ART index; materialised, or DuckDB joins every actor's row: 425k at
# 100k articles, 0.03-0.04 s of CPU for each read of a run's people).
_THEIR_ACTORS = "their_actors AS MATERIALIZED (SELECT * FROM actors WHERE list_contains($ids::VARCHAR[], id))"


def _ids(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence = ()) -> list[str]:
    """The distinct ids ``sql`` selects (one column), sorted."""
    return sorted({i for (i,) in con.execute(sql, list(params)).fetchall() if i is not None})


def _name_words(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> set[str]:
    """The words a join can turn on in the names of the actors ``ids``: their surnames, one-word
    names, and a person's first and last name as written."""
    words: set[str] = set()
    for key, last, written, kind in con.execute(
        f"WITH {_THEIR_ACTORS} SELECT n.key, n.surname, n.name, k.kind FROM actor_names n "
        "JOIN their_actors k ON k.id = n.actor_id WHERE n.class = 'agent'", {"ids": list(ids)},
    ).fetchall():
        if last:
            words.add(last)
        if " " not in key:
            words.add(key)
        folded = fold(written or "").split()
        if kind == "person" and folded:  # the first name, and the surname as written ("Zelenskyy"; its key says zelensky)
            words.update((folded[0], folded[-1]))
    return words


def _read_by_words(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The people the rules read for the words of ``run_words`` (temporary tables ``run_first_names``,
    ``run_first``, ``run_named``); returns the words."""
    # The names with one of the words as first name (names are folded once: dear at a million),
    # and how many people have each such first name, counted as each rule counts (names with a
    # surname; names of two words or more). A rule reads a first name only when few have it
    # (GIVEN_NAME_CARRIERS), so the bearers of a common one ("John") need not be read.
    fill_first_words(con)
    con.execute("CREATE OR REPLACE TEMP TABLE run_first_names AS SELECT f.* FROM (" + first_names_sql()
                + ") f WHERE f.t IN (SELECT w FROM run_words)")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE run_first AS SELECT t AS w, "
        "count(DISTINCT actor_id) FILTER (WHERE surname IS NOT NULL) AS with_surname, "
        "count(DISTINCT actor_id) FILTER (WHERE strpos(key, ' ') > 0) AS with_full_name FROM run_first_names GROUP BY t")
    # the people the rules read: those with one of the words as surname, or as a first name few have
    con.execute(
        "CREATE OR REPLACE TEMP TABLE run_named AS SELECT actor_id FROM actor_names WHERE class = 'agent' "
        "AND surname IN (SELECT w FROM run_words) UNION SELECT f.actor_id FROM run_first_names f "
        "JOIN run_first r ON r.w = f.t WHERE r.with_surname <= ? OR r.with_full_name <= ?",
        [GIVEN_NAME_CARRIERS, GIVEN_NAME_CARRIERS])
    return {w for (w,) in con.execute("SELECT w FROM run_words").fetchall()}


def _words_of_joined(con: duckdb.DuckDBPyConnection, words: set[str]) -> set[str]:
    """After a pass that joined: the run's words that name an actor a join of this run kept or
    moved rows to (their counts, names and periods changed, so a rule reading that word may decide
    otherwise now); ``run_words`` and the people read are cut to them. The next pass reads only
    those people."""
    pending = _meta_json(con, INDEX_PENDING_KEY) or {}
    touched = list(dict.fromkeys([*(pending.get("counted") or []), *(pending.get("joined") or [])]))
    keep = _name_words(con, touched) & words if touched else set()
    con.execute("DELETE FROM run_words WHERE w NOT IN (SELECT unnest(?::VARCHAR[]))", [sorted(keep)])
    return _read_by_words(con) if keep else set()


# meta keys of the end of a run. ``reconcile_from``: the earliest time from which articles were
# stored by a run that has not reached its end (a run killed before it leaves it for the next).
# ``reconciled``: some run of this store reached its end with these rules; until one has, the
# end of a run looks at the whole corpus (a store written before them may hold a killed run).
PENDING_KEY = "reconcile_from"
FINISHED_KEY = "reconciled"
# Stored times are the writer's wall clock: a clock set back a little must not hide a batch.
CLOCK_SLACK = timedelta(minutes=5)
# A run this large a share of the corpus reads it whole at its end: reading only the run's people
# takes extra steps that cost more than they save on a small corpus (ten runs of 311 articles
# into the 3k-article eval corpus: 159 s against 116 s; one of 100 into 470k names: 9.7 s against 36).
RUN_SHARE_READ_WHOLE = 0.05
# The most passes of the end-of-run rules (each again only while the last joined some): on the
# 3k-article eval corpus a second pass made 3 joins the first left (a whole-corpus pass found them
# after the run ended), a third none.
RECONCILE_PASSES = 3


def note_run(con: duckdb.DuckDBPyConnection, stored_from: datetime) -> None:
    """Inside a batch's transaction: articles were stored from ``stored_from`` on (their
    ``ingested_at``), and the end of the run must look at them. The earliest pending time stays."""
    con.execute(
        "INSERT INTO meta VALUES (?, CAST(?::TIMESTAMP AS VARCHAR)) ON CONFLICT (key) DO UPDATE SET value = "
        "CAST(least(CAST(meta.value AS TIMESTAMP), CAST(excluded.value AS TIMESTAMP)) AS VARCHAR)",
        [PENDING_KEY, stored_from - CLOCK_SLACK],
    )


def reconcile_run(con: duckdb.DuckDBPyConnection) -> int:
    """The end of a run, inside its transaction: the joins of the articles stored since the
    earliest run that has not reached its end (:func:`reconcile` with ``since``), the whole corpus
    on a store no run has finished with these rules, nothing when no article came. Returns how
    many actors were joined."""
    pending = con.execute("SELECT value FROM meta WHERE key = ?", [PENDING_KEY]).fetchone()
    finished = con.execute("SELECT 1 FROM meta WHERE key = ?", [FINISHED_KEY]).fetchone() is not None
    if finished and pending is None:
        return 0
    since = datetime.fromisoformat(pending[0]) if finished else None
    if since is not None:
        run, corpus = con.execute("SELECT count(*) FILTER (WHERE ingested_at >= ?), count(*) FROM articles", [since]).fetchone()
        if run >= RUN_SHARE_READ_WHOLE * corpus:
            since = None
    joined = reconcile(con, since)
    con.execute("DELETE FROM meta WHERE key = ?", [PENDING_KEY])
    con.execute("INSERT INTO meta VALUES (?, 'yes') ON CONFLICT (key) DO NOTHING", [FINISHED_KEY])
    return joined


def reconcile(con: duckdb.DuckDBPyConnection, since: datetime | None = None) -> int:
    """Joins the corpus shows only after the articles that needed them were stored; returns how many.

    A batch decides with what the store knows then, so a surname, a surname tagged ORG, or a
    surname tagged as a place the gazetteer does not know ("Zelenskyy") that came before the
    person's full names stays apart when no later article names it so again. Run once at the end
    of an ingest or load, with the batch rules: a lone surname joins the dominant person with it;
    an organisation or an unknown place only with ``SURNAME_PLACE_EVIDENCE`` and dominance (and
    an organisation only when that person outnumbers it ``DOMINANCE`` to one); each only with a
    person of its own period (``YEARS_APART``). A one-word person that is no one's surname but the
    first name of one well-known person ("Hillary", "Jeb") is that person, by the same evidence
    and dominance. Actors an analyst has touched are left alone.

    ``since``: only the joins that turn on the words of the articles stored since then are looked
    for (:func:`_words_since`), so the cost follows the run, not the corpus. The rules read every
    person with such a word, so the joins are those the whole corpus would give for those words
    (but for unknown places, read by their name as written: see :func:`_words_since`). ``None``
    looks at the whole corpus.
    """
    if since is not None:
        try:
            words = _words_since(con, since)
            return _reconcile_passes(con, words) if words else 0
        finally:
            for table in ("run_actors", "run_words", "run_places", "run_first_names", "run_first", "run_named"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
    return _reconcile_passes(con, None)


def _reconcile_passes(con: duckdb.DuckDBPyConnection, words: set[str] | None) -> int:
    """:func:`_reconcile` again while a pass joins, at most :data:`RECONCILE_PASSES` times: a pass's
    joins are evidence for more (a two-word surname joined to its person makes that person dominate
    a lone surname the pass left apart). With the run's ``words``, a later pass reads only the
    words of the actors the joins changed (:func:`_words_of_joined`)."""
    joined = 0
    for _ in range(RECONCILE_PASSES):
        made = _reconcile(con, words)
        joined += made
        if not made:
            break
        if words is not None:
            words = _words_of_joined(con, words)
            if not words:
                break
    return joined


def _reconcile(con: duckdb.DuckDBPyConnection, words: set[str] | None) -> int:
    """:func:`reconcile` over the people and one-word actors of ``words`` (the temporary tables of
    :func:`_words_since`), or over the whole corpus when ``words`` is None."""
    restricted = words is not None
    named = _ids(con, "SELECT actor_id FROM run_named") if restricted else []
    one_word = " AND split_part(a.key, '|', 1) IN (SELECT w FROM run_words)" if restricted else ""
    # first names too many people have for a rule to read them (their bearers were not all read),
    # counted on names with a surname (this function's rule) and on full names (the first-name move)
    crowded_given: set[str] = set()
    crowded_full: set[str] = set()
    if restricted:
        for w, with_surname, with_full_name in con.execute("SELECT * FROM run_first").fetchall():
            if with_surname > GIVEN_NAME_CARRIERS:
                crowded_given.add(w)
            if with_full_name > GIVEN_NAME_CARRIERS:
                crowded_full.add(w)
    people: dict[str, dict[str, int]] = defaultdict(dict)
    given: dict[str, dict[str, int]] = defaultdict(dict)  # first name as written -> people with it
    countries: dict[str, str | None] = {}
    periods: dict[str, Period] = {}
    keys_of: dict[str, set[str]] = defaultdict(set)
    for key, last, written, actor, n, country, first_day, last_day in con.execute(
        (f"WITH {_THEIR_ACTORS} " if restricted else "") +
        "SELECT n.key, n.surname, n.name, a.id, coalesce(a.n_person, 0) + coalesce(a.n_organisation, 0), a.country, "
        "a.first_day, a.last_day FROM actor_names n JOIN " + ("their_actors" if restricted else "actors") +
        " a ON a.id = n.actor_id WHERE n.class = 'agent' AND a.kind = 'person' AND n.surname IS NOT NULL",
        {"ids": named} if restricted else {}
    ).fetchall():
        people[last][actor] = n
        keys_of[actor].add(key)
        written = fold(written or "").split()
        if len(written) >= 2:  # as written: a lone "William" is not "Bill Clinton" (whose key says william)
            given[written[0]][actor] = n
        countries[actor] = country
        periods[actor] = (first_day, last_day)
    if not people:
        return 0
    drops: dict[str, str] = {}
    # one-word people and organisations, stored under their own key, untouched by an analyst. Over
    # the whole corpus (a store's first end of a run) the key's one word and the id are tested in
    # SQL, and an organisation kept only under a person's surname (no other takes anything below):
    # the 100k synthetic store's 336k such rows fetched and hashed in Python cost 0.5 s, 280 pass.
    part = "split_part(a.key, '|', 1)"
    whole = "" if restricted else (f" AND strpos({part}, ' ') = 0 AND a.id = {agent_id_sql(part)} "
                                   f"AND (a.kind = 'person' OR {part} IN (SELECT unnest($people::VARCHAR[])))")
    # A run's one-word actors are read only under their own key's id (agent_id, tested below): those
    # ids' rows found first through the actors' key (an ART index; materialised, or DuckDB scans every
    # actor's key part for the words): at 100k, 426k actors, 0.16 s of CPU -> 0.014.
    for actor, key, name, kind, country, votes, first_day, last_day in con.execute(
        (f"WITH {_THEIR_ACTORS} " if restricted else "") + f"SELECT a.id, {part}, a.name, a.kind, a.country, "
        "coalesce(a.n_person, 0) + coalesce(a.n_organisation, 0), a.first_day, a.last_day FROM "
        + ("their_actors a " if restricted else "actors a ") +
        "WHERE a.kind IN ('person', 'organisation') AND NOT coalesce(a.name_fixed, false) AND a.external_id IS NULL "
        + whole + one_word + " AND NOT EXISTS (SELECT 1 FROM actor_names n WHERE n.actor_id = a.id "
        "  AND (n.source = 'analyst' OR n.surname IS NOT NULL OR strpos(n.key, ' ') > 0))",
        {"ids": sorted(agent_id(w) for w in words)} if restricted else {"people": sorted(people)}
    ).fetchall():
        when = (first_day, last_day)
        if " " in key or actor != agent_id(key):
            continue
        if key not in people:  # a first name alone: only a well-known person's, and only a person
            first = fold(name)
            chosen = _well_known(given[first], country, countries, when, periods) if (
                kind == "person" and 0 < len(given.get(first, ())) <= GIVEN_NAME_CARRIERS and first not in crowded_given
                and not is_acronym(name)) else None
        elif kind == "organisation":  # as ActorResolver._surname_tagged_org decides
            chosen = None if is_acronym(name) else _well_known(people[key], country, countries, when, periods)
            if chosen is not None and not _outnumbers(people[key][chosen], votes):
                chosen = None
        else:
            chosen = _choose(people[key], country, countries, when, periods)
        if chosen is not None and chosen != actor:
            drops[actor] = chosen
    drops.update(_two_word_surnames(con, people, given, keys_of, countries, periods, drops, restricted))
    # one-word places the gazetteer knew nowhere
    def may_join(name: str) -> bool:
        key = agent_key(name)
        return not (" " in key or is_acronym(name) or key not in people or (words is not None and key not in words))

    places = "article_actors WHERE kind = 'place' AND geo_name IS NULL"
    if restricted:
        # A run's unknown places were read with their names (run_places): one whose rows hold two
        # names, or whose name may not join, is left out before every article actor is read for the
        # rest (the rows of an actor read below have a single name): most runs read none.
        named: dict[str, set[str]] = defaultdict(set)
        for actor, name in con.execute("SELECT actor_id, name FROM run_places").fetchall():
            named[actor].update([name] if name is not None else [])
        candidates = sorted(a for a, names in named.items() if len(names) < 2 and all(map(may_join, names)))
        places = "(SELECT unnest($candidates::VARCHAR[]) AS actor_id)"
    for actor, name, first_day, last_day in [] if restricted and not candidates else con.execute(
        "SELECT aa.actor_id, min(aa.name), min(a.first_day), min(a.last_day) FROM article_actors aa "
        "JOIN actors a ON a.id = aa.actor_id WHERE a.kind = 'place' "
        # (only actors with a row the gazetteer did not know can have every row so: fewer to group)
        f"AND aa.actor_id IN (SELECT actor_id FROM {places}) "
        "GROUP BY aa.actor_id HAVING bool_and(aa.geo_name IS NULL) AND count(DISTINCT aa.name) = 1",
        {"candidates": candidates} if restricted else {}
    ).fetchall():
        if not may_join(name):
            continue
        chosen = _well_known(people[agent_key(name)], None, countries, (first_day, last_day), periods)
        if chosen is not None:
            drops[actor] = chosen
    if drops:
        merge_many(con, drops, reason="joined by the corpus at the end of an ingest: a surname", index_now=False)
    return len(drops) + _first_names_to_their_person(con, words, crowded_full)


def _two_word_surnames(con: duckdb.DuckDBPyConnection, people: dict[str, dict[str, int]],
                       given: dict[str, dict[str, int]], keys_of: dict[str, set[str]],
                       countries: dict[str, str | None], periods: dict[str, Period], drops: dict[str, str],
                       restricted: bool) -> dict[str, str]:
    """A surname of two words written alone ("Wasserman Schultz", "Lopez Obrador") was stored as a
    person of two names: it is the person whose longer name ends in it, chosen as a surname-only
    mention is (:func:`_choose`), when its first word is no other person's first name in the corpus
    ("Paul Stevens" stays apart from John Paul Stevens). Only people stored under the two words
    alone, untouched by an analyst. ``restricted``: only those whose last word is one of the run's
    words (``run_words``). Returns ``{drop: keep}``."""
    out: dict[str, str] = {}
    # (the id of the key tested in SQL after the words: a run's words select tens of thousands of
    # actors in a synthetic store, whose copies share keys, and fetching them cost more than hashing)
    last_word = " AND split_part(split_part(a.key, '|', 1), ' ', 2) IN (SELECT w FROM run_words)" if restricted else ""
    # Only a two-word key that ends a longer key of a person read here can join (``longer`` below),
    # and only under its own id (agent_id): so a run's end reads just those ids' actors, found
    # through the actors' key (an ART index; materialised, as _reconcile's one-word actors are),
    # not every person's key (at 100k, 425k actors: 0.17-0.26 s of CPU). The whole corpus's first
    # end reads every person, as before.
    endings = sorted({agent_id(" ".join(k.rsplit(" ", 2)[-2:])) for last, holders in people.items() for p in holders
                      for k in keys_of.get(p, ()) if k.count(" ") >= 2 and k.rsplit(" ", 1)[-1] == last})
    if restricted and not endings:
        return out
    for actor, key, country, first_day, last_day in con.execute(
        (f"WITH {_THEIR_ACTORS} " if restricted else "")
        + "SELECT a.id, split_part(a.key, '|', 1), a.country, a.first_day, a.last_day FROM "
        + ("their_actors a " if restricted else "actors a ") + "WHERE a.kind = 'person' AND NOT coalesce(a.name_fixed, false) AND a.external_id IS NULL "
        "AND len(string_split(split_part(a.key, '|', 1), ' ')) = 2"
        + last_word + " AND a.id = " + agent_id_sql("split_part(a.key, '|', 1)")  # (and below)
        + " AND NOT EXISTS (SELECT 1 FROM actor_names n WHERE n.actor_id = a.id "
        "  AND (n.source = 'analyst' OR len(string_split(n.key, ' ')) <> 2))",
        {"ids": endings} if restricted else {}
    ).fetchall():
        first, last = key.split()
        # someone else's first name: a person whose name starts with the word and is not a longer
        # form of these two words (a heading's "WASSERMAN SCHULTZ RESIGNS" is no first name)
        if actor in drops or actor != agent_id(key) or any(
                p != actor and not any(key in k for k in keys_of.get(p, ())) for p in given.get(first, {})):
            continue
        longer = {p: n for p, n in people.get(last, {}).items()
                  if p != actor and any(k.endswith(" " + key) and k.count(" ") >= 2 for k in keys_of[p])}
        chosen = _choose(longer, country, countries, (first_day, last_day), periods) if longer else None
        if chosen is not None:
            out[actor] = chosen
    return out


def _first_names_to_their_person(con: duckdb.DuckDBPyConnection, words: set[str] | None = None,
                                 crowded: set[str] = frozenset()) -> int:
    """A first name that a batch gave to someone whose name ends in it ("Hillary" to "Stop Hillary",
    "Ted" to "Lyin' Ted"): its rows go to the one well-known person with that first name, when
    that person outnumbers every person with it as surname ``DOMINANCE`` to one, counted on full
    names (the first name's own rows left out). Only rows without a role move: "Foreign Minister
    Park" uses the word as a surname. The name row follows, so later ingests agree.
    Returns how many names moved."""
    full: dict[str, int] = defaultdict(int)  # actor -> how often its names of two words or more were written
    given: dict[str, dict[str, int]] = defaultdict(dict)
    by_surname: dict[str, set[str]] = defaultdict(set)
    periods: dict[str, Period] = {}
    restricted = words is not None
    for actor, written, last, n, votes, first_day, last_day in con.execute(
        (f"WITH {_THEIR_ACTORS} " if restricted else "") +
        "SELECT a.id, n.name, n.surname, n.n, coalesce(a.n_person, 0) + coalesce(a.n_organisation, 0), "
        "a.first_day, a.last_day FROM actor_names n JOIN " + ("their_actors" if restricted else "actors") +
        " a ON a.id = n.actor_id WHERE n.class = 'agent' AND a.kind = 'person' AND strpos(n.key, ' ') > 0",
        {"ids": _ids(con, "SELECT actor_id FROM run_named")} if restricted else {}
    ).fetchall():
        full[actor] += n
        written_words = fold(written or "").split()
        if len(written_words) >= 2:
            given[written_words[0]][actor] = votes
        if last:
            by_surname[last].add(actor)
        periods[actor] = (first_day, last_day)
    wanted: dict[str, tuple[str, str]] = {}  # holder -> (the first name, the person it means)
    for key, holders in by_surname.items():
        if (words is not None and (key not in words or key in crowded)) or not 0 < len(given.get(key, ())) <= GIVEN_NAME_CARRIERS:
            continue
        rivals = max(full[p] for p in holders)
        for holder in holders:
            chosen = _well_known(given[key], None, {}, periods.get(holder), periods)  # no country to compare
            if chosen is not None and chosen not in holders and given[key][chosen] >= DOMINANCE * max(rivals, 1):
                wanted[holder] = (key, chosen)
    if not wanted:
        return 0
    moves: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for article, local, holder, written in con.execute(
        "SELECT aa.article_id, aa.local_id, aa.actor_id, aa.name FROM article_actors aa JOIN actors a ON a.id = aa.actor_id "
        # a role ("Foreign Minister Park") says the word is a surname: only bare first names move
        "WHERE list_contains(?::VARCHAR[], aa.actor_id) AND strpos(trim(aa.name), ' ') = 0 AND aa.role IS NULL "
        "AND NOT coalesce(a.name_fixed, false) AND a.external_id IS NULL", [list(wanted)]
    ).fetchall():
        key, chosen = wanted[holder]
        if agent_key(written or "") == key:
            moves[(holder, chosen)].append((article, local))
    for (holder, chosen), moving in moves.items():
        key = wanted[holder][0]
        con.execute(
            "INSERT INTO actor_names (key, class, actor_id, surname, name, n, source) VALUES (?, 'agent', ?, NULL, ?, ?, "
            "'ingest') ON CONFLICT (key, class) DO UPDATE SET actor_id = excluded.actor_id "
            "WHERE actor_names.source <> 'analyst'", [key, chosen, key.title(), len(moving)])
        move_rows(con, holder, moving, chosen, index_now=False)
    return len(moves)


# The name rules (chronicle.store.names) the store's keys were made with. A newer chronicle keys
# some names otherwise ("Bashar al-Assad": "bashar al assad" before the Arabic article was read,
# "bashar assad" since): without its keys too, an upgraded ingest would start a second actor for
# every such person the store already holds.
NAME_RULES_KEY = "name_rules"


def rekey_names(con: duckdb.DuckDBPyConnection) -> int:
    """Inside a write's transaction, once per run: where the name rules changed since the store's
    names were keyed, each stored name also gets the key the rules give it now (a new name row of
    the same actor, unless some actor holds that key already: nothing is moved or joined), and a
    surname the rules now read otherwise is updated. Returns how many keys were added."""
    fingerprint = rules_fingerprint()
    row = con.execute("SELECT value FROM meta WHERE key = ?", [NAME_RULES_KEY]).fetchone()
    if row is not None and row[0] == fingerprint:
        return 0
    rows = con.execute("SELECT key, actor_id, surname, name FROM actor_names WHERE class = 'agent' AND name IS NOT NULL").fetchall()
    held = {key for key, *_ in rows}
    added: dict[str, tuple[str, str | None, str]] = {}
    surnames: dict[str, str] = {}
    for key, actor, last, name in rows:
        new = agent_key(name)
        now, alone = surname_of(name) if last else (None, True)
        if now and not alone and now != last:
            surnames[key] = now
        if new and new != key and new not in held and new not in added:
            added[new] = (actor, now if not alone else None, name)
    if added:
        con.execute(
            "INSERT INTO actor_names (key, class, actor_id, surname, name, n, source) SELECT unnest(?::VARCHAR[]), "
            "'agent', unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), 0, 'ingest'",
            [list(added), [a for a, _, _ in added.values()], [s for _, s, _ in added.values()],
             [n for _, _, n in added.values()]])
    if surnames:
        con.execute("UPDATE actor_names SET surname = q.s FROM (SELECT unnest(?::VARCHAR[]) AS k, unnest(?::VARCHAR[]) AS s) q "
                    "WHERE actor_names.key = q.k AND actor_names.class = 'agent'", [list(surnames), list(surnames.values())])
    con.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [NAME_RULES_KEY, fingerprint])
    return len(added)


# -- an analyst's corrections ---------------------------------------------------
# Each is one transaction; each records what it did where a later ingest will respect it
# (actor_names rows with source 'analyst' are never reassigned by ingest).


def resolve_id(con: duckdb.DuckDBPyConnection, actor_id: str) -> str:
    """The id an actor has now: itself, or the actor it was merged into."""
    row = con.execute("SELECT new_id FROM actor_merges WHERE old_id = ?", [actor_id]).fetchone()
    return row[0] if row else actor_id


def _existing(con: duckdb.DuckDBPyConnection, actor_id: str) -> str:
    current = resolve_id(con, actor_id)
    if con.execute("SELECT 1 FROM actors WHERE id = ?", [current]).fetchone() is None:
        raise CorpusError(f"no actor with id {actor_id}")
    return current


def _transaction(con: duckdb.DuckDBPyConnection, work) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        work()
        actorwords.flush(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def merge_actors(con: duckdb.DuckDBPyConnection, keep: str, drop: str) -> str:
    """An analyst's merge: ``drop`` becomes ``keep`` (both may be old ids); returns the kept id."""
    keep, drop = _existing(con, keep), _existing(con, drop)
    if keep != drop:
        _transaction(con, lambda: (
            merge(con, keep, drop, reason="analyst"),
            con.execute("UPDATE actor_names SET source = 'analyst' WHERE actor_id = ?", [keep]),
        ))
    return keep


def split_actor(con: duckdb.DuckDBPyConnection, actor_id: str, name: str) -> str:
    """The article actors of ``actor_id`` written as ``name`` (by its key) become an actor of their own.

    Returns the new id; the name key stays with it in later ingests.
    """
    source = _existing(con, actor_id)
    key = agent_key(name)
    rows = con.execute(
        "SELECT article_id, local_id, name FROM article_actors WHERE actor_id = ?", [source]).fetchall()
    moving = [(a, loc) for a, loc, written in rows if agent_key(written or "") == key]
    if not moving:
        raise CorpusError(f"actor {source} is never written {name!r} (name key {key!r})")
    new = agent_id(key)
    if new == source:  # the split-off name is the one the actor was first stored under
        new = agent_id(f"{key}|split|{source}")

    def work() -> None:
        # a name merged into ``source`` before and split off again is its old actor again: its id
        # no longer points to the actor it had joined (it would send a rename or a page there)
        con.execute("DELETE FROM actor_merges WHERE old_id = ?", [new])
        con.execute(
            "INSERT INTO actors (id, key, name, kind, country, n_person, n_organisation, name_fixed) "
            "SELECT ?, ?, ?, kind, country, 0, 0, true FROM actors WHERE id = ? ON CONFLICT DO NOTHING",
            [new, f"{key}|agent", name, source])
        con.execute(
            "INSERT INTO actor_names (key, class, actor_id, surname, name, n, source) VALUES (?, 'agent', ?, ?, ?, ?, 'analyst') "
            "ON CONFLICT (key, class) DO UPDATE SET actor_id = excluded.actor_id, source = 'analyst'",
            [key, new, surname(key), name, len(moving)])
        move_rows(con, source, moving, new)

    _transaction(con, work)
    return new


def move_rows(con: duckdb.DuckDBPyConnection, source: str, moving: Sequence[tuple[str, str]], target: str, *,
              index_now: bool = True) -> None:
    """The article actors ``moving`` (article id, local id) of ``source`` become ``target``'s, with
    their mentions and their places in quotes and events; both actors' votes, names, counts and
    periods are taken again, and the articles indexed again (``index_now=False``: at the end of
    the run, :func:`settle_index`). ``target`` must exist."""
    articles = [a for a, _ in moving]
    locals_ = [loc for _, loc in moving]
    pairs = "SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]) AS local_id"
    for table in ("article_actors", "mentions"):
        con.execute(
            f"UPDATE {table} SET actor_id = ? FROM ({pairs}) p "
            f"WHERE {table}.article_id = p.article_id AND {table}.local_id = p.local_id", [target, articles, locals_])
    moved = set(moving)
    for table, ids, local in (("quotes", "speaker_ids", "speaker_local_ids"), ("events", "source_ids", "source_local_ids"),
                              ("events", "target_ids", "target_local_ids"), ("events", "place_ids", "place_local_ids")):
        rows = con.execute(
            f"SELECT article_id, id, {ids}, {local} FROM {table} WHERE list_contains({ids}, ?) "
            "AND list_contains(?, article_id)", [source, articles]).fetchall()
        for article, rid, id_list, local_list in rows:
            fixed = [target if (article, loc) in moved else cur for cur, loc in zip(id_list, local_list)]
            con.execute(f"UPDATE {table} SET {ids} = ? WHERE article_id = ? AND id = ?", [fixed, article, rid])
    # the moved rows' kind votes go with them
    cast = Counter(_vote(name, kind) for name, kind in con.execute(
        f"SELECT a.name, a.kind FROM article_actors a JOIN ({pairs}) p "
        "ON a.article_id = p.article_id AND a.local_id = p.local_id", [articles, locals_]).fetchall())
    person, organisation = cast["person"], cast["organisation"]
    for actor, sign in ((source, -1), (target, 1)):
        con.execute(
            "UPDATE actors SET n_person = greatest(coalesce(n_person, 0) + ?, 0), "
            "n_organisation = greatest(coalesce(n_organisation, 0) + ?, 0) WHERE id = ?",
            [sign * person, sign * organisation, actor])
    refresh(con, [source, target])
    stats.refresh_days(con, [source, target])
    defer_index(con, articles=articles, counted=[source, target])
    if index_now:
        settle_index(con)


def rename_actor(con: duckdb.DuckDBPyConnection, actor_id: str, name: str) -> str:
    """Show the actor as ``name`` from now on (ingest no longer picks its display name)."""
    current = _existing(con, actor_id)
    _transaction(con, lambda: (
        con.execute("UPDATE actors SET name = ?, name_fixed = true WHERE id = ?", [name, current]),
        actorwords.touch(con, [current]),
    ))
    return current


def set_external_id(con: duckdb.DuckDBPyConnection, actor_id: str, external_id: str | None) -> str:
    """An id the analyst keeps for this actor elsewhere (a Wikidata QID, say); kept across re-ingests."""
    current = _existing(con, actor_id)
    con.execute("UPDATE actors SET external_id = ? WHERE id = ?", [external_id or None, current])
    return current


def apply_aliases(con: duckdb.DuckDBPyConnection, rows: Iterable[tuple[str, str, str | None]]) -> int:
    """Apply ``(alias, actor, external_id)`` rows: ``actor`` is an actor id or a name.

    The alias's key then means that actor in every later ingest; an actor already stored under
    the alias alone is merged into it. Returns how many rows changed something.
    """
    changed = 0
    for alias, actor, external in rows:
        target = actor if actor.startswith("A") and con.execute(
            "SELECT 1 FROM actors WHERE id = ?", [resolve_id(con, actor)]).fetchone() else None
        key = agent_key(actor)
        if target is None:
            found = con.execute("SELECT actor_id FROM actor_names WHERE key = ? AND class = 'agent'", [key]).fetchone()
            target = found[0] if found else agent_id(key)
            con.execute(
                "INSERT INTO actors (id, key, name, kind, country, n_person, n_organisation, name_fixed) "
                "VALUES (?, ?, ?, 'person', NULL, 0, 0, false) ON CONFLICT DO NOTHING", [target, f"{key}|agent", actor])
            actorwords.touch(con, [target])
            actorwords.flush(con)
            con.execute(
                "INSERT INTO actor_names (key, class, actor_id, surname, name, n, source) VALUES (?, 'agent', ?, ?, ?, 0, 'analyst') "
                "ON CONFLICT (key, class) DO NOTHING", [key, target, surname(key), actor])
        target = resolve_id(con, target)
        alias_key = agent_key(alias)
        before = con.execute(
            "SELECT actor_id, source FROM actor_names WHERE key = ? AND class = 'agent'", [alias_key]).fetchone()
        if before is None or before[0] != target or before[1] != "analyst":
            con.execute(
                "INSERT INTO actor_names (key, class, actor_id, surname, name, n, source) VALUES (?, 'agent', ?, ?, ?, 0, 'analyst') "
                "ON CONFLICT (key, class) DO UPDATE SET actor_id = excluded.actor_id, source = 'analyst'",
                [alias_key, target, surname(alias_key), alias])
            changed += 1
        if before is not None and before[0] != target and before[0] == agent_id(alias_key):
            _transaction(con, lambda: merge(con, target, before[0], reason=f"alias {alias!r}"))
        if external:
            set_external_id(con, target, external)
    return changed
