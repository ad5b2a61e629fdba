"""Every table the report reads, declared once: one ``TableSpec`` per table, one ``Column``
per column, with the allowed values its rules name. Declarative; the data dictionary
(``data/README.md``) and ``datapackage.json`` are generated from it.
"""

import numpy as np
import pandas as pd
import pandera.pandas as pa

from analysis.data import paths
from analysis.data.schema import ID_PATTERN, IN_BIBLIOGRAPHY, UNITS, URL_PATTERN, Column, TableSpec

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


DISTRIBUTION_LABELS = {
    "uniform": "uniform",
    "loguniform": "log-uniform",
    "normal_80": "normal through its 80% range",
    "lognormal_80": "log-normal through its 80% range",
}
"""A constraint input's distributions, and how pages print each."""

COMPUTE_METHODS = ("6ND", "hardware", "reported", "our_estimate", "third_party_estimate")
COMPUTE_METHOD_LABELS = {
    "6ND": "6 × parameters × tokens",
    "hardware": "chips × time × utilisation",
    "reported": "reported by the developer",
    "our_estimate": "our estimate",
    "third_party_estimate": "another group's estimate",
}
"""How pages print each of ``COMPUTE_METHODS``."""


CONFIDENCE_LEVELS = ("confident", "likely", "speculative")
"""Epoch AI's grading: confident ≈ within 3x, likely ≈ within 10x, speculative otherwise."""


SIX_ND_TOLERANCE = 3.0
"""Compute must lie within this factor of 6 N D (N active parameters) unless the notes explain."""


_MENTIONS_SIX_ND = r"6\s*\*?\s*N\s*\*?\s*D|6ND"


def _range_holds(frame: pd.DataFrame, column: str) -> pd.Series:
    """Rows whose ``<column>_low`` / ``_high`` are both empty, or both given around a given ``column``."""
    low, high, value = frame[f"{column}_low"], frame[f"{column}_high"], frame[column]
    empty = low.isna() & high.isna()
    return empty | (low.notna() & high.notna() & value.notna() & (low <= value) & (value <= high))


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
            "Stable id; `analysis.topics.power` reads each by name.",
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


CONSTRAINT_INPUTS = TableSpec(
    name="constraint_inputs",
    title="Constraint inputs",
    description="The assumptions of the timelines chapter's 2030 ceilings (run length, share of chips for "
    "one run, power of one campus, chips available, data and latency), each a range read in its source "
    "and drawn as `distribution` says: uniformly or log-uniformly between `low` and `high`, or as an 80% "
    "interval (two-piece normal or log-normal through `median` where the source prints one).",
    key="key",
    columns=(
        Column(
            "key",
            "str",
            "Stable id; `analysis.topics.timelines` reads each by name.",
            pattern=r"^[a-z0-9_]+$",
            unique=True,
        ),
        Column("quantity", "str", "What it is, in words."),
        Column("low", "float", "Lower end of the range.", rule=pa.Check.gt(0)),
        Column("high", "float", "Upper end of the range.", rule=pa.Check.gt(0)),
        Column(
            "median",
            "float",
            "The source's printed median, where it gives one: an 80% input is then drawn through low, median "
            "and high as its 10th, 50th and 90th percentiles (two-piece normal or log-normal).",
            required=False,
            rule=pa.Check.gt(0),
        ),
        Column(
            "unit",
            "str",
            "Unit of `low` and `high`.",
            values=("dimensionless", "months", "GW", "chips", "FLOP", "USD"),
        ),
        Column(
            "distribution",
            "str",
            "How the range is drawn: uniformly or log-uniformly between `low` and `high`, or as a normal or "
            "log-normal with `low` and `high` at its 10th and 90th percentiles (an 80% interval; two-piece, "
            "through `median` at its 50th, where the source prints a median).",
            values=tuple(DISTRIBUTION_LABELS),
        ),
        Column("source_url", "str", "The source.", pattern=URL_PATTERN),
        Column("source_title", "str", "Its title."),
        Column("location", "str", "Where in it."),
        Column("printed", "str", "The words and figures as printed."),
        Column("derivation", "str", "How the range follows from them, and whose estimate it is."),
    ),
    row_rules=(
        pa.Check(lambda df: df.low <= df.high, name="high: low <= high (the range is not reversed)"),
        pa.Check(
            lambda df: df["median"].isna() | ((df.low <= df["median"]) & (df["median"] <= df.high)),
            name="median: between low and high",
        ),
    ),
)
"""``data/constraint_inputs.csv``: the assumptions of the 2030 ceilings."""


