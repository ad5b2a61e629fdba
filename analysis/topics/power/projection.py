"""Power and cost (chapter 5): the largest run's power ahead by two paths, and their backtests.

``trend`` path: the power trend of frontier runs plus a record offset drawn from history
(``forecasts.largest_run_projection``, method ``offset``). ``components`` path, Epoch AI and EPRI's
construction: today's record (W) carried forward at compute growth minus the growth of the FLOP per
joule of the runs' chips at their training precision minus the growth of training time (OOM/yr), each
a bootstrap draw. The FLOP per joule holds the past move from FP32 to 16-bit, a step the trend carries
forward as if it recurred (``components_without_precision`` leaves it out). Backtests from cutoffs a
quarter apart score both against the record two years on: coverage, bias and the PIT (the share of a
projection's draws below what happened).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.science import forecasts, trends
from analysis.topics.power.model import DRAWS, LEVEL, SEED, Runs

MIN_RUNS = 8
"""A cutoff is backtested only when at least this many costed runs, and this many runs reporting a
training time, precede it (as ``forecasts.BACKTEST_MIN_ITEMS``)."""


BACKTEST_STEP = 0.25
"""Years between backtest cutoffs."""


BACKTEST_HORIZON = 2.0
"""Years from a cutoff to the record it is scored against."""


@dataclass
class ComponentRates:
    """Bootstrap draws (OOM/yr) of the three terms of the components path."""

    compute: np.ndarray
    efficiency: np.ndarray
    duration: np.ndarray

    @property
    def power(self) -> np.ndarray:
        """Growth of the largest run's power (OOM/yr): compute minus efficiency minus duration."""
        return self.compute - self.efficiency - self.duration


def _bootstrap_slopes(years: np.ndarray, log_values: np.ndarray, rng: np.random.Generator, draws: int):
    rows = rng.integers(0, len(years), size=(draws, len(years)))
    return trends.masked_slopes(years[rows], log_values[rows])


def component_rates(
    frontier: pd.DataFrame,
    runs: Runs,
    before: float = np.inf,
    draws: int = DRAWS,
    seed: int = SEED,
) -> ComponentRates:
    """The components path's rates from what was known at ``before`` (decimal year).

    Compute: frontier runs' training compute (FLOP). Efficiency: peak FLOP/s per W of TDP of each
    costed run's chips at its training precision. Duration: frontier runs' reported training time
    (h). Each is OLS of log10 on date over a seeded bootstrap of its rows.
    """
    rng = np.random.default_rng(seed)
    years = trends.decimal_year(frontier.publication_date)
    timed = (years < before) & frontier.training_time_hours.notna().to_numpy()
    run_years = trends.decimal_year(runs.table.publication_date)
    efficiency = (runs.table.peak_flop_per_s / runs.table.tdp_w).to_numpy(float)
    known = (run_years < before) & np.isfinite(efficiency)
    runs_before = years < before
    return ComponentRates(
        compute=_bootstrap_slopes(
            years[runs_before],
            np.log10(frontier.training_compute_flop.to_numpy(float)[runs_before]),
            rng,
            draws,
        ),
        efficiency=_bootstrap_slopes(run_years[known], np.log10(efficiency[known]), rng, draws),
        duration=_bootstrap_slopes(
            years[timed], np.log10(frontier.training_time_hours.to_numpy(float)[timed]), rng, draws
        ),
    )


def components_projection(runs: Runs, rates: ComponentRates, years, before: float = np.inf) -> np.ndarray:
    """Draws (years x draws) of the largest run's power (W): the record among ``runs`` dated before
    ``before``, each draw of its power carried forward at a draw of ``rates.power``."""
    dates = trends.decimal_year(runs.table.publication_date)
    medians = np.where(dates < before, runs.table.power_w.to_numpy(float), -np.inf)
    index = int(np.argmax(medians))
    since = np.asarray(years, float)[:, None] - dates[index]
    return runs.power[index][None, :] * 10 ** (rates.power[None, :] * since)


