"""The domain objects each stage hands to the next. All are immutable."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

BlockKind = Literal["paragraph", "heading", "table"]
EntityKind = Literal["person", "organization", "place"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "organization", "place")
# Front matter key for each entity kind: the editors' vocabulary.
KIND_KEYS: dict[EntityKind, str] = {
    "person": "people",
    "organization": "organizations",
    "place": "places",
}


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file: what, where, and how to fix it."""

    path: str
    message: str
    fix: str
    line: int | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}. Fix: {self.fix}."


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

    def entities(self, kind: EntityKind) -> tuple[str, ...]:
        return getattr(self, KIND_KEYS[kind])


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

    def entities(self, kind: EntityKind) -> tuple[str, ...]:
        return getattr(self, KIND_KEYS[kind])

    @property
    def sort_key(self) -> tuple:
        """Newest first; undated last, then by title."""
        ordinal = self.date.toordinal() if self.date else 0
        return (self.date is None, -ordinal, self.title.casefold(), self.slug)
