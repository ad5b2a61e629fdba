"""The Chinchilla replication (chapter 3): the model.

Fits, draws and result tables; no charts, no prose.
"""

import functools
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from analysis.data import loaders
from analysis.science import scaling_laws as sl
from analysis.science.trends import percentile_interval

OUTLIERS_EXCLUDED = 5
"""The replication drops the 5 highest-loss runs (of 245) before fitting."""


BOOTSTRAP_RESAMPLES = 1000


BOOTSTRAP_SEED = 20240417


CI_LEVEL = 0.95


EARLY_STOP_RESAMPLES = 200
"""Resamples for the demonstration of the original's early-stopped bootstrap."""


TARGET_BUDGET_FLOP = 1e26
"""A frontier-scale budget at which the chapter reports tokens per parameter."""
DATA_THROUGH = "2022-03-29"
"""The last date of the chapter's data: the runs are Hoffmann et al.'s, first published in arXiv 2203.15556 v1
(29 March 2022), as Besiroglu et al. digitised them."""


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
    runs = loaders.load_hoffmann_runs()
    highest = runs.sort_values(["loss", "run"], ascending=[False, True]).head(excluded).index
    runs["excluded"] = runs.index.isin(highest)
    return runs


def _fit(runs: pd.DataFrame, **options) -> sl.FitResult:
    return sl.fit_chinchilla(runs.parameters, runs.training_tokens, runs.loss, **options)


@functools.cache
def fitted_law() -> sl.ChinchillaLaw:
    """The chapter's point estimate of the law (the fit without its bootstrap), for other chapters.

    Fitted once per process: the runs are fixed and the law is a frozen dataclass.
    """
    runs = load_runs()
    return _fit(runs[~runs.excluded]).law


@functools.cache
def replicate(resamples: int = BOOTSTRAP_RESAMPLES, seed: int = BOOTSTRAP_SEED) -> Replication:
    """Fit the law as the replication did and bootstrap it (``resamples`` refits, seeded).

    Computed once per process and arguments (the runs are fixed; the result is frozen): the data-wall,
    power and timelines pages read its bootstrap too. Callers must not modify its arrays."""
    runs = load_runs()
    included = runs[~runs.excluded]
    fit = _fit(included)
    bootstrap = sl.bootstrap_chinchilla(
        included.parameters, included.training_tokens, included.loss, fit, resamples, seed
    )
    bootstrap.draws.setflags(write=False)
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


NOTEBOOK_REFIT = "besiroglu2024.notebook_refit"
"""Besiroglu et al.'s refit by Hoffmann et al.'s own procedure (their notebook): our like-for-like anchor."""


def agreeing_digits(ours: float, theirs: float) -> int:
    """Significant figures to which ``ours`` matches ``theirs``: floor(-log10 |relative difference|)."""
    relative = abs(ours - theirs) / abs(theirs)
    return 15 if relative == 0 else int(np.floor(-np.log10(relative)))


def interval_overlap(first: tuple[float, float], second: tuple[float, float]) -> float:
    """Shared length of two intervals over the length of their union (1 = identical, 0 = disjoint)."""
    shared = max(0.0, min(first[1], second[1]) - max(first[0], second[0]))
    return shared / (max(first[1], second[1]) - min(first[0], second[0]))


