"""What kind of name a name is: evidence beyond the model's label.

- The name's own words: an organization's suffix ("Bank", "Party", "plc"), a
  place's ("Street", "Stadium"), or an event's ("Cup", "Open", "Awards"):
  events, competitions and awards are not names listed here.
- The gazetteers: a country or continent is a place, in every report (a
  national team named after its country is a place too).
- The words around each mention: in a sports report, a town or county
  followed by a score or a result ("Somerset 83", "Leicestershire beat") is
  a club, so an organization; "at Headingley" is a place. Anywhere, "shares
  in X" or "X's chief executive" make X an organization.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import ORGANIZATION, PERSON, PLACE, EntityKind
from .gazetteer import is_first_name, place_type
from .rosters import rosters

ORG_ENDINGS = frozenset(
    "inc corp corporation co ltd plc llc ag sa nv gmbh group bank party union council "
    "association federation committee ministry department office agency club fc university "
    "college school board commission authority company airlines airways holdings fund court "
    "institute society foundation service services exchange reserve assembly parliament "
    "congress senate police army navy force trust partnership alliance front movement "
    "network broadcasting news times post herald journal telegraph guardian press "
    "industries industry motors systems technologies telecom communications energy oil "
    "petroleum pharmaceuticals securities capital investments insurance bancorp bros brothers "
    "partners associates enterprises ventures resources logistics shipping railways cement "
    "steel mining mines textiles foods chemicals electric electronics cables lamps paper "
    "brewery breweries stores newspaper magazine".split())
PLACE_ENDINGS = frozenset(
    "street road avenue lane square park stadium arena ground river mountains mountain sea "
    "ocean island islands bay valley province county region airport bridge strait gulf "
    "peninsula desert lake coast hills canal hospital prison jail palace castle cathedral "
    "church mosque temple hotel camp station harbour harbor port beach".split())
_EVENT_ENDINGS = frozenset(
    "cup championship championships open games olympics olympiad marathon run race prix trophy "
    "award awards prize festival classic tournament masters series rally derby final finals "
    "premiership nations bowl meeting slam grand tour review convention act bill treaty "
    "agreement accord report budget election elections referendum summit division".split())
_EVENT_WORDS = frozenset("premiership olympics olympic ashes oscar oscars bafta baftas grammy "
                         "grammys emmy emmys election elections referendum summit".split())
_SPORTS = frozenset(
    "soccer football cricket tennis golf athletics boxing cycling rugby baseball basketball "
    "squash badminton swimming rowing sailing hockey racing motorcycling motocross skiing "
    "olympics triathlon volleyball handball snooker darts judo wrestling nfl nba nhl".split())
# Words that mark a sports report when several of them come together.
_SPORT_WORDS = frozenset(
    "match matches goal goals striker midfielder midfield defender goalkeeper keeper winger "
    "coach coaches season league cup championship championships tournament innings wicket "
    "wickets batsman bowler batting bowling seeded seeding semi-final semi-finals quarter-final "
    "quarter-finals final finals squad scored scoring penalty penalties try tries fixture "
    "fixtures kick-off half-time club clubs fans stadium medal medals olympic olympics athlete "
    "athletes sprinter sprint sprinters birdie par champion champions captain captains debut "
    "rugby football footballer soccer tennis golf cricket athletics boxing marathon relay "
    "injury injured hamstring premiership game games player players team teammates boss "
    "manager referee pitch scrum fly-half flanker prop lock hooker centre full-back forwards "
    "cap caps international internationals indoor indoors metres 60m 100m 200m 400m 800m "
    "1500m hurdles jump vault seed seeds set sets serve grand slam racket ace aces "
    "knock-out round rounds trophy title titles champion victory defeat draw drew beat "
    "win won wins winning lost loss points point score scores".split())
SPORT_MIN_WORDS = 6
SPORT_MIN_SHARE = 0.04
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
# Articles that open the names of foreign newspapers and firms.
_ARTICLES = frozenset("Le La Les Der Die Das El Il Lo Los Las".split())
# "D. Fleming", "M. McCague", "T. O'Gorman": initials, then a surname
_INITIALS = re.compile(r"^(?:[A-Z]\.[ ]?)+[A-Z](?:['\u2019\-]?[A-Z]?[a-z]+)+$")
# Last words of team names: "Ross County", "Red Star", "Norwich City".
_TEAM_WORDS = frozenset("county city united town rovers athletic star wanderers albion thistle "
                        "rangers hotspur villa forest wednesday orient argyle fc".split())
_COMPANY_SUFFIXES = frozenset("inc corp corporation co ltd plc llc ag sa nv gmbh group holdings "
                              "international industries".split())
_SLUG = re.compile(r"^\s*([A-Za-z ]{3,30}?)\s*-\s*\S")

_RESULT = (r"beat|beats|beaten|won|win|wins|lost|lose|loses|drew|draw|draws|defeated|led|lead|"
           r"leads|trail|trailed|trailing|scored|closed|reached|were|have|had|took|made|needed|"
           r"kept|finished|host|hosted|play|played|face|faced|visit|visited|manager|coach|boss|"
           r"striker|midfielder|defender|goalkeeper|keeper|captain|chairman|player|players|side|"
           r"squad|fans|supporters|bowler|batsman|opener|skipper|winger|forward|team|club|v|vs|"
           r"versus|against")
_TEAM_AFTER = re.compile(rf"^(?:['\u2019]s)?[ \t]*(?:(?:{_RESULT})\b|\d)|^['\u2019]s[ \t]+[A-Z][a-z]+ [A-Z]")
_TEAM_BEFORE = re.compile(r"(?:\b(?:beat|beating|against|v|vs|versus|joined|joining|signed for|"
                          r"drew with|draw with|lost to|loss(?:es)? to|los(?:e|ing) to|"
                          r"defeats? (?:by|to)|wins? over|victor(?:y|ies) over|"
                          r"played for|playing for|plays for|club|side|rivals|sacked by|"
                          r"return to|move to|moved to|loan to|loan from|signed from|(?:sacked|"
                          r"manager|boss|coach|career|spell|stint|player|captain|days) at)|\d)"
                          r"[ \t.]+$",
                          re.I)
# Words before a place. In a sports report, "at" a town is as often its club as the town
# ("sacked at Spurs"), and a club is left as often as a town, so only "in" and the
# like count there, and "at" only for a name no gazetteer knows as a town (a ground).
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|inside|across|around|towards|of)[ \t]+"
                           r"(?:the[ \t]+)?$")
_SITE_BEFORE = re.compile(r"\b(?:town|city|village|province|region|county|district|capital|"
                          r"port|suburb|island)[ \t]+of[ \t]+$")  # "the town of Chatelet"
_SITE_AFTER = re.compile(r"^[ \t]+(?:county|province|region|district|village)\b")  # "X county"
_CLUB_BEFORE = re.compile(r"\b(?:club|side|team|outfit)[ \t]+$")  # "Belgian club Standard Liege"
_AT_BEFORE = re.compile(r"\b(?:at|(?:the|a|away)[ \t]+trip[ \t]+to)[ \t]+(?:the[ \t]+)?$")
_LEFT_BEFORE = re.compile(r"\b(?:from|leave|leaving|quit|quitting)[ \t]+(?:the[ \t]+)?$")
_ORIGIN_AFTER = re.compile(  # "the Kent athlete": where a lone competitor is from
    r"^[ \t]+(?:athlete|runner|sprinter|hurdler|boxer|golfer|jockey|cyclist|swimmer|rower|skier|"
    r"jumper|thrower|born|native)s?\b")
_VENUE = re.compile(r"^[ \t]*:")  # "Leicester: Leicestershire beat Somerset" in a results table
_ORG_AFTER = re.compile(r"^(?:['\u2019]s)?[ \t]+(?:shares|stake|chief|chairman|boss|bosses|"
                        r"board|executives?|spokes(?:man|woman|person)|owners?|subsidiary|unit|"
                        r"plc|group|said in a statement|bid|takeover|profits?|results|"
                        r"newspaper|daily|weekly|magazine|news agency)\b")
_ORG_BEFORE = re.compile(r"\b(?:firm|company|group|giant|bank|carrier|maker|retailer|insurer|"
                         r"producer|operator|airline|broadcaster|newspaper|daily|weekly|tabloid|"
                         r"magazine|agency|stake in|shares in|merg(?:e|ing|ed|er) with|acquired by|"
                         r"bought by|shares of|subsidiary of|owner of|takeover of|bid for|"
                         r"rival)[ \t]+(?:the[ \t]+)?$", re.I)
# A name before a role and a person's name is where they work: "Sale Sharks prop Andrew Sheridan".
_AFFILIATION = re.compile(r"^(?:['\u2019]s)?[ \t]+(?:prop|hooker|lock|flanker|fly-half|scrum-half|"
                          r"wing|winger|centre|full-back|striker|midfielder|defender|goalkeeper|"
                          r"keeper|forward|playmaker|captain|skipper|coach|manager|director|"
                          r"president|leader|spokes(?:man|woman)|analyst|economist|owner)"
                          r"[ \t]+[A-Z][a-z]")
_PERSON_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lady|Lord|Dame)\.?[ \t]+$")
# "the Trump administration": the person, not an organization called Trump.
_PERSON_AFTER = re.compile(r"^[ \t]+(?:administration|government|campaign|camp|"
                           r"era|aides|presidency|cabinet)\b|^,[ \t]+\d{1,2},")


def is_sport(title: str, text: str) -> bool:
    """A sports report: a sport's slug opens the headline ("CRICKET - ..."), or the text
    is thick with the words sports reports are made of."""
    slug = _SLUG.match(title)
    if slug and slug[1].lower().split()[-1] in _SPORTS:
        return True
    words = [w.lower() for w in _WORD.findall(text)]
    hits = sum(w in _SPORT_WORDS for w in words)
    return hits >= SPORT_MIN_WORDS and hits >= SPORT_MIN_SHARE * len(words)


def is_event(name: str) -> bool:
    """A competition, event, award or law ("World Cup", "Australian Open", "Oscars"),
    also named by what it is on or of ("Convention on Human Rights", "Tour of Britain")."""
    words = name.lower().split()
    if len(words) == 1:
        return words[0] in _EVENT_WORDS
    return (words[-1] in _EVENT_ENDINGS or (words[-1] == "league" and "of" not in words)
            or any(w in _EVENT_ENDINGS and after in ("on", "of")
                   for w, after in zip(words[:-1], words[1:])))


def ending_kind(name: str) -> EntityKind | None:
    last = name.lower().rsplit(None, 1)[-1].strip(".")
    if len(name.split()) > 1 and last in PLACE_ENDINGS:
        return PLACE.key
    if last in ORG_ENDINGS and len(name.split()) > 1:
        return ORGANIZATION.key
    return None


def context_votes(starts: Sequence[int], length: int, text: str, sport: bool,
                  town: bool = False) -> Counter:
    """Votes for each kind from the words around each mention of a name;
    ``town``: the gazetteers know the name as a town or region."""
    votes: Counter = Counter()
    in_rosters = rosters(text) if sport else ()
    for start in starts:
        if any(begin <= start < end for begin, end in in_rosters):
            votes["roster"] += 1
            continue
        before = text[max(0, start - 40):start]
        after = text[start + length:start + length + 40]
        line_start = start == 0 or text[start - 1] == "\n"
        if _ORG_AFTER.match(after) or _ORG_BEFORE.search(before) or _AFFILIATION.match(after):
            votes[ORGANIZATION.key] += 1
        if _PERSON_BEFORE.search(before) or _PERSON_AFTER.match(after):
            votes[PERSON.key] += 1
        votes["site"] += bool(_SITE_BEFORE.search(before) or _SITE_AFTER.match(after))
        votes["club"] += bool(_CLUB_BEFORE.search(before))
        at = _AT_BEFORE.search(before)
        # "an upturn in Saints' fortunes": "in" goes with what the name owns, not the name
        in_ = _PLACE_BEFORE.search(before) and not re.match(r"['\u2019]", after)
        if not sport:
            votes[PLACE.key] += bool(at or in_ or _LEFT_BEFORE.search(before)
                                     or _ORIGIN_AFTER.match(after))
        elif line_start and _VENUE.match(after) or _ORIGIN_AFTER.match(after):
            votes[PLACE.key] += 1
        elif in_ and re.match(r"[ \t]+\d", after):
            votes[PLACE.key] += 1  # "edged Austria in Salzburg 3-2": where, then the score
        elif _TEAM_AFTER.match(after) or _TEAM_BEFORE.search(before):
            votes["team"] += 1
        elif in_ or at and not town:
            votes[PLACE.key] += 1
    return votes


def company_stems(name: str) -> list[str]:
    """A company's name without its suffixes: "Magna International Inc" -> "Magna"..."""
    words, cut = name.split(), len(name.split())
    while cut > 1 and words[cut - 1].lower().strip(".") in _COMPANY_SUFFIXES:
        cut -= 1
    return [" ".join(words[:n]) for n in range(len(words) - 1, cut - 1, -1)]


