"""The Chinchilla replication chapter's analysis: fit, bootstrap, sensitivity, comparisons.

Everything the chapter shows is computed here from the digitised runs of
Hoffmann et al. (2022) Fig. 4 and ``data/published_estimates.csv``; the
chapter only calls these functions, registers key numbers and writes prose.
Loss is in nats per token, compute in FLOP (C = 6 N D), logs base 10 in tables.
"""

from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

from analysis import charts, data, keynumbers
from analysis import scaling_laws as sl
from analysis.trends import percentile_interval
from analysis.units import format_estimate, format_number, format_printed

OUTLIERS_EXCLUDED = 5
"""The replication drops the 5 highest-loss runs (of 245) before fitting."""

BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20240417
CI_LEVEL = 0.95
Z_95 = 1.96
"""Standard errors spanned by a two-sided 95% normal interval."""
EARLY_STOP_RESAMPLES = 200
"""Resamples for the demonstration of the original's early-stopped bootstrap."""

HUBER_DELTA_TEXT = f"{sl.HUBER_DELTA:.0e}"

TARGET_BUDGET_FLOP = 1e26
"""A frontier-scale budget at which the chapter reports tokens per parameter."""

MODEL_ROWS = {
    "Chinchilla 70B": ("hoffmann2022.chinchilla.parameters", "hoffmann2022.chinchilla.training_tokens"),
    "Gopher 280B": ("hoffmann2022.gopher.parameters", "hoffmann2022.gopher.training_tokens"),
    "Llama 3 8B": ("meta2024.llama3_8b.parameters", "meta2024.llama3_8b.training_tokens"),
}
"""Trained models compared with the law: published (parameters, tokens) ids."""


@dataclass(frozen=True)
class Replication:
    """The chapter's main result: runs used, point fit and bootstrap."""

    runs: pd.DataFrame
    fit: sl.FitResult
    bootstrap: sl.Bootstrap

    @property
    def included(self) -> pd.DataFrame:
        """The runs the fit uses (all but the excluded outliers)."""
        return self.runs[~self.runs.excluded]


def load_runs(excluded: int = OUTLIERS_EXCLUDED) -> pd.DataFrame:
    """The 245 digitised runs with an ``excluded`` flag on the ``excluded`` highest-loss ones."""
    runs = data.load_hoffmann_runs()
    highest = runs.sort_values(["loss", "run"], ascending=[False, True]).head(excluded).index
    runs["excluded"] = runs.index.isin(highest)
    return runs


def _fit(runs: pd.DataFrame, **options) -> sl.FitResult:
    return sl.fit_chinchilla(runs.parameters, runs.training_tokens, runs.loss, **options)


def fitted_law() -> sl.ChinchillaLaw:
    """The chapter's point estimate of the law (the fit without its bootstrap), for other chapters."""
    runs = load_runs()
    return _fit(runs[~runs.excluded]).law


def replicate(resamples: int = BOOTSTRAP_RESAMPLES, seed: int = BOOTSTRAP_SEED) -> Replication:
    """Fit the law as the replication did and bootstrap it (``resamples`` refits, seeded)."""
    runs = load_runs()
    included = runs[~runs.excluded]
    fit = _fit(included)
    bootstrap = sl.bootstrap_chinchilla(
        included.parameters, included.training_tokens, included.loss, fit, resamples, seed
    )
    return Replication(runs=runs, fit=fit, bootstrap=bootstrap)


def published_law(published: pd.DataFrame, prefix: str) -> sl.ChinchillaLaw:
    """The law whose parameters are published under ``<prefix>.{e,a_coefficient,...}``."""
    value = published.value
    return sl.ChinchillaLaw(
        E=value[f"{prefix}.e"],
        A=value[f"{prefix}.a_coefficient"],
        B=value[f"{prefix}.b_coefficient"],
        alpha=value[f"{prefix}.alpha"],
        beta=value[f"{prefix}.beta"],
    )


PUBLISHED_LAWS = {
    "Hoffmann et al. (printed)": "hoffmann2022.fit",
    "Hoffmann et al. (unrounded)": "hoffmann2022.fit_tex",
    "Besiroglu et al.": "besiroglu2024.fit",
}
"""Published fits of the law: label -> id prefix in ``published_estimates.csv``."""

PARAMETER_SUFFIXES = dict(
    zip(sl.PARAMETER_NAMES, ["e", "a_coefficient", "b_coefficient", "alpha", "beta"], strict=True)
)


