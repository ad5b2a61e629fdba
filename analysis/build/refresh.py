"""Refresh Epoch AI's pinned snapshot from a newer dated copy in the mirror, and say what moved.

    python -m analysis.build.refresh epoch_ai_models_20260601.zip --url URL [--no-build]

One command: it checks the new file's columns against the pinned one (a column the report reads that is
gone fails, naming it), lists which of Epoch AI's values changed (compute and date, models added and
removed), updates the pin in ``analysis/data/sources.py`` (file name, SHA-256, URL), rebuilds the site,
and lists which of our key numbers and forecast outcomes moved. Everything goes into
``data-refresh.csv`` at the repository root, which the Changes page shows.
"""

import argparse
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

from analysis import REPO_ROOT
from analysis.data import loaders, sources
from analysis.data.schema import DataError
from analysis.report import releases

SOURCE = "epoch_ai_models"
MEMBERS = ("notable_ai_models.csv", "all_ai_models.csv")
"""The members of Epoch AI's bundle the report reads."""
COMPARED = ("Training compute (FLOP)", "Publication date")
"""Epoch AI's values whose changes the diff lists, model by model."""
SOURCES_FILE = Path(sources.__file__)
DIFF_FILE = REPO_ROOT / "data-refresh.csv"
DIFF_COLUMNS = ["kind", "id", "field", "before", "after"]


