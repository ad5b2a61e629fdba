"""Algorithmic progress (chapter 2): the prose facts.

Key-number registration, glued sentences and display tables.
"""

import numpy as np
import pandas as pd

from analysis.science import forecasts, trends
from analysis.science.units import doubling_time_months, format_number
from analysis.topics.algorithmic_progress.model import (
    COMPARISON_REASONS,
    CURRENT_RULES,
    LEVEL,
    PER_PAPER,
    RECORD_BLOCK,
    RECORD_RESAMPLES,
    VARIANTS,
    LanguageModelResult,
    RecordTrend,
    _variant_months,
    compute_share,
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
                result.fits[variant].halving_months() if variant != "none" else np.nan for variant in VARIANTS
            ],
            "preferred": [variant == result.preferred for variant in VARIANTS],
        }
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
            "slower" if current_rules.halving_months > speedrun.halving_months else "faster"
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


def speedrun_facts(fit: forecasts.BreakFit) -> dict:
    """The speedrun's break: date, interval, halving times before and after, BIC verdict."""
    return {
        "speedrun_break": fit.date_text,
        "speedrun_break_ci": fit.interval_text,
        "speedrun_halving_before": doubling_time_months(10**-fit.slope_before),
        "speedrun_halving_after": doubling_time_months(10**-fit.slope_after),
        "speedrun_break_verdict": fit.verdict,
    }
