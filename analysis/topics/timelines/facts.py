"""Timelines (chapter 6): the prose facts.

Key-number registration, glued sentences and display tables.
"""

import numpy as np
import pandas as pd
from scipy.stats import beta

from analysis.science import forecasts, trends, units
from analysis.science.units import format_number
from analysis.topics.timelines.model import (
    CEILINGS,
    CUTOFFS,
    DRAWS,
    HALVING_FIGURE,
    HORIZON_YEARS,
    LEVEL,
    OPEN_FRONTIER,
    TARGET_YEAR,
    THRESHOLDS,
    WINDOW_YEARS,
    Timelines,
    _short,
    coverage,
    notable_trend,
)
from analysis.topics.timelines.simulation import SLOWDOWN_YEAR


def register_key_numbers(registry, result: Timelines) -> None:
    """The chapter's headlines."""
    projection_method = (
        f"Trend line of frontier runs of the trailing {WINDOW_YEARS:g} years ({DRAWS:,} bootstrap draws) "
        f"plus a record offset drawn from history, log spread widened x{result.widening:g} by the backtest "
        f"rule; median and {LEVEL:.0%} interval"
    )
    register_joint_2030(registry, result, projection_method)
    share = result.sim.binding_share["power"]
    binding = (result.sim.ceilings[list(CEILINGS)].idxmin(axis=1) == "power").to_numpy()
    low, high = beta.ppf([0.05, 0.95], binding.sum() + 0.5, (~binding).sum() + 0.5)
    registry.register(
        "timelines.binding_constraint.power_share",
        share,
        (min(low, share), max(high, share)),
        LEVEL,
        "dimensionless",
        "Share of draws in which power is the 2030 ceiling that binds first (constrained run)",
        "Share of Monte Carlo draws; Jeffreys interval for a share of that many draws "
        "(Monte Carlo error only, not a confidence interval for the world)",
        significant=2,
        interval_kind="Monte Carlo error range",
    )
    median, low, high = trends.median_interval(result.effective_multiple_2030("constrained"), LEVEL)
    registry.register(
        "timelines.effective_compute_2030.constrained.gpt4_multiple",
        median,
        (low, high),
        LEVEL,
        "x",
        "Effective compute of the largest 2030 run on the constrained path (physical x algorithmic gains "
        "since GPT-4) over GPT-4's training compute",
        "Constrained-run draws x 2^(months since GPT-4 / halving time), halving time drawn from Ho et al.'s "
        "published (NeurIPS 2024) 8 months, 90% CI 2-22, as a two-piece log-normal; pre-training "
        "perplexity gains of 2012-2023 extrapolated to 2030; median and 90% interval",
        significant=2,
    )
    registry.forecast(
        "timelines.effective_compute_2030.constrained.gpt4_multiple",
        "not_observable effective compute is not measured in any pinned data",
        "2030-12-31",
        tuple(np.quantile(result.effective_multiple_2030("constrained"), [0.25, 0.75])),
    )
    for kind, method in (
        (
            "unconstrained",
            "First month the largest-run projection (trend plus record offset) passes the threshold; draws "
            "crossing before the data's end, which no release did, are dropped; median and 90% interval of "
            "its draws (not widened)",
        ),
        (
            "constrained",
            "First quarter the joint simulation's constrained path (the smaller of the widened projection "
            "and the ceiling path) passes the threshold; median and 90% interval of its draws, never if not "
            "by 2035",
        ),
    ):
        for threshold in THRESHOLDS[1:]:
            median, low, high = trends.median_interval(result.thresholds[kind][threshold], LEVEL)
            exponent = int(round(np.log10(threshold)))
            registry.register(
                f"timelines.threshold_year.{kind}.1e{exponent}",
                median,
                (low, high),
                LEVEL,
                "year",
                f"Year the largest training run first exceeds 1e{exponent} FLOP ({kind} path)",
                method,
            )
            _forecast_crossing(
                registry,
                f"timelines.threshold_year.{kind}.1e{exponent}",
                f"first_above {threshold:g}",
                result.thresholds[kind][threshold],
            )
    counts = result.counts
    for start, published in (
        (2027, "cottier2025.count_1e26.start_2027"),
        (2030, "cottier2025.count_1e26.start_2030"),
    ):
        row = counts[(counts.threshold == 1e26) & (counts.year == start - 1)].iloc[0]
        registry.register(
            f"timelines.models_above_1e26.{start}",
            row["median"],
            (row.low, row.high),
            LEVEL,
            "dimensionless",
            f"Models in our data's population above 1e26 FLOP by the start of {start} "
            "(observed plus projected)",
            "Poisson draws of new notable models a month (log-linear count trend refitted on a Poisson "
            "resample of yearly counts per draw) whose compute is the notable models' own trend (bootstrap) "
            "plus a resampled residual; median and 90% interval",
            published=published,
            significant=2,
        )
        registry.forecast(
            f"timelines.models_above_1e26.{start}", "count_above 1e26", f"{start}-01-01", (row.q25, row.q75)
        )
    fit = result.open_growth.fit
    registry.register(
        "timelines.open_model_growth.frontier",
        fit.factor,
        fit.factor_interval,
        fit.level,
        "x/yr",
        f"Growth of training compute of the open-weight frontier ({OPEN_FRONTIER.name}); n = {fit.n}",
        fit.method,
        published="emberson2025.open_model_compute.growth",
        significant=2,
    )
    median, low, high = trends.median_interval(result.open_1e26, LEVEL)
    registry.register(
        "timelines.open_model_1e26.year",
        median,
        (low, high),
        LEVEL,
        "year",
        "Year the largest open-weight model first exceeds 1e26 FLOP",
        "First month the open-weight frontier's largest-run projection (trend plus record offset) passes "
        "1e26 FLOP; draws crossing before the data's end, which no open release did, are dropped; median "
        "and 90% interval of its draws",
        published="emberson2025.open_model_1e26.date",
    )
    _forecast_crossing(registry, "timelines.open_model_1e26.year", "first_above 1e26 open", result.open_1e26)
    table = coverage(result.backtest)
    row = table[table.level == 0.9].iloc[0]
    registry.register(
        "timelines.backtest.coverage_90",
        row.share,
        (row.low, row.high),
        LEVEL,
        "dimensionless",
        f"Share of {int(row.backtests)} backtests (cutoffs {', '.join(f'{c:g}' for c in CUTOFFS)}; 2 and 4 "
        "years ahead) whose realised record fell inside the widened 90% interval",
        "Share with a 90% Jeffreys interval",
        significant=2,
    )