def sha256(path: Path) -> str:
    """SHA-256 of a file, hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_member(archive: Path, member: str) -> pd.DataFrame:
    """One member of an Epoch bundle as text, with the header the loader requires checked: a declared
    column that is missing is a ``DataError`` naming the file, the member and the column."""
    with zipfile.ZipFile(archive) as bundle:
        if member not in bundle.namelist():
            raise DataError([f"{archive}: member '{member}' is missing (has {', '.join(bundle.namelist())})"])
        text = bundle.read(member).decode("utf-8-sig")
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    missing = [column for column in loaders.EPOCH_MODELS.kinds if column not in frame.columns]
    if missing:
        raise DataError(
            [f"{archive}!{member}: column '{column}' is missing from the header" for column in missing]
        )
    return frame


def column_changes(old: pd.DataFrame, new: pd.DataFrame, member: str) -> list[dict]:
    """Columns dropped from or added to a member, as diff rows."""
    rows = [
        {"kind": "Epoch column", "id": member, "field": column, "before": "present", "after": "gone"}
        for column in old.columns
        if column not in new.columns
    ]
    rows += [
        {"kind": "Epoch column", "id": member, "field": column, "before": "", "after": "new"}
        for column in new.columns
        if column not in old.columns
    ]
    return rows


def value_changes(old: pd.DataFrame, new: pd.DataFrame) -> list[dict]:
    """Models added or removed, and each ``COMPARED`` value that changed, as diff rows (by model name)."""
    before, after = (frame.drop_duplicates("Model").set_index("Model") for frame in (old, new))
    rows = [
        {"kind": "Epoch model", "id": name, "field": "", "before": "", "after": "added"}
        for name in sorted(set(after.index) - set(before.index))
    ]
    rows += [
        {"kind": "Epoch model", "id": name, "field": "", "before": "present", "after": "removed"}
        for name in sorted(set(before.index) - set(after.index))
    ]
    shared = sorted(set(before.index) & set(after.index))
    for field in COMPARED:
        changed = [name for name in shared if before.at[name, field] != after.at[name, field]]
        rows += [
            {
                "kind": "Epoch value",
                "id": name,
                "field": field,
                "before": before.at[name, field],
                "after": after.at[name, field],
            }
            for name in changed
        ]
    return rows


def update_pin(filename: str, digest: str, url: str, path: Path = SOURCES_FILE, name: str = SOURCE) -> None:
    """Point the ``name`` entry of ``sources.py`` at the new file: its file name, SHA-256 and URL."""
    text = path.read_text(encoding="utf-8")
    block = re.search(rf'Source\(\n\s+name="{name}",.*?\n        \),\n', text, re.DOTALL)
    if block is None:
        raise ValueError(f"{path}: no Source entry named '{name}'")
    entry = block.group(0)
    entry = re.sub(r'filename="[^"]+"', f'filename="{filename}"', entry)
    entry = re.sub(r'sha256="[0-9a-f]+"', f'sha256="{digest}"', entry)
    entry = re.sub(
        r"url=\(\n.*?\n\s+\),", f'url=(\n                "{url}"\n            ),', entry, flags=re.DOTALL
    )
    path.write_text(text.replace(block.group(0), entry), encoding="utf-8")


def outcome_changes(before: Path, after: Path) -> list[dict]:
    """Key numbers and forecast outcomes that moved between two builds' ``key-numbers.csv`` and
    ``scorecard.csv`` (folders ``before`` and ``after``)."""
    rows = [
        {
            "kind": "key number",
            "id": change.id,
            "field": change.status,
            "before": change.before,
            "after": change.after,
        }
        for change in releases.changes(
            releases.read_numbers((before / "key-numbers.csv").read_text(encoding="utf-8")),
            releases.read_numbers((after / "key-numbers.csv").read_text(encoding="utf-8")),
        )
    ]
    old, new = (
        pd.read_csv(folder / "scorecard.csv", dtype=str, keep_default_na=False).set_index("id")
        for folder in (before, after)
    )
    for forecast in sorted(set(old.index) | set(new.index)):
        was = old.outcome.get(forecast, "")
        now = new.outcome.get(forecast, "")
        if was != now:
            rows.append(
                {"kind": "forecast outcome", "id": forecast, "field": "outcome", "before": was, "after": now}
            )
    return rows


def snapshot_diff(old_archive: Path, new_archive: Path) -> list[dict]:
    """Column and value changes between two Epoch bundles (every member the report reads)."""
    rows = []
    for member in MEMBERS:
        old, new = read_member(old_archive, member), read_member(new_archive, member)
        rows += column_changes(old, new, member)
        if member == "all_ai_models.csv":
            rows += value_changes(old, new)
    return rows


def write_diff(rows: list[dict], header: dict, path: Path = DIFF_FILE) -> Path:
    """The diff as CSV: a ``pin`` row (old file -> new file), then every change."""
    frame = pd.DataFrame([header, *rows], columns=DIFF_COLUMNS)
    frame.to_csv(path, index=False, lineterminator="\n")
    return path


def main(argv: list[str] | None = None) -> int:
    """Refresh the pin from a newer file in the mirror; rebuild unless ``--no-build``."""
    parser = argparse.ArgumentParser(prog="python -m analysis.build.refresh", description=__doc__)
    parser.add_argument("filename", help="the new dated file, already in the mirror folder")
    parser.add_argument("--url", required=True, help="its upstream URL (pinned beside the hash)")
    parser.add_argument("--no-build", action="store_true", help="update the pin and diff only")
    args = parser.parse_args(argv)
    mirror = sources.mirror_dir()
    if mirror is None or not (mirror / args.filename).is_file():
        raise SystemExit(f"{args.filename}: not in the mirror folder ({sources.MIRROR_ENV_VAR}={mirror})")
    new_archive = mirror / args.filename
    old_archive = sources.fetch(SOURCE)
    rows = snapshot_diff(old_archive, new_archive)
    gone = [row for row in rows if row["kind"] == "Epoch column" and row["after"] == "gone"]
    header = {
        "kind": "pin",
        "id": SOURCE,
        "field": "file",
        "before": sources.SOURCES[SOURCE].filename,
        "after": args.filename,
    }
    html = REPO_ROOT / "_build" / "html"
    with tempfile.TemporaryDirectory() as folder:
        before = Path(folder)
        for name in ("key-numbers.csv", "scorecard.csv"):
            if (html / name).is_file():
                shutil.copy2(html / name, before / name)
        update_pin(args.filename, sha256(new_archive), args.url)
        if not args.no_build:
            subprocess.run(["make", "book"], cwd=REPO_ROOT, check=True)
            if (before / "key-numbers.csv").is_file() and (before / "scorecard.csv").is_file():
                rows += outcome_changes(before, html)
    write_diff(rows, header)
    print(f"{len(rows)} change(s), {len(gone)} column(s) gone -> {DIFF_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
