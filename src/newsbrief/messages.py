"""How newsbrief tells people what is wrong: one logger, and one line per error.

The logger sits under MkDocs' ``mkdocs.plugins`` so a build prints and counts
its warnings as MkDocs' own (``--strict`` fails on them); ``newsbrief``'s
commands give it a handler of their own. Errors that stop a build or a command
are shown as one line that names the file and what to do, never a traceback.
"""

from __future__ import annotations

import errno
import logging

log = logging.getLogger("mkdocs.plugins.newsbrief")


class NewsbriefError(Exception):
    """Stops a build or a command; its message names the file and says what to do."""


# What to do about the file-system errors a build meets, by errno.
_OS_FIXES = {
    errno.EACCES: "give this user permission to read and write it",
    errno.EPERM: "give this user permission to read and write it",
    errno.ENOSPC: "free some disk space",
    errno.EROFS: "build on a file system that is not read-only",
    errno.ENOENT: "check that it exists and that the project's folders are where they should be",
    errno.EEXIST: "move the file out of the way of the folder newsbrief needs there",
    errno.ENOTDIR: "move the file out of the way of the folder newsbrief needs there",
    errno.EISDIR: "move the folder out of the way of the file newsbrief writes there",
}


def one_line(error: BaseException) -> str:
    """An error that stops a build or a command, as the one line a person reads."""
    if isinstance(error, OSError) and not isinstance(error, NewsbriefError):
        where = error.filename or "a file newsbrief needs"
        fix = _OS_FIXES.get(error.errno, "check the file and its folder")
        return f"{where}: {error.strerror or error}. Fix: {fix}, then run again"
    return str(error)
