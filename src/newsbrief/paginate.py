"""Paginated lists: which items go on which page, and what each page is called.

As in Pelican's ``paginator.py``: a ``Paginator`` cuts a sequence into
``Page``s, and each page knows its number, its items and its neighbours. This
is the one place that spells out a list page's source URI: the first page is
``<base>/index.md``, page N is ``<base>/page/<N>.md`` (``<base>/page/N/`` on
the site).

Where a page ends is decided by its items, not by counting from the top: a
page ends after an item whose address hashes to a cut (once the page holds
``MIN_PAGE`` items), or at ``MAX_PAGE`` items; a short last page joins the one
before. So a briefing added to a list, wherever its order puts it (an undated
one lands mid-list, by title), changes the page it lands on, not every page
after it; counting from the top would shift every later page by one item, and
a site of 10,000 briefings would render hundreds of list pages again for each
new one. Pages hold about ``PER_PAGE`` items, between ``MIN_PAGE`` and
``MAX_PAGE`` (the last up to ``MAX_PAGE + MIN_PAGE - 1``).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

MIN_PAGE = 20  # items before a page may end
SPREAD = 40  # after MIN_PAGE, one item in SPREAD ends a page
MAX_PAGE = 100  # items at which a page ends in any case
PER_PAGE = 50  # items per list page on average (MIN_PAGE + about SPREAD * 0.87)


def ends_page(item) -> bool:
    """Whether a page may end after ``item`` (a briefing, by its path, or an address):
    a property of the item alone."""
    return zlib.crc32(str(getattr(item, "path", item)).encode("utf-8")) % SPREAD == 0


@dataclass(frozen=True, eq=False)  # a list can be long: compared by identity, never by items
class Paginator:
    base: str  # the list's folder, e.g. "people/cho-hyun"
    items: Sequence  # addresses (str) or briefings (cut by their ``path``)

    @cached_property
    def starts(self) -> tuple[int, ...]:
        """Where each page starts in ``items``."""
        starts, size = [0], 0
        for i, item in enumerate(self.items):
            size += 1
            if size >= MAX_PAGE or (size >= MIN_PAGE and ends_page(item)):
                starts.append(i + 1)
                size = 0
        if len(starts) > 1 and len(self.items) - starts[-1] < MIN_PAGE:
            starts.pop()  # an empty or short last page joins the one before
        return tuple(starts)

    @property
    def count(self) -> int:
        """How many pages: one even for an empty list, which still has a page."""
        return len(self.starts)

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
        starts = self.paginator.starts
        end = starts[self.number] if self.number < len(starts) else len(self.paginator.items)
        return self.paginator.items[starts[self.number - 1]:end]

    @property
    def previous_uri(self) -> str | None:
        return self.paginator.uri(self.number - 1) if self.number > 1 else None

    @property
    def next_uri(self) -> str | None:
        return self.paginator.uri(self.number + 1) if self.number < self.paginator.count else None
