"""The whole BBC corpus built as one site (without MkDocs): its dates, topics and top names.

Checks what readers of a large archive see: no date outside the years the
stories were published (2004-2005), every topic shown on a briefing has a page
of its own (two or more briefings), and the most-mentioned names of each kind,
listed for a reader to check by eye.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
from dataclasses import dataclass
from pathlib import Path

from newsbrief.analyze import analyze
from newsbrief.analyze.cache import SpanCache
from newsbrief.briefing_file import parse_briefing, to_briefing
from newsbrief.catalog import load_catalog
from newsbrief.link import link
from newsbrief.model import KINDS, TOPIC
from newsbrief.read import decode, parse
from newsbrief.render import render_briefing

from . import corpora

YEARS = (2004, 2005)
TOP = 50


@dataclass(frozen=True)
class CorpusCheck:
    articles: int
    dated: int
    out_of_range: tuple[tuple[str, dt.date], ...]
    topics_shown: int  # distinct topics shown on briefing pages
    topic_mentions: int  # topics shown, summed over briefings
    lone_topics: tuple[str, ...]  # shown, but without a page of their own
    briefings_without_topics: int
    top: dict[str, tuple[tuple[str, int], ...]]  # kind -> (name, briefings)
    seconds: float


def check_corpus(folder: Path, cache_dir: Path) -> CorpusCheck:
    import time

    started = time.perf_counter()
    catalog = load_catalog(corpora.REPO)
    files = corpora.corpus_files(folder)
    articles = []
    for path in files:
        raw = path.read_bytes()
        text, _ = decode(raw, path.name)
        articles.append(parse(text, f"seeds/{path.name}", hashlib.sha256(raw).hexdigest()))
    briefings = []
    for path, article, analysis in zip(files, articles,
                                       analyze(articles, catalog, SpanCache(cache_dir))):
        file = parse_briefing(render_briefing(article, analysis), f"briefings/{path.stem}.md")
        briefings.append(to_briefing(file))
    briefings.sort(key=lambda b: b.sort_key)
    links = link(briefings, catalog)
    dated = [b for b in briefings if b.date]
    wrong = tuple((b.slug, b.date) for b in dated if not YEARS[0] <= b.date.year <= YEARS[1])
    shown = [t for terms in links.by_briefing.values() for t in terms if t.kind == TOPIC]
    top = {}
    for kind in KINDS:
        terms = (t for t in links.terms.values() if t.kind == kind)
        best = heapq.nsmallest(TOP, terms, key=lambda t: (-len(links.briefings_for(t)), t.name))
        top[kind.key] = tuple((t.name, len(links.briefings_for(t))) for t in best)
    without = sum(not any(t.kind == TOPIC for t in terms) for terms in links.by_briefing.values())
    return CorpusCheck(len(briefings), len(dated), wrong, len(set(shown)), len(shown),
                       tuple(sorted({t.name for t in shown if not t.has_page})), without, top,
                       time.perf_counter() - started)
