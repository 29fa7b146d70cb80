"""Calendar arithmetic for time expressions: from a matched expression to a TIMEX3 value.

Everything here is plain functions of an anchor (the publication date, or None)
and what the rules read off the text. With no anchor, relative expressions keep
``X`` where the anchor would have filled a digit (``XXXX-07-31``, ``XXXX-WXX``).

Tense is one of ``"past"``, ``"future"``, ``"present"``, ``"near"`` (a word such as
"through" or "payable" points at a date close to the anchor on either side), ``"ahead"``
(such a word under a verb that looks forward: "will run through September"; a month is then
the coming one, anything else reads it as "near") or ``None`` (unknown): it picks which Thursday, which July 31, which October a bare
name means.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

Date = dt.date

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

MONTHS = {
    "january": 1, "jan.": 1, "jan": 1,
    "february": 2, "feb.": 2, "feb": 2,
    "march": 3, "mar.": 3, "mar": 3,
    "april": 4, "apr.": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun.": 6, "jun": 6,
    "july": 7, "jul.": 7, "jul": 7,
    "august": 8, "aug.": 8, "aug": 8,
    "september": 9, "sept.": 9, "sep.": 9, "sept": 9, "sep": 9,
    "october": 10, "oct.": 10, "oct": 10,
    "november": 11, "nov.": 11, "nov": 11,
    "december": 12, "dec.": 12, "dec": 12,
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# Numbers written as words, as they appear in durations ("two weeks", "twenty four hours").
_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
NUMBER_WORDS = {**_UNITS_WORDS, **_TENS_WORDS, "a": 1, "an": 1, "a single": 1,
                "a hundred": 100, "hundred": 100, "one hundred": 100,
                "a couple of": 2, "couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12,
                "a thousand": 1000}
# Vague amounts: the count stays X ("several years" -> PXY).
VAGUE_WORDS = ("several", "a few", "few", "many", "some", "a number of")

ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "21st": 21,
}

# TIMEX3 duration letters per unit; time units go after "T".
UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "centurie": "CE", "millennium": "ML", "weekend": "WE",
}
TIME_UNITS = ("second", "minute", "hour")


def number(text: str | None) -> float | None:
    """The amount a number phrase gives ("24", "twenty four", "a couple of"), None when vague."""
    if text is None:
        return 1
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return 1
    if t in VAGUE_WORDS:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", t.replace(",", "")):
        return float(t.replace(",", ""))
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    words = t.split()
    if len(words) == 2 and words[0] in _TENS_WORDS and words[1] in _UNITS_WORDS:
        return _TENS_WORDS[words[0]] + _UNITS_WORDS[words[1]]
    if len(words) == 2 and words[1] == "hundred" and words[0] in NUMBER_WORDS:
        return NUMBER_WORDS[words[0]] * 100
    if len(words) == 2 and words[1] == "thousand" and words[0] in NUMBER_WORDS:
        return NUMBER_WORDS[words[0]] * 1000
    if len(words) == 3 and words[1] == "and" and words[2] == "a half":  # not reached; kept simple
        return None
    return None


def unit_name(text: str) -> str:
    """Singular unit name: "Years" -> "year", "centuries" -> "century"."""
    t = text.lower()
    if t == "centuries":
        return "century"
    if t.endswith("s") and t[:-1] in UNIT_CODES:
        return t[:-1]
    return t


def duration(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (2, "week") -> "P2W", (24, "hour") -> "PT24H", (None, "year") -> "PXY"."""
    code = UNIT_CODES[unit]
    if unit == "fortnight" and amount is not None:
        amount *= 2
    if amount is None:
        n = "X"
    elif amount == int(amount):
        n = str(int(amount))
    elif unit == "year" and amount * 12 == int(amount * 12):
        years, months = divmod(int(amount * 12), 12)
        return f"P{years}Y{months}M"
    else:
        n = str(amount)
    return f"PT{n}{code}" if unit in TIME_UNITS else f"P{n}{code}"


# --- formatting -----------------------------------------------------------------------

