"""Compute trends (chapter 1): the model's break analysis.

Did the growth of training compute change pace? One-break fits (``forecasts.fit_break``) to notable
and frontier models, to frontier language models, and through Epoch AI's specification. Break dates
in decimal years, slopes in OOM/yr (growth in x/yr in tables); no charts, no prose.
"""

import numpy as np
import pandas as pd

from analysis.science import forecasts, trends
from analysis.science.units import format_growth
from analysis.topics.compute_trends.model import EPOCH, HEADLINES, LANGUAGE_DOMAINS, OURS, Sample

BREAK_CANDIDATES = np.arange(2012.0, 2022.0 + 1e-9, 1 / 12)
"""Monthly break dates searched, 2012 to 2022: the span where a 'large-scale era' could begin."""


BREAK_MIN_MODELS_PER_SIDE = 10
"""A candidate break must leave at least this many models on each side of it."""


def break_candidates(dates: pd.Series) -> np.ndarray:
    """The months of ``BREAK_CANDIDATES`` with at least ``BREAK_MIN_MODELS_PER_SIDE`` models each side."""
    ordered = np.sort(trends.decimal_year(dates))
    low, high = ordered[BREAK_MIN_MODELS_PER_SIDE - 1], ordered[-BREAK_MIN_MODELS_PER_SIDE]
    return BREAK_CANDIDATES[(BREAK_CANDIDATES > low) & (BREAK_CANDIDATES <= high)]


def eras(models: pd.DataFrame) -> dict[str, forecasts.BreakFit]:
    """Break fits for notable and frontier models, kinked and with a jump."""
    notable = Sample("notable").select(models, **OURS)
    frontier = Sample("frontier", frontier="top10").select(models, **OURS)
    return {
        f"{name}_{shape}": forecasts.fit_break(
            rows.publication_date,
            rows.training_compute_flop,
            break_candidates(rows.publication_date),
            continuous=shape == "kink",
        )
        for name, rows in (("notable", notable), ("frontier", frontier))
        for shape in ("kink", "jump")
    }


LANGUAGE_CATCH_UP = 2020.5
"""Sevilla & Roldán: the largest language models caught up with the overall frontier around mid-2020."""


def language_frontier_break(models: pd.DataFrame) -> dict:
    """A kinked fit to frontier language models since 2010 (running top-10 among language models): does
    our data place a change of pace near Epoch's mid-2020 catch-up? (``lm_break_*``)"""
    rows = Sample("language frontier", frontier="top10", domain=LANGUAGE_DOMAINS).select(models, **OURS)
    fit = forecasts.fit_break(
        rows.publication_date,
        rows.training_compute_flop,
        break_candidates(rows.publication_date),
        continuous=True,
    )
    near = fit.break_low <= LANGUAGE_CATCH_UP <= fit.break_high
    return {
        "lm_break_n": len(rows),
        "lm_break_year": f"{fit.date_text}{' (at the edge of the dates searched)' if fit.at_edge() else ''}",
        "lm_break_ci": fit.interval_text,
        "lm_break_before": format_growth(10**fit.slope_before),
        "lm_break_after": format_growth(10**fit.slope_after),
        "lm_break_verdict": fit.verdict,
        "lm_break_catch_up": (
            "contains mid-2020, where Epoch places the catch-up"
            if near
            else "does not contain mid-2020, where Epoch places the catch-up"
        ),
    }


EPOCH_KINK = 2018.0
"""Epoch AI's frontier specification (Sevilla & Roldán 2024): a kink fixed at January 2018..."""


EPOCH_EXCLUDED = ("AlphaGo Master", "AlphaGo Zero", "AlphaGo Zero (40 blocks)")
"""...with AlphaGo Master and AlphaGo Zero left out (our row names AlphaGo Zero with its size)."""


def method_matched_eras(models: pd.DataFrame, epoch: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """The frontier break on either dataset through either specification, 2010 to May 2024.

    Epoch's specification: running top-10, a kink fixed at January 2018, AlphaGo Master and Zero
    excluded; ours: the break year searched by least squares, every model kept. The rate after
    the break with its 90% bootstrap interval, and whether BIC prefers the break to one line.
    """
    sample = HEADLINES["frontier_2010_2024"][0]
    rows = []
    for label, frame, columns in (("Epoch's data", epoch, EPOCH), ("our data", models, OURS)):
        selected = sample.select(frame, **columns)
        dates, compute = selected[columns["date"]], selected[columns["compute"]]
        kept = ~selected["Model" if columns["epoch"] else "model"].isin(EPOCH_EXCLUDED)
        for specification, fit in (
            (
                "Epoch's specification",
                forecasts.fit_break(dates[kept], compute[kept], [EPOCH_KINK], continuous=True),
            ),
            (
                "Epoch's kink, AlphaGo Master and Zero kept",
                forecasts.fit_break(dates, compute, [EPOCH_KINK], continuous=True),
            ),
            (
                "our break search",
                forecasts.fit_break(dates, compute, break_candidates(dates), continuous=True),
            ),
        ):
            low, high = (10**bound for bound in (fit.slope_after_low, fit.slope_after_high))
            rows.append(
                {
                    "data": label,
                    "specification": specification,
                    "break": fit.date_text,
                    "growth after the break (x/yr)": 10**fit.slope_after,
                    "90% low": low,
                    "90% high": high,
                    "growth before (x/yr)": 10**fit.slope_before,
                    "BIC": fit.verdict,
                    "models": int(kept.sum()) if specification == "Epoch's specification" else len(selected),
                }
            )
    figure = published.loc["sevilla2024.growth.frontier_since_2018"]
    rows.append(
        {
            "data": "Epoch's data",
            "specification": "published (Sevilla & Roldán 2024)",
            "break": "January 2018",
            "growth after the break (x/yr)": figure.value,
            "90% low": figure.ci_low,
            "90% high": figure.ci_high,
            "growth before (x/yr)": np.nan,
            "BIC": "",
            "models": np.nan,
        }
    )
    return pd.DataFrame(rows)