PATH_DESCRIPTIONS = {
    "unconstrained": "if the frontier trend holds (no ceilings)",
    "constrained": "on the constrained path (the smaller of the trend and the ceiling path, draw by draw)",
}
"""How each registered 2030 number says which path it is on."""


def register_joint_2030(registry, result: Timelines, projection_method: str) -> None:
    """The largest 2030 run on both paths of the joint simulation: compute, and its power and cost."""
    sim = result.sim
    for kind, description in PATH_DESCRIPTIONS.items():
        run = sim.in_year(kind, TARGET_YEAR)
        method = (
            projection_method
            if kind == "unconstrained"
            else f"Per draw the smaller of the widened projection and a ceiling path from today's record to "
            f"the lowest of the 2030 ceilings ({', '.join(CEILINGS)}); {DRAWS:,} joint draws"
        )
        for unit_key, unit, values, what, significant in (
            ("flop", "FLOP", run["flop"], "Training compute", 2),
            ("power_w", "W", run["power_w"], "Grid power", 2),
            ("cost_usd", "USD", run["cost_usd"], "Amortised hardware and energy cost", 2),
        ):
            median, low, high = trends.median_interval(values, LEVEL)
            registry.register(
                f"timelines.largest_run_2030.{kind}.{unit_key}",
                median,
                (low, high),
                LEVEL,
                unit,
                f"{what} of the largest training run in 2030 {description}",
                method
                if unit_key == "flop"
                else f"{method}; compute / (run length x achieved FLOP per J)"
                if unit_key == "power_w"
                else f"{method}; compute / FLOP per USD (the power chapter's cost model on the H100, "
                "cheaper at the price-performance rate)",
                published={
                    ("constrained", "flop"): "sevilla2024can.feasible_run.2030",
                    ("unconstrained", "flop"): "sevilla2024can.on_trend_run.2030",
                }.get((kind, unit_key), ""),
                significant=significant,
                headline=kind == "constrained" and unit_key in ("flop", "power_w"),
            )
            registry.forecast(
                f"timelines.largest_run_2030.{kind}.{unit_key}",
                {
                    "flop": "largest_compute_at",
                    "cost_usd": "largest_cost_at",
                    "power_w": "not_observable no pinned data give new training runs' power",
                }[unit_key],
                f"{int(TARGET_YEAR)}-12-31",
                tuple(np.quantile(values, [0.25, 0.75])),
            )


