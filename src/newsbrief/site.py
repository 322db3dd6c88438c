"""The site as a set of source pages, independent of the engine that builds it.

``build_site`` runs the pipeline and the link stage and returns a ``Site``:
briefing files, generated pages, and the build-time additions to each page.
The MkDocs hook hands these to MkDocs; ``newsbrief export`` writes them out
as plain Markdown. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from . import listings, markup
from .briefing_file import to_briefing
from .briefing_page import BACKLINKS_PER_PERSON, briefing_markdown
from .feed import FEED_URI, atom_feed
from .link import Links, link
from .model import PERSON, Briefing, Problem
from .pagesources import read_source, split_front_matter
from .pipeline import ConvertReport, convert, log_report
from .project import Project
from .urls import Urls

HOME_URI = "index.md"


@dataclass(frozen=True)
class SourcePage:
    """One page of the site: a file on disk, or content generated at build time."""

    src_uri: str
    abs_path: Path | None = None
    content: str | None = None
    draft: bool = False  # unpublished: shown by `mkdocs serve` only, as MkDocs' drafts are


@dataclass(frozen=True)
class SiteOptions:
    name: str = "News briefings"
    url: str = ""
    directory_urls: bool = True
    preview: bool = False  # `mkdocs serve`: a broken briefing's page shows what is wrong


class Site:
    def __init__(self, project: Project, report: ConvertReport,
                 options: SiteOptions = SiteOptions(), previous: Site | None = None):
        """``previous``: the last build's site in this process (the preview), whose work is
        reused where its inputs are equal: the links, the lists, the briefings' pages."""
        self.project = project
        self.report = report
        self.options = options
        self.briefings: tuple[Briefing, ...] = tuple(
            sorted((to_briefing(f) for f in report.publishable), key=lambda b: b.sort_key))
        self.by_uri = {b.path: b for b in self.briefings}
        self._files = {f.rel: f for f in report.briefings}
        self._setup = (options, report.catalog)  # with these changed, nothing is reused
        self._inputs = {b.path: _link_input(b) for b in self.briefings}
        self._order = tuple(self._inputs)
        self._previous = previous if previous and previous._setup == self._setup else None
        before = self._previous
        if before is None:
            self.links: Links = link(self.briefings, report.catalog)
        elif before._order == self._order and before._inputs == self._inputs:
            self.links = before.links
        else:  # what did not change is kept, as the same objects (``link``)
            moved = frozenset(u for u, i in self._inputs.items() if before._inputs.get(u) != i)
            self.links = link(self.briefings, report.catalog, before.links, moved)
        self.urls = Urls(options.directory_urls)
        self._final: dict[str, tuple[str, str]] = {}  # briefing uri -> (its text, final source)

    @cached_property
    def listings(self) -> dict[str, listings.Listing]:
        before = self._previous
        if before is None:
            return self._make_listings()
        if before.links is not self.links:  # the lists of what changed, and the timeline
            showing = {b.path for b in self.briefings if b.path not in before.by_uri
                       or _listed(b) != _listed(before.by_uri[b.path])}
            return listings.relisted(self.urls, before.links, self.links, self.by_uri,
                                     self.briefings, before.listings, showing)
        # The links are the same: only the lists showing a briefing whose title, date or
        # summary changed are made again (its terms' pages, the timeline, the A-Z if a title).
        changed = [b for b in self.briefings if _listed(b) != _listed(before.by_uri[b.path])]
        if not changed:
            return before.listings
        terms = {t for b in changed for t in self.links.by_briefing.get(b.path, ()) if t.has_page}
        showing = {b.path for b in changed}
        made = listings.term_pages(self.urls, self.links, self.by_uri, terms, showing)
        made += listings.timeline(self.urls, self.briefings, showing)
        if any(b.title != before.by_uri[b.path].title for b in changed):
            made += listings.kind_indexes(self.urls, self.links, self.by_uri)
        return {**before.listings, **{page.src_uri: page for page in made}}

    def _make_listings(self) -> dict[str, listings.Listing]:
        generated = (listings.term_pages(self.urls, self.links, self.by_uri)
                     + listings.kind_indexes(self.urls, self.links, self.by_uri)
                     + listings.timeline(self.urls, self.briefings))
        return {page.src_uri: page for page in generated}

    def briefing_pages(self, *, drafts: bool = False) -> list[SourcePage]:
        """The published briefings' pages; with ``drafts``, the unpublished ones' too."""
        pages = [SourcePage(b.path, abs_path=self.project.root / b.path) for b in self.briefings]
        return pages + [SourcePage(f.rel, abs_path=self.project.root / f.rel, draft=True)
                        for f in (self.report.drafts if drafts else ())]

    def generated_pages(self) -> list[SourcePage]:
        pages_ = [SourcePage(uri, content=page.markdown) for uri, page in self.listings.items()]
        feed = atom_feed(self.briefings, title=self.options.name, site_url=self.options.url,
                         url_of=self.urls.url)
        return pages_ + [SourcePage(FEED_URI, content=feed)] + self.error_pages()

    def error_pages(self) -> list[SourcePage]:
        """In the preview, a page at each broken briefing's address saying what to fix."""
        if not self.options.preview:
            return []
        return [SourcePage(f.rel, content=error_page(f.rel, f.problems))
                for f in self.report.briefings if f.state == "broken"]

    def sources(self) -> Iterator[tuple[str, str, str | None, bool]]:
        """(src_uri, the whole source MkDocs reads, the file's own text or None if made up,
        whether it is a draft) of every page newsbrief makes or adds to: briefings (drafts
        too) and home with their additions, and the generated pages."""
        before, stale = self._previous, self._stale_briefing_pages()
        home = self.project.docs_dir / HOME_URI
        if home.is_file():  # its lists show the briefings' titles and dates, and the links
            text = read_source(home)
            known = before._final.get(HOME_URI) if before else None
            if known is None or known[0] != text or before.briefings != self.briefings:
                known = (text, self.final_source(HOME_URI, text))
            self._final[HOME_URI] = known
            yield HOME_URI, known[1], text, False
        self.listings  # noqa: B018 -- made (or taken from the last site) while it is at hand
        root = str(self.project.root)  # no pathlib per briefing: a preview pays it per save
        pages = [(b.path, False) for b in self.briefings]
        for src_uri, draft in pages + [(f.rel, True) for f in self.report.drafts]:
            known = before._final.get(src_uri) if before else None
            if known is not None and before._files[src_uri] is self._files[src_uri]:
                text = known[0]  # the survey found the file as it was (``read_briefing``)
            else:
                text = read_source(os.path.join(root, src_uri))
            if known is None or known[0] != text or src_uri in stale:
                known = (text, self.final_source(src_uri, text))
            self._final[src_uri] = known
            yield src_uri, known[1], text, draft
        self._previous = None  # what it had to give is taken: let it go
        for page in self.generated_pages():
            yield page.src_uri, page.content, None, False

    def _stale_briefing_pages(self) -> set[str]:
        """With the links unchanged, the briefing pages that show something that changed:
        their own briefing's front matter, or the title or date of one they list."""
        before = self._previous
        if before is None:
            return set()
        changed = {b.path for b in self.briefings if b != before.by_uri.get(b.path)}
        # a new briefing on others' lists changed their links (``_relinked_pages``)
        shown = {u for u in changed if u in before.by_uri
                 and _shown(self.by_uri[u]) != _shown(before.by_uri[u])}
        stale = set(changed) | self._relinked_pages(before.links)
        if shown:
            for uri, relations in self.links.related.items():  # related lists
                if any(r.uri in shown for r in relations):
                    stale.add(uri)
            for uri in shown:  # "also mentioning these people" lists
                for term in self.links.by_briefing.get(uri, ()):
                    if term.kind == PERSON:
                        stale.update(self.links.briefings_for(term))
        return stale

    def _relinked_pages(self, old: Links) -> set[str]:
        """The briefing pages whose links changed: their terms, their related list, or the
        posting list of a person they name (the "also mentioning" list)."""
        new = self.links
        if new is old:
            return set()
        stale = set()
        for uri, terms in new.by_briefing.items():
            related = new.related[uri]
            # the "also mentioning" list takes the first few of a person's briefings that
            # are neither this one nor related: only that head of the posting list counts
            head = BACKLINKS_PER_PERSON + 1 + len(related)
            if (terms is not old.by_briefing.get(uri) or related != old.related.get(uri)
                    or any(_head_moved(new.postings[t.ref], old.postings.get(t.ref), head)
                           for t in terms if t.kind == PERSON)):
                stale.add(uri)
        return stale

    def final_source(self, src_uri: str, text: str) -> str:
        """A page's source with its build-time additions: front matter as it is."""
        head, markdown = split_front_matter(text)
        return head + self.page_markdown(src_uri, markdown)

    def is_generated(self, src_uri: str) -> bool:
        """Whether the build makes this page up (a list, the feed), as opposed to a file."""
        return src_uri in self.listings or src_uri == FEED_URI

    def owns(self, src_uri: str) -> bool:
        """Whether newsbrief writes (some of) this page: briefings, generated pages, home."""
        return src_uri in self.by_uri or src_uri == HOME_URI or self.is_generated(src_uri)

    def title(self, src_uri: str) -> str | None:
        """The page's title escaped for templates, which do not escape it; None if not ours."""
        page = self.by_uri.get(src_uri) or self.listings.get(src_uri)
        if page is None and src_uri in self._broken:
            return html.escape(f"Cannot show {src_uri}", quote=True)
        return html.escape(page.title, quote=True) if page else None

    @cached_property
    def _broken(self) -> frozenset[str]:
        return frozenset(p.src_uri for p in self.error_pages())

    def page_markdown(self, src_uri: str, markdown: str) -> str:
        """A page's Markdown with its build-time additions."""
        briefing = self.by_uri.get(src_uri)
        if briefing is not None:
            return briefing_markdown(self.urls, briefing, markdown, self.links, self.by_uri,
                                     self.report.catalog)
        if src_uri == HOME_URI:
            return (markdown.rstrip() + "\n\n"
                    + listings.home_sections(self.urls, src_uri, self.briefings, self.links))
        return markdown


