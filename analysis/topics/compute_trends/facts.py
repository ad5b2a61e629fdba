"""Compute trends (chapter 1): the prose facts.

Key-number registration, glued sentences and display tables.
"""

import dataclasses

import numpy as np
import pandas as pd
from scipy.stats import binom

from analysis.data import catalog
from analysis.science import forecasts, trends
from analysis.science.units import format_growth, format_number
from analysis.topics.compute_trends.breaks import BREAK_MIN_MODELS_PER_SIDE, break_candidates
from analysis.topics.compute_trends.model import (
    EPOCH_WINDOW_END,
    HEADLINES,
    OUR_HEADLINES,
    OURS,
    Sample,
    fit_sample,
    growth_cell,
    largest_runs,
    published_cell,
)
from analysis.topics.compute_trends.model import (
    acceleration as compute_acceleration,
)
from analysis.topics.compute_trends.specification import FRONTIER, MIN_MODELS, NOTABLE, choice_influence


def three_column_table(table: pd.DataFrame) -> pd.DataFrame:
    """``three_columns`` as the chapter shows it."""
    return pd.DataFrame(
        {
            "Sample (the publication's window)": table["sample"],
            "Ours: our data, our code": table.ours.map(growth_cell),
            "Ours, rows graded confident or likely only": table.ours_confident_likely.map(growth_cell),
            "Epoch's data, our code": table.epoch_data_our_code.map(growth_cell),
            "Published: Sevilla & Roldán (2024)": table.published.map(published_cell),
            "Epoch's data reproduce the published figure?": [
                reproduction(fit, figure)
                for fit, figure in zip(table.epoch_data_our_code, table.published, strict=True)
            ],
        }
    )


def reproduction(fit: trends.GrowthFit, figure: pd.Series) -> str:
    """Whether our code on Epoch AI's data reproduces a published growth rate: ``yes`` when each point
    estimate lies in the other's interval, ``partly`` when one does, ``no`` when neither (non-overlapping
    in the sense that matters: neither estimate is plausible under the other)."""
    theirs_in_ours = _within(fit, figure.value)
    has_interval = pd.notna(figure.ci_low) and pd.notna(figure.ci_high)
    ours_in_theirs = has_interval and figure.ci_low <= fit.factor <= figure.ci_high
    if theirs_in_ours and (ours_in_theirs or not has_interval):
        return "yes"
    return "partly" if theirs_in_ours or ours_in_theirs else "no"


def reproduction_facts(table: pd.DataFrame) -> dict:
    """Which published figures our code on Epoch AI's data reproduces, and which it misses."""
    verdicts = {
        row["sample"]: reproduction(row.epoch_data_our_code, row.published) for _, row in table.iterrows()
    }
    missed = [name for name, verdict in verdicts.items() if verdict != "yes"]
    return {
        "repro_count": f"{sum(v == 'yes' for v in verdicts.values())} of {len(verdicts)}",
        "repro_missed": "; ".join(
            name
            + (" (partly: one estimate lies in the other's interval)" if verdicts[name] == "partly" else "")
            for name in missed
        )
        if missed
        else "none",
    }


CONFIDENCE_FACTOR = {"confident": 3.0, "likely": 10.0, "speculative": 30.0}
"""Multiplicative uncertainty of a single estimate by its confidence grade."""


HEADLINE_KEYS = ("notable_2010_2024", "frontier_2018_2024", "frontier_since_2018")
"""The chapter's headlines on the landing page: both window-matched comparisons with Sevilla & Roldán
(the one that agrees and the one that does not) and the frontier rate to date."""