def parameter_comparison(replication: Replication, published: pd.DataFrame) -> pd.DataFrame:
    """One row per parameter: ours with its interval beside each published fit.

    ``digits_vs_refit`` counts the significant figures shared with Besiroglu
    et al.'s refit by Hoffmann et al.'s procedure (same data, same summed
    Huber loss, same grid); ``overlap_with_besiroglu`` is the overlap of our
    95% interval with the 95% interval of their 4,000 bootstrap refits.
    """
    rows = []
    for column, name in enumerate(sl.PARAMETER_NAMES):
        low, high = replication.bootstrap.interval(replication.bootstrap.draws[:, column], CI_LEVEL)
        suffix = PARAMETER_SUFFIXES[name]
        row = {
            "parameter": name,
            "ours": replication.fit.law.as_array()[column],
            "ci_low": low,
            "ci_high": high,
        }
        for label, prefix in PUBLISHED_LAWS.items():
            row[label] = published.value[f"{prefix}.{suffix}"]
        besiroglu = published.loc[f"besiroglu2024.fit.{suffix}"]
        row["Besiroglu et al. SE"] = _standard_error(besiroglu.uncertainty)
        row["besiroglu_ci"] = (besiroglu.ci_low, besiroglu.ci_high)
        row["refit"] = published.value[f"{NOTEBOOK_REFIT}.{suffix}"]
        row["digits_vs_refit"] = agreeing_digits(row["ours"], row["refit"])
        row["overlap_with_besiroglu"] = interval_overlap((low, high), row["besiroglu_ci"])
        row["hoffmann_tex_in_our_ci"] = low <= row["Hoffmann et al. (unrounded)"] <= high
        rows.append(row)
    return pd.DataFrame(rows)


def law_covariance(replication: Replication, transform=sl.ChinchillaLaw.theta) -> np.ndarray:
    """Covariance of the bootstrap refits in the parametrisation ``transform`` gives (by default the
    fitted one, a, b, e, alpha, beta)."""
    draws = np.array([transform(law) for law in replication.bootstrap.laws()])
    return np.cov(draws, rowvar=False)


@dataclass(frozen=True)
class WaldTest:
    """A joint Wald test of a published law against our fit, in one parametrisation."""

    law: str
    parametrisation: str
    statistic: float
    p_value: float


WALD_PARAMETRISATIONS = {
    "fitted (ln A, ln B, ln E, alpha, beta)": lambda law: law.theta(),
    "raw (E, A, B, alpha, beta)": lambda law: law.as_array(),
}
"""The Wald statistic depends on the parametrisation; Besiroglu et al. use the fitted one."""


def wald_tests(replication: Replication, published: pd.DataFrame) -> list[WaldTest]:
    """chi²(5) Wald statistic of each published law against our fit, with our bootstrap covariance.

    W = d' S^-1 d, with d the difference from our point estimate and S the
    covariance of the bootstrap refits, both in the same parametrisation.
    """
    results = []
    for name, transform in WALD_PARAMETRISATIONS.items():
        inverse = np.linalg.inv(law_covariance(replication, transform))
        ours = transform(replication.fit.law)
        for label in ("Hoffmann et al. (unrounded)", "Hoffmann et al. (printed)"):
            difference = transform(published_law(published, PUBLISHED_LAWS[label])) - ours
            statistic = float(difference @ inverse @ difference)
            results.append(WaldTest(label, name, statistic, float(stats.chi2.sf(statistic, df=5))))
    return results


EARLY_STOP_GRID = {name: values[::2] for name, values in sl.HOFFMANN_GRID.items()}
"""Every other value of each coordinate of Hoffmann et al.'s grid, for the early-stopping search."""


def early_stopped_endpoints(replication: Replication, published: pd.DataFrame) -> pd.DataFrame:
    """Where the original's setup stops from each start, and how far that is from Hoffmann's values.

    From every start of ``EARLY_STOP_GRID``, L-BFGS-B on the averaged Huber
    loss with SciPy's default stopping (the setup Besiroglu et al. report from
    correspondence with Hoffmann et al.); ``wald_to_hoffmann`` is each
    endpoint's Wald distance from Hoffmann et al.'s TeX values under our
    bootstrap covariance (fitted parametrisation), chi²(5).
    """
    runs = sl.RunData.from_arrays(
        *(replication.included[c] for c in ("parameters", "training_tokens", "loss"))
    )
    inverse = np.linalg.inv(law_covariance(replication))
    target = published_law(published, PUBLISHED_LAWS["Hoffmann et al. (unrounded)"]).theta()
    rows = []
    for start in sl.grid_points(EARLY_STOP_GRID):
        fit = sl.minimise(start, runs, sl.HUBER_DELTA, "mean", sl.SCIPY_DEFAULT_TOLERANCES)
        difference = fit.law.theta() - target
        rows.append(
            {
                **dict(zip(sl.PARAMETER_NAMES, fit.law.as_array(), strict=True)),
                "objective": fit.objective,
                "wald_to_hoffmann": float(difference @ inverse @ difference),
            }
        )
    return pd.DataFrame(rows).sort_values("wald_to_hoffmann", kind="stable").reset_index(drop=True)


