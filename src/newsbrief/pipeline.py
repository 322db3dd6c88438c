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

from .briefing_file import BriefingFile, read_briefing
from .catalog import Catalog, load_catalog
from .fsutil import build_lock
from .messages import NewsbriefError, log
from .model import Article, Problem, Seed
from .project import Project
from .read import SeedError, load_seed
from .render import render_briefing
from .sync import Task, plan, write



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
        return tuple(f for f in self.briefings if f.state != "broken")


def convert(project: Project) -> ConvertReport:
    """Bring ``briefings/`` up to date with ``seeds/`` without touching edits."""
    with build_lock(project.lock_path):
        return _convert(project)


def _convert(project: Project) -> ConvertReport:
    seeds, problems, notes = read_seeds(project)
    files = [read_briefing(p, project.root) for p in project.briefing_files()]
    seed_files = {project.rel(p) for p in project.seed_files()[0]}
    tasks, plan_problems = plan(seeds, files, project.rel(project.briefings_dir),
                                project.rel(project.seeds_dir), seed_files)
    catalog = load_catalog(project.root)
    written = _generate(project, tasks, catalog)
    if written:
        fresh = {rel: read_briefing(project.root / rel, project.root) for rel in written}
        known = {f.rel for f in files}
        files = [fresh.get(f.rel, f) for f in files] + [fresh[r] for r in written if r not in known]
        files.sort(key=lambda f: f.rel)
    problems += plan_problems + list(catalog.problems)
    problems += [p for f in files for p in f.problems]
    return ConvertReport(tuple(written), len(tasks), tuple(files), catalog, tuple(problems),
                         tuple(notes))


def read_seeds(project: Project) -> tuple[list[Seed], list[Problem], list[str]]:
    seeds, others = project.seed_files()
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


def _generate(project: Project, tasks: list[Task], catalog: Catalog) -> list[str]:
    if not tasks:
        return []
    texts = render_articles(project, [t.article for t in tasks], catalog)
    return [t.target for t, text in zip(tasks, texts) if write(project.root, t.target, text)]


def render_articles(project: Project, articles: list[Article], catalog: Catalog) -> Iterator[str]:
    """The briefing text each article becomes, in order, each as soon as it is ready:
    what a build writes and `newsbrief diff` shows."""
    from .analyze import analyze  # loads spaCy only when something needs analysis
    from .analyze.cache import SpanCache
    from .analyze.ner import ModelMissing

    analyses = analyze(articles, catalog, SpanCache(project.cache_dir))
    try:
        for article, analysis in zip(articles, analyses):
            yield render_briefing(article, analysis)
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
