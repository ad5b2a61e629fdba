"""Algorithmic progress: how fast the compute needed for a fixed result falls.

Two lines of evidence, each with a seeded bootstrap interval:

1. **Augmented scaling law** (after Ho et al. 2024). The test loss of a
   language model, L = ln(perplexity) in nats per word, falls with training
   compute C = 6 N D and with time, through an *effective compute*
   C_eff = C exp(g (t - t0)): L = E_b + A (C_eff / C_ref)**(-gamma), with a
   floor E_b per benchmark. The compute needed for a fixed loss then halves
   every ln 2 / g years. The ``separate`` variant is Ho et al.'s form, with
   effective parameters and data growing at their own rates
   (L = E_b + A N_eff**-alpha + B D_eff**-beta); under the compute-optimal
   allocation its halving time is ln 2 / (g_N + g_D).
2. **Fixed-target records**: the wall-clock time of the NanoGPT speedrun on
   fixed hardware, a log-linear fit of log10(minutes) on date.

"Is it accelerating?": each line of evidence is refitted with a rate that
changes linearly in time; the change in rate is reported with its interval.
"""

import itertools
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd
from scipy import optimize

from analysis import charts, keynumbers, trends
from analysis.trends import percentile_interval
from analysis.units import doubling_time_months, format_number

REFERENCE_YEAR = 2016.0
"""t0 of the effective-compute terms (decimal year)."""
LOG_REFERENCE_COMPUTE = np.log(1e18)
"""C_ref = 1e18 FLOP keeps A of order one."""

RESAMPLES = 200
"""Bootstrap refits of the augmented law (each refit is a nonlinear fit)."""
RECORD_RESAMPLES = 1000
RECORD_BLOCK = 5
"""Records per block of the moving-block bootstrap: each record builds on the ones before it."""
CURRENT_RULES = "after record 21"
"""The speedrun's current timing rules (``timing_rules`` in ``data/speedrun_records.csv``)."""
"""Bootstrap resamples of the speedrun records (each is a closed-form fit)."""
SEED = 20240312
LEVEL = 0.95
"""Ho et al. report 95% intervals; so do we for this chapter."""

VARIANTS = {
    "compute": "Effective compute grows at one rate g: C_eff = C exp(g (t - t0))",
    "accelerating": "The rate changes linearly in time: g(t) = g + h (t - t0)",
    "separate": "Ho et al.'s form: effective parameters and data grow at rates g_N and g_D",
    "none": "No algorithmic progress: g = 0 (the baseline)",
}
"""The model variants compared by leave-one-out error."""

RATE_COUNT = {"compute": 1, "accelerating": 2, "separate": 2, "none": 0}
SHAPE_COUNT = {"compute": 2, "accelerating": 2, "separate": 4, "none": 2}
"""Parameters before the rates: (log A, gamma), or (log A, log B, alpha, beta) for ``separate``."""


@dataclass(frozen=True)
class Evaluations:
    """Model evaluations in the arrays the law needs."""

    log_parameters: np.ndarray
    log_tokens: np.ndarray
    years: np.ndarray
    benchmark: np.ndarray  # integer code per row
    loss: np.ndarray  # ln(perplexity), nats per word
    benchmarks: tuple[str, ...]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> "Evaluations":
        """From ``data/lm_evaluations.csv`` rows that have parameters and training tokens."""
        codes, names = pd.factorize(frame.evaluation_set, sort=True)
        return cls(
            log_parameters=np.log(frame.parameters.to_numpy(float)),
            log_tokens=np.log(frame.training_tokens.to_numpy(float)),
            years=trends.decimal_year(frame.publication_date),
            benchmark=codes,
            loss=np.log(frame.perplexity.to_numpy(float)),
            benchmarks=tuple(names),
        )

    def subset(self, rows: np.ndarray) -> "Evaluations":
        """The evaluations at integer positions ``rows``."""
        return Evaluations(
            self.log_parameters[rows],
            self.log_tokens[rows],
            self.years[rows],
            self.benchmark[rows],
            self.loss[rows],
            self.benchmarks,
        )


def rates(theta: np.ndarray, variant: str) -> tuple[float, float]:
    """(total rate g per year, its change h per year per year); g = g_N + g_D for ``separate``."""
    values = theta[SHAPE_COUNT[variant] : SHAPE_COUNT[variant] + RATE_COUNT[variant]]
    if variant == "compute":
        return float(values[0]), 0.0
    if variant == "accelerating":
        return float(values[0]), float(values[1])
    if variant == "separate":
        return float(values[0] + values[1]), 0.0
    return 0.0, 0.0


def _exp(exponent: np.ndarray) -> np.ndarray:
    """exp() capped at e**50 nats, so the optimiser's excursions stay finite."""
    return np.exp(np.minimum(exponent, 50.0))


