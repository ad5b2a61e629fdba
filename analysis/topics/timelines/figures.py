"""Timelines (chapter 6): the figures.

Chart data and Altair charts built from the model's results.
"""

import altair as alt
import numpy as np
import pandas as pd

from analysis.report import charts, page
from analysis.science import trends
from analysis.topics.timelines.model import (
    CEILING_LABELS,
    CEILING_SHORT_LABELS,
    TARGET_YEAR,
    Timelines,
    coverage,
    fan_frame,
    interactive_ceilings,
    interactive_constants,
)

CEILING_SPREAD = 0.5
"""Years between the 2030 ceilings' intervals in the fan chart, drawn side by side around 2030."""


def ceiling_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Forest plot of the 2030 ceilings (log FLOP)."""
    titles = {"flop": "FLOP in 2030 (median, 90% interval)", "source": "Source"}
    return charts.forest(frame, "estimate", "flop", "low", "high", "source", titles).properties(
        title="What limits the largest run in 2030"
    )


def fan_chart(result: Timelines, ceilings: pd.DataFrame) -> alt.LayerChart:
    """The largest run to 2035 with its band, the frontier runs and the 2030 ceilings."""
    frame = fan_frame(result)
    points = result.runs.assign(year=trends.decimal_year(result.runs.publication_date))
    marks = ceilings[ceilings.source == "this report"].head(4).assign(year=TARGET_YEAR)
    low = float(min(frame.low.min(), points.training_compute_flop.min()))
    high = float(max(frame.high.max(), marks.high.max()))
    y_axis = charts.log_axis("Training compute of the largest run (FLOP)", low, high)
    first_year = float(np.floor(min(points.year.min(), frame.year.min())))
    x = alt.X(
        "year:Q",
        title="Year",
        axis=alt.Axis(format="d"),
        scale=alt.Scale(domain=[first_year, float(np.ceil(frame.year.max()))], nice=False),
    )
    band, lines = charts.projection_layers(
        frame, x, y_axis, "flop", "FLOP", banded=[frame.projection.iloc[0]]
    )
    runs = (
        alt.Chart(points)
        .mark_point(size=30, color="#555555")
        .encode(
            x=x,
            y=alt.Y("training_compute_flop:Q", **y_axis),
            tooltip=[
                alt.Tooltip("model:N"),
                alt.Tooltip("publication_date:T", title="published"),
                alt.Tooltip("training_compute_flop:Q", title="FLOP", format=".3~e"),
            ],
        )
    )
    marks = marks.sort_values("flop").reset_index(drop=True)
    marks["year"] = TARGET_YEAR + CEILING_SPREAD * (marks.index - (len(marks) - 1) / 2)
    marks["name"] = marks.estimate.map(
        {CEILING_LABELS[key]: short for key, short in CEILING_SHORT_LABELS.items()}
    )
    ceiling_rules = (
        alt.Chart(marks)
        .mark_rule(strokeWidth=3, opacity=0.6)
        .encode(
            x=x,
            y=alt.Y("low:Q", **y_axis),
            y2="high:Q",
            tooltip=[
                alt.Tooltip("estimate:N", title="ceiling in 2030"),
                alt.Tooltip("flop:Q", title="median (FLOP)", format=".3~e"),
                alt.Tooltip("low:Q", title="5th percentile (FLOP)", format=".3~e"),
                alt.Tooltip("high:Q", title="95th percentile (FLOP)", format=".3~e"),
            ],
        )
    )
    ceiling_dots = (
        alt.Chart(marks)
        .mark_point(filled=True, size=30, color="#000000")
        .encode(x=x, y=alt.Y("flop:Q", **y_axis))
    )
    named = points[points.model.isin(("GPT-3 175B", "GPT-4", "Grok 3"))].rename(columns={"model": "name"})
    labelled = pd.concat([named.rename(columns={"training_compute_flop": "flop"}), marks], ignore_index=True)[
        ["year", "flop", "name"]
    ]
    labels = charts.point_labels(
        labelled,
        x,
        alt.Y("flop:Q", **y_axis),
        "name",
        avoid=points.rename(columns={"training_compute_flop": "flop"}),
        font_size=10,
    )
    return alt.layer(band, lines, runs, ceiling_rules, ceiling_dots, *labels).properties(
        title="The largest training run to 2035, and the 2030 ceilings"
    )


def threshold_chart(frame: pd.DataFrame) -> alt.LayerChart:
    titles = {"year": "Year first crossed (median, 90% interval)", "source": "Source"}
    return charts.forest(frame, "threshold", "year", "low", "high", "source", titles, log=False).properties(
        title="When the largest run crosses each threshold"
    )


def counts_chart(counts: pd.DataFrame) -> alt.LayerChart:
    """Models above 1e25 and 1e26 FLOP by year (observed as squares, then projected as triangles with a
    90% band)."""
    frame = counts.assign(
        threshold=counts.threshold.map(lambda t: f"above 1e{int(round(np.log10(t)))} FLOP"),
        kind=np.where(counts.observed, "observed", "projected"),
    )
    y_axis = charts.log_axis(
        "Models (cumulative)", max(1.0, float(frame.low[frame.low > 0].min())), float(frame.high.max())
    )
    x = alt.X("year:O", title="End of year")
    color = alt.Color("threshold:N", title="Threshold", legend=alt.Legend(orient="bottom"))
    positive = frame[frame["median"] > 0]
    band = (
        alt.Chart(positive)
        .mark_area(opacity=0.2)
        .encode(x=x, y=alt.Y("low:Q", **y_axis), y2="high:Q", color=color)
    )
    line = alt.Chart(positive).mark_line().encode(x=x, y=alt.Y("median:Q", **y_axis), color=color)
    points = (
        alt.Chart(positive)
        .mark_point(size=60, filled=True)
        .encode(
            x=x,
            y=alt.Y("median:Q", **y_axis),
            color=color,
            shape=alt.Shape(
                "kind:N",
                title="Count",
                scale=alt.Scale(domain=["observed", "projected"], range=["square", "triangle-up"]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("threshold:N"),
                alt.Tooltip("year:O"),
                alt.Tooltip("kind:N"),
                alt.Tooltip("median:Q", format=",.0f"),
                alt.Tooltip("low:Q", format=",.0f"),
                alt.Tooltip("high:Q", format=",.0f"),
            ],
        )
    )
    return alt.layer(band, line, points).properties(title="How many models exceed the thresholds")


def calibration_chart(raw: pd.DataFrame, widened: pd.DataFrame, factor: float) -> alt.LayerChart:
    """Observed against nominal coverage of the projection's intervals, raw and widened (raw only when
    the widening factor is 1, where both would coincide)."""
    frame = (
        coverage(raw).assign(intervals="as fitted (no widening needed)")
        if factor == 1
        else pd.concat(
            [
                coverage(raw).assign(intervals="as fitted"),
                coverage(widened).assign(intervals=f"widened x{factor:g}"),
            ]
        )
    )
    scale = alt.Scale(domain=[0, 1])
    diagonal = (
        alt.Chart(pd.DataFrame({"level": [0, 1], "share": [0, 1]}))
        .mark_line(color="#888888", strokeDash=[4, 4])
        .encode(x=alt.X("level:Q", scale=scale), y=alt.Y("share:Q", scale=scale))
    )
    rules = alt.Chart(frame).mark_rule().encode(x="level:Q", y="low:Q", y2="high:Q", color="intervals:N")
    dots = (
        alt.Chart(frame)
        .mark_point(size=70, filled=True)
        .encode(
            x=alt.X("level:Q", title="Nominal level of the interval", scale=scale),
            y=alt.Y("share:Q", title="Share of backtests inside", scale=scale),
            color=alt.Color("intervals:N", title="Intervals", legend=alt.Legend(orient="bottom")),
            tooltip=[
                "intervals:N",
                "level:Q",
                "inside:Q",
                "backtests:Q",
                alt.Tooltip("share:Q", format=".2f"),
            ],
        )
    )
    return alt.layer(diagonal, rules, dots).properties(
        title="Are the projection's intervals calibrated?", width=320
    )


SLIDERS = {
    "growth": ("Compute growth of the largest run (x/yr)", 1.5, 10.0, 0.1),
    "halving": ("Algorithmic halving time (months)", 1.0, 36.0, 0.1),
    "power_gw": ("Power of one campus in 2030 (GW)", 0.5, 20.0, 0.1),
    "distributed_gw": ("Power of a distributed network for one run (GW)", 0.5, 60.0, 0.1),
    "h100e_million": ("H100-equivalents for one run (million)", 5.0, 1000.0, 5.0),
    "budget_busd": ("Cluster budget for one run (USD billion)", 10.0, 2000.0, 1.0),
}
"""The interactive chart's assumptions: label, minimum, maximum, step (start: the fitted medians, rounded
by ``interactive_constants`` to a value the step can hold, so a slider can return to its start)."""


def _interactive_years(constants: dict) -> np.ndarray:
    """The interactive chart's years (decimal), a quarter apart from its start to 2035."""
    return np.arange(constants["start_year"], 2035.0 + 1e-9, 0.25)


