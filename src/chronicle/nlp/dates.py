"""chronicle_dates: find time expressions and resolve them to TIMEX3 values.

Spans come from the rule table in :mod:`chronicle.nlp.date_rules` (regular
expressions over the text; longest match wins). Values come from
:mod:`chronicle.nlp.date_resolve`, anchored on ``doc._.published`` when it is
set. The parse is used for one thing: the tense around a bare weekday, month
or month-and-day, which decides whether "Thursday" is the past or the coming one
(and whether a future is seen from a past day of the story: "was expected to land
on Wednesday"). Inside quotation marks, expressions count from the day the quote
was spoken when the article tells it (:class:`SpeechTime`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from chronicle.nlp import date_rules
from chronicle.nlp.date_rules import CompiledRule, Context
from chronicle.nlp.quote_marks import find_quotes, paragraphs
from chronicle.records import TimeExpression

# Governing words that put what they govern in the future ("talks scheduled for Thursday").
FUTURE_LEMMAS = frozenset({
    "schedule", "expect", "plan", "slate", "set", "due", "intend", "aim", "hope", "propose",
    "await", "upcoming", "prepare", "pledge", "promise", "vow", "threaten", "seek", "want",
    "try", "start", "begin", "resume", "reconvene", "postpone", "delay", "defer", "forecast",
    "predict",
})
# Words just before an expression that point at a date near the publication date, on either
# side ("payable Dec. 1", "extended to Nov. 16", "through Oct. 19").
FUTURE_CUES = frozenset({"until", "till", "through", "thru", "into", "by", "payable", "effective", "record",
                         "to", "starting", "beginning", "expires", "expire", "due", "before", "ahead"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going", "gon"})
PAST_AUX = frozenset({"did", "had", "has", "have", "was", "were", "'d"})
# Words before a bare month name that show it is the month ("in May", "since May").
MONTH_CUES = frozenset({"in", "since", "by", "until", "till", "of", "last", "next", "this", "early",
                        "late", "mid", "during", "through", "from", "to", "before", "after", "end",
                        "beginning", "middle", "on", "and", "or", "between", "for"})
# Governing words whose simple past puts the infinitive after them in the past too ("tried to warn").
ATTEMPT_LEMMAS = frozenset({"try", "want", "seek", "start", "begin", "attempt", "resume", "need"})
# Verbs whose simple present with a date reads as a timetable, so the date is ahead ("The summit
# opens on Thursday", "The law takes effect in July", "Voters head to the polls on Sunday").
SCHEDULED_LEMMAS = frozenset({
    "open", "close", "end", "finish", "conclude", "take", "kick", "arrive", "leave", "depart", "travel",
    "visit", "head", "go", "return", "meet", "convene", "vote", "host", "hold", "launch", "expire", "fly",
    "land", "play", "face", "sign", "air", "premiere",
})
# Bare month names that are also common words or names.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "june", "august"})


@dataclass(frozen=True)
class WordLists:
    """The word lists above, as one value the component holds; its config may replace any of them."""

    future_lemmas: frozenset[str] = FUTURE_LEMMAS
    future_cues: frozenset[str] = FUTURE_CUES
    future_aux: frozenset[str] = FUTURE_AUX
    past_aux: frozenset[str] = PAST_AUX
    month_cues: frozenset[str] = MONTH_CUES
    ambiguous_months: frozenset[str] = AMBIGUOUS_MONTHS
    attempt_lemmas: frozenset[str] = ATTEMPT_LEMMAS
    scheduled_lemmas: frozenset[str] = SCHEDULED_LEMMAS

    @classmethod
    def of(cls, **lists: Iterable[str]) -> "WordLists":
        return cls(**{name: frozenset(words) for name, words in lists.items()})


DEFAULT_LISTS = WordLists()


@Language.factory(
    "chronicle_dates",
    # the tense of the verb a date hangs from decides "Thursday": the tagger, parser and lemmatizer
    requires=["token.tag", "token.dep", "token.head", "token.lemma"],
    assigns=["doc._.dates"],
    default_config={f.name: sorted(getattr(DEFAULT_LISTS, f.name)) for f in fields(WordLists)},
)
def make_dates(
    nlp: Language,
    name: str,
    future_lemmas: list[str],
    future_cues: list[str],
    future_aux: list[str],
    past_aux: list[str],
    month_cues: list[str],
    ambiguous_months: list[str],
    attempt_lemmas: list[str],
    scheduled_lemmas: list[str],
) -> "DateFinder":
    return DateFinder(WordLists.of(
        future_lemmas=future_lemmas, future_cues=future_cues, future_aux=future_aux, past_aux=past_aux,
        month_cues=month_cues, ambiguous_months=ambiguous_months, attempt_lemmas=attempt_lemmas,
        scheduled_lemmas=scheduled_lemmas,
    ))


class DateFinder:
    def __init__(self, lists: WordLists = DEFAULT_LISTS) -> None:
        self.rules = date_rules.compile_rules()
        self.lists = lists

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc, self.rules, self.lists)
        return doc


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


_STORY_TIME = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def remember_story_time(memory: dict[str, str], value: str) -> None:
    """The last day, month and year the story named: "the following day", "the previous year"
    and a clock time without a day count from them."""
    match = _STORY_TIME.fullmatch(value)
    if match is None:
        return
    memory["year"] = match["year"]
    if match["month"]:
        memory["month"] = value[:7]
    if match["day"]:
        memory["day"] = value


def find_dates(doc: Doc, rules: list[CompiledRule], lists: WordLists = DEFAULT_LISTS) -> list[TimeExpression]:
    anchor = parse_date(doc._.published)
    text = doc.text
    chosen = select(candidates(text, rules, lists))
    ctx = Context(anchor=anchor)
    speech = SpeechTime(text, anchor)
    out: list[TimeExpression] = []
    for index, (start, end, _, compiled, match) in enumerate(chosen):
        rule = compiled.rule
        groups = match.groupdict()
        if rule.type == "TIME" and "h" in groups and not any(groups.get(k) for k in ("wday", "deixis", "month")):
            # "at 7:30 a.m. ET on July 19", "at 2am local time (0100 UTC) on Friday": a clock
            # time takes the day named right after it
            following = day_after(text, end, chosen[index + 1:index + 3], ctx,
                                  lambda s, e: tense_at(doc, s, e, lists))
            if following:
                ctx.memory["day"] = following
        ctx.tense = lambda s=start, e=end: tense_at(doc, s, e, lists)
        ctx.ahead_of_past = lambda s=start, e=end: ahead_of_past(doc, s, e, lists)
        said = speech.day_of(start) if rule.anchored else None
        if said is not None:
            # "Today we went to the Moon", tweeted on the day of the race: a quote counts from
            # the time it was spoken, not from the publication date
            ctx.anchor = said
            value = rule.value(groups, ctx)
            ctx.anchor = anchor
        else:
            value = rule.value(groups, ctx)
        if rule.type == "DATE":
            remember_story_time(ctx.memory, value)
            speech.saw(start, value)
        anchored = anchor is not None and rule.anchored
        out.append(TimeExpression(
            id=f"t{len(out) + 1}", start=start, end=end, text=text[start:end], type=rule.type,
            value=value, anchored=anchored, rule=rule.name,
        ))
    return out


_CLOCK_THEN_DAY = re.compile(r"[\s,)]*(?:on\s+)?")
_CLOCK_THEN_CLOCK = re.compile(r"\s*[(,]?\s*")


def day_after(text: str, end: int, following: list, ctx: Context, tense) -> str | None:
    """The day the next expression names, when it follows right after ``end`` (past a clock time
    in another zone: "2am local time (0100 UTC) on Friday"): its value with the same context,
    worked out without touching the context's memory."""
    if not following:
        return None
    start, stop, _, compiled, match = following[0]
    if compiled.rule.type == "TIME" and len(following) > 1:
        between = _CLOCK_THEN_CLOCK.match(text, end)
        if between is not None and between.end() == start:
            end = stop
            start, stop, _, compiled, match = following[1]
    gap = _CLOCK_THEN_DAY.match(text, end)
    if gap is None or gap.end() != start or compiled.rule.type != "DATE":
        return None
    probe = Context(anchor=ctx.anchor, tense=lambda: tense(start, stop), memory=dict(ctx.memory))
    value = compiled.rule.value(match.groupdict(), probe)
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


