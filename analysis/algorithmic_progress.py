"""Algorithmic progress: how fast the compute needed for a fixed result falls.

Two lines of evidence, each with a seeded bootstrap interval:

1. **Augmented scaling law** (after Ho et al. 2024). The test loss of a
   language model, L = ln(perplexity) in nats per word, follows
   L = E_b + A / N_eff**alpha + B / D_eff**beta with per-benchmark E_b and
   effective parameters and data growing exponentially in time:
   N_eff = N exp(g_N (t - t0)), D_eff = D exp(g_D (t - t0)). Under the
   compute-optimal allocation the physical compute needed for a fixed loss
   falls by exp(g_N + g_D) per year, so the compute halving time is
   ln 2 / (g_N + g_D) years. Variants differ in how progress enters.
2. **Fixed-target records**: the wall-clock time of the NanoGPT speedrun on
   fixed hardware, a log-linear fit of log10(minutes) on date.

"Is it accelerating?": each line of evidence is refitted with a rate that
changes linearly in time; the change in rate is reported with its interval.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize

from analysis import trends
from analysis.trends import percentile_interval

REFERENCE_YEAR = 2016.0
"""t0 of the effective-compute terms (decimal year)."""

RESAMPLES = 300
SEED = 20240312
LEVEL = 0.95
"""Ho et al. report 95% intervals; so do we for this chapter."""

VARIANTS = {
    "separate": "Effective parameters and data grow at separate rates g_N and g_D",
    "shared": "One rate for both: g_N = g_D",
    "accelerating": "One rate that changes linearly in time: g(t) = g + h (t - t0)",
    "none": "No algorithmic progress: g_N = g_D = 0 (the baseline)",
}
"""The model variants compared by leave-one-out error."""


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


def _unpack(theta: np.ndarray, variant: str, benchmarks: int):
    """theta -> (log A, log B, alpha, beta, g_N, g_D, h, E per benchmark)."""
    log_a, log_b, alpha, beta = theta[:4]
    rest = theta[4:]
    if variant == "separate":
        g_n, g_d, h, rest = rest[0], rest[1], 0.0, rest[2:]
    elif variant == "shared":
        g_n = g_d = rest[0]
        h, rest = 0.0, rest[1:]
    elif variant == "accelerating":
        g_n = g_d = rest[0]
        h, rest = rest[1], rest[2:]
    else:
        g_n = g_d = h = 0.0
    return log_a, log_b, alpha, beta, g_n, g_d, h, np.exp(rest[:benchmarks])


def predict(theta: np.ndarray, variant: str, data: Evaluations) -> np.ndarray:
    """Predicted loss (nats per word) for each evaluation."""
    log_a, log_b, alpha, beta, g_n, g_d, h, irreducible = _unpack(theta, variant, len(data.benchmarks))
    elapsed = data.years - REFERENCE_YEAR
    progress_n = g_n * elapsed + 0.5 * h * elapsed**2
    progress_d = g_d * elapsed + 0.5 * h * elapsed**2
    parameter_term = np.exp(log_a - alpha * (data.log_parameters + progress_n))
    data_term = np.exp(log_b - beta * (data.log_tokens + progress_d))
    return irreducible[data.benchmark] + parameter_term + data_term


def _start(variant: str, data: Evaluations) -> np.ndarray:
    rates = {"separate": [0.5, 0.5], "shared": [0.5], "accelerating": [0.5, 0.0], "none": []}[variant]
    floors = [
        np.log(max(data.loss[data.benchmark == code].min() - 0.5, 0.5))
        for code in range(len(data.benchmarks))
    ]
    return np.array([4.0, 4.0, 0.3, 0.3, *rates, *floors])


@dataclass(frozen=True)
class LawFit:
    """A fitted augmented law and what follows from it."""

    variant: str
    theta: np.ndarray
    rmse: float
    n: int

    def rates(self, benchmarks: int) -> tuple[float, float, float]:
        """(g_N, g_D, h): growth of effective parameters and data (per year), change in rate."""
        _, _, _, _, g_n, g_d, h, _ = _unpack(self.theta, self.variant, benchmarks)
        return float(g_n), float(g_d), float(h)

    def halving_months(self, benchmarks: int, year: float | None = None) -> float:
        """Months for the compute needed for a fixed loss to halve (at ``year`` if accelerating)."""
        g_n, g_d, h = self.rates(benchmarks)
        elapsed = 0.0 if year is None else year - REFERENCE_YEAR
        rate = g_n + g_d + 2 * h * elapsed
        return 12 * np.log(2) / rate if rate > 0 else np.inf


def fit_law(data: Evaluations, variant: str, start: np.ndarray | None = None) -> LawFit:
    """Least-squares fit of one variant (soft-L1 loss, robust to a few odd evaluations)."""
    theta0 = _start(variant, data) if start is None else start
    bounds_low = np.full(len(theta0), -np.inf)
    bounds_high = np.full(len(theta0), np.inf)
    bounds_low[2:4], bounds_high[2:4] = 0.01, 2.0
    result = optimize.least_squares(
        lambda theta: predict(theta, variant, data) - data.loss,
        theta0,
        bounds=(bounds_low, bounds_high),
        loss="soft_l1",
        f_scale=0.05,
        max_nfev=5000,
    )
    residuals = predict(result.x, variant, data) - data.loss
    return LawFit(variant, result.x, float(np.sqrt(np.mean(residuals**2))), len(data.loss))


def leave_one_out_rmse(data: Evaluations, fit: LawFit) -> float:
    """Root-mean-square error of predicting each evaluation from a fit on all the others."""
    errors = []
    for row in range(len(data.loss)):
        keep = np.arange(len(data.loss)) != row
        refit = fit_law(data.subset(keep), fit.variant, start=fit.theta)
        errors.append(predict(refit.theta, fit.variant, data.subset(np.array([row])))[0] - data.loss[row])
    return float(np.sqrt(np.mean(np.square(errors))))


def bootstrap_law(data: Evaluations, fit: LawFit, resamples: int = RESAMPLES, seed: int = SEED) -> np.ndarray:
    """Refits on resampled evaluations (warm-started); one theta per row."""
    rng = np.random.default_rng(seed)
    thetas = []
    for _ in range(resamples):
        rows = rng.integers(0, len(data.loss), len(data.loss))
        thetas.append(fit_law(data.subset(rows), fit.variant, start=fit.theta).theta)
    return np.array(thetas)


def compute_share(fit: LawFit, data: Evaluations, early: int, late: int) -> float:
    """Shapley share of the loss reduction from ``early`` to ``late`` due to compute scaling.

    Two factors: scale (N, D) and time (algorithms). Each factor's
    contribution is its average effect over both orders of switching
    (Shapley values); the share is scale's part of the total.
    """
    pair = data.subset(np.array([early, late]))

    def loss(scale_from: int, time_from: int) -> float:
        point = Evaluations(
            pair.log_parameters[[scale_from]],
            pair.log_tokens[[scale_from]],
            pair.years[[time_from]],
            pair.benchmark[[0]],
            pair.loss[[0]],
            pair.benchmarks,
        )
        return float(predict(fit.theta, fit.variant, point)[0])

    scale = 0.5 * ((loss(1, 0) - loss(0, 0)) + (loss(1, 1) - loss(0, 1)))
    algorithms = 0.5 * ((loss(0, 1) - loss(0, 0)) + (loss(1, 1) - loss(1, 0)))
    return scale / (scale + algorithms)


@dataclass(frozen=True)
class RecordTrend:
    """Log-linear fit of a fixed-target record (minutes) over time, and its acceleration."""

    halving_months: float
    halving_low: float
    halving_high: float
    change_per_year: float
    change_low: float
    change_high: float
    rate_start: float
    rate_end: float
    n: int


def record_trend(
    dates, minutes, resamples: int = 1000, seed: int = SEED, level: float = LEVEL
) -> RecordTrend:
    """Halving time of ``minutes`` (months) and the change in its rate over time.

    The rate is the OLS slope of log10(minutes) on decimal year; acceleration
    is the coefficient of a quadratic term, reported as the change in the
    rate of decline (OOM/yr per year; positive = faster decline). Intervals:
    ``resamples`` seeded bootstrap resamples of records.
    """
    years = trends.decimal_year(dates)
    log_minutes = np.log10(np.asarray(minutes, float))
    centre = float(years.mean())

    def fit(rows):
        x = years[rows] - centre
        linear = np.polyfit(x, log_minutes[rows], 1)
        quadratic = np.polyfit(x, log_minutes[rows], 2)
        return -linear[0], -2 * quadratic[0]

    rng = np.random.default_rng(seed)
    all_rows = np.arange(len(years))
    decline, change = fit(all_rows)
    draws = np.array([fit(rng.integers(0, len(years), len(years))) for _ in range(resamples)])
    months = 12 * np.log10(2) / decline
    months_draws = 12 * np.log10(2) / draws[:, 0]
    low, high = percentile_interval(months_draws, level)
    change_low, change_high = percentile_interval(draws[:, 1], level)
    start, end = years.min() - centre, years.max() - centre
    quadratic = np.polyfit(years - centre, log_minutes, 2)
    return RecordTrend(
        halving_months=float(months),
        halving_low=low,
        halving_high=high,
        change_per_year=float(change),
        change_low=change_low,
        change_high=change_high,
        rate_start=float(-(2 * quadratic[0] * start + quadratic[1])),
        rate_end=float(-(2 * quadratic[0] * end + quadratic[1])),
        n=len(years),
    )
