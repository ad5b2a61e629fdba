"""Algorithmic progress (chapter 2): the figures.

Chart data and Altair charts built from the model's results.
"""

import altair as alt
import numpy as np
import pandas as pd

from analysis.report import charts
from analysis.report.bibliography import author_year
from analysis.science import forecasts, trends
from analysis.science.units import doubling_time_months
from analysis.topics.algorithmic_progress.model import (
    LEVEL,
    RECORD_BLOCK,
    RECORD_RESAMPLES,
    SEED,
    LanguageModelResult,
    effective_compute_frame,
)


def effective_compute_chart(lm: LanguageModelResult, frame: pd.DataFrame):
    """Reducible loss against effective compute, coloured by year (log-log)."""
    points = effective_compute_frame(lm, frame)
    points = points[points.reducible_loss > 0]
    low_x, high_x = float(points.effective_compute_flop.min()), float(points.effective_compute_flop.max())
    low_y, high_y = float(points.reducible_loss.min()), float(points.reducible_loss.max())
    return (
        alt.Chart(points)
        .mark_point(size=45, filled=True)
        .encode(
            x=alt.X(
                "effective_compute_flop:Q",
                **charts.log_axis("Effective compute (2016-equivalent FLOP)", low_x, high_x),
            ),
            y=alt.Y("reducible_loss:Q", **charts.log_axis("Reducible loss (nats per word)", low_y, high_y)),
            color=alt.Color("year:O", title="Year", scale=alt.Scale(scheme=charts.SEQUENTIAL_SCHEME)),
            shape=alt.Shape("evaluation_set:N", title="Benchmark"),
            tooltip=[
                alt.Tooltip("model:N"),
                alt.Tooltip("evaluation_set:N", title="benchmark"),
                alt.Tooltip("perplexity:Q", format=".3~g"),
                alt.Tooltip("parameters:Q", format=".3~e"),
                alt.Tooltip("training_tokens:Q", format=".3~e", title="training tokens"),
                alt.Tooltip("publication_date:T", title="published"),
                alt.Tooltip("location:N", title="source table"),
            ],
        )
    ).properties(title="Language-model loss against effective compute")


def speedrun_chart(
    records: pd.DataFrame, kinked: forecasts.BreakFit, resamples: int = RECORD_RESAMPLES, seed: int = SEED
):
    """Record times (log scale): the log-linear trend with its bootstrap band, and the kinked fit."""
    years = trends.decimal_year(records.date)
    log_minutes = np.log10(records.minutes.to_numpy(float))
    grid = np.linspace(years.min(), years.max(), 60)
    centre = float(years.mean())
    rows = trends.moving_block_rows(np.random.default_rng(seed), len(years), RECORD_BLOCK, resamples)
    slopes, intercepts = trends.polynomial_fits(years[rows] - centre, log_minutes[rows], 1).T
    curves = intercepts[:, None] + slopes[:, None] * (grid - centre)
    slope, intercept = np.polyfit(years, log_minutes, 1)
    tail = (1 - LEVEL) / 2
    low, high = np.quantile(curves, [tail, 1 - tail], axis=0)
    dates = [trends.from_decimal_year(year) for year in grid]
    lines = pd.concat(
        [
            pd.DataFrame(
                {
                    "date": dates,
                    "minutes": 10 ** (intercept + slope * grid),
                    "trend": "log-linear fit, all records (spans the rule change)",
                }
            ),
            pd.DataFrame(
                {
                    "date": dates,
                    "minutes": 10 ** kinked.predict(grid),
                    "trend": "kinked fit, all records (one break)",
                }
            ),
        ],
        ignore_index=True,
    )
    return (
        charts.scatter_over_time(
            records.assign(record_label="record"),
            lines,
            value="minutes",
            value_title="Minutes on 8xH100 to the target loss",
            color="record_label",
            color_title="",
            tooltip=[
                alt.Tooltip("record:Q"),
                alt.Tooltip("date:T"),
                alt.Tooltip("minutes:Q", format=".3~g"),
                alt.Tooltip("description:N", title="what changed"),
            ],
            band=pd.DataFrame({"date": dates, "low": 10**low, "high": 10**high}),
        )
    ).properties(title="NanoGPT speedrun record times on 8×H100")


RESTATEMENTS = (
    "amodei2025.growth.algorithms_2020",
    "epoch2025.growth.algorithms",
    "amodei2025.growth.algorithms_today",
)
"""Published figures that stay out of the side-by-side figure: a restatement of another figure, and
claims that are not fitted estimates (a social-media thread's belief, an essay's guess); the context
table lists them all."""


SHORT_LABELS = {
    "ho2024.halving_time.lm": "Ho et al. 2024 (arXiv v1, 95% CI)",
    "ho2024.halving_time.lm_neurips": "Ho et al. 2024 (NeurIPS, 90% CI)",
    "hernandez2020.halving_time.imagenet": "Hernandez & Brown 2020 (ImageNet)",
    "erdil2022.halving_time.vision": "Erdil & Besiroglu 2022 (vision, 95% CI)",
}
"""Labels short enough to fit the figure's label column (source, version and level first)."""


def _published_label(figure) -> str:
    """A published figure's label: its source and the interval's level where it has one (so two versions
    of one study stay apart) first, then its subject, so a truncated label still says whose it is."""
    subject, _, source = figure.quantity.partition(" (")
    level = f", {figure.ci_level:.0%} CI" if pd.notna(figure.ci_low) else ""
    return f"{source.rstrip(')') or author_year(figure.source_key)}{level}: {subject}"


def estimates_frame(registry, published: pd.DataFrame) -> pd.DataFrame:
    """Halving times (months) from our key numbers and from published figures, for the forest plot.

    Published growth factors (x/yr) are converted to halving months with
    ``units.doubling_time_months``.
    """
    rows = []
    for number_id, label in [
        ("algorithms.halving_time.lm_constant_rate", "Language models, constant rate"),
        (
            "algorithms.halving_time.speedrun_current_rules",
            "Speedrun hardware time, current rules",
        ),
        (
            "algorithms.halving_time.speedrun",
            "Speedrun hardware time, all records",
        ),
    ]:
        number = registry[number_id]
        rows.append(
            {
                "estimate": label,
                "months": number.value,
                "low": number.ci_low,
                "high": number.ci_high,
                "source": "this report",
            }
        )
    for figure in published[published.chapter == "algorithms"].itertuples():
        if figure.Index in RESTATEMENTS:
            continue
        if figure.unit == "months":
            months, low, high = figure.value, figure.ci_low, figure.ci_high
        elif figure.unit == "x/yr":
            months = doubling_time_months(figure.value)
            low = doubling_time_months(figure.ci_high) if pd.notna(figure.ci_high) else np.nan
            high = doubling_time_months(figure.ci_low) if pd.notna(figure.ci_low) else np.nan
        else:
            continue
        rows.append(
            {
                "estimate": SHORT_LABELS.get(figure.Index, _published_label(figure)),
                "months": months,
                "low": low,
                "high": high,
                "source": "published",
            }
        )
    frame = pd.DataFrame(rows)
    frame["low"] = frame.low.fillna(frame.months)
    frame["high"] = frame.high.fillna(frame.months)
    return frame


def forest_chart(estimates: pd.DataFrame):
    """The estimates side by side (months, log scale)."""
    return (
        charts.forest(
            estimates,
            label="estimate",
            value="months",
            low="low",
            high="high",
            color="source",
            titles={
                "months": "Halving time (months)",
                "source": "Source",
            },
        )
    ).properties(title="Halving time for a fixed result: compute, or 8×H100 time (speedrun)")
