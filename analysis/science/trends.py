"""Growth trends over time: log-linear fits, their bootstraps, and frontier rules.

Conventions: time in decimal years; quantities in log10 (so a slope is in
OOM/yr, and ``10**slope`` is the growth factor per year, x/yr). Intervals are
percentile intervals of a seeded nonparametric bootstrap over models.
Conversions and wording of growth rates live in ``analysis.science.units``;
breaks, backtests and projections of these trends in ``analysis.science.forecasts``.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from statsmodels.regression.linear_model import OLS
from statsmodels.robust.norms import HuberT
from statsmodels.robust.robust_linear_model import RLM
from statsmodels.tools.tools import add_constant

from analysis.science.units import format_growth, oom_per_year_to_factor

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 20240601
DEFAULT_LEVEL = 0.9
"""Trend intervals are 90% by default, the level Epoch AI reports for these trends."""


def percentile_interval(values, level: float = DEFAULT_LEVEL) -> tuple[float, float]:
    """Central ``level`` percentile interval of ``values`` (e.g. bootstrap draws); no draw is dropped.

    Infinite draws (a halving time for a rate of zero or below) are kept and ranked beyond every
    finite one, so an end of the interval is infinite when more than its tail is; NaN is an error.
    """
    values = np.asarray(values, float)
    if np.isnan(values).any():
        raise ValueError(f"{int(np.isnan(values).sum())} of {len(values)} draws are NaN")
    tail = (1 - level) / 2
    method = "linear" if np.isfinite(values).all() else "inverted_cdf"
    low, high = np.quantile(values, [tail, 1 - tail], method=method)
    return float(low), float(high)


def median_interval(values, level: float = DEFAULT_LEVEL) -> tuple[float, float, float]:
    """Median and central ``level`` interval of draws, as ``percentile_interval`` (no draw dropped)."""
    values = np.asarray(values, float)
    low, high = percentile_interval(values, level)
    method = "linear" if np.isfinite(values).all() else "inverted_cdf"
    return float(np.quantile(values, 0.5, method=method)), low, high


def decimal_year(dates) -> np.ndarray:
    """Dates as decimal years (2020-07-02 ≈ 2020.5), using each year's own length (NaT gives NaN)."""
    days = pd.DatetimeIndex(pd.to_datetime(dates)).to_numpy("datetime64[ns]")
    year = days.astype("datetime64[Y]")
    start, end = year.astype("datetime64[ns]"), (year + 1).astype("datetime64[ns]")
    return (year.astype(float) + 1970) + (days - start) / (end - start)


def from_decimal_year(year: float) -> pd.Timestamp:
    """The date at decimal year ``year`` (inverse of ``decimal_year``)."""
    whole = int(np.floor(year))
    start, end = pd.Timestamp(f"{whole}-01-01"), pd.Timestamp(f"{whole + 1}-01-01")
    return (start + (year - whole) * (end - start)).normalize()


def ols_slopes(years: np.ndarray, log_values: np.ndarray) -> np.ndarray:
    """OLS slope of each row of ``log_values`` on the matching row of ``years`` (vectorised)."""
    centred_years = years - years.mean(axis=-1, keepdims=True)
    centred_values = log_values - log_values.mean(axis=-1, keepdims=True)
    return (centred_years * centred_values).sum(axis=-1) / (centred_years**2).sum(axis=-1)


def _bootstrap_lines(centred_years: np.ndarray, log_values: np.ndarray, resamples: int, seed: int):
    """OLS lines of ``resamples`` seeded bootstrap resamples: (intercepts at year 0, slopes)."""
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(centred_years), size=(resamples, len(centred_years)))
    years, values = centred_years[rows], log_values[rows]
    slopes = ols_slopes(years, values)
    return values.mean(axis=-1) - slopes * years.mean(axis=-1), slopes


