"""The editors' preview (``mkdocs serve``): what lasts from one rebuild to the next.

MkDocs loads the hook afresh for every rebuild, so what a rebuild needs from
the one before lives here, in the package, for the life of the process:

- whether this process serves a preview (MkDocs says so once, at start-up);
- the last build's ``Site``, whose links, lists and pages the next one reuses
  where their inputs are equal;
- the files the last build wrote, so a ``--dirty`` build removes the pages that
  are gone (MkDocs cleans the site folder only in a clean build);
- which of newsbrief's pages a rebuild hands MkDocs (``pages_to_hand``);
- the search indexer, run in the background after a rebuild for the shards it
  changed (``preview_index``): the page is served at once;
- the watcher of seeds, briefings and vocabularies (``Watcher``);
- the memory a rebuild freed, given back to the system (``release_memory``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import search
from .fsutil import remove_empty_parents
from .messages import log
from .pagesources import linked_pages
from .preview_index import BackgroundIndex

TRIM_AFTER = 1.0  # seconds after a preview build ends: by then MkDocs has dropped its pages


@dataclass
class Session:
    serving: bool = False
    dirty: bool = False
    outputs: dict[str, frozenset[str]] = field(default_factory=dict)  # site folder -> files
    indexer: BackgroundIndex | None = None
    watcher: Watcher | None = None
    site: object = None  # the last build's newsbrief.site.Site, while serving
    # site folder -> newsbrief's pages (src_uri -> dest_uri) as of its last finished build
    handed: dict[str, dict[str, str]] = field(default_factory=dict)
    pending: dict[str, set[str]] = field(default_factory=dict)  # sources moved since then
    _trim: threading.Timer | None = None

    def start(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        self.site = None
        self.handed.clear()
        self.pending.clear()

    def watch(self, paths: list[Path], trigger: Path) -> bool:
        """Watch the preview's inputs by the system's change events, once per process;
        False if they must be polled instead."""
        if self.watcher is None:
            watcher = Watcher(trigger)
            if not watcher.start(paths):
                return False
            self.watcher = watcher
        return True

    def unwatch(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    def pages_to_hand(self, site_dir: Path, texts: dict[str, str], changed,
                      needed: set[str]) -> set[str] | None:
        """Which of newsbrief's pages (``texts``: src_uri -> final source) this build
        hands MkDocs; None: all of them.

        A ``--dirty`` build renders only pages whose source is newer than their HTML,
        but MkDocs still makes a File and a Page for every page it is handed, checks
        its times and walks it for the nav: at thousands of pages, most of a rebuild.
        So a preview rebuild hands it the pages whose source moved since the last
        finished build (``changed``, and any new page), the pages those link to, and
        ``needed`` (the nav's pages, those hand-written pages link to): all MkDocs
        reads to render them as a full build would. Every other page's HTML is
        already in the site folder."""
        key = _key(site_dir)
        pending = self.pending.setdefault(key, set())
        pending.update(changed)
        last = self.handed.get(key)
        if not (self.serving and self.dirty) or last is None:
            return None
        rendered = {u for u in texts if u in pending or u not in last}
        for uri in rendered:
            needed.update(target for target, _ in linked_pages(uri, texts[uri], texts))
        return rendered | (needed & texts.keys())

    def last_outputs(self, site_dir: Path) -> dict[str, str]:
        """newsbrief's pages and their HTML files, as of the last finished build there."""
        return self.handed.get(_key(site_dir), {})

    def finished(self, site_dir: Path, outputs: dict[str, str]) -> None:
        """A build in ``site_dir`` is done: ``outputs`` are newsbrief's pages and their HTML.
        While serving, the memory it freed is given back once MkDocs has let go of its
        pages, shortly after the build returns (``release_memory``)."""
        key = _key(site_dir)
        self.handed[key] = outputs
        self.pending[key] = set()
        if self.serving:
            if self._trim is not None:
                self._trim.cancel()
            self._trim = threading.Timer(TRIM_AFTER, release_memory)
            self._trim.daemon = True
            self._trim.start()

    def remove_vanished(self, site_dir: Path, dest_uris: frozenset[str]) -> list[str]:
        """Delete what the last build in ``site_dir`` wrote and this one did not."""
        key = _key(site_dir)
        gone = sorted(self.outputs.get(key, frozenset()) - dest_uris)
        self.outputs[key] = dest_uris
        for rel in gone:
            path = Path(site_dir) / rel
            path.unlink(missing_ok=True)
            remove_empty_parents(path.parent, Path(site_dir))
        return gone

    def indexing(self, site_dir: Path) -> set[int]:
        """The search shards of ``site_dir`` the background indexer has yet to finish."""
        return self.indexer.busy(Path(site_dir)) if self.indexer else set()

    def index_later(self, site_dir: Path, indexed: search.Indexed, shards: set[int]) -> None:
        if self.indexer is None:
            self.indexer = BackgroundIndex()
        self.indexer.request(Path(site_dir), indexed, shards)


class Watcher:
    """Tells ``mkdocs serve`` that a seed, briefing or vocabulary changed, by touching one
    small file that it watches (``trigger``).

    MkDocs watches what it is given by polling: every half second it lists and stats every
    file under each watched folder, in the server's own process. At 10,000 briefings that
    is 20,000 ``stat`` calls twice a second, competing with the rebuild it triggers. This
    watcher takes the operating system's change events (inotify on Linux) instead, so
    MkDocs polls one file. Where no such events exist it is not used (``start``)."""

    def __init__(self, trigger: Path):
        self.trigger = trigger
        self._observer = None
        self._watched: set[str] = set()
        self._changes: frozenset[str] = frozenset()

    def start(self, paths: list[Path]) -> bool:
        """Watch ``paths`` (folders, recursively, and files); False if it cannot."""
        try:
            from watchdog import events
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
            from watchdog.observers.polling import PollingObserver
        except ImportError:
            return False
        if Observer is PollingObserver:  # no change events here: polling is MkDocs' own job
            return False
        # what writes a file; "closed" is closed after writing (opened, read: not changes)
        self._changes = frozenset({events.EVENT_TYPE_CREATED, events.EVENT_TYPE_MODIFIED,
                                   events.EVENT_TYPE_DELETED, events.EVENT_TYPE_MOVED,
                                   events.EVENT_TYPE_CLOSED})
        self.trigger.parent.mkdir(parents=True, exist_ok=True)
        self.trigger.touch()
        handler = FileSystemEventHandler()
        handler.on_any_event = self._changed
        observer = Observer()
        try:
            for path in paths:
                if path.is_dir():
                    observer.schedule(handler, str(path), recursive=True)
                    self._watched.add(str(path))
                elif path.parent.is_dir():
                    observer.schedule(handler, str(path.parent), recursive=False)
                    self._watched.add(str(path))
            observer.start()
        except OSError as error:  # e.g. the system's limit of watches is reached
            log.info("newsbrief: watching by polling instead (%s)", error)
            observer.stop()
            return False
        self._observer = observer
        return True

    def _changed(self, event) -> None:
        if event.is_directory or event.event_type not in self._changes:
            return  # reading a file is an event too: the rebuild's own reads are not changes
        # a file moved in from elsewhere (an editor's atomic save) counts by where it went
        paths = [os.fsdecode(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if not any(p == w or p.startswith(w + os.sep) for p in paths for w in self._watched):
            return  # a sibling of a watched file (the vocabularies' folder is the project's)
        try:
            os.utime(self.trigger)
        except FileNotFoundError:  # .cache/ was cleaned while serving
            self.trigger.parent.mkdir(parents=True, exist_ok=True)
            self.trigger.touch()

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer = None


def release_memory() -> bool:
    """Give back to the system the memory a build freed: MkDocs holds every page it is
    handed in memory until the build ends, and glibc keeps what Python frees for reuse,
    so a server whose first build rendered 10,000 pages stays at about 1 GB without this
    (600 MB with it). A few milliseconds after a save. False where there is no glibc."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)  # no gc.collect(): a full collection of a large heap holds the next rebuild up
    return True


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's ``malloc_trim``, looked up once (``find_library`` runs a program)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # another C library (musl): nothing to call
        return None


def nav_uris(nav) -> set[str]:
    """The pages a configured nav names (MkDocs' ``nav``: lists, dicts and paths)."""
    if isinstance(nav, str):
        return set() if "://" in nav else {nav}
    items = nav.values() if isinstance(nav, dict) else (nav or ())
    return set().union(*map(nav_uris, items))


def _key(site_dir: Path) -> str:
    return str(Path(site_dir).resolve())


SESSION = Session()
