"""Timelines (chapter 6): the model.

Fits, draws and result tables; no charts, no prose.
"""

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd
from scipy.stats import beta, binom

from analysis.data import loaders
from analysis.science import forecasts, trends
from analysis.topics import chinchilla, compute_trends, data_wall, power
from analysis.topics.timelines import simulation
from analysis.topics.timelines.simulation import CEILINGS, TARGET_YEAR  # noqa: F401 (re-exported)

DRAWS = 2000


SEED = 20240820


LEVEL = 0.9


HORIZON_YEARS = np.arange(2025.0, 2035.0 + 1e-9, 0.25)


WINDOW_YEARS = 8.0
"""The projection fits the frontier runs of the trailing eight years (the compute chapter's
frontier headline starts in 2018, eight years before the data end)."""


CUTOFFS = (2016.0, 2018.0, 2020.0, 2022.0)


BACKTEST_HORIZONS = (2.0, 4.0)


THRESHOLDS = (1e26, 1e27, 1e28, 1e29)


COUNT_THRESHOLDS = (1e25, 1e26)


COUNT_YEARS = tuple(range(2024, 2031))


GPT4 = "GPT-4"


H100 = "nvidia_h100_sxm5"


H100_RELEASE_YEAR = 2022.7
"""The H100 SXM5's year of volume availability, to which the chip efficiency trend is applied."""


H100_PRICE_NAME = "NVIDIA H100 SXM5 80GB"
"""The H100's name in Epoch AI's price table."""


FRONTIER = compute_trends.model.Sample("Frontier (running top-10), all years", frontier="top10")


OPEN_FRONTIER = compute_trends.model.Sample(
    "Open-weight frontier (running top-10 among open-weight models), 2018 to date",
    frontier="top10",
    start=pd.Timestamp("2018-01-01"),
)


def frontier_runs(models: pd.DataFrame, cutoff: float | None = None) -> pd.DataFrame:
    """Frontier runs of the trailing ``WINDOW_YEARS`` before ``cutoff`` (default: all data)."""
    rows = FRONTIER.select(models, **compute_trends.model.OURS)
    years = trends.decimal_year(rows.publication_date)
    end = years.max() if cutoff is None else cutoff
    return rows[(years >= end - WINDOW_YEARS) & (years < end + (1e-9 if cutoff is None else 0))]


SPECIFICATIONS = (
    ("Default: our data, running top-10, trailing 8 years", "ours", "top10", WINDOW_YEARS, False),
    ("Our data, running top-10, trailing 4 years", "ours", "top10", 4.0, False),
    ("Our data, running top-10, trailing 6 years", "ours", "top10", 6.0, False),
    ("Our data, running top-10, since 2010", "ours", "top10", None, False),
    ("Our data, record-setters only, trailing 8 years", "ours", "top1", WINDOW_YEARS, False),
    (
        "Our data, running top-10 without speculative rows, trailing 8 years",
        "ours",
        "top10",
        WINDOW_YEARS,
        True,
    ),
    ("Epoch AI's data, running top-10, trailing 8 years", "epoch", "top10", WINDOW_YEARS, False),
)
"""The unconstrained projection's specification band: (label, data, frontier rule, trailing window in
years or None for since 2010, leave out speculative rows)."""


def specification_band(models: pd.DataFrame, epoch: pd.DataFrame, draws: int = 500) -> pd.DataFrame:
    """The unconstrained 2030 projection (trend plus record offset, not widened) under each of
    ``SPECIFICATIONS``: growth and the 2030 median with its 90% interval."""
    rows = []
    for label, data, rule, window, confident in SPECIFICATIONS:
        frame, columns = (
            (models, compute_trends.model.OURS) if data == "ours" else (epoch, compute_trends.model.EPOCH)
        )
        sample = compute_trends.model.Sample(label, frontier=rule, drop_speculative=confident)
        picked = sample.select(frame, **columns)
        dates = picked[columns["date"]]
        years = trends.decimal_year(dates)
        keep = years >= (years.max() - window) if window else np.ones(len(years), bool)
        values = _as_draws(picked[columns["compute"]].to_numpy(float)[keep], draws)
        growth = trends.fit_growth_with_draws(dates[keep], values, SEED, LEVEL)
        _, paths = forecasts.largest_run_projection(dates[keep], values, growth, [TARGET_YEAR], (METHOD,))
        median, low, high = trends.median_interval(paths[METHOD][0], LEVEL)
        rows.append(
            {
                "specification": label,
                "runs": int(keep.sum()),
                "growth (x/yr)": growth.fit.factor,
                "2030 median (FLOP)": median,
                "90% low": low,
                "90% high": high,
            }
        )
    return pd.DataFrame(rows)


