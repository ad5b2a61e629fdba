"""Algorithmic progress (chapter 2): the prose facts.

Key-number registration, glued sentences and display tables.
"""

import numpy as np
import pandas as pd

from analysis.report.bibliography import author_year
from analysis.science import forecasts, trends
from analysis.science.units import doubling_time_months, format_in_unit, format_number
from analysis.topics.algorithmic_progress.model import (
    COMPARISON_REASONS,
    CURRENT_RULES,
    HEADLINE_VARIANT,
    LEVEL,
    PER_PAPER,
    RATE_DATES,
    RECORD_BLOCK,
    RECORD_RESAMPLES,
    SHARE_ANCHORS,
    SHARE_PAIRS,
    VARIANTS,
    LanguageModelResult,
    RecordTrend,
    _variant_months,
    at_bounds,
    bounded_parameters,
    paired_loo_z,
    variant_spread,
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
                result.fits[variant].halving_months() if variant in ("compute", "separate") else np.nan
                for variant in VARIANTS
            ],
            "preferred": [variant == result.preferred for variant in VARIANTS],
        }
    )


def register_key_numbers(
    registry, lm: LanguageModelResult, speedrun: RecordTrend, current_rules: RecordTrend
) -> None:
    """Register the chapter's headline numbers, each with its 95% interval."""
    low, high = lm.halving_interval()
    lm_through = trends.from_decimal_year(float(lm.data.years.max()))
    registry.register(
        "algorithms.halving_time.lm_constant_rate",
        lm.halving_months(),
        (low, high),
        LEVEL,
        "months",
        "Months for the compute needed to reach a fixed language-model perplexity to halve, at one "
        f"constant rate of effective compute over the evaluations' years ({lm_years(lm)})",
        f"Augmented scaling law, constant-rate (compute) form, on {len(lm.data.loss)} evaluations; "
        f"{len(lm.constant_draws):,} seeded bootstrap refits, "
        f"{at_bounds(lm.constant_draws, HEADLINE_VARIANT).mean():.0%} of which end at a bound of the fit "
        "(the interval understates the uncertainty when that share is large). The constant-rate forms give "
        f"{variant_spread(lm)}; the accelerating form's rate changes with the date and is reported at "
        "dates on the page",
        published=HO_HALVING_ID,
        significant=2,
        data_through=lm_through,
    )
    for number_id, trend, description, headline in (
        (
            "algorithms.halving_time.speedrun",
            speedrun,
            "Months for the NanoGPT speedrun record time (8xH100, fixed target loss) to halve, all records "
            "across the change of timing rules",
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
        f"Share of the fall in loss due to scaling compute (N, D): median over {len(lm.pair_shares)} pairs, "
        f"each of the {SHARE_ANCHORS} earliest evaluations against the {SHARE_PAIRS} of largest compute "
        "after it",
        f"Shapley decomposition (scale vs time) under the fitted law, per pair; interval from the median "
        f"over pairs in each of {len(lm.draws):,} bootstrap refits, {lm.share_clipped:.0%} of which are "
        "clipped at a share of 1 (negative algorithmic contribution)",
        significant=2,
        data_through=lm_through,
    )
    for number_id, trend, sample, headline in (
        (
            "algorithms.acceleration.speedrun",
            speedrun,
            "all records, across the change of timing rules",
            False,
        ),
        (
            "algorithms.acceleration.speedrun_current_rules",
            current_rules,
            "records under the current timing rules (after record 21)",
            True,
        ),
    ):
        registry.register(
            number_id,
            trend.change_per_year,
            (trend.change_low, trend.change_high),
            LEVEL,
            "OOM/yr per year",
            f"Change per year in the speedrun's rate of decline (log10 minutes per year), {sample}; "
            "positive = accelerating",
            f"Quadratic term of log10 minutes on date, {trend.n} records; {RECORD_RESAMPLES:,} seeded "
            f"moving-block bootstrap resamples (blocks of {RECORD_BLOCK} records)",
            significant=2,
            headline=headline,
        )


def rules_change_facts(records: pd.DataFrame, kinked: forecasts.BreakFit) -> dict:
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
                "Source": f"{author_year(figure.source_key)}, {figure.location}",
            }
        )
    return pd.DataFrame(rows)


HO_HALVING_ID = "ho2024.halving_time.lm"
"""Ho et al.'s published LM compute-halving time (months, 95% CI) in ``published_estimates.csv``."""


def interval_verdict(lm: LanguageModelResult, published: pd.DataFrame) -> str:
    """How our constant-rate halving time compares with Ho et al.'s (the same estimand)."""
    return compare_intervals(lm.halving_months(), lm.halving_interval(), published.loc[HO_HALVING_ID])


