"""The execution cache: a page runs again exactly when something it depends on changed.

A copy of the repository, cut down to the data-audit page (the fastest page
that reads ``data/models.csv``), is built, rebuilt after a prose edit and
rebuilt after a data edit. ``PYTHONPATH`` points the build and
its kernels at the copy's ``analysis`` package.
"""

import csv
import re
import resource
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import build_book

from analysis import REPO_ROOT
from analysis.build import notebooks

AUDIT_PAGE = "appendix/data-audit"
CACHED_REBUILD_BUDGET_SECONDS = 10.0


def _repository_copy(target: Path) -> Path:
    """Tracked and untracked-but-not-ignored files of the repository, without the other pages."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in listed:
        if (REPO_ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, target / name)
    for page in [*target.glob("chapters/*"), *target.glob("appendix/*")]:
        if page.stem != "data-audit":
            page.unlink()
    (target / "intro.md").write_text("# Cut-down book\n\nOne page, for the execution-cache test.\n")
    (target / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nchapters:\n  - file: appendix/data-audit\n  - file: key-numbers\n"
    )
    return target


def _executed(log: str) -> list[str]:
    return re.findall(r"^executed (\S+) in", log, flags=re.MULTILINE)


def _models_compared(html: Path) -> int:
    text = re.sub(r"<[^>]+>", "", (html / "appendix" / "data-audit.html").read_text(encoding="utf-8"))
    return int(re.search(r"Of our (\d+) models", text).group(1))


def _drop_one_model_without_audit_note(copy: Path) -> str:
    noted = {row["model"] for row in csv.DictReader((copy / "data/audit_notes.csv").open(encoding="utf-8"))}
    path = copy / "data/models.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rows = list(csv.DictReader(lines))
    index = next(i for i, row in enumerate(rows) if row["model"] not in noted)
    kept = [row for i, row in enumerate(rows) if i != index]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)
    return rows[index]["model"]


@pytest.fixture(scope="module")
def copy_and_first_build(tmp_path_factory):
    copy = _repository_copy(tmp_path_factory.mktemp("repository"))
    output = tmp_path_factory.mktemp("output")
    environment = {"PYTHONPATH": str(copy)}
    first = build_book(copy, output, environment, strict=False)
    assert first.returncode == 0, first.log[-5000:]
    return copy, output, environment, first


def test_cold_build_executes_the_page(copy_and_first_build):
    *_, first = copy_and_first_build
    assert _executed(first.log) == [AUDIT_PAGE]


def _child_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_rebuild_after_a_prose_edit_executes_nothing_and_is_fast(copy_and_first_build):
    """A rebuild whose only change is a prose sentence executes nothing (the sentence still reaches
    the page) and stays within the cached-rebuild budget. The budget is on the rebuild's CPU seconds
    (its processes, user and system): the whole site builds meanwhile in the background, so wall-clock
    time here says more about that build. (One build checks both: an unchanged rebuild is the same
    build minus the sentence.)"""
    copy, output, environment, _ = copy_and_first_build
    page = copy / "appendix" / "data-audit.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added to the prose.\n", encoding="utf-8")
    start = _child_cpu_seconds()
    edited = build_book(copy, output, environment, strict=False)
    seconds = _child_cpu_seconds() - start
    assert edited.returncode == 0 and _executed(edited.log) == []
    assert "A sentence added to the prose." in (edited.html / "appendix" / "data-audit.html").read_text()
    assert seconds <= CACHED_REBUILD_BUDGET_SECONDS, f"cached rebuild took {seconds:.1f} CPU seconds"


def test_data_edit_re_executes_the_page_and_its_number_changes(copy_and_first_build):
    copy, output, environment, first = copy_and_first_build
    before = _models_compared(first.html)
    _drop_one_model_without_audit_note(copy)
    changed = build_book(copy, output, environment, strict=False)
    assert changed.returncode == 0, changed.log[-5000:]
    assert "executing appendix/data-audit: data/models.csv changed" in changed.log
    assert _executed(changed.log) == [AUDIT_PAGE]
    assert _models_compared(changed.html) == before - 1


def test_a_missing_output_makes_the_page_stale(tmp_path):
    page = REPO_ROOT / "appendix" / "data-audit.md"
    execution = notebooks.Execution(page, None, 1.0, ["data/models.csv"], ["figures/missing.svg"])
    notebooks.write_manifest(execution, "code-hash", tmp_path)
    assert (
        notebooks.why_stale(page, "code-hash", True, tmp_path) == "its output figures/missing.svg is missing"
    )
    assert notebooks.why_stale(page, "other-hash", True, tmp_path) == "its code changed"
    assert notebooks.why_stale(page, "code-hash", False, tmp_path) == "no cached outputs for its code"
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "missing.svg").write_text("<svg/>")
    assert notebooks.why_stale(page, "code-hash", True, tmp_path) is None
