"""The data-wall chapter: the stock of public human text, dataset growth, the year of full use.

Conventions: tokens; dates as decimal years; logs base 10; growth as factors per year.

The stock model is Villalobos et al.'s (2024) as coded (epoch-research/data-stock at
83da8ed): the effective stock in year t is indexed pages × bytes per page ÷ bytes per
token × quality fraction × repetition factor, growing from 2024 by (pages growth ×
bytes-per-page growth) per year. Its inputs are the rows of ``data/text_stock_inputs.csv``;
each is drawn independently, as in their code.

The largest training dataset follows two projections, each a set of seeded paths:
*historical*, the log-linear trend of the running top-5 datasets in our data; and
*compute-based*, the frontier compute trend of the compute-trends chapter turned into
tokens by the compute-optimal allocation of the Chinchilla chapter (optionally
overtrained: k times the optimal tokens per parameter at the same compute gives √k
times the tokens). Both the stock and a path are log-linear in time, so each path meets
its stock draw in a closed-form year.
"""

from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd
from scipy import stats

from analysis import charts, chinchilla, compute_trends, data, trends
from analysis.units import format_estimate, format_growth, format_in_unit, format_number, format_printed

DRAWS = 20_000
"""Monte Carlo draws of the stock and of each projection."""

SEED = 20240605
STOCK_YEAR = 2024.0
"""Year the stock inputs refer to (and the projections' reference year)."""

DATASET_START = pd.Timestamp("2010-01-01")
"""Dataset-growth fits start here, as Villalobos et al.'s does."""

TOP_DATASETS = 5
"""The frontier of datasets: the running top-5 by training tokens."""

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
    """Draws of the stock model's inputs, one array per input (``data.STOCK_INPUTS``)."""

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


def sample_stock(inputs: pd.DataFrame, draws: int = DRAWS, seed: int = SEED) -> Stock:
    """Independent seeded draws of every input (rows of ``data.load_text_stock_inputs()``)."""
    rng = np.random.default_rng(seed)
    values = {}
    for name in data.STOCK_INPUTS:
        row = inputs.loc[name]
        mu, sigma = lognormal_parameters(row.low, row.high, row.level)
        draw = np.exp(mu + sigma * rng.standard_normal(draws))
        values[name] = 6.0 - draw if row.distribution == "six_minus_lognormal" else draw
    clipped = int((values["bytes_per_token"] < MIN_BYTES_PER_TOKEN).sum())
    values["bytes_per_token"] = np.maximum(values["bytes_per_token"], MIN_BYTES_PER_TOKEN)
    return Stock(values, clipped)


def language_datasets(models: pd.DataFrame) -> pd.DataFrame:
    """Released language (and multimodal language) models since 2010 with a published training-token count."""
    rows = models[
        models.released & models.domain.isin(compute_trends.LANGUAGE_DOMAINS) & models.training_tokens.notna()
    ]
    return rows[rows.publication_date >= DATASET_START]


def top_datasets(rows: pd.DataFrame) -> pd.DataFrame:
    """The running top-5 datasets: among the five largest released up to their own date."""
    return rows[trends.running_top_n(rows.publication_date, rows.training_tokens, TOP_DATASETS)]


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


def historical_paths(rows: pd.DataFrame, draws: int = DRAWS) -> Paths:
    """Bootstrap paths of the running top-5 dataset trend."""
    top = top_datasets(rows)
    level, slope = trends.growth_draws(top.publication_date, top.training_tokens, STOCK_YEAR, draws, SEED)
    return Paths("historical trend (top-5 datasets)", level, slope)


