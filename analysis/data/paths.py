"""Where the report reads committed data and writes generated artefacts."""

import os
from pathlib import Path

from analysis import REPO_ROOT

DATA_DIR = REPO_ROOT / "data"
"""Committed tables written by us (``data/*.csv``)."""

OUTPUT_ENV_VAR = "SCALING_TRENDS_OUTPUT"


def output_dir() -> Path:
    """Folder for artefacts that chapters generate while executing.

    Key numbers (``key-numbers/<chapter>.json``) and figure files
    (``figures/<label>.svg``) go here. The Sphinx extension points it next to
    the HTML output (``_build/generated``); run on its own, a chapter writes
    to ``<repo>/_build/generated``.
    """
    return Path(os.environ.get(OUTPUT_ENV_VAR, REPO_ROOT / "_build" / "generated"))
