"""The data wall (chapter 4): the figures.

Chart data and Altair charts built from the model's results.
"""

import altair as alt
import numpy as np
import pandas as pd

from analysis.report import charts
from analysis.science import trends
from analysis.science.units import format_human
from analysis.topics.data_wall.model import TOP_DATASETS, YEARS, DataWall, stock_band

NAMED_DATASETS = ("GPT-3 175B", "Chinchilla", "Llama 2-70B", "Llama 3.1 405B", "Qwen3-32B")
"""Models a reader looks for on the dataset charts (annotated when present in our data)."""


FAN_CHART_CEILING = 1e17
"""The fan chart's top (tokens): the projections run on past it, the stock never reaches it."""


DATASET_TOOLTIP = [
    alt.Tooltip("model:N", title="model"),
    alt.Tooltip("organization:N", title="organisation"),
    alt.Tooltip("publication_date:T", title="published"),
    alt.Tooltip("dataset_tokens:Q", title="dataset tokens (one pass)", format=".3~e"),
    alt.Tooltip("training_tokens:Q", title="tokens seen in training", format=".3~e"),
    alt.Tooltip("source_url:N", title="source"),
]


def _dataset_points(wall: DataWall) -> pd.DataFrame:
    points = wall.datasets.reset_index(drop=True)
    points["year"] = trends.decimal_year(points.publication_date)
    points["sample"] = np.where(
        trends.running_top_n(points.publication_date, points.dataset_tokens, TOP_DATASETS),
        "running top-5",
        "other language models",
    )
    return points


def fan_chart(wall: DataWall) -> alt.VConcatChart:
    """The effective stock and the projected largest dataset (90% bands), observed datasets, and below
    them the distribution of the year of full use."""
    band = stock_band(wall)
    points = _dataset_points(wall)
    points = points[points.year >= YEARS[0]]
    low = float(min(band.low.min(), points.dataset_tokens.min()))
    high = min(float(band.high.max()), FAN_CHART_CEILING)
    y_axis = charts.log_axis("Tokens", low, high)
    x = alt.X(
        "year:Q", title="Year", scale=alt.Scale(domain=[YEARS[0], YEARS[-1]]), axis=alt.Axis(format="d")
    )
    order = list(dict.fromkeys(band.series))
    color = alt.Color(
        "series:N", title=None, scale=alt.Scale(domain=order), legend=alt.Legend(orient="bottom", columns=2)
    )
    areas = (
        alt.Chart(band)
        .mark_area(opacity=0.15, clip=True)
        .encode(x=x, y=alt.Y("low:Q", **y_axis), y2="high:Q", color=color)
    )
    lines = (
        alt.Chart(band)
        .mark_line(clip=True)
        .encode(
            x=x,
            y=alt.Y("tokens:Q", **y_axis),
            color=color,
            tooltip=[
                alt.Tooltip("series:N"),
                alt.Tooltip("year:Q", format=".2f"),
                alt.Tooltip("tokens:Q", title="median tokens", format=".3~e"),
                alt.Tooltip("low:Q", title="5th percentile", format=".3~e"),
                alt.Tooltip("high:Q", title="95th percentile", format=".3~e"),
            ],
        )
    )
    dots = (
        alt.Chart(points)
        .mark_point(filled=True, size=30, color="#000000", opacity=0.7)
        .encode(x=x, y=alt.Y("dataset_tokens:Q", **y_axis), tooltip=DATASET_TOOLTIP)
    )
    labels = charts.point_labels(
        points[points.model.isin(NAMED_DATASETS)], x, alt.Y("dataset_tokens:Q", **y_axis), "model", points
    )
    top = alt.layer(areas, lines, dots, *labels).properties(
        title="Effective stock of public text and the largest dataset"
    )
    edges = np.append(YEARS, YEARS[-1] + 0.25)
    counts, _ = np.histogram(wall.combined.years[np.isfinite(wall.combined.years)], bins=edges)
    bins = pd.DataFrame({"start": edges[:-1], "end": edges[1:], "share": counts / len(wall.combined.years)})
    histogram = (
        alt.Chart(bins)
        .mark_bar(color=charts.OKABE_ITO[1], opacity=0.8)
        .encode(
            x=alt.X(
                "start:Q",
                title="Year of full use",
                scale=alt.Scale(domain=[YEARS[0], YEARS[-1]]),
                axis=alt.Axis(format="d"),
            ),
            x2="end:Q",
            y=alt.Y("share:Q", title="Share of paths", axis=alt.Axis(format="%")),
            tooltip=[
                alt.Tooltip("start:Q", title="from", format=".2f"),
                alt.Tooltip("end:Q", title="to", format=".2f"),
                alt.Tooltip("share:Q", title="share of paths", format=".1%"),
            ],
        )
        .properties(height=90, title="Year of full use (historical and compute-based paths)")
    )
    return alt.vconcat(top, histogram).properties(
        title="The stock of public human text and what training uses"
    )


