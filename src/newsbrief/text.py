"""Plain-text helpers shared by the stages: whitespace, sentences, words."""

from __future__ import annotations

import calendar
import re

_SPACE = re.compile(r"\s+")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc ltd co corp "
    "no vs etc e.g i.e u.s u.k u.n e.u a.m p.m jan feb mar apr jun jul aug "
    "sep sept oct nov dec".split()
)
_SENTENCE_END = re.compile(r"""[.!?]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])""")
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*")


def squash(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return _SPACE.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The words of ``text``: letters and digits, keeping inner hyphens and apostrophes."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


def _ends_with_abbreviation(chunk: str) -> bool:
    last = chunk.rstrip().rsplit(" ", 1)[-1].rstrip(".!?\"'\u201d\u2019)").lower()
    if not last:
        return False
    if last in _ABBREVIATIONS:
        return True
    # Initials such as "J." or "U.S." rarely end a sentence.
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", last))


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences without a model.

    A full stop, question or exclamation mark followed by space and a capital
    letter or digit ends a sentence, unless it closes a known abbreviation or
    an initial ("U.S. President", "Mr. Cho").
    """
    text = squash(text)
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        chunk = text[start : match.end()]
        if match.group()[0] == "." and _ends_with_abbreviation(chunk):
            continue
        out.append(chunk.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


# Dates as news copy writes them: "1996-08-30", "6 December 1996", "Dec. 6, 1996",
# "Wednesday, March 3". The read stage finds datelines with these; the analyze stage
# turns what they match into dates.
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3})
MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = "(?i:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
DATE_TEXT = (rf"(?:{WEEKDAY},?\s+)?(?:{YEAR}-[01]\d-[0-3]\d|{DAY}\s+{MONTH}(?:,?\s+{YEAR})?"
             rf"|{MONTH}\s+{DAY}(?:,?\s+{YEAR})?)(?![\w-])")
