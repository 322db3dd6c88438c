"""Raw model spans -> the people, organizations and places of one article.

The model is only a first opinion. In order:
1. each span becomes clean name candidates (``spans``);
2. the editors' catalog wins: an alias joins its canonical name and kind,
   even where the model read it as a nationality word ("the Tories", "Labour
   MPs"); ignored names go;
3. a long form defined with an acronym ("Asia-Pacific Economic Cooperation
   (APEC)") becomes the acronym;
4. what is not a name goes (``names``, ``titles``): events and awards, nationality
   words (the model's own NORP spans and the gazetteer's), headline-case fragments,
   table headers, the field of a job title ("Secretary of State");
5. a lone surname (or first name) of exactly one full name in the article is
   that person ("Trump" in "the Trump administration" included);
6. each name's kind is decided from all its evidence (``kinds``);
7. each name is written as the article writes it: the catalog's name when the
   article uses it, else its most used spelling; a name in capitals as the
   running text spells it ("SEOUL" -> Seoul).
Names are ordered by mentions, then first mention. The dateline's place and
the agency are names of the article too (passed in as ``extra``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..catalog import Catalog, entity_key
from ..model import ORGANIZATION, PERSON, PLACE, EntityKind
from ..read.wire import is_capitals, title_case
from . import kinds
from .gazetteer import is_first_name, place_spelling, place_type
from .names import is_name
from .ner import Span
from .results import athletes, line_up, reporter, scorecard, scored_names, venues
from .rosters import roster_names
from .spans import Candidate, candidates, merge_adjacent, titled_names
from .stated import catalog_mentions
from .titles import in_job_title

LABEL_KINDS: dict[str, EntityKind] = {
    "PERSON": PERSON.key,
    "ORG": ORGANIZATION.key,
    "GPE": PLACE.key,
    "LOC": PLACE.key,
    "FAC": PLACE.key,
}
_ACRONYM_DEF = re.compile(
    r"\b((?:[A-Z][\w&'\u2019-]*)(?:\s+(?:of|and|for|on|the|de|&|[A-Z][\w&'\u2019-]*)){1,8})"
    r"\s+\(([A-Z][A-Z&.]{1,9})\)"
)
_ROW_LABEL = re.compile(r" \((?![A-Z])[^)\n]*\) \d+[ \t]*$", re.M)  # not "Romario (Brazil) 12"
_COMPOUND = re.compile(r"-(?:based|born|bred|led|owned|run|backed|listed|registered)\b")
_JOIN = re.compile(r"(?<=\w\.)-|-(?=[A-Z])")


@dataclass(frozen=True)
class Mention:
    name: str
    label: EntityKind | None  # the model's kind; None when another source fixes it
    start: int
    weight: int = 2  # a whole span's label counts double a split-off part's
    fixed: EntityKind | None = None  # from the catalog or the dateline


def canonical_entities(spans: tuple[Span, ...], text: str, catalog: Catalog, *,
                       title: str = "",
                       extra: Iterable[tuple[str, EntityKind]] = ()
                       ) -> dict[EntityKind, tuple[str, ...]]:
    """``extra``: names the article states outside its text (dateline place, agency)."""
    acronyms = {entity_key(long): short for long, short in _ACRONYM_DEF.findall(text)}
    nationalities = {entity_key(s.text) for s in spans if s.label == "NORP"}
    mentions = [Mention(name, None, -1, fixed=kind) for name, kind in extra if name]
    for span in merge_adjacent(spans + tuple(titled_names(spans, text)), text):
        after = re.match(r" [A-Z][\w'\u2019-]*", text[span.start + len(span.text):])
        if after and catalog.lookup(span.text + after[0]):  # "Liberal" + " Democrat"
            span = Span(span.text + after[0], span.label, span.start)
        if span.label in LABEL_KINDS:
            mentions += _mentions(span, text, acronyms, nationalities, catalog)
        elif span.label == "NORP" and (entry := catalog.lookup(span.text)):
            mentions.append(Mention(span.text, None, span.start, fixed=entry.kind))
    mentions += [Mention(n, None, i, fixed=k) for n, k, i in catalog_mentions(text, spans, catalog)]
    mentions += [Mention(name, PERSON.key, start, 3, PERSON.key) for name, start in reporter(text)]
    sport = kinds.is_sport(title, text)
    if sport:  # names in results tables, which the model often misses
        mentions += [Mention(name, PERSON.key, start, 3) for name, start in athletes(text)]
        mentions += [Mention(name, PERSON.key, start, 3, PERSON.key)  # a numbered player
                     for name, start in line_up(text) + scorecard(text)]
        mentions += [Mention(name, PLACE.key, start, 3, PLACE.key) for name, start in venues(text)]
        mentions += [Mention(name, PERSON.key, start, 3) for name, start in roster_names(text)
                     if not catalog.is_ignored(name) and is_name(name, text)]
        mentions += [Mention(name, None, start, 0) for name, start in scored_names(text)
                     if not catalog.is_ignored(name) and is_name(name, text)]
    mentions = _resolve_surnames(mentions, catalog)
    return _rank(mentions, text, catalog, sport)


def _mentions(span: Span, text: str, acronyms: dict[str, str], nationalities: set[str],
              catalog: Catalog) -> list[Mention]:
    out = []
    for c in _split_joined(candidates(span, text), catalog):
        if (_is_label(c, text) or _COMPOUND.match(text, c.start + len(c.name))
                or in_job_title(c.name, c.start, text)):
            continue  # "New York-based": an adjective made of a name is not listed
        short = acronyms.get(entity_key(c.name))
        name = short or c.name
        if catalog.is_ignored(name):
            continue
        entry = catalog.lookup(name)
        if entry:
            out.append(Mention(name, None, c.start, fixed=entry.kind))
        elif is_name(name, text) and entity_key(name) not in nationalities:
            # A long form's label is a weak vote for its acronym's kind.
            weight = 2 if c.whole and not short else 1
            out.append(Mention(name, LABEL_KINDS[span.label], c.start, weight))
    return out


def _is_label(c: Candidate, text: str) -> bool:
    """One word opening a line and followed by a colon, or by a bracket in a row that ends
    in a number: a table's or a form's label ("Attendance: 45,000", "Scorer: Smith",
    "Extras (lb-3 nb-2) 5"), not a name."""
    end = c.start + len(c.name)
    return (" " not in c.name and (c.start == 0 or text[c.start - 1] == "\n")
            and (text[end:end + 1] == ":" or _ROW_LABEL.match(text, end) is not None))


def _split_joined(found: list[Candidate], catalog: Catalog) -> list[Candidate]:
    """"U.S.-South Korea" -> "U.S." and "South Korea", when each part is a known name;
    "Tories Ken Clarke" -> "Tories" and "Ken Clarke", a catalog name used as a
    descriptor before a person's name."""
    out = []
    for c in found:
        described = _descriptor(c, catalog)
        if described:
            out += described
            continue
        parts = [p for p in _JOIN.split(c.name) if p]
        known = [catalog.lookup(p) or place_type(p) for p in parts]
        # two towns joined are one name ("Neath-Swansea"), a country and a town are two
        if len(parts) > 1 and all(known) and any(k not in ("city", "region") for k in known):
            offsets = [c.start + c.name.index(p) for p in parts]
            out += [Candidate(p, c.label, o, False) for p, o in zip(parts, offsets)]
        else:
            out.append(c)
    return out