CONSTRAINT_CORRELATIONS = TableSpec(
    name="constraint_correlations",
    title="Constraint correlations",
    description="The rank correlations Sevilla et al. (2024) induce between the inputs of their 2030 "
    "ceilings (their Table 1), each mapped onto the input of ours it stands for; the timelines chapter "
    "induces them with a Gaussian copula, as they do.",
    key=None,
    columns=(
        Column(
            "input_a",
            "str",
            "A key of `constraint_inputs.csv`, or `chip_efficiency_slope` (the drawn chip-efficiency trend).",
            pattern=r"^[a-z0-9_]+$",
        ),
        Column("input_b", "str", "The other input, named the same way.", pattern=r"^[a-z0-9_]+$"),
        Column("parameter_a", "str", "The source's name for the first parameter."),
        Column("parameter_b", "str", "The source's name for the second parameter."),
        Column(
            "spearman_rho",
            "float",
            "Spearman's rank correlation as printed.",
            rule=pa.Check.in_range(-1.0, 1.0),
        ),
        Column("source_url", "str", "The source.", pattern=URL_PATTERN),
        Column("source_title", "str", "Its title."),
        Column("location", "str", "Where in it."),
        Column("printed", "str", "The row as printed."),
        Column("derivation", "str", "How the source's parameters map onto ours."),
    ),
    row_rules=(pa.Check(lambda df: df.input_a != df.input_b, name="input_b: differs from input_a"),),
)
"""``data/constraint_correlations.csv``: the rank correlations between the 2030 ceilings' inputs."""


DATASET_PASSES = TableSpec(
    name="dataset_passes",
    title="Dataset passes",
    description="For language models whose training may have repeated its data: whether the training tokens "
    "are one pass or several over the training set, and the set's unique size as its source prints it. "
    "The data-wall chapter counts a several-pass row at its unique size (one pass), as Villalobos et al.'s "
    "own dataset sizes do.",
    key="model",
    columns=(
        Column("model", "str", "The row of `models.csv` it describes.", unique=True),
        Column(
            "passes",
            "str",
            "One pass over unique data, several, or unclear from the source (then counted as one).",
            values=("one", "several", "unclear"),
        ),
        Column(
            "dataset_size_as_printed",
            "float",
            "The training set's unique size as printed, in `printed_unit`.",
            required=False,
            minimum=0.0,
        ),
        Column(
            "printed_unit",
            "str",
            "Unit of the printed size.",
            required=False,
            values=("tokens", "words", "bytes", "sentences"),
        ),
        Column(
            "dataset_tokens",
            "float",
            "Unique tokens of the training set (one pass), where the source gives or implies a token count; "
            "a size printed only in bytes is converted by the data-wall chapter.",
            "tokens",
            required=False,
            minimum=0.0,
        ),
        Column("epochs_stated", "str", "Epochs or passes as the source states them.", required=False),
        Column("quote", "str", "The words and figures as printed.", required=False),
        Column("location", "str", "Where in the source.", required=False),
        Column("source_url", "str", "The source.", pattern=URL_PATTERN),
        Column("derivation", "str", "How the passes and the unique size follow from the source."),
        Column("read_in", "str", "Where the text was read: the primary source, or which secondary copy."),
    ),
)
"""``data/dataset_passes.csv``: one pass or several, and the unique size of each training set."""


REVIEW_STATUSES = ("fixed", "partly fixed", "rebutted", "open")


REVIEWS = ("chapters 1-3, round 1", "chapters 4-6", "chapters 1-3, round 2")
"""The expert reviews answered in ``data/review_response.csv``, oldest first."""


REVIEW_CHECKS = ("fixed", "partly fixed", "not fixed")
"""What an independent checker, reading the built page and not the change, found."""


