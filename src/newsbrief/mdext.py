"""A Python-Markdown extension that hands newsbrief's generated HTML blocks straight through.

Generated lists are HTML blocks whose class starts with ``nb-`` and which hold
no blank line. Python-Markdown would pass them through unchanged anyway, but
only after running its HTML parser over every tag, which costs more than the
rest of a list page. This preprocessor stores each such block as raw HTML
directly, so the output is byte for byte what Python-Markdown makes without it
(an exported tree builds the same pages with plain MkDocs), just sooner.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

_GENERATED = re.compile(r'<(?:div|ul|p|table) class="nb-[\w-]+">')


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
        # Before the raw HTML preprocessor (priority 20) parses the blocks, and after
        # MkDocs (21) has collected their anchor ids for its link checks.
        md.preprocessors.register(_GeneratedBlocks(md), "newsbrief_generated_html", 20.5)


def makeExtension(**kwargs) -> GeneratedHtml:  # noqa: N802 (Python-Markdown's entry point)
    return GeneratedHtml(**kwargs)
