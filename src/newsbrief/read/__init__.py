"""Read stage: seed bytes -> Article.

``decode`` turns bytes into clean text (refusing what is not an article,
repairing what can be repaired); ``parse`` structures the text: headline, the
wire's head lines (``wire``), headings, paragraphs and tables.
"""

from __future__ import annotations

from ..model import Article, Seed
from .decode import MAX_SEED_BYTES, SeedError, decode, load_seed
from .structure import parse


def parse_seed(seed: Seed) -> Article:
    """A decoded seed, structured."""
    return parse(seed.text, seed.source, seed.seed_sha256, seed.repairs)


__all__ = ["MAX_SEED_BYTES", "SeedError", "decode", "load_seed", "parse", "parse_seed"]
