"""HTML blocks for the Markdown of generated pages: links, lists, and what an empty one says.

Lists are written as HTML blocks with their links resolved (see ``urls``):
Python-Markdown passes an HTML block through untouched, while a Markdown list
of links costs it an inline pass per item. Every value from a seed or from
front matter is HTML-escaped here (``markup.html_text``), so it renders as
text. Both the briefing page (``briefing_page``) and the list pages
(``listings``) are built from these.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import markup
from .link import Term
from .model import Briefing
from .urls import Urls


def link(urls: Urls, from_uri: str, to_uri: str, text: str) -> str:
    return f'<a href="{markup.html_text(urls.href(from_uri, to_uri))}">{markup.html_text(text)}</a>'


def html_list(items: Iterable[str], css: str = "nb-list", attrs: str = "") -> str:
    """An HTML block for Markdown: one item a line, no blank line inside.

    Its ``nb-`` class lets ``mdext`` pass it through without parsing it.
    """
    rows = "\n".join(f"<li>{item}</li>" for item in items)
    if not rows:
        return empty_note()
    return f'<ul class="{css}"{" " + attrs if attrs else ""}>\n{rows}\n</ul>\n'


def empty_note(text: str = "None yet.") -> str:
    """What an empty list shows instead (an HTML block, passed through like the lists)."""
    return f'<p class="nb-none"><em>{text}</em></p>\n'


def format_date(date) -> str:
    return f"{date.day} {date:%B %Y}" if date else "Undated"


def briefing_list(urls: Urls, from_uri: str, briefings: Iterable[Briefing],
                  with_summary: bool = True) -> str:
    """A list of briefings: linked title, date, and summary."""
    def item(b: Briefing) -> str:
        text = f"{link(urls, from_uri, b.path, b.title)}<br>\n<em>{format_date(b.date)}</em>"
        if with_summary and b.summary:
            text += f" · {markup.html_text(b.summary)}"
        return text

    return html_list((item(b) for b in briefings), "nb-briefings")


def term_links(urls: Urls, from_uri: str, terms: Iterable[Term]) -> str:
    return ", ".join(link(urls, from_uri, t.uri, t.name) for t in terms)