def register_key_numbers(
    registry, ours: dict[str, trends.GrowthFit], comparison: pd.DataFrame, models
) -> None:
    """Register the chapter's headline growth rates and the largest run, each with its interval."""
    window_matched = ("notable_2010_2024", "frontier_2018_2024", "language_frontier_2020_2024")
    fits = {key: comparison.ours[key] for key in window_matched} | ours
    end = models.publication_date.max().date()
    window_through = models.publication_date[models.publication_date <= EPOCH_WINDOW_END].max()
    frontier = "frontier models (running top-10)"
    language = "frontier language models (running top-10 among language models)"
    samples = {
        "notable_2010_2024": "notable models, 2010 to May 2024 (our data)",
        "frontier_2018_2024": f"{frontier}, 2018 to May 2024",
        "language_frontier_2020_2024": f"{language}, June 2020 to May 2024",
        "notable_since_2010": f"notable models, 2010 to {end} (our data)",
        "frontier_since_2018": f"{frontier}, 2018 to {end}",
        "language_frontier_since_2020": f"{language}, June 2020 to {end}",
    }
    descriptions = {key: f"Growth of training compute of {sample}" for key, sample in samples.items()}
    caveats = {key: as_caveat(verdict) for key, verdict in speculative_verdicts(models, ours).items()}
    confident_fit, confident_verdict = confident_check(models, comparison)
    caveats["notable_2010_2024"] = as_caveat(
        f"on the {confident_fit.n} rows graded confident alone it is "
        f"{growth_cell(confident_fit, count=False)}: {confident_verdict}"
    )
    for key, fit in fits.items():
        registry.register(
            f"compute.growth.{key}",
            fit.factor,
            fit.factor_interval,
            fit.level,
            "x/yr",
            f"{descriptions[key]}; n = {fit.n}",
            fit.method,
            published=HEADLINES[key][1] if key in HEADLINES else "",
            significant=2,
            headline=key in HEADLINE_KEYS,
            caveat=caveats.get(key, ""),
            data_through=window_through if key in window_matched else None,
        )
    for key in window_matched:
        fit = comparison.epoch_data_our_code[key]
        registry.register(
            f"compute.growth_epoch_data.{key}",
            fit.factor,
            fit.factor_interval,
            fit.level,
            "x/yr",
            f"Growth of training compute in Epoch AI's data through our code: {HEADLINES[key][0].name}; "
            f"n = {fit.n} (the three-column table's middle column)",
            fit.method,
            significant=2,
            data_through=window_through,
        )
    largest = models.loc[models.training_compute_flop.idxmax()]
    factor = CONFIDENCE_FACTOR[largest.confidence]
    registry.register(
        "compute.largest_run.flop",
        largest.training_compute_flop,
        (largest.training_compute_flop / factor, largest.training_compute_flop * factor),
        0.9,
        "FLOP",
        f"Largest training run in our data: {largest.model} ({largest.organization})",
        f"{catalog.COMPUTE_METHOD_LABELS[largest.compute_method]}; not a confidence interval: the range its "
        f"confidence grade '{largest.confidence}' implies (within {factor:g}x), see data/models.csv",
        significant=2,
        interval_kind="grade range",
        data_through=largest.publication_date,
    )


def confident_check(models: pd.DataFrame, comparison: pd.DataFrame) -> tuple[trends.GrowthFit, str]:
    """The 2010-May 2024 notable rate on rows graded *confident* only, and whether the all-rows headline
    lies in its interval (the verdict the summary prints and the key number carries as its caveat)."""
    confident = models[models.confidence == "confident"]
    confident_fit = fit_sample(confident, OURS, HEADLINES["notable_2010_2024"][0])
    headline = comparison.loc["notable_2010_2024"].ours.factor
    low, high = confident_fit.factor_interval
    verdict = (
        "the headline leans on the estimates graded likely and speculative, since the all-rows "
        "rate lies outside this interval"
        if not low <= headline <= high
        else "the all-rows rate lies inside this interval, so the headline does not rest on the "
        "estimates graded likely and speculative"
    )
    return confident_fit, verdict


def summary_facts(models: pd.DataFrame, ours: dict, comparison: pd.DataFrame) -> dict:
    """The summary's sentences: headline growth phrases, the largest run, the specification range, and
    the 2010-May 2024 rate on rows graded *confident* only (how much the headline rests on the rest)."""
    largest = largest_runs(models, 1).iloc[0]
    confident_fit, confident_verdict = confident_check(models, comparison)
    return {
        **{
            f"{key}_without_speculative": verdict
            for key, verdict in speculative_verdicts(models, ours).items()
        },
        "confident_verdict": confident_verdict,
        "confident_only_growth": growth_cell(confident_fit),
        "n_confident_window": confident_fit.n,
        "n_models": ours["notable_since_2010"].n,
        "data_end": str(models.publication_date.max().date()),
        "data_start": str(models.publication_date.min().date()),
        **{f"{key}_growth": format_growth(fit.factor) for key, fit in ours.items()},
        "epoch_code_notable": growth_cell(comparison.loc["notable_2010_2024"].epoch_data_our_code),
        "largest_model": largest.model,
        "largest_date": largest.published,
    }


