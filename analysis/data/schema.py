"""How a table is declared and read: ``Column``, ``TableSpec``, ``read_table`` and ``DataError``.

Loading parses the CSV as text, converts each column to its type (reporting every cell that
fails), then runs the pandera schema. Any problem raises ``DataError`` with one line per problem
naming the file, the line, the row's key, the column and the rule broken. Nothing is dropped
silently: a table either loads whole or fails.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from analysis.data import paths

UNITS = {
    "dimensionless",
    "FLOP",
    "parameters",
    "tokens",
    "tokens per parameter",
    "x/yr",
    "OOM/yr",
    "months",
    "OOM/yr per year",
    "W",
    "USD",
    "nats",
    "year",
    "words per day",
    "words",
    "x",
    "MWh",
    "W per chip",
    "runs",
}
"""Units a number in the report may carry."""


ID_PATTERN = r"^[a-z0-9_]+(\.[A-Za-z0-9_]+)+$"
"""Stable ids: dot-separated words, the first lowercase (``chinchilla.fit.E``: symbols keep their case)."""


class DataError(ValueError):
    """A table failed validation; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


KINDS = ("str", "float", "int", "date", "bool")
"""Column types: text, number, whole number, ISO date ``YYYY-MM-DD``, ``true``/``false``."""


def _bound_text(bound: float | str | None) -> str:
    """A range bound as the dictionary writes it: ``1e14``, ``0.5``, ``2010-01-01``."""
    if not isinstance(bound, float | int):
        return str(bound)
    if bound != 0 and not 1e-3 <= abs(bound) < 1e4:
        mantissa, exponent = f"{bound:e}".split("e")
        return f"{float(mantissa):g}e{int(exponent)}"
    return f"{bound:g}"


@dataclass(frozen=True)
class Column:
    """One column of a table, declared once: type, unit, rule and meaning.

    Validation (the pandera schema), the data dictionary in ``data/README.md``
    and the published ``datapackage.json`` (Frictionless Table Schema) are all
    generated from these declarations. ``minimum``/``maximum`` bound numbers
    (dates: ISO strings); ``values`` lists the allowed values; ``pattern`` is a
    regular expression the text must match; ``rule`` is any further check
    (a pandera ``Check``, whose name says what it requires).
    """

    name: str
    kind: str
    description: str
    unit: str = ""
    required: bool = True
    unique: bool = False
    minimum: float | str | None = None
    maximum: float | str | None = None
    values: tuple[str, ...] | None = None
    pattern: str | None = None
    rule: pa.Check | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"column '{self.name}': unknown type {self.kind!r}")

    def checks(self) -> list[pa.Check]:
        """The pandera checks of this column's declared rules."""
        checks = []
        if self.minimum is not None or self.maximum is not None:
            low, high = self.minimum, self.maximum
            if self.kind == "date":
                low, high = (pd.Timestamp(bound) if bound is not None else None for bound in (low, high))
            if low is not None and high is not None:
                checks.append(pa.Check.in_range(low, high))
            elif low is not None:
                checks.append(pa.Check.ge(low))
            else:
                checks.append(pa.Check.le(high))
        if self.values is not None:
            checks.append(pa.Check.isin(list(self.values)))
        if self.pattern is not None:
            checks.append(pa.Check.str_matches(self.pattern))
        if self.rule is not None:
            checks.append(self.rule)
        return checks

    def schema(self) -> pa.Column:
        """The pandera column: dtype after parsing, nullability, uniqueness and checks."""
        dtype = {"str": str, "float": float, "int": float, "date": "datetime64[us]", "bool": bool}[self.kind]
        return pa.Column(
            dtype,
            self.checks(),
            nullable=not self.required,
            unique=self.unique,
            coerce=self.kind == "date",
        )

    def rule_text(self) -> str:
        """The declared rules in words, for the data dictionary."""
        parts = []
        if self.values is not None:
            parts.append("one of " + ", ".join(f"`{value}`" for value in self.values))
        if self.minimum is not None or self.maximum is not None:
            low, high = (_bound_text(bound) for bound in (self.minimum, self.maximum))
            if self.minimum is not None and self.maximum is not None:
                parts.append(f"{low} to {high}")
            else:
                parts.append(f"at least {low}" if self.minimum is not None else f"at most {high}")
        if self.pattern is not None:
            parts.append(f"matches `{self.pattern}`")
        if self.rule is not None:
            parts.append(self.rule.name)
        if self.unique:
            parts.append("unique")
        return "; ".join(parts)


