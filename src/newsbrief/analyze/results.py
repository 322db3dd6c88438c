"""Names in a report's tables and sign-off, which the model often misses.

Results, standings and line-ups are written in shapes, not sentences:
- a name before a country in brackets is an athlete: "Pete Sampras (U.S.) beat
  Jiri Novak (Czech Republic)";
- a capitalised name just before a score, in a row heavy with numbers, is a
  team or a player: "Airdrieonians 2 Alloa 1", "Somerset 83 and 174";
- a name after a shirt number, in a line of several, is a player: "1 - Bernard
  Lama; 2 - Lilian Thuram"; so are the names in a cricket scorecard's rows
  ("S. Law c Tillekeratne b Dharmasena 13");
- a name opening a results line before a colon is the town of the ground:
  "Hove: Sussex 363";
- a wire report signs off with its reporter and desk: "-- Luli Popescu,
  Bucharest Newsroom 40-1 3120264".
Each finder gives (name, offset) pairs; their kinds are decided like any other
name's (``kinds``).
"""

from __future__ import annotations

import re

from ..read.wire import is_row
from ..text import MONTHS, WEEKDAYS
from . import lexicon
from .gazetteer import place_type

_ATHLETE = re.compile(r"(?<![\w'\u2019.-])(?P<name>[A-Z][\w'\u2019.\-]+(?: [A-Z][\w'\u2019.\-]+){1,3})"
                      r" \((?P<country>[A-Z][\w.\- ]{1,30})\)")
_COUNTRY_SHORT = frozenset({"U.S.", "US", "USA", "UK", "U.K."})
_NAME_WORD = r"[A-Z][\w'\u2019.&\-]*"
_BEFORE_SCORE = re.compile(rf"(?<![\w'\u2019.-])(?P<name>{_NAME_WORD}(?: (?:of |de |the )?"
                           rf"{_NAME_WORD}){{0,3}}) ?(?=\d)")
# "France - 1 - Bernard Lama; 2 - Lilian Thuram (14 - Sabri Lamouchi 87th)": a line-up
# numbers its players by shirt; a substitute may come on by name and minute ("Gomez 86th").
_PLAYER = (r"[A-Z][\w'\u2019.\-]+(?: (?:(?:de|del|da|van|von|der|den|De|Van|Von|Der) )*"
           r"[A-Z][\w'\u2019.\-]+){0,3}")
_SHIRT = re.compile(rf"(?<![\w.])\d{{1,2}} ?- ?(?P<name>{_PLAYER})")
_SUBSTITUTE = re.compile(rf"\((?P<name>{_PLAYER}),? \d{{1,3}}(?:st|nd|rd|th)\)")
LINE_UP_MIN = 3  # numbered names in one line
# A cricket scorecard: "S. Law c Tillekeratne b Dharmasena 13", "R. Ponting not out 46",
# bowling figures "Vaas 7-0-29-0", and "Did not bat: Dharmasena, Vaas".
_CRICKETER = (r"(?:[A-Z]\.[ ]?){0,3}(?:(?:de|van|ul|al) )?[A-Z][\w'\u2019\-]+"
              r"(?: [A-Z][\w'\u2019\-]+)?")
_INNINGS = re.compile(rf"^(?P<bat>{_CRICKETER}) (?:(?:c(?: and)?|st) (?:(?P<field>{_CRICKETER}) )?"
                      rf"b (?P<bowler>{_CRICKETER})|lbw b (?P<lbw>{_CRICKETER})|b (?P<bowled>"
                      rf"{_CRICKETER})|run out|not out|retired hurt|hit wicket)(?: \d+)?[ \t]*$",
                      re.M)
_FIGURES = re.compile(rf"(?<![\w.])(?P<name>{_CRICKETER})\s+\d+(?:\.\d)?-\d+-\d+-\d+\b")
_DID_NOT_BAT = re.compile(r"^Did not bat: ([^\n.]+)", re.M)
# "Hove: Sussex 363 (W. Athey 111)": a results line opens with the ground's town.
_GROUND = r"[A-Z][\w'\u2019\-]+(?: [A-Z][\w'\u2019\-]+){0,2}"
_VENUE = re.compile(rf"^(?:At )?(?P<name>{_GROUND})(?: \((?P<town>{_GROUND})\))?:[ \t]+"
                    rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,2}} (?:\d|(?:beat|drew|v|lost to)\b)", re.M)
_SIGN_OFF = re.compile(r"^-- (?P<name>[A-Z][\w'\u2019\-]+(?: [A-Z][\w'\u2019.\-]+){1,2}), "
                       r"[^\n]*\b(?:[Nn]ewsroom|[Dd]esk|[Bb]ureau)\b", re.M)
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


def line_up(text: str) -> list[tuple[str, int]]:
    """The players of a line-up numbered by shirt, and its named substitutes."""
    out = []
    position = 0
    for line in text.split("\n"):
        shirts = list(_SHIRT.finditer(line))
        if len(shirts) >= LINE_UP_MIN:
            out += [(m["name"], position + m.start("name"))
                    for m in [*shirts, *_SUBSTITUTE.finditer(line)]]
        position += len(line) + 1
    return out


def scorecard(text: str) -> list[tuple[str, int]]:
    """The batsmen, fielders and bowlers of a cricket scorecard."""
    out = [(m[group], m.start(group)) for m in _INNINGS.finditer(text)
           for group in ("bat", "field", "bowler", "lbw", "bowled") if m[group]]
    out += [(m["name"], m.start("name")) for m in _FIGURES.finditer(text)]
    for m in _DID_NOT_BAT.finditer(text):
        position = m.start(1)
        for part in m[1].split(","):
            name = part.strip()
            if re.fullmatch(_CRICKETER, name):
                out.append((name, position + part.index(name)))
            position += len(part) + 1
    return out


def venues(text: str) -> list[tuple[str, int]]:
    """The towns that open results lines; not a common noun, a verb's form or a day
    ("Scorers: Smith 2", "Postponed: East Fife v Stirling", "Playing Sunday: ...")."""
    return [(m[group], m.start(group)) for m in _VENUE.finditer(text) for group in ("name", "town")
            if m[group] and (place_type(m[group]) or _ground(m[group].split()))]


def _ground(words: list[str]) -> bool:
    return not (len(words) == 1 and lexicon.noun_lemma(words[0]) or any(
        lexicon.is_verb_form(w) or w.endswith("ing") or w in _CALENDAR for w in words))


def reporter(text: str) -> list[tuple[str, int]]:
    """The reporter who signs a wire report off, before the desk."""
    return [(m["name"], m.start("name")) for m in _SIGN_OFF.finditer(text)]
