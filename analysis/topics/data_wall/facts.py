"""The data wall (chapter 4): the prose facts.

Key-number registration, glued sentences and display tables.
"""

import numpy as np
import pandas as pd

from analysis.data import loaders
from analysis.science import trends
from analysis.science.units import format_growth, format_in_unit, format_number, format_printed
from analysis.topics.data_wall.model import (
    DRAWS,
    FULL_USE_LEVEL,
    OVERTRAINING,
    STOCK_LEVEL,
    DataWall,
    choice_effects,
    full_use_frame,
    largest_dataset,
    median_bytes_per_token,
    running_largest,
    top_datasets,
    year_at_probability,
)


def register_key_numbers(registry, wall: DataWall) -> None:
    """The chapter's headlines: stock, dataset growth, largest dataset, years of full use."""
    draws = f"{DRAWS:,} seeded Monte Carlo draws of data/text_stock_inputs.csv"
    stocks = {
        "effective_tokens_2024": (
            10**wall.stock.log_effective_2024,
            STOCK_LEVEL,
            "villalobos2024.stock.effective",
        ),
        "indexed_web_tokens_2024": (wall.stock.indexed_web_2024, 0.95, "villalobos2024.stock.indexed_web"),
        "effective_tokens_2030": (10 ** wall.stock.log_effective(2030.0)[:, 0], STOCK_LEVEL, ""),
    }
    descriptions = {
        "effective_tokens_2024": "Effective stock of public human text in 2024",
        "indexed_web_tokens_2024": "Tokens of text in the indexed web in 2024",
        "effective_tokens_2030": "Effective stock of public human text in 2030",
    }
    for key, (values, level, published) in stocks.items():
        median, low, high = trends.median_interval(values, level)
        registry.register(
            f"data.stock.{key}",
            median,
            (low, high),
            level,
            "tokens",
            descriptions[key],
            f"Median and percentile interval of {draws}",
            published=published,
            significant=2,
            headline=key == "effective_tokens_2024",
        )
        if key.endswith("2030"):
            registry.forecast(
                f"data.stock.{key}",
                "not_observable the stock of public human text is estimated, never observed",
                "2030-12-31",
                tuple(np.quantile(values, [0.25, 0.75])),
            )
    for key, fit, published in (
        ("language", wall.growth_all, "villalobos2024.dataset_growth"),
        ("top5", wall.growth_top, ""),
    ):
        sample = "language models since 2010" if key == "language" else "the running top-5 datasets"
        registry.register(
            f"data.dataset_growth.{key}",
            fit.factor,
            fit.factor_interval,
            fit.level,
            "x/yr",
            f"Growth of training-dataset size (unique tokens, one pass) of {sample}; n = {fit.n}",
            fit.method,
            published=published,
            significant=2,
        )
    largest = largest_dataset(wall)
    checked = largest.passes if isinstance(largest.passes, str) else "not checked"
    registry.register(
        "data.largest_dataset.tokens",
        largest.dataset_tokens,
        (largest.dataset_tokens,) * 2,
        0.9,
        "tokens",
        f"Largest training dataset in our data: {largest.model} ({largest.organization})",
        "Tokens as the developer reports them, at the training set's unique size where training repeated "
        f"it (data/dataset_passes.csv; for this model: {checked} passes); no sampling uncertainty is "
        "drawn, the interval is the value; see data/models.csv",
        significant=2,
    )
    published_year = {
        "combined": "villalobos2024.full_use_year",
        "overtrained_5x": "villalobos2024.full_use_year.overtrained_5x",
    }
    names = {
        "combined": "median",
        "compute_based": "compute_based",
        "historical": "historical",
        "overtrained_5x": "overtrained_5x",
        "overtrained_10x": "overtrained_10x",
        "overtrained_100x": "overtrained_100x",
    }
    for key, name in names.items():
        result = wall.full_use[key]
        low, high = result.interval()
        registry.register(
            f"data.full_use_year.{name}",
            result.median,
            (low, high),
            FULL_USE_LEVEL,
            "year",
            f"Year the largest training dataset reaches the effective stock ({result.label}; unconstrained "
            "paths: no power, chip or spend ceiling)",
            f"Median and {FULL_USE_LEVEL:.0%} interval of the crossing years of {DRAWS:,} paired paths "
            "(each projection path against its own stock draw)",
            published=published_year.get(key, ""),
            headline=key == "combined",
        )
        registry.forecast(
            f"data.full_use_year.{name}",
            "not_observable the effective stock is estimated, never observed, so the crossing is not seen",
            trends.from_decimal_year(high),
            tuple(np.quantile(result.years, [0.25, 0.75], method="inverted_cdf")),
        )


