"""AI Scaling Trends: data loading, fits, key numbers and charts for the report.

Chapters import from this package and never parse files, fit models or style
charts themselves. See ``../README.md`` for the layout.
"""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository root (the folder holding ``_config.yml``)."""
