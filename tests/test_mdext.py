"""The generated-HTML fast path changes how fast pages convert, never what they become."""

from __future__ import annotations

from pathlib import Path

from html.parser import HTMLParser

import markdown

from newsbrief.briefing_file import parse_front_matter
from newsbrief.mdext import GeneratedHtml, anchor_ids
from newsbrief.project import Project
from newsbrief.site import build_site

EXTENSIONS = ["toc", "admonition", "attr_list", "tables"]


def _sources(project: Path) -> dict[str, str]:
    site = build_site(Project.at(project))
    sources = {p.src_uri: p.content for p in site.generated_pages() if p.src_uri.endswith(".md")}
    for b in site.briefings:
        body = parse_front_matter((project / b.path).read_text(encoding="utf-8"))[1]
        sources[b.path] = site.page_markdown(b.path, body)
    sources["index.md"] = site.page_markdown("index.md", "# Home\n")
    return sources


def test_every_page_converts_identically_with_and_without_the_fast_path(project: Path):
    sources = _sources(project)
    plain, fast = markdown.Markdown(extensions=EXTENSIONS), markdown.Markdown(
        extensions=[*EXTENSIONS, GeneratedHtml()])
    assert len(sources) > 20
    for uri, source in sources.items():
        assert fast.reset().convert(source) == plain.reset().convert(source), uri


def test_blocks_it_does_not_own_are_left_to_markdown():
    source = 'Text\n<ul class="nb-list">\n<li>*a*</li>\n</ul>\n\n<ul class="other">\n<li>b</li>\n</ul>\n'
    fast = markdown.markdown(source, extensions=[GeneratedHtml()])
    assert fast == markdown.markdown(source)


class _Ids(HTMLParser):
    """How MkDocs finds anchor ids in raw HTML: a full parse."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        self.ids.update(v for k, v in attrs if k == "id")


def test_anchor_ids_finds_what_a_full_html_parse_finds(project: Path):
    converter = markdown.Markdown(extensions=[*EXTENSIONS, GeneratedHtml()])
    found = 0
    for uri, source in _sources(project).items():
        html = converter.reset().convert(source)
        parser = _Ids()
        parser.feed(html)
        assert anchor_ids(html) == parser.ids, uri
        found += len(parser.ids)
    assert found > 20


def test_anchor_ids_ignores_escaped_text():
    html = '<p>id=&quot;x&quot; &lt;a id="y"&gt;</p><h2 class="c" id="a&amp;b">T</h2>'
    assert anchor_ids(html) == {"a&b"}
