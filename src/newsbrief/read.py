"""Read stage: seed bytes -> Article.

Decoding refuses what cannot be a news article (empty, binary, oversized,
undecodable) and repairs what can be repaired (legacy encodings, control
characters), reporting each repair as a Problem so strict builds see it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from .model import Article, Block, Problem, Seed
from .text import sentences, squash, word_count, words

MAX_SEED_BYTES = 1_000_000  # 1 MB: fifty times a long news feature
HEADLINE_MAX_WORDS = 20
TITLE_MAX_WORDS = 15
HEADING_MAX_WORDS = 12
_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
# C0/C1 controls except tab and newline, plus zero-width and bidi overrides.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_LEAD_IN = frozenset(
    "amid after as although before despite during following if in on over "
    "since though throughout under when while with without".split()
)


class SeedError(Exception):
    """A seed that cannot become a briefing."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def load_seed(path: Path, root: Path) -> Seed:
    """Read and decode one seed file, or raise SeedError."""
    source = path.relative_to(root).as_posix()
    raw = path.read_bytes()
    text, repairs = decode(raw, source)
    return Seed(source, hashlib.sha256(raw).hexdigest(), text, repairs)


def read_seed(path: Path, root: Path) -> Article:
    """Read one seed file into an Article, or raise SeedError."""
    return parse_seed(load_seed(path, root))


def parse_seed(seed: Seed) -> Article:
    return parse(seed.text, seed.source, seed.seed_sha256, seed.repairs)


def decode(raw: bytes, source: str) -> tuple[str, tuple[Problem, ...]]:
    """Bytes -> clean text, refusing what is not text."""
    if len(raw) > MAX_SEED_BYTES:
        raise SeedError(Problem(source, f"file is {len(raw):,} bytes, over the "
                                f"{MAX_SEED_BYTES:,}-byte limit for a seed",
                                "split it into separate articles or trim it"))
    if b"\x00" in raw:
        raise SeedError(Problem(source, "file holds NUL bytes, so it is binary, not text",
                                "replace it with the article as plain UTF-8 text"))
    repairs: list[Problem] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(raw, source)
        repairs.append(Problem(source, f"file is not UTF-8; read it as {encoding}",
                               "re-save the seed as UTF-8", severity="warning"))
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = _CONTROL.sub("", text.replace("\t", " "))
    if cleaned != text.replace("\t", " "):
        repairs.append(Problem(source, "file holds control characters; removed them",
                               "remove them from the seed", severity="warning"))
    if not cleaned.strip():
        raise SeedError(Problem(source, "file is empty or only whitespace",
                                "add the article text, or delete the file"))
    return cleaned, tuple(repairs)


def _decode_legacy(raw: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    # Short Western text ties cp1252 with cp1250 or cp775, and charset-normalizer
    # may pick the wrong one ("naïve" -> "naďve"); prefer cp1252 when it reads as cleanly.
    western = from_bytes(raw, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos):
        best = western
    if best is None or best.encoding in {"utf_16", "utf_32"}:
        raise SeedError(Problem(source, "file is not text in any encoding newsbrief can read",
                                "save the article as plain UTF-8 text"))
    return str(best), best.encoding


def parse(text: str, source: str, seed_sha256: str, repairs=()) -> Article:
    """Clean text -> Article: headline, section headings and paragraphs."""
    chunks = [squash(c) for c in _BLANK_LINE.split(text.strip())]
    chunks = [c for c in chunks if c]
    first, rest = chunks[0], chunks[1:]
    if is_headline(first) or not rest:
        title, origin = _strip_final_stop(first), "headline"
        body = rest
    else:
        body = chunks
        title, origin = condense_lead(first), "lead"
    blocks = tuple(_block(c, i, body) for i, c in enumerate(body))
    if origin == "lead" and word_count(title) > TITLE_MAX_WORDS:
        heading = next((b.text for b in blocks if b.kind == "heading"), None)
        title, origin = (heading, "heading") if heading else (_truncate(title), "lead")
    return Article(source, seed_sha256, title, origin, blocks, tuple(repairs))


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
    if not text[0].isupper():
        return False
    significant = [w for w in tokens if len(w) >= 4 and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in significant)
    return bool(significant) and capitalised / len(significant) >= 0.75


def _block(text: str, index: int, body: list[str]) -> Block:
    followed_by_prose = index + 1 < len(body) and not is_heading(body[index + 1])
    if index > 0 and followed_by_prose and is_heading(text):
        return Block("heading", text)
    return Block("paragraph", text)


def _strip_final_stop(text: str) -> str:
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


def _truncate(text: str) -> str:
    return " ".join(text.split()[:TITLE_MAX_WORDS]).rstrip(",;:") + "\u2026"