PHYSICAL, EFFECTIVE, CAPPED = (
    "largest run (physical, unconstrained)",
    "effective compute (with algorithms)",
    "largest run, capped by the ceilings",
)
"""The interactive chart's lines besides its ceilings."""


def interactive_defaults(result: Timelines) -> pd.DataFrame:
    """The interactive chart's lines at its sliders' starting values, one row per line and year (FLOP):
    the data its downloadable CSV holds, since the page computes the lines in the browser."""
    constants = interactive_constants(result)
    years = _interactive_years(constants)
    elapsed = years - constants["start_year"]
    physical = constants["start_flop"] * constants["growth"] ** elapsed
    ceilings = interactive_ceilings(constants)
    lines = {
        PHYSICAL: physical,
        EFFECTIVE: physical * 2 ** (12 * elapsed / constants["halving"]),
        **{f"{name} ceiling (2030)": np.full_like(years, value) for name, value in ceilings.items()},
        CAPPED: np.minimum(physical, constants["joint_factor"] * min(ceilings.values())),
    }
    return pd.concat(
        [pd.DataFrame({"series": name, "year": years, "flop": values}) for name, values in lines.items()],
        ignore_index=True,
    )


def interactive_chart(result: Timelines) -> alt.LayerChart:
    """The largest run to 2035 and the 2030 ceilings, recomputed in the browser from six sliders, with
    a line of text that states the 2030 run and the ceiling that binds.

    Vega-Lite parameters bound to range inputs; every curve is an expression of them, so the chart
    works on the static site with no kernel and no request. At its defaults it reproduces the
    unconstrained and constrained 2030 headlines (``interactive_constants``).
    """
    constants = interactive_constants(result)
    params = [
        alt.param(
            name=name, value=constants[name], bind=alt.binding_range(min=low, max=high, step=step, name=label)
        )
        for name, (label, low, high, step) in SLIDERS.items()
    ]
    elapsed = f"(datum.year - {constants['start_year']})"
    physical = f"{constants['start_flop']:.10g} * pow(growth, {elapsed})"
    ceilings = {
        "power": f"max(power_gw, distributed_gw) * {constants['flop_per_gw']:.10g}",
        "chips": f"h100e_million * {constants['flop_per_h100e_million']:.10g}",
        "data": f"{constants['data_flop']:.10g}",
        "latency": f"{constants['latency_flop']:.10g}",
        "spend": f"budget_busd * {constants['flop_per_busd']:.10g}",
    }
    lowest = f"{constants['joint_factor']:.10g} * min(" + ", ".join(ceilings.values()) + ")"
    series = {
        PHYSICAL: physical,
        EFFECTIVE: f"{physical} * pow(2, 12 * {elapsed} / halving)",
        **{f"{name} ceiling (2030)": expression for name, expression in ceilings.items()},
        CAPPED: f"min({physical}, {lowest})",
    }
    years = pd.DataFrame({"year": _interactive_years(constants)})
    chart = alt.Chart(years)
    for name, expression in series.items():
        chart = chart.transform_calculate(**{name: expression})
    y_axis = charts.log_axis("Training compute (FLOP)", 1e25, 1e34)
    legend = alt.Legend(orient="bottom", columns=2)
    lines = (
        chart.transform_fold(list(series), as_=["series", "flop"])
        .mark_line(clip=True)
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d")),
            y=alt.Y("flop:Q", **y_axis),
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=list(series)), legend=legend),
            strokeDash=alt.StrokeDash(
                "series:N", title=None, scale=alt.Scale(domain=list(series)), legend=legend
            ),
            tooltip=[
                alt.Tooltip("series:N", title="line"),
                alt.Tooltip("year:Q", format=".2f"),
                alt.Tooltip("flop:Q", title="training compute (FLOP)", format=".3~e"),
            ],
        )
    )
    binding = " : ".join(
        f"{expression} == datum.raw_lowest ? '{name}'" for name, expression in ceilings.items()
    )
    verdict = (
        f"['2030: ' + {page.scientific('datum.capped')} + ' FLOP',"
        f" '(unconstrained ' + {page.scientific('datum.unconstrained')} + '):',"
        " datum.unconstrained <= datum.capped ? 'no ceiling binds'"
        " : 'the ' + datum.binding + ' ceiling binds']"
    )
    at_2030 = (
        alt.Chart(pd.DataFrame({"year": [2030.0]}))
        .transform_calculate(unconstrained=physical)
        .transform_calculate(raw_lowest="min(" + ", ".join(ceilings.values()) + ")")
        .transform_calculate(capped=f"min({physical}, {lowest})")
        .transform_calculate(binding=f"{binding} : ''")
        .transform_calculate(text=verdict)
    )
    text = at_2030.mark_text(align="left", baseline="top", x=4, y=4, fontSize=12).encode(text="text:N")
    return alt.layer(lines.add_params(*params), text).properties(title="Change the assumptions")
