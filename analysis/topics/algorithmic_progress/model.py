"""Algorithmic progress (chapter 2): the model.

Fits, draws and result tables; no charts, no prose.
"""

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize

from analysis.report import keynumbers
from analysis.science import forecasts, trends
from analysis.science.trends import percentile_interval
from analysis.science.units import doubling_time_months, format_number

REFERENCE_YEAR = 2016.0
"""t0 of the effective-compute terms (decimal year)."""


LOG_REFERENCE_COMPUTE = np.log(1e18)
"""C_ref = 1e18 FLOP keeps A of order one."""


RESAMPLES = 200
"""Bootstrap refits of the augmented law (each refit is a nonlinear fit)."""


RECORD_RESAMPLES = 1000
"""Bootstrap resamples of the speedrun records (each is a closed-form fit)."""


RECORD_BLOCK = 5
"""Records per block of the moving-block bootstrap: each record builds on the ones before it."""


CURRENT_RULES = "after record 21"
"""The speedrun's current timing rules (``timing_rules`` in ``data/speedrun_records.csv``)."""


SEED = 20240312
"""Seed of the chapter's bootstraps (law refits and record resamples)."""


LEVEL = 0.95
"""Ho et al. report 95% intervals; so do we for this chapter."""


VARIANTS = {
    "compute": "Effective compute grows at one constant rate g a year",
    "accelerating": "The rate g itself changes by h each year (a rate that speeds up or slows down)",
    "separate": "Ho et al.'s form: effective parameters and effective data each grow at their own rate",
    "none": "No algorithmic progress: g = 0 (the baseline)",
}
"""The model variants compared by leave-one-out error."""


HEADLINE_VARIANT = "compute"
"""The halving-time headline's form: one constant rate of effective compute. A constant rate is the
estimand Ho et al.'s halving time is; a rate that changes with the date (the accelerating form) has no
single halving time, so it is reported at stated dates (``RATE_DATES``) and as the progress it implies,
whichever variant leave-one-out prefers."""


RATE_DATES = (2014.0, 2018.0, 2022.0)
"""Dates (decimal years) at which the accelerating form's rate is reported."""


RATE_COUNT = {"compute": 1, "accelerating": 2, "separate": 2, "none": 0}


SHAPE_COUNT = {"compute": 2, "accelerating": 2, "separate": 4, "none": 2}
"""Parameters before the rates: (log A, gamma), or (log A, log B, alpha, beta) for ``separate``."""


@dataclass(frozen=True)
class Evaluations:
    """Model evaluations in the arrays the law needs."""

    log_parameters: np.ndarray
    log_tokens: np.ndarray
    years: np.ndarray
    benchmark: np.ndarray  # integer code per row
    loss: np.ndarray  # ln(perplexity), nats per word
    benchmarks: tuple[str, ...]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> "Evaluations":
        """From ``data/lm_evaluations.csv`` rows that have parameters and training tokens."""
        codes, names = pd.factorize(frame.evaluation_set, sort=True)
        return cls(
            log_parameters=np.log(frame.parameters.to_numpy(float)),
            log_tokens=np.log(frame.training_tokens.to_numpy(float)),
            years=trends.decimal_year(frame.publication_date),
            benchmark=codes,
            loss=np.log(frame.perplexity.to_numpy(float)),
            benchmarks=tuple(names),
        )

    def subset(self, rows: np.ndarray) -> "Evaluations":
        """The evaluations at integer positions ``rows``."""
        return Evaluations(
            self.log_parameters[rows],
            self.log_tokens[rows],
            self.years[rows],
            self.benchmark[rows],
            self.loss[rows],
            self.benchmarks,
        )


def rates(theta: np.ndarray, variant: str) -> tuple[float, float]:
    """(total rate g per year, its change h per year per year); g = g_N + g_D for ``separate``."""
    values = theta[SHAPE_COUNT[variant] : SHAPE_COUNT[variant] + RATE_COUNT[variant]]
    if variant == "compute":
        return float(values[0]), 0.0
    if variant == "accelerating":
        return float(values[0]), float(values[1])
    if variant == "separate":
        return float(values[0] + values[1]), 0.0
    return 0.0, 0.0


