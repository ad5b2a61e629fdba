"""Power and cost (chapter 5): growth, decomposition and projection of frontier runs.

Growth of power (W) and cost (nominal USD) across runs as x/yr, the split of
compute growth into power, efficiency, precision, duration and utilisation
(OOM/yr), projections of the largest run's power (W) and the first
billion-dollar run (decimal year), and the chapter's assembled result
(``analyse``). Per-run estimates come from ``model``.
"""

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.science import forecasts, trends
from analysis.topics import compute_trends
from analysis.topics.power import comparison, projection
from analysis.topics.power.model import (
    DRAWS,
    LEVEL,
    SECONDS_PER_HOUR,
    SEED,
    Runs,
    duration_prior,
    efficiency_fits,
    estimate_runs,
    held_out_chip_hours,
    impute_clusters,
    leave_one_out,
    metered_check,
    with_fallbacks,
)

FRONTIER = compute_trends.model.Sample("Frontier (running top-10), 2010 to date", frontier="top10")
"""The runs this chapter follows: Emberson & Rahman's frontier definition on our data."""


PUBLISHED_WINDOW_END = pd.Timestamp("2024-09-19")
"""Emberson & Rahman's data insight is dated 2024-09-19: like windows end there."""


PROJECTION_YEARS = (2028.0, 2030.0)
"""Years (decimal) at which the largest run's power (W) is projected."""


BILLION_USD = 1e9
"""The cost (nominal USD) whose first crossing by the largest run is projected."""


def power_growth(runs: Runs, end: pd.Timestamp | None = None) -> trends.UncertainGrowth:
    """Growth of frontier-run power (x/yr), runs up to ``end``; interval holds sampling and per-run error."""
    keep = (runs.table.publication_date <= end).to_numpy() if end is not None else slice(None)
    return trends.fit_growth_with_draws(runs.table.publication_date[keep], runs.power[keep], SEED, LEVEL)


def cost_growth(runs: Runs, end: pd.Timestamp | None = None) -> trends.UncertainGrowth:
    """Growth of the amortised cost of frontier runs (x/yr), runs with a hardware price, up to ``end``."""
    keep = runs.table.cost_usd.notna().to_numpy()
    if end is not None:
        keep &= (runs.table.publication_date <= end).to_numpy()
    return trends.fit_growth_with_draws(runs.table.publication_date[keep], runs.cost[keep], SEED, LEVEL)


def epoch_frontier(epoch: pd.DataFrame, column: str, sample: compute_trends.model.Sample) -> pd.DataFrame:
    """Epoch AI's runs in ``sample`` (our running top-10 rule on their compute) with a value in ``column``.

    The sample ranks their whole history first and windows after, as it does ours.
    """
    rows = sample.select(epoch, **compute_trends.model.EPOCH)
    return rows[pd.to_numeric(rows[column], errors="coerce") > 0]


def epoch_growth(
    epoch: pd.DataFrame, column: str, sample: compute_trends.model.Sample, standard_error: bool = False
) -> trends.GrowthFit:
    """Growth of Epoch AI's own estimates in ``column`` (power or cost) through our fit (bootstrap
    interval, or with ``standard_error`` the OLS interval their data insights print)."""
    rows = epoch_frontier(epoch, column, sample)
    return trends.fit_growth(
        rows["Publication date"],
        pd.to_numeric(rows[column]),
        level=LEVEL,
        seed=SEED,
        standard_error=standard_error,
    )


DECOMPOSITION_TERMS = {
    "power": "Power drawn (W)",
    "efficiency_fp32": "Chip efficiency at FP32 (FLOP/s per W of TDP)",
    "precision": "Precision shift (peak at training precision / FP32 peak)",
    "duration": "Training time (hours)",
    "utilisation": "Utilisation (compute / (chips x peak x time))",
}
"""log10 compute = the sum of these terms' log10 plus constants (overhead, PUE, seconds per hour)."""


def decomposition_terms(runs: Runs) -> pd.DataFrame:
    """Per run, log10 of each term (NaN where a run lacks what it needs); medians of drawn terms."""
    table = runs.table
    fp32 = table.fp32_flop_per_s
    hours = table.training_time_hours.where(table.chip_hours_basis == "reported")
    utilisation = table.training_compute_flop / (
        table.chips * table.peak_flop_per_s * hours * SECONDS_PER_HOUR
    )
    return pd.DataFrame(
        {
            "compute": np.log10(table.training_compute_flop),
            "power": np.log10(table.power_w),
            "efficiency_fp32": np.log10(fp32 / table.tdp_w),
            "precision": np.log10(table.peak_flop_per_s / fp32),
            "duration": np.log10(hours),
            "utilisation": np.log10(utilisation),
        }
    )