def _as_draws(values, draws: int = DRAWS) -> np.ndarray:
    return np.asarray(values, float)[:, None] * np.ones((1, draws))


def projection(models: pd.DataFrame, years=HORIZON_YEARS, draws: int = DRAWS):
    """The growth posterior of the frontier runs and the largest run's draws in each of ``years``."""
    rows = frontier_runs(models)
    values = _as_draws(rows.training_compute_flop, draws)
    growth = trends.fit_growth_with_draws(rows.publication_date, values, SEED, LEVEL)
    _, paths = forecasts.largest_run_projection(rows.publication_date, values, growth, years)
    return rows, growth, paths


METHOD = forecasts.LARGEST_RUN_METHOD


WIDENING_GRID = np.arange(1.0, 2.0 + 1e-9, 0.25)


CALIBRATION_LEVEL = 0.8
"""Rule: widen the projection's log spread only if its 80% interval covers significantly fewer
backtests than 80% (below the 5th percentile of a binomial at 80%), then by the smallest factor on
``WIDENING_GRID`` (at most a doubling) that removes the shortfall."""


def _short(table: pd.DataFrame) -> bool:
    inside = int(table[f"inside mixture {CALIBRATION_LEVEL:.0%}"].sum())
    return inside < binom.ppf(0.05, len(table), CALIBRATION_LEVEL)


def calibration(models: pd.DataFrame, widen: float = 1.0, draws: int = 500) -> pd.DataFrame:
    """The same projection from past cutoffs, scored on the largest run 2 and 4 years later: each cutoff
    fits the frontier runs of the ``WINDOW_YEARS`` before it, the window the projection itself uses."""
    frontier = FRONTIER.select(models, **compute_trends.model.OURS)
    years = trends.decimal_year(frontier.publication_date)
    tables = []
    for horizon in BACKTEST_HORIZONS:
        cutoffs = [cutoff for cutoff in CUTOFFS if cutoff + horizon <= years.max()]
        table = forecasts.backtest_largest(
            frontier.publication_date,
            _as_draws(frontier.training_compute_flop, draws),
            frontier.model,
            cutoffs,
            horizon,
            SEED,
            LEVEL,
            widen,
            METHOD,
            window=WINDOW_YEARS,
        )
        if (table.status != "fitted").any():
            raise ValueError(f"timelines calibration: too few frontier runs before {table.cutoff.tolist()}")
        tables.append(table.assign(horizon=horizon).drop(columns="status"))
    return pd.concat(tables, ignore_index=True)


def coverage(table: pd.DataFrame) -> pd.DataFrame:
    """Share of backtests whose realised record fell inside each level's interval, with a Jeffreys
    interval for that share (90%)."""
    rows = []
    for level in forecasts.BACKTEST_LEVELS:
        inside = int(table[f"inside mixture {level:.0%}"].sum())
        total = len(table)
        low, high = beta.ppf([0.05, 0.95], inside + 0.5, total - inside + 0.5)
        rows.append(
            {
                "level": level,
                "inside": inside,
                "backtests": total,
                "share": inside / total,
                "low": low,
                "high": high,
            }
        )
    return pd.DataFrame(rows)


def calibrate(models: pd.DataFrame) -> tuple[float, pd.DataFrame, pd.DataFrame]:
    """The widening factor by the stated rule, the raw backtests and the widened ones."""
    raw = calibration(models)
    for factor in WIDENING_GRID:
        table = raw if factor == 1.0 else calibration(models, factor)
        if not _short(table):
            return float(factor), raw, table
    return float(WIDENING_GRID[-1]), raw, table


