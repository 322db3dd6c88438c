"""Render stage: Article + Analysis -> the Markdown text of a briefing file.

The file is the editors' interface: YAML front matter with stable keys, then
the article as Markdown. Every piece of seed text is escaped (see
``markup``), so it renders as the same visible text and never as markup.
The front matter ends with a machine-owned ``newsbrief`` block that records
what the file was made from and a hash of it as generated (``machine``).
"""

from __future__ import annotations

import yaml

from . import markup
from .machine import Inputs, stamp
from .model import KINDS, Analysis, Article, Block


def render_briefing(article: Article, analysis: Analysis, inputs: Inputs | None = None,
                    *, draft: bool = False) -> str:
    """The complete briefing file, stamped with ``inputs`` (by default the seed alone)
    for edit detection; ``draft`` keeps an unpublished briefing unpublished."""
    meta = {
        "title": article.title,
        "date": analysis.date,
        "dateline": analysis.dateline,
        "byline": analysis.byline,
        "source": article.source,
        "summary": analysis.summary,
        **{kind.front_matter: list(analysis.entities(kind)) for kind in KINDS},
    }
    for key in ("date", "dateline", "byline"):
        if meta[key] is None:
            del meta[key]
    if draft:
        meta["draft"] = True
    return stamp(f"---\n{dump_yaml(meta)}---\n\n{render_body(article)}",
                 inputs or Inputs(article.seed_sha256))


def render_body(article: Article) -> str:
    return "\n\n".join(_block(b) for b in article.blocks) + "\n"


def _block(block: Block) -> str:
    if block.kind == "heading":
        return markup.heading(block.text)
    if block.kind == "table":  # one row a line: hard line breaks, never run together
        return "  \n".join(markup.line(row) for row in block.text.split("\n"))
    return markup.line(block.text)


def dump_yaml(data: dict) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=4096,
                          default_flow_style=False)
