"""The Chinchilla chapter's comparisons: digit agreement, interval overlap, the joint Wald test."""

import numpy as np
import pandas as pd
import pytest
from test_scaling_laws import TRUE_LAW, synthetic_runs

from analysis.science import scaling_laws as sl
from analysis.topics import chinchilla


def test_agreeing_digits_counts_shared_significant_figures():
    assert chinchilla.model.agreeing_digits(477.8259, 477.8417) == 4
    assert chinchilla.model.agreeing_digits(2143.417, 2143.864) == 3
    assert chinchilla.model.agreeing_digits(0.35, 0.70) == 0


def test_interval_overlap_is_one_for_equal_zero_for_disjoint_intervals():
    assert chinchilla.model.interval_overlap((1.0, 2.0), (1.0, 2.0)) == 1.0
    assert chinchilla.model.interval_overlap((1.0, 2.0), (3.0, 4.0)) == 0.0
    assert chinchilla.model.interval_overlap((0.0, 2.0), (1.0, 3.0)) == pytest.approx(1 / 3)


def _published(**laws: sl.ChinchillaLaw) -> pd.DataFrame:
    """A published-estimates frame holding each law under its prefix of ``PUBLISHED_LAWS``."""
    values = {}
    for label, law in laws.items():
        prefix = chinchilla.model.PUBLISHED_LAWS[label]
        for name, value in zip(sl.PARAMETER_NAMES, law.as_array(), strict=True):
            values[f"{prefix}.{chinchilla.model.PARAMETER_SUFFIXES[name]}"] = value
    return pd.DataFrame({"value": pd.Series(values)})


@pytest.fixture(scope="module")
def synthetic_replication():
    """Runs drawn from ``TRUE_LAW`` with 1% noise, fitted and bootstrapped (100 refits)."""
    parameters, tokens, loss = synthetic_runs(TRUE_LAW, noise=0.01, seed=3)
    fit = sl.fit_chinchilla(parameters, tokens, loss)
    bootstrap = sl.bootstrap_chinchilla(parameters, tokens, loss, fit, resamples=100, seed=5)
    runs = pd.DataFrame(
        {"parameters": parameters, "training_tokens": tokens, "loss": loss, "excluded": False}
    )
    return chinchilla.model.Replication(runs=runs, fit=fit, bootstrap=bootstrap)


def test_wald_test_accepts_the_true_law_and_rejects_a_wrong_data_term(synthetic_replication):
    wrong = sl.ChinchillaLaw(TRUE_LAW.E, TRUE_LAW.A, TRUE_LAW.B * 0.5, TRUE_LAW.alpha, TRUE_LAW.beta - 0.05)
    published = _published(**{"Hoffmann et al. (unrounded)": TRUE_LAW, "Hoffmann et al. (printed)": wrong})
    tests = chinchilla.model.wald_tests(synthetic_replication, published)
    assert len(tests) == 2 * len(chinchilla.model.WALD_PARAMETRISATIONS)
    for test in tests:
        if test.law == "Hoffmann et al. (unrounded)":
            assert test.p_value > 0.001, test
        else:
            assert test.p_value < 1e-6, test
    assert chinchilla.facts.rejection_text([t for t in tests if t.law.endswith("(unrounded)")]).startswith(
        "0 of"
    )


def test_early_stopped_endpoints_are_ranked_by_distance_from_the_target(synthetic_replication):
    published = _published(**{"Hoffmann et al. (unrounded)": TRUE_LAW})
    endpoints = chinchilla.model.early_stopped_endpoints(synthetic_replication, published)
    assert len(endpoints) == len(sl.grid_points(chinchilla.model.EARLY_STOP_GRID))
    distances = endpoints.wald_to_hoffmann.to_numpy()
    assert np.all(np.diff(distances) >= 0) and np.all(distances >= 0)
