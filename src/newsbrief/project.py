"""Where a newsbrief project keeps things, resolved once from its root.

``seeds/``, ``briefings/`` and ``.cache/`` sit at the root; the folders of
hand-written pages and of the built site are MkDocs' ``docs_dir`` and
``site_dir``, which the hook and ``newsbrief export`` read from its config.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .fsutil import StatMemo, relative

SEED_SUFFIX = ".txt"


@dataclass(frozen=True)
class Project:
    root: Path
    seeds_dir: Path
    briefings_dir: Path
    docs_dir: Path
    site_dir: Path
    cache_dir: Path

    @classmethod
    def at(cls, root: Path | str, docs_dir: Path | str = "docs",
           site_dir: Path | str = "site") -> Project:
        """The project in ``root``; ``docs_dir`` and ``site_dir`` relative to it, or absolute."""
        root = Path(root).resolve()
        return cls(root, root / "seeds", root / "briefings", (root / docs_dir).resolve(),
                   (root / site_dir).resolve(), root / ".cache")

    @property
    def lock_path(self) -> Path:
        return self.cache_dir / "build.lock"

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def seed_files(self) -> tuple[list[Path], list[Path]]:
        """(seeds, other files) in ``seeds/``, sorted; hidden files are not listed."""
        if not self.seeds_dir.is_dir():
            return [], []
        seeds, others = _SEEDS(self.seeds_dir)
        return list(seeds), list(others)

    def briefing_files(self) -> list[Path]:
        if not self.briefings_dir.is_dir():
            return []
        return list(_BRIEFINGS(self.briefings_dir))


def _names(folder: str, wanted) -> list[str]:
    with os.scandir(folder) as entries:  # no stat per file: the listing says
        return sorted(e.name for e in entries if not e.name.startswith(".") and wanted(e))


def _list_seeds(folder: str) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """(seeds, other files) of a seeds folder."""
    files = [_path(folder, name) for name in _names(folder, lambda e: e.is_file())]
    return (tuple(p for p in files if p.suffix == SEED_SUFFIX),
            tuple(p for p in files if p.suffix != SEED_SUFFIX))


def _list_briefings(folder: str) -> tuple[Path, ...]:
    return tuple(_path(folder, name) for name in _names(folder, lambda e: e.name.endswith(".md")))


@lru_cache(maxsize=1 << 16)
def _path(folder: str, name: str) -> Path:
    """A listed file's path: a preview lists a folder again when one file in it changes,
    and making thousands of ``Path`` objects again is most of that."""
    return Path(folder, name)


# A folder's listing changes its times: a preview lists it again only then.
_SEEDS = StatMemo(_list_seeds)
_BRIEFINGS = StatMemo(_list_briefings)
