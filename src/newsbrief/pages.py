"""Markdown around a briefing's article: the header, related briefings, backlinks.

Every value that came from a seed or from front matter goes through
``markup`` here, so it renders as text. Links are relative between source
files (``people/x/index.md``), so MkDocs checks every one in strict builds.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import markup
from .link import Links, Relation, Term
from .model import Briefing

WORDS_PER_MINUTE = 220
BACKLINKS_PER_PERSON = 3
FACT_KINDS = (("People", "person"), ("Organizations", "organization"),
              ("Places", "place"), ("Topics", "topic"))


def link(from_uri: str, to_uri: str, text: str) -> str:
    return f"[{markup.inline(text)}]({relative(from_uri, to_uri)})"


def relative(from_uri: str, to_uri: str) -> str:
    """``to_uri`` relative to the folder of ``from_uri`` (both site-relative, "/"-separated).

    The same as ``posixpath.relpath`` for these clean paths, at a fraction of the cost:
    a site makes a hundred thousand links.
    """
    folder = from_uri.split("/")[:-1]
    target = to_uri.split("/")
    common = 0
    while common < len(folder) and common < len(target) - 1 and folder[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(folder) - common) + target[common:])


def format_date(date) -> str:
    return f"{date.day} {date:%B %Y}" if date else "Undated"


def briefing_item(from_uri: str, b: Briefing, with_summary: bool = True) -> str:
    item = f"- {link(from_uri, b.path, b.title)}  \n  *{format_date(b.date)}*"
    if with_summary and b.summary:
        item += f" · {markup.inline(b.summary)}"
    return item


def briefing_list(from_uri: str, briefings: Iterable[Briefing], with_summary: bool = True) -> str:
    """A list of briefings: linked title, date, and summary."""
    items = [briefing_item(from_uri, b, with_summary) for b in briefings]
    return "\n".join(items) + "\n" if items else "*No briefings yet.*\n"


def reading_time(words: int) -> str:
    return f"{max(1, round(words / WORDS_PER_MINUTE))} min read"


def term_links(from_uri: str, terms: Iterable[Term]) -> str:
    return ", ".join(link(from_uri, t.uri, t.name) for t in terms)


def header(b: Briefing, links: Links) -> str:
    """Bottom line up front: the summary callout, then the key facts."""
    parts = []
    if b.summary:
        parts.append(f'!!! abstract "Summary"\n\n    {markup.line(b.summary)}\n')
    terms = links.by_briefing.get(b.path, ())
    rows = [("Date", format_date(b.date) if b.date else ""),
            ("Source", markup.inline(b.source or ""))]
    for label, kind in FACT_KINDS:
        rows.append((label, term_links(b.path, [t for t in terms if t.kind == kind])))
    rows.append(("Reading time", reading_time(b.words)))
    facts = "\n".join(f"- **{label}:** {value}" for label, value in rows if value)
    parts.append(f'<div class="nb-facts" markdown>\n\n{facts}\n\n</div>\n')
    return "\n".join(parts) + "\n"


def footer(b: Briefing, links: Links, by_uri: dict[str, Briefing]) -> str:
    """Related briefings with their reasons, then other briefings on the same people."""
    parts = []
    related = links.related.get(b.path, ())
    if related:
        parts.append("## Related briefings\n\n" + "\n".join(
            _related_item(b.path, r, by_uri[r.uri]) for r in related) + "\n")
    shown = {b.path, *(r.uri for r in related)}
    backlinks = []
    for person in (t for t in links.by_briefing.get(b.path, ()) if t.kind == "person"):
        others = [u for u in links.briefings_for(person) if u not in shown][:BACKLINKS_PER_PERSON]
        if others:
            titles = ", ".join(link(b.path, u, by_uri[u].title) for u in others)
            backlinks.append(f"- {link(b.path, person.uri, person.name)}: {titles}")
    if backlinks:
        parts.append("## Also mentioning these people\n\n" + "\n".join(backlinks) + "\n")
    return "\n" + "\n".join(parts) if parts else ""


def _related_item(from_uri: str, r: Relation, other: Briefing) -> str:
    reason = "shares: " + ", ".join(markup.inline(n) for n in r.shared) if r.shared else ""
    if r.pinned:
        reason = "pinned by the editors" + (f"; {reason}" if reason else "")
    return f"- {link(from_uri, r.uri, other.title)} · *{format_date(other.date)}*  \n  {reason}"
