"""Shared fixtures: the offline mirror and one built copy of the site."""

import csv
import os
import subprocess
import sys
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


def build_book(source: Path, output: Path, environment: dict | None = None, strict: bool = True) -> Build:
    """Build the book at ``source`` into ``output`` as ``make book`` does (``strict``: warnings fail)."""
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    flags = ["--warningiserror", "--nitpick"] if strict else []
    result = subprocess.run(
        [str(jupyter_book), "build", str(source), "--path-output", str(output), *flags, "--keep-going"],
        capture_output=True,
        text=True,
        cwd=source,
        env={**os.environ, **(environment or {})},
    )
    return Build(result.returncode, result.stdout + result.stderr, output / "_build" / "html")


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> Build:
    """The whole book built once, into a temporary folder, from a cold cache."""
    build = build_book(REPO_ROOT, tmp_path_factory.mktemp("book"))
    assert build.returncode == 0, build.log[-8000:]
    return build


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    """The built site's ``html`` folder."""
    return site_build.html
