"""Golden files: the exact briefing each shipped seed becomes.

After an intended change to reading, analysis or rendering, review the diff
and refresh with `UPDATE_GOLDEN=1 make test`.
"""

from __future__ import annotations

import os
from pathlib import Path

import frontmatter
import pytest

from newsbrief.pipeline import convert
from newsbrief.project import Project

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def converted(project: Path) -> dict[str, str]:
    convert(Project.at(project))
    out = {}
    for path in (project / "briefings").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        source = frontmatter.loads(text)["source"]
        out[Path(source).stem] = text
    return out


@pytest.mark.parametrize("seed", ["000_cd2c957b51300a6d", "004_9acd160b5a1f3811"])
def test_seed_matches_its_golden_briefing(converted, seed):
    golden = GOLDEN / f"{seed}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(converted[seed], encoding="utf-8")
    assert converted[seed] == golden.read_text(encoding="utf-8")


def test_seed_004_facts(converted):
    meta = frontmatter.loads(converted["004_9acd160b5a1f3811"]).metadata
    assert meta["title"] == ("Preliminary Formation of South Korea-US Security Agreement, "
                             "Intended to be Announced Before APEC Summit")
    assert str(meta["date"]) == "2025-10-01"
    assert meta["source"] == "seeds/004_9acd160b5a1f3811.txt"
    assert meta["people"] == ["Cho Hyun", "Donald Trump", "Lee Jae-myung", "Kim Jong-un"]
    assert meta["organizations"] == ["APEC"]
    assert set(meta["places"]) == {"South Korea", "United States", "North Korea",
                                   "Gyeongju", "Pyongyang", "Seoul"}


def test_seed_000_facts(converted):
    text = converted["000_cd2c957b51300a6d"]
    meta = frontmatter.loads(text).metadata
    assert len(meta["title"].split()) <= 15
    assert "date" not in meta
    assert "\n## Steadfast Alliance Amid Electoral Uncertainty\n" in text
    assert "\n## Advancing Defense and Security Collaboration\n" in text
    assert "South Korea" in meta["places"] and "United States" in meta["places"]
