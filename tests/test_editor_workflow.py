"""The editors' workflow without traps, through real strict MkDocs builds: `check`
agrees with the build in every state `status` names, renamed seeds keep their
briefing, `unpublish` takes a briefing off the site, `merge` and `accept` answer
a changed seed, and a vocabulary change reaches unedited briefings by itself."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project, run_cli, run_mkdocs, share_analysis_cache

from newsbrief.briefing_file import read_briefing
from newsbrief.pipeline import convert
from newsbrief.project import Project

EDITED = "briefings/preliminary-formation-of-south-korea-us-security-agreement.md"
OTHER = "briefings/south-korea-remains-confident-in-the-stability-of-its.md"
SEED_EDITED = "seeds/004_9acd160b5a1f3811.txt"
SEED_OTHER = "seeds/000_cd2c957b51300a6d.txt"
HAND = "briefings/desk-notes.md"


@pytest.fixture
def root(tmp_path: Path, shared_cache: Path) -> Path:
    """A project whose two shipped seeds are converted, each briefing as generated."""
    project = copy_project(tmp_path / "project")
    share_analysis_cache(project, shared_cache)
    convert(Project.at(project))
    return project


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append_to_seed(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n{text}\n", encoding="utf-8")


def hand_written(root: Path, front_matter: str) -> None:
    (root / HAND).write_text(f"---\ntitle: Notes From the Desk\n{front_matter}---\n\n"
                             "Written by an editor.\n", encoding="utf-8")


def statuses(root: Path) -> dict[str, str]:
    result = run_cli(root, "status")
    assert result.returncode == 0, result.stderr
    return {rel: state for state, rel in re.findall(r"^(\S+) +(\S+)  \(", result.stdout, re.M)}


def state(root: Path, rel: str) -> str:
    return read_briefing(root / rel, root).state


# Each state in `newsbrief status`'s table: how to reach it, the file it names, and
# whether the strict build (and so `check --strict`) fails on it.
STATES = {
    "generated": (lambda r: None, OTHER, False),
    "edited": (lambda r: edit(r, EDITED, "Cho Hyun pointed out", "Cho Hyun, the minister, "
                              "pointed out"), EDITED, False),
    "edited-seed-changed": (lambda r: (edit(r, EDITED, "Cho Hyun pointed out", "He pointed out"),
                                       append_to_seed(r, SEED_EDITED, "A late line.")),
                            EDITED, True),
    "seed-renamed": (lambda r: (edit(r, EDITED, "Cho Hyun pointed out", "He pointed out"),
                                (r / SEED_EDITED).rename(r / "seeds/004_renamed.txt")),
                     EDITED, True),
    "orphaned": (lambda r: (r / SEED_OTHER).unlink(), OTHER, True),
    "unpublished": (lambda r: run_cli(r, "unpublish", OTHER), OTHER, False),
    "hand-written": (lambda r: hand_written(r, "date: 2025-10-03\n"), HAND, False),
    "invalid (wrong type)": (lambda r: hand_written(r, "people: Cho Hyun\n"), HAND, True),
    "invalid (unknown key)": (lambda r: hand_written(r, "summery: A typo.\n"), HAND, True),
    "invalid (conflict markers)": (lambda r: edit(r, EDITED, "Cho Hyun pointed out",
                                                  "<<<<<<< yours\nA\n=======\nB\n>>>>>>> seed\n"),
                                   EDITED, True),
    "invalid (duplicate source)": (lambda r: (r / "briefings/a-copy.md").write_bytes(
        (r / OTHER).read_bytes()), OTHER, True),
    "broken": (lambda r: hand_written(r, "people: [Cho Hyun\n"), HAND, True),
    "new": (lambda r: (r / "seeds/105_new.txt").write_text(
        "Harbour Plan Approved\n\nThe council met on Monday and approved the harbour plan.\n",
        encoding="utf-8"), "seeds/105_new.txt", False),
    "refused": (lambda r: (r / "seeds/106_empty.txt").write_bytes(b""), "seeds/106_empty.txt",
                True),
}


@pytest.mark.parametrize("name", list(STATES))
def test_check_strict_fails_exactly_when_the_strict_build_does(root: Path, tmp_path: Path, name):
    setup, rel, fails = STATES[name]
    setup(root)
    assert statuses(root)[rel] == name.split(" ")[0]
    check = run_cli(root, "check", "--strict")
    build = run_mkdocs(root, tmp_path / "site", strict=True)
    assert (check.returncode != 0) == fails, check.stdout + check.stderr
    assert (build.returncode != 0) == fails, build.stderr
    if fails:  # the same problem, named the same way
        assert any(line.startswith(rel) for line in check.stdout.splitlines())
        assert f"WARNING -  {rel}" in build.stderr or f"{rel}:" in build.stderr


def test_the_agreement_covers_every_state_status_names():
    from newsbrief.editor import STATUSES

    assert {name.split(" ")[0] for name in STATES} == {*STATUSES, "new", "refused"}


# --- renames ----------------------------------------------------------------

def test_a_renamed_seed_keeps_its_unedited_briefing_with_no_duplicate(root: Path, tmp_path):
    (root / SEED_OTHER).rename(root / "seeds/000_renamed.txt")
    build = run_mkdocs(root, tmp_path / "site", strict=True)
    assert build.returncode == 0, build.stderr
    assert sorted(p.name for p in (root / "briefings").iterdir()) == [Path(EDITED).name,
                                                                      Path(OTHER).name]
    assert "source: seeds/000_renamed.txt\n" in (root / OTHER).read_text(encoding="utf-8")
    assert state(root, OTHER) == "generated"


def test_a_renamed_seed_under_an_edit_warns_with_the_one_command_that_follows(root, tmp_path):
    edit(root, EDITED, "Cho Hyun pointed out", "He pointed out")
    (root / SEED_EDITED).rename(root / "seeds/004_renamed.txt")
    failed = run_mkdocs(root, tmp_path / "first", strict=True)
    assert failed.returncode == 1
    assert f"{EDITED}: its seed {SEED_EDITED} was renamed to seeds/004_renamed.txt" in failed.stderr
    assert f"`newsbrief follow {EDITED}`" in failed.stderr
    assert len(list((root / "briefings").iterdir())) == 2  # no duplicate
    result = run_cli(root, "follow", EDITED)
    assert result.returncode == 0, result.stderr
    text = (root / EDITED).read_text(encoding="utf-8")
    assert "source: seeds/004_renamed.txt\n" in text and "He pointed out" in text
    assert state(root, EDITED) == "edited"
    assert run_mkdocs(root, tmp_path / "second", strict=True).returncode == 0


def test_follow_keeps_an_unedited_briefing_unedited(root: Path):
    (root / SEED_OTHER).rename(root / "seeds/000_renamed.txt")
    assert run_cli(root, "follow", OTHER).returncode == 0
    assert state(root, OTHER) == "generated"
    assert "nothing written" in run_cli(root, "follow", OTHER).stdout


# --- unpublish ----------------------------------------------------------------

def built_files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json")}


def test_unpublish_takes_a_briefing_off_the_site_but_not_off_the_preview(root: Path, tmp_path):
    slug = Path(OTHER).stem
    result = run_cli(root, "unpublish", OTHER)
    assert result.returncode == 0, result.stderr
    assert "draft: true\n" in (root / OTHER).read_text(encoding="utf-8")
    assert state(root, OTHER) == "generated"  # so its seed's changes still reach it
    build = run_mkdocs(root, tmp_path / "site", strict=True)
    assert build.returncode == 0, build.stderr
    site = built_files(tmp_path / "site")
    assert not (tmp_path / "site/briefings" / slug).exists()
    assert [uri for uri, html in site.items() if slug in html] == []
    assert "Steadfast Alliance" not in "".join(site.values())
    assert any(Path(EDITED).stem in html for html in site.values())
    preview = subprocess.run(
        [sys.executable, "-c", "import sys; from mkdocs.config import load_config; "
         "from mkdocs.commands.build import build; "
         "build(load_config('mkdocs.yml', site_dir=sys.argv[1]), serve_url='http://127.0.0.1:8000/')",
         str(tmp_path / "preview")], cwd=root, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert preview.returncode == 0, preview.stderr
    assert (tmp_path / "preview/briefings" / slug / "index.html").is_file()
    assert run_cli(root, "publish", OTHER).returncode == 0
    assert state(root, OTHER) == "generated"
    assert run_mkdocs(root, tmp_path / "again", strict=True).returncode == 0
    assert (tmp_path / "again/briefings" / slug / "index.html").is_file()


def test_an_unpublished_briefing_stays_unpublished_when_its_seed_changes(root: Path):
    run_cli(root, "unpublish", OTHER)
    append_to_seed(root, SEED_OTHER, "A late line from the wire.")
    convert(Project.at(root))
    text = (root / OTHER).read_text(encoding="utf-8")
    assert "A late line from the wire." in text and "draft: true\n" in text


# --- merge, accept and the seed's own diff --------------------------------------

def changed_under_edit(root: Path) -> None:
    edit(root, EDITED, "Cho Hyun pointed out", "Cho Hyun, the foreign minister, pointed out")
    append_to_seed(root, SEED_EDITED, "A late paragraph from the wire.")


def test_diff_seed_only_shows_the_seeds_change_and_not_the_edit(root: Path):
    changed_under_edit(root)
    result = run_cli(root, "diff", "--seed-only", EDITED)
    assert result.returncode == 0, result.stderr
    changed = [line for line in result.stdout.splitlines()
               if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["+", "+A late paragraph from the wire."]


def test_merge_takes_the_seeds_change_and_keeps_the_edit(root: Path, tmp_path: Path):
    changed_under_edit(root)
    result = run_cli(root, "merge", EDITED)
    assert result.returncode == 0, result.stderr
    text = (root / EDITED).read_text(encoding="utf-8")
    assert "Cho Hyun, the foreign minister, pointed out" in text
    assert "A late paragraph from the wire." in text
    backup = re.search(r"saved as (\S+)\.$", result.stdout.strip()).group(1)
    assert "A late paragraph" not in (root / backup).read_text(encoding="utf-8")
    assert state(root, EDITED) == "edited"
    build = run_mkdocs(root, tmp_path / "site", strict=True)
    assert build.returncode == 0, build.stderr
    assert "A late paragraph from the wire." in (
        tmp_path / "site/briefings" / Path(EDITED).stem / "index.html").read_text(encoding="utf-8")
    again = run_cli(root, "merge", EDITED)
    assert again.returncode == 0 and "nothing written" in again.stdout
    assert (root / EDITED).read_text(encoding="utf-8") == text


def test_merge_marks_conflicts_as_git_does_and_the_build_fails_until_resolved(root, tmp_path):
    edit(root, EDITED, "“not optimistic.”", "“not optimistic at all.”")
    seed = root / SEED_EDITED
    seed.write_text(seed.read_text(encoding="utf-8").replace("“not optimistic.”", "“uncertain.”"),
                    encoding="utf-8")
    result = run_cli(root, "merge", EDITED)
    assert result.returncode == 1
    assert "1 conflict(s)" in result.stderr and "Fix:" in result.stderr
    text = (root / EDITED).read_text(encoding="utf-8")
    assert re.search(r"^<<<<<<< yours\n.*not optimistic at all.*\n=======\n.*uncertain.*\n"
                     r">>>>>>> from the new seed$", text, re.M)
    check = run_cli(root, "check")
    assert check.returncode == 1 and "holds merge conflict markers" in check.stdout
    assert run_mkdocs(root, tmp_path / "site", strict=True).returncode == 1
    (root / EDITED).write_text(re.sub(r"<<<<<<< yours\n(.*)\n=======\n.*\n>>>>>>> .*\n", r"\1\n",
                                      text), encoding="utf-8")
    assert run_mkdocs(root, tmp_path / "resolved", strict=True).returncode == 0


def test_merge_finds_its_base_in_git_history_when_the_cache_is_gone(root: Path):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run([*git, "-C", str(root), "add", "briefings"], check=True)
    subprocess.run([*git, "-C", str(root), "commit", "-q", "-m", "briefings"], check=True)
    changed_under_edit(root)
    for path in (root / ".cache/generated").rglob("*.md"):
        path.unlink()
    result = run_cli(root, "merge", EDITED)
    assert result.returncode == 0, result.stderr
    text = (root / EDITED).read_text(encoding="utf-8")
    assert "the foreign minister" in text and "A late paragraph from the wire." in text


def test_accept_keeps_the_edit_and_ends_the_warning(root: Path, tmp_path: Path):
    changed_under_edit(root)
    body = (root / EDITED).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    result = run_cli(root, "accept", EDITED)
    assert result.returncode == 0, result.stderr
    text = (root / EDITED).read_text(encoding="utf-8")
    assert text.split("\n---\n", 1)[1] == body
    assert statuses(root)[EDITED] == "edited"
    assert run_mkdocs(root, tmp_path / "site", strict=True).returncode == 0
    # the seed's next change is measured from the version accepted, not the first one
    append_to_seed(root, SEED_EDITED, "A second late paragraph.")
    diff = run_cli(root, "diff", "--seed-only", EDITED).stdout
    assert "\n+A second late paragraph." in diff and "+A late paragraph" not in diff


# --- vocabulary -----------------------------------------------------------------

def test_a_new_topic_reaches_unedited_briefings_and_never_edited_ones(root: Path, tmp_path):
    edit(root, EDITED, "Cho Hyun pointed out", "Cho Hyun, the minister, pointed out")
    edited = (root / EDITED).read_bytes()
    topics = root / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(
        "topics:\n", "topics:\n  presidential race: [presidential election]\n", 1),
        encoding="utf-8")
    build = run_mkdocs(root, tmp_path / "site", strict=True)
    assert build.returncode == 0, build.stderr
    assert "- presidential race\n" in (root / OTHER).read_text(encoding="utf-8")
    assert state(root, OTHER) == "generated"
    assert (root / EDITED).read_bytes() == edited
    assert "newsbrief: wrote 1 briefing(s): " + OTHER in build.stderr


def test_a_comment_in_the_vocabulary_regenerates_nothing(root: Path):
    topics = root / "topics.yml"
    topics.write_text("# An editor's note.\n" + topics.read_text(encoding="utf-8"),
                      encoding="utf-8")
    assert convert(Project.at(root)).written == ()


def test_a_build_with_nothing_to_do_loads_no_language_model(root: Path):
    code = ("import sys; from newsbrief.pipeline import convert; from newsbrief.project import "
            "Project; report = convert(Project.at(sys.argv[1])); "
            "print(len(report.written), 'spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True,
                            text=True)
    assert result.stdout.split() == ["0", "False"], result.stderr


def test_merge_without_a_base_says_what_to_do_instead(root: Path):
    changed_under_edit(root)
    for path in (root / ".cache/generated").rglob("*.md"):
        path.unlink()
    before = (root / EDITED).read_bytes()
    result = run_cli(root, "merge", EDITED)
    assert result.returncode == 1
    assert f"{EDITED}: the version it was generated as is neither in .cache/generated/" in (
        result.stderr)
    assert f"Fix: compare with `newsbrief diff {EDITED}`" in result.stderr
    assert (root / EDITED).read_bytes() == before
