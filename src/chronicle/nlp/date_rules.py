"""The table of time-expression rules: one row per kind of expression.

Each :class:`Rule` is a name, a TIMEX3 type, a regular expression (written with
the macros below, matched case-insensitively, except that month and weekday
names must be capitalised) and a function giving the value from the match and
the :class:`Context` (publication date, tense near the expression, what the
article said before). Where rules overlap, the longest match wins, then the
earlier row. Spans follow TimeBank: a leading "the" and modifiers such as
"early", "nearly", "the past" belong to the expression, a preposition does not.

Every row is exercised by ``tests/nlp/test_dates.py``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from chronicle.nlp import date_resolve as R


@dataclass
class Context:
    """What a rule may look at besides its match."""

    anchor: dt.date | None
    tense: Callable[[], str | None] = lambda: None
    # Whether the future the tense points to is seen from a past point ("was expected to land
    # on Wednesday", "said he would travel on Friday"): then it counts from the story's day.
    ahead_of_past: Callable[[], bool] = lambda: False
    # What earlier expressions in the article resolved to: "quarter" -> "1989-Q3", "wday:3" -> date,
    # "day" -> the last calendar day the story named (the story's own time).
    memory: dict[str, str] = field(default_factory=dict)


Resolver = Callable[[dict[str, str | None], Context], str]


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    pattern: str
    value: Resolver
    anchored: bool = True  # whether the value depends on the publication date


@dataclass(frozen=True)
class Exclusion:
    """A match of some rules that is not a time expression, told by the words right after it
    (``after``, matched where the match ends) and, optionally, by how the match ends (``match``,
    found at its end) and the words right before it (``before``). ``example`` holds such a
    phrase: no time expression may be found in it."""

    name: str
    rules: tuple[str, ...]
    after: str
    example: str
    match: str = ""
    before: str = ""  # the words right before the match, found where it starts


# --- macros ---------------------------------------------------------------------------

_MONTH = (r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|April"
          r"|May|June|July|August|September|October|November|December|Sept"
          # an abbreviation without its dot, before a day or a year, as wire datelines write it
          # ("ABUJA, Nigeria, Aug 7 (Reuters) -")
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?=\s+\d)")
_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NUMWORD = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four"
            r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
            r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
            r"|(?:a|one|two|three|four|five) hundred|hundred|a couple of|a couple|couple of|a dozen|dozen"
            r"|a few|few|several|many|a number of")
_ORDINAL = r"first|second|third|fourth|1st|2nd|3rd|4th"
MACROS = {
    "MONTH": rf"(?P<month>{_MONTH})",
    "WEEKDAY": rf"(?P<wday>{_WEEKDAY})",
    "DAY": r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
    "YEAR": r"(?P<year>1[5-9]\d\d|20\d\d)(?![\d,.]\d|%)",
    "NUM": rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_NUMWORD}|an|a)",
    "NUMX": rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_NUMWORD}|one)",  # a real count, not "a"
    "UNIT": r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))",
    "UNITS": r"(?P<unit>seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)",
    "UNITX": r"(?P<unit>(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade)s?|century|centuries)",
    "ORD": rf"(?P<ord>{_ORDINAL})",
    "SPELLED": r"(?P<hi>nineteen|eighteen)(?:\s+hundred)?[\s-]+(?P<lo>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)",
    # a time zone after a clock time, written in capitals ("EST", "ET", "UTC") or "local time"
    "ZONE": r"(?:(?-i:[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|AST|IST|JST|MSK|AEST|AEDT)(?![\w])|local time)",
    "APPROX": r"(?:(?:nearly|almost|about|around|roughly|some|at least|at most|more than|less than"
              r"|up to|no more than|no less than|fewer than|another|an additional|an extra)\s+)",
}


def expand(pattern: str) -> str:
    return re.sub(r"\{([A-Z]+)\}", lambda m: MACROS[m.group(1)], pattern)


# --- resolvers ------------------------------------------------------------------------

def _month(g) -> int:
    return R.MONTHS[g["month"].lower()]


def _mod(g, key: str = "mod") -> str:
    return " ".join((g.get(key) or "").lower().split())


def _full_date(g, ctx) -> str:
    d = R._valid(int(g["year"]), _month(g), int(g["day"]))
    return R.day_value(d) if d else f"{int(g['year']):04d}-{_month(g):02d}"


def _story_reference(ctx, tense: str | None) -> dt.date | None:
    """The story's day, when a future expression is seen from it: a past day the story named."""
    story = ctx.memory.get("day")
    if tense != "future" or not story or ctx.anchor is None or story >= ctx.anchor.isoformat():
        return None
    return dt.date.fromisoformat(story) if ctx.ahead_of_past() else None


def _month_day(g, ctx) -> str:
    tense = ctx.tense()
    return R.yearless_date(_story_reference(ctx, tense) or ctx.anchor, _month(g), int(g["day"]), tense)


def _weekday_month_day(g, ctx) -> str:
    if g.get("year"):
        return _full_date(g, ctx)
    wday = R.WEEKDAYS.index(g["wday"].lower())
    return R.yearless_date(ctx.anchor, _month(g), int(g["day"]), ctx.tense(), wday)


def _range_end(g, ctx) -> str:
    if g.get("year"):
        return _full_date(g, ctx)
    return _month_day(g, ctx)


def _month_year(g, ctx) -> str:
    return R.month_value(int(g["year"]), _month(g))


