"""Power and cost of frontier training runs: per-run estimates, growth, decomposition, projection.

Conventions: a run's power is the peak draw its hardware needs from the grid, in W: chips x chip TDP
x server overhead x data-centre PUE (Epoch AI's definition). Energy is that power over the run's
chip-hours, in MWh; cost is amortised hardware plus energy, in nominal USD. Growth is x/yr, slopes
OOM/yr (log10 per year). Every uncertain factor is drawn uniformly over the range its sources give
(``data/power_cost_inputs.csv``); the drawn factors are shared by all runs in a draw (they are the
same assumptions for every run), utilisation is drawn per run.

Modules: ``model`` (per-run estimates, imputation and the held-out check), ``growth`` (trends across
runs, decomposition and the chapter's result), ``projection`` (the 2030 paths and their backtest),
``comparison`` (our costs against Epoch AI's), the prose in ``facts``, ``projection_facts`` and
``cost_facts``, and ``figures``.
"""

from analysis.topics.power import (
    comparison,
    cost_facts,
    facts,
    figures,
    growth,
    model,
    projection,
    projection_facts,
)

__all__ = [
    "comparison",
    "cost_facts",
    "facts",
    "figures",
    "growth",
    "model",
    "projection",
    "projection_facts",
]