def _standard_error(text) -> float:
    return (
        float(str(text).removeprefix("SE ")) if isinstance(text, str) and text.startswith("SE ") else np.nan
    )


def parameter_comparison(replication: Replication, published: pd.DataFrame) -> pd.DataFrame:
    """One row per parameter: ours with its interval beside each published fit.

    ``within_besiroglu_95`` says whether our estimate lies within
    Besiroglu et al.'s estimate ± ``Z_95`` standard errors.
    """
    rows = []
    for column, name in enumerate(sl.PARAMETER_NAMES):
        low, high = replication.bootstrap.interval(replication.bootstrap.draws[:, column], CI_LEVEL)
        row = {
            "parameter": name,
            "ours": replication.fit.law.as_array()[column],
            "ci_low": low,
            "ci_high": high,
        }
        for label, prefix in PUBLISHED_LAWS.items():
            row[label] = published.value[f"{prefix}.{PARAMETER_SUFFIXES[name]}"]
        besiroglu = published.loc[f"besiroglu2024.fit.{PARAMETER_SUFFIXES[name]}"]
        row["Besiroglu et al. SE"] = _standard_error(besiroglu.uncertainty)
        margin = Z_95 * row["Besiroglu et al. SE"]
        row["within_besiroglu_95"] = abs(row["ours"] - besiroglu.value) <= margin
        row["hoffmann_tex_in_our_ci"] = low <= row["Hoffmann et al. (unrounded)"] <= high
        rows.append(row)
    return pd.DataFrame(rows)


def parameter_table(comparison: pd.DataFrame, registry: keynumbers.Registry) -> pd.DataFrame:
    """The fitted-law table: ours with interval, each published fit as printed, Besiroglu's SE."""
    table = pd.DataFrame({"Parameter": comparison.parameter})
    table["This report (95% CI)"] = [registry[f"chinchilla.fit.{name}"].text for name in comparison.parameter]
    for label in PUBLISHED_LAWS:
        table[label] = comparison[label].map(format_printed)
    table["Besiroglu et al. SE"] = comparison["Besiroglu et al. SE"].map(format_printed)
    table[f"Within Besiroglu ± {Z_95} SE"] = comparison.within_besiroglu_95
    return table


def allocation_summary(law: sl.ChinchillaLaw, budgets: dict[str, float]) -> dict:
    """Exponents a, b (N* ∝ C^a, D* ∝ C^b) and tokens per parameter at each named budget (FLOP)."""
    a, b = law.allocation_exponents()
    summary = {"a": a, "b": b}
    for name, budget in budgets.items():
        summary[f"tokens_per_parameter_{name}"] = float(law.tokens_per_parameter(budget))
    return summary


def allocation_comparison(replication: Replication, published: pd.DataFrame, budgets: dict) -> pd.DataFrame:
    """Exponents and tokens per parameter: ours (with intervals) beside each published law."""
    rows = [{"fit": "This report", **allocation_summary(replication.fit.law, budgets)}]
    draws = pd.DataFrame([allocation_summary(law, budgets) for law in replication.bootstrap.laws()])
    tail = (1 - CI_LEVEL) / 2
    rows.append({"fit": f"This report, {CI_LEVEL:.0%} low", **draws.quantile(tail).to_dict()})
    rows.append({"fit": f"This report, {CI_LEVEL:.0%} high", **draws.quantile(1 - tail).to_dict()})
    for label, prefix in PUBLISHED_LAWS.items():
        rows.append({"fit": label, **allocation_summary(published_law(published, prefix), budgets)})
    return pd.DataFrame(rows).set_index("fit")


KAPLAN_LABEL = "Kaplan-style allocation at 1e26 FLOP"


def kaplan_allocation(law: sl.ChinchillaLaw, published: pd.DataFrame, anchor_flop: float, target_flop: float):
    """(N, D) that Kaplan et al.'s N ∝ C^a_K gives at ``target_flop``.

    Anchored where both allocations agree, at the law's optimum for
    ``anchor_flop``; beyond it N grows with Kaplan's exponent a_K and D = C/(6N).
    """
    anchor_parameters, _ = law.optimal_allocation(anchor_flop)
    exponent = published.value["kaplan2020.allocation.a"]
    parameters = float(anchor_parameters * (target_flop / anchor_flop) ** exponent)
    return parameters, target_flop / (sl.TOKENS_PER_FLOP_CONVENTION * parameters)


