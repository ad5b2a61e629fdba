"""Load and validate every table the report reads.

Each table has a ``TableSpec``: its file, key column, the type of each column
and the pandera rules it must satisfy. Loading parses the CSV as text,
converts each column to its type (reporting every cell that fails), then runs
the pandera schema. Any problem raises ``DataError`` with one line per problem
naming the file, the line, the row's key, the column and the rule broken.
Nothing is dropped silently: a table either loads whole or fails.
"""

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from analysis import paths, sources

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

PUBLISHED_ESTIMATES = TableSpec(
    name="published_estimates",
    title="Published figures",
    description="Every published figure a chapter compares against, so that comparison tables are "
    "generated from data and no published number is typed into prose.",
    key="id",
    columns=(
        Column(
            "id",
            "str",
            "Stable id `<source>.<quantity>.<qualifier>`, e.g. `hoffmann2022.fit.alpha`.",
            pattern=ID_PATTERN,
            unique=True,
        ),
        Column("chapter", "str", "The chapter that uses the figure."),
        Column("quantity", "str", "What the number is, in words."),
        Column(
            "value",
            "float",
            "The figure as published (at the precision printed), in `unit`.",
            rule=pa.Check(np.isfinite, element_wise=True, name="finite"),
        ),
        Column("ci_low", "float", "Lower end of the published interval, in `unit`.", required=False),
        Column("ci_high", "float", "Upper end of the published interval, in `unit`.", required=False),
        Column(
            "ci_level",
            "float",
            "Level of that interval (0.8 = 10th–90th percentiles).",
            unit="fraction",
            required=False,
            minimum=0.5,
            maximum=0.999,
        ),
        Column(
            "uncertainty",
            "str",
            "Uncertainty published in another form (e.g. `SE 0.02`), or an interval that cannot be stored "
            "as one.",
            required=False,
        ),
        Column("unit", "str", "The unit of `value` and its interval.", values=tuple(sorted(UNITS))),
        Column(
            "source_key",
            "str",
            "Key of the source in `references.bib`.",
            rule=IN_BIBLIOGRAPHY,
        ),
        Column("url", "str", "The primary source.", pattern=URL_PATTERN),
        Column("location", "str", "Table, section, equation or page where the figure is printed."),
        Column(
            "notes",
            "str",
            "How the figure was computed by its authors, how we checked it, and any caveat (derived values "
            "say so and show the arithmetic).",
            required=False,
        ),
    ),
    row_rules=(
        pa.Check(
            lambda df: df.ci_low.isna() | df.ci_high.isna() | (df.ci_low <= df.value),
            name="ci_low: ci_low <= value",
        ),
        pa.Check(
            lambda df: df.ci_low.isna() | df.ci_high.isna() | (df.value <= df.ci_high),
            name="ci_high: value <= ci_high",
        ),
        pa.Check(
            lambda df: df.ci_low.isna() == df.ci_high.isna(),
            name="ci_high: ci_low and ci_high both given or both empty",
        ),
        pa.Check(
            lambda df: df.ci_low.isna() | df.ci_level.notna(),
            name="ci_level: an interval states its ci_level",
        ),
    ),
)
"""``data/published_estimates.csv``: every published figure a chapter compares against."""


HOFFMANN_RUNS = TableSpec(
    name="hoffmann2022_fig4",
    title="Hoffmann et al. (2022) Figure 4, digitised",
    description="The 245 training runs digitised by Besiroglu et al. (2024) (third-party file).",
    key=None,
    columns=(
        Column("x", "float", "SVG x coordinate."),
        Column("y", "float", "SVG y coordinate."),
        Column("color", "str", "Marker colour value."),
        Column("parameters", "float", "Model size N.", unit="parameters", minimum=1e6, maximum=1e12),
        Column(
            "training_compute_flop", "float", "Training compute C.", unit="FLOP", minimum=1e15, maximum=1e26
        ),
        Column("hex_color", "str", "Marker colour."),
        Column("loss", "float", "Final training loss.", unit="nats", minimum=1.0, maximum=10.0),
    ),
    rename={"Model Size": "parameters", "Training FLOP": "training_compute_flop"},
)
"""The 245 digitised runs of Hoffmann et al. (2022) Fig. 4 (third-party file)."""


def load_published_estimates() -> pd.DataFrame:
    """``data/published_estimates.csv``, validated, indexed by ``id``."""
    frame = read_table(PUBLISHED_ESTIMATES, paths.DATA_DIR / "published_estimates.csv")
    return frame.set_index("id", drop=False)


def load_hoffmann_runs() -> pd.DataFrame:
    """Hoffmann et al. (2022) Fig. 4 runs: N (parameters), C (FLOP), D (tokens), loss.

    Training tokens follow the replication's convention D = C / (6 N). Each
    row carries ``run``, its 1-based row number in the source file, so every
    point stays traceable.
    """
    frame = read_table(HOFFMANN_RUNS, sources.fetch("hoffmann2022_fig4"))
    frame = frame[["parameters", "training_compute_flop", "loss"]].copy()
    frame.insert(0, "run", np.arange(1, len(frame) + 1))
    frame["training_tokens"] = frame.training_compute_flop / (6.0 * frame.parameters)
    return frame


DOMAINS = (
    "language",
    "vision",
    "multimodal",
    "games",
    "speech",
    "biology",
    "image generation",
    "video",
    "robotics",
    "recommendation",
    "other",
)
COMPUTE_METHODS = ("6ND", "hardware", "reported", "our_estimate", "third_party_estimate")
CONFIDENCE_LEVELS = ("confident", "likely", "speculative")
"""Epoch AI's grading: confident ≈ within 3x, likely ≈ within 10x, speculative otherwise."""

SIX_ND_TOLERANCE = 3.0
"""Compute must lie within this factor of 6 N D (N active parameters) unless the notes explain."""

_MENTIONS_SIX_ND = r"6\s*\*?\s*N\s*\*?\s*D|6ND"


def _positive(name: str, description: str, unit: str) -> Column:
    return Column(name, "float", description, unit, False, rule=pa.Check.gt(0))


