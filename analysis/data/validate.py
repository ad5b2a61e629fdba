"""Validate every committed table under ``data/``.

    python -m analysis.data.validate

Prints one line per problem (file, line, key, column, rule) and exits 1 if
there is any; a CSV under ``data/`` without a data-dictionary entry is itself
a problem, so no table escapes validation.
"""

import sys

from analysis.data import catalog, consistency, paths, schema


def problems() -> list[str]:
    """Every problem in every committed table (empty when all are valid)."""
    found = []
    for path in sorted(paths.DATA_DIR.glob("*.csv")):
        spec = catalog.COMMITTED_TABLES.get(path.name)
        if spec is None:
            found.append(f"{path}: no schema in analysis.data.COMMITTED_TABLES")
            continue
        try:
            frame = schema.read_table(spec, path)
        except schema.DataError as error:
            found.extend(error.problems)
            continue
        found.extend(prose_problems(frame, path))
    return found


def prose_problems(frame, path) -> list[str]:
    """Slips between a table's prose and its numbers (``analysis.data.consistency``), one line each
    naming file, line and column."""
    found = []
    for column in frame.select_dtypes(include=["object", "string"]).columns:
        for position, text in enumerate(frame[column]):
            if isinstance(text, str):
                found.extend(
                    f"{path}: line {position + 2}, column '{column}': arithmetic does not hold: {slip}"
                    for slip in consistency.arithmetic_slips(text)
                )
    if {"derivation", "distribution"} <= set(frame.columns):
        found.extend(
            f"{path}: line {position + 2}, column 'derivation': {message}"
            for position, message in consistency.distribution_slips(frame)
        )
    return found


def not_reread() -> list[str]:
    """One line per table with rows never re-read against their primary source (a flag, not an error)."""
    lines = []
    for name in catalog.REREAD_TABLES:
        frame = schema.read_table(catalog.COMMITTED_TABLES[name], paths.DATA_DIR / name)
        missing = int(frame.verified.isna().sum())
        if missing:
            lines.append(
                f"{paths.DATA_DIR / name}: {missing} of {len(frame)} rows not yet re-read (empty 'verified')"
            )
    return lines


def main() -> int:
    """Print the problems, then flag rows never re-read; exit status 1 if there are problems."""
    found = problems()
    for line in found:
        print(line)
    if not found:
        for line in not_reread():
            print(f"flag: {line}")
    if not found:
        print(f"ok: {len(list(paths.DATA_DIR.glob('*.csv')))} table(s) under {paths.DATA_DIR} are valid")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
