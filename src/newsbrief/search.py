"""Site search: a Pagefind index of the built site, written after the build.

Pagefind splits the index into small chunks that the reader's browser fetches
on demand, so the first answer takes about as long with 10,000 briefings as
with ten (Material's built-in search downloads the whole index first). The
index holds the pages readers look for: briefings and hand-written pages.
Generated list pages (home, people, topics, timeline...) stay out of it, or
every name would find a list before the briefing.

The hook calls, in build order: ``IndexRun`` once the site's files are known
(``on_nav``), ``IndexRun.mark`` for each page's content (``on_page_content``:
an indexed page's content goes inside newsbrief's own ``data-pagefind-body``
element, so nothing depends on the theme's markup), ``IndexRun.page`` for each
page written (``on_post_page``) and ``IndexRun.finish`` at the end
(``on_post_build``), which runs the Pagefind binary over the finished site, or
reuses the last index when no indexed page changed. Lists of other briefings
inside a page carry ``data-pagefind-ignore`` from the start (``blocks``).
Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .messages import log

BUNDLE_DIR = "pagefind"
CACHE_FORMAT = 2
HOME_URI = "index.md"
REPORT_NAME = "search-index.json"  # in the cache folder: the last index's figures
BODY = "data-pagefind-body"  # Pagefind indexes only what is inside an element with it
# Inside an indexed page, what is not the page's own text: Python-Markdown's
# permalink signs and callout labels ("Summary").
IGNORED = (".headerlink", ".admonition-title")
FIX_INSTALL = ("run `make site`, or `pip install -r requirements/site.txt`, "
               "which installs pagefind[bin]")


@dataclass(frozen=True)
class IndexReport:
    pages: int | None  # None: reused, and no figures were kept from the run that made it
    seconds: float | None
    bundle_bytes: int  # what pagefind/ adds to the site
    reused: bool = False  # taken from the cache: no indexed page changed


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


def mark(content: str, title: str) -> str:
    """A page's content inside the element Pagefind indexes, its title heading included.

    A page whose content has no ``<h1>`` gets its title as one here (escaped, as it
    is for the theme's templates), so the title is indexed with the text; the theme
    then adds none of its own."""
    heading = "" if "<h1" in content else f"<h1>{title}</h1>\n"
    return f"<div {BODY}>\n{heading}{content}\n</div>"


class IndexRun:
    """One build's search index: marks the indexed pages, and fingerprints what they
    say as they are written, so a build whose indexed pages did not change reuses the
    previous index from the cache instead of running the indexer again."""

    def __init__(self, indexed: Indexed, cache_dir: Path | None):
        self.indexed = indexed
        self.cache_dir = cache_dir
        self._digest = hashlib.sha256(
            f"{CACHE_FORMAT}|{_indexer_version()}|{indexed.glob}".encode())
        self.seen = 0  # indexed pages written by this build: all of them, unless it was dirty

    def mark(self, src_uri: str, content: str, title: str) -> str:
        return mark(content, title) if src_uri in self.indexed.src_uris else content

    def page(self, src_uri: str, dest_uri: str, html: str) -> None:
        if src_uri in self.indexed.src_uris:
            self.seen += 1
            self._digest.update(f"\0{dest_uri}\0".encode() + html.encode("utf-8"))

    def finish(self, site_dir: Path) -> IndexReport | None:
        fingerprint = self._digest.hexdigest()
        cached = self.cache_dir / "search" / fingerprint if self.cache_dir else None
        if cached and cached.is_dir():
            shutil.copytree(cached, Path(site_dir) / BUNDLE_DIR, dirs_exist_ok=True)
            prune(site_dir)
            log.info("newsbrief: search index unchanged; reused it from %s", cached)
            report = self._reused(site_dir)
        else:
            report = index_site(site_dir, self.indexed.glob)
            if report and cached:
                _store(Path(site_dir) / BUNDLE_DIR, cached)
        if report and self.cache_dir:
            text = json.dumps(asdict(report), indent=1)
            (self.cache_dir / REPORT_NAME).write_text(text + "\n", encoding="utf-8")
        return report

    def _reused(self, site_dir: Path) -> IndexReport:
        """The figures of the run that made the reused index, when they were kept."""
        bundle_bytes = folder_bytes(Path(site_dir) / BUNDLE_DIR)
        try:
            last = json.loads((self.cache_dir / REPORT_NAME).read_text(encoding="utf-8"))
            return IndexReport(last["pages"], last["seconds"], bundle_bytes, reused=True)
        except (OSError, ValueError, KeyError, TypeError):
            return IndexReport(None, None, bundle_bytes, reused=True)


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


# Shipped by the theme or the indexer but never loaded here: Material's own search
# engine (its plugin is off) and Pagefind's ready-made UIs (the header box has its own).
UNUSED = ("assets/javascripts/lunr", *(f"{BUNDLE_DIR}/pagefind-{name}" for name in (
    "ui.js", "ui.css", "component-ui.js", "component-ui.css", "modular-ui.js", "modular-ui.css",
    "highlight.js")))


def index_site(site_dir: Path, glob: str | None = None) -> IndexReport | None:
    """Index the built site in ``site_dir``; on failure log a warning and return None."""
    try:
        report = build_index(site_dir, glob)
    except SearchError as error:
        log.warning("%s", error)
        return None
    log.info("newsbrief: search index of %d page(s) in %.1f s, %.1f MB",
             report.pages, report.seconds, report.bundle_bytes / 1e6)
    return report


def prune(site_dir: Path, bundle: str = BUNDLE_DIR) -> None:
    """Remove the files the site ships but never loads (``UNUSED``)."""
    for rel in UNUSED:
        path = Path(site_dir) / rel.replace(BUNDLE_DIR, bundle, 1)
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def build_index(site_dir: Path, glob: str | None = None,
                bundle: str = BUNDLE_DIR, *, background: bool = False) -> IndexReport:
    """Run Pagefind over the built site (only ``glob`` when given) and drop what it never
    loads. The index goes to ``bundle`` in the site: the preview indexes beside the live one,
    in the ``background``, at the lowest CPU priority so that it never slows the next page."""
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise SearchError(f"{site_dir}: no built site to index (index.html is missing). "
                          "Fix: build the site first, then index it")
    binary = str(executable())
    args = [binary, "--site", str(site_dir), "--output-subdir", bundle]
    for selector in IGNORED:
        args += ["--exclude-selectors", selector]
    if glob:
        args += ["--glob", glob]
    if background and shutil.which("nice"):
        args = ["nice", "-n", "19", *args]
    started = time.perf_counter()
    try:
        process = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL)
    except OSError as error:
        raise SearchError(f"{binary}: the Pagefind indexer could not start ({error.strerror}); "
                          f"the site has no search index. Fix: {FIX_INSTALL}") from None
    seconds = time.perf_counter() - started
    output = process.stdout.decode("utf-8", "replace")
    if process.returncode != 0:
        tail = " | ".join(output.strip().splitlines()[-5:])
        raise SearchError(f"{site_dir}: the Pagefind indexer failed (exit {process.returncode}: "
                          f"{tail}); the site has no search index. Fix: check that the build "
                          f"wrote HTML pages there, and that {FIX_INSTALL}")
    pages = re.findall(r"Indexed (\d+) pages?", output)
    prune(site_dir, bundle)
    return IndexReport(int(pages[-1]) if pages else 0, seconds,
                       folder_bytes(site_dir / bundle))


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
