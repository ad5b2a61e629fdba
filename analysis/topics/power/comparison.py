"""Power and cost (chapter 5): our per-run costs against Epoch AI's, run by run, and the cost gap split.

Costs in USD (ours nominal, Epoch's 2023 USD), chip-hours in hours of one accelerator, growth terms
as OLS slopes of log10 values on decimal year (OOM/yr). On the same runs and dates an OLS slope is
linear in the values, so the slope of log10(ours / Epoch) is exactly the slope of the chip-hours
ratio plus the slope of the cost-per-chip-hour ratio; sample terms are differences of slopes
between nested sets of runs. The terms therefore add up to the gap between the two fits.
"""

import numpy as np
import pandas as pd

from analysis.science import trends
from analysis.topics import audit
from analysis.topics.power.model import Runs

EPOCH_COST = "Training compute cost (2023 USD)"

RATIO_RANGE = (0.5, 2.0)
"""Ratios of our cost to Epoch's outside this range get a stated reason."""


def cost_against_epoch(runs: Runs, models: pd.DataFrame, epoch: pd.DataFrame, window) -> pd.DataFrame:
    """Every priced run of ours in ``window`` (start, end) beside Epoch AI's cost and chip-hours.

    ``epoch_chip_hours`` is their hardware quantity x training time where they list both.
    Ratios are ours / Epoch; ``rest_ratio`` (cost per chip-hour: price, depreciation, overheads,
    energy, USD year) is the cost ratio over the chip-hours ratio.
    """
    table = runs.table.assign(chip_hours=np.median(runs.chip_hours, axis=1))
    keep = table.cost_usd.notna() & table.publication_date.between(*window)
    table = table[keep.to_numpy()]
    names = audit.join_epoch(models, epoch).set_index("model").epoch_name
    theirs = epoch.drop_duplicates("Model").set_index("Model")
    name = table.model.map(names)
    frame = pd.DataFrame(
        {
            "model": table.model.to_numpy(),
            "publication_date": table.publication_date.to_numpy(),
            "ours_usd": table.cost_usd.to_numpy(),
            "ours_chip_hours": table.chip_hours.to_numpy(),
            "chip_hours_basis": table.chip_hours_basis.to_numpy(),
            "price_usd": table.price_usd.to_numpy(),
            "value_at_start_usd": table.value_at_start_usd.to_numpy(),
            "epoch_name": name.to_numpy(),
            "epoch_usd": pd.to_numeric(name.map(theirs[EPOCH_COST]), errors="coerce").to_numpy(),
            "epoch_chips": pd.to_numeric(name.map(theirs["Hardware quantity"]), errors="coerce").to_numpy(),
            "epoch_hours": pd.to_numeric(
                name.map(theirs["Training time (hours)"]), errors="coerce"
            ).to_numpy(),
            "epoch_hardware": name.map(theirs["Training hardware"]).fillna("").to_numpy(),
            "epoch_cost_notes": name.map(theirs["Compute cost notes"]).fillna("").to_numpy(),
        }
    )
    frame["epoch_chip_hours"] = frame.epoch_chips * frame.epoch_hours
    return with_ratios(frame).sort_values("publication_date", kind="stable").reset_index(drop=True)


