"""Property tests: for any seed text, conversion is safe, faithful and stable.

For any text, conversion gives a briefing whose front matter round-trips
through YAML (and reads the same in MkDocs), whose HTML as MkDocs renders it
with the site's own configuration holds no markup from the seed and shows the
seed's words, and a second conversion gives identical bytes.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import pytest
import yaml
from conftest import mkdocs_render
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from newsbrief.analyze.dates import find_date
from newsbrief.analyze.summary import summarize
from newsbrief.briefing_file import parse_briefing
from newsbrief.model import Analysis
from newsbrief.pipeline import convert
from newsbrief.project import Project
from newsbrief.read import SeedError, decode, parse
from newsbrief.machine import MACHINE_KEY
from newsbrief.render import dump_yaml, render_briefing
from newsbrief.safety import active_content
from newsbrief.text import words

REPO = Path(__file__).resolve().parent.parent
SITE = load_config(str(REPO / "mkdocs.yml"))  # the site's own Markdown extensions and settings
SEED_SHA = "5eed" * 16
# The briefing file's keys, in the order editors see them (the file format: never reorder).
FRONT_MATTER_KEYS = ("title", "date", "source", "summary", "people", "organizations", "places",
                     "topics")


def mkdocs_page(text: str) -> Page:
    """A briefing file read and rendered by MkDocs itself, as a build does."""
    return mkdocs_render(SITE, "briefings/p.md", text)


class Collect(HTMLParser):
    """Every start tag, and the text a reader sees (without the headings' permalink signs)."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []
        self._in_permalink = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_permalink = ("class", "headerlink") in attrs

    def handle_endtag(self, tag):
        self._in_permalink = False

    def handle_data(self, data):
        if not self._in_permalink:
            self.text.append(data)


def allowed(tag: str, attrs: list) -> bool:
    """What the briefing body may hold: paragraphs, section headings and their permalinks."""
    names = {name for name, _ in attrs}
    if tag in ("p", "br"):  # a table's rows are lines of one paragraph
        return not names
    if tag == "h2":
        return names == {"id"}
    if tag == "a":
        values = dict(attrs)
        return (values.get("class") == "headerlink" and values.get("href", "").startswith("#")
                and names <= {"class", "href", "title"})
    return False


MARKUP_PIECES = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//x>",
    "[x](javascript:alert(1))", "<javascript:alert(1)>", "# ", "* ", "> ", "1. ", "    ",
    "---", "***", "{: .x onclick=y}", "{#id}", "--8<-- \"/etc/passwd\"", "{{ config }}",
    "{% include 'x' %}", "`", "``", "|", "!!! note", "&amp;", "&#60;", "\\", "_", "*",
    "[^1]", "*[HTML]: x", ":", "- [ ] ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "é", "\u202e",
    "title: x\n", "---\ntitle: x\n---\n", "newsbrief:\n  seed_sha256: 0\n", "...", "? ", "&",
    "On Wednesday (October 1st) ", "2025. ", "Mr. ", "Seoul",
]
MARKUP = st.sampled_from(MARKUP_PIECES)
TEXT = st.lists(st.one_of(MARKUP, st.text(min_size=1, max_size=12)), min_size=1, max_size=25).map("".join)
NAMES = st.lists(TEXT, max_size=3)


def as_read(text: str) -> str | None:
    """Text as the read stage hands it on, or None when it refuses it."""
    try:
        return decode(text.encode("utf-8"), "seeds/p.txt")[0]
    except SeedError:
        return None


def convert_text(text: str, names: list[str] = ()):
    """Seed text -> (clean text, Article, Analysis, briefing file text), or None if refused.

    ``names`` stand in for the entities analysis finds, which are words of the read text.
    """
    clean = as_read(text)
    if clean is None:
        return None
    names = [squash(n) for n in map(as_read, names) if n is not None]
    article = parse(clean, "seeds/p.txt", SEED_SHA)
    analysis = Analysis(find_date(article.paragraphs), summarize(article.paragraphs),
                        people=tuple(names), organizations=tuple(names[:1]),
                        places=tuple(names[1:]), topics=tuple(names[:2]))
    return clean, article, analysis, render_briefing(article, analysis)


