"""Generated list pages: one per term, an index per kind, the timeline, the home lists.

Every list is paginated, so no page grows with the corpus: a page costs
O(its own length), and the whole set O(total mentions). Page titles are
collected in ``Listing.title`` so the build can escape them.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from . import markup
from .link import FOLDERS, Links, Term
from .model import Briefing
from .pages import briefing_list, link, term_links

PER_PAGE = 50  # briefings per list page
INDEX_TOP = 300  # most mentioned names on a kind's index page; the rest are in its A-Z
HOME_LATEST = 15
TIMELINE_INLINE = 100  # briefings listed on the timeline's first page
HOME_TOP_TERMS = 10
KIND_LABELS = {"person": "People", "organization": "Organizations", "place": "Places",
               "topic": "Topics"}
SINGULAR = {"person": "Person", "organization": "Organization", "place": "Place", "topic": "Topic"}
TIMELINE = "timeline/index.md"


@dataclass(frozen=True)
class Listing:
    src_uri: str
    title: str  # plain text; escaped at build time
    markdown: str


def _pages(base: str, items: Sequence, per_page: int) -> list[tuple[str, Sequence, int, int]]:
    """(uri, items, number, count) for each page: ``base/index.md``, ``base/page/2.md``..."""
    chunks = [items[i : i + per_page] for i in range(0, len(items), per_page)] or [items]
    return [(f"{base}/index.md" if n == 1 else f"{base}/page/{n}.md", chunk, n, len(chunks))
            for n, chunk in enumerate(chunks, start=1)]


def _pager(uri: str, base: str, number: int, count: int) -> str:
    if count == 1:
        return ""
    page = lambda n: f"{base}/index.md" if n == 1 else f"{base}/page/{n}.md"  # noqa: E731
    steps = []
    if number > 1:
        steps.append(link(uri, page(number - 1), "← Newer"))
    steps.append(f"Page {number} of {count}")
    if number < count:
        steps.append(link(uri, page(number + 1), "Older →"))
    return "\n" + " · ".join(steps) + "\n"


def term_pages(links: Links, by_uri: dict[str, Briefing]) -> list[Listing]:
    out = []
    for term in links.terms.values():
        if not term.has_page:
            continue
        uris = links.briefings_for(term)
        base = term.uri.removesuffix("/index.md")
        for uri, chunk, number, count in _pages(base, uris, PER_PAGE):
            out.append(Listing(uri, term.name, _term_page(uri, term, links, [by_uri[u] for u in chunk],
                                                          len(uris), _pager(uri, base, number, count))))
    return out


def _term_page(uri: str, term: Term, links: Links, briefings: list[Briefing], total: int,
               pager: str) -> str:
    kind = SINGULAR[term.kind]
    index = f"{FOLDERS[term.kind]}/index.md"
    plural = "briefing" if total == 1 else "briefings"
    md = (f"# {markup.line(term.name)}\n\n"
          f"{link(uri, index, kind)} · mentioned in {total} {plural}\n\n"
          f"## Briefings\n\n{briefing_list(uri, briefings)}{pager}")
    co = links.co_mentions(term)
    if co:
        md += "\n## Mentioned with\n\n" + "\n".join(
            f"- {link(uri, t.uri, t.name)} ({SINGULAR[t.kind].lower()}, {n})" for t, n in co) + "\n"
    return md


def kind_indexes(links: Links, by_uri: dict[str, Briefing]) -> list[Listing]:
    """Per kind: the most mentioned names with counts, and an A-Z directory of every name."""
    by_kind: dict[str, list[Term]] = defaultdict(list)
    for term in links.terms.values():
        by_kind[term.kind].append(term)
    out = []
    for kind, label in KIND_LABELS.items():
        terms = by_kind.get(kind, [])
        count = lambda t: len(links.briefings_for(t))  # noqa: E731
        uri = f"{FOLDERS[kind]}/index.md"
        top = heapq.nsmallest(INDEX_TOP, (t for t in terms if t.has_page),
                              key=lambda t: (-count(t), t.name.casefold()))
        rows = "\n".join(f"| {link(uri, t.uri, t.name)} | {count(t)} |" for t in top)
        table = f"| Name | Briefings |\n| --- | ---: |\n{rows}\n" if top else ""
        letters = _letters(terms)
        nav = " · ".join(link(uri, f"{FOLDERS[kind]}/a-z/{letter}/index.md", letter.upper())
                         for letter in letters)
        intro = (f"{len(terms)} in all; each named in two or more briefings has a page. "
                 f"Every name is in the A-Z directory: {nav}\n\n" if terms else "*None yet.*\n")
        out.append(Listing(uri, label, f"# {label}\n\n{intro}{table}"))
        out += [_directory_page(kind, letter, items, links, by_uri) for letter, items in letters.items()]
    return out


def _letters(terms: list[Term]) -> dict[str, list[Term]]:
    letters: dict[str, list[Term]] = defaultdict(list)
    for term in sorted(terms, key=lambda t: (t.slug, t.key)):
        letters[term.letter].append(term)
    return dict(sorted(letters.items()))


def _directory_page(kind: str, letter: str, terms: list[Term], links: Links,
                    by_uri: dict[str, Briefing]) -> Listing:
    uri = f"{FOLDERS[kind]}/a-z/{letter}/index.md"
    title = f"{KIND_LABELS[kind]}: {letter.upper()}"
    rows = []
    for t in terms:
        briefings = links.briefings_for(t)
        if t.has_page:
            rows.append(f"- {link(uri, t.uri, t.name)} ({len(briefings)})")
        else:
            rows.append(f'- <span id="{t.slug}"></span>**{markup.inline(t.name)}**: '
                        f"{link(uri, briefings[0], by_uri[briefings[0]].title)}")
    back = link(uri, f"{FOLDERS[kind]}/index.md", f"All {KIND_LABELS[kind].lower()}")
    return Listing(uri, title, f"# {markup.line(title)}\n\n{back}\n\n" + "\n".join(rows) + "\n")


def timeline(briefings: Sequence[Briefing]) -> list[Listing]:
    """Months newest first, one page each; undated briefings on pages of their own.

    The timeline's first page also lists the newest ``TIMELINE_INLINE``
    briefings under their months; later months show as links with counts.
    """
    months: dict[str, list[Briefing]] = defaultdict(list)
    undated: list[Briefing] = []
    for b in briefings:  # already newest first
        (months[f"{b.date:%Y-%m}"] if b.date else undated).append(b)
    groups = [(f"{items[0].date:%B %Y}", f"timeline/{month}", items) for month, items in months.items()]
    if undated:
        groups.append(("Undated", "timeline/undated", undated))
    out, sections, inline = [], [], TIMELINE_INLINE
    for title, base, items in groups:
        heading = f"## {link(TIMELINE, f'{base}/index.md', title)} ({len(items)})\n\n"
        shown = items[:inline]
        inline -= len(shown)
        more = "" if len(shown) == len(items) else f"{link(TIMELINE, f'{base}/index.md', 'All of them →')}\n"
        sections.append(heading + (briefing_list(TIMELINE, shown, with_summary=False) + more if shown else ""))
        out += _list_pages(base, "Undated briefings" if base.endswith("undated") else title, items)
    body = "\n".join(sections) if sections else "*No briefings yet.*\n"
    out.insert(0, Listing(TIMELINE, "Timeline", f"# Timeline\n\nBriefings by month, newest first.\n\n{body}"))
    return out


def _list_pages(base: str, title: str, items: Sequence[Briefing]) -> list[Listing]:
    return [Listing(uri, title, f"# {markup.line(title)}\n\n{briefing_list(uri, chunk)}"
                    f"{_pager(uri, base, number, count)}")
            for uri, chunk, number, count in _pages(base, items, PER_PAGE)]


def home_sections(uri: str, briefings: Sequence[Briefing], links: Links) -> str:
    """The latest briefings and the most-mentioned people, organizations and places."""
    md = f"## Latest briefings\n\n{briefing_list(uri, briefings[:HOME_LATEST])}"
    if len(briefings) > HOME_LATEST:
        md += f"\n{link(uri, TIMELINE, f'All {len(briefings)} briefings by month →')}\n"
    top = []
    for kind in ("person", "organization", "place"):
        terms = heapq.nsmallest(HOME_TOP_TERMS, (t for t in links.terms.values() if t.kind == kind),
                                key=lambda t: (-len(links.briefings_for(t)), t.name.casefold()))
        if terms:
            top.append(f"- **{link(uri, f'{FOLDERS[kind]}/index.md', KIND_LABELS[kind])}:** "
                       f"{term_links(uri, terms)}")
    if top:
        md += "\n## Most mentioned\n\n" + "\n".join(top) + "\n"
    return md
