"""Shared fixtures: the offline mirror and one built copy of the site."""

import csv
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis import REPO_ROOT

os.environ.setdefault("SCALING_TRENDS_MIRROR", str((REPO_ROOT.parent / "shared" / "data").resolve()))

CHAPTERS = sorted((REPO_ROOT / "chapters").glob("*.md"))
NOTEBOOKS = CHAPTERS + sorted((REPO_ROOT / "appendix").glob("*.md"))


def write_edited_csv(folder: Path, source: Path, edit) -> Path:
    """A copy of the CSV ``source`` in ``folder`` after ``edit(rows)`` changed its rows (dicts)."""
    rows = list(csv.DictReader(source.open(encoding="utf-8-sig")))
    edit(rows)
    target = folder / source.name
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return target


@dataclass
class Build:
    """One ``jupyter-book build``: its exit status, its log and its ``html`` folder."""

    returncode: int
    log: str
    html: Path


def _build_command(source: Path, output: Path, strict: bool) -> list[str]:
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    flags = ["--warningiserror", "--nitpick"] if strict else []
    return [str(jupyter_book), "build", str(source), "--path-output", str(output), *flags, "--keep-going"]


def build_book(source: Path, output: Path, environment: dict | None = None, strict: bool = True) -> Build:
    """Build the book at ``source`` into ``output`` as ``make book`` does (``strict``: warnings fail)."""
    result = subprocess.run(
        _build_command(source, output, strict),
        capture_output=True,
        text=True,
        cwd=source,
        env={**os.environ, **(environment or {})},
    )
    return Build(result.returncode, result.stdout + result.stderr, output / "_build" / "html")


def _needs_site(item) -> bool:
    return bool({"site_build", "built_site"} & set(item.fixturenames))


_SITE: dict = {}
"""The whole book's build, started in the background once the selected tests are known."""


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    """Run the tests of the built site last, and start building the site now, in another process.

    The build (page execution, Sphinx) then overlaps with every other test, the
    execution-cache builds among them, instead of running before them.
    """
    items.sort(key=_needs_site)
    if config.option.collectonly or not any(_needs_site(item) for item in items):
        return
    output = Path(tempfile.mkdtemp(prefix="scaling-trends-site-"))
    log = (output / "build.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        _build_command(REPO_ROOT, output, strict=True), stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT
    )
    _SITE.update(output=output, log=log, process=process)


def pytest_sessionfinish(session, exitstatus):
    """Stop a site build still running and remove its folder."""
    if _SITE:
        _SITE["process"].kill()
        _SITE["process"].wait()
        _SITE["log"].close()
        shutil.rmtree(_SITE["output"], ignore_errors=True)


@pytest.fixture(scope="session")
def site_build() -> Build:
    """The whole book built once, into a temporary folder, from a cold cache (started at collection)."""
    returncode = _SITE["process"].wait()
    _SITE["log"].flush()
    log = (_SITE["output"] / "build.log").read_text(encoding="utf-8")
    build = Build(returncode, log, _SITE["output"] / "_build" / "html")
    assert build.returncode == 0, build.log[-8000:]
    return build


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    """The built site's ``html`` folder."""
    return site_build.html
