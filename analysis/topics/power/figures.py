"""Power and cost (chapter 5): the figures.

Chart data and Altair charts built from the model's results.
"""

import altair as alt
import numpy as np
import pandas as pd

from analysis.report import charts
from analysis.science import trends, units
from analysis.topics.power.growth import Decomposition, PowerAndCost, projection_frame, reference_frame

NAMED_RUNS = ("AlexNet", "GPT-3 175B", "PaLM (540B)", "GPT-4", "Llama 3.1 405B", "Grok 3", "Gemini 1.0 Ultra")


RUN_TOOLTIP = [
    alt.Tooltip("model:N", title="model"),
    alt.Tooltip("date:T", title="published"),
    alt.Tooltip("hardware:N", title="hardware"),
    alt.Tooltip("chips:Q", title="chips", format=",.0f"),
    alt.Tooltip("power_w:Q", title="power (W)", format=".3~e"),
    alt.Tooltip("power_w_low:Q", title="90% low (W)", format=".3~e"),
    alt.Tooltip("power_w_high:Q", title="90% high (W)", format=".3~e"),
    alt.Tooltip("figures_from:N", title="chip figures from"),
    alt.Tooltip("cluster:N", title="cluster"),
]


X_DOMAIN = (2025, 2030)
"""Years the power fan chart spans."""

IMPUTED_LABEL = "imputed cluster (not in the trend)"
"""The shape legend's entry for runs whose chip or training time is imputed."""


def _points(result: PowerAndCost) -> pd.DataFrame:
    """Every run with an estimate, disclosed and imputed, marked by shape and in the tooltip."""
    table = result.with_imputed.table
    points = table.assign(date=table.publication_date)
    points["chip figures"] = np.where(table.imputed, IMPUTED_LABEL, table.figures_from)
    points["cluster"] = np.where(
        table.imputed,
        "imputed (chip in use, training time from the prior)",
        "disclosed (by the developer or reports)",
    )
    return points


def _trend_line(fit: trends.GrowthFit, column: str, label: str) -> pd.DataFrame:
    years = np.linspace(fit.first_year, fit.last_year, 40)
    dates = [trends.from_decimal_year(year) for year in years]
    return pd.DataFrame({"date": dates, column: 10 ** fit.predict(years), "trend": label})


def power_chart(result: PowerAndCost) -> alt.LayerChart:
    """Power of frontier training runs over time (log W), the fitted trend and the named runs."""
    points = _points(result)
    lines = _trend_line(
        result.growth.fit, "power_w", f"trend, {units.format_growth(result.growth.fit.factor)}"
    )
    chart = charts.scatter_over_time(
        points,
        lines,
        "power_w",
        "Power drawn (W)",
        "chip figures",
        "Chip figures from",
        RUN_TOOLTIP,
        named=NAMED_RUNS,
    )
    return chart.properties(title="Power drawn by frontier training runs")


def cost_chart(result: PowerAndCost) -> alt.LayerChart:
    """Amortised cost of frontier training runs over time (log USD) with the fitted trend."""
    points = _points(result)
    points = points[points.cost_usd.notna()]
    lines = _trend_line(result.cost.fit, "cost_usd", f"trend, {units.format_growth(result.cost.fit.factor)}")
    tooltip = RUN_TOOLTIP[:4] + [
        alt.Tooltip("cost_usd:Q", title="cost (USD)", format=".3~e"),
        alt.Tooltip("price_date:N", title="price dated"),
        alt.Tooltip("price_usd:Q", title="price per chip (USD)", format=",.0f"),
        alt.Tooltip("value_at_start_usd:Q", title="value at training start (USD)", format=",.0f"),
        alt.Tooltip("cluster:N", title="cluster"),
    ]
    chart = charts.scatter_over_time(
        points,
        lines,
        "cost_usd",
        "Amortised cost (USD)",
        "chip figures",
        "Chip figures from",
        tooltip,
        named=NAMED_RUNS,
    )
    return chart.properties(title="Amortised hardware and energy cost of frontier training runs")


