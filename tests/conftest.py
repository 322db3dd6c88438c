"""Shared fixtures: every test that builds works on a copy of the project in tmp."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "entities.yml", "topics.yml")
PROJECT_DIRS = ("docs", "hooks", "seeds", "overrides")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def copy_project(dest: Path, *, seeds: bool = True, briefings: bool = False) -> Path:
    """A runnable newsbrief project in ``dest``: config, docs, hooks, seeds."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        if (REPO / name).exists():
            shutil.copy2(REPO / name, dest / name)
    for name in PROJECT_DIRS:
        if (REPO / name).is_dir() and (seeds or name != "seeds"):
            shutil.copytree(REPO / name, dest / name)
    (dest / "seeds").mkdir(exist_ok=True)
    if briefings:
        shutil.copytree(REPO / "briefings", dest / "briefings")
    return dest


def made_up_briefings(root: Path, count: int = 120) -> None:
    """Hand-written briefings (no machine block, so no seed and no model) that all name
    Marisol Quenby: her page, the timeline's September and the harbours topic run past
    one page, as two shipped seeds never do. Each also names someone no other does."""
    folder = root / "briefings"
    folder.mkdir(exist_ok=True)
    for i in range(count):
        date = dt.date(2025, 9, 1) + dt.timedelta(days=i % 30)
        (folder / f"harbour-report-{i:03}.md").write_text(
            f"---\ntitle: Harbour report {i:03}\ndate: {date}\n"
            f"summary: The harbour council's report number {i}.\n"
            f"people:\n- Marisol Quenby\n- Councillor {chr(65 + i % 7)} Vale\n"
            f"- Witness {i:03} Solo\nplaces:\n- Porthcawl\ntopics:\n- harbours\n---\n\n"
            f"Marisol Quenby told the harbour council of Porthcawl about report {i}.\n",
            encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path, shared_cache: Path) -> Path:
    """A fresh project with the shipped seeds and no briefings yet."""
    root = copy_project(tmp_path / "project")
    share_analysis_cache(root, shared_cache)
    return root


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    """One analysis cache for the session, so each seed text meets the model once."""
    return tmp_path_factory.mktemp("cache")


def share_analysis_cache(root: Path, shared: Path) -> None:
    """Share the model's cache between test projects, and nothing else in .cache/
    (each project keeps its own search index, backups and lock)."""
    (shared / "ner").mkdir(exist_ok=True)
    (root / ".cache").mkdir(exist_ok=True)
    (root / ".cache" / "ner").symlink_to(shared / "ner", target_is_directory=True)


def mkdocs_render(config, src_uri: str, text: str):
    """A source file read and rendered by MkDocs itself, as a build does (a MkDocs Page)."""
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    file = File(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = text
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    return page


def run_mkdocs(root: Path, site_dir: Path, *, strict: bool = True) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    if strict:
        args.append("--strict")
    return subprocess.run(args, cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsbrief", "--root", str(root), *args],
                          capture_output=True, text=True)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and modification time of every file below ``folder``."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}
