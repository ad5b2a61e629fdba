"""The Chinchilla parametric scaling law, its fit, bootstrap and allocation.

The law (Hoffmann et al. 2022, Eq. 2) predicts the final training loss (nats
per token) of a model with ``N`` parameters trained on ``D`` tokens:

    L(N, D) = E + A / N**alpha + B / D**beta.

It is fitted as Hoffmann et al. describe (App. D.2) and as Besiroglu et al.
(2024) replicate: with ``a = ln A``, ``b = ln B``, ``e = ln E`` the predicted
log-loss is ``LSE(a - alpha ln N, b - beta ln D, e)`` and the Huber loss
(``delta = 1e-3``) of the log-loss residuals is minimised by L-BFGS-B from a
grid of starting points. Natural logs throughout this module.

Speed: the objective comes with its analytic gradient; the whole start grid
is scored in one vectorised pass and only the best starts are optimised;
bootstrap refits start from the full-sample optimum.
"""

import itertools
from dataclasses import dataclass

import numpy as np
from scipy import optimize

from analysis.science.optimise import newton_batch
from analysis.science.trends import percentile_interval

HUBER_DELTA = 1e-3
"""Huber threshold on log-loss residuals used by Hoffmann et al. and the replication."""

HOFFMANN_GRID = {
    "alpha": np.arange(0.0, 2.01, 0.5),
    "beta": np.arange(0.0, 2.01, 0.5),
    "e": np.arange(-1.0, 1.01, 0.5),
    "a": np.arange(0.0, 25.1, 5.0),
    "b": np.arange(0.0, 25.1, 5.0),
}
"""Starting grid of Hoffmann et al. App. D.2, as the replication implements it (4,500 starts)."""

PARAMETER_NAMES = ("E", "A", "B", "alpha", "beta")
"""Order of the law's parameters in arrays returned by this module."""

TOKENS_PER_FLOP_CONVENTION = 6.0
"""Training compute C = 6 N D FLOP (forward and backward pass, Kaplan et al. 2020)."""

NEWTON_GTOL = 1e-10
"""Fits run to convergence stop when no gradient component exceeds this (objective units)."""

NEWTON_XTOL = 1e-6
"""... or, once rounding stalls the objective, when a full Newton step moves no parameter of
``(ln A, ln B, ln E, alpha, beta)`` by more than this: the objective is flat to double precision
over ~2e-7 along its stiffest direction, so the optimum is not defined more finely."""

CONVERGED_TOLERANCES = {"ftol": 0.0, "gtol": NEWTON_GTOL, "maxiter": 20_000, "maxfun": 40_000}
"""SciPy L-BFGS-B run to convergence (no relative-decrease stop): the scalar reference the batched
Newton fits are tested against."""

SCIPY_DEFAULT_TOLERANCES: dict = {}
"""L-BFGS-B with SciPy's default stopping rules (``ftol`` 2.2e-9, ``gtol`` 1e-5): the original's setup."""

STARTS_TO_OPTIMISE = 20
"""How many of the best-scoring grid starts are optimised."""


class ConvergenceError(RuntimeError):
    """No start of a fit converged."""