def summary_facts(wall: DataWall) -> dict:
    """The summary's numbers that are not key numbers: growth phrases and what drives the year."""
    table = wall.sensitivity
    driver = table.iloc[0]
    choice = choice_effects(wall.full_use).iloc[0]
    return {
        "summary_first_year": str(wall.datasets.publication_date.min().year),
        "summary_growth_all": format_growth(wall.growth_all.factor),
        "summary_stock_growth": format_growth(10 ** float(np.median(wall.stock.log_growth))),
        "summary_driver": driver.input[0].lower() + driver.input[1:],
        "summary_driver_spread": driver["spread (years)"],
        "summary_choice": choice.choice[0].lower() + choice.choice[1:],
        "summary_choice_spread": format_number(float(choice["spread (years)"]), 2),
        "summary_after_2100": (
            "Every path meets the stock before 2100."
            if wall.combined.share_after_horizon == 0
            else f"{wall.combined.share_after_horizon:.0%} of the paths never meet the stock before 2100."
        ),
    }


def data_facts(wall: DataWall) -> dict:
    """The Data section's counts."""
    return {
        "n_inputs": len(wall.inputs),
        "n_villalobos_only": int(wall.inputs.villalobos_only.sum()),
        "n_datasets": len(wall.datasets),
        "n_top_datasets": len(top_datasets(wall.datasets)),
        "first_dataset_year": str(wall.datasets.publication_date.min().year),
        "n_epoch_sizes": len(wall.epoch_sizes),
        "words_per_token": f"{loaders.WORDS_PER_TOKEN:g}",
        "n_multi_pass": len(wall.multi_pass),
        "n_same_corpus": int(same_corpus_count(wall)),
        "n_training_sets": len(wall.datasets),
        "n_open_training_sets": int(wall.datasets.open_weights.sum()),
        "speculative_training_sets": ", ".join(
            wall.datasets.model[wall.datasets.confidence.eq("speculative")]
        )
        or "none",
        "n_multi_pass_bytes": int(wall.multi_pass.basis.str.startswith("printed bytes").sum()),
        "n_multi_pass_left_out": int(wall.multi_pass["unique tokens"].isna().sum()),
        "bytes_per_token_median": format_number(median_bytes_per_token(wall.inputs), 2),
    }


def same_corpus_count(wall: DataWall) -> int:
    """How many language rows share a corpus an earlier row counts (left out of the dataset series)."""
    from analysis.topics.data_wall.datasets import language_rows

    eligible = language_rows(wall.models)
    eligible = eligible[~eligible.index.isin(wall.multi_pass.index[wall.multi_pass["unique tokens"].isna()])]
    return len(eligible) - len(wall.datasets)


def multi_pass_table(wall: DataWall) -> pd.DataFrame:
    """The several-pass training sets for the page: tokens seen, unique tokens, passes and how."""
    table = wall.multi_pass.sort_values("tokens seen", ascending=False)
    return table.assign(
        **{
            "tokens seen": table["tokens seen"].map(lambda value: format_number(value, 2)),
            "unique tokens": table["unique tokens"].map(
                lambda value: format_number(value, 2) if pd.notna(value) else "left out"
            ),
            "passes": table.passes.map(lambda value: format_number(value, 2) if pd.notna(value) else "—"),
        }
    )


def method_facts(wall: DataWall) -> dict:
    """The Method section's settings."""
    return {
        "draws": f"{DRAWS:,}",
        "n_clipped": wall.stock.clipped_bytes_per_token,
        "clipped_share": f"{wall.stock.clipped_bytes_per_token / DRAWS:.1%}",
        "overtraining_levels": ", ".join(f"{k}x" for k in OVERTRAINING),
        "llama_tpp": float(
            wall.models.loc["Llama 3 8B"].training_tokens / wall.models.loc["Llama 3 8B"].parameters
        ),
    }


def stock_facts(wall: DataWall, pivot_pages: np.ndarray) -> dict:
    """The stock results: the re-derived index size and the stock's growth."""
    median, low, high = trends.median_interval(pivot_pages, 0.95)
    return {
        "pivot_pages": median,
        "pivot_pages_ci": f"{format_number(low)}–{format_number(high)}",
        "stock_growth": format_growth(10 ** float(np.median(wall.stock.log_growth))),
    }


def dataset_facts(wall: DataWall) -> dict:
    """Growth of all language models' datasets, beside the top-5 key number."""
    return {"datasets_growth_all": wall.growth_all.text}