def predict(theta: np.ndarray, variant: str, data: Evaluations) -> np.ndarray:
    """Predicted loss (nats per word) for each evaluation."""
    shape = theta[: SHAPE_COUNT[variant]]
    rate = theta[SHAPE_COUNT[variant] : SHAPE_COUNT[variant] + RATE_COUNT[variant]]
    floors = np.exp(theta[SHAPE_COUNT[variant] + RATE_COUNT[variant] :])[data.benchmark]
    elapsed = data.years - REFERENCE_YEAR
    if variant == "separate":
        log_a, log_b, alpha, beta = shape
        parameter_term = _exp(log_a - alpha * (data.log_parameters + rate[0] * elapsed))
        data_term = _exp(log_b - beta * (data.log_tokens + rate[1] * elapsed))
        return floors + parameter_term + data_term
    log_a, gamma = shape
    log_effective = np.log(6.0) + data.log_parameters + data.log_tokens + _progress(rate, variant, elapsed)
    return floors + _exp(log_a - gamma * (log_effective - LOG_REFERENCE_COMPUTE))


def _progress(rate: np.ndarray, variant: str, elapsed: np.ndarray) -> np.ndarray | float:
    """Algorithmic progress in ln effective compute after ``elapsed`` years (compute-form variants)."""
    if variant == "compute":
        return rate[0] * elapsed
    if variant == "accelerating":
        return (rate[0] + 0.5 * rate[1] * elapsed) * elapsed
    return 0.0


def jacobian(theta: np.ndarray, variant: str, data: Evaluations) -> np.ndarray:
    """d(predicted loss)/d(theta), one row per evaluation (analytic; matches ``predict``)."""
    shapes, rate_count = SHAPE_COUNT[variant], RATE_COUNT[variant]
    shape, rate = theta[:shapes], theta[shapes : shapes + rate_count]
    elapsed = data.years - REFERENCE_YEAR
    result = np.zeros((len(data.loss), len(theta)))
    floor_columns = shapes + rate_count + data.benchmark
    result[np.arange(len(data.loss)), floor_columns] = np.exp(theta[floor_columns])

    def power_term(log_scale, exponent, log_size):
        """d/d(log_scale) of exp(log_scale - exponent * log_size): the term itself, zero where capped."""
        argument = log_scale - exponent * log_size
        return _exp(argument) * (argument < 50.0)

    if variant == "separate":
        log_a, log_b, alpha, beta = shape
        parameters = data.log_parameters + rate[0] * elapsed
        tokens = data.log_tokens + rate[1] * elapsed
        parameter_term, data_term = power_term(log_a, alpha, parameters), power_term(log_b, beta, tokens)
        result[:, 0], result[:, 1] = parameter_term, data_term
        result[:, 2], result[:, 3] = -parameter_term * parameters, -data_term * tokens
        result[:, 4], result[:, 5] = -alpha * parameter_term * elapsed, -beta * data_term * elapsed
        return result
    log_a, gamma = shape
    log_effective = (
        np.log(6.0)
        + data.log_parameters
        + data.log_tokens
        + _progress(rate, variant, elapsed)
        - LOG_REFERENCE_COMPUTE
    )
    term = power_term(log_a, gamma, log_effective)
    result[:, 0], result[:, 1] = term, -term * log_effective
    if variant in ("compute", "accelerating"):
        result[:, 2] = -gamma * term * elapsed
    if variant == "accelerating":
        result[:, 3] = -gamma * term * 0.5 * elapsed**2
    return result


def _starts(variant: str, data: Evaluations) -> list[np.ndarray]:
    """A small grid of starting points (rates and exponents), floors just under each benchmark's best."""
    floors = [
        np.log(max(data.loss[data.benchmark == code].min() - 0.5, 0.5))
        for code in range(len(data.benchmarks))
    ]
    rate_grid = {
        "compute": [[0.2], [0.8], [1.6]],
        "accelerating": [[0.5, 0.0], [1.0, 0.1]],
        "separate": [[0.4, 0.4], [1.0, 0.2]],
        "none": [[]],
    }
    shape_grid = {
        "separate": [[2.0, 2.0, 0.3, 0.3]],
        "compute": [[0.0, 0.05], [0.0, 0.15]],
        "accelerating": [[0.0, 0.05], [0.0, 0.15]],
        "none": [[0.0, 0.05], [0.0, 0.15]],
    }
    return [
        np.array([*shape, *rate, *floors])
        for shape, rate in itertools.product(shape_grid[variant], rate_grid[variant])
    ]


FLOOR_BOUNDS_NATS = (0.5, 5.0)
"""Plausible range of a benchmark's irreducible loss E_b (nats per word: perplexity 1.6 to 150)."""


def _bounds(variant: str, size: int):
    low, high = np.full(size, -np.inf), np.full(size, np.inf)
    exponents = slice(2, 4) if variant == "separate" else slice(1, 2)
    low[exponents], high[exponents] = 0.005, 2.0
    floors = slice(SHAPE_COUNT[variant] + RATE_COUNT[variant], size)
    low[floors], high[floors] = np.log(FLOOR_BOUNDS_NATS[0]), np.log(FLOOR_BOUNDS_NATS[1])
    return low, high


@dataclass(frozen=True)
class LawFit:
    """A fitted augmented law and what follows from it."""

    variant: str
    theta: np.ndarray
    rmse: float
    n: int

    def halving_months(self, year: float | None = None) -> float:
        """Months for the compute needed for a fixed loss to halve (at ``year`` if accelerating)."""
        rate, change = rates(self.theta, self.variant)
        rate += change * (0.0 if year is None else year - REFERENCE_YEAR)
        return float(doubling_time_months(np.exp(rate))) if rate > 0 else np.inf


