"""Power and cost (chapter 5): the prose facts.

Key-number registration, glued sentences and display tables.
"""

import numpy as np
import pandas as pd

from analysis.science import forecasts, trends, units
from analysis.science.units import format_number
from analysis.topics import compute_trends
from analysis.topics.compute_trends.facts import as_caveat, speculative_verdict
from analysis.topics.power import growth as growth_module
from analysis.topics.power.cost_facts import GAP_TERM_NAMES
from analysis.topics.power.growth import PROJECTION_YEARS, PowerAndCost, cost_growth, power_growth
from analysis.topics.power.model import (
    DRAWS,
    LEVEL,
    PRE_TRAINING_DAYS,
    SEED,
    SIXTEEN_BIT_FACTOR,
    Runs,
)
from analysis.topics.power.projection_facts import joint_construction_text, path_choice_text

CLUSTER_NOTE = "(accelerator, and chip count or chip-hours)"
"""What a run must disclose to be costed; the frontier runs without it are listed as excluded."""


def cost_replicates(result: PowerAndCost, published: pd.DataFrame) -> bool:
    """Whether our cost growth on Cottier et al.'s window lies inside their published 90% interval."""
    figure = published.loc["cottier2024.cost_growth.v2"]
    return bool(figure.ci_low <= result.cost_window.factor <= figure.ci_high)


POWER_NOT_OBSERVED = "not_observable no pinned data give new training runs' power"
"""Resolution rule of the power projections until a pinned source reports the power of new runs."""


