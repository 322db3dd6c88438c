"""Property tests: for any text, the text-to-Markdown path is safe and faithful."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsbrief.model import Analysis
from newsbrief.read import SeedError, decode, parse
from newsbrief.render import render_briefing

REPO = Path(__file__).resolve().parent.parent
ALLOWED_TAGS = {"p", "h2"}


def configured_extensions() -> list:
    """The Markdown extensions mkdocs.yml turns on, so the test follows the site."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    out = []
    for item in config["markdown_extensions"]:
        out.append(next(iter(item)) if isinstance(item, dict) else item)
    return out


MD = markdown.Markdown(extensions=configured_extensions())


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


MARKUP = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//x>",
    "[x](javascript:alert(1))", "<javascript:alert(1)>", "# ", "* ", "> ", "1. ", "    ",
    "---", "***", "{: .x onclick=y}", "{#id}", "--8<-- \"/etc/passwd\"", "{{ config }}",
    "{% include 'x' %}", "`", "``", "|", "!!! note", "&amp;", "&#60;", "\\", "_", "*",
    "[^1]", "*[HTML]: x", ":", "- [ ] ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "é", "\u202e",
])
TEXT = st.lists(st.one_of(MARKUP, st.text(min_size=1, max_size=12)), min_size=1, max_size=25).map("".join)


def convert_text(text: str):
    try:
        clean, _ = decode(text.encode("utf-8"), "seeds/p.txt")
    except SeedError:
        return None
    article = parse(clean, "seeds/p.txt", "0" * 64)
    return article, render_briefing(article, Analysis(None, article.title))


def squash(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_front_matter_round_trips_and_is_only_ours(text):
    converted = convert_text(text)
    if converted is None:
        return
    article, briefing = converted
    meta = frontmatter.loads(briefing).metadata
    assert set(meta) <= {"title", "date", "source", "summary", "people", "organizations",
                         "places", "topics", "newsbrief"}
    assert meta["title"] == article.title
    assert meta["source"] == "seeds/p.txt"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_html_holds_no_markup_from_the_seed_and_keeps_its_words(text):
    converted = convert_text(text)
    if converted is None:
        return
    article, briefing = converted
    body = frontmatter.loads(briefing).content
    html = MD.reset().convert(body)
    collected = Collect()
    collected.feed(html)
    collected.close()
    assert {tag for tag, _ in collected.tags} <= ALLOWED_TAGS
    assert all(name == "id" for tag, attrs in collected.tags for name, _ in attrs)
    assert squash("".join(collected.text)) == squash(article.body_text)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_conversion_is_deterministic(text):
    first, second = convert_text(text), convert_text(text)
    assert (first is None) == (second is None)
    if first is not None:
        assert first[1].encode() == second[1].encode()
