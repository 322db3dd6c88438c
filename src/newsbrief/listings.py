"""Generated list pages: one per term, an index per kind, the timeline, the home lists.

Every list is paginated or bounded, so no page grows with the corpus: a page
costs O(its own length), and the whole set O(total mentions). Lists are HTML
blocks with resolved links (see ``blocks``); page titles are collected in
``Listing.title`` so the build can escape them.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import markup
from .blocks import briefing_list, empty_note, html_list, link, term_links
from .link import Links, Term, changed_terms, directory_uri, kind_index_uri
from .model import ENTITY_KINDS, KINDS, Briefing, Kind
from .paginate import Page, Paginator
from .urls import Urls

INDEX_TOP = 300  # most mentioned names on a kind's index page; the rest are in its A-Z
HOME_LATEST = 15
TIMELINE_INLINE = 100  # briefings listed on the timeline's first page
HOME_TOP_TERMS = 10
TIMELINE = "timeline/index.md"


@dataclass(frozen=True)
class Listing:
    src_uri: str
    title: str  # plain text; escaped at build time
    markdown: str


def pager(urls: Urls, page: Page) -> str:
    """Links to the newer and older pages of a list; nothing for a list of one page."""
    count = page.paginator.count
    if count == 1:
        return ""
    steps = [f"Page {page.number} of {count}"]
    if page.previous_uri:
        steps.insert(0, link(urls, page.uri, page.previous_uri, "← Newer"))
    if page.next_uri:
        steps.append(link(urls, page.uri, page.next_uri, "Older →"))
    return '\n<p class="nb-pager">' + " · ".join(steps) + "</p>\n"


def term_pages(urls: Urls, links: Links, by_uri: dict[str, Briefing],
               terms: Iterable[Term] | None = None,
               showing: set[str] | None = None) -> list[Listing]:
    """The pages of every term, or of only ``terms``; with ``showing`` (briefing uris),
    only the pages that list one of those briefings."""
    out = []
    for term in links.terms.values() if terms is None else terms:
        if not term.has_page:
            continue
        uris = links.briefings_for(term)
        for page in Paginator(term.uri.removesuffix("/index.md"), uris).pages:
            if showing is None or not showing.isdisjoint(page.items):
                out.append(Listing(page.uri, term.name,
                                   _term_page(urls, page, term, links, by_uri)))
    return out


def relisted(urls: Urls, old: Links, links: Links, by_uri: dict[str, Briefing],
             briefings: Sequence[Briefing], before: dict[str, Listing],
             showing: set[str]) -> dict[str, Listing]:
    """The list pages after the links changed, from ``before`` (the last build's, over
    ``old`` links): the pages of every term whose posting list, name, address or
    co-mentions may differ are made again, and those listing a briefing in ``showing``
    (new, or its title, date or summary changed); the kind indexes and the timeline are
    made again whole. ``link`` keeps what did not change as the same objects."""
    moved = {u for u, terms in links.by_briefing.items() if terms is not old.by_briefing.get(u)}
    moved |= old.by_briefing.keys() - links.by_briefing.keys()
    stale = changed_terms(links.postings, links.terms, old)
    for uri in moved:  # co-mentions: the terms of a briefing whose terms changed
        stale.update(t.ref for t in links.by_briefing.get(uri, ()) + old.by_briefing.get(uri, ()))
    out = dict(before)
    for key in stale:  # the old pages of what changed go; those still wanted are made again
        term = old.terms.get(key)
        if term is not None and term.has_page:
            for page in Paginator(term.uri.removesuffix("/index.md"), old.postings[key]).pages:
                out.pop(page.uri, None)
    for uri in [u for u in out if u == TIMELINE or u.startswith("timeline/")
                or any(u == kind_index_uri(k) or u.startswith(f"{k.folder}/a-z/")
                       for k in KINDS)]:
        out.pop(uri)
    made = term_pages(urls, links, by_uri, [links.terms[k] for k in stale if k in links.terms])
    shown = {t for u in showing for t in links.by_briefing.get(u, ()) if t.ref not in stale}
    made += term_pages(urls, links, by_uri, shown, showing)
    made += kind_indexes(urls, links, by_uri) + timeline(urls, briefings)
    out.update((page.src_uri, page) for page in made)
    return out


def _term_page(urls: Urls, page: Page, term: Term, links: Links,
               by_uri: dict[str, Briefing]) -> str:
    """A term's page. How many briefings name it and what it is named with are on its
    first page only: a later page changes only when its own briefings do."""
    uri, total = page.uri, len(page.paginator.items)
    briefings = [by_uri[u] for u in page.items]
    kind = link(urls, uri, kind_index_uri(term.kind), term.kind.singular)
    if page.number > 1:
        first = link(urls, uri, page.paginator.uri(1), "its first page")
        return (f"# {markup.line(term.name)}\n\n<p class=\"nb-text\">{kind} · how many "
                f"briefings name it, and with what, is on {first}</p>\n\n"
                f"## Briefings\n\n{briefing_list(urls, uri, briefings)}{pager(urls, page)}")
    plural = "briefing" if total == 1 else "briefings"
    md = (f"# {markup.line(term.name)}\n\n"
          f'<p class="nb-text">{kind} · mentioned in {total} {plural}</p>\n\n'
          f"## Briefings\n\n{briefing_list(urls, uri, briefings)}{pager(urls, page)}")
    co = links.co_mentions(term)
    if co:
        md += "\n## Mentioned with\n\n" + html_list(
            f"{link(urls, uri, t.uri, t.name)} ({t.kind.singular.lower()}, {n})" for t, n in co)
    return md


def kind_indexes(urls: Urls, links: Links, by_uri: dict[str, Briefing]) -> list[Listing]:
    """Per kind: the most mentioned names with counts, and an A-Z directory of every name."""
    by_kind: dict[Kind, list[Term]] = defaultdict(list)
    for term in links.terms.values():
        by_kind[term.kind].append(term)
    out = []
    for kind in KINDS:
        terms = by_kind.get(kind, [])
        count = lambda t: len(links.briefings_for(t))  # noqa: E731
        uri = kind_index_uri(kind)
        top = heapq.nsmallest(INDEX_TOP, (t for t in terms if t.has_page),
                              key=lambda t: (-count(t), t.name.casefold()))
        rows = "\n".join(f'<tr><td>{link(urls, uri, t.uri, t.name)}</td>'
                         f'<td align="right">{count(t)}</td></tr>'
                         for t in top)
        table = ('<div class="nb-index">\n<table>\n<thead><tr><th>Name</th>'
                 f'<th align="right">Briefings</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n'
                 "</table>\n</div>\n" if top else "")
        letters = _letters(terms)
        nav = " · ".join(link(urls, uri, directory_uri(kind, letter), letter.upper())
                         for letter in letters)
        intro = (f'<p class="nb-text">{len(terms)} in all; each named in two or more briefings '
                 f"has a page. Every name is in the A-Z directory: {nav}</p>\n\n" if terms
                 else empty_note())
        out.append(Listing(uri, kind.label, f"# {kind.label}\n\n{intro}{table}"))
        out += [_directory_page(urls, kind, letter, items, links, by_uri)
                for letter, items in letters.items()]
    return out


def _letters(terms: list[Term]) -> dict[str, list[Term]]:
    letters: dict[str, list[Term]] = defaultdict(list)
    for term in sorted(terms, key=lambda t: (t.slug, t.key)):
        letters[term.letter].append(term)
    return dict(sorted(letters.items()))


def _directory_page(urls: Urls, kind: Kind, letter: str, terms: list[Term], links: Links,
                    by_uri: dict[str, Briefing]) -> Listing:
    uri = directory_uri(kind, letter)
    title = f"{kind.label}: {letter.upper()}"
    rows = []
    for t in terms:
        briefings = links.briefings_for(t)
        if t.has_page:
            rows.append(f"{link(urls, uri, t.uri, t.name)} ({len(briefings)})")
        else:
            rows.append(f'<span id="{t.slug}"></span><strong>{markup.html_text(t.name)}</strong>: '
                        f"{link(urls, uri, briefings[0], by_uri[briefings[0]].title)}")
    back = link(urls, uri, kind_index_uri(kind), f"All {kind.label.lower()}")
    return Listing(uri, title, f"# {markup.line(title)}\n\n"
                               f'<p class="nb-text">{back}</p>\n\n{html_list(rows)}')


def timeline(urls: Urls, briefings: Sequence[Briefing],
             showing: set[str] | None = None) -> list[Listing]:
    """Months newest first, one page each; undated briefings on pages of their own.

    The timeline's first page also lists the newest ``TIMELINE_INLINE``
    briefings under their months; later months show as links with counts. With
    ``showing`` (briefing uris), the month pages are only those listing one of them.
    """
    months: dict[str, list[Briefing]] = defaultdict(list)
    undated: list[Briefing] = []
    for b in briefings:  # already newest first
        (months[f"{b.date:%Y-%m}"] if b.date else undated).append(b)
    groups = [(f"{items[0].date:%B %Y}", f"timeline/{month}", items)
              for month, items in months.items()]
    if undated:
        groups.append(("Undated", "timeline/undated", undated))
    out, sections, inline = [], [], TIMELINE_INLINE
    for title, base, items in groups:
        heading = f"## {link(urls, TIMELINE, f'{base}/index.md', title)} ({len(items)})\n\n"
        shown = items[:inline]
        inline -= len(shown)
        more = ("" if len(shown) == len(items)
                else '\n<p class="nb-text">'
                     f'{link(urls, TIMELINE, f"{base}/index.md", "All of them →")}</p>\n')
        if shown:
            heading += briefing_list(urls, TIMELINE, shown, with_summary=False) + more
        sections.append(heading)
        page_title = "Undated briefings" if base.endswith("undated") else title
        out += _list_pages(urls, base, page_title, items, showing)
    body = "\n".join(sections) if sections else empty_note("No briefings yet.")
    out.insert(0, Listing(TIMELINE, "Timeline",
                          f"# Timeline\n\nBriefings by month, newest first.\n\n{body}"))
    return out


def _list_pages(urls: Urls, base: str, title: str, items: Sequence[Briefing],
                showing: set[str] | None = None) -> list[Listing]:
    return [Listing(page.uri, title, f"# {markup.line(title)}\n\n"
                    f"{briefing_list(urls, page.uri, page.items)}{pager(urls, page)}")
            for page in Paginator(base, items).pages
            if showing is None or any(b.path in showing for b in page.items)]


def home_sections(urls: Urls, uri: str, briefings: Sequence[Briefing], links: Links) -> str:
    """The latest briefings and the most-mentioned people, organizations and places."""
    md = f"## Latest briefings\n\n{briefing_list(urls, uri, briefings[:HOME_LATEST])}"
    if len(briefings) > HOME_LATEST:
        every = link(urls, uri, TIMELINE, f"All {len(briefings)} briefings by month →")
        md += f'\n<p class="nb-text">{every}</p>\n'
    top = []
    for kind in ENTITY_KINDS:
        terms = heapq.nsmallest(HOME_TOP_TERMS, (t for t in links.terms.values() if t.kind == kind),
                                key=lambda t: (-len(links.briefings_for(t)), t.name.casefold()))
        if terms:
            top.append(f"<strong>{link(urls, uri, kind_index_uri(kind), kind.label)}:"
                       f"</strong> {term_links(urls, uri, terms)}")
    if top:
        md += "\n## Most mentioned\n\n" + html_list(top)
    return md