def _month_only(g, ctx) -> str:
    mod = _mod(g)
    if mod.endswith("last year"):
        return R.month_value(ctx.anchor.year - 1, _month(g)) if ctx.anchor else f"XXXX-{_month(g):02d}"
    if mod.endswith("this year"):
        return R.month_value(ctx.anchor.year, _month(g)) if ctx.anchor else f"XXXX-{_month(g):02d}"
    word = "last" if "last" in mod else "next" if "next" in mod else "this" if "this" in mod else ""
    return R.yearless_month(ctx.anchor, _month(g), ctx.tense(), word)


def _iso(g, ctx) -> str:
    d = R._valid(int(g["y"]), int(g["m"]), int(g["d"]))
    return R.day_value(d) if d else "XXXX-XX-XX"


def _slash(g, ctx) -> str:
    year = int(g["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    d = R._valid(year, int(g["m"]), int(g["d"]))
    return R.day_value(d) if d else "XXXX-XX-XX"


def _year(g, ctx) -> str:
    return g["year"]


def _half_of_year(g, ctx) -> str:
    half = 1 if _mod(g, "half") in ("first", "1st") else 2
    return f"{g['year']}-H{half}"


def _spelled_year(g, ctx) -> str:
    hundreds = R.number(g["hi"])
    rest = R.number(g["lo"]) if g.get("lo") else 0
    if hundreds is None or rest is None:
        return "XXXX"
    return f"{int(hundreds) * 100 + int(rest):04d}"


def _two_thousand(g, ctx) -> str:
    rest = R.number(g["lo"]) if g.get("lo") else 0
    return f"{2000 + int(rest or 0):04d}"


def _decade(g, ctx) -> str:
    return R.decade_value(g["dec"])


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _century(g, ctx) -> str:
    n = R.ORDINALS.get(g["cent"].lower())
    if n is None:
        n = int(re.sub(r"\D", "", g["cent"]))
    return f"{n - 1:02d}"


def _weekday(g, ctx) -> str:
    wday = R.WEEKDAYS.index(g["wday"].lower())
    mod = _mod(g)
    if mod in ("", "early", "late", "on"):
        tense = ctx.tense()
        if tense is None and f"wday:{wday}" in ctx.memory:
            return ctx.memory[f"wday:{wday}"]
        value = R.weekday_date(_story_reference(ctx, tense) or ctx.anchor, wday, tense)
    elif mod == "this":  # "This Sunday, Zapata crossed": the tense picks the week
        value = R.weekday_date(ctx.anchor, wday, ctx.tense(), mod)
    elif mod in ("the previous", "the following") and ctx.memory.get("day"):
        # "down from the previous Friday": the Friday before the day the story last named
        value = R.weekday_date(dt.date.fromisoformat(ctx.memory["day"]), wday, None, mod)
    else:
        value = R.weekday_date(ctx.anchor, wday, None, mod)
    ctx.memory[f"wday:{wday}"] = value
    return value


_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                 "overnight": "NI", "mid-afternoon": "AF", "midafternoon": "AF", "mid afternoon": "AF",
                 "late afternoon": "AF", "early morning": "MO", "late night": "NI"}


def _weekend_of_month(g, ctx) -> str:
    month = _month(g)
    if g.get("year"):
        year = int(g["year"])
    else:
        value = R.yearless_month(ctx.anchor, month, ctx.tense())
        if value.startswith("X"):
            return "XXXX-WXX-WE"
        year = int(value[:4])
    saturdays = [d for d in (dt.date(year, month, n) for n in range(1, calendar.monthrange(year, month)[1] + 1))
                 if d.weekday() == 5]
    which = g["ord"].lower()
    saturday = saturdays[-1] if which == "last" else saturdays[R.ORDINALS[which] - 1]
    return R.week_value(saturday) + "-WE"


def _deictic_day(word: str, anchor: dt.date | None) -> str:
    if anchor is None:
        return "XXXX-XX-XX"
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}[word]
    return R.day_value(anchor + dt.timedelta(days=offset))


def _deictic(g, ctx) -> str:
    return _deictic_day(g["deixis"].lower(), ctx.anchor)


def _day_part(g, ctx) -> str:
    part = _PARTS_OF_DAY[" ".join(g["part"].lower().split())]
    if g.get("wday"):
        day = _weekday(g, ctx)
    else:
        day = _deictic_day((g.get("deixis") or "today").lower(), ctx.anchor)
    return f"{day}T{part}"


def _story_day_part(g, ctx) -> str:
    day = ctx.memory.get("day") or _deictic_day("today", ctx.anchor)
    return f"{day}T{_PARTS_OF_DAY[g['part'].lower()]}"


def _tonight(g, ctx) -> str:
    return f"{_deictic_day('today', ctx.anchor)}TNI"


def _clock(g, ctx) -> str:
    """A clock time on the day it names, else on the last day the story named ("On Wednesday ...
    the call came at 2:20 a.m."), else on the publication date."""
    if g.get("noon"):
        t = "T12:00" if g["noon"].lower() == "noon" else "T24:00"
    else:
        t = R.clock(int(g["h"]), int(g["mi"] or 0), g.get("ap"))
    if g.get("wday"):
        day = _weekday(g, ctx)
    elif g.get("deixis"):
        day = _deictic(g, ctx)
    elif g.get("month"):
        day = _month_day(g, ctx)
    else:
        day = ctx.memory.get("day") or _deictic_day("today", ctx.anchor)
    return day + t


_REL_OFFSETS = {"last": -1, "past": -1, "the last": -1, "previous": -1, "this past": -1, "the past": -1,
                "the previous": -1, "the last": -1, "this": 0, "current": 0, "the current": 0,
                "present": 0, "the present": 0, "next": 1, "coming": 1, "the coming": 1, "the next": 1,
                "the following": 1, "following": 1, "this coming": 1}


