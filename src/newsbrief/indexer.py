"""The Pagefind indexer: one run of its binary over a chosen set of built pages.

Pagefind reads a folder of HTML. To index only some pages of a site (one shard
of its index, see ``search``), their files are hard-linked into a scratch
folder inside the site folder (copied where links cannot be made), Pagefind
reads that folder and writes its bundle into the site, and the scratch folder
goes. The binary runs as a child process, so its memory is given back the
moment it ends. Nothing here imports MkDocs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

FIX_INSTALL = ("run `make site`, or `pip install -r requirements/site.txt`, "
               "which installs pagefind[bin]")
# Inside an indexed page, what is not the page's own text: Python-Markdown's
# permalink signs and callout labels ("Summary").
IGNORED = (".headerlink", ".admonition-title")
# Shipped by Pagefind in every bundle but never loaded here: its ready-made UIs
# (the header box has its own).
UNUSED = tuple(f"pagefind-{name}" for name in (
    "ui.js", "ui.css", "component-ui.js", "component-ui.css", "modular-ui.js", "modular-ui.css",
    "highlight.js"))


@dataclass(frozen=True)
class IndexReport:
    pages: int | None  # None: reused, and no figures were kept from the run that made it
    seconds: float | None
    bundle_bytes: int  # what the index adds to the site
    reused: bool = False  # taken from the cache: no indexed page changed


class SearchError(RuntimeError):
    """The index could not be built; the message says why and how to fix it."""


def build_index(site_dir: Path, dest_uris, bundle: str, *, background: bool = False) -> IndexReport:
    """Index the pages ``dest_uris`` (HTML files under ``site_dir``) into the folder
    ``bundle`` of the site, and drop what the site never loads. The preview indexes in
    the ``background``, at the lowest CPU priority, so that it never slows the next page."""
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise SearchError(f"{site_dir}: no built site to index (index.html is missing). "
                          "Fix: build the site first, then index it")
    binary = str(executable())
    scratch = site_dir / f".{bundle}.pages"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        linked = _link_pages(site_dir, dest_uris, scratch)
        args = [binary, "--site", str(scratch), "--output-path", str(site_dir / bundle)]
        for selector in IGNORED:
            args += ["--exclude-selectors", selector]
        if background and shutil.which("nice"):
            args = ["nice", "-n", "19", *args]
        started = time.perf_counter()
        try:
            process = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        except OSError as error:
            raise SearchError(f"{binary}: the Pagefind indexer could not start "
                              f"({error.strerror}); the site has no search index. "
                              f"Fix: {FIX_INSTALL}") from None
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    output = process.stdout.decode("utf-8", "replace")
    if process.returncode != 0:
        tail = " | ".join(output.strip().splitlines()[-5:])
        raise SearchError(f"{site_dir}: the Pagefind indexer failed (exit {process.returncode}: "
                          f"{tail}); the site has no search index. Fix: check that the build "
                          f"wrote HTML pages there, and that {FIX_INSTALL}")
    pages = re.findall(r"Indexed (\d+) pages?", output)
    prune(site_dir / bundle)
    return IndexReport(int(pages[-1]) if pages and linked else linked, seconds,
                       folder_bytes(site_dir / bundle))


def _link_pages(site_dir: Path, dest_uris, scratch: Path) -> int:
    """The pages' files under ``scratch``, at the same paths as in the site."""
    count = 0
    for dest in dest_uris:
        source = site_dir / dest
        if not source.is_file():
            continue
        target = scratch / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:  # another file system, or links not allowed: a copy reads the same
            shutil.copyfile(source, target)
        count += 1
    return count


def prune(bundle_dir: Path) -> None:
    """Remove the files a bundle ships but the site never loads (``UNUSED``)."""
    for name in UNUSED:
        (Path(bundle_dir) / name).unlink(missing_ok=True)


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


def indexer_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind-bin")
    except PackageNotFoundError:
        return "unknown"


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())
