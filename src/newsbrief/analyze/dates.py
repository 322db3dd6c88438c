"""The publication date an article states, or None. Never a guess from the clock.

Only what fixes the article's own date counts, in this order:
1. the dateline's date, in any common form ("1996-08-30", "6 December 1996",
   "Dec. 6, 1996"); a dateline without a year ("SEOUL, March 3") takes the
   year that a weekday written with that same day fixes, as in 3;
2. an "Updated ..." stamp with a full date;
3. a weekday written with a day and month in the text ("on Wednesday (October
   1st)", "on Friday, 4 March 2005"). A stated year counts only when it is the
   latest year the text mentions and the weekday agrees with it. With no year,
   the weekday fixes one: the year, within one of a year the text mentions as
   its present ("the budget for 2026"), on which that day falls on that weekday.
   A year the text places in the past ("in 2000", "since 1993") is history and
   never lends its year; a four-digit time ("from 1930 on BBC One") is no year.
Other full dates in the text are usually history ("the attacks of September
11, 2001"), so they are not taken as the article's date. In doubt: no date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from dateutil import parser as dateparser

from ..model import Dateline
from ..text import DAY, MONTH, MONTHS, WEEKDAY, WEEKDAYS

_NOT_A_TIME = r"(?![ \t]*(?:GMT|BST|UTC|CET|EST|hours|hrs|h)\b)"
_YEAR = rf"(?:,?[ \t]+(?P<year>(?:19|20)\d\d)\b{_NOT_A_TIME})?"
_GAP = r"[ \t]*[,(]?[ \t]*"
_WEEKDAY_DATES = [
    re.compile(rf"\b(?P<weekday>{WEEKDAY}){_GAP}(?P<month>{MONTH})\s+(?P<day>{DAY})\b{_YEAR}"),
    re.compile(rf"\b(?P<weekday>{WEEKDAY}){_GAP}(?P<day>{DAY})\s+(?P<month>{MONTH})(?!\w){_YEAR}"),
]
_YEAR_MENTION = re.compile(rf"(?:(?P<before>\b[A-Za-z]+)[ \t]+)?\b(?P<year>(?:19|20)\d\d)\b"
                           rf"{_NOT_A_TIME}")
# Words that place the year after them in the past, or make it a time.
_HISTORY = frozenset("in since of from until till between by before after during around "
                     "circa c and or to at late early mid".split())
_DEFAULTS = (dt.datetime(1904, 1, 1), dt.datetime(1908, 2, 2))  # two leap years


def find_date(paragraphs: Iterable[str], dateline: Dateline | None = None,
              stamp: str | None = None) -> dt.date | None:
    """The article's date from its dateline, stamp or prose (headline excluded)."""
    text = "\n".join(paragraphs)
    mentions = [(m["before"] or "", int(m["year"])) for m in _YEAR_MENTION.finditer(text)]
    years = [year for _, year in mentions]
    present = [year for before, year in mentions if before.lower() not in _HISTORY]
    if dateline and dateline.date:
        day, has_year = _parse(dateline.date)
        if day:
            return day if has_year else _same_day_with_weekday(day, text, present)
    if stamp:
        day, has_year = _parse(stamp)
        if day and has_year:
            return day
    for pattern in _WEEKDAY_DATES:
        for m in pattern.finditer(text):
            found = _from_weekday(m, years, present)
            if found:
                return found
    return None


def _parse(written: str) -> tuple[dt.date | None, bool]:
    """A written date and whether it states its year."""
    if not written or not re.search(r"\d", written):
        return None, False
    try:
        first, second = (dateparser.parse(written, default=d, fuzzy=True) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None, False
    if (first.month, first.day) != (second.month, second.day):
        return None, False  # no day and month in it
    return first.date(), first.year == second.year


def _same_day_with_weekday(day: dt.date, text: str, present: list[int]) -> dt.date | None:
    """A dateline's day and month, in the year a weekday written with them fixes."""
    for pattern in _WEEKDAY_DATES:
        for m in pattern.finditer(text):
            if (_month(m), _day(m)) == (day.month, day.day):
                return _from_weekday(m, [], present)
    return None


def _from_weekday(m: re.Match, years: list[int], present: list[int]) -> dt.date | None:
    month, day = _month(m), _day(m)
    weekday = WEEKDAYS[m["weekday"].lower().rstrip(".")]
    if m["year"]:
        found = _safe_date(int(m["year"]), month, day)
        latest = max(years, default=0)
        return found if found and found.weekday() == weekday and found.year >= latest else None
    if not present:
        return None
    anchor = max(present)
    candidates = [d for year in (anchor - 1, anchor, anchor + 1)
                  if (d := _safe_date(year, month, day)) and d.weekday() == weekday]
    return min(candidates, key=lambda d: (abs(d.year - anchor), -d.year)) if candidates else None


def _day(m: re.Match) -> int:
    return int(m["day"].rstrip("stndrh"))


def _month(m: re.Match) -> int:
    return MONTHS[m["month"].lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