def person_shape(name: str, endings: bool = True) -> bool:
    """Written the way people's names are: initials and a surname ("D. Fleming"), or a
    known first name before one or two capitalised words ("Cosmin Contra")."""
    tokens = name.split()
    if _INITIALS.match(name):
        return True
    if not 2 <= len(tokens) <= 3 or not all(t[:1].isupper() for t in tokens):
        return False
    if (tokens[-1].lower() in _TEAM_WORDS or place_type(tokens[-1]) not in (None, "city")
            or endings and ending_kind(name)):  # a town is a surname too: "Dennis Mitchell"
        return False
    return is_first_name(tokens[0])


def decide(name: str, model: Counter, context: Counter, sport: bool,
           part_of_person: bool) -> EntityKind:
    """The kind of one name from all its evidence.

    ``model``: the model's votes per kind; ``context``: ``context_votes``;
    ``part_of_person``: a single word that is part of a person's name in the article."""
    where = place_type(name)
    if where in ("country", "continent"):
        return PLACE.key
    model.pop(None, None)
    model_kind = max(model, key=lambda k: (model[k], k == PERSON.key)) if model else PLACE.key
    if model_kind != PLACE.key and name.split()[0] in _ARTICLES and len(name.split()) > 1:
        return ORGANIZATION.key  # "Le Matin", "Der Spiegel": a title, never a person
    if context["roster"] and (not where or where == "city" and model_kind == PERSON.key):
        return PERSON.key  # a player in a side's line-up
    if (sport and name.lower().rsplit(None, 1)[-1] in _TEAM_WORDS and len(name.split()) > 1
            and not (where and context[PLACE.key] > context["team"])):  # "in Atlantic City"
        return ORGANIZATION.key  # "Manchester City", "Kansas City" in a sports report
    if model_kind == PLACE.key and not where and _ACRONYM.match(name):
        return ORGANIZATION.key  # "BT": an acronym no gazetteer knows as a place
    ending = ending_kind(name)
    if ending == PLACE.key and model_kind == PERSON.key and person_shape(name, endings=False):
        return PERSON.key  # "Wayne Bridge"
    if ending == PLACE.key and sport and context["team"] > context[PLACE.key]:
        return ORGANIZATION.key  # "Crystal Palace 2 Wimbledon 1": a club named like a place
    if ending == ORGANIZATION.key and where and model_kind == PLACE.key:
        return PLACE.key  # "the West Bank": a region the gazetteers know, whatever its last word
    if ending:
        return ending
    if context["site"] > context[ORGANIZATION.key] + context[PERSON.key]:
        return PLACE.key  # "the town of Chatelet": a place no gazetteer knows
    if context["club"] > context[PERSON.key] and not person_shape(name):
        return ORGANIZATION.key  # "Belgian club Standard Liege"
    if _INITIALS.match(name):
        return PERSON.key  # "K. Curran 4-43": an initial and a surname, never a club
    if part_of_person or person_shape(name) and not (
            context["team"] and model and place_type(name.split()[-1])):
        # A first name and a surname is a person, even after "beat" or a score ("beat
        # Rafael Nadal 6-2"); with a team's context, one ending in a town is a club.
        return PERSON.key
    single = len(name.split()) == 1
    if sport and (where or model_kind != PERSON.key or single):
        team, place = context["team"], context[PLACE.key]
        if team > place:
            return ORGANIZATION.key
        if place > team and (where or single or model_kind == PLACE.key):
            return PLACE.key
        if where and model_kind == PERSON.key:
            return ORGANIZATION.key
    if context[ORGANIZATION.key] > context[PERSON.key] and model_kind != ORGANIZATION.key:
        return ORGANIZATION.key
    if (context[PERSON.key] > context[ORGANIZATION.key] and model_kind != PERSON.key
            and not (where and model_kind == PLACE.key)):  # "the Tehran government"
        return PERSON.key
    if (model_kind == PERSON.key and single and context[PLACE.key] and not context[PERSON.key]
            and not is_first_name(name)):
        return PLACE.key  # "at Anfield": a lone word the model took for a person
    if (not sport and model_kind == PERSON.key and single and not where
            and not context[PERSON.key] and not is_first_name(name)):
        # News copy brings a person in by full name or title before a lone surname;
        # a lone word never so introduced is a company or brand ("GlaxoSmithKline").
        return ORGANIZATION.key
    if where and not context[model_kind]:
        if model_kind == PERSON.key and single and not is_first_name(name):
            return PLACE.key
        if model_kind == ORGANIZATION.key and not sport:
            return PLACE.key
    return model_kind
