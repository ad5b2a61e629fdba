"""Timelines (chapter 6): the model.

Fits, draws and result tables; no charts, no prose.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import beta, binom

from analysis.science import forecasts, trends
from analysis.topics import chinchilla, compute_trends, data_wall, power

DRAWS = 2000


SEED = 20240820


LEVEL = 0.9


TARGET_YEAR = 2030.0


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


SECONDS_PER_MONTH = 30.44 * 24 * 3600


H100 = "nvidia_h100_sxm5"


H100_RELEASE_YEAR = 2022.7
"""The H100 SXM5's year of volume availability, to which the chip efficiency trend is applied."""


FRONTIER = compute_trends.model.Sample("Frontier (running top-10), all years", frontier="top10")


OPEN_FRONTIER = compute_trends.model.Sample(
    "Open-weight frontier (running top-10 among open-weight models), 2018 to date",
    frontier="top10",
    start=pd.Timestamp("2018-01-01"),
)


CEILINGS = ("power", "chips", "data", "latency")


Z_90 = 1.2815515655446004
"""The standard normal's 90th percentile: ``_80`` inputs put ``low`` and ``high`` at +-Z_90 sigma."""


def sample_constraints(inputs: pd.DataFrame, draws: int = DRAWS, seed: int = SEED) -> dict[str, np.ndarray]:
    """Seeded draws of every constraint input by its ``distribution`` (normal draws clipped above 0)."""
    rng = np.random.default_rng(seed)
    drawn = {}
    for key, row in inputs.iterrows():
        if row.distribution == "loguniform":
            drawn[key] = 10 ** rng.uniform(np.log10(row.low), np.log10(row.high), draws)
        elif row.distribution == "lognormal_80":
            centre, spread = np.log10(row.low * row.high) / 2, np.log10(row.high / row.low) / (2 * Z_90)
            drawn[key] = 10 ** rng.normal(centre, spread, draws)
        elif row.distribution == "normal_80":
            centre, spread = (row.low + row.high) / 2, (row.high - row.low) / (2 * Z_90)
            drawn[key] = np.clip(rng.normal(centre, spread, draws), row.low / 10, None)
        else:
            drawn[key] = rng.uniform(row.low, row.high, draws)
    return drawn