@dataclass
class Decomposition:
    """Slopes (OOM/yr) of compute and of each term, fitted on the runs where each is known."""

    table: pd.DataFrame
    compute_minus_power: tuple[float, float, float]


def decompose(runs: Runs, resamples: int = DRAWS, seed: int = SEED) -> Decomposition:
    """Split frontier compute growth into power, efficiency, precision, duration and utilisation.

    Each term's slope is OLS of its log10 on date over the runs that have it; the residual is
    compute's slope minus the sum of the terms' (zero when every run has every term). Intervals:
    ``LEVEL`` percentiles of ``resamples`` joint bootstrap resamples of runs.
    """
    terms = decomposition_terms(runs)
    years = trends.decimal_year(runs.table.publication_date)
    values = terms.to_numpy().T
    point = trends.masked_slopes(years[None, :], values)
    rows = np.random.default_rng(seed).integers(0, len(years), size=(resamples, len(years)))
    drawn = np.stack([trends.masked_slopes(years[rows], column[rows]) for column in values], axis=1)
    names = list(terms.columns)
    residual_point = point[0] - point[1:].sum()
    residual_draws = drawn[:, 0] - np.nansum(drawn[:, 1:], axis=1)
    records = []
    for index, name in enumerate(names):
        low, high = trends.percentile_interval(drawn[:, index][~np.isnan(drawn[:, index])], LEVEL)
        records.append(
            {
                "term": "Training compute (FLOP)" if name == "compute" else DECOMPOSITION_TERMS[name],
                "key": name,
                "OOM/yr": point[index],
                "low": low,
                "high": high,
                "runs": int(terms[name].notna().sum()),
            }
        )
    low, high = trends.percentile_interval(residual_draws, LEVEL)
    records.append(
        {
            "term": "Residual (compute minus the terms)",
            "key": "residual",
            "OOM/yr": residual_point,
            "low": low,
            "high": high,
            "runs": len(terms),
        }
    )
    gap_draws = drawn[:, 0] - drawn[:, 1]
    low, high = trends.percentile_interval(gap_draws, LEVEL)
    return Decomposition(pd.DataFrame(records), (float(point[0] - point[1]), low, high))


def largest_campus_by_year(timelines: pd.DataFrame, years=range(2024, 2031)) -> pd.DataFrame:
    """Facility power of the largest single data-centre site at the end of each year (Epoch AI's file).

    A site's power at a date is its latest milestone on or before it; later milestones are plans.
    """
    rows = []
    for year in years:
        end = pd.Timestamp(f"{year}-12-31")
        latest = timelines[timelines.Date <= end].sort_values("Date").groupby("Data center").tail(1)
        top = latest.loc[latest["Power (MW)"].idxmax()]
        rows.append({"year": year, "site": top["Data center"], "power_w": top["Power (MW)"] * 1e6})
    return pd.DataFrame(rows)


def installed_ai_power(chips: pd.DataFrame) -> pd.Series:
    """Power of all AI chips shipped since 2022 (Nvidia, TPU, AMD, Trainium) at the latest quarter all
    four vendors report, in W: median and the sum of the vendors' 5th and 95th percentiles."""
    common = chips.groupby("vendor").end.max().min()
    at = chips[chips.end == common]
    return pd.Series(
        {
            "date": common,
            "median_w": at["Power in MW (median)"].sum() * 1e6,
            "low_w": at["Power in MW (5th percentile)"].sum() * 1e6,
            "high_w": at["Power in MW (95th percentile)"].sum() * 1e6,
        }
    )