HALVING_FIGURE = "ho2024.halving_time.lm_neurips"
"""Ho et al.'s halving time as the published (NeurIPS 2024) version gives it: 8 months, 90% CI 2-22."""


def halving_draws(published: pd.DataFrame, draws: int = DRAWS) -> np.ndarray:
    """Algorithmic compute-halving time (months): Ho et al.'s published estimate, drawn as a two-piece
    log-normal through its printed interval's ends and its point estimate (their 5th, 50th and 95th
    percentiles at a 90% level).

    The algorithmic-progress chapter's own interval is too wide to inform (its review says not to
    export it as a headline yet), so the effective-compute multiple uses the published one.
    """
    figure = published.loc[HALVING_FIGURE]
    z = NormalDist().inv_cdf(0.5 + figure.ci_level / 2)
    standard = np.random.default_rng(SEED + 3).standard_normal(draws)
    spread = np.where(
        standard < 0, np.log(figure.value / figure.ci_low), np.log(figure.ci_high / figure.value)
    )
    return figure.value * np.exp(standard * spread / z)


def notable_trend(models: pd.DataFrame, start: pd.Timestamp) -> tuple[trends.UncertainGrowth, np.ndarray]:
    """The notable models' own compute trend since ``start`` (bootstrap draws) and their log10
    residuals about it: new models are placed by this distribution, which drifts relative to the
    frontier's (notable models grow more slowly than the frontier)."""
    notable = models[models.training_compute_flop.notna() & (models.publication_date >= start)]
    growth = trends.fit_growth_with_draws(
        notable.publication_date, _as_draws(notable.training_compute_flop), SEED + 5, LEVEL
    )
    years = trends.decimal_year(notable.publication_date)
    return growth, np.log10(notable.training_compute_flop.to_numpy()) - growth.fit.predict(years)


def arrival_draws(per_year: pd.Series, draws: int = DRAWS, seed: int = SEED + 6) -> np.ndarray:
    """Draws (draws x 2) of the log10 yearly-count trend (intercept, slope per year), each fitted to a
    Poisson resample of the observed yearly counts: the arrival rate's own uncertainty."""
    rng = np.random.default_rng(seed)
    years = per_year.index.to_numpy(float)
    counts = rng.poisson(per_year.to_numpy(float), (draws, len(years))) + 0.5
    design = np.column_stack([np.ones_like(years), years - years.mean()])
    coefficients, *_ = np.linalg.lstsq(design, np.log10(counts).T, rcond=None)
    intercept, slope = coefficients
    return np.column_stack([intercept - slope * years.mean(), slope])


def model_counts(models: pd.DataFrame, rows, growth, thresholds=COUNT_THRESHOLDS, years=COUNT_YEARS):
    """Cumulative number of models above each threshold by the end of each year.

    New notable models arrive each month at the log-linear trend of our yearly counts (``arrival_draws``:
    a Poisson-resampled fit per draw); each one's compute is the notable models' own trend at its
    date (a bootstrap draw) plus a resampled residual (``notable_trend``), so their drift relative to
    the frontier is kept. Counts before the data end are observed, not modelled. ``rows`` and
    ``growth`` (the frontier fit) set the window start.
    """
    rng = np.random.default_rng(SEED + 4)
    notable, residuals = notable_trend(models, rows.publication_date.min())
    dated = models[models.training_compute_flop.notna()]
    per_year = dated.groupby(dated.publication_date.dt.year).size()
    fit_years = per_year.loc[2016 : int(per_year.index.max()) - 1]
    arrivals = arrival_draws(fit_years)
    last = float(trends.decimal_year([dated.publication_date.max()])[0])
    out = []
    for threshold in thresholds:
        above = dated.training_compute_flop >= threshold
        totals = np.full(DRAWS, float(above.sum()))
        month = last
        for year in years:
            if pd.Timestamp(f"{year}-12-31") <= dated.publication_date.max():
                count = float((above & (dated.publication_date.dt.year <= year)).sum())
                out.append(
                    {
                        "threshold": threshold,
                        "year": year,
                        "median": count,
                        "low": count,
                        "high": count,
                        "q25": count,
                        "q75": count,
                        "observed": True,
                    }
                )
                continue
            while month < year + 1:
                rate = 10 ** (arrivals[:, 0] + arrivals[:, 1] * month) / 12
                shares = (
                    notable.log_value(month)[:, None] + rng.choice(residuals, (DRAWS, 100))
                    >= np.log10(threshold)
                ).mean(axis=1)
                totals += rng.poisson(rate * shares)
                month += 1 / 12
            low, q25, median, q75, high = np.quantile(
                totals, [(1 - LEVEL) / 2, 0.25, 0.5, 0.75, (1 + LEVEL) / 2]
            )
            out.append(
                {
                    "threshold": threshold,
                    "year": year,
                    "median": median,
                    "low": low,
                    "high": high,
                    "q25": q25,
                    "q75": q75,
                    "observed": False,
                }
            )
    return pd.DataFrame(out)