def _least_squares(data: Evaluations, variant: str, start: np.ndarray):
    return optimize.least_squares(
        lambda theta: predict(theta, variant, data) - data.loss,
        start,
        jac=lambda theta: jacobian(theta, variant, data),
        bounds=_bounds(variant, len(start)),
        loss="soft_l1",
        f_scale=0.05,
        x_scale="jac",
        max_nfev=400,
    )


def fit_law(data: Evaluations, variant: str, start: np.ndarray | None = None) -> LawFit:
    """Robust least-squares fit of one variant (soft-L1 loss), best of a few starts.

    With ``start`` (a previous fit), one warm-started run: used for the
    leave-one-out and bootstrap refits.
    """
    starts = [start] if start is not None else _starts(variant, data)
    result = min((_least_squares(data, variant, theta) for theta in starts), key=lambda fit: fit.cost)
    residuals = predict(result.x, variant, data) - data.loss
    return LawFit(variant, result.x, float(np.sqrt(np.mean(residuals**2))), len(data.loss))


def leave_one_out_rmse(data: Evaluations, fit: LawFit) -> float:
    """Root-mean-square error of predicting each evaluation from a fit on all the others."""
    errors = []
    for row in range(len(data.loss)):
        keep = np.arange(len(data.loss)) != row
        refit = fit_law(data.subset(keep), fit.variant, start=fit.theta)
        errors.append(predict(refit.theta, fit.variant, data.subset(np.array([row])))[0] - data.loss[row])
    return float(np.sqrt(np.mean(np.square(errors))))


def bootstrap_law(data: Evaluations, fit: LawFit, resamples: int = RESAMPLES, seed: int = SEED) -> np.ndarray:
    """Refits on resampled evaluations (warm-started); one theta per row."""
    rng = np.random.default_rng(seed)
    thetas = []
    for _ in range(resamples):
        rows = rng.integers(0, len(data.loss), len(data.loss))
        thetas.append(fit_law(data.subset(rows), fit.variant, start=fit.theta).theta)
    return np.array(thetas)


def compute_share(fit: LawFit, data: Evaluations, early: int, late: int) -> float:
    """Shapley share of the loss reduction from ``early`` to ``late`` due to compute scaling.

    Two factors: scale (N, D) and time (algorithms). Each factor's
    contribution is its average effect over both orders of switching
    (Shapley values); the share is scale's part of the total, clipped to
    [0, 1] (outside it, one factor's fitted contribution is negative).
    """
    pair = data.subset(np.array([early, late]))

    def loss(scale_from: int, time_from: int) -> float:
        point = Evaluations(
            pair.log_parameters[[scale_from]],
            pair.log_tokens[[scale_from]],
            pair.years[[time_from]],
            pair.benchmark[[0]],
            pair.loss[[0]],
            pair.benchmarks,
        )
        return float(predict(fit.theta, fit.variant, point)[0])

    scale = 0.5 * ((loss(1, 0) - loss(0, 0)) + (loss(1, 1) - loss(0, 1)))
    algorithms = 0.5 * ((loss(0, 1) - loss(0, 0)) + (loss(1, 1) - loss(1, 0)))
    return float(np.clip(scale / (scale + algorithms), 0.0, 1.0))


@dataclass(frozen=True)
class RecordTrend:
    """Log-linear fit of a fixed-target record (minutes) over time, and its acceleration."""

    halving_months: float
    halving_low: float
    halving_high: float
    change_per_year: float
    change_low: float
    change_high: float
    n: int


def record_trend(
    dates, minutes, resamples: int = RECORD_RESAMPLES, seed: int = SEED, level: float = LEVEL
) -> RecordTrend:
    """Halving time of ``minutes`` (months) and the change in its rate over time.

    The rate is the OLS slope of log10(minutes) on decimal year; acceleration
    is the coefficient of a quadratic term, reported as the change in the
    rate of decline (OOM/yr per year; positive = faster decline). Intervals:
    ``resamples`` seeded moving-block bootstrap resamples (blocks of
    ``RECORD_BLOCK`` consecutive records), since records form a running
    minimum in which each builds on the last.
    """
    years = trends.decimal_year(dates)
    log_minutes = np.log10(np.asarray(minutes, float))
    centre = float(years.mean())

    def fit(rows):
        x = years[rows] - centre
        linear = np.polyfit(x, log_minutes[rows], 1)
        quadratic = np.polyfit(x, log_minutes[rows], 2)
        return -linear[0], -2 * quadratic[0]

    rng = np.random.default_rng(seed)
    all_rows = np.arange(len(years))
    decline, change = fit(all_rows)
    draws = np.array([fit(trends.moving_block_rows(rng, len(years), RECORD_BLOCK)) for _ in range(resamples)])
    months = float(doubling_time_months(10.0**decline))
    months_draws = doubling_time_months(10.0 ** draws[:, 0])
    low, high = percentile_interval(months_draws, level)
    change_low, change_high = percentile_interval(draws[:, 1], level)
    return RecordTrend(
        halving_months=float(months),
        halving_low=low,
        halving_high=high,
        change_per_year=float(change),
        change_low=change_low,
        change_high=change_high,
        n=len(years),
    )


