"""Editors' commands on top of the pipeline: status, check, diff, regenerate, follow
and unpublish (merge and accept are in ``merge``).

Nothing here decides differently from the build: states and problems come from
``pipeline.survey`` (the sync plan and ``review.findings``), the would-be briefing
from ``pipeline.render_articles``. ``regenerate`` keeps a copy of the replaced file
under ``.cache/backups/`` first; ``follow`` and ``unpublish`` change one front
matter line and leave an unedited briefing unedited.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from . import sync
from .briefing_file import BriefingFile, read_briefing
from .catalog import load_catalog
from .fsutil import atomic_write, build_lock, write_if_changed
from .history import remember
from .machine import set_key, stamp
from .messages import NewsbriefError
from .model import Problem
from .pipeline import inputs_of, render_articles, survey
from .project import SEED_SUFFIX, Project
from .read import SeedError, load_seed, parse_seed

Status = Literal["generated", "edited", "edited-seed-changed", "seed-renamed", "orphaned",
                 "unpublished", "hand-written", "invalid", "broken"]
STATUSES: tuple[Status, ...] = ("generated", "edited", "edited-seed-changed", "seed-renamed",
                                "orphaned", "unpublished", "hand-written", "invalid", "broken")
SeedStatus = Literal["new", "refused"]


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


# --- status and check: both read ``pipeline.survey``, as the build does --------

def status(project: Project) -> tuple[list[BriefingStatus], list[tuple[str, SeedStatus, str]]]:
    """Every briefing with its state, and the seeds the next build writes a briefing for
    (``new``) or refuses (``refused``)."""
    found = survey(project)
    own: dict[str, list[Problem]] = {}
    for problem in found.problems:  # those the plan's state does not already name
        if (problem not in found.plan.problems
                or found.plan.states.get(problem.path) == "duplicate-source"):
            own.setdefault(problem.path, []).append(problem)
    statuses = [_status(f, found.plan, own.get(f.rel, [])) for f in found.files]
    existing = {f.rel for f in found.files}
    seeds = [(t.article.source, "new", "no briefing yet; the next build writes one")
             for t in found.plan.tasks if t.target not in existing]
    seeds += [(p.path, "refused", p.format()) for p in found.seed_problems
              if p.severity == "error"]
    return statuses, sorted(seeds)


def _status(file: BriefingFile, plan: sync.Plan, problems: list[Problem]) -> BriefingStatus:
    """The file's state: its own problems first, then what the build decides for it."""
    decided = plan.states.get(file.rel)
    if file.state == "broken":
        return BriefingStatus(file.rel, "broken", f"{file.problems[0]}")
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return BriefingStatus(file.rel, "invalid", f"{problems[0]}{more}")
    if decided == "orphaned":
        return BriefingStatus(file.rel, "orphaned", f"seed {file.source} is gone; kept and "
                              "published")
    if decided == "renamed-under-edit":
        return BriefingStatus(file.rel, "seed-renamed", f"seed {file.source} was renamed; "
                              f"run `newsbrief follow {file.rel}`")
    if decided == "seed-changed-under-edit":
        return BriefingStatus(file.rel, "edited-seed-changed", f"seed {file.source} changed; "
                              f"review with `newsbrief diff --seed-only {file.rel}`")
    if file.draft:
        return BriefingStatus(file.rel, "unpublished", "`draft: true`; shown only by `make "
                              "serve`, never published")
    if file.state == "hand-written":
        return BriefingStatus(file.rel, "hand-written", "no machine block; never rewritten")
    if file.state == "edited":
        return BriefingStatus(file.rel, "edited", "edited by hand; never rewritten")
    note = {"regenerate": "its seed, vocabulary or model changed; the next build regenerates it",
            "renamed": "its seed was renamed; the next build updates its `source`"}
    return BriefingStatus(file.rel, "generated", note.get(decided or "", "as generated"))


def check(project: Project) -> list[Problem]:
    """Every problem the build reports about seeds, briefings and the vocabulary."""
    return list(survey(project).problems)


# --- diff and regenerate ----------------------------------------------------

def resolve(project: Project, name: str | Path) -> str:
    """A briefing named by path (from the current folder or the project), by slug, or by
    the path of its seed."""
    given = Path(name)
    candidates = [given, project.root / given, project.briefings_dir / given,
                  project.briefings_dir / f"{given}.md"]
    for candidate in candidates:
        path = candidate.resolve()
        if path.is_file() and path.parent == project.briefings_dir and path.suffix == ".md":
            return project.rel(path)
    for candidate in (given, project.root / given):
        path = candidate.resolve()
        if path.is_file() and path.parent == project.seeds_dir.resolve():
            return _briefing_of_seed(project, project.rel(project.seeds_dir / path.name))
    raise EditorError(Problem(str(name), "is not a briefing in briefings/",
                              "give the path of a briefing file, e.g. briefings/<slug>.md, "
                              "its slug, or the path of its seed"))


def _briefing_of_seed(project: Project, source: str) -> str:
    for path in project.briefing_files():
        if read_briefing(path, project.root).source == source:
            return project.rel(path)
    raise EditorError(Problem(source, "is a seed with no briefing yet",
                              "build first (`make site` or `newsbrief convert`), which writes "
                              "its briefing"))


def would_be(project: Project, rel: str) -> tuple[BriefingFile, str]:
    """The briefing as it is, and the text a regeneration from its seed would give."""
    file = read_briefing(project.root / rel, project.root)
    seed = _seed_of(project, file)
    try:
        loaded = load_seed(seed, project.root)
    except SeedError as error:
        raise EditorError(error.problem) from None
    catalog = load_catalog(project.root)
    [text] = render_articles(project, [parse_seed(loaded)], catalog, [file.draft],
                             [inputs_of(loaded, catalog)])
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


# --- follow and unpublish: one front matter line, the file's state unchanged ----

def follow(project: Project, rel: str) -> str | None:
    """Point the briefing's `source` at the seed in seeds/ with the bytes its machine block
    records (a renamed seed). Returns the new source, or None when it already points there."""
    file = read_briefing(project.root / rel, project.root)
    wanted = file.seed_sha256
    for path in project.seed_files()[0] if wanted else ():
        if hashlib.sha256(path.read_bytes()).hexdigest() == wanted:
            source = project.rel(path)
            return None if source == file.source else _set(project, rel, "source", source)
    raise EditorError(Problem(rel, "no seed in seeds/ has the bytes its `newsbrief:` block "
                              "records, so there is no renamed seed to follow",
                              "restore the seed, or point `source:` at the new seed yourself"))


def set_draft(project: Project, rel: str, draft: bool) -> bool:
    """`draft: true` unpublishes the briefing: it leaves the published site but stays in
    `make serve`; `draft: false` publishes it again. Returns whether the file changed."""
    if not draft and not read_briefing(project.root / rel, project.root).draft:
        return False  # published already: add no line
    return _set(project, rel, "draft", draft) is not None


def _set(project: Project, rel: str, key: str, value):
    """Set one front matter key. An unedited briefing is stamped again so it stays unedited
    (and the build may still regenerate it); an edited one stays edited."""
    with build_lock(project.lock_path):
        path = project.root / rel
        file = read_briefing(path, project.root)
        if file.state == "broken":
            raise EditorError(file.problems[0])
        text = set_key(path.read_text(encoding="utf-8"), key, value)
        if file.state == "generated":
            text = stamp(text, file.inputs)
            remember(project, text)
        return str(value) if write_if_changed(path, text.encode("utf-8")) else None