def day_value(d: Date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: Date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


# --- arithmetic -----------------------------------------------------------------------

def add_months(d: Date, months: int) -> Date:
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return Date(year, month + 1, day)


def shift(anchor: Date | None, amount: float | None, unit: str, sign: int) -> str:
    """The date ``amount`` units before (sign -1) or after (+1) the anchor, at the unit's grain.

    "two weeks ago" -> the ISO week two weeks back; "three years ago" -> that year;
    a vague amount ("several years ago") -> PAST_REF / FUTURE_REF.
    """
    if amount is None or amount != int(amount):
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    n = int(amount) * sign
    if anchor is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
                "decade": "XXX", "century": "XX"}.get(unit, "XXXX" if unit == "year" else "XXXX-XX-XXTXX:XX")
    if unit in ("day", "night"):
        return day_value(anchor + dt.timedelta(days=n))
    if unit == "week":
        return week_value(anchor + dt.timedelta(weeks=n))
    if unit == "fortnight":
        return week_value(anchor + dt.timedelta(weeks=2 * n))
    if unit == "month":
        d = add_months(anchor, n)
        return month_value(d.year, d.month)
    if unit == "quarter":
        index = anchor.year * 4 + quarter_of(anchor) - 1 + n
        return quarter_value(index // 4, index % 4 + 1)
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{(anchor.year + 10 * n) // 10:03d}"
    if unit == "century":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    if unit == "hour":
        return (dt.datetime.combine(anchor, dt.time(12)) + dt.timedelta(hours=n)).strftime("%Y-%m-%dT%H")
    return day_value(anchor)


def weekend_value(anchor: Date | None, offset: int | None, tense: str | None = None) -> str:
    """"this weekend" (0), "last weekend" (-1), "next weekend" (+1); "the weekend" (None)
    is the coming one in future context, else the latest one up to the anchor."""
    if anchor is None:
        return "XXXX-WXX-WE"
    if offset is None:
        offset = 0 if tense == "future" or anchor.weekday() >= 5 else -1
    elif offset == 0 and tense == "past" and anchor.weekday() < 5:
        offset = -1  # "formed this weekend", said on a Tuesday: the weekend just gone
    return week_value(anchor + dt.timedelta(weeks=offset)) + "-WE"


def relative_unit(anchor: Date | None, offset: int, unit: str) -> str:
    """"last year" (offset -1), "this month" (0), "next week" (+1) and the like."""
    if unit == "weekend":
        return weekend_value(anchor, offset)
    return shift(anchor, offset, unit, 1) if offset >= 0 else shift(anchor, -offset, unit, -1)


def weekday_date(anchor: Date | None, wday: int, tense: str | None, modifier: str = "") -> str:
    """Which date a weekday name means, seen from the anchor.

    - "last Thursday": the latest Thursday strictly before the anchor.
    - "next Thursday" / "this coming Thursday": the first one strictly after.
    - the anchor's own weekday, with no modifier: the anchor itself.
    - otherwise past tense looks back, future tense looks forward, present and unknown tense
      take the past (news reports what happened).
    """
    tense = "near" if tense == "ahead" else tense
    if anchor is None:
        return f"XXXX-WXX-{wday + 1}"
    delta = (wday - anchor.weekday()) % 7  # days forward to the next such weekday (0 = today)
    back = (anchor.weekday() - wday) % 7  # days back to the last one (0 = today)
    if modifier in ("last", "this past", "past", "previous", "the previous"):
        return day_value(anchor - dt.timedelta(days=back or 7))
    if modifier in ("next", "coming", "this coming", "following", "the following"):
        return day_value(anchor + dt.timedelta(days=delta or 7))
    if delta == 0:
        return day_value(anchor)
    if tense == "near":  # "through Thursday", "by Friday": whichever is closer, the past on a tie
        return day_value(anchor - dt.timedelta(days=back) if back <= 4 else anchor + dt.timedelta(days=delta))
    if tense == "future" or modifier == "this" and tense != "past":
        return day_value(anchor + dt.timedelta(days=delta))
    return day_value(anchor - dt.timedelta(days=back))


def _valid(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def yearless_date(anchor: Date | None, month: int, day: int, tense: str | None,
                  weekday: int | None = None) -> str:
    """A month and day with no year: the past one in past tense, the coming one in future
    tense, else the nearest of last year's, this year's and next year's. A weekday given
    with it ("Saturday, April 25") picks the year where the two agree."""
    tense = "near" if tense == "ahead" else tense
    if anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _valid(y, month, day))]
    if weekday is not None and any(d.weekday() == weekday for d in candidates):
        candidates = [d for d in candidates if d.weekday() == weekday]
        return day_value(min(candidates, key=lambda d: abs((d - anchor).days)))
    if not candidates:
        return f"XXXX-{month:02d}-{day:02d}"
    if tense == "past":
        past = [d for d in candidates if d <= anchor]
        if past:
            return day_value(max(past))
    if tense == "future":
        future = [d for d in candidates if d >= anchor]
        if future:
            return day_value(min(future))
    return day_value(min(candidates, key=lambda d: abs((d - anchor).days)))


def yearless_month(anchor: Date | None, month: int, tense: str | None, modifier: str = "") -> str:
    """A month with no year ("July", "last April", "early July"): the latest one up to the
    anchor's month, unless the context looks forward."""
    if anchor is None:
        return f"XXXX-{month:02d}"
    year = anchor.year
    if modifier == "last" or modifier in ("", "this") and tense not in ("future", "near"):
        year = anchor.year if month <= anchor.month else anchor.year - 1
        if modifier == "last" and month == anchor.month:
            year -= 1
    elif modifier == "next" or tense == "future":
        year = anchor.year if month >= anchor.month else anchor.year + 1
        if modifier == "next" and month == anchor.month:
            year += 1
    if tense == "ahead" and modifier in ("", "this"):  # "will run through September"
        year = anchor.year if month >= anchor.month else anchor.year + 1
    if tense == "near" and modifier in ("", "this"):
        options = [(abs((y * 12 + month) - (anchor.year * 12 + anchor.month)), y)
                   for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        year = min(options)[1]
    return month_value(year, month)


def season_value(anchor: Date | None, season: str, tense: str | None, modifier: str = "",
                 year: int | None = None) -> str:
    tense = "near" if tense == "ahead" else tense
    code = SEASONS[season]
    if year is not None:
        return f"{year:04d}-{code}"
    if anchor is None:
        return f"XXXX-{code}"
    y = anchor.year
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if modifier == "last" or modifier == "" and tense == "past":
        if start_month > anchor.month or modifier == "last" and start_month <= anchor.month < start_month + 3:
            y -= 1
    elif modifier == "next" or modifier == "" and tense == "future":
        if start_month + 2 < anchor.month or modifier == "next" and start_month <= anchor.month:
            y += 1
    return f"{y:04d}-{code}"


def quarter_year(anchor: Date | None, quarter: int, tense: str | None) -> str:
    """"the third quarter" with no year: this year's, or last year's when it is still ahead
    of the anchor and the context is past."""
    tense = "near" if tense == "ahead" else tense
    if anchor is None:
        return f"XXXX-Q{quarter}"
    year = anchor.year
    if quarter > quarter_of(anchor) and tense != "future":
        year -= 1
    return quarter_value(year, quarter)


def decade_value(year_text: str) -> str:
    """"1990s" -> "199", "'80s" -> "198" (a two-digit decade is read as the 1900s)."""
    digits = re.sub(r"\D", "", year_text)
    if len(digits) == 4:
        return digits[:3]
    return "19" + digits[0]


def clock(hour: int, minute: int, meridian: str | None) -> str:
    m = (meridian or "").lower().replace(".", "").replace(" ", "")
    if m == "pm" and hour < 12:
        hour += 12
    if m == "am" and hour == 12:
        hour = 0
    return f"T{hour:02d}:{minute:02d}"