def _exp(exponent: np.ndarray) -> np.ndarray:
    """exp() capped at e**50 nats, so the optimiser's excursions stay finite."""
    return np.exp(np.minimum(exponent, 50.0))


def predict(theta: np.ndarray, variant: str, data: Evaluations) -> np.ndarray:
    """Predicted loss (nats per word) for each evaluation."""
    shape = theta[: SHAPE_COUNT[variant]]
    rate = theta[SHAPE_COUNT[variant] : SHAPE_COUNT[variant] + RATE_COUNT[variant]]
    floors = np.exp(theta[SHAPE_COUNT[variant] + RATE_COUNT[variant] :])[data.benchmark]
    elapsed = data.years - REFERENCE_YEAR
    if variant == "separate":
        log_a, log_b, alpha, beta = shape
        parameter_term = _exp(log_a - alpha * (data.log_parameters + rate[0] * elapsed))
        data_term = _exp(log_b - beta * (data.log_tokens + rate[1] * elapsed))
        return floors + parameter_term + data_term
    log_a, gamma = shape
    log_effective = np.log(6.0) + data.log_parameters + data.log_tokens + _progress(rate, variant, elapsed)
    return floors + _exp(log_a - gamma * (log_effective - LOG_REFERENCE_COMPUTE))


def _progress(rate: np.ndarray, variant: str, elapsed: np.ndarray) -> np.ndarray | float:
    """Algorithmic progress in ln effective compute after ``elapsed`` years (compute-form variants)."""
    if variant == "compute":
        return rate[0] * elapsed
    if variant == "accelerating":
        return (rate[0] + 0.5 * rate[1] * elapsed) * elapsed
    return 0.0


def jacobian(theta: np.ndarray, variant: str, data: Evaluations) -> np.ndarray:
    """d(predicted loss)/d(theta), one row per evaluation (analytic; matches ``predict``)."""
    shapes, rate_count = SHAPE_COUNT[variant], RATE_COUNT[variant]
    shape, rate = theta[:shapes], theta[shapes : shapes + rate_count]
    elapsed = data.years - REFERENCE_YEAR
    result = np.zeros((len(data.loss), len(theta)))
    floor_columns = shapes + rate_count + data.benchmark
    result[np.arange(len(data.loss)), floor_columns] = np.exp(theta[floor_columns])

    def power_term(log_scale, exponent, log_size):
        """d/d(log_scale) of exp(log_scale - exponent * log_size): the term itself, zero where capped."""
        argument = log_scale - exponent * log_size
        return _exp(argument) * (argument < 50.0)

    if variant == "separate":
        log_a, log_b, alpha, beta = shape
        parameters = data.log_parameters + rate[0] * elapsed
        tokens = data.log_tokens + rate[1] * elapsed
        parameter_term, data_term = power_term(log_a, alpha, parameters), power_term(log_b, beta, tokens)
        result[:, 0], result[:, 1] = parameter_term, data_term
        result[:, 2], result[:, 3] = -parameter_term * parameters, -data_term * tokens
        result[:, 4], result[:, 5] = -alpha * parameter_term * elapsed, -beta * data_term * elapsed
        return result
    log_a, gamma = shape
    log_effective = (
        np.log(6.0)
        + data.log_parameters
        + data.log_tokens
        + _progress(rate, variant, elapsed)
        - LOG_REFERENCE_COMPUTE
    )
    term = power_term(log_a, gamma, log_effective)
    result[:, 0], result[:, 1] = term, -term * log_effective
    if variant in ("compute", "accelerating"):
        result[:, 2] = -gamma * term * elapsed
    if variant == "accelerating":
        result[:, 3] = -gamma * term * 0.5 * elapsed**2
    return result