def register_key_numbers(registry, result: PowerAndCost, published: pd.DataFrame) -> None:
    """The chapter's headlines: power growth, largest run, 2030 projection, efficiency, cost.

    The first-$1B year rests on our cost trend: it is a landing-page headline only while our cost
    growth replicates Cottier et al.'s (``cost_replicates``).
    """
    replicates = cost_replicates(result, published)
    runs_note = (
        f"{DRAWS:,} Monte Carlo draws per run of data/power_cost_inputs.csv (server overhead, PUE, "
        "utilisation, hardware life, prices)"
    )
    for key, growth, published, label in (
        ("frontier", result.growth.fit, "", "frontier training runs (running top-10), 2010 to date"),
        (
            "frontier_to_sep2024",
            result.growth_window.fit,
            "emberson2024.power_growth.frontier",
            "frontier training runs (running top-10), 2010 to 19 September 2024",
        ),
    ):
        registry.register(
            f"power.growth.{key}",
            growth.factor,
            growth.factor_interval,
            growth.level,
            "x/yr",
            f"Growth of the power drawn by {label}; n = {growth.n}",
            growth.method,
            published=published,
            significant=2,
            headline=key == "frontier",
            caveat=as_caveat(power_speculative_verdict(result)) if key == "frontier" else "",
        )
    largest = result.largest_power
    index = int(np.flatnonzero(result.runs.table.model == largest.model)[0])
    median, low, high = trends.median_interval(result.runs.power[index], LEVEL)
    registry.register(
        "power.largest_run.w",
        median,
        (low, high),
        LEVEL,
        "W",
        f"Power drawn by the largest training run in our data with a disclosed cluster {CLUSTER_NOTE}: "
        f"{largest.model} ({largest.organization})",
        f"Chips x TDP x server overhead x PUE; median and {LEVEL:.0%} interval of {runs_note}",
        published="epoch_epri2025.largest_run_power.current",
        significant=2,
    )
    median, low, high = trends.median_interval(result.runs.energy[index], LEVEL)
    registry.register(
        "power.largest_run.energy_mwh",
        median,
        (low, high),
        LEVEL,
        "MWh",
        f"Electricity used by the largest training run in our data with a disclosed cluster {CLUSTER_NOTE} "
        f"({largest.model})",
        f"Chip-hours x TDP x server overhead x PUE x load factor; median and {LEVEL:.0%} interval of "
        f"{runs_note}",
        significant=2,
    )
    summary = result.backtest_summary.set_index("path")
    cutoffs = result.backtest[result.backtest.path == "trend"].cutoff
    backtested = (
        f"backtested two years ahead from {len(cutoffs)} quarterly cutoffs "
        f"{cutoffs.min():.2f}-{cutoffs.max():.2f} "
        f"(about {int(summary['independent windows']['trend'])} independent windows): 90% interval held the "
        f"realised record in {summary['inside 90%']['trend']:.0%}, median off by a factor of "
        f"{format_number(summary['bias (x)']['trend'], 2)} on average"
    )
    for year, row in zip(
        PROJECTION_YEARS, result.power_projection[forecasts.LARGEST_RUN_METHOD], strict=True
    ):
        median, low, high = trends.median_interval(row, LEVEL)
        registry.register(
            f"power.projection_{int(year)}.w",
            median,
            (low, high),
            LEVEL,
            "W",
            f"Power drawn by the largest training run in {int(year)} if this chapter's power trend holds "
            "(a check on the report's joint simulation, which the timelines chapter registers)",
            "The power trend's bootstrap posterior plus a record offset drawn from history (never below "
            f"today's record); median and {LEVEL:.0%} interval; {backtested}",
            significant=2,
        )
        registry.forecast(
            f"power.projection_{int(year)}.w",
            POWER_NOT_OBSERVED,
            f"{int(year)}-12-31",
            tuple(np.quantile(row, [0.25, 0.75])),
        )
    median, low, high = trends.median_interval(result.components_projection[-1], LEVEL)
    registry.register(
        "power.projection_2030.components.w",
        median,
        (low, high),
        LEVEL,
        "W",
        "Power drawn by the largest training run in 2030 by Epoch AI and EPRI's construction: today's "
        "largest "
        "run with a disclosed cluster carried forward at compute growth minus FLOP-per-joule growth minus "
        "training-time growth",
        "Bootstrap draws of the three OLS slopes (frontier compute; peak FLOP/s per W at the runs' training "
        f"precision; reported training times); median and {LEVEL:.0%} interval; backtested the same way as "
        "the trend path, with its own result (90% interval held the realised record in "
        f"{summary['inside 90%']['components']:.0%}, median "
        f"off by a factor of {format_number(summary['bias (x)']['components'], 2)} on average)",
        published="epoch_epri2025.largest_run_power.2030",
        significant=2,
    )
    registry.forecast(
        "power.projection_2030.components.w",
        POWER_NOT_OBSERVED,
        "2030-12-31",
        tuple(np.quantile(result.components_projection[-1], [0.25, 0.75])),
    )
    chips = result.efficiency["fp32"]
    registry.register(
        "power.efficiency_growth.hardware",
        chips.factor,
        chips.factor_interval,
        chips.level,
        "x/yr",
        f"Growth of peak FP32 FLOP/s per W of TDP of accelerators released since 2010 "
        f"(Epoch AI's hardware table, our fit); n = {chips.n}",
        chips.method,
        significant=3,
    )
    gpus = result.efficiency["gpu_fp32_2010_2024"]
    registry.register(
        "power.efficiency_growth.gpus_2010_2024",
        gpus.factor,
        gpus.factor_interval,
        gpus.level,
        "x/yr",
        f"Growth of peak FP32 FLOP/s per W of TDP of GPUs released 2010-2024 (Epoch AI's hardware table, "
        f"our fit): the published figure's kind of chip and window; n = {gpus.n}",
        gpus.method,
        published="sevilla2024can.hardware_efficiency_growth",
        significant=3,
    )
    gap, low, high = result.decomposition.compute_minus_power
    registry.register(
        "power.decomposition.compute_minus_power",
        gap,
        (low, high),
        LEVEL,
        "OOM/yr",
        "Compute growth minus power growth of the same frontier runs: what efficiency, precision, "
        "longer runs and utilisation contribute",
        f"Difference of the OLS slopes of log10 compute and log10 power on date; {LEVEL:.0%} interval "
        f"of {DRAWS:,} joint bootstrap resamples of runs",
        published="emberson2024.offset.combined",
        significant=2,
    )
    for key, growth, published, label in (
        ("frontier", result.cost.fit, "", "our frontier training runs, 2010 to date"),
        ("frontier_2016_2023", result.cost_window, "cottier2024.cost_growth.v2", "our runs, 2016-2023"),
        (
            "epoch_data_2016_2023",
            result.epoch_cost_window,
            "cottier2024.cost_growth.v2",
            "frontier runs 2016-2023 as Epoch AI estimates them (their cost column, 2023 USD; running top-10 "
            "ranked over their whole history from 2010, then windowed)",
        ),
    ):
        registry.register(
            f"cost.growth.{key}",
            growth.factor,
            growth.factor_interval,
            growth.level,
            "x/yr",
            f"Growth of the amortised hardware and energy cost of {label}; n = {growth.n}",
            growth.method,
            published=published,
            significant=2,
            caveat=as_caveat(cost_speculative_verdict(result)) if key == "frontier" else "",
        )
    costly = result.largest_cost
    index = int(np.flatnonzero(result.runs.table.model == costly.model)[0])
    median, low, high = trends.median_interval(result.runs.cost[index], LEVEL)
    registry.register(
        "cost.largest_run.usd",
        median,
        (low, high),
        LEVEL,
        "USD",
        f"Amortised hardware and energy cost of the most expensive training run in our data with a "
        f"disclosed cluster {CLUSTER_NOTE}: {costly.model}",
        f"Price depreciated to the training start x cluster overhead x chip-hours / hardware life + energy "
        f"x price; median and {LEVEL:.0%} "
        f"interval of {runs_note}",
        significant=2,
    )
    register_with_imputed(registry, result, runs_note)
    register_cost_gap(registry, result)
    median, low, high = trends.median_interval(result.billion_year, LEVEL)
    registry.register(
        "cost.first_billion_dollar_run.year",
        median,
        (low, high),
        LEVEL,
        "year",
        "Year the most expensive training run first costs USD 1 billion (amortised), if the cost trend holds",
        "First month after the data's last run that the largest-run projection (cost trend plus a record "
        "offset drawn from history) passes USD 1e9; draws already past it at the data's end, above every "
        f"run with a disclosed cluster, are dropped ({1 - len(result.billion_year) / DRAWS:.0%} of draws); "
        f"median and {LEVEL:.0%} interval of the rest",
        published="cottier2024.billion_dollar_run_year",
        headline=replicates,
    )
    registry.forecast(
        "cost.first_billion_dollar_run.year",
        "first_cost_above 1e9",
        trends.from_decimal_year(min(high, 2035.0)),
        tuple(np.quantile(result.billion_year, [0.25, 0.75])),
    )


