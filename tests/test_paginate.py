"""The paginator: which items go on which page, and each page's URI."""

from __future__ import annotations

import pytest

from newsbrief.paginate import PER_PAGE, Paginator


def test_120_items_make_three_pages_of_50_50_and_20():
    paginator = Paginator("people/ada", list(range(120)))
    assert PER_PAGE == 50 and paginator.count == 3
    assert [p.uri for p in paginator.pages] == [
        "people/ada/index.md", "people/ada/page/2.md", "people/ada/page/3.md"]
    assert [len(p.items) for p in paginator.pages] == [50, 50, 20]
    assert [x for p in paginator.pages for x in p.items] == list(range(120))


def test_each_page_knows_its_neighbours_and_only_those():
    first, second, third = Paginator("timeline/2025-10", list(range(101))).pages
    assert (first.previous_uri, first.next_uri) == (None, "timeline/2025-10/page/2.md")
    assert (second.previous_uri, second.next_uri) == ("timeline/2025-10/index.md",
                                                      "timeline/2025-10/page/3.md")
    assert (third.previous_uri, third.next_uri) == ("timeline/2025-10/page/2.md", None)
    assert third.items == [100]


@pytest.mark.parametrize("count, pages", [(0, 1), (1, 1), (50, 1), (51, 2), (100, 2), (101, 3)])
def test_a_list_has_one_page_even_when_empty_and_never_an_empty_extra_page(count, pages):
    paginator = Paginator("topics/x", list(range(count)))
    assert paginator.count == pages
    assert all(page.items for page in paginator.pages) or count == 0


def test_a_page_outside_the_list_is_an_error_not_a_broken_link():
    paginator = Paginator("places/y", list(range(60)))
    with pytest.raises(IndexError):
        paginator.uri(3)
    with pytest.raises(IndexError):
        paginator.uri(0)
