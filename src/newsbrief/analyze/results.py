"""Names in a sports report's results tables, which the model often misses.

Results, standings and line-ups are written in shapes, not sentences:
- a name before a country in brackets is an athlete: "Pete Sampras (U.S.) beat
  Jiri Novak (Czech Republic)";
- a capitalised name just before a score, in a row heavy with numbers, is a
  team or a player: "Airdrieonians 2 Alloa 1", "Somerset 83 and 174".
Each finder gives (name, offset) pairs; their kinds are decided like any other
name's (``kinds``).
"""

from __future__ import annotations

import re

from ..read.wire import is_row
from ..text import MONTHS, WEEKDAYS
from .gazetteer import place_type

_ATHLETE = re.compile(r"(?<![\w'\u2019.-])(?P<name>[A-Z][\w'\u2019.\-]+(?: [A-Z][\w'\u2019.\-]+){1,3})"
                      r" \((?P<country>[A-Z][\w.\- ]{1,30})\)")
_COUNTRY_SHORT = frozenset({"U.S.", "US", "USA", "UK", "U.K."})
_NAME_WORD = r"[A-Z][\w'\u2019.&\-]*"
_BEFORE_SCORE = re.compile(rf"(?<![\w'\u2019.-])(?P<name>{_NAME_WORD}(?: (?:of |de |the )?"
                           rf"{_NAME_WORD}){{0,3}}) ?(?=\d)")
# "May 13 Arrive in London": a date, not a team.
_CALENDAR = frozenset({*(m.capitalize() for m in MONTHS), *(d.capitalize() for d in WEEKDAYS)})


def athletes(text: str) -> list[tuple[str, int]]:
    return [(m["name"], m.start("name")) for m in _ATHLETE.finditer(text)
            if place_type(m["country"]) == "country" or m["country"] in _COUNTRY_SHORT]


def scored_names(text: str) -> list[tuple[str, int]]:
    out = []
    position = 0
    for line in text.split("\n"):
        if is_row(line):
            out += [(m["name"], position + m.start("name")) for m in _BEFORE_SCORE.finditer(line)
                    if m["name"].split()[0].rstrip(".") not in _CALENDAR]
        position += len(line) + 1
    return out
