"""Link stage: corpus-level connections, computed once per build, never stored in briefings.

Per briefing we collect its terms (entities and topics, canonicalised
through the editors' catalog); for the whole site we resolve them once into
an inverted index: term -> briefings. Everything else reads that index:
entity pages, related briefings (weighted overlap, as in Hugo's related
content, but only over briefings that share a term: never all pairs), and the
timeline. Very common terms are capped so one ubiquitous place cannot make
every briefing a candidate for every other.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .catalog import Catalog
from .model import KIND_OF, ORGANIZATION, PERSON, PLACE, TOPIC, Briefing, Kind
from .resolve import resolve_names
from .slug import slugify, unique_slug

# Weight of a shared term when ranking related briefings: sharing a person says
# more than sharing a country.
WEIGHTS = {PERSON: 3.0, ORGANIZATION: 2.0, PLACE: 1.0, TOPIC: 1.5}
RELATED_THRESHOLD = 4.0
RELATED_LIMIT = 5
# A term in more briefings than this is too common to find related ones by.
RELATED_MAX_POSTINGS = 200
PAGE_THRESHOLD = 2
RESERVED_SLUGS = frozenset({"a-z", "page"})
CO_MENTION_LIMIT = 12
CO_MENTION_SAMPLE = 200  # co-mentions of a very common term come from its newest briefings


@dataclass(frozen=True, eq=False)  # one object per term: identity is equality, and cheap
class Term:
    """A person, organization, place or topic.

    A term named in at least ``PAGE_THRESHOLD`` briefings has a page of its
    own; one named in a single briefing is an entry in its kind's A-Z
    directory, which links to that briefing (a page would only repeat it).
    """

    kind: Kind
    key: str
    name: str
    slug: str
    has_page: bool

    @property
    def letter(self) -> str:
        first = self.slug[:1]
        return first if first.isalpha() else "0-9"

    @property
    def ref(self) -> tuple[str, str]:
        """(kind key, name key): how the posting lists know this term."""
        return self.kind.key, self.key

    @property
    def directory_uri(self) -> str:
        return directory_uri(self.kind, self.letter)

    @property
    def uri(self) -> str:
        """Where links to this term go: its page, or its directory entry."""
        if self.has_page:
            return f"{self.kind.folder}/{self.slug}/index.md"
        return f"{self.directory_uri}#{self.slug}"


def kind_index_uri(kind: Kind) -> str:
    return f"{kind.folder}/index.md"


def directory_uri(kind: Kind, letter: str) -> str:
    """The A-Z directory page of ``kind``'s names under ``letter``."""
    return f"{kind.folder}/a-z/{letter}/index.md"


@dataclass(frozen=True)
class Relation:
    uri: str  # the related briefing
    score: float
    shared: tuple[str, ...]  # names of shared terms, strongest first
    pinned: bool = False


@dataclass(frozen=True)
class Links:
    terms: dict[tuple[str, str], Term]  # (kind, key) -> term
    postings: dict[tuple[str, str], tuple[str, ...]]  # term -> briefing uris, newest first
    by_briefing: dict[str, tuple[Term, ...]]  # briefing uri -> its terms, front matter order
    related: dict[str, tuple[Relation, ...]]
    # co_mentions, worked out once per term: a preview reuses these links while they hold
    _co: dict = field(default_factory=dict, compare=False, repr=False)

    def briefings_for(self, term: Term) -> tuple[str, ...]:
        return self.postings.get(term.ref, ())

    def co_mentions(self, term: Term, limit: int = CO_MENTION_LIMIT) -> list[tuple[Term, int]]:
        """Terms most often in the same briefings as ``term`` (from its newest briefings)."""
        known = self._co.get((term, limit))
        if known is None:
            counts: Counter[Term] = Counter()
            for uri in self.briefings_for(term)[:CO_MENTION_SAMPLE]:
                counts.update(t for t in self.by_briefing[uri] if t != term)
            known = self._co[term, limit] = sorted(
                counts.items(), key=lambda tc: (-tc[1], tc[0].name.casefold()))[:limit]
        return list(known)