def compute_based_paths(models: pd.DataFrame, overtraining: float = 1.0, draws: int = DRAWS) -> Paths:
    """Tokens of the largest run: frontier compute paths × the compute-optimal allocation (× √k).

    With D*(C) = (C/6)**b / G (``ChinchillaLaw.optimal_allocation``), log10 D* is linear in
    log10 C, so a log-linear compute path gives a log-linear token path. The law is the
    Chinchilla chapter's point estimate; its uncertainty is not propagated.
    """
    law = chinchilla.fitted_law()
    compute_2024, compute_slope = compute_trends.frontier_growth_draws(models, STOCK_YEAR, draws)
    _, exponent = law.allocation_exponents()
    tokens_at_1e20 = np.log10(law.optimal_allocation(1e20)[1])
    log_2024 = tokens_at_1e20 + exponent * (compute_2024 - 20.0) + 0.5 * np.log10(overtraining)
    label = "compute-based" + (f", {overtraining:g}x overtrained" if overtraining != 1 else "")
    return Paths(label, log_2024, exponent * compute_slope)


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
    for name in data.STOCK_INPUTS:
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
        ("Largest dataset in 2024 (trend level)", paths.log_2024, 0),
        ("Dataset growth (trend slope)", paths.slope, 1),
    ):
        low, high = np.quantile(draws, probabilities)
        values = [(low, slope), (high, slope)] if index == 0 else [(level, low), (level, high)]
        rows.append((label, *(year(medians, *pair) for pair in values)))
    table = pd.DataFrame(rows, columns=["input", "year at 10th percentile", "year at 90th percentile"])
    table["spread (years)"] = (table["year at 90th percentile"] - table["year at 10th percentile"]).abs()
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


def analyse(models: pd.DataFrame, inputs: pd.DataFrame, epoch_sizes: pd.DataFrame) -> DataWall:
    """Run the chapter's analysis on our models, the stock inputs and Villalobos et al.'s dataset sizes."""
    stock = sample_stock(inputs)
    datasets = language_datasets(models)
    top = top_datasets(datasets)
    epoch_rows = epoch_sizes[epoch_sizes.date > DATASET_START]
    historical, compute = historical_paths(datasets), compute_based_paths(models)
    overtrained = {k: compute_based_paths(models, k) for k in OVERTRAINING}
    epoch = epoch_paths(epoch_sizes, inputs)
    results = {
        "historical": full_use(stock, historical),
        "compute_based": full_use(stock, compute),
        **{f"overtrained_{k}x": full_use(stock, paths) for k, paths in overtrained.items()},
        "epoch": full_use(stock, epoch),
    }
    results["combined"] = mixture(
        results["historical"], results["compute_based"], "historical and compute-based"
    )
    return DataWall(
        models=models,
        inputs=inputs,
        stock=stock,
        datasets=datasets,
        growth_all=dataset_growth(datasets.publication_date, datasets.training_tokens),
        growth_top=dataset_growth(top.publication_date, top.training_tokens),
        growth_epoch=dataset_growth(epoch_rows.date, epoch_rows.training_tokens),
        epoch_sizes=epoch_rows,
        historical=historical,
        compute_based=compute,
        overtrained=overtrained,
        epoch=epoch,
        full_use=results,
        exceed_probability=probability_exceeding(stock, [historical, compute]),
        sensitivity=tornado(stock, inputs, historical),
    )


def largest_dataset(wall: DataWall) -> pd.Series:
    """The language model with the most training tokens in our data (earliest first on a tie)."""
    return wall.datasets.sort_values(["training_tokens", "publication_date"], ascending=[False, True]).iloc[0]


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
            f"Growth of training-dataset size (tokens) of {sample}; n = {fit.n}",
            fit.method,
            published=published,
            significant=2,
        )
    largest = largest_dataset(wall)
    registry.register(
        "data.largest_dataset.tokens",
        largest.training_tokens,
        (largest.training_tokens,) * 2,
        0.9,
        "tokens",
        f"Largest training dataset in our data: {largest.model} ({largest.organization})",
        "Tokens as the developer reports them (no sampling uncertainty; the interval is the value); "
        "see data/models.csv",
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
            f"Year the largest training dataset reaches the effective stock ({result.label})",
            f"Median and {FULL_USE_LEVEL:.0%} interval of the crossing years of {DRAWS:,} paired paths "
            "(each projection path against its own stock draw)",
            published=published_year.get(key, ""),
            headline=key == "combined",
        )


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


NAMED_DATASETS = ("GPT-3 175B", "Chinchilla", "Llama 2-70B", "Llama 3.1 405B", "Qwen3-32B")
"""Models a reader looks for on the dataset charts (annotated when present in our data)."""

FAN_CHART_CEILING = 1e17
"""The fan chart's top (tokens): the projections run on past it, the stock never reaches it."""

