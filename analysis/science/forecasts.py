"""Forecasts from growth trends: breaks in a trend, backtests of projections, the largest run ahead.

Conventions as in ``analysis.science.trends``: time in decimal years, quantities in log10 (a slope
is in OOM/yr), seeded bootstraps, central percentile intervals (90% by default). Projections are
draws (rows: years, columns: draws) in the values' own units (FLOP, W, ...).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from statsmodels.regression.linear_model import OLS
from statsmodels.tools.tools import add_constant

from analysis.science.trends import (
    DEFAULT_LEVEL,
    DEFAULT_SEED,
    UncertainGrowth,
    decimal_year,
    fit_growth_with_draws,
    from_decimal_year,
    moving_block_rows,
    percentile_interval,
)


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


def _break_designs(years, candidates, continuous: bool) -> np.ndarray:
    """Design matrices of the one-break model at each of ``candidates`` (candidates x rows x columns):
    level at the break, slope before, change of slope after and, unless ``continuous``, the jump."""
    shifted = np.asarray(years, float)[None, :] - np.asarray(candidates, float)[:, None]
    after = (shifted >= 0).astype(float)
    columns = [np.ones_like(shifted), shifted, after * shifted] + ([] if continuous else [after])
    return np.stack(columns, axis=-1)


def _best_break(years, log_values, candidates, continuous):
    """The least-squares break among ``candidates``: (SSE, break year, coefficients), all at once."""
    candidates = np.asarray(candidates, float)
    design = _break_designs(years, candidates, continuous)
    gram = np.einsum("kni,knj->kij", design, design)
    moment = np.einsum("kni,n->ki", design, log_values)
    coefficients = np.einsum("kij,kj->ki", np.linalg.pinv(gram), moment)
    residuals = np.einsum("kni,ki->kn", design, coefficients) - log_values
    sse = (residuals**2).sum(axis=1)
    best = int(np.argmin(sse))
    return float(sse[best]), float(candidates[best]), coefficients[best]


BREAK_TIE_TOLERANCE = 1e-9
"""SSE difference, as a share of a resample's total sum of squares, under which two breaks tie."""


