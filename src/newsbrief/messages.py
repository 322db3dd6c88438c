"""How newsbrief tells people what is wrong: one logger, and one line per error.

The logger sits under MkDocs' ``mkdocs.plugins`` so a build prints and counts
its warnings as MkDocs' own (``--strict`` fails on them); ``newsbrief``'s
commands give it a handler of their own. Errors that stop a build or a command
are shown as one line that names the file and what to do, never a traceback.
"""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.plugins.newsbrief")
