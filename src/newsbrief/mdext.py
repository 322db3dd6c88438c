"""A Python-Markdown extension that hands newsbrief's generated HTML blocks straight through.

Generated lists are HTML blocks whose class starts with ``nb-`` and which hold
no blank line. Python-Markdown would pass them through unchanged anyway, but
only after running its HTML parser over every tag, which costs more than the
rest of a list page. This preprocessor stores each such block as raw HTML
directly, so the output is byte for byte what Python-Markdown makes without it
(an exported tree builds the same pages with plain MkDocs), just sooner.

It runs after Python-Markdown's whitespace normalisation (priority 30) and
before its ``html_block`` preprocessor (20), and so before anything else that
reads raw HTML from the source: MkDocs, for one, parses it again for anchor
ids. A block that holds an ``id`` or a ``name`` is left to them, so every
anchor is found where MkDocs looks for it. What it saves, and the test that
fails when MkDocs starts reading these blocks anyway, are in the README ("Lists
cost little to build") and ``tests/test_mdext.py``.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

PRIORITY = 25  # between normalize_whitespace (30) and html_block (20)
_GENERATED = re.compile(r'<(?:div|ul|p|table) class="nb-[\w-]+"[^<>]*>')
_ANCHOR = re.compile(r"\s(?:id|name)=")  # what MkDocs reads as an anchor


class _GeneratedBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            if _GENERATED.match(lines[i]) and (not out or not out[-1].strip()):
                end = i
                while end < len(lines) and lines[end].strip():
                    end += 1
                block = "\n".join(lines[i:end])
                if _ANCHOR.search(block):  # anchors are for the HTML readers: leave it to them
                    out += lines[i:end]
                else:
                    out.append(self.md.htmlStash.store(block + "\n"))
                i = end
            else:
                out.append(lines[i])
                i += 1
        return out


class GeneratedHtml(Extension):
    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(_GeneratedBlocks(md), "newsbrief_generated_html", PRIORITY)


def makeExtension(**kwargs) -> GeneratedHtml:  # noqa: N802 (Python-Markdown's entry point)
    return GeneratedHtml(**kwargs)
