"""The data dictionary and ``datapackage.json``, generated from the column declarations.

Each committed table's columns are declared once, in ``analysis.data``
(``Column``: type, unit, rule, meaning). From them come the validator, the
dictionary tables in ``data/README.md`` (between ``<!-- columns: <table> -->``
and ``<!-- /columns -->``) and a Frictionless data package (Table Schema) that
the site serves beside the CSVs, so the tables load with standard tools::

    python -m analysis.data.datapackage            # rewrite the dictionary tables in data/README.md
    python -m analysis.data.datapackage --check    # exit 1 if data/README.md is out of date
    python -m analysis.data.datapackage --write out/datapackage.json
"""

import argparse
import json
import re
import sys
from pathlib import Path

from analysis.data import catalog, paths, schema

FRICTIONLESS_TYPES = {"str": "string", "float": "number", "int": "integer", "date": "date", "bool": "boolean"}
"""Our column types as Table Schema field types."""

README = paths.DATA_DIR / "README.md"
_BLOCK = re.compile(r"(<!-- columns: (?P<table>[a-z_]+) -->\n)(?P<body>.*?)(<!-- /columns -->)", re.DOTALL)


def _field(column: schema.Column) -> dict:
    """One Table Schema field descriptor; ``unit`` is a custom property."""
    field = {
        "name": column.name,
        "type": FRICTIONLESS_TYPES[column.kind],
        "description": column.description,
    }
    if column.unit:
        field["unit"] = column.unit
    if column.kind == "bool":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    constraints = {"required": True} if column.required else {}
    if column.unique:
        constraints["unique"] = True
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if column.values is not None:
        constraints["enum"] = list(column.values)
    if column.pattern is not None:
        constraints["pattern"] = column.pattern.removeprefix("^").removesuffix("$")
    if constraints:
        field["constraints"] = constraints
    return field


def descriptor() -> dict:
    """The data package of every committed table (paths relative to ``data/``)."""
    resources = []
    for filename, spec in sorted(catalog.COMMITTED_TABLES.items()):
        schema = {"fields": [_field(column) for column in spec.columns]}
        if spec.key_columns:
            schema["primaryKey"] = list(spec.key_columns)
        resources.append(
            {
                "name": spec.name,
                "path": filename,
                "title": spec.title,
                "description": spec.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "name": "ai-scaling-trends-data",
        "title": "AI Scaling Trends: data tables",
        "description": "Tables written by the AI Scaling Trends contributors from primary sources; the "
        "column meanings and rules are generated from analysis/data/catalog.py. See README.md.",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            }
        ],
        "resources": resources,
    }


def write(path: Path) -> Path:
    """Write ``datapackage.json`` (sorted keys, fixed indentation) to ``path``."""
    path.write_text(json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def dictionary_table(spec: schema.TableSpec) -> str:
    """The Markdown dictionary of one table: every column's type, unit, rule and meaning."""
    lines = ["| column | type | unit | required | rule | meaning |", "|---|---|---|---|---|---|"]
    for column in spec.columns:
        required = "yes" if column.required else "no"
        lines.append(
            f"| `{column.name}` | {column.kind} | {_cell(column.unit)} | {required} "
            f"| {_cell(column.rule_text())} | {_cell(column.description)} |"
        )
    lines.append("")
    lines.append("Key: " + " and ".join(f"`{name}`" for name in spec.key_columns) + " (unique together).")
    if spec.row_rules:
        lines.append("Rules across columns: " + "; ".join(f"{rule.name}" for rule in spec.row_rules) + ".")
    return "\n".join(lines) + "\n"


def update_readme(text: str) -> str:
    """``text`` (data/README.md) with every generated dictionary block rewritten."""
    specs = {spec.name: spec for spec in catalog.COMMITTED_TABLES.values()}
    found = {match.group("table") for match in _BLOCK.finditer(text)}
    missing = sorted(set(specs) - found)
    if missing:
        raise ValueError(f"{README}: no '<!-- columns: {missing[0]} -->' block for table {missing[0]}")
    unknown = sorted(found - set(specs))
    if unknown:
        raise ValueError(f"{README}: block for unknown table '{unknown[0]}'")
    return _BLOCK.sub(
        lambda match: match.group(1) + dictionary_table(specs[match.group("table")]) + match.group(4), text
    )


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or ``--check``) the dictionary in ``data/README.md``; ``--write`` a ``datapackage.json``."""
    parser = argparse.ArgumentParser(prog="python -m analysis.data.datapackage", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if data/README.md is out of date")
    parser.add_argument("--write", type=Path, help="write datapackage.json to this path")
    args = parser.parse_args(argv)
    if args.write:
        print(f"wrote {write(args.write)}")
        return 0
    current = README.read_text(encoding="utf-8")
    updated = update_readme(current)
    if args.check:
        if updated != current:
            print(f"{README} is out of date: run python -m analysis.data.datapackage")
            return 1
        print(f"{README} matches the column declarations")
        return 0
    README.write_text(updated, encoding="utf-8")
    print(f"rewrote the dictionary tables in {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
