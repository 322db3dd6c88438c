"""``newsbrief``: the pipeline without MkDocs, and the editors' commands."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from .fsutil import LockHeld
from .pipeline import convert as run_convert
from .project import Project

log = logging.getLogger("mkdocs.plugins.newsbrief")


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


@click.group()
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

    try:
        report = run_convert(ctx.obj["project"])
    except LockHeld as error:
        raise click.ClickException(str(error)) from None
    log_report(report)
    click.echo(f"{len(report.written)} briefing(s) written, {len(report.briefings)} in all, "
               f"{report.analysed} seed(s) analysed.")
    if strict and ctx.obj["warnings"].count:
        raise click.ClickException(f"{ctx.obj['warnings'].count} warning(s) in strict mode")