@dataclass(frozen=True)
class LanguageModelResult:
    """Everything the chapter reports from the augmented law."""

    data: Evaluations
    excluded: pd.DataFrame
    fits: dict
    loo_rmse: dict
    preferred: str
    draws: np.ndarray
    acceleration_draws: np.ndarray
    share: float
    share_interval: tuple[float, float]
    share_clipped: float
    pair: tuple[str, str]

    def halving_months(self) -> float:
        """Compute halving time (months) under the preferred variant."""
        return self.fits[self.preferred].halving_months()

    def halving_interval(self) -> tuple[float, float]:
        """Bootstrap interval of the halving time (months); a non-positive rate counts as infinite."""
        return percentile_interval(
            [LawFit(self.preferred, theta, 0, 0).halving_months() for theta in self.draws], LEVEL
        )

    def acceleration(self) -> tuple[float, float, float]:
        """Change in the effective-compute growth rate h (per year per year) with its interval."""
        change = rates(self.fits["accelerating"].theta, "accelerating")[1]
        return change, *percentile_interval(self.acceleration_draws, LEVEL)


PER_PAPER = 3
"""At most this many evaluations per paper and benchmark enter the law (Ho et al.'s rule)."""


def usable_evaluations(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split evaluations into those the law uses and the rest, each excluded row with its reason.

    The law uses standard evaluations (trained on the benchmark, no test-time
    adaptation) with known training tokens, at most ``PER_PAPER`` per paper
    and benchmark (the lowest perplexities), so that one paper's many
    ablations cannot dominate the fit.
    """
    reason = pd.Series("", index=frame.index)
    reason[frame.evaluation_method != "standard"] = "evaluation method: " + frame.evaluation_method
    reason[(reason == "") & frame.training_tokens.isna()] = "training tokens not reported"
    candidates = frame[reason == ""].sort_values(["perplexity", "model"])
    kept = candidates.groupby(["source_url", "evaluation_set"]).head(PER_PAPER).index
    reason[(reason == "") & ~frame.index.isin(kept)] = f"beyond {PER_PAPER} per paper and benchmark"
    excluded = frame[reason != ""].assign(reason=reason[reason != ""])
    return frame[reason == ""].sort_values(["publication_date", "model"]).reset_index(drop=True), excluded


def analyse_language_models(frame: pd.DataFrame, resamples: int = RESAMPLES) -> LanguageModelResult:
    """Fit every variant, choose by leave-one-out error, bootstrap the preferred one.

    Rows the law cannot or should not use are returned in ``excluded`` with
    their reason (see ``usable_evaluations``). The compute share compares the
    earliest evaluation with the one of largest compute (6 N D).
    """
    usable, excluded = usable_evaluations(frame)
    data = Evaluations.from_frame(usable)
    fits = {variant: fit_law(data, variant) for variant in VARIANTS}
    loo = {variant: leave_one_out_rmse(data, fit) for variant, fit in fits.items()}
    progress_variants = [variant for variant in VARIANTS if variant != "none"]
    preferred = min(progress_variants, key=loo.get)
    draws = bootstrap_law(data, fits[preferred], resamples)
    acceleration = [
        rates(theta, "accelerating")[1] for theta in bootstrap_law(data, fits["accelerating"], resamples)
    ]
    early = int(np.argmin(data.years))
    late = int(np.argmax(data.log_parameters + data.log_tokens))
    share = compute_share(fits[preferred], data, early, late)
    shares = [compute_share(LawFit(preferred, theta, 0, 0), data, early, late) for theta in draws]
    return LanguageModelResult(
        data=data,
        excluded=excluded,
        fits=fits,
        loo_rmse=loo,
        preferred=preferred,
        draws=draws,
        acceleration_draws=acceleration,
        share=share,
        share_interval=percentile_interval(shares, LEVEL),
        share_clipped=float(np.mean(np.asarray(shares) >= 1.0)),
        pair=(usable.model.iloc[early], usable.model.iloc[late]),
    )


def variant_table(result: LanguageModelResult) -> pd.DataFrame:
    """Each variant: its description, in-sample and leave-one-out error, and halving time."""
    return pd.DataFrame(
        {
            "variant": list(VARIANTS),
            "description": list(VARIANTS.values()),
            "RMSE (nats)": [result.fits[variant].rmse for variant in VARIANTS],
            "leave-one-out RMSE (nats)": [result.loo_rmse[variant] for variant in VARIANTS],
            "halving time (months)": [
                result.fits[variant].halving_months() if variant != "none" else np.nan for variant in VARIANTS
            ],
            "preferred": [variant == result.preferred for variant in VARIANTS],
        }
    )


def effective_compute_frame(result: LanguageModelResult, frame: pd.DataFrame) -> pd.DataFrame:
    """Each evaluation's effective compute (2016-equivalent FLOP) and reducible loss under the fit.

    Effective compute uses the preferred variant's total rate (and its change,
    if accelerating); the floor E_b is that of the fitted benchmark.
    """
    fit = result.fits[result.preferred]
    data = result.data
    rate, change = rates(fit.theta, fit.variant)
    elapsed = data.years - REFERENCE_YEAR
    log_effective = (
        np.log(6.0) + data.log_parameters + data.log_tokens + (rate + 0.5 * change * elapsed) * elapsed
    )
    floors = np.exp(fit.theta[SHAPE_COUNT[fit.variant] + RATE_COUNT[fit.variant] :])
    usable, _ = usable_evaluations(frame)
    return usable.assign(
        effective_compute_flop=np.exp(log_effective),
        physical_compute_flop=6.0 * usable.parameters * usable.training_tokens,
        reducible_loss=data.loss - floors[data.benchmark],
        year=np.floor(data.years).astype(int),
    )


def register_key_numbers(
    registry, lm: LanguageModelResult, speedrun: RecordTrend, current_rules: RecordTrend
) -> None:
    """Register the chapter's headline numbers, each with its 95% interval."""
    low, high = lm.halving_interval()
    registry.register(
        "algorithms.halving_time.lm_perplexity",
        lm.halving_months(),
        (low, high),
        LEVEL,
        "months",
        "Months for the compute needed to reach a fixed language-model perplexity to halve (the law's "
        f"variants give {variant_spread(lm)}: {identification_verdict(lm)})",
        f"Augmented scaling law ({lm.preferred} variant, chosen by leave-one-out error) on "
        f"{len(lm.data.loss)} evaluations; {len(lm.draws):,} seeded bootstrap refits",
        published="ho2024.halving_time.lm",
        significant=2,
    )
    for number_id, trend, description, headline in (
        (
            "algorithms.halving_time.speedrun",
            speedrun,
            "Months for the NanoGPT speedrun record time (8xH100, fixed target loss) to halve",
            False,
        ),
        (
            "algorithms.halving_time.speedrun_current_rules",
            current_rules,
            "Months for the NanoGPT speedrun record time to halve under the current timing rules "
            "(records after record 21)",
            True,
        ),
    ):
        registry.register(
            number_id,
            trend.halving_months,
            (trend.halving_low, trend.halving_high),
            LEVEL,
            "months",
            description,
            f"OLS of log10 minutes on date, {trend.n} records; {RECORD_RESAMPLES:,} seeded moving-block "
            f"bootstrap resamples (blocks of {RECORD_BLOCK} records)",
            significant=2,
            headline=headline,
        )
    share_low, share_high = lm.share_interval
    registry.register(
        "algorithms.compute_share.lm",
        lm.share,
        (share_low, share_high),
        LEVEL,
        "dimensionless",
        f"Share of the fall in loss from {lm.pair[0]} to {lm.pair[1]} due to scaling compute (N, D)",
        f"Shapley decomposition (scale vs time) under the fitted law; {len(lm.draws):,} bootstrap refits, "
        f"{lm.share_clipped:.0%} of which give a negative algorithmic contribution and are clipped at a "
        "share of 1",
        significant=2,
    )
    registry.register(
        "algorithms.acceleration.speedrun",
        speedrun.change_per_year,
        (speedrun.change_low, speedrun.change_high),
        LEVEL,
        "OOM/yr per year",
        "Change per year in the speedrun's rate of decline (log10 minutes per year); positive = accelerating",
        f"Quadratic term of log10 minutes on date; {RECORD_RESAMPLES:,} seeded bootstrap resamples",
        significant=2,
    )


