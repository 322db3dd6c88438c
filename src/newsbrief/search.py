"""Site search: a Pagefind index of the built site, written after the build.

Pagefind splits the index into small chunks that the reader's browser fetches
on demand, so the first answer takes about as long with 10,000 briefings as
with ten (Material's built-in search downloads the whole index first). The
index holds the pages readers look for: briefings and hand-written pages.
Generated list pages (home, people, topics, timeline...) stay out of it, or
every name would find a list before the briefing.

A large site's index is made in shards: each indexed page belongs to one, by a
hash of its address, and each shard is one Pagefind bundle (``pagefind/``,
``pagefind-1/``...), listed in ``SHARDS_FILE`` for the search box, which merges
their answers. The indexer's memory grows with the pages it reads (about
180 KB a page), so shards bound it, and a changed page costs one shard's
indexing, not the whole site's. ``per_shard`` pages make a shard; the number of
shards is a power of two, so it changes only when the site doubles or halves.

The hook calls, in build order: ``IndexRun`` once the site's files are known
(``on_nav``), ``IndexRun.mark`` for each page's content (``on_page_content``:
an indexed page's content goes inside newsbrief's own ``data-pagefind-body``
element, so nothing depends on the theme's markup), ``IndexRun.page`` for each
page written (``on_post_page``) and ``IndexRun.finish`` at the end
(``on_post_build``), which indexes each shard, or reuses its last bundle when
none of its pages changed. Lists of other briefings inside a page carry
``data-pagefind-ignore`` from the start (``blocks``). Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from .fsutil import write_if_changed
from .indexer import IndexReport, SearchError, build_index, folder_bytes, indexer_version
from .messages import log

BUNDLE_DIR = "pagefind"
SHARDS_FILE = "pagefind-shards.json"  # at the site's root: the bundles the search box merges
SHARD_PAGES = 2000  # the most pages a shard holds on average: at most ~360 MB of indexer memory
CACHE_FORMAT = 3
HOME_URI = "index.md"
REPORT_NAME = "search-index.json"  # in the cache folder: the last index's figures
BODY = "data-pagefind-body"  # Pagefind indexes only what is inside an element with it
UNUSED_IN_SITE = ("assets/javascripts/lunr",)  # Material's own search engine: its plugin is off

__all__ = ["IndexReport", "SearchError", "Indexed", "IndexRun", "index_site", "indexable", "mark"]


def indexable(src_uri: str, *, generated: bool, briefings_dir: str = "briefings") -> bool:
    """Briefings and hand-written pages are searched; generated list pages and home are not."""
    if src_uri.startswith(briefings_dir.rstrip("/") + "/"):
        return True
    return not generated and src_uri != HOME_URI


def shard_count(pages: int, per_shard: int = SHARD_PAGES) -> int:
    """The fewest shards, a power of two, that hold ``pages`` at ``per_shard`` each."""
    count = 1
    while count * max(1, per_shard) < pages:
        count *= 2
    return count


@lru_cache(maxsize=1 << 17)  # asked again for every page on every preview rebuild
def shard_of(dest_uri: str, count: int) -> int:
    digest = hashlib.blake2b(dest_uri.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


def bundle_name(shard: int) -> str:
    return BUNDLE_DIR if shard == 0 else f"{BUNDLE_DIR}-{shard}"


@dataclass(frozen=True)
class Indexed:
    """The pages of one build that go into the index, and the shard each file is in."""

    src_uris: frozenset[str]
    shards: tuple[tuple[str, ...], ...]  # per shard: the HTML files (dest_uris) it holds

    @classmethod
    def of(cls, pages, briefings_dir: str = "briefings", per_shard: int = SHARD_PAGES) -> Indexed:
        """``pages``: (src_uri, dest_uri, generated) of every page of the site."""
        chosen = [(src, dest) for src, dest, generated in pages
                  if indexable(src, generated=generated, briefings_dir=briefings_dir)]
        count = shard_count(len(chosen), per_shard)
        shards: list[list[str]] = [[] for _ in range(count)]
        for _, dest in chosen:
            shards[shard_of(dest, count)].append(dest)
        return cls(frozenset(src for src, _ in chosen), tuple(tuple(sorted(s)) for s in shards))

    def shard_of(self, dest_uri: str) -> int:
        return shard_of(dest_uri, len(self.shards))

    def filled(self) -> list[int]:
        """The shards that hold a page (all of them on any but the smallest site); the
        first one when none does, so that an empty site's indexing says what is wrong."""
        return [k for k, pages in enumerate(self.shards) if pages] or [0]

    def bundles(self) -> list[str]:
        """The bundles the search box merges, the first one loaded first."""
        return [bundle_name(k) + "/" for k in self.filled()]


def mark(content: str, title: str) -> str:
    """A page's content inside the element Pagefind indexes, its title heading included.

    A page whose content has no ``<h1>`` gets its title as one here (escaped, as it
    is for the theme's templates), so the title is indexed with the text; the theme
    then adds none of its own."""
    heading = "" if "<h1" in content else f"<h1>{title}</h1>\n"
    return f"<div {BODY}>\n{heading}{content}\n</div>"


