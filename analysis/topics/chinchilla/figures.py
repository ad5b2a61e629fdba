"""The Chinchilla replication (chapter 3): the figures.

Chart data and Altair charts built from the model's results.
"""

import altair as alt
import numpy as np
import pandas as pd

from analysis.report import charts
from analysis.topics.chinchilla.model import (
    CI_LEVEL,
    KAPLAN_LABEL,
    MODEL_ROWS,
    RESIDUAL_LAWS,
    Replication,
    fitted_vs_observed,
    frontier,
    iso_loss_curves,
    residuals,
)

LAW_LEGEND = alt.Legend(orient="bottom")
"""One legend for the residual figure's colour and shape (both say which law; an order given as a scale
domain, since Vega-Lite does not merge legends that sort)."""


def residual_chart(replication: Replication, published: pd.DataFrame) -> alt.LayerChart:
    """Residuals of our law and of Hoffmann et al.'s two versions against tokens per parameter."""
    frame = residuals(replication, published)
    ratio = frame.tokens_per_parameter
    zero = alt.Chart(pd.DataFrame({"residual": [0.0]})).mark_rule(color="#888888", strokeDash=[4, 4])
    points = (
        alt.Chart(frame)
        .mark_point(opacity=0.6)
        .encode(
            x=alt.X(
                "tokens_per_parameter:Q",
                **charts.log_axis("Training tokens per parameter D/N", ratio.min(), ratio.max()),
            ),
            y=alt.Y("residual:Q", title="Observed − predicted loss (nats/token)"),
            color=alt.Color(
                "law:N", title="Law", scale=alt.Scale(domain=list(RESIDUAL_LAWS)), legend=LAW_LEGEND
            ),
            shape=alt.Shape(
                "law:N", title="Law", scale=alt.Scale(domain=list(RESIDUAL_LAWS)), legend=LAW_LEGEND
            ),
            tooltip=[
                alt.Tooltip("law:N"),
                *RUN_TOOLTIP,
                alt.Tooltip("residual:Q", format=".4f", title="residual (nats)"),
            ],
        )
    )
    return (zero.encode(y="residual:Q") + points).properties(
        title="Residuals of our law and of Hoffmann et al.'s against the runs"
    )


RUN_TOOLTIP = [
    alt.Tooltip("run:Q", title="run (row in the source file)"),
    alt.Tooltip("status:N", title="status"),
    alt.Tooltip("parameters:Q", format=".3~e", title="parameters N"),
    alt.Tooltip("training_tokens:Q", format=".3~e", title="tokens D"),
    alt.Tooltip("training_compute_flop:Q", format=".3~e", title="compute (FLOP)"),
    alt.Tooltip("loss:Q", format=".3f", title="observed loss"),
]
"""Tooltip of every chart point that is a digitised run."""


ISO_LOSS_LEVELS = [2.0, 2.2, 2.5, 3.0, 3.5]
"""Loss levels (nats/token) of the iso-loss curves."""


def fitted_vs_observed_chart(replication: Replication) -> alt.LayerChart:
    """Fitted against observed loss for every run, coloured by log10 compute."""
    return (
        charts.identity_scatter(
            fitted_vs_observed(replication),
            x="loss",
            y="fitted_loss",
            color="log10_compute",
            tooltip=[*RUN_TOOLTIP, alt.Tooltip("fitted_loss:Q", format=".3f", title="fitted loss")],
            titles={
                "loss": "Observed final loss (nats/token)",
                "fitted_loss": "Fitted loss (nats/token)",
                "log10_compute": "log10 compute (FLOP)",
            },
        )
    ).properties(title="Fitted against observed final loss of the digitised runs")


def iso_loss_chart(replication: Replication, published: pd.DataFrame) -> alt.LayerChart:
    """The runs over (N, D), coloured by loss, with curves of constant fitted loss, the compute-optimal
    frontier of the fit, and Chinchilla and Gopher as trained."""
    law = replication.fit.law
    contours = iso_loss_curves(law, ISO_LOSS_LEVELS, np.logspace(7, 11.5, 200))
    parameters, tokens = law.optimal_allocation(np.logspace(18, 25, 60))
    path = pd.DataFrame(
        {"parameters": parameters, "training_tokens": tokens, "label": "compute-optimal (our fit)"}
    )
    markers = pd.DataFrame(
        [
            {
                "label": name,
                "parameters": published.value[MODEL_ROWS[name][0]],
                "training_tokens": published.value[MODEL_ROWS[name][1]],
            }
            for name in ("Chinchilla 70B", "Gopher 280B")
        ]
    )
    return (
        charts.log_log_layers(
            contours[contours.training_tokens.between(1e8, 1e13)],
            fitted_vs_observed(replication),
            x="parameters",
            y="training_tokens",
            line_group="loss_level",
            point_color="loss",
            tooltip=RUN_TOOLTIP,
            titles={
                "parameters": "Parameters N",
                "training_tokens": "Training tokens D",
                "loss_level": "Iso-loss (nats/token)",
                "loss": "Observed loss",
            },
            path=path,
            markers=markers,
        )
    ).properties(title="The fitted law over parameters and tokens, with Chinchilla and Gopher")


def frontier_chart(replication: Replication, published: pd.DataFrame, models: pd.DataFrame) -> alt.LayerChart:
    """Compute-optimal N*(C) with its band, the published fits, and real models at C = 6ND."""
    return (
        charts.band_lines(
            frontier(replication, published, np.logspace(18, 27, 60)),
            x="compute_flop",
            y="parameters",
            low="low",
            high="high",
            group="fit",
            titles={
                "compute_flop": "Training compute C (FLOP)",
                "parameters": "Compute-optimal parameters N*",
                "low": f"{CI_LEVEL:.0%} CI low",
                "high": f"{CI_LEVEL:.0%} CI high",
                "fit": "Fit",
                "model": "Model",
            },
            markers=models.drop(KAPLAN_LABEL).reset_index()[["model", "compute_flop", "parameters"]],
            marker_label="model",
        )
    ).properties(title="Compute-optimal allocation: our fit against Hoffmann et al.'s and trained models")
