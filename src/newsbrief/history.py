"""Briefings as they were generated, kept by ``generated_sha256``: the base of a merge.

Every generated text the build or a command writes is kept under
``.cache/generated/``, named by the hash its machine block records. When the
cache was cleared (``make clean``, a fresh clone), the file's git history is
searched for the commit that holds it as generated.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .fsutil import atomic_write
from .machine import content_hash
from .project import Project


def _path(project: Project, generated_sha256: str) -> Path:
    return project.cache_dir / "generated" / generated_sha256[:2] / f"{generated_sha256}.md"


def remember(project: Project, text: str) -> None:
    """Keep ``text``, a briefing exactly as generated, for later merges."""
    path = _path(project, content_hash(text))
    if not path.exists():
        atomic_write(path, text.encode("utf-8"))


def recall(project: Project, rel: str, generated_sha256: str) -> str | None:
    """The briefing at ``rel`` as it was generated with this hash, or None if neither
    the cache nor git history has it."""
    path = _path(project, generated_sha256)
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        if content_hash(text) == generated_sha256:
            return text
    for text in _git_versions(project, rel):
        if content_hash(text) == generated_sha256:
            return text
    return None


def _git_versions(project: Project, rel: str):
    """Each committed version of ``rel``, newest first; nothing outside a git work tree."""
    log = _git(project, "log", "--format=%H", "--follow", "--", rel)
    for commit in (log or "").split():
        text = _git(project, "show", f"{commit}:{rel}")
        if text is not None:
            yield text


def _git(project: Project, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(project.root), *args], capture_output=True,
                                text=True, encoding="utf-8", errors="replace", check=False)
    except OSError:  # no git
        return None
    return result.stdout if result.returncode == 0 else None

