"""The editors' commands from the command line: status, check, diff, regenerate,
and the pre-commit hook that runs `newsbrief check`."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli, snapshot, share_analysis_cache

from newsbrief.briefing_file import read_briefing
from newsbrief.fsutil import build_lock
from newsbrief.pipeline import convert
from newsbrief.project import Project

EDITED = "briefings/preliminary-formation-of-south-korea-us-security-agreement.md"
GENERATED = "briefings/south-korea-remains-confident-in-the-stability-of-its.md"
SEED_004 = "seeds/004_9acd160b5a1f3811.txt"
HAND_WRITTEN = "---\ntitle: Notes from the desk\ndate: 2025-10-02\n---\n\nWritten by hand.\n"
BROKEN = ("---\ntitle: Broken\nsource: seeds/none.txt\npeople: [Cho Hyun, Donald Trump\n---\n"
          "\nText.\n")


def seed(root: Path, name: str, headline: str) -> str:
    rel = f"seeds/{name}"
    (root / rel).write_text(f"{headline}\n\nThe council met on Monday and agreed a plan for "
                            f"{headline.lower()}.\n", encoding="utf-8")
    return rel


def briefing_of(root: Path, source: str) -> str:
    report = convert(Project.at(root))
    return next(f.rel for f in report.briefings if f.source == source)


def edit(root: Path, rel: str, old: str, new: str) -> bytes:
    path = root / rel
    data = path.read_text(encoding="utf-8")
    assert old in data
    path.write_text(data.replace(old, new, 1), encoding="utf-8")
    return path.read_bytes()


@pytest.fixture(scope="module")
def every_state(tmp_path_factory, shared_cache: Path) -> tuple[Path, dict[str, str]]:
    """A project with one briefing in each state, and one seed not yet converted."""
    from conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("states") / "project")
    share_analysis_cache(root, shared_cache)
    changed_seed = seed(root, "100_harbour.txt", "Harbour Plan Approved")
    gone_seed = seed(root, "101_bridge.txt", "Bridge Repairs Begin")
    convert(Project.at(root))
    changed = briefing_of(root, changed_seed)
    orphan = briefing_of(root, gone_seed)
    edit(root, EDITED, "Cho Hyun pointed out", "Cho Hyun (the minister) pointed out")
    edit(root, changed, "The council met", "The city council met")
    (root / changed_seed).write_text("Harbour Plan Approved\n\nA revised text.\n", encoding="utf-8")
    (root / gone_seed).unlink()
    (root / "briefings/desk-notes.md").write_text(HAND_WRITTEN, encoding="utf-8")
    (root / "briefings/broken.md").write_text(BROKEN, encoding="utf-8")
    new_seed = seed(root, "102_tunnel.txt", "Tunnel Opens Early")
    states = {GENERATED: "generated", EDITED: "edited", changed: "edited-seed-changed",
              orphan: "orphaned", "briefings/desk-notes.md": "hand-written",
              "briefings/broken.md": "broken", new_seed: "new"}
    return root, states


# --- status -----------------------------------------------------------------

def test_status_names_every_briefing_with_its_state_and_writes_nothing(every_state):
    root, states = every_state
    before = snapshot(root / "briefings")
    result = run_cli(root, "status")
    assert result.returncode == 0, result.stderr
    listed = dict(re.findall(r"^(\S+) +(\S+)  \(", result.stdout, re.M))
    assert {rel: state for state, rel in listed.items()} == states
    assert snapshot(root / "briefings") == before


def test_status_explains_what_to_do(every_state):
    root, states = every_state
    out = run_cli(root, "status").stdout
    changed = next(rel for rel, s in states.items() if s == "edited-seed-changed")
    assert f"review with `newsbrief diff --seed-only {changed}`" in out
    assert "briefings/broken.md:4: front matter is not valid YAML" in out
    assert "seeds/101_bridge.txt is gone" in out


# --- check ------------------------------------------------------------------

def test_check_passes_a_clean_project(project: Path):
    convert(Project.at(project))
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "0 error(s), 0 warning(s)" in result.stderr


def test_check_gives_one_line_per_problem_with_file_line_and_fix(project: Path):
    (project / "briefings").mkdir()
    (project / "briefings/types.md").write_text(
        "---\ntitle: [a, b]\ndate: yesterday\npeople: Cho Hyun\nsummery: typo\n---\n\nText.\n",
        encoding="utf-8")
    (project / "briefings/tabs.md").write_text(
        "---\ntitle: Tabs\npeople:\n\t- Cho Hyun\n---\n\nText.\n", encoding="utf-8")
    (project / "briefings/bracket.md").write_text(BROKEN, encoding="utf-8")
    (project / "seeds/empty.txt").write_bytes(b"")
    result = run_cli(project, "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = [
        r"briefings/bracket\.md:4: error: front matter is not valid YAML: .*expected ',' or '\]'",
        r"briefings/bracket\.md: warning: its seed seeds/none\.txt no longer exists",
        r"briefings/tabs\.md:4: error: front matter is not valid YAML: .*a tab",
        r"briefings/types\.md:2: error: `title` is not text",
        r"briefings/types\.md:3: error: `date` is 'yesterday', not a date",
        r"briefings/types\.md:4: error: `people` is not a list of names",
        r"briefings/types\.md:5: warning: unknown front matter key `summery`",
        r"seeds/empty\.txt: error: file is empty",
    ]
    assert len(lines) == len(expected), result.stdout
    for pattern in expected:
        assert any(re.match(pattern, line) for line in lines), pattern
    assert all(". Fix: " in line for line in lines)
    assert "6 error(s), 2 warning(s)" in result.stderr


def test_unknown_keys_and_repaired_seeds_warn_and_fail_only_under_strict(project: Path):
    convert(Project.at(project))
    edit(project, GENERATED, "title: ", "subtitle: extra\ntitle: ")
    legacy = "Caf\u00e9 news\n\nThe caf\u00e9 opened."
    (project / "seeds/legacy.txt").write_bytes(legacy.encode("cp1252"))
    lenient = run_cli(project, "check")
    assert lenient.returncode == 0
    assert f"{GENERATED}:2: warning: unknown front matter key `subtitle`" in lenient.stdout
    assert "seeds/legacy.txt: warning: file is not UTF-8; read it as cp1252" in lenient.stdout
    strict = run_cli(project, "check", "--strict")
    assert strict.returncode == 1
    assert strict.stdout == lenient.stdout


# --- diff -------------------------------------------------------------------

def test_diff_shows_what_a_regeneration_would_change_and_writes_nothing(project: Path):
    convert(Project.at(project))
    edited = edit(project, EDITED, "Cho Hyun pointed out", "Cho Hyun (the minister) pointed out")
    seed_path = project / SEED_004
    seed_path.write_text(seed_path.read_text(encoding="utf-8") + "\n\nA new closing line.\n",
                         encoding="utf-8")
    before = snapshot(project / "briefings")
    result = run_cli(project, "diff", EDITED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"--- a/{EDITED}\n+++ b/{EDITED} (regenerated)\n")
    assert "\n-Cho Hyun (the minister) pointed out" in result.stdout
    assert "\n+Cho Hyun pointed out" in result.stdout
    assert "\n+A new closing line.\n" in result.stdout
    assert snapshot(project / "briefings") == before
    assert (project / EDITED).read_bytes() == edited


def test_diff_accepts_a_slug_and_says_when_nothing_would_change(project: Path):
    convert(Project.at(project))
    result = run_cli(project, "diff", Path(GENERATED).stem)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "would change nothing" in result.stderr


@pytest.mark.parametrize("setup, name, message", [
    (lambda root: (root / "briefings/desk-notes.md").write_text(HAND_WRITTEN, encoding="utf-8"),
     "briefings/desk-notes.md", "has no `source:`"),
    (lambda root: (root / SEED_004).unlink(), EDITED, f"its seed {SEED_004} no longer exists"),
    (lambda root: None, "briefings/missing.md", "is not a briefing in briefings/"),
    (lambda root: (root / "seeds/105_new.txt").write_text("Late\n\nText.\n", encoding="utf-8"),
     "seeds/105_new.txt", "is a seed with no briefing yet"),
])
def test_diff_and_regenerate_refuse_what_has_no_seed(project: Path, setup, name, message):
    convert(Project.at(project))
    setup(project)
    before = snapshot(project / "briefings")
    for command in ("diff", "regenerate"):
        result = run_cli(project, command, name)
        assert result.returncode == 1
        assert message in result.stderr and "Fix:" in result.stderr
    assert snapshot(project / "briefings") == before


# --- regenerate -------------------------------------------------------------

def test_regenerate_replaces_only_when_asked_and_keeps_a_backup(project: Path):
    convert(Project.at(project))
    edited = edit(project, EDITED, "Cho Hyun pointed out", "Cho Hyun (the minister) pointed out")
    seed_path = project / SEED_004
    seed_path.write_text(seed_path.read_text(encoding="utf-8") + "\n\nA new closing line.\n",
                         encoding="utf-8")
    convert(Project.at(project))
    assert (project / EDITED).read_bytes() == edited  # builds never take the new version

    result = run_cli(project, "regenerate", EDITED)
    assert result.returncode == 0, result.stderr
    backup = re.search(r"saved as (\S+)$", result.stdout.strip()).group(1)
    assert backup.startswith(".cache/backups/briefings/")
    assert (project / backup).read_bytes() == edited
    fresh = (project / EDITED).read_text(encoding="utf-8")
    assert read_briefing(project / EDITED, project).state == "generated"
    assert "A new closing line." in fresh and "(the minister)" not in fresh

    again = run_cli(project, "regenerate", EDITED)
    assert again.returncode == 0 and "nothing written" in again.stdout
    assert (project / EDITED).read_text(encoding="utf-8") == fresh


def test_regenerate_waits_for_no_one_while_a_build_holds_the_lock(project: Path):
    convert(Project.at(project))
    edited = edit(project, EDITED, "Cho Hyun pointed out", "Cho Hyun (the minister) pointed out")
    with build_lock(Project.at(project).lock_path):
        result = run_cli(project, "regenerate", EDITED)
    assert result.returncode == 1
    assert "another newsbrief build" in result.stderr
    assert (project / EDITED).read_bytes() == edited


# --- pre-commit -------------------------------------------------------------

def test_pre_commit_hook_runs_check_and_blocks_a_broken_briefing(project: Path):
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "newsbrief-check"
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "briefings/a.md") and re.search(hook["files"], "seeds/a.txt")
    assert not re.search(hook["files"], "docs/index.md")
    program, *args = shlex.split(hook["entry"])
    command = [str(Path(sys.executable).parent / program), *args, *hook.get("args", [])]
    assert shutil.which(command[0]), command[0]
    convert(Project.at(project))
    ok = subprocess.run(command, cwd=project, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (project / "briefings/broken.md").write_text(BROKEN, encoding="utf-8")
    blocked = subprocess.run(command, cwd=project, capture_output=True, text=True)
    assert blocked.returncode == 1
    assert blocked.stdout.startswith("briefings/broken.md:4: error:")
