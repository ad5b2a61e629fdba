"""Compute trends (chapter 1): the figures.

Chart data and Altair charts built from the model's results.
"""

import altair as alt
import numpy as np
import pandas as pd

from analysis.report import charts
from analysis.science import forecasts, trends
from analysis.topics.compute_trends.model import OURS, START, Sample
from analysis.topics.compute_trends.specification import CHOICE_COLUMNS, ESTIMANDS

DOMAIN_GROUPS = {"language": "language", "vision": "vision", "multimodal": "multimodal", "games": "games"}


NAMED_MODELS = ("GPT-3 175B", "GPT-4", "Grok 4", "Llama 3.1 405B", "Grok 3")
"""Models a reader looks for on the compute chart (labelled; where a phone has no room for all, the
first ones keep their names)."""


def all_models_chart(models: pd.DataFrame, fits: dict[str, trends.GrowthFit]) -> alt.LayerChart:
    """Every model (log10 compute vs date, coloured by domain) with the fitted trends and named models."""
    points = models.assign(
        domain_group=models.domain.map(DOMAIN_GROUPS).fillna("other"),
        date=models.publication_date,
    )
    lines = []
    for label, fit in fits.items():
        years = np.linspace(fit.first_year, fit.last_year, 40)
        lines.append(
            pd.DataFrame(
                {
                    "date": [trends.from_decimal_year(year) for year in years],
                    "training_compute_flop": 10 ** fit.predict(years),
                    "trend": label,
                }
            )
        )
    return (
        charts.scatter_over_time(
            points,
            pd.concat(lines, ignore_index=True),
            value="training_compute_flop",
            value_title="Training compute (FLOP)",
            color="domain_group",
            color_title="Domain",
            tooltip=[
                alt.Tooltip("model:N", title="model"),
                alt.Tooltip("organization:N", title="organisation"),
                alt.Tooltip("publication_date:T", title="published"),
                alt.Tooltip("training_compute_flop:Q", title="compute (FLOP)", format=".3~e"),
                alt.Tooltip("compute_method:N", title="method"),
                alt.Tooltip("confidence:N", title="confidence"),
                alt.Tooltip("source_url:N", title="source"),
            ],
            named=NAMED_MODELS,
        )
    ).properties(title="Training compute of notable models, with the fitted trends")


def backtest_chart(models: pd.DataFrame, cutoff: str, sample: Sample) -> alt.LayerChart:
    """Models before and after ``cutoff``, the trend fitted before it, and its 90% projection band."""
    selected = sample.select(models, **OURS)
    result = forecasts.backtest(selected.publication_date, selected.training_compute_flop, cutoff)
    years = np.linspace(
        trends.decimal_year([START])[0], trends.decimal_year([selected.publication_date.max()])[0], 60
    )
    design = np.column_stack([np.ones_like(years), years - result["reference_year"]])
    prediction = result["fit"].get_prediction(design)
    low, high = prediction.conf_int(obs=True, alpha=1 - result["level"]).T
    dates = [trends.from_decimal_year(year) for year in years]
    after = years > result["cutoff_year"]
    cutoff_label = pd.Timestamp(cutoff).year
    points = selected.assign(
        date=selected.publication_date,
        period=np.where(
            selected.publication_date > pd.Timestamp(cutoff), f"after {cutoff_label}", f"up to {cutoff_label}"
        ),
    )
    return (
        charts.scatter_over_time(
            points,
            pd.DataFrame(
                {
                    "date": dates,
                    "training_compute_flop": 10**prediction.predicted_mean,
                    "trend": f"fit up to {cutoff_label}",
                }
            ),
            value="training_compute_flop",
            value_title="Training compute (FLOP)",
            color="period",
            color_title="Released",
            tooltip=[
                alt.Tooltip("model:N", title="model"),
                alt.Tooltip("publication_date:T", title="published"),
                alt.Tooltip("training_compute_flop:Q", title="compute (FLOP)", format=".3~e"),
            ],
            band=pd.DataFrame({"date": dates, "low": 10**low, "high": 10**high})[after],
        )
    ).properties(title=f"Backtest: the trend fitted up to {cutoff} against the models that came after")


def specification_chart(curve: pd.DataFrame) -> alt.VConcatChart:
    """One specification curve per estimand, each sorted by estimate with its interval, above an
    indicator panel marking the choices behind every specification."""
    panels = []
    for estimand in ESTIMANDS:
        part = curve[curve.estimand == estimand]
        dots = charts.interval_dots(
            part,
            x="rank",
            y="growth",
            low="low",
            high="high",
            color="frontier rule",
            titles={
                "rank": f"Specification ({estimand}, sorted by estimate)",
                "growth": "Growth (x/yr, log scale)",
                "frontier rule": "Sample",
            },
            tooltip=SPECIFICATION_TOOLTIP,
        ).properties(title=f"Growth of training compute, {estimand}: every analyst choice")
        choices = part.melt(["rank"], CHOICE_COLUMNS, var_name="choice", value_name="option")
        choices["option"] = choices.choice + ": " + choices.option.astype(str)
        indicators = (
            alt.Chart(choices[choices.groupby("choice").option.transform("nunique") > 1])
            .mark_point(shape="square", size=14, filled=True, color="#444444")
            .encode(
                x=alt.X("rank:Q", title=None, axis=alt.Axis(labels=False, ticks=False)),
                y=alt.Y("option:N", title=None),
                tooltip=["option:N", "rank:Q"],
            )
            .properties(height=alt.Step(11))
        )
        panels.append(alt.vconcat(dots, indicators, spacing=4))
    return alt.vconcat(*panels, spacing=24).properties(
        title="Growth of training compute under every analyst choice, one curve per estimand"
    )


SPECIFICATION_TOOLTIP = [
    alt.Tooltip("frontier rule:N"),
    alt.Tooltip("start:O", title="from"),
    alt.Tooltip("domain:N"),
    alt.Tooltip("speculative rows:N"),
    alt.Tooltip("self-play:N"),
    alt.Tooltip("estimator:N"),
    alt.Tooltip("n:Q", title="models"),
    alt.Tooltip("growth:Q", format=".2f", title="x/yr"),
    alt.Tooltip("low:Q", format=".2f", title="90% low"),
    alt.Tooltip("high:Q", format=".2f", title="90% high"),
]
