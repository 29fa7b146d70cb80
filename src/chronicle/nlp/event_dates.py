"""Dating an event by its distance from another: "two days after the bombing", "hours after X was killed".

News often dates one event only through another: "Haniyeh was killed ... on
July 31, just hours after Shukur was killed". The parse links the two through
"after"/"before" (a clause marker or a preposition) with an optional measure
("two days", "a week", "hours"). When one side has a calendar day, the other
side's day follows:

- a count of days or weeks gives an exact day ("two days after" March 3 →
  March 5 for the later event, March 1 for the earlier one);
- hours, minutes or moments give the two days the event may fall on, written
  as an ISO 8601 interval ("2024-07-30/2024-07-31"): the text does not say
  whether midnight lies between the two events;
- no measure, or a vague one ("days after", "shortly before"), gives nothing.

Plain functions over spaCy tokens; :mod:`chronicle.nlp.events` calls them:
:func:`timex_reaching` for the time expression attached to an event in the
parse, and :func:`relative_date` for events that have none of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from chronicle.nlp.date_resolve import number

LINK_WORDS = frozenset({"after", "before"})
UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
WITHIN_HOURS = frozenset({"hour", "hours", "minute", "minutes", "moment", "moments", "second", "seconds"})
DEICTIC = frozenset({"last", "next", "this", "that", "past", "coming", "previous", "same"})
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# A time expression inside a phrase headed by one of these dates that phrase, not the
# event the phrase modifies ("arrested two days after the bombing on March 3"); a clock
# time still dates it ("conceded shortly after midnight").
BOUNDARY_WORDS = frozenset({"after", "before", "since", "until", "till"})


@dataclass(frozen=True)
class Link:
    """``inner`` happened ``word`` (after/before) ``outer``, ``days`` apart (None: within hours)."""

    word: Token
    inner: Token  # head of the after/before clause or phrase
    outer: Token  # what the clause or phrase modifies
    days: int | None


def link_of(tok: Token) -> Link | None:
    """The after/before link that ``tok`` heads the inner side of, when it has a usable measure.

    "hours after a commander was killed" (killed, clause with mark "after"),
    "two days after the bombing" (bombing, object of the preposition).
    """
    if tok.dep_ == "advcl" and tok.head.i != tok.i:
        marks = [c for c in tok.children if c.dep_ == "mark" and c.lower_ in LINK_WORDS]
        if marks:
            return _with_measure(marks[0], tok, tok.head)
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in LINK_WORDS and tok.head.dep_ == "prep" \
            and tok.head.head.i != tok.head.i:
        return _with_measure(tok.head, tok, tok.head.head)
    return None


def links_from(tok: Token) -> list[Link]:
    """After/before links whose outer side is ``tok`` ("arrested two days after the bombing")."""
    out = []
    for child in tok.children:
        if child.dep_ == "advcl" or (child.dep_ == "prep" and child.lower_ in LINK_WORDS):
            inner = child if child.dep_ == "advcl" else next(
                (c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if inner is not None:
                link = link_of(inner)
                if link is not None and link.outer.i == tok.i:
                    out.append(link)
    return out


def is_link_measure(tok: Token) -> bool:
    """``tok`` measures an after/before link: "a week" in "a week before X attacked"."""
    if tok.dep_ != "npadvmod" or tok.lower_ not in UNIT_DAYS.keys() | WITHIN_HOURS:
        return False
    if any(c.lower_ in DEICTIC for c in tok.children):
        return False  # "last week before agreeing" is a date
    head = tok.head
    return head.lower_ in LINK_WORDS or any(c.dep_ == "mark" and c.lower_ in LINK_WORDS for c in head.children)


def _with_measure(word: Token, inner: Token, outer: Token) -> Link | None:
    # the measure hangs on the link word ("two days after the bombing", "hours after X was
    # killed") or, for a clause, on its verb ("a day after militants attacked")
    for measure in [*word.children, *inner.children]:
        if measure.dep_ != "npadvmod":
            continue
        unit = measure.lower_
        if unit in WITHIN_HOURS:
            return Link(word, inner, outer, None)
        if unit in UNIT_DAYS:
            count = _count(measure)
            if count is None:
                return None  # "days after": vague
            return Link(word, inner, outer, count * UNIT_DAYS[unit])
    return None


def _count(measure: Token) -> int | None:
    nums = [c for c in measure.children if c.dep_ == "nummod"]
    if nums:
        value = number(nums[0].text)
        return int(value) if value is not None and value == int(value) and value > 0 else None
    if measure.lower_ in ("day", "week") and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in measure.children):
        return 1
    return None


def shifted(day: str, link: Link, inner_known: bool) -> str | None:
    """The other side's date, given the calendar ``day`` of one side of ``link``.

    ``inner_known``: ``day`` is the inner event's (the one after "after"/"before");
    otherwise it is the outer one's.
    """
    if not day or not _DAY.fullmatch(day[:10]) or len(day) != 10:
        return None
    base = dt.date.fromisoformat(day)
    later = link.word.lower_ == "after"  # the outer event is the later one
    sign = 1 if later == inner_known else -1  # +: the unknown side is later than the known one
    if link.days is not None:
        return (base + dt.timedelta(days=sign * link.days)).isoformat()
    other = base + dt.timedelta(days=sign)
    lo, hi = sorted((base, other))
    return f"{lo.isoformat()}/{hi.isoformat()}"


def timex_reaching(doc: Doc, sent: Span, anchors: set[int], own: int, triggers: set[int]):
    """The DATE/TIME expression of ``sent`` whose parse path reaches one of ``anchors``.

    ``own`` is the event's trigger; the path may not pass through another event's
    trigger (``triggers``), a relative clause or an after/before phrase.
    """
    for tx in doc._.dates or ():
        if tx.type not in ("DATE", "TIME") or not (sent.start_char <= tx.start < sent.end_char):
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or any(is_link_measure(t) for t in span):
            continue  # "a week before X happened" measures a distance, it is not a date
        cur = span.root
        for _ in range(12):
            if cur.i in anchors:
                return tx
            if cur.i in triggers and cur.i != own and cur.dep_ != "advcl":
                break
            if cur.dep_ == "relcl":
                break  # "urged North Korea to resume talks it abandoned in 2009"
            if cur.lower_ in BOUNDARY_WORDS and cur.dep_ in ("prep", "mark") \
                    and not (tx.type == "TIME" and cur.lower_ in ("after", "before")):
                break  # "two days after the bombing on March 3": March 3 dates the bombing
            if cur.head.i == cur.i:
                break
            cur = cur.head
    return None


def relative_date(doc: Doc, trigger: Token, governing: list[Token], dated: dict[int, tuple[str, str]],
                  triggers: set[int]) -> tuple[str, str, str] | None:
    """(date, date_id, rule suffix) from an after/before link to a dated event or clause, else None.

    ``governing``: the trigger and the verbs it complements ("planned to attack ... a
    day after"); ``dated``: trigger index → (date, date_id) of the events dated directly.
    """

    def day_at(tok: Token) -> tuple[str, str] | None:
        if tok.i in dated:
            return dated[tok.i]
        tx = timex_reaching(doc, tok.sent, {tok.i}, tok.i, triggers)
        return (tx.value, tx.id) if tx is not None else None

    inner_of = link_of(trigger)
    candidates = [(inner_of, False)] if inner_of is not None else []
    candidates += [(link, True) for t in governing for link in links_from(t)]
    for link, inner_known in candidates:
        known = day_at(link.inner if inner_known else link.outer)
        if known is None:
            continue
        value = shifted(known[0], link, inner_known)
        if value is not None:
            return value, known[1], f"+date-{link.word.lower_}"
    return None