def specification_summary_facts(curve: pd.DataFrame) -> dict:
    """The summary's specification-curve ranges (``spec_*``), one estimand at a time."""
    return {
        f"spec_{key}_{stat}": value
        for key, estimand in (("notable", NOTABLE), ("frontier", FRONTIER))
        for stat, value in _curve_range(curve[curve.estimand == estimand]).items()
    }


def _curve_range(part: pd.DataFrame) -> dict:
    """How many specifications, and the lowest, median and highest estimate (x/yr)."""
    return {
        "count": len(part),
        "min": format_number(part.growth.min(), 2),
        "median": format_number(part.growth.median(), 2),
        "max": format_number(part.growth.max(), 2),
    }


def data_facts(models: pd.DataFrame, epoch: pd.DataFrame, unestimated: pd.DataFrame) -> dict:
    """The Data section's counts: years, domains, grades, Epoch's table, and the releases without a compute
    estimate (``loaders.load_unestimated_models()``), named, with their dates."""
    counts = models.confidence.value_counts()
    return {
        "n_unestimated": len(unestimated),
        "unestimated_span": (
            f"{unestimated.publication_date.min():%B %Y} to {unestimated.publication_date.max():%B %Y}"
            if len(unestimated)
            else "none"
        ),
        "unestimated_names": ", ".join(unestimated.sort_values("publication_date").model) or "none",
        "n_rows": len(models),
        "n_unreleased": int((~models.released).sum()),
        "first_year": str(models.publication_date.min().year),
        "last_year": str(models.publication_date.max().year),
        "n_domains": models.domain.nunique(),
        "n_recent": int((models.publication_date >= "2024-01-01").sum()),
        "n_epoch": len(epoch),
        "n_epoch_compute": int(epoch["Training compute (FLOP)"].notna().sum()),
        **{f"n_{level}": int(counts.get(level, 0)) for level in ("confident", "likely", "speculative")},
    }


def method_facts() -> dict:
    """The Method section's settings."""
    return {
        "resamples": f"{trends.DEFAULT_RESAMPLES:,}",
        "min_models": MIN_MODELS,
        "break_min_per_side": BREAK_MIN_MODELS_PER_SIDE,
    }


def era_facts(breaks: dict[str, forecasts.BreakFit]) -> dict:
    """Each break fit's date, interval, rates and BIC verdict, and the conclusion they support."""
    facts = {}
    for name, fit in breaks.items():
        edge = " (at the edge of the dates searched)" if fit.at_edge() else ""
        facts |= {
            f"{name}_year": f"{fit.date_text}{edge}",
            f"{name}_year_ci": fit.interval_text,
            f"{name}_after": format_growth(10**fit.slope_after),
            f"{name}_before": format_growth(10**fit.slope_before),
            f"{name}_delta_bic": fit.bic_single - fit.bic_break,
            f"{name}_verdict": fit.verdict,
        }
    clear = [name.replace("_", " ") for name, fit in breaks.items() if fit.verdict == "prefers the break"]
    facts["eras_conclusion"] = (
        f"BIC favours a break for {', '.join(clear)}."
        if clear
        else "From 2010 on they show no clear change of era: BIC favours none of the four break models, "
        "and the break dates are poorly placed."
    )
    return facts


def cross_validation_table(models: pd.DataFrame) -> pd.DataFrame:
    """Held-out error of one line, a kink and a kink with a jump, for notable and frontier models
    (10-fold, seeded), as Sevilla & Roldán compare them beside BIC."""
    rows = []
    for name, sample in (("notable models", Sample("notable")), ("frontier models", Sample("f", "top10"))):
        selected = sample.select(models, **OURS)
        errors = forecasts.cross_validated_errors(
            selected.publication_date,
            selected.training_compute_flop,
            break_candidates(selected.publication_date),
        )
        best = min(errors, key=errors.get)
        rows.append(
            {
                "sample": name,
                **{f"{model} (held-out MSE, OOM²)": f"{error:.3f}" for model, error in errors.items()},
                "preferred by cross-validation": best,
            }
        )
    return pd.DataFrame(rows)


def cross_validation_facts(table: pd.DataFrame) -> dict:
    """Which shape cross-validation prefers for notable and for frontier models (``cv_*``)."""
    preferred = table.set_index("sample")["preferred by cross-validation"]
    return {"cv_notable": preferred["notable models"], "cv_frontier": preferred["frontier models"]}


