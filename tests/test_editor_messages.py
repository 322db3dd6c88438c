"""The small traps: each message says what is wrong and the fix that fits."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, run_cli

from newsbrief.briefing_file import parse_briefing
from newsbrief.pipeline import convert
from newsbrief.project import Project

EDITED = "briefings/preliminary-formation-of-south-korea-us-security-agreement.md"
SEED_EDITED = "seeds/004_9acd160b5a1f3811.txt"


def problems(front_matter: str) -> list[str]:
    file = parse_briefing(f"---\ntitle: T\n{front_matter}---\n\nText.\n", "briefings/t.md")
    return [p.format(severity=True) for p in file.problems]


def test_a_quoted_date_says_to_remove_the_quotes():
    [problem] = problems("date: '2026-03-03'\n")
    assert problem.startswith("briefings/t.md:3: error: `date` is the text '2026-03-03' in quotes")
    assert "Fix: remove the quotes: `date: 2026-03-03`." in problem
    [other] = problems("date: 'March 3'\n")
    assert "write it as YYYY-MM-DD" in other


def test_an_unknown_key_suggests_the_closest_known_one():
    [problem] = problems("summery: A typo.\n")
    assert "unknown front matter key `summery`. Fix: did you mean `summary`?" in problem
    assert "known keys" not in problem
    [far] = problems("colour: blue\n")
    assert "known keys: byline, date" in far


def test_draft_must_be_true_or_false():
    assert problems("draft: true\n") == []
    [problem] = problems("draft: yes please\n")
    assert "`draft` is 'yes please', not true or false" in problem


def test_duplicate_titles_warn_naming_both_files(tmp_path: Path):
    folder = tmp_path / "briefings"
    folder.mkdir(parents=True)
    for name in ("a", "b"):
        (folder / f"{name}.md").write_text("---\ntitle: Same  Headline\n---\n\nText.\n",
                                           encoding="utf-8")
    result = run_cli(tmp_path, "check", "--strict")
    assert result.returncode == 1
    assert ("briefings/b.md: warning: has the same title as briefings/a.md ('Same  Headline')"
            in result.stdout)


def test_a_string_where_a_list_belongs_is_invalid_not_edited(project: Path):
    convert(Project.at(project))
    path = project / EDITED
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"people:\n(- .*\n)+", "people: Cho Hyun\n", text), encoding="utf-8")
    out = run_cli(project, "status").stdout
    assert re.search(rf"^invalid +{re.escape(EDITED)}  \(.*`people` is not a list of names",
                     out, re.M)


def test_a_command_given_a_seed_finds_its_briefing(project: Path):
    convert(Project.at(project))
    result = run_cli(project, "diff", SEED_EDITED)
    assert result.returncode == 0, result.stderr
    assert f"{EDITED}: a regeneration would change nothing" in result.stderr


def test_a_briefing_given_no_date_says_so(project: Path):
    (project / "seeds/105_undated.txt").write_text(
        "Harbour Plan Approved\n\nThe council approved the harbour plan.\n", encoding="utf-8")
    result = run_cli(project, "-v", "convert")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^INFO +- +briefings/harbour-plan-approved\.md: its seed gives no date",
                     result.stderr, re.M)
    assert "add `date: YYYY-MM-DD`" in result.stderr


def test_top_level_help_shows_every_command_in_full(tmp_path: Path):
    from newsbrief.cli import main

    result = run_cli(tmp_path, "--help")
    assert result.returncode == 0
    listing = result.stdout.split("Commands:\n", 1)[1]
    assert "..." not in listing
    for name, command in main.commands.items():
        first = " ".join(command.help.split("\n\n")[0].split())
        assert first in " ".join(listing.split()), name


def test_the_readmes_pre_commit_config_is_the_repositorys():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    [snippet] = re.findall(r"```yaml\n(repos:\n.*?)```", readme, re.S)
    assert (REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8") == snippet
