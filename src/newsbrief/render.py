"""Render stage: Article + Analysis -> the Markdown text of a briefing file.

The file is the editors' interface: YAML front matter with stable keys, then
the article as Markdown. Every piece of seed text is escaped (see
``markup``), so it renders as the same visible text and never as markup.
The front matter ends with a machine-owned ``newsbrief`` block that records
the seed's hash and a hash of the file as generated; ``stamp`` explains it.
"""

from __future__ import annotations

import hashlib
import re

import yaml

from . import markup
from .model import KINDS, Analysis, Article, Block

MACHINE_KEY = "newsbrief"
_MACHINE_BLOCK = re.compile(rf"^{MACHINE_KEY}:[ \t]*\n(?:[ \t]+.*\n)*", re.M)


def render_briefing(article: Article, analysis: Analysis) -> str:
    """The complete briefing file, stamped for edit detection."""
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
    return stamp(f"---\n{dump_yaml(meta)}---\n\n{render_body(article)}", article.seed_sha256)


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


def stamp(text: str, seed_sha256: str) -> str:
    """Add the machine block just before the closing ``---`` of the front matter.

    ``generated_sha256`` hashes the whole file without the machine block, so
    any edit anywhere else in the file (front matter or body) changes it.
    """
    digest = content_hash(text)
    block = f"{MACHINE_KEY}:\n  seed_sha256: {seed_sha256}\n  generated_sha256: {digest}\n"
    head, sep, body = text.partition("\n---\n")
    return f"{head}\n{block}---\n{body}" if sep else text


def content_hash(text: str) -> str:
    """sha256 of a briefing's text with the machine block removed from its front matter."""
    head, sep, body = text.partition("\n---\n")
    unstamped = _MACHINE_BLOCK.sub("", head + "\n", count=1)[:-1] + sep + body
    return hashlib.sha256(unstamped.encode("utf-8")).hexdigest()
