"""`newsbrief export` writes a tree that plain MkDocs builds into the same pages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli, run_mkdocs

pytestmark = pytest.mark.build

# The hook puts a searched page's content, with its title, in an element of its own
# for the search index; the exported tree has no hook to do it. Compared without it.
_SEARCH_MARKS = re.compile(r' data-pagefind-[\w-]+(?:="[^"]*")?')
_SEARCH_BODY = re.compile(r"<div data-pagefind-body>(.*)</div>(</article>)", re.S)
_BETWEEN_TAGS = re.compile(r">\s+<")


def pages(site: Path) -> dict[str, str]:
    def unmarked(html: str) -> str:
        html = _BETWEEN_TAGS.sub("><", html)
        return _SEARCH_MARKS.sub("", _SEARCH_BODY.sub(r"\1\2", html))

    return {p.relative_to(site).as_posix(): unmarked(p.read_text(encoding="utf-8"))
            for p in site.rglob("*.html")}


def test_exported_tree_builds_with_plain_mkdocs_into_the_same_pages(project: Path, tmp_path: Path):
    hooked = tmp_path / "hooked"
    assert run_mkdocs(project, hooked).returncode == 0
    result = run_cli(project, "export", str(tmp_path / "tree"))
    assert result.returncode == 0, result.stderr
    config = (tmp_path / "tree" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path / "tree",
                           capture_output=True, text=True)
    assert plain.returncode == 0, plain.stderr
    exported, built = pages(tmp_path / "tree" / "site"), pages(hooked)
    assert set(exported) == set(built)
    different = [name for name in built if exported[name] != built[name]]
    assert different == []
    assert (tmp_path / "tree" / "site" / "feed.xml").read_bytes() == (hooked / "feed.xml").read_bytes()


def test_exported_briefings_carry_no_machine_block_and_escaped_titles(project: Path, tmp_path: Path):
    seed = project / "seeds" / "300_hostile.txt"
    seed.write_text("<b>Bold</b> claims & more\n\nA paragraph about it.\n", encoding="utf-8")
    assert run_cli(project, "export", str(tmp_path / "tree")).returncode == 0
    exported = (tmp_path / "tree" / "docs" / "briefings" / "b-bold-b-claims-more.md").read_text(encoding="utf-8")
    assert "newsbrief:" not in exported
    assert "title: '&lt;b&gt;Bold&lt;/b&gt; claims &amp; more'" in exported


def test_docs_dir_and_site_dir_come_from_the_mkdocs_config(project: Path, tmp_path: Path):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("docs_dir: docs", "docs_dir: pages")
    config.write_text(text.replace("site_dir: site", "site_dir: public"), encoding="utf-8")
    (project / "docs").rename(project / "pages")
    (project / "pages" / "timeline").mkdir()
    (project / "pages" / "timeline" / "index.md").write_text("# Taken\n", encoding="utf-8")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project,
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert f"{project / 'pages' / 'timeline' / 'index.md'}: newsbrief makes a page" in build.stderr
    assert (project / "public" / "about" / "index.html").is_file()
    assert (project / "public" / "pagefind" / "pagefind.js").is_file()
    assert not (project / "site").exists()
    result = run_cli(project, "export", str(tmp_path / "tree"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "tree" / "docs" / "about.md").is_file()