def _descriptor(c: Candidate, catalog: Catalog) -> list[Candidate]:
    words = c.name.split()
    if c.label != "PERSON":
        return []
    for n in (2, 1):
        if len(words) >= n + 2:
            head = " ".join(words[:n])
            entry = catalog.lookup(head)
            rest = " ".join(words[n:])
            if entry and entry.kind != PERSON.key and kinds.person_shape(rest):
                return [Candidate(head, c.label, c.start, False),
                        Candidate(rest, c.label, c.start + c.name.index(rest, len(head)), False)]
    return []


def _resolve_surnames(mentions: list[Mention], catalog: Catalog) -> list[Mention]:
    """A lone surname (or a lone first name tagged as a person) of exactly one full name
    in the article -> that person. "Trump" tagged ORG is a person too; a country is left
    alone ("Jordan" the country is not Jordan Henderson)."""
    full = {m.name for m in mentions if len(m.name.split()) > 1 and (
        m.label == PERSON.key or m.fixed is None and kinds.person_shape(m.name)
        and is_first_name(m.name.split()[0]) and not m.name.split()[-1].isupper())}
    surnames: dict[str, set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)
    for name in full:
        surnames[name.split()[-1]].add(name)
        given[name.split()[0]].add(name)
    # "Magna" after "Magna International Inc": the company, whatever the model says
    stems = {stem for m in mentions for stem in kinds.company_stems(m.name)}
    resolved = []
    for m in mentions:
        if m.name in stems and m.fixed is None:
            m = Mention(m.name, ORGANIZATION.key, m.start, m.weight, ORGANIZATION.key)
        owners: set[str] = set()
        # A surname beats an alias in the catalog: "Washington" is MaliVai Washington
        # in the article that names him, whatever the catalog says of Washington.
        if (m.name not in full and len(m.name.split()) == 1
                and (m.fixed is None or m.fixed == PLACE.key)
                and place_type(m.name) not in ("country", "continent")):
            owners = (surnames.get(m.name) or (given.get(m.name, set())
                                               if m.label == PERSON.key or is_first_name(m.name)
                                               else set()))
        if len(owners) == 1 and not (m.fixed and catalog.lookup(m.name).name == m.name):
            m = Mention(next(iter(owners)), PERSON.key, m.start, m.weight)
        resolved.append(m)
    return resolved


