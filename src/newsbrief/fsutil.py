"""Safe file writes (atomic replacement, a build lock), and reads a preview can skip."""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar

from .messages import NewsbriefError

T = TypeVar("T")
# A file whose time is this close to now may still change within the clock's tick, so what
# was read of it is not kept (git's "racily clean" rule for its index).
RACY_NS = 2_000_000_000


def relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, with ``/``: ``path.relative_to(root).as_posix()``
    without pathlib's parsing, which a preview would pay for every file on every rebuild."""
    text, base = str(path), str(root)
    if text.startswith(base + os.sep):
        return text[len(base) + 1:].replace(os.sep, "/")
    return path.relative_to(root).as_posix()


class StatMemo(Generic[T]):
    """``read(path)``, done again only when the file's stat changes.

    A preview rebuilds many times in one process and most files are as they were:
    it stats them (inode, size, modification and change times, as git's index does)
    instead of reading and parsing thousands of them per save. What is read of a file
    changed in the last ``RACY_NS`` is not kept, so a write within one tick of the
    clock is never missed. Errors are raised, not kept."""

    def __init__(self, read: Callable[..., T]):
        self._read = read
        self._seen: dict[tuple, tuple[tuple[int, int, int, int], T]] = {}

    def __call__(self, path: str | os.PathLike, *args) -> T:
        """``read(path, *args)``; ``args`` are part of what is remembered."""
        name = os.fspath(path)
        st = os.stat(name)
        stat = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        known = self._seen.get((name, *args))
        if known is not None and known[0] == stat:
            return known[1]
        value = self._read(name, *args)
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > RACY_NS:
            self._seen[(name, *args)] = (stat, value)
        else:
            self._seen.pop((name, *args), None)
        return value


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half.

    The temporary file lives in the same folder, so ``os.replace`` is a rename
    on one file system; it is flushed to disk before the rename.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write only when the bytes differ, so watchers see no change otherwise."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, data)
    return True


def remove_empty_parents(folder: Path, stop: Path) -> None:
    """Remove ``folder`` and its parents below ``stop`` while they are empty."""
    while folder != stop and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


class LockHeld(NewsbriefError):
    """Another build holds the lock."""


@contextmanager
def build_lock(lock_path: Path):
    """Hold an exclusive lock for a build; the OS releases it if the process dies."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EACCES):
                raise LockHeld(
                    f"{lock_path}: another newsbrief build is writing briefings. "
                    "Fix: wait for it to finish, then build again"
                ) from None
            raise
        yield
    finally:
        handle.close()
