"""The publication date an article states, or None. Never a guess from the clock.

Two forms count, because both say when the reported event happened:
- a weekday with a day and month ("on Wednesday (October 1st)", "on Friday,
  4 March 2005"). With no year the weekday fixes it: the year nearest to the
  latest year the text mentions. With no year in the text at all, no date;
- a dateline: a full date opening the first paragraph ("1 October 2025 -").
Other full dates in the text are usually history ("the attacks of September
11, 2001"), so they are not taken as the article's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_NOT_A_TIME = r"(?![ \t]*(?:GMT|BST|UTC|CET|EST|hours|hrs)\b)"
_YEAR = rf"(?:,?[ \t]+(?P<year>(?:19|20)\d\d)\b{_NOT_A_TIME})?"
_WEEKDAY = r"\b(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
_GAP = r"[ \t]*[,(]?[ \t]*"

_WEEKDAY_DATES = [
    re.compile(rf"{_WEEKDAY}{_GAP}{_MONTH}\s+{_DAY}\b{_YEAR}", re.I),
    re.compile(rf"{_WEEKDAY}{_GAP}{_DAY}\s+{_MONTH}(?!\w){_YEAR}", re.I),
]
_DATELINES = [
    re.compile(r"^(?:[A-Z][\w .'-]{0,30},\s*)?"
               r"(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"^(?:[A-Z][\w .'-]{{0,30}},\s*)?{_DAY}\s+{_MONTH}{_YEAR}", re.I),
    re.compile(rf"^(?:[A-Z][\w .'-]{{0,30}},\s*)?{_MONTH}\s+{_DAY}{_YEAR}", re.I),
]
_YEAR_MENTION = re.compile(rf"\b(?:19|20)\d\d\b{_NOT_A_TIME}")


def find_date(paragraphs: Iterable[str]) -> dt.date | None:
    """The article's date from its paragraphs (headline excluded)."""
    paragraphs = list(paragraphs)
    text = "\n".join(paragraphs)
    years = sorted({int(y) for y in _YEAR_MENTION.findall(text)})
    for paragraph in paragraphs:
        for pattern in _WEEKDAY_DATES:
            m = pattern.search(paragraph)
            if m:
                return _resolve(m, years)
    for pattern in _DATELINES:
        m = pattern.match(paragraphs[0]) if paragraphs else None
        if m and m.group("year"):
            return _resolve(m, years)
    return None


def _resolve(m: re.Match, years: list[int]) -> dt.date | None:
    groups = m.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _month(m)
    day = int(groups["day"])
    if groups.get("year"):
        return _safe_date(int(groups["year"]), month, day)
    if not years:
        return None
    return _year_for_weekday(_WEEKDAYS[groups["weekday"].lower()], month, day, years)


def _year_for_weekday(weekday: int, month: int, day: int, years: list[int]) -> dt.date | None:
    """The date on that weekday nearest the latest year the text mentions.

    News mentions past years as history, so the latest mention is the best
    anchor for "now"; a tie goes to the later year.
    """
    anchor = max(years)
    candidates = [
        d
        for year in range(anchor - 14, anchor + 15)
        if (d := _safe_date(year, month, day)) and d.weekday() == weekday
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs(d.year - anchor), -d.year))


def _month(m: re.Match) -> int:
    return _MONTHS[m.group("month").lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
