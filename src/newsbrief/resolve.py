"""Names across the corpus: one identity per entity, whatever each briefing called it.

Each briefing's front matter is read as its editors left it; then, once for
the whole site:
- the editors' catalog maps aliases to canonical names and kinds, and drops
  ignored names;
- a name tagged with different kinds in different briefings takes the kind
  most briefings give it ("Labour" is an organization, even where the model
  called it a person), unless the catalog says otherwise;
- a lone surname ("Blair") becomes the one person in the corpus with that
  surname ("Tony Blair"), or the one named in three times as many briefings as
  all the others with it together;
- a topic only one briefing has is not shown.

A preview rebuild keeps the last answer for each briefing whose names, topics and
the kinds, surname owners and shared topics they depend on did not change.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .catalog import Catalog, entity_key
from .model import ENTITY_KEYS, ENTITY_KINDS, PERSON, TOPIC, Briefing

Key = tuple[str, str]  # (kind, entity_key)
DOMINANT = 3  # a lone surname joins a full name named this many times as often as the rest
# Per vocabulary (its hash): a briefing's names -> what the vocabulary makes of them.
# A preview rebuild asks again for nearly every briefing, with the same names.
_RAW: dict[str, dict[tuple, tuple]] = {}
# Per vocabulary: the last call's answer, whose per-briefing dicts the next call keeps
# where nothing they were made from changed.
_LAST: dict[str, _Last] = {}


@dataclass
class _Last:
    made_from: dict[str, tuple]  # per briefing: its names as the vocabulary makes them, topics
    kind_of: dict[str, str]
    surname_of: dict[str, str]
    shown: set[str]  # topic keys two or more briefings share
    out: dict[str, dict[Key, str | None]]


def resolve_names(briefings: Sequence[Briefing],
                  catalog: Catalog) -> dict[str, dict[Key, str | None]]:
    """Per briefing path: (kind, key) -> the spelling used there (None when it was a surname)."""
    known = _RAW.setdefault(catalog.sha256, {}) if catalog.sha256 else {}
    if len(_RAW) > 2:  # only the current vocabulary's (and the last one's) are worth keeping
        _RAW.pop(next(iter(_RAW)))
    raw = {}
    for b in briefings:
        names = tuple(b.entities(kind) for kind in ENTITY_KINDS)
        found = known.get(names)
        if found is None:
            found = known[names] = tuple(_entities(b, catalog))
        raw[b.path] = found
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for names in raw.values():
        for kind, name in names:
            kinds[entity_key(name)][kind] += 1
    kind_of = {key: _majority(key, counts, catalog) for key, counts in kinds.items()}
    surname_of = _surnames(raw, kind_of, catalog)
    topics = Counter(key for b in briefings for key in {entity_key(t) for t in b.topics})
    shown = {key for key, n in topics.items() if n >= 2}
    last = _LAST.get(catalog.sha256) if catalog.sha256 else None
    changed = _changed_keys(last, kind_of, surname_of, shown) if last else set()
    out, made_from = {}, {}
    for b in briefings:
        made_from[b.path] = inputs = (raw[b.path], b.topics)
        kept = last.out.get(b.path) if last else None
        if kept is not None and last.made_from[b.path] == inputs \
                and not _touches(inputs, changed):
            out[b.path] = kept
        else:
            out[b.path] = _terms(inputs, kind_of, surname_of, shown)
    if catalog.sha256:
        _LAST.clear()
        _LAST[catalog.sha256] = _Last(made_from, kind_of, surname_of, shown, out)
    return out


def _terms(inputs: tuple, kind_of: dict[str, str], surname_of: dict[str, str],
           shown: set[str]) -> dict[Key, str | None]:
    """One briefing's terms. Only topics that two or more briefings share are shown: one
    that a single briefing has is a phrase of that article, not a topic readers can follow."""
    names, topics = inputs
    terms: dict[Key, str | None] = {}
    for _, name in names:
        key = entity_key(name)
        full = surname_of.get(key)
        if full:
            terms.setdefault((kind_of[full], full), None)
        else:
            terms[(kind_of[key], key)] = terms.get((kind_of[key], key)) or name
    for topic in topics:
        key = entity_key(topic)
        if key in shown:
            terms.setdefault((TOPIC.key, key), topic)
    return terms


def _changed_keys(last: _Last, kind_of: dict[str, str], surname_of: dict[str, str],
                  shown: set[str]) -> set[str]:
    """The keys whose kind, surname's owner or shown topic differ from the last call's."""
    changed = {k for k, v in kind_of.items() if last.kind_of.get(k) != v}
    changed |= last.kind_of.keys() - kind_of.keys()
    changed |= {k for k, v in surname_of.items() if last.surname_of.get(k) != v}
    changed |= last.surname_of.keys() - surname_of.keys()
    return changed | (shown ^ last.shown)


def _touches(inputs: tuple, changed: set[str]) -> bool:
    """Whether a briefing's terms depend on a changed key: one of its names or topics. (The
    full name a surname stands for is always a person's: were its kind to change, it would
    own no surname, and the surname's key would be among the changed.)"""
    if not changed:
        return False
    names, topics = inputs
    keys = {entity_key(name) for _, name in names}
    keys.update(entity_key(topic) for topic in topics)
    return not changed.isdisjoint(keys)


def _entities(b: Briefing, catalog: Catalog):
    for kind in ENTITY_KINDS:
        for name in b.entities(kind):
            if catalog.is_ignored(name):
                continue
            entry = catalog.lookup(name)
            yield (entry.kind, entry.name) if entry else (kind.key, name)


def _majority(key: str, counts: Counter[str], catalog: Catalog) -> str:
    entry = catalog.entries.get(key)
    if entry:
        return entry.kind
    return max(counts, key=lambda kind: (counts[kind], -ENTITY_KEYS.index(kind)))


def _surnames(raw, kind_of: dict[str, str], catalog: Catalog) -> dict[str, str]:
    """Lone-surname key -> full-name key, where exactly one person has that surname."""
    owners: dict[str, set[str]] = defaultdict(set)
    lone: set[str] = set()
    mentions: Counter[str] = Counter()  # briefings naming each full name
    for names in raw.values():
        mentions.update({entity_key(name) for _, name in names})
        for _, name in names:
            key, tokens = entity_key(name), name.split()
            if kind_of[key] != PERSON.key:
                continue
            if len(tokens) > 1:  # a catalog's person owns a surname too ("George W Bush")
                owners[entity_key(tokens[-1])].add(key)
            elif key not in catalog.entries:
                lone.add(key)
    return {key: owner for key in lone if (owner := _dominant(owners.get(key, set()), mentions))}


def _dominant(owners: set[str], mentions: Counter[str]) -> str | None:
    """The one owner of a surname, or the one named in at least three times as many
    briefings as all the others together ("Blair" is Tony Blair, not Cherie Blair)."""
    if len(owners) == 1:
        return next(iter(owners))
    ranked = sorted(owners, key=lambda k: (-mentions[k], k))
    if ranked and mentions[ranked[0]] >= DOMINANT * sum(mentions[k] for k in ranked[1:]):
        return ranked[0]
    return None
