"""Growth trends over time: log-linear fits, bootstraps, frontiers, breaks, backtests.

Conventions: time in decimal years; quantities in log10 (so a slope is in
OOM/yr, and ``10**slope`` is the growth factor per year, x/yr). Intervals are
percentile intervals of a seeded nonparametric bootstrap over models.
Conversions and wording of growth rates live in ``analysis.science.units``.
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
    """Dates as decimal years (2020-07-02 ≈ 2020.5), using each year's own length."""
    dates = pd.DatetimeIndex(pd.to_datetime(dates))
    start = pd.to_datetime(dates.year.astype(str) + "-01-01")
    end = pd.to_datetime((dates.year + 1).astype(str) + "-01-01")
    return np.asarray(dates.year + (dates - start) / (end - start), dtype=float)


def from_decimal_year(year: float) -> pd.Timestamp:
    """The date at decimal year ``year`` (inverse of ``decimal_year``)."""
    whole = int(np.floor(year))
    start, end = pd.Timestamp(f"{whole}-01-01"), pd.Timestamp(f"{whole + 1}-01-01")
    return (start + (year - whole) * (end - start)).normalize()


def _ols_slopes(years: np.ndarray, log_values: np.ndarray) -> np.ndarray:
    """OLS slope of each row of ``log_values`` on the matching row of ``years`` (vectorised)."""
    centred_years = years - years.mean(axis=-1, keepdims=True)
    centred_values = log_values - log_values.mean(axis=-1, keepdims=True)
    return (centred_years * centred_values).sum(axis=-1) / (centred_years**2).sum(axis=-1)


def _bootstrap_lines(centred_years: np.ndarray, log_values: np.ndarray, resamples: int, seed: int):
    """OLS lines of ``resamples`` seeded bootstrap resamples: (intercepts at year 0, slopes)."""
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(centred_years), size=(resamples, len(centred_years)))
    years, values = centred_years[rows], log_values[rows]
    slopes = _ols_slopes(years, values)
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
) -> GrowthFit:
    """Log-linear growth of ``values`` over ``dates`` with a bootstrap interval.

    OLS of log10(value) on decimal year (statsmodels) with an interval from
    ``resamples`` seeded bootstrap resamples of models; or, with
    ``robust=True``, a Huber M-estimator whose interval is model-based (its
    standard error), which keeps a many-fit specification curve fast.
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
    slopes = _ols_slopes(resampled_years, resampled_values)
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


def within_factor_of_record(dates, values, factor: float = 10.0) -> np.ndarray:
    """Mask of models within ``factor`` of the largest value released up to their date.

    A second frontier rule: a model is frontier if its compute is at least
    1/``factor`` of the running record (itself included).
    """
    frame = pd.DataFrame({"date": pd.to_datetime(dates), "value": np.asarray(values, float)})
    order = frame.sort_values("date", kind="stable").index
    record = frame.loc[order].groupby("date").value.max().cummax()
    return (frame.value * factor >= frame.date.map(record)).to_numpy()


def moving_block_rows(rng: np.random.Generator, n: int, block: int) -> np.ndarray:
    """Row positions of one moving-block bootstrap resample of a series of ``n`` (Künsch 1989).

    Blocks of ``block`` consecutive rows start at uniform positions and are
    joined until ``n`` rows are drawn, so serial dependence within a block
    (records that each build on the last) survives the resampling.
    """
    starts = rng.integers(0, n - block + 1, -(-n // block))
    return (starts[:, None] + np.arange(block)).ravel()[:n]


@dataclass(frozen=True)
class BreakFit:
    """A piecewise log-linear trend with one break, chosen against a single line by BIC."""

    break_year: float
    break_low: float
    break_high: float
    level_at_break: float
    jump: float
    slope_before: float
    slope_after: float
    slope_after_low: float
    slope_after_high: float
    continuous: bool
    bic_single: float
    bic_break: float
    level: float
    searched: tuple[float, float] = (np.nan, np.nan)
    """The first and last break date searched (decimal years)."""

    @property
    def preferred(self) -> bool:
        """Whether BIC prefers the break model to a single line (lower BIC)."""
        return self.bic_break < self.bic_single

    @property
    def verdict(self) -> str:
        """BIC's verdict in words; a difference under 2 is too small to choose (Kass & Raftery)."""
        difference = self.bic_single - self.bic_break
        if abs(difference) < 2:
            return "cannot choose between a break and a single line"
        return "prefers the break" if difference > 0 else "prefers a single line"

    def predict(self, years) -> np.ndarray:
        """Fitted log10 value at ``years`` (decimal years)."""
        elapsed = np.asarray(years, float) - self.break_year
        after = elapsed >= 0
        return self.level_at_break + np.where(
            after, self.jump + self.slope_after * elapsed, self.slope_before * elapsed
        )

    @property
    def date_text(self) -> str:
        """The break's month, e.g. ``January 2025``."""
        return f"{from_decimal_year(self.break_year):%B %Y}"

    @property
    def interval_text(self) -> str:
        """The break date's interval, e.g. ``Dec 2024–Jan 2025``."""
        return f"{from_decimal_year(self.break_low):%b %Y}–{from_decimal_year(self.break_high):%b %Y}"

    def at_edge(self) -> bool:
        """Whether the break sits at the first or last date searched (no interior optimum)."""
        return bool(np.isclose(self.break_year, self.searched).any())