def trained_models(replication: Replication, published: pd.DataFrame, anchor_flop: float) -> pd.DataFrame:
    """What the law says of how real models were, or would be, trained.

    One row per published model (``MODEL_ROWS``) and one for Kaplan et al.'s
    allocation carried to ``TARGET_BUDGET_FLOP`` from ``anchor_flop``. Each
    gives C = 6 N D, tokens per parameter, the law's predicted loss, the
    lowest loss reachable with the same compute, the excess, and the compute
    overhead (C divided by the compute a compute-optimal run needs to reach the
    same loss). Intervals: the same (N, D) under every bootstrap law.
    """
    law = replication.fit.law
    allocations = {
        model: (published.value[parameters_id], published.value[tokens_id])
        for model, (parameters_id, tokens_id) in MODEL_ROWS.items()
    }
    allocations[KAPLAN_LABEL] = kaplan_allocation(law, published, anchor_flop, TARGET_BUDGET_FLOP)
    laws = replication.bootstrap.laws()
    rows = []
    for model, (parameters, tokens) in allocations.items():
        compute = sl.TOKENS_PER_FLOP_CONVENTION * parameters * tokens

        def excess(law, n=parameters, d=tokens, c=compute):
            return float(law.loss(n, d) - law.optimal_loss(c))

        def overhead(law, n=parameters, d=tokens, c=compute):
            return float(c / law.compute_for_loss(law.loss(n, d)))

        excess_low, excess_high = percentile_interval([excess(draw) for draw in laws], CI_LEVEL)
        overhead_low, overhead_high = percentile_interval([overhead(draw) for draw in laws], CI_LEVEL)
        rows.append(
            {
                "model": model,
                "parameters": parameters,
                "training_tokens": tokens,
                "compute_flop": compute,
                "tokens_per_parameter": tokens / parameters,
                "optimal_tokens_per_parameter": float(law.tokens_per_parameter(compute)),
                "predicted_loss": float(law.loss(parameters, tokens)),
                "optimal_loss": float(law.optimal_loss(compute)),
                "loss_excess": excess(law),
                "loss_excess_low": excess_low,
                "loss_excess_high": excess_high,
                "compute_overhead": overhead(law),
                "compute_overhead_low": overhead_low,
                "compute_overhead_high": overhead_high,
            }
        )
    return pd.DataFrame(rows).set_index("model")


def model_table(models: pd.DataFrame) -> pd.DataFrame:
    """``trained_models`` as the chapter shows it: estimates and intervals in one cell."""

    def with_interval(column):
        return [
            format_estimate(row[column], row[f"{column}_low"], row[f"{column}_high"], CI_LEVEL)
            for _, row in models.iterrows()
        ]

    return pd.DataFrame(
        {
            "parameters N": models.parameters,
            "tokens D": models.training_tokens,
            "compute 6ND (FLOP)": models.compute_flop,
            "tokens per parameter": models.tokens_per_parameter,
            "optimal tokens per parameter": models.optimal_tokens_per_parameter,
            "loss above the optimum (nats)": with_interval("loss_excess"),
            "compute overhead (x)": with_interval("compute_overhead"),
        },
        index=models.index,
    )


SENSITIVITY_GRIDS = {
    "Hoffmann et al.'s grid": sl.HOFFMANN_GRID,
    "Half-step grid": {
        "alpha": np.arange(0.0, 2.01, 0.25),
        "beta": np.arange(0.0, 2.01, 0.25),
        "e": np.arange(-1.0, 1.01, 0.25),
        "a": np.arange(0.0, 25.1, 2.5),
        "b": np.arange(0.0, 25.1, 2.5),
    },
    "Coarse grid": {
        "alpha": np.array([0.0, 1.0]),
        "beta": np.array([0.0, 1.0]),
        "e": np.array([-1.0, 1.0]),
        "a": np.array([0.0, 20.0]),
        "b": np.array([0.0, 20.0]),
    },
}


SENSITIVITY_STARTS = 5
"""L-BFGS-B runs per sensitivity refit (from the best grid starts): on these runs every choice reaches
the same optimum as with ``scaling_laws.STARTS_TO_OPTIMISE`` starts, to 1e-8 in every parameter."""

ALL_RUNS_CHOICE = "Keep all 245 runs (no outliers dropped)"
AVERAGED_CHOICE = "Averaged loss, SciPy default stopping (the original's setup)"