def _bootstrap_breaks(years, log_values, candidates, continuous: bool, rows: np.ndarray):
    """Break year and later slope (OOM/yr) of each bootstrap resample (``rows``: resamples x row
    positions), as ``_best_break`` finds them on each resample, for all resamples at once.

    Each resample is a least-squares fit weighted by how often it draws each row. A resample whose
    best candidates tie within ``BREAK_TIE_TOLERANCE`` (with a jump, every month of a gap between
    dates fits alike), or in which a candidate leaves fewer than two dates on a side (its fit is not
    unique), is settled by ``_best_break`` itself, which breaks such ties as the per-resample search.
    """
    candidates = np.asarray(candidates, float)
    resamples, n = rows.shape
    every = np.arange(resamples)
    counts = np.bincount((rows + n * every[:, None]).ravel(), minlength=resamples * n)
    counts = counts.reshape(resamples, n).astype(float)
    design = _break_designs(years, candidates, continuous).transpose(1, 0, 2)
    _, k, p = design.shape
    outer = (design[..., :, None] * design[..., None, :]).reshape(n, k * p * p)
    gram = (counts @ outer).reshape(resamples, k, p, p)
    centred = log_values - log_values.mean()
    moment = ((counts * centred) @ design.reshape(n, k * p)).reshape(resamples, k, p)
    dates, date_of_row = np.unique(years, return_inverse=True)
    drawn = (counts @ (date_of_row[:, None] == np.arange(len(dates)))) > 0
    before = drawn.astype(float) @ (dates[:, None] < candidates[None, :])
    identified = (before >= 2) & (drawn.sum(axis=1, keepdims=True) - before >= 2)
    solvable = np.where(identified[..., None, None], gram, np.eye(p))
    coefficients = np.linalg.solve(solvable, moment[..., None])[..., 0]
    total = counts @ centred**2
    sse = (
        total[:, None]
        - 2 * (coefficients * moment).sum(axis=-1)
        + np.einsum("rki,rkij,rkj->rk", coefficients, gram, coefficients)
    )
    best = np.argmin(np.where(identified, sse, np.inf), axis=1)
    chosen = coefficients[every, best]
    breaks, slopes_after = candidates[best], chosen[:, 1] + chosen[:, 2]
    tied = identified & (sse - sse[every, best][:, None] <= BREAK_TIE_TOLERANCE * total[:, None])
    for resample in np.flatnonzero((tied.sum(axis=1) > 1) | ~identified.all(axis=1)):
        searched = candidates[tied[resample]] if identified[resample].all() else candidates
        picked = rows[resample]
        _, breaks[resample], settled = _best_break(years[picked], log_values[picked], searched, continuous)
        slopes_after[resample] = settled[1] + settled[2]
    return breaks, slopes_after


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
            predicted = _break_designs(years[test], [year], continuous)[0] @ coefficients
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
    block: int | None = None,
) -> BreakFit:
    """One-break piecewise log-linear fit: break year by least squares over ``candidates``.

    ``continuous`` joins the two lines at the break (a kink); otherwise the
    level may jump. BIC compares the break model (the break year counted as
    a parameter) with a single line. The break year's and the later slope's
    intervals come from a bootstrap that re-searches the break each time: rows
    drawn independently, or with ``block`` in moving blocks of that many
    date-ordered rows (``trends.moving_block_rows``), for series whose points
    build on each other.
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
    if block is None:
        rows = rng.integers(0, n, (resamples, n))
    else:
        rows = np.argsort(years, kind="stable")[moving_block_rows(rng, n, block, resamples)]
    breaks, slopes_after = _bootstrap_breaks(years, log_values, candidates, continuous, rows)
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
    at each of ``BACKTEST_LEVELS`` (``coverage``) and the bias: the mean (and
    the median) of their log10 values minus the projected trend (OOM; positive =
    above).
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
        "median_bias_oom": float(np.median(log_values[after] - prediction.predicted_mean))
        if after.any()
        else float("nan"),
        "fitted_spread_oom": float(np.std(fit.resid, ddof=2)),
        "held_out_spread_oom": float(np.std(log_values[after] - prediction.predicted_mean, ddof=1))
        if after.sum() > 1
        else float("nan"),
        "level": level,
    }


LARGEST_RUN_METHOD = "offset"
"""The report's projection of the largest run: ``largest_run_projection``'s ``offset`` (the
trend line plus a record offset drawn from history), whose intervals are near nominal on
synthetic data, unlike the two-point ``mixture``."""


LARGEST_RUN_METHODS = ("record", "trend", "mixture", "offset")
"""The projections of the largest run that ``largest_run_projection`` draws."""


def record_offsets(years: np.ndarray, log_values: np.ndarray, line) -> np.ndarray:
    """How far (log10) the running record stood above a fitted line (``line.predict``) at each item's
    date, oldest first: the offsets a largest-item projection draws from."""
    order = np.argsort(years)
    return np.maximum.accumulate(log_values[order]) - line.predict(years[order])


def largest_run_projection(
    dates, values: np.ndarray, growth: UncertainGrowth, years, methods=LARGEST_RUN_METHODS
) -> tuple[pd.Series, dict[str, np.ndarray]]:
    """Draws of the largest run in each of ``years`` (years x draws) by each of ``methods``.

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
    wanted = set(methods)
    draws = {}
    if wanted & {"record", "mixture"}:
        since = np.asarray(years, float)[:, None] - start
        draws["record"] = values[index][None, :] * 10 ** (growth.slopes[None, :] * since)
    if wanted & {"trend", "mixture", "offset"}:
        draws["trend"] = np.stack([10 ** growth.log_value(year) for year in years])
    if "mixture" in wanted:
        half = draws["trend"].shape[1] // 2
        draws["mixture"] = np.concatenate([draws["record"][:, :half], draws["trend"][:, half:]], axis=1)
    if "offset" in wanted:
        offsets = record_offsets(decimal_year(dates), np.log10(medians), growth.fit)
        drawn = np.random.default_rng(len(offsets)).choice(offsets, size=draws["trend"].shape[1])
        draws["offset"] = np.maximum(draws["trend"] * 10 ** drawn[None, :], medians[index])
    record = pd.Series({"index": index, "date": dates[index], "year": start})
    return record, {method: draws[method] for method in methods}


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


