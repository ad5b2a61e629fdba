import numpy as np
import pytest
from scipy import optimize

from analysis.science import scaling_laws as sl

TRUE_LAW = sl.ChinchillaLaw(E=1.8, A=480.0, B=2100.0, alpha=0.35, beta=0.37)


def synthetic_runs(law, noise, seed=0):
    """IsoFLOP-style runs: 8 budgets x 15 model sizes, log-normal noise on the loss."""
    rng = np.random.default_rng(seed)
    budgets = np.logspace(18, 22, 8)
    parameters, tokens = [], []
    for budget in budgets:
        optimal, _ = law.optimal_allocation(budget)
        for size in optimal * np.logspace(-1, 1, 15):
            parameters.append(size)
            tokens.append(budget / (6 * size))
    parameters, tokens = np.array(parameters), np.array(tokens)
    loss = law.loss(parameters, tokens) * np.exp(rng.normal(0, noise, len(parameters)))
    return parameters, tokens, loss


def test_fit_recovers_known_law_from_noisy_data():
    parameters, tokens, loss = synthetic_runs(TRUE_LAW, noise=0.005)
    fit = sl.fit_chinchilla(parameters, tokens, loss)
    assert fit.converged and fit.gradient_norm < 1e-6
    recovered = fit.law
    assert recovered.E == pytest.approx(TRUE_LAW.E, rel=0.03)
    assert recovered.alpha == pytest.approx(TRUE_LAW.alpha, abs=0.03)
    assert recovered.beta == pytest.approx(TRUE_LAW.beta, abs=0.03)
    assert recovered.allocation_exponents()[0] == pytest.approx(TRUE_LAW.allocation_exponents()[0], abs=0.02)


def test_fit_is_exact_without_noise():
    parameters, tokens, loss = synthetic_runs(TRUE_LAW, noise=0.0)
    fit = sl.fit_chinchilla(parameters, tokens, loss)
    np.testing.assert_allclose(fit.law.as_array(), TRUE_LAW.as_array(), rtol=1e-4)


def test_analytic_gradient_matches_finite_differences():
    parameters, tokens, loss = synthetic_runs(TRUE_LAW, noise=0.02, seed=3)
    runs = sl.RunData.from_arrays(parameters, tokens, loss)
    theta = np.array([6.0, 7.5, 0.6, 0.33, 0.38])
    for reduction in ("sum", "mean"):
        _, gradient = sl.objective_and_gradient(theta, runs, sl.HUBER_DELTA, reduction)
        numerical = optimize.approx_fprime(
            theta, lambda t, r=reduction: sl.objective(t, runs, sl.HUBER_DELTA, r), 1e-7
        )
        np.testing.assert_allclose(gradient, numerical, rtol=1e-4, atol=1e-9)


def test_vectorised_objective_matches_one_at_a_time():
    parameters, tokens, loss = synthetic_runs(TRUE_LAW, noise=0.02)
    runs = sl.RunData.from_arrays(parameters, tokens, loss)
    starts = sl.grid_points()[::97]
    stacked = sl.objective(starts, runs)
    single = [sl.objective(start, runs) for start in starts]
    np.testing.assert_allclose(stacked, single)


def test_bootstrap_is_deterministic_for_a_seed_and_varies_with_it():
    parameters, tokens, loss = synthetic_runs(TRUE_LAW, noise=0.01)
    fit = sl.fit_chinchilla(parameters, tokens, loss)
    first = sl.bootstrap_chinchilla(parameters, tokens, loss, fit, resamples=30, seed=7)
    second = sl.bootstrap_chinchilla(parameters, tokens, loss, fit, resamples=30, seed=7)
    other = sl.bootstrap_chinchilla(parameters, tokens, loss, fit, resamples=30, seed=8)
    assert first.draws.tobytes() == second.draws.tobytes()
    assert not np.array_equal(first.draws, other.draws)


