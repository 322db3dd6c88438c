"""The pipeline, end to end: read -> analyze -> render -> sync.

``convert`` is what both the MkDocs hook and ``newsbrief convert`` run.
It reports problems with seeds and briefings instead of raising them, so one
bad file never stops the others; the caller decides how loudly to log them.
Only what stops every build is raised: a held lock, a missing language model
(``messages.NewsbriefError``) or a file-system error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .briefing_file import BriefingFile, read_briefing
from .catalog import Catalog, load_catalog, load_relevance, save_relevance
from .fsutil import build_lock
from .history import remember
from .machine import Inputs, model_id, set_key, stamp
from .messages import NewsbriefError, log
from .model import Article, Problem, Seed
from .project import Project
from .read import SeedError, load_seed
from .render import render_briefing
from .review import findings
from .sync import Move, Plan, Task, plan, write


@dataclass(frozen=True)
class Survey:
    """The project as the build finds it, before it writes anything."""

    files: tuple[BriefingFile, ...]
    plan: Plan
    catalog: Catalog
    seed_problems: tuple[Problem, ...]
    notes: tuple[str, ...]

    @property
    def problems(self) -> tuple[Problem, ...]:
        """What the build would report: what ``newsbrief check`` prints."""
        return findings(self.seed_problems, self.plan, self.catalog, self.files)


@dataclass(frozen=True)
class ConvertReport:
    written: tuple[str, ...]
    analysed: int
    briefings: tuple[BriefingFile, ...]  # every briefing file after the sync
    catalog: Catalog
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]

    @property
    def publishable(self) -> tuple[BriefingFile, ...]:
        return tuple(f for f in self.briefings if f.state != "broken" and not f.draft)

    @property
    def drafts(self) -> tuple[BriefingFile, ...]:
        """Unpublished briefings (`draft: true`): in `make serve` only."""
        return tuple(f for f in self.briefings if f.state != "broken" and f.draft)


def convert(project: Project) -> ConvertReport:
    """Bring ``briefings/`` up to date with ``seeds/`` without touching edits."""
    with build_lock(project.lock_path):
        return _convert(project)


def survey(project: Project) -> Survey:
    """Read seeds, briefings and vocabulary, and plan the sync; writes nothing."""
    listed = project.seed_files()
    seeds, seed_problems, notes = read_seeds(project, listed)
    files = [read_briefing(p, project.root) for p in project.briefing_files()]
    seed_files = {project.rel(p) for p in listed[0]}
    catalog = load_catalog(project.root)
    load_relevance(project.cache_dir, catalog)
    the_plan = plan(seeds, files, project.rel(project.briefings_dir),
                    project.rel(project.seeds_dir), seed_files,
                    lambda seed: inputs_of(seed, catalog))
    save_relevance(project.cache_dir, catalog)
    return Survey(tuple(files), the_plan, catalog, tuple(seed_problems), tuple(notes))


def inputs_of(seed: Seed, catalog: Catalog) -> Inputs:
    """What a seed's briefing is generated from: the seed, the part of the vocabulary
    that applies to its text, and the model's version."""
    return Inputs(seed.seed_sha256, catalog.relevant_sha256(seed.text), model_id())


def _convert(project: Project) -> ConvertReport:
    found = survey(project)
    files = list(found.files)
    written = _move(project, found.plan.moves, files)
    written += _generate(project, found.plan.tasks, found.catalog)
    notes = list(found.notes)
    if written:
        fresh = {rel: read_briefing(project.root / rel, project.root) for rel in written}
        known = {f.rel for f in files}
        files = [fresh.get(f.rel, f) for f in files] + [fresh[r] for r in written if r not in known]
        files.sort(key=lambda f: f.rel)
        notes += [f"{rel}: its seed gives no date, so it is listed with the undated briefings; "
                  "add `date: YYYY-MM-DD` to its front matter if you know the date"
                  for rel, file in fresh.items() if "date" not in file.meta]
    problems = findings(found.seed_problems, found.plan, found.catalog, files)
    return ConvertReport(tuple(written), len(found.plan.tasks), tuple(files), found.catalog,
                         problems, tuple(notes))


def read_seeds(project: Project, listed: tuple[list[Path], list[Path]] | None = None
               ) -> tuple[list[Seed], list[Problem], list[str]]:
    seeds, others = listed or project.seed_files()
    notes = [f"{project.rel(p)}: not a {p.suffix or 'suffixless'} seed (only .txt files are "
             "read); ignored" for p in others]
    loaded: list[Seed] = []
    problems: list[Problem] = []
    for path in seeds:
        try:
            seed = load_seed(path, project.root)
        except SeedError as error:
            problems.append(error.problem)
            continue
        except OSError as error:
            problems.append(Problem(project.rel(path), f"cannot be read ({error.strerror})",
                                    "check the file's permissions"))
            continue
        problems += seed.repairs
        loaded.append(seed)
    return loaded, problems, notes


def _move(project: Project, moves: tuple[Move, ...], files: list[BriefingFile]) -> list[str]:
    """Point unedited briefings at their renamed seeds, keeping them unedited."""
    inputs = {f.rel: f.inputs for f in files} if moves else {}
    written = []
    for move in moves:
        path = project.root / move.rel
        text = stamp(set_key(path.read_text(encoding="utf-8"), "source", move.source),
                     inputs[move.rel])
        remember(project, text)
        if write(project.root, move.rel, text):
            written.append(move.rel)
    return written


def _generate(project: Project, tasks: tuple[Task, ...], catalog: Catalog) -> list[str]:
    if not tasks:
        return []
    texts = render_articles(project, [t.article for t in tasks], catalog,
                            [t.draft for t in tasks], [t.inputs for t in tasks])
    written = []
    for task, text in zip(tasks, texts):
        remember(project, text)
        if write(project.root, task.target, text):
            written.append(task.target)
    return written


def render_articles(project: Project, articles: list[Article], catalog: Catalog,
                    drafts: list[bool] | None = None,
                    inputs: list[Inputs | None] | None = None) -> Iterator[str]:
    """The briefing text each article becomes, in order, each as soon as it is ready:
    what a build writes and `newsbrief diff` shows."""
    from .analyze import analyze  # loads spaCy only when something needs analysis
    from .analyze.cache import SpanCache
    from .analyze.ner import ModelMissing

    analyses = analyze(articles, catalog, SpanCache(project.cache_dir))
    try:
        for article, analysis, draft, made_of in zip(articles, analyses,
                                                     drafts or [False] * len(articles),
                                                     inputs or [None] * len(articles)):
            yield render_briefing(article, analysis, made_of, draft=draft)
    except ModelMissing as error:
        others = f" (and {len(articles) - 1} more)" if len(articles) > 1 else ""
        raise NewsbriefError(f"{articles[0].source}{others}: cannot be analysed: {error}") from None


def log_report(report: ConvertReport) -> None:
    for note in report.notes:
        log.info(note)
    for problem in report.problems:
        log.warning(str(problem))
    if report.written:
        log.info("newsbrief: wrote %d briefing(s): %s", len(report.written),
                 ", ".join(report.written))