DATASET_TOOLTIP = [
    alt.Tooltip("model:N", title="model"),
    alt.Tooltip("organization:N", title="organisation"),
    alt.Tooltip("publication_date:T", title="published"),
    alt.Tooltip("training_tokens:Q", title="training tokens", format=".3~e"),
    alt.Tooltip("source_url:N", title="source"),
]


def _dataset_points(wall: DataWall) -> pd.DataFrame:
    points = wall.datasets.reset_index(drop=True)
    points["year"] = trends.decimal_year(points.publication_date)
    points["sample"] = np.where(
        trends.running_top_n(points.publication_date, points.training_tokens, TOP_DATASETS),
        "running top-5",
        "other language models",
    )
    return points


def fan_chart(wall: DataWall) -> alt.VConcatChart:
    """The effective stock and the projected largest dataset (90% bands), observed datasets, and below
    them the distribution of the year of full use."""
    band = stock_band(wall)
    points = _dataset_points(wall)
    points = points[points.year >= YEARS[0]]
    low = float(min(band.low.min(), points.training_tokens.min()))
    high = min(float(band.high.max()), FAN_CHART_CEILING)
    y_axis = charts.log_axis("Tokens", low, high)
    x = alt.X(
        "year:Q", title="Year", scale=alt.Scale(domain=[YEARS[0], YEARS[-1]]), axis=alt.Axis(format="d")
    )
    order = list(dict.fromkeys(band.series))
    color = alt.Color(
        "series:N", title=None, scale=alt.Scale(domain=order), legend=alt.Legend(orient="bottom", columns=2)
    )
    areas = (
        alt.Chart(band)
        .mark_area(opacity=0.15, clip=True)
        .encode(x=x, y=alt.Y("low:Q", **y_axis), y2="high:Q", color=color)
    )
    lines = (
        alt.Chart(band)
        .mark_line(clip=True)
        .encode(
            x=x,
            y=alt.Y("tokens:Q", **y_axis),
            color=color,
            tooltip=[
                alt.Tooltip("series:N"),
                alt.Tooltip("year:Q", format=".2f"),
                alt.Tooltip("tokens:Q", title="median tokens", format=".3~e"),
                alt.Tooltip("low:Q", title="5th percentile", format=".3~e"),
                alt.Tooltip("high:Q", title="95th percentile", format=".3~e"),
            ],
        )
    )
    dots = (
        alt.Chart(points)
        .mark_point(filled=True, size=30, color="#000000", opacity=0.7)
        .encode(x=x, y=alt.Y("training_tokens:Q", **y_axis), tooltip=DATASET_TOOLTIP)
    )
    labels = charts.point_labels(
        points[points.model.isin(NAMED_DATASETS)], x, alt.Y("training_tokens:Q", **y_axis), "model"
    )
    top = alt.layer(areas, lines, dots, labels).properties(
        title="Effective stock of public text and the largest dataset"
    )
    edges = np.append(YEARS, YEARS[-1] + 0.25)
    counts, _ = np.histogram(wall.combined.years[np.isfinite(wall.combined.years)], bins=edges)
    bins = pd.DataFrame({"start": edges[:-1], "end": edges[1:], "share": counts / len(wall.combined.years)})
    histogram = (
        alt.Chart(bins)
        .mark_bar(color=charts.OKABE_ITO[1], opacity=0.8)
        .encode(
            x=alt.X(
                "start:Q",
                title="Year of full use",
                scale=alt.Scale(domain=[YEARS[0], YEARS[-1]]),
                axis=alt.Axis(format="d"),
            ),
            x2="end:Q",
            y=alt.Y("share:Q", title="Share of paths", axis=alt.Axis(format="%")),
            tooltip=[
                alt.Tooltip("start:Q", title="from", format=".2f"),
                alt.Tooltip("end:Q", title="to", format=".2f"),
                alt.Tooltip("share:Q", title="share of paths", format=".1%"),
            ],
        )
        .properties(height=90, title="Year of full use (historical and compute-based paths)")
    )
    return alt.vconcat(top, histogram).properties(
        title="The stock of public human text and what training uses"
    )