class SpeechTime:
    """The day a quote was spoken, where the article tells it and it is not the publication date.

    Wikinews tells a story days after it happened and quotes what people said then: "Today" in
    a tweet sent on the day of the race is that day. The day is the last one named outside
    quotes earlier in the quote's paragraph, else the story's day (the first day the article
    names outside quotes, after any dateline), when that day lies before the publication date
    and at most ``SPEECH_DAYS`` before it. Unknown otherwise: the publication date governs.
    """

    def __init__(self, text: str, anchor: dt.date | None) -> None:
        self.anchor = anchor
        self.quotes = [q.inner for q in find_quotes(text)] if anchor is not None else []
        self.paragraphs = paragraphs(text)
        self.story: dt.date | None = None
        self.named: list[tuple[int, dt.date]] = []  # (offset, day) named outside quotes

    def _quoted(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)

    def saw(self, start: int, value: str) -> None:
        day = parse_date(value) if _DAY_VALUE.fullmatch(value) else None
        if day is None or self.anchor is None or self._quoted(start):
            return
        if self.story is None and not (start < DATELINE_CHARS and day == self.anchor):
            self.story = day
        self.named.append((start, day))

    def day_of(self, pos: int) -> dt.date | None:
        if not self.quotes or not self._quoted(pos):
            return None
        paragraph = next(((s, e) for s, e in self.paragraphs if s <= pos < e), (pos, pos))
        earlier = [day for at, day in self.named if paragraph[0] <= at < pos]
        day = earlier[-1] if earlier else self.story
        if day is None or not 0 < (self.anchor - day).days <= SPEECH_DAYS:
            return None
        return day