def compare_intervals(value: float, interval: tuple[float, float], theirs: pd.Series) -> str:
    """The width of our interval against theirs (ratio of ends), whether their estimate lies in ours,
    and whether ours lies in theirs (``theirs``: a published row with value, ci_low, ci_high, ci_level)."""
    low, high = interval
    wider = (high / low) / (theirs.ci_high / theirs.ci_low)
    width = (
        f"{wider:.1f} times as wide (as a ratio of its ends) as Ho et al.'s"
        if wider > 1
        else "no wider than Ho et al.'s"
    )
    theirs_in_ours = "contains" if low <= theirs.value <= high else "excludes"
    ours_in_theirs = "inside" if theirs.ci_low <= value <= theirs.ci_high else "outside"
    return (
        f"it is {width}; it {theirs_in_ours} their estimate, and ours lies {ours_in_theirs} their "
        f"{theirs.ci_level:.0%} interval"
    )


def loo_verdict(z: float, short: bool = False) -> str:
    """Whether the accelerating form's better leave-one-out error is beyond noise (z above 2)."""
    if z > 2:
        return "beyond noise" if short else "a difference beyond noise"
    if short:
        return "though within noise"
    return "a difference within noise (z below 2), so the data do not choose between them"


IDENTIFIED_SPREAD = 2.0
"""The constant-rate forms must agree within this factor for the halving time to count as identified by
the choice of form."""


def identification_verdict(lm: LanguageModelResult) -> str:
    """Whether the constant-rate halving time depends on the form more than ``IDENTIFIED_SPREAD``."""
    return spread_verdict(_variant_months(lm))


def spread_verdict(months: list[float]) -> str:
    """The verdict on the constant-rate forms' halving times (months, lowest first)."""
    spread = months[-1] / months[0]
    if spread > IDENTIFIED_SPREAD:
        return f"they disagree by a factor of {spread:.0f}, so the form, not the data, sets the number"
    return (
        f"they agree (the longest is {(spread - 1):.0%} above the shortest), so the choice of form does not "
        "set it"
    )


def lm_years(lm: LanguageModelResult) -> str:
    """The span of the evaluations the law uses, as years."""
    return f"{int(lm.data.years.min())}–{int(lm.data.years.max())}"


def share_facts(lm: LanguageModelResult) -> dict:
    """The spread of the compute share over its pairs (``model.share_pairs``): how much the headline
    median depends on any one pair, and the papers its anchors come from (``share_*``)."""
    shares = lm.pair_shares
    return {
        "share_anchors": SHARE_ANCHORS,
        "share_anchor_names": ", ".join(lm.anchors),
        "share_pairs": len(shares),
        "share_min": format_number(float(shares.min()), 2),
        "share_max": format_number(float(shares.max()), 2),
        "share_clipped_pairs": int((shares >= 1.0).sum()),
    }


def summary_facts(
    lm: LanguageModelResult,
    records: pd.DataFrame,
    speedrun: RecordTrend,
    current_rules: RecordTrend,
    published: pd.DataFrame,
) -> dict:
    """The summary's sentences: evaluations used, interval width, records, pair, acceleration verdicts.

    ``current_rules`` is ``model.current_rules_trend(records)``, computed once by the page.
    """
    change, change_low, change_high = lm.acceleration()
    halving_low, halving_high = lm.halving_interval()
    accelerating = [
        name
        for name, low in (("language models", change_low), ("the speedrun", current_rules.change_low))
        if low > 0
    ]
    first, last = records.iloc[0], records.iloc[-1]
    bound_share = at_bounds(lm.constant_draws, HEADLINE_VARIANT).mean()
    return {
        "summary_bounds": f"{bound_share:.0%} of its bootstrap refits end at a bound of the fit, "
        + bounds_verdict(bound_share),
        "n_used": len(lm.data.loss),
        "lm_interval_width": halving_high / halving_low,
        "lm_interval_verdict": interval_verdict(lm, published),
        "current_rules_since": f"{records[records.timing_rules == CURRENT_RULES].date.min():%B %Y}",
        "current_rules_pace": (
            "slower" if current_rules.halving_months > speedrun.halving_months else "faster"
        ),
        "lm_variant_spread": variant_spread(lm),
        "lm_identification": identification_verdict(lm),
        "lm_years": lm_years(lm),
        "summary_zero_year": format_in_unit(lm.accelerating_zero_year(), "year"),
        "summary_loo_verdict": loo_verdict(
            paired_loo_z(lm.loo_errors["accelerating"], lm.loo_errors[HEADLINE_VARIANT]), short=True
        ),
        "lm_acceleration_oom": (
            f"{change / np.log(10):.2f} (95% CI {change_low / np.log(10):.2f} to "
            f"{change_high / np.log(10):.2f}) OOM/yr per year of effective compute"
        ),
        "first_record": f"{first.minutes:.3g} minutes ({first.date:%B %Y})",
        "last_record": f"{last.minutes:.3g} minutes ({last.date:%B %Y})",
        "share_pair_count": str(len(lm.pair_shares)),
        "lm_acceleration_verdict": trends.interval_direction(
            change_low,
            change_high,
            "the fitted rate of algorithmic progress rose over the period",
            "the fitted rate fell over the period",
            "the data cannot tell whether the rate changed",
        ),
        "speedrun_verdict": speedrun_acceleration_text(speedrun, current_rules),
        "acceleration_answer": (
            f"The data support acceleration for {' and '.join(accelerating)}."
            if accelerating
            else "Neither line of evidence shows acceleration, but neither can test it at frontier scale: "
            "the language-model law is weakly identified and the speedrun is one small model at one fixed "
            "target."
        ),
    }


