"""Editors' vocabularies: ``entities.yml`` and ``topics.yml`` at the project root.

Both win over the model. A broken file is reported with its line and the
build goes on without it, so one typo cannot stop the site.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from .fsutil import atomic_write
from .model import ENTITY_KEYS, EntityKind, Problem
from .validate import yaml_problem

# The only non-ASCII letters that re.IGNORECASE matches to ASCII ones; mapped
# so that a plain substring test never rules out a trigger the regex would match.
ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_NOT_KEY = re.compile(r"[\s.\-\u2010-\u2015'\u2019]+")


@lru_cache(maxsize=1 << 17)  # the link stage asks for every mention's key on every build
def entity_key(name: str) -> str:
    """Identity of a name across spellings: "U.S." = "US", "Jae-myung" = "Jae Myung"."""
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return _NOT_KEY.sub("", name).casefold()


@dataclass(frozen=True)
class Catalog:
    """Canonical names, kinds and aliases, plus names to ignore."""

    entries: dict[str, CatalogEntry] = field(default_factory=dict)  # key -> entry
    ignored: frozenset[str] = frozenset()  # keys
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)  # label -> triggers
    problems: tuple[Problem, ...] = ()
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # canonical key -> spellings
    sha256: str = ""  # of entities.yml and topics.yml as they are on disk

    def lookup(self, name: str) -> CatalogEntry | None:
        return self.entries.get(entity_key(name))

    def is_ignored(self, name: str) -> bool:
        return entity_key(name) in self.ignored

    def spellings(self, name: str) -> tuple[str, ...]:
        """Every spelling the catalog lists for a canonical name (aliases included)."""
        return self.aliases.get(entity_key(name), ())

    def relevant_sha256(self, text: str) -> str:
        """A hash of the part of the vocabulary that can apply to ``text``.

        Analysis asks the catalog only about names and phrases taken from the text
        (``lookup``, ``is_ignored``, topic triggers), and every answer is keyed as
        ``entity_key`` keys names. So the entries, ignored names and topics whose
        keys occur nowhere in the text, keyed the same way, cannot change what the
        text becomes: an alias added for one story leaves every other briefing, and
        its page, as it is."""
        cache = _RELEVANT.setdefault(self.sha256, {})
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        known = cache.get(digest)
        if known is None:
            plain = _NOT_KEY.sub("", text).casefold()
            folded = text.translate(ASCII_FOLD)
            if folded != text:
                plain += "\0" + _NOT_KEY.sub("", folded).casefold()
            said = sorted(record for key, record in self._needles if key in plain)
            known = hashlib.sha256("\n".join(dict.fromkeys(said)).encode("utf-8")).hexdigest()
            cache[digest] = known
        return known

    @cached_property
    def _needles(self) -> tuple[tuple[str, str], ...]:
        """(key found in a text, what the vocabulary says about it) for every spelling."""
        needles = [(key, f"entity\0{key}\0{e.name}\0{e.kind}") for key, e in self.entries.items()]
        needles += [(key, f"ignore\0{key}") for key in self.ignored]
        for label, triggers in self.topics.items():
            said = "\0".join(("topic", label, *triggers))
            needles += [(_NOT_KEY.sub("", t).casefold(), said) for t in triggers]
        return tuple(needles)


@dataclass(frozen=True)
class CatalogEntry:
    """A canonical name from ``entities.yml``, and the kind the editors gave it."""

    name: str
    kind: EntityKind


# Per vocabulary (its sha256), each text's relevant part by the text's digest: every build
# asks about every seed, so the answers are kept in the cache folder between builds.
_RELEVANT: dict[str, dict[str, str]] = {}
_SAVED: dict[str, int] = {}  # vocabulary -> how many answers its cache file holds
RELEVANCE_DIR = "vocabulary"


def load_relevance(cache_dir: Path, catalog: Catalog) -> None:
    """What earlier builds found of this vocabulary in each seed (``relevant_sha256``)."""
    if catalog.sha256 in _RELEVANT:
        return
    try:
        known = json.loads((cache_dir / RELEVANCE_DIR / f"{catalog.sha256}.json").read_text())
    except (OSError, ValueError):
        known = {}
    _RELEVANT[catalog.sha256] = dict(known) if isinstance(known, dict) else {}
    _SAVED[catalog.sha256] = len(_RELEVANT[catalog.sha256])


def save_relevance(cache_dir: Path, catalog: Catalog) -> None:
    """Keep this vocabulary's answers for the next build (and only this vocabulary's)."""
    known = _RELEVANT.get(catalog.sha256, {})
    if len(known) == _SAVED.get(catalog.sha256):
        return
    folder = cache_dir / RELEVANCE_DIR
    for old in folder.glob("*.json") if folder.is_dir() else ():
        if old.stem != catalog.sha256:
            old.unlink(missing_ok=True)
    atomic_write(folder / f"{catalog.sha256}.json", json.dumps(known).encode("utf-8"))
    _SAVED[catalog.sha256] = len(known)


def load_catalog(root: Path) -> Catalog:
    texts = tuple(_read(root / name) for name in ("entities.yml", "topics.yml"))
    known = _LOADED.get(root)
    if known is not None and known[0] == texts:
        return known[1]
    catalog = _catalog(*texts)
    _LOADED[root] = (texts, catalog)
    return catalog


# The catalog is a pure function of the two files' text: a long-running preview reads
# them again on every rebuild but parses them only when they changed.
_LOADED: dict[Path, tuple[tuple, Catalog]] = {}


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _catalog(entities_text: str | None, topics_text: str | None) -> Catalog:
    problems: list[Problem] = []
    entities = _load_yaml("entities.yml", entities_text, problems) or {}
    topics = _load_yaml("topics.yml", topics_text, problems) or {}
    entries, ignored, aliases = _entities(entities, problems)
    return Catalog(entries, ignored, _topics(topics, problems), tuple(problems), aliases,
                   vocabulary_sha256(entities, topics))


def vocabulary_sha256(entities: dict, topics: dict) -> str:
    """One hash of what the editors' vocabulary files say (not their comments or layout):
    a change to either regenerates the unedited briefings."""
    said = json.dumps([entities, topics], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(said.encode("utf-8")).hexdigest()


def _load_yaml(name: str, text: str | None, problems: list[Problem]) -> dict | None:
    if text is None:
        return None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        problems.append(yaml_problem(name, text, error, "", "it is ignored until then"))
        return None
    if data is not None and not isinstance(data, dict):
        problems.append(Problem(name, "must be a mapping at the top level",
                                "see the comments at the top of the file for its layout"))
        return None
    return data


def _entities(data: dict, problems: list[Problem]) -> tuple[dict, frozenset, dict]:
    entries: dict[str, CatalogEntry] = {}
    aliases: dict[str, tuple[str, ...]] = {}
    for number, item in enumerate(data.get("entities") or [], start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            problems.append(Problem("entities.yml", f"entry {number} has no `name`",
                                    "give each entry a `name:` and a `kind:`"))
            continue
        kind = item.get("kind")
        if kind not in ENTITY_KEYS:
            problems.append(Problem("entities.yml", f"entry {item['name']!r} has kind {kind!r}",
                                    f"use one of: {', '.join(ENTITY_KEYS)}"))
            continue
        entry = CatalogEntry(item["name"], kind)
        spellings = tuple(str(a) for a in [item["name"], *(item.get("aliases") or [])])
        for alias in spellings:
            entries[entity_key(alias)] = entry
        aliases[entity_key(entry.name)] = spellings
    ignored = frozenset(entity_key(str(name)) for name in data.get("ignore") or [])
    return entries, ignored, aliases


def _topics(data: dict, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    topics: dict[str, tuple[str, ...]] = {}
    for label, triggers in (data.get("topics") or {}).items():
        if not isinstance(triggers, list) or not all(isinstance(t, str) for t in triggers):
            problems.append(Problem("topics.yml", f"topic {label!r} needs a list of phrases",
                                    f"write `{label}: [phrase one, phrase two]`"))
            continue
        topics[str(label)] = tuple(triggers) or (str(label),)
    return topics