def _starts(variant: str, data: Evaluations) -> list[np.ndarray]:
    """A small grid of starting points (rates and exponents), floors just under each benchmark's best."""
    floors = [
        np.log(max(data.loss[data.benchmark == code].min() - 0.5, 0.5))
        for code in range(len(data.benchmarks))
    ]
    rate_grid = {
        "compute": [[0.2], [0.8], [1.6]],
        "accelerating": [[0.5, 0.0], [1.0, 0.1]],
        "separate": [[0.4, 0.4], [1.0, 0.2]],
        "none": [[]],
    }
    shape_grid = {
        "separate": [[2.0, 2.0, 0.3, 0.3]],
        "compute": [[0.0, 0.05], [0.0, 0.15]],
        "accelerating": [[0.0, 0.05], [0.0, 0.15]],
        "none": [[0.0, 0.05], [0.0, 0.15]],
    }
    return [
        np.array([*shape, *rate, *floors])
        for shape, rate in itertools.product(shape_grid[variant], rate_grid[variant])
    ]


FLOOR_BOUNDS_NATS = (0.5, 5.0)
"""Plausible range of a benchmark's irreducible loss E_b (nats per word: perplexity 1.6 to 150)."""


def _bounds(variant: str, size: int):
    low, high = np.full(size, -np.inf), np.full(size, np.inf)
    exponents = slice(2, 4) if variant == "separate" else slice(1, 2)
    low[exponents], high[exponents] = 0.005, 2.0
    floors = slice(SHAPE_COUNT[variant] + RATE_COUNT[variant], size)
    low[floors], high[floors] = np.log(FLOOR_BOUNDS_NATS[0]), np.log(FLOOR_BOUNDS_NATS[1])
    return low, high


def at_bounds(draws: np.ndarray, variant: str, tolerance: float = 1e-6) -> np.ndarray:
    """Per refit (rows of ``draws``), whether any parameter sits at a bound of its fit (within
    ``tolerance``): a refit that reached a bound is identified by the bound, not the data."""
    low, high = _bounds(variant, draws.shape[1])
    return ((np.abs(draws - low) < tolerance) | (np.abs(draws - high) < tolerance)).any(axis=1)


def bounded_parameters(draws: np.ndarray, variant: str, benchmarks: tuple[str, ...]) -> dict[str, int]:
    """Per parameter that any refit leaves at a bound, how many refits do: keys name the parameter and
    the bound ("irreducible loss of <benchmark> at 0.5 nats"), in parameter order."""
    low, high = _bounds(variant, draws.shape[1])
    shape = ["log A", "log B", "alpha", "beta"] if variant == "separate" else ["log A", "gamma"]
    names = shape + [f"rate {index + 1}" for index in range(RATE_COUNT[variant])]
    names += [f"irreducible loss of {benchmark}" for benchmark in benchmarks]
    counts = {}
    for index, name in enumerate(names):
        for bound, label in ((low[index], "lower"), (high[index], "upper")):
            hits = int((np.abs(draws[:, index] - bound) < 1e-6).sum())
            if hits:
                value = np.exp(bound) if name.startswith("irreducible") else bound
                counts[
                    f"{name} at its {label} bound ({value:g}{' nats' if name.startswith('irr') else ''})"
                ] = hits
    return counts


@dataclass(frozen=True)
class LawFit:
    """A fitted augmented law and what follows from it."""

    variant: str
    theta: np.ndarray
    rmse: float
    n: int

    def halving_months(self, year: float | None = None) -> float:
        """Months for the compute needed for a fixed loss to halve (at ``year`` if accelerating)."""
        rate, change = rates(self.theta, self.variant)
        rate += change * (0.0 if year is None else year - REFERENCE_YEAR)
        return float(doubling_time_months(np.exp(rate))) if rate > 0 else np.inf


def _least_squares(data: Evaluations, variant: str, start: np.ndarray):
    return optimize.least_squares(
        lambda theta: predict(theta, variant, data) - data.loss,
        start,
        jac=lambda theta: jacobian(theta, variant, data),
        bounds=_bounds(variant, len(start)),
        loss="soft_l1",
        f_scale=0.05,
        x_scale="jac",
        max_nfev=400,
    )


def fit_law(data: Evaluations, variant: str, start: np.ndarray | None = None) -> LawFit:
    """Robust least-squares fit of one variant (soft-L1 loss), best of a few starts.

    With ``start`` (a previous fit), one warm-started run: used for the
    leave-one-out and bootstrap refits.
    """
    starts = [start] if start is not None else _starts(variant, data)
    result = min((_least_squares(data, variant, theta) for theta in starts), key=lambda fit: fit.cost)
    residuals = predict(result.x, variant, data) - data.loss
    return LawFit(variant, result.x, float(np.sqrt(np.mean(residuals**2))), len(data.loss))


