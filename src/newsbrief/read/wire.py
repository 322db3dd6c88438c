"""The shapes wire copy wraps around its story: datelines, bylines, stamps, credits, tables.

None of them is prose, so none may become a title, a summary or a heading:
- datelines: ``LONDON 1996-08-30``, ``TALLAHASSEE, Fla. 1996-12-06``,
  ``SEOUL, March 3 (Yonhap) --`` (on a line of their own, or opening the first
  paragraph), ``WASHINGTON (Reuters) -``;
- bylines: ``By Jane Smith``, or a bare name on the line before a dateline;
- stamps: ``Updated 14:30 GMT, 3 March 2005``;
- credits: ``(c) Reuters Limited 1996``, ``Reporting by ...``, ``(Reuters)``;
- tables of results or prices: blocks of short lines heavy with numbers, kept
  one row a line.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Dateline
from ..text import DATE_TEXT, MONTH, YEAR, sentences, words

_CAPS_WORD = r"(?:[A-Z][A-Z'\u2019.\-]*[A-Z.]|[A-Z]\.)"
_PLACE = rf"{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,4}}"
_REGION_WORD = rf"(?!{MONTH}\b)[A-Z][\w.'\u2019\-]*"
_REGION = rf"{_REGION_WORD}(?:[ ]{_REGION_WORD}){{0,3}}"
_AGENCY = r"\((?P<agency>[A-Z][\w&.'\u2019\- ]{0,40}?)\)"
_DASH = r"(?:--|-|\u2013|\u2014)"
_HEAD = (rf"(?P<place>{_PLACE})(?:,[ ]*(?P<region>{_REGION}))?"
         rf"(?:,?[ ]+(?P<date>{DATE_TEXT}))?[ ]*(?:{_AGENCY})?[ ]*(?P<dash>{_DASH})?")
_DATELINE = re.compile(rf"^{_HEAD}[ ]*$")
_DATELINE_OPENING = re.compile(rf"^{_HEAD}[ ]+(?=\S)")
# A place in title case opens a paragraph as a dateline only with an agency and a dash.
_TITLE_OPENING = re.compile(
    rf"^(?P<place>[A-Z][\w.'\u2019\-]*(?:[ ][A-Z][\w.'\u2019\-]*){{0,3}})"
    rf"(?:,[ ]*(?P<region>{_REGION}))?(?:,?[ ]+(?P<date>{DATE_TEXT}))?[ ]*{_AGENCY}[ ]*"
    rf"(?P<dash>{_DASH})[ ]+(?=\S)")
# A date with its year opening a paragraph: "2025-10-01: Officials met", "6 May 2005 - ..."
_DATE_OPENING = re.compile(rf"^(?P<date>{DATE_TEXT})[ ]*(?::|--|-|\u2013|\u2014)[ ]+(?=\S)")
_DATE_ONLY = re.compile(rf"^(?P<date>{DATE_TEXT})[ ]*$")
_BYLINE = re.compile(
    r"^(?i:by)[ ]+(?P<name>[A-Z][\w.'\u2019\-]*(?:[ ]+(?:[A-Z][\w.'\u2019\-]*|and|&|de|van|von|"
    r"der|da|di|la|le|bin|al|el)){0,7})(?:[ ]*[,;|]+[ ]*(?P<affiliation>[^\n]{1,60}))?$")
_NAME_LINE = re.compile(r"^[A-Z][\w.'\u2019\-]+(?:[ ][A-Z][\w.'\u2019\-]+){1,3}$")
_STAMP = re.compile(r"^(?i:(?:page\s+)?(?:last\s+)?(?:updated|published|posted|modified))"
                    r"\b(?:\s+(?i:at|on))?:?\s*(?P<when>[^\n]{0,100})$")
_AGENCY_LINE = re.compile(rf"^{_AGENCY}$")
_CREDIT = re.compile(r"^(?:\(c\)|\u00a9|(?i:copyright\b|all rights reserved|(?:additional\s+)?"
                     r"reporting by|editing by|writing by|compiled by|source:))")
_DIGIT = re.compile(r"\d")
_CAPS_TOKEN = re.compile(r"[A-Z][A-Z'\u2019.\-]*")


def _dateline(match: re.Match, *, loose: bool = False) -> Dateline | None:
    """A dateline from a match, when it has what marks one: a date, an agency or a dash."""
    g = match.groupdict()
    if not (g.get("date") or g.get("agency") or (g.get("dash") and loose)):
        return None
    if len(g["place"]) > 40 or not any(c.isalpha() for c in g["place"]):
        return None
    return Dateline(g["place"].strip(), (g.get("region") or "").strip(),
                    (g.get("date") or "").strip(), (g.get("agency") or "").strip())


def dateline_line(line: str) -> Dateline | None:
    """A line that is a whole dateline."""
    m = _DATELINE.match(line)
    return _dateline(m, loose=True) if m else None


def bare_place(line: str) -> str | None:
    """A line that is only a place in capitals (its date comes on the next line)."""
    m = _DATELINE.match(line)
    if m and not (m["date"] or m["agency"] or m["dash"]) and len(line) <= 40:
        return line
    return None


def date_only(line: str) -> str | None:
    m = _DATE_ONLY.match(line)
    return m["date"] if m else None


def dateline_opening(paragraph: str) -> tuple[Dateline, str] | None:
    """A dateline opening a paragraph, and the paragraph without it. A dash must end it,
    and a date or an agency must come before the dash, unless the dash is a long one
    ("WASHINGTON -- The ...")."""
    for pattern in (_DATELINE_OPENING, _TITLE_OPENING):
        m = pattern.match(paragraph)
        if m and m["dash"]:
            found = _dateline(m, loose=m["dash"] != "-")
            if found:
                return found, paragraph[m.end():]
    m = _DATE_OPENING.match(paragraph)
    if m and re.search(YEAR, m["date"]):
        return Dateline("", date=m["date"].strip()), paragraph[m.end():]
    return None


def byline(line: str) -> str | None:
    m = _BYLINE.match(line)
    return m["name"] if m and len(line.split()) <= 12 else None


def could_be_name(line: str) -> bool:
    """A bare name on a line of its own, as a byline above a dateline is written."""
    return bool(_NAME_LINE.match(line)) and not _DIGIT.search(line) and len(line) <= 40


def stamp(line: str) -> str | None:
    m = _STAMP.match(line)
    return m["when"] if m else None


def agency_line(line: str) -> str | None:
    m = _AGENCY_LINE.match(line)
    return m["agency"] if m else None


def is_credit(text: str) -> bool:
    return bool(_CREDIT.match(text) or _AGENCY_LINE.match(text))


def is_head_line(line: str) -> bool:
    """A whole line in one of the shapes above: no headline may be one."""
    return bool(dateline_line(line) or date_only(line) or byline(line) or stamp(line)
                or is_credit(line))


def is_wire_furniture(text: str) -> bool:
    """A head line, or a paragraph that a dateline opens: no heading may be one."""
    return is_head_line(text) or dateline_opening(text) is not None


def is_table(lines: list[str]) -> bool:
    """Two or more lines, most of them rows: short, or heavy with numbers."""
    if len(lines) < 2:
        return False
    rows = sum(is_row(line) for line in lines)
    return rows >= max(2, 0.6 * len(lines))


def is_row(line: str) -> bool:
    """A table's row: short, or heavy with numbers."""
    tokens = line.split()
    numeric = sum(bool(_DIGIT.search(t)) for t in tokens)
    if numeric and (numeric / len(tokens) >= 0.2 or len(tokens) <= 6):
        return True
    return len(tokens) <= 8 and not line.rstrip().endswith((".", "?", "!", '"', "\u201d", ","))


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def recase(text: str, running_text: str) -> str:
    """Text in capitals as the running text spells its words; other words in lower case.

    The first word, and the first after a " - " slug, start with a capital."""
    spellings = _spellings(running_text)
    out, start = [], True
    for token in re.split(r"(\s+)", text):
        if not token.strip():
            out.append(token)
            continue
        if token in ("-", "\u2013", "\u2014"):
            out.append(token)
            start = True
            continue
        out.append(_recase_word(token, spellings, start))
        start = False
    return "".join(out)


