"""Sync stage: decide what to write in ``briefings/``, and write it safely.

The rules that protect editors' work:
- a briefing is written when it is missing, or when it is unedited
  (``generated``) and what it was made from changed: its seed, the editors'
  vocabulary or the model;
- a seed renamed with the same bytes keeps its briefing: an unedited one's
  `source` follows, an edited one gets a warning with the command that does it;
- an edited, hand-written or unreadable briefing is never written;
- a write happens only when the bytes differ, atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .briefing_file import BriefingFile
from .fsutil import write_if_changed
from .machine import Inputs
from .model import Article, Problem, Seed
from .read import parse_seed
from .slug import slugify, unique_slug

Decision = Literal["create", "regenerate", "current", "keep-edited", "seed-changed-under-edit"]
# What the build decides for a briefing file, beyond writing it: ``Plan.states``.
FileState = Literal["regenerate", "seed-changed-under-edit", "orphaned", "renamed",
                    "renamed-under-edit", "duplicate-source"]


@dataclass(frozen=True)
class Task:
    """One seed that needs a (re)generated briefing at ``target``."""

    article: Article
    target: str
    draft: bool = False  # an unpublished briefing stays unpublished when regenerated
    inputs: Inputs | None = None  # what its machine block records


@dataclass(frozen=True)
class Move:
    """An unedited briefing whose seed was renamed (same bytes): its `source` follows."""

    rel: str
    source: str


@dataclass(frozen=True)
class Plan:
    tasks: tuple[Task, ...]
    moves: tuple[Move, ...]
    problems: tuple[Problem, ...]
    states: dict[str, FileState]  # briefing path -> what the build decides for it


def decide(inputs: Inputs, existing: BriefingFile | None) -> Decision:
    """What the build does with the briefing of a seed, given what it would be made from
    now (``inputs``: the seed's hash, the vocabulary's and the model's)."""
    if existing is None:
        return "create"
    if existing.inputs == inputs:
        return "current"
    if existing.rewritable:
        return "regenerate"
    if existing.state == "edited" and existing.seed_sha256 not in (None, inputs.seed_sha256):
        return "seed-changed-under-edit"
    return "keep-edited"  # edited briefings never follow the vocabulary or the model


def is_orphan(file: BriefingFile, seeds_dir: str, seed_files: Container[str]) -> bool:
    """Whether ``file`` names a seed in ``seeds_dir`` that is not on disk."""
    source = file.source
    return bool(source) and source.startswith(f"{seeds_dir}/") and source not in seed_files


def plan(seeds: list[Seed], files: list[BriefingFile], briefings_dir: str,
         seeds_dir: str, seed_files: set[str],
         inputs_of: Callable[[Seed], Inputs] = lambda seed: Inputs(seed.seed_sha256)) -> Plan:
    """What to write, and warnings for what may not be written.

    ``seed_files`` are all seed paths on disk, including seeds refused as
    unreadable: their briefings are not orphans, the seed's own warning says why.
    ``inputs_of`` gives what a seed's briefing depends on: the seed, the part of the
    vocabulary that applies to it, the model.
    """
    by_source: dict[str, BriefingFile] = {}
    problems: list[Problem] = []
    states: dict[str, FileState] = {}
    for file in files:
        if file.source in by_source:
            states[file.rel] = "duplicate-source"
            problems.append(Problem(file.rel,
                                    f"has the same `source` as {by_source[file.source].rel}",
                                    "delete one of them, or change its `source:`",
                                    severity="warning"))
        elif file.source:
            by_source[file.source] = file
    orphans = {f.rel: f for f in files if is_orphan(f, seeds_dir, seed_files)}
    renamed = {f.seed_sha256: f for f in orphans.values() if f.seed_sha256}
    taken = {file.slug for file in files}
    tasks: list[Task] = []
    moves: list[Move] = []
    for seed in seeds:
        inputs = inputs_of(seed)
        existing = by_source.get(seed.source)
        if existing is None and seed.seed_sha256 in renamed:  # `git mv`: the same bytes
            existing = renamed.pop(seed.seed_sha256)
            del orphans[existing.rel]
            if not existing.rewritable:
                states[existing.rel] = "renamed-under-edit"
                problems.append(seed_renamed(existing, seed.source))
                continue
            states[existing.rel] = "renamed"
            if existing.inputs == inputs:
                moves.append(Move(existing.rel, seed.source))
                continue
        decision = decide(inputs, existing)
        if decision in ("create", "regenerate"):
            article = parse_seed(seed)  # only seeds that will be written are structured
            target = existing.rel if existing else _new_path(article, taken, briefings_dir)
            tasks.append(Task(article, target, bool(existing and existing.draft), inputs))
            if existing:
                states.setdefault(existing.rel, "regenerate")
        elif decision == "seed-changed-under-edit":
            states[existing.rel] = decision
            problems.append(edited_seed_changed(existing, seed.source))
    states.update((rel, "orphaned") for rel in orphans)
    problems += [orphan(f) for f in orphans.values()]
    return Plan(tuple(tasks), tuple(moves), tuple(problems), states)


def _new_path(article: Article, taken: set[str], briefings_dir: str) -> str:
    slug = unique_slug(slugify(article.title), taken, tiebreak=Path(article.source).stem)
    taken.add(slug)
    return f"{briefings_dir}/{slug}.md"


def edited_seed_changed(file: BriefingFile, source: str) -> Problem:
    return Problem(file.rel, f"was edited by hand and its seed {source} has changed since; "
                   "the briefing is kept as edited",
                   f"see the seed's changes with `newsbrief diff --seed-only {file.rel}`, then "
                   f"`newsbrief merge {file.rel}` to take them and keep your edits, "
                   f"`newsbrief accept {file.rel}` to keep your version as it is, or "
                   f"`newsbrief regenerate {file.rel}` to take the new version (yours is "
                   "backed up)", severity="warning")


def seed_renamed(file: BriefingFile, source: str) -> Problem:
    return Problem(file.rel, f"its seed {file.source} was renamed to {source} (same bytes); "
                   "the briefing was edited by hand, so it is kept as it is",
                   f"run `newsbrief follow {file.rel}` to point its `source` at {source}",
                   severity="warning")


def orphan(file: BriefingFile) -> Problem:
    return Problem(file.rel, f"its seed {file.source} no longer exists; the briefing is kept "
                   "and still published",
                   "restore the seed, delete the briefing, or remove its `source:` line "
                   "to keep it as a hand-written briefing", severity="warning")


def write(root: Path, rel: str, text: str) -> bool:
    """Write a briefing if its bytes changed. Returns whether it wrote."""
    return write_if_changed(root / rel, text.encode("utf-8"))
