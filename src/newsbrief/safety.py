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
        if tag in ACTIVE_ELEMENTS:
            self.found.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"an event handler `{name}` on <{tag}>")
            elif name in URL_ATTRIBUTES and value and _is_active_url(name, value):
                self.found.append(f"a script URL in `{name}` of <{tag}>")

    handle_startendtag = handle_starttag


def _is_active_url(name: str, value: str) -> bool:
    urls = value.split(",") if name == "srcset" else [value]
    return any(_ACTIVE_SCHEME.match(_IGNORED_IN_SCHEME.sub("", url).lower()) for url in urls)


# A conservative first look at each tag (quotes respected): one with an active
# element's name, an attribute named `on...`, or a ":" or "&" anywhere (a scheme, an
# entity) might hold active content, and the page is then parsed properly. Pages
# of relative links and plain text, nearly all of them, are not parsed at all.
_TAG = re.compile(r"""<[a-zA-Z/!?](?:[^>"']|"[^"]*"|'[^']*')*>?""")
_ACTIVE_NAME = re.compile(r"</?\s*(?:" + "|".join(sorted(ACTIVE_ELEMENTS)) + r")\b", re.I)
_HANDLER = re.compile(r"[\s/\"']on", re.I)  # any attribute whose name starts with "on"


def _suspect(html: str) -> bool:
    return any(":" in tag or "&" in tag or _ACTIVE_NAME.search(tag) or _HANDLER.search(tag)
               for tag in _TAG.findall(html))


def active_content(html: str) -> list[str]:
    """What in ``html`` could run code in a reader's browser; empty when nothing."""
    if not _suspect(html):
        return []  # most pages: relative links and plain text, parsed in microseconds
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
