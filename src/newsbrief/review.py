"""One source of truth for what is wrong with a project's briefings and seeds.

``findings`` is every problem a build logs about seeds, briefings and the
vocabulary: ``newsbrief check`` prints it, ``newsbrief status`` reads each
briefing's state from the same plan, and the build logs it (a strict build
fails on any of it). So ``check --strict`` fails exactly when the strict
build does.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from .briefing_file import BriefingFile
from .catalog import Catalog
from .model import Problem
from .sync import Plan
from .validate import coerce_list


def findings(seed_problems: Iterable[Problem], plan: Plan, catalog: Catalog,
             files: Iterable[BriefingFile]) -> tuple[Problem, ...]:
    """Seeds' problems, the sync plan's warnings, the vocabulary's problems, each
    briefing's front matter problems, and the problems between briefings."""
    files = [f for f in files]
    readable = [f for f in files if f.state != "broken"]
    return (*seed_problems, *plan.problems, *catalog.problems,
            *(p for f in files for p in f.problems),
            *related_problems(readable, plan), *duplicate_titles(readable))


def related_problems(files: list[BriefingFile], plan: Plan) -> list[Problem]:
    """`related: {pin, hide}` entries that name no briefing (one the build is about
    to write counts)."""
    slugs = {f.slug for f in files} | {PurePosixPath(t.target).stem for t in plan.tasks}
    problems = []
    for file in files:
        related = file.meta.get("related")
        if not isinstance(related, dict):
            continue
        for slug in (*coerce_list(related.get("pin")), *coerce_list(related.get("hide"))):
            if slug not in slugs:
                problems.append(Problem(file.rel, f"`related` names {slug!r}, which is not a "
                                        "briefing", "use the file name of a briefing without "
                                        "`.md`"))
    return problems


def duplicate_titles(files: list[BriefingFile]) -> list[Problem]:
    """Published briefings that share a title: readers cannot tell them apart in lists."""
    first: dict[str, BriefingFile] = {}
    problems = []
    for file in files:
        title = file.meta.get("title")
        if file.draft or not isinstance(title, str) or not title.strip():
            continue
        key = " ".join(title.split()).casefold()
        if key in first:
            problems.append(Problem(file.rel, f"has the same title as {first[key].rel} "
                                    f"({title.strip()!r}), so lists show two alike",
                                    "change one of the two titles", severity="warning"))
        else:
            first[key] = file
    return problems