HARDWARE = TableSpec(
    name="hardware",
    title="Accelerators",
    description="One row per accelerator that a row of `models.csv` names, with the figures its vendor's "
    "datasheet or specification page gives (dense peak FLOP/s; a figure printed with sparsity is halved).",
    key="key",
    columns=(
        Column(
            "key",
            "str",
            "Stable id, e.g. `nvidia_h100_sxm5`; `models.csv` names it in `hardware`.",
            pattern=r"^[a-z0-9_]+$",
            unique=True,
        ),
        Column("manufacturer", "str", "Vendor."),
        Column("name", "str", "The vendor's name for the part."),
        Column(
            "release_date",
            "date",
            "Announcement or availability date, as the vendor states it.",
            required=False,
            minimum="2005-01-01",
            maximum="2030-12-31",
        ),
        _positive(
            "tdp_w",
            "Thermal design power of the chip or board (for TPUs, the TDP Google's own papers print).",
            "W",
        ),
        _positive("board_or_server_w", "Power of a server or board the vendor specifies, per chip.", "W"),
        _positive("fp32_flop_per_s", "Peak dense FP32.", "FLOP/s"),
        _positive("tf32_flop_per_s", "Peak dense TF32 (tensor cores).", "FLOP/s"),
        _positive("fp16_bf16_flop_per_s", "Peak dense FP16/BF16 (tensor cores or matrix units).", "FLOP/s"),
        _positive("fp8_flop_per_s", "Peak dense FP8.", "FLOP/s"),
        _positive("memory_bytes", "Accelerator memory.", "bytes"),
        _positive("memory_bandwidth_bytes_per_s", "Memory bandwidth.", "bytes/s"),
        _positive(
            "launch_price_usd",
            "Launch price where the vendor or a clearly attributed source publishes it.",
            "USD",
        ),
        Column(
            "source_url",
            "str",
            "The vendor's datasheet or specification page (or a faithful copy, as notes say); for a part "
            "with no vendor figure yet, the earliest source in `models.csv` that names it.",
            pattern=URL_PATTERN,
        ),
        Column("source_title", "str", "Its title and document id."),
        Column(
            "notes",
            "str",
            "What was read where; conversions (sparse to dense, GiB); what is not yet sourced.",
        ),
    ),
)
"""``data/hardware.csv``: accelerators and their vendor figures."""

POWER_REFERENCES = TableSpec(
    name="power_references",
    title="Power references",
    description="A scale to set beside the power of training runs: power plants, planned data centres, "
    "a household, each from its operator or a clearly attributed report. Grid averages are computed from "
    "Ember's files in analysis, not copied here.",
    key="key",
    columns=(
        Column("key", "str", "Stable id.", pattern=r"^[a-z0-9_]+$", unique=True),
        Column("name", "str", "What it is."),
        Column(
            "category",
            "str",
            "Kind of reference.",
            values=(
                "power_plant",
                "data_centre_campus",
                "grid_region",
                "country",
                "household_scale",
                "other",
            ),
        ),
        Column("power_w", "float", "Its power.", "W", rule=pa.Check.gt(0)),
        Column(
            "power_kind",
            "str",
            "Which power: nameplate capacity, average load (annual energy over 8,760 h), peak load or "
            "planned capacity.",
            values=("nameplate_capacity", "average_load", "peak_load", "planned_capacity"),
        ),
        Column(
            "year",
            "int",
            "Year the figure refers to (a planned campus: the stated target year).",
            required=False,
            minimum=1990,
            maximum=2035,
        ),
        Column("source_url", "str", "The operator's page or the report read.", pattern=URL_PATTERN),
        Column("source_title", "str", "Its title."),
        Column("location", "str", "Where in it."),
        Column("derivation", "str", "The arithmetic and what exactly was read (copies named)."),
    ),
)
"""``data/power_references.csv``: the comparison scale for the power chapter."""


POWER_COST_INPUTS = TableSpec(
    name="power_cost_inputs",
    title="Power and cost inputs",
    description="The factors that turn a run's chips into watts and dollars, each a range read in its "
    "sources: the power chapter draws each uniformly between `low` and `high`.",
    key="key",
    columns=(
        Column(
            "key",
            "str",
            "Stable id; `analysis.power` reads each by name.",
            pattern=r"^[a-z0-9_]+$",
            unique=True,
        ),
        Column("quantity", "str", "What it is, in words."),
        Column("applies_to", "str", "Which runs or chips it applies to."),
        Column(
            "low", "float", "Lowest value in the sources (or the stated lower bound).", rule=pa.Check.gt(0)
        ),
        Column(
            "high", "float", "Highest value in the sources (or the stated upper bound).", rule=pa.Check.gt(0)
        ),
        Column("unit", "str", "Unit of `low` and `high`.", values=("dimensionless", "years", "USD per kWh")),
        Column("source_url", "str", "The main source.", pattern=URL_PATTERN),
        Column("source_title", "str", "Its title."),
        Column("location", "str", "Where in it."),
        Column("derivation", "str", "Every value read, where, and how the range follows from them."),
    ),
    row_rules=(pa.Check(lambda df: df.low <= df.high, name="high: low <= high (the range is not reversed)"),),
)
"""``data/power_cost_inputs.csv``: server overhead, PUE, utilisation, hardware life and prices of energy."""

METERED_TRAINING_ENERGY = TableSpec(
    name="metered_training_energy",
    title="Metered training energy",
    description="Training runs whose developers measured the electricity used (accelerators, host share and "
    "PUE), to check the power chapter's energy estimates against.",
    key="model",
    columns=(
        Column(
            "model",
            "str",
            "The run, as named in `models.csv`.",
            unique=True,
            rule=pa.Check(lambda names: names.isin(_model_names()), name="model is a model of models.csv"),
        ),
        Column("energy_mwh", "float", "Electricity used, as printed.", "MWh", rule=pa.Check.gt(0)),
        Column("source_url", "str", "The paper that reports it.", pattern=URL_PATTERN),
        Column("source_title", "str", "Its title."),
        Column("location", "str", "Where in it."),
        Column("printed", "str", "The figures as printed."),
        Column("derivation", "str", "What was measured by whom, and the arithmetic that checks the total."),
    ),
)
"""``data/metered_training_energy.csv``: developer-metered energy of training runs."""


def load_metered_training_energy() -> pd.DataFrame:
    """``data/metered_training_energy.csv``, validated, indexed by ``model``."""
    return read_table(METERED_TRAINING_ENERGY, paths.DATA_DIR / "metered_training_energy.csv").set_index(
        "model", drop=False
    )


