"""`make bench` and `make eval` are deliverables: their modules must keep importing as the
package changes under them (they run rarely, so nothing else would notice)."""

from __future__ import annotations

import importlib

import pytest

from conftest import REPO


@pytest.mark.parametrize("module", sorted(
    f"{folder}.{path.stem}" for folder in ("benchmarks", "evaluation")
    for path in (REPO / folder).glob("*.py") if path.stem != "__init__"))
def test_the_bench_and_eval_modules_import(module):
    assert importlib.import_module(module).__name__ == module