def register_cost_gap(registry, result: PowerAndCost) -> None:
    """The gap between our cost growth and Epoch AI's on Cottier et al.'s window, term by term (OOM/yr):
    the terms add up to the total in the point estimate and in every bootstrap resample."""
    counts = result.cost_gap_runs
    for key in [*GAP_TERM_NAMES, "total"]:
        low, high = trends.percentile_interval(result.cost_gap_draws[key], LEVEL)
        name = GAP_TERM_NAMES.get(key, "all terms together")
        registry.register(
            f"cost.gap_to_epoch.{key}",
            result.cost_gap_terms[key],
            (low, high),
            LEVEL,
            "OOM/yr",
            f"Gap between our cost growth and Epoch AI's (their cost column) on Cottier et al.'s window "
            f"2016-2023, term: {name}; our {counts['ours']} runs, {counts['matched']} matched, "
            f"{counts['known']} with Epoch's chip-hours, Epoch's {counts['epoch']}",
            "Differences of OLS slopes of log10 cost (and of its factors) on date over nested sets of runs; "
            f"{LEVEL:.0%} interval of {DRAWS:,} bootstrap resamples of our runs and Epoch's",
            significant=2,
        )


IMPUTED_NOTE = (
    "with frontier runs that disclose no cluster imputed (the chip most used by disclosed frontier runs "
    "of the two years before, and a training time drawn from those reported in the three years before)"
)
"""What 'with imputed runs' means in every registered description."""


def largest(runs: Runs, column: str) -> int:
    """Index of the run with the largest median ``column`` (``power_w`` or ``cost_usd``)."""
    return int(np.nanargmax(runs.table[column].to_numpy(float)))


