"""Validate every committed table under ``data/``.

    python -m analysis.validate

Prints one line per problem (file, line, key, column, rule) and exits 1 if
there is any; a CSV under ``data/`` without a data-dictionary entry is itself
a problem, so no table escapes validation.
"""

import sys

from analysis import data, paths


def problems() -> list[str]:
    """Every problem in every committed table (empty when all are valid)."""
    found = []
    for path in sorted(paths.DATA_DIR.glob("*.csv")):
        spec = data.COMMITTED_TABLES.get(path.name)
        if spec is None:
            found.append(f"{path}: no schema in analysis.data.COMMITTED_TABLES")
            continue
        try:
            data.read_table(spec, path)
        except data.DataError as error:
            found.extend(error.problems)
    return found


def main() -> int:
    """Print the problems; exit status 1 if there are any."""
    found = problems()
    for line in found:
        print(line)
    if not found:
        print(f"ok: {len(list(paths.DATA_DIR.glob('*.csv')))} table(s) under {paths.DATA_DIR} are valid")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