def effective_compute_chart(lm: LanguageModelResult, frame: pd.DataFrame):
    """Reducible loss against effective compute, coloured by year (log-log)."""
    points = effective_compute_frame(lm, frame)
    points = points[points.reducible_loss > 0]
    low_x, high_x = float(points.effective_compute_flop.min()), float(points.effective_compute_flop.max())
    low_y, high_y = float(points.reducible_loss.min()), float(points.reducible_loss.max())
    return (
        alt.Chart(points)
        .mark_point(size=45, filled=True)
        .encode(
            x=alt.X(
                "effective_compute_flop:Q",
                **charts.log_axis("Effective compute (2016-equivalent FLOP)", low_x, high_x),
            ),
            y=alt.Y("reducible_loss:Q", **charts.log_axis("Reducible loss (nats per word)", low_y, high_y)),
            color=alt.Color("year:O", title="Year", scale=alt.Scale(scheme=charts.SEQUENTIAL_SCHEME)),
            shape=alt.Shape("evaluation_set:N", title="Benchmark"),
            tooltip=[
                alt.Tooltip("model:N"),
                alt.Tooltip("evaluation_set:N", title="benchmark"),
                alt.Tooltip("perplexity:Q", format=".3~g"),
                alt.Tooltip("parameters:Q", format=".3~e"),
                alt.Tooltip("training_tokens:Q", format=".3~e", title="training tokens"),
                alt.Tooltip("publication_date:T", title="published"),
                alt.Tooltip("location:N", title="source table"),
            ],
        )
    ).properties(title="Language-model loss against effective compute")


SPEEDRUN_RECORDS_PER_SIDE = 10
"""Fewest records on each side of the speedrun's break (60 records in all)."""


def current_rules_trend(records: pd.DataFrame) -> RecordTrend:
    """The record trend on the records set under the current timing rules only."""
    current = records[records.timing_rules == CURRENT_RULES]
    return record_trend(current.date, current.minutes)