def register_with_imputed(registry, result: PowerAndCost, runs_note: str) -> None:
    """The growth and largest-run numbers again, with the imputed runs (the headlines exclude them)."""
    both = result.with_imputed
    for key, growth, what in (
        ("power.growth.frontier_with_imputed", power_growth(both).fit, "power drawn by"),
        ("cost.growth.frontier_with_imputed", cost_growth(both).fit, "amortised cost of"),
    ):
        registry.register(
            key,
            growth.factor,
            growth.factor_interval,
            growth.level,
            "x/yr",
            f"Growth of the {what} frontier training runs (running top-10), 2010 to date, {IMPUTED_NOTE}; "
            f"n = {growth.n}",
            growth.method,
            significant=2,
        )
    for key, column, draws, unit, what in (
        ("power.largest_run_with_imputed.w", "power_w", both.power, "W", "Power drawn by"),
        ("cost.largest_run_with_imputed.usd", "cost_usd", both.cost, "USD", "Amortised cost of"),
    ):
        index = largest(both, column)
        row = both.table.iloc[index]
        median, low, high = trends.median_interval(draws[index], LEVEL)
        registry.register(
            key,
            median,
            (low, high),
            LEVEL,
            unit,
            f"{what} the largest frontier training run in our data {IMPUTED_NOTE}: {row.model}"
            f"{' (imputed)' if row.imputed else ''}",
            f"As the disclosed-cluster headline; median and {LEVEL:.0%} interval of {runs_note}",
            significant=2,
        )


def imputation_table(result: PowerAndCost) -> pd.DataFrame:
    """The headline growth rates and largest runs on disclosed clusters, and again with imputed runs."""
    rows = []
    for label, disclosed, both in (
        (
            "Power growth, frontier runs since 2010",
            power_growth(result.runs).fit,
            power_growth(result.with_imputed).fit,
        ),
        (
            "Cost growth, frontier runs since 2010",
            cost_growth(result.runs).fit,
            cost_growth(result.with_imputed).fit,
        ),
    ):
        rows.append(
            {
                "quantity": label,
                "disclosed clusters (headline)": _growth(disclosed),
                "with imputed runs": _growth(both),
            }
        )
    for label, column, format_value in (
        ("Largest run's power", "power_w", units.format_watts),
        ("Most expensive run", "cost_usd", units.format_usd),
    ):
        cells = []
        for runs in (result.runs, result.with_imputed):
            row = runs.table.iloc[largest(runs, column)]
            cells.append(f"{format_value(row[column])}, {row.model}{' (imputed)' if row.imputed else ''}")
        rows.append(
            {"quantity": label, "disclosed clusters (headline)": cells[0], "with imputed runs": cells[1]}
        )
    cells = []
    for runs in (result.runs, result.with_imputed):
        growth = power_growth(runs)
        _, draws = forecasts.largest_run_projection(
            runs.table.publication_date, runs.power, growth, [2030.0], (forecasts.LARGEST_RUN_METHOD,)
        )
        median, low, high = (
            units.format_watts(value)
            for value in trends.median_interval(draws[forecasts.LARGEST_RUN_METHOD][0], LEVEL)
        )
        cells.append(f"{median} ({LEVEL:.0%} CI {low}–{high})")
    rows.append(
        {
            "quantity": "Largest run's power in 2030 (trend plus record offset)",
            "disclosed clusters (headline)": cells[0],
            "with imputed runs": cells[1],
        }
    )
    return pd.DataFrame(rows)


def _growth(fit: trends.GrowthFit) -> str:
    low, high = (format_number(bound, 2) for bound in fit.factor_interval)
    return f"{format_number(fit.factor, 2)}x per year ({fit.level:.0%} CI {low}–{high})"


def _speculative(result: PowerAndCost) -> np.ndarray:
    return result.runs.table.confidence.str.lower().eq("speculative").to_numpy()


def power_speculative_verdict(result: PowerAndCost) -> str:
    """Whether the to-date power growth rests on its speculative rows (``speculative_verdict``)."""
    speculative = _speculative(result)
    without = power_growth(result.runs.subset(~speculative))
    return speculative_verdict(power_growth(result.runs).fit, without.fit, int(speculative.sum()))


