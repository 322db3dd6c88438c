"""The briefing page: what readers see around a briefing's article.

The bottom line first (the summary callout, then the key facts), then the
article with the first mention of each name linked, then the related briefings
with their reasons and other briefings on the same people. Headings and the
summary callout stay Markdown, for the table of contents and Material's
styling; the lists are HTML blocks (``blocks``).
"""

from __future__ import annotations

from . import markup
from .blocks import format_date, html_list, link, term_links
from .catalog import Catalog
from .link import Links, Relation
from .mentions import link_first_mentions
from .model import KINDS, PERSON, TOPIC, Briefing
from .urls import Urls, source_link

WORDS_PER_MINUTE = 220
BACKLINKS_PER_PERSON = 3
# Lists of other briefings are not this page's text: searching their titles would find
# this page too. Pagefind leaves out what carries this attribute (the heading needs
# attr_list, one of the site's Markdown extensions).
NOT_SEARCHED = 'data-pagefind-ignore="all"'


def briefing_markdown(urls: Urls, b: Briefing, body: str, links: Links,
                      by_uri: dict[str, Briefing], catalog: Catalog) -> str:
    """The page's Markdown: the briefing's body with the build-time additions."""
    targets = [((t.name, *catalog.spellings(t.name)), source_link(b.path, t.uri))
               for t in links.by_briefing.get(b.path, ()) if t.kind != TOPIC]
    body = link_first_mentions(body, targets)
    return (header(urls, b, links) + body.rstrip() + "\n"
            + footer(urls, b, links, by_uri))


def reading_time(words: int) -> str:
    return f"{max(1, round(words / WORDS_PER_MINUTE))} min read"


def header(urls: Urls, b: Briefing, links: Links) -> str:
    """Bottom line up front: the summary callout, then the key facts."""
    parts = []
    if b.summary:
        parts.append(f'!!! abstract "Summary"\n\n    {markup.line(b.summary)}\n')
    terms = links.by_briefing.get(b.path, ())
    rows = [("Date", format_date(b.date) if b.date else ""),
            ("Dateline", markup.html_text(b.dateline)),
            ("By", markup.html_text(b.byline)),
            ("Source", markup.html_text(b.source or ""))]
    for kind in KINDS:
        rows.append((kind.label, term_links(urls, b.path, [t for t in terms if t.kind == kind])))
    rows.append(("Reading time", reading_time(b.words)))
    # A description list: screen readers read each label with its value. The line
    # breaks keep label and value apart in text taken from the page (search excerpts).
    facts = "\n".join(f"<dt>{label}</dt>\n<dd>{value}</dd>" for label, value in rows if value)
    parts.append(f'<div class="nb-facts">\n<dl>\n{facts}\n</dl>\n</div>\n')
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
