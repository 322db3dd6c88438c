"""Briefing files on disk: parse front matter, tell generated from edited.

A file is *generated* when its machine block's ``generated_sha256`` matches
its content, *edited* when it does not, and *hand-written* when it has no
machine block. Only generated files may ever be rewritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import frontmatter
import yaml

from .model import Briefing, Problem
from .render import MACHINE_KEY, content_hash
from .text import word_count
from .validate import briefing_problems, coerce_list

State = Literal["generated", "edited", "hand-written", "broken"]


@dataclass(frozen=True)
class BriefingFile:
    rel: str  # project-relative POSIX path
    text: str
    meta: dict
    body: str
    state: State
    problems: tuple[Problem, ...] = ()

    @property
    def slug(self) -> str:
        return Path(self.rel).stem

    @property
    def source(self) -> str | None:
        source = self.meta.get("source")
        return source if isinstance(source, str) else None

    @property
    def seed_sha256(self) -> str | None:
        block = self.meta.get(MACHINE_KEY)
        return block.get("seed_sha256") if isinstance(block, dict) else None

    @property
    def rewritable(self) -> bool:
        return self.state == "generated"


def read_briefing(path: Path, root: Path) -> BriefingFile:
    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        problem = Problem(rel, f"is not UTF-8 ({error.reason} at byte {error.start})",
                          "re-save the file as UTF-8")
        return BriefingFile(rel, "", {}, "", "broken", (problem,))
    return parse_briefing(text, rel)


def parse_briefing(text: str, rel: str) -> BriefingFile:
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as error:
        return BriefingFile(rel, text, {}, "", "broken", (_yaml_problem(rel, error),))
    meta = dict(post.metadata)
    state = _state(text, meta)
    return BriefingFile(rel, text, meta, post.content, state, tuple(briefing_problems(rel, meta, text)))


def _state(text: str, meta: dict) -> State:
    block = meta.get(MACHINE_KEY)
    if not isinstance(block, dict) or "generated_sha256" not in block:
        return "hand-written"
    return "generated" if content_hash(text) == block["generated_sha256"] else "edited"


def _yaml_problem(rel: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    # The front matter starts on line 2, after the opening `---`.
    line = mark.line + 2 if mark is not None else None
    return Problem(rel, f"front matter is not valid YAML: {reason}",
                   "fix the YAML at that line (indent with spaces, close brackets and quotes); "
                   "the briefing is left out of the site until then", line)


def to_briefing(file: BriefingFile) -> Briefing:
    """The link stage's view of a briefing, read leniently from its front matter."""
    meta = file.meta
    date = meta.get("date")
    if isinstance(date, dt.datetime):
        date = date.date()
    related = meta.get("related") if isinstance(meta.get("related"), dict) else {}
    return Briefing(
        path=file.rel,
        slug=file.slug,
        title=str(meta.get("title") or file.slug.replace("-", " ").capitalize()),
        date=date if isinstance(date, dt.date) else None,
        summary=str(meta.get("summary") or ""),
        source=file.source,
        people=coerce_list(meta.get("people")),
        organizations=coerce_list(meta.get("organizations")),
        places=coerce_list(meta.get("places")),
        topics=coerce_list(meta.get("topics")),
        pinned=coerce_list(related.get("pin")),
        hidden=coerce_list(related.get("hide")),
        words=word_count(file.body),
    )