def score_draws(draws: np.ndarray, realised: float, levels=BACKTEST_LEVELS) -> dict:
    """How a projection's draws (one target, in the values' units) score against what happened: the
    PIT (share of draws below ``realised``, draws equal to it counting half: a projection floored at
    today's record ties with a record that did not move), the log10 error of the median (realised over
    it) and, per level, whether ``realised`` falls inside the central interval (``inside 90%``)."""
    draws = np.asarray(draws, float)
    scores = {
        "pit": float(np.mean(draws < realised) + 0.5 * np.mean(draws == realised)),
        "log10 error": float(np.log10(realised / np.median(draws))),
    }
    for level in levels:
        low, high = np.quantile(draws, [(1 - level) / 2, (1 + level) / 2])
        scores[f"inside {level:.0%}"] = bool(low <= realised <= high)
    return scores


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
    window: float | None = None,
) -> pd.DataFrame:
    """``largest_run_projection`` from past cutoffs against the record ``horizon`` years later.

    With ``window`` (years), each cutoff fits only the items of that many years before it, as a
    projection fitted on a trailing window is; the realised record counts every item.

    For each cutoff: fit on items dated before it, project ``horizon`` years ahead and compare with
    the largest item (median) dated by then: the ratio to each projection's median, and whether it
    falls inside the central intervals of ``method`` (``mixture`` or ``offset``) at each of
    ``BACKTEST_LEVELS`` (after ``widen``), with its PIT and log10 error (``score_draws``); the
    columns keep the name ``inside mixture``. A cutoff
    with fewer than ``BACKTEST_MIN_ITEMS`` items before it cannot be fitted: its row says so in
    ``status`` and carries no projection.
    """
    dates = pd.Series(pd.to_datetime(dates)).reset_index(drop=True)
    names = pd.Series(names).reset_index(drop=True)
    years = decimal_year(dates)
    medians = np.median(values, axis=1)
    rows = []
    for cutoff in cutoffs:
        before = (years < cutoff) & ((years >= cutoff - window) if window else True)
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
        scores = score_draws(widened(draws[method], widen)[0], realised)
        row.update({key.replace("inside", "inside mixture"): value for key, value in scores.items()})
        rows.append(row)
    return pd.DataFrame(rows)


def first_years_above(
    dates,
    values: np.ndarray,
    growth: UncertainGrowth,
    thresholds,
    last_year: float = 2060.0,
    method: str = "mixture",
    drop_crossed: bool = False,
    observed_until: float | None = None,
) -> dict[float, np.ndarray]:
    """Per threshold, draws of the year (to the month, from the latest item's date) the largest run
    first exceeds it, by ``method`` of ``largest_run_projection`` (drawn once for all thresholds);
    ``inf`` where it does not by ``last_year``. A draw already above it at the latest date crosses
    then; with ``drop_crossed`` such draws, which the data contradict when no item reaches the
    threshold, are dropped (conditioning on the record), so the earliest crossing is not the latest
    date by construction. With ``observed_until`` (a decimal year: the data's end), a threshold no item
    reaches is conditioned on not being crossed before it: draws crossing earlier are dropped."""
    start = float(decimal_year(pd.to_datetime(pd.Series(dates))).max())
    grid = np.arange(start, last_year + 1e-9, 1 / 12)
    _, draws = largest_run_projection(dates, values, growth, grid, (method,))
    crossings = {}
    for threshold in thresholds:
        above = draws[method] >= threshold
        years = np.where(above.any(axis=0), grid[np.argmax(above, axis=0)], np.inf)
        keep = ~above[0] if drop_crossed else np.ones(len(years), bool)
        if observed_until is not None and np.max(values) < threshold:
            keep &= years >= observed_until
        crossings[threshold] = years[keep]
    return crossings


def first_year_above(
    dates,
    values: np.ndarray,
    growth: UncertainGrowth,
    threshold: float,
    last_year: float = 2060.0,
    method: str = "mixture",
    drop_crossed: bool = False,
    observed_until: float | None = None,
) -> np.ndarray:
    """``first_years_above`` for a single ``threshold``: draws of its crossing year."""
    return first_years_above(
        dates, values, growth, [threshold], last_year, method, drop_crossed, observed_until
    )[threshold]


def calibration_verdict(inside: int, total: int, level: float) -> str:
    """How a band's backtest coverage compares with its level, in words (binomial, 90% two-sided)."""
    from scipy.stats import binom

    low, high = binom.ppf([0.05, 0.95], total, level)
    if inside > high:
        return f"more often than {level:.0%} of the time, so the band is wider than its level"
    if inside < low:
        return f"less often than {level:.0%} of the time, so the band is too narrow"
    return "about as often as its level says"
