"""A real `mkdocs build --strict` of a project copy, checked in the HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_mkdocs, snapshot

pytestmark = pytest.mark.build

SLUG_004 = "preliminary-formation-of-south-korea-us-security-agreement"
SLUG_000 = "south-korea-remains-confident-in-the-stability-of-its"


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.chunks: list[str] = []

    def handle_data(self, data):
        self.chunks.append(data)


def visible(html: str) -> str:
    parser = Text()
    parser.feed(html)
    return " ".join(" ".join(parser.chunks).split())


@pytest.fixture
def built(project: Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_strict_build_publishes_a_page_per_seed(built: Path):
    for slug in (SLUG_004, SLUG_000):
        assert (built / "briefings" / slug / "index.html").is_file()


def test_briefing_page_shows_title_date_source_summary_and_article(built: Path):
    html = (built / "briefings" / SLUG_004 / "index.html").read_text(encoding="utf-8")
    text = visible(html)
    assert "<title>Preliminary Formation of South Korea-US Security Agreement" in html
    assert re.search(r"<h1[^>]*>Preliminary Formation of South Korea-US Security Agreement", html)
    assert "1 October 2025" in text
    assert "seeds/004_9acd160b5a1f3811.txt" in text
    assert "Summary" in text and "reached a preliminary agreement on security cooperation" in text
    assert "Kim Jong-un expressed last month" in text


def test_section_headings_are_h2(built: Path):
    html = (built / "briefings" / SLUG_000 / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h2 id=\"steadfast-alliance-amid-electoral-uncertainty\">Steadfast Alliance", html)
    assert re.search(r"<h2 id=\"advancing-defense-and-security-collaboration\">Advancing Defense", html)


def test_key_facts_are_a_description_list_that_reads_as_label_then_value(built: Path):
    html = (built / "briefings" / SLUG_004 / "index.html").read_text(encoding="utf-8")
    facts = re.search(r'<div class="nb-facts">\s*<dl>(.*?)</dl>\s*</div>', html, re.S).group(1)
    assert re.findall(r"<dt>([^<]*)</dt>\s*<dd>", facts) == [
        "Date", "Source", "People", "Organizations", "Places", "Topics", "Reading time"]
    # with the tags dropped and no space added (as a search indexer may take the
    # text), each label still stands apart from its value
    text = " ".join(re.sub(r"<[^>]+>", "", facts).split())
    assert text.startswith("Date 1 October 2025 Source seeds/004_9acd160b5a1f3811.txt "
                           "People Cho Hyun")


def test_home_lists_briefings_newest_first_undated_last(built: Path):
    text = visible((built / "index.html").read_text(encoding="utf-8"))
    dated = text.index("Preliminary Formation of South Korea-US Security Agreement")
    undated = text.index("South Korea remains confident in the stability")
    assert dated < undated
    assert "Undated" in text[undated:]


def test_briefings_are_not_listed_in_the_navigation(built: Path):
    html = (built / "about" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index("</nav>")]
    assert SLUG_004 not in nav and SLUG_000 not in nav


def test_second_build_writes_no_briefing(project: Path, tmp_path: Path):
    assert run_mkdocs(project, tmp_path / "one").returncode == 0
    before = snapshot(project / "briefings")
    assert run_mkdocs(project, tmp_path / "two").returncode == 0
    assert snapshot(project / "briefings") == before


def test_edited_briefing_survives_a_rebuild_byte_for_byte(project: Path, tmp_path: Path):
    assert run_mkdocs(project, tmp_path / "one").returncode == 0
    target = project / "briefings" / f"{SLUG_004}.md"
    edited = target.read_bytes().replace(b"title: Preliminary", b"title: Edited Preliminary")
    target.write_bytes(edited)
    result = run_mkdocs(project, tmp_path / "two")
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == edited
    html = (tmp_path / "two" / "briefings" / SLUG_004 / "index.html").read_text(encoding="utf-8")
    assert "<title>Edited Preliminary" in html