def dataset_chart(wall: DataWall) -> alt.LayerChart:
    """Training tokens of language models over time with the two fitted trends."""
    points = _dataset_points(wall)
    lines = []
    for label, fit in (("all language models", wall.growth_all), ("running top-5", wall.growth_top)):
        years = np.linspace(fit.first_year, fit.last_year, 40)
        dates = [trends.from_decimal_year(year) for year in years]
        lines.append(
            pd.DataFrame({"date": dates, "training_tokens": 10 ** fit.predict(years), "trend": label})
        )
    points["date"] = points.publication_date
    chart = charts.scatter_over_time(
        points,
        pd.concat(lines, ignore_index=True),
        value="training_tokens",
        value_title="Training tokens",
        color="sample",
        color_title="Sample",
        tooltip=DATASET_TOOLTIP,
        named=NAMED_DATASETS,
    )
    return chart.properties(title="Training-dataset size of language models")


def tornado_chart(table: pd.DataFrame, base_year: float) -> alt.LayerChart:
    """One bar per input from the year at its 10th to the year at its 90th percentile."""
    frame = table.assign(
        early=table[["year at 10th percentile", "year at 90th percentile"]].min(axis=1),
        late=table[["year at 10th percentile", "year at 90th percentile"]].max(axis=1),
    )
    y = alt.Y("input:N", sort=list(frame.input), title=None, axis=alt.Axis(labelLimit=420))
    bars = (
        alt.Chart(frame)
        .mark_bar(color=charts.OKABE_ITO[0], height=14)
        .encode(
            y=y,
            x=alt.X(
                "early:Q", title="Year of full use", scale=alt.Scale(zero=False), axis=alt.Axis(format="d")
            ),
            x2="late:Q",
            tooltip=[
                alt.Tooltip("input:N"),
                alt.Tooltip("year at 10th percentile:Q", format=".1f"),
                alt.Tooltip("year at 90th percentile:Q", format=".1f"),
            ],
        )
    )
    rule = alt.Chart(pd.DataFrame({"year": [base_year]})).mark_rule(strokeDash=[4, 3]).encode(x="year:Q")
    return alt.layer(bars, rule).properties(title="Which input moves the year of full use", width=360)


def full_use_frame(wall: DataWall, published: pd.DataFrame) -> pd.DataFrame:
    """Every projection's median year and 80% interval, and the published figure, for a forest plot."""
    labels = {
        "combined": "ours: historical and compute-based",
        "historical": "ours: historical trend",
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


def full_use_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Forest plot of the year of full use under each projection, beside the published figure."""
    titles = {"year": "Year of full use (median, 80% interval)", "source": "Source"}
    return charts.forest(frame, "estimate", "year", "low", "high", "source", titles, log=False).properties(
        title="When datasets reach the stock"
    )


V1_DATE = pd.Timestamp("2022-10-01")
"""The 2022 version dates its largest dataset to October 2022."""


def running_largest(rows: pd.DataFrame, when: pd.Timestamp) -> pd.Series:
    """The language model with the most training tokens published up to ``when``."""
    published = rows[rows.publication_date <= when]
    return published.sort_values(["training_tokens", "publication_date"], ascending=[False, True]).iloc[0]


def backtest_2022(wall: DataWall, published: pd.DataFrame) -> pd.DataFrame:
    """The 2022 version's dataset projection (2e12 words in October 2022, growing 1.5x a year, their
    lower bound) against the largest dataset in our data at the end of each year since."""
    start = published.value["villalobos2022.largest_dataset_words"] / data.WORDS_PER_TOKEN
    growth = published.value["villalobos2022.dataset_growth"]
    start_year = float(trends.decimal_year([V1_DATE])[0])
    rows = []
    for year in range(2022, int(wall.datasets.publication_date.max().year) + 1):
        when = pd.Timestamp(f"{year}-12-31")
        largest = running_largest(wall.datasets, when)
        projected = start * growth ** (float(trends.decimal_year([when])[0]) - start_year)
        rows.append(
            {
                "end of": year,
                "projected by the 2022 version (tokens, at least)": projected,
                "largest in our data (tokens)": largest.training_tokens,
                "model": largest.model,
                "actual / projected": largest.training_tokens / projected,
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
        "Same model and inputs; our draws below 1 byte per token are clipped to 1, theirs are kept.",
    ),
    (
        "data.stock.indexed_web_tokens_2024",
        "villalobos2024.stock.indexed_web",
        "Same inputs; Monte Carlo noise only.",
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
        "stock draw; their definition on our projections is shown beside it.",
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


DATASET_TREND_INPUTS = ("Largest dataset in 2024 (trend level)", "Dataset growth (trend slope)")


def summary_facts(wall: DataWall) -> dict:
    """The summary's numbers that are not key numbers: growth phrases and what drives the year."""
    table = wall.sensitivity
    driver = table.iloc[0]
    stock_rows = table[~table.input.isin(DATASET_TREND_INPUTS)]
    dataset_rows = table[table.input.isin(DATASET_TREND_INPUTS)]
    stock_first = stock_rows["spread (years)"].max() > dataset_rows["spread (years)"].max()
    return {
        "summary_growth_all": format_growth(wall.growth_all.factor),
        "summary_stock_growth": format_growth(10 ** float(np.median(wall.stock.log_growth))),
        "summary_driver": driver.input[0].lower() + driver.input[1:],
        "summary_driver_spread": driver["spread (years)"],
        "summary_driver_kind": (
            "an input of the stock matters more than the dataset trend"
            if stock_first
            else "the dataset trend matters more than any input of the stock"
        ),
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
        "words_per_token": f"{data.WORDS_PER_TOKEN:g}",
    }


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