# "the following day", "the previous day": counted from the day the story last named, not from
# the publication date ("On March 3 ... the following day" is March 4).
_STORY_RELATIVE = ("the following", "following", "the previous", "previous", "the next")


def _relative(g, ctx) -> str:
    unit = R.unit_name(g["unit"])
    offset = _REL_OFFSETS[_mod(g, "rel")]
    story = ctx.memory.get({"day": "day", "week": "day", "month": "month", "year": "year"}.get(unit, ""))
    if story and _mod(g, "rel") in _STORY_RELATIVE:
        if unit == "year":
            return f"{int(story) + offset:04d}"
        if unit == "month":
            year, month = divmod(int(story[:4]) * 12 + int(story[5:7]) - 1 + offset, 12)
            return R.month_value(year, month + 1)
        return R.relative_unit(dt.date.fromisoformat(story), offset, unit)
    value = R.relative_unit(ctx.anchor, offset, unit)
    if unit == "quarter":
        remember_quarter(ctx, value)
    return value


def _story_unit(g, ctx) -> str:
    unit = R.unit_name(g["unit"])
    story = ctx.memory.get("day" if unit == "week" else unit)
    if story is None:
        return R.relative_unit(ctx.anchor, 0, unit)
    return R.week_value(dt.date.fromisoformat(story)) if unit == "week" else story


def _year_earlier(g, ctx) -> str:
    """"a year ago" / "a year earlier": last year, or last year's quarter when the article
    is about a quarter."""
    if ctx.anchor is None:
        return "XXXX"
    quarter = ctx.memory.get("topic_quarter")
    if quarter and re.fullmatch(r"\d{4}-Q\d", quarter):
        return f"{int(quarter[:4]) - 1:04d}{quarter[4:]}"
    return f"{ctx.anchor.year - 1:04d}"


def _ago(g, ctx) -> str:
    unit = R.unit_name(g["unit"])
    amount = R.number(g.get("num"))
    direction = g["dir"].lower()
    sign = 1 if direction in ("later", "from now", "from today", "hence", "after") else -1
    if direction == "from today" and ctx.anchor and amount and amount == int(amount) and unit in ("day", "week", "month"):
        # "one month from today": a day, counted from the publication date
        n = int(amount)
        day = R.add_months(ctx.anchor, n) if unit == "month" else ctx.anchor + dt.timedelta(days=n * (7 if unit == "week" else 1))
        return R.day_value(day)
    if unit == "year" and amount == 1 and sign < 0 and direction in ("earlier", "before", "ago"):
        return _year_earlier(g, ctx)
    story = ctx.memory.get({"day": "day", "week": "day", "month": "month", "year": "year"}.get(unit, ""))
    if story and direction in ("later", "earlier", "after", "before"):
        # "On March 3 ... two days later": counted from the story's own time, not from today
        if unit == "month":
            story = f"{story}-01"
        elif unit == "year":
            return R.shift(dt.date(int(story), 1, 1), amount, unit, sign)
        return R.shift(dt.date.fromisoformat(story), amount, unit, sign)
    return R.shift(ctx.anchor, amount, unit, sign)


def _quarter(g, ctx) -> str:
    quarter = R.ORDINALS[g["ord"].lower()]
    if g.get("year"):
        value = R.quarter_value(int(g["year"]), quarter)
    elif _mod(g, "rel") in ("last year's", "last year"):
        value = R.quarter_value(ctx.anchor.year - 1, quarter) if ctx.anchor else f"XXXX-Q{quarter}"
    elif _mod(g, "rel") in ("next year's", "next year"):
        value = R.quarter_value(ctx.anchor.year + 1, quarter) if ctx.anchor else f"XXXX-Q{quarter}"
    elif _mod(g, "rel") in ("this year's", "this year"):
        value = R.quarter_value(ctx.anchor.year, quarter) if ctx.anchor else f"XXXX-Q{quarter}"
    else:
        value = R.quarter_year(ctx.anchor, quarter, ctx.tense())
    remember_quarter(ctx, value)
    return value


def remember_quarter(ctx: Context, value: str) -> None:
    ctx.memory["quarter"] = value
    ctx.memory.setdefault("topic_quarter", value)


def _year_period(g, ctx) -> str:
    """"the 1988 period", "the 1988 quarter": that year's quarter the article is about."""
    quarter = ctx.memory.get("topic_quarter")
    if quarter and re.fullmatch(r"\d{4}-Q\d", quarter):
        return f"{g['year']}{quarter[4:]}"
    return g["year"]


def _the_quarter(g, ctx) -> str:
    """"the latest quarter": the last full quarter before the publication date; "the quarter":
    the quarter the article last named, else that one."""
    which = _mod(g, "which") or _mod(g, "which2")
    latest = "latest" in which or "recent" in which
    if ctx.memory.get("quarter") and not latest:
        return ctx.memory["quarter"]
    if ctx.anchor is None:
        return "XXXX-QX"
    value = R.shift(ctx.anchor, 1, "quarter", -1)
    remember_quarter(ctx, value)
    return value


def _year_ago_quarter(g, ctx) -> str:
    return _year_earlier(g, ctx)


def _season(g, ctx) -> str:
    mod = _mod(g)
    word = "last" if "last" in mod else "next" if "next" in mod else "this" if "this" in mod else ""
    year = int(g["year"]) if g.get("year") else None
    return R.season_value(ctx.anchor, g["season"].lower(), ctx.tense(), word, year)


