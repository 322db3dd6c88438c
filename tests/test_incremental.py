"""Incremental builds: after any sequence of changes, the preview's site (MkDocs'
``--dirty`` builds, as ``make serve`` runs them) equals a clean build byte for byte,
search index aside. Also: which pages a change re-renders, and what a broken
briefing's address shows in the preview."""

from __future__ import annotations

import gzip
import itertools
import json
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import REPO, copy_project, made_up_briefings, share_analysis_cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

from newsbrief import search
from newsbrief.pipeline import convert
from newsbrief.preview import SESSION
from newsbrief.project import Project

SERVE_URL = "http://127.0.0.1:8000/"
POOL = {"900_trade_ministers.txt": REPO / "tests/browser/seeds/900_trade_ministers.txt",
        "901_port_fees.txt": REPO / "tests/browser/seeds/901_port_fees.txt",
        "000_cd2c957b51300a6d.txt": REPO / "seeds/000_cd2c957b51300a6d.txt",
        "004_9acd160b5a1f3811.txt": REPO / "seeds/004_9acd160b5a1f3811.txt"}
SEARCH = ("pagefind", ".pagefind")  # the index's folders, compared elsewhere
_counter = itertools.count()


def preview_build(root: Path, site_dir: Path, *, dirty: bool) -> None:
    """One build as ``mkdocs serve`` runs it: the served address, the preview's options."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL, dirty=dirty)


@pytest.fixture(scope="module")
def template(tmp_path_factory, shared_cache: Path) -> Path:
    """Two seeds converted, four hand-written briefings: copied for each example."""
    root = copy_project(tmp_path_factory.mktemp("incremental") / "project")
    share_analysis_cache(root, shared_cache)
    made_up_briefings(root, 4)
    convert(Project.at(root))
    return root


@pytest.fixture
def preview():
    """This process serves a preview, as MkDocs' ``on_startup`` says in ``mkdocs serve``."""
    SESSION.start("serve", True)
    yield SESSION
    SESSION.start("build", False)
    if SESSION.indexer:
        SESSION.indexer.wait(-1, timeout=60)


def site_paths(site: Path) -> list[Path]:
    """Every file of the site but the search index's, which the preview's background
    indexer may be writing, renaming or removing meanwhile: its folders are not walked."""
    out = []
    for folder, dirs, names in os.walk(site):
        if Path(folder) == site:
            dirs[:] = [d for d in dirs if not d.startswith(SEARCH)]
        out += [Path(folder, name) for name in names]
    return sorted(out)


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site_paths(site)}


def assert_same_site(incremental: Path, clean: Path, step: str) -> None:
    got, want = site_files(incremental), site_files(clean)
    missing, extra = sorted(want.keys() - got.keys()), sorted(got.keys() - want.keys())
    differ = sorted(k for k in want.keys() & got.keys() if want[k] != got[k])
    assert not (missing or extra or differ), (
        f"after {step}: missing {missing[:5]}, stale extra {extra[:5]}, differing {differ[:5]}")


# -- the changes editors make ------------------------------------------------------------

def _briefing(root: Path, index: int) -> Path | None:
    files = sorted((root / "briefings").glob("*.md"))
    return files[index % len(files)] if files else None


def _replace_line(path: Path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.M)
    path.write_text(new if n else text.replace("---\n", f"---\n{key}: {value}\n", 1),
                    encoding="utf-8")


