"""The checks of ``.pre-commit-config.yaml`` pass on the whole repository (ruff, chapter pairing,
data validation, the data dictionary), so CI runs what a contributor's commit hook runs."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from analysis import REPO_ROOT

BIN = Path(sys.executable).parent
CONFIG = REPO_ROOT / ".pre-commit-config.yaml"
HOOKS = [
    hook for repo in yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["repos"] for hook in repo["hooks"]
]


def _tracked_files(pattern: str) -> list[str]:
    listed = subprocess.run(["git", "ls-files"], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.splitlines() if re.search(pattern, name)]


def _status() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain"], cwd=REPO_ROOT, capture_output=True, text=True
    ).stdout


def test_pre_commit_configuration_is_valid():
    result = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", str(CONFIG)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
def test_every_pre_commit_hook_passes_on_the_repository(hook):
    command = shlex.split(hook["entry"])
    command[0] = str(BIN / Path(command[0]).name)
    files = _tracked_files(hook["files"]) if hook.get("pass_filenames", True) else []
    if hook.get("types_or") == ["python"]:
        files = [name for name in files if name.endswith(".py")]
    before = _status()
    result = subprocess.run([*command, *files], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _status() == before, f"{hook['id']} changed files: run it and commit the result"


@pytest.mark.parametrize("document", ["README.md", "CONTRIBUTING.md"])
def test_every_command_a_guide_names_exists(document):
    text = (REPO_ROOT / document).read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z]+):", (REPO_ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    named = set(re.findall(r"\bmake ([a-z]+)\b", text))
    assert named, f"{document} names no make target"
    assert named <= targets, f"{document} names make targets the Makefile lacks: {sorted(named - targets)}"
    for module in set(re.findall(r"python -m (analysis(?:\.\w+)+)", text)):
        path = REPO_ROOT / Path(*module.split("."))
        assert path.with_suffix(".py").is_file(), f"{document}: python -m {module} names no module"
        assert "__main__" in path.with_suffix(".py").read_text(encoding="utf-8"), f"{module} is not runnable"


def test_the_publishing_workflow_tests_before_it_publishes_the_built_site():
    """The GitHub Actions workflow parses, runs ``make test`` before building and uploading
    ``_build/html``, deploys only after the build job, and passes the site URL the citations use."""
    import yaml

    workflow = yaml.safe_load(
        (REPO_ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    )
    build = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in build]
    uses = [step.get("uses", "") for step in build]
    assert "make test" in runs and runs.index("make test") < runs.index("make book")
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_build/html"
    assert uses.index(upload["uses"]) > runs.index("make book")
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert all(
        "SCALING_TRENDS_SITE_URL" in step.get("env", {})
        for step in build
        if step.get("run", "").startswith("make")
    )
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert set(workflow[True]) >= {"push"}, "on: push"


def test_a_narrow_log_axis_has_ticks_between_its_powers_of_ten():
    from analysis.report import charts

    axis = charts.log_axis("loss", 2.3, 4.6)
    assert axis["axis"].values == [2, 3, 4, 5]
    assert charts.log_axis("tokens", 1e10, 1e16)["axis"].values[0] == 1e10


def test_a_tooltip_in_watts_dollars_or_flop_reads_in_human_units():
    from analysis.report import page

    power, calculate = page._human_tooltip(
        {"field": "power_w", "type": "quantitative", "format": ".3~e", "title": "power (W)"}
    )
    assert power["title"] == "power" and power["type"] == "nominal" and "GW" in calculate["calculate"]
    cost, calculate = page._human_tooltip({"field": "cost_usd", "type": "quantitative", "format": ".3~e"})
    assert "billion" in calculate["calculate"]
    share, calculate = page._human_tooltip({"field": "share", "type": "quantitative", "format": ".2f"})
    assert calculate is None and share["field"] == "share"