def full_use_facts(wall: DataWall, published: pd.DataFrame) -> dict:
    """The year of full use under their definition, the trend-line sensitivity, and why our interval is
    narrower than the published one (their level uncertainty against our record)."""
    independent = [year_at_probability(wall.exceed_probability, p) for p in (0.5, 0.1, 0.9)]
    trend_line = wall.full_use["trend_line"]
    figure = published.loc["villalobos2024.full_use_year"]
    level = wall.inputs.loc["largest_dataset_2024"]
    record = largest_dataset(wall)
    ours_low, ours_high = wall.combined.interval()
    unclear = record.passes == "unclear"
    return {
        "trend_line_year": format_in_unit(trend_line.median, "year"),
        "trend_line_interval": "–".join(format_in_unit(year, "year") for year in trend_line.interval()),
        "trend_line_shift": format_number(trend_line.median - wall.full_use["historical"].median, 2),
        "width_ours": format_number(ours_high - ours_low, 2),
        "width_theirs": format_number(figure.ci_high - figure.ci_low, 2),
        "their_level": f"{format_number(level.low, 2)}–{format_number(level.high, 2)}",
        "their_level_ratio": format_number(level.high / level.low, 2),
        "record_tokens": format_number(record.dataset_tokens, 2),
        "record_model": record.model,
        "their_level_years": format_number(
            np.log10(level.high / level.low)
            / (float(np.median(wall.historical.slope)) - float(np.median(wall.stock.log_growth))),
            2,
        ),
        "clear_passes_year": format_in_unit(wall.full_use["clear_passes"].median, "year"),
        "clear_passes_interval": "–".join(
            format_in_unit(year, "year") for year in wall.full_use["clear_passes"].interval()
        ),
        "n_unclear": str(int(wall.datasets.passes.eq("unclear").sum())),
        "record_passes": (
            "whose unique size its sources leave unclear (see data/dataset_passes.csv), so the record itself "
            "is uncertain"
            if unclear
            else "counted at its unique size"
        ),
        "independent_shift": (
            "the same as the median of paired paths to a tenth of a year"
            if abs(independent[0] - wall.combined.median) < 0.05
            else f"{abs(independent[0] - wall.combined.median):.1f} years from the median of paired paths"
        ),
        "independent_median": format_in_unit(independent[0], "year"),
        "independent_interval": "–".join(format_in_unit(year, "year") for year in independent[1:]),
        "epoch_median": format_in_unit(wall.full_use["epoch"].median, "year"),
    }


def floor_facts(wall: DataWall) -> dict:
    """How the compute-based path relates to the joint simulation's run: the run's compute-optimal
    tokens in 2030 (median) and the share of draws the record floor lifts."""
    at_2030 = int(np.argmin(np.abs(wall.run.years - 2030.0)))
    run_2030 = wall.run.tokens[at_2030]
    path_2030 = 10 ** wall.compute_based.log_tokens(2030.0)[:, 0]
    lifted = path_2030 > run_2030[np.arange(len(path_2030)) % len(run_2030)] * (1 + 1e-9)
    return {
        "floor_run_2030": format_number(float(np.median(run_2030)), 2),
        "floor_path_2030": format_number(float(np.median(path_2030)), 2),
        "floor_share": f"{lifted.mean():.0%}",
    }


def choice_table(wall: DataWall) -> pd.DataFrame:
    """The analyst's choices with years written as years."""
    table = choice_effects(wall.full_use)
    columns = ["median year, first", "median year, second"]
    return table.assign(
        **{column: table[column].map(lambda year: format_in_unit(year, "year")) for column in columns},
        **{"spread (years)": table["spread (years)"].map(lambda value: format_number(value, 2))},
    )


def full_use_table(wall: DataWall, published: pd.DataFrame) -> pd.DataFrame:
    """Every projection's year of full use (median and 80% interval) as the page prints it: the data of
    the forest figure, with years written as years."""
    frame = full_use_frame(wall, published)
    return pd.DataFrame(
        {
            "projection": frame.estimate,
            "median year": frame.year.map(lambda year: format_in_unit(year, "year")),
            "80% interval": [
                f"{format_in_unit(low, 'year')}–{format_in_unit(high, 'year')}"
                for low, high in zip(frame.low, frame.high, strict=True)
            ],
            "source": frame.source,
        }
    )