def _flop(value: float) -> str:
    return format_number(value, 2)


def summary_facts(result: Timelines, published) -> dict:
    """The summary's numbers that are not key numbers."""
    share = result.sim.binding_share
    order = share.sort_values(ascending=False)
    sim = result.sim
    paths = {
        kind: {
            "gw": units.format_watts(float(np.median(sim.in_year(kind, TARGET_YEAR)["power_w"]))),
            "usd": units.format_usd(float(np.median(sim.in_year(kind, TARGET_YEAR)["cost_usd"]))),
        }
        for kind in PATH_DESCRIPTIONS
    }
    return {
        "summary_constrained_gw": paths["constrained"]["gw"],
        "summary_constrained_usd": paths["constrained"]["usd"],
        "summary_unconstrained_gw": paths["unconstrained"]["gw"],
        "summary_unconstrained_usd": paths["unconstrained"]["usd"],
        "summary_sevilla_feasible": format_number(published.value["sevilla2024can.feasible_run.2030"], 2),
        "summary_growth": result.growth.fit.text,
        "summary_window_start": str(result.runs.publication_date.min().date()),
        "summary_binding": order.index[0],
        "summary_second": order.index[1],
        "summary_second_share": f"{order.iloc[1]:.0%}",
        "summary_widening": format_number(result.widening, 2),
        "summary_raw_coverage": f"{coverage(result.backtest_raw).share.iloc[-1]:.0%}",
    }


def projection_facts(result: Timelines) -> dict:
    """Numbers of the projection section."""
    record = {}
    for key in ("record", "trend"):
        index = int(np.argmin(np.abs(HORIZON_YEARS - TARGET_YEAR)))
        record[key] = _flop(float(np.median(result.paths[key][index])))
    return {
        "n_runs": str(len(result.runs)),
        "record_2030": record["record"],
        "trend_2030": record["trend"],
        "largest_2035": _flop(float(np.median(result.largest(2035.0)))),
    }


def backtest_table(result: Timelines):
    """The widened backtests, cutoff and target year as decimal years (not rounded)."""
    table = result.backtest.copy()
    for column in ("cutoff", "target year", "horizon"):
        table[column] = table[column].map("{:g}".format)
    return table


