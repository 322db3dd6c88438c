"""``newsbrief``: the pipeline without MkDocs, and the editors' commands."""

from __future__ import annotations

import inspect
import logging
import sys
from pathlib import Path

import click

from .messages import NewsbriefError, log, one_line
from .pipeline import convert as run_convert
from .project import Project


class _Counter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def _setup_logging(verbose: bool) -> _Counter:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    counter = _Counter()
    log.addHandler(counter)
    log.propagate = False
    return counter


class _Commands(click.Group):
    """Every command stops on a bad file or a held lock with one line that says what to
    do (``messages.one_line``), never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (NewsbriefError, OSError) as error:
            raise click.ClickException(one_line(error)) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with the whole first paragraph of its help, never cut short."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                first = inspect.cleandoc(command.help or "").split("\n\n")[0]
                rows.append((name, " ".join(first.split())))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_Commands)
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="Project folder (holds seeds/ and briefings/).")
@click.option("-v", "--verbose", is_flag=True, help="Also print what was written.")
@click.pass_context
def main(ctx: click.Context, root: Path, verbose: bool) -> None:
    """Turn plain-text news articles into linked Markdown briefings."""
    ctx.obj = {"project": Project.at(root), "warnings": _setup_logging(verbose)}


@main.command()
@click.option("--strict", is_flag=True, help="Exit non-zero when there were warnings.")
@click.pass_context
def convert(ctx: click.Context, strict: bool) -> None:
    """Bring briefings/ up to date with seeds/, never touching edited briefings."""
    from .pipeline import log_report

    report = run_convert(ctx.obj["project"])
    log_report(report)
    click.echo(f"{len(report.written)} briefing(s) written, {len(report.briefings)} in all, "
               f"{report.analysed} seed(s) analysed.")
    if strict and ctx.obj["warnings"].count:
        raise click.ClickException(f"{ctx.obj['warnings'].count} warning(s) in strict mode")


# Editors' commands: the logic lives in ``newsbrief.editor``.

@main.command()
@click.pass_context
def status(ctx: click.Context) -> None:
    """List every briefing with its state, and the seeds that are new or refused.

    States: generated, edited, edited-seed-changed, seed-renamed, orphaned,
    unpublished, hand-written, invalid, broken. Writes nothing.
    """
    from . import editor

    statuses, seeds = editor.status(ctx.obj["project"])
    for item in statuses:
        click.echo(f"{item.status:<20} {item.rel}  ({item.note})")
    for rel, state, note in seeds:
        click.echo(f"{state:<20} {rel}  ({note})")
    counts = {s: sum(i.status == s for i in statuses) for s in editor.STATUSES}
    click.echo(", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no briefings", err=True)


@main.command()
@click.option("--strict", is_flag=True, help="Fail on warnings (unknown keys, repaired seeds) too.")
@click.pass_context
def check(ctx: click.Context, strict: bool) -> None:
    """Validate every briefing's front matter and every seed: one line per problem.

    Exits non-zero when there is an error (or, with --strict, a warning).
    """
    from . import editor

    problems = editor.check(ctx.obj["project"])
    for problem in sorted(problems, key=lambda p: (p.path, p.severity != "error", p.line or 0)):
        click.echo(problem.format(severity=True))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    click.echo(f"newsbrief check: {errors} error(s), {warnings} warning(s)", err=True)
    if errors or (strict and warnings):
        ctx.exit(1)


@main.command()
@click.argument("briefing")
@click.option("--seed-only", is_flag=True,
              help="Show only what the seed's change changes, not your edits reverted.")
@click.pass_context
def diff(ctx: click.Context, briefing: str, seed_only: bool) -> None:
    """Show what regenerating BRIEFING from its seed would change (a unified diff).

    With --seed-only, show only the seed's change: from the briefing as it was generated
    to the briefing the seed gives now. Writes nothing.
    """
    from . import editor

    project = ctx.obj["project"]
    rel = editor.resolve(project, briefing)
    if seed_only:
        from .merge import seed_diff

        text = seed_diff(project, rel)
    else:
        text = editor.diff(project, rel)
    click.echo(text, nl=False)
    if not text:
        click.echo(f"{rel}: a regeneration would change nothing.", err=True)


@main.command()
@click.argument("briefing")
@click.pass_context
def merge(ctx: click.Context, briefing: str) -> None:
    """Take the seed's changes into edited BRIEFING and keep your edits (a three-way merge).

    Conflicts are marked as git marks them; resolve them, and `newsbrief check` passes
    again. Your previous version is backed up first.
    """
    from . import editor
    from .merge import merge as run_merge

    project = ctx.obj["project"]
    result = run_merge(project, editor.resolve(project, briefing))
    saved = f" Your previous version is saved as {result.backup}." if result.backup else ""
    if result.conflicts:
        raise click.ClickException(
            f"{result.rel}: merged with {result.conflicts} conflict(s), marked with <<<<<<< "
            f"and >>>>>>>.{saved} Fix: keep the lines you want between the markers, delete the "
            "markers, then run `newsbrief check`")
    click.echo(f"{result.rel}: merged the seed's changes with your edits.{saved}" if saved else
               f"{result.rel}: already holds what its seed gives; nothing written.")


@main.command()
@click.argument("briefing")
@click.pass_context
def accept(ctx: click.Context, briefing: str) -> None:
    """Keep edited BRIEFING as it is and record its changed seed as seen, ending the warning."""
    from . import editor
    from .merge import accept as run_accept

    project = ctx.obj["project"]
    rel = editor.resolve(project, briefing)
    backup = run_accept(project, rel)
    click.echo(f"{rel}: your version is kept; the seed's change is recorded as seen"
               + (f" (the previous file is saved as {backup})." if backup else "."))


@main.command()
@click.argument("briefing")
@click.pass_context
def follow(ctx: click.Context, briefing: str) -> None:
    """Point BRIEFING's `source` at its renamed seed (the seed with the same bytes)."""
    from . import editor

    project = ctx.obj["project"]
    rel = editor.resolve(project, briefing)
    source = editor.follow(project, rel)
    click.echo(f"{rel}: `source` is now {source}." if source else
               f"{rel}: `source` already names its seed; nothing written.")


