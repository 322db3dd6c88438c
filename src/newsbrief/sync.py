"""Sync stage: decide what to write in ``briefings/``, and write it safely.

The rules that protect editors' work:
- a briefing is written when it is missing, or when it is unedited
  (``generated``) and its seed changed;
- an edited, hand-written or unreadable briefing is never written;
- a write happens only when the bytes differ, atomically.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .briefing_file import BriefingFile
from .fsutil import write_if_changed
from .model import Article, Problem, Seed
from .read import parse_seed
from .slug import slugify, unique_slug

Decision = Literal["create", "regenerate", "current", "keep-edited", "seed-changed-under-edit"]


@dataclass(frozen=True)
class Task:
    """One seed that needs a (re)generated briefing at ``target``."""

    article: Article
    target: str


def decide(seed_sha256: str, existing: BriefingFile | None) -> Decision:
    """What the build does with the briefing of a seed whose bytes hash to ``seed_sha256``."""
    if existing is None:
        return "create"
    if existing.seed_sha256 == seed_sha256:
        return "current"
    if existing.rewritable:
        return "regenerate"
    if existing.state == "edited" and existing.seed_sha256:
        return "seed-changed-under-edit"
    return "keep-edited"


def is_orphan(file: BriefingFile, seeds_dir: str, seed_files: Container[str]) -> bool:
    """Whether ``file`` names a seed in ``seeds_dir`` that is not on disk."""
    source = file.source
    return bool(source) and source.startswith(f"{seeds_dir}/") and source not in seed_files


def plan(seeds: list[Seed], files: list[BriefingFile], briefings_dir: str,
         seeds_dir: str, seed_files: set[str]) -> tuple[list[Task], list[Problem]]:
    """Tasks for the seeds that need writing, and warnings for those that may not be.

    ``seed_files`` are all seed paths on disk, including seeds refused as
    unreadable: their briefings are not orphans, the seed's own warning says why.
    """
    by_source: dict[str, BriefingFile] = {}
    problems: list[Problem] = []
    for file in files:
        if file.source in by_source:
            problems.append(Problem(file.rel,
                                    f"has the same `source` as {by_source[file.source].rel}",
                                    "delete one of them, or change its `source:`",
                                    severity="warning"))
        elif file.source:
            by_source[file.source] = file
    taken = {file.slug for file in files}
    tasks: list[Task] = []
    for seed in seeds:
        existing = by_source.get(seed.source)
        decision = decide(seed.seed_sha256, existing)
        if decision in ("create", "regenerate"):
            article = parse_seed(seed)  # only seeds that will be written are structured
            target = existing.rel if existing else _new_path(article, taken, briefings_dir)
            tasks.append(Task(article, target))
        elif decision == "seed-changed-under-edit":
            problems.append(edited_seed_changed(existing, seed.source))
    problems += [orphan(f) for f in files if is_orphan(f, seeds_dir, seed_files)]
    return tasks, problems


def _new_path(article: Article, taken: set[str], briefings_dir: str) -> str:
    slug = unique_slug(slugify(article.title), taken, tiebreak=Path(article.source).stem)
    taken.add(slug)
    return f"{briefings_dir}/{slug}.md"


def edited_seed_changed(file: BriefingFile, source: str) -> Problem:
    return Problem(file.rel, f"was edited by hand and its seed {source} has changed since; "
                   "the briefing is kept as edited",
                   f"review with `newsbrief diff {file.rel}`; take the new version with "
                   f"`newsbrief regenerate {file.rel}` (your version is backed up)",
                   severity="warning")


def orphan(file: BriefingFile) -> Problem:
    return Problem(file.rel, f"its seed {file.source} no longer exists; the briefing is kept "
                   "and still published",
                   "restore the seed, delete the briefing, or remove its `source:` line "
                   "to keep it as a hand-written briefing", severity="warning")


def write(root: Path, rel: str, text: str) -> bool:
    """Write a briefing if its bytes changed. Returns whether it wrote."""
    return write_if_changed(root / rel, text.encode("utf-8"))
