"""Untrusted text -> Markdown that shows exactly that text."""

from __future__ import annotations

import markdown
import pytest

from newsbrief import markup

EXTENSIONS = ["toc", "admonition", "attr_list", "tables"]


def render(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


@pytest.mark.parametrize("text, html", [
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("# not a heading", "<p># not a heading</p>"),
    ("> not a quote", "<p>&gt; not a quote</p>"),
    ("- not a list", "<p>-&#45; not a list</p>".replace("-&#45;", "&#45;")),
    ("1. not a list", "<p>1. not a list</p>"),
    ("---", "<p>&#45;--</p>"),
    ("[a link](javascript:alert(1))", "<p>[a link](javascript:alert(1))</p>"),
    ("*not emphasis* and `not code`", "<p>*not emphasis* and `not code`</p>"),
    ("{{ config.site_name }} {% raw %}", "<p>{{ config.site_name }} {% raw %}</p>"),
    ("--8<-- \"/etc/passwd\"", "<p>&#45;-8&lt;-- \"/etc/passwd\"</p>"),
    ("A paragraph {: .evil onclick=x }", "<p>A paragraph {: .evil onclick=x }</p>"),
    ("&lt; stays literal", "<p>&amp;lt; stays literal</p>"),
    ("!!! note", "<p>!!! note</p>"),
])
def test_line_renders_as_the_same_text(text, html):
    assert render(markup.line(text)) == html


def test_heading_keeps_a_trailing_hash():
    assert render(markup.heading("Why C#")).startswith('<h2 id="why-c">Why C#')


def test_thousands_of_backticks_stay_text():
    text = "`" * 5000 + " x " + "``" * 2000
    assert render(markup.line(text)) == f"<p>{text}</p>"
