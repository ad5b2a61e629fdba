"""Compute trends (chapter 1): the model's specification curve.

The growth of training compute (x/yr, 90% interval) under every combination of reasonable analyst
choices, for each estimand (notable or frontier models), and which choice moves it most. No charts,
no prose.
"""

import itertools

import numpy as np
import pandas as pd

from analysis.science import trends
from analysis.topics.compute_trends.model import (
    LANGUAGE_DOMAINS,
    OURS,
    RECENT_FRONTIER_START,
    RECORD_FACTOR,
    START,
    Sample,
)

SPECIFICATION_CHOICES = {
    "frontier": ["all", "top5", "top10", "top20", "record"],
    "start": [START, pd.Timestamp("2015-01-01"), RECENT_FRONTIER_START],
    "domain": [None, LANGUAGE_DOMAINS],
    "drop_speculative": [False, True],
    "self_play": [False, True],
    "robust": [False, True],
}
"""Every reasonable analyst choice the specification curve crosses."""


MIN_MODELS = 15


def specification_curve(models: pd.DataFrame) -> pd.DataFrame:
    """The growth estimate under every combination of ``SPECIFICATION_CHOICES``.

    Combinations with fewer than ``MIN_MODELS`` models are skipped, and so is one that selects the same
    models as an earlier one (after the burn-in a later start can leave a frontier sample unchanged), so
    every row is a distinct sample and estimator (self-play counting changes a sample only where a
    selected model has self-play compute, ``with_self_play``); frontier rules are not crossed with the
    language domain, whose frontier is an estimand of its own. Sorted by estimate; one row per
    specification with its interval. The frontier rule is ranked once per rule, domain, speculative and
    self-play choice: the start cuts it afterwards, the estimator never.
    """
    *selections, estimators = SPECIFICATION_CHOICES.values()
    variants = {False: models, True: with_self_play(models)}
    masks, rows, seen = {}, [], set()
    for frontier, start, domain, drop, self_play in itertools.product(*selections):
        if frontier != "all" and domain is not None:
            continue  # the language-model frontier is its own estimand (a headline of its own)
        data = variants[self_play]
        if (frontier, domain, drop, self_play) not in masks:
            sample = Sample("spec", frontier=frontier, domain=domain, drop_speculative=drop)
            masks[frontier, domain, drop, self_play] = sample.frontier_mask(data, **OURS)
        selected = data[
            masks[frontier, domain, drop, self_play] & (data.publication_date >= start).to_numpy()
        ]
        compute = round(float(np.log10(selected.training_compute_flop).sum()), 9)
        sample_key = (frontier == "all", frozenset(selected.index), compute)
        if len(selected) < MIN_MODELS or sample_key in seen:
            continue  # too few models, or the same models another specification already fits
        seen.add(sample_key)
        for robust in estimators:
            fit = trends.fit_growth(selected.publication_date, selected.training_compute_flop, robust=robust)
            low, high = fit.factor_interval
            rows.append(
                {
                    "frontier rule": {
                        "all": "all notable",
                        "record": f"within {RECORD_FACTOR:g}x of record",
                    }.get(frontier, f"running {frontier.replace('top', 'top-')}"),
                    "start": start.year,
                    "domain": "language" if domain else "all domains",
                    "speculative rows": "excluded" if drop else "included",
                    "self-play": "data generation added" if self_play else "optimisation only",
                    "estimator": "robust (Huber)" if robust else "OLS",
                    "n": fit.n,
                    "growth": fit.factor,
                    "low": low,
                    "high": high,
                }
            )
    curve = pd.DataFrame(rows)
    curve.insert(0, "estimand", np.where(curve["frontier rule"] == "all notable", NOTABLE, FRONTIER))
    curve = curve.sort_values(["estimand", "growth"], ignore_index=True, key=_estimand_order)
    curve["rank"] = curve.groupby("estimand").cumcount() + 1
    return curve


def with_self_play(models: pd.DataFrame) -> pd.DataFrame:
    """``models`` with self-play data generation (``self_play_compute_flop``, FLOP) added to training
    compute: the other way to count AlphaGo-style systems (the report's default counts optimisation only,
    as Epoch AI does)."""
    extra = models.self_play_compute_flop.fillna(0.0)
    return models.assign(training_compute_flop=models.training_compute_flop + extra)


NOTABLE, FRONTIER = "notable models", "frontier models"


ESTIMANDS = (NOTABLE, FRONTIER)
"""The two quantities the specification curve estimates: the growth of all notable models, and of
the frontier (however defined). Each has its own curve; their choices are not alternatives."""


def _estimand_order(column: pd.Series) -> pd.Series:
    return column.map(ESTIMANDS.index) if column.name == "estimand" else column


CHOICE_COLUMNS = ["frontier rule", "start", "domain", "speculative rows", "self-play", "estimator"]


def choice_influence(curve: pd.DataFrame) -> pd.Series:
    """For each analyst choice with several options in ``curve`` (one estimand), the ratio of the
    highest to the lowest median growth across its options, largest first."""
    spreads = {
        column: curve.groupby(column).growth.median().max() / curve.groupby(column).growth.median().min()
        for column in CHOICE_COLUMNS
        if curve[column].nunique() > 1
    }
    names = {"start": "start year"}
    return pd.Series({names.get(key, key): value for key, value in spreads.items()}).sort_values(
        ascending=False
    )
