"""The compute-trends chapter's analysis: growth of training compute since 2010.

Selections (who counts), the headline fits with their three columns (ours;
Epoch's data with our code; Epoch's published figure) and the backtests in
``model``; the break search in ``breaks``; the specification curve in
``specification``. Fits and intervals come from ``analysis.science.trends``,
breaks and backtests from ``analysis.science.forecasts``; compute in FLOP,
growth in x/yr, intervals 90%.
"""

from analysis.topics.compute_trends import breaks, facts, figures, model, specification

__all__ = ["breaks", "facts", "figures", "model", "specification"]
