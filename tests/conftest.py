"""Shared fixtures: the offline mirror, and one built copy of the site per test session."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import REPO_ROOT

os.environ.setdefault("SCALING_TRENDS_MIRROR", str((REPO_ROOT.parent / "shared" / "data").resolve()))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the whole book once, into a temporary folder; return its ``html`` folder.

    The build runs exactly as ``make book`` does (warnings are errors).
    """
    output = tmp_path_factory.mktemp("book")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    result = subprocess.run(
        [
            str(jupyter_book),
            "build",
            str(REPO_ROOT),
            "--path-output",
            str(output),
            "--warningiserror",
            "--nitpick",
            "--keep-going",
        ],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    return output / "_build" / "html"


CHAPTERS = sorted((REPO_ROOT / "chapters").glob("*.md"))
NOTEBOOKS = CHAPTERS + sorted((REPO_ROOT / "appendix").glob("*.md"))


@pytest.fixture(scope="session")
def executed_chapters(tmp_path_factory):
    """Run every chapter and appendix page under nbval, from its paired source, in one pytest process.

    Returns the completed process and the folder the chapters wrote their key
    numbers and figures to (separate from the site build's).
    """
    import jupytext

    folder = tmp_path_factory.mktemp("nbval")
    for chapter in NOTEBOOKS:
        jupytext.write(jupytext.read(chapter), folder / f"{chapter.stem}.ipynb")
    output = folder / "generated"
    environment = {**os.environ, "SCALING_TRENDS_OUTPUT": str(output)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-q", str(folder)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=folder,
    )
    return result, output
