"""The second layer against hostile seed text: find active content in rendered HTML.

The first layer is ``markup``: seed text is escaped before it becomes Markdown,
so no seed can bring an element or attribute of its own. This module checks
the result. A briefing page's content HTML must hold no element that runs or
loads code (``<script>``, ``<iframe>``, ``<object>``...), no event-handler
attribute (``onerror=``...) and no ``javascript:``-style URL. The hook logs
what it finds as a warning naming the page, so a strict build fails loudly.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .model import Problem

ACTIVE_ELEMENTS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet",
                             "base", "meta", "link", "style", "form"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "background",
                            "cite", "longdesc", "ping", "xlink:href", "srcset", "codebase"})
# Browsers drop ASCII whitespace and control characters inside a URL's scheme.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_ACTIVE_SCHEME = re.compile(r"(?:javascript|vbscript|livescript):"
                            r"|data:(?!image/(?:png|jpeg|gif|webp)[;,])")


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += _tag_findings(tag, [(name, value or "") for name, value in attrs])

    handle_startendtag = handle_starttag


def _is_active_url(name: str, value: str) -> bool:
    urls = value.split(",") if name == "srcset" else [value]
    return any(_ACTIVE_SCHEME.match(_IGNORED_IN_SCHEME.sub("", url).lower()) for url in urls)


# The fast path: a page whose every "<" opens a plain tag (letters for a name,
# double-quoted attribute values with no "<", ">" or "&") is read here exactly as
# the parser would read it, tag by tag. Anything else (comments, entities in
# attributes, unquoted or single-quoted values, a stray "<") goes to the parser.
# Nearly all pages are plain, so nearly none are parsed.
_WS = "[ \t\n\r\f]"  # HTML's whitespace; Python's \\s is wider
_NAME = "[a-zA-Z_:][-a-zA-Z0-9_:.]*"
_PLAIN_TAG = re.compile(rf"""<(/?)([a-zA-Z][a-zA-Z0-9-]*)"""
                        rf"""((?:{_WS}+{_NAME}(?:="[^"<>&]*")?)*){_WS}*/?>""")
_PLAIN_ATTR = re.compile(rf"""({_NAME})(?:="([^"]*)")?""")
# Attributes that can hold nothing active: no name starting "on", no ":" for a scheme.
_RISKY_ATTRS = re.compile(rf"{_WS}on|:", re.I)
# Elements whose content the parser reads as text (or may, in newer Pythons).
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "noscript", "plaintext"})


def _plain_reading(html: str) -> list[str] | None:
    """What the parser would find, for a page of plain tags only; None otherwise."""
    found: list[str] = []
    tags = 0
    for tag in _PLAIN_TAG.finditer(html):
        tags += 1
        name = tag[2].lower()
        if name in _RAW_TEXT:
            return None
        if tag[1]:  # an end tag holds nothing the parser reports
            continue
        if name in ACTIVE_ELEMENTS or _RISKY_ATTRS.search(tag[3]):
            found += _tag_findings(name, _PLAIN_ATTR.findall(tag[3]))
    return found if tags == html.count("<") else None


def _tag_findings(tag: str, attrs: list[tuple[str, str]]) -> list[str]:
    found = [f"a <{tag}> element"] if tag in ACTIVE_ELEMENTS else []
    for name, value in attrs:
        name = name.lower()
        if name.startswith("on"):
            found.append(f"an event handler `{name}` on <{tag}>")
        elif name in URL_ATTRIBUTES and value and _is_active_url(name, value):
            found.append(f"a script URL in `{name}` of <{tag}>")
    return found


def active_content(html: str) -> list[str]:
    """What in ``html`` could run code in a reader's browser; empty when nothing."""
    plain = _plain_reading(html)
    if plain is not None:
        return plain  # most pages: plain tags and text, read in microseconds
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


def page_problems(src_uri: str, html: str) -> list[Problem]:
    """One problem naming the page and what it holds, or none for a safe page."""
    found = active_content(html)
    if not found:
        return []
    shown = "; ".join(dict.fromkeys(found))
    return [Problem(src_uri, f"the rendered page holds active content: {shown}",
                    "remove it from the briefing; if the briefing text does not hold it, "
                    "a seed got through newsbrief's escaping: report it as a bug")]
