"""Raw model spans -> canonical people, organizations and places of one article.

The rules, in order: clean each span (possessives, a leading "the", stray
hyphens); split joined names ("U.S.-South Korea"); apply the editors'
catalog (it wins); map a long form defined with an acronym to the acronym;
drop headline-case fragments and nationality adjectives; resolve a surname to
the full name used in the same article; then give each name its most common
kind and order names by mentions, then first mention.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..catalog import Catalog, entity_key
from ..model import EntityKind
from .ner import Span

LABEL_KINDS: dict[str, EntityKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    # NORP (nationalities, religions, parties as adjectives) is dropped on
    # purpose: "South Korean" is not an entity, and the country it implies is
    # named in the text when it matters.
}
MAX_ENTITY_WORDS = 6
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$|['\u2019]$")
_EDGE_JUNK = re.compile(r"^[\W_]+|[\W_]+$")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+(?=[A-Z])")
_ACRONYM_DEF = re.compile(
    r"\b((?:[A-Z][\w&'\u2019-]*)(?:\s+(?:of|and|for|on|the|de|&|[A-Z][\w&'\u2019-]*)){1,8})"
    r"\s+\(([A-Z][A-Z&.]{1,9})\)"
)
# Capitalised function words inside a name mark a headline fragment.
_HEADLINE_WORDS = frozenset(
    "Before After To For With From Amid Over Into Against As At By On In Is Are Be "
    "Was Were Will Intended Announced Says Said".split()
)


_FIXTURE_WORDS = frozenset({"v", "vs", "v.", "vs."})


@dataclass(frozen=True)
class Mention:
    name: str
    kind: EntityKind
    start: int
    votes: bool = True  # False when the kind came from another name (a long form)


def clean(text: str) -> str:
    """Strip possessives, honorifics, a leading "the", and punctuation at the edges."""
    text = " ".join(text.split())
    text = _HONORIFIC.sub("", _POSSESSIVE.sub("", text))
    if text.lower().startswith("the "):
        text = text[4:]
    return _EDGE_JUNK.sub("", text) if not text.endswith(".") else text.lstrip("-\u2013 ")


def canonical_entities(spans: tuple[Span, ...], text: str,
                       catalog: Catalog) -> dict[EntityKind, tuple[str, ...]]:
    acronyms = {entity_key(long): short for long, short in _ACRONYM_DEF.findall(text)}
    mentions = [m for span in spans for m in _mentions(span, acronyms, catalog)]
    mentions = _resolve_surnames(mentions, catalog)
    return _rank(mentions)


def _mentions(span: Span, acronyms: dict[str, str], catalog: Catalog) -> list[Mention]:
    kind = LABEL_KINDS.get(span.label)
    out = []
    for part in _split_joined(clean(span.text), catalog):
        short = acronyms.get(entity_key(part))
        part = short or part
        entry = catalog.lookup(part)
        if catalog.is_ignored(part):
            continue
        if entry:
            out.append(Mention(entry.name, entry.kind, span.start))
        elif kind and _plausible(part):
            out.append(Mention(part, kind, span.start, votes=short is None))
    return out


def _split_joined(text: str, catalog: Catalog) -> list[str]:
    """"U.S.-South Korea" -> ["U.S.", "South Korea"] when each part is a known name."""
    parts = [p for p in re.split(r"(?<=\w\.)-|-(?=[A-Z])", text) if p]
    if len(parts) > 1 and all(catalog.lookup(p) or len(p.split()) > 1 for p in parts):
        return [clean(p) for p in parts]
    return [text]


def _plausible(name: str) -> bool:
    tokens = name.split()
    if not tokens or len(tokens) > MAX_ENTITY_WORDS or len(name) < 2:
        return False
    if not name[0].isupper() or not any(c.isalpha() for c in name):
        return False
    if any(t in _FIXTURE_WORDS for t in tokens[1:-1]):
        return False  # "Swansea v Leicester" is a fixture, not a name
    return not any(t in _HEADLINE_WORDS for t in tokens[1:])


def _resolve_surnames(mentions: list[Mention], catalog: Catalog) -> list[Mention]:
    """A lone surname (or a lone first name tagged as a person) of exactly one
    full name in the article -> that person. "Trump" tagged ORG is a person too;
    a place is left alone ("Jordan" the country is not Jordan Henderson)."""
    full = {m.name for m in mentions if m.kind == "person" and len(m.name.split()) > 1}
    surnames: dict[str, set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)
    for name in full:
        surnames[name.split()[-1]].add(name)
        given[name.split()[0]].add(name)
    resolved = []
    for m in mentions:
        owners: set[str] = set()
        if m.name not in full and m.kind != "place" and not catalog.lookup(m.name):
            owners = (surnames.get(m.name)
                      or (given.get(m.name, set()) if m.kind == "person" else set()))
        if len(owners) == 1:
            m = Mention(next(iter(owners)), "person", m.start)
        resolved.append(m)
    return resolved


def _rank(mentions: list[Mention]) -> dict[EntityKind, tuple[str, ...]]:
    kinds: dict[str, Counter] = defaultdict(Counter)
    count: Counter[str] = Counter()
    first: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for m in mentions:
        key = entity_key(m.name)
        count[key] += 1
        kinds[key][m.kind] += 2 if m.votes else 1
        first.setdefault(key, m.start)
        spelling.setdefault(key, m.name)
    ranked = sorted(count, key=lambda k: (-count[k], first[k]))
    out: dict[EntityKind, list[str]] = defaultdict(list)
    for key in ranked:
        kind = max(kinds[key], key=lambda k: (kinds[key][k], k == "person"))
        out[kind].append(spelling[key])
    return {kind: tuple(names) for kind, names in out.items()}
