"""The post-cutoff check: the chapter's forecasts re-run on the data of an earlier cutoff and scored against
what the pinned data show after it (``analysis.topics.scorecard``)."""

import numpy as np
import pandas as pd

from analysis.report import ledger
from analysis.science import trends
from analysis.topics.timelines.model import LEVEL, Timelines

EARLIER_CUTOFF = pd.Timestamp("2025-09-02")
"""The data end of release 0.1.0's models.csv (its newest publication date): the forecasts this chapter made
from those data are re-run here and checked against the releases since."""

VERSION = f"re-run on the data through {EARLIER_CUTOFF.date()}"


def _forecast(
    number_id: str, statement: str, unit: str, rule: str, resolves, draws: np.ndarray
) -> ledger.Forecast:
    finite = np.where(np.isfinite(draws), draws, np.inf)
    low, q25, median, q75, high = np.quantile(finite, [(1 - LEVEL) / 2, 0.25, 0.5, 0.75, (1 + LEVEL) / 2])
    return ledger.Forecast(
        id=number_id,
        owner=ledger.OURS,
        statement=statement,
        unit=unit,
        rule=rule,
        resolves=pd.Timestamp(resolves).date().isoformat(),
        made=EARLIER_CUTOFF.date().isoformat(),
        data_through=EARLIER_CUTOFF.date().isoformat(),
        version=VERSION,
        median=float(median),
        low=float(low),
        high=float(high),
        level=LEVEL,
        q25=float(q25),
        q75=float(q75),
        source="chapters/06-timelines#checking-the-forecasts-against-what-came-next",
    )


def earlier_forecasts(earlier: Timelines) -> list[ledger.Forecast]:
    """The chapter's short-range forecasts from ``earlier`` (its analysis on the data through
    ``EARLIER_CUTOFF``): counts above 1e25 and 1e26 by the start of 2026, the largest run at the end of
    2025, the years the largest run passes 1e27 FLOP (both paths) and the largest open-weight model 1e26."""
    prefix = f"timelines.as_of_{EARLIER_CUTOFF:%Y%m%d}"
    counts = earlier.counts
    forecasts = []
    for exponent in (25, 26):
        threshold = 10.0**exponent
        row = counts[(counts.threshold == threshold) & (counts.year == 2025)].iloc[0]
        forecasts.append(
            ledger.Forecast(
                id=f"{prefix}.models_above_1e{exponent}.2026",
                owner=ledger.OURS,
                statement=f"Models in our data's population above 1e{exponent} FLOP by the start of 2026",
                unit="dimensionless",
                rule=f"count_above {threshold:g}",
                resolves="2026-01-01",
                made=EARLIER_CUTOFF.date().isoformat(),
                data_through=EARLIER_CUTOFF.date().isoformat(),
                version=VERSION,
                median=float(row["median"]),
                low=float(row.low),
                high=float(row.high),
                level=LEVEL,
                q25=float(row.q25),
                q75=float(row.q75),
                source="chapters/06-timelines#checking-the-forecasts-against-what-came-next",
            )
        )
    forecasts.append(
        _forecast(
            f"{prefix}.largest_run_2025.unconstrained.flop",
            "Training compute of the largest run at the end of 2025 (unconstrained path)",
            "FLOP",
            "largest_compute_at",
            "2025-12-31",
            earlier.sim.in_year("unconstrained", 2026.0)["flop"],
        )
    )
    for kind in ("unconstrained", "constrained"):
        years = earlier.thresholds[kind][1e27]
        forecasts.append(
            _forecast(
                f"{prefix}.threshold_year.{kind}.1e27",
                f"Year the largest training run first exceeds 1e27 FLOP ({kind} path)",
                "year",
                "first_above 1e27",
                trends.from_decimal_year(min(float(np.quantile(years, (1 + LEVEL) / 2)), 2035.0)),
                years,
            )
        )
    forecasts.append(
        _forecast(
            f"{prefix}.open_model_1e26.year",
            "Year the largest open-weight model first exceeds 1e26 FLOP",
            "year",
            "first_above 1e26 open",
            trends.from_decimal_year(min(float(np.quantile(earlier.open_1e26, (1 + LEVEL) / 2)), 2035.0)),
            earlier.open_1e26,
        )
    )
    return forecasts


def open_model_sentence(forecasts: list[ledger.Forecast], published: pd.DataFrame, data_end) -> str:
    """Where the open-weight 1e26 forecasts stand: the data's end with no crossing, this chapter's forecast
    from ``EARLIER_CUTOFF`` and Emberson's, each median month and whether it has passed."""
    ours = next(f for f in forecasts if f.id.endswith("open_model_1e26.year"))
    theirs = float(published.value["emberson2025.open_model_1e26.date"])
    end = pd.Timestamp(data_end)
    parts = []
    for who, median in (
        (f"this chapter's forecast from the data through {EARLIER_CUTOFF:%B %Y}", ours.median),
        ("Emberson's of January 2025", theirs),
    ):
        month = trends.from_decimal_year(median)
        state = "passed with no crossing" if month <= end else "has not yet come"
        parts.append(f"{who} put the median in {month:%B %Y}, which {state}")
    return (
        f"No open-weight model had passed 1e26 FLOP by the data's end ({end:%B %Y}), and the projection is "
        f"conditioned on that; {'; '.join(parts)} (see the check below)"
    )
