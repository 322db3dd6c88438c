"""Link the first mention of each entity in a briefing's Markdown to its page.

Works on Markdown, not HTML, so an exported tree builds into the same pages
without the hook. Only plain prose is touched: headings, code blocks, HTML
lines and existing links, code spans, tags and entities are left as they are.
Names are found with plain substring search (after a cheap check that they
occur at all), so the cost is linear in the article's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import markup

# Stretches inside a line that must not gain links: code spans, links and
# images, autolinks and HTML tags, and entities. (Backslash escapes stay in the
# free text: names are matched in their escaped form, never after a backslash.)
_PROTECTED = re.compile(
    r"(`+).*?\1|!?\[[^\]\n]*\]\([^)\n]*\)|!?\[[^\]\n]*\]\[[^\]\n]*\]|<[^>\n]*>|&#?\w+;"
)
_SKIP_LINE = re.compile(r"^(?: {4}|\t|\s*#|\s*<|\s*\[[^\]]+\]:|\s*!!!|\s*\|)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def link_first_mentions(markdown: str, targets: Iterable[tuple[Iterable[str], str]]) -> str:
    """``targets``: (spellings, url) per entity. Links each entity's first mention."""
    wanted: dict[int, tuple[list[str], str]] = {}
    for index, (spellings, url) in enumerate(targets):
        present = {markup.inline(s) for s in spellings if len(s) >= 2}
        present = sorted((s for s in present if s in markdown), key=len, reverse=True)
        if present:
            wanted[index] = (present, url)
    if not wanted:
        return markdown
    lines, in_fence = [], False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif wanted and not in_fence and not _SKIP_LINE.match(line):
            line = _link_line(line, wanted)
        lines.append(line)
    return "\n".join(lines)


def _link_line(line: str, wanted: dict) -> str:
    out, position = [], 0
    for protected in [*_PROTECTED.finditer(line), None]:
        end = protected.start() if protected else len(line)
        out.append(_link_free(line[position:end], wanted))
        if protected:
            out.append(protected.group())
            position = protected.end()
    return "".join(out)


def _link_free(text: str, wanted: dict) -> str:
    """Link, in this stretch of text, the first mention of each entity still wanted."""
    hits = []
    for index, (spellings, _) in wanted.items():
        found = min((hit for s in spellings if (hit := _find(text, s))), default=None)
        if found:
            hits.append((*found, index))
    out, position = [], 0
    for start, end, index in sorted(hits):
        if start < position or index not in wanted:
            continue
        out += [text[position:start], f"[{text[start:end]}]({wanted.pop(index)[1]})"]
        position = end
    return "".join(out) + text[position:]


def _find(text: str, name: str) -> tuple[int, int] | None:
    """First whole-word occurrence of ``name``: not inside a word, not after a backslash."""
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_\\") and not (after.isalnum() or after == "_"):
            return start, end
        start = text.find(name, start + 1)
    return None