def specification_facts(curve: pd.DataFrame) -> dict:
    """Per estimand: the number of specifications, and the choice that moves the estimate most."""
    facts = {}
    for key, estimand in (("notable", NOTABLE), ("frontier", FRONTIER)):
        influence = choice_influence(curve[curve.estimand == estimand])
        facts[f"spec_{key}_chart_count"] = int((curve.estimand == estimand).sum())
        facts[f"spec_{key}_influence"] = (
            f"the {influence.index[0]} (its options' median estimates differ by a factor of "
            f"{influence.iloc[0]:.2f}), the least the {influence.index[-1]} ({influence.iloc[-1]:.2f})"
        )
    return facts


def language_gap_facts(comparison: pd.DataFrame, language_years: pd.DataFrame) -> dict:
    """Why our language-model trend is flatter: rates on both datasets, early counts and median gap."""
    window = comparison.loc["language_2017_2024"]
    early = language_years.loc[2017:2020]
    return {
        "ours_window_language": growth_cell(window.ours),
        "epoch_code_language": growth_cell(window.epoch_data_our_code),
        "language_early_ours": int(early.count_ours.sum()),
        "language_early_epoch": int(early.count_epoch.sum()),
        "language_early_gap": float(early["median gap (OOM)"].mean()),
    }


COVERAGE_LEVELS = (0.5, 0.8, 0.9)
"""The nominal levels each backtest row is judged at (its ``inside X% band`` columns)."""


def coverage_judgement(share: float, later: int, nominal: float) -> str:
    """``wide``, ``narrow`` or ``nominal``: whether ``share`` of ``later`` held-out models inside a band of
    level ``nominal`` lies above, below or within the central 95% range of a binomial at that level
    (models are not independent, so this errs towards calling a gap noise)."""
    low, high = binom.ppf([0.025, 0.975], later, nominal) / later
    return "wide" if share > high else ("narrow" if share < low else "nominal")


def _coverage_column(level: float) -> str:
    return "share inside 90% band" if level == 0.9 else f"inside {level:.0%} band"


def coverage_sentence(row: pd.Series) -> str:
    """One backtest row's coverage verdict, level by level, with its median bias."""
    judged = {
        level: coverage_judgement(row[_coverage_column(level)], int(row["later models"]), level)
        for level in COVERAGE_LEVELS
    }
    groups = {
        kind: [f"{level:.0%}" for level, value in judged.items() if value == kind] for kind in judged.values()
    }
    words = {
        "nominal": "close to nominal at {}",
        "wide": "too wide at {} (more later models inside than the level says)",
        "narrow": "too narrow at {} (fewer inside than the level says)",
    }
    parts = [words[kind].format(" and ".join(levels)) for kind, levels in groups.items()]
    bias = row["median bias (OOM)"]
    direction = "above" if bias > 0 else "below"
    scatter = row["scatter held out (OOM)"] / row["scatter fitted (OOM)"]
    later = format_number(row["growth of later models (x/yr)"], 2)
    fitted = format_number(row["growth fitted (x/yr)"], 2)
    return (
        f"{row['sample']} fitted to {row.cutoff[:4]}: coverage {'; '.join(parts)}; later models sit a median "
        f"{abs(bias):.2f} orders of magnitude {direction} the projected trend (a factor of "
        f"{format_number(10 ** abs(bias), 2)}), scatter {format_number(scatter, 2)} times the fitted models' "
        f"about their line, and grow at {later}x a year among themselves against the fitted {fitted}x."
    )


def backtest_facts(backtest: pd.DataFrame) -> dict:
    """The first backtest's cutoff, later models and their shares, and a coverage verdict computed for
    every row of the table and every level it reports."""
    first = backtest.iloc[0]
    return {
        "bt_cutoff": first.cutoff[:4],
        "bt_later": int(first["later models"]),
        "bt_inside": f"{first['share inside 90% band']:.0%}",
        "bt_inside_50": f"{first['inside 50% band']:.0%}",
        "bt_inside_80": f"{first['inside 80% band']:.0%}",
        "bt_above": f"{first['share above band']:.0%}",
        "bt_bias": f"{first['median bias (OOM)']:+.2f}",
        "bt_calibration": " ".join(coverage_sentence(row) for _, row in backtest.iterrows()),
    }


def _within(fit: trends.GrowthFit, value: float) -> bool:
    low, high = fit.factor_interval
    return low <= value <= high