def sensitivity(budgets: dict[str, float]) -> pd.DataFrame:
    """Refit the law under each reasonable analyst choice, one row per choice.

    Varies one choice at a time from the baseline (replication's choices):
    outliers, Huber delta, summed vs averaged loss and optimiser stopping,
    the starting grid. Columns: the law's parameters, a, tokens per
    parameter at each budget, the objective and the optimiser's iterations.
    """
    runs = load_runs()
    included = runs[~runs.excluded]
    choices = {
        "Baseline: replication's choices": (included, {}),
        ALL_RUNS_CHOICE: (runs, {}),
        "Huber δ = 1e-4": (included, {"delta": 1e-4}),
        "Huber δ = 1e-2": (included, {"delta": 1e-2}),
        "Huber δ = 1e-1 (close to least squares)": (included, {"delta": 1e-1}),
        AVERAGED_CHOICE: (
            included,
            {"reduction": "mean", "tolerances": sl.SCIPY_DEFAULT_TOLERANCES},
        ),
        "Averaged loss, run to convergence": (included, {"reduction": "mean"}),
        "Summed loss, SciPy default stopping": (included, {"tolerances": sl.SCIPY_DEFAULT_TOLERANCES}),
    }
    for label, grid in list(SENSITIVITY_GRIDS.items())[1:]:
        choices[f"{label} ({len(sl.grid_points(grid)):,} starts)"] = (included, {"grid": grid})
    rows = []
    for label, (subset, options) in choices.items():
        fit = _fit(subset, **{"starts_to_optimise": SENSITIVITY_STARTS, **options})
        law = fit.law
        rows.append(
            {
                "choice": label,
                "runs": len(subset),
                **dict(zip(sl.PARAMETER_NAMES, law.as_array(), strict=True)),
                **allocation_summary(law, budgets),
                "iterations": fit.iterations,
                "gradient_norm": fit.gradient_norm,
            }
        )
    return pd.DataFrame(rows).set_index("choice")


def early_stopped_bootstrap(replication: Replication) -> dict:
    """How wide the interval of a is with the original's averaged loss and default stopping.

    Refits ``EARLY_STOP_RESAMPLES`` resamples with the averaged Huber loss and
    SciPy's default tolerances, each warm-started from the same early-stopped
    point estimate, and compares the 80% width of a (Hoffmann's Table 2 level)
    with the converged bootstrap's.
    """
    included = replication.included
    early_fit = _fit(included, reduction="mean", tolerances=sl.SCIPY_DEFAULT_TOLERANCES)
    early = sl.bootstrap_chinchilla(
        included.parameters,
        included.training_tokens,
        included.loss,
        early_fit,
        EARLY_STOP_RESAMPLES,
        BOOTSTRAP_SEED,
        reduction="mean",
        tolerances=sl.SCIPY_DEFAULT_TOLERANCES,
    )

    def width(bootstrap):
        low, high = bootstrap.interval(bootstrap.derived(lambda law: law.allocation_exponents()[0]), 0.8)
        return high - low

    return {"converged_width_80": width(replication.bootstrap), "early_stopped_width_80": width(early)}


def fitted_vs_observed(replication: Replication) -> pd.DataFrame:
    """Every run with its observed and fitted loss, compute and inclusion."""
    runs = replication.runs.copy()
    runs["fitted_loss"] = replication.fit.law.loss(runs.parameters, runs.training_tokens)
    runs["status"] = np.where(runs.excluded, "excluded (5 highest losses)", "used in the fit")
    runs["log10_compute"] = np.log10(runs.training_compute_flop)
    return runs


def iso_loss_curves(law: sl.ChinchillaLaw, levels, parameters: np.ndarray) -> pd.DataFrame:
    """Curves of constant predicted loss over (N, D): D(N) for each loss level.

    D = (B / (L - E - A N**-alpha))**(1/beta), defined where L > E + A N**-alpha.
    """
    frames = []
    for level in levels:
        remainder = level - law.E - law.A / parameters**law.alpha
        valid = remainder > 0
        tokens = (law.B / remainder[valid]) ** (1.0 / law.beta)
        frames.append(
            pd.DataFrame({"parameters": parameters[valid], "training_tokens": tokens, "loss_level": level})
        )
    return pd.concat(frames, ignore_index=True)


