"""Hostile seed text, end to end: a real strict build, checked in the built site.

The seed holds HTML, script URLs, Markdown structure, attribute lists, snippet
lines, template syntax, thousands of unbalanced backticks, a YAML-looking
headline and a first line of `---`. None of it may become markup anywhere a
reader meets it (page, <title>, header, home list, other lists, search index,
feed); all of it must show as the same visible text. The second layer
(``newsbrief.safety`` in the hook) must fail a strict build loudly when a
briefing page does hold active content.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import copy_project, run_mkdocs, share_analysis_cache

from newsbrief.briefing_file import read_briefing
from newsbrief.read import decode, parse
from newsbrief.safety import active_content, page_problems

TICKS = "`" * 3000
HOSTILE = f"""---
title: pwned <script>alert('title')</script> <img src=x onerror=alert('t')>

<iframe src="https://evil.example/"></iframe> and <script>alert(document.cookie)</script> in the lead, said the minister in Seoul on Wednesday (October 1st), before the 2025 budget.

[click me](javascript:alert(1)) and <a href="javascript:alert(2)" onclick="alert(5)">link</a> and <javascript:alert(3)>

# Not A Heading
* not a list item
> not a quote
1. not ordered
    four spaces, not code
---

A paragraph {{: .evil onclick="alert(4)" }} with an attribute list {{#frag}}

--8<-- "/etc/passwd"

{{{{ config.site_name }}}} and {{% include 'secret.html' %}} and {{# comment #}}

{TICKS} unbalanced {TICKS[:1001]}

title: also pwned
date: 2020-01-01
"""
SEED = "seeds/666_hostile.txt"
PLAIN = "briefings/south-korea-remains-confident-in-the-stability-of-its.md"
# What a seed would create if any of it became markup.
INJECTED = re.compile(r"<script>alert|<iframe|<img\b|<(?:code|blockquote|ol|pre)>|"
                      r"<[a-z][^<>]*\s(?:on\w+=|href=.?javascript:|class=.?evil|id=.?frag)", re.I)


class Visible(HTMLParser):
    """The text a reader sees: character data outside <script> and <style>."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def squash(text) -> str:
    return " ".join("".join(text).split())


def visible(html: str) -> str:
    page = Visible()
    page.feed(html)
    page.close()
    return squash(page.text)


def part(html: str, pattern: str) -> str:
    """The visible text of the first match of ``pattern``'s group in ``html``."""
    return visible(re.search(pattern, html, re.S).group(1))


def article_html(html: str) -> str:
    start = html.index('<article class="md-content__inner')
    return html[start: html.index("</article>", start)]


@pytest.fixture(scope="module")
def built(tmp_path_factory, shared_cache: Path):
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    share_analysis_cache(root, shared_cache)
    (root / SEED).write_text(HOSTILE, encoding="utf-8")
    site = root.parent / "site"
    result = run_mkdocs(root, site, strict=True)
    assert result.returncode == 0, result.stdout + result.stderr
    [briefing] = [read_briefing(p, root) for p in (root / "briefings").glob("*.md")
                  if read_briefing(p, root).source == SEED]
    article = parse(decode(HOSTILE.encode("utf-8"), SEED)[0], SEED, "0" * 64)
    page = site / "briefings" / briefing.slug / "index.html"
    return root, site, briefing, article, page.read_text(encoding="utf-8")


def test_front_matter_holds_only_our_keys_and_the_headline_as_text(built):
    _, _, briefing, article, _ = built
    assert briefing.state == "generated"
    assert set(briefing.meta) <= {"title", "date", "source", "summary", "people",
                                  "organizations", "places", "topics", "newsbrief"}
    assert briefing.meta["title"] == article.title
    assert article.title.startswith("--- title: pwned <script>")
    assert briefing.meta["source"] == SEED and str(briefing.meta.get("date")) != "2020-01-01"


def test_page_has_no_more_active_content_than_a_plain_briefing(built):
    _, site, _, _, html = built
    plain = (site / "briefings" / Path(PLAIN).stem / "index.html").read_text(encoding="utf-8")
    assert Counter(active_content(html)) == Counter(active_content(plain))
    assert active_content(article_html(html)) == []
    assert not INJECTED.search(html)


def test_title_header_and_heading_show_the_headline_as_text(built):
    _, _, _, article, html = built
    assert part(html, r"<title>(.*?)</title>") == f"{article.title} - News briefings"
    assert part(html, r"<h1[^>]*>(.*?)</h1>") == article.title
    assert part(html, r'data-md-component="header-topic">(.*?)</div>') == article.title


def test_body_shows_every_block_of_the_seed_as_the_same_text(built):
    _, _, _, article, html = built
    text = visible(article_html(html))
    for block in article.blocks:
        assert squash(block.text) in text
    for fragment in ("<script>alert(document.cookie)</script>", "[click me](javascript:alert(1))",
                     "# Not A Heading * not a list item > not a quote 1. not ordered",
                     '{: .evil onclick="alert(4)" }', '--8<-- "/etc/passwd"',
                     "{{ config.site_name }}", "{% include 'secret.html' %}",
                     f"{TICKS} unbalanced {TICKS[:1001]}", "title: also pwned date: 2020-01-01"):
        assert fragment in text


def test_no_page_of_the_site_holds_injected_markup_or_included_files(built):
    _, site, _, _, _ = built
    etc = Path("/etc/passwd")
    passwd = etc.read_text().splitlines()[0] if etc.exists() else None
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 3
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not INJECTED.search(html), page
        assert passwd is None or passwd not in html, page
        assert "News briefings and" not in html  # {{ config.site_name }} was not rendered


def test_home_and_every_list_show_the_headline_as_text(built):
    _, site, briefing, article, _ = built
    listing = [p for p in site.rglob("*.html") if "/briefings/" not in p.as_posix()
               and f"{briefing.slug}/" in p.read_text(encoding="utf-8")]
    assert site / "index.html" in listing
    for page in listing:
        assert article.title in visible(page.read_text(encoding="utf-8")), page


def search_entries(site: Path) -> list[dict]:
    """Pagefind's fragments, or the MkDocs/Material index, as (url, title, text) dicts."""
    entries = []
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        entries.append({"url": data["url"], "title": data["meta"].get("title", ""),
                        "text": data["content"], "escaped": False})
    index = site / "search" / "search_index.json"
    if index.exists():
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            entries.append({"url": doc["location"], "title": doc["title"], "text": doc["text"],
                            "escaped": True})
    return entries


def test_search_index_holds_the_seed_as_text(built):
    _, site, briefing, article, _ = built
    entries = [e for e in search_entries(site) if briefing.slug in e["url"]]
    assert entries, "the hostile briefing is not in the search index"
    for entry in entries:
        title, text = entry["title"], entry["text"]
        if entry["escaped"]:  # shown as HTML: must be escaped HTML of the same text
            assert active_content(title) == [] and active_content(text) == []
            title, text = visible(title), visible(text)
        assert title in ("", article.title)
        assert "<script>alert(document.cookie)</script>" in text
        assert TICKS in text


def test_feed_holds_the_headline_and_summary_as_plain_text(built):
    _, site, briefing, article, _ = built
    feed = site / "feed.xml"
    assert feed.exists()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = [e for e in ET.parse(feed).getroot().iter(f"{atom}entry")
               if briefing.slug in e.find(f"{atom}link").get("href")]
    [entry] = entries
    title = entry.find(f"{atom}title")
    assert title.get("type", "text") == "text" and title.text == article.title
    summary = entry.find(f"{atom}summary")
    assert summary.get("type", "text") == "text"
    assert summary.text == briefing.meta["summary"]


# --- the second layer -------------------------------------------------------

@pytest.mark.parametrize("html, found", [
    ("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", []),
    ('<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>', []),
    ('<img src="data:image/png;base64,AAAA">', []),
    ("<script>alert(1)</script>", ["a <script> element"]),
    ("<IFRAME src=//x></IFRAME>", ["a <iframe> element"]),
    ("<object data=x></object><embed src=x>", ["a <object> element", "a <embed> element"]),
    ("<img src=x onerror=alert(1)>", ["an event handler `onerror` on <img>"]),
    ('<a href=" java\tscript:alert(1)">x</a>', ["a script URL in `href` of <a>"]),
    ('<a href="&#106;avascript:alert(1)">x</a>', ["a script URL in `href` of <a>"]),
    ('<a href="data:text/html,x">x</a>', ["a script URL in `href` of <a>"]),
    ('<img srcset="a.png 1x, javascript:x 2x">', ["a script URL in `srcset` of <img>"]),
])
def test_active_content_is_found_however_it_is_spelled(html, found):
    assert active_content(html) == found


def test_page_problem_names_the_page_and_what_it_holds():
    [problem] = page_problems("briefings/x.md", "<p onclick=x>a</p><script>b</script>")
    assert problem.path == "briefings/x.md"
    assert "`onclick` on <p>" in problem.message and "<script>" in problem.message
    assert "Fix:" in str(problem)
    assert page_problems("briefings/x.md", "<p>&lt;script&gt;</p>") == []


def test_hook_fails_a_strict_build_when_a_briefing_page_holds_a_script(project: Path, tmp_path):
    (project / "briefings").mkdir()
    (project / "briefings/embedded.md").write_text(
        "---\ntitle: Embedded\n---\n\nText.\n\n<iframe src=\"https://example.com/\"></iframe>\n\n"
        '<p onmouseover="alert(1)">Hover</p>\n', encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "site", strict=True)
    assert result.returncode != 0
    assert re.search(r"^WARNING +- +briefings/embedded\.md: the rendered page holds active "
                     r"content: a <iframe> element; an event handler `onmouseover` on <p>",
                     result.stderr, re.M)
    assert re.search(r"^Aborted with 1 warnings in strict mode!", result.stdout, re.M)
