"""Each page's final Markdown as a file of its own, so a build re-renders only what changed.

MkDocs' ``--dirty`` mode (what ``make serve`` runs) renders a page again only
when its source file is newer than its HTML (``File.is_modified`` in
``mkdocs/structure/files.py``). A briefing's page depends on more than its
file: its related and backlink lists, its linked names. So every page newsbrief
makes or adds to is written here, under ``.cache/pages/``, as the whole text
MkDocs reads: front matter untouched, body with the build-time additions. A
file is rewritten only when its text changes (atomically), so its time moves
exactly when the page's output would; MkDocs then skips every other page.

What the theme puts on every page (the fixed nav, the config) is folded into a
stamp: when it changes, every file here is touched, so every page is built again.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections.abc import Container
from pathlib import Path

from .fsutil import StatMemo, atomic_write, remove_empty_parents

# MkDocs' own front matter pattern (``mkdocs/utils/meta.py``): the page's Markdown is
# what follows it, with leading newlines stripped.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
STAMP_NAME = ".stamp"
# What this process last wrote or found in each file: (hash of the text, time, size,
# the pages it links to). A
# preview compares a page's new text with it instead of reading the file back.
_WRITTEN: dict[str, tuple[int, int, int, tuple]] = {}
_KEPT: dict[Path, frozenset[str]] = {}  # per folder, the pages of the last build


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter block, Markdown) as MkDocs splits a page's source."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return "", text
    return text[: match.end()], text[match.end():].lstrip("\n")


def _read_source(path: str) -> str:
    with open(path, encoding="utf-8-sig", errors="strict") as handle:
        return handle.read()


# A page's source as MkDocs reads it (``Page.read_source``): UTF-8 without a BOM, universal
# newlines. A preview reads again only the files that changed since it last read them.
read_source = StatMemo(_read_source)


class PageSources:
    """The folder of final page sources, for one build: ``put`` each page, then ``finish``."""

    def __init__(self, folder: Path, stamp: str):
        self.folder = folder
        self._root = str(folder)
        self.stamp = stamp
        self._kept: set[str] = set()
        self.changed: set[str] = set()  # pages whose file's time moved: MkDocs renders them

    def put(self, src_uri: str, text: str, links: tuple = ()) -> str:
        """The file MkDocs reads for ``src_uri``; written only if its text changed.

        ``links``: the pages its Markdown links to, each with whether it exists (MkDocs
        turns a link to a page into its URL only if the page exists): when that
        changes, the file is touched so the page is rendered again."""
        path = os.path.join(self._root, src_uri)  # strings: a preview does this per page
        self._kept.add(src_uri)
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            stat = None
        known = _WRITTEN.get(path)
        if stat and known == (hash(text), stat.st_mtime_ns, stat.st_size, links):
            return path  # this process wrote this text there, and nobody touched it since
        data = text.encode("utf-8")
        if not (stat and stat.st_size == len(data) and Path(path).read_bytes() == data):
            atomic_write(Path(path), data)
            self.changed.add(src_uri)
        elif known is not None and known[3] != links:
            os.utime(path)  # same text, but a page it links to came or went
            self.changed.add(src_uri)
        stat = os.stat(path)
        _WRITTEN[path] = (hash(text), stat.st_mtime_ns, stat.st_size, links)
        return path

    def finish(self) -> None:
        """Remove the files of pages that are gone; touch every file if the stamp changed."""
        last = _KEPT.get(self.folder)
        if last is None:  # the first build in this process: look at what is there
            last = {Path(d, n).relative_to(self.folder).as_posix()
                    for d, _, names in os.walk(self.folder) for n in names}
            last.discard(STAMP_NAME)
        for rel in last - self._kept:
            path = self.folder / rel
            path.unlink(missing_ok=True)
            _WRITTEN.pop(str(path), None)
            remove_empty_parents(path.parent, self.folder)
        _KEPT[self.folder] = frozenset(self._kept)
        stamp_file = self.folder / STAMP_NAME
        try:
            old = stamp_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            old = None
        if old != self.stamp:
            if old is not None:  # what the theme puts on every page changed
                for rel in self._kept:
                    path = os.path.join(self._root, rel)
                    os.utime(path)
                    _WRITTEN.pop(path, None)
                self.changed.update(self._kept)
            atomic_write(stamp_file, self.stamp.encode("utf-8"))


_MD_LINK = re.compile(r"(?:\]\(\s*<?|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?)([^\s()<>#]+\.md)\b", re.M)


def linked_pages(src_uri: str, text: str, pages: Container[str]) -> tuple:
    """The pages ``text`` links to in Markdown, relative to ``src_uri``, each with
    whether it is one of ``pages``: MkDocs renders such a link differently if it is not."""
    if ".md" not in text:
        return ()
    folder = posixpath.dirname(src_uri)
    targets = {posixpath.normpath(t.lstrip("/") if t.startswith("/") else
                                  posixpath.join(folder, t)) for t in _MD_LINK.findall(text)}
    return tuple((t, t in pages) for t in sorted(targets))


def stamp(*parts: str | bytes) -> str:
    """A hash of what every page depends on besides its own source."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()