def cost_speculative_verdict(result: PowerAndCost) -> str:
    """Whether the to-date cost growth rests on its speculative rows with a cost (``speculative_verdict``)."""
    speculative = _speculative(result)
    with_cost = result.runs.table.cost_usd.notna().to_numpy()
    return speculative_verdict(
        cost_growth(result.runs).fit,
        cost_growth(result.runs.subset(~speculative)).fit,
        int((speculative & with_cost).sum()),
    )


def compute_speculative_verdict(result: PowerAndCost) -> str:
    """Whether the same runs' compute growth rests on their speculative rows (``speculative_verdict``)."""
    speculative = _speculative(result)
    table = result.runs.table

    def fit(rows: pd.DataFrame) -> trends.GrowthFit:
        return trends.fit_growth(rows.publication_date, rows.training_compute_flop, level=LEVEL, seed=SEED)

    return speculative_verdict(fit(table), fit(table[~speculative]), int(speculative.sum()))


def summary_facts(result: PowerAndCost, published: pd.DataFrame) -> dict:
    """The summary's numbers that are not key numbers, and the published figures it names."""
    table = result.runs.table
    return {
        "summary_without_speculative": power_speculative_verdict(result),
        "summary_runs": str(len(table)),
        "summary_largest_model": result.largest_power.model,
        "summary_compute_growth": _growth(
            trends.fit_growth(table.publication_date, table.training_compute_flop, level=LEVEL, seed=SEED)
        ),
        "summary_compute_without_speculative": compute_speculative_verdict(result),
        "summary_imputed_largest": imputation_table(result)["with imputed runs"].iloc[2],
        "summary_published_growth": compute_trends.model.published_cell(
            published.loc["emberson2024.power_growth.frontier"]
        ),
    }


def summary_2030_facts(result: PowerAndCost, published: pd.DataFrame) -> dict:
    """The summary's 2030 bullet: this chapter's power-trend run against grids, the published range and
    which of this chapter's two paths the backtest favours."""
    grids = result.grids.set_index("name")
    projection_2030 = np.median(result.power_projection[forecasts.LARGEST_RUN_METHOD][1])
    return {
        "summary_2030_share_us": f"{projection_2030 / grids.power_w['United States']:.1%}",
        "summary_2030_virginia": format_number(projection_2030 / grids.power_w["Virginia"], 2),
        "summary_path_choice": path_choice_text(result.backtest_summary),
        "summary_joint_construction": joint_construction_text(result.backtest_summary),
        "summary_published_2030": " to ".join(
            units.format_watts(published.value[f"epoch_epri2025.largest_run_power.2030_{end}"])
            for end in ("low", "high")
        ),
    }


def joint_facts(joint, result: PowerAndCost) -> dict:
    """The joint simulation's 2030 run (the timelines chapter's draws) on both paths: median grid power
    and amortised cost, in the units the timelines chapter registers them; and this chapter's own
    power-trend path against them (ratio of medians)."""
    facts = {}
    trend = float(np.median(result.power_projection[forecasts.LARGEST_RUN_METHOD][1]))
    for kind in ("constrained", "unconstrained"):
        run = joint.in_year(kind, 2030.0)
        power = float(np.median(run["power_w"]))
        facts[f"joint_{kind}_power"] = units.format_watts(power)
        facts[f"joint_{kind}_cost"] = units.format_usd(float(np.median(run["cost_usd"])))
        facts[f"trend_over_{kind}"] = format_number(trend / power, 2)
    years = np.array([2025.0, 2030.0])
    per_watt = np.log10(joint.at(joint.flop_per_joule, years[1]) / joint.at(joint.flop_per_joule, years[0]))
    facts["joint_offset"] = format_number(float(np.median(per_watt)) / (years[1] - years[0]), 2)
    facts["historical_offset"] = format_number(result.decomposition.compute_minus_power[0], 2)
    return facts