CONSTRAINT_INPUTS = TableSpec(
    name="constraint_inputs",
    title="Constraint inputs",
    description="The assumptions of the timelines chapter's 2030 ceilings (run length, share of chips for "
    "one run, power of one campus, chips available, data and latency), each a range read in its source "
    "and drawn uniformly or log-uniformly between `low` and `high`.",
    key="key",
    columns=(
        Column(
            "key",
            "str",
            "Stable id; `analysis.timelines` reads each by name.",
            pattern=r"^[a-z0-9_]+$",
            unique=True,
        ),
        Column("quantity", "str", "What it is, in words."),
        Column("low", "float", "Lower end of the range.", rule=pa.Check.gt(0)),
        Column("high", "float", "Upper end of the range.", rule=pa.Check.gt(0)),
        Column(
            "unit",
            "str",
            "Unit of `low` and `high`.",
            values=("dimensionless", "months", "GW", "chips", "FLOP"),
        ),
        Column(
            "distribution",
            "str",
            "How the range is drawn: uniformly or log-uniformly between `low` and `high`, or as a normal or "
            "log-normal with `low` and `high` at its 10th and 90th percentiles (an 80% interval).",
            values=("uniform", "loguniform", "normal_80", "lognormal_80"),
        ),
        Column("source_url", "str", "The source.", pattern=URL_PATTERN),
        Column("source_title", "str", "Its title."),
        Column("location", "str", "Where in it."),
        Column("printed", "str", "The words and figures as printed."),
        Column("derivation", "str", "How the range follows from them, and whose estimate it is."),
    ),
    row_rules=(pa.Check(lambda df: df.low <= df.high, name="high: low <= high (the range is not reversed)"),),
)
"""``data/constraint_inputs.csv``: the assumptions of the 2030 ceilings."""

CONSTRAINT_INPUT_KEYS = (
    "run_duration_months",
    "chip_share_one_run",
    "utilisation_2030",
    "power_single_campus_gw",
    "h100e_for_largest_run_2030",
    "fp8_gain",
    "multimodal_data_factor",
    "latency_wall_flop",
)
"""The inputs ``analysis.timelines`` needs; a missing one is a validation error."""


def load_constraint_inputs() -> pd.DataFrame:
    """``data/constraint_inputs.csv``, validated, indexed by ``key``; every needed input present."""
    path = paths.DATA_DIR / "constraint_inputs.csv"
    frame = read_table(CONSTRAINT_INPUTS, path)
    missing = sorted(set(CONSTRAINT_INPUT_KEYS) - set(frame.key))
    if missing:
        raise DataError([f"{path}: no row for input '{name}'" for name in missing])
    return frame.set_index("key", drop=False)


REVIEW_STATUSES = ("fixed", "partly fixed", "rebutted", "open")

REVIEW_RESPONSE = TableSpec(
    name="review_response",
    title="Review response",
    description="Each blocker and major finding of the expert review of chapters 1-3 and the data audit, "
    "with its status and what changed; `evidence` names a key number (`key:<id>`) or a page section "
    "(`page:<docname>#<anchor>`) that the report's tests require to exist.",
    key="id",
    columns=(
        Column(
            "id",
            "str",
            "Finding id: page and number in the review.",
            pattern=r"^[a-z0-9]+\.[0-9]+$",
            unique=True,
        ),
        Column("reference", "str", "Where the review states it (file, section, item)."),
        Column(
            "page",
            "str",
            "Where the finding is.",
            values=("compute-trends", "data-audit", "algorithmic-progress", "chinchilla", "report"),
        ),
        Column("severity", "str", "The review's grade.", values=("blocker", "major")),
        Column("finding", "str", "The finding, in our words."),
        Column("status", "str", "Where it stands.", values=REVIEW_STATUSES),
        Column("response", "str", "What changed, or why not, in our words."),
        Column(
            "evidence",
            "str",
            "Where the change can be seen.",
            required=False,
            pattern=r"^(key:[a-z0-9_.A-Z]+|page:[a-z0-9/_-]+(#[a-z0-9-]+)?)$",
        ),
    ),
    row_rules=(
        pa.Check(
            lambda df: (df.status == "open") | df.evidence.notna(),
            name="evidence: every finding not open names its evidence",
        ),
    ),
)
"""``data/review_response.csv``: the response to the expert review, finding by finding."""


def load_review_response() -> pd.DataFrame:
    """``data/review_response.csv``, validated."""
    return read_table(REVIEW_RESPONSE, paths.DATA_DIR / "review_response.csv")


POWER_COST_INPUT_KEYS = (
    "server_overhead_gpu",
    "server_overhead_tpu",
    "pue",
    "utilisation",
    "hardware_life",
    "cluster_cost_overhead",
    "electricity_price",
    "load_factor_gpu",
    "load_factor_tpu",
)
"""The inputs ``analysis.power`` needs; a missing one is a validation error."""


def load_power_cost_inputs() -> pd.DataFrame:
    """``data/power_cost_inputs.csv``, validated, indexed by ``key``; every needed input present."""
    path = paths.DATA_DIR / "power_cost_inputs.csv"
    frame = read_table(POWER_COST_INPUTS, path)
    missing = sorted(set(POWER_COST_INPUT_KEYS) - set(frame.key))
    if missing:
        raise DataError([f"{path}: no row for input '{name}'" for name in missing])
    return frame.set_index("key", drop=False)


def _model_names() -> set[str]:
    path = paths.DATA_DIR / "models.csv"
    return set(pd.read_csv(path, dtype=str, usecols=["model"]).model) if path.is_file() else set()


def _hardware_keys() -> set[str]:
    path = paths.DATA_DIR / "hardware.csv"
    return set(pd.read_csv(path, dtype=str, usecols=["key"]).key) if path.is_file() else set()


def load_hardware() -> pd.DataFrame:
    """``data/hardware.csv``, validated, indexed by ``key``."""
    return read_table(HARDWARE, paths.DATA_DIR / "hardware.csv").set_index("key", drop=False)


def load_power_references() -> pd.DataFrame:
    """``data/power_references.csv``, validated, indexed by ``key``."""
    return read_table(POWER_REFERENCES, paths.DATA_DIR / "power_references.csv").set_index("key", drop=False)


EPOCH_ML_HARDWARE = TableSpec(
    name="epoch_ml_hardware",
    title="Epoch AI, Machine Learning Hardware",
    description="Epoch AI's accelerator table (third-party); the columns the report reads.",
    key="Hardware name",
    columns=(
        Column("Hardware name", "str", "Accelerator."),
        Column("Release date", "date", "Release date.", required=False),
        Column("TDP (W)", "float", "Thermal design power.", "W", False, rule=pa.Check.gt(0)),
        Column(
            "FP32 (single precision) performance (FLOP/s)",
            "float",
            "Peak FP32.",
            "FLOP/s",
            False,
            rule=pa.Check.gt(0),
        ),
        Column(
            "Tensor-FP16/BF16 performance (FLOP/s)",
            "float",
            "Peak dense 16-bit tensor.",
            "FLOP/s",
            False,
            rule=pa.Check.gt(0),
        ),
    ),
    columns_open=True,
)
"""Epoch AI's ML hardware table (third-party; the columns the report reads)."""


