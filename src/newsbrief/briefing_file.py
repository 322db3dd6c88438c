"""Briefing files on disk: parse front matter, tell generated from edited.

A file is *generated* when its machine block's ``generated_sha256`` matches
its content, *edited* when it does not, and *hand-written* when it has no
machine block. Only generated files may ever be rewritten.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from frontmatter.default_handlers import YAMLHandler

from .fsutil import StatMemo, relative
from .machine import MACHINE_KEY, Inputs, content_hash
from .model import KINDS, Briefing, Problem
from .text import word_count
from .validate import briefing_problems, coerce_list, yaml_problem

State = Literal["generated", "edited", "hand-written", "broken"]
_FENCE = re.compile(r"^---[ \t]*$", re.M)
_SOURCE_LINE = re.compile(r"""^source:[ \t]*(["']?)(?P<source>[^"'#\n]+?)\1[ \t]*$""", re.M)
_DATE_VALUE = re.compile(r"^[^#\n]*?\b(\d{4})-(\d\d?)-(\d\d?)\b", re.M)


class _LibYAMLHandler(YAMLHandler):
    """python-frontmatter's YAML handler on libyaml's safe loader: same results, much faster."""

    def load(self, fm: str, **kwargs):
        kwargs.setdefault("Loader", getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return super().load(fm, **kwargs)


YAML_HANDLER = _LibYAMLHandler()


class NotAMapping(Exception):
    """Front matter that is valid YAML but not ``key: value`` pairs."""


def parse_front_matter(text: str) -> tuple[dict, str]:
    """(metadata, body), as python-frontmatter parses them, but front matter that
    is a list or a lone value raises NotAMapping instead of vanishing silently.
    Bad YAML raises yaml.YAMLError; an impossible value raises ValueError."""
    text = text.strip()
    try:
        fm, content = YAML_HANDLER.split(text)
    except ValueError:
        return {}, text
    data = YAML_HANDLER.load(fm)
    if data is not None and not isinstance(data, dict):
        raise NotAMapping(type(data).__name__)
    return dict(data or {}), content.strip()


@dataclass(frozen=True)
class BriefingFile:
    """What the pipeline needs of a briefing file; not its text, which a big site
    would otherwise hold in memory twice over (the build keeps every briefing)."""

    rel: str  # project-relative POSIX path
    meta: dict
    state: State
    problems: tuple[Problem, ...] = ()
    words: int = 0  # in the body
    claimed_source: str | None = None  # a broken file's `source:` line, read without YAML

    @property
    def slug(self) -> str:
        """The file name without its suffix (``Path.stem``, without pathlib's cost)."""
        name = self.rel.rpartition("/")[2]
        dot = name.rfind(".")
        return name[:dot] if 0 < dot < len(name) - 1 else name

    @property
    def source(self) -> str | None:
        if self.state == "broken":  # still claims its seed, so no duplicate is generated
            return self.claimed_source
        source = self.meta.get("source")
        return source if isinstance(source, str) else None

    @cached_property  # the plan asks it of every file on every build
    def inputs(self) -> Inputs | None:
        """What the file was generated from, as its machine block records it."""
        return Inputs.of(self.meta)

    @property
    def seed_sha256(self) -> str | None:
        inputs = self.inputs
        return inputs.seed_sha256 if inputs else None

    @property
    def generated_sha256(self) -> str | None:
        block = self.meta.get(MACHINE_KEY)
        sha = block.get("generated_sha256") if isinstance(block, dict) else None
        return str(sha) if sha is not None else None

    @property
    def draft(self) -> bool:
        """Unpublished: ``draft: true``, as MkDocs and Material's blog spell it."""
        return self.meta.get("draft") is True

    @property
    def rewritable(self) -> bool:
        return self.state == "generated"


def read_briefing(path: Path, root: Path) -> BriefingFile:
    return _READ(path, relative(path, root))


def _read_briefing(name: str, rel: str) -> BriefingFile:
    try:
        with open(name, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError as error:
        problem = Problem(rel, f"is not UTF-8 ({error.reason} at byte {error.start})",
                          "re-save the file as UTF-8")
        return _broken(rel, Path(name).read_bytes().decode("utf-8", "replace"), problem)
    return parse_briefing(text, rel)


_READ = StatMemo(_read_briefing)  # a preview reads again only the files that changed


def _broken(rel: str, text: str, problem: Problem) -> BriefingFile:
    return BriefingFile(rel, {}, "broken", (problem,), claimed_source=_recover_source(text))


# Parsing is a pure function of (text, path): a long-running preview parses again only the
# files whose text changed. One entry per path, replaced when its text changes.
_PARSED: dict[str, tuple[str, BriefingFile]] = {}


def parse_briefing(text: str, rel: str) -> BriefingFile:
    known = _PARSED.get(rel)
    if known is not None and known[0] == text:
        return known[1]
    parsed = _parse_briefing(text, rel)
    _PARSED[rel] = (text, parsed)
    return parsed


def _parse_briefing(text: str, rel: str) -> BriefingFile:
    try:
        meta, body = parse_front_matter(text)  # not loads(): it fails on keys that are not text
    except yaml.YAMLError as error:
        problem = yaml_problem(rel, text, error, "front matter",
                               "the briefing is left out of the site until then")
        return _broken(rel, text, problem)
    except NotAMapping as error:
        problem = Problem(rel, f"front matter is a YAML {error}, not `key: value` lines",
                          "write one `key: value` per line between the `---` lines; the briefing "
                          "is left out of the site until then", 2)
        return _broken(rel, text, problem)
    except ValueError as error:  # well-formed YAML, impossible value: `date: 2025-13-45`
        problem = Problem(rel, f"front matter holds a date that does not exist ({error})",
                          "write a real date as YYYY-MM-DD; the briefing is left out of the "
                          "site until then", _impossible_date_line(text))
        return _broken(rel, text, problem)
    return BriefingFile(rel, meta, _state(text, meta), tuple(briefing_problems(rel, meta, text)),
                        word_count(body))


def _state(text: str, meta: dict) -> State:
    block = meta.get(MACHINE_KEY)
    if not isinstance(block, dict) or "generated_sha256" not in block:
        return "hand-written"
    return "generated" if content_hash(text) == str(block["generated_sha256"]) else "edited"


def to_briefing(file: BriefingFile) -> Briefing:
    """The link stage's view of a briefing, read leniently from its front matter."""
    known = _VIEWS.get(file.rel)
    if known is not None and known[0] is file:  # parsed from the same text (``_PARSED``)
        return known[1]
    briefing = _to_briefing(file)
    _VIEWS[file.rel] = (file, briefing)
    return briefing


_VIEWS: dict[str, tuple[BriefingFile, Briefing]] = {}


def _to_briefing(file: BriefingFile) -> Briefing:
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
        **{kind.front_matter: coerce_list(meta.get(kind.front_matter)) for kind in KINDS},
        pinned=coerce_list(related.get("pin")),
        hidden=coerce_list(related.get("hide")),
        words=file.words,
        dateline=_text(meta.get("dateline")),
        byline=_text(meta.get("byline")),
    )


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _recover_source(text: str) -> str | None:
    """The `source:` line of front matter that does not parse as YAML."""
    parts = _FENCE.split(text, maxsplit=2)
    match = _SOURCE_LINE.search(parts[1]) if len(parts) > 2 and not parts[0].strip() else None
    return match.group("source").strip() if match else None


def _impossible_date_line(text: str) -> int | None:
    for match in _DATE_VALUE.finditer(text):
        try:
            dt.date(*map(int, match.groups()))
        except ValueError:
            return text.count("\n", 0, match.start()) + 1
    return None
