"""The generated-HTML fast path changes how fast pages convert, never what they become."""

from __future__ import annotations

from pathlib import Path

import markdown
import markdown.htmlparser
import pytest
from conftest import REPO, mkdocs_render
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from newsbrief.briefing_file import parse_front_matter
from newsbrief.mdext import GeneratedHtml
from newsbrief.project import Project
from newsbrief.site import build_site

EXTENSIONS = ["toc", "admonition", "attr_list", "tables"]


@pytest.fixture
def sources(project: Path) -> dict[str, str]:
    """Every page's Markdown as the hook hands it to MkDocs."""
    site = build_site(Project.at(project))
    found = {p.src_uri: p.content for p in site.generated_pages() if p.src_uri.endswith(".md")}
    for b in site.briefings:
        body = parse_front_matter((project / b.path).read_text(encoding="utf-8"))[1]
        found[b.path] = site.page_markdown(b.path, body)
    found["index.md"] = site.page_markdown("index.md", "# Home\n")
    return found


def render(src_uri: str, source: str, fast: bool) -> Page:
    """The page as MkDocs renders it with the site's configuration (and the hook's fast path)."""
    config = load_config(str(REPO / "mkdocs.yml"))
    if fast:
        config.markdown_extensions.append(GeneratedHtml())
    return mkdocs_render(config, src_uri, source)


def test_every_page_converts_identically_with_and_without_the_fast_path(sources):
    plain, fast = markdown.Markdown(extensions=EXTENSIONS), markdown.Markdown(
        extensions=[*EXTENSIONS, GeneratedHtml()])
    assert len(sources) > 20
    for uri, source in sources.items():
        assert fast.reset().convert(source) == plain.reset().convert(source), uri


def test_mkdocs_finds_every_anchor_with_the_fast_path_as_without_it(sources):
    """Links to A-Z entries (``people/a-z/c/#cho``) are checked against the anchors MkDocs
    finds; blocks that hold ids are left to it, so it finds the same ones."""
    found = 0
    for uri, source in sources.items():
        fast, plain = render(uri, source, fast=True), render(uri, source, fast=False)
        assert fast.content == plain.content, uri
        assert fast.present_anchor_ids == plain.present_anchor_ids, uri
        if "/a-z/" in uri:
            found += len(fast.present_anchor_ids)
    assert found > 5


def test_blocks_it_does_not_own_are_left_to_markdown():
    source = 'Text\n<ul class="nb-list">\n<li>*a*</li>\n</ul>\n\n<ul class="other">\n<li>b</li>\n</ul>\n'
    fast = markdown.markdown(source, extensions=[GeneratedHtml()])
    assert fast == markdown.markdown(source)


def test_no_html_parser_reads_a_generated_list_in_a_mkdocs_page(sources, monkeypatch):
    """What the fast path is for: a list page's blocks reach no HTML parser, neither
    Python-Markdown's nor MkDocs' anchor scan. If this fails after an upgrade, MkDocs reads
    raw HTML before the fast path now: the saving is gone (README, "Lists cost little to
    build"); measure again, then move the fast path earlier or remove it."""
    read: list[str] = []
    original = markdown.htmlparser.htmlparser.HTMLParser.feed
    monkeypatch.setattr(markdown.htmlparser.htmlparser.HTMLParser, "feed",
                        lambda self, data: read.append(data) or original(self, data))
    uri = next(u for u in sources if u.startswith("places/") and u.count("/") == 2)
    render(uri, sources[uri], fast=False)
    assert any('class="nb-briefings"' in data for data in read)  # the spy sees them
    read.clear()
    render(uri, sources[uri], fast=True)
    assert not any('class="nb-briefings"' in data for data in read)
