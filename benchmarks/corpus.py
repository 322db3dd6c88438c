"""Benchmark inputs, made in a work folder: never in the project, never in the corpus.

- ``make_project``: a newsbrief project (config, docs, hook, theme overrides)
  whose seeds are copies of a corpus folder's ``.txt`` files;
- ``scale_seeds``: N distinct seeds recombined from the corpus: the first
  half of one article under its headline joined to another's, then the second
  half of that other article, so each seed is real prose and no two are alike;
- ``peer_project``: the same briefings as dated posts for Material's blog plugin.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import frontmatter

REPO = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "entities.yml", "topics.yml")
PROJECT_DIRS = ("docs", "hooks", "overrides")
_BLANK_LINE = re.compile(r"\n\s*\n")
UNDATED_FROM = dt.date(2005, 1, 1)  # the blog needs a date; undated posts are spread over a year


@dataclass(frozen=True)
class Source:
    title: str
    paragraphs: tuple[str, ...]


def corpus_files(corpus: Path, limit: int | None = None) -> list[Path]:
    files = sorted(p for p in corpus.glob("*.txt") if p.is_file())
    if not files:
        raise SystemExit(f"{corpus}: no .txt articles found. Fix: pass --corpus with a folder "
                         "of plain-text articles (one per .txt file)")
    return files[:limit] if limit else files


def make_project(dest: Path, seeds: list[Path] | None = None) -> Path:
    """A project in ``dest`` with copies of ``seeds`` (or none yet)."""
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, dest / name)
    for name in PROJECT_DIRS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, dest / name)
    (dest / "seeds").mkdir()
    for seed in seeds or []:
        shutil.copyfile(seed, dest / "seeds" / seed.name)
    return dest


def read_source(path: Path) -> Source:
    chunks = [" ".join(c.split()) for c in _BLANK_LINE.split(path.read_text("utf-8", "replace"))]
    chunks = [c for c in chunks if c]
    return Source(chunks[0].rstrip("."), tuple(chunks[1:]))


def scale_seeds(files: list[Path], dest: Path, count: int, seed: int = 1438) -> int:
    """Write ``count`` distinct recombined seeds into ``dest``; returns how many."""
    sources = [s for s in map(read_source, files) if len(s.paragraphs) >= 2]
    rng = random.Random(seed)
    headlines: set[frozenset[str]] = set()  # by their words: a query names one briefing
    dest.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        first = sources[i % len(sources)]
        second = sources[rng.randrange(len(sources))]
        while second.title == first.title or _words(first, second) in headlines:
            second = sources[rng.randrange(len(sources))]
        headlines.add(_words(first, second))
        half_a, half_b = len(first.paragraphs) // 2 or 1, len(second.paragraphs) // 2
        body = first.paragraphs[:half_a] + second.paragraphs[half_b:]
        text = f"{first.title} as {second.title}\n\n" + "\n\n".join(body) + "\n"
        (dest / f"scale_{i:05d}.txt").write_text(text, encoding="utf-8")
    return count


def _words(first: Source, second: Source) -> frozenset[str]:
    return frozenset(f"{first.title} as {second.title}".lower().split())


def change_seed(project: Path, round_: int) -> Path:
    """Edit one seed in the middle of the project (a new closing paragraph)."""
    seeds = sorted((project / "seeds").glob("*.txt"))
    seed = seeds[len(seeds) // 2]
    with seed.open("a", encoding="utf-8") as out:
        out.write(f"\nThis report was updated (revision {round_}) after publication.\n")
    return seed


def peer_project(dest: Path, briefings: Path) -> int:
    """Material's blog plugin over the same articles: one dated post per briefing."""
    posts = dest / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (dest / "docs" / "index.md").write_text("# News briefings\n\nSee the [blog](blog/index.md).\n")
    (dest / "docs" / "blog" / "index.md").write_text("# Briefings\n")
    (dest / "mkdocs.yml").write_text(
        "site_name: News briefings (blog plugin)\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n  - blog\n"
        "markdown_extensions:\n  - toc:\n      permalink: true\n  - admonition\n  - attr_list\n")
    count = 0
    for i, path in enumerate(sorted(briefings.glob("*.md"))):
        post = frontmatter.load(path)
        date = post.get("date") or UNDATED_FROM + dt.timedelta(days=i % 365)
        paragraphs = post.content.strip().split("\n\n")
        body = "\n\n".join([paragraphs[0], "<!-- more -->", *paragraphs[1:]])
        meta = {"date": date, "title": html.escape(str(post.get("title", path.stem)))}
        text = frontmatter.dumps(frontmatter.Post(body, **meta))
        (posts / path.name).write_text(text + "\n", encoding="utf-8")
        count += 1
    return count
