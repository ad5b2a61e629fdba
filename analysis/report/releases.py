"""No number changes silently: the released key numbers, the acknowledged ones, and what moved.

Two committed files at the repository root:

- ``key-numbers.released.csv``: the key numbers of the last release (the version in
  ``CITATION.cff``). The "Changes since version X" page lists every number whose printed
  value or interval differs from it, and every number that appeared or vanished.
- ``key-numbers.acknowledged.csv``: the numbers as last acknowledged by a developer. A test
  fails when a fresh build prints a number differently from it, so a change lands only once
  someone has looked at it and run ``make acknowledge`` (which copies the build's
  ``key-numbers.csv`` here).

Cutting a release (``make release VERSION=x.y.z``) copies the acknowledged numbers to the
released snapshot and sets the version and date in ``CITATION.cff``.

    python -m analysis.report.releases acknowledge _build/html/key-numbers.csv
    python -m analysis.report.releases release 0.2.0 2026-12-02
"""

import argparse
import csv
import io
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from analysis import REPO_ROOT
from analysis.report.keynumbers import KeyNumber, from_record

RELEASED = REPO_ROOT / "key-numbers.released.csv"
ACKNOWLEDGED = REPO_ROOT / "key-numbers.acknowledged.csv"
CITATION = REPO_ROOT / "CITATION.cff"


def citation_field(name: str, path: Path = CITATION) -> str:
    """A top-level field of ``CITATION.cff`` (``version``, ``date-released``, ``title``)."""
    match = re.search(
        rf'^{re.escape(name)}:\s*"?([^"\n]+)"?\s*$', path.read_text(encoding="utf-8"), re.MULTILINE
    )
    if match is None:
        raise ValueError(f"{path}: no '{name}' field")
    return match.group(1).strip()


def read_numbers(text: str) -> dict[str, KeyNumber]:
    """Key numbers from the text of a ``key-numbers.csv`` export, by id."""
    numbers = {}
    for record in csv.DictReader(io.StringIO(text)):
        number = from_record(record)
        numbers[number.id] = number
    return numbers


@dataclass(frozen=True)
class Change:
    """One key number that moved beyond its printed precision, appeared or vanished."""

    id: str
    status: str
    before: str
    after: str
    chapter: str


def changes(before: dict[str, KeyNumber], after: dict[str, KeyNumber]) -> list[Change]:
    """Every id whose printed value or interval differs, appeared or vanished, sorted by id."""
    found = []
    for number_id in sorted(set(before) | set(after)):
        old, new = before.get(number_id), after.get(number_id)
        if old is None:
            found.append(Change(number_id, "new", "", new.text, new.chapter))
        elif new is None:
            found.append(Change(number_id, "removed", old.text, "", old.chapter))
        elif (old.text, old.unit) != (new.text, new.unit):
            found.append(Change(number_id, "changed", old.text, new.text, new.chapter))
    return found


def acknowledge(fresh: Path) -> Path:
    """Accept the numbers of a fresh build's ``key-numbers.csv`` as the acknowledged ones."""
    shutil.copyfile(fresh, ACKNOWLEDGED)
    return ACKNOWLEDGED


RETIRED = REPO_ROOT / "key-numbers.retired.csv"
"""Every id a release dropped: id, the last version that printed it, and what it printed (tombstones)."""


def retire(released: dict[str, KeyNumber], acknowledged: dict[str, KeyNumber], path: Path = RETIRED) -> Path:
    """Append the ids of the outgoing release that the new one drops to ``path`` (tombstones survive every
    later release)."""
    version = citation_field("version")
    rows = list(csv.DictReader(path.open(encoding="utf-8"))) if path.is_file() else []
    known = {row["id"] for row in rows}
    rows += [
        {"id": number_id, "version": version, "printed": f"{number.text} {number.unit}"}
        for number_id, number in sorted(released.items())
        if number_id not in acknowledged and number_id not in known
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "version", "printed"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def release(version: str, date: str) -> None:
    """Cut a release: the acknowledged numbers become the released ones, the last build's own forecasts
    are frozen in the ledger under ``version`` (``ledger.freeze``), and CITATION.cff gets the version."""
    from analysis.report import ledger

    current = ledger.load_saved()
    if not current:
        raise ledger.LedgerError("no forecasts in the last build's output: run `make book` before a release")
    ledger.freeze(current, version, date)
    retire(
        read_numbers(RELEASED.read_text(encoding="utf-8")),
        read_numbers(ACKNOWLEDGED.read_text(encoding="utf-8")),
    )
    shutil.copyfile(ACKNOWLEDGED, RELEASED)
    text = CITATION.read_text(encoding="utf-8")
    text = re.sub(r"^version: .*$", f'version: "{version}"', text, flags=re.MULTILINE)
    text = re.sub(r"^date-released: .*$", f'date-released: "{date}"', text, flags=re.MULTILINE)
    CITATION.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """``acknowledge FRESH_CSV`` or ``release VERSION DATE``."""
    parser = argparse.ArgumentParser(prog="python -m analysis.report.releases", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ack = commands.add_parser("acknowledge", help="accept a fresh build's key numbers")
    ack.add_argument("fresh", type=Path, help="the build's key-numbers.csv")
    cut = commands.add_parser("release", help="cut a release")
    cut.add_argument("version")
    cut.add_argument("date", help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    if args.command == "acknowledge":
        listed = (
            changes(
                read_numbers(ACKNOWLEDGED.read_text(encoding="utf-8")),
                read_numbers(args.fresh.read_text(encoding="utf-8")),
            )
            if ACKNOWLEDGED.exists()
            else []
        )
        print(f"acknowledged {len(listed)} change(s) -> {acknowledge(args.fresh)}")
        for change in listed:
            print(f"  {change.id}: {change.status}: {change.before or '-'} -> {change.after or '-'}")
        return 0
    release(args.version, args.date)
    print(f"released {args.version} ({args.date}): {RELEASED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