def allocation_draws(parameters: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row of law parameters (E, A, B, alpha, beta), the compute-optimal data exponent b and scale
    G of D*(C) = (C/6)**b / G (``ChinchillaLaw.optimal_allocation``, vectorised over rows)."""
    _, big_a, big_b, alpha, beta = np.asarray(parameters, float).T
    total = alpha + beta
    return alpha / total, (alpha * big_a / (beta * big_b)) ** (1.0 / total)


@dataclass(frozen=True)
class ChinchillaLaw:
    """Parameters of L(N, D) = E + A / N**alpha + B / D**beta (loss in nats/token)."""

    E: float
    A: float
    B: float
    alpha: float
    beta: float

    @classmethod
    def from_theta(cls, theta: np.ndarray) -> "ChinchillaLaw":
        """From the optimiser's vector ``(a, b, e, alpha, beta)`` with a = ln A etc."""
        a, b, e, alpha, beta = (float(value) for value in theta)
        return cls(E=np.exp(e), A=np.exp(a), B=np.exp(b), alpha=alpha, beta=beta)

    def as_array(self) -> np.ndarray:
        """``[E, A, B, alpha, beta]`` (the order of ``PARAMETER_NAMES``)."""
        return np.array([self.E, self.A, self.B, self.alpha, self.beta])

    def theta(self) -> np.ndarray:
        """The optimiser's vector ``(ln A, ln B, ln E, alpha, beta)``."""
        return np.array([np.log(self.A), np.log(self.B), np.log(self.E), self.alpha, self.beta])

    def loss(self, parameters, tokens):
        """Predicted final loss (nats/token) for ``parameters`` N and ``tokens`` D."""
        parameters = np.asarray(parameters, dtype=float)
        tokens = np.asarray(tokens, dtype=float)
        return self.E + self.A / parameters**self.alpha + self.B / tokens**self.beta

    def allocation_exponents(self) -> tuple[float, float]:
        """Exponents (a, b) of the compute-optimal N* ∝ C**a and D* ∝ C**b.

        a = beta / (alpha + beta), b = alpha / (alpha + beta) (Hoffmann et al. Eq. 4).
        """
        total = self.alpha + self.beta
        return self.beta / total, self.alpha / total

    def _allocation_scale(self) -> float:
        """G = (alpha A / (beta B))**(1/(alpha+beta)) of Hoffmann et al. Eq. 4."""
        return (self.alpha * self.A / (self.beta * self.B)) ** (1.0 / (self.alpha + self.beta))

    def optimal_allocation(self, compute_flop):
        """Compute-optimal parameters N*(C) and tokens D*(C) for C = 6 N D FLOP.

        N* = G (C/6)**a and D* = (C/6)**b / G with G = (alpha A / (beta B))**(1/(alpha+beta)).
        """
        compute_flop = np.asarray(compute_flop, dtype=float)
        a, b = self.allocation_exponents()
        scale = self._allocation_scale()
        half_budget = compute_flop / TOKENS_PER_FLOP_CONVENTION
        return scale * half_budget**a, half_budget**b / scale

    def tokens_per_parameter(self, compute_flop):
        """Compute-optimal tokens per parameter D*/N* at a budget of ``compute_flop`` FLOP."""
        parameters, tokens = self.optimal_allocation(compute_flop)
        return tokens / parameters

    def optimal_loss(self, compute_flop):
        """Lowest loss (nats/token) reachable with ``compute_flop`` FLOP under C = 6 N D."""
        return self.loss(*self.optimal_allocation(compute_flop))

    def loss_decay(self) -> tuple[float, float]:
        """(K, gamma) of the compute-optimal loss L*(C) = E + K (C/6)**(-gamma).

        gamma = alpha beta / (alpha + beta); K = A G**(-alpha) + B G**beta.
        """
        gamma = self.alpha * self.beta / (self.alpha + self.beta)
        scale = self._allocation_scale()
        return self.A * scale**-self.alpha + self.B * scale**self.beta, gamma

    def compute_for_loss(self, target_loss):
        """FLOP a compute-optimal run needs to reach ``target_loss`` (nats/token, > E)."""
        coefficient, gamma = self.loss_decay()
        excess = np.asarray(target_loss, dtype=float) - self.E
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(
                excess > 0, TOKENS_PER_FLOP_CONVENTION * (excess / coefficient) ** (-1.0 / gamma), np.inf
            )


def huber(residuals: np.ndarray, delta: float) -> np.ndarray:
    """Huber loss: quadratic for |r| <= delta, linear beyond (same units as r²)."""
    magnitude = np.abs(residuals)
    return np.where(magnitude <= delta, 0.5 * residuals**2, delta * (magnitude - 0.5 * delta))


@dataclass(frozen=True)
class RunData:
    """Training runs in the log space the fit uses (natural logs)."""

    log_parameters: np.ndarray
    log_tokens: np.ndarray
    log_loss: np.ndarray

    @classmethod
    def from_arrays(cls, parameters, tokens, loss) -> "RunData":
        """From N (parameters), D (tokens) and final loss (nats/token)."""
        return cls(
            np.log(np.asarray(parameters, float)),
            np.log(np.asarray(tokens, float)),
            np.log(np.asarray(loss, float)),
        )

    def resample(self, rows: np.ndarray) -> "RunData":
        """The runs at integer positions ``rows`` (with repeats, for a bootstrap)."""
        return RunData(self.log_parameters[rows], self.log_tokens[rows], self.log_loss[rows])


def _residuals(theta: np.ndarray, runs: RunData):
    """Log-loss residuals of the LSE model and the softmax weights of its terms.

    ``theta`` is ``(a, b, e, alpha, beta)`` or a stack of them (shape ``(k, 5)``);
    residuals then have shape ``(k, runs)``. Returns the residuals, the three
    unnormalised exponentials and their sum (the LSE computed stably).
    """
    theta = np.asarray(theta, float)
    a, b, e, alpha, beta = (theta[..., column, None] for column in range(5))
    parameter_term = a - alpha * runs.log_parameters
    token_term = b - beta * runs.log_tokens
    largest = np.maximum(np.maximum(parameter_term, token_term), e)
    exponentials = (np.exp(parameter_term - largest), np.exp(token_term - largest), np.exp(e - largest))
    total = exponentials[0] + exponentials[1] + exponentials[2]
    residuals = largest + np.log(total) - runs.log_loss
    return residuals, exponentials, total


def objective(
    theta: np.ndarray, runs: RunData, delta: float = HUBER_DELTA, reduction: str = "sum", weights=1.0
):
    """Huber loss of the log-loss residuals, summed (or averaged) over runs.

    ``theta`` may be one vector ``(a, b, e, alpha, beta)`` or a stack of them
    (shape ``(k, 5)``), each scored on the runs weighted by ``weights``
    (``(k, runs)`` bootstrap counts; by default every run once).
    """
    residuals, _, _ = _residuals(theta, runs)
    total = (huber(residuals, delta) * weights).sum(axis=-1)
    return total / len(runs.log_loss) if reduction == "mean" else total


def objective_and_gradient(theta: np.ndarray, runs: RunData, delta: float, reduction: str):
    """The objective and its analytic gradient with respect to ``(a, b, e, alpha, beta)``."""
    residuals, exponentials, total = _residuals(theta, runs)
    scaled_slope = np.clip(residuals, -delta, delta) / total
    parameter_weight, token_weight, constant_weight = (scaled_slope * x for x in exponentials)
    gradient = np.array(
        [
            parameter_weight.sum(),
            token_weight.sum(),
            constant_weight.sum(),
            -(parameter_weight @ runs.log_parameters),
            -(token_weight @ runs.log_tokens),
        ]
    )
    value = huber(residuals, delta).sum()
    if reduction == "mean":
        return value / len(residuals), gradient / len(residuals)
    return value, gradient


def batched_derivatives(theta: np.ndarray, runs: RunData, weights: np.ndarray, delta: float, reduction: str):
    """Objective ``(k,)``, gradient ``(k, 5)`` and curvatures ``(k, 2, 5, 5)`` for ``k`` problems at once.

    Row ``i`` of ``theta`` is scored on the runs weighted by row ``i`` of
    ``weights`` (``(k, runs)``; bootstrap counts, or ones). With ``r`` the
    log-loss residual and ``p`` the softmax weights of the three LSE terms,
    the gradient of ``r`` is ``g = (p1, p2, p3, -p1 ln N, -p2 ln D)`` and its
    Hessian ``sum_j p_j J_j^T J_j - g g^T`` (``J_j`` the j-th term's
    derivative), so the objective's Hessian is
    ``sum w [(h'' - h') g g^T + h' sum_j p_j J_j^T J_j]`` for the Huber loss ``h``
    (curvature 0). Curvature 1 replaces ``h''`` by the reweighting ``h'(r) / r`` (1 inside the
    Huber threshold, ``delta / |r|`` beyond), a surrogate for steps where nearly every residual lies
    in the loss's linear part.
    """
    residuals, exponentials, total = _residuals(theta, runs)
    p1, p2, p3 = (x / total for x in exponentials)
    x, y = runs.log_parameters, runs.log_tokens
    slope = np.clip(residuals, -delta, delta) * weights
    magnitude = np.abs(residuals)
    curvature = (
        np.stack([magnitude <= delta, np.minimum(1.0, delta / np.maximum(magnitude, delta))]) * weights
    )
    derivative = np.stack([p1, p2, p3, -x * p1, -y * p2], axis=-1)
    value = (huber(residuals, delta) * weights).sum(axis=-1)
    gradient = np.einsum("kn,knj->kj", slope, derivative)
    term_curvature = np.zeros((len(theta), 5, 5))
    s1, s2 = slope * p1, slope * p2
    term_curvature[:, 0, 0] = s1.sum(axis=-1)
    term_curvature[:, 1, 1] = s2.sum(axis=-1)
    term_curvature[:, 2, 2] = (slope * p3).sum(axis=-1)
    term_curvature[:, 0, 3] = term_curvature[:, 3, 0] = -(s1 @ x)
    term_curvature[:, 3, 3] = s1 @ x**2
    term_curvature[:, 1, 4] = term_curvature[:, 4, 1] = -(s2 @ y)
    term_curvature[:, 4, 4] = s2 @ y**2
    outer = derivative.transpose(0, 2, 1)[None]
    hessian = np.matmul(outer * (curvature - slope)[:, :, None, :], derivative[None]) + term_curvature[None]
    hessian = hessian.transpose(1, 0, 2, 3)
    if reduction == "mean":
        runs_count = weights.shape[-1]
        return value / runs_count, gradient / runs_count, hessian / runs_count
    return value, gradient, hessian


@dataclass(frozen=True)
class FitResult:
    """A fitted law and how the optimiser got there (``gradient_norm``: largest |component|)."""

    law: ChinchillaLaw
    objective: float
    gradient_norm: float
    iterations: int
    converged: bool
    message: str


def minimise(theta0, runs: "RunData", delta: float, reduction: str, tolerances: dict) -> FitResult:
    """L-BFGS-B (SciPy) on the Huber objective from ``theta0`` (a, b, e, alpha, beta).

    The scalar reference for ``newton_fits`` and, with
    ``SCIPY_DEFAULT_TOLERANCES``, the original's early-stopped setup.
    """
    result = optimize.minimize(
        objective_and_gradient,
        np.asarray(theta0, float),
        args=(runs, delta, reduction),
        jac=True,
        method="L-BFGS-B",
        options=tolerances,
    )
    _, gradient = objective_and_gradient(result.x, runs, delta, reduction)
    return FitResult(
        law=ChinchillaLaw.from_theta(result.x),
        objective=float(result.fun),
        gradient_norm=float(np.abs(gradient).max()),
        iterations=int(result.nit),
        converged=bool(result.success),
        message=str(result.message),
    )


def newton_fits(starts: np.ndarray, runs: RunData, weights: np.ndarray, delta: float, reduction: str):
    """Converged fits from each row of ``starts``, each on the runs weighted by its row of ``weights``.

    One batched damped-Newton run (``analysis.science.optimise``) to ``NEWTON_GTOL`` / ``NEWTON_XTOL``.
    """
    weights = np.broadcast_to(np.asarray(weights, float), (len(starts), len(runs.log_loss)))

    def value(theta, rows):
        return objective(theta, runs, delta, reduction, weights[rows])

    def derivatives(theta, rows):
        return batched_derivatives(theta, runs, weights[rows], delta, reduction)

    return newton_batch(value, derivatives, starts, gtol=NEWTON_GTOL, xtol=NEWTON_XTOL)


def grid_points(grid: dict[str, np.ndarray] = HOFFMANN_GRID) -> np.ndarray:
    """Every start of ``grid`` as rows ``(a, b, e, alpha, beta)``."""
    return np.array(list(itertools.product(grid["a"], grid["b"], grid["e"], grid["alpha"], grid["beta"])))


def score_grid(grid: dict[str, np.ndarray], runs: RunData, delta: float, reduction: str) -> np.ndarray:
    """The objective at every start of ``grid``, in the order of ``grid_points(grid)``.

    The LSE's terms are separable: ``a - alpha ln N`` depends on ``(a, alpha)``
    only, ``b - beta ln D`` on ``(b, beta)``, so their exponentials are taken
    once per pair and combined by broadcasting, one value of ``a`` at a time.
    Every term is scaled by the largest over the grid, per run; the ``e`` term
    keeps the sum at least ``exp(min e - that largest)``, far from underflow
    for grids like Hoffmann et al.'s.
    """
    x, y = runs.log_parameters, runs.log_tokens
    parameter_term = grid["a"][:, None, None] - grid["alpha"][None, :, None] * x
    token_term = grid["b"][:, None, None] - grid["beta"][None, :, None] * y
    constant_term = grid["e"][:, None] + np.zeros_like(x)
    shift = np.maximum.reduce(
        [parameter_term.max(axis=(0, 1)), token_term.max(axis=(0, 1)), constant_term.max(0)]
    )
    parameter_exp, token_exp, constant_exp = (
        np.exp(term - shift) for term in (parameter_term, token_term, constant_term)
    )
    scores = []
    for by_alpha in parameter_exp:
        total = (
            by_alpha[None, None, :, None, :]
            + token_exp[:, None, None, :, :]
            + constant_exp[None, :, None, None, :]
        )
        residuals = shift + np.log(total) - runs.log_loss
        scores.append(huber(residuals, delta).sum(axis=-1).ravel())
    scores = np.concatenate(scores)
    return scores / len(x) if reduction == "mean" else scores


def fit_chinchilla(
    parameters,
    tokens,
    loss,
    delta: float = HUBER_DELTA,
    reduction: str = "sum",
    grid: dict[str, np.ndarray] = HOFFMANN_GRID,
    starts_to_optimise: int = STARTS_TO_OPTIMISE,
    early_stopped: bool = False,
) -> FitResult:
    """Fit the Chinchilla law to runs (N parameters, D tokens, loss in nats/token).

    Scores every grid start at once, optimises the ``starts_to_optimise``
    best and returns the lowest optimum: by default all of them in one batched
    Newton run to convergence; with ``early_stopped=True`` by L-BFGS-B with
    SciPy's default stopping, one start at a time, as the original did.
    ``reduction="mean"`` averages the Huber loss instead of summing it.
    """
    runs = RunData.from_arrays(parameters, tokens, loss)
    starts = grid_points(grid)
    scores = score_grid(grid, runs, delta, reduction)
    best_starts = starts[np.argsort(scores, kind="stable")[:starts_to_optimise]]
    if early_stopped:
        fits = [minimise(start, runs, delta, reduction, SCIPY_DEFAULT_TOLERANCES) for start in best_starts]
        return min(fits, key=lambda fit: fit.objective)
    result = newton_fits(best_starts, runs, 1.0, delta, reduction)
    if not result.converged.any():
        raise ConvergenceError(
            f"none of {len(best_starts)} starts converged to a gradient of {NEWTON_GTOL:.0e}"
        )
    best = np.flatnonzero(result.converged)[np.argmin(result.objective[result.converged])]
    return FitResult(
        law=ChinchillaLaw.from_theta(result.theta[best]),
        objective=float(result.objective[best]),
        gradient_norm=float(result.gradient_norm[best]),
        iterations=int(result.iterations[best]),
        converged=True,
        message="batched damped Newton: gradient below tolerance",
    )


@dataclass(frozen=True)
class Bootstrap:
    """Refits of the law on resampled runs: ``draws`` has one row per converged resample.

    Columns follow ``PARAMETER_NAMES`` (E, A, B, alpha, beta). ``failed`` holds
    the indices of resamples whose refit did not converge; they are left out of
    ``draws`` and reported by the chapter.
    """

    draws: np.ndarray
    seed: int
    resamples: int
    failed: tuple[int, ...] = ()

    def laws(self) -> list[ChinchillaLaw]:
        """Each resample's fitted law."""
        return [ChinchillaLaw(*row) for row in self.draws]

    def interval(self, values: np.ndarray, level: float = 0.95) -> tuple[float, float]:
        """Percentile interval of a per-resample quantity ``values`` at ``level``."""
        return percentile_interval(values, level)

    def derived(self, quantity) -> np.ndarray:
        """``quantity(law)`` for every resample's law, as an array."""
        return np.array([quantity(law) for law in self.laws()])


def resample_rows(runs: int, resamples: int, seed: int) -> np.ndarray:
    """Positions of the runs in each resample, ``(resamples, runs)``: drawn with replacement, seeded."""
    rng = np.random.default_rng(seed)
    return np.stack([rng.integers(0, runs, runs) for _ in range(resamples)])


def bootstrap_chinchilla(
    parameters,
    tokens,
    loss,
    point_estimate: FitResult,
    resamples: int = 1000,
    seed: int = 20240417,
    delta: float = HUBER_DELTA,
    reduction: str = "sum",
    early_stopped: bool = False,
) -> Bootstrap:
    """Nonparametric bootstrap: resample runs with replacement and refit.

    Every refit starts from the full-sample optimum (a warm start: the
    resampled optimum lies close to it). By default all resamples are refitted
    at once by batched Newton to convergence; with ``early_stopped=True`` each
    by L-BFGS-B with SciPy's default stopping, as the original did.
    """
    runs = RunData.from_arrays(parameters, tokens, loss)
    rows = resample_rows(len(runs.log_loss), resamples, seed)
    start = point_estimate.law.theta()
    if early_stopped:
        fits = [
            minimise(start, runs.resample(row), delta, reduction, SCIPY_DEFAULT_TOLERANCES) for row in rows
        ]
        thetas = np.array([fit.law.theta() for fit in fits])
        converged = np.array([fit.converged for fit in fits])
    else:
        counts = np.stack([np.bincount(row, minlength=len(runs.log_loss)) for row in rows])
        result = newton_fits(np.tile(start, (resamples, 1)), runs, counts, delta, reduction)
        thetas, converged = result.theta, result.converged
    draws = np.array([ChinchillaLaw.from_theta(theta).as_array() for theta in thetas[converged]])
    return Bootstrap(
        draws=draws, seed=seed, resamples=resamples, failed=tuple(np.flatnonzero(~converged).tolist())
    )