def backtest_cutoffs(
    runs: Runs, horizon: float = BACKTEST_HORIZON, step: float = BACKTEST_STEP
) -> np.ndarray:
    """Cutoffs a ``step`` apart, from the first year with ``MIN_RUNS`` runs before it to the last
    that the data can score ``horizon`` years on."""
    years = np.sort(trends.decimal_year(runs.table.publication_date))
    first = np.ceil(years[MIN_RUNS - 1] / step) * step
    return np.arange(first, years[-1] - horizon + 1e-9, step)


def backtest(
    runs: Runs,
    frontier: pd.DataFrame,
    cutoffs,
    horizon: float = BACKTEST_HORIZON,
) -> pd.DataFrame:
    """Both paths from each cutoff against the record ``horizon`` years on, one row per path and cutoff.

    Realised: the largest median power among ``runs`` published by then. Each row holds the PIT,
    the log10 error of the median (realised over projected) and whether the realised record falls
    inside the central intervals of ``forecasts.BACKTEST_LEVELS``. A cutoff with fewer than
    ``MIN_RUNS`` runs reporting a training time before it is skipped for both paths.
    """
    dates = runs.table.publication_date
    years = trends.decimal_year(dates)
    medians = runs.table.power_w.to_numpy(float)
    timed = trends.decimal_year(frontier.publication_date[frontier.training_time_hours.notna()])
    rows = []
    for cutoff in cutoffs:
        before = years < cutoff
        if before.sum() < MIN_RUNS or (timed < cutoff).sum() < MIN_RUNS:
            continue
        target = cutoff + horizon
        realised = medians[years <= target].max()
        growth = trends.fit_growth_with_draws(dates[before], runs.power[before], SEED, LEVEL)
        _, drawn = forecasts.largest_run_projection(
            dates[before], runs.power[before], growth, [target], (forecasts.LARGEST_RUN_METHOD,)
        )
        rates = component_rates(frontier, runs, cutoff)
        paths = {
            "trend": drawn[forecasts.LARGEST_RUN_METHOD][0],
            "components": components_projection(runs, rates, [target], cutoff)[0],
        }
        for path, draws in paths.items():
            rows.append({"path": path, "cutoff": cutoff, **forecasts.score_draws(draws, realised)})
    return pd.DataFrame(rows)


def backtest_summary(table: pd.DataFrame, horizon: float = BACKTEST_HORIZON) -> pd.DataFrame:
    """Per path: cutoffs, independent windows (span / horizon), coverage at each level, bias (mean
    log10 error as a factor), mean absolute log10 error and the mean PIT (0.5 if unbiased)."""
    rows = []
    for path, group in table.groupby("path", sort=False):
        row = {
            "path": path,
            "cutoffs": len(group),
            "independent windows": int((group.cutoff.max() - group.cutoff.min()) // horizon + 1),
        }
        for level in forecasts.BACKTEST_LEVELS:
            row[f"inside {level:.0%}"] = float(group[f"inside {level:.0%}"].mean())
        row["bias (x)"] = float(10 ** group["log10 error"].mean())
        row["mean |log10 error|"] = float(group["log10 error"].abs().mean())
        row["mean PIT"] = float(group.pit.mean())
        rows.append(row)
    return pd.DataFrame(rows)


def preferred_path(summary: pd.DataFrame) -> str:
    """The path the chapter stands behind: the smaller mean absolute log10 error in the backtest."""
    return str(summary.loc[summary["mean |log10 error|"].idxmin(), "path"])


PIT_BINS = 5
"""Bins of the PIT histogram (a calibrated path fills each about equally)."""


def pit_histogram(table: pd.DataFrame, bins: int = PIT_BINS) -> pd.DataFrame:
    """Per path, how many backtest cutoffs fall in each PIT bin (0 = the record came in below every
    draw, 1 = above every draw)."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    labels = [f"{low:.1f}–{high:.1f}" for low, high in zip(edges[:-1], edges[1:], strict=True)]
    rows = []
    for path, group in table.groupby("path", sort=False):
        counts, _ = np.histogram(group.pit, bins=edges)
        rows.append({"path": path, **dict(zip(labels, counts.tolist(), strict=True))})
    return pd.DataFrame(rows)
