"""Safe file writes: atomic replacement and a build lock."""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .messages import NewsbriefError


def relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, with ``/``: ``path.relative_to(root).as_posix()``
    without pathlib's parsing, which a preview would pay for every file on every rebuild."""
    text, base = str(path), str(root)
    if text.startswith(base + os.sep):
        return text[len(base) + 1:].replace(os.sep, "/")
    return path.relative_to(root).as_posix()


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
