"""Seed bytes -> clean text, refusing what cannot be a news article.

Decoding refuses what cannot be a news article (empty, binary, oversized,
undecodable) and repairs what can be repaired (legacy encodings, control
characters), reporting each repair as a Problem so strict builds see it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from ..fsutil import StatMemo, relative
from ..model import Problem, Seed

MAX_SEED_BYTES = 1_000_000  # 1 MB: fifty times a long news feature
# C0/C1 controls except tab and newline, plus zero-width and bidi overrides.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


class SeedError(Exception):
    """A seed that cannot become a briefing."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def load_seed(path: Path, root: Path) -> Seed:
    """Read and decode one seed file, or raise SeedError."""
    return _LOAD(path, relative(path, root))


def _load_seed(name: str, source: str) -> Seed:
    with open(name, "rb") as handle:
        raw = handle.read()
    known = _LOADED.get(source)
    if known is not None and known[0] == raw:
        return known[1]
    text, repairs = decode(raw, source)
    seed = Seed(source, hashlib.sha256(raw).hexdigest(), text, repairs)
    _LOADED[source] = (raw, seed)
    return seed


_LOAD = StatMemo(_load_seed)  # a preview reads again only the seeds that changed


# Decoding is a pure function of (bytes, path): a long-running preview decodes again only
# the seeds whose bytes changed. One entry per path, replaced when its bytes change.
_LOADED: dict[str, tuple[bytes, Seed]] = {}


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
