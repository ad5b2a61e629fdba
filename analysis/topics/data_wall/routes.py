"""Independent routes to the stock: corpora released from Common Crawl, measured by their creators.

The stock model rests on Villalobos et al.'s inputs (five of eight theirs alone), so reproducing their
stock checks our code, not the stock. Released corpora give measured sizes instead: filtered and
deduplicated corpora (FineWeb deduplicated across all its snapshots, Nemotron-CC, RedPajama-V2) against
our quality-filtered unique stock (indexed web tokens x quality fraction), and all of Common Crawl
before 2023, unfiltered (DCLM-Pool), against our indexed web. Each route rescales the stock's level to
the measured size, keeps every other input, and gives the year of full use on the same projections.
Tokens; years are decimal years.
"""

import dataclasses

import numpy as np
import pandas as pd

from analysis.report.bibliography import author_year
from analysis.science.units import format_in_unit, format_number
from analysis.topics.data_wall.model import DataWall, Stock, full_use, mixture

FILTERED_CORPORA = (
    "fineweb.global_dedup_tokens",
    "nemotron_cc.unique_real_tokens",
    "redpajama_v2.dedup_tokens",
)
"""Filtered, deduplicated corpora (ids in ``published_estimates.csv``): compared with our quality-filtered
unique stock, of which each is a part (English or a few languages, Common Crawl only)."""

RAW_CRAWL = "dclm.pool_tokens"
"""All of Common Crawl before 2023, unfiltered: compared with our indexed web."""

NAMES = {
    "fineweb.global_dedup_tokens": "FineWeb deduplicated across all its snapshots",
    "nemotron_cc.unique_real_tokens": "Nemotron-CC's unique real tokens",
    "redpajama_v2.dedup_tokens": "RedPajama-Data-v2",
    "dclm.pool_tokens": "DCLM-Pool (all Common Crawl before 2023)",
}
"""Short names of the routes for prose."""


def quality_unique(stock: Stock) -> np.ndarray:
    """Draws of the quality-filtered unique stock in 2024 (tokens): indexed web x quality fraction."""
    return stock.indexed_web_2024 * stock.inputs["quality_fraction"]


def rescaled(stock: Stock, factor: float) -> Stock:
    """The stock with its level (indexed pages) multiplied by ``factor``; every other input kept."""
    inputs = dict(stock.inputs) | {"indexed_web_pages": stock.inputs["indexed_web_pages"] * factor}
    return dataclasses.replace(stock, inputs=inputs)


def route_year(wall: DataWall, stock: Stock) -> float:
    """The headline's median year of full use (historical and compute-based paths) on ``stock``."""
    years = mixture(full_use(stock, wall.historical), full_use(stock, wall.compute_based), "route").years
    return float(np.median(years))


def routes(wall: DataWall, published: pd.DataFrame) -> pd.DataFrame:
    """Each released corpus: its size, the quantity of ours it is set against (median), their ratio,
    and the year of full use if our stock's level matched the corpus (a filtered corpus is a part of the
    stock, so its year is a lower bound: the earliest the stock could run out if it were all there is)."""
    ours_filtered = float(np.median(quality_unique(wall.stock)))
    ours_raw = float(np.median(wall.stock.indexed_web_2024))
    rows = []
    for number_id in (*FILTERED_CORPORA, RAW_CRAWL):
        figure = published.loc[number_id]
        ours = ours_raw if number_id == RAW_CRAWL else ours_filtered
        rows.append(
            {
                "id": number_id,
                "corpus": figure.quantity,
                "tokens": figure.value,
                "compared with": "our indexed web"
                if number_id == RAW_CRAWL
                else "our quality-filtered stock",
                "ours (median)": ours,
                "corpus / ours": figure.value / ours,
                "year of full use at that level": route_year(wall, rescaled(wall.stock, figure.value / ours)),
                "source": f"{author_year(figure.source_key)}, {figure.location}",
            }
        )
    return pd.DataFrame(rows)


def route_facts(table: pd.DataFrame, headline_year: float) -> dict:
    """The routes in words: how the released corpora compare with our stock, and how far the year of full
    use moves between routes (decimal years)."""
    filtered = table[table.id.isin(FILTERED_CORPORA)]
    raw = table[table.id == RAW_CRAWL].iloc[0]
    largest = filtered.loc[filtered.tokens.idxmax()]
    below = bool((filtered["corpus / ours"] < 1).all())
    years = table["year of full use at that level"]
    return {
        "route_filtered_verdict": (
            "every filtered corpus is smaller than our quality-filtered stock, as a part of it should be"
            if below
            else "a filtered corpus is larger than our quality-filtered stock, which a part of it cannot be: "
            "the stock model is too low"
        ),
        "route_largest": NAMES[largest.id],
        "route_largest_share": format_number(float(largest["corpus / ours"]), 2),
        "route_raw_share": format_number(float(raw["corpus / ours"]), 2),
        "route_year_low": format_in_unit(float(years.min()), "year"),
        "route_year_high": format_in_unit(float(years.max()), "year"),
        "route_headline": format_in_unit(headline_year, "year"),
    }


def route_table(table: pd.DataFrame) -> pd.DataFrame:
    """The routes as the page shows them."""
    return pd.DataFrame(
        {
            "corpus": table.corpus,
            "tokens": table.tokens.map(lambda value: format_number(value, 2)),
            "compared with": table["compared with"],
            "ours (median)": table["ours (median)"].map(lambda value: format_number(value, 2)),
            "corpus / ours": table["corpus / ours"].map(lambda value: format_number(value, 2)),
            "year of full use at that level": table["year of full use at that level"].map(
                lambda year: format_in_unit(year, "year")
            ),
            "source": table.source,
        }
    )
