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
}
"""Units a number in the report may carry."""

ID_PATTERN = r"^[a-z0-9_]+(\.[A-Za-z0-9_]+)+$"
"""Stable ids: dot-separated words, the first lowercase (``chinchilla.fit.E``: symbols keep their case)."""


class DataError(ValueError):
    """A table failed validation; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class TableSpec:
    """How to read and check one CSV table.

    ``columns`` maps each column to its type: ``str``, ``float``, ``int``,
    ``date`` (ISO ``YYYY-MM-DD``) or ``bool`` (``true``/``false``). ``schema``
    holds the pandera rules, applied after the types are parsed.
    """

    name: str
    key: str | None
    columns: dict[str, str]
    schema: pa.DataFrameSchema
    rename: dict[str, str] = field(default_factory=dict)


def _row_label(frame: pd.DataFrame, index, key: str | None) -> str:
    line = int(index) + 2  # the header is line 1
    if key is None or key not in frame.columns:
        return f"line {line}"
    return f"line {line} ({key}={frame.at[index, key]})"


def _parse_types(text: pd.DataFrame, spec: TableSpec, path: Path) -> tuple[pd.DataFrame, list]:
    """Convert text columns to their types; list each cell that does not parse."""
    problems = []
    parsed = text.copy()
    missing = [column for column in spec.columns if column not in text.columns]
    extra = [column for column in text.columns if column not in spec.columns]
    for column in missing:
        problems.append(f"{path}: column '{column}' is missing from the header")
    for column in extra:
        problems.append(f"{path}: column '{column}' is not in the data dictionary")
    if missing or extra:
        return parsed, problems
    for column, kind in spec.columns.items():
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
        else:
            raise ValueError(f"unknown column type {kind!r} for {spec.name}.{column}")
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


PUBLISHED_ESTIMATES = TableSpec(
    name="published_estimates",
    key="id",
    columns={
        "id": "str",
        "chapter": "str",
        "quantity": "str",
        "value": "float",
        "ci_low": "float",
        "ci_high": "float",
        "ci_level": "float",
        "uncertainty": "str",
        "unit": "str",
        "source_key": "str",
        "url": "str",
        "location": "str",
        "notes": "str",
    },
    schema=pa.DataFrameSchema(
        {
            "id": pa.Column(str, pa.Check.str_matches(ID_PATTERN), unique=True),
            "chapter": pa.Column(str),
            "quantity": pa.Column(str),
            "value": pa.Column(float, pa.Check(np.isfinite, element_wise=True)),
            "ci_low": pa.Column(float, nullable=True),
            "ci_high": pa.Column(float, nullable=True),
            "ci_level": pa.Column(float, pa.Check.in_range(0.5, 0.999), nullable=True),
            "uncertainty": pa.Column(str, nullable=True),
            "unit": pa.Column(str, pa.Check.isin(sorted(UNITS))),
            "source_key": pa.Column(
                str,
                pa.Check(
                    lambda keys: keys.isin(_bibliography_keys()),
                    name="source_key is a key in references.bib",
                ),
            ),
            "url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$")),
            "location": pa.Column(str),
            "notes": pa.Column(str, nullable=True),
        },
        checks=[
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
        ],
    ),
)
"""``data/published_estimates.csv``: every published figure a chapter compares against."""


HOFFMANN_RUNS = TableSpec(
    name="hoffmann2022_fig4",
    key=None,
    columns={
        "x": "float",
        "y": "float",
        "color": "str",
        "parameters": "float",
        "training_compute_flop": "float",
        "hex_color": "str",
        "loss": "float",
    },
    rename={"Model Size": "parameters", "Training FLOP": "training_compute_flop"},
    schema=pa.DataFrameSchema(
        {
            "parameters": pa.Column(float, pa.Check.in_range(1e6, 1e12)),
            "training_compute_flop": pa.Column(float, pa.Check.in_range(1e15, 1e26)),
            "loss": pa.Column(float, pa.Check.in_range(1.0, 10.0)),
        }
    ),
)
"""The 245 digitised runs of Hoffmann et al. (2022) Fig. 4 (third-party file)."""


COMMITTED_TABLES = {"published_estimates.csv": PUBLISHED_ESTIMATES}
"""Every committed table under ``data/`` and its spec."""


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


DOMAINS = [
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
]
COMPUTE_METHODS = ["6ND", "hardware", "reported", "third_party_estimate"]
CONFIDENCE_LEVELS = ["confident", "likely", "speculative"]
"""Epoch AI's grading: confident ≈ within 3x, likely ≈ within 10x, speculative otherwise."""