def _duration(g, ctx) -> str:
    return R.duration(R.number(g.get("num")), R.unit_name(g["unit"]))


def _vague_duration(g, ctx) -> str:
    return R.duration(None, R.unit_name(g["unit"]))


def _fixed(value: str) -> Resolver:
    return lambda g, ctx: value


def _year_end(g, ctx) -> str:
    return g["year"] if g.get("year") else (f"{ctx.anchor.year:04d}" if ctx.anchor else "XXXX")


_SET_VALUES = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
               "nightly": "P1D", "hourly": "PT1H"}


def _set_adverb(g, ctx) -> str:
    return _SET_VALUES[g["adv"].lower()]


def _set_every(g, ctx) -> str:
    return R.duration(R.number(g.get("num")), R.unit_name(g["unit"]))


# --- the table ------------------------------------------------------------------------

_LEAD = r"(?:(?P<mod>early|late|mid-|mid|the end of|the beginning of|the start of|the middle of|the first half of|the second half of|the last half of|the rest of|the remainder of)\s*)?"

RULES: tuple[Rule, ...] = (
    # Calendar dates.
    Rule("month_day_year", "DATE", r"{MONTH}\s+{DAY},?\s+{YEAR}", _full_date, anchored=False),
    Rule("day_month_year", "DATE", r"{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}", _full_date, anchored=False),
    Rule("weekday_month_day", "DATE", r"{WEEKDAY},?\s+{MONTH}\s+{DAY}(?:,\s+{YEAR})?", _weekday_month_day),
    # "October 28-29, 2021": the first day of a range takes the year written after the last.
    Rule("range_start_day", "DATE", r"(?P<span>{MONTH}\s+{DAY})\s?[-–]\s?(?:[12]\d|3[01]|0?[1-9]),\s+{YEAR}", _full_date, anchored=False),
    Rule("month_day", "DATE", r"(?:(?:early|late|around)\s+)?{MONTH}\s+{DAY}(?![:\d])", _month_day),
    Rule("day_month", "DATE", r"{DAY}\s+(?:of\s+)?{MONTH}", _month_day),
    # A range of days is two expressions (TimeML): "April 12-15" -> "April 12" (month_day) and "15".
    Rule("range_end_day", "DATE", r"{MONTH}\s+(?P<first>[12]\d|3[01]|0?[1-9])\s?[-–]\s?(?P<span>{DAY}(?:,\s+{YEAR})?)", _range_end),
    Rule("iso_date", "DATE", r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)", _iso, anchored=False),
    Rule("slash_date", "DATE", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>(?:19|20)?\d\d)(?![\d/])", _slash, anchored=False),
    # Day first, where it cannot be read month first ("28/06/2024"), and dotted European dates.
    Rule("day_first_slash_date", "DATE", r"(?P<d>1[3-9]|2\d|3[01])/(?P<m>1[0-2]|0?[1-9])/(?P<y>(?:19|20)?\d\d)(?![\d/])", _slash, anchored=False),
    Rule("dotted_date", "DATE", r"(?P<d>[12]\d|3[01]|0?[1-9])\.(?P<m>1[0-2]|0?[1-9])\.(?P<y>(?:19|20)\d\d)(?![\d.]\d)", _slash, anchored=False),
    Rule("half_of_year", "DATE", r"(?:the\s+)?(?P<half>first|second|last)\s+(?:half|two quarters)\s+of\s+{YEAR}", _half_of_year, anchored=False),
    Rule("year_period", "DATE", r"(?:the|its)\s+(?:comparable\s+)?{YEAR}\s+(?:(?:first|second|third|fourth)\s+)?(?:period|quarter)", _year_period, anchored=False),
    Rule("month_year", "DATE", _LEAD + r"{MONTH},?\s+(?:of\s+)?{YEAR}", _month_year, anchored=False),
    Rule("month", "DATE", r"(?:(?P<mod>early|late|mid-|mid|the end of|the beginning of|the start of|the middle of|last|next|this|this past)\s*)?{MONTH}(?P<mod2>\s+(?:last|this|next)\s+year)?",
         lambda g, ctx: _month_only({**g, "mod": f"{g.get('mod') or ''}{g.get('mod2') or ''}"}, ctx)),
    Rule("year", "DATE", r"(?:(?:the\s+)?(?:fiscal|calendar|financial|model)(?:\s+year)?\s+|(?:the\s+)?year\s+)?" + _LEAD.replace("(?P<mod>", "(?:") + r"{YEAR}(?!\s*(?:%|percent))", _year, anchored=False),
    Rule("spelled_year", "DATE", r"(?:(?:the\s+)?year\s+)?{SPELLED}", _spelled_year, anchored=False),
    Rule("month_spelled_year", "DATE", r"{MONTH},?\s+(?:of\s+)?{SPELLED}", lambda g, ctx: f"{_spelled_year(g, ctx)}-{_month(g):02d}", anchored=False),
    Rule("season_spelled_year", "DATE", r"(?:the\s+)?(?P<season>summer|winter|spring|fall|autumn)\s+of\s+{SPELLED}", lambda g, ctx: f"{_spelled_year(g, ctx)}-{R.SEASONS[g['season'].lower()]}", anchored=False),
    Rule("two_thousand", "DATE", r"(?:the\s+)?year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<lo>one|two|three|four|five|six|seven|eight|nine|ten))?", _two_thousand, anchored=False),
    Rule("decade", "DATE", r"(?:the\s+)?(?:(?:early|late|mid-|mid)\s*)?(?P<dec>(?:1[5-9]|20)\d0['’]?s|['’]\d0['’]?s)", _decade, anchored=False),
    Rule("century", "DATE", r"(?:the\s+)?(?:(?:early|late|mid-|mid)\s*)?(?P<cent>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century", _century, anchored=False),
    # Days named from the publication date.
    Rule("weekday", "DATE", r"(?:(?P<mod>last|next|this|this past|this coming|coming|early|late|the following|the previous|previous)\s+)?{WEEKDAY}", _weekday),
    # "Women of today": the present, not the day.
    Rule("of_today", "DATE", r"(?<!\bas\s)of\s+(?P<span>today)(?![\'’]s)", _fixed("PRESENT_REF"), anchored=False),
    Rule("deictic_day", "DATE", r"(?:(?:early|late|later|earlier)\s+)?(?P<deixis>today|yesterday|tomorrow)", _deictic),
    Rule("day_part", "TIME", r"(?:(?:early|late|later|earlier)\s+)?(?P<deixis>this|today|last)\s+(?P<part>morning|afternoon|evening|night|overnight)", _day_part),
    # A named day with a part of it is the day (TimeML): "Thursday night" -> the Thursday.
    Rule("day_with_part", "DATE", r"(?:(?:early|late|later|earlier)\s+)?(?:(?P<deixis>yesterday|tomorrow)|(?:(?P<mod>last|next|this|this past|this coming|the following|the previous)\s+)?{WEEKDAY})\s+(?P<part>morning|afternoon|evening|night|overnight)", lambda g, ctx: _weekday(g, ctx) if g.get("wday") else _deictic(g, ctx)),
    Rule("part_of_day_of", "TIME", r"(?:(?:early|late|later)\s+)?(?P<part>mid-afternoon|midafternoon|mid afternoon|late afternoon|early morning)(?:\s+(?:(?P<deixis>yesterday|today|tomorrow)|{WEEKDAY}))?", _day_part),
    # "He died that night": the part of the day the story last named.
    Rule("story_part_of_day", "TIME", r"that\s+(?P<part>morning|afternoon|evening|night)", _story_day_part),
    Rule("tonight", "TIME", r"(?:(?:early|late|later)\s+)?tonight", _tonight),
    Rule("clock", "TIME", r"(?:(?:about|around|approximately|roughly)\s+)?(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b)|(?P<noon>noon|midnight))(?:\s+(?:{ZONE}|(?-i:(?!The\b|This\b|That\b)[A-Z][a-z]+)\s+time))?(?:,?\s+(?:(?P<deixis>today|yesterday|tomorrow)|{WEEKDAY}(?!\s+(?:morning|afternoon|evening|night))|{MONTH}\s+{DAY}))?", _clock),
    Rule("clock_24", "TIME", r"(?:(?:about|around|approximately|roughly)\s+)?(?P<h>[01]\d|2[0-3]):?(?P<mi>[0-5]\d)\s+{ZONE}(?:,?\s+(?:(?P<deixis>today|yesterday|tomorrow)|{WEEKDAY}(?!\s+(?:morning|afternoon|evening|night))|{MONTH}\s+{DAY}))?", _clock),
    # Units counted from the publication date.
    Rule("relative_unit", "DATE", r"(?:(?:early|late|earlier|later|mid-|sometime|the end of|the beginning of|the start of|the middle of|the rest of)\s*)?(?P<rel>last|this past|this coming|this|next|the coming|the current|the previous|the following|the present|current|coming)\s+{UNIT}(?!s)", _relative),
    # "that year", "the same day": the story's own time, as the article last named it ("that day"
    # is too often any day: "redemptions that day").
    # "Officials said the next day": the day after the one the story last named (else after the
    # publication date); "the next month", "the next year" stay durations (TimeBank).
    Rule("next_day", "DATE", r"the\s+next\s+(?P<unit>day)(?!s)", lambda g, ctx: _relative({**g, "rel": "the next"}, ctx)),
    Rule("story_unit", "DATE", r"(?:that\s+(?P<unit>month|year)|the\s+same\s+(?P<unit2>day|week|month|year))(?!\s*-)",
         lambda g, ctx: _story_unit({**g, "unit": g.get("unit") or g.get("unit2")}, ctx)),
    # "the last weekend of July": that weekend's ISO week.
    Rule("weekend_of_month", "DATE", r"the\s+(?P<ord>first|second|third|fourth|last)\s+weekend\s+(?:of|in)\s+{MONTH}(?:,?\s+{YEAR})?", _weekend_of_month),
    Rule("weekend", "DATE", r"(?:(?P<rel>last|this past|this|next|the coming)\s+|the\s+)weekend", lambda g, ctx: R.weekend_value(ctx.anchor, _REL_OFFSETS.get(_mod(g, "rel")), ctx.tense())),
    Rule("ago", "DATE", r"{APPROX}?{NUM}\s+{UNITX}\s+(?:or so\s+)?(?P<dir>ago|earlier|before|later|from now|from today|hence)", _ago),
    Rule("year_ago_period", "DATE", r"(?:the\s+)?(?:comparable\s+|same\s+)?(?:year-ago|year-earlier|year ago|year earlier|prior-year|previous-year|last year's|a year ago|a year earlier)\s+(?:quarter|period|three months|third quarter|second quarter|first quarter|fourth quarter)", _year_ago_quarter),
    Rule("year_earlier_adj", "DATE", r"year-(?:earlier|ago)", _year_ago_quarter),
    Rule("quarter", "DATE", r"(?:(?:the|(?P<rel>last year's|this year's|next year's))\s+(?!(?:fiscal\s+)?(?:first|second|third|fourth)-))?(?:(?:fiscal|calendar|latest|current)\s+)?(?:{YEAR}\s+)?{ORD}(?:[\s-]+(?:fiscal|calendar))?[\s-]+(?:quarter|period)(?:\s+(?:of\s+(?:fiscal\s+)?(?P<year2>1[5-9]\d\d|20\d\d)|(?P<rel2>last year|this year|next year)))?",
         lambda g, ctx: _quarter({**g, "rel": g.get("rel") or g.get("rel2"), "year": g.get("year") or g.get("year2")}, ctx)),
    Rule("the_quarter", "DATE", r"(?:the|that)\s+(?:(?P<which>latest|recent|most recent|just-ended|just-completed|september|june|march|december)\s+)?quarter|the\s+(?P<which2>latest|most recent|just-ended|just-completed)\s+period", _the_quarter),
    Rule("half_year", "DATE", r"(?:the\s+)?(?P<half>first|second)\s+half(?:\s+of\s+(?:the\s+)?year)?", lambda g, ctx: f"{ctx.anchor.year if ctx.anchor else 'XXXX'}-H{1 if g['half'].lower() == 'first' else 2}"),
    Rule("season", "DATE", r"(?:(?P<mod>last|next|this|this past|this coming|early|late|the|mid-|mid|the early|the late)\s*)(?P<season>summer|winter|spring|fall|autumn)(?:\s+of\s+{YEAR})?", _season),
    Rule("year_end", "DATE", r"(?:(?:the\s+)?(?:end|close|turn)\s+of\s+(?:the\s+)?year|year-end|year end|(?:the\s+)?year's end)(?:\s+{YEAR})?", _year_end),
    Rule("present_ref", "DATE", r"(?:right\s+)?now|currently|presently|nowadays|these days|at present|at the moment|this (?:(?:crucial|critical|historic|difficult|decisive|pivotal)\s+)?moment|the present time", _fixed("PRESENT_REF"), anchored=False),
    Rule("past_ref", "DATE", r"recently|lately|formerly|recent\s+(?:years|days|times)|(?<!most\s)(?<!more\s)recent(?=\s+[A-Za-z])|the\s+past(?!\s+(?:\w+\s+)?(?:year|month|week|day|decade|hour|quarter)s?\b)|past years", _fixed("PAST_REF"), anchored=False),
    Rule("future_ref", "DATE", r"soon|(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+)?future(?!\s+\w+)|as soon as possible|coming\s+(?:years|months|quarters|weeks)|the\s+years\s+ahead", _fixed("FUTURE_REF"), anchored=False),
    # "in the future these guys will be tougher": after "in", "the future" is the time, whatever follows.
    Rule("future_in", "DATE", r"(?:in|into|for)\s+(?P<span>the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future)(?!\s+(?:of|tense)\b)", _fixed("FUTURE_REF"), anchored=False),
    Rule("decade_words", "DATE", r"the\s+(?:(?:early|late|mid-|mid)\s*)?(?P<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[2-9]0s)(?!\s*(?:percent|%))", lambda g, ctx: "19" + str(_DECADE_WORDS.get(g["dec"].lower()) or g["dec"][0]), anchored=False),
    # Durations.
    Rule("duration_span", "DURATION", r"{APPROX}?(?:each of\s+)?(?:the\s+|its\s+|their\s+)?(?:(?:past|last|next|first|coming|latest|previous|final|following|remaining|initial|preceding|ensuing)\s+)?{NUMX}\s+(?:more\s+)?(?:(?:full|straight|consecutive|trading|business|calendar|fiscal|additional|long)\s+)?(?P<unit>(?:seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)|(?:second|minute|hour|day|week|month|quarter|year|decade)(?=\s+(?:period|term|low|high|old)))(?:\s+or\s+(?:so|more))?", _duration),
    # "a quarter of a century", "the past half-century": a fraction of a century, in years.
    Rule("century_fraction", "DURATION", r"{APPROX}?(?:(?:a|one|the\s+(?:past|last|next|first|coming))\s+(?P<frac>quarter|half)(?:\s+of\s+a\s+|[\s-])|(?P<frac2>half)\s+a\s+)century",
         lambda g, ctx: "P25Y" if (g["frac"] or g["frac2"]).lower() == "quarter" else "P50Y"),
    Rule("century_fraction_ago", "DATE", r"(?:(?:a|one)\s+(?P<frac>quarter|half)(?:\s+of\s+a\s+|[\s-])|(?P<frac2>half)\s+a\s+)century\s+ago",
         lambda g, ctx: f"{ctx.anchor.year - (25 if (g['frac'] or g['frac2']).lower() == 'quarter' else 50):04d}" if ctx.anchor else "XXXX"),
    Rule("duration_a", "DURATION", r"{APPROX}?(?:a|an|one)\s+(?:full\s+|whole\s+|additional\s+|extra\s+)?{UNIT}(?:\s+and\s+a\s+half)?", _duration),
    Rule("duration_the", "DURATION", r"(?:the\s+)(?:(?:past|last|next|first|coming|latest|previous|final|following)\s+)?(?:full\s+)?(?P<unit>year|month|week|day|decade)(?=\s+(?:ended|ending|through|to date|before|after|since))", _duration),
    Rule("past_unit", "DATE", r"(?:the|its)\s+(?P<rel>past|last|previous)\s+(?P<unit>year|decade|century)(?!s)", _relative),
    Rule("duration_past_unit", "DURATION", r"(?:{APPROX})?(?:the|its)\s+(?:past|last|next|first|coming|previous|final|following)\s+{UNITX}", _duration),
    Rule("duration_adj", "DURATION", r"(?P<num>\d+|" + _NUMWORD + r"|one|several)[\s-](?:{UNIT})(?:-long)?(?=\s+\w)(?<!\s(?:second|minute))", _duration),
    Rule("duration_long", "DURATION", r"(?:(?P<num>\d+|" + _NUMWORD + r")-)?(?P<unit>hour|day|week|month|year|decade)-long", _duration),
    Rule("duration_recent", "DURATION", r"(?:the\s+)?(?:recent|past|coming|next few|last few|following)\s+{UNITS}", _vague_duration),
    Rule("duration_for", "DURATION", r"(?:for|over|within|after)\s+(?P<span>{UNITS})(?!\s+(?:ago|earlier|later|before|after)\b)", _vague_duration),
    Rule("duration_word", "DURATION", r"(?P<word>decades|centuries|a while|some time|years and years)", lambda g, ctx: {"decades": "PXDE", "centuries": "PXCE", "years and years": "PXY"}.get(g["word"].lower(), "PXX")),
    # Sets.
    Rule("set_adverb", "SET", r"(?P<adv>daily|weekly|monthly|annually|yearly|nightly|hourly)", _set_adverb, anchored=False),
    Rule("set_every", "SET", r"(?:every|each|per)\s+(?:(?P<num>\d+|" + _NUMWORD + r"|other)\s+)?{UNITX}(?!\s+(?:ago|earlier))", _set_every, anchored=False),
)