def load_epoch_ml_hardware() -> pd.DataFrame:
    """Epoch AI's ML hardware table, validated."""
    return read_table(EPOCH_ML_HARDWARE, sources.fetch("epoch_ml_hardware"))


EPOCH_HARDWARE_PRICES = TableSpec(
    name="epoch_hardware_prices",
    title="Epoch AI, hardware prices",
    description="Epoch AI's purchase and cloud prices of accelerators (third-party); the columns read.",
    key=None,
    columns=(
        Column("Hardware model", "str", "Accelerator."),
        Column("Price date", "date", "Date of the price.", required=False),
        Column(
            "Price (hardware purchase)",
            "float",
            "Purchase price per chip (a server's price per GPU).",
            "USD",
            False,
            rule=pa.Check.gt(0),
        ),
    ),
    columns_open=True,
)
"""Epoch AI's hardware price database (third-party; the columns the report reads)."""


def load_epoch_hardware_prices() -> pd.DataFrame:
    """Epoch AI's hardware prices, validated."""
    return read_table(EPOCH_HARDWARE_PRICES, sources.fetch("epoch_hardware_prices"))


EPOCH_DATA_CENTER_TIMELINES = TableSpec(
    name="epoch_data_center_timelines",
    title="Epoch AI, Frontier Data Centers (timelines)",
    description="Facility power of frontier data centres at each milestone, built and planned (third-party).",
    key=None,
    columns=(
        Column("Date", "date", "Milestone date (later rows are plans)."),
        Column("Data center", "str", "Site."),
        Column("Power (MW)", "float", "Facility power at that date.", "MW", False, minimum=0.0),
    ),
    columns_open=True,
)
"""Epoch AI's Frontier Data Centers timelines (third-party; the columns the report reads)."""


def load_epoch_data_center_timelines() -> pd.DataFrame:
    """Epoch AI's data-centre milestones, validated."""
    return read_table(EPOCH_DATA_CENTER_TIMELINES, sources.fetch("epoch_data_center_timelines"))


CHIP_VENDORS = ("nvidia", "tpu", "amd", "trainium")
"""The vendors of Epoch AI's chip-sales files."""

EPOCH_CHIPS_CUMULATIVE = TableSpec(
    name="epoch_chips_cumulative",
    title="Epoch AI, AI chip sales (cumulative)",
    description="Cumulative AI chips shipped and their power, per vendor and quarter (third-party).",
    key=None,
    columns=(
        Column("Name", "str", "Row label."),
        Column("End date", "str", "Quarter end (M/D/YYYY)."),
        Column("Power in MW (5th percentile)", "float", "Power of the chips shipped, 5th percentile.", "MW"),
        Column("Power in MW (median)", "float", "Power of the chips shipped, median.", "MW"),
        Column(
            "Power in MW (95th percentile)", "float", "Power of the chips shipped, 95th percentile.", "MW"
        ),
    ),
    columns_open=True,
)
"""Epoch AI's chip-sales cumulative totals (third-party; the columns the report reads)."""


def load_epoch_chips_cumulative() -> pd.DataFrame:
    """Every vendor's cumulative chip-sales file, validated and stacked, with ``vendor`` and ``end``."""
    frames = []
    for vendor in CHIP_VENDORS:
        frame = read_table(EPOCH_CHIPS_CUMULATIVE, sources.fetch(f"epoch_chips_{vendor}_cumulative"))
        frames.append(frame.assign(vendor=vendor, end=pd.to_datetime(frame["End date"], format="%m/%d/%Y")))
    return pd.concat(frames, ignore_index=True)


EMBER_COUNTRIES = TableSpec(
    name="ember_country_overview",
    title="Ember, yearly electricity by country",
    description="Electricity demand by country and region (third-party).",
    key=None,
    columns=(
        Column("country_or_region", "str", "Country or region."),
        Column("year", "int", "Year."),
        Column("demand_twh", "float", "Electricity demand.", "TWh", False, minimum=0.0),
    ),
    columns_open=True,
)
"""Ember's yearly country overview (third-party; the columns the report reads)."""


def load_ember_countries() -> pd.DataFrame:
    """Ember's electricity demand by country, validated."""
    return read_table(EMBER_COUNTRIES, sources.fetch("ember_country_overview"))


EMBER_US_STATES = TableSpec(
    name="ember_usa_states",
    title="Ember, yearly electricity by US state",
    description="Electricity demand by US state (third-party).",
    key=None,
    columns=(
        Column("state", "str", "State."),
        Column("year", "int", "Year."),
        Column("demand_gwh", "float", "Electricity demand.", "GWh", False, minimum=0.0),
    ),
    columns_open=True,
)
"""Ember's yearly US-state overview (third-party; the columns the report reads)."""


def load_ember_us_states() -> pd.DataFrame:
    """Ember's electricity demand by US state, validated."""
    return read_table(EMBER_US_STATES, sources.fetch("ember_usa_states"))


def _six_nd_ratio(frame: pd.DataFrame) -> pd.Series:
    """Training compute divided by 6 N D (active parameters for MoE); NaN where unknown."""
    parameters = frame.active_parameters.fillna(frame.parameters)
    return frame.training_compute_flop / (6.0 * parameters * frame.training_tokens)