def _best_break(years, log_values, candidates, continuous):
    """The least-squares break among ``candidates``: (SSE, break year, coefficients), all at once."""
    candidates = np.asarray(candidates, float)
    shifted = years[None, :] - candidates[:, None]
    after = (shifted >= 0).astype(float)
    columns = [np.ones_like(shifted), shifted, after * shifted] + ([] if continuous else [after])
    design = np.stack(columns, axis=-1)
    gram = np.einsum("kni,knj->kij", design, design)
    moment = np.einsum("kni,n->ki", design, log_values)
    coefficients = np.einsum("kij,kj->ki", np.linalg.pinv(gram), moment)
    residuals = np.einsum("kni,ki->kn", design, coefficients) - log_values
    sse = (residuals**2).sum(axis=1)
    best = int(np.argmin(sse))
    return float(sse[best]), float(candidates[best]), coefficients[best]


def _break_design(years, break_year: float, continuous: bool) -> np.ndarray:
    """Design matrix of the one-break model at ``break_year`` (as ``_best_break`` builds it)."""
    shifted = np.asarray(years, float) - break_year
    after = (shifted >= 0).astype(float)
    columns = [np.ones_like(shifted), shifted, after * shifted] + ([] if continuous else [after])
    return np.stack(columns, axis=-1)


BREAK_MODELS = ("exponential", "kinked", "discontinuous")
"""The trend shapes cross-validation compares: one line, a kink, a kink with a jump."""


def cross_validated_errors(
    dates, values, candidates, folds: int = 10, seed: int = DEFAULT_SEED
) -> dict[str, float]:
    """Mean squared held-out error (log10 units squared) of each of ``BREAK_MODELS`` in seeded
    ``folds``-fold cross-validation; break models re-search their break on each training fold."""
    years = decimal_year(dates)
    log_values = np.log10(np.asarray(values, float))
    assignment = np.random.default_rng(seed).permutation(len(years)) % folds
    errors = {name: [] for name in BREAK_MODELS}
    for fold in range(folds):
        train, test = assignment != fold, assignment == fold
        line = np.polyfit(years[train], log_values[train], 1)
        errors["exponential"] += list(np.polyval(line, years[test]) - log_values[test])
        for name, continuous in (("kinked", True), ("discontinuous", False)):
            _, year, coefficients = _best_break(years[train], log_values[train], candidates, continuous)
            predicted = _break_design(years[test], year, continuous) @ coefficients
            errors[name] += list(predicted - log_values[test])
    return {name: float(np.mean(np.square(residuals))) for name, residuals in errors.items()}