def agreement_year(table: pd.DataFrame, first: str, second: str) -> int | None:
    """The first start year from which the two fits agree: each one's point estimate lies in the other's
    interval at that start and every later one (``None`` if they never do)."""
    agree = [
        _within(row[first], row[second].factor) and _within(row[second], row[first].factor)
        for _, row in table.iterrows()
    ]
    for index, row in table.iterrows():
        if all(agree[index:]):
            return int(row.start)
    return None


def start_facts(table: pd.DataFrame) -> dict:
    """The frontier's start-year sensitivity in words: from when our data and Epoch AI's agree, and what
    Epoch's values for the models before 2018 do to our 2018 start."""
    year = agreement_year(table, "ours", "epoch")
    first = table.iloc[0]
    agree = table[table.start == year].iloc[0] if year is not None else None
    swapped_agrees = _within(first.ours_epoch_before_2018, first.epoch.factor) and _within(
        first.epoch, first.ours_epoch_before_2018.factor
    )
    return {
        "start_agreement": (
            f"on Epoch AI's window our data and Epoch AI's agree from {year} "
            f"({format_growth_short(agree.ours)} against {format_growth_short(agree.epoch)})"
            if agree is not None
            else "our data and Epoch AI's disagree at every start year tried"
        )
        + (
            f"; from {int(first.start)} they do not ({format_growth_short(first.ours)} against "
            f"{format_growth_short(first.epoch)})"
            if year is not None and year > int(first.start)
            else ""
        ),
        "start_swapped": format_growth_short(first.ours_epoch_before_2018),
        "start_swapped_verdict": (
            "which agrees with Epoch's data: the 2018 gap comes from the frontier models before 2018 "
            "(which each dataset holds and how large it makes them), not from the runs since"
            if swapped_agrees
            else "which still differs from Epoch's data, so the runs since 2018 differ too"
        ),
        "start_to_date": ", ".join(
            f"{format_growth_short(row.ours_to_date)} from {int(row.start)}" for _, row in table.iterrows()
        ),
    }


def format_growth_short(fit: trends.GrowthFit, digits: int = 2) -> str:
    """``4.6x (90% CI 3.8–5.6)`` at ``digits`` significant figures (``growth_cell`` without n)."""
    return growth_cell(fit, digits, unit="x", count=False)


def start_table(table: pd.DataFrame) -> pd.DataFrame:
    """The start-year sensitivity for the page."""
    return pd.DataFrame(
        {
            "start": table.start.astype(str),
            "our data, to May 2024": table.ours.map(growth_cell),
            "Epoch AI's data, to May 2024": table.epoch.map(growth_cell),
            "our data with Epoch's values before 2018, to May 2024": table.ours_epoch_before_2018.map(
                growth_cell
            ),
            "our data, to date": table.ours_to_date.map(growth_cell),
        }
    )


def acceleration_facts(models: pd.DataFrame) -> dict:
    """Whether the growth of notable and of frontier models has sped up or slowed down since 2010 (the
    change in the growth rate with its 90% interval, and a verdict from its sign)."""
    facts = {}
    for key, sample in (
        ("notable", OUR_HEADLINES["notable_since_2010"]),
        ("frontier", Sample("f", frontier="top10")),
    ):
        change, low, high = compute_acceleration(models, sample)
        facts[f"accel_{key}"] = f"{change:+.3f} OOM/yr per year (90% CI {low:+.3f} to {high:+.3f})"
        facts[f"accel_{key}_verdict"] = change_verdict(low, high)
    return facts


def change_verdict(low: float, high: float) -> str:
    """A change in growth rate judged by its interval: above zero, below zero, or straddling it."""
    return trends.interval_direction(
        low, high, "sped up", "slowed down", "neither clearly sped up nor slowed down"
    )


def speculative_verdicts(models: pd.DataFrame, ours: dict[str, trends.GrowthFit]) -> dict[str, str]:
    """For each to-date headline (``OUR_HEADLINES``), ``speculative_verdict`` on its own sample."""
    verdicts = {}
    for key, sample in OUR_HEADLINES.items():
        without = fit_sample(models, OURS, dataclasses.replace(sample, drop_speculative=True))
        dropped = int(sample.select(models, **OURS).confidence.eq("speculative").sum())
        verdicts[key] = speculative_verdict(ours[key], without, dropped)
    return verdicts


def as_caveat(verdict: str) -> str:
    """A verdict clause as a key number's caveat: a sentence with a capital and a full stop."""
    return verdict[:1].upper() + verdict[1:] + "."