def _rank(mentions: list[Mention], text: str, catalog: Catalog,
          sport: bool) -> dict[EntityKind, tuple[str, ...]]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        # The dateline's place is the place it names: "WASHINGTON" is the city, whatever
        # the catalog makes of Washington in running text.
        entry = catalog.lookup(m.name) if m.start >= 0 else None
        groups[entity_key(entry.name if entry else m.name)].append(m)
    person_words = {w for m in mentions if m.label == PERSON.key for w in m.name.split()[1:]}
    ranked = sorted(groups, key=lambda k: (-len(groups[k]), min(m.start for m in groups[k])))
    out: dict[EntityKind, list[str]] = defaultdict(list)
    for key in ranked:
        group = groups[key]
        name = _spelling(group, text, catalog)
        out[_kind(name, group, text, sport, name in person_words)].append(name)
    return {kind: tuple(names) for kind, names in out.items()}


def _kind(name: str, group: list[Mention], text: str, sport: bool,
          part_of_person: bool) -> EntityKind:
    fixed = Counter(m.fixed for m in group if m.fixed)
    if fixed:
        return fixed.most_common(1)[0][0]
    model: Counter = Counter()
    for m in group:
        model[m.label] += m.weight
    context: Counter = Counter()
    for spelling in {m.name for m in group}:
        starts = [m.start for m in group if m.name == spelling and m.start >= 0]
        context += kinds.context_votes(starts, len(spelling), text, sport,
                                       place_type(name) in ("city", "region"))
    return kinds.decide(name, model, context, sport, part_of_person and len(name.split()) == 1)


def _spelling(group: list[Mention], text: str, catalog: Catalog) -> str:
    """The catalog's name when the article uses it; else the most used spelling,
    the longer of a tie; a name in capitals as the running text spells it."""
    entry = catalog.lookup(group[0].name) if group[0].start >= 0 else None
    if entry and re.search(rf"(?<!\w){re.escape(entry.name)}(?!\w)", text):
        return entry.name
    counts = Counter(m.name for m in group)
    best = max(counts, key=lambda n: (counts[n], len(n), not is_capitals(n)))
    mixed = [n for n in counts if not is_capitals(n)]
    if is_capitals(best) and mixed:
        best = max(mixed, key=lambda n: (counts[n], len(n)))
    return spell(best, text) if is_capitals(best) else best


def spell(name: str, text: str) -> str:
    """A name in capitals as the running text spells it, else as the gazetteer does;
    a short single word stays an acronym ("NATO"), anything else gets title case."""
    if not is_capitals(name):
        return name
    for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I):
        if not is_capitals(match[0]):
            return match[0]
    spelled = place_spelling(name)
    if spelled:
        return spelled
    if len(name.split()) == 1 and len(name) <= 5:
        return name
    return title_case(name)
