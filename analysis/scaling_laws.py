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

from analysis.trends import percentile_interval

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

CONVERGED_TOLERANCES = {"ftol": 0.0, "gtol": 1e-10, "maxiter": 20_000, "maxfun": 40_000}
"""L-BFGS-B run to convergence: no relative-decrease stop, tiny projected gradient."""

BOOTSTRAP_TOLERANCES = {**CONVERGED_TOLERANCES, "gtol": 1e-8}
"""Bootstrap refits stop at a projected gradient of 1e-8: on the digitised runs their parameters
agree with refits at 1e-10 to better than 1e-4 (relative), in a quarter less time."""

STARTS_TO_OPTIMISE = 20
"""How many of the best-scoring grid starts L-BFGS-B is run from."""

SCIPY_DEFAULT_TOLERANCES: dict = {}
"""L-BFGS-B with SciPy's default stopping rules (``ftol`` 2.2e-9, ``gtol`` 1e-5)."""


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


def objective(theta: np.ndarray, runs: RunData, delta: float = HUBER_DELTA, reduction: str = "sum"):
    """Huber loss of the log-loss residuals, summed (or averaged) over runs.

    ``theta`` may be one vector ``(a, b, e, alpha, beta)`` or a stack of them
    (shape ``(k, 5)``), which scores every start of a grid in one pass.
    """
    residuals, _, _ = _residuals(theta, runs)
    total = huber(residuals, delta).sum(axis=-1)
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


@dataclass(frozen=True)
class FitResult:
    """A fitted law and how the optimiser got there."""

    law: ChinchillaLaw
    objective: float
    gradient_norm: float
    iterations: int
    converged: bool
    message: str


def minimise(theta0, runs: "RunData", delta: float, reduction: str, tolerances: dict) -> FitResult:
    """L-BFGS-B on the Huber objective from ``theta0`` (a, b, e, alpha, beta), with the given stopping."""
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
        gradient_norm=float(np.linalg.norm(gradient)),
        iterations=int(result.nit),
        converged=bool(result.success),
        message=str(result.message),
    )


def grid_points(grid: dict[str, np.ndarray] = HOFFMANN_GRID) -> np.ndarray:
    """Every start of ``grid`` as rows ``(a, b, e, alpha, beta)``."""
    return np.array(list(itertools.product(grid["a"], grid["b"], grid["e"], grid["alpha"], grid["beta"])))


def fit_chinchilla(
    parameters,
    tokens,
    loss,
    delta: float = HUBER_DELTA,
    reduction: str = "sum",
    grid: dict[str, np.ndarray] = HOFFMANN_GRID,
    starts_to_optimise: int = STARTS_TO_OPTIMISE,
    tolerances: dict = CONVERGED_TOLERANCES,
) -> FitResult:
    """Fit the Chinchilla law to runs (N parameters, D tokens, loss in nats/token).

    Scores every grid start at once, runs L-BFGS-B (analytic gradient) from
    the ``starts_to_optimise`` best, and returns the lowest optimum.
    ``reduction="mean"`` averages the Huber loss instead of summing it;
    ``tolerances=SCIPY_DEFAULT_TOLERANCES`` stops where SciPy stops by default.
    """
    runs = RunData.from_arrays(parameters, tokens, loss)
    starts = grid_points(grid)
    scores = np.concatenate(
        [
            objective(chunk, runs, delta, reduction)
            for chunk in np.array_split(starts, -(-len(starts) // 4096))
        ]
    )
    best_starts = starts[np.argsort(scores, kind="stable")[:starts_to_optimise]]
    fits = [minimise(start, runs, delta, reduction, tolerances) for start in best_starts]
    return min(fits, key=lambda fit: fit.objective)


@dataclass(frozen=True)
class Bootstrap:
    """Refits of the law on resampled runs: ``draws`` has one row per resample.

    Columns follow ``PARAMETER_NAMES`` (E, A, B, alpha, beta).
    """

    draws: np.ndarray
    seed: int

    def laws(self) -> list[ChinchillaLaw]:
        """Each resample's fitted law."""
        return [ChinchillaLaw(*row) for row in self.draws]

    def interval(self, values: np.ndarray, level: float = 0.95) -> tuple[float, float]:
        """Percentile interval of a per-resample quantity ``values`` at ``level``."""
        return percentile_interval(values, level)

    def derived(self, quantity) -> np.ndarray:
        """``quantity(law)`` for every resample's law, as an array."""
        return np.array([quantity(law) for law in self.laws()])


def bootstrap_chinchilla(
    parameters,
    tokens,
    loss,
    point_estimate: FitResult,
    resamples: int = 1000,
    seed: int = 20240417,
    delta: float = HUBER_DELTA,
    reduction: str = "sum",
    tolerances: dict = BOOTSTRAP_TOLERANCES,
) -> Bootstrap:
    """Nonparametric bootstrap: resample runs with replacement and refit.

    Each refit runs L-BFGS-B (by default on the summed Huber loss, to
    convergence) from the full-sample optimum: a warm start, since the
    resampled optimum lies close to it, so no grid search per resample.
    """
    runs = RunData.from_arrays(parameters, tokens, loss)
    rng = np.random.default_rng(seed)
    start = point_estimate.law.theta()
    draws = np.empty((resamples, len(PARAMETER_NAMES)))
    for index in range(resamples):
        rows = rng.integers(0, len(runs.log_loss), len(runs.log_loss))
        fit = minimise(start, runs.resample(rows), delta, reduction, tolerances)
        draws[index] = fit.law.as_array()
    return Bootstrap(draws=draws, seed=seed)