class IndexRun:
    """One build's search index: marks the indexed pages, and fingerprints what each
    shard's pages say as they are written, so a shard whose pages did not change reuses
    its previous bundle from the cache instead of running the indexer again."""

    def __init__(self, indexed: Indexed, cache_dir: Path | None):
        self.indexed = indexed
        self.cache_dir = cache_dir
        count = len(indexed.shards)
        self._digests = [hashlib.sha256(f"{CACHE_FORMAT}|{indexer_version()}|{count}|{k}".encode())
                         for k in range(count)]
        self.seen = 0  # indexed pages written by this build: all of them, unless it was dirty
        self.touched: set[int] = set()  # shards with a page written by this build

    def mark(self, src_uri: str, content: str, title: str) -> str:
        return mark(content, title) if src_uri in self.indexed.src_uris else content

    def page(self, src_uri: str, dest_uri: str, html: str) -> None:
        if src_uri in self.indexed.src_uris:
            self.seen += 1
            shard = self.indexed.shard_of(dest_uri)
            self.touched.add(shard)
            self._digests[shard].update(f"\0{dest_uri}\0".encode() + html.encode("utf-8"))

    def finish(self, site_dir: Path) -> IndexReport | None:
        """Index every shard of a full build, reusing the cached bundle of each unchanged one."""
        site_dir = Path(site_dir)
        fingerprints = [d.hexdigest() for d in self._digests]
        reports = []
        for shard in self.indexed.filled():
            fingerprint = fingerprints[shard]
            cached = self.cache_dir / "search" / fingerprint if self.cache_dir else None
            bundle = site_dir / bundle_name(shard)
            if cached and cached.is_dir():
                shutil.rmtree(bundle, ignore_errors=True)
                shutil.copytree(cached, bundle)
                reports.append(IndexReport(None, None, folder_bytes(bundle), reused=True))
                continue
            report = _index_shard(site_dir, self.indexed, shard)
            if report is None:
                return None
            reports.append(report)
            if cached:
                _store(bundle, cached)
        if self.cache_dir:
            _forget_others(self.cache_dir / "search", set(fingerprints))
        finish_site(site_dir, self.indexed)
        report = self._summary(reports)
        if self.cache_dir:
            text = json.dumps(asdict(report), indent=1)
            (self.cache_dir / REPORT_NAME).write_text(text + "\n", encoding="utf-8")
        return report

    def _summary(self, reports: list[IndexReport]) -> IndexReport:
        size = sum(r.bundle_bytes for r in reports)
        if all(r.reused for r in reports):
            log.info("newsbrief: search index unchanged; reused it from the cache")
            try:  # the figures of the run that made it, when they were kept
                last = json.loads((self.cache_dir / REPORT_NAME).read_text(encoding="utf-8"))
                return IndexReport(last["pages"], last["seconds"], size, reused=True)
            except (OSError, ValueError, KeyError, TypeError):
                return IndexReport(None, None, size, reused=True)
        made = [r for r in reports if not r.reused]
        report = IndexReport(len(self.indexed.src_uris), sum(r.seconds or 0 for r in made), size)
        log.info("newsbrief: search index of %d page(s) in %.1f s (%d of %d shard(s) made), "
                 "%.1f MB", report.pages, report.seconds, len(made), len(reports), size / 1e6)
        return report


def _index_shard(site_dir: Path, indexed: Indexed, shard: int) -> IndexReport | None:
    """One shard's bundle, made in place; on failure a warning and None."""
    try:
        return build_index(site_dir, indexed.shards[shard], bundle_name(shard))
    except SearchError as error:
        log.warning("%s", error)
        return None


def index_site(site_dir: Path, indexed: Indexed | None = None) -> IndexReport | None:
    """Index every shard of the built site in ``site_dir`` anew (every HTML file, when
    ``indexed`` is not given); on failure log a warning and return None."""
    site_dir = Path(site_dir)
    if indexed is None:
        pages = [(p.relative_to(site_dir).as_posix(), p.relative_to(site_dir).as_posix(), False)
                 for p in sorted(site_dir.rglob("*.html"))] if site_dir.is_dir() else []
        indexed = Indexed.of(pages)
    reports = []
    for shard in indexed.filled():
        report = _index_shard(site_dir, indexed, shard)
        if report is None:
            return None
        reports.append(report)
    finish_site(site_dir, indexed)
    report = IndexReport(sum(r.pages or 0 for r in reports), sum(r.seconds or 0 for r in reports),
                         sum(r.bundle_bytes for r in reports))
    log.info("newsbrief: search index of %d page(s) in %.1f s, %.1f MB",
             report.pages, report.seconds, report.bundle_bytes / 1e6)
    return report


def finish_site(site_dir: Path, indexed: Indexed) -> None:
    """List the shards' bundles for the search box, remove those of shards that are no
    more, and what the theme ships but the site never loads."""
    listed = indexed.bundles()
    write_if_changed(Path(site_dir) / SHARDS_FILE, (json.dumps(listed) + "\n").encode())
    for bundle in Path(site_dir).glob(f"{BUNDLE_DIR}-*"):
        if bundle.is_dir() and bundle.name + "/" not in listed and bundle.name[-1].isdigit():
            shutil.rmtree(bundle, ignore_errors=True)
    for rel in UNUSED_IN_SITE:
        shutil.rmtree(Path(site_dir) / rel, ignore_errors=True)


def _store(bundle: Path, cached: Path) -> None:
    """Keep a shard's bundle in the cache (a temporary name, then a rename)."""
    temporary = cached.with_name(cached.name + ".tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    shutil.copytree(bundle, temporary)
    temporary.rename(cached)


def _forget_others(folder: Path, kept: set[str]) -> None:
    for old in folder.glob("*") if folder.is_dir() else ():
        if old.name not in kept:
            shutil.rmtree(old, ignore_errors=True)
