"""Link stage: corpus-level connections, computed once per build, never stored in briefings.

Per briefing we collect its terms (entities and topics, canonicalised
through the editors' catalog); for the whole site we resolve them once into
an inverted index: term -> briefings. Everything else reads that index:
entity pages, related briefings (weighted overlap, as in Hugo's related
content, but only over briefings that share a term: never all pairs), and the
timeline. Very common terms are capped so one ubiquitous place cannot make
every briefing a candidate for every other.

In the preview, a rebuild passes the last build's links: whatever did not
change is kept as the same object, so later stages see what changed by
identity, and related lists are worked out only where they can differ.
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
    slugs: dict[str, str] = field(default_factory=dict)  # briefing slug -> uri
    scale: int = 1  # ``rarity_scale`` of the number of briefings
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


def link(briefings: Sequence[Briefing], catalog: Catalog, previous: Links | None = None,
         moved: frozenset[str] = frozenset()) -> Links:
    """Resolve the whole site's terms and relations. ``briefings`` are newest first.

    ``previous``: the links of the same catalog's last build (the preview), and ``moved``
    the briefings whose link inputs changed since. What did not change is kept, as the
    same objects: a term, a posting list, a briefing's terms, its related list. Related
    lists are worked out again only where they can differ (``_to_relate``)."""
    mentions = resolve_names(briefings, catalog)
    postings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for b in briefings:  # newest first, so every posting list is too
        for key in mentions[b.path]:
            postings[key].append(b.path)
    frozen = {key: tuple(uris) for key, uris in postings.items()}
    terms = _name_terms(mentions, frozen)
    if previous is not None:
        frozen, terms = _kept(frozen, previous.postings), _kept_terms(terms, previous.terms)
    by_briefing = {uri: tuple(terms[key] for key in keys) for uri, keys in mentions.items()}
    if previous is not None:
        by_briefing = _kept(by_briefing, previous.by_briefing)
    slugs = {b.slug: b.path for b in briefings}
    scale = rarity_scale(len(briefings))
    weight = _weights(terms.values(), frozen, scale)
    todo = (None if previous is None or previous.scale != scale
            else _to_relate(briefings, previous, frozen, terms, by_briefing, slugs, moved))
    related = {b.path: (_related(b, by_briefing, frozen, weight, slugs)
                        if todo is None or b.path in todo else previous.related[b.path])
               for b in briefings}
    return Links(terms, frozen, by_briefing, related, slugs, scale=scale)


def rarity_scale(total: int) -> int:
    """What a term's rarity is measured against: the number of briefings rounded up to a
    power of two. A new briefing then changes the weights of its own terms only (until the
    archive doubles), so only briefings sharing one of them can see their related lists
    change, and the preview works those out again, not every list."""
    return 1 << max(total - 1, 0).bit_length()


def _kept(new: dict, old: dict) -> dict:
    """``new`` with each value equal to ``old``'s replaced by ``old``'s own object."""
    return {key: old[key] if key in old and old[key] == value else value
            for key, value in new.items()}


def _kept_terms(new: dict, old: dict) -> dict:
    """The terms, each replaced by the last build's object if nothing about it changed."""
    return {key: old[key] if key in old and _fields(old[key]) == _fields(t) else t
            for key, t in new.items()}


def _fields(t: Term) -> tuple:
    return t.kind, t.key, t.name, t.slug, t.has_page


def changed_terms(postings: dict, terms: dict, before: Links) -> set[tuple[str, str]]:
    """The terms (keys) whose posting list or name, address or page differ from
    ``before``'s, new and gone ones included: what did not change is the same object."""
    return {key for key in postings.keys() | before.postings.keys()
            if postings.get(key) is not before.postings.get(key)
            or terms.get(key) is not before.terms.get(key)}


def _to_relate(briefings, previous: Links, postings, terms, by_briefing,
               slugs: dict[str, str], moved: frozenset[str]) -> set[str]:
    """The briefings whose related list can differ from the last build's: those whose
    inputs or terms changed, those on the posting lists of a term that changed and was
    weighted before or after (a term's weight depends on its own posting list alone), and
    those that pin or hide a briefing when the set of briefings changed."""
    todo = {b.path for b in briefings
            if b.path in moved or b.path not in previous.related
            or by_briefing[b.path] is not previous.by_briefing.get(b.path)}
    for key in changed_terms(postings, terms, previous):
        for uris in (postings.get(key), previous.postings.get(key)):
            if uris is not None and len(uris) <= RELATED_MAX_POSTINGS:
                todo.update(uris)
    if slugs != previous.slugs:
        todo.update(b.path for b in briefings if b.pinned or b.hidden)
    return todo


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


def _weights(terms, postings, scale: int) -> dict[Term, float]:
    """Each term's weight for relatedness: its kind's weight, scaled up for rare terms."""
    return {t: WEIGHTS[t.kind] * (1 + math.log(scale / len(postings[t.ref])))
            for t in terms if len(postings[t.ref]) <= RELATED_MAX_POSTINGS}
