"""The Chinchilla replication (chapter 3): the prose facts.

Key-number registration, glued sentences and display tables.
"""

import numpy as np
import pandas as pd
from scipy import stats

from analysis.report import keynumbers
from analysis.science import scaling_laws as sl
from analysis.science.units import format_estimate, format_number, format_printed
from analysis.topics.chinchilla.model import (
    ALL_RUNS_CHOICE,
    AVERAGED_CHOICE,
    CI_LEVEL,
    EARLY_STOP_RESAMPLES,
    KAPLAN_LABEL,
    MODEL_ROWS,
    PARAMETER_SUFFIXES,
    PUBLISHED_LAWS,
    SENSITIVITY_GRIDS,
    SENSITIVITY_STARTS,
    TARGET_BUDGET_FLOP,
    Replication,
    WaldTest,
    required_runs,
    residuals,
    wald_tests,
)

HUBER_DELTA_TEXT = format_number(sl.HUBER_DELTA, 1)


def parameter_table(comparison: pd.DataFrame, registry: keynumbers.Registry) -> pd.DataFrame:
    """The fitted-law table: ours with interval, the like-for-like refit, each published fit."""
    table = pd.DataFrame({"Parameter": comparison.parameter})
    table["This report (95% CI)"] = [registry[f"chinchilla.fit.{name}"].text for name in comparison.parameter]
    table["Besiroglu et al.'s refit, Hoffmann's procedure"] = comparison.refit.map(lambda v: f"{v:.6g}")
    table["Significant figures shared"] = comparison.digits_vs_refit
    for label in PUBLISHED_LAWS:
        table[label] = comparison[label].map(format_printed)
    table["Besiroglu et al. 95% CI"] = comparison.besiroglu_ci.map(
        lambda bounds: f"{format_printed(bounds[0])}–{format_printed(bounds[1])}"
    )
    table["CI overlap"] = comparison.overlap_with_besiroglu.map(lambda v: f"{v:.0%}")
    return table


