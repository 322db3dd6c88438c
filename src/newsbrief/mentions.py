"""Link the first mention of each entity in a briefing's Markdown to its page.

Works on Markdown, not HTML, so an exported tree builds into the same pages
without the hook. Only plain prose is touched: headings, code blocks, HTML
lines and existing links, code spans, tags and escapes are left as they are.
One pass over the text with one pattern: linear in the article's length.
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
    url_of: dict[str, str] = {}
    owner: dict[str, int] = {}
    for index, (spellings, url) in enumerate(targets):
        for spelling in spellings:
            escaped = markup.inline(spelling)
            if len(spelling) >= 2 and escaped not in url_of:
                url_of[escaped], owner[escaped] = url, index
    if not url_of:
        return markdown
    alternatives = "|".join(re.escape(s) for s in sorted(url_of, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w\\]){'(?:' + alternatives + ')'}(?!\w)")
    done: set[int] = set()
    lines, in_fence = [], False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        if not in_fence and not _SKIP_LINE.match(line) and len(done) < len(set(owner.values())):
            line = _link_line(line, pattern, url_of, owner, done)
        lines.append(line)
    return "\n".join(lines)


def _link_line(line: str, pattern: re.Pattern, url_of, owner, done: set[int]) -> str:
    out, position = [], 0
    for protected in [*_PROTECTED.finditer(line), None]:
        end = protected.start() if protected else len(line)
        out.append(_link_free(line[position:end], pattern, url_of, owner, done))
        if protected:
            out.append(protected.group())
            position = protected.end()
    return "".join(out)


def _link_free(text: str, pattern: re.Pattern, url_of, owner, done: set[int]) -> str:
    def replace(match: re.Match) -> str:
        found = match.group()
        if owner[found] in done:
            return found
        done.add(owner[found])
        return f"[{found}]({url_of[found]})"

    return pattern.sub(replace, text)
