"""The site as a set of source pages, independent of the engine that builds it.

``build_site`` runs the pipeline and returns a ``Site``: the briefing files,
the generated pages, and the build-time additions to each page. The MkDocs
hook hands these to MkDocs; ``newsbrief export`` writes them out as plain
Markdown. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from . import markup, pages
from .briefing_file import to_briefing
from .model import Briefing
from .pipeline import ConvertReport, convert, log_report
from .project import Project

HOME_URI = "index.md"
HOME_LIMIT = 20


@dataclass(frozen=True)
class SourcePage:
    """One page of the site: a file on disk, or Markdown generated at build time."""

    src_uri: str
    abs_path: Path | None = None
    content: str | None = None


class Site:
    def __init__(self, project: Project, report: ConvertReport):
        self.project = project
        self.report = report
        self.briefings: tuple[Briefing, ...] = tuple(
            sorted((to_briefing(f) for f in report.publishable), key=lambda b: b.sort_key)
        )
        self._by_uri = {b.path: b for b in self.briefings}

    def briefing_pages(self) -> list[SourcePage]:
        return [SourcePage(b.path, abs_path=self.project.root / b.path) for b in self.briefings]

    def generated_pages(self) -> list[SourcePage]:
        return []

    def is_briefing(self, src_uri: str) -> bool:
        return src_uri in self._by_uri

    def title(self, src_uri: str, title: str | None) -> str | None:
        """A briefing's title made safe for templates, which do not escape it."""
        briefing = self._by_uri.get(src_uri)
        if briefing is None:
            return title
        return html.escape(briefing.title, quote=True)

    def page_markdown(self, src_uri: str, markdown: str) -> str:
        """A page's Markdown with its build-time additions."""
        briefing = self._by_uri.get(src_uri)
        if briefing is not None:
            return pages.briefing_header(briefing, self._facts(briefing)) + markdown
        if src_uri == HOME_URI:
            return markdown.rstrip() + "\n\n" + self._latest(src_uri)
        return markdown

    def _facts(self, b: Briefing) -> list[tuple[str, str]]:
        facts = [("Source", markup.inline(b.source or ""))]
        for label, names in (("People", b.people), ("Organizations", b.organizations),
                             ("Places", b.places), ("Topics", b.topics)):
            facts.append((label, ", ".join(markup.inline(n) for n in names)))
        return facts

    def _latest(self, src_uri: str) -> str:
        latest = self.briefings[:HOME_LIMIT]
        return "## Latest briefings\n\n" + pages.briefing_list(src_uri, latest)


def build_site(project: Project) -> Site:
    report = convert(project)
    log_report(report)
    return Site(project, report)
