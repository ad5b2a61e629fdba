"""The batched Newton optimiser against SciPy's scalar L-BFGS-B, on the report's own data."""

import time

import numpy as np
import pytest

from analysis.science import optimise
from analysis.science import scaling_laws as sl
from analysis.topics import chinchilla


@pytest.fixture(scope="module")
def runs():
    """The 240 digitised runs the Chinchilla chapter fits."""
    included = chinchilla.model.load_runs()
    included = included[~included.excluded]
    return included.parameters.to_numpy(), included.training_tokens.to_numpy(), included.loss.to_numpy()


def test_batched_fit_reaches_the_scalar_optimum(runs):
    fit = sl.fit_chinchilla(*runs)
    data = sl.RunData.from_arrays(*runs)
    reference = sl.minimise(fit.law.theta() + 0.05, data, sl.HUBER_DELTA, "sum", sl.CONVERGED_TOLERANCES)
    assert fit.converged and reference.converged
    np.testing.assert_allclose(fit.law.theta(), reference.law.theta(), rtol=0, atol=1e-6)
    assert fit.objective <= reference.objective * (1 + 1e-12)


def test_batched_bootstrap_refits_match_scalar_refits_one_by_one(runs):
    fit = sl.fit_chinchilla(*runs)
    resamples, seed = 60, 20240417
    batched = sl.bootstrap_chinchilla(*runs, fit, resamples=resamples, seed=seed)
    assert not batched.failed
    data = sl.RunData.from_arrays(*runs)
    rows = sl.resample_rows(len(runs[2]), resamples, seed)
    scalar = np.array(
        [
            sl.minimise(
                fit.law.theta(), data.resample(row), sl.HUBER_DELTA, "sum", sl.CONVERGED_TOLERANCES
            ).law.theta()
            for row in rows
        ]
    )
    ours = np.array([law.theta() for law in batched.laws()])
    np.testing.assert_allclose(ours, scalar, rtol=0, atol=1e-6)
    a_ours = batched.derived(lambda law: law.allocation_exponents()[0])
    a_scalar = scalar[:, 4] / (scalar[:, 3] + scalar[:, 4])
    assert batched.interval(a_ours) == pytest.approx(batched.interval(a_scalar), abs=1e-6)


def test_a_thousand_refits_take_about_a_second(runs):
    fit = sl.fit_chinchilla(*runs)
    start = time.perf_counter()
    bootstrap = sl.bootstrap_chinchilla(*runs, fit, resamples=1000)
    seconds = time.perf_counter() - start
    assert len(bootstrap.draws) == 1000
    assert seconds < 3.0, f"1,000 batched refits took {seconds:.1f} s (target 1 s on an idle 2-core machine)"


def test_a_problem_that_cannot_converge_is_reported():
    def objective(theta, rows):
        return -theta[:, 0] + theta[:, 1] ** 2

    def derivatives(theta, rows):
        gradient = np.stack([-np.ones(len(theta)), 2 * theta[:, 1]], axis=1)
        hessian = np.zeros((len(theta), 1, 2, 2))
        hessian[:, 0, 1, 1] = 2.0
        return objective(theta, rows), gradient, hessian

    result = optimise.newton_batch(objective, derivatives, np.zeros((3, 2)), max_iterations=50)
    assert not result.converged.any()
    assert list(result.failures()) == [0, 1, 2]


def test_a_convex_quadratic_converges_in_a_few_steps():
    target = np.array([[1.0, -2.0], [3.0, 0.5]])

    def objective(theta, rows):
        return ((theta - target[rows]) ** 2).sum(axis=1)

    def derivatives(theta, rows):
        hessian = np.broadcast_to(2 * np.eye(2), (len(theta), 1, 2, 2)).copy()
        return objective(theta, rows), 2 * (theta - target[rows]), hessian

    result = optimise.newton_batch(objective, derivatives, np.zeros((2, 2)))
    assert result.converged.all() and result.iterations.max() <= 10
    np.testing.assert_allclose(result.theta, target, atol=1e-10)


def test_bootstrap_leaves_out_and_reports_refits_that_did_not_converge(runs, monkeypatch):
    fit = sl.fit_chinchilla(*runs)
    real = sl.newton_fits

    def one_fails(*args, **kwargs):
        result = real(*args, **kwargs)
        converged = result.converged.copy()
        converged[3] = False
        return optimise.BatchResult(
            result.theta, result.objective, result.gradient_norm, result.iterations, converged
        )

    monkeypatch.setattr(sl, "newton_fits", one_fails)
    bootstrap = sl.bootstrap_chinchilla(*runs, fit, resamples=10)
    assert bootstrap.failed == (3,) and len(bootstrap.draws) == 9
    assert chinchilla.facts.convergence_text(bootstrap).startswith("1 of 10 refits did not converge")
    assert "all 10 refits converged" != chinchilla.facts.convergence_text(bootstrap)