def grid_references(countries: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    """Average electricity demand (annual energy / 8,760 h, in W) of the US, world and two US states."""
    year = int(countries.year.max())
    rows = []
    for name in ("United States", "World"):
        match = countries[(countries.country_or_region == name) & (countries.year == year)]
        if len(match):
            rows.append({"name": name, "year": year, "power_w": match.demand_twh.iloc[0] * 1e12 / 8760})
    state_year = int(states.year.max())
    for state in ("Virginia", "Texas"):
        match = states[(states.state == state) & (states.year == state_year)]
        if len(match):
            rows.append({"name": state, "year": state_year, "power_w": match.demand_gwh.iloc[0] * 1e9 / 8760})
    return pd.DataFrame(rows)


@dataclass
class PowerAndCost:
    """Everything the chapter reports."""

    runs: Runs
    with_imputed: Runs
    hardware: pd.DataFrame
    inputs: pd.DataFrame
    growth: trends.UncertainGrowth
    growth_window: trends.UncertainGrowth
    epoch_power_window: trends.GrowthFit
    epoch_power_window_se: trends.GrowthFit
    cost: trends.UncertainGrowth
    cost_window: trends.GrowthFit
    epoch_cost_window: trends.GrowthFit
    vendor_only: trends.UncertainGrowth
    decomposition: Decomposition
    efficiency: dict
    power_projection: dict[str, np.ndarray]
    largest_power: pd.Series
    largest_cost: pd.Series
    billion_year: np.ndarray
    component_rates: projection.ComponentRates
    components_projection: np.ndarray
    backtest: pd.DataFrame
    backtest_summary: pd.DataFrame
    campuses: pd.DataFrame
    installed: pd.Series
    grids: pd.DataFrame
    metered: pd.DataFrame
    metered_loo: pd.DataFrame
    held_out: pd.DataFrame
    cost_against_epoch: pd.DataFrame
    cost_gap_terms: dict
    cost_gap_draws: pd.DataFrame
    cost_gap_runs: dict


COST_WINDOW_START = pd.Timestamp("2016-01-01")


COST_WINDOW_END = pd.Timestamp("2023-12-31")
"""Cottier et al. fit frontier runs from 2016 to the end of 2023."""

COST_WINDOW = dataclasses.replace(
    FRONTIER, name="Frontier (running top-10), 2016 to 2023", start=COST_WINDOW_START, end=COST_WINDOW_END
)
"""Cottier et al.'s window on the frontier: ranked over the whole history (from 2010), then windowed."""

POWER_WINDOW = dataclasses.replace(
    FRONTIER, name="Frontier (running top-10), 2010 to Sep 2024", end=PUBLISHED_WINDOW_END
)
"""The frontier up to the end of Emberson and Rahman's data."""


FAN_YEARS = np.arange(2025.0, 2030.0 + 1e-9, 0.25)


def analyse(
    models: pd.DataFrame,
    hardware: pd.DataFrame,
    inputs: pd.DataFrame,
    epoch: pd.DataFrame,
    epoch_hardware: pd.DataFrame,
    prices: pd.DataFrame,
    timelines: pd.DataFrame,
    chips: pd.DataFrame,
    countries: pd.DataFrame,
    states: pd.DataFrame,
    metered: pd.DataFrame,
) -> PowerAndCost:
    """Run the chapter's analysis on our runs and the third-party inputs."""
    filled = with_fallbacks(hardware, epoch_hardware)
    frontier = FRONTIER.select(models, **compute_trends.model.OURS)
    prior_hours = duration_prior(frontier)
    disclosed = estimate_runs(frontier, filled, inputs, prices, prior_hours)
    imputed = impute_clusters(
        frontier, frontier[~frontier.model.isin(disclosed.excluded.model)], disclosed.excluded, filled
    )
    # Imputed runs come after the disclosed ones, so the disclosed runs keep their draws.
    with_imputed = estimate_runs(
        pd.concat([frontier, imputed], ignore_index=True), filled, inputs, prices, prior_hours
    )
    runs = with_imputed.subset(~with_imputed.table.imputed.to_numpy())
    estimated = with_imputed.table.model[with_imputed.table.imputed]
    runs.excluded = disclosed.excluded.assign(imputed=disclosed.excluded.model.isin(estimated))
    growth = power_growth(runs)
    vendor = (runs.table.figures_from == "vendor").to_numpy()
    vendor_runs = Runs(runs.table[vendor], runs.power[vendor], None, None, None, None)
    cost = cost_growth(runs)
    record, power_projection = forecasts.largest_run_projection(
        runs.table.publication_date, runs.power, growth, [*PROJECTION_YEARS]
    )
    priced = runs.table.cost_usd.notna().to_numpy()
    costly = int(np.nanargmax(np.where(priced, runs.table.cost_usd, np.nan)))
    dates = runs.table.publication_date
    window = dates.between(COST_WINDOW.start, COST_WINDOW.end).to_numpy() & priced  # ranked before windowing
    against = comparison.cost_against_epoch(runs, models, epoch, (COST_WINDOW.start, COST_WINDOW.end))
    theirs = epoch_frontier(epoch, comparison.EPOCH_COST, COST_WINDOW)
    theirs = pd.DataFrame(
        {
            "publication_date": theirs["Publication date"],
            "epoch_usd": pd.to_numeric(theirs[comparison.EPOCH_COST]),
        }
    )
    gap_terms, gap_runs = comparison.gap_terms(against, theirs)
    metered_table = metered_check(models, filled, inputs, prices, metered, prior_hours)
    rates = projection.component_rates(frontier, runs)
    backtest = projection.backtest(runs, frontier, projection.backtest_cutoffs(runs))
    return PowerAndCost(
        runs=runs,
        with_imputed=with_imputed,
        hardware=filled,
        inputs=inputs,
        growth=growth,
        growth_window=power_growth(runs, PUBLISHED_WINDOW_END),
        epoch_power_window=epoch_growth(epoch, "Training power draw (W)", POWER_WINDOW),
        epoch_power_window_se=epoch_growth(
            epoch, "Training power draw (W)", POWER_WINDOW, standard_error=True
        ),
        cost=cost,
        cost_window=trends.fit_growth_with_draws(
            runs.table.publication_date[window], runs.cost[window], SEED, LEVEL
        ).fit,
        epoch_cost_window=epoch_growth(epoch, "Training compute cost (2023 USD)", COST_WINDOW),
        vendor_only=power_growth(vendor_runs),
        decomposition=decompose(runs),
        efficiency=efficiency_fits(epoch_hardware),
        power_projection=power_projection,
        largest_power=runs.table.iloc[int(record["index"])],
        largest_cost=runs.table.iloc[costly],
        billion_year=forecasts.first_year_above(
            runs.table.publication_date[priced],
            runs.cost[priced],
            cost,
            BILLION_USD,
            method=forecasts.LARGEST_RUN_METHOD,
            drop_crossed=True,
        ),
        component_rates=rates,
        components_projection=projection.components_projection(runs, rates, [*PROJECTION_YEARS]),
        backtest=backtest,
        backtest_summary=projection.backtest_summary(backtest),
        campuses=largest_campus_by_year(timelines),
        installed=installed_ai_power(chips),
        grids=grid_references(countries, states),
        metered=metered_table,
        metered_loo=leave_one_out(metered_table),
        held_out=held_out_chip_hours(models, filled, inputs),
        cost_against_epoch=against,
        cost_gap_terms=gap_terms,
        cost_gap_draws=comparison.gap_term_draws(against, theirs, DRAWS, SEED),
        cost_gap_runs=gap_runs,
    )


def projection_frame(result: PowerAndCost, joint=None) -> pd.DataFrame:
    """The largest run's power by year to 2030 (median and 90% band of each projection): this chapter's
    paths and, given the joint simulation (``joint``), its constrained and unconstrained runs."""
    years = FAN_YEARS
    table = result.runs.table
    _, draws = forecasts.largest_run_projection(
        table.publication_date, result.runs.power, result.growth, years
    )
    labels = {
        forecasts.LARGEST_RUN_METHOD: "power trend plus record offset (this chapter)",
        "record": "record carried forward",
        "trend": "trend line",
    }
    paths = {label: draws[key] for key, label in labels.items()}
    paths["Epoch AI and EPRI's components"] = projection.components_projection(
        result.runs, result.component_rates, years
    )
    if joint is not None:
        for kind in ("constrained", "unconstrained"):
            power = joint.power_w(joint.path(kind))
            paths[f"joint simulation, {kind}"] = np.stack([joint.at(power, year) for year in years])
    return forecasts.projection_quantiles(years, paths, "power_w")


def chip_share(result: PowerAndCost) -> float:
    """The chips' own TDP as a share of the grid power of the largest run (the rest is server overhead
    and PUE): converts a run's grid power to chip power, the basis of Epoch AI's installed-chip file."""
    row = result.largest_power
    return float(row.chips * row.tdp_w / row.power_w)


def reference_frame(result: PowerAndCost, references: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """Horizontal references for the fan chart: grids, campuses, installed AI chips, Epoch/EPRI's range;
    ``label`` is the short name written on the chart, ``reference`` the full one in its tooltip."""
    grids = result.grids.set_index("name")
    campus_2030 = result.campuses.iloc[-1]
    rows = [
        ("Virginia grid", "Virginia, average demand", grids.power_w["Virginia"]),
        (
            "Largest campus, 2030",
            f"Largest planned campus, end of 2030 ({campus_2030.site})",
            campus_2030.power_w,
        ),
        (
            "All AI chips, 2025",
            "All AI chips shipped since 2022 (end of 2025), with server overhead and PUE",
            result.installed.median_w / chip_share(result),
        ),
        ("Grand Coulee Dam", "Grand Coulee Dam (nameplate)", references.power_w["grand_coulee"]),
        (
            "Epoch/EPRI 2030, low",
            "Epoch AI and EPRI 2030, low end",
            published.value["epoch_epri2025.largest_run_power.2030_low"],
        ),
        (
            "Epoch/EPRI 2030, high",
            "Epoch AI and EPRI 2030, high end",
            published.value["epoch_epri2025.largest_run_power.2030_high"],
        ),
    ]
    return pd.DataFrame(rows, columns=["label", "reference", "power_w"])


COMPARISON_PAIRS = [
    (
        "power.growth.frontier_to_sep2024",
        "emberson2024.power_growth.frontier",
        "Same definition and window; the Growth section splits the gap into interval method, vintage and "
        "our per-run estimates, and the three-column table shows Epoch's estimates through our code.",
    ),
    (
        "power.largest_run.w",
        "epoch_epri2025.largest_run_power.current",
        "They say only that the largest runs now exceed 100 MW.",
    ),
    (
        "power.projection_2030.components.w",
        "epoch_epri2025.largest_run_power.2030",
        "Their construction on our data: compute growth minus the growth of FLOP per joule and of training "
        "time, from today's largest run with a disclosed cluster. Their centre is the geometric middle of "
        "their printed range. (Our power-trend path is a different estimand, a check beside the joint "
        "simulation, so it is not paired here.)",
    ),
    (
        "power.efficiency_growth.gpus_2010_2024",
        "sevilla2024can.hardware_efficiency_growth",
        "Same measure, kind of chip and window on a newer copy of Epoch's table; their footnote points to an "
        "expanded notebook whose measure and precision are unstated, so the rest of the gap is unexplained.",
    ),
    (
        "power.decomposition.compute_minus_power",
        "emberson2024.offset.combined",
        "Theirs is a rounded summary ('roughly 2x per year') in x/yr; ours is in OOM/yr (log10 of the "
        "factor) on our runs.",
    ),
    (
        "cost.growth.frontier_2016_2023",
        "cottier2024.cost_growth.v2",
        "Same window and fit family; the per-run costs differ (see the three-column split under Cost).",
    ),
    (
        "cost.growth.epoch_data_2016_2023",
        "cottier2024.cost_growth.v2",
        "Their per-run estimates (current database) through our frontier rule and fit: method and vintage.",
    ),
    (
        "cost.first_billion_dollar_run.year",
        "cottier2024.billion_dollar_run_year",
        "Theirs extrapolates their cost trend from GPT-4; ours starts from the larger runs since, in our "
        "data.",
    ),
]
"""The comparison table's rows: (our key number, published figure, why they differ)."""


def three_columns(result: PowerAndCost, published: pd.DataFrame) -> pd.DataFrame:
    """Power and cost growth: ours; Epoch AI's own estimates through our fit (bootstrap interval, and
    for power also the standard-error interval the published figure uses); published."""
    rows = []
    for label, ours, theirs, theirs_se, figure in (
        (
            "Power, frontier runs 2010 to Sep 2024",
            result.growth_window.fit,
            result.epoch_power_window,
            result.epoch_power_window_se,
            "emberson2024.power_growth.frontier",
        ),
        (
            "Cost, frontier runs 2016-2023",
            result.cost_window,
            result.epoch_cost_window,
            None,
            "cottier2024.cost_growth.v2",
        ),
    ):
        row = published.loc[figure]
        rows.append(
            {
                "quantity": label,
                "ours": compute_trends.model.growth_cell(ours),
                "Epoch's estimates, our fit": compute_trends.model.growth_cell(theirs),
                "Epoch's estimates, our fit, standard-error interval": (
                    compute_trends.model.growth_cell(theirs_se)
                    if theirs_se
                    else "(published interval is a bootstrap)"
                ),
                "published": compute_trends.model.published_cell(row),
            }
        )
    return pd.DataFrame(rows)
