"""`make serve` as editors run it: a real `mkdocs serve --dirty` process, and the watcher
that tells it what changed (``newsbrief.preview.Watcher``).

No timing is asserted here (speed is `make bench`'s); only that each change is served."""

from __future__ import annotations

import os
import platform
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_project, share_analysis_cache

from newsbrief.preview import Watcher, release_memory
from newsbrief.project import Project
from newsbrief.pipeline import convert

WAIT = 90  # seconds a change may take on a busy machine before the test fails


def _until(check, timeout: float = WAIT) -> bool:
    ended = time.monotonic() + timeout
    while time.monotonic() < ended:
        if check():
            return True
        time.sleep(0.05)
    return False


# -- the watcher ---------------------------------------------------------------------------

@pytest.fixture
def watched(tmp_path: Path):
    folder, vocabulary = tmp_path / "briefings", tmp_path / "entities.yml"
    folder.mkdir()
    (folder / "old.md").write_text("old\n", encoding="utf-8")
    vocabulary.write_text("{}\n", encoding="utf-8")
    watcher = Watcher(tmp_path / ".cache" / "preview" / "changed")
    assert watcher.start([folder, vocabulary]), "this system gives no file change events"
    yield tmp_path, watcher
    watcher.stop()


def _touched(watcher: Watcher, since: int) -> bool:
    return watcher.trigger.stat().st_mtime_ns != since


def test_a_change_to_a_watched_file_touches_the_trigger(watched):
    root, watcher = watched
    for change in (lambda: (root / "briefings" / "old.md").write_text("new\n"),
                   lambda: (root / "briefings" / "added.md").write_text("added\n"),
                   lambda: (root / "entities.yml").write_text("a: 1\n"),
                   lambda: (root / "briefings" / "old.md").unlink()):
        since = watcher.trigger.stat().st_mtime_ns
        time.sleep(0.01)
        change()
        assert _until(lambda: _touched(watcher, since), 10)


def test_a_file_moved_in_from_elsewhere_counts(watched):
    """Editors' atomic saves write a temporary file, then rename it into place."""
    root, watcher = watched
    outside = root / "draft.tmp"
    outside.write_text("saved\n", encoding="utf-8")
    since = watcher.trigger.stat().st_mtime_ns
    time.sleep(0.01)
    os.replace(outside, root / "briefings" / "old.md")
    assert _until(lambda: _touched(watcher, since), 10)


def test_reading_files_and_siblings_of_watched_files_do_not_count(watched):
    """A rebuild reads every briefing: were reads changes, it would trigger itself forever."""
    root, watcher = watched
    since = watcher.trigger.stat().st_mtime_ns
    (root / "briefings" / "old.md").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")  # beside entities.yml
    time.sleep(1.0)
    assert not _touched(watcher, since)


# -- the real server ----------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _served(url: str, text: str) -> bool:
    try:
        return text in urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def test_make_serve_shows_a_saved_briefing_and_a_new_seed(tmp_path: Path, shared_cache: Path):
    root = copy_project(tmp_path / "project")
    share_analysis_cache(root, shared_cache)
    convert(Project.at(root))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=root, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        assert _until(lambda: _served(f"{base}/", "</html>")), "the first build was not served"
        briefing = sorted((root / "briefings").glob("*.md"))[0]
        text = briefing.read_text(encoding="utf-8")
        briefing.write_text(text.replace("summary: ", "summary: Saved by an editor. ", 1),
                            encoding="utf-8")
        page = f"{base}/briefings/{briefing.stem}/"
        assert _until(lambda: _served(page, "Saved by an editor.")), "the save was not served"
        (root / "seeds" / "zz-harbour.txt").write_text(
            "Harbour council approves tidal barrier\n\n"
            "The harbour council approved the tidal barrier on Monday.\n", encoding="utf-8")
        page = f"{base}/briefings/harbour-council-approves-tidal-barrier/"
        assert _until(lambda: _served(page, "tidal barrier")), "the new seed was not served"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert "Watching paths for changes" in (tmp_path / "serve.log").read_text(encoding="utf-8")



def _resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_the_preview_gives_freed_memory_back_after_a_build():
    """What a build frees between objects that live on stays with the process unless it
    is given back: 200 MB of pages, one in a hundred kept (glibc, as on Debian)."""
    assert platform.libc_ver()[0] == "glibc"
    pages = [bytes(1024) + str(i).encode() for i in range(200_000)]
    kept = pages[::100]
    del pages
    before = _resident_mb()
    assert release_memory()
    assert _resident_mb() < before - 100, (before, _resident_mb())
    assert kept