def speculative_verdict(headline: trends.GrowthFit, without: trends.GrowthFit, dropped: int) -> str:
    """Whether a to-date headline rests on its speculative rows: the fit without them, and whether the
    headline's point estimate lies in that fit's interval."""
    low, high = without.factor_interval
    inside = low <= headline.factor <= high
    digits = 2
    while digits < 4 and format_number(headline.factor, digits) in (
        format_number(low, digits),
        format_number(high, digits),
    ):
        digits += 1
    return f"without its {dropped} speculative rows it is {format_growth_short(without, digits)}, " + (
        "which contains the headline: it does not rest on them"
        if inside
        else "which excludes the headline: it rests on them"
    )


def composition_facts(table: pd.DataFrame) -> dict:
    """The three gaps of ``language_composition``: our extra models, the estimates, Epoch's extra models."""
    factor = table.factor.to_numpy()
    composition = (factor[3] / factor[2]) * (factor[1] / factor[0])
    estimates = factor[2] / factor[1]
    verdict = (
        "Most of the gap is which models each dataset holds, not how their compute is estimated."
        if abs(np.log(composition)) > abs(np.log(estimates))
        else "Most of the gap is how compute is estimated, not which models each dataset holds."
    )
    return {
        "composition_verdict": verdict,
        "n_both": int(table.n.iloc[1]),
        "both_ours": table.growth.iloc[1],
        "both_epoch": table.growth.iloc[2],
        "gap_estimates": f"{factor[2] / factor[1]:.2f}",
        "gap_epoch_models": f"{factor[3] / factor[2]:.2f}",
        "gap_our_models": f"{factor[1] / factor[0]:.2f}",
    }


def _exclusion_verdict(index: pd.DataFrame) -> str:
    """Whether leaving AlphaGo Master and Zero out moves Epoch's specification beyond its interval."""
    moved = []
    for data_label in ("Epoch's data", "our data"):
        excluded = index.loc[(data_label, "Epoch's specification")]
        kept = index.loc[(data_label, "Epoch's kink, AlphaGo Master and Zero kept")]
        if not excluded["90% low"] <= kept["growth after the break (x/yr)"] <= excluded["90% high"]:
            moved.append(data_label)
    if not moved:
        return "on both, the rate with them kept lies inside the interval without them"
    return f"on {' and '.join(moved)} the rate with them kept lies outside the interval without them"


def method_matched_facts(table: pd.DataFrame) -> dict:
    """The decomposition's numbers for the Eras section."""
    index = table.set_index(["data", "specification"])

    def rate(data: str, specification: str) -> str:
        row = index.loc[(data, specification)]
        return (
            f"{format_number(row['growth after the break (x/yr)'], 3)}x/yr (90% CI "
            f"{format_number(row['90% low'], 3)}–{format_number(row['90% high'], 3)})"
        )

    epoch_search = index.loc[("Epoch's data", "our break search")]
    ours = index.loc[("Epoch's data", "Epoch's specification")]
    published = index.loc[("Epoch's data", "published (Sevilla & Roldán 2024)")]
    ours_spec = index.loc[("our data", "Epoch's specification")]
    inside = ours["90% low"] <= published["growth after the break (x/yr)"] <= ours["90% high"]
    faster = ours_spec["growth after the break (x/yr)"] > ours_spec["growth before (x/yr)"]
    return {
        "mm_replicates": "inside our interval: the method reproduces it"
        if inside
        else "outside our interval: the method does not reproduce it",
        "mm_direction": "faster after 2018 than before" if faster else "slower after 2018 than before",
        "mm_epoch_epoch": rate("Epoch's data", "Epoch's specification"),
        "mm_published": rate("Epoch's data", "published (Sevilla & Roldán 2024)"),
        "mm_ours_epoch": rate("our data", "Epoch's specification"),
        "mm_ours_before": format_growth(
            index.loc[("our data", "Epoch's specification")]["growth before (x/yr)"]
        ),
        "mm_alphago_epoch": rate("Epoch's data", "Epoch's kink, AlphaGo Master and Zero kept"),
        "mm_alphago_ours": rate("our data", "Epoch's kink, AlphaGo Master and Zero kept"),
        "mm_alphago_verdict": _exclusion_verdict(index),
        "mm_epoch_search_verdict": epoch_search.BIC,
        "mm_epoch_search_year": epoch_search["break"],
    }
