"""Model output cached by content hash: one JSON file per seed version.

The key is the sha256 of the exact text the model reads (the seed's body as
the read stage produced it), so a new seed version or a change in reading
both miss, and nothing else does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..fsutil import atomic_write
from ..model import Article
from . import ner

CACHE_FORMAT = 1


class SpanCache:
    """Raw NER spans per text sha256, under ``<cache_dir>/ner/<model>/``."""

    def __init__(self, cache_dir: Path | None):
        self.cache_dir = cache_dir
        self.misses = 0

    def iter_spans(self, articles: Sequence[Article]) -> Iterator[tuple[ner.Span, ...]]:
        """Spans per article, in order, each as soon as the model has read it."""
        texts = {_key(a.body_text): a.body_text for a in articles}
        found = {key: self._load(key) for key in texts}
        todo = [key for key, spans in found.items() if spans is None]
        self.misses += len(todo)
        fresh = zip(todo, ner.iter_recognise([texts[k] for k in todo]))
        for article in articles:
            key = _key(article.body_text)
            while found[key] is None:
                done, spans = next(fresh)
                found[done] = spans
                self._store(done, spans)
            yield found[key]

    def _path(self, sha: str) -> Path | None:
        if self.cache_dir is None:
            return None
        model_dir = f"{ner.model_id()}-v{CACHE_FORMAT}"
        return self.cache_dir / "ner" / model_dir / sha[:2] / f"{sha}.json"

    def _load(self, sha: str) -> tuple[ner.Span, ...] | None:
        path = self._path(sha)
        if path is None or not path.exists():
            return None
        try:
            return tuple(ner.Span(*row) for row in json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError):
            return None  # a damaged entry is recomputed

    def _store(self, sha: str, spans: tuple[ner.Span, ...]) -> None:
        path = self._path(sha)
        if path is not None:
            rows = [[s.text, s.label, s.start] for s in spans]
            atomic_write(path, json.dumps(rows, ensure_ascii=False).encode("utf-8"))


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
