"""What the editors' workflow tests share: a converted project and the edits they make."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_project, run_cli, share_analysis_cache

from newsbrief.briefing_file import read_briefing
from newsbrief.pipeline import convert
from newsbrief.project import Project

EDITED = "briefings/preliminary-formation-of-south-korea-us-security-agreement.md"
OTHER = "briefings/south-korea-remains-confident-in-the-stability-of-its.md"
SEED_EDITED = "seeds/004_9acd160b5a1f3811.txt"
SEED_OTHER = "seeds/000_cd2c957b51300a6d.txt"
HAND = "briefings/desk-notes.md"


@pytest.fixture
def root(tmp_path: Path, shared_cache: Path) -> Path:
    """A project whose two shipped seeds are converted, each briefing as generated."""
    project = copy_project(tmp_path / "project")
    share_analysis_cache(project, shared_cache)
    convert(Project.at(project))
    return project


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append_to_seed(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n{text}\n", encoding="utf-8")


def hand_written(root: Path, front_matter: str) -> None:
    (root / HAND).write_text(f"---\ntitle: Notes From the Desk\n{front_matter}---\n\n"
                             "Written by an editor.\n", encoding="utf-8")


def statuses(root: Path) -> dict[str, str]:
    result = run_cli(root, "status")
    assert result.returncode == 0, result.stderr
    return {rel: state for state, rel in re.findall(r"^(\S+) +(\S+)  \(", result.stdout, re.M)}


def state(root: Path, rel: str) -> str:
    return read_briefing(root / rel, root).state


def changed_under_edit(root: Path) -> None:
    edit(root, EDITED, "Cho Hyun pointed out", "Cho Hyun, the foreign minister, pointed out")
    append_to_seed(root, SEED_EDITED, "A late paragraph from the wire.")