def wald_table(tests: list[WaldTest]) -> pd.DataFrame:
    """The joint tests as a table: law, parametrisation, chi²(5) statistic and p-value."""
    return pd.DataFrame(
        {
            "Law tested": [test.law for test in tests],
            "Parametrisation": [test.parametrisation for test in tests],
            "Wald χ²(5)": [f"{test.statistic:.0f}" for test in tests],
            "p-value": [format_number(test.p_value, 1) for test in tests],
        }
    )


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
        f"Newton to convergence from a {len(sl.grid_points()):,}-start grid; {CI_LEVEL:.0%} "
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
        "needs to reach the same predicted loss: an extrapolation of the fitted law far beyond the "
        "training sets it was fitted on, to read as the shape of the trade, not as a measurement",
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
    tests = wald_tests(replication, published)
    beside = comparison.set_index("parameter")
    outside = [name for name, inside in beside.hoffmann_tex_in_our_ci.items() if not inside]
    return {
        "runs_used": len(replication.included),
        "digits_min": int(beside.digits_vs_refit.min()),
        "digits_max": int(beside.digits_vs_refit.max()),
        "params_total": len(beside),
        "hoffmann_outside": ", ".join(outside) if outside else "none",
        "joint_verdict": (
            "a joint test rejects them"
            if all(t.p_value < 0.05 for t in tests if t.law == "Hoffmann et al. (unrounded)")
            else "a joint test does not reject them in every parametrisation"
        ),
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
    excluded, used = runs[runs.excluded], runs[~runs.excluded]
    return {
        "runs_total": len(runs),
        "runs_excluded": int(runs.excluded.sum()),
        "excluded_parameters_min": excluded.parameters.min(),
        "excluded_parameters_max": excluded.parameters.max(),
        "excluded_compute_min": excluded.training_compute_flop.min(),
        "excluded_compute_max": excluded.training_compute_flop.max(),
        "excluded_tpp_min": format_number((excluded.training_tokens / excluded.parameters).min(), 1),
        "excluded_tpp_max": format_number((excluded.training_tokens / excluded.parameters).max(), 1),
        "used_below_excluded": int((used.training_compute_flop < excluded.training_compute_flop.min()).sum()),
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
        "gtol": format_number(sl.NEWTON_GTOL, 1),
        "xtol": format_number(sl.NEWTON_XTOL, 1),
        "fit_iterations": replication.fit.iterations,
        "fit_gradient_norm": format_number(replication.fit.gradient_norm, 1),
        "sensitivity_starts": SENSITIVITY_STARTS,
        "resamples": f"{replication.bootstrap.resamples:,}",
        "bootstrap_convergence": convergence_text(replication.bootstrap),
        "ci_level": f"{CI_LEVEL:.0%}",
    }


def convergence_text(bootstrap: sl.Bootstrap) -> str:
    """Whether every bootstrap refit converged, or how many did not and are left out."""
    if not bootstrap.failed:
        return f"all {bootstrap.resamples:,} refits converged"
    return (
        f"{len(bootstrap.failed):,} of {bootstrap.resamples:,} refits did not converge and are left out "
        f"of the intervals, which rest on the other {len(bootstrap.draws):,}"
    )


def fit_facts(replication: Replication, comparison: pd.DataFrame) -> dict:
    """Agreement with Besiroglu et al.'s like-for-like refit and intervals, and the runs (``fit_*``)."""
    beside = comparison.set_index("parameter")
    facts = {
        "digits_min": int(beside.digits_vs_refit.min()),
        "digits_max": int(beside.digits_vs_refit.max()),
        "overlap_min": f"{beside.overlap_with_besiroglu.min():.0%}",
        "overlap_max": f"{beside.overlap_with_besiroglu.max():.0%}",
        "runs_total": len(replication.runs),
        "runs_excluded": int(replication.runs.excluded.sum()),
    }
    return _prefixed("fit", facts)


def rejection_text(tests: list[WaldTest], level: float = 0.05) -> str:
    """Whether every joint test rejects Hoffmann et al.'s TeX values at ``level``, in words."""
    tex = [test for test in tests if test.law == "Hoffmann et al. (unrounded)"]
    rejected = sum(test.p_value < level for test in tex)
    if rejected == len(tex):
        return "every version rejects Hoffmann et al.'s values on these data"
    return f"{rejected} of {len(tex)} versions reject Hoffmann et al.'s values on these data"


def joint_test_facts(replication: Replication, published: pd.DataFrame, tests: list[WaldTest]) -> dict:
    """The Wald tests and the residuals of Hoffmann et al.'s laws (``joint_*``)."""
    fitted, raw = (
        next(
            t for t in tests if t.law == "Hoffmann et al. (unrounded)" and t.parametrisation.startswith(kind)
        )
        for kind in ("fitted", "raw")
    )
    frame = residuals(replication, published)
    mean_residual = frame.groupby("law").residual.mean()
    printed = frame[frame.law == "Hoffmann et al. (printed)"].residual
    printed_share = float(np.mean(np.sign(printed) == np.sign(printed.mean())))
    tex_runs = frame[frame.law == "Hoffmann et al. (unrounded)"]
    quarter = pd.qcut(tex_runs.tokens_per_parameter, 4, labels=False)
    tex_by_quarter = tex_runs.residual.groupby(quarter).mean()
    return _prefixed(
        "joint",
        {
            "wald_fitted": f"{fitted.statistic:.0f}",
            "wald_fitted_p": format_number(fitted.p_value, 1),
            "wald_raw": f"{raw.statistic:.0f}",
            "wald_besiroglu": format_printed(published.value["besiroglu2024.wald.hoffmann_tex"]),
            "lr_besiroglu": format_printed(published.value["besiroglu2024.lr.hoffmann_tex"]),
            "rejection": rejection_text(tests),
            "residual_ours": f"{mean_residual['This report']:+.4f}",
            "residual_tex": f"{mean_residual['Hoffmann et al. (unrounded)']:+.4f}",
            "residual_printed": f"{mean_residual['Hoffmann et al. (printed)']:+.4f}",
            "printed_direction": "too high" if mean_residual["Hoffmann et al. (printed)"] < 0 else "too low",
            "printed_share": f"{printed_share:.0%}",
            "tex_fewest_tokens": f"{tex_by_quarter[0]:+.3f}",
            "tex_middle": f"{tex_runs.residual[quarter.isin([1, 2])].mean():+.3f}",
            "tex_most_tokens": f"{tex_by_quarter[3]:+.3f}",
        },
    )


def early_stopping_facts(replication: Replication, published: pd.DataFrame, endpoints: pd.DataFrame) -> dict:
    """The early-stopping search and the run-count arithmetic (``early_*``)."""
    critical = float(stats.chi2.ppf(0.95, df=5))
    closest = endpoints.iloc[0]
    within = int((endpoints.wald_to_hoffmann <= critical).sum())
    runs_needed = required_runs(replication, published)
    return _prefixed(
        "early",
        {
            "critical": f"{critical:.1f}",
            "starts": f"{len(endpoints):,}",
            "grid_starts": f"{len(sl.grid_points()):,}",
            "closest_wald": f"{closest.wald_to_hoffmann:.0f}",
            "closest_alpha": f"{closest.alpha:.3f}",
            "closest_beta": f"{closest.beta:.3f}",
            "closest_E": f"{closest.E:.3f}",
            "endpoints_within": within,
            "verdict": (
                "No endpoint is consistent with Hoffmann et al.'s values: on these data early stopping "
                "gives a wrong answer, not theirs."
                if within == 0
                else "Early stopping can land on Hoffmann et al.'s values on these data."
            ),
            "width_ours": f"{runs_needed['width_ours']:.3f}",
            "width_hoffmann": f"{runs_needed['width_hoffmann']:.3f}",
            "runs_needed": f"{round(runs_needed['runs_needed'], -4):,.0f}",
            "runs_needed_besiroglu": format_number(
                published.value["besiroglu2024.required_runs.hoffmann_width"], 2
            ),
        },
    )


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
            "averaged_gradient": format_number(averaged.gradient_norm, 1),
            "gtol": format_number(sl.NEWTON_GTOL, 1),
            "other_tpp_range": _range_text(others.min(), others.max()),
            "grid_starts_fine": f"{len(sl.grid_points(SENSITIVITY_GRIDS['Half-step grid'])):,}",
            "grid_starts_coarse": f"{len(sl.grid_points(SENSITIVITY_GRIDS['Coarse grid'])):,}",
            "early_resamples": EARLY_STOP_RESAMPLES,
            "width_converged": converged,
            "width_early": early,
            "width_ratio": converged / early,
        },
    )


def comparison_facts(replication: Replication, published: pd.DataFrame) -> dict:
    """Numbers the comparison and limitations text cite (``comparison_*``)."""
    facts = {
        "runs_total": len(replication.runs),
        "runs_hoffmann": f"{published.value['hoffmann2022.runs.parametric_fit']:.0f}",
    }
    return _prefixed("comparison", facts)
