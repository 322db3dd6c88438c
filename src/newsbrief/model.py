"""The domain objects each stage hands to the next. All are immutable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

BlockKind = Literal["paragraph", "heading", "table"]


@dataclass(frozen=True)
class Kind:
    """A kind of name a briefing lists: the one place each kind is spelled out."""

    key: str  # what the catalog, the model's output and the link stage call it
    folder: str  # where its pages live on the site: people/cho-hyun/
    label: str  # its index page's title, and the key facts' line
    singular: str  # what one of them is called on its page
    front_matter: str  # the briefing's front matter key (and Analysis/Briefing field)


PERSON = Kind("person", "people", "People", "Person", "people")
ORGANIZATION = Kind("organization", "organizations", "Organizations", "Organization",
                    "organizations")
PLACE = Kind("place", "places", "Places", "Place", "places")
TOPIC = Kind("topic", "topics", "Topics", "Topic", "topics")
KINDS: tuple[Kind, ...] = (PERSON, ORGANIZATION, PLACE, TOPIC)  # front matter and page order
# Names the model finds; topics come from the editors' vocabulary instead.
ENTITY_KINDS: tuple[Kind, ...] = (PERSON, ORGANIZATION, PLACE)
ENTITY_KEYS: tuple[str, ...] = tuple(k.key for k in ENTITY_KINDS)
EntityKind = str  # the ``key`` of one of ENTITY_KINDS
KIND_OF: dict[str, Kind] = {k.key: k for k in KINDS}


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file: what, where, and how to fix it."""

    path: str
    message: str
    fix: str
    line: int | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        return self.format()

    def format(self, *, severity: bool = False) -> str:
        """``path:line: message. Fix: fix.``, the one shape of every problem: in the build's
        log, whose level gives the severity, and in ``newsbrief check``, which says it
        (``path:line: error: ...``) for editors and CI logs to link to."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        said = f"{self.severity}: " if severity else ""
        return f"{where}: {said}{self.message}. Fix: {self.fix}."


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str  # a table's rows are lines of it


@dataclass(frozen=True)
class Dateline:
    """Where and when a wire story was filed, as the wire wrote it."""

    place: str  # "SEOUL", "MILWAUKEE"
    region: str = ""  # "Wisconsin", "Fla."
    date: str = ""  # "1996-08-30", "March 3"
    agency: str = ""  # "Yonhap"


@dataclass(frozen=True)
class Seed:
    """A seed's bytes decoded and cleaned, not yet structured: enough to decide
    whether its briefing is current, which most builds need and nothing more."""

    source: str  # project-relative POSIX path of the seed
    seed_sha256: str
    text: str
    repairs: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Article:
    """A seed after reading: plain text, structured, not yet understood."""

    source: str  # project-relative POSIX path of the seed
    seed_sha256: str
    title: str
    title_origin: Literal["headline", "lead", "heading"]
    blocks: tuple[Block, ...]
    repairs: tuple[Problem, ...] = ()
    dateline: Dateline | None = None
    byline: str | None = None
    stamp: str | None = None  # what an "Updated ..." line says
    head: tuple[str, ...] = ()  # the head lines taken out of the text, as written

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "paragraph")

    @cached_property  # the model's input and its cache key: made once, not per use
    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Analysis:
    """What the analyze stage learns from one article."""

    date: dt.date | None
    summary: str
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    dateline: str | None = None  # the dateline's place, as the running text spells it
    byline: str | None = None

    def entities(self, kind: Kind) -> tuple[str, ...]:
        return getattr(self, kind.front_matter)


@dataclass(frozen=True)
class Briefing:
    """One published briefing as the link and render stages see it.

    Built from a briefing file's front matter, so editors' changes count.
    """

    path: str  # project-relative, e.g. "briefings/some-headline.md"
    slug: str
    title: str
    date: dt.date | None
    summary: str
    source: str | None = None
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    pinned: tuple[str, ...] = ()  # related slugs an editor pinned
    hidden: tuple[str, ...] = ()  # related slugs an editor hid
    words: int = 0
    dateline: str = ""  # where a wire story was filed
    byline: str = ""

    def entities(self, kind: Kind) -> tuple[str, ...]:
        return getattr(self, kind.front_matter)

    @property
    def sort_key(self) -> tuple:
        """Newest first; undated last, then by title."""
        ordinal = self.date.toordinal() if self.date else 0
        return (self.date is None, -ordinal, self.title.casefold(), self.slug)