def _bic(sse: float, n: int, parameters: int) -> float:
    return n * np.log(sse / n) + parameters * np.log(n)


def fit_break(
    dates,
    values,
    candidates=None,
    continuous: bool = True,
    resamples: int = 300,
    seed: int = DEFAULT_SEED,
    level: float = DEFAULT_LEVEL,
    min_models_per_side: int = 20,
) -> BreakFit:
    """One-break piecewise log-linear fit: break year by least squares over ``candidates``.

    ``continuous`` joins the two lines at the break (a kink); otherwise the
    level may jump. BIC compares the break model (the break year counted as
    a parameter) with a single line. The break year's and the later slope's
    intervals come from a bootstrap that re-searches the break each time.
    """
    years = decimal_year(dates)
    log_values = np.log10(np.asarray(values, float))
    if candidates is None:
        ordered = np.sort(years)
        candidates = np.arange(
            np.ceil(ordered[min_models_per_side] * 12) / 12, ordered[-min_models_per_side], 1 / 12
        )
    sse, break_year, coefficients = _best_break(years, log_values, candidates, continuous)
    single = np.column_stack([np.ones_like(years), years])
    single_sse = float(
        ((single @ np.linalg.lstsq(single, log_values, rcond=None)[0] - log_values) ** 2).sum()
    )
    n = len(years)
    rng = np.random.default_rng(seed)
    breaks, slopes_after = [], []
    for _ in range(resamples):
        rows = rng.integers(0, n, n)
        _, resampled_break, resampled = _best_break(years[rows], log_values[rows], candidates, continuous)
        breaks.append(resampled_break)
        slopes_after.append(resampled[1] + resampled[2])
    break_low, break_high = percentile_interval(breaks, level)
    slope_after_low, slope_after_high = percentile_interval(slopes_after, level)
    return BreakFit(
        break_year=float(break_year),
        break_low=break_low,
        break_high=break_high,
        level_at_break=float(coefficients[0]),
        jump=0.0 if continuous else float(coefficients[3]),
        slope_before=float(coefficients[1]),
        slope_after=float(coefficients[1] + coefficients[2]),
        slope_after_low=slope_after_low,
        slope_after_high=slope_after_high,
        continuous=continuous,
        bic_single=_bic(single_sse, n, 2),
        bic_break=_bic(sse, n, 4 if continuous else 5),
        level=level,
        searched=(float(np.min(candidates)), float(np.max(candidates))),
    )


BACKTEST_LEVELS = (0.5, 0.8, 0.9)
"""Levels at which a backtest reports coverage, so that an over- or under-confident band shows."""


def backtest(
    dates, values, cutoff: str, level: float = DEFAULT_LEVEL, horizon_years: float | None = None
) -> dict:
    """Fit on models up to ``cutoff``; check later models against the projection.

    The projection's band is the OLS prediction interval for a new model at
    ``level`` (statsmodels), which includes model-to-model scatter. Returns
    the fit, and for models after the cutoff (within ``horizon_years`` if
    given) their count, the share inside the band, the share inside the band
    at each of ``BACKTEST_LEVELS`` (``coverage``) and the bias: the mean of
    their log10 values minus the projected trend (OOM; positive = above).
    """
    dates = pd.to_datetime(pd.Series(dates)).reset_index(drop=True)
    log_values = np.log10(np.asarray(values, float))
    years = decimal_year(dates)
    cutoff_year = decimal_year([cutoff])[0]
    before = years <= cutoff_year
    after = ~before if horizon_years is None else (~before & (years <= cutoff_year + horizon_years))
    reference = float(np.round(years[before].mean(), 1))
    fit = OLS(log_values[before], add_constant(years[before] - reference)).fit()
    prediction = fit.get_prediction(add_constant(years[after] - reference, has_constant="add"))
    low, high = prediction.conf_int(obs=True, alpha=1 - level).T
    inside = (log_values[after] >= low) & (log_values[after] <= high)
    coverage = {}
    for nominal in BACKTEST_LEVELS:
        band_low, band_high = prediction.conf_int(obs=True, alpha=1 - nominal).T
        within = (log_values[after] >= band_low) & (log_values[after] <= band_high)
        coverage[nominal] = float(within.mean()) if after.any() else float("nan")
    return {
        "fit": fit,
        "reference_year": reference,
        "cutoff_year": cutoff_year,
        "n_fit": int(before.sum()),
        "n_later": int(after.sum()),
        "share_inside": float(inside.mean()) if after.any() else float("nan"),
        "share_above": float((log_values[after] > high).mean()) if after.any() else float("nan"),
        "coverage": coverage,
        "bias_oom": float((log_values[after] - prediction.predicted_mean).mean())
        if after.any()
        else float("nan"),
        "level": level,
    }


