"""Untrusted text -> Markdown that renders as exactly that text.

Seed text and front matter values are data, never markup. Every character
that could start HTML, an entity, a link, emphasis, code, an attribute list,
a table or a block construct is escaped, so the rendered page shows the same
visible text. Property tests check this against the configured extensions.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Backslash escapes Python-Markdown understands anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]{}|#!])")
# Block constructs begin a line: lists, quotes, rules, headings, admonitions.
_LINE_START = re.compile(r"^([-+=:?/%~^])")
_ORDERED = re.compile(r"^(\d+)([.)])")


@lru_cache(maxsize=1 << 16)  # names and titles recur across thousands of list pages
def inline(text: str) -> str:
    """Escape text for use inside a Markdown line (link text, table cell)."""
    text = " ".join(_CONTROL.sub("", text).split())
    text = html.escape(text, quote=False)
    return _INLINE.sub(r"\\\1", text)


def line(text: str) -> str:
    """Escape text that starts a Markdown block (a paragraph or heading)."""
    escaped = _ORDERED.sub(r"\1\\\2", inline(text))
    if _LINE_START.match(escaped):
        return f"&#{ord(escaped[0])};{escaped[1:]}"
    return escaped


def heading(text: str, level: int = 2) -> str:
    return f"{'#' * level} {line(text)}"


@lru_cache(maxsize=1 << 16)
def html_text(text: str) -> str:
    """Escape text for an HTML block or attribute: it shows as the same text."""
    return html.escape(" ".join(_CONTROL.sub("", text).split()), quote=True)