# --- exclusions -----------------------------------------------------------------------
# Matches that are not time expressions, told by what follows them.

_DURATIONS = ("duration_span", "duration_adj", "duration_a")

EXCLUSIONS: tuple[Exclusion, ...] = (
    # TimeML does not mark ages: "a 6-year-old", "seventy years old", "at 45 years of age".
    Exclusion("age", _DURATIONS, r"[\s-]*(?:old\b|of\s+age\b)", "Van Biljon was seventy years old."),
    # "died at the age of 72 years", "aged 19 years": an age too, told by the words before it.
    Exclusion("age_before", _DURATIONS, r"", "The former mayor died at the age of 72 years; his aide, aged 40 years, survived.",
              before=r"\b(?:age\s+of|aged|ages\s+of)\s+"),
    # "a quarter-century low", "a half-century high": a record, not a length of time (TimeBank).
    Exclusion("record_level", ("century_fraction",), r"\s+(?:lows?|highs?)\b", "Sales sank to a quarter-century low."),
    # "a quarter-final", "a second-half goal", "a quarter-century low": the word is part of a
    # compound, not a length of time ("a quarter-century" itself is century_fraction's).
    Exclusion("compound", ("duration_a",), r"-[A-Za-z]", "The side reached a quarter-final with a second-half goal.",
              match=r"\b(?:an?|one)\s+(?:second|quarter)"),
    # "half a century before that": the fraction belongs to the century (century_fraction).
    Exclusion("fraction_of_a_unit", ("ago",), r"", "For half a century before that, the valley was empty.",
              match=r"^an?\s+\S.*", before=r"\b(?:half|quarter\s+of)\s+"),
    # "a second fire", "a quarter of the government": an ordinal or a fraction, not a duration.
    # "$1.76 a year", "700 seats a week", "358,000 a month": an amount per unit of time, a rate.
    Exclusion("rate", ("duration_a",), r"", "The notes pay $1.76 a year and the airline adds 700 seats a week.",
              match=r"\ba\s+(?:second|minute|hour|day|night|week|month|quarter|year)",
              before=r"(?:\d[\d,.]*%?|\d\s*(?:million|billion|thousand))(?:\s+[a-z]+){0,2}\s+"),
    # "the coronavirus 2019-nCoV": a year joined to letters is part of a name.
    Exclusion("year_in_a_name", ("year",), r"-[A-Za-z]", "The coronavirus 2019-nCoV spread."),
    # "the Global Food Security Strategy 2022-2026": the years of a programme's name.
    Exclusion("years_of_a_name", ("year",), r"[-–](?:19|20)\d\d\b", "It follows the Global Food Security Strategy 2022-2026.",
              before=r"\b(?!(?:In|From|By|Since|During|For|Between|Until|Through|To|Of|And|The|Its)\s)(?-i:[A-Z][a-z]+)\s+"),
    # "30 miles per hour", "45 kilometers per hour": a speed, not a recurring time.
    Exclusion("speed", ("set_every",), r"", "Winds reached 30 miles per hour (45 kilometers per hour).",
              match=r"\bper\s+(?:hour|minute|second)",
              before=r"\b(?:miles?|kilometers?|kilometres?|km|meters?|metres?|feet|foot|knots?|yards?|inches)\s+"),
    # "their future", "the world's future": a future someone has is an ordinary noun.
    Exclusion("possessed_future", ("future_ref",), r"", "For their future and for the world's future, we must act.",
              match=r"\bfuture", before=r"(?:['’]s|\b(?:their|our|its|his|her|my|your))\s+"),
    # "less than two weeks before the inauguration", "twenty years after the war": a length of
    # time before or after an event is a duration (TimeBank), not a date counted from today.
    Exclusion("span_before_event", ("ago",), r"\s+(?!(?:that|then|this|it)\b)(?:the\s+|an?\s+|his\s+|her\s+|its\s+|their\s+)?[A-Za-z]",
              "The attack came less than two weeks before the inauguration.", match=r"\b(?:before|after)"),
    # "three quarters of the states": a fraction, not a duration.
    Exclusion("fraction_quarters", ("duration_span",), r"\s+of\b", "It must be ratified by at least three quarters of the states.",
              match=r"^(?:(?:about|nearly|almost|roughly|some|at least|more than|less than)\s+)?(?:two|three)\s+quarters"),
    Exclusion("ordinal_or_fraction", ("duration_a",),
              r"\s+(?!(?:later|earlier|ago|after|before|longer|more|or|and|to|in)\b)[A-Za-z]",
              "A second fire broke out, and about a quarter of the staff left.", match=r"\b(?:an?|one)\s+(?:second|quarter)"),
)