MODELS = TableSpec(
    name="models",
    title="Notable models",
    description="One row per model with a training-compute estimate, written by us from primary sources.",
    key="model",
    columns=(
        Column(
            "model",
            "str",
            "The name the developer uses, with size where several exist (`Llama 3.1 405B`).",
            unique=True,
        ),
        Column("organization", "str", "Developer(s), separated by `; `."),
        Column(
            "country", "str", "Country of the developer's headquarters (`Multinational` for joint efforts)."
        ),
        Column(
            "publication_date",
            "date",
            "First public release or paper (arXiv v1 or announcement).",
            minimum="2010-01-01",
            maximum="2026-12-31",
        ),
        Column("domain", "str", "What the model does.", values=DOMAINS),
        Column("open_weights", "bool", "Whether the trained weights were released.", required=False),
        Column(
            "released",
            "bool",
            "Whether the model was released or deployed (`false`: announced while still training, e.g. a "
            "preview of an unfinished run); unreleased runs stay out of every fit.",
        ),
        Column(
            "parameters", "float", "Total parameter count.", "parameters", False, minimum=1e3, maximum=1e14
        ),
        Column(
            "active_parameters",
            "float",
            "Parameters active per token (mixture-of-experts models only).",
            "parameters",
            False,
            minimum=1e3,
            maximum=1e14,
        ),
        Column(
            "training_tokens",
            "float",
            "Tokens seen in training; for non-language models the datapoints seen (epochs × dataset size), "
            "as the notes say.",
            "tokens",
            False,
            minimum=1e3,
            maximum=1e15,
        ),
        Column(
            "training_compute_flop", "float", "Total training compute.", "FLOP", minimum=1e12, maximum=1e29
        ),
        Column(
            "self_play_compute_flop",
            "float",
            "Compute of generating self-play training data (reinforcement learning), kept out of "
            "`training_compute_flop`, which counts the optimisation as Epoch AI does.",
            "FLOP",
            required=False,
            minimum=1e12,
            maximum=1e29,
        ),
        Column(
            "compute_method",
            "str",
            "`6ND` (6 × active parameters × tokens, or per-example FLOP × 3 × examples), `hardware` (chips × "
            "peak FLOP/s × hours × utilisation), `reported` (the developer states it), "
            "`our_estimate` (our own estimate where the source lacks an input of 6ND or hardware arithmetic, "
            "e.g. an assumed token count or an operation count; the notes give every assumption), "
            "`third_party_estimate` (only another group's estimate exists; the notes say whose).",
            values=COMPUTE_METHODS,
        ),
        Column(
            "hardware",
            "str",
            "The accelerator, as a `key` of `hardware.csv` (what the source says, if more, is in the notes).",
            required=False,
            rule=pa.Check(lambda keys: keys.isin(_hardware_keys()), name="hardware is a key of hardware.csv"),
        ),
        Column("hardware_quantity", "int", "Number of accelerators.", "chips", False, minimum=1, maximum=1e7),
        Column(
            "training_time_hours",
            "float",
            "Wall-clock training time.",
            "hours",
            False,
            minimum=0.01,
            maximum=1e5,
        ),
        Column(
            "training_chip_hours",
            "float",
            "Accelerator-hours of the run as the developer reports them (e.g. a model card's GPU hours).",
            "chip-hours",
            False,
            minimum=1.0,
            maximum=1e10,
        ),
        Column(
            "confidence",
            "str",
            "`confident` (estimate within about 3x), `likely` (about 10x), `speculative`, as Epoch AI grades "
            "its own.",
            values=CONFIDENCE_LEVELS,
        ),
        Column(
            "notes",
            "str",
            "How every number was derived, with the arithmetic and where each input was read; a value "
            "recalled rather than read says so.",
        ),
        Column(
            "source_url",
            "str",
            "The primary source (paper, model card, report, official post), or for `third_party_estimate` "
            "the estimate's publication.",
            pattern=URL_PATTERN,
        ),
        Column("source_title", "str", "Its title."),
        Column("inclusion_reason", "str", "Why the model is notable (see the inclusion rule)."),
        Column(
            "epoch_model",
            "str",
            "The model's name in Epoch AI's database, where it differs from ours; used only to join the two "
            "for the data audit.",
            required=False,
        ),
        Column(
            "verified",
            "date",
            "Date of a second reading of the row against its primary source; empty until re-read "
            "(`python -m analysis.validate` lists how many rows are not yet re-read).",
            required=False,
            minimum="2026-01-01",
            maximum="2030-12-31",
        ),
    ),
    row_rules=(
        pa.Check(
            lambda df: df.active_parameters.isna() | (df.active_parameters <= df.parameters),
            name="active_parameters: active_parameters <= parameters",
        ),
        pa.Check(
            lambda df: (
                _six_nd_ratio(df).isna()
                | _six_nd_ratio(df).between(1 / SIX_ND_TOLERANCE, SIX_ND_TOLERANCE)
                | df.notes.str.contains(_MENTIONS_SIX_ND, regex=True)
            ),
            name="training_compute_flop: within 3x of 6*N*D (active parameters), or notes say why not",
        ),
    ),
)
"""``data/models.csv``: notable models with a training-compute estimate, written by us."""


def load_models() -> pd.DataFrame:
    """``data/models.csv``, validated; ``publication_date`` as datetimes, indexed by ``model``."""
    frame = read_table(MODELS, paths.DATA_DIR / "models.csv")
    return frame.set_index("model", drop=False)


EPOCH_MODELS = TableSpec(
    name="epoch_ai_models",
    title="Epoch AI, Data on AI Models",
    description="Epoch AI's notable-models table (third-party); the columns the report reads.",
    key="Model",
    columns=(
        Column("Model", "str", "Model name."),
        Column("Publication date", "date", "Publication date.", required=False),
        Column(
            "Training compute (FLOP)",
            "float",
            "Epoch's training-compute estimate.",
            "FLOP",
            False,
            rule=pa.Check.gt(0),
        ),
    ),
    columns_open=True,
)
"""Epoch AI's notable-models table (third-party; the columns the report reads)."""

EPOCH_MEMBER = "notable_ai_models.csv"
"""The member of Epoch's bundle the report compares against: models meeting Epoch's notability criteria."""