def frontier(replication: Replication, published: pd.DataFrame, budgets: np.ndarray) -> pd.DataFrame:
    """Compute-optimal N*(C) with its bootstrap band, and each published law's N*(C)."""
    tail = (1 - CI_LEVEL) / 2
    draws = np.array([law.optimal_allocation(budgets)[0] for law in replication.bootstrap.laws()])
    frames = [
        pd.DataFrame(
            {
                "compute_flop": budgets,
                "parameters": replication.fit.law.optimal_allocation(budgets)[0],
                "low": np.quantile(draws, tail, axis=0),
                "high": np.quantile(draws, 1 - tail, axis=0),
                "fit": "This report",
            }
        )
    ]
    for label, prefix in PUBLISHED_LAWS.items():
        law = published_law(published, prefix)
        parameters = law.optimal_allocation(budgets)[0]
        frames.append(
            pd.DataFrame(
                {
                    "compute_flop": budgets,
                    "parameters": parameters,
                    "low": parameters,
                    "high": parameters,
                    "fit": label,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


RUN_TOOLTIP = [
    alt.Tooltip("run:Q", title="run (row in the source file)"),
    alt.Tooltip("status:N", title="status"),
    alt.Tooltip("parameters:Q", format=".3~e", title="parameters N"),
    alt.Tooltip("training_tokens:Q", format=".3~e", title="tokens D"),
    alt.Tooltip("training_compute_flop:Q", format=".3~e", title="compute (FLOP)"),
    alt.Tooltip("loss:Q", format=".3f", title="observed loss"),
]
"""Tooltip of every chart point that is a digitised run."""

ISO_LOSS_LEVELS = [2.0, 2.2, 2.5, 3.0, 3.5]
"""Loss levels (nats/token) of the iso-loss curves."""


def fitted_vs_observed_chart(replication: Replication) -> alt.LayerChart:
    """Fitted against observed loss for every run, coloured by log10 compute."""
    return charts.identity_scatter(
        fitted_vs_observed(replication),
        x="loss",
        y="fitted_loss",
        color="log10_compute",
        tooltip=[*RUN_TOOLTIP, alt.Tooltip("fitted_loss:Q", format=".3f", title="fitted loss")],
        titles={
            "loss": "Observed final loss (nats/token)",
            "fitted_loss": "Fitted loss (nats/token)",
            "log10_compute": "log10 compute (FLOP)",
        },
    )


def iso_loss_chart(replication: Replication, published: pd.DataFrame) -> alt.LayerChart:
    """The runs over (N, D), coloured by loss, with curves of constant fitted loss, the compute-optimal
    frontier of the fit, and Chinchilla and Gopher as trained."""
    law = replication.fit.law
    contours = iso_loss_curves(law, ISO_LOSS_LEVELS, np.logspace(7, 11.5, 200))
    parameters, tokens = law.optimal_allocation(np.logspace(18, 25, 60))
    path = pd.DataFrame(
        {"parameters": parameters, "training_tokens": tokens, "label": "compute-optimal (our fit)"}
    )
    markers = pd.DataFrame(
        [
            {
                "label": name,
                "parameters": published.value[MODEL_ROWS[name][0]],
                "training_tokens": published.value[MODEL_ROWS[name][1]],
            }
            for name in ("Chinchilla 70B", "Gopher 280B")
        ]
    )
    return charts.log_log_layers(
        contours[contours.training_tokens.between(1e8, 1e13)],
        fitted_vs_observed(replication),
        x="parameters",
        y="training_tokens",
        line_group="loss_level",
        point_color="loss",
        tooltip=RUN_TOOLTIP,
        titles={
            "parameters": "Parameters N",
            "training_tokens": "Training tokens D",
            "loss_level": "Iso-loss (nats/token)",
            "loss": "Observed loss",
        },
        path=path,
        markers=markers,
    )


def frontier_chart(replication: Replication, published: pd.DataFrame, models: pd.DataFrame) -> alt.LayerChart:
    """Compute-optimal N*(C) with its band, the published fits, and real models at C = 6ND."""
    return charts.band_lines(
        frontier(replication, published, np.logspace(18, 27, 60)),
        x="compute_flop",
        y="parameters",
        low="low",
        high="high",
        group="fit",
        titles={
            "compute_flop": "Training compute C (FLOP)",
            "parameters": "Compute-optimal parameters N*",
            "low": f"{CI_LEVEL:.0%} CI low",
            "high": f"{CI_LEVEL:.0%} CI high",
            "fit": "Fit",
            "model": "Model",
        },
        markers=models.drop(KAPLAN_LABEL).reset_index()[["model", "compute_flop", "parameters"]],
        marker_label="model",
    )


PARAMETER_KEY_NUMBERS = {
    "E": ("Irreducible loss E of L(N, D) = E + A/N^alpha + B/D^beta", "nats"),
    "A": ("Parameter coefficient A of the Chinchilla law", "dimensionless"),
    "B": ("Data coefficient B of the Chinchilla law", "dimensionless"),
    "alpha": ("Parameter exponent alpha of the Chinchilla law", "dimensionless"),
    "beta": ("Data exponent beta of the Chinchilla law", "dimensionless"),
}
"""Description and unit of each fitted parameter's key number ``chinchilla.fit.<name>``."""


HEADLINE_IDS = ("chinchilla.allocation.a", "chinchilla.tokens_per_parameter.chinchilla_budget")
"""The chapter's headlines on the landing page."""


def register_key_numbers(
    registry: keynumbers.Registry,
    replication: Replication,
    comparison: pd.DataFrame,
    allocation: pd.DataFrame,
    models: pd.DataFrame,
) -> None:
    """Register the chapter's headline numbers, each with its bootstrap interval."""
    method = (
        f"Huber (delta {HUBER_DELTA_TEXT}) fit of the LSE law to {len(replication.included)} runs, "
        f"L-BFGS-B to convergence from a {len(sl.grid_points()):,}-start grid; {CI_LEVEL:.0%} "
        f"percentile interval of {len(replication.bootstrap.draws):,} seeded bootstrap refits"
    )
    for row in comparison.itertuples():
        description, unit = PARAMETER_KEY_NUMBERS[row.parameter]
        registry.register(
            f"chinchilla.fit.{row.parameter}",
            row.ours,
            (row.ci_low, row.ci_high),
            CI_LEVEL,
            unit,
            description,
            method,
            published=f"besiroglu2024.fit.{PARAMETER_SUFFIXES[row.parameter]}",
        )
    low, high = allocation.index[1], allocation.index[2]

    def register_allocation(number_id, column, description, unit="dimensionless", published=""):
        registry.register(
            number_id,
            allocation[column]["This report"],
            (allocation[column][low], allocation[column][high]),
            CI_LEVEL,
            unit,
            description,
            method,
            published=published,
            headline=number_id in HEADLINE_IDS,
        )

    register_allocation(
        "chinchilla.allocation.a",
        "a",
        "Compute-optimal exponent a in N* ∝ C^a, a = beta / (alpha + beta)",
        published="hoffmann2022.allocation.a_approach3",
    )
    register_allocation(
        "chinchilla.allocation.b", "b", "Compute-optimal exponent b in D* ∝ C^b, b = alpha / (alpha + beta)"
    )
    register_allocation(
        "chinchilla.tokens_per_parameter.chinchilla_budget",
        "tokens_per_parameter_chinchilla",
        "Compute-optimal training tokens per parameter D*/N* at Chinchilla's budget (5.76e23 FLOP)",
        unit="tokens per parameter",
        published="hoffmann2022.chinchilla.tokens_per_parameter",
    )
    register_allocation(
        "chinchilla.tokens_per_parameter.1e26",
        "tokens_per_parameter_1e26",
        "Compute-optimal training tokens per parameter D*/N* at 1e26 FLOP",
        unit="tokens per parameter",
    )
    llama = models.loc["Llama 3 8B"]
    registry.register(
        "chinchilla.compute_overhead.llama3_8b",
        llama.compute_overhead,
        (llama.compute_overhead_low, llama.compute_overhead_high),
        CI_LEVEL,
        "dimensionless",
        "Compute of Llama 3 8B's training run divided by the compute a compute-optimal run "
        "needs to reach the same predicted loss",
        method,
    )


def _range_text(low: float, high: float) -> str:
    return f"{format_number(low)}–{format_number(high)}"


def _published_a(published: pd.DataFrame) -> dict:
    """Kaplan's and Hoffmann's Table 2 exponent a, at the precision they were printed with."""
    return {
        "a_kaplan": f"{published.value['kaplan2020.allocation.a']:g}",
        "a_hoffmann_table2": f"{published.value['hoffmann2022.allocation.a_approach3']:g}",
    }


def _prefixed(prefix: str, facts: dict) -> dict:
    """Facts under section-scoped keys (``<prefix>_<key>``), so each section glues its own."""
    return {f"{prefix}_{key}": value for key, value in facts.items()}


def summary_facts(
    replication: Replication, comparison: pd.DataFrame, allocation: pd.DataFrame, published, models
) -> dict:
    """The summary's numbers: runs used, agreement with Besiroglu et al., published a, Llama 3 8B."""
    beside = comparison.set_index("parameter")
    outside = [name for name, inside in beside.hoffmann_tex_in_our_ci.items() if not inside]
    return {
        "runs_used": len(replication.included),
        "params_within_besiroglu": int(beside.within_besiroglu_95.sum()),
        "params_total": len(beside),
        "z95": Z_95,
        "hoffmann_outside": ", ".join(outside) if outside else "none",
        **_published_a(published),
        "tpp_chinchilla_hoffmann_tex": allocation.tokens_per_parameter_chinchilla[
            "Hoffmann et al. (unrounded)"
        ],
        "summary_llama_tpp": models.loc["Llama 3 8B"].tokens_per_parameter,
        "summary_llama_extrapolation": format_number(
            published.value[MODEL_ROWS["Llama 3 8B"][1]] / replication.runs.training_tokens.max(), 2
        ),
    }


def data_facts(replication: Replication) -> dict:
    """The Data section's ranges of the runs and the count left out."""
    runs = replication.runs
    return {
        "runs_total": len(runs),
        "runs_excluded": int(runs.excluded.sum()),
        "parameters_min": runs.parameters.min(),
        "parameters_max": runs.parameters.max(),
        "compute_min": runs.training_compute_flop.min(),
        "compute_max": runs.training_compute_flop.max(),
    }


def method_facts(replication: Replication) -> dict:
    """The Method section's settings: grid, starts, tolerance, iterations, bootstrap."""
    return {
        "grid_starts": f"{len(sl.grid_points()):,}",
        "starts_optimised": sl.STARTS_TO_OPTIMISE,
        "gtol": f"{sl.CONVERGED_TOLERANCES['gtol']:.0e}",
        "fit_iterations": replication.fit.iterations,
        "fit_gradient_norm": f"{replication.fit.gradient_norm:.0e}",
        "resamples": f"{len(replication.bootstrap.draws):,}",
        "ci_level": f"{CI_LEVEL:.0%}",
    }


def fit_facts(replication: Replication, comparison: pd.DataFrame) -> dict:
    """How many parameters agree with Besiroglu et al., and the runs drawn (keys ``fit_*``)."""
    beside = comparison.set_index("parameter")
    facts = {
        "within": int(beside.within_besiroglu_95.sum()),
        "total": len(beside),
        "z95": Z_95,
        "runs_total": len(replication.runs),
        "runs_excluded": int(replication.runs.excluded.sum()),
    }
    return _prefixed("fit", facts)


def allocation_facts(replication: Replication, allocation: pd.DataFrame, published: pd.DataFrame) -> dict:
    """Tokens per parameter under each fit at Chinchilla's budget, and the extrapolation to 1e26 FLOP."""
    tokens_per_parameter = allocation.tokens_per_parameter_chinchilla
    largest = replication.runs.training_compute_flop.max()
    return _prefixed(
        "allocation",
        {
            **_published_a(published),
            "tpp_chinchilla_model": format_printed(
                published.value["hoffmann2022.chinchilla.tokens_per_parameter"]
            ),
            "tpp_hoffmann_printed": tokens_per_parameter["Hoffmann et al. (printed)"],
            "tpp_hoffmann_tex": tokens_per_parameter["Hoffmann et al. (unrounded)"],
            "extrapolation_ooms": f"{np.log10(TARGET_BUDGET_FLOP / largest):.1f}",
        },
    )


def model_facts(models: pd.DataFrame, published: pd.DataFrame) -> dict:
    """For Gopher, the Kaplan-style allocation and Llama 3 8B: ratios, excess loss and compute overhead."""
    facts = {"models_a_kaplan": _published_a(published)["a_kaplan"]}
    for key, model in (("llama", "Llama 3 8B"), ("gopher", "Gopher 280B"), ("kaplan", KAPLAN_LABEL)):
        row = models.loc[model]
        facts |= _prefixed(
            key,
            {
                "tpp": row.tokens_per_parameter,
                "optimal_tpp": row.optimal_tokens_per_parameter,
                "tpp_ratio": row.tokens_per_parameter / row.optimal_tokens_per_parameter,
                "compute": row.compute_flop,
                "excess": row.loss_excess,
                "excess_ci": _range_text(row.loss_excess_low, row.loss_excess_high),
                "overhead": row.compute_overhead,
                "overhead_ci": _range_text(row.compute_overhead_low, row.compute_overhead_high),
            },
        )
    return facts


def sensitivity_facts(
    replication: Replication, sensitivity_table: pd.DataFrame, early_stopping: dict
) -> dict:
    """What each analyst choice does to the fit, and why the original's intervals were narrow (``sens_*``)."""
    baseline, all_runs, averaged = (
        sensitivity_table.iloc[0],
        sensitivity_table.loc[ALL_RUNS_CHOICE],
        sensitivity_table.loc[AVERAGED_CHOICE],
    )
    others = sensitivity_table.drop([ALL_RUNS_CHOICE, AVERAGED_CHOICE]).tokens_per_parameter_chinchilla
    converged, early = early_stopping["converged_width_80"], early_stopping["early_stopped_width_80"]
    return _prefixed(
        "sens",
        {
            "runs_excluded": int(replication.runs.excluded.sum()),
            "runs_total": len(replication.runs),
            "all_runs_tpp": all_runs.tokens_per_parameter_chinchilla,
            "all_runs_beta": all_runs.beta,
            "baseline_tpp": baseline.tokens_per_parameter_chinchilla,
            "averaged_alpha": averaged.alpha,
            "averaged_iterations": int(averaged.iterations),
            "baseline_iterations": int(baseline.iterations),
            "other_tpp_range": _range_text(others.min(), others.max()),
            "grid_starts_fine": f"{len(sl.grid_points(SENSITIVITY_GRIDS['Half-step grid'])):,}",
            "grid_starts_coarse": f"{len(sl.grid_points(SENSITIVITY_GRIDS['Coarse grid'])):,}",
            "early_resamples": EARLY_STOP_RESAMPLES,
            "width_converged": converged,
            "width_early": early,
            "width_ratio": converged / early,
        },
    )


_SAME_METHOD = (
    "Same data, law and exclusions; their point estimate maximises a Huber likelihood with a fitted "
    "scale, ours minimises the summed Huber loss, so the two differ only at the optimiser's precision."
)
_EARLY_STOP = (
    "Hoffmann et al.'s optimiser stopped early (averaged loss, default stopping); "
    "see the sensitivity analysis."
)

COMPARISON_PAIRS = [
    ("chinchilla.fit.E", "besiroglu2024.fit.e", _SAME_METHOD),
    ("chinchilla.fit.E", "hoffmann2022.fit_tex.e", _EARLY_STOP),
    ("chinchilla.fit.A", "besiroglu2024.fit.a_coefficient", _SAME_METHOD),
    (
        "chinchilla.fit.A",
        "hoffmann2022.fit_tex.a_coefficient",
        "Within our interval: the parameter term is well identified.",
    ),
    ("chinchilla.fit.B", "besiroglu2024.fit.b_coefficient", _SAME_METHOD),
    ("chinchilla.fit.B", "hoffmann2022.fit_tex.b_coefficient", _EARLY_STOP + " B is weakly identified."),
    ("chinchilla.fit.alpha", "besiroglu2024.fit.alpha", _SAME_METHOD),
    ("chinchilla.fit.alpha", "hoffmann2022.fit_tex.alpha", "Within our interval."),
    ("chinchilla.fit.beta", "besiroglu2024.fit.beta", _SAME_METHOD),
    ("chinchilla.fit.beta", "hoffmann2022.fit_tex.beta", _EARLY_STOP),
    (
        "chinchilla.allocation.a",
        "hoffmann2022.allocation.a_approach3",
        _EARLY_STOP + " Their interval comes from early-stopped refits.",
    ),
    (
        "chinchilla.allocation.a",
        "hoffmann2022.allocation.a_approach1",
        "A different method (training-curve envelope) on their full set of runs.",
    ),
    (
        "chinchilla.allocation.a",
        "hoffmann2022.allocation.a_approach2",
        "A different method (IsoFLOP minima) on their full set of runs.",
    ),
    (
        "chinchilla.allocation.a",
        "kaplan2020.allocation.a",
        "Hoffmann et al. attribute Kaplan et al.'s larger a to a learning-rate schedule not matched to run "
        "length.",
    ),
    (
        "chinchilla.tokens_per_parameter.chinchilla_budget",
        "hoffmann2022.chinchilla.tokens_per_parameter",
        "The 20 is how Chinchilla was trained, not a fitted optimum; our fit agrees with it.",
    ),
]
"""The comparison table's rows: (our key number, published figure, why they differ)."""


def comparison_facts(replication: Replication) -> dict:
    """Numbers the comparison and limitations text cite (``comparison_*``)."""
    return _prefixed("comparison", {"z95": Z_95, "runs_total": len(replication.runs)})