def calibration_facts(result: Timelines) -> dict:
    """Numbers of the calibration section."""
    raw, wide = coverage(result.backtest_raw), coverage(result.backtest)
    misses = result.backtest[~result.backtest["inside mixture 90%"]]
    return {
        "raw_coverage_90": f"{raw.share[raw.level == 0.9].iloc[0]:.0%}",
        "raw_coverage_50": f"{raw.share[raw.level == 0.5].iloc[0]:.0%}",
        "raw_verdict": forecasts.calibration_verdict(
            int(raw.inside[raw.level == 0.9].iloc[0]), len(result.backtest_raw), 0.9
        ),
        "wide_coverage_80": f"{wide.share[wide.level == 0.8].iloc[0]:.0%}",
        "n_backtests": str(len(result.backtest)),
        "backtest_bias": format_number(10 ** float(result.backtest_raw["log10 error"].mean()), 2),
        "backtest_pit": format_number(float(result.backtest_raw.pit.mean()), 2),
        "calibration_outcome": (
            "no widening is called for"
            if result.widening == 1.0
            else (
                f"a widening of {format_number(result.widening, 2)} removes the shortfall"
                if not _short(result.backtest)
                else "even doubled, the intervals remain over-confident"
            )
        ),
        "misses": "; ".join(
            f"from {row.cutoff:g}, {row.horizon:g} years ahead ({row['record at cutoff']} then, "
            f"{row['realised record model']} by {row['target year']:g})"
            for _, row in misses.iterrows()
        )
        or "none",
    }


def ceiling_facts(result: Timelines) -> dict:
    """Numbers of the ceilings section."""
    share = result.sim.binding_share
    facts = {f"share_{key}": f"{value:.0%}" for key, value in share.items()}
    for key in [*CEILINGS, "power_single_campus", "power_distributed"]:
        median, low, high = trends.median_interval(result.sim.ceilings[key].to_numpy(), LEVEL)
        facts[f"ceiling_{key}"] = f"{_flop(median)} (90%: {_flop(low)}–{_flop(high)})"
    ceilings = result.sim.ceilings
    single = ceilings[[key for key in CEILINGS if key != "power"] + ["power_single_campus"]].min(axis=1)
    single_path = np.minimum(
        result.sim.at(result.sim.compute, TARGET_YEAR), np.maximum(single.to_numpy(), result.sim.record_flop)
    )
    facts["single_campus_run"] = _flop(float(np.median(single_path)))
    return facts


def halving_facts(published) -> dict:
    """Ho et al.'s published halving time as the page prints it."""
    figure = published.loc[HALVING_FIGURE]
    return {
        "halving_published": f"{format_number(figure.value, 2)} months, {figure.ci_level:.0%} CI "
        f"{format_number(figure.ci_low, 2)}–{format_number(figure.ci_high, 2)}"
    }


def correlation_facts(result: Timelines) -> dict:
    """The constrained 2030 median with the inputs correlated (as run) and drawn independently."""
    constrained = result.sim.at(result.sim.constrained, TARGET_YEAR)
    return {
        "correlated_2030": _flop(float(np.median(constrained))),
        "independent_2030": _flop(float(np.median(result.independent_2030))),
    }


DIVERTED_SHARE = 0.5
"""The scenario share of the power, chips and cluster budget that inference and RL roll-outs take away
from the largest pre-training run (an illustration, not an estimate)."""


def three_columns(result: Timelines, band, published) -> pd.DataFrame:
    """The unconstrained 2030 run: ours (the default specification, widened), the same method on Epoch
    AI's data, and Sevilla et al.'s on-trend projection."""
    sim = result.sim
    median, low, high = trends.median_interval(sim.at(sim.compute, TARGET_YEAR), LEVEL)
    epoch = band[band.specification.str.startswith("Epoch")].iloc[0]
    figure = published.loc["sevilla2024can.on_trend_run.2030"]
    return pd.DataFrame(
        [
            {
                "quantity": "Largest run in 2030 if the trend holds (FLOP)",
                "ours": f"{_flop(median)} (90% CI {_flop(low)}–{_flop(high)})",
                "Epoch AI's data, our code": (
                    f"{_flop(epoch['2030 median (FLOP)'])} (90% CI {_flop(epoch['90% low'])}–"
                    f"{_flop(epoch['90% high'])})"
                ),
                "published (Sevilla et al.)": f"{_flop(figure.value)} ({figure.uncertainty})",
            }
        ]
    )


