"""Clean text -> Article: headline, the wire's head lines, headings, paragraphs and tables.

The first line is the headline when it reads as one; one in capitals is
written as the article spells its words. Below it, wire copy may carry
stamps, bylines and a dateline (``wire``): they are taken out of the text and
kept on the Article, so none becomes a heading or the summary. A dateline
that opens the first paragraph is taken off it. Blocks of short lines heavy
with numbers are tables and keep their lines; other blocks are paragraphs,
or headings when short, in title case and followed by prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Article, Block
from ..text import sentences, squash, word_count, words
from . import wire

HEADLINE_MAX_WORDS = 20
TITLE_MAX_WORDS = 15
HEADING_MAX_WORDS = 12
HEAD_LINES_MAX = 6  # stamps, bylines and dateline lines below a headline
_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
_LEAD_IN = frozenset(
    "amid after as although before despite during following if in on over "
    "since though throughout under when while with without".split()
)


@dataclass
class _Head:
    """What the lines above the story say, filled in as they are read."""

    dateline: wire.Dateline | None = None
    byline: str | None = None
    stamp: str | None = None
    agency: str = ""
    lines: list[str] = field(default_factory=list)  # as written, in order

    def take(self, lines: list[str], start: int) -> int:
        """Read head lines from ``lines[start]`` on; the index of the first story line."""
        i = _skip_blank(lines, start)
        for _ in range(HEAD_LINES_MAX):
            if i >= len(lines):
                break
            after = _skip_blank(lines, i + 1)
            following = lines[after].strip() if after < len(lines) else ""
            used = self._read(lines[i].strip(), following)
            if not used:
                break
            self.lines += [lines[i].strip(), following][:used]
            i = _skip_blank(lines, after + 1 if used == 2 else after)
        return i

    def _read(self, line: str, following: str) -> int:
        """How many lines (this one, or this and the next) a head line takes; 0 if none."""
        if self.stamp is None and (when := wire.stamp(line)) is not None:
            self.stamp = when
        elif self.byline is None and (name := wire.byline(line)):
            self.byline = name
        elif self.dateline is None and (found := wire.dateline_line(line)):
            date = None if found.date else wire.date_only(following)
            self.dateline = replace(found, date=date) if date else found
            return 2 if date else 1
        elif self.dateline is None and wire.bare_place(line) and wire.date_only(following):
            self.dateline = wire.dateline_line(f"{line} {wire.date_only(following)}")
            return 2 if self.dateline else 0
        elif (self.byline is None and self.dateline is None and wire.could_be_name(line)
              and (wire.dateline_line(following) or wire.bare_place(following))):
            self.byline = line
        elif not self.agency and (agency := wire.agency_line(line)):
            self.agency = agency
        else:
            return 0
        return 1


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def parse(text: str, source: str, seed_sha256: str, repairs=()) -> Article:
    """Clean text -> Article: headline, head lines, section headings, paragraphs, tables."""
    lines = text.strip().split("\n")
    head = _Head()
    headline, after = _headline(lines)
    start = head.take(lines, after)
    chunks = [c for c in _BLANK_LINE.split("\n".join(lines[start:]).strip()) if c.strip()]
    if chunks and head.dateline is None and (opening := wire.dateline_opening(squash(chunks[0]))):
        head.dateline, rest = opening
        head.lines.append(squash(chunks[0])[: -len(rest)].strip() if rest else squash(chunks[0]))
        chunks[0] = rest
    if head.agency and head.dateline and not head.dateline.agency:
        head.dateline = replace(head.dateline, agency=head.agency)
    blocks = _blocks(chunks)
    prose = [b for b in blocks if b.kind != "table"]
    if headline:
        title, origin = headline, "headline"
        if wire.is_capitals(title):
            title = wire.recase(title, "\n".join(b.text for b in blocks))
    elif len(blocks) > 1:
        title, origin = condense_lead((prose or blocks)[0].text.split("\n")[0]), "lead"
    else:  # a single block and no headline: the block is all there is
        title, origin = _strip_final_stop(squash(chunks[0] if chunks else text)), "headline"
        blocks = []
    if origin == "lead" and word_count(title) > TITLE_MAX_WORDS:
        heading = next((b.text for b in blocks if b.kind == "heading"), None)
        title, origin = (heading, "heading") if heading else (_truncate(title), "lead")
    return Article(source, seed_sha256, title, origin, tuple(blocks), tuple(repairs),
                   dateline=head.dateline, byline=head.byline, stamp=head.stamp,
                   head=tuple(head.lines))


def _headline(lines: list[str]) -> tuple[str | None, int]:
    """The headline and the index of the line after it, or (None, 0).

    The first line is the headline when it reads as one and is not wire furniture.
    When more text follows it without a blank line, that text must be one of the
    wire's head lines; otherwise the whole first block is a headline only if it
    reads as one (a headline wrapped over two lines), else it is a paragraph."""
    first = lines[0].strip()
    if not first or wire.is_head_line(first) or len(lines) < 2:
        return None, 0
    following = lines[1].strip()
    if not following or wire.is_head_line(following) or wire.could_be_name(following):
        return (_strip_final_stop(first), 1) if is_headline(first) else (None, 0)
    end = next((i for i in range(1, len(lines)) if not lines[i].strip()), len(lines))
    block = squash(" ".join(lines[:end]))
    if end < len(lines) and is_headline(block) and not wire.is_head_line(block):
        return _strip_final_stop(block), end
    return None, 0


def _blocks(chunks: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for chunk in chunks:
        rows = [squash(line) for line in chunk.split("\n") if line.strip()]
        if wire.is_table(rows):
            blocks.append(Block("table", "\n".join(rows)))
        elif rows:
            blocks.append(Block("paragraph", " ".join(rows)))
    return [_heading_or_not(b, i, blocks) for i, b in enumerate(blocks)]


def _heading_or_not(block: Block, index: int, blocks: list[Block]) -> Block:
    followed_by_prose = (index + 1 < len(blocks) and blocks[index + 1].kind == "paragraph"
                         and not is_heading(blocks[index + 1].text))
    if (block.kind == "paragraph" and index > 0 and followed_by_prose and is_heading(block.text)
            and not wire.is_wire_furniture(block.text)):
        return Block("heading", block.text)
    return block


def is_headline(text: str) -> bool:
    """Short and a single sentence: reads as a headline."""
    return word_count(text) <= HEADLINE_MAX_WORDS and len(sentences(text)) == 1


def condense_lead(lead: str) -> str:
    """A headline from a lead paragraph: its main clause, when short enough."""
    first = _strip_final_stop(sentences(lead)[0])
    clauses = [c.strip() for c in first.split(",") if c.strip()]
    if len(clauses) > 1 and clauses[0].split()[0].lower() in _LEAD_IN:
        clauses = clauses[1:]
    main = clauses[0]
    return main[0].upper() + main[1:]


def is_heading(text: str) -> bool:
    """A short standalone line in title case, with no closing punctuation."""
    tokens = words(text)
    if not 2 <= len(tokens) <= HEADING_MAX_WORDS or text[-1] in ".,;:!\"'\u201d)":
        return False
    if not text[0].isupper() or wire.is_capitals(text):
        return False
    significant = [w for w in tokens if len(w) >= 4 and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in significant)
    return bool(significant) and capitalised / len(significant) >= 0.75


def _strip_final_stop(text: str) -> str:
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


def _truncate(text: str) -> str:
    return " ".join(text.split()[:TITLE_MAX_WORDS]).rstrip(",;:") + "\u2026"



