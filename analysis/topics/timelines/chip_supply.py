"""The chip ceiling cross-checked against Epoch AI's chip-sales series, carried forward.

Sevilla et al. (2024) put the H100-equivalents (H100e, 16-bit performance) available to the largest
2030 run at 20M-400M (median 100M), from their own model of GPU production. Epoch AI's later chip-sales
series (a third-party download) gives the H100e shipped per quarter by Nvidia, Google (TPU), AMD and
Amazon (Trainium). Carried forward at its latest year-on-year growth to the end of 2029 and multiplied by
the share of all chips one run gets (Sevilla et al.'s 16-40%, which already holds the training share),
it gives an independent route to the same quantity. Years are calendar years; counts are H100e.
"""

import numpy as np
import pandas as pd

from analysis.data.loaders import CHIP_VENDORS
from analysis.science import trends
from analysis.science.units import format_number

H100E = "Compute estimate in H100e (median)"

LAST_YEAR_BEFORE_RUN = 2029
"""Chips shipped through the end of 2029 can train a run that ends in 2030."""


def shipped_per_year(cumulative: pd.DataFrame) -> tuple[pd.DataFrame, float]:
    """H100e shipped per calendar year by vendor (columns) and in total, for the years every vendor's
    series covers in full, and the H100e shipped to the last year-end (all vendors, each from its
    series' start), from the cumulative series' year-end rows (``load_epoch_chips_cumulative``)."""
    year_end = cumulative[cumulative.end.dt.month.eq(12) & cumulative.end.dt.day.eq(31)]
    totals = year_end.pivot_table(index=year_end.end.dt.year, columns="vendor", values=H100E, aggfunc="last")
    missing = sorted(set(CHIP_VENDORS) - set(totals.columns))
    if missing:
        raise ValueError(f"the chip-sales series has no year-end rows for {missing}")
    first = totals.notna() & totals.shift().isna()
    shipped = totals.diff().where(~first, totals)
    starts = cumulative.groupby("vendor")["Start date"].first().map(lambda date: int(date[-4:]))
    shipped = shipped.loc[shipped.index >= starts.max(), list(CHIP_VENDORS)]
    return shipped.assign(total=shipped.sum(axis=1)), float(totals.iloc[-1].sum())


def carried_forward(shipped: pd.DataFrame, to_date: float) -> dict[str, float]:
    """The H100e stock through ``LAST_YEAR_BEFORE_RUN``: ``to_date`` plus each later year's shipments,
    growing at the total's latest year-on-year growth. Returns that growth (x/yr), the last year of
    data, the stock to date and the stock through 2029 (H100e)."""
    total = shipped.total
    growth = float(total.iloc[-1] / total.iloc[-2])
    last = int(total.index[-1])
    later = total.iloc[-1] * growth ** np.arange(1, LAST_YEAR_BEFORE_RUN - last + 1)
    return {
        "growth": growth,
        "last_year": last,
        "to_date": to_date,
        "through_2029": to_date + float(later.sum()),
    }


def against_range(value: float, low: float, median: float, high: float) -> str:
    """Where the carried-forward median falls against Sevilla et al.'s 80% range and median (the verdict
    the page prints)."""
    if value > high:
        return "above the top of their range: on the shipments since, their chip range is conservative"
    if value < low:
        return "below the bottom of their range: on the shipments since, their chip range is generous"
    half = "upper" if value > median else "lower"
    return f"inside their range, in its {half} half"


def _count(count: float) -> str:
    """A chip count in words: ``20 million``, ``1.1 billion``."""
    if count >= 1e9:
        return f"{format_number(count / 1e9, 2)} billion"
    return f"{format_number(count / 1e6, 2)} million"


def facts(result, cumulative: pd.DataFrame, constraint_inputs: pd.DataFrame) -> dict[str, str]:
    """The cross-check's numbers for the page: the series to date, its growth, the stock through 2029,
    the H100e and FLOP it gives the largest run (one run's share drawn as the chip ceiling draws it,
    draw by draw), and where that falls against Sevilla et al.'s range."""
    shipped, to_date = shipped_per_year(cumulative)
    stock = carried_forward(shipped, to_date)
    run = stock["through_2029"] * result.inputs["chip_share_one_run"]
    flop_per_h100e = result.sim.ceilings["chips"].to_numpy() / result.inputs["h100e_for_largest_run_2030"]
    median, low, high = trends.median_interval(run, 0.9)
    flop, flop_low, flop_high = trends.median_interval(run * flop_per_h100e, 0.9)
    theirs = constraint_inputs.loc["h100e_for_largest_run_2030"]
    return {
        "chip_sales_to_date": _count(to_date),
        "chip_sales_last_year": str(stock["last_year"]),
        "chip_sales_growth": format_number(stock["growth"], 2),
        "chip_sales_stock_2029": _count(stock["through_2029"]),
        "chip_sales_run": f"{_count(median)} (90%: {_count(low)}–{_count(high)})",
        "chip_sales_ceiling": f"{format_number(flop, 2)} (90%: {format_number(flop_low, 2)}–"
        f"{format_number(flop_high, 2)})",
        "chip_sales_sevilla": (f"{_count(theirs['median'])} ({_count(theirs.low)}–{_count(theirs.high)})"),
        "chip_sales_ratio": format_number(median / theirs["median"], 2),
        "chip_sales_verdict": against_range(median, theirs.low, theirs["median"], theirs.high),
    }
