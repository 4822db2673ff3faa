"""Date expressions resolved to ISO date ranges, anchored on the publication date.

`resolve_date("the beginning of this year", date(2023, 3, 1))` -> 2023-01-01..2023-02-28, precision 3.
Own rules come first (dateparser cannot do "January and February of last year"); dateparser is a lazily
imported fallback for the remaining absolute forms. Durations ("several hours", "47-minute") are not dates.

Conventions (ACLED time precision: 1 the day, 2 a week or a few days, 3 the month or longer):
- the precision follows from the length of the range: 1 day -> 1, up to a week -> 2, longer -> 3
  (so "early March", ten days, is 3, like the month);
- a past-oriented phrase ("this year", "in March") ends no later than the publication date;
- a month or day without a year is the most recent one not after publication; "on Tuesday" is the most
  recent Tuesday on or before publication, "last Tuesday" the most recent one before it;
- parts of a month: early/beginning = days 1-10, mid/middle = 11-20, late/end = 21-last;
- parts of a year: beginning/start = first two months, end = last two, early = January-April,
  mid/middle = May-August, late = September-December;
- parts of a week: early = Monday-Wednesday, mid = Wednesday-Friday, late = Thursday-Sunday;
- weeks run Monday to Sunday; "overnight" and "last night" are the night before publication;
- "two weeks ago" is that calendar week; "a few days ago" is days two to six back;
- a date phrase relative to another event ("the day before", "the next day") gives None.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from eventdesk.analyse.quantities import parse_number
from eventdesk.records import DateRange

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
} | {"sept": 9}
WEEKDAYS = {calendar.day_name[number].lower(): number for number in range(7)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
YEAR_PARTS = {
    "beginning": (1, 2),
    "start": (1, 2),
    "early": (1, 4),
    "mid": (5, 8),
    "middle": (5, 8),
    "late": (9, 12),
    "end": (11, 12),
}
MONTH_PARTS = {
    "beginning": (1, 10),
    "start": (1, 10),
    "early": (1, 10),
    "mid": (11, 20),
    "middle": (11, 20),
    "late": (21, 31),
    "end": (21, 31),
}
DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": 1, "the day before yesterday": 2, "tomorrow": -1}
WEEK_PARTS = {"beginning": (0, 1), "start": (0, 1), "early": (0, 2), "mid": (2, 4), "middle": (2, 4),
              "late": (3, 6), "end": (4, 6)}  # fmt: skip
RELATIVE = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}
VAGUE_FEW = frozenset({"few", "several", "a few"})
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_DAY_SPAN = r"(?:[-–]|and|to|until|through)"  # "3-5 March", "between 3 and 5 March", "from 5 to 6 March"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_REL = r"(?:this|last|next|previous|current|coming)"
_YEAR_REF = rf"(?:{_YEAR}|(?:the\s+)?{_REL}\s+year)"
_PART = r"(?:beginning|start|end|middle|early|mid|late)"
_TIME_OF_DAY = r"(?:morning|afternoon|evening|night|overnight|dawn)"
_DAYPART = (
    r"(?:(?:early|late|in\s+the\s+early\s+hours\s+of|the\s+early\s+hours\s+of"
    r"|(?:on\s+)?the\s+(?:night|morning|evening|afternoon)\s+of)\s+)?"
)
_ORDINAL = r"(?P<ord>first|second|third|fourth|last)"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|couple\s+of)"
_UNIT = r"(?:day|week|fortnight|month|year|decade)s?"

Rule = Callable[[re.Match[str], date | None], tuple[date, date] | None]


# --- calendar helpers --------------------------------------------------------------------------------


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_range(year: int, first: int, last: int) -> tuple[date, date]:
    """Months `first`..`last` of a year; a range over the new year (winter: 12..2) ends the next year."""
    end_year = year + 1 if last < first else year
    return date(year, first, 1), month_end(end_year, last)


def recent_year_for(month: int, day: int, published: date) -> int:
    """The year in which month/day is the most recent one not after publication."""
    return published.year if (month, day) <= (published.month, published.day) else published.year - 1


def shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def precision_of(start: date, end: date) -> int:
    days = (end - start).days + 1
    return 1 if days <= 1 else 2 if days <= 7 else 3


def _year_of(text: str, published: date | None) -> int | None:
    """A year reference: "2022", "last year", "this year", "the previous year" (= last year)."""
    text = text.strip()
    if re.fullmatch(_YEAR, text):
        return int(text)
    if published is None:
        return None
    word = text.split()[-2]
    return published.year + RELATIVE[word]


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _number(text: str) -> int | None:
    text = text.strip()
    if text in ("a", "an"):
        return 1
    if text.startswith("couple"):
        return 2
    if text in ("few", "several"):
        return 3
    value = parse_number(text)
    return int(value) if value is not None else None


# --- the rules: each a pattern over cleaned text and a function giving (start, end) ---------------------


def _iso(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day, day


def _day_month(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    month, day = _month(m["month"]), int(re.sub(r"\D", "", m["day"]))
    day2 = max(int(re.sub(r"\D", "", m["day2"])), day) if m["day2"] else day
    year = _resolve_year(m["year"], month, day, published)
    if year is None:
        return None
    if m["weekday"] and not m["year"]:
        year = _year_matching_weekday(year, month, day, WEEKDAYS[m["weekday"]])
    return date(year, month, day), date(year, month, day2)


def _year_matching_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """ "Thursday, March 2" without a year: the nearest year in which March 2 is a Thursday (a text can
    announce a date just after its publication)."""
    for candidate in (year, year + 1, year - 1):
        try:
            if date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def _resolve_year(year_text: str | None, month: int, day: int, published: date | None) -> int | None:
    if year_text:
        return _year_of(year_text, published)
    return recent_year_for(month, day, published) if published else None


def _month_part(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    month = _month(m["month"])
    first, last = MONTH_PARTS[m["part"]]
    year = _resolve_year(m["year"], month, first, published)
    if year is None:
        return None
    return date(year, month, first), date(year, month, min(last, calendar.monthrange(year, month)[1]))


def _months(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    first = _month(m["month"])
    last = _month(m["month2"]) if m["month2"] else first
    year = _resolve_year(m["year"], first, 1, published)
    if year is None:
        return None
    return month_range(year, first, last)


def _year_part(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    year = _year_of(m["year"], published)
    if year is None:
        return None
    return month_range(year, *YEAR_PARTS[m["part"]])


def _whole_year(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    year = _year_of(m["year"], published)
    return (date(year, 1, 1), date(year, 12, 31)) if year is not None else None


def _season(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    first, last = SEASONS[m["season"]]
    if m["year"]:
        year = _year_of(m["year"], published)
    elif published is None:
        return None
    else:
        year = published.year if first <= published.month else published.year - 1
        if m["rel"] in ("this", "next", "coming"):
            year = published.year
        elif m["rel"] in ("last", "past", "previous") and month_range(year, first, last)[1] >= published:
            year -= 1
    return month_range(year, first, last) if year is not None else None


def _relative_month(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    if published is None:
        return None
    if m["rel"] == "past":
        return published - timedelta(days=30), published
    year, month = shift_months(published, RELATIVE[m["rel"]])
    return date(year, month, 1), month_end(year, month)


def _relative_week(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    if published is None:
        return None
    if m["rel"] == "past":
        return published - timedelta(days=7), published
    return week_of(published + timedelta(weeks=RELATIVE[m["rel"]]))


def _weekend(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    if published is None:
        return None
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    rel = _relation(m)
    if rel in ("next", "coming"):
        saturday += timedelta(days=7)
    elif rel in ("last", "past", "previous") and published.weekday() >= 5:
        saturday -= timedelta(days=7)
    return saturday, saturday + timedelta(days=1)


def _weekday(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    if published is None:
        return None
    back = (published.weekday() - WEEKDAYS[m["weekday"]]) % 7
    rel = _relation(m)
    if rel in ("next", "coming"):
        day = published + timedelta(days=(7 - back) or 7)
    else:
        day = published - timedelta(days=back or (7 if rel in ("last", "past", "previous") else 0))
    return day, day


def _day_word(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    if published is None:
        return None
    day = published - timedelta(days=DAY_WORDS[m["word"]])
    return day, day


def _last_night(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    if published is None:
        return None
    return published - timedelta(days=1), published - timedelta(days=1)


def _overnight(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    if published is None:
        return None
    return published - timedelta(days=1), published


def _this_time_of_day(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    return (published, published) if published else None


def _ago(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    """ "two days ago" is a day; "a few weeks ago" is the weeks two to six back."""
    number = _number(m["n"])
    if published is None or number is None:
        return None
    far, near = (6, 2) if m["n"] in VAGUE_FEW else (number, number)
    unit = m["unit"].rstrip("s")
    if unit == "day":
        return published - timedelta(days=far), published - timedelta(days=near)
    if unit in UNIT_DAYS:
        days = UNIT_DAYS[unit]
        return week_of(published - timedelta(days=far * days))[0], week_of(
            published - timedelta(days=near * days)
        )[1]
    if unit == "month":
        first, last = shift_months(published, -far), shift_months(published, -near)
        return date(*first, 1), month_end(*last)
    years = 10 if unit == "decade" else 1
    return date(published.year - far * years, 1, 1), date(published.year - near * years, 12, 31)


def _past_period(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    number = _number(m["n"]) if m["n"] else 1
    if published is None or number is None:
        return None
    unit = m["unit"].rstrip("s")
    days = number * {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365, "decade": 3652}[unit]
    return published - timedelta(days=days), published


def _recent(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    if published is None:
        return None
    days = {"days": 7, "weeks": 30, "months": 180}[m["unit"]]
    return published - timedelta(days=days), published


def _earlier_this(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    if published is None:
        return None
    unit = m["unit"]
    if unit == "week":
        return week_of(published)
    if unit == "month":
        return published.replace(day=1), month_end(published.year, published.month)
    return published.replace(month=1, day=1), published.replace(month=12, day=31)


def _later_this(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    whole = _earlier_this(m, published)
    return (published + timedelta(days=1), whole[1]) if whole and published else None


def _relation(m: re.Match[str]) -> str:
    """The relative word of a match, "this past" read as "past"."""
    return (m["rel"] or "").split()[-1] if m["rel"] else ""


def _past_hours(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    hours = _number(m["n"]) if m["n"] else 1
    if published is None or hours is None:
        return None
    return published - timedelta(days=max(1, -(-hours // 24))), published


def _relative_part(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    """ "late last month", "early this week": a part of a relative month or week."""
    if published is None:
        return None
    offset = RELATIVE[m["rel"]]
    if m["unit"] == "week":
        monday = week_of(published + timedelta(weeks=offset))[0]
        first, last = WEEK_PARTS[m["part"]]
        return monday + timedelta(days=first), monday + timedelta(days=last)
    year, month = shift_months(published, offset)
    first, last = MONTH_PARTS[m["part"]]
    return date(year, month, first), date(year, month, min(last, calendar.monthrange(year, month)[1]))


def _week_of_month(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    month = _month(m["month"])
    year = _resolve_year(m["year"], month, 1, published)
    if year is None:
        return None
    days = calendar.monthrange(year, month)[1]
    first = days - 6 if m["ord"] == "last" else 1 + 7 * ("first", "second", "third", "fourth").index(m["ord"])
    return date(year, month, first), date(year, month, first + 6)


def _quarter(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    year = _year_of(m["year"], published)
    if year is None:
        return None
    number = (
        int(m["q"])
        if m["q"]
        else ("first", "second", "third", "fourth").index(m["ord"].replace("last", "fourth")) + 1
    )
    return month_range(year, 3 * number - 2, 3 * number)


def _half(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    year = _year_of(m["year"], published)
    if year is None:
        return None
    return month_range(year, 1, 6) if m["half"] == "first" else month_range(year, 7, 12)


def _years(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    first, last = int(m["y1"]), int(m["y2"])
    if last < 100:
        last += first // 100 * 100
    return (date(first, 1, 1), date(last, 12, 31)) if first <= last else None


def _decade(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    """ "the 1990s"; its early / mid / late part is years 0-3 / 4-6 / 7-9."""
    first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), None: (0, 9)}[m["part"]]
    decade = int(m["decade"])
    return date(decade + first, 1, 1), date(decade + last, 12, 31)


def _relative_named_month(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    """ "last October": the most recent October before the current month; "next October" the coming one."""
    if published is None:
        return None
    month = _month(m["month"])
    if m["rel"] == "this":
        year = published.year
    elif m["rel"] == "last":
        year = published.year if month < published.month else published.year - 1
    else:
        year = published.year if month > published.month else published.year + 1
    return date(year, month, 1), month_end(year, month)


def _weekdays(m: re.Match[str], published: date | None) -> tuple[date, date] | None:
    """ "Friday to Tuesday": the most recent such stretch ending on or before publication."""
    if published is None:
        return None
    end = published - timedelta(days=(published.weekday() - WEEKDAYS[m["weekday2"]]) % 7)
    return end - timedelta(days=(end.weekday() - WEEKDAYS[m["weekday"]]) % 7), end


RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"), _iso),
    (
        re.compile(
            rf"{_DAYPART}(?:between\s+|from\s+)?(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAY})"
            rf"(?:\s*{_DAY_SPAN}\s*(?P<day2>{_DAY}))?\s+(?:of\s+)?"
            rf"(?P<month>{_MONTH})(?:,?\s+(?:of\s+)?(?P<year>{_YEAR_REF}))?"
        ),
        _day_month,
    ),
    (
        re.compile(
            rf"{_DAYPART}(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?:\s*[-–]\s*(?P<day2>{_DAY}))?"
            rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR_REF}))?"
        ),
        _day_month,
    ),
    (
        re.compile(
            rf"(?:(?:the\s+)?(?P<part>{_PART})[\s-]+(?:of\s+)?)(?P<month>{_MONTH})"
            rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR_REF}))?"
        ),
        _month_part,
    ),
    (
        re.compile(
            rf"(?:between\s+)?(?P<month>{_MONTH})(?:\s*(?:and|to|through|until|or|-|–)\s*(?P<month2>{_MONTH}))?"
            rf"(?:,?\s+(?:of\s+)?(?P<year>{_YEAR_REF}))?"
        ),
        _months,
    ),
    (re.compile(rf"(?:the\s+)?(?P<part>{_PART})[\s-]+(?:of\s+)?(?P<year>{_YEAR_REF})"), _year_part),
    (re.compile(rf"(?:earlier\s+)?(?:in\s+)?(?P<year>{_YEAR_REF})"), _whole_year),
    (
        re.compile(
            rf"(?:the\s+)?(?:(?P<rel>this|last|past|previous|next|coming)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
            rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR_REF}))?"
        ),
        _season,
    ),
    (re.compile(r"earlier\s+this\s+(?P<unit>week|month|year)"), _earlier_this),
    (re.compile(r"later\s+this\s+(?P<unit>week|month|year)"), _later_this),
    (re.compile(r"(?:the\s+)?(?P<rel>this|last|past|previous|next|coming|current)\s+month"), _relative_month),
    (re.compile(r"(?:the\s+)?(?P<rel>this|last|past|previous|next|coming|current)\s+week"), _relative_week),
    (
        re.compile(
            r"(?:over\s+|during\s+|on\s+|at\s+)?(?:the\s+)?(?P<rel>this\s+past|this|last|past|previous|next|coming)?"
            r"\s*weekend"
        ),
        _weekend,
    ),
    (
        re.compile(
            rf"{_DAYPART}(?:(?P<rel>this\s+past|this|last|past|previous|next|coming)\s+)?(?P<weekday>{_WEEKDAY})(?:'s)?"
            rf"(?:\s+{_TIME_OF_DAY})?"
        ),
        _weekday,
    ),
    (
        re.compile(
            rf"{_DAYPART}(?P<word>the day before yesterday|yesterday|today|tonight|tomorrow)(?:'s)?"
            rf"(?:\s+{_TIME_OF_DAY})?"
        ),
        _day_word,
    ),
    (re.compile(r"last\s+night|late\s+last\s+night"), _last_night),
    (re.compile(r"overnight"), _overnight),
    (re.compile(r"this\s+(?:morning|afternoon|evening)|earlier\s+today"), _this_time_of_day),
    (re.compile(rf"(?:a\s+)?(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+ago"), _ago),
    (
        re.compile(rf"(?:the\s+)?(?:past|last|previous)\s+(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})"),
        _past_period,
    ),
    (re.compile(r"(?:in\s+)?recent\s+(?P<unit>days|weeks|months)"), _recent),
    (re.compile(rf"(?:the\s+)?(?:past|last|previous)\s+(?:(?P<n>{_NUM})\s+)?hours?"), _past_hours),
    (
        re.compile(
            rf"(?:the\s+)?(?P<part>{_PART})[\s-]+(?:of\s+)?(?:the\s+)?(?P<rel>this|current|last|previous|next)\s+"
            r"(?P<unit>month|week)"
        ),
        _relative_part,
    ),
    (
        re.compile(
            rf"(?:the\s+)?{_ORDINAL}\s+week\s+of\s+(?P<month>{_MONTH})(?:,?\s+(?:of\s+)?(?P<year>{_YEAR_REF}))?"
        ),
        _week_of_month,
    ),
    (
        re.compile(rf"(?:(?:the\s+)?{_ORDINAL}\s+quarter\s+of|q(?P<q>[1-4]))\s+(?P<year>{_YEAR_REF})"),
        _quarter,
    ),
    (re.compile(rf"(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+(?P<year>{_YEAR_REF})"), _half),
    (
        re.compile(
            rf"(?:between\s+|from\s+)?(?P<y1>{_YEAR})\s*(?:and|to|until|through|-|–)\s*(?P<y2>{_YEAR}|\d\d)"
        ),
        _years,
    ),
    (re.compile(r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>1[89]\d0|20\d0)'?s"), _decade),
    (re.compile(rf"(?P<rel>last|this|next|coming)\s+(?P<month>{_MONTH})"), _relative_named_month),
    (
        re.compile(rf"(?P<weekday>{_WEEKDAY})\s*(?:to|through|until|-|–)\s*(?P<weekday2>{_WEEKDAY})"),
        _weekdays,
    ),
]

_LEADING = re.compile(r"^(?:on|in|at|during|by|from|of|over|as\s+of|around|about|early\s+on)\s+")
_SINCE = re.compile(r"^(?:ever\s+)?since\s+")
_LOOKS_ABSOLUTE = re.compile(rf"\b{_MONTH}\b|\d{{1,4}}[/.]\d{{1,2}}[/.]\d{{2,4}}")


def clean(text: str) -> str:
    text = " ".join(text.lower().replace("\u2019", "'").replace("\u2013", "-").split())
    text = text.strip(" ,.;:()")
    return re.sub(r"'s$", "", text)


def resolve_date(text: str, published: date | None) -> DateRange | None:
    """A date expression resolved to a DateRange (start, end, precision, text), or None for durations and
    anything that names no date. `published` anchors relative expressions; without it they give None."""
    phrase = clean(text)
    since = _SINCE.match(phrase)
    if since:
        return _since(text, phrase[since.end() :], published)
    bounds = resolve_bounds(_LEADING.sub("", phrase), published)
    if bounds is None:
        return None
    start, end = _clip(*bounds, published)
    return DateRange(start=start.isoformat(), end=end.isoformat(), precision=precision_of(*bounds), text=text)


def resolve_bounds(phrase: str, published: date | None) -> tuple[date, date] | None:
    for pattern, rule in RULES:
        match = pattern.fullmatch(phrase)
        if match:
            try:
                return rule(match, published)
            except (ValueError, KeyError):
                return None
    return _dateparser_bounds(phrase, published)


def _since(text: str, rest: str, published: date | None) -> DateRange | None:
    bounds = resolve_bounds(_LEADING.sub("", rest), published)
    if bounds is None or published is None or bounds[0] > published:
        return None
    return DateRange(
        start=bounds[0].isoformat(),
        end=published.isoformat(),
        precision=precision_of(bounds[0], published),
        text=text,
    )


def _clip(start: date, end: date, published: date | None) -> tuple[date, date]:
    if published is not None and start <= published < end:
        return start, published
    return start, end


def _dateparser_bounds(phrase: str, published: date | None) -> tuple[date, date] | None:
    """The fallback for absolute forms the rules do not know ("3/3/2023", "Mar. 3rd '23")."""
    if not _LOOKS_ABSOLUTE.search(phrase):
        return None
    data = _date_parser(published).get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "month":
        return day.replace(day=1), month_end(day.year, day.month)
    if data.period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


@lru_cache(maxsize=64)
def _date_parser(published: date | None) -> Any:
    from datetime import datetime

    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["month"]}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)


# --- phrases relative to another date ("the next day") ---------------------------------------------------

_RELATIVE_TO_ANCHOR = re.compile(
    rf"(?:on\s+|by\s+)?(?:(?P<same>(?:that|the\s+same)\s+day)"
    rf"|the\s+(?P<next>next|following)\s+(?P<unit>day|morning|evening|night|week)"
    rf"|the\s+(?P<previous>previous|preceding)\s+(?:day|night|evening)|the\s+day\s+(?P<dir>before|after)"
    rf"|(?P<n>{_NUM})\s+(?P<unit2>days?|weeks?)\s+(?P<dir2>later|earlier|before|after))"
)


def resolve_relative(text: str, anchor: date) -> DateRange | None:
    """A phrase dated from another date of the story: "the next day", "two days later", "the day
    before", "that day". `anchor` is the date it counts from (an earlier event's day)."""
    match = _RELATIVE_TO_ANCHOR.fullmatch(clean(text))
    if match is None:
        return None
    start, end = _from_anchor(match, anchor)
    return DateRange(
        start=start.isoformat(), end=end.isoformat(), precision=precision_of(start, end), text=text
    )


