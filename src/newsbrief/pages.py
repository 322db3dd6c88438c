"""What readers see around a briefing's article, and the lists the site is made of.

Lists are written as HTML blocks with their links resolved (see ``urls``):
Python-Markdown passes an HTML block through untouched, while a Markdown list
of links costs it an inline pass per item. Every value from a seed or from
front matter is HTML-escaped here (``markup.html``), so it renders as text.
Headings and the summary callout stay Markdown, for the table of contents and
Material's styling.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import markup
from .link import Links, Relation, Term
from .model import KINDS, PERSON, Briefing
from .urls import Urls

WORDS_PER_MINUTE = 220
BACKLINKS_PER_PERSON = 3
# Lists of other briefings are not this page's text: searching their titles would find
# this page too. Pagefind leaves out what carries this attribute (the heading needs
# attr_list, one of the site's Markdown extensions).
NOT_SEARCHED = 'data-pagefind-ignore="all"'


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


def reading_time(words: int) -> str:
    return f"{max(1, round(words / WORDS_PER_MINUTE))} min read"


def term_links(urls: Urls, from_uri: str, terms: Iterable[Term]) -> str:
    return ", ".join(link(urls, from_uri, t.uri, t.name) for t in terms)


def header(urls: Urls, b: Briefing, links: Links) -> str:
    """Bottom line up front: the summary callout, then the key facts."""
    parts = []
    if b.summary:
        parts.append(f'!!! abstract "Summary"\n\n    {markup.line(b.summary)}\n')
    terms = links.by_briefing.get(b.path, ())
    rows = [("Date", format_date(b.date) if b.date else ""),
            ("Source", markup.html_text(b.source or ""))]
    for kind in KINDS:
        rows.append((kind.label, term_links(urls, b.path, [t for t in terms if t.kind == kind])))
    rows.append(("Reading time", reading_time(b.words)))
    facts = html_list(f"<strong>{label}:</strong> {value}" for label, value in rows if value)
    parts.append(f'<div class="nb-facts">\n{facts}</div>\n')
    return "\n".join(parts) + "\n"


def footer(urls: Urls, b: Briefing, links: Links, by_uri: dict[str, Briefing]) -> str:
    """Related briefings with their reasons, then other briefings on the same people."""
    parts = []
    related = links.related.get(b.path, ())
    if related:
        items = (_related_item(urls, b.path, r, by_uri[r.uri]) for r in related)
        parts.append(f"## Related briefings {{: {NOT_SEARCHED} }}\n\n"
                     + html_list(items, "nb-related", NOT_SEARCHED))
    shown = {b.path, *(r.uri for r in related)}
    backlinks = []
    for person in (t for t in links.by_briefing.get(b.path, ()) if t.kind == PERSON):
        others = [u for u in links.briefings_for(person) if u not in shown][:BACKLINKS_PER_PERSON]
        if others:
            titles = ", ".join(link(urls, b.path, u, by_uri[u].title) for u in others)
            backlinks.append(f"{link(urls, b.path, person.uri, person.name)}: {titles}")
    if backlinks:
        parts.append(f"## Also mentioning these people {{: {NOT_SEARCHED} }}\n\n"
                     + html_list(backlinks, "nb-backlinks", NOT_SEARCHED))
    return "\n" + "\n".join(parts) if parts else ""


def _related_item(urls: Urls, from_uri: str, r: Relation, other: Briefing) -> str:
    reason = "shares: " + ", ".join(markup.html_text(n) for n in r.shared) if r.shared else ""
    if r.pinned:
        reason = "pinned by the editors" + (f"; {reason}" if reason else "")
    return (f"{link(urls, from_uri, r.uri, other.title)} · <em>{format_date(other.date)}</em><br>\n"
            f"{reason}")