def dataset_chart(wall: DataWall) -> alt.LayerChart:
    """Training-set size (unique tokens) of language models over time with the two fitted trends."""
    points = _dataset_points(wall)
    lines = []
    for label, fit in (("all language models", wall.growth_all), ("running top-5", wall.growth_top)):
        years = np.linspace(fit.first_year, fit.last_year, 40)
        dates = [trends.from_decimal_year(year) for year in years]
        lines.append(
            pd.DataFrame({"date": dates, "dataset_tokens": 10 ** fit.predict(years), "trend": label})
        )
    points["date"] = points.publication_date
    chart = charts.scatter_over_time(
        points,
        pd.concat(lines, ignore_index=True),
        value="dataset_tokens",
        value_title="Dataset tokens (one pass)",
        color="sample",
        color_title="Sample",
        tooltip=DATASET_TOOLTIP,
        named=NAMED_DATASETS,
    )
    return chart.properties(title="Training-dataset size of language models")


def tornado_chart(table: pd.DataFrame, base_year: float) -> alt.LayerChart:
    """One bar per input from the year at its 10th to the year at its 90th percentile, each end marked
    (circle: the input at its 10th percentile; triangle: at its 90th), on whole-year ticks."""
    frame = table.assign(
        early=table[["year at 10th percentile", "year at 90th percentile"]].min(axis=1),
        late=table[["year at 10th percentile", "year at 90th percentile"]].max(axis=1),
        **{
            f"at {end} percentile": table[f"year at {end} percentile"].map(
                lambda year: format_human(year, "year")
            )
            for end in ("10th", "90th")
        },
    )
    years = list(range(int(np.floor(frame.early.min())), int(np.ceil(frame.late.max())) + 1))
    x_scale = alt.Scale(domain=[years[0], years[-1]], nice=False)
    axis = alt.Axis(format="d", values=years)
    y = alt.Y("input:N", sort=list(frame.input), title=None, axis=alt.Axis(labelLimit=420))
    tooltip = [
        alt.Tooltip("input:N"),
        alt.Tooltip("at 10th percentile:N", title="year of full use, input at its 10th percentile"),
        alt.Tooltip("at 90th percentile:N", title="year of full use, input at its 90th percentile"),
    ]
    bars = (
        alt.Chart(frame)
        .mark_bar(color=charts.OKABE_ITO[0], height=14, opacity=0.5)
        .encode(
            y=y,
            x=alt.X("early:Q", title="Year of full use", scale=x_scale, axis=axis),
            x2="late:Q",
            tooltip=tooltip,
        )
    )
    ends = (
        alt.Chart(frame)
        .transform_fold(["year at 10th percentile", "year at 90th percentile"], as_=["end", "year"])
        .mark_point(filled=True, size=70, color="#000000")
        .encode(
            y=y,
            x=alt.X("year:Q", scale=x_scale, axis=axis),
            shape=alt.Shape(
                "end:N",
                title="The input at its",
                scale=alt.Scale(
                    domain=["year at 10th percentile", "year at 90th percentile"],
                    range=["circle", "triangle-up"],
                ),
                legend=alt.Legend(orient="bottom", labelExpr="replace(datum.label, 'year at ', '')"),
            ),
            tooltip=tooltip,
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"year": [base_year]}))
        .mark_rule(strokeDash=[4, 3])
        .encode(x=alt.X("year:Q", scale=x_scale, axis=axis))
    )
    return alt.layer(bars, ends, rule).properties(
        title="Which input moves the year of full use", width=360, height=alt.Step(charts.CATEGORY_STEP)
    )


def full_use_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Forest plot of the year of full use under each projection, beside the published figure."""
    titles = {"year": "Year of full use (median, 80% interval)", "source": "Source"}
    return charts.forest(frame, "estimate", "year", "low", "high", "source", titles, log=False).properties(
        title="When datasets reach the stock"
    )
