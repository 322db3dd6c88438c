"""Markdown for what readers see around the articles: lists and briefing chrome.

Every value that came from a seed or from front matter goes through
``markup`` here, so it renders as text. Links are relative between source
files (``briefings/x.md``), so MkDocs checks them in strict builds.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from . import markup
from .model import Briefing

WORDS_PER_MINUTE = 220


def link(from_uri: str, to_uri: str, text: str) -> str:
    target = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return f"[{markup.inline(text)}]({target})"


def format_date(date) -> str:
    return f"{date.day} {date:%B %Y}" if date else "Undated"


def briefing_list(from_uri: str, briefings: Iterable[Briefing], with_summary: bool = True) -> str:
    """A list of briefings: linked title, date, and summary."""
    items = []
    for b in briefings:
        item = f"- {link(from_uri, b.path, b.title)}  \n  *{format_date(b.date)}*"
        if with_summary and b.summary:
            item += f" · {markup.inline(b.summary)}"
        items.append(item)
    return "\n".join(items) + "\n" if items else "*No briefings yet.*\n"


def reading_time(words: int) -> str:
    return f"{max(1, round(words / WORDS_PER_MINUTE))} min read"


def briefing_header(b: Briefing, facts: list[tuple[str, str]]) -> str:
    """Bottom line up front: the summary callout, then the key facts."""
    parts = []
    if b.summary:
        parts.append(f'!!! abstract "Summary"\n\n    {markup.line(b.summary)}\n')
    rows = [("Date", format_date(b.date) if b.date else "")] + facts
    rows.append(("Reading time", reading_time(b.words)))
    lines = [f"- **{label}:** {value}" for label, value in rows if value]
    parts.append("\n".join(lines) + "\n")
    return "\n".join(parts) + "\n"