def squash(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, NAMES)
def test_front_matter_round_trips_through_yaml_and_reads_the_same_in_mkdocs(text, names):
    converted = convert_text(text, names)
    if converted is None:
        return
    _, article, analysis, briefing = converted
    block = briefing[len("---\n"): briefing.index("\n---\n") + 1]
    meta = yaml.safe_load(block)
    optional = {"date": analysis.date, "dateline": analysis.dateline, "byline": analysis.byline}
    keys = [k for k in FRONT_MATTER_KEYS if optional.get(k, True)]
    assert list(meta) == keys + [MACHINE_KEY]
    assert yaml.safe_load(dump_yaml(meta)) == meta
    assert meta["title"] == article.title and meta["summary"] == analysis.summary
    assert meta["source"] == "seeds/p.txt" and meta.get("date") == analysis.date
    assert meta["people"] == list(analysis.people) and meta["places"] == list(analysis.places)
    assert frontmatter.loads(briefing).metadata == meta
    assert mkdocs_page(briefing).meta == meta  # MkDocs splits the file the same way
    parsed = parse_briefing(briefing, "briefings/p.md")
    assert parsed.state == "generated" and parsed.seed_sha256 == SEED_SHA


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_mkdocs_html_holds_no_markup_from_the_seed_and_keeps_its_words(text):
    converted = convert_text(text)
    if converted is None:
        return
    clean, article, _, briefing = converted
    html = mkdocs_page(briefing).content
    collected = Collect()
    collected.feed(html)
    collected.close()
    assert all(allowed(tag, attrs) for tag, attrs in collected.tags), collected.tags
    assert active_content(html) == []
    shown = "".join(collected.text)
    assert squash(shown) == squash(article.body_text)
    # Every word of the seed is on the page, in order: in the title or the body, or in
    # the wire's head lines (dateline, byline), which go to front matter.
    title_words = words(article.title) if article.title_origin == "headline" else []
    fold = lambda ws: [w.casefold() for w in ws]  # noqa: E731 - a headline in capitals is recased
    assert fold(words(clean)) == fold(title_words + words(" ".join(article.head)) + words(shown))


# Everything a build makes from a project, hashed: briefing files, generated pages, and the
# Markdown of every briefing and of home as the build hands it to MkDocs.
SITE_DIGEST = """
import hashlib, sys
from pathlib import Path
from newsbrief.briefing_file import parse_front_matter
from newsbrief.project import Project
from newsbrief.site import build_site

root = Path(sys.argv[1])
site = build_site(Project.at(root))
out = hashlib.sha256()
for path in sorted((root / "briefings").glob("*.md")):
    out.update(path.name.encode() + b"\\0" + path.read_bytes())
for page in site.generated_pages():
    out.update(page.src_uri.encode() + b"\\0" + page.content.encode())
for b in site.briefings:
    body = parse_front_matter((root / b.path).read_text(encoding="utf-8"))[1]
    out.update(site.page_markdown(b.path, body).encode())
out.update(site.page_markdown("index.md", "# Home").encode())
print(len(site.briefings), out.hexdigest())
"""


def test_the_same_project_builds_the_same_bytes_under_any_hash_seed(tmp_path: Path,
                                                                    shared_cache: Path):
    """Two processes, two PYTHONHASHSEEDs: set and dict orders differ between them, so any
    output that leans on them (ties in rankings, slugs, lists) shows up as a difference."""
    from conftest import copy_project, made_up_briefings, share_analysis_cache

    rng = random.Random(13)
    seeds = {f"{900 + i}.txt": f"Harbour talks in Seoul {i % 6}\n\nOfficials met "
             f"{' '.join(rng.choice(MARKUP_PIECES) for _ in range(8))} in Seoul on Monday "
             f"(October {1 + i}st) with Cho Hyun and Marisol Quenby.\n"
             for i in range(12)}  # each title twice: the slugs need their tiebreak
    digests = set()
    for hash_seed in ("1", "2"):
        root = copy_project(tmp_path / f"seed-{hash_seed}")
        share_analysis_cache(root, shared_cache)
        made_up_briefings(root, 60)
        for name, text in seeds.items():
            (root / "seeds" / name).write_text(text, encoding="utf-8")
        result = subprocess.run([sys.executable, "-c", SITE_DIGEST, str(root)],
                                capture_output=True, text=True,
                                env={**os.environ, "PYTHONHASHSEED": hash_seed})
        assert result.returncode == 0, result.stderr
        count, digest = result.stdout.split()
        assert int(count) == 2 + 60 + 12
        digests.add(digest)
    assert len(digests) == 1


@pytest.fixture(scope="module")
def scratch(tmp_path_factory, shared_cache: Path) -> tuple[Path, Path]:
    """A project skeleton (config only) and the shared analysis cache."""
    base = tmp_path_factory.mktemp("properties")
    for name in ("entities.yml", "topics.yml"):
        shutil.copy2(REPO / name, base / name)
    return base, shared_cache


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_a_second_full_conversion_gives_identical_bytes_and_writes_nothing(scratch, text):
    assume(as_read(text) is not None)
    base, cache = scratch
    root = Path(tempfile.mkdtemp(dir=base))
    for name in ("entities.yml", "topics.yml"):
        shutil.copy2(base / name, root / name)
    (root / ".cache").symlink_to(cache, target_is_directory=True)
    (root / "seeds").mkdir()
    (root / "seeds/p.txt").write_text(text, encoding="utf-8")
    first = convert(Project.at(root))
    produced = {p.name: p.read_bytes() for p in (root / "briefings").glob("*.md")}
    assert len(produced) == len(first.written) == 1
    assert convert(Project.at(root)).written == ()
    for path in (root / "briefings").glob("*.md"):
        path.unlink()
    convert(Project.at(root))
    assert {p.name: p.read_bytes() for p in (root / "briefings").glob("*.md")} == produced
