"""Editors' commands on top of the pipeline: status, check, diff and regenerate.

Nothing here decides differently from the build: states come from
``briefing_file`` and ``sync``'s decisions, rules from ``validate`` and ``read``,
the would-be briefing from ``pipeline.render_articles``. ``regenerate`` is the only write, and it
keeps a copy of the replaced file under ``.cache/backups/`` first.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .briefing_file import BriefingFile, read_briefing
from . import sync
from .catalog import load_catalog
from .fsutil import atomic_write, build_lock
from .messages import NewsbriefError
from .model import Problem
from .pipeline import read_seeds, render_articles
from .project import SEED_SUFFIX, Project
from .read import SeedError, load_seed, parse_seed

Status = Literal["generated", "edited", "edited-seed-changed", "orphaned", "hand-written", "broken"]
STATUSES: tuple[Status, ...] = ("generated", "edited", "edited-seed-changed", "orphaned",
                                "hand-written", "broken")


class EditorError(NewsbriefError):
    """A command that cannot run on this briefing; carries what and how to fix."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class BriefingStatus:
    rel: str
    status: Status
    note: str


@dataclass(frozen=True)
class Regenerated:
    rel: str
    source: str
    backup: str | None  # project-relative path of the saved copy; None when nothing changed


# --- status -----------------------------------------------------------------

def status(project: Project) -> tuple[list[BriefingStatus], list[str]]:
    """Every briefing with its state, and the seeds that have no briefing yet."""
    seeds = {project.rel(p): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in project.seed_files()[0]}
    files = [read_briefing(p, project.root) for p in project.briefing_files()]
    claimed = {f.source for f in files}
    seeds_dir = project.rel(project.seeds_dir)
    return ([_status(f, seeds, seeds_dir) for f in files],
            [rel for rel in seeds if rel not in claimed])


def _status(file: BriefingFile, seeds: dict[str, str], seeds_dir: str) -> BriefingStatus:
    """The file's state, with what the build decides for it (``sync``) where that matters."""
    source = file.source
    if file.state == "broken":
        return BriefingStatus(file.rel, "broken", f"{file.problems[0]}")
    if sync.is_orphan(file, seeds_dir, seeds):
        return BriefingStatus(file.rel, "orphaned", f"seed {source} is gone; kept and published")
    if file.state == "hand-written":
        return BriefingStatus(file.rel, "hand-written", "no machine block; never rewritten")
    decision = sync.decide(seeds[source], file) if source in seeds else "current"
    if decision == "seed-changed-under-edit":
        return BriefingStatus(file.rel, "edited-seed-changed",
                              f"seed {source} changed; review with `newsbrief diff {file.rel}`")
    if file.state == "edited":
        return BriefingStatus(file.rel, "edited", "edited by hand; never rewritten")
    note = ("seed changed; the next build regenerates it" if decision == "regenerate"
            else "as generated")
    return BriefingStatus(file.rel, "generated", note)


# --- check ------------------------------------------------------------------

def check(project: Project) -> list[Problem]:
    """Every front matter problem in ``briefings/``, and every seed the build refuses or repairs."""
    problems = [p for path in project.briefing_files()
                for p in read_briefing(path, project.root).problems]
    return problems + read_seeds(project)[1]


# --- diff and regenerate ----------------------------------------------------

def resolve(project: Project, name: str | Path) -> str:
    """A briefing named by path (from the current folder or the project) or by slug."""
    given = Path(name)
    candidates = [given, project.root / given, project.briefings_dir / given,
                  project.briefings_dir / f"{given}.md"]
    for candidate in candidates:
        path = candidate.resolve()
        if path.is_file() and path.parent == project.briefings_dir and path.suffix == ".md":
            return project.rel(path)
    raise EditorError(Problem(str(name), "is not a briefing in briefings/",
                              "give the path of a briefing file, e.g. briefings/<slug>.md, "
                              "or its slug"))


def would_be(project: Project, rel: str) -> tuple[BriefingFile, str]:
    """The briefing as it is, and the text a regeneration from its seed would give."""
    file = read_briefing(project.root / rel, project.root)
    seed = _seed_of(project, file)
    try:
        article = parse_seed(load_seed(seed, project.root))
    except SeedError as error:
        raise EditorError(error.problem) from None
    [text] = render_articles(project, [article], load_catalog(project.root))
    return file, text


def diff(project: Project, rel: str) -> str:
    """A unified diff from the briefing as it is to the briefing a regeneration writes."""
    _, text = would_be(project, rel)
    current = (project.root / rel).read_text(encoding="utf-8", errors="replace")
    return "".join(difflib.unified_diff(current.splitlines(keepends=True),
                                        text.splitlines(keepends=True),
                                        fromfile=f"a/{rel}", tofile=f"b/{rel} (regenerated)"))


def regenerate(project: Project, rel: str) -> Regenerated:
    """Replace a briefing with a fresh one from its seed, saving the old bytes first."""
    with build_lock(project.lock_path):
        file, text = would_be(project, rel)
        path = project.root / rel
        old, new = path.read_bytes(), text.encode("utf-8")
        if old == new:
            return Regenerated(rel, file.source or "", None)
        backup = backup_path(project, rel, old)
        atomic_write(backup, old)
        atomic_write(path, new)
        return Regenerated(rel, file.source or "", project.rel(backup))


def backup_path(project: Project, rel: str, data: bytes) -> Path:
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    digest = hashlib.sha256(data).hexdigest()[:8]
    return project.cache_dir / "backups" / Path(rel).with_suffix(f".{stamp}.{digest}.md")


def _seed_of(project: Project, file: BriefingFile) -> Path:
    source = file.source
    if not source:
        raise EditorError(Problem(file.rel, "has no `source:`, so no seed to regenerate it from",
                                  "it is hand-written: edit it directly"))
    seed = (project.root / source).resolve()
    if seed.parent != project.seeds_dir.resolve() or seed.suffix != SEED_SUFFIX:
        raise EditorError(Problem(file.rel, f"its `source:` {source} is not a seed in seeds/",
                                  "point `source:` at a .txt file in seeds/, or remove it"))
    seed = project.seeds_dir / seed.name
    if not seed.is_file():
        raise EditorError(Problem(file.rel, f"its seed {source} no longer exists",
                                  "restore the seed, or keep the briefing as it is"))
    return seed