def leave_one_out_errors(data: Evaluations, fit: LawFit) -> np.ndarray:
    """Each evaluation's error (nats) when predicted from a fit on all the others (warm-started)."""
    errors = []
    for row in range(len(data.loss)):
        keep = np.arange(len(data.loss)) != row
        refit = fit_law(data.subset(keep), fit.variant, start=fit.theta)
        errors.append(predict(refit.theta, fit.variant, data.subset(np.array([row])))[0] - data.loss[row])
    return np.array(errors)


def leave_one_out_rmse(data: Evaluations, fit: LawFit) -> float:
    """Root-mean-square error of predicting each evaluation from a fit on all the others."""
    return float(np.sqrt(np.mean(np.square(leave_one_out_errors(data, fit)))))


def paired_loo_z(first: np.ndarray, second: np.ndarray) -> float:
    """z of the mean paired difference in squared leave-one-out error (second minus first): above
    about 2, ``first`` predicts held-out evaluations better beyond noise."""
    difference = np.square(second) - np.square(first)
    return float(difference.mean() / (difference.std(ddof=1) / np.sqrt(len(difference))))


def bootstrap_law(data: Evaluations, fit: LawFit, resamples: int = RESAMPLES, seed: int = SEED) -> np.ndarray:
    """Refits on resampled evaluations (warm-started); one theta per row."""
    rng = np.random.default_rng(seed)
    thetas = []
    for _ in range(resamples):
        rows = rng.integers(0, len(data.loss), len(data.loss))
        thetas.append(fit_law(data.subset(rows), fit.variant, start=fit.theta).theta)
    return np.array(thetas)


SHARE_ANCHORS = 5
"""How many of the earliest evaluations the compute share is anchored on."""

SHARE_PAIRS = 10
"""How many of the largest-compute evaluations published after each anchor it is paired with."""


def share_pairs(data: Evaluations) -> tuple[np.ndarray, np.ndarray]:
    """Positions (early, late) of the compute share's pairs: each of the ``SHARE_ANCHORS`` earliest
    evaluations with each of the ``SHARE_PAIRS`` of largest compute (6 N D) published after it."""
    compute = data.log_parameters + data.log_tokens
    largest = np.argsort(-compute, kind="stable")
    early, late = [], []
    for anchor in np.argsort(data.years, kind="stable")[:SHARE_ANCHORS]:
        after = [int(row) for row in largest if data.years[row] > data.years[anchor]][:SHARE_PAIRS]
        early += [int(anchor)] * len(after)
        late += after
    return np.array(early), np.array(late)


def compute_shares(fit: LawFit, data: Evaluations, early: np.ndarray, late: np.ndarray) -> np.ndarray:
    """Shapley share of the loss reduction from each ``early`` to its ``late`` due to compute scaling.

    Two factors: scale (N, D) and time (algorithms). Each factor's
    contribution is its average effect over both orders of switching
    (Shapley values); the share is scale's part of the total, clipped to
    [0, 1] (outside it, one factor's fitted contribution is negative). Each
    pair is read on its early evaluation's benchmark.
    """
    early, late = np.asarray(early), np.asarray(late)

    def loss(scale_from: np.ndarray, time_from: np.ndarray) -> np.ndarray:
        point = Evaluations(
            data.log_parameters[scale_from],
            data.log_tokens[scale_from],
            data.years[time_from],
            data.benchmark[early],
            data.loss[early],
            data.benchmarks,
        )
        return predict(fit.theta, fit.variant, point)

    scale = 0.5 * ((loss(late, early) - loss(early, early)) + (loss(late, late) - loss(early, late)))
    algorithms = 0.5 * ((loss(early, late) - loss(early, early)) + (loss(late, late) - loss(late, early)))
    return np.clip(scale / (scale + algorithms), 0.0, 1.0)


