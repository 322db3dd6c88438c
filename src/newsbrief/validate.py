"""Front matter rules, shared by the build (warnings) and ``newsbrief check`` (errors)."""

from __future__ import annotations

import datetime as dt
import difflib
import re

import yaml

from .model import KINDS, Problem

LIST_KEYS = tuple(kind.front_matter for kind in KINDS)
TEXT_KEYS = ("title", "summary", "source", "dateline", "byline")
KNOWN_KEYS = frozenset({*LIST_KEYS, *TEXT_KEYS, "date", "related", "newsbrief", "draft",
                        # MkDocs and Material page keys editors may use.
                        "description", "hide", "search", "template", "status", "icon", "tags"})
RELATED_KEYS = frozenset({"pin", "hide"})
_CONFLICT = re.compile(r"^(<{7}|>{7})( |$)", re.M)


def coerce_list(value) -> tuple[str, ...]:
    """A front matter list as strings; a lone string counts as a list of one."""
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(str(v).strip() for v in value if v is not None and str(v).strip())


def briefing_problems(rel: str, meta: dict, text: str) -> list[Problem]:
    """Every rule a briefing's front matter breaks, each with its line and fix."""
    problems: list[Problem] = []

    def report(key: str, message: str, fix: str, severity: str = "error") -> None:
        problems.append(Problem(rel, message, fix, key_line(text, key), severity))

    if "title" in meta and not isinstance(meta["title"], str):
        report("title", "`title` is not text", "write the title as text: `title: My headline`")
    elif not str(meta.get("title") or "").strip():
        report("title", "`title` is missing or empty",
               "add `title: <headline>` to the front matter")
    for key in TEXT_KEYS[1:]:
        if key in meta and not isinstance(meta[key], str):
            report(key, f"`{key}` is not text", f"write `{key}:` as one line of text")
    if "date" in meta and _quoted_date(meta["date"]):
        report("date", f"`date` is the text {meta['date']!r} in quotes, not a date",
               f"remove the quotes: `date: {meta['date'].strip()}`")
    elif "date" in meta and not _is_date(meta["date"]):
        report("date", f"`date` is {meta['date']!r}, not a date",
               "write it as YYYY-MM-DD, e.g. `date: 2025-10-01`, or remove the key")
    if "draft" in meta and not isinstance(meta["draft"], bool):
        report("draft", f"`draft` is {meta['draft']!r}, not true or false",
               "write `draft: true` to unpublish the briefing, or remove the key")
    for key in LIST_KEYS:
        if key in meta and meta[key] is not None and not _is_list_of_text(meta[key]):
            report(key, f"`{key}` is not a list of names",
                   f"write one per line under `{key}:` as `- Name`")
    related = meta.get("related")
    if related is not None and not (isinstance(related, dict) and set(related) <= RELATED_KEYS):
        report("related", "`related` must map `pin` and/or `hide` to lists of briefing slugs",
               "write `related: {pin: [slug], hide: [slug]}`")
    conflict = _CONFLICT.search(text)
    if conflict:
        problems.append(Problem(rel, "holds merge conflict markers (`<<<<<<<`, `=======`, "
                                "`>>>>>>>`)", "keep the lines you want between the markers and "
                                "delete the markers", text.count("\n", 0, conflict.start()) + 1))
    for key in meta:
        if key not in KNOWN_KEYS:
            close = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
            fix = (f"did you mean `{close[0]}`? Rename the key" if close else
                   f"check the spelling; known keys: {', '.join(sorted(KNOWN_KEYS))}")
            report(key, f"unknown front matter key `{key}`", fix, "warning")
    return problems


def yaml_problem(rel: str, text: str, error: yaml.YAMLError, what: str, until: str) -> Problem:
    """Bad YAML in ``text`` (the whole file ``rel``) as a problem at the line to fix.

    ``what`` names the YAML ("front matter"; empty for a whole YAML file), ``until``
    what happens to the file until it is fixed."""
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    # YAML counts lines from 0; front matter's line 0 is the rest of the opening `---`
    # line, so in both cases the file's line is one more.
    line = mark.line + 1 if mark is not None else None
    opened = getattr(error, "context_mark", None)
    if opened is not None and mark is not None and opened.line != mark.line:
        # An unclosed bracket or quote: point at where it opened, not where YAML gave up.
        reason = f"{reason} on line {line} ({error.context} that starts on this line)"
        line = opened.line + 1
    elif line and "\t" in (text.splitlines()[line - 1:line] or [""])[0]:
        reason = f"{reason}: a tab; YAML indents with spaces only"
    return Problem(rel, f"{what} is not valid YAML: {reason}".lstrip(),
                   f"fix the YAML at that line (indent with spaces, close brackets and "
                   f"quotes); {until}", line)


def key_line(text: str, key: str) -> int | None:
    match = re.search(rf"^{re.escape(str(key))}\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _is_date(value) -> bool:
    return isinstance(value, dt.date)


def _quoted_date(value) -> bool:
    """`date: '2026-03-03'`: a real date written as quoted text."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d\d-\d\d", value.strip()):
        return False
    try:
        return bool(dt.date.fromisoformat(value.strip()))
    except ValueError:
        return False


def _is_list_of_text(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)