def rules_change_facts(records: pd.DataFrame, kinked: trends.BreakFit) -> dict:
    """When the timing rules changed, and how far the fitted break lies from that change (``rules_*``)."""
    old = records[records.timing_rules != CURRENT_RULES]
    new = records[records.timing_rules == CURRENT_RULES]
    last_old, first_new = trends.decimal_year(old.date).max(), trends.decimal_year(new.date).min()
    months_from_change = 12 * max(last_old - kinked.break_year, kinked.break_year - first_new, 0.0)
    return {
        "rules_last_old": f"{old.date.max():%B %Y}",
        "rules_first_new": f"{new.date.min():%B %Y}",
        "rules_old_records": len(old),
        "rules_new_records": len(new),
        "rules_break_verdict": (
            "falls at the change of timing rules, in the gap between the last record under the first "
            "rules and the first under the current ones"
            if months_from_change < 1
            else f"lies {months_from_change:.0f} months from the change of timing rules"
        ),
    }


def speedrun_break(records: pd.DataFrame) -> trends.BreakFit:
    """The speedrun's one-break (kinked) log-linear fit, chosen against a single line by BIC."""
    return trends.fit_break(records.date, records.minutes, min_models_per_side=SPEEDRUN_RECORDS_PER_SIDE)


def speedrun_chart(
    records: pd.DataFrame, kinked: trends.BreakFit, resamples: int = RECORD_RESAMPLES, seed: int = SEED
):
    """Record times (log scale): the log-linear trend with its bootstrap band, and the kinked fit."""
    years = trends.decimal_year(records.date)
    log_minutes = np.log10(records.minutes.to_numpy(float))
    grid = np.linspace(years.min(), years.max(), 60)
    rng = np.random.default_rng(seed)
    curves = []
    for _ in range(resamples):
        rows = trends.moving_block_rows(rng, len(years), RECORD_BLOCK)
        slope, intercept = np.polyfit(years[rows], log_minutes[rows], 1)
        curves.append(intercept + slope * grid)
    slope, intercept = np.polyfit(years, log_minutes, 1)
    tail = (1 - LEVEL) / 2
    low, high = np.quantile(np.array(curves), [tail, 1 - tail], axis=0)
    dates = [trends.from_decimal_year(year) for year in grid]
    lines = pd.concat(
        [
            pd.DataFrame(
                {"date": dates, "minutes": 10 ** (intercept + slope * grid), "trend": "log-linear fit"}
            ),
            pd.DataFrame(
                {"date": dates, "minutes": 10 ** kinked.predict(grid), "trend": "kinked fit (one break)"}
            ),
        ],
        ignore_index=True,
    )
    return (
        charts.scatter_over_time(
            records.assign(record_label="record"),
            lines,
            value="minutes",
            value_title="Minutes on 8xH100 to the target loss",
            color="record_label",
            color_title="",
            tooltip=[
                alt.Tooltip("record:Q"),
                alt.Tooltip("date:T"),
                alt.Tooltip("minutes:Q", format=".3~g"),
                alt.Tooltip("description:N", title="what changed"),
            ],
            band=pd.DataFrame({"date": dates, "low": 10**low, "high": 10**high}),
        )
    ).properties(title="NanoGPT speedrun record times on 8×H100")


def estimates_frame(registry, published: pd.DataFrame) -> pd.DataFrame:
    """Halving times (months) from our key numbers and from published figures, for the forest plot.

    Published growth factors (x/yr) are converted to halving months with
    ``units.doubling_time_months``.
    """
    rows = []
    for number_id, label in [
        ("algorithms.halving_time.lm_perplexity", "Language models, augmented law [this report]"),
        (
            "algorithms.halving_time.speedrun",
            "NanoGPT speedrun, 8xH100 time to target, not compute [this report]",
        ),
    ]:
        number = registry[number_id]
        rows.append(
            {
                "estimate": label,
                "months": number.value,
                "low": number.ci_low,
                "high": number.ci_high,
                "source": "this report",
            }
        )
    for figure in published[published.chapter == "algorithms"].itertuples():
        if figure.Index in RESTATEMENTS:
            continue
        if figure.unit == "months":
            months, low, high = figure.value, figure.ci_low, figure.ci_high
        elif figure.unit == "x/yr":
            months = doubling_time_months(figure.value)
            low = doubling_time_months(figure.ci_high) if pd.notna(figure.ci_high) else np.nan
            high = doubling_time_months(figure.ci_low) if pd.notna(figure.ci_low) else np.nan
        else:
            continue
        rows.append(
            {
                "estimate": f"{figure.quantity.split(' (')[0]} [{figure.source_key}]",
                "months": months,
                "low": low,
                "high": high,
                "source": "published",
            }
        )
    frame = pd.DataFrame(rows)
    frame["low"] = frame.low.fillna(frame.months)
    frame["high"] = frame.high.fillna(frame.months)
    return frame


def forest_chart(estimates: pd.DataFrame):
    """The estimates side by side (months, log scale)."""
    return (
        charts.forest(
            estimates,
            label="estimate",
            value="months",
            low="low",
            high="high",
            color="source",
            titles={
                "months": "Halving time for a fixed result (months): compute, or hardware time where marked",
                "source": "Source",
            },
        )
    ).properties(title="Halving time of the compute needed for a fixed result: every estimate")


