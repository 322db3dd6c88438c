"""A Python-Markdown extension that hands newsbrief's generated HTML blocks straight through.

Generated lists are HTML blocks whose class starts with ``nb-`` and which hold
no blank line. Python-Markdown would pass them through unchanged anyway, but
only after running its HTML parser over every tag, which costs more than the
rest of a list page. This preprocessor stores each such block as raw HTML
directly, so the output is byte for byte what Python-Markdown makes without it
(an exported tree builds the same pages with plain MkDocs), just sooner.

It runs before MkDocs' own scan of raw HTML for anchor ids (which is another
full HTML parse), so a site engine that checks links to anchors must learn the
ids in these blocks some other way: ``anchor_ids`` reads them from the output.
"""

from __future__ import annotations

import re
from html import unescape

from markdown import Extension
from markdown.preprocessors import Preprocessor

_GENERATED = re.compile(r'<(?:div|ul|p|table) class="nb-[\w-]+">')
_ID = re.compile(r'<[a-z][a-z0-9]*\s[^<>]*?\bid="([^"<>]*)"')


class _GeneratedBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            if _GENERATED.match(lines[i]) and (not out or not out[-1].strip()):
                end = i
                while end < len(lines) and lines[end].strip():
                    end += 1
                out.append(self.md.htmlStash.store("\n".join(lines[i:end]) + "\n"))
                i = end
            else:
                out.append(lines[i])
                i += 1
        return out


class GeneratedHtml(Extension):
    def extendMarkdown(self, md) -> None:
        # Before MkDocs' anchor scan (priority 21) and the raw HTML preprocessor (20).
        md.preprocessors.register(_GeneratedBlocks(md), "newsbrief_generated_html", 22)


def anchor_ids(html: str) -> set[str]:
    """The ``id`` attributes of the tags in rendered HTML (for link checks).

    Seed text reaches the output escaped, so only real tags can match."""
    return {unescape(value) for value in _ID.findall(html)}


def makeExtension(**kwargs) -> GeneratedHtml:  # noqa: N802 (Python-Markdown's entry point)
    return GeneratedHtml(**kwargs)