SPEECH_DAYS = 14
DATELINE_CHARS = 40  # a date this near the start is the dateline, not the story's day
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")


_PREPOSITION_LEAD = re.compile(r"(?:over|within|under|around|in)\s+(?=the\s|its\s|their\s)", re.IGNORECASE)

Candidate = tuple[int, int, int, CompiledRule, re.Match[str]]


WINDOW = 80  # chars either side of a trigger a match may reach


def windows(text: str, lower: str, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Stretches of text around the triggers' occurrences, merged, cut at whitespace."""
    if not triggers:
        return [(0, len(text))]
    hits: list[int] = []
    for word in triggers:
        at = lower.find(word)
        while at != -1:
            hits.append(at)
            at = lower.find(word, at + 1)
    if not hits:
        return []
    hits.sort()
    spans: list[tuple[int, int]] = []
    for at in hits:
        start, end = max(0, at - WINDOW), at + WINDOW
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    out = []
    for start, end in spans:
        # Widen to whitespace so that no word is cut in two at either edge.
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        out.append((start, min(end, len(text))))
    return out


def candidates(text: str, rules: list[CompiledRule], lists: WordLists = DEFAULT_LISTS) -> Iterator[Candidate]:
    lower = text.lower()
    for index, compiled in enumerate(rules):
        for match in _matches(text, lower, compiled):
            if not acceptable(text, compiled, match, lists):
                continue
            start, end = match.span("span") if match.groupdict().get("span") else match.span()
            lead = _PREPOSITION_LEAD.match(text, start, end)
            if lead:  # "over the past year": the preposition is not part of the expression
                start = lead.end()
            yield start, end, index, compiled, match


def _matches(text: str, lower: str, compiled: CompiledRule) -> Iterator[re.Match[str]]:
    last_end = -1
    for start, end in windows(text, lower, compiled.triggers):
        for match in compiled.regex.finditer(text, max(start, last_end), end):
            last_end = match.end()
            yield match


def acceptable(text: str, compiled: CompiledRule, match: re.Match[str], lists: WordLists = DEFAULT_LISTS) -> bool:
    """Checks a regular expression cannot say: capitals on names, cues for ambiguous months."""
    if compiled.excluded(text, match):
        return False
    groups = match.groupdict()
    for key in ("month", "wday", "season"):
        word = groups.get(key)
        if word and key != "season" and not word[0].isupper():
            return False
    month = groups.get("month")
    if month and compiled.rule.name == "month" and not groups.get("mod") and not groups.get("mod2"):
        before = text[max(0, match.start() - 12):match.start()].split()
        prev = before[-1].lower().rstrip("-") if before else ""
        if month.lower() in lists.ambiguous_months and prev not in lists.month_cues:
            return False
        if month.lower() == "may" and text[match.end():match.end() + 1].isalpha():
            return False
    return True


def select(found: Iterator[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap, in text order (ties: the earlier rule)."""
    ranked = sorted(found, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[Candidate] = []
    spans: list[tuple[int, int]] = []
    for cand in ranked:
        if any(cand[0] < e and s < cand[1] for s, e in spans):
            continue
        taken.append(cand)
        spans.append((cand[0], cand[1]))
    return sorted(taken, key=lambda c: c[0])


# --- tense ----------------------------------------------------------------------------

def tense_at(doc: Doc, start: int, end: int, lists: WordLists = DEFAULT_LISTS) -> str | None:
    """"past", "future", "present", "near", "ahead" or None: the tense of the verb the expression
    hangs from, or a cue word right before it (see :mod:`chronicle.nlp.date_resolve`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    before = [t for t in doc[max(0, span.start - 2):span.start] if not t.is_punct]
    if before and (before[-1].lower_ in lists.future_cues or before[-1].lower_ in ("on", "at", "of")
                   and len(before) > 1 and before[-2].lower_ in lists.future_cues):
        # "will run through September", "runs through September": ahead; "was flat through
        # Oct. 19" or no verb: whichever is nearer
        possessive = span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")  # "to December's figures"
        return "ahead" if not possessive and tense_of_span(span, lists) in ("future", "present") else "near"
    # "said on Tuesday they would resume": the parser may hang the date on the later verb,
    # but a date right after a simple-past verb belongs to it
    if before and (before[-1].tag_ == "VBD" or before[-1].lower_ == "on" and len(before) > 1 and before[-2].tag_ == "VBD"):
        return "past"
    return tense_of_span(span, lists)


def tense_of_span(span: Span, lists: WordLists = DEFAULT_LISTS) -> str | None:
    token: Token | None = span.root
    seen = 0
    while token is not None and seen < 8:
        seen += 1
        # "scheduled for Thursday" looks ahead; "began on March 3" (simple past) does not
        if is_future_word(token, lists) and token.tag_ != "VBD" and token.i not in range(span.start, span.end):
            return "past" if any(c.lower_ == "had" for c in token.children) else "future"
        if token.tag_.startswith("VB") or token.tag_ == "MD":
            tense = verb_tense(token, lists)
            if tense is not None:
                return tense
        if token.head.i == token.i:
            break
        token = token.head
    return None


def ahead_of_past(doc: Doc, start: int, end: int, lists: WordLists = DEFAULT_LISTS) -> bool:
    """Whether the expression's future is seen from a past point: it hangs from "would" or from
    a future word in the past ("was expected to land on Wednesday", "were scheduled for May 3")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token: Token | None = span.root
    for _ in range(8):
        if token.i not in range(span.start, span.end):
            auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
            if "would" in auxes:
                return True
            if is_future_word(token, lists) and (
                    token.tag_ == "VBD" or token.tag_ == "VBN" and auxes & {"was", "were", "had"}):
                return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


def is_future_word(token: Token, lists: WordLists = DEFAULT_LISTS) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "set":  # "set to", "set for", not "set a record"
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return nxt is not None and nxt.lower_ in ("to", "for")
    return lemma in lists.future_lemmas


def verb_tense(verb: Token, lists: WordLists = DEFAULT_LISTS) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if words & lists.future_aux or "would" in words:
        return "future"
    if "to" in words:
        # An infinitive: what governs it decides, and it looks forward by default; "tried to
        # warn" and "began to fall" are past, "planned to visit" looks ahead of the plan.
        head = verb.head
        if head.i != verb.i and head.tag_ in ("VBD", "VBN") and (
                not is_future_word(head, lists) or head.tag_ == "VBD" and head.lemma_.lower() in lists.attempt_lemmas):
            return "past"
        return "future"
    if words & lists.past_aux:
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        return "future" if is_future_word(verb, lists) else "past"
    if verb.tag_ in ("VBZ", "VBP") and not words and verb.lemma_.lower() in lists.scheduled_lemmas:
        return "future"  # a timetable: "the summit opens on Thursday"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re", "'m"}:
        return "future"  # a plan: "the minister is visiting Beijing on Monday"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "am", "do", "does"}:
        return "present"
    if verb.tag_ == "MD":
        return "future"
    return None