COMPARISON_REASONS = {
    "ho2024.halving_time.lm": (
        "algorithms.halving_time.lm_perplexity",
        "The same kind of estimate (an augmented law on WikiText and PTB evaluations, Ho et al.'s forms "
        "among our variants) on fewer evaluations, each written from its paper; their arXiv v1 "
        "interval is 95%.",
    ),
    "ho2024.halving_time.lm_neurips": (
        "algorithms.halving_time.lm_perplexity",
        "The same study's camera-ready version: a 90% interval, wider than v1's 95% one.",
    ),
    "ho2024.compute_share.lm": (
        "algorithms.compute_share.lm",
        "Ours is one model pair (earliest vs largest); Ho et al. report a range over many pairs.",
    ),
}
"""Like-for-like comparisons: which of our key numbers each published figure is compared with, and why
they differ. Every other algorithms figure is context (``context_table``)."""

CONTEXT_KINDS = {
    "hernandez2020.halving_time.imagenet": "vision: training compute to AlexNet-level ImageNet accuracy",
    "erdil2022.halving_time.vision": "vision: an effective-compute model on ImageNet",
    "epoch2025.growth.algorithms": "a stated belief in a social-media thread, not a fitted estimate",
    "amodei2025.growth.algorithms_2020": (
        "a restatement of Hernandez and Brown's ImageNet figure (44x over 7 years): not an independent "
        "estimate, so left out of the figure above"
    ),
    "amodei2025.growth.algorithms_today": "a guess in an essay, not a fitted estimate",
}
"""What each context figure is; a published figure of this chapter that is neither compared nor listed
here is an error."""

RESTATEMENTS = ("amodei2025.growth.algorithms_2020",)
"""Published figures that restate another one and so stay out of the side-by-side figure."""


def comparison(registry, published: pd.DataFrame) -> pd.DataFrame:
    """The like-for-like comparison table, generated from ``data/published_estimates.csv``."""
    pairs = [
        (number_id, published_id, reason)
        for published_id, (number_id, reason) in COMPARISON_REASONS.items()
        if published_id in published.index
    ]
    return keynumbers.comparison_table(registry, published, pairs)


def context_table(published: pd.DataFrame) -> pd.DataFrame:
    """Every other algorithms figure (other tasks, claims), in halving months with the arithmetic."""
    figures = published[(published.chapter == "algorithms") & ~published.index.isin(list(COMPARISON_REASONS))]
    unlisted = sorted(set(figures.index) - set(CONTEXT_KINDS))
    if unlisted:
        raise ValueError(f"algorithms figures with neither a comparison nor a context: {unlisted}")
    rows = []
    for figure in figures.itertuples():
        if figure.unit == "x/yr":
            months = doubling_time_months(figure.value)
            arithmetic = f"12 × ln 2 / ln {figure.value:g} = {format_number(months)} months"
        else:
            arithmetic = f"{figure.value:g} months as published"
        rows.append(
            {
                "Figure": figure.quantity,
                "As published": f"{figure.value:g} {figure.unit}",
                "Halving time": arithmetic,
                "What it is": CONTEXT_KINDS[figure.Index],
                "Source": f"{figure.source_key}, {figure.location}",
            }
        )
    return pd.DataFrame(rows)


def _direction(low: float, high: float, rose: str, fell: str, unclear: str) -> str:
    """Which way an interval for a change points: above zero, below zero, or straddling it."""
    return rose if low > 0 else (fell if high < 0 else unclear)


HO_HALVING_ID = "ho2024.halving_time.lm"
"""Ho et al.'s published LM compute-halving time (months, 95% CI) in ``published_estimates.csv``."""


def interval_verdict(lm: LanguageModelResult, published: pd.DataFrame) -> str:
    """How our halving-time interval compares with Ho et al.'s: width, and whether theirs is inside."""
    low, high = lm.halving_interval()
    ho = published.loc[HO_HALVING_ID]
    wider = (high / low) / (ho.ci_high / ho.ci_low)
    inside = low <= ho.value <= high
    width = (
        f"{wider:.1f} times as wide (as a ratio of its ends) as Ho et al.'s"
        if wider > 1
        else "no wider than Ho et al.'s"
    )
    agreement = "contains their estimate" if inside else "excludes their estimate"
    return f"it is {width} and {agreement}"


def _variant_months(lm: LanguageModelResult) -> list[float]:
    return sorted(lm.fits[variant].halving_months() for variant in VARIANTS if variant != "none")


def variant_spread(lm: LanguageModelResult) -> str:
    """The halving times (months) the variants with progress give, lowest to highest, in words."""
    months = _variant_months(lm)
    return f"{format_number(months[0])} to {format_number(months[-1])} months"


IDENTIFIED_SPREAD = 2.0
"""The law's variants must agree within this factor for the halving time to count as identified."""


def identification_verdict(lm: LanguageModelResult) -> str:
    """Whether the halving time depends on the law chosen more than ``IDENTIFIED_SPREAD``, in words."""
    months = _variant_months(lm)
    spread = months[-1] / months[0]
    if spread > IDENTIFIED_SPREAD:
        return (
            f"they disagree by a factor of {spread:.0f}, so read this rate as weakly identified, "
            "not as a citable estimate"
        )
    return f"they agree within a factor of {IDENTIFIED_SPREAD:g}"


SHARE_PAIRS = 10
"""How many of the largest-compute evaluations the compute share is also computed for."""


