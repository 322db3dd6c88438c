"""Generated lists over 120 made-up briefings: the paths two real seeds never reach.

Pagination (50 briefings a page, ``page/2/``, the pager's links), the top-300
cut-off of a kind's index, and every link between list pages, with directory
URLs and without.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urljoin, urlsplit

import pytest

from newsbrief import listings
from newsbrief.catalog import Catalog
from newsbrief.link import link
from newsbrief.model import Briefing
from newsbrief.paginate import MIN_PAGE, Paginator
from newsbrief.urls import Urls

BRIEFINGS = 120
SHARED = 350  # people named in two briefings each: more than an index shows


def made_up() -> list[Briefing]:
    """Every briefing names Ada Lovelace; person j is in briefings j and j + 7 (mod 120);
    each also names someone no other briefing does. Ten are undated."""
    people: dict[int, list[str]] = {i: ["Ada Lovelace"] for i in range(BRIEFINGS)}
    for j in range(SHARED):
        for i in (j % BRIEFINGS, (j + 7) % BRIEFINGS):
            people[i].append(f"{chr(ord('A') + j % 26)}ranny Shared{j:03}")
    out = []
    for i in range(BRIEFINGS):
        date = None if i >= BRIEFINGS - 10 else dt.date(2025, 10, 1) - dt.timedelta(days=i // 2)
        out.append(Briefing(f"briefings/b{i:03}.md", f"b{i:03}", f"Briefing {i:03}", date,
                            f"Summary {i}.", people=(*people[i], f"Solo Person{i:03}"),
                            places=("Seoul",), topics=("tariffs",)))
    return sorted(out, key=lambda b: b.sort_key)


@pytest.fixture(scope="module")
def corpus():
    briefings = made_up()
    return briefings, link(briefings, Catalog()), {b.path: b for b in briefings}


def generated(corpus, urls: Urls) -> dict[str, listings.Listing]:
    briefings, links, by_uri = corpus
    pages = (listings.term_pages(urls, links, by_uri) + listings.kind_indexes(urls, links, by_uri)
             + listings.timeline(urls, briefings))
    return {page.src_uri: page for page in pages}


def hrefs(markdown: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)">', markdown)


def ada_pages(pages) -> list:
    """Ada Lovelace's pages in order: index.md, then page/2.md, page/3.md..."""
    numbered = sorted(int(uri.rsplit("/", 1)[1][:-3]) for uri in pages
                      if uri.startswith("people/ada-lovelace/page/"))
    assert numbered == list(range(2, len(numbered) + 2))
    return [pages["people/ada-lovelace/index.md"]] + [
        pages[f"people/ada-lovelace/page/{n}.md"] for n in numbered]


@pytest.mark.parametrize("directory", [True, False])
def test_a_name_in_120_briefings_has_pages_linked_by_a_pager(corpus, directory: bool):
    urls = Urls(directory)
    pages = generated(corpus, urls)
    ada = ada_pages(pages)
    first, second, last = ada[0], ada[1], ada[-1]
    assert len(ada) >= 2
    sizes = [len(re.findall(r'<li><a href="[^"]*b\d{3}', p.markdown)) for p in ada]
    assert sum(sizes) == BRIEFINGS and all(size >= MIN_PAGE for size in sizes)
    # the total and the names it is mentioned with are on the first page only
    assert "mentioned in 120 briefings" in first.markdown and "Mentioned with" in first.markdown
    assert "mentioned in" not in second.markdown and "Mentioned with" not in second.markdown
    assert ">Person</a>" in second.markdown  # still says what kind of name it is
    assert ">its first page</a>" in second.markdown
    pager = re.search(r'<p class="nb-pager">(.*)</p>', second.markdown)[1]
    assert f"Page 2 of {len(ada)}" in pager
    newer, older = hrefs(pager)
    assert (newer, older) == (("../../", "../3/") if directory else ("../index.html", "3.html"))
    assert "Newer" not in first.markdown.split("nb-pager")[1] and "Older" not in last.markdown


def test_pages_list_briefings_newest_first_across_the_page_break(corpus):
    pages = generated(corpus, Urls())
    titles = [re.findall(r">Briefing (\d{3})</a>", p.markdown) for p in ada_pages(pages)]
    briefings = corpus[0]
    assert [t for page in titles for t in page] == [b.title[-3:] for b in briefings]


def test_a_kind_index_shows_the_300_most_mentioned_and_the_a_z_has_everyone(corpus):
    pages = generated(corpus, Urls())
    people = pages["people/index.md"].markdown
    rows = re.findall(r"<tr><td><a href=\"([^\"]+)\">([^<]+)</a></td><td[^>]*>(\d+)</td></tr>",
                      people)
    assert len(rows) == listings.INDEX_TOP == 300 < SHARED + 1
    assert rows[0][1:] == ("Ada Lovelace", "120")
    assert {count for _, _, count in rows[1:]} == {"2"}
    assert f"{1 + SHARED + BRIEFINGS} in all" in people
    directory = "".join(p.markdown for uri, p in pages.items() if uri.startswith("people/a-z/"))
    assert directory.count("Solo Person") == BRIEFINGS and directory.count("Shared") == SHARED


def test_the_timeline_pages_a_busy_month_and_keeps_undated_briefings_apart(corpus):
    pages = generated(corpus, Urls())
    assert {"timeline/2025-10/index.md", "timeline/2025-09/index.md",
            "timeline/2025-08/index.md", "timeline/undated/index.md"} <= set(pages)
    september = Paginator("timeline/2025-09",
                          [b for b in corpus[0] if f"{b.date}"[:7] == "2025-09"])
    assert len(september.items) == 60
    listed = [pages[p.uri].markdown.count("<li>") for p in september.pages]
    assert sum(listed) == 60 and f"timeline/2025-09/page/{september.count + 1}.md" not in pages
    assert pages["timeline/undated/index.md"].markdown.count("<li>") == 10
    first = pages["timeline/index.md"].markdown
    assert first.count("<li>") == listings.TIMELINE_INLINE and "All of them →" in first


@pytest.mark.parametrize("directory", [True, False])
def test_every_link_between_generated_pages_reaches_a_page_and_its_anchor(corpus,
                                                                          directory: bool):
    urls = Urls(directory)
    pages = generated(corpus, urls)
    known = {urls.url(uri): page.markdown for uri, page in pages.items()}
    known.update({urls.url(b.path): "" for b in corpus[0]})
    checked = 0
    for uri, page in pages.items():
        here = "http://site/" + urls.url(uri)
        for href in hrefs(page.markdown):
            target = urlsplit(urljoin(here, href))
            path = target.path.removeprefix("/")
            assert path in known, f"{uri}: {href} leads nowhere"
            if target.fragment:
                assert f'id="{target.fragment}"' in known[path], f"{uri}: no #{target.fragment}"
            checked += 1
    assert checked > 5000