def cost_summary_facts(result: PowerAndCost, published: pd.DataFrame) -> dict:
    """The summary's cost bullet: the costliest run, where the first-$1B projection starts, and the
    caveat while our cost growth does not replicate Cottier et al.'s."""
    table = result.runs.table
    return {
        "summary_cost_without_speculative": cost_speculative_verdict(result),
        "summary_costly_model": result.largest_cost.model,
        "summary_billion_dropped": f"{1 - len(result.billion_year) / DRAWS:.0%}",
        "summary_billion_start": f"{table.publication_date[table.cost_usd.notna()].max():%B %Y}",
        "summary_cost_caveat": (
            "Our cost growth replicates Cottier et al.'s on their window."
            if cost_replicates(result, published)
            else "Read both as our cost model's, not a replication: on Cottier et al.'s window our point "
            "estimate of cost growth lies above their interval, while Epoch AI's own per-run costs reproduce "
            "it (see Cost)."
        ),
    }


def disputed_text(table: pd.DataFrame) -> str:
    """Runs whose chip count or training time the sources give as a range, with the ranges."""
    parts = []
    for row in table.itertuples():
        ranges = [
            f"{format_number(low, 3)}–{format_number(high, 3)} {label}"
            for low, high, label in (
                (row.hardware_quantity_low, row.hardware_quantity_high, "chips"),
                (row.training_time_hours_low, row.training_time_hours_high, "hours of training"),
            )
            if np.isfinite(low)
        ]
        if ranges:
            parts.append(f"{row.model} ({', '.join(ranges)})")
    if not parts:
        return "no run's sources disagree on its chip count or training time"
    return "the sources disagree for " + "; ".join(parts) + ", and each run is drawn across its range"


RUN_COLUMNS = {
    "model": "run",
    "publication_date": "published",
    "imputed": "cluster imputed",
    "hardware": "accelerator",
    "figures_from": "chip figures from",
    "chips": "chips",
    "power_w": "power (W)",
    "energy_mwh": "energy (MWh)",
    "cost_usd": "cost (USD)",
}
"""The per-run table's columns and the headers a reader sees."""


def runs_table(result: PowerAndCost) -> pd.DataFrame:
    """Every estimated run, disclosed and imputed, by date, in readable headers; chips as whole chips,
    a missing cost says why."""
    table = result.with_imputed.table.sort_values("publication_date")
    frame = table[list(RUN_COLUMNS)].rename(columns=RUN_COLUMNS)
    frame["published"] = table.publication_date.dt.strftime("%Y-%m-%d")
    frame["cluster imputed"] = np.where(table.imputed, "yes", "no")
    frame["chips"] = table.chips.round().clip(lower=1).astype(int)
    frame["cost (USD)"] = table.cost_usd.map(
        lambda value: "no purchase price for this chip" if pd.isna(value) else value
    )
    return frame


def disputed_table(result: PowerAndCost, models: pd.DataFrame) -> pd.DataFrame:
    """The runs whose sources disagree on chips or training time: the range drawn, and the row's notes,
    which name each source and what it says."""
    table = result.runs.table
    disputed = table[table.hardware_quantity_low.notna() | table.training_time_hours_low.notna()]
    notes = models.set_index("model").notes

    def span(low: float, high: float) -> str:
        return f"{format_number(low, 3)}–{format_number(high, 3)}" if np.isfinite(low) else ""

    return pd.DataFrame(
        {
            "run": disputed.model,
            "chips drawn across": [
                span(low, high)
                for low, high in zip(
                    disputed.hardware_quantity_low, disputed.hardware_quantity_high, strict=True
                )
            ],
            "hours drawn across": [
                span(low, high)
                for low, high in zip(
                    disputed.training_time_hours_low, disputed.training_time_hours_high, strict=True
                )
            ],
            "sources (the row's notes)": disputed.model.map(notes).to_numpy(),
        }
    )


