"""Malformed front matter in an edited briefing: a clear error with file and
line, the file is never rewritten, and every other briefing still builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_mkdocs, snapshot

from newsbrief.briefing_file import parse_briefing
from newsbrief.pipeline import convert
from newsbrief.project import Project

EDITED = "briefings/preliminary-formation-of-south-korea-us-security-agreement.md"
OTHER = "briefings/south-korea-remains-confident-in-the-stability-of-its.md"
SEED_004 = "seeds/004_9acd160b5a1f3811.txt"

# name -> (broken front matter, line of the problem, words the message holds)
MALFORMED = {
    "unclosed-bracket": ("---\ntitle: A\nsource: seeds/a.txt\npeople: [Cho Hyun, Lee\n"
                         "places:\n- Seoul\n---\n",
                         4, "expected ',' or ']'"),
    "tab-indent": ("---\ntitle: A\nsource: seeds/a.txt\npeople:\n\t- Cho Hyun\n---\n", 5, "a tab"),
    "unclosed-quote": ("---\ntitle: 'A\nsource: seeds/a.txt\n---\n", 2, "quoted scalar"),
    "bad-indent": ("---\ntitle: A\n  summary: B\nsource: seeds/a.txt\n---\n", 3, "mapping values"),
    "impossible-date": ("---\ntitle: A\nsource: seeds/a.txt\ndate: 2025-13-45\n---\n", 4,
                        "date that does not exist"),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_front_matter_is_broken_with_file_line_and_fix(name):
    text, line, words = MALFORMED[name]
    file = parse_briefing(text + "\nBody.\n", "briefings/x.md")
    assert file.state == "broken" and not file.rewritable
    [problem] = file.problems
    assert (problem.path, problem.line) == ("briefings/x.md", line)
    assert words in problem.message
    assert str(problem).startswith(f"briefings/x.md:{line}: ")
    assert "left out of the site" in problem.fix


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_broken_briefing_still_claims_its_seed(name):
    text, _, _ = MALFORMED[name]
    file = parse_briefing(text + "\nBody.\n", "briefings/x.md")
    assert file.source == "seeds/a.txt"


def test_wrong_types_are_errors_on_their_lines_but_the_briefing_stays_readable():
    text = ("---\ntitle: [a, b]\ndate: yesterday\npeople: Cho Hyun\nplaces: {Seoul: 1}\n"
            "related: [x]\n1: number key\n---\n\nBody.\n")
    file = parse_briefing(text, "briefings/x.md")
    assert file.state == "hand-written"
    found = {(p.line, p.severity) for p in file.problems}
    assert found == {(2, "error"), (3, "error"), (4, "error"), (5, "error"), (6, "error"),
                     (7, "warning")}


def break_front_matter(root: Path, rel: str, old: str, new: str) -> bytes:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_bytes()


@pytest.mark.parametrize("old, new, line", [
    ("people:\n- Cho Hyun\n", "people: [Cho Hyun\n- Cho Hyun\n", 6),
    ("people:\n- Cho Hyun\n", "people:\n\t- Cho Hyun\n", 7),
    ("date: 2025-10-01", "date: 2025-10-32", 3),
])
def test_broken_edited_briefing_is_never_rewritten_nor_duplicated(project: Path, old, new, line):
    convert(Project.at(project))
    broken = break_front_matter(project, EDITED, old, new)
    seed = project / SEED_004
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA late paragraph.\n", encoding="utf-8")
    names = sorted(p.name for p in (project / "briefings").iterdir())
    for _ in range(2):
        report = convert(Project.at(project))
        assert (project / EDITED).read_bytes() == broken
        assert sorted(p.name for p in (project / "briefings").iterdir()) == names
        assert report.written == ()
        [problem] = [p for p in report.problems if p.path == EDITED]
        assert problem.line == line
        assert [f.rel for f in report.publishable] == [OTHER]


@pytest.fixture
def broken_project(project: Path) -> tuple[Path, bytes]:
    convert(Project.at(project))
    return project, break_front_matter(project, EDITED, "people:\n- Cho Hyun\n",
                                       "people: [Cho Hyun\n- Cho Hyun\n")


def test_build_leaves_the_broken_briefing_out_and_publishes_the_rest(broken_project, tmp_path):
    root, broken = broken_project
    before = snapshot(root / "briefings")
    result = run_mkdocs(root, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^WARNING +- +{re.escape(EDITED)}:6: front matter is not valid YAML",
                     result.stderr, re.M)
    assert (tmp_path / "site/briefings" / Path(OTHER).stem / "index.html").is_file()
    assert not (tmp_path / "site/briefings" / Path(EDITED).stem).exists()
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "Preliminary Formation" not in home
    assert snapshot(root / "briefings") == before
    assert (root / EDITED).read_bytes() == broken


def test_strict_build_fails_on_the_broken_briefing(broken_project, tmp_path):
    root, broken = broken_project
    result = run_mkdocs(root, tmp_path / "site", strict=True)
    assert result.returncode != 0
    assert f"{EDITED}:6: front matter is not valid YAML" in result.stderr
    assert re.search(r"^Aborted with 1 warnings in strict mode!", result.stdout, re.M)
    assert (root / EDITED).read_bytes() == broken


def test_front_matter_that_is_a_list_is_broken_not_silently_dropped():
    from newsbrief.briefing_file import parse_briefing

    parsed = parse_briefing("---\n- title\n- date\n---\n\nBody.\n", "briefings/list.md")
    assert parsed.state == "broken"
    [problem] = parsed.problems
    assert problem.line == 2 and "list" in problem.message and "key: value" in problem.fix
