"""Power and cost (chapter 5): the prose of the cost comparison with Epoch AI, run by run and in terms."""

import re

import numpy as np
import pandas as pd

from analysis.science import trends
from analysis.science.units import format_number
from analysis.topics import compute_trends
from analysis.topics.power.comparison import RATIO_RANGE
from analysis.topics.power.growth import PowerAndCost


def cost_gap_text(ours: trends.GrowthFit, theirs: trends.GrowthFit, published: pd.Series) -> str:
    """The cost gap split in two, in OOM/yr: per-run costs (ours minus their estimates, one fit) and
    fit, frontier rule and vintage (their estimates through our fit minus their published rate)."""
    data_gap = np.log10(ours.factor) - np.log10(theirs.factor)
    method_gap = np.log10(theirs.factor) - np.log10(published.value)
    inside = published.ci_low <= theirs.factor <= published.ci_high
    verdict = (
        "their estimates reproduce the published rate through our fit, so the gap lies in our per-run costs"
        if inside
        else "their estimates through our fit fall outside the published interval, so fit, frontier rule or "
        "vintage also move the rate"
    )
    return (
        f"per-run costs (ours against Epoch AI's, same fit) {data_gap:+.2f} OOM/yr; fit, frontier rule and "
        f"vintage (Epoch's estimates through our fit against the published rate) {method_gap:+.2f} OOM/yr: "
        f"{verdict}"
    )


GAP_TERM_NAMES = {
    "sample_ours_only": "our runs Epoch AI does not cost",
    "sample_without_chip_hours": "matched runs without Epoch's chip count and training time",
    "chip_hours": "chip-hours",
    "price": "our dated price per chip",
    "depreciation": "our depreciation to the training start",
    "overheads_and_energy": "our overheads, hardware life and energy per unit of chip value",
    "epoch_per_chip_hour": "Epoch's cost per chip-hour, negated (their table gives no parts)",
    "sample_epoch_only": "Epoch's runs we do not cost",
}
"""How the page names each term of ``comparison.gap_terms``."""


def gap_terms_text(terms: dict) -> str:
    """The gap between our cost growth and Epoch's, term by term in OOM/yr, and the total they make."""
    parts = "; ".join(f"{name} {terms[key]:+.3f}" for key, name in GAP_TERM_NAMES.items())
    largest = max(GAP_TERM_NAMES, key=lambda key: abs(terms[key]))
    return f"{parts}; together {terms['total']:+.3f} OOM/yr. The largest term is {GAP_TERM_NAMES[largest]}"


CLOUD_RATE = re.compile(r"\$\s?[0-9.]+\s*(?:/|per)\s*[A-Za-z0-9 ]*?(?:GPU|TPU|chip|processor)[- ]?hour", re.I)
"""A cost note that prices chip-hours at a rental rate (e.g. '$0.55/V100 GPU-hour')."""


def _evidence(row: pd.Series) -> str:
    """What Epoch's own row says that explains a gap: hardware we do not count, or a rental rate."""
    notes = []
    theirs = [name.strip() for name in str(row.get("epoch_hardware", "")).split(",") if name.strip()]
    if len(theirs) > 1:
        notes.append(f"Epoch's row lists {len(theirs)} kinds of hardware ({', '.join(theirs)}), ours one")
    if CLOUD_RATE.search(str(row.get("epoch_cost_notes", ""))):
        notes.append("Epoch's cost note prices its chip-hours at a cloud rental rate, not amortised purchase")
    return "".join(f"; {note}" for note in notes)


def ratio_reason(row: pd.Series) -> str:
    """Why our cost of a run is outside 0.5-2 times Epoch's: the larger of its two factors, with numbers,
    and what Epoch's own row says about it (``_evidence``)."""
    low, high = RATIO_RANGE
    if not np.isfinite(row.ratio) or low <= row.ratio <= high:
        return ""
    if not np.isfinite(row.epoch_chip_hours):
        return (
            "Epoch lists no chip count and training time, so chip-hours "
            f"({row.chip_hours_basis} on our side, {row.ours_chip_hours:,.0f}) and cost per chip-hour "
            "cannot be told apart" + _evidence(row)
        )
    chips, rest = np.log10(row.chip_hours_ratio), np.log10(row.rest_ratio)
    larger = "chip-hours" if abs(chips) >= abs(rest) else "cost per chip-hour"
    return (
        f"mostly {larger}: chip-hours x{format_number(row.chip_hours_ratio, 2)} "
        f"(ours {row.chip_hours_basis}, {row.ours_chip_hours:,.0f}; "
        f"Epoch's {row.epoch_chips:,.0f} chips x {row.epoch_hours:,.0f} h), "
        f"cost per chip-hour x{format_number(row.rest_ratio, 2)}" + _evidence(row)
    )


def cost_comparison_table(result: PowerAndCost) -> pd.DataFrame:
    """Run by run: our cost, Epoch's, the ratio, its two factors and the reason where it is outside 0.5-2."""
    frame = result.cost_against_epoch
    return pd.DataFrame(
        {
            "run": frame.model,
            "published": frame.publication_date.dt.strftime("%b %Y"),
            "ours (USD)": frame.ours_usd,
            "Epoch AI (2023 USD)": frame.epoch_usd,
            "ours / Epoch": frame.ratio,
            "chip-hours ratio": frame.chip_hours_ratio,
            "cost per chip-hour ratio": frame.rest_ratio,
            "why outside 0.5-2": frame.apply(ratio_reason, axis=1),
        }
    )


def cost_facts(result: PowerAndCost, published: pd.DataFrame) -> dict:
    """Numbers of the cost section, and the published figure it names."""
    return {
        "published_cost_growth": compute_trends.model.published_cell(
            published.loc["cottier2024.cost_growth.v2"]
        ),
        "epoch_cost_window_n": str(result.epoch_cost_window.n),
        "cost_window_n": str(result.cost_window.n),
        "cost_gap": cost_gap_text(
            result.cost_window, result.epoch_cost_window, published.loc["cottier2024.cost_growth.v2"]
        ),
        "gap_terms": gap_terms_text(result.cost_gap_terms),
        "gap_runs_matched": str(result.cost_gap_runs["matched"]),
        "gap_runs_known": str(result.cost_gap_runs["known"]),
        "ratio_range": f"{format_number(RATIO_RANGE[0], 2)}–{format_number(RATIO_RANGE[1], 2)}",
        "n_outside_ratio": str(int(cost_comparison_table(result)["why outside 0.5-2"].ne("").sum())),
    }
