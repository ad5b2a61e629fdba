"""The landing page's findings: one plain sentence per headline key number, its value in human units, the
interval with its level, the published figure beside it and the data's end. Sentences are templates
filled from the registry (``{value}``, ``{interval}``); a headline without a template prints its
description, so no headline is left off."""

from dataclasses import dataclass

import pandas as pd

from analysis.report.bibliography import author_year
from analysis.report.keynumbers import KeyNumber
from analysis.science.units import format_human, format_number, format_printed

SENTENCES = {
    "compute.growth.frontier_since_2018": (
        "The training compute of frontier AI models has grown {value} since 2018."
    ),
    "compute.growth.frontier_2018_2024": (
        "On Epoch AI's window (2018 to May 2024) the same frontier grew {value}."
    ),
    "compute.growth.notable_2010_2024": (
        "Across notable models since 2010 (to May 2024), compute grew {value}."
    ),
    "algorithms.halving_time.speedrun_current_rules": (
        "Better methods halve the time to train a small language model to a fixed quality every "
        "{value} on the same hardware (the NanoGPT speedrun)."
    ),
    "algorithms.acceleration.speedrun_current_rules": (
        "The change in that rate each year (positive: speeding up) is {value}."
    ),
    "chinchilla.allocation.a": (
        "A compute-optimal model grows its parameters with compute to the power {value}."
    ),
    "chinchilla.tokens_per_parameter.chinchilla_budget": (
        "At Chinchilla's budget the best model reads about {value} of training data."
    ),
    "data.stock.effective_tokens_2024": "The usable stock of public human text was about {value} in 2024.",
    "data.full_use_year.median": (
        "If datasets keep growing as they have, the largest one uses that stock up by {value}."
    ),
    "power.growth.frontier": ("The power drawn by frontier training runs has grown {value}."),
    "timelines.largest_run_2030.constrained.flop": (
        "Given power, chips, data and money, the largest training run of 2030 uses about {value}."
    ),
    "timelines.largest_run_2030.constrained.power_w": "That run draws about {value} from the grid.",
}
"""Plain sentences for the headline key numbers (windows named; every value comes from the registry)."""


PLAIN_NUMBERS = {"chinchilla.allocation.a"}
"""Headlines that are exponents, printed as numbers (not as percentages)."""


def human_value(value: float, number: KeyNumber) -> str:
    """``value`` (in ``number``'s unit) as a reader reads it: ``5.7x a year``, ``4.9 GW``, ``Sep 2027``."""
    return format_number(value, 2) if number.id in PLAIN_NUMBERS else format_human(value, number.unit)


def published_text(number: KeyNumber, published: pd.DataFrame) -> tuple[str, str]:
    """The published figure paired with ``number`` in human units with its author-year, and its source
    key; ("", "") when none is paired."""
    if not number.published:
        return "", ""
    figure = published.loc[number.published]
    theirs = (
        human_value(figure.value, number)
        if figure.unit == number.unit
        else f"{format_printed(figure.value, figure.unit)} {figure.unit}"
    )
    return f"{theirs} ({author_year(figure.source_key)})", figure.source_key


def data_through_text(number: KeyNumber) -> str:
    """The data's end as month and year: ``September 2025``."""
    return pd.Timestamp(number.data_through).strftime("%B %Y")


@dataclass(frozen=True)
class Finding:
    """One card: sentence, value, interval, published figure (with its source key) and data cutoff."""

    id: str
    chapter: str
    sentence: str
    value: str
    interval: str
    published: str
    source_key: str
    data_through: str


def interval_text(number: KeyNumber) -> str:
    """``90% interval 5.2x a year–6.3x a year`` in human units (or its kind when not a CI)."""
    kind = "interval" if number.interval_kind == "CI" else number.interval_kind
    low, high = human_value(number.ci_low, number), human_value(number.ci_high, number)
    return f"{number.ci_level:.0%} {kind}: {low} to {high}"


def findings(numbers: list[KeyNumber], published: pd.DataFrame) -> list[Finding]:
    """A finding per headline key number, in chapter order."""
    cards = []
    order = list(SENTENCES)
    rank = {number_id: index for index, number_id in enumerate(order)}
    for number in sorted(
        (n for n in numbers if n.headline), key=lambda n: (rank.get(n.id, len(order)), n.id)
    ):
        value = human_value(number.value, number)
        template = SENTENCES.get(number.id, number.description + ": {value}.")
        theirs, key = published_text(number, published)
        cards.append(
            Finding(
                id=number.id,
                chapter=number.chapter,
                sentence=template.format(value=value),
                value=value,
                interval=interval_text(number),
                published=theirs,
                source_key=key,
                data_through=data_through_text(number),
            )
        )
    return cards
