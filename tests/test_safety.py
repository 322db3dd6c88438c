"""The fast first look of the active-content check never hides what the parser finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief import safety

PIECES = st.sampled_from([
    "<", ">", "/", "=", '"', "'", " ", "\t", "\n", "&", "#", ";", ":", "a", "p", "img", "svg",
    "script", "SCRIPT", "iframe", "object", "on", "onerror", "onclick", "href", "src",
    "xlink:href", "srcset", "javascript", "java\tscript", "&#x61;", "&#58;", "data",
    "text/html", ",", "x", "../", "#top", "<a ", "<img ", "</", "<!--", "-->",
    "\x0b", "\xa0", "textarea", "style", "ONCLICK", "HREF", "-", "_", ".", "1",
])


def full_parse(html: str) -> list[str]:
    finder = safety._Finder()
    finder.feed(html)
    finder.close()
    return finder.found


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join))
def test_the_fast_path_finds_exactly_what_the_parser_finds(html):
    assert safety.active_content(html) == full_parse(html)


@pytest.mark.parametrize("html", [
    '<on"../on>',                                  # a quote in a tag name is not a quote
    '<a\x0bonclick="x">',                          # \x0b is not HTML whitespace
    '<script><a onclick="x"></script>',            # script content is text to the parser
    '<textarea><img onerror="x"></textarea>',
    '<a title="&quot;" href="javascript&#58;alert(1)">',
    "<a href='javascript:x'>",
    '<a href=javascript:x>',
    '<!-- <img onerror="x"> -->',
    '<p>1 < 2 <img src="x" onerror="y"></p>',
])
def test_awkward_markup_gives_the_parser_s_answer(html):
    assert safety.active_content(html) == full_parse(html)


def test_plain_pages_are_cleared_without_parsing():
    page = '<p>Plain <a href="../people/cho-hyun/">Cho Hyun</a> &amp; text.</p>'
    assert safety.active_content(page) == []
