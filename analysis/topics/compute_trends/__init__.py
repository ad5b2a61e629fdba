"""The compute-trends chapter's analysis: growth of training compute since 2010.

Selections (who counts), the headline fits with their three columns (ours;
Epoch's data with our code; Epoch's published figure), the break search, the
specification curve and the backtests. Fits and intervals come from
``analysis.science.trends``; compute in FLOP, growth in x/yr, intervals 90%.
"""

from analysis.topics.compute_trends import facts, figures, model

__all__ = ["facts", "figures", "model"]