def data_facts(result: PowerAndCost) -> dict:
    """Numbers of the Data section."""
    table, excluded = result.runs.table, result.runs.excluded
    counts = excluded.reason.value_counts()
    return {
        "disputed_runs": disputed_text(table),
        "n_frontier": str(len(table) + len(excluded)),
        "n_runs": str(len(table)),
        "n_excluded": str(len(excluded)),
        "n_imputed": str(int(excluded.imputed.sum())),
        "n_not_imputed": str(int((~excluded.imputed).sum())),
        "n_no_hardware": str(int(counts.get("no accelerator named", 0))),
        "n_no_chips": str(int(counts.get("no chip count, and no training time to derive one", 0))),
        "n_vendor_runs": str(int((table.figures_from == "vendor").sum())),
        "n_epoch_figures": str(int((table.figures_from != "vendor").sum())),
        "n_derived_chip_hours": str(int((table.chip_hours_basis == "derived").sum())),
        "n_priced": str(int(table.cost_usd.notna().sum())),
        "n_hardware": str(len(result.hardware)),
    }


def _input_range(inputs: pd.DataFrame, key: str) -> str:
    row = inputs.loc[key]
    return f"{format_number(row.low, 3)}–{format_number(row.high, 3)}"


def method_facts(result: PowerAndCost) -> dict:
    """Numbers of the Method section: the input ranges."""
    return {
        "draws": f"{DRAWS:,}",
        **{f"range_{key}": _input_range(result.inputs, key) for key in result.inputs.index},
        "sixteen_bit_factor": format_number(SIXTEEN_BIT_FACTOR, 2),
        "duration_prior_days": format_number(result.runs.duration_prior_hours / 24, 2),
        "pre_training_days": format_number(PRE_TRAINING_DAYS, 2),
    }


def vintage_text(result: PowerAndCost, published: pd.DataFrame) -> str:
    """Why Emberson and Rahman's power growth does not reproduce, in OOM/yr: interval method and vintage."""
    figure = published.loc["emberson2024.power_growth.frontier"]
    theirs, theirs_se, ours = (
        result.epoch_power_window,
        result.epoch_power_window_se,
        result.growth_window.fit,
    )
    low, high = theirs_se.factor_interval
    return (
        f"through our fit Epoch AI's current estimates give {format_number(theirs.factor, 2)}x per year; "
        "with "
        f"the standard-error interval the published figure uses, {format_number(low, 2)}–"
        f"{format_number(high, 2)} (our bootstrap: {format_number(theirs.factor_interval[0], 2)}–"
        f"{format_number(theirs.factor_interval[1], 2)}). The point gap to their "
        f"{format_number(figure.value, 2)}x is vintage: their September 2024 database against today's, "
        f"{np.log10(theirs.factor / figure.value):+.3f} OOM/yr (with any change in which runs are "
        "frontier); our per-run estimates add "
        f"{np.log10(ours.factor / theirs.factor):+.3f}"
    )


def growth_facts(result: PowerAndCost, published: pd.DataFrame) -> dict:
    """Numbers of the growth section."""
    vendor = result.vendor_only.fit
    metered = result.metered
    return {
        "held_out": held_out_text(result.held_out),
        "leave_one_out": leave_one_out_text(result.metered_loo),
        "n_held_out": str(len(result.held_out)),
        "vintage": vintage_text(result, published),
        "n_metered": str(len(metered)),
        "n_metered_inside": str(int(metered["inside our 90% interval"].sum())),
        "metered_ratio_low": format_number(metered["ours / metered"].min(), 2),
        "metered_ratio_high": format_number(metered["ours / metered"].max(), 2),
        "metered_outside": ", ".join(metered.model[~metered["inside our 90% interval"]]) or "none",
        "epoch_power_growth": _growth(result.epoch_power_window),
        "vendor_growth": _growth(vendor),
        "vendor_n": str(vendor.n),
        "vendor_comparison": _compare(vendor, result.growth.fit),
        "doubling_months": format_number(units.doubling_time_months(result.growth.fit.factor), 2),
    }


def _compare(subset: trends.GrowthFit, whole: trends.GrowthFit) -> str:
    """Whether ``subset``'s rate differs from ``whole``'s: by its interval excluding the other's point."""
    if subset.ci_low > whole.slope:
        return "steeper than all runs together"
    if subset.ci_high < whole.slope:
        return "shallower than all runs together"
    return "consistent with all runs together"