def frontier_runs(models: pd.DataFrame, cutoff: float | None = None) -> pd.DataFrame:
    """Frontier runs of the trailing ``WINDOW_YEARS`` before ``cutoff`` (default: all data)."""
    rows = FRONTIER.select(models, **compute_trends.model.OURS)
    years = trends.decimal_year(rows.publication_date)
    end = years.max() if cutoff is None else cutoff
    return rows[(years >= end - WINDOW_YEARS) & (years < end + (1e-9 if cutoff is None else 0))]


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
    """The same projection from past cutoffs, scored on the largest run 2 and 4 years later."""
    frontier = FRONTIER.select(models, **compute_trends.model.OURS)
    years = trends.decimal_year(frontier.publication_date)
    tables = []
    for horizon in BACKTEST_HORIZONS:
        cutoffs = [cutoff for cutoff in CUTOFFS if cutoff + horizon <= years.max()]
        rows = frontier[years >= min(cutoffs) - WINDOW_YEARS]
        table = forecasts.backtest_largest(
            rows.publication_date,
            _as_draws(rows.training_compute_flop, draws),
            rows.model,
            cutoffs,
            horizon,
            SEED,
            LEVEL,
            widen,
            METHOD,
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


def flop_per_joule_2030(hardware: pd.DataFrame, power_inputs: pd.DataFrame, efficiency, draws: int = DRAWS):
    """Draws of training FLOP per joule drawn from the grid in 2030 (16-bit, before FP8).

    The H100's dense 16-bit peak over its TDP x server overhead x PUE (the power chapter's inputs),
    improved at the chip-efficiency trend's drawn rate from the H100's year to 2030.
    """
    factors = power.model.sample_inputs(power_inputs, draws, SEED)
    h100 = hardware.loc[H100]
    per_watt = h100.fp16_bf16_flop_per_s / (h100.tdp_w * factors["server_overhead_gpu"] * factors["pue"])
    rng = np.random.default_rng(SEED + 2)
    spread = (efficiency.ci_high - efficiency.ci_low) / (2 * 1.645)
    slope = rng.normal(efficiency.slope, spread, draws)
    return per_watt * 10 ** (slope * (TARGET_YEAR - H100_RELEASE_YEAR))


def data_ceiling(stock_tokens: np.ndarray, multimodal: np.ndarray) -> np.ndarray:
    """Training FLOP whose compute-optimal dataset (Chinchilla chapter's law) is the whole stock."""
    law = chinchilla.model.fitted_law()
    _, exponent = law.allocation_exponents()
    tokens_at_1e20 = np.log10(law.optimal_allocation(1e20)[1])
    return 10 ** (20.0 + (np.log10(stock_tokens * multimodal) - tokens_at_1e20) / exponent)


@dataclass
class Ceilings:
    """Draws of the largest run each constraint allows in 2030 (FLOP) and the feasible minimum."""

    draws: pd.DataFrame

    @property
    def feasible(self) -> np.ndarray:
        return self.draws[list(CEILINGS)].min(axis=1).to_numpy()

    @property
    def binding_share(self) -> pd.Series:
        """Share of draws in which each constraint is the lowest."""
        binding = self.draws[list(CEILINGS)].idxmin(axis=1)
        return binding.value_counts(normalize=True).reindex(list(CEILINGS), fill_value=0.0)


def ceilings_2030(
    inputs: dict[str, np.ndarray],
    flop_per_joule: np.ndarray,
    h100_flop_per_s: float,
    stock_tokens: np.ndarray,
) -> Ceilings:
    """The four 2030 ceilings from drawn inputs: power, chips, data, latency (FLOP)."""
    seconds = inputs["run_duration_months"] * SECONDS_PER_MONTH
    useful = inputs["utilisation_2030"] * seconds * inputs["fp8_gain"]
    power_flop = inputs["power_single_campus_gw"] * 1e9 * flop_per_joule * useful
    chip_flop = inputs["h100e_for_largest_run_2030"] * h100_flop_per_s * useful
    return Ceilings(
        pd.DataFrame(
            {
                "power": power_flop,
                "chips": chip_flop,
                "data": data_ceiling(stock_tokens, inputs["multimodal_data_factor"]),
                "latency": inputs["latency_wall_flop"],
            }
        )
    )


def halving_draws(published: pd.DataFrame, draws: int = DRAWS) -> np.ndarray:
    """Algorithmic compute-halving time (months): Ho et al.'s published estimate as a lognormal.

    The algorithmic-progress chapter's own interval is too wide to inform (its review says not to
    export it as a headline yet), so the effective-compute multiple uses the published one.
    """
    figure = published.loc["ho2024.halving_time.lm"]
    z = 1.959964 if figure.ci_level == 0.95 else 1.644854
    sigma = (np.log(figure.ci_high) - np.log(figure.ci_low)) / (2 * z)
    return np.exp(np.random.default_rng(SEED + 3).normal(np.log(figure.value), sigma, draws))


def compute_spread(models: pd.DataFrame, rows: pd.DataFrame, growth: trends.UncertainGrowth) -> np.ndarray:
    """log10 distance below the frontier trend of every notable model since the window start."""
    notable = models[
        models.training_compute_flop.notna() & (models.publication_date >= rows.publication_date.min())
    ]
    years = trends.decimal_year(notable.publication_date)
    return np.log10(notable.training_compute_flop.to_numpy()) - growth.fit.predict(years)


def model_counts(models: pd.DataFrame, rows, growth, thresholds=COUNT_THRESHOLDS, years=COUNT_YEARS):
    """Expected cumulative number of models above each threshold by the end of each year.

    Models per year follow the log-linear trend of our notable models' yearly counts; each model's
    compute is the frontier trend at its date plus a distance drawn from ``compute_spread``
    (bootstrap of both, ``DRAWS`` draws). Counts before the data end are observed, not modelled.
    """
    rng = np.random.default_rng(SEED + 4)
    spread = compute_spread(models, rows, growth)
    dated = models[models.training_compute_flop.notna()]
    per_year = dated.groupby(dated.publication_date.dt.year).size()
    fit_years = per_year.loc[2016 : int(per_year.index.max()) - 1]
    count_fit = np.polyfit(fit_years.index.to_numpy(float), np.log10(fit_years.to_numpy(float)), 1)
    last = float(trends.decimal_year([dated.publication_date.max()])[0])
    out = []
    for threshold in thresholds:
        above = dated.training_compute_flop >= threshold
        totals = np.full(DRAWS, float(above.sum()))
        month = last
        for year in years:
            if year + 1 <= last:
                count = float((above & (dated.publication_date.dt.year <= year)).sum())
                out.append(
                    {
                        "threshold": threshold,
                        "year": year,
                        "median": count,
                        "low": count,
                        "high": count,
                        "observed": True,
                    }
                )
                continue
            while month < year + 1:
                rate = 10 ** np.polyval(count_fit, month) / 12
                shares = (
                    growth.log_value(month)[:, None] + rng.choice(spread, (DRAWS, 100)) >= np.log10(threshold)
                ).mean(axis=1)
                totals += rng.poisson(rate * shares)
                month += 1 / 12
            low, median, high = np.quantile(totals, [(1 - LEVEL) / 2, 0.5, (1 + LEVEL) / 2])
            out.append(
                {
                    "threshold": threshold,
                    "year": year,
                    "median": median,
                    "low": low,
                    "high": high,
                    "observed": False,
                }
            )
    return pd.DataFrame(out)


def open_model_projection(models: pd.DataFrame) -> dict:
    """Growth of the open-weight frontier and the year its largest model passes 1e26 FLOP."""
    rows = OPEN_FRONTIER.select(models[models.open_weights], **compute_trends.model.OURS)
    values = _as_draws(rows.training_compute_flop)
    growth = trends.fit_growth_with_draws(rows.publication_date, values, SEED, LEVEL)
    crossing = forecasts.first_year_above(rows.publication_date, values, growth, 1e26, method=METHOD)
    return {"open_growth": growth, "open_1e26": crossing}


@dataclass
class Timelines:
    """Everything the chapter reports."""

    runs: pd.DataFrame
    growth: trends.UncertainGrowth
    paths: dict[str, np.ndarray]
    widening: float
    backtest_raw: pd.DataFrame
    backtest: pd.DataFrame
    ceilings: Ceilings
    inputs: dict[str, np.ndarray]
    halving: np.ndarray
    gpt4_flop: float
    gpt4_year: float
    thresholds: dict[float, np.ndarray]
    counts: pd.DataFrame
    open_growth: trends.UncertainGrowth
    open_1e26: np.ndarray

    def largest(self, year: float) -> np.ndarray:
        """Draws of the largest run in ``year`` (FLOP), widened by the calibration rule."""
        index = int(np.argmin(np.abs(HORIZON_YEARS - year)))
        return forecasts.widened(self.paths[METHOD][index : index + 1], self.widening)[0]

    @property
    def effective_multiple_2030(self) -> np.ndarray:
        """Draws of the largest 2030 run's effective compute as a multiple of GPT-4's training compute."""
        gain = 2 ** (12 * (TARGET_YEAR - self.gpt4_year) / self.halving)
        return self.largest(TARGET_YEAR) * gain / self.gpt4_flop


def analyse(
    models: pd.DataFrame,
    hardware: pd.DataFrame,
    power_inputs: pd.DataFrame,
    constraint_inputs: pd.DataFrame,
    stock_inputs: pd.DataFrame,
    epoch_hardware: pd.DataFrame,
    published: pd.DataFrame,
) -> Timelines:
    """Run the chapter's analysis."""
    runs, growth, paths = projection(models)
    widening, raw, backtest = calibrate(models)
    inputs = sample_constraints(constraint_inputs)
    efficiency = power.model.efficiency_fits(epoch_hardware)["tensor_16bit"]
    stock = data_wall.model.sample_stock(stock_inputs, DRAWS)
    ceilings = ceilings_2030(
        inputs,
        flop_per_joule_2030(hardware, power_inputs, efficiency),
        hardware.fp16_bf16_flop_per_s[H100],
        10 ** stock.log_effective(TARGET_YEAR)[:, 0],
    )
    values = _as_draws(runs.training_compute_flop)
    return Timelines(
        runs=runs,
        growth=growth,
        paths=paths,
        widening=widening,
        backtest_raw=raw,
        backtest=backtest,
        ceilings=ceilings,
        inputs=inputs,
        halving=halving_draws(published),
        gpt4_flop=float(models.training_compute_flop[GPT4]),
        gpt4_year=float(trends.decimal_year([models.publication_date[GPT4]])[0]),
        thresholds=forecasts.first_years_above(
            runs.publication_date, values, growth, THRESHOLDS, method=METHOD
        ),
        counts=model_counts(models, runs, growth),
        **open_model_projection(models),
    )


def fan_frame(result: Timelines) -> pd.DataFrame:
    """Median and 90% band of the largest run by year: the widened headline and its two parts."""
    draws = {
        "headline (trend plus record offset, widened)": forecasts.widened(
            result.paths[METHOD], result.widening
        ),
        "record carried forward": result.paths["record"],
        "trend line": result.paths["trend"],
    }
    return forecasts.projection_quantiles(HORIZON_YEARS, draws, "flop")


def ceiling_frame(result: Timelines, published: pd.DataFrame) -> pd.DataFrame:
    """Each 2030 ceiling's median and 90% interval, the feasible run and the unconstrained one."""
    rows = []
    draws = result.ceilings.draws
    named = {
        "power": "Power (one campus)",
        "chips": "Chip supply",
        "data": "Data (text stock)",
        "latency": "Latency wall",
    }
    for key, label in named.items():
        median, low, high = trends.median_interval(draws[key].to_numpy(), LEVEL)
        rows.append({"estimate": label, "flop": median, "low": low, "high": high, "source": "this report"})
    for label, values in (
        ("Feasible (lowest ceiling)", result.ceilings.feasible),
        ("Unconstrained trend", result.largest(TARGET_YEAR)),
    ):
        median, low, high = trends.median_interval(values, LEVEL)
        rows.append({"estimate": label, "flop": median, "low": low, "high": high, "source": "this report"})
    figure = published.loc["sevilla2024can.feasible_run.2030"]
    rows.append(
        {
            "estimate": "Sevilla et al. (2024), feasible",
            "flop": figure.value,
            "low": np.nan,
            "high": np.nan,
            "source": "published",
        }
    )
    return pd.DataFrame(rows)


def threshold_frame(result: Timelines) -> pd.DataFrame:
    """Median and 90% interval of the year each threshold is first crossed."""
    rows = []
    for threshold, years in result.thresholds.items():
        median, low, high = trends.median_interval(years, LEVEL)
        rows.append(
            {
                "threshold": f"1e{int(round(np.log10(threshold)))} FLOP",
                "year": median,
                "low": low,
                "high": high,
                "source": "this report",
            }
        )
    return pd.DataFrame(rows)


def interactive_constants(result: Timelines) -> dict[str, float]:
    """Medians the interactive chart holds fixed, and the sliders' starting values."""
    inputs, draws = result.inputs, result.ceilings.draws
    per_gw = draws["power"] / (inputs["power_single_campus_gw"])
    per_share = draws["chips"] / np.median(inputs["chip_share_one_run"])
    start_year = float(HORIZON_YEARS[0])
    return {
        "start_year": start_year,
        "start_flop": float(np.median(result.largest(start_year))),
        "flop_per_gw": float(np.median(per_gw)),
        "flop_per_share": float(np.median(per_share)),
        "data_flop": float(np.median(draws["data"])),
        "latency_flop": float(np.median(draws["latency"])),
        "growth": round(float(result.growth.fit.factor), 1),
        "halving": round(float(np.median(result.halving)), 1),
        "power_gw": round(float(np.median(inputs["power_single_campus_gw"])), 1),
        "chip_share": round(float(np.median(inputs["chip_share_one_run"])), 2),
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
        "timelines.feasible_run_2030.flop",
        "sevilla2024can.feasible_run.2030",
        "Same four constraints; our power ceiling uses the power chapter's overheads and chip-efficiency "
        "trend and our own data stock and allocation, and we take the minimum draw by draw.",
    ),
]
"""The comparison table's rows: (our key number, published figure, why they differ)."""