def _data_end(models: pd.DataFrame) -> float:
    """The data's end as a decimal year: no release up to it is missing from ``models``."""
    return float(trends.decimal_year([models.publication_date.max()])[0])


def open_model_projection(models: pd.DataFrame) -> dict:
    """Growth of the open-weight frontier and the year its largest model passes 1e26 FLOP."""
    rows = OPEN_FRONTIER.select(models[models.open_weights], **compute_trends.model.OURS)
    values = _as_draws(rows.training_compute_flop)
    growth = trends.fit_growth_with_draws(rows.publication_date, values, SEED, LEVEL)
    crossing = forecasts.first_year_above(
        rows.publication_date, values, growth, 1e26, method=METHOD, observed_until=_data_end(models)
    )
    return {"open_growth": growth, "open_1e26": crossing}


@dataclass
class Timelines:
    """Everything the chapter reports."""

    models: pd.DataFrame
    runs: pd.DataFrame
    growth: trends.UncertainGrowth
    paths: dict[str, np.ndarray]
    widening: float
    backtest_raw: pd.DataFrame
    backtest: pd.DataFrame
    sim: simulation.Simulation
    inputs: dict[str, np.ndarray]
    halving: np.ndarray
    gpt4_flop: float
    gpt4_year: float
    thresholds: dict[str, dict[float, np.ndarray]]
    counts: pd.DataFrame
    open_growth: trends.UncertainGrowth
    open_1e26: np.ndarray
    independent_2030: np.ndarray
    """Draws of the constrained 2030 run (FLOP) with the inputs drawn independently (no correlations)."""

    def largest(self, year: float) -> np.ndarray:
        """Draws of the largest run in ``year`` (FLOP), widened by the calibration rule."""
        index = int(np.argmin(np.abs(HORIZON_YEARS - year)))
        return forecasts.widened(self.paths[METHOD][index : index + 1], self.widening)[0]

    def effective_multiple_2030(self, kind: str = "constrained") -> np.ndarray:
        """Draws of the largest 2030 run's effective compute (``constrained`` or ``unconstrained``) as a
        multiple of GPT-4's training compute."""
        gain = 2 ** (12 * (TARGET_YEAR - self.gpt4_year) / self.halving)
        return self.sim.at(self.sim.path(kind), TARGET_YEAR) * gain / self.gpt4_flop