@dataclass(frozen=True)
class RecordTrend:
    """Log-linear fit of a fixed-target record (minutes) over time, and its acceleration."""

    halving_months: float
    halving_low: float
    halving_high: float
    change_per_year: float
    change_low: float
    change_high: float
    n: int


def record_trend(
    dates, minutes, resamples: int = RECORD_RESAMPLES, seed: int = SEED, level: float = LEVEL
) -> RecordTrend:
    """Halving time of ``minutes`` (months) and the change in its rate over time.

    The rate is the OLS slope of log10(minutes) on decimal year; acceleration
    is the coefficient of a quadratic term, reported as the change in the
    rate of decline (OOM/yr per year; positive = faster decline). Intervals:
    ``resamples`` seeded moving-block bootstrap resamples (blocks of
    ``RECORD_BLOCK`` consecutive records), since records form a running
    minimum in which each builds on the last.
    """
    years = trends.decimal_year(dates)
    log_minutes = np.log10(np.asarray(minutes, float))
    centre = float(years.mean())

    rng = np.random.default_rng(seed)
    # Row 0 holds every record (the point estimate), the others the resamples.
    rows = np.vstack(
        [np.arange(len(years)), trends.moving_block_rows(rng, len(years), RECORD_BLOCK, resamples)]
    )
    x, y = years[rows] - centre, log_minutes[rows]
    declines = -trends.polynomial_fits(x, y, 1)[:, 0]
    changes = -2 * trends.polynomial_fits(x, y, 2)[:, 0]
    decline, change = declines[0], changes[0]
    months = float(doubling_time_months(10.0**decline))
    months_draws = doubling_time_months(10.0 ** declines[1:])
    low, high = percentile_interval(months_draws, level)
    change_low, change_high = percentile_interval(changes[1:], level)
    return RecordTrend(
        halving_months=float(months),
        halving_low=low,
        halving_high=high,
        change_per_year=float(change),
        change_low=change_low,
        change_high=change_high,
        n=len(years),
    )


@dataclass(frozen=True)
class LanguageModelResult:
    """Everything the chapter reports from the augmented law."""

    data: Evaluations
    excluded: pd.DataFrame
    fits: dict
    loo_rmse: dict
    loo_errors: dict
    """Per variant, each evaluation's leave-one-out error (nats)."""
    preferred: str
    draws: np.ndarray
    constant_draws: np.ndarray
    """Bootstrap refits of the constant-rate form (the headline's), the same seeds as ``draws``."""
    acceleration_draws: np.ndarray
    share: float
    """Median compute share over the ``share_pairs`` (each pair's share under the preferred fit)."""
    share_interval: tuple[float, float]
    share_clipped: float
    pair_shares: np.ndarray
    anchors: tuple[str, ...]
    """The evaluations the pairs start from (names from ``lm_evaluations.csv``)."""

    def halving_months(self) -> float:
        """The headline: the compute halving time (months) at one constant rate (``HEADLINE_VARIANT``)."""
        return self.fits[HEADLINE_VARIANT].halving_months()

    def halving_interval(self) -> tuple[float, float]:
        """Bootstrap interval of the constant-rate halving time (months); a non-positive rate counts as
        infinite."""
        return percentile_interval(
            [LawFit(HEADLINE_VARIANT, theta, 0, 0).halving_months() for theta in self.constant_draws], LEVEL
        )

    def accelerating_months(self, year: float) -> float:
        """The accelerating form's halving time (months) at ``year``; infinite once its rate is not
        positive (no measurable progress)."""
        return self.fits["accelerating"].halving_months(year)

    def accelerating_zero_year(self) -> float:
        """The decimal year at which the accelerating form's rate reaches zero (``inf`` if it never
        falls to zero after the reference year, ``-inf`` if it rises from zero before it)."""
        rate, change = rates(self.fits["accelerating"].theta, "accelerating")
        return REFERENCE_YEAR - rate / change if change != 0 else np.inf

    def progress_oom(self, variant: str, start: float, end: float) -> float:
        """Algorithmic progress implied by ``variant`` from ``start`` to ``end`` (decimal years): the
        gain in effective compute, orders of magnitude."""
        theta = self.fits[variant].theta
        rate = theta[SHAPE_COUNT[variant] : SHAPE_COUNT[variant] + RATE_COUNT[variant]]
        if variant == "separate":
            rate, variant = np.array([rate.sum()]), "compute"
        gained = _progress(rate, variant, np.array(end - REFERENCE_YEAR)) - _progress(
            rate, variant, np.array(start - REFERENCE_YEAR)
        )
        return float(gained) / np.log(10.0)

    def acceleration(self) -> tuple[float, float, float]:
        """Change in the effective-compute growth rate h (per year per year) with its interval."""
        change = rates(self.fits["accelerating"].theta, "accelerating")[1]
        return change, *percentile_interval(self.acceleration_draws, LEVEL)