SIX_ND_TOLERANCE = 3.0
"""Compute must lie within this factor of 6 N D (N active parameters) unless the notes explain."""

_MENTIONS_SIX_ND = r"6\s*\*?\s*N\s*\*?\s*D|6ND"


def _six_nd_ratio(frame: pd.DataFrame) -> pd.Series:
    """Training compute divided by 6 N D (active parameters for MoE); NaN where unknown."""
    parameters = frame.active_parameters.fillna(frame.parameters)
    return frame.training_compute_flop / (6.0 * parameters * frame.training_tokens)


MODELS = TableSpec(
    name="models",
    key="model",
    columns={
        "model": "str",
        "organization": "str",
        "country": "str",
        "publication_date": "date",
        "domain": "str",
        "open_weights": "bool",
        "parameters": "float",
        "active_parameters": "float",
        "training_tokens": "float",
        "training_compute_flop": "float",
        "compute_method": "str",
        "hardware": "str",
        "hardware_quantity": "int",
        "training_time_hours": "float",
        "confidence": "str",
        "notes": "str",
        "source_url": "str",
        "source_title": "str",
        "inclusion_reason": "str",
        "epoch_model": "str",
    },
    schema=pa.DataFrameSchema(
        {
            "model": pa.Column(str, unique=True),
            "organization": pa.Column(str),
            "country": pa.Column(str),
            "publication_date": pa.Column(
                "datetime64[us]",
                pa.Check.in_range(pd.Timestamp("2010-01-01"), pd.Timestamp("2026-12-31")),
                coerce=True,
            ),
            "domain": pa.Column(str, pa.Check.isin(DOMAINS)),
            "open_weights": pa.Column(bool, nullable=True),
            "parameters": pa.Column(float, pa.Check.in_range(1e3, 1e14), nullable=True),
            "active_parameters": pa.Column(float, pa.Check.in_range(1e3, 1e14), nullable=True),
            "training_tokens": pa.Column(float, pa.Check.in_range(1e3, 1e15), nullable=True),
            "training_compute_flop": pa.Column(float, pa.Check.in_range(1e12, 1e29)),
            "compute_method": pa.Column(str, pa.Check.isin(COMPUTE_METHODS)),
            "hardware": pa.Column(str, nullable=True),
            "hardware_quantity": pa.Column(float, pa.Check.in_range(1, 1e7), nullable=True),
            "training_time_hours": pa.Column(float, pa.Check.in_range(0.01, 1e5), nullable=True),
            "confidence": pa.Column(str, pa.Check.isin(CONFIDENCE_LEVELS)),
            "notes": pa.Column(str),
            "source_url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$")),
            "source_title": pa.Column(str),
            "inclusion_reason": pa.Column(str),
            "epoch_model": pa.Column(str, nullable=True),
        },
        checks=[
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
        ],
    ),
)
"""``data/models.csv``: notable models with a training-compute estimate, written by us."""

COMMITTED_TABLES["models.csv"] = MODELS


def load_models() -> pd.DataFrame:
    """``data/models.csv``, validated; ``publication_date`` as datetimes, indexed by ``model``."""
    frame = read_table(MODELS, paths.DATA_DIR / "models.csv")
    return frame.set_index("model", drop=False)