def link(briefings: Sequence[Briefing], catalog: Catalog) -> Links:
    """Resolve the whole site's terms and relations. ``briefings`` are newest first."""
    mentions = resolve_names(briefings, catalog)
    postings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for b in briefings:  # newest first, so every posting list is too
        for key in mentions[b.path]:
            postings[key].append(b.path)
    frozen = {key: tuple(uris) for key, uris in postings.items()}
    terms = _name_terms(mentions, frozen)
    by_briefing = {uri: tuple(terms[key] for key in keys) for uri, keys in mentions.items()}
    slugs = {b.slug: b.path for b in briefings}
    weight = _weights(terms.values(), frozen, len(briefings))
    related = {b.path: _related(b, by_briefing, frozen, weight, slugs) for b in briefings}
    return Links(terms, frozen, by_briefing, related)


def _name_terms(mentions: dict[str, dict[tuple[str, str], str | None]],
                postings: dict[tuple[str, str], tuple[str, ...]]) -> dict[tuple[str, str], Term]:
    """Each term's display name (its most used spelling) and a unique slug."""
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for keys in mentions.values():
        for key, spelling in keys.items():
            spellings[key][spelling or ""] += 0 if spelling is None else 1
    names = {key: min(c, key=lambda s: (-c[s], s == "", s)) for key, c in spellings.items()}
    taken: dict[str, set[str]] = defaultdict(lambda: set(RESERVED_SLUGS))
    terms = {}
    for key in sorted(names, key=lambda k: (k[0], names[k].casefold(), k[1])):
        kind = KIND_OF[key[0]]
        slug = unique_slug(slugify(names[key], fallback=kind.key), taken[kind], tiebreak=key[1])
        taken[kind].add(slug)
        terms[key] = Term(kind, key[1], names[key], slug, len(postings[key]) >= PAGE_THRESHOLD)
    return terms


def _related(b: Briefing, by_briefing, postings, weight: dict[Term, float],
             slugs: dict[str, str]) -> tuple[Relation, ...]:
    """Top related briefings by weighted, rarity-scaled overlap of shared terms.

    Only briefings in the posting lists of this briefing's terms are scored
    (the inverted index), and terms too common to discriminate are skipped.
    """
    terms = [t for t in by_briefing[b.path] if t in weight]
    scores: Counter[str] = Counter()
    for term in terms:
        w = weight[term]
        for uri in postings[term.ref]:
            scores[uri] += w
    scores.pop(b.path, None)
    hidden = {slugs.get(s) for s in b.hidden}
    pinned = [slugs[s] for s in b.pinned if s in slugs and slugs[s] != b.path]
    best = heapq.nsmallest(RELATED_LIMIT + len(hidden) + len(pinned), scores.items(),
                           key=lambda item: (-item[1], item[0]))
    strongest_first = sorted(terms, key=lambda t: (-weight[t], t.name))

    def reasons(uri: str) -> tuple[str, ...]:
        theirs = set(by_briefing[uri])
        return tuple(t.name for t in strongest_first if t in theirs)

    out = [Relation(uri, scores[uri], reasons(uri), pinned=True) for uri in pinned]
    out += [Relation(uri, score, reasons(uri)) for uri, score in best
            if score >= RELATED_THRESHOLD and uri not in hidden and uri not in pinned]
    return tuple(out[: max(RELATED_LIMIT, len(pinned))])


def _weights(terms, postings, total: int) -> dict[Term, float]:
    """Each term's weight for relatedness: its kind's weight, scaled up for rare terms."""
    return {t: WEIGHTS[t.kind] * (1 + math.log(total / len(postings[t.ref])))
            for t in terms if len(postings[t.ref]) <= RELATED_MAX_POSTINGS}
