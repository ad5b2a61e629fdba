"""The data wall (chapter 4): the model.

Fits, draws and result tables; no charts, no prose.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from analysis.data import catalog, loaders
from analysis.science import forecasts, trends
from analysis.science.units import (
    format_estimate,
    format_growth,
    format_in_unit,
    format_number,
)
from analysis.topics.data_wall.datasets import (  # noqa: F401 (re-exported for the chapter and tests)
    DATASET_START,
    TOP_DATASETS,
    language_datasets,
    language_rows,
    multi_pass,
    running_largest,
    same_corpus,
    top_datasets,
)

DRAWS = 20_000
"""Monte Carlo draws of the stock and of each projection."""


SEED = 20240605


STOCK_YEAR = 2024.0
"""Year the stock inputs refer to (and the projections' reference year)."""


GROWTH_LEVEL = 0.95
"""Dataset growth is reported at 95%, the level of Villalobos et al.'s interval."""


STOCK_LEVEL = 0.9


FULL_USE_LEVEL = 0.8
"""The stock at 90% and the year of full use at 80%, the levels of the published figures."""


OVERTRAINING = (5, 10, 100)
"""Tokens-per-parameter multiples of the compute-optimal ratio, at the same compute."""


HORIZON = 2100.0
"""Paths that have not met the stock by this year count as 'after 2100'."""


MIN_BYTES_PER_TOKEN = 1.0
"""A byte-level tokenizer's token holds at least one byte; lower draws are clipped and counted."""


YEARS = np.arange(2020.0, 2040.0 + 1e-9, 0.25)
"""Years of the fan chart and of the probability-of-exceeding curve."""


def lognormal_parameters(low: float, high: float, level: float) -> tuple[float, float]:
    """(mu, sigma) of the natural log of a lognormal whose central ``level`` interval is [low, high]."""
    z = stats.norm.ppf(0.5 + level / 2)
    return (np.log(low) + np.log(high)) / 2, (np.log(high) - np.log(low)) / (2 * z)


def input_quantile(row: pd.Series, probability) -> np.ndarray:
    """Quantile of an input's distribution (``lognormal`` or ``six_minus_lognormal``)."""
    mu, sigma = lognormal_parameters(row.low, row.high, row.level)
    if row.distribution == "six_minus_lognormal":
        return 6.0 - np.exp(mu + sigma * stats.norm.ppf(1 - np.asarray(probability, float)))
    return np.exp(mu + sigma * stats.norm.ppf(np.asarray(probability, float)))


@dataclass(frozen=True)
class Stock:
    """Draws of the stock model's inputs, one array per input (``catalog.STOCK_INPUTS``)."""

    inputs: dict[str, np.ndarray]
    clipped_bytes_per_token: int

    @property
    def indexed_web_2024(self) -> np.ndarray:
        """Tokens of text in the indexed web in 2024."""
        values = self.inputs
        return values["indexed_web_pages"] * values["bytes_per_page"] / values["bytes_per_token"]

    @property
    def log_effective_2024(self) -> np.ndarray:
        """log10 of the effective stock (tokens) in 2024: indexed web × quality × repetition."""
        values = self.inputs
        return np.log10(self.indexed_web_2024 * values["quality_fraction"] * values["repetition_factor"])

    @property
    def log_growth(self) -> np.ndarray:
        """Growth of the stock, OOM per year: pages growth × bytes-per-page growth."""
        return np.log10(self.inputs["pages_growth"] * self.inputs["bytes_per_page_growth"])

    def log_effective(self, year) -> np.ndarray:
        """log10 effective stock in ``year`` (draws × years when ``year`` is an array)."""
        elapsed = np.asarray(year, float) - STOCK_YEAR
        return self.log_effective_2024[..., None] + self.log_growth[..., None] * elapsed


def median_bytes_per_token(inputs: pd.DataFrame) -> float:
    """The stock model's median bytes per token (its ``bytes_per_token`` input): the conversion of a
    training set's printed bytes to tokens."""
    return float(input_quantile(inputs.loc["bytes_per_token"], 0.5))


def sample_stock(inputs: pd.DataFrame, draws: int = DRAWS, seed: int = SEED) -> Stock:
    """Independent seeded draws of every input (rows of ``loaders.load_text_stock_inputs()``)."""
    rng = np.random.default_rng(seed)
    values = {}
    for name in catalog.STOCK_INPUTS:
        row = inputs.loc[name]
        mu, sigma = lognormal_parameters(row.low, row.high, row.level)
        draw = np.exp(mu + sigma * rng.standard_normal(draws))
        values[name] = 6.0 - draw if row.distribution == "six_minus_lognormal" else draw
    clipped = int((values["bytes_per_token"] < MIN_BYTES_PER_TOKEN).sum())
    values["bytes_per_token"] = np.maximum(values["bytes_per_token"], MIN_BYTES_PER_TOKEN)
    return Stock(values, clipped)


def dataset_growth(dates, tokens) -> trends.GrowthFit:
    """Log-linear growth of training tokens, 95% bootstrap interval."""
    return trends.fit_growth(dates, tokens, level=GROWTH_LEVEL)


@dataclass(frozen=True)
class Paths:
    """Log-linear paths of the largest dataset: log10 tokens at 2024 and slope (OOM/yr), one per draw."""

    label: str
    log_2024: np.ndarray
    slope: np.ndarray

    def log_tokens(self, year) -> np.ndarray:
        """log10 tokens in ``year`` (draws × years when ``year`` is an array)."""
        return self.log_2024[..., None] + self.slope[..., None] * (np.asarray(year, float) - STOCK_YEAR)


def historical_trend_line(rows: pd.DataFrame, draws: int = DRAWS) -> Paths:
    """Bootstrap paths of the running top-5 dataset trend line itself (a sensitivity: the typical
    large dataset, not the largest)."""
    top = top_datasets(rows)
    level, slope = trends.growth_draws(top.publication_date, top.dataset_tokens, STOCK_YEAR, draws, SEED)
    return Paths("historical trend line (top-5 datasets)", level, slope)


def record_offsets(rows: pd.DataFrame) -> np.ndarray:
    """How far (log10 tokens) the largest dataset to date stood above the top-5 trend line at each
    dataset's date since the top-5 series starts: the record offsets a projection of the largest
    dataset draws from (as the timelines chapter's largest-run projection does for compute)."""
    top = top_datasets(rows)
    fit = trends.fit_growth(top.publication_date, top.dataset_tokens)
    years = trends.decimal_year(rows.publication_date)
    offsets = forecasts.record_offsets(years, np.log10(rows.dataset_tokens.to_numpy(float)), fit)
    return offsets[np.sort(years) >= trends.decimal_year(top.publication_date).min()]


def historical_paths(rows: pd.DataFrame, draws: int = DRAWS) -> Paths:
    """Paths of the largest dataset: the top-5 trend line's bootstrap draws plus a record offset drawn
    from history, never below today's largest dataset."""
    line = historical_trend_line(rows, draws)
    offsets = np.random.default_rng(SEED + 2).choice(record_offsets(rows), draws)
    floor = record_floor(rows.publication_date, rows.dataset_tokens, line.slope)
    level = np.maximum(line.log_2024 + offsets, floor)
    return Paths("historical trend plus record offset (largest dataset)", level, line.slope)


def record_floor(dates, values, slope: np.ndarray) -> np.ndarray:
    """Per draw, the lowest log10 level at ``STOCK_YEAR`` that keeps a path of ``slope`` (OOM/yr) at or
    above today's record on the record's own date (a path need not reach it before it was set)."""
    index = int(np.argmax(np.asarray(values, float)))
    year = float(trends.decimal_year(pd.Series(dates).iloc[index : index + 1])[0])
    return np.log10(np.asarray(values, float)[index]) - slope * (year - STOCK_YEAR)


@dataclass(frozen=True)
class RunTokens:
    """Compute-optimal tokens of the largest run, unconstrained (years x draws), from the report's joint
    simulation (``timelines.model.shared_simulation``: the frontier trend plus a record offset, one
    Chinchilla bootstrap law per draw). Passed in, so this chapter and the timelines chapter read the
    same draws."""

    years: np.ndarray
    tokens: np.ndarray

    @classmethod
    def from_simulation(cls, sim) -> "RunTokens":
        """From a ``timelines.simulation.Simulation``: its unconstrained path's tokens."""
        return cls(np.asarray(sim.years, float), sim.tokens(sim.compute))


def compute_based_paths(run: RunTokens, rows: pd.DataFrame, draws: int = DRAWS) -> Paths:
    """Tokens of the largest run: the joint simulation's unconstrained compute-optimal tokens, as a
    log-linear path per draw through its 2030 value and its last year's (exact in 2030; the run's own
    record floor bends only its first years), cycled to ``draws``, never below today's largest dataset
    (``rows``, unique tokens) on its own date."""
    first = int(np.argmin(np.abs(run.years - 2030.0)))
    span = run.years[-1] - run.years[first]
    log_tokens = np.log10(run.tokens)
    slope = (log_tokens[-1] - log_tokens[first]) / span
    level = log_tokens[first] - slope * (run.years[first] - STOCK_YEAR)
    index = np.arange(draws) % log_tokens.shape[1]
    level, slope = level[index], slope[index]
    floor = record_floor(rows.publication_date, rows.dataset_tokens, slope)
    return Paths("compute-based (largest run)", np.maximum(level, floor), slope)


def overtrained_paths(optimal: Paths, overtraining: float) -> Paths:
    """The compute-based paths ``overtraining`` times past the optimal tokens per parameter.

    At the same compute C = 6 N D, k times the optimal D/N means √k times the
    tokens: log10 tokens rise by 0.5 log10 k (OOM), the slope is unchanged.
    """
    log_2024 = optimal.log_2024 + 0.5 * np.log10(overtraining)
    return Paths(f"{optimal.label}, {overtraining:g}x overtrained", log_2024, optimal.slope)


def epoch_paths(epoch_sizes: pd.DataFrame, inputs: pd.DataFrame, draws: int = DRAWS) -> Paths:
    """Villalobos et al.'s historical projection rerun: growth of their dataset sizes, their 2024 level."""
    rows = epoch_sizes[epoch_sizes.date > DATASET_START]
    _, slope = trends.growth_draws(rows.date, rows.training_tokens, STOCK_YEAR, draws, SEED)
    row = inputs.loc["largest_dataset_2024"]
    mu, sigma = lognormal_parameters(row.low, row.high, row.level)
    level = (mu + sigma * np.random.default_rng(SEED + 1).standard_normal(draws)) / np.log(10)
    return Paths("Villalobos et al.'s projection, rerun", level, slope)


def crossing_years(stock: Stock, paths: Paths) -> np.ndarray:
    """Year each path meets its own stock draw (paired draws); ``inf`` if not by ``HORIZON``.

    Solves log D(2024) + r t = log S(2024) + g t. A path already above its stock in 2024
    crossed earlier (the closed form gives that year); one growing no faster than its
    stock and below it never crosses.
    """
    gap = stock.log_effective_2024 - paths.log_2024
    speed = paths.slope - stock.log_growth
    with np.errstate(divide="ignore", invalid="ignore"):
        years = STOCK_YEAR + gap / speed
    years = np.where(speed > 0, years, np.where(gap <= 0, -np.inf, np.inf))
    return np.where(years > HORIZON, np.inf, years)


@dataclass(frozen=True)
class FullUse:
    """The distribution of the year of full use for one projection."""

    label: str
    years: np.ndarray

    @property
    def median(self) -> float:
        """Median year (a path that never crosses counts as later than any year)."""
        return float(np.quantile(self.years, 0.5, method="inverted_cdf"))

    def interval(self, level: float = FULL_USE_LEVEL) -> tuple[float, float]:
        """Central ``level`` interval of the year; ``inf`` where more than the upper tail never crosses."""
        tail = (1 - level) / 2
        low, high = np.quantile(self.years, [tail, 1 - tail], method="inverted_cdf")
        return float(low), float(high)

    @property
    def share_after_horizon(self) -> float:
        """Share of paths that have not met the stock by 2100."""
        return float(np.isinf(self.years).mean())


def full_use(stock: Stock, paths: Paths) -> FullUse:
    """The year of full use for ``paths`` against the stock (paired draws)."""
    return FullUse(paths.label, crossing_years(stock, paths))


def mixture(first: FullUse, second: FullUse, label: str) -> FullUse:
    """Equal-weight mixture of two projections' years (Villalobos et al. mix historical and compute-based)."""
    return FullUse(label, np.concatenate([first.years, second.years]))


def probability_exceeding(stock: Stock, paths: list[Paths], years: np.ndarray = YEARS) -> np.ndarray:
    """P(dataset ≥ stock) in each year with dataset and stock drawn independently (their definition).

    The dataset draws of every projection in ``paths`` are pooled with equal weight and
    paired with a seeded permutation of the stock draws.
    """
    rng = np.random.default_rng(SEED + 2)
    stock_log = stock.log_effective(years)
    shares = [
        (path.log_tokens(years) >= stock_log[rng.permutation(len(stock_log))]).mean(axis=0) for path in paths
    ]
    return np.mean(shares, axis=0)


def year_at_probability(probability: np.ndarray, target: float, years: np.ndarray = YEARS) -> float:
    """First year (linearly interpolated) where the exceed probability reaches ``target``."""
    above = np.nonzero(probability >= target)[0]
    if len(above) == 0:
        return float("inf")
    index = above[0]
    if index == 0:
        return float(years[0])
    low, high = probability[index - 1], probability[index]
    return float(years[index - 1] + (target - low) / (high - low) * (years[index] - years[index - 1]))


def indexed_web_from_pivot_words(words: pd.DataFrame) -> np.ndarray:
    """Villalobos et al.'s Google-index estimate, re-derived: pages = count / (share × 0.45), every cell."""
    shares = words[[str(year) for year in range(2013, 2023)]].to_numpy()
    return (words["count"].to_numpy()[:, None] / (shares * 0.45)).ravel()


def tornado(stock: Stock, inputs: pd.DataFrame, paths: Paths, probabilities=(0.1, 0.9)) -> pd.DataFrame:
    """One input at a time at its 10th and 90th percentile, the rest at their medians: the year of full use.

    The dataset path is the historical projection's median line; its level and its slope
    are varied like the stock inputs, over their bootstrap draws.
    """
    medians = {name: float(np.median(values)) for name, values in stock.inputs.items()}

    def year(values: dict, level: float, slope: float) -> float:
        point = Stock({name: np.array([value]) for name, value in values.items()}, 0)
        single = Paths("", np.array([level]), np.array([slope]))
        return float(crossing_years(point, single)[0])

    level, slope = float(np.median(paths.log_2024)), float(np.median(paths.slope))
    rows = []
    for name in catalog.STOCK_INPUTS:
        if name == "largest_dataset_2024":
            continue
        low, high = input_quantile(inputs.loc[name], probabilities)
        low, high = (
            max(value, MIN_BYTES_PER_TOKEN) if name == "bytes_per_token" else value for value in (low, high)
        )
        rows.append(
            (
                inputs.loc[name].quantity,
                year({**medians, name: low}, level, slope),
                year({**medians, name: high}, level, slope),
            )
        )
    for label, draws, index in (
        ("Largest dataset in 2024 (path level)", paths.log_2024, 0),
        ("Dataset growth (path slope)", paths.slope, 1),
    ):
        low, high = np.quantile(draws, probabilities)
        values = [(low, slope), (high, slope)] if index == 0 else [(level, low), (level, high)]
        rows.append((label, *(year(medians, *pair) for pair in values)))
    table = pd.DataFrame(rows, columns=["input", "year at 10th percentile", "year at 90th percentile"])
    table["spread (years)"] = (table["year at 90th percentile"] - table["year at 10th percentile"]).abs()
    return table.sort_values("spread (years)", ascending=False, ignore_index=True)


ANALYST_CHOICES = (
    ("Projection: historical or compute-based", "historical", "compute_based"),
    ("Largest dataset or the trend line alone", "historical", "trend_line"),
    ("Compute-optimal or 100x overtrained", "compute_based", "overtrained_100x"),
    ("Datasets with unclear passes kept or left out", "combined", "clear_passes"),
)
"""The analyst's choices set beside the inputs: (label, one choice, the other), keys of ``full_use``."""


def choice_effects(full_use_years: dict) -> pd.DataFrame:
    """Median year of full use under each side of every analyst's choice (``full_use``: key -> FullUse)."""
    rows = [
        (label, full_use_years[one].median, full_use_years[other].median)
        for label, one, other in ANALYST_CHOICES
    ]
    table = pd.DataFrame(rows, columns=["choice", "median year, first", "median year, second"])
    table["spread (years)"] = (table["median year, second"] - table["median year, first"]).abs()
    return table.sort_values("spread (years)", ascending=False, ignore_index=True)


def tornado_display(table: pd.DataFrame) -> pd.DataFrame:
    """The tornado table with its years written as years (``2029.4``)."""
    columns = ["year at 10th percentile", "year at 90th percentile"]
    return table.assign(
        **{column: table[column].map(lambda year: format_in_unit(year, "year")) for column in columns}
    )


@dataclass(frozen=True)
class DataWall:
    """Everything the chapter reports: the stock, the dataset fits and the year of full use."""

    models: pd.DataFrame
    inputs: pd.DataFrame
    stock: Stock
    datasets: pd.DataFrame
    growth_all: trends.GrowthFit
    growth_top: trends.GrowthFit
    growth_epoch: trends.GrowthFit
    epoch_sizes: pd.DataFrame
    multi_pass: pd.DataFrame
    """Language models trained several passes over their data: tokens seen and unique (``multi_pass``)."""
    run: RunTokens
    historical: Paths
    compute_based: Paths
    overtrained: dict[float, Paths]
    epoch: Paths
    full_use: dict[str, FullUse]
    exceed_probability: np.ndarray
    sensitivity: pd.DataFrame

    @property
    def combined(self) -> FullUse:
        """The headline: historical and compute-based projections mixed equally, as Villalobos et al. do."""
        return self.full_use["combined"]


def analyse(
    models: pd.DataFrame,
    inputs: pd.DataFrame,
    epoch_sizes: pd.DataFrame,
    passes: pd.DataFrame,
    run: RunTokens,
) -> DataWall:
    """Run the chapter's analysis on our models, the stock inputs, Villalobos et al.'s dataset sizes, the
    passes each training set was read (``data/dataset_passes.csv``) and the joint simulation's
    unconstrained largest run (``run``)."""
    stock = sample_stock(inputs)
    bytes_per_token = median_bytes_per_token(inputs)
    datasets = language_datasets(models, passes, bytes_per_token)
    top = top_datasets(datasets)
    epoch_rows = epoch_sizes[epoch_sizes.date > DATASET_START]
    historical, compute = historical_paths(datasets), compute_based_paths(run, datasets)
    overtrained = {k: overtrained_paths(compute, k) for k in OVERTRAINING}
    epoch = epoch_paths(epoch_sizes, inputs)
    results = {
        "historical": full_use(stock, historical),
        "compute_based": full_use(stock, compute),
        **{f"overtrained_{k}x": full_use(stock, paths) for k, paths in overtrained.items()},
        "epoch": full_use(stock, epoch),
        "trend_line": full_use(stock, historical_trend_line(datasets)),
    }
    results["combined"] = mixture(
        results["historical"], results["compute_based"], "historical and compute-based"
    )
    clear = datasets[datasets.passes.ne("unclear")]
    results["clear_passes"] = mixture(
        full_use(stock, historical_paths(clear)),
        full_use(stock, compute_based_paths(run, clear)),
        "historical and compute-based, rows with unclear passes left out",
    )
    return DataWall(
        models=models,
        inputs=inputs,
        stock=stock,
        datasets=datasets,
        growth_all=dataset_growth(datasets.publication_date, datasets.dataset_tokens),
        growth_top=dataset_growth(top.publication_date, top.dataset_tokens),
        growth_epoch=dataset_growth(epoch_rows.date, epoch_rows.training_tokens),
        epoch_sizes=epoch_rows,
        multi_pass=multi_pass(language_rows(models), passes, bytes_per_token),
        run=run,
        historical=historical,
        compute_based=compute,
        overtrained=overtrained,
        epoch=epoch,
        full_use=results,
        exceed_probability=probability_exceeding(stock, [historical, compute]),
        sensitivity=tornado(stock, inputs, historical),
    )


def largest_dataset(wall: DataWall) -> pd.Series:
    """The language model with the largest training set (unique tokens) in our data (earliest first on a
    tie)."""
    return wall.datasets.sort_values(["dataset_tokens", "publication_date"], ascending=[False, True]).iloc[0]


def stock_band(wall: DataWall, level: float = STOCK_LEVEL) -> pd.DataFrame:
    """Median and central interval of the effective stock and of each projection, by year."""
    tail = (1 - level) / 2
    rows = []
    for label, log_values in (
        ("effective stock", wall.stock.log_effective(YEARS)),
        (wall.historical.label, wall.historical.log_tokens(YEARS)),
        (wall.compute_based.label, wall.compute_based.log_tokens(YEARS)),
        (wall.overtrained[5].label, wall.overtrained[5].log_tokens(YEARS)),
    ):
        low, median, high = np.quantile(log_values, [tail, 0.5, 1 - tail], axis=0)
        rows.append(
            pd.DataFrame(
                {"year": YEARS, "series": label, "tokens": 10**median, "low": 10**low, "high": 10**high}
            )
        )
    return pd.concat(rows, ignore_index=True)


def full_use_frame(wall: DataWall, published: pd.DataFrame) -> pd.DataFrame:
    """Every projection's median year and 80% interval, and the published figure, for a forest plot."""
    labels = {
        "combined": "ours: historical and compute-based",
        "historical": "ours: historical trend plus record offset (largest dataset)",
        "trend_line": "ours: historical trend line only (sensitivity)",
        "compute_based": "ours: compute-based",
        "overtrained_5x": "ours: compute-based, 5x overtrained",
        "overtrained_10x": "ours: compute-based, 10x overtrained",
        "overtrained_100x": "ours: compute-based, 100x overtrained",
        "epoch": "Villalobos et al.'s inputs and data, our code",
    }
    rows = []
    for key, label in labels.items():
        result = wall.full_use[key]
        low, high = result.interval()
        rows.append(
            {"estimate": label, "year": result.median, "low": low, "high": high, "source": "this report"}
        )
    independent = [year_at_probability(wall.exceed_probability, p) for p in (0.5, 0.1, 0.9)]
    rows.insert(
        1,
        {
            "estimate": "ours, their definition (P = 0.5)",
            "year": independent[0],
            "low": independent[1],
            "high": independent[2],
            "source": "this report",
        },
    )
    figure = published.loc["villalobos2024.full_use_year"]
    rows.append(
        {
            "estimate": "Villalobos et al. (2024), published",
            "year": figure.value,
            "low": figure.ci_low,
            "high": figure.ci_high,
            "source": "published",
        }
    )
    return pd.DataFrame(rows)


V1_START_YEAR = 2022.0
"""The 2022 version's code starts its projection of the largest dataset at 2022.0."""


def backtest_2022(wall: DataWall, published: pd.DataFrame) -> pd.DataFrame:
    """The 2022 version's coded projection of the largest dataset (2e12 words at 2022.0, growing at a
    normal log10 rate with the 5th and 95th percentiles its code sets) with its 90% band, against the
    largest dataset in our data (unique tokens) at the end of each year since; beside it the abstract's
    lower bound (more than 1.5x a year)."""
    start = published.value["villalobos2022.largest_dataset_words"] / loaders.WORDS_PER_TOKEN
    coded = published.loc["villalobos2022.dataset_growth_coded"]
    lower_bound = published.value["villalobos2022.dataset_growth"]
    z = stats.norm.ppf(0.5 + coded.ci_level / 2)
    spread = (coded.ci_high - coded.ci_low) / (2 * z)
    rows = []
    for year in range(2022, int(wall.datasets.publication_date.max().year) + 1):
        when = pd.Timestamp(f"{year}-12-31")
        elapsed = float(trends.decimal_year([when])[0]) - V1_START_YEAR
        largest = running_largest(wall.datasets, when)
        log_start = np.log10(start)
        median = 10 ** (log_start + coded.value * elapsed)
        low, high = (10 ** (log_start + (coded.value + sign * z * spread) * elapsed) for sign in (-1, 1))
        actual = largest.dataset_tokens
        rows.append(
            {
                "end of": year,
                "coded projection, median (tokens)": median,
                "coded projection, 90% band": f"{format_number(low, 2)}–{format_number(high, 2)}",
                "largest in our data (tokens)": actual,
                "model": largest.model,
                "actual / coded median": actual / median,
                "inside the band": "yes"
                if low <= actual <= high
                else ("above" if actual > high else "below"),
                "actual / abstract's lower bound": actual / (start * lower_bound**elapsed),
            }
        )
    return pd.DataFrame(rows)


def three_columns(wall: DataWall, published: pd.DataFrame) -> pd.DataFrame:
    """Dataset growth and the year of full use: ours; Villalobos et al.'s data through our code; published."""
    growth = published.loc["villalobos2024.dataset_growth"]
    year = published.loc["villalobos2024.full_use_year"]
    ours_low, ours_high = wall.combined.interval()
    theirs = wall.full_use["epoch"]
    theirs_low, theirs_high = theirs.interval()
    return pd.DataFrame(
        [
            {
                "quantity": "Growth of language-model datasets since 2010",
                "ours": wall.growth_all.text,
                "their data, our code": wall.growth_epoch.text,
                "published": f"{format_growth(10**growth.value)} ({growth.ci_level:.0%} CI "
                f"{growth.ci_low:g}–{growth.ci_high:g} OOM/yr)",
            },
            {
                "quantity": "Growth of language-model datasets, Epoch's data insight (its versions)",
                "ours": wall.growth_all.text,
                "their data, our code": wall.growth_epoch.text,
                "published": "; ".join(
                    f"{format_growth(row.value)} ({row.location.split('(')[-1].rstrip(')')})"
                    for row in published[published.source_key == "rahman2024dataset"].itertuples()
                ),
            },
            {
                "quantity": "Year of full use (median, 80% interval)",
                "ours": format_estimate(
                    wall.combined.median, ours_low, ours_high, FULL_USE_LEVEL, unit="year"
                ),
                "their data, our code": format_estimate(
                    theirs.median, theirs_low, theirs_high, FULL_USE_LEVEL, unit="year"
                )
                + " (historical projection only)",
                "published": f"{year.value:g} ({year.ci_level:.0%} CI {year.ci_low:g}–{year.ci_high:g})",
            },
        ]
    )


COMPARISON_PAIRS = [
    (
        "data.stock.effective_tokens_2024",
        "villalobos2024.stock.effective",
        "A code reproduction, not an independent estimate: the same model and inputs (five of the eight "
        "inputs are theirs alone); our draws below 1 byte per token are clipped to 1, theirs are kept.",
    ),
    (
        "data.stock.indexed_web_tokens_2024",
        "villalobos2024.stock.indexed_web",
        "A code reproduction (same inputs): the difference is Monte Carlo noise only.",
    ),
    (
        "data.dataset_growth.language",
        "villalobos2024.dataset_growth",
        "Our language models with published token counts, against their 80; same method (their data "
        "through our code: see the three-column table).",
    ),
    (
        "data.full_use_year.median",
        "villalobos2024.full_use_year",
        "Our projections start from our data and our compute trend, and we pair each path with its own "
        "stock draw; their definition on our projections is shown beside it. Their interval is 80% as "
        "their blog and their code's 10th and 90th percentiles give it; the paper states no level.",
    ),
    (
        "data.full_use_year.overtrained_5x",
        "villalobos2024.full_use_year.overtrained_5x",
        "Theirs applies overtraining to the mixture of projections; ours to the compute-based one only, "
        "since "
        "the historical trend already contains real overtraining.",
    ),
]
"""The comparison table's rows: (our key number, published figure, why they differ)."""