def _from_anchor(m: re.Match[str], anchor: date) -> tuple[date, date]:
    if m["same"]:
        return anchor, anchor
    if m["next"]:
        if m["unit"] == "week":
            return week_of(anchor + timedelta(weeks=1))
        return anchor + timedelta(days=1), anchor + timedelta(days=1)
    if m["previous"] or m["dir"] == "before":
        return anchor - timedelta(days=1), anchor - timedelta(days=1)
    if m["dir"] == "after":
        return anchor + timedelta(days=1), anchor + timedelta(days=1)
    days = (_number(m["n"]) or 1) * (7 if m["unit2"].startswith("week") else 1)
    day = anchor + timedelta(days=days if m["dir2"] in ("later", "after") else -days)
    return (day, day) if days < 7 else week_of(day)


# --- date phrases in a sentence ------------------------------------------------------------------------

# Month names found in running text must be capitalised: "may" and "march" are also verbs.
_MONTH_CAPITAL = (
    r"(?-i:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
)
_EXTRA = re.compile(
    rf"\b(?:(?:ever\s+)?since\s+|(?:the\s+)?{_PART}[\s-]+(?:of\s+)?)?"
    rf"(?:(?:on\s+)?(?:(?:this|last|next)\s+)?{_WEEKDAY}(?:\s+{_TIME_OF_DAY})?"
    rf"|(?:the\s+day\s+before\s+)?yesterday(?:\s+{_TIME_OF_DAY})?|overnight|last\s+night|over\s+the\s+weekend"
    rf"|(?:(?:(?:between|from)\s+)?{_DAY}\s*{_DAY_SPAN}\s*)?"
    rf"(?:{_DAY}\s+(?:of\s+)?)?{_MONTH_CAPITAL}(?:\s+(?:and|to|through)\s+{_MONTH_CAPITAL})?(?:\s+{_DAY}\b)?"
    rf"(?:,?\s+(?:of\s+)?{_YEAR_REF})?"
    rf"|{_NUM}\s+{_UNIT}\s+ago|(?:earlier\s+)?this\s+(?:week|month|year)|(?:last|past)\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
# A period in brackets after a name: the years an actor existed ("Police Forces of Ghana (2017-2021)",
# ACLED's actor names), not the date of what the sentence reports.
_NAME_PERIOD = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
_WIDEN_LEFT = re.compile(rf"(?:(?:ever\s+)?since|(?:the\s+)?{_PART}(?:\s+of)?|{_PART}-)\s*$", re.IGNORECASE)


def find_date_phrases(
    sent: SpacySpan, published: date | None, date_entities: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int, DateRange]]:
    """Date phrases in one spaCy sentence: its DATE entities (widened to "since ..." / "the beginning of
    ...") and what the small model misses (weekdays, "overnight", month names). Returns
    (start_char, end_char, DateRange) in the Doc's character offsets, in text order, without overlaps.
    `date_entities`: the sentence's DATE entities as (start_char, end_char), when the caller has them."""
    text, base = sent.text, sent.start_char
    if date_entities is None:
        date_entities = [(e.start_char, e.end_char) for e in sent.ents if e.label_ == "DATE"]
    candidates = [(start - base, end - base) for start, end in date_entities]
    candidates += [(m.start(), m.end()) for m in _EXTRA.finditer(text)]
    periods = [(m.start(), m.end()) for m in _NAME_PERIOD.finditer(text)]
    found: list[tuple[int, int, DateRange]] = []
    for start, end in _longest_first(candidates):
        if any(s <= start and end <= e for s, e in periods):
            continue
        start = _widen(text, start)
        if any(start < e and s < end for s, e, _ in found):
            continue
        resolved = resolve_date(text[start:end], published)
        if resolved is not None:
            found.append((start, end, resolved))
    return sorted((base + start, base + end, resolved) for start, end, resolved in found)


def _longest_first(candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(set(candidates), key=lambda se: (se[0] - se[1], se[0]))


def _widen(text: str, start: int) -> int:
    match = _WIDEN_LEFT.search(text[:start])
    return match.start() if match else start
