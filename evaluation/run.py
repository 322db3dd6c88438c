"""`make eval`: score newsbrief's reading and extraction against hand-labelled articles.

    python -m evaluation.run --shared ../shared        # writes EVALUATION.md

Every labelled article goes through the same stages as a build (read ->
analyze -> render), and its briefing's front matter is read back and scored:
names by kind (see ``score``), the date, and whether a dateline or byline
became the title, the summary or a heading. The same articles are also linked
as one site, and the names readers see there are scored too. Raw spaCy, run
on the article below its headline, is scored beside it as a reference. Then
the whole BBC corpus is built (without MkDocs) to check its dates, topics and
most-mentioned names.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from newsbrief.analyze import analyze
from newsbrief.analyze.cache import SpanCache
from newsbrief.analyze.ner import Span
from newsbrief.briefing_file import parse_briefing, to_briefing
from newsbrief.catalog import load_catalog
from newsbrief.link import link
from newsbrief.model import ENTITY_KINDS
from newsbrief.read import decode, parse
from newsbrief.render import render_briefing

from . import corpora, report
from .score import KINDS, Counts, score_article

RAW_KINDS = {"PERSON": "people", "ORG": "organizations", "GPE": "places", "LOC": "places",
             "FAC": "places"}
_HEADING = re.compile(r"^#{1,6} (.*)$", re.M)
_ESCAPE = re.compile(r"\\(.)")


@dataclass
class Result:
    sample: corpora.Sample
    meta: dict
    headings: list[str]
    lists: dict[str, tuple[str, ...]]  # front matter
    site: dict[str, tuple[str, ...]] = field(default_factory=dict)  # after linking
    raw: dict[str, tuple[str, ...]] = field(default_factory=dict)  # bare spaCy

    @property
    def date(self) -> str:
        value = self.meta.get("date")
        return str(value) if value else ""

    def leaks(self) -> list[str]:
        """Where a byline or dateline line shows as title, summary or heading."""
        lines = [_plain(line) for line in self.sample.head_lines if len(line.strip()) > 2]
        places = {"title": [self.meta.get("title") or ""], "summary": [self.meta.get("summary") or ""],
                  "heading": self.headings}
        return [where for where, texts in places.items()
                for text in texts if any(line and line in _plain(text) for line in lines)]


def _plain(text: str) -> str:
    return " ".join(unescape(_ESCAPE.sub(r"\1", str(text))).split()).casefold()


def run(samples: list[corpora.Sample], cache_dir: Path) -> list[Result]:
    catalog = load_catalog(corpora.REPO)
    cache = SpanCache(cache_dir)
    articles = []
    for s in samples:
        text, _ = decode(s.raw, s.name)
        articles.append(parse(text, f"seeds/{s.name}", hashlib.sha256(s.raw).hexdigest()))
    results = []
    for s, article, analysis in zip(samples, articles, analyze(articles, catalog, cache)):
        front = parse_briefing(render_briefing(article, analysis), f"briefings/{s.name}.md")
        body = render_briefing(article, analysis).split("\n---\n", 1)[1]
        headings = [_ESCAPE.sub(r"\1", h) for h in _HEADING.findall(body)]
        lists = {k: tuple(str(n) for n in front.meta.get(k) or ()) for k in KINDS}
        results.append(Result(s, front.meta, headings, lists))
    _link_as_site(results, catalog)
    _raw_spacy(results, cache)
    return results


def _link_as_site(results: list[Result], catalog) -> None:
    """The names each briefing shows once its corpus is linked as one site."""
    by_corpus: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        by_corpus[r.sample.corpus].append(r)
    for group in by_corpus.values():
        briefings = {}
        for r in group:
            file = parse_briefing(_front(r.meta), f"briefings/{r.sample.name}.md")
            briefings[file.rel] = (r, to_briefing(file))
        links = link([b for _, b in briefings.values()], catalog)
        for rel, (r, _) in briefings.items():
            shown = defaultdict(list)
            for term in links.by_briefing.get(rel, ()):
                if term.kind in ENTITY_KINDS:
                    shown[term.kind.front_matter].append(term.name)
            r.site = {k: tuple(shown[k]) for k in KINDS}


def _front(meta: dict) -> str:
    from newsbrief.render import dump_yaml

    return f"---\n{dump_yaml(meta)}---\n"


def _raw_spacy(results: list[Result], cache: SpanCache) -> None:
    @dataclass(frozen=True)
    class Text:
        body_text: str

    texts = [Text(r.sample.raw.decode("utf-8-sig").strip().split("\n", 1)[-1]) for r in results]
    for r, spans in zip(results, cache.iter_spans(texts)):
        found: dict[str, list[str]] = defaultdict(list)
        for span in spans:
            kind = RAW_KINDS.get(span.label)
            name = re.sub(r"['\u2019]s$", "", span.text.strip())
            if kind and name not in found[kind]:
                found[kind].append(name)
        r.raw = {k: tuple(found[k]) for k in KINDS}


def totals(results: list[Result], view: str = "lists") -> dict[str, Counts]:
    out = {kind: Counts() for kind in (*KINDS, "all")}
    for r in results:
        if r.sample.labels is None:
            continue
        for kind, (counts, _) in score_article(getattr(r, view), r.sample.labels).items():
            out[kind].add(counts)
            out["all"].add(counts)
    return out


def errors(results: list[Result]) -> str:
    """Wrong and missed names of the dev articles, for developers (never the held-out ones)."""
    lines = []
    for r in results:
        if r.sample.labels is None or r.sample.split != "dev":
            continue
        scored = score_article(r.lists, r.sample.labels)
        parts = [f"  {kind} wrong: {e.wrong}  missed: {e.missed}"
                 for kind, (_, e) in scored.items() if e.wrong or e.missed]
        if parts or (r.sample.date is not None and r.date != r.sample.date):
            lines.append(f"{r.sample.corpus}/{r.sample.name} date {r.date or '-'} "
                         f"(expected {r.sample.date or '-'})")
            lines += parts
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=corpora.REPO.parent / "shared",
                        help="the shared folder holding corpus/reuters-dev and corpus/bbc")
    parser.add_argument("--output", type=Path, default=corpora.REPO / "EVALUATION.md")
    parser.add_argument("--no-corpus", action="store_true",
                        help="skip the whole-BBC-corpus checks (faster)")
    args = parser.parse_args(argv)
    reuters_dir, bbc_dir = args.shared / "corpus" / "reuters-dev", args.shared / "corpus" / "bbc"
    for folder in (reuters_dir, bbc_dir):
        if not folder.is_dir():
            print(f"error: {folder} is missing. Fix: pass --shared DIR, the folder holding "
                  "corpus/reuters-dev and corpus/bbc (make eval SHARED=DIR)", file=sys.stderr)
            return 2
    started = time.perf_counter()
    cache_dir = corpora.REPO / ".cache"
    samples = corpora.reuters(reuters_dir) + corpora.bbc(bbc_dir) + corpora.seeds()
    results = run(samples, cache_dir)
    from .corpus_check import check_corpus

    corpus = None if args.no_corpus else check_corpus(bbc_dir, cache_dir)
    text = report.render(results, corpus, time.perf_counter() - started)
    args.output.write_text(text, encoding="utf-8")
    (cache_dir / "eval").mkdir(parents=True, exist_ok=True)
    (cache_dir / "eval" / "errors.txt").write_text(errors(results), encoding="utf-8")
    print(text)
    print(f"written to {args.output}; dev errors in {cache_dir / 'eval' / 'errors.txt'}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