def with_ratios(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the ratios (ours / Epoch) and factors that ``gap_terms`` splits the gap into."""
    frame = frame.copy()
    frame["ratio"] = frame.ours_usd / frame.epoch_usd
    frame["chip_hours_ratio"] = frame.ours_chip_hours / frame.epoch_chip_hours
    frame["rest_ratio"] = frame.ratio / frame.chip_hours_ratio
    frame["ours_per_chip_hour"] = frame.ours_usd / frame.ours_chip_hours
    frame["epoch_per_chip_hour"] = frame.epoch_usd / frame.epoch_chip_hours
    frame["depreciation"] = frame.value_at_start_usd / frame.price_usd
    frame["overheads_and_energy"] = frame.ours_per_chip_hour / frame.value_at_start_usd
    return frame


def _slope(frame: pd.DataFrame, column: str) -> float:
    return float(
        trends.ols_slopes(
            trends.decimal_year(frame.publication_date), np.log10(frame[column].to_numpy(float))
        )
    )


def gap_terms(comparison: pd.DataFrame, epoch_window: pd.DataFrame) -> tuple[dict, dict]:
    """The gap between our cost growth and Epoch's (both OLS on their own runs, OOM/yr), in terms.

    ``comparison`` is ``cost_against_epoch``; ``epoch_window`` Epoch's runs in the same window with
    ``publication_date`` and ``epoch_usd``. Terms: runs only we cost; matched runs without Epoch's
    chip-hours; chip-hours; cost per chip-hour, itself split into our dated price per chip, our
    depreciation to the training start, our overheads, hardware life and energy (cost per chip-hour
    over value per chip), and minus Epoch's cost per chip-hour (whose parts their table does not
    give); runs only Epoch costs. They sum to ``total``.
    Also returns how many runs each set holds.
    """
    matched = comparison[comparison.epoch_usd > 0]
    known = matched[matched.epoch_chip_hours > 0]
    theirs = epoch_window[epoch_window.epoch_usd > 0]
    ours_all, ours_matched, ours_known = (_slope(f, "ours_usd") for f in (comparison, matched, known))
    epoch_known, epoch_matched, epoch_all = (
        _slope(known, "epoch_usd"),
        _slope(matched, "epoch_usd"),
        _slope(theirs, "epoch_usd"),
    )
    terms = {
        "sample_ours_only": ours_all - ours_matched,
        "sample_without_chip_hours": (ours_matched - ours_known) - (epoch_matched - epoch_known),
        "chip_hours": _slope(known, "chip_hours_ratio"),
        "price": _slope(known, "price_usd"),
        "depreciation": _slope(known, "depreciation"),
        "overheads_and_energy": _slope(known, "overheads_and_energy"),
        "epoch_per_chip_hour": -_slope(known, "epoch_per_chip_hour"),
        "sample_epoch_only": epoch_matched - epoch_all,
    }
    terms["total"] = ours_all - epoch_all
    counts = {"ours": len(comparison), "matched": len(matched), "known": len(known), "epoch": len(theirs)}
    return terms, counts


def gap_term_draws(
    comparison: pd.DataFrame, epoch_window: pd.DataFrame, resamples: int, seed: int
) -> pd.DataFrame:
    """``gap_terms`` on ``resamples`` seeded bootstrap resamples (our runs and Epoch's resampled each
    on their own; the nested sets follow from the resample), one row per resample, vectorised. Each
    row's terms still add up to its total."""
    rng = np.random.default_rng(seed)
    ours = rng.integers(0, len(comparison), (resamples, len(comparison)))
    years = trends.decimal_year(comparison.publication_date)[ours]
    matched = (comparison.epoch_usd > 0).to_numpy()[ours]
    known = matched & (comparison.epoch_chip_hours > 0).to_numpy()[ours]

    def slope(column: str, keep: np.ndarray | None = None) -> np.ndarray:
        values = np.log10(comparison[column].to_numpy(float))[ours]
        return trends.masked_slopes(years, values if keep is None else np.where(keep, values, np.nan))

    theirs = rng.integers(0, len(epoch_window), (resamples, len(epoch_window)))
    their_values = np.log10(epoch_window.epoch_usd.to_numpy(float))[theirs]
    their_slope = trends.masked_slopes(
        trends.decimal_year(epoch_window.publication_date)[theirs], their_values
    )
    ours_all, ours_matched, ours_known = (
        slope("ours_usd"),
        slope("ours_usd", matched),
        slope("ours_usd", known),
    )
    epoch_matched, epoch_known = slope("epoch_usd", matched), slope("epoch_usd", known)
    draws = pd.DataFrame(
        {
            "sample_ours_only": ours_all - ours_matched,
            "sample_without_chip_hours": (ours_matched - ours_known) - (epoch_matched - epoch_known),
            "chip_hours": slope("chip_hours_ratio", known),
            "price": slope("price_usd", known),
            "depreciation": slope("depreciation", known),
            "overheads_and_energy": slope("overheads_and_energy", known),
            "epoch_per_chip_hour": -slope("epoch_per_chip_hour", known),
            "sample_epoch_only": epoch_matched - their_slope,
        }
    )
    draws["total"] = ours_all - their_slope
    return draws