def backtest_facts(wall: DataWall, table: pd.DataFrame, published: pd.DataFrame) -> dict:
    """How the 2022 version fared: its coded projection (median and 90% band) against the largest dataset
    since, year by year, and whether datasets kept growing after the date by which it expected
    high-quality text to be used up (verdicts by rule)."""
    last = table.iloc[-1]
    figure = published.loc["villalobos2022.high_quality_exhausted"]
    coded = published.loc["villalobos2022.dataset_growth_coded"]
    at_exhaustion = running_largest(wall.datasets, trends.from_decimal_year(figure.value))
    latest = running_largest(wall.datasets, wall.datasets.publication_date.max())
    growth_since = latest.dataset_tokens / at_exhaustion.dataset_tokens
    inside = table["inside the band"].eq("yes")
    return {
        "bt_start_words": format_printed(published.value["villalobos2022.largest_dataset_words"]),
        "bt_coded_growth": f"{format_number(10**coded.value, 2)}x",
        "bt_coded_interval": f"{format_number(10**coded.ci_low, 2)}x–{format_number(10**coded.ci_high, 2)}x",
        "bt_growth": format_printed(published.value["villalobos2022.dataset_growth"]),
        "bt_year": str(int(last["end of"])),
        "bt_ratio": format_number(float(last["actual / coded median"]), 2),
        "bt_model": last.model,
        "bt_inside": f"{int(inside.sum())} of {len(table)}",
        "bt_start_ratio": format_number(
            published.value["villalobos2022.largest_dataset_words"]
            / loaders.WORDS_PER_TOKEN
            / float(table["largest in our data (tokens)"].iloc[0]),
            2,
        ),
        "bt_first_year": str(int(table["end of"].iloc[0])),
        "bt_exhausted": format_in_unit(figure.value, "year"),
        "bt_exhausted_low": format_in_unit(figure.ci_low, "year"),
        "bt_exhausted_high": format_in_unit(figure.ci_high, "year"),
        "bt_growth_since": growth_since,
        "bt_projection_verdict": (
            "about right: every year-end record lies inside its band"
            if inside.all()
            else "off in "
            + ", ".join(
                f"{int(row['end of'])} ({row['inside the band']} the band)"
                for _, row in table[~inside].iterrows()
            )
        ),
        "bt_wall_verdict": (
            "kept growing after that date, so the stock of 'high-quality' text it counted was not a wall"
            if growth_since > 1
            else "stopped growing after that date, as a wall would make them"
        ),
    }


def unique_view_facts(wall: DataWall) -> dict:
    """Today's record against the effective stock (with repetition) and against the quality-filtered unique
    stock (no repetition): how much of each it already holds (medians)."""
    from analysis.topics.data_wall.routes import quality_unique

    record = largest_dataset(wall).dataset_tokens
    return {
        "unique_share_effective": f"{record / float(np.median(10**wall.stock.log_effective_2024)):.0%}",
        "unique_share_filtered": f"{record / float(np.median(quality_unique(wall.stock))):.0%}",
    }


def beyond_facts(wall: DataWall, published: pd.DataFrame) -> dict:
    """Scenarios beyond the wall: other modalities, synthetic text, repeated data."""
    value = published.value
    stock_2024 = float(np.median(10**wall.stock.log_effective_2024))
    synthetic_per_year = value["altman2024.words_per_day"] * 365 / loaders.WORDS_PER_TOKEN
    r_star, epochs = value["muennighoff2023.r_d_star"], value["muennighoff2023.epochs_negligible"]
    return {
        "images_ratio": value["villalobos2024.stock.images"] / stock_2024,
        "video_ratio": value["villalobos2024.stock.video"] / stock_2024,
        "synthetic_tokens_per_year": synthetic_per_year,
        "synthetic_years_per_stock": stock_2024 / synthetic_per_year,
        "repetition_multiplier": 1 + r_star * (1 - np.exp(-(epochs - 1) / r_star)),
        "repetition_epochs": format_printed(epochs),
        **unique_view_facts(wall),
    }


def joint_facts(joint, wall) -> dict:
    """The joint simulation's 2030 run (timelines chapter) on both paths: its compute-optimal tokens
    (median, 90% interval) and their share of the median effective stock of 2030."""
    stock = float(np.median(10 ** wall.stock.log_effective(2030.0)[:, 0]))
    facts = {}
    for kind in ("constrained", "unconstrained"):
        tokens = joint.in_year(kind, 2030.0)["tokens"]
        median, low, high = np.quantile(tokens, [0.5, 0.05, 0.95])
        facts[f"joint_tokens_{kind}"] = (
            f"{format_number(median, 2)} (90% interval {format_number(low, 2)}–{format_number(high, 2)})"
        )
        facts[f"joint_share_{kind}"] = f"{median / stock:.0%}"
    return facts
