"""The paginator: which items go on which page, and each page's URI."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrief.paginate import MAX_PAGE, MIN_PAGE, PER_PAGE, Paginator


def addresses(n: int, prefix: str = "briefings/b") -> list[str]:
    return [f"{prefix}{i}.md" for i in range(n)]


def test_a_long_list_is_cut_into_numbered_pages_of_about_per_page_items():
    items = addresses(1000)
    paginator = Paginator("people/ada", items)
    sizes = [len(p.items) for p in paginator.pages]
    assert 1000 / MAX_PAGE < paginator.count < 1000 / MIN_PAGE
    assert 0.8 * PER_PAGE < sum(sizes) / len(sizes) < 1.3 * PER_PAGE
    assert [p.uri for p in paginator.pages[:3]] == [
        "people/ada/index.md", "people/ada/page/2.md", "people/ada/page/3.md"]
    assert [x for p in paginator.pages for x in p.items] == items


@given(st.lists(st.text(min_size=1, max_size=12), unique=True, max_size=600))
def test_every_item_is_on_one_page_in_order_and_pages_are_neither_tiny_nor_huge(items):
    paginator = Paginator("topics/x", items)
    assert [x for p in paginator.pages for x in p.items] == items
    if paginator.count > 1:
        assert all(MIN_PAGE <= len(p.items) < MAX_PAGE + MIN_PAGE for p in paginator.pages)
    assert paginator.count >= 1


def test_each_page_knows_its_neighbours_and_only_those():
    paginator = Paginator("timeline/2025-10", addresses(400))
    first, second, *_, last = paginator.pages
    assert (first.previous_uri, first.next_uri) == (None, "timeline/2025-10/page/2.md")
    assert (second.previous_uri, second.next_uri) == ("timeline/2025-10/index.md",
                                                      "timeline/2025-10/page/3.md")
    assert last.next_uri is None and last.previous_uri == paginator.uri(paginator.count - 1)


@pytest.mark.parametrize("count", [0, 1, MIN_PAGE, 2 * MIN_PAGE - 1])
def test_a_short_list_has_one_page_even_when_empty(count):
    paginator = Paginator("topics/x", addresses(count))
    assert paginator.count == 1 and len(paginator.pages[0].items) == count


def test_a_new_item_changes_the_page_it_lands_on_not_every_page_after_it():
    """Counting from the top, an item added at the start would change every page."""
    rng = random.Random(7)
    items = addresses(5000)
    before = Paginator("places/x", items)
    pages = {p.uri: list(p.items) for p in before.pages}
    changed, recounted = [], 0
    for trial in range(200):
        where = rng.randrange(len(items) + 1)
        after = Paginator("places/x", items[:where] + [f"briefings/new{trial}.md"] + items[where:])
        if after.count != before.count:
            recounted += 1  # the new item starts a page of its own: numbers after it move
            continue
        changed.append(sum(pages[p.uri] != list(p.items) for p in after.pages))
    assert recounted <= 10
    assert max(changed) <= 4 and sum(changed) / len(changed) < 2


def test_briefings_are_cut_by_their_path():
    class Briefing:
        def __init__(self, path):
            self.path = path

    briefings = [Briefing(a) for a in addresses(500)]
    by_path = Paginator("timeline/undated", addresses(500))
    assert Paginator("timeline/undated", briefings).starts == by_path.starts


def test_a_page_outside_the_list_is_an_error_not_a_broken_link():
    paginator = Paginator("places/y", addresses(60))
    with pytest.raises(IndexError):
        paginator.uri(paginator.count + 1)
    with pytest.raises(IndexError):
        paginator.uri(0)