def full_use_facts(wall: DataWall) -> dict:
    """The year of full use under their definition, and the gap between projections."""
    independent = [year_at_probability(wall.exceed_probability, p) for p in (0.5, 0.1, 0.9)]
    return {
        "independent_shift": (
            "the same as the median of paired paths to a tenth of a year"
            if abs(independent[0] - wall.combined.median) < 0.05
            else f"{abs(independent[0] - wall.combined.median):.1f} years from the median of paired paths"
        ),
        "independent_median": format_in_unit(independent[0], "year"),
        "independent_interval": "–".join(format_in_unit(year, "year") for year in independent[1:]),
        "epoch_median": format_in_unit(wall.full_use["epoch"].median, "year"),
    }


def backtest_facts(wall: DataWall, table: pd.DataFrame, published: pd.DataFrame) -> dict:
    """How the 2022 version fared: its projection against the datasets since, and whether datasets kept
    growing after the date by which it expected high-quality text to be used up (verdicts by rule)."""
    last = table.iloc[-1]
    figure = published.loc["villalobos2022.high_quality_exhausted"]
    at_exhaustion = running_largest(wall.datasets, trends.from_decimal_year(figure.value))
    latest = running_largest(wall.datasets, wall.datasets.publication_date.max())
    growth_since = latest.training_tokens / at_exhaustion.training_tokens
    ratio = float(last["actual / projected"])
    return {
        "bt_start_words": format_printed(published.value["villalobos2022.largest_dataset_words"]),
        "bt_growth": format_printed(published.value["villalobos2022.dataset_growth"]),
        "bt_year": str(int(last["end of"])),
        "bt_ratio": ratio,
        "bt_model": last.model,
        "bt_exhausted": format_in_unit(figure.value, "year"),
        "bt_exhausted_high": format_in_unit(figure.ci_high, "year"),
        "bt_growth_since": growth_since,
        "bt_projection_verdict": "too slow" if ratio > 1 else "too fast",
        "bt_wall_verdict": (
            "kept growing after that date, so the stock of 'high-quality' text it counted was not a wall"
            if growth_since > 1
            else "stopped growing after that date, as a wall would make them"
        ),
    }


def beyond_facts(wall: DataWall, published: pd.DataFrame) -> dict:
    """Scenarios beyond the wall: other modalities, synthetic text, repeated data."""
    value = published.value
    stock_2024 = float(np.median(10**wall.stock.log_effective_2024))
    synthetic_per_year = value["altman2024.words_per_day"] * 365 / data.WORDS_PER_TOKEN
    r_star, epochs = value["muennighoff2023.r_d_star"], value["muennighoff2023.epochs_negligible"]
    return {
        "images_ratio": value["villalobos2024.stock.images"] / stock_2024,
        "video_ratio": value["villalobos2024.stock.video"] / stock_2024,
        "synthetic_tokens_per_year": synthetic_per_year,
        "synthetic_years_per_stock": stock_2024 / synthetic_per_year,
        "repetition_multiplier": 1 + r_star * (1 - np.exp(-(epochs - 1) / r_star)),
        "repetition_epochs": format_printed(epochs),
    }
