"""The generated-HTML fast path changes how fast pages convert, never what they become."""

from __future__ import annotations

from pathlib import Path

import markdown

from newsbrief.briefing_file import parse_front_matter
from newsbrief.mdext import GeneratedHtml
from newsbrief.project import Project
from newsbrief.site import build_site

EXTENSIONS = ["toc", "admonition", "attr_list", "tables"]


def test_every_page_converts_identically_with_and_without_the_fast_path(project: Path):
    site = build_site(Project.at(project))
    sources = {p.src_uri: p.content for p in site.generated_pages() if p.src_uri.endswith(".md")}
    for b in site.briefings:
        body = parse_front_matter((project / b.path).read_text(encoding="utf-8"))[1]
        sources[b.path] = site.page_markdown(b.path, body)
    sources["index.md"] = site.page_markdown("index.md", "# Home\n")
    plain, fast = markdown.Markdown(extensions=EXTENSIONS), markdown.Markdown(
        extensions=[*EXTENSIONS, GeneratedHtml()])
    assert len(sources) > 20
    for uri, source in sources.items():
        assert fast.reset().convert(source) == plain.reset().convert(source), uri


def test_blocks_it_does_not_own_are_left_to_markdown():
    source = 'Text\n<ul class="nb-list">\n<li>*a*</li>\n</ul>\n\n<ul class="other">\n<li>b</li>\n</ul>\n'
    fast = markdown.markdown(source, extensions=[GeneratedHtml()])
    assert fast == markdown.markdown(source)