def joint_simulation(
    models: pd.DataFrame,
    hardware: pd.DataFrame,
    power_inputs: pd.DataFrame,
    constraint_inputs: pd.DataFrame,
    constraint_correlations: pd.DataFrame,
    stock_inputs: pd.DataFrame,
    epoch_hardware: pd.DataFrame,
    prices: pd.DataFrame,
) -> tuple[simulation.Simulation, dict]:
    """The one simulation of the largest run that chapters 4, 5 and 6 read, and what it is built from.

    Compute: the headline projection (trend plus record offset, widened by the calibration rule).
    Power, energy and cost: the H100 at the power chapter's overhead, PUE, price-performance and
    electricity draws (``power.model.sample_inputs``, its seed), improving along the 16-bit chip
    efficiency trend. Tokens: one Chinchilla bootstrap law per draw. Ceilings: ``constraint_inputs``,
    paired across draws with ``constraint_correlations`` (the efficiency slope among them).
    """
    runs, growth, paths = projection(models)
    widening, raw, backtest = calibrate(models)
    compute = forecasts.widened(paths[METHOD], widening)
    efficiency = power.model.efficiency_fits(epoch_hardware)["tensor_16bit"]
    drawn = simulation.sample_constraints(constraint_inputs, DRAWS, SEED) | {
        loaders.CHIP_EFFICIENCY_SLOPE: simulation.efficiency_slope_draws(efficiency, DRAWS, SEED + 2)
    }
    inputs = simulation.correlate(drawn, constraint_correlations, SEED + 7)
    slopes = inputs.pop(loaders.CHIP_EFFICIENCY_SLOPE)
    factors = power.model.sample_inputs(power_inputs, DRAWS, power.model.SEED)
    h100 = hardware.loc[H100]
    dates, values = power.model.purchase_prices(prices)[H100_PRICE_NAME]
    chip = simulation.Chip(
        h100.fp16_bf16_flop_per_s,
        h100.tdp_w,
        H100_RELEASE_YEAR,
        float(values[-1]),
        float(trends.decimal_year(dates[-1:])[0]),
    )
    stock = data_wall.model.sample_stock(stock_inputs, DRAWS)
    laws = simulation.TokenLaws.from_bootstrap(chinchilla.model.replicate().bootstrap.draws, DRAWS)
    index = int(np.argmax(runs.training_compute_flop.to_numpy()))
    record = (
        float(runs.training_compute_flop.iloc[index]),
        float(trends.decimal_year(runs.publication_date.iloc[index : index + 1])[0]),
    )
    stock_2030 = 10 ** stock.log_effective(TARGET_YEAR)[:, 0]

    def run(constraints: dict[str, np.ndarray], efficiency_slopes: np.ndarray) -> simulation.Simulation:
        return simulation.simulate(
            HORIZON_YEARS, compute, record, chip, factors, constraints, efficiency_slopes, stock_2030, laws
        )

    sim = run(inputs, slopes)
    independent = run(drawn, drawn[loaders.CHIP_EFFICIENCY_SLOPE])
    parts = {"runs": runs, "growth": growth, "paths": paths, "widening": widening, "raw": raw}
    return sim, parts | {
        "backtest": backtest,
        "inputs": inputs,
        "independent_2030": independent.at(independent.constrained, TARGET_YEAR),
    }


def committed_inputs() -> tuple:
    """The joint simulation's inputs after the models, from the committed and pinned data, in
    ``joint_simulation``'s (and ``analyse``'s) order: hardware, power inputs, constraint inputs, their
    correlations, the text stock's inputs, Epoch AI's hardware and its prices."""
    constraints = loaders.load_constraint_inputs()
    return (
        loaders.load_hardware(),
        loaders.load_power_cost_inputs(),
        constraints,
        loaders.load_constraint_correlations(constraints),
        loaders.load_text_stock_inputs(),
        loaders.load_epoch_ml_hardware(),
        loaders.load_epoch_hardware_prices(),
    )


def shared_simulation() -> simulation.Simulation:
    """The joint simulation from the committed and pinned data, as the timelines chapter runs it: what
    the data-wall and power chapters read, so all three quote the same draws."""
    sim, _ = joint_simulation(loaders.load_models(), *committed_inputs())
    return sim


