"""The preview's search index: made again in the background after a rebuild, one
shard at a time, only for the shards whose pages the rebuild changed. The page is
served at once; each shard's new bundle replaces the old one when it is ready."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Set
from pathlib import Path

from . import search
from .indexer import build_index
from .messages import log

NEXT, OLD = ".next", ".old"  # a shard's bundle being made, and the one it replaces


class BackgroundIndex:
    """One indexer thread: shards asked for while it runs are made when it finishes."""

    def __init__(self):
        self._wanted: tuple[Path, search.Indexed, set[int]] | None = None
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._loop, name="newsbrief-search", daemon=True)
        self._thread.start()
        self.done = 0  # index updates swapped in, for whoever waits for one
        self._running = False
        self._making: tuple[Path, set[int]] | None = None  # the shards being made now

    def request(self, site_dir: Path, indexed: search.Indexed, shards: set[int]) -> None:
        with self._cond:
            if self._wanted is not None and self._wanted[0] == site_dir \
                    and len(self._wanted[1].shards) == len(indexed.shards):
                shards = shards | self._wanted[2]  # the newest page list, every shard asked for
            self._wanted = (site_dir, indexed, set(shards))
            self._cond.notify_all()

    def busy(self, site_dir: Path) -> set[int]:
        """The shards of ``site_dir`` asked for or being made: a missing bundle among them
        is on its way, and asking for it again would make it twice."""
        with self._cond:
            out: set[int] = set()
            for entry in (self._wanted, self._making):
                if entry is not None and entry[0] == site_dir:
                    out |= entry[-1]
            return out

    def wait(self, done: int, timeout: float) -> bool:
        """Wait until more than ``done`` index updates have been swapped in and none is
        wanted or being made."""
        with self._cond:
            return self._cond.wait_for(
                lambda: self.done > done and self._wanted is None and not self._running,
                timeout=timeout)

    def _loop(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._wanted is not None)
                site_dir, indexed, shards = self._wanted
                self._wanted, self._running = None, True
                self._making = (site_dir, shards)
            try:
                for shard in sorted(shards):
                    swap_in_shard(site_dir, indexed, shard)
            except (OSError, search.SearchError) as error:
                log.warning("newsbrief: the preview's search index was not updated: %s", error)
            with self._cond:
                self.done += 1
                self._running, self._making = False, None
                self._cond.notify_all()


def swap_in_shard(site_dir: Path, indexed: search.Indexed, shard: int) -> None:
    """Index one shard beside its live bundle, then put the new one in its place."""
    live = site_dir / search.bundle_name(shard)
    following, old = live.with_name(live.name + NEXT), live.with_name(live.name + OLD)
    shutil.rmtree(following, ignore_errors=True)
    report = build_index(site_dir, indexed.shards[shard], following.name, background=True)
    shutil.rmtree(old, ignore_errors=True)
    if live.exists():
        os.rename(live, old)
    os.rename(following, live)
    shutil.rmtree(old, ignore_errors=True)
    log.info("newsbrief: search index shard %d of %d (%d page(s)) updated in the background "
             "in %.1f s", shard + 1, len(indexed.shards), report.pages, report.seconds)


def shards_to_index(site_dir: Path, indexed: search.Indexed, touched: set[int],
                    gone: list[str], busy: Set[int] = frozenset()) -> set[int]:
    """The shards a preview rebuild changed: those of the pages it wrote or removed, and
    any whose bundle is missing and not ``busy`` being made already (every shard when the
    shards themselves changed)."""
    filled = set(indexed.filled())
    shards = (set(touched) | {indexed.shard_of(rel) for rel in gone}) & filled
    shards |= {k for k in filled - busy if not (site_dir / search.bundle_name(k)).is_dir()}
    try:
        listed = json.loads((site_dir / search.SHARDS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        listed = None
    return shards if listed == indexed.bundles() else filled
