"""Timelines: the largest training run to 2035, its 2030 ceilings, thresholds, counts and calibration.

Every posterior comes from the chapter that fits it: the compute trend (``compute_trends``), the
power chapter's overheads and chip efficiency (``power``), the effective text stock (``data_wall``)
and the compute-optimal allocation (``chinchilla``). Compute is FLOP (log10 in fits), years are
decimal years, growth x/yr. The 2030 ceilings draw ``data/constraint_inputs.csv``, paired by
``data/constraint_correlations.csv``; ``chip_supply`` checks the chip ceiling against Epoch AI's
chip-sales series.
"""

from analysis.topics.timelines import chip_supply, cutoff_check, facts, figures, model

__all__ = ["chip_supply", "cutoff_check", "facts", "figures", "model"]