def load_epoch_models(member: str = EPOCH_MEMBER) -> pd.DataFrame:
    """Epoch AI's models (``member`` of their bundle), validated; rows kept whole.

    Rows without a compute estimate stay in the frame (compute NaN); analyses
    that need compute say how many they set aside. Columns beyond the
    declared ones are kept as text.
    """
    archive = sources.fetch("epoch_ai_models")
    with zipfile.ZipFile(archive) as bundle, bundle.open(member) as handle:
        text = pd.read_csv(handle, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    path = Path(f"{archive}!{member}")
    text["Model"] = text["Model"].str.replace(r"\s+", " ", regex=True)
    parsed, problems = _parse_types(text, EPOCH_MODELS, path)
    if not problems:
        problems = _schema_problems(parsed, EPOCH_MODELS, path)
    if problems:
        raise DataError(problems)
    wanted = list(EPOCH_MODELS.kinds)
    return parsed[[*wanted, *[column for column in parsed.columns if column not in wanted]]]


AUDIT_DIFFERENCES = ("convention", "different run", "inputs")
"""Kinds of disagreement between our compute and Epoch's, in the order the audit lists them."""

AUDIT_NOTES = TableSpec(
    name="audit_notes",
    title="Audit notes",
    description="Why our compute estimate differs from Epoch AI's by more than 3x, model by model. The audit "
    "page fails to build if a disagreement has no note, or a note no longer matches a disagreement.",
    key="model",
    columns=(
        Column("model", "str", "Our model name (must be in `models.csv`).", unique=True),
        Column(
            "difference",
            "str",
            "What kind of difference it is: `convention` (what counts as training compute, e.g. self-play "
            "data generation, ensemble members, a reused backbone's pre-training), `different run` (the "
            "two estimates describe different runs of one paper) or `inputs` (the same run, different "
            "inputs or assumptions).",
            values=AUDIT_DIFFERENCES,
        ),
        Column(
            "better_estimate",
            "str",
            "Which estimate we think is right (for a convention, which convention our row follows is "
            "in the reason).",
            values=("ours", "Epoch", "both plausible"),
        ),
        Column("reason", "str", "Which estimate is right and why, in our words."),
        Column("source_url", "str", "The primary source that settles it.", pattern=URL_PATTERN),
    ),
)
"""``data/audit_notes.csv``: why our compute differs from Epoch AI's by more than 3x, model by model."""


def load_audit_notes() -> pd.DataFrame:
    """``data/audit_notes.csv``, validated, indexed by ``model``; every model must be in ``models.csv``."""
    notes = read_table(AUDIT_NOTES, paths.DATA_DIR / "audit_notes.csv")
    unknown = sorted(set(notes.model) - set(load_models().model))
    if unknown:
        raise DataError(
            [f"{paths.DATA_DIR / 'audit_notes.csv'}: model '{m}' is not in models.csv" for m in unknown]
        )
    return notes.set_index("model", drop=False)


AUDIT_SECOND_READING = TableSpec(
    name="audit_second_reading",
    title="Audit: a second, blind derivation",
    description="For disagreements with Epoch AI of the `inputs` kind, a second analyst's training-compute "
    "estimate, derived from the primary source without seeing our value or Epoch's (rows whose inputs "
    "could only be recalled, or whose epoch count had to be guessed, are left out).",
    key="model",
    columns=(
        Column("model", "str", "Our model name (must be in `audit_notes.csv`).", unique=True),
        Column(
            "flop", "float", "The second estimate of training compute.", "FLOP", minimum=1e12, maximum=1e29
        ),
        Column("method", "str", "How it was computed (stated figure, operation count or hardware)."),
        Column(
            "confidence",
            "str",
            "Its grade, as for `models.csv`.",
            values=CONFIDENCE_LEVELS,
        ),
        Column("inputs_read", "str", "Every input, as read, with where."),
        Column("arithmetic", "str", "The arithmetic."),
        Column("where_read", "str", "The copy of the source that was read."),
        Column("source_url", "str", "The primary source.", pattern=URL_PATTERN),
    ),
)
"""``data/audit_second_reading.csv``: blind second estimates for the audit's disagreements."""


def load_audit_second_reading() -> pd.DataFrame:
    """``data/audit_second_reading.csv``, validated, indexed by ``model``; every model must have an audit
    note (a disagreement)."""
    rows = read_table(AUDIT_SECOND_READING, paths.DATA_DIR / "audit_second_reading.csv")
    unknown = sorted(set(rows.model) - set(load_audit_notes().model))
    if unknown:
        raise DataError(
            [f"{paths.DATA_DIR / 'audit_second_reading.csv'}: model '{m}' has no audit note" for m in unknown]
        )
    return rows.set_index("model", drop=False)


MISSING_FRONTIER_STATUSES = (
    "not yet read",
    "no published estimate",
    "no published figures",
    "no such run",
    "same run as a row we have",
)
"""Why an Epoch frontier model has no row of ours."""

MISSING_FRONTIER_NOTES = TableSpec(
    name="missing_frontier_notes",
    title="Missing frontier models",
    description="Why each frontier model of Epoch AI's database (running top-10 at release, since 2015) "
    "has no row in `models.csv`. The audit page fails to build if such a model has no note, or a note "
    "names a model that is no longer missing.",
    key="epoch_name",
    columns=(
        Column("epoch_name", "str", "The model's name in Epoch AI's database.", unique=True),
        Column("status", "str", "Why it has no row.", values=MISSING_FRONTIER_STATUSES),
        Column("reason", "str", "What the primary source gives and lacks, in our words."),
        Column("source_url", "str", "The primary source we looked at.", pattern=URL_PATTERN),
    ),
)
"""``data/missing_frontier_notes.csv``: why each of Epoch's frontier models we lack is missing."""


def load_missing_frontier_notes() -> pd.DataFrame:
    """``data/missing_frontier_notes.csv``, validated, indexed by ``epoch_name``."""
    notes = read_table(MISSING_FRONTIER_NOTES, paths.DATA_DIR / "missing_frontier_notes.csv")
    return notes.set_index("epoch_name", drop=False)


EVALUATION_SETS = ("wikitext-103", "ptb", "wikitext-2")
ARCHITECTURES = ("transformer", "lstm", "rnn", "cnn", "other")
EVALUATION_METHODS = ("standard", "zero-shot", "dynamic evaluation", "cache", "retrieval")
"""How the perplexity was obtained: trained on the benchmark and evaluated plainly; zero-shot after
pre-training elsewhere; or with test-time adaptation (dynamic evaluation, a cache, retrieval)."""

LM_EVALUATIONS = TableSpec(
    name="lm_evaluations",
    title="Language-model evaluations",
    description="Word-level test perplexities of language models on WikiText-103, Penn Treebank and "
    "WikiText-2, one row per model and evaluation set, each read in the paper that reports it.",
    key=("model", "evaluation_set"),
    columns=(
        Column("model", "str", "The model as its paper names it; with `evaluation_set`, the key."),
        Column("evaluation_set", "str", "The benchmark.", values=EVALUATION_SETS),
        Column(
            "publication_date",
            "date",
            "arXiv v1 or conference date.",
            minimum="2010-01-01",
            maximum="2025-12-31",
        ),
        Column(
            "perplexity",
            "float",
            "Test perplexity as reported (word level).",
            "perplexity",
            minimum=1.0,
            maximum=2000.0,
        ),
        Column(
            "parameters",
            "float",
            "Parameter count as reported (or computed from the architecture, as the notes say).",
            "parameters",
            minimum=1e4,
            maximum=1e13,
        ),
        Column(
            "training_tokens",
            "float",
            "Tokens seen in training: epochs × training-set size (WikiText-103 103M, PTB 929k, WikiText-2 "
            "2.09M) or steps × batch × length; for zero-shot models the pre-training tokens. Empty when the "
            "paper does not say.",
            "tokens",
            False,
            minimum=1e5,
            maximum=1e15,
        ),
        Column("architecture", "str", "Model family.", values=ARCHITECTURES),
        Column(
            "evaluation_method",
            "str",
            "`standard`; `zero-shot` (pre-trained elsewhere); `dynamic evaluation`, `cache`, `retrieval` "
            "(test-time adaptation).",
            values=EVALUATION_METHODS,
        ),
        Column(
            "tokens_notes", "str", "The arithmetic behind `training_tokens` and where each input was read."
        ),
        Column("source_url", "str", "The paper.", pattern=URL_PATTERN),
        Column("location", "str", "Table or section of the number."),
        Column("notes", "str", "What affects comparability.", required=False),
        Column(
            "verified",
            "date",
            "Date of a second reading of the row against its primary source; empty until re-read "
            "(`python -m analysis.validate` lists how many rows are not yet re-read).",
            required=False,
            minimum="2026-01-01",
            maximum="2030-12-31",
        ),
    ),
)
"""``data/lm_evaluations.csv``: word-level test perplexities of language models, one row per model and set."""


def load_lm_evaluations() -> pd.DataFrame:
    """``data/lm_evaluations.csv``, validated."""
    return read_table(LM_EVALUATIONS, paths.DATA_DIR / "lm_evaluations.csv")


SPEEDRUN_TIMING_RULES = ("through record 21", "after record 21")
"""The speedrun's two timing regimes, in order."""

SPEEDRUN_RECORDS = TableSpec(
    name="speedrun_records",
    title="NanoGPT speedrun records",
    description="The world-record history of the public NanoGPT speedrun "
    '(github.com/KellerJordan/modded-nanogpt, README "World record history", read at the commit in '
    "`source_commit`): wall-clock minutes on 8×H100 to reach a validation loss of 3.28 on FineWeb.",
    key="record",
    columns=(
        Column("record", "int", "Record number as listed.", unique=True),
        Column("date", "date", "Date of the record.", minimum="2024-01-01", maximum="2026-12-31"),
        Column("minutes", "float", "Record time.", "minutes", minimum=0.1, maximum=1000.0),
        Column("description", "str", "What changed, in our words."),
        Column(
            "record_url",
            "str",
            "The record's log, pull request or announcement.",
            required=False,
            pattern=URL_PATTERN,
        ),
        Column(
            "target_val_loss",
            "float",
            "Validation-loss target (3.28 throughout).",
            "nats",
            minimum=2.0,
            maximum=5.0,
        ),
        Column("hardware", "str", "8xH100 throughout."),
        Column(
            "timing_rules",
            "str",
            "The timing rules the record was set under (the first, with untimed warm-up steps and "
            "extra compiler tuning allowed, or the second, with an explicit untimed dummy-data warm-up "
            "and no extra compiler flags).",
            values=SPEEDRUN_TIMING_RULES,
        ),
        Column(
            "rule_notes",
            "str",
            "Rule changes affecting comparability (records 1–21 were timed under rules that allowed untimed "
            "warm-up steps; re-timings of record 21 under the new rules are noted on its row, not listed as "
            "records).",
            required=False,
        ),
        Column("source_url", "str", "The README the record was read in.", pattern=URL_PATTERN),
        Column("source_commit", "str", "The commit it was read at.", pattern=r"^[0-9a-f]{7,40}$"),
    ),
    row_rules=(
        pa.Check(
            lambda df: df.sort_values("record").date.is_monotonic_increasing,
            name="date: records are in date order",
        ),
    ),
)
"""``data/speedrun_records.csv``: NanoGPT speedrun world records (minutes on 8xH100 to a fixed loss)."""


def load_speedrun_records() -> pd.DataFrame:
    """``data/speedrun_records.csv``, validated, in record order."""
    return read_table(SPEEDRUN_RECORDS, paths.DATA_DIR / "speedrun_records.csv").sort_values("record")


STOCK_INPUTS = (
    "indexed_web_pages",
    "bytes_per_page",
    "bytes_per_token",
    "pages_growth",
    "bytes_per_page_growth",
    "quality_fraction",
    "repetition_factor",
    "largest_dataset_2024",
)
"""The inputs of the text-stock model, each a row of ``data/text_stock_inputs.csv``."""

DISTRIBUTIONS = ("lognormal", "six_minus_lognormal")
"""``lognormal``: central interval [low, high] at ``level``; ``six_minus_lognormal``: 6 minus such a
lognormal (Villalobos et al.'s form for bytes per token)."""

TEXT_STOCK_INPUTS = TableSpec(
    name="text_stock_inputs",
    title="Inputs of the text-stock model",
    description="One row per input of the model of the stock of public human text (the data-wall "
    "chapter): its distribution, interval and level, unit, and the source that justifies it.",
    key="input",
    columns=(
        Column("input", "str", "The input's name in the model.", values=STOCK_INPUTS, unique=True),
        Column("quantity", "str", "What the input is, in words."),
        Column(
            "route",
            "str",
            "Which part of the model it enters: the indexed web, the adjustments from raw to usable "
            "tokens, or the dataset projection.",
            values=("indexed_web", "adjustment", "dataset"),
        ),
        Column("distribution", "str", "Distribution family.", values=DISTRIBUTIONS),
        Column("low", "float", "Lower end of the central interval, in `unit`.", rule=pa.Check.gt(0)),
        Column("high", "float", "Upper end of the central interval, in `unit`.", rule=pa.Check.gt(0)),
        Column("level", "float", "Level of the interval.", "fraction", minimum=0.5, maximum=0.999),
        Column("unit", "str", "Unit of the input (for a distribution of 6 minus x: the unit of the result)."),
        Column(
            "reference_date",
            "date",
            "The date the value refers to.",
            minimum="2000-01-01",
            maximum="2030-12-31",
        ),
        Column(
            "source_key",
            "str",
            "Key in `references.bib` of the source that justifies the value.",
            rule=IN_BIBLIOGRAPHY,
        ),
        Column(
            "source_url", "str", "That source (paper, code at a commit, measurement).", pattern=URL_PATTERN
        ),
        Column("source_location", "str", "Where in it the value is stated (line, table, section)."),
        Column("derivation", "str", "How the interval was derived, and any independent cross-check."),
        Column(
            "villalobos_only", "bool", "Whether Villalobos et al. (2024) are the only source for the value."
        ),
    ),
    row_rules=(
        pa.Check(lambda df: df.low < df.high, name="high: low < high (the interval is not reversed)"),
        pa.Check(
            lambda df: (df.distribution != "six_minus_lognormal") | (df.high < 6),
            name="high: below 6 for six_minus_lognormal",
        ),
    ),
)
"""``data/text_stock_inputs.csv``: the inputs of the stock model, as data."""


def load_text_stock_inputs() -> pd.DataFrame:
    """``data/text_stock_inputs.csv``, validated, indexed by ``input``; every input of the model present."""
    path = paths.DATA_DIR / "text_stock_inputs.csv"
    frame = read_table(TEXT_STOCK_INPUTS, path)
    missing = sorted(set(STOCK_INPUTS) - set(frame.input))
    if missing:
        raise DataError([f"{path}: no row for input '{name}'" for name in missing])
    return frame.set_index("input", drop=False)


EPOCH_DATASET_SIZES = TableSpec(
    name="epoch_data_stock_dataset_sizes",
    title="Villalobos et al. (2024) dataset sizes",
    description="Training-set sizes of language models (third-party; in words at 0.75 words per token).",
    key="system",
    columns=(
        Column("system", "str", "Model."),
        Column("category", "str", "Domain.", values=("Language",)),
        Column("date", "date", "Publication date.", minimum="2000-01-01", maximum="2025-12-31"),
        Column("comp", "float", "Training compute.", "FLOP", required=False, rule=pa.Check.gt(0)),
        Column("dataset", "float", "Training-set size.", "words", rule=pa.Check.gt(0)),
    ),
)
"""Epoch AI's data-stock repository, ``data/dataset_sizes.csv`` (third-party)."""

WORDS_PER_TOKEN = 0.75
"""Epoch AI's convention for converting words to tokens (their dataset sizes are in words)."""


def load_epoch_dataset_sizes() -> pd.DataFrame:
    """Villalobos et al.'s dataset sizes, validated, with ``training_tokens`` = words / 0.75."""
    frame = read_table(EPOCH_DATASET_SIZES, sources.fetch("epoch_data_stock_dataset_sizes"))
    frame["training_tokens"] = frame.dataset / WORDS_PER_TOKEN
    return frame


GOOGLE_PIVOT_WORDS = TableSpec(
    name="epoch_data_stock_google_pivot_words",
    title="Villalobos et al. (2024) pivot words",
    description="Each word's share of Common Crawl documents by crawl year and its Google result count.",
    key="word",
    columns=(
        Column("word", "str", "The word.", unique=True),
        *(
            Column(
                str(year),
                "float",
                f"Share of {year} Common Crawl documents containing the word.",
                minimum=0.0,
                maximum=1.0,
            )
            for year in range(2013, 2023)
        ),
        Column("count", "float", "Google Search result count (queried about 2024).", rule=pa.Check.gt(0)),
    ),
)
"""Epoch AI's data-stock repository, ``data/google_pivot_words.csv`` (third-party)."""


def load_google_pivot_words() -> pd.DataFrame:
    """The pivot words, validated."""
    return read_table(GOOGLE_PIVOT_WORDS, sources.fetch("epoch_data_stock_google_pivot_words"))


CLAIM_RULES = ("point_in_interval", "ranges_overlap", "at_least", "at_most", "arithmetic", "not_testable")
"""How a claim's verdict is decided (``analysis.claims`` implements each)."""

CLAIM_TOPICS = ("compute", "algorithms", "chinchilla", "data", "power", "cost", "hardware", "timelines")

CLAIMS = TableSpec(
    name="claims",
    title="Claims checked",
    description="Quantitative claims that circulate about AI scaling, each verified in its public source and "
    "paraphrased, with the key number of this report that tests it and the rule that decides the verdict.",
    key="id",
    columns=(
        Column(
            "id", "str", "Stable id `<claimant>.<claim>`.", pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$", unique=True
        ),
        Column("topic", "str", "What the claim is about (groups the page).", values=CLAIM_TOPICS),
        Column("claimant", "str", "Who made the claim."),
        Column("source_title", "str", "Title of the page, post or transcript."),
        Column("source_url", "str", "Where the claim is made.", pattern=URL_PATTERN),
        Column(
            "source_date",
            "str",
            "Date of the source, `YYYY-MM-DD` or `YYYY-MM`.",
            required=False,
            pattern=r"^\d{4}-\d{2}(-\d{2})?$",
        ),
        Column("location", "str", "Where in the source (section, timestamp, paragraph)."),
        Column("claim", "str", "The claim, paraphrased in our words."),
        Column("value", "float", "The claimed value (the centre of a range), in `unit`."),
        Column("low", "float", "Lower end of a claimed range.", required=False),
        Column("high", "float", "Upper end of a claimed range.", required=False),
        Column("unit", "str", "Unit of the claim.", values=tuple(sorted(UNITS))),
        Column("comparison", "str", "How the claim is phrased.", values=("about", "at_least", "at_most")),
        Column(
            "key_number",
            "str",
            "The key number of this report that tests it (empty: not testable).",
            required=False,
        ),
        Column("rule", "str", "The rule that decides the verdict.", values=CLAIM_RULES),
        Column(
            "given",
            "float",
            "For `arithmetic`: the input of the claimed conversion (e.g. 8 months).",
            required=False,
        ),
        Column(
            "explanation",
            "str",
            "One sentence explaining an `inconsistent` verdict (required whenever the computed verdict is "
            "inconsistent).",
            required=False,
        ),
        Column("verified_note", "str", "What was read where, and in which version or copy."),
    ),
    row_rules=(
        pa.Check(
            lambda df: df.low.isna() == df.high.isna(), name="high: low and high both given or both empty"
        ),
        pa.Check(
            lambda df: df.key_number.isna() == df.rule.isin(["not_testable", "arithmetic"]),
            name="key_number: given exactly when the rule tests a key number",
        ),
        pa.Check(
            lambda df: (df.rule != "ranges_overlap") | df.low.notna(),
            name="low: ranges_overlap needs a claimed range",
        ),
        pa.Check(
            lambda df: (df.rule != "arithmetic") | df.given.notna(), name="given: arithmetic needs its input"
        ),
    ),
)
"""``data/claims.csv``: claims about scaling and how this report's numbers test them."""

REREAD_TABLES = ("models.csv", "lm_evaluations.csv")
"""Tables whose rows carry a ``verified`` date of a second reading against the primary source."""

COMMITTED_TABLES = {
    f"{spec.name}.csv": spec
    for spec in (
        MODELS,
        AUDIT_NOTES,
        MISSING_FRONTIER_NOTES,
        AUDIT_SECOND_READING,
        LM_EVALUATIONS,
        SPEEDRUN_RECORDS,
        PUBLISHED_ESTIMATES,
        TEXT_STOCK_INPUTS,
        CLAIMS,
        HARDWARE,
        POWER_REFERENCES,
        POWER_COST_INPUTS,
        METERED_TRAINING_ENERGY,
        CONSTRAINT_INPUTS,
        REVIEW_RESPONSE,
    )
}
"""Every committed table under ``data/`` and its spec (file name -> spec)."""