@dataclass(frozen=True)
class TableSpec:
    """How to read and check one CSV table: its columns and the rules across them.

    ``key`` names the column (or columns) that identify a row; ``row_rules``
    are pandera checks over several columns, each named
    ``"<column>: <rule in words>"``; ``columns_open`` tables (third-party) may
    carry columns beyond those declared, which are kept as text.
    """

    name: str
    title: str
    description: str
    key: str | tuple[str, ...] | None
    columns: tuple[Column, ...]
    row_rules: tuple[pa.Check, ...] = ()
    rename: dict[str, str] = field(default_factory=dict)
    columns_open: bool = False

    @property
    def kinds(self) -> dict[str, str]:
        """Column name -> type."""
        return {column.name: column.kind for column in self.columns}

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The column(s) that identify a row."""
        return (self.key,) if isinstance(self.key, str) else tuple(self.key or ())

    @property
    def schema(self) -> pa.DataFrameSchema:
        """The pandera schema generated from the column declarations."""
        unique = list(self.key_columns) if len(self.key_columns) > 1 else None
        return pa.DataFrameSchema(
            {column.name: column.schema() for column in self.columns},
            checks=list(self.row_rules),
            unique=unique,
        )


def _row_label(frame: pd.DataFrame, index, key: str | tuple[str, ...] | None) -> str:
    line = int(index) + 2  # the header is line 1
    names = [key] if isinstance(key, str) else list(key or ())
    names = [name for name in names if name in frame.columns]
    if not names:
        return f"line {line}"
    return f"line {line} ({', '.join(f'{name}={frame.at[index, name]}' for name in names)})"


def _parse_types(text: pd.DataFrame, spec: TableSpec, path: Path) -> tuple[pd.DataFrame, list]:
    """Convert text columns to their types; list each cell that does not parse."""
    problems = []
    parsed = text.copy()
    kinds = spec.kinds
    missing = [column for column in kinds if column not in text.columns]
    extra = [] if spec.columns_open else [column for column in text.columns if column not in kinds]
    for column in missing:
        problems.append(f"{path}: column '{column}' is missing from the header")
    for column in extra:
        problems.append(f"{path}: column '{column}' is not in the data dictionary")
    if missing or extra:
        return parsed, problems
    for column, kind in kinds.items():
        raw = text[column].str.strip()
        empty = raw.eq("") | raw.isna()
        if kind == "str":
            parsed[column] = raw.where(~empty, None)
            continue
        if kind in ("float", "int"):
            values = pd.to_numeric(raw.where(~empty), errors="coerce")
            bad = values.isna() & ~empty
            rule = "must be a number"
            if kind == "int" and not bad.any():
                fractional = values.notna() & (values != np.round(values))
                bad = bad | fractional
                rule = "must be a whole number"
        elif kind == "date":
            values = pd.to_datetime(raw.where(~empty), format="%Y-%m-%d", errors="coerce")
            bad = values.isna() & ~empty
            rule = "must be a date YYYY-MM-DD"
        elif kind == "bool":
            lowered = raw.str.lower()
            values = lowered.map({"true": True, "false": False})
            bad = values.isna() & ~empty
            rule = "must be true or false"
        for index in raw.index[bad]:
            problems.append(
                f"{path}: {_row_label(text, index, spec.key)}, column '{column}': {rule} (got {raw[index]!r})"
            )
        parsed[column] = values.astype("float64") if kind in ("float", "int") else values
    return parsed, problems


def _schema_problems(frame: pd.DataFrame, spec: TableSpec, path: Path) -> list[str]:
    """Pandera's failures as one line per (row, column, rule).

    Row-wise rules over several columns are named ``"<column>: <rule>"``; they
    are reported once per row, under that column.
    """
    try:
        spec.schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        problems = []
        for case in errors.failure_cases.itertuples(index=False):
            row_rule = case.schema_context == "DataFrameSchema"
            if row_rule:
                column, _, rule = str(case.check).partition(": ")
                value = ""
            else:
                column, rule = case.column, case.check
                value = "" if pd.isna(case.failure_case) else f" (got {case.failure_case!r})"
            where = (
                _row_label(frame, case.index, spec.key)
                if case.index is not None and not pd.isna(case.index)
                else "table"
            )
            problems.append(f"{path}: {where}, column '{column}': fails {rule or column}{value}")
        return list(dict.fromkeys(problems))
    return []


def read_table(spec: TableSpec, path: Path) -> pd.DataFrame:
    """Read ``path`` as the table ``spec``; raise ``DataError`` on any problem."""
    try:
        text = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise DataError([f"{path}: cannot be parsed as CSV: {error}"]) from error
    text = text.rename(columns=spec.rename)
    parsed, problems = _parse_types(text, spec, path)
    if not problems:
        problems = _schema_problems(parsed, spec, path)
    if problems:
        raise DataError(problems)
    return parsed


def _bibliography_keys() -> set[str]:
    text = (paths.REPO_ROOT / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.MULTILINE))


URL_PATTERN = r"^https?://\S+$"
"""A web address (the primary source of a row)."""


IN_BIBLIOGRAPHY = pa.Check(
    lambda keys: keys.isin(_bibliography_keys()), name="source_key is a key in references.bib"
)
"""A source key must name an entry of ``references.bib``."""