LARGEST_RUN_METHOD = "offset"
"""The report's projection of the largest run: ``largest_run_projection``'s ``offset`` (the
trend line plus a record offset drawn from history), whose intervals are near nominal on
synthetic data, unlike the two-point ``mixture``."""


def largest_run_projection(
    dates, values: np.ndarray, growth: UncertainGrowth, years
) -> tuple[pd.Series, dict[str, np.ndarray]]:
    """Draws of the largest run in each of ``years`` (years x draws) by two projections and their mixture.

    ``values`` are the runs' draws (runs x draws; repeat a column for point values). ``record``:
    the largest run to date (by median) carried forward at the drawn trend rates, which assumes
    the next record stands as far above the trend as today's. ``trend``: the trend line itself,
    which assumes the record falls back to it. Backtests put the truth between them, so the
    ``mixture`` takes each with probability one half. ``offset``: the trend line plus how far the
    record stood above the trend at a randomly drawn past date (the running maximum's distance above
    the fitted line at each item's date), never below today's record, which also spans the two.
    """
    dates = pd.Series(pd.to_datetime(dates)).reset_index(drop=True)
    medians = np.median(values, axis=1)
    index = int(np.nanargmax(medians))
    start = decimal_year([dates[index]])[0]
    since = np.asarray(years, float)[:, None] - start
    record = values[index][None, :] * 10 ** (growth.slopes[None, :] * since)
    trend = np.stack([10 ** growth.log_value(year) for year in years])
    half = record.shape[1] // 2
    mixture = np.concatenate([record[:, :half], trend[:, half:]], axis=1)
    item_years = decimal_year(dates)
    order = np.argsort(item_years)
    running_max = np.maximum.accumulate(np.log10(medians[order]))
    offsets = running_max - growth.fit.predict(item_years[order])
    drawn = np.random.default_rng(len(offsets)).choice(offsets, size=record.shape[1])
    return pd.Series({"index": index, "date": dates[index], "year": start}), {
        "record": record,
        "trend": trend,
        "mixture": mixture,
        "offset": np.maximum(trend * 10 ** drawn[None, :], medians[index]),
    }


def widened(draws: np.ndarray, factor: float) -> np.ndarray:
    """Draws (rows: years) with their log10 distance from each row's median scaled by ``factor``."""
    logs = np.log10(draws)
    median = np.median(logs, axis=-1, keepdims=True)
    return 10 ** (median + factor * (logs - median))


def projection_quantiles(years, draws: dict[str, np.ndarray], value: str, level: float = DEFAULT_LEVEL):
    """Long table of projections by year: ``value`` (median), ``low`` and ``high`` (central ``level``
    interval) of each labelled set of draws (years x draws), labelled in column ``projection``."""
    tail = (1 - level) / 2
    frames = []
    for label, values in draws.items():
        low, median, high = np.quantile(values, [tail, 0.5, 1 - tail], axis=1)
        frames.append(
            pd.DataFrame({"year": years, value: median, "low": low, "high": high, "projection": label})
        )
    return pd.concat(frames, ignore_index=True)