# --- triggers -------------------------------------------------------------------------
# A rule's regular expression only runs near one of its trigger strings (lower case,
# found as substrings), so a rule costs nothing where its words do not occur.

_T_MONTH = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_T_WDAY = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_T_UNIT = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter", "year",
           "decade", "centur", "millenni")
_T_YEAR = ("15", "16", "17", "18", "19", "20")
_T_SPELLED = ("nineteen", "eighteen")

TRIGGERS: dict[str, tuple[str, ...]] = {
    "month_day_year": _T_MONTH, "day_month_year": _T_MONTH, "weekday_month_day": _T_WDAY,
    "month_day": _T_MONTH, "day_month": _T_MONTH, "iso_date": _T_YEAR, "slash_date": ("/",),
    "day_first_slash_date": ("/",), "dotted_date": (".",),
    "half_of_year": ("half", "quarters"), "year_period": ("period", "quarter"), "month_year": _T_MONTH,
    "month": _T_MONTH, "year": _T_YEAR, "spelled_year": _T_SPELLED, "month_spelled_year": _T_SPELLED,
    "season_spelled_year": _T_SPELLED, "two_thousand": ("thousand",), "decade": ("0s", "0's", "0’s"),
    "century": ("century",), "weekday": _T_WDAY, "deictic_day": ("today", "yesterday", "tomorrow"),
    "day_part": ("morning", "afternoon", "evening", "night"), "part_of_day_of": ("afternoon", "morning"),
    "day_with_part": ("morning", "afternoon", "evening", "night"),
    "tonight": ("tonight",), "story_part_of_day": ("that ",), "range_end_day": _T_MONTH, "range_start_day": _T_MONTH, "clock": ("a.m", "p.m", "am", "pm", "noon", "midnight"),
    "clock_24": ("utc", "gmt", "local time", " et", " est", " edt", " pt", " pst", " pdt", " ct", " cst", " cdt",
                 " mt", " bst", " cet", " cest", " eet", " ast", " ist", " jst", " msk", " aest"),
    "future_in": ("future",),
    "decade_words": ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                     "nineties", "0s"),
    "relative_unit": _T_UNIT, "weekend": ("weekend",), "weekend_of_month": ("weekend",), "story_unit": ("that month", "that year", "same"),
    "ago": ("ago", "earlier", "before", "later", "from now", "from today", "hence"), "year_ago_period": ("year",),
    "year_earlier_adj": ("year-",), "quarter": ("quarter", "period"), "the_quarter": ("quarter",),
    "half_year": ("half",), "season": ("summer", "winter", "spring", "fall", "autumn"), "year_end": ("end",),
    "present_ref": ("now", "current", "these days", "present", "moment"), "of_today": ("today",),
    "past_ref": ("recent", "lately", "formerly", "past"),
    "future_ref": ("soon", "future", "coming", "years ahead"),
    "duration_span": _T_UNIT, "duration_a": _T_UNIT, "duration_the": _T_UNIT, "past_unit": _T_UNIT,
    "duration_past_unit": _T_UNIT, "duration_adj": _T_UNIT, "duration_recent": _T_UNIT, "duration_for": _T_UNIT,
    "duration_long": ("-long",), "century_fraction": ("centur",), "century_fraction_ago": ("century ago",), "next_day": ("next day",), "duration_word": ("decades", "centuries", "while", "some time", "years and years"),
    "set_adverb": ("ly",), "set_every": ("every", "each", "per"),
}


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    regex: re.Pattern[str]
    triggers: tuple[str, ...] = ()  # empty: run everywhere
    # (how the match must end, or None; what must follow it; what must precede it, or None)
    exclusions: tuple[tuple[re.Pattern[str] | None, re.Pattern[str], re.Pattern[str] | None], ...] = ()

    def excluded(self, text: str, match: re.Match[str]) -> bool:
        for whole, after, before in self.exclusions:
            if ((whole is None or whole.search(match.group(0))) and after.match(text, match.end())
                    and (before is None or before.search(text, max(0, match.start() - 60), match.start()))):
                return True
        return False


def compile_rules(rules: tuple[Rule, ...] = RULES, exclusions: tuple[Exclusion, ...] = EXCLUSIONS) -> list[CompiledRule]:
    compiled = []
    for rule in rules:
        body = expand(rule.pattern)
        regex = re.compile(rf"(?<![\w$£€'-])(?:{body})(?![\w])", re.IGNORECASE)
        excluded = tuple(
            (re.compile(rf"(?:{e.match})$", re.IGNORECASE) if e.match else None, re.compile(e.after, re.IGNORECASE),
             re.compile(rf"(?:{e.before})$", re.IGNORECASE) if e.before else None)
            for e in exclusions if rule.name in e.rules
        )
        compiled.append(CompiledRule(rule, regex, TRIGGERS.get(rule.name, ()), excluded))
    return compiled
