"""The CI workflow cannot run here, so its promises are read from the YAML.

Pull requests and pushes to main test and build; only a push to main
deploys, with the permissions and concurrency GitHub Pages needs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "deploy.yml"
PUSH_MAIN = {"github.event_name": "push", "github.ref": "refs/heads/main"}
PUSH_OTHER = {"github.event_name": "push", "github.ref": "refs/heads/feature"}
PULL_REQUEST = {"github.event_name": "pull_request", "github.ref": "refs/pull/7/merge"}
COMPARISON = re.compile(r"^\s*([\w.]+)\s*(==|!=)\s*'([^']*)'\s*$")


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads a bare `on` key as the boolean True
    return workflow.get("on", workflow.get(True))


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def step(workflow: dict, job: str, action: str) -> dict:
    found = [s for s in steps(workflow, job) if s.get("uses", "").split("@")[0] == action]
    assert len(found) == 1, f"{WORKFLOW}: job {job!r} should use {action} once"
    return found[0]


def runs(condition: str | None, context: dict[str, str]) -> bool:
    """Evaluate an `if:` made of `==`/`!=` comparisons joined by `&&`."""
    if condition is None:
        return True
    condition = condition.strip().removeprefix("${{").removesuffix("}}")
    result = True
    for part in condition.split("&&"):
        match = COMPARISON.match(part)
        assert match, f"{WORKFLOW}: keep deploy conditions to `a == 'b' && ...`: {condition!r}"
        name, op, value = match.groups()
        result &= (context[name] == value) == (op == "==")
    return result


def test_runs_on_pushes_to_main_and_on_pull_requests(workflow: dict):
    on = triggers(workflow)
    assert on["push"]["branches"] == ["main"]
    assert "pull_request" in on


def test_sets_up_python_311_with_a_pip_cache(workflow: dict):
    python = step(workflow, "build", "actions/setup-python")
    assert str(python["with"]["python-version"]) == "3.11"
    assert python["with"]["cache"] == "pip"
    assert python["with"]["cache-dependency-path"] == "requirements/*.txt"


def test_caches_the_analysis_cache_by_requirements_and_seeds(workflow: dict):
    cache = step(workflow, "build", "actions/cache")
    assert cache["with"]["path"] == ".cache"
    key = cache["with"]["key"]
    assert "hashFiles(" in key and "requirements/*.txt" in key and "seeds/" in key
    assert key.startswith(cache["with"]["restore-keys"].strip().split("$")[0])


def test_tests_then_builds_with_the_developers_commands(workflow: dict):
    commands = [s.get("run", "").strip() for s in steps(workflow, "build")]
    assert "make test" in commands and "make site" in commands
    assert commands.index("make test") < commands.index("make site")
    uses = [s.get("uses", "").split("@")[0] for s in steps(workflow, "build")]
    assert uses[0] == "actions/checkout"
    upload = step(workflow, "build", "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    assert steps(workflow, "build").index(upload) > commands.index("make site")


def test_building_and_testing_run_for_every_trigger(workflow: dict):
    build = workflow["jobs"]["build"]
    for context in (PUSH_MAIN, PULL_REQUEST):
        assert runs(build.get("if"), context)
        for s in build["steps"]:
            if s.get("run", "").strip() in ("make test", "make site"):
                assert runs(s.get("if"), context)


def test_only_a_push_to_main_uploads_or_deploys(workflow: dict):
    upload = step(workflow, "build", "actions/upload-pages-artifact")
    deploy_job = workflow["jobs"]["deploy"]
    deploy = step(workflow, "deploy", "actions/deploy-pages")
    for job, s in ((workflow["jobs"]["build"], upload), (deploy_job, deploy)):
        assert runs(job.get("if"), PUSH_MAIN) and runs(s.get("if"), PUSH_MAIN)
        for context in (PULL_REQUEST, PUSH_OTHER):
            assert not (runs(job.get("if"), context) and runs(s.get("if"), context))
    assert deploy_job["needs"] in ("build", ["build"])


def test_only_the_deploy_job_may_write_to_pages(workflow: dict):
    assert workflow["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    for name, job in workflow["jobs"].items():
        if name != "deploy":
            assert "pages" not in job.get("permissions", {})
    assert deploy["environment"]["name"] == "github-pages"


def test_deployments_queue_instead_of_overlapping(workflow: dict):
    concurrency = workflow["jobs"]["deploy"]["concurrency"]
    assert concurrency["group"]
    assert concurrency["cancel-in-progress"] is False
    assert workflow["concurrency"]["group"]


def test_the_condition_reader_is_not_vacuous():
    both = "${{ github.event_name == 'push' && github.ref == 'refs/heads/main' }}"
    assert runs(both, PUSH_MAIN)
    assert not runs(both, PUSH_OTHER) and not runs(both, PULL_REQUEST)
    assert runs("github.event_name != 'pull_request'", PUSH_OTHER)