def efficiency_chart(epoch_hardware: pd.DataFrame, fits: dict) -> alt.LayerChart:
    """Peak FLOP/s per W by release date, FP32 and 16-bit tensor, with the fitted trends."""
    chips = epoch_hardware[epoch_hardware["Release date"] >= pd.Timestamp("2010-01-01")]
    frames, lines = [], []
    for key, column, label in (
        ("fp32", "FP32 (single precision) performance (FLOP/s)", "FP32"),
        ("tensor_16bit", "Tensor-FP16/BF16 performance (FLOP/s)", "16-bit tensor"),
    ):
        rows = chips[chips[column].notna() & chips["TDP (W)"].notna()]
        frames.append(
            pd.DataFrame(
                {
                    "model": rows["Hardware name"],
                    "date": rows["Release date"],
                    "flop_per_s_per_w": rows[column] / rows["TDP (W)"],
                    "precision": label,
                }
            )
        )
        lines.append(
            _trend_line(fits[key], "flop_per_s_per_w", f"{label}: {units.format_growth(fits[key].factor)}")
        )
    tooltip = [
        alt.Tooltip("model:N", title="accelerator"),
        alt.Tooltip("date:T", title="released"),
        alt.Tooltip("flop_per_s_per_w:Q", title="FLOP/s per W", format=".3~e"),
    ]
    chart = charts.scatter_over_time(
        pd.concat(frames),
        pd.concat(lines),
        "flop_per_s_per_w",
        "Peak FLOP/s per W of TDP",
        "precision",
        "Precision",
        tooltip,
        named=("NVIDIA Tesla V100 SXM2", "NVIDIA H100 SXM5 80GB", "NVIDIA B200"),
    )
    return chart.properties(title="Energy efficiency of ML accelerators (Epoch AI's table, our fit)")


def decomposition_chart(decomposition: Decomposition) -> alt.LayerChart:
    """Each term's growth in OOM/yr with its interval: the compute bar beside the parts."""
    frame = decomposition.table
    y = alt.Y("term:N", sort=list(frame.term), title=None, axis=alt.Axis(labelLimit=360))
    bars = (
        alt.Chart(frame)
        .mark_bar(color=charts.OKABE_ITO[0], height=14)
        .encode(
            y=y,
            x=alt.X("OOM/yr:Q", title="Growth (orders of magnitude per year)"),
            tooltip=[
                alt.Tooltip("term:N"),
                alt.Tooltip("OOM/yr:Q", format=".3f"),
                alt.Tooltip("low:Q", format=".3f"),
                alt.Tooltip("high:Q", format=".3f"),
                alt.Tooltip("runs:Q"),
            ],
        )
    )
    rules = alt.Chart(frame).mark_rule(color="#000000").encode(y=y, x="low:Q", x2="high:Q")
    return alt.layer(bars, rules).properties(
        title="Why power grows more slowly than compute", width=360, height=alt.Step(charts.CATEGORY_STEP)
    )


def fan_chart(
    result: PowerAndCost, references: pd.DataFrame, published: pd.DataFrame, joint=None
) -> alt.LayerChart:
    """The largest run's projected power to 2030 (this chapter's paths and the joint simulation's)
    against grids, campuses and Epoch/EPRI's range."""
    frame = projection_frame(result, joint)
    refs = reference_frame(result, references, published)
    low = float(min(frame.low.min(), refs.power_w.min()))
    high = float(max(frame.high.max(), refs.power_w.max()))
    y_axis = charts.log_axis("Power of the largest run (W)", low, high)
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(domain=list(X_DOMAIN)))
    band, line = charts.projection_layers(frame, x, y_axis, "power_w", "W")
    rules = (
        alt.Chart(refs)
        .mark_rule(strokeDash=[4, 3], color="#666666")
        .encode(
            y=alt.Y("power_w:Q", **y_axis),
            tooltip=[alt.Tooltip("reference:N"), alt.Tooltip("power_w:Q", title="power (W)", format=".3~e")],
        )
    )
    ends = pd.concat([refs.assign(year=float(year)) for year in X_DOMAIN], ignore_index=True)
    labels = charts.point_labels(
        ends,
        x,
        alt.Y("power_w:Q", **y_axis),
        "label",
        sides=("top-right", "bottom-right", "top-left", "bottom-left"),
        font_size=10,
    )
    return alt.layer(band, line, rules, *labels).properties(title="The largest training run's power to 2030")