def test_bootstrap_interval_covers_the_truth():
    parameters, tokens, loss = synthetic_runs(TRUE_LAW, noise=0.01, seed=11)
    fit = sl.fit_chinchilla(parameters, tokens, loss)
    bootstrap = sl.bootstrap_chinchilla(parameters, tokens, loss, fit, resamples=200, seed=1)
    low, high = bootstrap.interval(bootstrap.derived(lambda law: law.allocation_exponents()[0]))
    assert low < TRUE_LAW.allocation_exponents()[0] < high


def test_optimal_allocation_minimises_loss_at_fixed_compute():
    budget = 1e23
    parameters, tokens = TRUE_LAW.optimal_allocation(budget)
    assert 6 * parameters * tokens == pytest.approx(budget)
    best = optimize.minimize_scalar(
        lambda log_n: TRUE_LAW.loss(10**log_n, budget / (6 * 10**log_n)),
        bounds=(6, 14),
        method="bounded",
        options={"xatol": 1e-10},
    )
    assert np.log10(parameters) == pytest.approx(best.x, abs=1e-4)
    assert TRUE_LAW.optimal_loss(budget) == pytest.approx(best.fun, rel=1e-10)


def test_compute_for_loss_inverts_optimal_loss():
    for budget in (1e20, 5.76e23, 1e26):
        assert TRUE_LAW.compute_for_loss(TRUE_LAW.optimal_loss(budget)) == pytest.approx(budget, rel=1e-9)
    assert np.isinf(TRUE_LAW.compute_for_loss(TRUE_LAW.E - 0.1))


def test_allocation_exponents_sum_to_one():
    a, b = TRUE_LAW.allocation_exponents()
    assert a + b == pytest.approx(1.0)
    assert a == pytest.approx(0.37 / 0.72)


def test_averaged_loss_with_default_stopping_stops_early():
    parameters, tokens, loss = synthetic_runs(TRUE_LAW, noise=0.01, seed=5)
    converged = sl.fit_chinchilla(parameters, tokens, loss, reduction="mean")
    early = sl.fit_chinchilla(parameters, tokens, loss, reduction="mean", early_stopped=True)
    assert early.objective > converged.objective
    assert early.gradient_norm > 1e3 * converged.gradient_norm


def test_grid_scores_match_the_objective_at_every_start():
    parameters, tokens, loss = synthetic_runs(TRUE_LAW, noise=0.02)
    runs = sl.RunData.from_arrays(parameters, tokens, loss)
    for reduction in ("sum", "mean"):
        direct = sl.objective(sl.grid_points(), runs, sl.HUBER_DELTA, reduction)
        np.testing.assert_allclose(
            sl.score_grid(sl.HOFFMANN_GRID, runs, sl.HUBER_DELTA, reduction), direct, rtol=1e-12
        )


def test_batched_hessian_matches_finite_differences_of_the_gradient():
    parameters, tokens, loss = synthetic_runs(TRUE_LAW, noise=0.02, seed=3)
    runs = sl.RunData.from_arrays(parameters, tokens, loss)
    theta = np.array([[6.0, 7.5, 0.6, 0.33, 0.38], [6.2, 7.7, 0.55, 0.35, 0.36]])
    weights = np.random.default_rng(0).integers(0, 3, (2, len(loss))).astype(float)
    value, gradient, curvature = sl.batched_derivatives(theta, runs, weights, sl.HUBER_DELTA, "sum")
    step = 1e-6
    for row in range(2):
        assert value[row] == pytest.approx(
            sl.objective(theta[row], runs, sl.HUBER_DELTA, "sum", weights[row])
        )
        for column in range(5):
            shifted = theta.copy()
            shifted[row, column] += step
            _, moved, _ = sl.batched_derivatives(shifted, runs, weights, sl.HUBER_DELTA, "sum")
            numerical = (moved[row] - gradient[row]) / step
            np.testing.assert_allclose(curvature[row, 0, :, column], numerical, rtol=1e-3, atol=1e-6)
