"""Load each table through its declaration, with the checks that span rows or tables
(cross-references, ratios) on top of the per-column rules.
"""

import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from analysis.data import paths, sources
from analysis.data.catalog import (
    ANCHOR_FORECASTS,
    AUDIT_NOTES,
    AUDIT_SECOND_READING,
    CONSTRAINT_CORRELATIONS,
    CONSTRAINT_INPUTS,
    DATASET_PASSES,
    HARDWARE,
    LM_EVALUATIONS,
    METERED_TRAINING_ENERGY,
    MISSING_FRONTIER_NOTES,
    MODELS,
    POWER_COST_INPUTS,
    POWER_REFERENCES,
    PUBLISHED_ESTIMATES,
    REVIEW_RESPONSE,
    SPEEDRUN_RECORDS,
    STOCK_INPUTS,
    TEXT_STOCK_INPUTS,
)
from analysis.data.schema import Column, DataError, TableSpec, _parse_types, _schema_problems, read_table

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


def load_anchor_forecasts() -> pd.DataFrame:
    """``data/anchor_forecasts.csv``, validated, indexed by ``id``; each row's published figure (its id
    before any ``@``) must be in ``published_estimates.csv`` (an error names the line)."""
    path = paths.DATA_DIR / "anchor_forecasts.csv"
    frame = read_table(ANCHOR_FORECASTS, path)
    published = set(load_published_estimates().index)
    missing = [
        f"{path}: line {line}, column 'id': '{figure}' is not in published_estimates.csv"
        for line, figure in enumerate(frame.id.str.partition("@")[0], start=2)
        if figure not in published
    ]
    if missing:
        raise DataError(missing)
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


def load_metered_training_energy() -> pd.DataFrame:
    """``data/metered_training_energy.csv``, validated, indexed by ``model``."""
    return read_table(METERED_TRAINING_ENERGY, paths.DATA_DIR / "metered_training_energy.csv").set_index(
        "model", drop=False
    )


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
"""The inputs ``analysis.topics.timelines`` needs; a missing one is a validation error."""


def load_constraint_inputs() -> pd.DataFrame:
    """``data/constraint_inputs.csv``, validated, indexed by ``key``; every needed input present."""
    path = paths.DATA_DIR / "constraint_inputs.csv"
    frame = read_table(CONSTRAINT_INPUTS, path)
    missing = sorted(set(CONSTRAINT_INPUT_KEYS) - set(frame.key))
    if missing:
        raise DataError([f"{path}: no row for input '{name}'" for name in missing])
    return frame.set_index("key", drop=False)


CHIP_EFFICIENCY_SLOPE = "chip_efficiency_slope"
"""The name the correlations table gives the drawn chip-efficiency trend (not a constraint input)."""


def load_constraint_correlations(inputs: pd.DataFrame) -> pd.DataFrame:
    """``data/constraint_correlations.csv``, validated; each input names a row of ``inputs`` (the
    constraint inputs) or the chip-efficiency slope, and no pair appears twice."""
    path = paths.DATA_DIR / "constraint_correlations.csv"
    frame = read_table(CONSTRAINT_CORRELATIONS, path)
    known = set(inputs.index) | {CHIP_EFFICIENCY_SLOPE}
    problems = [
        f"{path}: line {row + 2}, column '{column}': '{frame.at[row, column]}' is not a constraint input"
        for row in frame.index
        for column in ("input_a", "input_b")
        if frame.at[row, column] not in known
    ]
    pairs = frame[["input_a", "input_b"]].apply(lambda pair: tuple(sorted(pair)), axis=1)
    problems += [
        f"{path}: line {row + 2}, column 'input_b': the pair {pairs[row]} appears twice"
        for row in frame.index[pairs.duplicated()]
    ]
    if problems:
        raise DataError(problems)
    return frame


def load_dataset_passes(models: pd.DataFrame) -> pd.DataFrame:
    """``data/dataset_passes.csv``, validated, indexed by model; each model is a row of ``models``."""
    path = paths.DATA_DIR / "dataset_passes.csv"
    frame = read_table(DATASET_PASSES, path)
    problems = [
        f"{path}: line {row + 2}, column 'model': '{name}' is not a row of models.csv"
        for row, name in frame.model.items()
        if name not in models.index
    ]
    if problems:
        raise DataError(problems)
    return frame.set_index("model", drop=False)


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
"""The inputs ``analysis.topics.power`` needs; a missing one is a validation error."""


def load_power_cost_inputs() -> pd.DataFrame:
    """``data/power_cost_inputs.csv``, validated, indexed by ``key``; every needed input present."""
    path = paths.DATA_DIR / "power_cost_inputs.csv"
    frame = read_table(POWER_COST_INPUTS, path)
    missing = sorted(set(POWER_COST_INPUT_KEYS) - set(frame.key))
    if missing:
        raise DataError([f"{path}: no row for input '{name}'" for name in missing])
    return frame.set_index("key", drop=False)


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
        Column(
            "Compute estimate in H100e (median)",
            "float",
            "The chips shipped, in H100-equivalents of 16-bit performance, median.",
            "chips",
        ),
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


def _all_models() -> pd.DataFrame:
    frame = read_table(MODELS, paths.DATA_DIR / "models.csv")
    return frame.set_index("model", drop=False)


def load_models() -> pd.DataFrame:
    """``data/models.csv``'s rows with a compute estimate, validated; ``publication_date`` as datetimes,
    indexed by ``model``. Rows without one are ``load_unestimated_models()``: every analysis that fits or
    ranks compute reads this frame, and pages count the others from that function."""
    frame = _all_models()
    return frame[frame.training_compute_flop.notna()]


def load_unestimated_models() -> pd.DataFrame:
    """``data/models.csv``'s releases with no compute estimate (their developers disclose no inputs)."""
    frame = _all_models()
    return frame[frame.training_compute_flop.isna()]


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
        *(
            Column(name, "str", f"Epoch's '{name}' (read as text; parsed where used).", required=False)
            for name in (
                "Domain",
                "Confidence",
                "Parameters",
                "Frontier model",
                "Model accessibility",
                "Training hardware",
                "Hardware quantity",
                "Training time (hours)",
                "Training compute cost (2023 USD)",
            )
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


def load_audit_notes() -> pd.DataFrame:
    """``data/audit_notes.csv``, validated, indexed by ``model``; every model must be in ``models.csv``."""
    notes = read_table(AUDIT_NOTES, paths.DATA_DIR / "audit_notes.csv")
    unknown = sorted(set(notes.model) - set(load_models().model))
    if unknown:
        raise DataError(
            [f"{paths.DATA_DIR / 'audit_notes.csv'}: model '{m}' is not in models.csv" for m in unknown]
        )
    return notes.set_index("model", drop=False)


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


def load_missing_frontier_notes() -> pd.DataFrame:
    """``data/missing_frontier_notes.csv``, validated, indexed by ``epoch_name``."""
    notes = read_table(MISSING_FRONTIER_NOTES, paths.DATA_DIR / "missing_frontier_notes.csv")
    return notes.set_index("epoch_name", drop=False)


def load_lm_evaluations() -> pd.DataFrame:
    """``data/lm_evaluations.csv``, validated."""
    return read_table(LM_EVALUATIONS, paths.DATA_DIR / "lm_evaluations.csv")


def load_speedrun_records() -> pd.DataFrame:
    """``data/speedrun_records.csv``, validated, in record order."""
    return read_table(SPEEDRUN_RECORDS, paths.DATA_DIR / "speedrun_records.csv").sort_values("record")


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
