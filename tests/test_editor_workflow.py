"""The editors' workflow without traps, through real strict MkDocs builds: `check`
agrees with the build in every state `status` names, renamed seeds keep their
briefing, `unpublish` takes a briefing off the site, and a vocabulary change
reaches unedited briefings by itself. (`merge` and `accept`: test_editor_merge.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli, run_mkdocs
from editing import (EDITED, HAND, OTHER, SEED_EDITED, SEED_OTHER, append_to_seed, edit,
                     hand_written, root, state, statuses)  # noqa: F401 (root: a fixture)

from newsbrief.pipeline import convert
from newsbrief.project import Project

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
    export = run_cli(root, "export", str(tmp_path / "export"))
    assert export.returncode == 0, export.stderr
    assert not (tmp_path / "export/docs/briefings" / f"{slug}.md").exists()
    assert (tmp_path / "export/docs/briefings" / Path(EDITED).name).exists()
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