def _head_moved(now: tuple[str, ...], before: tuple[str, ...] | None, head: int) -> bool:
    return now is not before and (before is None or now[:head] != before[:head])


def _link_input(b: Briefing) -> tuple:
    """What the link stage reads of a briefing (besides the order of all of them), and its
    date: a new date can move it to another month's list, a page that may then be gone."""
    return (b.path, b.slug, b.date, b.people, b.organizations, b.places, b.topics, b.pinned,
            b.hidden)


def _shown(b: Briefing) -> tuple:
    """What another briefing's page shows of this one."""
    return b.title, b.date


def _listed(b: Briefing) -> tuple:
    """What the list pages show of a briefing."""
    return b.title, b.date, b.summary


def error_page(rel: str, problems: tuple[Problem, ...]) -> str:
    """What the preview shows instead of a briefing it cannot read: file, line and fix."""
    items = "\n".join(
        f"<li><code>{html.escape(f'{p.path}:{p.line}' if p.line else p.path)}</code>: "
        f"{html.escape(p.message)}.<br>\n<strong>Fix:</strong> {html.escape(p.fix)}.</li>"
        for p in problems) or f"<li><code>{html.escape(rel)}</code> cannot be read.</li>"
    return (f"# {markup.line('Cannot show ' + rel)}\n\n"
            '<div class="admonition failure">\n<p class="admonition-title">This briefing is left '
            "out of the site until its file is fixed</p>\n"
            f"<ul>\n{items}\n</ul>\n<p>Save the file again and this page reloads.</p>\n</div>\n")


def build_site(project: Project, options: SiteOptions = SiteOptions(),
               previous: Site | None = None) -> Site:
    report = convert(project)
    log_report(report)
    return Site(project, report, options, previous)
