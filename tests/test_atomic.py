"""Atomic writes and the build lock: a crash or Ctrl-C mid-build leaves every
briefing old or new, never half written, and two builds cannot interleave."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import run_cli, run_mkdocs, snapshot

from newsbrief import fsutil
from newsbrief.briefing_file import read_briefing
from newsbrief.fsutil import LockHeld, atomic_write, build_lock, write_if_changed
from newsbrief.pipeline import convert
from newsbrief.project import Project

_REAL_FDOPEN = os.fdopen
SEEDS = ("seeds/004_9acd160b5a1f3811.txt", "seeds/000_cd2c957b51300a6d.txt")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def is_briefing(path) -> bool:
    return Path(path).parent.name == "briefings"


def change_every_seed(root: Path) -> None:
    for rel in SEEDS:
        seed = root / rel
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text + "\n\nA closing line.\n", encoding="utf-8")


# --- atomic_write -----------------------------------------------------------

@pytest.mark.parametrize("step", ["replace", "fsync", "write"])
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failure_at_any_step_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch, step, error):
    target = tmp_path / "briefing.md"
    target.write_bytes(b"old contents\n")

    def fail(*args, **kwargs):
        raise error

    if step == "write":
        monkeypatch.setattr(fsutil.os, "fdopen", lambda fd, mode: _FailingFile(fd, error))
    else:
        monkeypatch.setattr(fsutil.os, step, fail)
    with pytest.raises(type(error)):
        atomic_write(target, b"new contents that never land\n")
    assert target.read_bytes() == b"old contents\n"
    assert leftovers(tmp_path) == []


class _FailingFile:
    """A file whose write fails after part of the data, like a full disk mid-write."""

    def __init__(self, fd: int, error: BaseException):
        self._file = _REAL_FDOPEN(fd, "wb")
        self._error = error

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._file.close()

    def write(self, data: bytes):
        self._file.write(data[: len(data) // 2])
        raise self._error


def test_write_if_changed_does_not_touch_identical_bytes(tmp_path):
    target = tmp_path / "briefing.md"
    assert write_if_changed(target, b"same\n")
    before = target.stat().st_mtime_ns
    assert not write_if_changed(target, b"same\n")
    assert target.stat().st_mtime_ns == before


# --- a crash in the middle of a conversion ----------------------------------

def test_failed_write_mid_convert_leaves_every_briefing_old_or_new(project, monkeypatch):
    first = convert(Project.at(project))
    old = {f.rel: (project / f.rel).read_text(encoding="utf-8") for f in first.briefings}
    change_every_seed(project)
    real_replace, calls = os.replace, []

    def replace_once(src, dst):
        if is_briefing(dst):
            calls.append(dst)
            if len(calls) > 1:
                raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(fsutil.os, "replace", replace_once)
    with pytest.raises(OSError):
        convert(Project.at(project))
    monkeypatch.undo()
    new_count = 0
    for rel, text in old.items():
        assert read_briefing(project / rel, project).state == "generated"
        new_count += (project / rel).read_text(encoding="utf-8") != text
    assert new_count == 1
    assert leftovers(project / "briefings") == []
    report = convert(Project.at(project))  # the lock was released; the next build finishes
    assert len(report.written) == 1


def test_ctrl_c_mid_convert_leaves_old_files_and_releases_the_lock(project, monkeypatch):
    convert(Project.at(project))
    before = snapshot(project / "briefings")
    change_every_seed(project)

    real_replace = os.replace

    def interrupted(src, dst):
        if is_briefing(dst):
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(fsutil.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        convert(Project.at(project))
    monkeypatch.undo()
    assert snapshot(project / "briefings") == before
    assert leftovers(project / "briefings") == []
    assert len(convert(Project.at(project)).written) == 2


KILLED_MID_WRITE = textwrap.dedent("""
    import os, signal, sys
    from newsbrief import fsutil
    from newsbrief.pipeline import convert
    from newsbrief.project import Project

    real_replace = os.replace

    def die(src, dst):  # the temp file is complete, the rename has not happened
        if "/briefings/" in str(dst):
            os.kill(os.getpid(), signal.SIGKILL)
        real_replace(src, dst)

    fsutil.os.replace = die
    convert(Project.at(sys.argv[1]))
""")


def test_a_killed_build_leaves_old_files_and_its_temp_file_is_ignored(project):
    convert(Project.at(project))
    before = snapshot(project / "briefings")
    change_every_seed(project)
    child = subprocess.run([sys.executable, "-c", KILLED_MID_WRITE, str(project)],
                           capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    [stray] = leftovers(project / "briefings")
    after = snapshot(project / "briefings")
    assert after.pop(stray)[0].startswith(b"---\n")  # complete in the temp file, never renamed
    assert after == before
    assert stray.startswith(".")  # hidden: neither a briefing nor a page
    report = convert(Project.at(project))  # the dead process's lock is gone with it
    assert len(report.written) == 2
    assert all(not Path(f.rel).name.startswith(".") for f in report.briefings)


# --- the build lock ---------------------------------------------------------

def test_second_build_gets_a_clear_message_and_writes_nothing(project):
    lock = Project.at(project).lock_path
    with build_lock(lock):
        cli = run_cli(project, "convert")
        with pytest.raises(LockHeld) as caught:
            convert(Project.at(project))
    assert cli.returncode == 1
    assert re.search(r"another newsbrief build is writing briefings\. Fix: wait for it", cli.stderr)
    assert "Traceback" not in cli.stderr
    assert str(lock) in str(caught.value)
    assert not (project / "briefings").exists()


def test_mkdocs_build_meets_the_lock_with_one_clear_error(project, tmp_path):
    with build_lock(Project.at(project).lock_path):
        result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 1
    assert re.search(r"^ERROR +- +.*build\.lock: another newsbrief build is writing briefings",
                     result.stderr, re.M)
    assert "Traceback" not in result.stderr
    assert not (project / "briefings").exists()


def test_lock_is_released_on_exit_normal_or_not(tmp_path):
    lock = tmp_path / "build.lock"
    with build_lock(lock):
        pass
    with pytest.raises(RuntimeError):
        with build_lock(lock):
            raise RuntimeError("a stage failed")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from newsbrief.fsutil import build_lock
        with build_lock(Path({str(lock)!r})):
            print("held", flush=True)
            time.sleep(600)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld):
            with build_lock(lock):
                pass
    finally:
        holder.kill()
        holder.wait()
    with build_lock(lock):  # the OS released the killed holder's lock
        pass