def growth_draws(
    dates, values, reference_year: float, resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED
) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap posterior of a log-linear trend: log10 value at ``reference_year`` and slope (OOM/yr).

    The resamples are those ``fit_growth`` draws for its interval (same seed), so a projection
    built on these draws agrees with the registered growth rate.
    """
    years = decimal_year(dates)
    return _bootstrap_lines(years - reference_year, np.log10(np.asarray(values, float)), resamples, seed)


@dataclass(frozen=True)
class GrowthFit:
    """A log-linear trend: log10(value) = intercept + slope * (year - reference_year)."""

    slope: float
    intercept: float
    reference_year: float
    ci_low: float
    ci_high: float
    level: float
    n: int
    first_year: float
    last_year: float
    method: str

    @property
    def factor(self) -> float:
        """Growth factor per year (x/yr)."""
        return oom_per_year_to_factor(self.slope)

    @property
    def factor_interval(self) -> tuple[float, float]:
        """Interval of the growth factor (x/yr)."""
        return oom_per_year_to_factor(self.ci_low), oom_per_year_to_factor(self.ci_high)

    @property
    def text(self) -> str:
        """All three forms with the interval, as the report writes them."""
        low, high = self.factor_interval
        return f"{format_growth(self.factor)}; {self.level:.0%} CI {low:.1f}–{high:.1f}x"

    def predict(self, years) -> np.ndarray:
        """Fitted log10 value at ``years``."""
        return self.intercept + self.slope * (np.asarray(years, float) - self.reference_year)


def fit_growth(
    dates,
    values,
    robust: bool = False,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    level: float = DEFAULT_LEVEL,
    standard_error: bool = False,
) -> GrowthFit:
    """Log-linear growth of ``values`` over ``dates`` with a bootstrap interval.

    OLS of log10(value) on decimal year (statsmodels) with an interval from
    ``resamples`` seeded bootstrap resamples of models; with ``standard_error``,
    the OLS slope's t interval instead (as Epoch AI's data insights report);
    or, with ``robust=True``, a Huber M-estimator whose interval is model-based
    (its standard error), which keeps a many-fit specification curve fast.
    """
    years = decimal_year(dates)
    log_values = np.log10(np.asarray(values, float))
    if len(years) < 3:
        raise ValueError(f"a growth fit needs at least 3 models, got {len(years)}")
    reference = float(np.round(years.mean(), 1))
    design = add_constant(years - reference)
    if robust:
        fitted = RLM(log_values, design, M=HuberT()).fit()
        intercept, slope = fitted.params
        low, high = fitted.conf_int(alpha=1 - level)[1]
        method = (
            f"Huber robust regression of log10 values on date; {level:.0%} interval from its standard error"
        )
    elif standard_error:
        fitted = OLS(log_values, design).fit()
        intercept, slope = fitted.params
        low, high = fitted.conf_int(alpha=1 - level)[1]
        method = f"OLS of log10 values on date; {level:.0%} interval from the slope's standard error"
    else:
        intercept, slope = OLS(log_values, design).fit().params
        _, slopes = _bootstrap_lines(years - reference, log_values, resamples, seed)
        low, high = percentile_interval(slopes, level)
        method = (
            f"OLS of log10 values on date; {level:.0%} percentile interval of "
            f"{resamples:,} bootstrap resamples"
        )
    return GrowthFit(
        slope=float(slope),
        intercept=float(intercept),
        reference_year=reference,
        ci_low=float(low),
        ci_high=float(high),
        level=level,
        n=len(years),
        first_year=float(years.min()),
        last_year=float(years.max()),
        method=method,
    )


def masked_slopes(years: np.ndarray, log_values: np.ndarray) -> np.ndarray:
    """OLS slope of each row of ``log_values`` on ``years``, ignoring NaN values (NaN if < 2 remain)."""
    weights = ~np.isnan(log_values)
    values = np.where(weights, log_values, 0.0)
    count = weights.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_year = (years * weights).sum(axis=-1) / count
        mean_value = values.sum(axis=-1) / count
        centred = (years - mean_year[..., None]) * weights
        slopes = (centred * (values - mean_value[..., None])).sum(axis=-1) / (centred**2).sum(axis=-1)
    return np.where(count >= 2, slopes, np.nan)


@dataclass(frozen=True)
class UncertainGrowth:
    """A log-linear trend fitted to values known only as draws: the fit and its posterior draws."""

    fit: GrowthFit
    intercepts: np.ndarray
    slopes: np.ndarray

    def log_value(self, year: float) -> np.ndarray:
        """Draws of the trend's log10 value at ``year``."""
        return self.intercepts + self.slopes * (year - self.fit.reference_year)