@main.command()
@click.argument("briefing")
@click.pass_context
def unpublish(ctx: click.Context, briefing: str) -> None:
    """Take BRIEFING off the published site (sets `draft: true`); `make serve` still shows it.

    It leaves the pages, search, the feed, lists and related briefings, and its seed does not
    bring it back. `newsbrief publish BRIEFING` undoes it.
    """
    _set_draft(ctx, briefing, True, "unpublished (`draft: true`).", "already unpublished")


@main.command()
@click.argument("briefing")
@click.pass_context
def publish(ctx: click.Context, briefing: str) -> None:
    """Put BRIEFING unpublished with `newsbrief unpublish` back on the site (`draft: false`)."""
    _set_draft(ctx, briefing, False, "published again.", "already published")


def _set_draft(ctx: click.Context, briefing: str, draft: bool, done: str, already: str) -> None:
    from . import editor

    project = ctx.obj["project"]
    rel = editor.resolve(project, briefing)
    changed = editor.set_draft(project, rel, draft)
    click.echo(f"{rel}: {done}" if changed else f"{rel}: {already}; nothing written.")


@main.command()
@click.argument("briefing")
@click.pass_context
def regenerate(ctx: click.Context, briefing: str) -> None:
    """Replace BRIEFING with a fresh one from its seed, keeping a backup copy of it."""
    from . import editor

    project = ctx.obj["project"]
    result = editor.regenerate(project, editor.resolve(project, briefing))
    if result.backup is None:
        click.echo(f"{result.rel}: already as its seed {result.source} gives it; nothing written.")
    else:
        click.echo(f"{result.rel}: regenerated from {result.source}. "
                   f"The previous version is saved as {result.backup}")


@main.command()
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="MkDocs config to export with (default: mkdocs.yml in the project).")
@click.pass_context
def export(ctx: click.Context, dest: Path, config_file: Path | None) -> None:
    """Write the complete Markdown tree of the site to DEST, buildable with plain `mkdocs build`."""
    from .export import export as run_export, options_from_config, read_config
    from .site import build_site

    root = ctx.obj["project"].root
    config_path = config_file or root / "mkdocs.yml"
    config = read_config(config_path)
    project = Project.at(root, **{key: config_path.parent / str(config[key])
                                  for key in ("docs_dir", "site_dir") if config.get(key)})
    pages = run_export(build_site(project, options_from_config(config)), dest, config_path, config)
    click.echo(f"Exported {pages} page(s) to {dest}; "
               f"build them with `mkdocs build -f {dest / 'mkdocs.yml'}`.")
