"""What stops a build or a command reaches people as one line that says what to do."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from conftest import copy_project, run_cli, run_mkdocs

from newsbrief.analyze import ner
from newsbrief.messages import NewsbriefError, one_line
from newsbrief.pipeline import convert
from newsbrief.project import Project


def test_a_file_system_error_names_the_file_and_the_fix():
    error = PermissionError(errno.EACCES, "Permission denied", "briefings/a.md")
    assert one_line(error) == ("briefings/a.md: Permission denied. Fix: give this user "
                               "permission to read and write it, then run again")
    assert one_line(OSError(errno.EIO, "Input/output error")).startswith(
        "a file newsbrief needs: Input/output error. Fix: check the file")


@pytest.mark.build
def test_a_file_where_the_briefings_folder_belongs_stops_build_and_command_in_one_line(
        project: Path, tmp_path: Path):
    (project / "briefings").write_text("not a folder\n", encoding="utf-8")
    for result in (run_cli(project, "convert"), run_mkdocs(project, tmp_path / "site")):
        assert result.returncode != 0
        assert "Traceback" not in result.stderr, result.stderr
        [line] = [x for x in result.stderr.splitlines() if "Fix:" in x]
        assert f"{project / 'briefings'}/" in line and ": Not a directory. Fix: move the file " \
            "out of the way of the folder newsbrief needs there" in line, result.stderr


def test_no_language_model_names_the_seeds_and_how_to_install_it(tmp_path: Path, monkeypatch):
    root = copy_project(tmp_path / "fresh")  # no shared cache: the model is needed

    def missing():
        raise ner.ModelMissing("no spaCy English model is installed. Fix: run `make site`")

    monkeypatch.setattr(ner, "load_model", missing)
    with pytest.raises(NewsbriefError) as raised:
        convert(Project.at(root))
    assert str(raised.value) == ("seeds/000_cd2c957b51300a6d.txt (and 1 more): cannot be "
                                 "analysed: no spaCy English model is installed. Fix: run "
                                 "`make site`")
