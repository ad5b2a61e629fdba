"""Power and cost (chapter 5): the prose of the 2030 projection, its backtest and the reality checks."""

import dataclasses

import numpy as np
import pandas as pd

from analysis.science.units import format_number, format_watts
from analysis.topics.power import projection
from analysis.topics.power.growth import PowerAndCost, chip_share

PATH_NAMES = {
    "trend": "the power trend plus a record offset",
    "components": "Epoch AI and EPRI's components (compute ÷ FLOP per joule ÷ training time)",
}
"""How the page names each projection path of ``projection``."""


def path_choice_text(summary: pd.DataFrame) -> str:
    """Which 2030 path the chapter stands behind and why, from the backtest (``preferred_path``)."""
    table = summary.set_index("path")
    chosen = projection.preferred_path(summary)
    other = next(path for path in table.index if path != chosen)
    errors = {path: format_number(10 ** table["mean |log10 error|"][path], 2) for path in table.index}
    return (
        f"Of this chapter's two paths the backtest favours {PATH_NAMES[chosen]}: from past cutoffs its "
        "median missed the realised "
        f"record by a factor of {errors[chosen]} on average in either direction (the mean absolute log "
        f"error), that of {PATH_NAMES[other]} by a factor of {errors[other]}"
    )


def joint_construction_text(summary: pd.DataFrame) -> str:
    """What the backtest says about the joint simulation's power, which is derived from compute as the
    components path is (compute over FLOP per joule and run length)."""
    errors = summary.set_index("path")["mean |log10 error|"]
    factors = {path: format_number(10 ** errors[path], 2) for path in errors.index}
    if projection.preferred_path(summary) == "components":
        return (
            "The joint simulation derives power from compute, as the components path does, the "
            "construction this chapter's backtest favours (median off by a factor of "
            f"{factors['components']} against {factors['trend']} for the power trend)"
        )
    return (
        "The joint simulation derives power from compute, as the components path does, and that "
        f"construction backtested worse here (median off by a factor of {factors['components']} against "
        f"{factors['trend']} for the power trend): read its power as resting on the less reliable "
        "construction, with the power trend as the check"
    )


def bias_text(summary: pd.DataFrame, path: str) -> str:
    """The direction of a path's backtest bias: realised records above or below its median."""
    factor = summary.set_index("path")["bias (x)"][path]
    direction = "too high" if factor < 1 else "too low"
    return (
        f"the realised record came in at {format_number(factor, 2)} times the median on average "
        f"(it projected {direction})"
    )


def lean_text(summary: pd.DataFrame) -> str:
    """Which way the paths' backtests lean, and how to read the 2030 medians."""
    high = summary["bias (x)"] < 1
    if high.all():
        return "Both paths projected too high on average, so read the 2030 medians as upper-leaning."
    if not high.any():
        return "Both paths projected too low on average, so read the 2030 medians as lower-leaning."
    return "The paths leaned opposite ways in the backtest."


def projection_facts(result: PowerAndCost) -> dict:
    """Numbers of the projection section: both paths, their backtests and the reality checks."""
    record, trend = result.power_projection["record"][1], result.power_projection["trend"][1]
    summary = result.backtest_summary.set_index("path")
    rates = result.component_rates
    sixteen = result.efficiency["tensor_16bit"]
    fixed = dataclasses.replace(rates, efficiency=np.full_like(rates.efficiency, sixteen.slope))
    fixed_2030 = projection.components_projection(result.runs, fixed, [2030.0])[0]
    cutoffs = result.backtest[result.backtest.path == "trend"].cutoff
    return {
        "record_2030": format_watts(np.median(record)),
        "trend_2030": format_watts(np.median(trend)),
        "components_2030": format_watts(np.median(result.components_projection[-1])),
        "rate_compute": format_number(np.median(rates.compute), 2),
        "rate_efficiency": format_number(np.median(rates.efficiency), 2),
        "rate_duration": format_number(np.median(rates.duration), 2),
        "rate_power": format_number(np.median(rates.power), 2),
        "rate_power_trend": format_number(result.growth.fit.slope, 2),
        "rate_efficiency_16bit": format_number(sixteen.slope, 2),
        "components_fixed_precision_2030": format_watts(np.median(fixed_2030)),
        "backtest_n": str(len(cutoffs)),
        "backtest_first": f"{cutoffs.min():.2f}",
        "backtest_last": f"{cutoffs.max():.2f}",
        "backtest_windows": str(int(summary["independent windows"]["trend"])),
        **{
            f"backtest_{path}_{level}": f"{summary[f'inside {level}%'][path]:.0%}"
            for path in summary.index
            for level in (50, 90)
        },
        "backtest_trend_bias": bias_text(result.backtest_summary, "trend"),
        "backtest_components_bias": bias_text(result.backtest_summary, "components"),
        "backtest_trend_pit": format_number(summary["mean PIT"]["trend"], 2),
        "backtest_components_pit": format_number(summary["mean PIT"]["components"], 2),
        "path_choice": path_choice_text(result.backtest_summary),
        "backtest_lean": lean_text(result.backtest_summary),
    }


def scale_facts(result: PowerAndCost, joint) -> dict:
    """Numbers of the reality checks: campuses, installed chips and grids against the 2030 run."""
    campus = result.campuses.set_index("year")
    grids = result.grids.set_index("name")
    median_2030 = float(np.median(joint.in_year("constrained", 2030.0)["power_w"]))
    index = int(np.flatnonzero(result.runs.table.model == result.largest_power.model)[0])
    energy_share = np.median(result.runs.energy[index]) * 1e6 / (grids.power_w["United States"] * 8760)
    return {
        "campus_2026": format_watts(campus.power_w[2026]),
        "campus_2026_site": campus.site[2026],
        "campus_2030": format_watts(campus.power_w[2030]),
        "campus_2030_site": campus.site[2030],
        "installed_power": format_watts(result.installed.median_w),
        "installed_date": str(result.installed.date.date()),
        "chip_share_of_grid": f"{chip_share(result):.0%}",
        "share_installed_2030": f"{median_2030 * chip_share(result) / result.installed.median_w:.0%}",
        "us_average": format_watts(grids.power_w["United States"]),
        "virginia_average": format_watts(grids.power_w["Virginia"]),
        "grid_year": str(int(grids.year["United States"])),
        "largest_energy_share_us": f"{format_number(energy_share * 100, 2)}%",
    }


def backtest_table(result: PowerAndCost) -> pd.DataFrame:
    """The backtest, one row per path and cutoff, with the cutoff as a decimal year (not rounded)."""
    return result.backtest.assign(cutoff=result.backtest.cutoff.map("{:.2f}".format))
