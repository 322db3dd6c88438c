"""Analyze stage: Article -> Analysis (date, entities, topics, summary).

Named-entity recognition is the one expensive step; its raw spans are cached
by seed hash and model version in ``.cache/``, so each seed version is read by
the model once. Everything after the model is cheap and reruns each time, so
edits to ``entities.yml`` and ``topics.yml`` apply without a cold cache.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

# Before spaCy brings in numpy: the model's small matrix products run fastest on one
# BLAS thread per process. With OpenBLAS's own thread pool in each model worker, two
# workers on two cores slowed each other down (a cold conversion took 12% more CPU).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from ..catalog import Catalog  # noqa: E402
from ..model import ENTITY_KINDS, ORGANIZATION, PLACE, Analysis, Article, EntityKind
from .cache import SpanCache
from .canon import canonical_entities, spell
from .dates import find_date
from .summary import summarize
from .topics import find_topics


def analyze(articles: Sequence[Article], catalog: Catalog, cache: SpanCache) -> Iterator[Analysis]:
    """Each article's analysis, in order, as soon as it is ready: the model's worker
    processes go on with later articles while the caller uses the earlier ones."""
    spans = cache.iter_spans(articles)
    return (_analyze_one(a, s, catalog) for a, s in zip(articles, spans))


def _analyze_one(article: Article, spans, catalog: Catalog) -> Analysis:
    text = article.body_text
    prose = tuple(b.text for b in article.blocks if b.kind == "paragraph")
    entities = canonical_entities(spans, text, catalog, title=article.title,
                                  extra=_stated(article, text))
    names = {name for names in entities.values() for name in names}
    return Analysis(
        date=find_date(prose, article.dateline, article.stamp),
        summary=summarize(prose),
        **{kind.front_matter: entities.get(kind.key, ()) for kind in ENTITY_KINDS},
        topics=find_topics(f"{article.title}\n\n{text}", catalog, names),
        dateline=_dateline(article, text),
        byline=spell(article.byline, text) if article.byline else None,
    )


def _stated(article: Article, text: str) -> list[tuple[str, EntityKind]]:
    """The names a wire article states outside its text: the dateline's place and region,
    and the agency that filed it."""
    line = article.dateline
    if line is None:
        return []
    return [(spell(line.place, text), PLACE.key), (spell(line.region, text), PLACE.key),
            (line.agency, ORGANIZATION.key)]


def _dateline(article: Article, text: str) -> str | None:
    line = article.dateline
    if line is None or not line.place:
        return None
    return ", ".join(spell(p, text) for p in (line.place, line.region) if p)