def analyse(
    models: pd.DataFrame,
    hardware: pd.DataFrame,
    power_inputs: pd.DataFrame,
    constraint_inputs: pd.DataFrame,
    constraint_correlations: pd.DataFrame,
    stock_inputs: pd.DataFrame,
    epoch_hardware: pd.DataFrame,
    prices: pd.DataFrame,
    published: pd.DataFrame,
) -> Timelines:
    """Run the chapter's analysis."""
    sim, parts = joint_simulation(
        models,
        hardware,
        power_inputs,
        constraint_inputs,
        constraint_correlations,
        stock_inputs,
        epoch_hardware,
        prices,
    )
    runs, growth = parts["runs"], parts["growth"]
    values = _as_draws(runs.training_compute_flop)
    start = float(trends.decimal_year(runs.publication_date).max())
    return Timelines(
        models=models,
        runs=runs,
        growth=growth,
        paths=parts["paths"],
        widening=parts["widening"],
        backtest_raw=parts["raw"],
        backtest=parts["backtest"],
        sim=sim,
        inputs=parts["inputs"],
        halving=halving_draws(published),
        gpt4_flop=float(models.training_compute_flop[GPT4]),
        gpt4_year=float(trends.decimal_year([models.publication_date[GPT4]])[0]),
        thresholds={
            "unconstrained": forecasts.first_years_above(
                runs.publication_date,
                values,
                growth,
                THRESHOLDS,
                method=METHOD,
                observed_until=_data_end(models),
            ),
            "constrained": crossing_years(sim, THRESHOLDS, start, runs),
        },
        counts=model_counts(models, runs, growth),
        **open_model_projection(models),
        independent_2030=parts["independent_2030"],
    )


def crossing_years(
    sim: simulation.Simulation, thresholds, start: float, runs: pd.DataFrame
) -> dict[float, np.ndarray]:
    """Per threshold, draws of the first quarter-year the constrained path reaches it (``inf`` if not
    by the last simulated year); years before ``start`` (the data's end) are not searched, and a
    threshold a run in ``runs`` already passed gets that run's date in every draw."""
    keep = sim.years >= start - 1e-9
    years, constrained = sim.years[keep], sim.constrained[keep]
    dates = trends.decimal_year(runs.publication_date)
    crossings = {}
    for threshold in thresholds:
        passed = runs.training_compute_flop.to_numpy() >= threshold
        if passed.any():
            crossings[threshold] = np.full(constrained.shape[1], dates[passed].min())
            continue
        above = constrained >= threshold
        crossings[threshold] = np.where(above.any(axis=0), years[np.argmax(above, axis=0)], np.inf)
    return crossings


def fan_frame(result: Timelines) -> pd.DataFrame:
    """Median and 90% band of the largest run by year: the constrained path (headline), the widened
    unconstrained projection and its two parts."""
    draws = {
        "constrained (headline)": result.sim.constrained,
        "unconstrained (trend plus record offset, widened)": result.sim.compute,
        "record carried forward": result.paths["record"],
        "trend line": result.paths["trend"],
    }
    return forecasts.projection_quantiles(HORIZON_YEARS, draws, "flop")


CEILING_LABELS = {
    "power": "Power (larger of one campus and a distributed network)",
    "power_single_campus": "Power, one campus only (scenario)",
    "power_distributed": "Power, distributed network (capped by bandwidth)",
    "bandwidth": "Inter-data-centre bandwidth (caps the distributed network)",
    "chips": "Chip supply",
    "data": "Data (effective stock)",
    "latency": "Latency wall",
    "spend": "Spend (cluster cost)",
}
"""The ceilings figure's and table's rows."""

OURS = "median of our draws (90% interval)"
"""What the point and range of this report's rows in ``ceiling_frame`` are."""

CEILING_SHORT_LABELS = {
    "power": "power (binding form)",
    "power_single_campus": "one campus",
    "power_distributed": "distributed network",
    "bandwidth": "bandwidth",
}
"""The names the fan chart writes beside its 2030 ceilings (a phone-wide label; the tooltip and the
ceilings figure give the full name)."""


PUBLISHED_CEILINGS = {
    "power_single_campus": "sevilla2024can.ceiling.power_single_campus",
    "power_distributed": "sevilla2024can.ceiling.power_distributed",
    "bandwidth": "sevilla2024can.ceiling.bandwidth",
    "chips": "sevilla2024can.ceiling.chips",
    "data": "sevilla2024can.ceiling.data",
    "latency": "sevilla2024can.ceiling.latency",
}
"""Sevilla et al.'s printed range for each ceiling (``_low``/``_high`` rows, or a value with its interval)."""


