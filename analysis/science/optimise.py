"""A damped Newton method that minimises many small problems at once.

Each row of ``theta`` (shape ``(k, p)``) is its own problem: ``k`` bootstrap
replicates, or ``k`` starting points of a multi-start search. The caller's
``derivatives(theta, rows)`` returns the objective ``(k,)``, its gradient
``(k, p)`` and curvature matrices ``(k, m, p, p)`` for the problems ``rows``,
and ``objective(theta, rows)`` the objective alone, each in one vectorised
pass, so a thousand refits cost a few dozen array passes instead of a
thousand Python-level optimiser runs.

Curvature matrix 0 is the exact Hessian; others are surrogates (for a Huber
loss, the iteratively-reweighted curvature ``h'(r)/r``, which keeps steps
useful where nearly every residual sits in the loss's linear part and the
exact Hessian is almost singular). Each iteration takes, from every matrix, a
Levenberg-Marquardt-damped step on its absolute eigenvalues,
``-V diag(1 / (|w| + lam)) V^T g``, which points downhill even where the
matrix is indefinite; the first that lowers the objective is kept (the
exact Hessian's is tried first, the surrogates only where it fails); if none
does, the problem stays put. ``lam`` shrinks after a kept step and grows
after a failed one, per problem.

A problem has converged when the largest absolute component of its gradient
is at most ``gtol`` (SciPy's L-BFGS-B uses the same projected-gradient norm),
or when a step has just failed to lower the objective while the exact Hessian
is positive definite and the full Newton step moves no parameter by more than
``xtol``: in an ill-conditioned problem the gradient can stall above ``gtol``
at the objective's rounding floor, while the step shows the parameters are
already known to ``xtol``. Problems that stop without converging are reported
in ``BatchResult.converged``, never silently accepted.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

INITIAL_DAMPING = 1e-6
"""Starting ``lam``, relative to the largest absolute eigenvalue of each curvature matrix."""

DAMPING_DOWN, DAMPING_UP = 0.2, 10.0
"""Factors applied to ``lam`` after a kept and after a failed step."""

MAX_DAMPING = 1e20
"""A problem whose damping grows past this (relative) can make no further progress: it stops."""

_TINY = np.finfo(float).tiny


@dataclass(frozen=True)
class BatchResult:
    """Optimum of every problem: ``theta`` ``(k, p)``, objective and gradient max-norm ``(k,)``."""

    theta: np.ndarray
    objective: np.ndarray
    gradient_norm: np.ndarray
    iterations: np.ndarray
    converged: np.ndarray

    def failures(self) -> np.ndarray:
        """Row indices of the problems that did not converge."""
        return np.flatnonzero(~self.converged)


def _damped_steps(curvature: np.ndarray, gradient: np.ndarray, damping: np.ndarray):
    """Damped steps ``(k, p)`` from matrices ``(k, p, p)``, and the full Newton steps and PD flags."""
    eigenvalues, vectors = np.linalg.eigh(curvature)
    magnitude = np.abs(eigenvalues)
    shift = damping[:, None] * np.maximum(magnitude.max(axis=1), _TINY)[:, None]
    projected = np.einsum("kji,kj->ki", vectors, gradient)
    damped = -np.einsum("kij,kj->ki", vectors, projected / (magnitude + shift))
    full = -np.einsum("kij,kj->ki", vectors, projected / np.maximum(magnitude, _TINY))
    return damped, full, eigenvalues.min(axis=1) > 0


def newton_batch(
    objective: Callable[[np.ndarray, np.ndarray], np.ndarray],
    derivatives: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray, np.ndarray]],
    theta0: np.ndarray,
    gtol: float = 1e-10,
    xtol: float = 1e-6,
    max_iterations: int = 500,
) -> BatchResult:
    """Minimise ``k`` problems from the rows of ``theta0`` by damped Newton steps (see the module).

    ``objective(theta, rows)`` and ``derivatives(theta, rows)`` get points of
    the problems ``rows`` (integer indices into ``theta0``): the first returns
    their objective, the second their objective, gradient and curvature
    matrices (exact Hessian first). Trial points are scored with
    ``objective`` alone; ``derivatives`` is evaluated only where a step is kept.
    """
    theta = np.array(theta0, dtype=float, copy=True)
    k = len(theta)
    value, gradient, curvature = derivatives(theta, np.arange(k))
    damping = np.full(k, INITIAL_DAMPING)
    iterations = np.zeros(k, dtype=int)
    converged = np.abs(gradient).max(axis=1) <= gtol
    stuck = np.zeros(k, dtype=bool)
    failed_last = np.zeros(k, dtype=bool)
    for _ in range(max_iterations):
        active = np.flatnonzero(~converged & ~stuck)
        if not len(active):
            break
        best_value, best_theta = value[active].copy(), theta[active].copy()
        untried = np.ones(len(active), dtype=bool)
        for model in range(curvature.shape[1]):
            rows = active[untried]
            step, full, definite = _damped_steps(curvature[rows, model], gradient[rows], damping[rows])
            if model == 0:
                converged[rows] |= failed_last[rows] & definite & (np.abs(full).max(axis=1) <= xtol)
            trial = theta[rows] + step
            trial_value = objective(trial, rows)
            better = np.isfinite(trial_value) & (trial_value < value[rows])
            where = np.flatnonzero(untried)[better]
            best_value[where], best_theta[where] = trial_value[better], trial[better]
            untried[where] = False
            if not untried.any():
                break
        improved = (best_value < value[active]) & ~converged[active]
        moved, failed = active[improved], active[~improved & ~converged[active]]
        theta[moved] = best_theta[improved]
        value[moved], gradient[moved], curvature[moved] = derivatives(theta[moved], moved)
        iterations[active] += 1
        damping[moved] *= DAMPING_DOWN
        damping[failed] *= DAMPING_UP
        failed_last[active] = ~improved
        converged[moved] = np.abs(gradient[moved]).max(axis=1) <= gtol
        stuck[failed] = damping[failed] > MAX_DAMPING
    return BatchResult(
        theta=theta,
        objective=value,
        gradient_norm=np.abs(gradient).max(axis=1),
        iterations=iterations,
        converged=converged,
    )
