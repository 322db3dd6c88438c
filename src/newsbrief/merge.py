"""Taking a seed's changes into an edited briefing: ``merge``, ``accept`` and
``diff --seed-only``.

Three versions meet: the briefing as it was generated (the merge base, from
``history``), the editor's version, and the version the new seed gives. The
merge is git's own (``git merge-file``), with git's conflict markers. Every
write keeps the editor's previous version under ``.cache/backups/`` first.
"""

from __future__ import annotations

import difflib
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import history
from .briefing_file import BriefingFile, parse_briefing
from .editor import EditorError, backup_path, would_be
from .fsutil import atomic_write, build_lock
from .machine import Inputs, stamp, unstamped
from .model import Problem
from .project import Project

LABELS = ("yours", "as generated", "from the new seed")


@dataclass(frozen=True)
class Merged:
    rel: str
    conflicts: int  # regions marked as git marks them; 0 when the merge is clean
    backup: str | None  # project-relative path of the editor's previous version


def seed_diff(project: Project, rel: str) -> str:
    """Only what the seed's change changes: from the briefing as it was generated to the
    briefing the seed now gives, so the editor's own edits do not show as reverted."""
    file, theirs = would_be(project, rel)
    base = _base(project, file)
    return "".join(difflib.unified_diff(unstamped(base).splitlines(keepends=True),
                                        unstamped(theirs).splitlines(keepends=True),
                                        fromfile=f"a/{rel} (as generated)",
                                        tofile=f"b/{rel} (from the new seed)"))


def merge(project: Project, rel: str) -> Merged:
    """Take the seed's changes and keep the editor's: a three-way merge, written over the
    briefing (conflicts marked) and stamped as made from the new seed."""
    with build_lock(project.lock_path):
        file, theirs = would_be(project, rel)
        base = _base(project, file)
        path = project.root / rel
        ours = path.read_text(encoding="utf-8")
        merged, conflicts = _merge_file(unstamped(ours), unstamped(base), unstamped(theirs))
        text = stamp(merged, _inputs(theirs, rel), generated=theirs)
        return Merged(rel, conflicts, _replace(project, rel, ours, text, theirs))


def accept(project: Project, rel: str) -> str | None:
    """Keep the editor's version as it is and record the new seed as seen, so the build
    stops warning; the version the seed gives becomes the next merge's base."""
    with build_lock(project.lock_path):
        file, theirs = would_be(project, rel)
        _require_machine_block(file)
        ours = (project.root / rel).read_text(encoding="utf-8")
        text = stamp(ours, _inputs(theirs, rel), generated=theirs)
        return _replace(project, rel, ours, text, theirs)


def _replace(project: Project, rel: str, old: str, new: str, generated: str) -> str | None:
    history.remember(project, generated)
    if old == new:
        return None
    backup = backup_path(project, rel, old.encode("utf-8"))
    atomic_write(backup, old.encode("utf-8"))
    atomic_write(project.root / rel, new.encode("utf-8"))
    return project.rel(backup)


def _require_machine_block(file: BriefingFile) -> str:
    if file.state == "broken":
        raise EditorError(file.problems[0])
    if file.generated_sha256 is None:
        raise EditorError(Problem(file.rel, "has no `newsbrief:` block, so no version as "
                                  "generated to start from", "it is hand-written: edit it "
                                  "directly"))
    return file.generated_sha256


def _base(project: Project, file: BriefingFile) -> str:
    base = history.recall(project, file.rel, _require_machine_block(file))
    if base is None:
        raise EditorError(Problem(
            file.rel, "the version it was generated as is neither in .cache/generated/ nor in "
            "its git history, so a merge has no base",
            f"compare with `newsbrief diff {file.rel}`, then keep yours with `newsbrief "
            f"accept {file.rel}` or take the seed's with `newsbrief regenerate {file.rel}`"))
    return base


def _inputs(generated: str, rel: str) -> Inputs:
    return Inputs.of(parse_briefing(generated, rel).meta) or Inputs("")


def _merge_file(ours: str, base: str, theirs: str) -> tuple[str, int]:
    """``git merge-file``'s result and its number of conflicts."""
    with tempfile.TemporaryDirectory(prefix="newsbrief-merge-") as tmp:
        paths = []
        for name, text in zip(("ours", "base", "theirs"), (ours, base, theirs)):
            paths.append(Path(tmp) / name)
            paths[-1].write_text(text, encoding="utf-8")
        args = [arg for label in LABELS for arg in ("-L", label)]
        try:
            result = subprocess.run(["git", "merge-file", "-p", *args, *map(str, paths)],
                                    capture_output=True, text=True, encoding="utf-8")
        except FileNotFoundError:
            raise EditorError(Problem("git", "is not installed; newsbrief merge uses "
                                      "`git merge-file`", "install git")) from None
    if result.returncode < 0 or result.returncode > 127:
        raise EditorError(Problem("git merge-file", f"failed: {result.stderr.strip()}",
                                  "check that git works in this folder"))
    return result.stdout, result.returncode