def fit_growth_with_draws(
    dates, value_draws: np.ndarray, seed: int = DEFAULT_SEED, level: float = DEFAULT_LEVEL
) -> UncertainGrowth:
    """Growth of values that are themselves uncertain (rows: items; columns: Monte Carlo draws).

    The point estimate is OLS of log10 of each item's median draw on date; draw ``b`` of the
    posterior refits on a seeded bootstrap resample of items taking each item's draw ``b``, so the
    interval holds both sampling and measurement uncertainty.
    """
    years = decimal_year(dates)
    log_draws = np.log10(np.asarray(value_draws, float))
    items, draws = log_draws.shape
    if items < 3:
        raise ValueError(f"a growth fit needs at least 3 items, got {items}")
    reference = float(np.round(years.mean(), 1))
    log_median = np.median(log_draws, axis=1)
    intercept, slope = OLS(log_median, add_constant(years - reference)).fit().params
    rows = np.random.default_rng(seed).integers(0, items, size=(draws, items))
    resampled_years = years[rows] - reference
    resampled_values = log_draws[rows, np.arange(draws)[:, None]]
    slopes = ols_slopes(resampled_years, resampled_values)
    intercepts = resampled_values.mean(axis=-1) - slopes * resampled_years.mean(axis=-1)
    low, high = percentile_interval(slopes, level)
    fit = GrowthFit(
        slope=float(slope),
        intercept=float(intercept),
        reference_year=reference,
        ci_low=low,
        ci_high=high,
        level=level,
        n=items,
        first_year=float(years.min()),
        last_year=float(years.max()),
        method=(
            f"OLS of log10 median estimates on date; {level:.0%} percentile interval of {draws:,} bootstrap "
            "resamples of runs, each run at its own Monte Carlo draw"
        ),
    )
    return UncertainGrowth(fit, intercepts, slopes)


def running_top_n(dates, values, n: int = 10) -> np.ndarray:
    """Mask of models among the ``n`` largest ``values`` released up to their own date.

    Models are taken in date order; ties in date enter together, so a model
    counts as frontier if fewer than ``n`` earlier-or-same-day models exceed it.
    """
    days = pd.to_datetime(pd.Series(dates)).to_numpy()
    values = np.asarray(values, float)
    earlier = days[None, :] <= days[:, None]
    larger = values[None, :] > values[:, None]
    return (earlier & larger).sum(axis=1) < n


def running_top_n_in_window(dates, values, n: int, start=None, end=None) -> np.ndarray:
    """Mask of the running top-``n`` models (``running_top_n`` over every row given) dated in [start, end].

    Rank first, then window: a model released before ``start`` still pushes
    later ones out of the top ``n``, so pass the whole history, not the window.
    """
    days = pd.to_datetime(pd.Series(dates)).reset_index(drop=True)
    keep = running_top_n(days, values, n)
    if start is not None:
        keep &= (days >= pd.Timestamp(start)).to_numpy()
    if end is not None:
        keep &= (days <= pd.Timestamp(end)).to_numpy()
    return keep


def within_factor_of_record(dates, values, factor: float = 10.0) -> np.ndarray:
    """Mask of models within ``factor`` of the largest value released up to their date.

    A second frontier rule: a model is frontier if its compute is at least
    1/``factor`` of the running record (itself included).
    """
    frame = pd.DataFrame({"date": pd.to_datetime(dates), "value": np.asarray(values, float)})
    order = frame.sort_values("date", kind="stable").index
    record = frame.loc[order].groupby("date").value.max().cummax()
    return (frame.value * factor >= frame.date.map(record)).to_numpy()


def moving_block_rows(rng: np.random.Generator, n: int, block: int, resamples: int) -> np.ndarray:
    """Row positions (``resamples`` x ``n``) of moving-block bootstrap resamples of a series of ``n``.

    Blocks of ``block`` consecutive rows start at uniform positions and are
    joined until ``n`` rows are drawn (Künsch 1989), so serial dependence within
    a block (records that each build on the last) survives the resampling. All
    block starts come from one draw of ``rng``, resample after resample.
    """
    starts = rng.integers(0, n - block + 1, (resamples, -(-n // block)))
    return (starts[:, :, None] + np.arange(block)).reshape(resamples, -1)[:, :n]


def polynomial_fits(x: np.ndarray, y: np.ndarray, degree: int) -> np.ndarray:
    """Least-squares polynomial of each row of ``y`` on the same row of ``x`` (both k x n).

    Coefficients (k x (degree + 1)), highest power first as in ``np.polyfit``,
    from the normal equations: keep ``x`` centred so they stay well conditioned.
    """
    design = x[..., None] ** np.arange(degree, -1, -1)
    gram = np.einsum("kni,knj->kij", design, design)
    moments = np.einsum("kni,kn->ki", design, y)
    return np.linalg.solve(gram, moments[..., None])[..., 0]


def interval_direction(low: float, high: float, above: str, below: str, straddles: str) -> str:
    """Which way an interval for a change points: ``above`` zero, ``below`` it, or ``straddles`` it."""
    return above if low > 0 else (below if high < 0 else straddles)