PER_PAPER = 3
"""At most this many evaluations per paper and benchmark enter the law (Ho et al.'s rule)."""


def usable_evaluations(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split evaluations into those the law uses and the rest, each excluded row with its reason.

    The law uses standard evaluations (trained on the benchmark, no test-time
    adaptation) with known training tokens, at most ``PER_PAPER`` per paper
    and benchmark (the lowest perplexities), so that one paper's many
    ablations cannot dominate the fit.
    """
    reason = pd.Series("", index=frame.index)
    reason[frame.evaluation_method != "standard"] = "evaluation method: " + frame.evaluation_method
    reason[(reason == "") & frame.training_tokens.isna()] = "training tokens not reported"
    candidates = frame[reason == ""].sort_values(["perplexity", "model"])
    kept = candidates.groupby(["source_url", "evaluation_set"]).head(PER_PAPER).index
    reason[(reason == "") & ~frame.index.isin(kept)] = f"beyond {PER_PAPER} per paper and benchmark"
    excluded = frame[reason != ""].assign(reason=reason[reason != ""])
    return frame[reason == ""].sort_values(["publication_date", "model"]).reset_index(drop=True), excluded


def analyse_language_models(frame: pd.DataFrame, resamples: int = RESAMPLES) -> LanguageModelResult:
    """Fit every variant, choose by leave-one-out error, bootstrap the preferred one.

    Rows the law cannot or should not use are returned in ``excluded`` with
    their reason (see ``usable_evaluations``). The compute share is the median over
    ``share_pairs`` (early anchors against the largest-compute evaluations after them).
    """
    usable, excluded = usable_evaluations(frame)
    data = Evaluations.from_frame(usable)
    fits = {variant: fit_law(data, variant) for variant in VARIANTS}
    loo_errors = {variant: leave_one_out_errors(data, fit) for variant, fit in fits.items()}
    loo = {variant: float(np.sqrt(np.mean(np.square(errors)))) for variant, errors in loo_errors.items()}
    progress_variants = [variant for variant in VARIANTS if variant != "none"]
    preferred = min(progress_variants, key=loo.get)
    draws = bootstrap_law(data, fits[preferred], resamples)
    draws_accelerating = (  # the same seeded refits of the same fit when the accelerating one is preferred
        draws if preferred == "accelerating" else bootstrap_law(data, fits["accelerating"], resamples)
    )
    constant = (
        draws if preferred == HEADLINE_VARIANT else bootstrap_law(data, fits[HEADLINE_VARIANT], resamples)
    )
    acceleration = [rates(theta, "accelerating")[1] for theta in draws_accelerating]
    early, late = share_pairs(data)
    pair_shares = compute_shares(fits[preferred], data, early, late)
    shares = [
        float(np.median(compute_shares(LawFit(preferred, theta, 0, 0), data, early, late))) for theta in draws
    ]
    return LanguageModelResult(
        data=data,
        excluded=excluded,
        fits=fits,
        loo_rmse=loo,
        loo_errors=loo_errors,
        preferred=preferred,
        draws=draws,
        constant_draws=constant,
        acceleration_draws=acceleration,
        share=float(np.median(pair_shares)),
        share_interval=percentile_interval(shares, LEVEL),
        share_clipped=float(np.mean(np.asarray(shares) >= 1.0)),
        pair_shares=pair_shares,
        anchors=tuple(usable.model.iloc[np.unique(early)]),
    )


def effective_compute_frame(result: LanguageModelResult, frame: pd.DataFrame) -> pd.DataFrame:
    """Each evaluation's effective compute (2016-equivalent FLOP) and reducible loss under the headline's
    constant-rate fit: 6 N D e^(g (t - 2016)); the floor E_b is that of the fitted benchmark. (The x-axis
    depends on the fitted rate g, so the figure shows the fit, not independent evidence for it.)
    """
    fit = result.fits[HEADLINE_VARIANT]
    data = result.data
    rate, change = rates(fit.theta, fit.variant)
    elapsed = data.years - REFERENCE_YEAR
    log_effective = (
        np.log(6.0) + data.log_parameters + data.log_tokens + (rate + 0.5 * change * elapsed) * elapsed
    )
    floors = np.exp(fit.theta[SHAPE_COUNT[fit.variant] + RATE_COUNT[fit.variant] :])
    usable, _ = usable_evaluations(frame)
    return usable.assign(
        effective_compute_flop=np.exp(log_effective),
        physical_compute_flop=6.0 * usable.parameters * usable.training_tokens,
        reducible_loss=data.loss - floors[data.benchmark],
        year=np.floor(data.years).astype(int),
    )


SPEEDRUN_RECORDS_PER_SIDE = 10
"""Fewest records on each side of the speedrun's break (60 records in all)."""


def current_rules_trend(records: pd.DataFrame) -> RecordTrend:
    """The record trend on the records set under the current timing rules only."""
    current = records[records.timing_rules == CURRENT_RULES]
    return record_trend(current.date, current.minutes)


def speedrun_break(records: pd.DataFrame) -> forecasts.BreakFit:
    """The speedrun's one-break (kinked) log-linear fit, chosen against a single line by BIC; the break
    date's interval is at the chapter's 95% level, from a moving-block bootstrap (blocks of
    ``RECORD_BLOCK`` records, since each record builds on the last)."""
    return forecasts.fit_break(
        records.date,
        records.minutes,
        min_models_per_side=SPEEDRUN_RECORDS_PER_SIDE,
        level=LEVEL,
        block=RECORD_BLOCK,
    )


COMPARISON_REASONS = {
    "ho2024.halving_time.lm": (
        "algorithms.halving_time.lm_constant_rate",
        "The same estimand, one constant rate of effective compute over about 2012-2023, from an augmented "
        "law on WikiText and PTB evaluations. Theirs splits the rate between parameters and data (their "
        "form on our evaluations is in the variant table) and rests on about 230 evaluations; ours on "
        "fewer, each written from its paper. Their arXiv v1 interval is 95%, as ours.",
    ),
    "ho2024.halving_time.lm_neurips": (
        "algorithms.halving_time.lm_constant_rate",
        "The same study's camera-ready version: a 90% interval, against our 95%.",
    ),
    "ho2024.compute_share.lm": (
        "algorithms.compute_share.lm",
        "Ours is the median over pairs (the five earliest evaluations, each against the ten of largest "
        "compute after it); Ho et al. report a range over their own pairs, printed here with its midpoint, "
        "which we derived.",
    ),
}
"""Like-for-like comparisons: which of our key numbers each published figure is compared with, and why
they differ. Every other algorithms figure is context (``context_table``)."""


def comparison(registry, published: pd.DataFrame) -> pd.DataFrame:
    """The like-for-like comparison table, generated from ``data/published_estimates.csv``."""
    pairs = [
        (number_id, published_id, reason)
        for published_id, (number_id, reason) in COMPARISON_REASONS.items()
        if published_id in published.index
    ]
    return keynumbers.comparison_table(registry, published, pairs)


def _variant_months(lm: LanguageModelResult) -> list[float]:
    """Halving times (months) of the constant-rate forms (compute and Ho et al.'s separate form), lowest
    first; the accelerating form has none (its rate changes with the date)."""
    return sorted(lm.fits[variant].halving_months() for variant in ("compute", "separate"))


def variant_spread(lm: LanguageModelResult) -> str:
    """The halving times (months) the constant-rate forms give, lowest to highest, in words."""
    months = _variant_months(lm)
    return f"{format_number(months[0])} to {format_number(months[-1])} months"