def decomposition_facts(result: PowerAndCost) -> dict:
    """Numbers of the decomposition section."""
    table = result.decomposition.table.set_index("key")
    facts = {f"term_{key}": format_number(row["OOM/yr"], 2) for key, row in table.iterrows()}
    facts.update(
        {f"term_{key}_factor": format_number(10 ** row["OOM/yr"], 2) for key, row in table.iterrows()}
    )
    facts["n_complete"] = str(int(growth_module.decomposition_terms(result.runs).notna().all(axis=1).sum()))
    terms = growth_module.decomposition_terms(result.runs)
    in_term = terms.utilisation.notna()
    facts["n_utilisation_runs"] = str(int(in_term.sum()))
    facts["n_utilisation_circular"] = str(
        int((in_term & result.runs.table.compute_method.eq("hardware")).sum())
    )
    return facts


def efficiency_facts(result: PowerAndCost) -> dict:
    """Numbers of the efficiency section."""
    sixteen = result.efficiency["tensor_16bit"]
    low, high = (format_number(bound, 3) for bound in sixteen.factor_interval)
    text = f"{format_number(sixteen.factor, 3)}x per year ({sixteen.level:.0%} CI {low}–{high})"
    gpus = result.efficiency["gpu_fp32_2010_2024"]
    return {
        "efficiency_16bit": text,
        "efficiency_16bit_n": str(sixteen.n),
        "efficiency_gpus_n": str(gpus.n),
    }


def leave_one_out_text(table: pd.DataFrame) -> str:
    """The leave-one-out calibration in words: how many rescaled intervals hold the metered figure."""
    inside, total = int(table["inside the rescaled 90% interval"].sum()), len(table)
    spread = table["scale from the other runs"]
    outside = ", ".join(table.model[~table["inside the rescaled 90% interval"]])
    verdict = (
        "so our error on these runs is close to a shared scale"
        if inside == total
        else f"so our error on these runs is not one shared scale: for {outside} the others' scale does "
        "not carry over"
    )
    return (
        f"rescaled by the other runs' ratio (a factor of {format_number(spread.min(), 2)} to "
        f"{format_number(spread.max(), 2)}), our interval holds the metered figure for {inside} of {total} "
        f"runs, {verdict}"
    )


def held_out_text(table: pd.DataFrame) -> str:
    """The held-out check in words: coverage of the derived chip-hours' 90% interval and its bias."""
    inside, total = int(table["inside our 90% interval"].sum()), len(table)
    ratio = float(np.median(table["derived / reported"]))
    verdict = forecasts.calibration_verdict(inside, total, LEVEL)
    direction = "below" if ratio < 1 else "above"
    return (
        f"the reported figure lies inside our 90% interval for {inside} of {total} runs, {verdict}; "
        "the median "
        f"derived figure is {format_number(ratio, 2)} times the reported one ({direction} it)"
    )


def decomposition_comparison(result: PowerAndCost, published: pd.DataFrame) -> pd.DataFrame:
    """Our decomposition terms beside Emberson and Rahman's cumulative offsets, both in OOM/yr."""
    table = result.decomposition.table.set_index("key")
    rows = []
    for key, theirs, note in (
        ("efficiency_fp32", "emberson2024.offset.hardware_efficiency", "a trend"),
        (
            "precision",
            "emberson2024.offset.lower_precision",
            "a one-off step from FP32 to 16-bit (2017-2020), not a trend",
        ),
        ("duration", "emberson2024.offset.longer_runs", "a trend"),
    ):
        figure = published.loc[theirs]
        rows.append(
            {
                "term": table.term[key],
                "ours (OOM/yr)": (
                    f"{table['OOM/yr'][key]:.3f} ({table.low[key]:.3f} to {table.high[key]:.3f})"
                ),
                "Emberson and Rahman, cumulative over ten years": f"{format_number(figure.value, 2)}x",
                "theirs as OOM/yr": f"{np.log10(figure.value) / 10:.3f}",
                "what it is": note,
            }
        )
    return pd.DataFrame(rows)


def imputation_facts(result: PowerAndCost) -> dict:
    """Numbers of the imputation paragraph."""
    imputed = result.with_imputed.table[result.with_imputed.table.imputed]
    return {
        "n_imputed_runs": str(len(imputed)),
    }