EPOCH_MODELS = TableSpec(
    name="epoch_ai_models",
    key="Model",
    columns={},
    schema=pa.DataFrameSchema(
        {
            "Model": pa.Column(str),
            "Publication date": pa.Column("datetime64[us]", nullable=True, coerce=True),
            "Training compute (FLOP)": pa.Column(float, pa.Check.gt(0), nullable=True, coerce=True),
        }
    ),
)
"""Epoch AI's notable-models table (third-party; the columns the report reads)."""

EPOCH_MEMBER = "notable_ai_models.csv"
"""The member of Epoch's bundle the report compares against: models meeting Epoch's notability criteria."""


def load_epoch_models(member: str = EPOCH_MEMBER) -> pd.DataFrame:
    """Epoch AI's models (``member`` of their bundle), validated; rows kept whole.

    Rows without a compute estimate stay in the frame (compute NaN); analyses
    that need compute say how many they set aside.
    """
    with zipfile.ZipFile(sources.fetch("epoch_ai_models")) as bundle, bundle.open(member) as handle:
        text = pd.read_csv(handle, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    path = Path(f"{sources.fetch('epoch_ai_models')}!{member}")
    wanted = list(EPOCH_MODELS.schema.columns)
    frame = text[[*wanted, *[c for c in text.columns if c not in wanted]]].copy()
    for column in wanted:
        frame[column] = frame[column].str.strip().replace("", None)
    frame["Model"] = frame["Model"].str.replace(r"\s+", " ", regex=True)
    frame["Publication date"] = pd.to_datetime(frame["Publication date"], format="%Y-%m-%d", errors="coerce")
    bad_dates = frame["Publication date"].isna() & text["Publication date"].str.strip().ne("")
    compute = pd.to_numeric(frame["Training compute (FLOP)"], errors="coerce")
    bad_compute = compute.isna() & frame["Training compute (FLOP)"].notna()
    problems = [
        f"{path}: {_row_label(text, index, 'Model')}, column '{column}': "
        f"cannot be parsed (got {text.at[index, column]!r})"
        for column, bad in (("Publication date", bad_dates), ("Training compute (FLOP)", bad_compute))
        for index in text.index[bad]
    ]
    if problems:
        raise DataError(problems)
    frame["Training compute (FLOP)"] = compute
    problems = _schema_problems(frame, EPOCH_MODELS, path)
    if problems:
        raise DataError(problems)
    return frame


AUDIT_NOTES = TableSpec(
    name="audit_notes",
    key="model",
    columns={"model": "str", "better_estimate": "str", "reason": "str", "source_url": "str"},
    schema=pa.DataFrameSchema(
        {
            "model": pa.Column(str, unique=True),
            "better_estimate": pa.Column(str, pa.Check.isin(["ours", "Epoch", "both plausible"])),
            "reason": pa.Column(str),
            "source_url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$")),
        }
    ),
)
"""``data/audit_notes.csv``: why our compute differs from Epoch AI's by more than 3x, model by model."""

COMMITTED_TABLES["audit_notes.csv"] = AUDIT_NOTES


def load_audit_notes() -> pd.DataFrame:
    """``data/audit_notes.csv``, validated, indexed by ``model``; every model must be in ``models.csv``."""
    notes = read_table(AUDIT_NOTES, paths.DATA_DIR / "audit_notes.csv")
    unknown = sorted(set(notes.model) - set(load_models().model))
    if unknown:
        raise DataError(
            [f"{paths.DATA_DIR / 'audit_notes.csv'}: model '{m}' is not in models.csv" for m in unknown]
        )
    return notes.set_index("model", drop=False)


EVALUATION_SETS = ["wikitext-103", "ptb", "wikitext-2"]
ARCHITECTURES = ["transformer", "lstm", "rnn", "cnn", "other"]
EVALUATION_METHODS = ["standard", "zero-shot", "dynamic evaluation", "cache", "retrieval"]
"""How the perplexity was obtained: trained on the benchmark and evaluated plainly; zero-shot after
pre-training elsewhere; or with test-time adaptation (dynamic evaluation, a cache, retrieval)."""