def share_facts(lm: LanguageModelResult) -> dict:
    """The compute share between the earliest evaluation and each of the ``SHARE_PAIRS`` of largest
    compute (6 N D): how much the headline share depends on its one pair (``share_*``)."""
    data, fit = lm.data, lm.fits[lm.preferred]
    early = int(np.argmin(data.years))
    compute = data.log_parameters + data.log_tokens
    later = [int(i) for i in np.argsort(-compute, kind="stable") if data.years[i] > data.years[early]]
    shares = np.array([compute_share(fit, data, early, late) for late in later[:SHARE_PAIRS]])
    return {
        "share_pairs": len(shares),
        "share_min": format_number(float(shares.min()), 2),
        "share_median": format_number(float(np.median(shares)), 2),
        "share_max": format_number(float(shares.max()), 2),
        "share_clipped_pairs": int((shares >= 1.0).sum()),
    }


def summary_facts(
    lm: LanguageModelResult, records: pd.DataFrame, speedrun: RecordTrend, published: pd.DataFrame
) -> dict:
    """The summary's sentences: evaluations used, interval width, records, pair, acceleration verdicts."""
    change, change_low, change_high = lm.acceleration()
    halving_low, halving_high = lm.halving_interval()
    accelerating = [
        name
        for name, low in (("language models", change_low), ("the speedrun", speedrun.change_low))
        if low > 0
    ]
    first, last = records.iloc[0], records.iloc[-1]
    return {
        "n_used": len(lm.data.loss),
        "lm_interval_width": halving_high / halving_low,
        "lm_interval_verdict": interval_verdict(lm, published),
        "current_rules_since": f"{records[records.timing_rules == CURRENT_RULES].date.min():%B %Y}",
        "current_rules_pace": (
            "slower" if current_rules_trend(records).halving_months > speedrun.halving_months else "faster"
        ),
        "lm_variant_spread": variant_spread(lm),
        "lm_identification": identification_verdict(lm),
        "lm_acceleration_oom": (
            f"{change / np.log(10):.2f} (95% CI {change_low / np.log(10):.2f} to "
            f"{change_high / np.log(10):.2f}) OOM/yr per year of effective compute"
        ),
        "first_record": f"{first.minutes:.3g} minutes ({first.date:%B %Y})",
        "last_record": f"{last.minutes:.3g} minutes ({last.date:%B %Y})",
        "pair_early": lm.pair[0],
        "pair_late": lm.pair[1],
        "lm_acceleration_verdict": _direction(
            change_low,
            change_high,
            "the fitted rate of algorithmic progress rose over the period",
            "the fitted rate fell over the period",
            "the data cannot tell whether the rate changed",
        ),
        "speedrun_verdict": _direction(
            speedrun.change_low,
            speedrun.change_high,
            "sped up",
            "slowed down",
            "neither clearly sped up nor slowed down",
        ),
        "acceleration_answer": (
            f"The data support acceleration for {' and '.join(accelerating)}."
            if accelerating
            else "Neither line of evidence shows acceleration, but neither can test it at frontier scale: "
            "the language-model law is weakly identified and the speedrun is one small model at one fixed "
            "target."
        ),
    }


def data_facts(evaluations: pd.DataFrame, lm: LanguageModelResult, records: pd.DataFrame) -> dict:
    """The Data section's counts: evaluations by benchmark, those left out of the law and why, records."""
    excluded = lm.excluded.reason.value_counts()
    return {
        "n_evaluations": len(evaluations),
        "n_models": evaluations.model.nunique(),
        "first_year": str(evaluations.publication_date.min().year),
        "last_year": str(evaluations.publication_date.max().year),
        **{
            f"n_{name.replace('-', '_')}": int(count)
            for name, count in evaluations.evaluation_set.value_counts().items()
        },
        "n_in_law": len(lm.data.loss),
        "n_excluded": len(lm.excluded),
        "n_no_tokens": int(excluded.get("training tokens not reported", 0)),
        "n_other_method": int(excluded[excluded.index.str.startswith("evaluation method")].sum()),
        "n_per_paper": int(excluded.get(f"beyond {PER_PAPER} per paper and benchmark", 0)),
        "per_paper": PER_PAPER,
        "n_records": len(records),
    }


def method_facts(lm: LanguageModelResult) -> dict:
    """The Method section's choices: the preferred variant and the bootstrap size."""
    return {
        "preferred": lm.preferred,
        "preferred_description": VARIANTS[lm.preferred],
        "resamples": f"{len(lm.draws):,}",
    }


def law_facts(lm: LanguageModelResult) -> dict:
    """Halving times under the accelerating variant in 2014 and 2022, and its change in rate."""
    change, low, high = lm.acceleration()
    facts = {"lm_acceleration": f"{change:.2f} per year per year (95% CI {low:.2f} to {high:.2f})"}
    for year in (2014, 2022):
        months = lm.fits["accelerating"].halving_months(float(year))
        facts[f"lm_halving_{year}"] = (
            f"{format_number(months)} months"
            if np.isfinite(months)
            else "no measurable progress (a rate of zero or below)"
        )
    return facts


def speedrun_facts(fit: trends.BreakFit) -> dict:
    """The speedrun's break: date, interval, halving times before and after, BIC verdict."""
    return {
        "speedrun_break": fit.date_text,
        "speedrun_break_ci": fit.interval_text,
        "speedrun_halving_before": doubling_time_months(10**-fit.slope_before),
        "speedrun_halving_after": doubling_time_months(10**-fit.slope_after),
        "speedrun_break_verdict": fit.verdict,
    }
