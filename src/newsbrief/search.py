"""Site search: a Pagefind index of the built site, written after the build.

Pagefind splits the index into small chunks that the reader's browser fetches
on demand, so the first answer takes about as long with 10,000 briefings as
with ten (Material's built-in search downloads the whole index first). The
index holds the pages readers look for: briefings and hand-written pages.
Generated list pages (home, people, topics, timeline...) stay out of it, or
every name would find a list before the briefing.

Which pages are indexed is decided per page while the site is written
(``indexable`` and ``mark``, called from the hook); ``index_site`` then runs
the Pagefind binary over the finished site. Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .messages import log

BUNDLE_DIR = "pagefind"
CACHE_FORMAT = 1
HOME_URI = "index.md"
# Material's content element; Pagefind indexes only pages that carry the marker.
CONTENT_TAG = re.compile(r'<article class="md-content__inner md-typeset"')
MARKER = " data-pagefind-body"
# Inside an indexed page, what is not the page's own text: permalink signs,
# callout labels ("Summary"), and the lists of other briefings (their titles
# would find this page too).
IGNORED = (".headerlink", ".admonition-title")
OTHER_BRIEFINGS = re.compile(
    r'(<h2 id="(?:related-briefings|also-mentioning-these-people)")([^>]*>.*?</h2>\s*<ul)', re.S)
IGNORE = ' data-pagefind-ignore="all"'
FIX_INSTALL = ("run `make site`, or `pip install -r requirements/site.txt`, "
               "which installs pagefind[bin]")


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float
    peak_rss_bytes: int  # the indexer's own peak memory
    bundle_bytes: int  # what pagefind/ adds to the site


class SearchError(RuntimeError):
    """The index could not be built; the message says why and how to fix it."""


def indexable(src_uri: str, *, generated: bool, briefings_dir: str = "briefings") -> bool:
    """Briefings and hand-written pages are searched; generated list pages and home are not."""
    if src_uri.startswith(briefings_dir.rstrip("/") + "/"):
        return True
    return not generated and src_uri != HOME_URI


@dataclass(frozen=True)
class Indexed:
    """The pages of one build that go into the index, and a glob for the files holding them."""

    src_uris: frozenset[str]
    glob: str | None  # None: let Pagefind read every HTML file

    @classmethod
    def of(cls, pages, briefings_dir: str = "briefings") -> Indexed:
        """``pages``: (src_uri, dest_uri, generated) of every page of the site."""
        chosen = [(src, dest) for src, dest, generated in pages
                  if indexable(src, generated=generated, briefings_dir=briefings_dir)]
        return cls(frozenset(src for src, _ in chosen), _glob(dest for _, dest in chosen))


def _glob(dest_uris) -> str | None:
    """Pagefind reads only the folders (or files) that hold indexed pages: generated lists
    are most of the site's HTML, and reading them costs time and memory for nothing."""
    heads = {(d.split("/", 1)[0], "/" in d) for d in dest_uris}
    if not heads or len(heads) > 50 or any(c in h for h, _ in heads for c in "{}[],?*\\"):
        return None
    patterns = sorted(f"{head}/**/*.html" if folder else head for head, folder in heads)
    return patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"


class IndexRun:
    """One build's search index: marks the indexed pages as they are written, and
    fingerprints what they say, so a build whose indexed pages did not change reuses
    the previous index from the cache instead of running the indexer again."""

    def __init__(self, indexed: Indexed, cache_dir: Path | None):
        self.indexed = indexed
        self.cache_dir = cache_dir / "search" if cache_dir else None
        self._digest = hashlib.sha256(
            f"{CACHE_FORMAT}|{_indexer_version()}|{indexed.glob}".encode())

    def page(self, src_uri: str, dest_uri: str, html: str) -> str:
        if src_uri not in self.indexed.src_uris:
            return html
        marked = mark(html)
        self._digest.update(f"\0{dest_uri}\0".encode() + marked.encode("utf-8"))
        return marked

    def finish(self, site_dir: Path) -> IndexReport | None:
        fingerprint = self._digest.hexdigest()
        cached = self.cache_dir / fingerprint if self.cache_dir else None
        if cached and cached.is_dir():
            shutil.copytree(cached, Path(site_dir) / BUNDLE_DIR, dirs_exist_ok=True)
            prune(site_dir)
            log.info("newsbrief: search index unchanged; reused it from %s", cached)
            return None
        report = index_site(site_dir, self.indexed.glob)
        if report and cached:
            _store(Path(site_dir) / BUNDLE_DIR, cached)
        return report


