"""Bad seeds: each is refused or repaired with a warning naming the file and the
reason, the other seeds still build, and a strict build fails only after listing
every one of them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_project, run_mkdocs, share_analysis_cache

from newsbrief.pipeline import convert
from newsbrief.project import Project
from newsbrief.read import MAX_SEED_BYTES, decode

GOOD_SLUG = "preliminary-formation-of-south-korea-us-security-agreement"
WESTERN = ("Caf\u00e9 owners \u2013 na\u00efve pricing\n\n"
           "The caf\u00e9\u2019s owners said \u201cno\u201d to the plan on Monday.\n")

# seed name -> (bytes, words the warning must hold)
REFUSED = {
    "seeds/bad_empty.txt": (b"", "empty"),
    "seeds/bad_blank.txt": (b" \n\t\r\n  \n", "empty or only whitespace"),
    "seeds/bad_binary.txt": (b"Headline\n\nBody\x00\x01\x02 text.", "NUL bytes"),
    "seeds/bad_huge.txt": (b"Headline\n\n" + b"word " * (MAX_SEED_BYTES // 5),
                           "1,000,000-byte limit"),
    "seeds/bad_noise.txt": (bytes(range(1, 256)) * 3, "not text in any encoding"),
}
REPAIRED = {
    "seeds/fix_cp1252.txt": (WESTERN.encode("cp1252"), "not UTF-8; read it as cp1252"),
    "seeds/fix_latin1.txt": ("Z\u00fcrich r\u00e9sum\u00e9\n\nThe caf\u00e9 opened in Z\u00fcrich."
                             .encode("latin-1"), "not UTF-8; read it as cp1252"),
    "seeds/fix_control.txt": (b"Control\x07 characters\x1b here\n\nBody\x0b text \x7fstays.",
                              "control characters; removed them"),
}
IGNORED = {"seeds/notes.md": b"# Editor notes\n", "seeds/photo.jpg": b"\xff\xd8\xff\xe0JFIF"}
BAD = {**REFUSED, **REPAIRED}


def add_bad_seeds(root: Path) -> None:
    for rel, (raw, _) in BAD.items():
        (root / rel).write_bytes(raw)
    for rel, raw in IGNORED.items():
        (root / rel).write_bytes(raw)


@pytest.fixture(scope="module")
def bad_project(tmp_path_factory, shared_cache: Path) -> Path:
    root = copy_project(tmp_path_factory.mktemp("bad") / "project")
    share_analysis_cache(root, shared_cache)
    add_bad_seeds(root)
    return root


@pytest.fixture(scope="module")
def converted(bad_project: Path, tmp_path_factory):
    root = tmp_path_factory.mktemp("convert") / "project"
    shutil.copytree(bad_project, root, symlinks=True)
    return root, convert(Project.at(root))


@pytest.fixture(scope="module")
def report(converted):
    return converted[1]


@pytest.fixture(scope="module")
def strict_build(bad_project: Path, tmp_path_factory):
    root = tmp_path_factory.mktemp("strict") / "project"
    shutil.copytree(bad_project, root, symlinks=True)
    site = root.parent / "site"
    return run_mkdocs(root, site, strict=True), site


@pytest.fixture(scope="module")
def lenient_build(bad_project: Path, tmp_path_factory):
    root = tmp_path_factory.mktemp("lenient") / "project"
    shutil.copytree(bad_project, root, symlinks=True)
    site = root.parent / "site"
    return run_mkdocs(root, site, strict=False), site


@pytest.mark.parametrize("seed", sorted(BAD))
def test_each_bad_seed_gets_one_problem_naming_file_reason_and_fix(report, seed):
    [problem] = [p for p in report.problems if p.path == seed]
    assert BAD[seed][1] in problem.message
    assert str(problem).startswith(f"{seed}: ") and "Fix:" in str(problem)


def test_refused_seeds_get_no_briefing_and_the_others_do(report):
    sources = {f.source for f in report.briefings}
    assert not sources & set(REFUSED)
    assert set(REPAIRED) <= sources
    assert {"seeds/004_9acd160b5a1f3811.txt", "seeds/000_cd2c957b51300a6d.txt"} <= sources


@pytest.mark.parametrize("seed", sorted(IGNORED))
def test_files_that_are_not_txt_are_ignored_with_an_info_note(report, seed):
    [note] = [n for n in report.notes if n.startswith(f"{seed}:")]
    assert "only .txt files are read" in note and "ignored" in note
    assert all(p.path != seed for p in report.problems)


def test_western_legacy_text_is_decoded_as_cp1252_not_a_lookalike():
    """charset-normalizer ranks cp1250 first for this text, which turns "naïve" into "naďve"."""
    text, [warning] = decode(WESTERN.encode("cp1252"), "seeds/w.txt")
    assert text == WESTERN
    assert "cp1252" in warning.message


def test_repaired_seeds_publish_their_repaired_text(converted):
    root, report = converted
    by_source = {f.source: f for f in report.briefings}
    text = lambda source: (root / by_source[source].rel).read_text(encoding="utf-8")  # noqa: E731
    assert "na\u00efve pricing" in by_source["seeds/fix_cp1252.txt"].meta["title"]
    assert "Z\u00fcrich" in text("seeds/fix_latin1.txt")
    assert by_source["seeds/fix_control.txt"].meta["title"] == "Control characters here"
    control = text("seeds/fix_control.txt")
    assert "\x07" not in control and "\x0b" not in control and "\x7f" not in control


def test_strict_build_fails_after_listing_every_bad_seed(strict_build):
    result, _ = strict_build
    assert result.returncode != 0
    log = result.stderr
    for seed, (_, reason) in BAD.items():
        assert re.search(rf"^WARNING +- +{re.escape(seed)}: .*{re.escape(reason)}", log, re.M), \
            f"{seed} is not named in the strict build output:\n{log}"
    # MkDocs counts the warnings and aborts only at the end of the build, so one
    # bad seed does not hide the next: the count is every bad seed's warning.
    assert "Building documentation" in log
    aborted = re.search(r"^Aborted with (\d+) warnings in strict mode!", result.stdout + log, re.M)
    assert aborted, result.stdout + log
    assert int(aborted.group(1)) == len(BAD)


def test_lenient_build_names_every_bad_seed_and_publishes_the_rest(lenient_build):
    result, site = lenient_build
    assert result.returncode == 0, result.stderr
    for seed in BAD:
        assert re.search(rf"^WARNING +- +{re.escape(seed)}: ", result.stderr, re.M), seed
    for seed in IGNORED:
        assert re.search(rf"^INFO +- +{re.escape(seed)}: .*ignored", result.stderr, re.M), seed
    assert (site / "briefings" / GOOD_SLUG / "index.html").is_file()
    pages = {p.parent.name for p in (site / "briefings").glob("*/index.html")}
    assert len(pages) == 2 + len(REPAIRED)


def test_a_broken_vocabulary_names_the_line_where_the_bracket_opened(tmp_path):
    from newsbrief.catalog import load_catalog

    (tmp_path / "entities.yml").write_text(
        "entities:\n  - name: Cho Hyun\n    aliases: [Cho,\n    kind: person\n", encoding="utf-8")
    (tmp_path / "topics.yml").write_text("topics:\n\ttariffs: [tariff]\n", encoding="utf-8")
    problems = {p.path: p for p in load_catalog(tmp_path).problems}
    assert problems["entities.yml"].line == 3  # where `[` opened, not where YAML gave up
    assert problems["topics.yml"].line == 2 and "a tab" in problems["topics.yml"].message
    assert str(problems["topics.yml"]).startswith("topics.yml:2: is not valid YAML: ")
    assert "it is ignored until then" in problems["topics.yml"].fix
