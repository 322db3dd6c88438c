"""The README's map of the code stays the code's: its module table names every module."""

from __future__ import annotations

import re

from conftest import REPO


def test_the_readme_module_table_names_every_module_and_no_other():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    how = readme[readme.index("## How it works"):readme.index("- **Reading.**")]
    first_column = re.findall(r"^\| ([^|]+) \|", how, re.M)
    named = {name for cell in first_column for name in re.findall(r"`([\w/]+)`", cell)}
    package = REPO / "src" / "newsbrief"
    modules = {p.stem for p in package.glob("*.py") if not p.stem.startswith("__")}
    modules |= {f"{p.name}/" for p in package.iterdir() if (p / "__init__.py").is_file()}
    assert named == modules
