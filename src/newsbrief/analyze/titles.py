"""Words of a job title that the model takes for names.

"Secretary of State Colin Powell", "Transport Commissioner Jacques Barrot",
"Culture Minister Ann Holt": a single word just before a title word, or after
"Secretary of", "Minister for" and the like, names the job's field, not an
organization. A place keeps its name ("Wales Secretary"), and so does a name
that says its kind by its last word.
"""

from __future__ import annotations

import re

from .gazetteer import place_type
from .kinds import ending_kind

_TITLE_AFTER = re.compile(r"[ \t]+(?:Secretary|Minister|Commissioner|Secretaries|Ministers|"
                          r"Commissioners|Spokesman|Spokeswoman|Spokesperson)\b")
_TITLE_BEFORE = re.compile(r"\b(?:Secretary|Minister|Commissioner|Secretaries|Ministers|"
                           r"Spokesman|Spokeswoman)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$")


def in_job_title(name: str, start: int, text: str) -> bool:
    """``name``, at ``start`` in ``text``, is part of a job title."""
    if " " in name or place_type(name) or ending_kind(name) or name.isupper():
        return False
    return bool(_TITLE_AFTER.match(text, start + len(name))
                or _TITLE_BEFORE.search(text, max(0, start - 30), start))