REVIEW_RESPONSE = TableSpec(
    name="review_response",
    title="Review response",
    description="Each finding of the expert reviews (chapters 1-3 and the data audit: blockers and majors; "
    "chapters 4-6 and the second round of chapters 1-3: every item), with its status, what changed and "
    "what an independent check of the built "
    "page found; `evidence` names a key number (`key:<id>`) or a page section "
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
        Column("review", "str", "Which review.", values=REVIEWS),
        Column("reference", "str", "Where the review states it (file, section, item)."),
        Column(
            "page",
            "str",
            "Where the finding is.",
            values=(
                "compute-trends",
                "data-audit",
                "algorithmic-progress",
                "chinchilla",
                "data-wall",
                "power-and-cost",
                "timelines",
                "report",
            ),
        ),
        Column("severity", "str", "The review's grade.", values=("blocker", "major", "minor")),
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
        Column(
            "check",
            "str",
            "What an independent checker found on the built page (empty: not yet checked).",
            required=False,
            values=REVIEW_CHECKS,
        ),
        Column("check_note", "str", "What the checker read, and where.", required=False),
    ),
    row_rules=(
        pa.Check(
            lambda df: (df.status == "open") | df.evidence.notna(),
            name="evidence: every finding not open names its evidence",
        ),
        pa.Check(
            lambda df: (df.review == REVIEWS[0]) | (df.status != "fixed") | (df.check == "fixed"),
            name="status: a finding of the later reviews is fixed only when an independent check says so",
        ),
    ),
)
"""``data/review_response.csv``: the response to the expert review, finding by finding."""


def _model_names() -> set[str]:
    path = paths.DATA_DIR / "models.csv"
    return set(pd.read_csv(path, dtype=str, usecols=["model"]).model) if path.is_file() else set()


def _hardware_keys() -> set[str]:
    path = paths.DATA_DIR / "hardware.csv"
    return set(pd.read_csv(path, dtype=str, usecols=["key"]).key) if path.is_file() else set()


def _six_nd_ratio(frame: pd.DataFrame) -> pd.Series:
    """Training compute divided by 6 N D (active parameters for MoE); NaN where unknown."""
    parameters = frame.active_parameters.fillna(frame.parameters)
    return frame.training_compute_flop / (6.0 * parameters * frame.training_tokens)


MODELS = TableSpec(
    name="models",
    title="Notable models",
    description=(
        "One row per notable model, written by us from primary sources; releases whose developers disclose "
        "no training inputs have an empty compute."
    ),
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
            "training_compute_flop",
            "float",
            "Total training compute; empty where no primary source gives the inputs (a release whose "
            "developer discloses nothing: it is counted as unestimated and stays out of every fit).",
            "FLOP",
            required=False,
            minimum=1e12,
            maximum=1e29,
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
            "`third_party_estimate` (only another group's estimate exists; the notes say whose). Empty "
            "exactly when the compute is.",
            required=False,
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
            "hardware_quantity_low",
            "int",
            "Smallest chip count the sources give, where they disagree (else empty); with "
            "`hardware_quantity_high` it enters the run's power and cost intervals.",
            "chips",
            False,
            minimum=1,
            maximum=1e7,
        ),
        Column(
            "hardware_quantity_high",
            "int",
            "Largest chip count the sources give, where they disagree (else empty).",
            "chips",
            False,
            minimum=1,
            maximum=1e7,
        ),
        Column(
            "training_time_hours_low",
            "float",
            "Shortest training time the sources give, where they disagree (else empty); with "
            "`training_time_hours_high` it enters the run's chip-hours, energy and cost intervals.",
            "hours",
            False,
            minimum=0.01,
            maximum=1e5,
        ),
        Column(
            "training_time_hours_high",
            "float",
            "Longest training time the sources give, where they disagree (else empty).",
            "hours",
            False,
            minimum=0.01,
            maximum=1e5,
        ),
        Column(
            "confidence",
            "str",
            "`confident` (estimate within about 3x), `likely` (about 10x), `speculative`, as Epoch AI grades "
            "its own. Empty exactly when the compute is.",
            required=False,
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
            "(`python -m analysis.data.validate` lists how many rows are not yet re-read).",
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
            lambda df: _range_holds(df, "hardware_quantity"),
            name="hardware_quantity_high: low and high given together, hardware_quantity between them",
        ),
        pa.Check(
            lambda df: _range_holds(df, "training_time_hours"),
            name="training_time_hours_high: low and high given together, training_time_hours between them",
        ),
        pa.Check(
            lambda df: (
                _six_nd_ratio(df).isna()
                | _six_nd_ratio(df).between(1 / SIX_ND_TOLERANCE, SIX_ND_TOLERANCE)
                | df.notes.str.contains(_MENTIONS_SIX_ND, regex=True)
            ),
            name="training_compute_flop: within 3x of 6*N*D (active parameters), or notes say why not",
        ),
        pa.Check(
            lambda df: (
                df.training_compute_flop.isna().eq(df.compute_method.isna())
                & df.training_compute_flop.isna().eq(df.confidence.isna())
            ),
            name="compute_method: given, with confidence, exactly when training_compute_flop is",
        ),
    ),
)
"""``data/models.csv``: notable models with a training-compute estimate, written by us."""


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
            "(`python -m analysis.data.validate` lists how many rows are not yet re-read).",
            required=False,
            minimum="2026-01-01",
            maximum="2030-12-31",
        ),
    ),
)
"""``data/lm_evaluations.csv``: word-level test perplexities of language models, one row per model and set."""


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


