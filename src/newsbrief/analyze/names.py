"""Whether a candidate is a name at all: not an event or award, a nationality word,
a role's acronym, a weekday or a dated month, a capitalised common noun the text
also writes in lower case, a prefixed word ("Anti-"), a table's header, or a
headline's fragment.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from . import kinds
from .gazetteer import is_demonym

_ROLE_ACRONYMS = frozenset("mp mps mep meps msp msps mla mlas am ams mscp mscps ceo cfo".split())
_PREFIXED = re.compile(r"^(?:Non|Anti|Pro|Ex|Pre|Post|Neo|Mid)-", re.I)
_LOWER_RUN = re.compile(r"(?<![\w.])[a-z][a-z'\u2019-]*(?:[ ]+[a-z][a-z'\u2019-]*)*(?!\w)")
# Capitalised function words inside a name mark a headline fragment.
_HEADLINE_WORDS = frozenset(
    "Before After To For With From Amid Over Into Against As At By On In Is Are Be "
    "Was Were Will Intended Announced Says Said".split()
)
_MONTH_NAMES = frozenset(m.lower() for m in calendar.month_name if m)
_WEEKDAY_NAMES = frozenset(d.lower() for d in calendar.day_name)


def is_name(name: str, text: str = "") -> bool:
    tokens = name.split()
    if not tokens or len(name) < 2 or not (name[0].isupper() or name[0].isdigit()):
        return False
    if not any(c.isalpha() for c in name) or kinds.is_event(name):
        return False
    if len(tokens) == 1 and (is_demonym(name) or name.lower() in _ROLE_ACRONYMS
                             or _is_calendar_word(name, text)):
        return False
    if _common_word(name, text) or _PREFIXED.match(name):
        return False
    if len(tokens) > 1 and all(len(t) <= 3 and t.isupper() for t in tokens):
        return False  # a table's header: "W D L PCT"
    return not any(t in _HEADLINE_WORDS for t in tokens[1:])


def _is_calendar_word(name: str, text: str) -> bool:
    """A weekday, or a month the text writes as a date ("August 12", "August 1996")."""
    lower = name.lower()
    if lower in _WEEKDAY_NAMES:
        return True
    return lower in _MONTH_NAMES and re.search(rf"\b{re.escape(name)}\.?\s+\d", text) is not None


def _common_word(name: str, text: str) -> bool:
    """A capitalised common noun ("Stadium", "Golf"): the text also writes it in lower case."""
    lower = name.lower()
    return lower != name and f" {lower} " in _lower_case_runs(text)


@lru_cache(maxsize=4)
def _lower_case_runs(text: str) -> str:
    """The text's runs of lower-case words, each between spaces: looked up once per name."""
    return " " + " ".join(" ".join(run.split()) for run in _LOWER_RUN.findall(text)) + " "
