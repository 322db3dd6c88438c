"""The editors' lifecycle through real MkDocs builds: an edit survives rebuilds
and seed changes byte for byte, a deleted seed's briefing stays published,
a hand-written briefing is published and listed, and each case is named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_mkdocs, snapshot

EDITED = "briefings/preliminary-formation-of-south-korea-us-security-agreement.md"
ORPHAN = "briefings/south-korea-remains-confident-in-the-stability-of-its.md"
HAND = "briefings/desk-notes.md"
SEED_EDITED = "seeds/004_9acd160b5a1f3811.txt"
SEED_GONE = "seeds/000_cd2c957b51300a6d.txt"


@pytest.fixture
def lifecycle(project: Path, tmp_path: Path):
    assert run_mkdocs(project, tmp_path / "first").returncode == 0
    target = project / EDITED
    text = target.read_text(encoding="utf-8").replace("Cho Hyun pointed out",
                                                      "Cho Hyun, the foreign minister, pointed out")
    target.write_text(text, encoding="utf-8")
    seed = project / SEED_EDITED
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA late paragraph from the wire.\n",
                    encoding="utf-8")
    (project / SEED_GONE).unlink()
    (project / HAND).write_text("---\ntitle: Notes From the Desk\ndate: 2025-10-03\n"
                                "summary: What we are watching this week.\n---\n\n"
                                "Written by an editor, with no seed.\n", encoding="utf-8")
    return project, target.read_bytes()


def page(site: Path, rel: str) -> str:
    return (site / "briefings" / Path(rel).stem / "index.html").read_text(encoding="utf-8")


def test_edits_survive_rebuilds_and_seed_changes_and_each_case_is_named(lifecycle, tmp_path):
    root, edited = lifecycle
    before = snapshot(root / "briefings")
    for name in ("second", "third"):
        result = run_mkdocs(root, tmp_path / name, strict=False)
        assert result.returncode == 0, result.stderr
        assert snapshot(root / "briefings") == before
    assert (root / EDITED).read_bytes() == edited
    log = result.stderr
    assert re.search(rf"^WARNING +- +{re.escape(EDITED)}: was edited by hand and its seed "
                     rf"{re.escape(SEED_EDITED)} has changed", log, re.M)
    assert f"newsbrief diff --seed-only {EDITED}" in log and f"newsbrief merge {EDITED}" in log
    assert re.search(rf"^WARNING +- +{re.escape(ORPHAN)}: its seed {re.escape(SEED_GONE)} "
                     "no longer exists; the briefing is kept and still published", log, re.M)
    site = tmp_path / "third"
    assert "Cho Hyun, the foreign minister, pointed out" in page(site, EDITED)
    assert "A late paragraph from the wire." not in page(site, EDITED)
    assert "Steadfast Alliance" in page(site, ORPHAN)
    assert "Written by an editor, with no seed." in page(site, HAND)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="briefings/desk-notes/"' in home and "Notes From the Desk" in home


def test_strict_build_fails_listing_the_changed_seed_and_the_orphan(lifecycle, tmp_path):
    root, edited = lifecycle
    result = run_mkdocs(root, tmp_path / "site", strict=True)
    assert result.returncode == 1
    assert f"{EDITED}: was edited by hand" in result.stderr
    assert f"{ORPHAN}: its seed {SEED_GONE} no longer exists" in result.stderr
    assert re.search(r"^Aborted with 2 warnings in strict mode!", result.stdout, re.M)
    assert (root / EDITED).read_bytes() == edited