def speedrun_acceleration_text(whole: RecordTrend, current: RecordTrend) -> str:
    """Whether the speedrun's rate of improvement changed, judged within the current timing rules (the
    headline's regime), and what the whole history adds: a change of sign between the two means the
    change of rules, not progress within them, drives the whole-history figure."""
    within = trends.interval_direction(
        current.change_low,
        current.change_high,
        "sped up",
        "slowed down",
        "neither clearly sped up nor slowed down",
    )
    lean = "acceleration" if current.change_per_year > 0 else "deceleration"
    text = (
        f"{within} under the current timing rules (change {format_number(current.change_per_year, 2)} "
        f"OOM/yr per year, 95% CI {format_number(current.change_low, 2)} to "
        f"{format_number(current.change_high, 2)}; the point estimate is {lean})"
    )
    if np.sign(whole.change_per_year) != np.sign(current.change_per_year):
        whole_lean = "a slowdown" if whole.change_per_year < 0 else "a speed-up"
        text += (
            f"; over its whole history it shows {whole_lean} instead, which comes from the change of rules "
            "and the gap without records around it, not from progress within either set of rules"
        )
    return text


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
    description = VARIANTS[lm.preferred]
    return {
        "preferred": lm.preferred,
        "preferred_description": description[0].lower() + description[1:],
        "resamples": f"{len(lm.draws):,}",
    }


BOUND_SHARE = 0.1
"""Above this share of refits at a bound, the bounds, not the data alone, hold the fit."""


def bounds_verdict(share: float) -> str:
    """What the share of bootstrap refits ending at a parameter bound says about identification."""
    if share > BOUND_SHARE:
        return (
            "so the fit's bounds, not the data alone, hold many refits, and the interval understates the "
            "uncertainty"
        )
    return "so the data, not the bounds, pin the fit"


def law_facts(lm: LanguageModelResult) -> dict:
    """The accelerating form, reported as a rate at dates and as total progress rather than one halving
    time: its halving time at ``RATE_DATES``, the year its rate reaches zero, the progress it and the
    constant-rate form imply over the evaluations' span, its change in rate, and how much better it
    predicts held-out evaluations than the constant-rate form (paired leave-one-out z)."""
    change, low, high = lm.acceleration()
    start, end = float(lm.data.years.min()), float(lm.data.years.max())
    z = paired_loo_z(lm.loo_errors["accelerating"], lm.loo_errors[HEADLINE_VARIANT])
    facts = {
        "lm_acceleration": (
            f"{change / np.log(10):.2f} OOM/yr per year of effective compute (95% CI "
            f"{low / np.log(10):.2f} to {high / np.log(10):.2f})"
        ),
        "lm_zero_year": format_in_unit(lm.accelerating_zero_year(), "year"),
        "lm_span": lm_years(lm),
        "lm_progress_accelerating": format_number(lm.progress_oom("accelerating", start, end), 2),
        "lm_progress_constant": format_number(lm.progress_oom(HEADLINE_VARIANT, start, end), 2),
        "lm_loo_z": format_number(z, 2),
        "lm_loo_verdict": loo_verdict(z),
        "lm_refits": f"{len(lm.constant_draws):,}",
        "lm_at_bounds": str(int(at_bounds(lm.constant_draws, HEADLINE_VARIANT).sum())),
        "lm_bound_names": "; ".join(
            f"{name}: {hits}"
            for name, hits in bounded_parameters(
                lm.constant_draws, HEADLINE_VARIANT, lm.data.benchmarks
            ).items()
        )
        or "none",
        "lm_gamma_range": "–".join(
            format_number(float(value), 2) for value in np.percentile(lm.constant_draws[:, 1], [2.5, 97.5])
        ),
        "lm_gamma": format_number(float(lm.fits[HEADLINE_VARIANT].theta[1]), 2),
        "lm_bounds_verdict": bounds_verdict(at_bounds(lm.constant_draws, HEADLINE_VARIANT).mean()),
    }
    for year in RATE_DATES:
        months = lm.accelerating_months(year)
        facts[f"lm_halving_{int(year)}"] = (
            f"{format_number(months, 2)} months"
            if np.isfinite(months)
            else "no measurable progress (a rate of zero or below)"
        )
    return facts


def speedrun_facts(fit: forecasts.BreakFit) -> dict:
    """The speedrun's break: date, interval, halving times before and after, BIC verdict."""
    return {
        "speedrun_break": fit.date_text,
        "speedrun_break_ci": fit.interval_text,
        "speedrun_block": str(RECORD_BLOCK),
        "speedrun_halving_before": doubling_time_months(10**-fit.slope_before),
        "speedrun_halving_after": doubling_time_months(10**-fit.slope_after),
        "speedrun_break_verdict": fit.verdict,
    }