def required_runs(replication: Replication, published: pd.DataFrame) -> dict:
    """Runs an interval of a as narrow as Hoffmann's would need, if width falls as 1/sqrt(runs).

    Our 80% bootstrap width of a (Hoffmann's Table 2 level) over the width of
    their printed (10th, 90th) percentiles, squared, times our run count.
    """
    low, high = map(
        float, re.findall(r"\d+\.\d+", published.loc["hoffmann2022.allocation.a_approach3"].uncertainty)
    )
    a_draws = replication.bootstrap.derived(lambda law: law.allocation_exponents()[0])
    ours_low, ours_high = replication.bootstrap.interval(a_draws, 0.8)
    width = ours_high - ours_low
    return {
        "width_ours": width,
        "width_hoffmann": high - low,
        "runs": len(replication.included),
        "runs_needed": len(replication.included) * (width / (high - low)) ** 2,
    }


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
"""Starts optimised per sensitivity refit (the best of the grid): on these runs every choice reaches
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
            {"reduction": "mean", "early_stopped": True},
        ),
        "Averaged loss, run to convergence": (included, {"reduction": "mean"}),
        "Summed loss, SciPy default stopping": (included, {"early_stopped": True}),
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
    early_fit = _fit(included, reduction="mean", early_stopped=True)
    early = sl.bootstrap_chinchilla(
        included.parameters,
        included.training_tokens,
        included.loss,
        early_fit,
        EARLY_STOP_RESAMPLES,
        BOOTSTRAP_SEED,
        reduction="mean",
        early_stopped=True,
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


RESIDUAL_LAWS = ("This report", "Hoffmann et al. (unrounded)", "Hoffmann et al. (printed)")
"""The laws whose residuals the residual figure compares."""


def residuals(replication: Replication, published: pd.DataFrame) -> pd.DataFrame:
    """Observed minus predicted loss (nats/token) of every used run under each law of ``RESIDUAL_LAWS``."""
    runs = replication.included
    frames = []
    for label in RESIDUAL_LAWS:
        law = (
            replication.fit.law if label == "This report" else published_law(published, PUBLISHED_LAWS[label])
        )
        frames.append(
            runs.assign(
                law=label,
                status="used in the fit",
                residual=runs.loss - law.loss(runs.parameters, runs.training_tokens),
                tokens_per_parameter=runs.training_tokens / runs.parameters,
            )
        )
    return pd.concat(frames, ignore_index=True)


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


_SAME_METHOD = (
    "Same data, law and exclusions, different objectives: their point estimate maximises a Huber "
    "likelihood with a fitted scale, ours minimises the summed Huber loss. Their own refit by our "
    "procedure matches ours (see the fitted-law table)."
)


_EARLY_STOP = (
    "Hoffmann et al. fitted all their runs, we the digitised ones; Besiroglu et al. trace the gap to "
    "an optimiser stopped early (see the joint test)."
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
        "Three explanations: Hoffmann et al. name a learning-rate schedule not matched to run length; "
        "Pearce and Song (2024) most of the gap to counting non-embedding parameters at small scale; "
        "Porian et al. (2024) last-layer compute, warmup and optimiser tuning, with decay not essential.",
    ),
    (
        "chinchilla.tokens_per_parameter.chinchilla_budget",
        "hoffmann2022.chinchilla.tokens_per_parameter",
        "The 20 is how Chinchilla was trained, not a fitted optimum; our fit is consistent with it.",
    ),
]
"""The comparison table's rows: (our key number, published figure, why they differ)."""