def _published_range(published: pd.DataFrame, prefix: str) -> tuple[float, float, float, str]:
    """(centre, low, high, what the centre is) of a published ceiling: a printed median with its
    interval, or a range's two ends marked at their geometric middle."""
    if prefix in published.index:
        row = published.loc[prefix]
        return row.value, row.ci_low, row.ci_high, "printed median and 80% range"
    low, high = published.value[f"{prefix}_low"], published.value[f"{prefix}_high"]
    return float(np.sqrt(low * high)), low, high, "80% range, point at its geometric middle"


def _our_row(label: str, draws: np.ndarray) -> dict:
    """A row of ``ceiling_frame`` from our draws (FLOP): median and 90% interval."""
    median, low, high = trends.median_interval(draws, LEVEL)
    return {
        "estimate": label,
        "flop": median,
        "low": low,
        "high": high,
        "source": "this report",
        "point": OURS,
    }


def ceiling_frame(result: Timelines, published: pd.DataFrame) -> pd.DataFrame:
    """Each 2030 ceiling's median and 90% interval beside Sevilla et al.'s printed 80% range, the
    constrained and unconstrained runs, and Sevilla et al.'s feasible run; ``point`` says what each
    row's point value is."""
    rows = []
    draws = result.sim.ceilings
    for key, label in CEILING_LABELS.items():
        rows.append(_our_row(label, draws[key].to_numpy()))
        if key in PUBLISHED_CEILINGS:
            centre, low, high, what = _published_range(published, PUBLISHED_CEILINGS[key])
            rows.append(
                {
                    "estimate": f"{label}, Sevilla et al.",
                    "flop": centre,
                    "low": low,
                    "high": high,
                    "source": "published",
                    "point": what,
                }
            )
    for label, values in (
        ("Constrained run (lowest ceiling path)", result.sim.at(result.sim.constrained, TARGET_YEAR)),
        ("Unconstrained trend (scenario)", result.largest(TARGET_YEAR)),
    ):
        rows.append(_our_row(label, values))
    figure = published.loc["sevilla2024can.feasible_run.2030"]
    rows.append(
        {
            "estimate": "Sevilla et al. (2024), feasible",
            "flop": figure.value,
            "low": np.nan,
            "high": np.nan,
            "source": "published",
            "point": "printed figure, no range",
        }
    )
    return pd.DataFrame(rows)


def threshold_frame(result: Timelines) -> pd.DataFrame:
    """Median and 90% interval of the year each threshold is first crossed, on both paths; a threshold
    our data already cross is one observed row (the first release above it), not a projection clamped at
    the projection's start."""
    rows = []
    released = result.models[result.models.released & result.models.training_compute_flop.notna()]
    observed = set()
    for kind, crossings in result.thresholds.items():
        for threshold, years in crossings.items():
            above = released[released.training_compute_flop >= threshold]
            if len(above):
                if threshold not in observed:
                    first = above.sort_values("publication_date").iloc[0]
                    year = float(trends.decimal_year([first.publication_date])[0])
                    label = f"1e{int(round(np.log10(threshold)))} FLOP, observed ({first.model})"
                    rows.append(
                        {
                            "threshold": label,
                            "path": "observed",
                            "year": year,
                            "low": year,
                            "high": year,
                            "source": "observed in our data",
                        }
                    )
                    observed.add(threshold)
                continue
            median, low, high = trends.median_interval(years, LEVEL)
            rows.append(
                {
                    "threshold": f"1e{int(round(np.log10(threshold)))} FLOP, {kind}",
                    "path": kind,
                    "year": median,
                    "low": low,
                    "high": high,
                    "source": f"{kind} path",
                }
            )
    return pd.DataFrame(rows)


