"""Answering a seed that changed under an edit, through real builds: `diff --seed-only`,
`merge` (clean, with conflicts, from git history, with no base) and `accept`."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import run_cli, run_mkdocs
from editing import (EDITED, SEED_EDITED, append_to_seed, changed_under_edit, edit, root,
                     state, statuses)  # noqa: F401 (root: a fixture)


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