def _store(bundle: Path, cached: Path) -> None:
    """Keep this index as the only cached one (a temporary name, then a rename)."""
    for old in cached.parent.glob("*") if cached.parent.is_dir() else ():
        shutil.rmtree(old, ignore_errors=True)
    temporary = cached.with_name(cached.name + ".tmp")
    shutil.copytree(bundle, temporary)
    temporary.rename(cached)


def _indexer_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind-bin")
    except PackageNotFoundError:
        return "unknown"


def mark(html: str) -> str:
    """The page's HTML with its content marked for the index (unchanged if not found)."""
    match = CONTENT_TAG.search(html)
    if match is None:
        return html
    html = html[: match.end()] + MARKER + html[match.end():]
    return OTHER_BRIEFINGS.sub(lambda m: m[1] + IGNORE + m[2] + IGNORE, html)


# Shipped by the theme or the indexer but never loaded here: Material's own search
# engine (its plugin is off) and Pagefind's ready-made UIs (the header box has its own).
UNUSED = ("assets/javascripts/lunr", *(f"{BUNDLE_DIR}/pagefind-{name}" for name in (
    "ui.js", "ui.css", "component-ui.js", "component-ui.css", "modular-ui.js", "modular-ui.css",
    "highlight.js")))


def index_site(site_dir: Path, glob: str | None = None) -> IndexReport | None:
    """Index the built site in ``site_dir``; on failure log a warning and return None."""
    try:
        report = build_index(site_dir, glob)
        prune(site_dir)
    except SearchError as error:
        log.warning("%s", error)
        return None
    log.info("newsbrief: search index of %d page(s) in %.1f s, %.1f MB (indexer peak memory %d MB)",
             report.pages, report.seconds, report.bundle_bytes / 1e6,
             report.peak_rss_bytes // 2**20)
    return report


def prune(site_dir: Path) -> None:
    """Remove the files the site ships but never loads (``UNUSED``)."""
    for rel in UNUSED:
        path = Path(site_dir) / rel
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def build_index(site_dir: Path, glob: str | None = None) -> IndexReport:
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise SearchError(f"{site_dir}: no built site to index (index.html is missing). "
                          "Fix: build the site first, then index it")
    args = [str(executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR]
    for selector in IGNORED:
        args += ["--exclude-selectors", selector]
    if glob:
        args += ["--glob", glob]
    started = time.perf_counter()
    try:
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    except OSError as error:
        raise SearchError(f"{args[0]}: the Pagefind indexer could not start ({error.strerror}); "
                          f"the site has no search index. Fix: {FIX_INSTALL}") from None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        tail = " | ".join(output.strip().splitlines()[-5:])
        raise SearchError(f"{site_dir}: the Pagefind indexer failed (exit {process.returncode}: "
                          f"{tail}); the site has no search index. Fix: check that the build "
                          f"wrote HTML pages there, and that {FIX_INSTALL}")
    pages = re.findall(r"Indexed (\d+) pages?", output)
    return IndexReport(int(pages[-1]) if pages else 0, seconds, usage.ru_maxrss * 1024,
                       folder_bytes(site_dir / BUNDLE_DIR))


def executable() -> Path:
    """The Pagefind binary shipped by pagefind[bin] (or PAGEFIND_BINARY_PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise SearchError(f"the pagefind package is not installed, so the site has no search "
                          f"index. Fix: {FIX_INSTALL}") from None
    found = get_executable()
    if found is None or not Path(found).is_file():
        raise SearchError(f"the Pagefind binary was not found (looked for the pagefind_bin package "
                          f"and PAGEFIND_BINARY_PATH), so the site has no search index. "
                          f"Fix: {FIX_INSTALL}")
    return Path(found)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
