"""Paginated lists: which items go on which page, and what each page is called.

As in Pelican's ``paginator.py``: a ``Paginator`` cuts a sequence into
``Page``s, and each page knows its number, its items and its neighbours. This
is the one place that spells out a list page's source URI: the first page is
``<base>/index.md``, page N is ``<base>/page/<N>.md`` (``<base>/page/N/`` on
the site).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

PER_PAGE = 50  # items per list page


@dataclass(frozen=True, eq=False)  # a list can be long: compared by identity, never by items
class Paginator:
    base: str  # the list's folder, e.g. "people/cho-hyun"
    items: Sequence
    per_page: int = PER_PAGE

    @property
    def count(self) -> int:
        """How many pages: one even for an empty list, which still has a page."""
        return max(1, -(-len(self.items) // self.per_page))

    def uri(self, number: int) -> str:
        if not 1 <= number <= self.count:
            raise IndexError(f"{self.base} has pages 1 to {self.count}, not {number}")
        return f"{self.base}/index.md" if number == 1 else f"{self.base}/page/{number}.md"

    @cached_property
    def pages(self) -> tuple[Page, ...]:
        return tuple(Page(self, n) for n in range(1, self.count + 1))


@dataclass(frozen=True)
class Page:
    paginator: Paginator
    number: int

    @property
    def uri(self) -> str:
        return self.paginator.uri(self.number)

    @property
    def items(self) -> Sequence:
        start = (self.number - 1) * self.paginator.per_page
        return self.paginator.items[start : start + self.paginator.per_page]

    @property
    def previous_uri(self) -> str | None:
        return self.paginator.uri(self.number - 1) if self.number > 1 else None

    @property
    def next_uri(self) -> str | None:
        return self.paginator.uri(self.number + 1) if self.number < self.paginator.count else None