def band_summary_facts(band) -> dict:
    """The summary's view of the specification band: its range and the figure on Epoch AI's data."""
    ours = ~band.specification.str.startswith("Epoch")
    medians = band["2030 median (FLOP)"][ours]
    epoch = band.loc[~ours, "2030 median (FLOP)"].iloc[0]
    return {
        "summary_band": f"{_flop(float(medians.min()))}–{_flop(float(medians.max()))}",
        "summary_epoch_data_2030": _flop(float(epoch)),
    }


def band_facts(result: Timelines, band) -> dict:
    """Numbers of the specification band, and where the constrained run lies against it."""
    sim = result.sim
    medians = band["2030 median (FLOP)"]
    default = medians.iloc[0]
    rank = int((medians > default).sum()) + 1
    constrained = float(np.median(sim.at(sim.constrained, TARGET_YEAR)))
    below = int((medians > constrained).sum())
    return {
        "band_verdict": (
            "its median lies below every specification's"
            if below == len(band)
            else f"its median lies below {below} of the {len(band)} specifications' medians"
        ),
        "band_low": _flop(float(medians.min())),
        "band_high": _flop(float(medians.max())),
        "band_n": str(len(band)),
        "band_rank": f"{rank} of {len(band)} (1 = highest)",
        "epoch_data_2030": _flop(
            float(band.loc[band.specification.str.startswith("Epoch"), "2030 median (FLOP)"].iloc[0])
        ),
    }


def scenario_facts(result: Timelines) -> dict:
    """Numbers of the scenarios: a slowdown, and resources diverted to inference and RL."""
    sim = result.sim
    slow = sim.slowdown()
    kept = 1 - DIVERTED_SHARE
    diverted = (
        sim.ceilings.assign(**{key: sim.ceilings[key] * kept for key in ("power", "chips", "spend")})[
            list(CEILINGS)
        ]
        .min(axis=1)
        .to_numpy()
    )
    diverted_path = np.minimum(sim.at(sim.compute, TARGET_YEAR), np.maximum(diverted, sim.record_flop))
    return {
        "slowdown_year": f"{SLOWDOWN_YEAR:.0f}",
        "slowdown_rate": format_number(10 ** float(np.median(sim.price_performance)), 3),
        "slowdown_2030": _flop(float(np.median(sim.at(slow, TARGET_YEAR)))),
        "slowdown_constrained_2030": _flop(
            float(np.median(sim.at(np.minimum(slow, sim.ceiling_path), TARGET_YEAR)))
        ),
        "diverted_share": f"{DIVERTED_SHARE:.0%}",
        "diverted_2030": _flop(float(np.median(diverted_path))),
    }


def count_facts(result: Timelines) -> dict:
    """Numbers of the model-count section."""
    counts = result.counts.set_index(["threshold", "year"])
    observed = result.counts[result.counts.observed]
    notable, _ = notable_trend(result.models, result.runs.publication_date.min())
    return {
        "count_notable_growth": f"{format_number(notable.fit.factor, 2)}x",
        "count_1e25_2026": f"{counts.loc[(1e25, 2026), 'median']:,.0f}",
        "count_1e26_2026": f"{counts.loc[(1e26, 2026), 'median']:,.0f}",
        "count_last_observed_year": str(int(observed.year.max())) if len(observed) else "none",
    }


def _forecast_crossing(registry, number_id: str, rule: str, years: np.ndarray) -> None:
    """Register a threshold-crossing year as a forecast resolving when its interval's upper end passes
    (quartiles from the draws; a draw that never crosses counts as later than any date)."""
    number = registry[number_id]
    quartiles = np.quantile(np.where(np.isfinite(years), years, np.inf), [0.25, 0.75])
    registry.forecast(
        number_id, rule, trends.from_decimal_year(min(number.ci_high, 2035.0)), tuple(quartiles)
    )