def apply(root: Path, change: tuple[str, int]) -> None:
    kind, n = change
    path = _briefing(root, n)
    if kind == "summary" and path:
        _replace_line(path, "summary", f"A new summary, number {n}.")
    elif kind == "date" and path:
        _replace_line(path, "date", f"2025-{1 + n % 12:02}-1{n % 10}")
    elif kind == "title" and path:
        _replace_line(path, "title", f"Retitled briefing {n}")
    elif kind == "body" and path:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"\nMarisol Quenby spoke about Porthcawl again, {n} times.\n")
    elif kind == "person" and path:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("---\n", "---\npeople:\n- Aiko Tanabe\n", 1)
                        if "people:" not in text else
                        re.sub(r"^people:\n", "people:\n- Aiko Tanabe\n", text, count=1, flags=re.M),
                        encoding="utf-8")
    elif kind == "link" and path:  # a Markdown link to another briefing, which may go
        other = _briefing(root, n + 1)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"\nSee also [the other report]({other.name}).\n")
    elif kind == "break" and path:  # a save that breaks the front matter
        _replace_line(path, "title", "[an unclosed list")
    elif kind == "delete-briefing" and path:
        path.unlink()
    elif kind == "add-seed":
        name, source = list(POOL.items())[n % len(POOL)]
        shutil.copyfile(source, root / "seeds" / name)
    elif kind == "delete-seed":
        seeds = sorted((root / "seeds").glob("*.txt"))
        if seeds:
            seeds[n % len(seeds)].unlink()
    elif kind in ("alias", "ignore"):
        path = root / "entities.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if kind == "alias":
            data["entities"].append({"name": "Marisol Quenby", "kind": "person",
                                     "aliases": [f"Councillor {chr(65 + n % 7)} Vale"]})
        else:
            data["ignore"] = [*data.get("ignore", []), ["Porthcawl", "Marisol Quenby"][n % 2]]
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    elif kind == "topic":
        path = root / "topics.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["topics"][f"harbour works {n % 3}"] = ["harbour council", "tidal barrier"]
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


CHANGES = st.tuples(st.sampled_from(["summary", "title", "date", "body", "person", "link", "break",
                                     "delete-briefing", "add-seed", "delete-seed", "alias",
                                     "ignore", "topic"]),
                    st.integers(0, 9))


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes=st.lists(CHANGES, min_size=1, max_size=4))
def test_an_incremental_site_equals_a_clean_build(template: Path, tmp_path: Path, preview,
                                                  changes):
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    root = work / "project"
    shutil.copytree(template, root, symlinks=True)
    served = work / "served"
    preview_build(root, served, dirty=True)  # the preview's first build
    for step, change in enumerate(changes, 1):
        apply(root, change)
        preview_build(root, served, dirty=True)
        clean = work / f"clean-{step}"
        preview_build(root, clean, dirty=False)
        assert_same_site(served, clean, f"changes {changes[:step]}")


# -- what a change re-renders ---------------------------------------------------------------

def test_a_summary_edit_re_renders_only_the_pages_that_show_it(template: Path, tmp_path: Path,
                                                               preview):
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    served = tmp_path / "served"
    preview_build(root, served, dirty=True)
    before = {p: p.stat().st_mtime_ns for p in site_paths(served) if p.suffix == ".html"}
    path = root / "briefings" / "harbour-report-002.md"
    _replace_line(path, "summary", "A summary no other page shows.")
    preview_build(root, served, dirty=True)
    changed = sorted(p.relative_to(served).as_posix() for p, t in before.items()
                     if p.exists() and p.stat().st_mtime_ns != t)
    assert "briefings/harbour-report-002/index.html" in changed
    assert "about/index.html" not in changed
    assert "briefings/harbour-report-000/index.html" not in changed  # its lists show titles only
    assert len(changed) < len(before) / 2, changed


def test_a_broken_briefing_shows_its_file_line_and_fix_in_the_preview(
        template: Path, tmp_path: Path, preview, caplog):
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    served = tmp_path / "served"
    preview_build(root, served, dirty=True)
    path = root / "briefings" / "harbour-report-001.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Harbour report 001",
                                                             "title: [Harbour report"),
                    encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.newsbrief"):
        preview_build(root, served, dirty=True)
    page = (served / "briefings" / "harbour-report-001" / "index.html").read_text(encoding="utf-8")
    assert "briefings/harbour-report-001.md:2" in page and "Fix:" in page
    said = [r.getMessage() for r in caplog.records if "harbour-report-001.md:2" in r.getMessage()]
    assert said and "Fix:" in said[0]