CLAIM_RULES = (
    "point_in_interval",
    "ranges_overlap",
    "at_least",
    "at_most",
    "arithmetic",
    "scorecard",
    "not_testable",
)
"""How a claim's verdict is decided (``analysis.report.claims`` implements each)."""


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
            "forecast",
            "str",
            "For `scorecard`: the anchor forecast (an id of `anchor_forecasts.csv`) whose outcome on the "
            "Scorecard, against the pinned data, is the verdict.",
            required=False,
        ),
        Column(
            "given",
            "float",
            "For `arithmetic`: the input of the claimed conversion (e.g. 8 months).",
            required=False,
        ),
        Column(
            "explanation",
            "str",
            "One sentence explaining an `inconsistent` verdict, or why a `not_testable` claim cannot be "
            "tested with this report's data (required for both).",
            required=False,
        ),
        Column("verified_note", "str", "What was read where, and in which version or copy."),
    ),
    row_rules=(
        pa.Check(
            lambda df: df.low.isna() == df.high.isna(), name="high: low and high both given or both empty"
        ),
        pa.Check(
            lambda df: df.key_number.isna() == df.rule.isin(["not_testable", "arithmetic", "scorecard"]),
            name="key_number: given exactly when the rule tests a key number",
        ),
        pa.Check(
            lambda df: df.forecast.notna() == (df.rule == "scorecard"),
            name="forecast: given exactly when the rule is scorecard",
        ),
        pa.Check(
            lambda df: (df.rule != "not_testable") | df.explanation.notna(),
            name="explanation: a not_testable claim says why",
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


FORECAST_RULE_KINDS = (
    "first_above",
    "count_above",
    "largest_compute_at",
    "largest_dataset_at",
    "largest_cost_at",
    "first_cost_above",
    "not_observable",
)
"""How a forecast resolves (``analysis.report.ledger.RULES`` says each in words)."""


ANCHOR_FORECASTS = TableSpec(
    name="anchor_forecasts",
    title="The anchors' dated forecasts",
    description="Published forecasts (and published trends projected forward) that the Scorecard scores as "
    "their dates pass. The value and interval are the published figure's, in `published_estimates.csv`; "
    "this table says how it resolves.",
    key="id",
    columns=(
        Column(
            "id",
            "str",
            "The published figure's id in `published_estimates.csv`, with a suffix after `@` where one "
            "figure gives several forecasts (`amodei2018.doubling.largest_runs@2020`).",
            unique=True,
        ),
        Column(
            "rule",
            "str",
            "The resolution rule: a kind (`first_above`, `count_above`, `largest_compute_at`, "
            "`largest_dataset_at`, `largest_cost_at`, `first_cost_above`, `not_observable`), then its "
            "threshold (FLOP or USD) where it has one, then `open` for open-weight models only; "
            "`not_observable` is followed by the reason.",
            rule=pa.Check(
                lambda rules: rules.str.split().str[0].isin(FORECAST_RULE_KINDS),
                name="rule: starts with a known kind",
            ),
        ),
        Column("made", "date", "When the forecast was published (the source's date)."),
        Column("resolves", "date", "When it resolves: the date the quantity is read, or the interval's end."),
        Column(
            "start_value",
            "float",
            "For a growth rate projected forward: the level it starts from, in the rule's unit (FLOP, USD or "
            "words).",
            required=False,
        ),
        Column("start_date", "date", "For a growth rate: the date of `start_value`.", required=False),
        Column(
            "basis",
            "str",
            "How the published figure becomes this forecast (whose start value, which projection), in our "
            "words.",
        ),
    ),
)
"""``data/anchor_forecasts.csv``: how each of the anchors' dated forecasts resolves."""


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
        CONSTRAINT_CORRELATIONS,
        DATASET_PASSES,
        REVIEW_RESPONSE,
        ANCHOR_FORECASTS,
    )
}
"""Every committed table under ``data/`` and its spec (file name -> spec)."""