LM_EVALUATIONS = TableSpec(
    name="lm_evaluations",
    key="model",
    columns={
        "model": "str",
        "evaluation_set": "str",
        "publication_date": "date",
        "perplexity": "float",
        "parameters": "float",
        "training_tokens": "float",
        "architecture": "str",
        "evaluation_method": "str",
        "tokens_notes": "str",
        "source_url": "str",
        "location": "str",
        "notes": "str",
    },
    schema=pa.DataFrameSchema(
        {
            "model": pa.Column(str),
            "evaluation_set": pa.Column(str, pa.Check.isin(EVALUATION_SETS)),
            "publication_date": pa.Column(
                "datetime64[us]",
                pa.Check.in_range(pd.Timestamp("2010-01-01"), pd.Timestamp("2025-12-31")),
                coerce=True,
            ),
            "perplexity": pa.Column(float, pa.Check.in_range(1.0, 2000.0)),
            "parameters": pa.Column(float, pa.Check.in_range(1e4, 1e13)),
            "training_tokens": pa.Column(float, pa.Check.in_range(1e5, 1e15), nullable=True),
            "architecture": pa.Column(str, pa.Check.isin(ARCHITECTURES)),
            "evaluation_method": pa.Column(str, pa.Check.isin(EVALUATION_METHODS)),
            "tokens_notes": pa.Column(str),
            "source_url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$")),
            "location": pa.Column(str),
            "notes": pa.Column(str, nullable=True),
        },
        unique=["model", "evaluation_set"],
    ),
)
"""``data/lm_evaluations.csv``: word-level test perplexities of language models, one row per model and set."""

COMMITTED_TABLES["lm_evaluations.csv"] = LM_EVALUATIONS


def load_lm_evaluations() -> pd.DataFrame:
    """``data/lm_evaluations.csv``, validated."""
    return read_table(LM_EVALUATIONS, paths.DATA_DIR / "lm_evaluations.csv")


SPEEDRUN_RECORDS = TableSpec(
    name="speedrun_records",
    key="record",
    columns={
        "record": "int",
        "date": "date",
        "minutes": "float",
        "description": "str",
        "record_url": "str",
        "target_val_loss": "float",
        "hardware": "str",
        "rule_notes": "str",
        "source_url": "str",
        "source_commit": "str",
    },
    schema=pa.DataFrameSchema(
        {
            "record": pa.Column(float, unique=True),
            "date": pa.Column(
                "datetime64[us]",
                pa.Check.in_range(pd.Timestamp("2024-01-01"), pd.Timestamp("2026-12-31")),
                coerce=True,
            ),
            "minutes": pa.Column(float, pa.Check.in_range(0.1, 1000.0)),
            "description": pa.Column(str),
            "record_url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$"), nullable=True),
            "target_val_loss": pa.Column(float, pa.Check.in_range(2.0, 5.0)),
            "hardware": pa.Column(str),
            "rule_notes": pa.Column(str, nullable=True),
            "source_url": pa.Column(str, pa.Check.str_matches(r"^https?://\S+$")),
            "source_commit": pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{7,40}$")),
        },
        checks=[
            pa.Check(
                lambda df: df.sort_values("record").date.is_monotonic_increasing,
                name="date: records are in date order",
            ),
        ],
    ),
)
"""``data/speedrun_records.csv``: NanoGPT speedrun world records (minutes on 8xH100 to a fixed loss)."""

COMMITTED_TABLES["speedrun_records.csv"] = SPEEDRUN_RECORDS


def load_speedrun_records() -> pd.DataFrame:
    """``data/speedrun_records.csv``, validated, in record order."""
    return read_table(SPEEDRUN_RECORDS, paths.DATA_DIR / "speedrun_records.csv").sort_values("record")