def interactive_constants(result: Timelines) -> dict[str, float]:
    """What the interactive chart holds fixed, and the sliders' starting values, chosen so that at its
    defaults the chart reproduces both 2030 headlines exactly.

    The physical path starts where the default growth leads to the unconstrained 2030 median. A
    ceiling is its median per unit of its slider (GW, chip share, USD billion). The lowest of the
    ceilings' medians exceeds the median of the draws' lowest ceilings (a minimum of medians is not a
    median of minima), so the chart scales the lowest ceiling by ``joint_factor``, the ratio that
    makes its default equal the constrained 2030 median.
    """
    inputs, draws, sim = result.inputs, result.sim.ceilings, result.sim
    start_year = float(HORIZON_YEARS[0])
    growth = round(float(result.growth.fit.factor), 1)
    unconstrained = float(np.median(sim.at(sim.compute, TARGET_YEAR)))
    constants = {
        "start_year": start_year,
        "start_flop": unconstrained / growth ** (TARGET_YEAR - start_year),
        "flop_per_gw": float(np.median(draws["power_single_campus"] / inputs["power_single_campus_gw"])),
        "flop_per_h100e_million": float(
            np.median(draws["chips"] / (inputs["h100e_for_largest_run_2030"] / 1e6))
        ),
        "flop_per_busd": float(np.median(draws["spend"] / (inputs["largest_cluster_cost_usd_2030"] / 1e9))),
        "data_flop": float(np.median(draws["data"])),
        "latency_flop": float(np.median(draws["latency"])),
        "growth": growth,
        "halving": round(float(np.median(result.halving)), 1),
        "power_gw": round(float(np.median(inputs["power_single_campus_gw"])), 1),
        "distributed_gw": round(float(np.median(inputs["power_distributed_gw"])), 1),
        "h100e_million": round(float(np.median(inputs["h100e_for_largest_run_2030"])) / 5e6) * 5.0,
        "budget_busd": round(float(np.median(inputs["largest_cluster_cost_usd_2030"])) / 1e9),
        "constrained_2030": float(np.median(sim.at(sim.constrained, TARGET_YEAR))),
        "unconstrained_2030": unconstrained,
    }
    lowest = min(interactive_ceilings(constants).values())
    constants["joint_factor"] = min(1.0, constants["constrained_2030"] / lowest)
    return constants


def interactive_ceilings(constants: dict[str, float]) -> dict[str, float]:
    """The interactive chart's 2030 ceilings (FLOP) at its sliders' values in ``constants``."""
    return {
        "power": max(constants["power_gw"], constants["distributed_gw"]) * constants["flop_per_gw"],
        "chips": constants["h100e_million"] * constants["flop_per_h100e_million"],
        "data": constants["data_flop"],
        "latency": constants["latency_flop"],
        "spend": constants["budget_busd"] * constants["flop_per_busd"],
    }


COMPARISON_PAIRS = [
    (
        "timelines.open_model_growth.frontier",
        "emberson2025.open_model_compute.growth",
        "Theirs follows the largest open-weight model; ours the running top-10 among open-weight models "
        "since 2018.",
    ),
    (
        "timelines.open_model_1e26.year",
        "emberson2025.open_model_1e26.date",
        "Theirs extrapolates their trend; ours is the same largest-run projection as the closed frontier's.",
    ),
    (
        "timelines.models_above_1e26.2027",
        "cottier2025.count_1e26.start_2027",
        "Theirs counts all models from investment growth and a compute distribution; ours counts the "
        "population our data samples, from its own count trend and spread below the frontier.",
    ),
    (
        "timelines.models_above_1e26.2030",
        "cottier2025.count_1e26.start_2030",
        "As above; theirs is a lower bound ('over 200').",
    ),
    (
        "timelines.largest_run_2030.constrained.flop",
        "sevilla2024can.feasible_run.2030",
        "Their four ceilings set up as they do (power the larger of one campus and a distributed network) "
        "plus a spend ceiling, the minimum taken draw by draw and reached along a ceiling path; our power "
        "ceiling uses the power chapter's overheads and efficiency trend, our data stock and allocation.",
    ),
    (
        "timelines.largest_run_2030.unconstrained.flop",
        "sevilla2024can.on_trend_run.2030",
        "Both extrapolate the frontier trend from today's record without ceilings; theirs at about 4x a "
        "year from Llama 3.1 405B, ours the trend plus record offset of the last eight years (the "
        "specification band and Epoch AI's data through our code are in the three-column table).",
    ),
]
"""The comparison table's rows: (our key number, published figure, why they differ)."""
