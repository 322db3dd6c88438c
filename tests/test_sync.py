"""Sync stage and the whole conversion: editors' work is never overwritten."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, snapshot

from newsbrief.pipeline import convert
from newsbrief.project import Project


def test_convert_writes_one_briefing_per_seed(project: Path):
    report = convert(Project.at(project))
    assert len(report.written) == 2
    assert sorted(p.name for p in (project / "briefings").iterdir()) == [
        "preliminary-formation-of-south-korea-us-security-agreement.md",
        "south-korea-remains-confident-in-the-stability-of-its.md",
    ]
    assert report.problems == ()


def test_second_convert_writes_nothing(project: Path):
    convert(Project.at(project))
    before = snapshot(project / "briefings")
    report = convert(Project.at(project))
    assert report.written == () and report.analysed == 0
    assert snapshot(project / "briefings") == before


def test_edited_briefing_survives_rebuilds_and_seed_changes(project: Path):
    convert(Project.at(project))
    target = project / "briefings" / "preliminary-formation-of-south-korea-us-security-agreement.md"
    edited = target.read_bytes().replace(b"Cho Hyun pointed out", b"Cho Hyun (the minister) pointed out")
    target.write_bytes(edited)
    convert(Project.at(project))
    seed = project / "seeds" / "004_9acd160b5a1f3811.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA new closing paragraph.\n", encoding="utf-8")
    report = convert(Project.at(project))
    assert target.read_bytes() == edited
    assert report.written == ()
    [warning] = [p for p in report.problems if p.path.endswith(target.name)]
    assert "edited by hand" in warning.message and "004_9acd160b5a1f3811.txt" in warning.message


def test_unedited_briefing_follows_its_seed(project: Path):
    convert(Project.at(project))
    seed = project / "seeds" / "004_9acd160b5a1f3811.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA new closing paragraph.\n", encoding="utf-8")
    report = convert(Project.at(project))
    assert report.written == ("briefings/preliminary-formation-of-south-korea-us-security-agreement.md",)
    assert "A new closing paragraph." in (project / report.written[0]).read_text(encoding="utf-8")


def test_colliding_headlines_get_distinct_slugs(project: Path):
    (project / "seeds" / "100_copy.txt").write_bytes(
        (project / "seeds" / "004_9acd160b5a1f3811.txt").read_bytes() + b"\nExtra.")
    convert(Project.at(project))
    names = {p.name for p in (project / "briefings").iterdir()}
    assert "preliminary-formation-of-south-korea-us-security-agreement.md" in names
    assert "preliminary-formation-of-south-korea-us-security-agreement-100-copy.md" in names


def test_headline_without_ascii_letters_still_gets_a_slug(project: Path):
    (project / "seeds" / "200_emoji.txt").write_text("\U0001F4F0\U0001F525\n\nBody text.", encoding="utf-8")
    (project / "seeds" / "201_korean.txt").write_text("\ud55c\uad6d \ub274\uc2a4\n\nBody text.", encoding="utf-8")
    convert(Project.at(project))
    names = {p.name for p in (project / "briefings").iterdir()}
    assert "briefing.md" in names
    assert "hangug-nyuseu.md" in names


def test_cli_convert_runs_the_same_pipeline(project: Path):
    result = run_cli(project, "convert")
    assert result.returncode == 0, result.stderr
    assert "2 briefing(s) written" in result.stdout
    assert len(list((project / "briefings").glob("*.md"))) == 2


def test_a_refused_seed_does_not_make_its_briefing_an_orphan(project: Path):
    convert(Project.at(project))
    (project / "seeds" / "004_9acd160b5a1f3811.txt").write_bytes(b"  \n")
    report = convert(Project.at(project))
    messages = [str(p) for p in report.problems]
    assert any("004_9acd160b5a1f3811.txt" in m and "empty" in m for m in messages)
    assert not any("no longer exists" in m for m in messages)
    assert (project / "briefings" / "preliminary-formation-of-south-korea-us-security-agreement.md").exists()


def test_status_reports_what_the_build_decides(tmp_path: Path):
    """`newsbrief status` reads the sync plan, so it cannot disagree with the build: an edited
    briefing whose machine block lost its seed hash is kept without a warning, not flagged."""
    from newsbrief import editor
    from newsbrief.briefing_file import parse_briefing
    from newsbrief.machine import Inputs, stamp
    from newsbrief.model import Seed
    from newsbrief.sync import plan

    def briefing(source: str, edit: str = "", seed_hash: bool = True) -> str:
        text = stamp(f"---\ntitle: T {source}\nsource: {source}\n---\n\nBody.\n",
                     Inputs("f" * 64)) + edit
        return text if seed_hash else text.replace(f"  seed_sha256: {'f' * 64}\n", "")

    files = {
        "briefings/current.md": briefing("seeds/a.txt"),
        "briefings/changed.md": briefing("seeds/b.txt"),
        "briefings/edited.md": briefing("seeds/c.txt", "More.\n"),
        "briefings/no-seed-hash.md": briefing("seeds/d.txt", "More.\n", seed_hash=False),
        "briefings/edited-changed.md": briefing("seeds/e.txt", "More.\n"),
        "briefings/orphan.md": briefing("seeds/gone.txt"),
    }
    parsed = [parse_briefing(t, rel) for rel, t in files.items()]
    hashes = {"seeds/a.txt": "f" * 64, "seeds/b.txt": "1" * 64, "seeds/c.txt": "f" * 64,
              "seeds/d.txt": "2" * 64, "seeds/e.txt": "3" * 64}
    seeds = [Seed(source, sha, "Text.") for source, sha in hashes.items()]
    the_plan = plan(seeds, parsed, "briefings", "seeds", set(hashes))
    tasks, problems = the_plan.tasks, the_plan.problems
    statuses = {f.rel: editor._status(f, the_plan, []).status for f in parsed}
    assert statuses == {"briefings/current.md": "generated", "briefings/changed.md": "generated",
                        "briefings/edited.md": "edited", "briefings/no-seed-hash.md": "edited",
                        "briefings/edited-changed.md": "edited-seed-changed",
                        "briefings/orphan.md": "orphaned"}
    assert [t.target for t in tasks] == ["briefings/changed.md"]
    assert sorted(p.path for p in problems) == ["briefings/edited-changed.md",
                                                 "briefings/orphan.md"]


def test_a_new_vocabulary_or_model_regenerates_only_unedited_briefings():
    from newsbrief.briefing_file import parse_briefing
    from newsbrief.machine import Inputs, stamp
    from newsbrief.sync import decide

    made_from = Inputs("a" * 64, "b" * 64, "en_core_web_sm-3.8.0")
    text = stamp("---\ntitle: T\nsource: seeds/a.txt\n---\n\nBody.\n", made_from)
    generated = parse_briefing(text, "briefings/t.md")
    edited = parse_briefing(text + "More.\n", "briefings/t.md")
    assert generated.inputs == made_from and generated.state == "generated"
    for now in (Inputs("a" * 64, "c" * 64, made_from.model),
                Inputs("a" * 64, made_from.vocabulary_sha256, "en_core_web_sm-3.9.0")):
        assert decide(now, generated) == "regenerate"
        assert decide(now, edited) == "keep-edited"  # no warning: only a seed change warns
    assert decide(made_from, generated) == "current"
    assert decide(Inputs("d" * 64, "b" * 64, made_from.model), edited) == "seed-changed-under-edit"
