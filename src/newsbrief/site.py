"""The site as a set of source pages, independent of the engine that builds it.

``build_site`` runs the pipeline and the link stage and returns a ``Site``:
briefing files, generated pages, and the build-time additions to each page.
The MkDocs hook hands these to MkDocs; ``newsbrief export`` writes them out
as plain Markdown. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import listings
from .briefing_file import to_briefing
from .briefing_page import briefing_markdown
from .feed import FEED_URI, atom_feed
from .link import Links, link
from .model import Briefing
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


class Site:
    def __init__(self, project: Project, report: ConvertReport,
                 options: SiteOptions = SiteOptions()):
        self.project = project
        self.report = report
        self.options = options
        self.briefings: tuple[Briefing, ...] = tuple(
            sorted((to_briefing(f) for f in report.publishable), key=lambda b: b.sort_key))
        self.by_uri = {b.path: b for b in self.briefings}
        self.links: Links = link(self.briefings, report.catalog)
        self.urls = Urls(options.directory_urls)

    @cached_property
    def listings(self) -> dict[str, listings.Listing]:
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
        return pages_ + [SourcePage(FEED_URI, content=feed)]

    def is_generated(self, src_uri: str) -> bool:
        """Whether the build makes this page up (a list, the feed), as opposed to a file."""
        return src_uri in self.listings or src_uri == FEED_URI

    def owns(self, src_uri: str) -> bool:
        """Whether newsbrief writes (some of) this page: briefings, generated pages, home."""
        return src_uri in self.by_uri or src_uri == HOME_URI or self.is_generated(src_uri)

    def title(self, src_uri: str) -> str | None:
        """The page's title escaped for templates, which do not escape it; None if not ours."""
        page = self.by_uri.get(src_uri) or self.listings.get(src_uri)
        return html.escape(page.title, quote=True) if page else None

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


def build_site(project: Project, options: SiteOptions = SiteOptions()) -> Site:
    report = convert(project)
    log_report(report)
    return Site(project, report, options)
