"""Where a newsbrief project keeps things, resolved once from its root.

``seeds/``, ``briefings/`` and ``.cache/`` sit at the root; the folders of
hand-written pages and of the built site are MkDocs' ``docs_dir`` and
``site_dir``, which the hook and ``newsbrief export`` read from its config.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .fsutil import relative

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
        with os.scandir(self.seeds_dir) as entries:  # no stat per file: the listing says
            names = sorted(e.name for e in entries if e.is_file() and not e.name.startswith("."))
        files = [self.seeds_dir / name for name in names]
        return ([p for p in files if p.suffix == SEED_SUFFIX],
                [p for p in files if p.suffix != SEED_SUFFIX])

    def briefing_files(self) -> list[Path]:
        if not self.briefings_dir.is_dir():
            return []
        with os.scandir(self.briefings_dir) as entries:
            names = sorted(e.name for e in entries
                           if e.name.endswith(".md") and not e.name.startswith("."))
        return [self.briefings_dir / name for name in names]