def test_a_clean_build_leaves_a_broken_briefing_out(template: Path, tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    path = root / "briefings" / "harbour-report-001.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Harbour report 001",
                                                             "title: [Harbour report"),
                    encoding="utf-8")
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    assert not (tmp_path / "site" / "briefings" / "harbour-report-001").exists()


def test_the_preview_indexes_search_in_the_background_and_swaps_the_index_in(
        template: Path, tmp_path: Path, preview):
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    served = tmp_path / "served"
    preview_build(root, served, dirty=True)
    assert preview.indexer.wait(-1, timeout=120)
    done = preview.indexer.done
    before = {p.name for p in (served / "pagefind").rglob("*") if p.is_file()}
    assert "pagefind-entry.json" in before
    (root / "briefings" / "tidal-barrier-vote.md").write_text(
        "---\ntitle: Tidal barrier vote\ndate: 2025-10-02\nsummary: Councillors voted.\n---\n\n"
        "The harbour council voted for the tidal barrier.\n", encoding="utf-8")
    preview_build(root, served, dirty=True)  # returns before the index is made
    assert preview.indexer.wait(done, timeout=120)
    after = {p.name for p in (served / "pagefind").rglob("*") if p.is_file()}
    assert after != before  # a new page: new index chunks
    assert not (served / "pagefind.next").exists() and not (served / "pagefind.old").exists()


def test_the_preview_indexes_again_only_the_shard_of_a_saved_briefing(template: Path,
                                                                       tmp_path: Path, preview):
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nextra:\n  newsbrief:\n    search_shard_pages: 1\n")
    served = tmp_path / "served"
    preview_build(root, served, dirty=True)
    assert preview.indexer.wait(-1, timeout=120)
    listed = json.loads((served / search.SHARDS_FILE).read_text(encoding="utf-8"))
    assert len(listed) > 2
    entry = {name: (served / name / "pagefind-entry.json").stat().st_ino for name in listed}
    briefing = _briefing(root, 0)
    briefing.write_text(briefing.read_text(encoding="utf-8") + "\nA closing line.\n",
                        encoding="utf-8")
    done = preview.indexer.done
    preview_build(root, served, dirty=True)
    assert preview.indexer.wait(done, timeout=120)
    [shard] = [name for name in listed if f"/briefings/{briefing.stem}/" in _urls(served / name)]
    assert json.loads((served / search.SHARDS_FILE).read_text(encoding="utf-8")) == listed
    changed = {name for name in listed
               if (served / name / "pagefind-entry.json").stat().st_ino != entry[name]}
    assert changed == {shard}


def _urls(bundle: Path) -> set[str]:
    """The pages in one bundle of the index (its fragments are gzipped JSON)."""
    out = set()
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        out.add(json.loads(data[data.index(b"{"):])["url"])
    return out


def test_a_page_linking_to_a_deleted_briefing_is_rendered_again(template: Path, tmp_path: Path,
                                                                 preview):
    """Its own text does not change (they share no names), but MkDocs renders the link
    as a page's address only while the page exists."""
    root = tmp_path / "project"
    shutil.copytree(template, root, symlinks=True)
    for name, body in (("lonely-a", "See also [the other one](lonely-b.md)."),
                       ("lonely-b", "Nothing in common.")):
        (root / "briefings" / f"{name}.md").write_text(
            f"---\ntitle: {name}\ndate: 2020-01-01\n---\n\n{body}\n", encoding="utf-8")
    served = tmp_path / "served"
    preview_build(root, served, dirty=True)
    page = served / "briefings" / "lonely-a" / "index.html"
    assert 'href="../lonely-b/"' in page.read_text(encoding="utf-8")
    (root / "briefings" / "lonely-b.md").unlink()
    preview_build(root, served, dirty=True)
    assert 'href="../lonely-b/"' not in page.read_text(encoding="utf-8")
    preview_build(root, tmp_path / "clean", dirty=False)
    assert_same_site(served, tmp_path / "clean", "deleting a linked briefing")
