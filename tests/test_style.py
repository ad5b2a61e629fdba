"""The code is ruff-clean, as the style guide requires."""

import subprocess
import sys
from pathlib import Path

from analysis import REPO_ROOT

RUFF = Path(sys.executable).parent / "ruff"
TARGETS = ["analysis", "tests", "chapters", "appendix"]


def test_ruff_check_is_clean():
    result = subprocess.run([str(RUFF), "check", *TARGETS], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_clean():
    result = subprocess.run(
        [str(RUFF), "format", "--check", *TARGETS], cwd=REPO_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
