"""The one place where a title becomes a URL slug."""

from __future__ import annotations

from slugify import slugify as _slugify

MAX_SLUG_LENGTH = 60


def slugify(text: str, fallback: str = "briefing") -> str:
    """Readable ASCII slug; text with no ASCII letters is transliterated.

    Text that transliterates to nothing (emoji, symbols) gets ``fallback``.
    """
    slug = _slugify(text, max_length=MAX_SLUG_LENGTH, word_boundary=True, save_order=True)
    return slug or _slugify(fallback) or "briefing"


def unique_slug(base: str, taken: set[str], tiebreak: str) -> str:
    """``base`` if free, else ``base-<tiebreak>``, else numbered suffixes.

    ``tiebreak`` is stable for one article (its seed name), so the slug an
    article gets does not depend on the order in which seeds are read.
    """
    if base not in taken:
        return base
    candidate = f"{base}-{slugify(tiebreak)}"[: MAX_SLUG_LENGTH + 20]
    number = 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate
