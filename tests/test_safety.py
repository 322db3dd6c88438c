"""The fast first look of the active-content check never hides what the parser finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief import safety

PIECES = st.sampled_from([
    "<", ">", "/", "=", '"', "'", " ", "\t", "\n", "&", "#", ";", ":", "a", "p", "img", "svg",
    "script", "SCRIPT", "iframe", "object", "on", "onerror", "onclick", "href", "src",
    "xlink:href", "srcset", "javascript", "java\tscript", "&#x61;", "&#58;", "data",
    "text/html", ",", "x", "../", "#top", "<a ", "<img ", "</", "<!--", "-->",
])


def full_parse(html: str) -> list[str]:
    finder = safety._Finder()
    finder.feed(html)
    finder.close()
    return finder.found


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join))
def test_whatever_the_parser_finds_the_first_look_flags(html):
    if full_parse(html):
        assert safety.active_content(html) == full_parse(html)


def test_plain_pages_are_cleared_without_parsing():
    page = '<p>Plain <a href="../people/cho-hyun/">Cho Hyun</a> &amp; text.</p>'
    assert safety.active_content(page) == []
