"""Scoring extracted names against hand labels, as reuters-dev's README defines a fair score.

Within one article and one kind, the gold spellings are first grouped into
entities: a single word that is the last word of a longer person's name, an
acronym made of a longer name's initials, and the common aliases below each
join the longer name's entity. Names are compared after normalising case, a
leading "the", a trailing possessive, dots and punctuation.

- Precision: the share of listed names that match some entity of the same
  kind among the names written anywhere in the article (headline and byline
  included), or among the names the labels allow as optional.
- Recall: the share of gold entities (body only) matched by a listed name of
  the same kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

KINDS = ("people", "organizations", "places")
ALIASES = (
    frozenset({"us", "usa", "unitedstates", "unitedstatesofamerica", "america"}),
    frozenset({"uk", "britain", "unitedkingdom", "greatbritain"}),
    frozenset({"un", "unitednations"}),
    frozenset({"eu", "europeanunion"}),
    # Britain's parties under their everyday names, as British copy writes them.
    frozenset({"conservative", "conservatives", "conservativeparty", "tory", "tories",
               "toryparty"}),
    frozenset({"labour", "labourparty", "newlabour"}),
    frozenset({"libdem", "libdems", "liberaldemocrat", "liberaldemocrats"}),
)
_PUNCT = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])$")


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).strip()
    text = _POSSESSIVE.sub("", text)
    if text.lower().startswith("the "):
        text = text[4:]
    return _PUNCT.sub("", text).casefold()


def _alias_group(key: str) -> frozenset[str]:
    return next((group for group in ALIASES if key in group), frozenset({key}))


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words).casefold()


def group(names: Iterable[str], kind: str) -> list[frozenset[str]]:
    """The entities among one article's gold spellings of one kind, as sets of keys."""
    names = sorted(set(names), key=lambda n: (-len(n.split()), n))
    entities: list[set[str]] = []
    owner: dict[str, int] = {}
    for name in names:
        key = normalise(name)
        if not key:
            continue
        keys = set(_alias_group(key))
        target = next((owner[k] for k in keys if k in owner), None)
        if target is None:
            target = _join_longer(name, key, kind, entities, names)
        if target is None:
            entities.append(set())
            target = len(entities) - 1
        entities[target] |= keys
        for k in keys:
            owner.setdefault(k, target)
    return [frozenset(e) for e in entities]


def _join_longer(name: str, key: str, kind: str, entities: list[set[str]],
                 names: Sequence[str]) -> int | None:
    """The entity of a longer name this one is short for: a surname or an acronym."""
    for other in names:
        if len(other.split()) < 2 or other == name:
            continue
        other_key = normalise(other)
        index = next((i for i, e in enumerate(entities) if other_key in e), None)
        if index is None:
            continue
        if kind == "people" and normalise(other.split()[-1]) == key:
            return index
        if name.replace(".", "").isupper() and _initials(other) == key:
            return index
    return None


@dataclass
class Counts:
    listed: int = 0
    correct: int = 0  # listed names that match a labelled entity
    gold: int = 0
    found: int = 0  # gold entities matched

    def add(self, other: Counts) -> None:
        self.listed += other.listed
        self.correct += other.correct
        self.gold += other.gold
        self.found += other.found

    @property
    def precision(self) -> float:
        return self.correct / self.listed if self.listed else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Errors:
    wrong: list[str] = field(default_factory=list)  # listed, matching nothing of that kind
    missed: list[str] = field(default_factory=list)  # gold entities not found


def _matches(key: str, entity: frozenset[str]) -> bool:
    return key in entity or bool(_alias_group(key) & entity)


def score_kind(listed: Sequence[str], gold: Sequence[str], allowed: Sequence[str],
               kind: str) -> tuple[Counts, Errors]:
    """Counts for one article and one kind. ``allowed``: anywhere plus optional names."""
    gold_entities = group(gold, kind)
    allowed_entities = group([*allowed, *gold], kind)
    keys = [normalise(n) for n in listed]
    counts = Counts(listed=len(listed), gold=len(gold_entities))
    errors = Errors()
    for name, key in zip(listed, keys):
        if any(_matches(key, e) for e in allowed_entities):
            counts.correct += 1
        else:
            errors.wrong.append(name)
    for entity, spellings in zip(gold_entities, _spellings(gold, gold_entities)):
        if any(_matches(k, entity) for k in keys):
            counts.found += 1
        else:
            errors.missed.append(spellings)
    return counts, errors


def _spellings(gold: Sequence[str], entities: list[frozenset[str]]) -> list[str]:
    out = []
    for entity in entities:
        names = sorted({n for n in gold if normalise(n) in entity}, key=lambda n: (-len(n), n))
        out.append(" / ".join(names))
    return out


def score_article(listed: Mapping[str, Sequence[str]], labels: Mapping) -> dict[str, tuple]:
    """kind -> (Counts, Errors) for one article, from its lists and its labels."""
    out = {}
    for kind in KINDS:
        allowed = [*labels["anywhere"].get(kind, ()),
                   *labels.get("optional", {}).get(kind, ())]
        out[kind] = score_kind(listed.get(kind, ()), labels["gold"].get(kind, ()), allowed, kind)
    return out