BACKTEST_MIN_ITEMS = 8
"""A largest-run backtest needs at least this many items before its cutoff to fit a trend."""


def backtest_largest(
    dates,
    values: np.ndarray,
    names,
    cutoffs,
    horizon: float = 2.0,
    seed: int = DEFAULT_SEED,
    level: float = DEFAULT_LEVEL,
    widen: float = 1.0,
    method: str = "mixture",
) -> pd.DataFrame:
    """``largest_run_projection`` from past cutoffs against the record ``horizon`` years later.

    For each cutoff: fit on items dated before it, project ``horizon`` years ahead and compare with
    the largest item (median) dated by then: the ratio to each projection's median, and whether it
    falls inside the central intervals of ``method`` (``mixture`` or ``offset``) at each of
    ``BACKTEST_LEVELS`` (after ``widen``); the columns keep the name ``inside mixture``. A cutoff
    with fewer than ``BACKTEST_MIN_ITEMS`` items before it cannot be fitted: its row says so in
    ``status`` and carries no projection.
    """
    dates = pd.Series(pd.to_datetime(dates)).reset_index(drop=True)
    names = pd.Series(names).reset_index(drop=True)
    years = decimal_year(dates)
    medians = np.median(values, axis=1)
    rows = []
    for cutoff in cutoffs:
        before = years < cutoff
        if before.sum() < BACKTEST_MIN_ITEMS:
            rows.append(
                {
                    "cutoff": cutoff,
                    "before cutoff": int(before.sum()),
                    "status": f"skipped: fewer than {BACKTEST_MIN_ITEMS} items before the cutoff",
                }
            )
            continue
        growth = fit_growth_with_draws(dates[before], values[before], seed, level)
        target = cutoff + horizon
        record, draws = largest_run_projection(dates[before], values[before], growth, [target])
        by_target = years <= target
        realised = medians[by_target].max()
        row = {
            "cutoff": cutoff,
            "before cutoff": int(before.sum()),
            "status": "fitted",
            "record at cutoff": names[before].iloc[int(record["index"])],
            "target year": target,
            "realised record": realised,
            "realised record model": names[by_target].iloc[int(np.argmax(medians[by_target]))],
            "realised / record projection": realised / np.median(draws["record"][0]),
            "realised / trend projection": realised / np.median(draws["trend"][0]),
        }
        mixture = widened(draws[method], widen)[0]
        for nominal in BACKTEST_LEVELS:
            low, high = np.quantile(mixture, [(1 - nominal) / 2, (1 + nominal) / 2])
            row[f"inside mixture {nominal:.0%}"] = bool(low <= realised <= high)
        rows.append(row)
    return pd.DataFrame(rows)


def first_year_above(
    dates,
    values: np.ndarray,
    growth: UncertainGrowth,
    threshold: float,
    last_year: float = 2060.0,
    method: str = "mixture",
) -> np.ndarray:
    """Draws of the year (to the month, from the latest item's date) the largest run first exceeds
    ``threshold``, by ``method`` of ``largest_run_projection``; ``inf`` where it does not by
    ``last_year``. A draw already above it at the latest date crosses then."""
    start = float(decimal_year(pd.to_datetime(pd.Series(dates))).max())
    grid = np.arange(start, last_year + 1e-9, 1 / 12)
    _, draws = largest_run_projection(dates, values, growth, grid)
    above = draws[method] >= threshold
    first = grid[np.argmax(above, axis=0)]
    return np.where(above.any(axis=0), first, np.inf)


def calibration_verdict(inside: int, total: int, level: float) -> str:
    """How a band's backtest coverage compares with its level, in words (binomial, 90% two-sided)."""
    from scipy.stats import binom

    low, high = binom.ppf([0.05, 0.95], total, level)
    if inside > high:
        return f"more often than {level:.0%} of the time, so the band is wider than its level"
    if inside < low:
        return f"less often than {level:.0%} of the time, so the band is too narrow"
    return "about as often as its level says"