def _recase_word(token: str, spellings: dict[str, str], start: bool) -> str:
    core = token.strip(",:;!?\"()\u2018").rstrip("'\u2019").removesuffix(".")
    if not _CAPS_TOKEN.fullmatch(core):
        return token
    spelled = spellings.get(core.casefold())
    if spelled is None:
        spelled = core if "." in core else core.lower()
    if start and spelled[:1].islower():
        spelled = spelled[0].upper() + spelled[1:]
    return token.replace(core, spelled, 1)


def _spellings(text: str) -> dict[str, str]:
    """Each word's usual spelling in running text, where that is not all lower case;
    a word that opens a sentence does not count (it is capitalised there anyway)."""
    counts: dict[str, Counter[str]] = {}
    for sentence in sentences(text):
        for index, word in enumerate(words(sentence)):
            if index == 0 and not word.isupper():
                continue
            counts.setdefault(word.casefold(), Counter())[word] += 1
    out = {}
    for key, forms in counts.items():
        best = max(forms, key=lambda f: (forms[f], not f.isupper()))
        mixed = [f for f in forms if not f.isupper()]
        if mixed:
            best = max(mixed, key=lambda f: forms[f])
        out[key] = best
    return out


def title_case(name: str) -> str:
    """A name in capitals with no spelling to copy: "N'DJAMENA" -> "N'Djamena"."""
    return re.sub(r"[A-Za-z]+", lambda m: m[0].capitalize(), name.lower())
