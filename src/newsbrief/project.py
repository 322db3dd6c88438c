"""Where a newsbrief project keeps things, resolved once from its root.

``seeds/``, ``briefings/`` and ``.cache/`` sit at the root; the folders of
hand-written pages and of the built site are MkDocs' ``docs_dir`` and
``site_dir``, which the hook and ``newsbrief export`` read from its config.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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
        seeds, others = _LIST(self.seeds_dir, "seeds")
        return list(seeds), list(others)

    def briefing_files(self) -> list[Path]:
        if not self.briefings_dir.is_dir():
            return []
        return list(_LIST(self.briefings_dir, "briefings")[0])


def _list(folder: str, what: str) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """(seeds, other files) of a seeds folder, or (briefings, ()) of a briefings folder."""
    with os.scandir(folder) as entries:  # no stat per file: the listing says
        if what == "seeds":
            names = sorted(e.name for e in entries if e.is_file() and not e.name.startswith("."))
        else:
            names = sorted(e.name for e in entries
                           if e.name.endswith(".md") and not e.name.startswith("."))
    base = Path(folder)
    files = [base / name for name in names]
    if what != "seeds":
        return tuple(files), ()
    return (tuple(p for p in files if p.suffix == SEED_SUFFIX),
            tuple(p for p in files if p.suffix != SEED_SUFFIX))


# A folder's listing changes its times: a preview lists it again only then.
_LIST = StatMemo(_list)
